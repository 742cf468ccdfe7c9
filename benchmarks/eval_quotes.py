"""Evaluate `kernpunkt.quotes.find_quotes` on the SpkAtt-2023 sets and kernpunkt's held-out sets.

Prints span precision/recall/F1, speaker accuracy, the share of found quotes credited to a
different person (`wrong`: a speaker named who is not the gold speaker, or someone named where
the text names nobody, the part printed as "of it gold nobody") and the share left unclear
(`unclear`: attribution "unclear", which counts as not right when the text names someone), and
the same for the quotes whose gold speaker stands outside the quote's sentence (`outside`), for
the SpkAtt-2023 items, mark variants
and whole articles (in ../shared/data/quotes), and for five sets of German news passages and
articles written for kernpunkt by helpers that never saw the quote finder
(benchmarks/data/heldout-*.jsonl; A was used to fix errors after its first run, B and C only
after theirs, D scored at its first run and at the end of its round; E, 30 passages with two or
three people alternating, first run speaker 0.839, wrong 0.129), plus error counts by
category. On the held-out sets a pronoun speaker counts
only when it is resolved to the right person (their gold names the person), which SpkAtt's
gold cannot check. `name` is how clean the speaker's name is: of the quotes whose speaker is
right and named by more than a pronoun, the share whose `Quote.speaker` uses only words of the
gold speaker (no role owner, party or place glued to the name).
`--show N` prints N examples per error category.
A found quote matches a gold quote when it has the same words at the same place (gold
`quote_char_span`), so a quote repeated in one text counts once per occurrence.
The SpkAtt data is CC BY-NC-SA and is only read here, never copied into the repository.

`--curve` runs at threshold 0 and prints, per `quotes.min_confidence`, the share credited to a
different person, the share unclear and speaker accuracy.

    python benchmarks/eval_quotes.py [--show 5] [--data DIR] [--only SET] [--marks-only] [--curve]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kernpunkt.config import QuotesConfig
from kernpunkt.document import Quote
from kernpunkt.quotes import find_quotes
from kernpunkt.quotes.marks import mask, pair_marks
from kernpunkt.quotes.sentences import split_sentences

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes"
HELDOUT_DIR = Path(__file__).resolve().parent / "data"
SETS = (
    ("items", "spkatt-train.jsonl"),
    ("mark variants", "spkatt-train-markvariants.jsonl"),
    ("whole articles", "spkatt-train-docs.jsonl"),
)
HELDOUT_SETS = (
    ("held-out A", "heldout-a.jsonl"),
    ("held-out B", "heldout-b.jsonl"),
    ("held-out C", "heldout-c.jsonl"),
    ("held-out D", "heldout-d.jsonl"),
    ("held-out E", "heldout-e.jsonl"),
)
# Confidence thresholds of the trade-off curve (`--curve`).
CURVE = (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"\w+(?:[-.’']\w+)*")
CONTEXT = 70
# Gold pronoun speakers: the pronoun itself or the named person it refers to both count.
PRONOUNS = frozenset({"er", "sie", "es", "ich", "wir", "man"})
DEMONSTRATIVE_PRONOUNS = frozenset({"dieser", "diese", "letzterer", "letztere"})
# Marks that end a clause: a pronoun's referent is named before the pronoun's own clause.
CLAUSE_END_RE = re.compile(r"[.!?…:;,“”«»\"]")
# Words that open a description, not a name ("Das Angebot", "die Ministerin").
ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())


@dataclass
class Score:
    """Counts for one data set, with examples of each kind of error."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0
    speaker_total: int = 0
    name_ok: int = 0
    name_total: int = 0
    wrong: int = 0
    wrong_nobody: int = 0
    unclear: int = 0
    outside_total: int = 0
    outside_ok: int = 0
    outside_wrong: int = 0
    # per matched quote: (confidence, named, right, right if left unclear)
    scored: list[tuple[float, bool, bool, bool]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def figures(self) -> dict[str, float]:
        """Return span precision, recall and F1, speaker accuracy and name cleanness."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speaker = self.speaker_ok / self.speaker_total if self.speaker_total else 0.0
        name = self.name_ok / self.name_total if self.name_total else 0.0
        total = self.speaker_total or 1
        outside = self.outside_total or 1
        return {
            "P": precision,
            "R": recall,
            "F1": f1,
            "speaker": speaker,
            "name": name,
            "wrong": self.wrong / total,
            "wrong_nobody": self.wrong_nobody / total,
            "unclear": self.unclear / total,
            "outside": self.outside_total / total,
            "outside_speaker": self.outside_ok / outside,
            "outside_wrong": self.outside_wrong / outside,
        }

    def curve(self, thresholds: Iterable[float]) -> list[tuple[float, float, float, float]]:
        """Return (threshold, wrong, unclear, speaker right) for each confidence threshold.

        A named speaker below the threshold is left unclear: right only where the gold names
        nobody. Computed from one run at threshold 0, so it ignores that an unclear quote no
        longer feeds the speakers of later ones.
        """
        total = len(self.scored) or 1
        rows = []
        for threshold in thresholds:
            wrong = unclear = right = 0
            for confidence, named, ok, ok_unclear in self.scored:
                kept = named and confidence >= threshold
                wrong += kept and not ok
                unclear += not kept
                right += ok if kept or not named else ok_unclear
            rows.append((threshold, wrong / total, unclear / total, right / total))
        return rows

    def line(self, name: str, seconds: float) -> str:
        """Return the figures as one line of text."""
        got = self.figures()
        return (
            f"{name:15s} P {got['P']:.3f}  R {got['R']:.3f}  F1 {got['F1']:.3f}  "
            f"speaker {got['speaker']:.3f} ({self.speaker_ok}/{self.speaker_total})  "
            f"name {got['name']:.3f}  wrong {got['wrong']:.3f} "
            f"(of it gold nobody {got['wrong_nobody']:.3f})  unclear {got['unclear']:.3f}  "
            f"tp {self.tp} fp {self.fp} fn {self.fn}  {seconds:.2f}s\n"
            f"{'':15s} speaker outside the quote's sentence: {got['outside']:.3f} of quotes, "
            f"right {got['outside_speaker']:.3f} ({self.outside_ok}/{self.outside_total}), "
            f"wrong {got['outside_wrong']:.3f}"
        )


def normalise(text: str) -> str:
    """Collapse whitespace so that spans compare by their words."""
    return SPACE_RE.sub(" ", text).strip()


def last_word(text: str) -> str | None:
    """Return the last word of a speaker phrase."""
    words = WORD_RE.findall(text)
    return words[-1].lower() if words else None


def speaker_correct(
    gold: dict, mention: str | None, text: str = "", name: str | None = None
) -> bool:
    """Tell whether a predicted speaker matches the gold speaker or an alternative.

    Correct when the last word of the gold speaker (or of an alternative) is a word of our
    mention; gold null needs our None. Pronouns count both ways, as the data's README says
    ("a good extractor resolves them to the named person, and both count as correct"): our
    pronoun mention ("sie", "dieser") counts when the name it resolves to matches the gold
    name, and a gold pronoun ("er") also accepts our resolved name when it is a name (not a
    description such as "Das Angebot") written in the text before the pronoun's own clause:
    the person the pronoun refers to.
    """
    if gold["speaker"] is None:
        return mention is None
    if mention is None:
        return False
    if gold.get("person") and last_word(gold["person"]) in {
        word.lower() for word in WORD_RE.findall(name or "")
    }:
        # held-out gold names the person: our speaker resolved to that person counts
        return True
    if gold.get("person") and gold["speaker"].lower() in PRONOUNS:
        # held-out gold names the person a pronoun stands for: only that person counts
        return mention.lower() == gold["speaker"].lower() and last_word(gold["person"]) in {
            word.lower() for word in WORD_RE.findall(name or "")
        }
    words = {word.lower() for word in WORD_RE.findall(mention)}
    if mention.lower() in PRONOUNS | DEMONSTRATIVE_PRONOUNS and name:
        words |= {word.lower() for word in WORD_RE.findall(name)}
    candidates = [gold["speaker"], *gold.get("speaker_alternatives", [])]
    if any(last_word(candidate) in words for candidate in candidates if candidate):
        return True
    if gold["speaker"].lower() not in PRONOUNS or not gold.get("speaker_char_span"):
        return False
    resolved = name or mention
    words = WORD_RE.findall(resolved)
    if not words or words[0].lower() in ARTICLES or not words[-1][:1].isupper():
        return False
    before = {word.lower() for word in WORD_RE.findall(text[: clause_start(text, gold)])}
    return words[-1].lower() not in PRONOUNS and words[-1].lower() in before


def name_is_clean(gold: dict, quote: Quote, text: str = "") -> bool | None:
    """Tell whether the speaker's name uses only words of the gold speaker or an alternative.

    A first name the text gives with the gold surname elsewhere also counts as the speaker's.

    None when the gold or our mention is only a pronoun, or our name is none of our mention's
    words ("der Linkspolitiker" resolved to the person just named): it then comes from elsewhere.
    """
    pronouns = PRONOUNS | DEMONSTRATIVE_PRONOUNS
    if gold["speaker"].lower() in pronouns or (quote.speaker_mention or "").lower() in pronouns:
        return None
    name = {word.lower() for word in WORD_RE.findall(quote.speaker or "")}
    if not name & {word.lower() for word in WORD_RE.findall(quote.speaker_mention or "")}:
        return None
    allowed = {
        word.lower()
        for candidate in [gold["speaker"], *gold.get("speaker_alternatives", [])]
        if candidate
        for word in WORD_RE.findall(candidate)
    }
    # "Mäurer" resolved to the full name the text gave before ("Ulrich Mäurer") is clean
    given = re.compile(rf"([A-ZÄÖÜ][\w-]+) {re.escape(gold['speaker'].split()[-1])}(?!\w)")
    allowed |= {match.lower() for match in given.findall(text)}
    return name <= allowed


def clause_start(text: str, gold: dict) -> int:
    """Return where the clause holding the gold speaker starts."""
    pronoun = gold["speaker_char_span"][0]
    ends = list(CLAUSE_END_RE.finditer(text, 0, pronoun))
    return ends[-1].end() if ends else 0


def snippet(text: str, start: int, end: int) -> str:
    """Return the span in context, marked with ⟦ ⟧, on one line."""
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return normalise(f"{left}⟦{text[start:end]}⟧{right}")


def fp_category(text: str, start: int, end: int) -> str:
    """Name the kind of a false quote, to see which rule let it through."""
    words = text[start:end].strip()
    if words[-1:] in ".!?…":
        return "fp:sentence"
    if words[:1].isupper() and all(w[:1].isupper() or not w[:1].isalpha() for w in words.split()):
        return "fp:capitalised-term"
    return "fp:phrase"


def fn_category(gold: dict) -> str:
    """Name the kind of a missed quote by its gold cue."""
    kind = "nested" if gold.get("nested") else "direct"
    cue = (gold.get("cue") or "none").split()[0].lower()
    return f"fn:{kind}:{cue}"


def speaker_outside(text: str, gold: dict, bounds: list[tuple[int, int]]) -> bool:
    """Tell whether the gold speaker stands outside the sentence that holds the quote.

    SpkAtt gold gives the speaker's offsets; held-out gold only its words, which then must not
    occur in the quote's sentence (outside the quote itself).
    """
    if gold["speaker"] is None:
        return False
    start, end = gold["quote_char_span"]
    sentence = next(((s, e) for s, e in bounds if s <= start < e), (start, end))
    if gold.get("speaker_char_span"):
        where = gold["speaker_char_span"][0]
        return not sentence[0] <= where < sentence[1]
    around = text[sentence[0] : start] + " " + text[end : sentence[1]]
    return re.search(rf"(?<!\w){re.escape(gold['speaker'])}(?!\w)", around) is None


def match(gold: dict, predicted: list[Quote]) -> Quote | None:
    """Return the predicted quote for a gold quote: the same words at the same place.

    Matching by character span (not by text alone) counts a quote repeated in one text once
    per occurrence, and does not credit the right words found at the wrong occurrence.
    """
    start, end = gold["quote_char_span"]
    words = normalise(gold["quote"])
    for quote in predicted:
        if quote.start < end and start < quote.end and normalise(quote.text) == words:
            return quote
    return None


def marks_only(text: str) -> list[Quote]:
    """Return every span kernpunkt's mark pairing finds, as quotes: the baseline without frames."""
    quotes = []
    for span in pair_marks(text):
        words = text[span.start : span.end]
        start = span.start + len(words) - len(words.lstrip())
        quotes.append(Quote(words.strip(), start, start + len(words.strip())))
    return quotes


def score_item(
    item: dict, score: Score, finder: Callable[[str], list[Quote]] = find_quotes
) -> None:
    """Compare the quotes `finder` finds in one item with its gold quotes."""
    text = item["text"]
    unmatched = finder(text)
    bounds = split_sentences(mask(text, pair_marks(text), set()))
    for gold in item["quotes"]:
        quote = match(gold, unmatched)
        if quote is None:
            score.fn += 1
            start, end = gold["quote_char_span"]
            score.errors[fn_category(gold)].append(snippet(text, start, end))
            continue
        unmatched.remove(quote)
        score.tp += 1
        score.speaker_total += 1
        # an unclear quote names no one, even where it keeps the words of an unnamed source
        named = quote.speaker_mention is not None and quote.attribution != "unclear"
        mention, name = (quote.speaker_mention, quote.speaker) if named else (None, None)
        right = speaker_correct(gold, mention, text, name)
        outside = speaker_outside(text, gold, bounds)
        score.unclear += quote.attribution == "unclear"
        score.wrong += named and not right
        score.wrong_nobody += named and not right and gold["speaker"] is None
        score.outside_total += outside
        score.outside_ok += outside and right
        score.outside_wrong += outside and named and not right
        score.scored.append((quote.confidence, named, right, gold["speaker"] is None))
        if right:
            score.speaker_ok += 1
            clean = None if gold["speaker"] is None else name_is_clean(gold, quote, text)
            if clean is not None:
                score.name_total += 1
                score.name_ok += clean
                if not clean:
                    score.errors["name:unclean"].append(
                        f"name={quote.speaker!r} gold={gold['speaker']!r} | "
                        + snippet(text, quote.start, quote.end)
                    )
        else:
            kind = "null" if gold["speaker"] is None else "wrong"
            if not named:
                kind = "unclear" if quote.attribution == "unclear" else "missing"
            score.errors[f"speaker:{kind}"].append(
                f"gold={gold['speaker']!r} got={quote.speaker_mention!r} cue={quote.cue!r} "
                f"conf={quote.confidence:.2f} | " + snippet(text, quote.start, quote.end)
            )
    for quote in unmatched:
        score.fp += 1
        category = fp_category(text, quote.start, quote.end)
        score.errors[category].append(
            f"spk={quote.speaker_mention!r} cue={quote.cue!r} | "
            + snippet(text, quote.start, quote.end)
        )


def load(path: Path) -> Iterable[dict]:
    """Yield the JSON objects of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_heldout(path: Path) -> Iterable[dict]:
    """Yield the held-out passages in the shape of the SpkAtt items.

    A held-out quote gives its words, the speaker's mention and the person (`speaker`); the
    character span is where the words stand, after the previous quote of the passage.
    """
    for item in load(path):
        text, cursor, quotes = item["text"], 0, []
        for quote in item["quotes"]:
            start = text.find(quote["quote"], cursor)
            start = start if start >= 0 else text.find(quote["quote"])
            cursor = start + len(quote["quote"])
            quotes.append(
                {
                    "quote": quote["quote"],
                    "quote_char_span": [start, cursor],
                    "speaker": quote["speaker_mention"],
                    "person": quote["speaker"],
                    "kind": quote["kind"],
                }
            )
        yield {"text": text, "quotes": quotes}


def score_set(items: Iterable[dict], finder: Callable[[str], list[Quote]] = find_quotes) -> Score:
    """Return the counts of `finder` on every item of a set."""
    score = Score()
    for item in items:
        score_item(item, score, finder)
    return score


def evaluate(
    name: str,
    items: Iterable[dict],
    finder: Callable[[str], list[Quote]],
    show: int,
    curve: bool = False,
) -> None:
    """Score one set and print its figures, error counts and `show` examples per error."""
    began = time.perf_counter()
    score = score_set(items, finder)
    print(score.line(name, time.perf_counter() - began))
    for threshold, wrong, unclear, right in score.curve(CURVE) if curve else []:
        print(
            f"  curve: min_confidence {threshold:.2f}  wrong {wrong:.3f}  "
            f"unclear {unclear:.3f}  speaker {right:.3f}"
        )
    counts = Counter({category: len(found) for category, found in score.errors.items()})
    print("  errors: " + ", ".join(f"{c} {n}" for c, n in counts.most_common(12)))
    for category, _ in counts.most_common() if show else []:
        print(f"  -- {category}")
        for example in score.errors[category][:show]:
            print(f"     {example}")


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="examples per error category")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder with the .jsonl sets")
    names = [name for name, _ in SETS + HELDOUT_SETS]
    parser.add_argument("--only", choices=names, help="evaluate one set")
    parser.add_argument(
        "--marks-only", action="store_true", help="the baseline: every paired span is a quote"
    )
    parser.add_argument(
        "--curve",
        action="store_true",
        help="print wrong/unclear/speaker-right per quotes.min_confidence (found at threshold 0)",
    )
    args = parser.parse_args(argv)
    finder = marks_only if args.marks_only else find_quotes
    if args.curve and not args.marks_only:
        everything = QuotesConfig(min_confidence=0.0)

        def finder(text: str) -> list[Quote]:
            return find_quotes(text, everything)

    if not args.data.is_dir():
        print(f"no SpkAtt data at {args.data} (it lives in ../shared/data/quotes): skipped")
    for name, filename in SETS if args.data.is_dir() else ():
        if args.only in (None, name):
            evaluate(name, load(args.data / filename), finder, args.show, args.curve)
    for name, filename in HELDOUT_SETS:
        if args.only in (None, name):
            evaluate(name, load_heldout(HELDOUT_DIR / filename), finder, args.show, args.curve)
    return 0


if __name__ == "__main__":
    sys.exit(main())
