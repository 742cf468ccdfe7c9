"""Guard the abstractive summary's fidelity: drop or replace sentences the source does not support.

One job: check each English summary sentence against the digest it summarises. A sentence fails

1. `guard-quote` when text in quotation marks (“…”, "…", ‘…’; an unclosed mark quotes to the
   sentence end) is not, word for word, part of a translated quote (`Quote.text_en`; compared as
   lower-case words, so marks, case and whitespace do not count);
2. `guard-speaker` when the name nearest to such a quote is not that quote's speaker
   (`speaker_en` or `speaker`): “Scholz said ‘…’” where Singh said it;
3. `guard-person` when it names a person who is neither a speaker nor named in the source
   sentences it draws on (the English sentences sharing the most content words with it);
4. `guard-number` when a number in it is not in the source (German or English; digits are compared
   without separators, so 10,000 = 10.000);
5. `guard-unsupported` when fewer than half of its content words occur anywhere in the English
   source: a sentence made up rather than condensed.

People are found by a heuristic, not a named-entity model: a run of capitalised words outside
quotation marks, split at titles ("President", "Mr") and stripped of common words ("The",
"According"), is a name when it has two words or more, follows a title, or stands next to a speech
verb ("Scholz said", "said Scholz", "according to Scholz"), unless a word of it marks a place or an
organisation ("North Korea", "White House"). A name matches a source when its words occur there
in a row, so "Singh" matches "Sabrina Singh".

A failing sentence is replaced by the key point that shares the most content words with it, when
that is at least half of them and the key point is not in the summary yet, and dropped otherwise;
each removal gives a `Notice` saying what was wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import pysbd

from kernpunkt.checks import digit_groups
from kernpunkt.document import Digest, KeyPoint, Notice, Quote
from kernpunkt.german import contains

# A quoted span: typographic or straight double marks, an unclosed double mark running to the
# sentence end or an unopened one from its start, or single marks that open after a non-letter and
# close before one (so apostrophes in "North Korea’s" never open or close one).
QUOTED = re.compile(
    r"“([^“”]+)(?:”|$)|^([^“”]+)”|\"([^\"]+)(?:\"|$)|(?<!\w)[‘']([^‘’']+)[’'](?!\w)"
)
WORD = re.compile(r"\w+")
# A word as a name part: letters, hyphens, and an inner apostrophe ("O’Brien", not "Singh’s").
NAME_WORD = re.compile(r"[^\W\d_](?:[\w-]|['’](?=[^\W\d_]{2}))*")
HONORIFIC_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof)\.")

# Lower-case words that may sit inside a name ("Ursula von der Leyen").
PARTICLES = frozenset("von van der den de da di du del la le bin al ten ter".split())
TITLES = frozenset(
    (
        "mr mrs ms dr prof president chancellor minister secretary general spokesman spokeswoman "
        "spokesperson prime foreign defence defense vice chief senator governor mayor ambassador "
        "leader"
    ).split()
)
# Words that make a capitalised run a place or an organisation ("North Korea", "White House").
PLACE_WORDS = frozenset(
    (
        "north south east west northern southern eastern western central united states kingdom "
        "union republic nations house council ministry department office party army forces "
        "government parliament court bank agency service"
    ).split()
)
SPEECH_VERBS = frozenset(
    (
        "said says told added warned stressed explained announced claimed insisted confirmed "
        "stated noted wrote"
    ).split()
)
SPEECH_BEFORE = re.compile(rf"\b(?:{'|'.join(SPEECH_VERBS)}|according to)\s+$", re.IGNORECASE)
SPEECH_AFTER = re.compile(rf"\s+(?:{'|'.join(SPEECH_VERBS)})\b")
# Words that carry no content: they neither start a name nor count towards sentence overlap.
COMMON_WORDS = SPEECH_VERBS | frozenset(
    (
        "a an the and or but if of in on at to for from by with about as into after before over "
        "under between during without within against since until while because so than then "
        "that this these those there here it its he she they we you i me him her them us our "
        "their his my your who whom whose which what when where why how not no nor also only just "
        "all any some many much more most other such each every both either neither one has have "
        "had is are was were be been being do does did will would shall should can could may might "
        "must according meanwhile however yesterday today"
    ).split()
)
# A source sentence is drawn on when it shares at least this share of the best overlap.
OVERLAP_SHARE = 0.5
# A sentence needs at least this share of its content words somewhere in the source.
MIN_SUPPORT = 0.5
# English inflects at the end: the first five letters identify most content words.
STEM_LENGTH = 5


@dataclass(frozen=True)
class Name:
    """A person's name as written in a summary sentence, with its character span."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> tuple[str, ...]:
        """Return the name's lower-case words."""
        return words(self.text)


