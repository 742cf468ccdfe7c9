"""The article lines of a page by a line classifier over the sequence of lines.

Each line gets a handful of readable features (its length and share of function words, how it
ends and starts, capitals and digits, what the German line rules say about it, whether it reads
like a caption above its photo credit or is shown again further down, how much prose surrounds
it, whether a comment, teaser or appeal heading came above, whether it lies above, inside or
below the densest run of paragraphs, how much of its vocabulary the prose of the page shares and
how many of the headline's words it repeats), and the main ones of the lines right above and
below it (with whether they are photo credits). A logistic model turns them into the odds that
the line is article text, and a two-state hidden Markov model (body, other) smooths the odds
along the page with Viterbi decoding, so that a page may have several body stretches, but a lone
line seldom switches; the headline above the article is kept with it (and a one-paragraph lead
between the headline and a photo credit), as is a paragraph whose photo credit was glued on,
between kept lines. The weights are a short table (weights.json), trained by
benchmarks/train_clean.py.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kernpunkt.clean.lines import TERMINAL, Line
from kernpunkt.clean.region import HEADLINE_SEARCH_LINES, is_headline, select_body
from kernpunkt.clean.rules import STARTS_SENTENCE, TRUNCATED, repeat_key
from kernpunkt.german import STOPWORDS, words

WEIGHTS = Path(__file__).with_name("weights.json")
# The reasons of the line rules, each a feature of its own.
RULE_REASONS = (
    "navigation",
    "metadata",
    "cookie-legal",
    "image-credit",
    "advertising",
    "newsletter-social",
    "teaser",
    "comments",
    "donation-appeal",
    "duplicate",
)
# Prose around a line is counted over this many lines on either side, near and wide.
NEAR_LINES = 2
WIDE_LINES = 8
# A content word has this many letters; shorter words say little about the topic.
CONTENT_WORD_LETTERS = 5
# Between the headline and the first line the model keeps, this many paragraphs are its lead
# (headline, lead, photo credit, text) and kept with it.
LEAD_LINES = 1
# The features of the line above and below that each line sees as well.
NEIGHBOUR_FEATURES = (
    "log_words",
    "paragraph",
    "ends_terminal",
    "link_like",
    "rule_metadata",
    "boilerplate",
    "rule_image-credit",
)
SHOUTING = re.compile(r"[A-ZÄÖÜ]")
LETTER = re.compile(r"[^\W\d_]")
LINK_LIKE = re.compile(r"https?://|www\.|\.(?:de|com|at|ch|html?)\b|[|»›>]\s|\s[|»›<]")


@dataclass(frozen=True)
class LineModel:
    """Logistic weights per feature and the transition table of the smoothing."""

    weights: dict[str, float]
    bias: float
    # log P(next state | state), states 0 = other, 1 = body; log P(first state).
    transitions: tuple[tuple[float, float], tuple[float, float]]
    start: tuple[float, float]
    # The classifier's odds are divided by the odds of this probability (a hybrid HMM divides
    # by the training share of body lines; higher values keep fewer lines).
    prior: float

    def to_json(self) -> str:
        """Return the model as the small JSON table shipped in the package."""
        table = {
            "weights": {name: round(value, 4) for name, value in self.weights.items()},
            "bias": round(self.bias, 4),
            "transitions": [[round(value, 4) for value in row] for row in self.transitions],
            "start": [round(value, 4) for value in self.start],
            "prior": round(self.prior, 4),
        }
        return json.dumps(table, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        """Return the model of a JSON table written by `to_json`."""
        table = json.loads(text)
        rows = table["transitions"]
        return cls(
            weights=table["weights"],
            bias=table["bias"],
            transitions=((rows[0][0], rows[0][1]), (rows[1][0], rows[1][1])),
            start=(table["start"][0], table["start"][1]),
            prior=table["prior"],
        )


@cache
def shipped_model() -> LineModel:
    """Return the model shipped with kernpunkt."""
    return LineModel.from_json(WEIGHTS.read_text(encoding="utf-8"))


def features(lines: list[Line]) -> list[dict[str, float]]:
    """Return the features of every judged line (see `rules.judge`), in order."""
    prose = [float(line.good and line.body) * line.words for line in lines]
    near = window_sums(prose, NEAR_LINES)
    wide = window_sums(prose, WIDE_LINES)
    shared = shared_vocabulary(lines)
    # Comment sections repeat a name and a date above every comment.
    metadata = [float(line.reason == "metadata") for line in lines]
    metadata_near = window_sums(metadata, WIDE_LINES)
    total = max(sum(prose), 1.0)
    region = select_body(lines)
    kept = [index for index, keep in enumerate(region) if keep]
    first, last = (kept[0], kept[-1]) if kept else (len(lines), -1)
    headline = content_words(lines[first].text) if kept else set()
    # A paragraph shown again further down is a caption or teaser copied (the second copy is
    # a duplicate by the rules), seldom the article's own text.
    keys = [repeat_key(line.text) for line in lines]
    last_seen = {key: index for index, key in enumerate(keys)}
    rows = []
    below_comments = False
    since_block = None
    prose_above = 0.0
    for index, line in enumerate(lines):
        text = line.text
        tokens = words(text)
        letters = len(LETTER.findall(text)) or 1
        row = {
            "log_words": math.log1p(line.words),
            "stopword_share": sum(token in STOPWORDS for token in tokens) / max(len(tokens), 1),
            "ends_terminal": float(TERMINAL.search(text) is not None),
            "truncated": float(TRUNCATED.search(text) is not None),
            "starts_capital": float(STARTS_SENTENCE.match(text) is not None),
            # A line of a select-all copy that starts in lower case is a fragment of a box.
            "starts_lower": float(text[:1].islower()),
            "paragraph": float(line.good),
            "capital_share": len(SHOUTING.findall(text)) / letters,
            "link_like": float(LINK_LIKE.search(text) is not None),
            "blocking": float(line.blocking),
            "log_prose_near": math.log1p(near[index] - prose[index]),
            "log_prose_wide": math.log1p(wide[index] - prose[index]),
            "prose_above_share": prose_above / total,
            "after_block_heading": float(since_block is not None and since_block < 2),
            "shared_vocabulary": shared[index],
            "log_metadata_near": math.log1p(metadata_near[index] - metadata[index]),
            "densest_run": float(region[index]),
            "above_run": float(index < first),
            "below_run": float(index > last),
            "paragraph_in_run": float(line.good and region[index]),
            "prose_below_share": (total - prose_above - prose[index]) / total,
            "below_comments": float(below_comments),
            "headline_similarity": overlap(content_words(text), headline),
            "boilerplate": float(not line.body),
            "paragraph_repeated_below": float(line.good and last_seen[keys[index]] > index),
            # A caption reads like a paragraph, with its credit right below it.
            "paragraph_above_credit": float(
                line.good and index + 1 < len(lines) and lines[index + 1].reason == "image-credit"
            ),
        }
        for reason in RULE_REASONS:
            row[f"rule_{reason}"] = float(line.reason == reason)
        rows.append(row)
        prose_above += prose[index]
        below_comments = below_comments or line.reason == "comments"
        if line.blocking:
            since_block = 0
        elif since_block is not None and line.good:
            since_block += 1
    add_neighbours(rows)
    return rows


def add_neighbours(rows: list[dict[str, float]]) -> None:
    """Add the features of the line above and the line below to every row."""
    blank = dict.fromkeys(NEIGHBOUR_FEATURES, 0.0)
    own = [{name: row[name] for name in NEIGHBOUR_FEATURES} for row in rows]
    for index, row in enumerate(rows):
        above = own[index - 1] if index > 0 else blank
        below = own[index + 1] if index + 1 < len(rows) else blank
        for name in NEIGHBOUR_FEATURES:
            row[f"above_{name}"] = above[name]
            row[f"below_{name}"] = below[name]


def window_sums(values: list[float], radius: int) -> list[float]:
    """Return the sum of `values` within `radius` of every position (prefix sums: linear)."""
    prefix = [0.0]
    for value in values:
        prefix.append(prefix[-1] + value)
    count = len(values)
    return [
        prefix[min(index + radius + 1, count)] - prefix[max(index - radius, 0)]
        for index in range(count)
    ]


def content_words(text: str) -> set[str]:
    """Return the long words of a line that are not function words."""
    return {
        token
        for token in words(text)
        if len(token) >= CONTENT_WORD_LETTERS and token not in STOPWORDS
    }


def overlap(vocabulary: set[str], headline: set[str]) -> float:
    """Return the share of the headline's content words a line uses."""
    return len(vocabulary & headline) / len(headline) if headline else 0.0


