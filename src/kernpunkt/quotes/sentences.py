"""Split the masked text into sentences, word tokens and clauses; the records of a sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kernpunkt.quotes.lexicon import (
    ABBREVIATIONS,
    FIRST_PERSON,
    NEXT_WORD_RE,
    OWN_FRAME_KINDS,
    QUOTE_CLOSERS,
    SENTENCE_END_RE,
    SENTENCE_OPENERS,
    TERM_NOUN_RE,
    WINDOW,
    WORD_RE,
    is_konjunktiv_i,
)
from kernpunkt.quotes.marks import Span


@dataclass
class Frame:
    """A speech cue in a sentence and the speaker phrase found for it."""

    cue: str
    pos: int
    mention: tuple[int, int] | None
    kind: str = "verb"
    # The verb closes a wie-clause ("Wie X berichtet, …"), which reports its main clause.
    reports: bool = False


@dataclass
class Sent:
    """A sentence of the masked text with its spans, frames and Konjunktiv verb."""

    start: int
    end: int
    spans: list[Span] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    konjunktiv: str | None = None
    first_word: int = 0
    last_word: int = 0
    echo: Frame | None = None

    def own_frames(self) -> list[Frame]:
        """Return the frames that report the sentence's own speech and name who spoke it."""
        return [f for f in self.frames if f.mention is not None and f.kind in OWN_FRAME_KINDS]


def _is_abbreviation(masked: str, dot: int) -> bool:
    """Tell whether the full stop at `dot` ends an abbreviation, an initial or an ordinal."""
    start = dot
    while start > 0 and not masked[start - 1].isspace() and masked[start - 1] not in '(„"':
        start -= 1
    word = masked[start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    if word.isdigit() and len(word) <= 2:
        # "am 3. Mai" is an ordinal; "des Modells 3. Ein Sprecher" ends a sentence.
        following = NEXT_WORD_RE.match(masked, dot + 1)
        return not (following and following.group(1) in SENTENCE_OPENERS)
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS or "." in word[:-1]


def split_sentences(masked: str) -> list[tuple[int, int]]:
    """Split masked text into (start, end) sentences; a line break always ends one."""
    sentences: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(masked):
        is_break = match.group()[0] == "\n"
        if not is_break and _is_abbreviation(masked, match.start()):
            continue
        sentences.append((start, match.start() if is_break else match.end()))
        start = match.end()
    sentences.append((start, len(masked)))
    return [_trim(masked, s, e) for s, e in sentences if masked[s:e].strip()]


def _trim(masked: str, start: int, end: int) -> tuple[int, int]:
    """Strip the whitespace around a sentence."""
    chunk = masked[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def word_tokens(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, word) tokens of `masked[start:end]`."""
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(masked, start, end)]


def clause_start(masked: str, sent_start: int, pos: int, quotes: bool = True) -> int:
    """Return where the clause holding `pos` starts (after a colon, a semicolon or a quote).

    A clause reaches back at most `WINDOW` characters, to its first whole word there: every
    frame of a long sentence then costs the same, so the whole text takes linear time.
    """
    floor = max(sent_start, pos - WINDOW)
    colon = masked.rfind(":", floor, pos)
    while colon >= 0 and masked[colon + 1 : colon + 2].isdigit():
        # "mit 18:10 Minuten", "3:4 verloren": a time or a score, not the end of a clause
        colon = masked.rfind(":", floor, colon)
    cut = max(colon, masked.rfind(";", floor, pos))
    if quotes:
        cut = max(cut, _quote_boundary(masked, floor, pos))
    if cut >= 0:
        return cut + 1
    if floor == sent_start:
        return sent_start
    space = masked.find(" ", floor, pos)
    return space + 1 if space >= 0 else floor


def _quote_boundary(masked: str, floor: int, pos: int) -> int:
    """Return the last character of the last quote before `pos` that closes a clause, or -1.

    A quoted sentence ("„…“, sagte er") closes one; a quoted phrase inside the clause does not
    ("hatte den Bericht als „falsch“ zurückgewiesen").
    """
    last = masked.rfind("§", floor, pos)
    while last >= 0:
        after = last + 1
        first = last
        while first > floor and masked[first - 1] == "§":
            first -= 1
        closes = masked[after : after + 1] == "." or masked[after:pos].lstrip()[:1] in QUOTE_CLOSERS
        # "Sprecher der Initiative „X“, sagte": a name after its noun closes nothing
        if closes and not TERM_NOUN_RE.search(masked[max(floor, first - 40) : first].rstrip()):
            return last
        last = masked.rfind("§", floor, first)
    return -1


def konjunktiv_verb(
    masked: str, start: int, end: int, is_form: Callable[[str], bool] = is_konjunktiv_i
) -> str | None:
    """Return the first Konjunktiv verb outside quotes: Konjunktiv I unless `is_form` says.

    "ich habe", "bleibe ich": the first person singular of the indicative looks the same.
    """
    tokens = word_tokens(masked, start, end)
    for index, (_, _, word) in enumerate(tokens):
        neighbours = {tokens[i][2] for i in (index - 1, index + 1) if 0 <= i < len(tokens)}
        if is_form(word) and not neighbours & FIRST_PERSON:
            return word
    return None