@cache
def _segmenter() -> pysbd.Segmenter:
    """Return the shared English sentence splitter, built on first use."""
    return pysbd.Segmenter(language="en", clean=False)


def split_english(text: str) -> list[str]:
    """Return the sentences of English `text`, paragraph by paragraph, stripped."""
    return [
        sentence.strip()
        for paragraph in text.splitlines()
        if paragraph.strip()
        for sentence in _segmenter().segment(paragraph)
        if sentence.strip()
    ]


def words(text: str) -> tuple[str, ...]:
    """Return the lower-case words of `text`: what verbatim comparison looks at."""
    return tuple(word.casefold() for word in WORD.findall(text))


def quoted_spans(sentence: str) -> list[re.Match[str]]:
    """Return the spans of `sentence` in quotation marks."""
    return list(QUOTED.finditer(sentence))


def person_names(sentence: str) -> list[Name]:
    """Return the people named in `sentence` outside quotation marks (see the module heuristic)."""
    sentence = HONORIFIC_DOT.sub(r"\1 ", sentence)  # same length: spans stay valid
    inside = [span.span() for span in quoted_spans(sentence)]
    tokens = [
        token
        for token in NAME_WORD.finditer(sentence)
        if not any(start <= token.start() < end for start, end in inside)
    ]
    names = []
    for run in _capitalised_runs(sentence, tokens):
        for segment, after_title in _split_at_titles(run):
            if _is_person(sentence, segment, after_title):
                start, end = segment[0].start(), segment[-1].end()
                names.append(Name(sentence[start:end], start, end))
    return names