def shared_vocabulary(lines: list[Line]) -> list[float]:
    """Return, per line, the share of its content words that other prose lines use too."""
    vocabularies = [content_words(line.text) for line in lines]
    counts: Counter[str] = Counter()
    for line, vocabulary in zip(lines, vocabularies, strict=True):
        if line.good:
            counts.update(vocabulary)
    shares = []
    for line, vocabulary in zip(lines, vocabularies, strict=True):
        own = 1 if line.good else 0
        shared = sum(counts[word] - own >= 1 for word in vocabulary)
        shares.append(shared / len(vocabulary) if vocabulary else 0.0)
    return shares


def body_probability(row: dict[str, float], model: LineModel) -> float:
    """Return the logistic model's probability that a line with these features is body."""
    score = model.bias + sum(model.weights.get(name, 0.0) * value for name, value in row.items())
    return 1 / (1 + math.exp(-max(min(score, 30.0), -30.0)))


def decode(probabilities: list[float], model: LineModel) -> list[bool]:
    """Return the most likely body/other sequence (Viterbi) for the lines' body probabilities.

    The classifier's posterior divided by the training prior is, up to a constant, the
    likelihood of the line given the state, as in a hybrid HMM.
    """
    if not probabilities:
        return []
    floor = 1e-9
    emissions = [
        (
            math.log(max(1 - p, floor) / (1 - model.prior)),
            math.log(max(p, floor) / model.prior),
        )
        for p in probabilities
    ]
    scores = [model.start[state] + emissions[0][state] for state in (0, 1)]
    back: list[tuple[int, int]] = []
    for other, body in emissions[1:]:
        steps = []
        new = []
        for state, emission in ((0, other), (1, body)):
            options = [scores[before] + model.transitions[before][state] for before in (0, 1)]
            best = 0 if options[0] >= options[1] else 1
            steps.append(best)
            new.append(options[best] + emission)
        back.append((steps[0], steps[1]))
        scores = new
    state = 0 if scores[0] >= scores[1] else 1
    path = [state]
    for steps in reversed(back):
        state = steps[state]
        path.append(state)
    return [bool(state) for state in reversed(path)]


def select_lines(lines: list[Line], model: LineModel | None = None) -> list[bool]:
    """Return which judged lines are article text, by the classifier and the smoothing."""
    model = model or shipped_model()
    keep = decode_page(lines, [body_probability(row, model) for row in features(lines)], model)
    # The model learnt from whole pages; a paste it finds no article in (a headline alone, a
    # list) is left to the densest run, which keeps what is not boilerplate.
    return keep if any(keep) else select_body(lines)


def decode_page(lines: list[Line], probabilities: list[float], model: LineModel) -> list[bool]:
    """Return the smoothed choice of lines, with the headline, its lead and glued sentences."""
    return with_glued_sentences(lines, with_headline(lines, decode(probabilities, model)))


def with_headline(lines: list[Line], keep: list[bool]) -> list[bool]:
    """Return `keep` with the headline above the article kept too, and its lead.

    A paste may start with the headline, where every training page has its menu. The headline
    is searched above the first kept line and above the first kept paragraph (the decoder may
    keep the headline and still drop a lead between it and a photo credit).
    """
    if True not in keep:
        return keep
    first = keep.index(True)
    kept_paragraphs = (index for index, kept in enumerate(keep) if kept and lines[index].good)
    paragraph = next(kept_paragraphs, first)
    chosen = headline_and_lead(lines, first) | headline_and_lead(lines, paragraph)
    return [kept or index in chosen for index, kept in enumerate(keep)]


def headline_and_lead(lines: list[Line], first: int) -> set[int]:
    """Return the headline above line `first` and the lead between them, or nothing.

    The headline is the first candidate line above that is no paragraph, across credits,
    bylines and datelines and across up to LEAD_LINES paragraphs: a lead above the photo.
    """
    lead: set[int] = set()
    for index in range(first - 1, max(first - 1 - HEADLINE_SEARCH_LINES, -1), -1):
        line = lines[index]
        if not line.body:
            continue
        if line.good and len(lead) < LEAD_LINES:
            lead.add(index)
        elif not line.good and is_headline(line.text, line.words):
            return {index, *lead}
        else:
            break
    return set()


def with_glued_sentences(lines: list[Line], keep: list[bool]) -> list[bool]:
    """Return `keep` with each paragraph whose photo credit was glued on (and split off) kept
    where the lines around it and its credit are kept: the sentence reads on in the article."""
    keep = list(keep)
    for index, line in enumerate(lines[1:-2], start=1):
        if line.credit_glued and line.good and keep[index - 1] and keep[index + 2]:
            keep[index] = True
    return keep