def _capitalised_runs(sentence: str, tokens: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Group neighbouring capitalised words (and particles between them) into runs."""
    runs: list[list[re.Match[str]]] = []
    for i, token in enumerate(tokens):
        capital = token.group()[0].isupper()
        following = next((t for t in tokens[i + 1 :] if t.group() not in PARTICLES), None)
        particle = token.group() in PARTICLES and following and following.group()[0].isupper()
        if not (capital or particle):
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last is tokens[i - 1] and _only_space(sentence, last, token):
            runs[-1].append(token)
        elif capital:
            runs.append([token])
    return runs


def _only_space(sentence: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Return whether only whitespace separates two tokens of `sentence`."""
    return sentence[left.end() : right.start()].isspace()


def _split_at_titles(run: list[re.Match[str]]) -> Iterable[tuple[list[re.Match[str]], bool]]:
    """Yield the parts of a run between titles and common words, and whether a title led in."""
    segment: list[re.Match[str]] = []
    after_title = False
    for token in [*run, None]:
        word = token.group().casefold() if token else ""
        if token is None or word in TITLES or word in COMMON_WORDS:
            if segment:
                yield segment, after_title
            segment, after_title = [], word in TITLES
        else:
            segment.append(token)


def _is_person(sentence: str, segment: list[re.Match[str]], after_title: bool) -> bool:
    """Return whether a capitalised segment names a person: two words, a title, or speech."""
    if any(token.group().casefold() in PLACE_WORDS for token in segment):
        return False
    return (
        len(segment) > 1
        or after_title
        or bool(SPEECH_BEFORE.search(sentence, 0, segment[0].start()))
        or bool(SPEECH_AFTER.match(sentence, segment[-1].end()))
    )


def content_stems(text: str, skip: Iterable[str] = ()) -> set[str]:
    """Return the stems of the content words of English `text`, leaving out the words `skip`."""
    skipped = set(skip)
    return {
        word[:STEM_LENGTH]
        for word in words(text)
        if word not in COMMON_WORDS and word not in skipped and not word.isdigit()
    }


class Evidence:
    """What a summary may say: the digest's quotes, speakers, numbers and English sentences."""

    def __init__(self, digest: Digest) -> None:
        """Index `digest` once for all summary sentences."""
        self.digest = digest
        self.quote_words = [(words(q.text_en), q) for q in digest.quotes if q.text_en]
        self.speakers = [words(s) for q in digest.quotes for s in _speaker_names(q)]
        texts = [
            digest.text,
            *(s.en for s in digest.sentences),
            *(q.text_en for q in digest.quotes),
        ]
        self.numbers = {number for text in texts for number in digit_groups(text)}
        self.stems = [content_stems(s.en) for s in digest.sentences]
        self.sentence_words = [words(f"{s.en} {s.de}") for s in digest.sentences]
        self.vocabulary = set().union(
            *self.stems, *(content_stems(q.text_en) for q in digest.quotes)
        )

    def problem(self, sentence: str) -> tuple[str, str] | None:
        """Return (code, what is wrong) for the first check `sentence` fails, or None."""
        names = person_names(sentence)
        return (
            self._quotes(sentence, names)
            or self._people(sentence, names)
            or self._numbers(sentence)
            or self._support(sentence)
        )

    def _quotes(self, sentence: str, names: Sequence[Name]) -> tuple[str, str] | None:
        """Check that quoted text is a translated quote, given to its speaker if to anyone."""
        for span in quoted_spans(sentence):
            text = next(group for group in span.groups() if group is not None)
            matching = [q for quoted, q in self.quote_words if contains(quoted, words(text))]
            if not matching:
                return "guard-quote", f"“{text}” is not among the translated quotes"
            speaker = _nearest(names, span.start(), span.end())
            if speaker and not any(
                contains(words(s), speaker.words) for q in matching for s in _speaker_names(q)
            ):
                said_by = ", ".join(
                    sorted({q.speaker_en or q.speaker or "an unnamed speaker" for q in matching})
                )
                return (
                    "guard-speaker",
                    f"“{text}” is attributed to {speaker.text}, but was said by {said_by}",
                )
        return None

    def _people(self, sentence: str, names: Sequence[Name]) -> tuple[str, str] | None:
        """Check that each person named is a speaker or named in the sentences drawn on."""
        sources = [
            *self.speakers,
            *(self.sentence_words[i] for i in self._drawn_on(sentence, names)),
        ]
        for name in names:
            if not any(contains(source, name.words) for source in sources):
                return (
                    "guard-person",
                    f"{name.text} is neither a speaker nor named in the source sentences "
                    "it draws on",
                )
        return None

    def _numbers(self, sentence: str) -> tuple[str, str] | None:
        """Check that each number is in the source."""
        for number in digit_groups(sentence):
            if number not in self.numbers:
                return "guard-number", f"the number {number} is not in the source"
        return None

    def _support(self, sentence: str) -> tuple[str, str] | None:
        """Check that most content words of the sentence occur in the source."""
        stems = content_stems(sentence)
        supported = len(stems & self.vocabulary)
        if supported < MIN_SUPPORT * len(stems):
            return (
                "guard-unsupported",
                f"only {supported} of its {len(stems)} content words occur in the source",
            )
        return None

    def _drawn_on(self, sentence: str, names: Sequence[Name]) -> list[int]:
        """Return the positions of the source sentences `sentence` draws on (names aside)."""
        stems = content_stems(sentence, skip=[w for name in names for w in name.words])
        scores = [len(stems & source) for source in self.stems]
        best = max(scores, default=0)
        return [i for i, score in enumerate(scores) if best and score >= OVERLAP_SHARE * best]

    def replacement(self, sentence: str) -> KeyPoint | None:
        """Return the key point sharing the most content words with `sentence`, if half or more."""
        stems = content_stems(sentence)

        def shared(point: KeyPoint) -> int:
            """Return how many content words `point` shares with `sentence`."""
            return len(stems & content_stems(point.en))

        best = max(self.digest.key_points, key=shared, default=None)
        return best if best and stems and shared(best) >= MIN_SUPPORT * len(stems) else None


def _speaker_names(quote: Quote) -> list[str]:
    """Return the ways the quote's speaker is written: in English and in the German source."""
    return [name for name in (quote.speaker_en, quote.speaker) if name]


def _nearest(names: Sequence[Name], start: int, end: int) -> Name | None:
    """Return the name closest to the span from `start` to `end`, if the sentence has any."""
    return min(
        names,
        key=lambda name: name.start - end if name.start >= end else start - name.end,
        default=None,
    )


def guard(summary: str, digest: Digest) -> tuple[list[str], list[Notice]]:
    """Return the summary sentences the digest supports, and a notice per sentence removed."""
    evidence = Evidence(digest)
    kept: list[str] = []
    notices: list[Notice] = []
    for sentence in split_english(summary):
        found = evidence.problem(sentence)
        if found is None:
            kept.append(sentence)
            continue
        code, reason = found
        point = evidence.replacement(sentence)
        if point is not None and point.en not in kept:
            kept.append(point.en)
            index = point.sentences[0]
            action = f"replaced by the key point of sentence {index}"
        else:
            index, action = None, "dropped"
        notices.append(Notice(code, f"summary sentence “{sentence}” {action}: {reason}", index))
    return kept, notices
