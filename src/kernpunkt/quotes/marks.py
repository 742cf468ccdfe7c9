"""Pair quotation marks into spans, in the document's style, and mask what they quote.

Handles the quotation style, straight quotes, quotes inside quotes, quotes left unclosed,
quotes that reopen on each new paragraph and quotes set off as a paragraph without marks.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kernpunkt.quotes.lexicon import SENTENCE_PUNCT, WORD_ONLY_RE, is_speech_verb

# Per style: opening marks and the marks that close them. Straight quotes are ambiguous and are
# resolved from their neighbours; every style also accepts them as a secondary style.
STYLES: dict[str, tuple[str, str]] = {
    "de": ("„", "“”"),
    "en": ("“", "”"),
    "guillemets_de": ("»", "«"),
    "guillemets_ch": ("«", "»"),
    "straight": ('"', '"'),
}


STRAIGHT = '"'
# What follows a closing mark rather than an opening one.
CLOSING_PUNCT = ".,;:!?)"


ALL_MARKS = '„“”»«"'


MARK_RE = re.compile(r"[„“”»«\"]")
GUILLEMET_RE = re.compile(r"[»«]")
OTHER_MARKS_RE = re.compile(r"[„“”\"]")
GUILLEMET_STYLES = frozenset({"guillemets_de", "guillemets_ch"})
# A paragraph break or a sentence's end, which a quote's first sentence holds neither of.
SENTENCE_STOP_RE = re.compile(rf"[\n{re.escape(SENTENCE_PUNCT)}]")
GUILLEMET_OPENS_RE = re.compile(r"[»«](?=[^\W_])")

# A line ending in a colon and the line right after it ("Meier sagt:\nWir …").
ANNOUNCED_LINE_RE = re.compile(r"^([^\n]*):[ \t]*(\n)[ \t]*([^\n]*[^\s])", re.MULTILINE)
# The last sentence of a line: what follows its last sentence end.
LAST_SENTENCE_RE = re.compile(r"(?:^|[.!?]\s)([^.!?]*)$")

# Single marks of a quote inside a quote, written as the double marks they stand for (same length).
INNER_GUILLEMETS = str.maketrans("›‹", "»«")
# Single marks that are no apostrophes ("Wenn’s", "d‘Ampezzo"): an English opener after no
# letter, a closer before none.
SINGLE_OPENER_RE = re.compile(r"(?<![^\W\d_])‘")
SINGLE_CLOSER_RE = re.compile(r"[‘’](?![^\W\d_])")
# A mark opening a line inside a quote reopens it for a new paragraph; it opens no inner quote.
REOPENING_RE = re.compile(r"(?<=\n)[ \t]*[„»«“\"]")


@dataclass
class Span:
    """A pair of quotation marks: `open`/`close` are the marks, `start`/`end` the words inside."""

    open: int
    close: int
    start: int
    end: int
    closed: bool = True


def inner_marks(words: str) -> str | None:
    """Return a quote's words with the single marks inside written double, or None without marks.

    „Er sagte: ‚Nein.‘“ quotes someone inside the quote: its words read as a text of their own.
    """
    words = REOPENING_RE.sub(lambda match: " " * len(match.group()), words)
    words = words.translate(INNER_GUILLEMETS)
    if "‚" in words:
        words = SINGLE_CLOSER_RE.sub("“", words.replace("‚", "„"))
    elif SINGLE_OPENER_RE.search(words):
        words = SINGLE_CLOSER_RE.sub("”", SINGLE_OPENER_RE.sub("“", words))
    return words if MARK_RE.search(words) else None


def _choose_style(text: str) -> str:
    """Return the document's main quotation style from the marks it uses."""
    counts = {mark: text.count(mark) for mark in ALL_MARKS}
    if counts["„"]:
        return "de"
    if counts["»"] or counts["«"]:
        # an opening guillemet stands before a word, whichever way the style points; a closer
        # left over from a quote that lost its opener can come first
        opening = Counter(match.group() for match in GUILLEMET_OPENS_RE.finditer(text))
        if opening["»"] != opening["«"]:
            return "guillemets_de" if opening["»"] > opening["«"] else "guillemets_ch"
        first_right = text.find("»")
        first_left = text.find("«")
        if first_left == -1 or (first_right != -1 and first_right < first_left):
            return "guillemets_de"
        return "guillemets_ch"
    if counts["“"] and counts["”"]:
        return "en"
    if counts["“"] and not counts["”"]:
        return "en_same"
    return "straight"


def _straight_opens(text: str, i: int) -> bool:
    """Tell whether a straight quote at `i` opens (space or start before it, a word after it)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([–-/") and not after.isspace()


def _straight_turn(text: str, i: int, inside: bool) -> bool:
    """Tell whether a straight quote at `i` opens, `inside` an open straight quote or not.

    The blanks around it decide where they can: a word after a blank opens, a blank or a
    punctuation mark after a word closes. Sloppy spacing (`sagte: " Wir … . " Dann`,
    `sagte:"Wir …."Dann`) leaves only the order: such a mark closes an open quote, else opens.
    """
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _straight_opens(text, i) and after not in CLOSING_PUNCT:
        return True
    if not before.isspace() and (after.isspace() or after in CLOSING_PUNCT):
        return False
    return not inside


def pair_marks(text: str) -> list[Span]:
    """Pair quotation marks in the document's style, then guillemets outside those quotes.

    Spans never cross quotes. A text quoting in „…“ may still set other quotes in »…« (two
    sources pasted together, an outlet's house style for some quotes): the guillemets left
    outside every quote are paired in their own style, not dropped.
    """
    style = _choose_style(text)
    spans = _pair(text, style)
    if style not in GUILLEMET_STYLES and GUILLEMET_RE.search(text):
        rest = _guillemets_outside(text, spans)
        # an unclosed guillemet is no quote here: it would swallow the quotes after it
        closed = [span for span in _pair(rest, _choose_style(rest)) if span.closed]
        spans = _drop_nested(sorted(spans + closed, key=_opening))
    spans += _announced_paragraphs(text, spans)
    spans.sort(key=_opening)
    return spans


def _opening(span: Span) -> int:
    """Return where a span's opening mark stands (the order of spans)."""
    return span.open


def _guillemets_outside(text: str, spans: list[Span]) -> str:
    """Return the text with every mark but guillemets, and every quoted stretch, blanked."""
    chars = list(OTHER_MARKS_RE.sub(" ", text))
    for span in spans:
        end = span.close + 1 if span.closed else span.end
        chars[span.open : end] = " " * (end - span.open)
    return "".join(chars)


def _pair(text: str, style: str) -> list[Span]:
    """Pair the marks of one style with a stack; the outermost spans, in text order."""
    if style == "en_same":
        openers, closers = "“", "“"
    else:
        openers, closers = STYLES[style]
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []
    marks = _MarkCounts(text, openers, closers)
    for match in MARK_RE.finditer(text):
        i, mark = match.start(), match.group()
        symmetric = mark == STRAIGHT or (openers == closers and mark in openers)
        if symmetric:
            if mark == STRAIGHT:
                is_open = _straight_turn(text, i, bool(stack) and stack[-1][1] == STRAIGHT)
            else:
                is_open = _straight_opens(text, i) if not stack else False
            # A straight closing quote also ends a curly or angled quote ("„…\"", "»…\"").
            if stack and (stack[-1][1] == mark or mark == STRAIGHT) and not is_open:
                opened, _ = stack.pop()
                spans.append(Span(opened, i, opened + 1, i))
            elif is_open:
                if mark == STRAIGHT and stack and stack[-1][1] == STRAIGHT:
                    _close_before(text, stack, i, spans)
                stack.append((i, mark))
            continue
        if mark in openers and stack and stack[-1][1] == mark and _closes_word(text, i):
            # „Tag der Schande„ für: an opener after a word and before a blank closes
            opened, _ = stack.pop()
            spans.append(Span(opened, i, opened + 1, i))
            continue
        if mark in openers:
            # A second opener of the same kind opens a quote inside the quote when its paragraph
            # holds closers for both; otherwise the first one was never closed.
            if stack and stack[-1][1] == mark and not marks.nests(i):
                if _reopens_paragraph(text, marks, stack[-1][0], i) or marks.mid_sentence(
                    stack[-1][0], i
                ):
                    continue
                _close_unclosed(text, stack.pop()[0], i, spans)
            stack.append((i, mark))
        elif mark in closers and stack and stack[-1][1] in openers + STRAIGHT:
            opened, _ = stack.pop()
            spans.append(Span(opened, i, opened + 1, i))
        elif style == "de" and mark == "“" and not stack and _straight_opens(text, i):
            stack.append((i, "“"))
        elif mark in "”“" and stack and stack[-1][1] == "“":
            opened, _ = stack.pop()
            spans.append(Span(opened, i, opened + 1, i))
    for opened, _ in stack:
        _close_unclosed(text, opened, len(text), spans)
    return _drop_nested(sorted(spans, key=_opening))


def _announced_paragraphs(text: str, spans: list[Span]) -> list[Span]:
    """Return the paragraphs a speech verb and colon announce, quoted without marks.

    "Meier sagt:\nWir bleiben.\n": a quotation set off as its own paragraph (a block quote) lost
    its marks with the page's layout. The paragraph must be sentences, with no marks of its own.
    """
    found: list[Span] = []
    for match in ANNOUNCED_LINE_RE.finditer(text):
        words = match.group(3)
        if words[-1] not in SENTENCE_PUNCT or MARK_RE.search(words):
            continue
        sentence = LAST_SENTENCE_RE.search(match.group(1))
        clause = WORD_ONLY_RE.findall(sentence.group(1)) if sentence else []
        open_, end = match.start(2), match.end(3)
        inside = any(span.open <= open_ < span.close for span in spans)
        if inside or not any(is_speech_verb(word) for word in clause):
            continue
        found.append(Span(open_, end, match.start(3), end, closed=False))
    return found


class _MarkCounts:
    """Counts of opening and closing marks up to each mark, to look ahead in constant time."""

    def __init__(self, text: str, openers: str, closers: str) -> None:
        self.text = text
        self.positions: list[int] = []
        self.opened = [0]
        self.closed = [0]
        for match in MARK_RE.finditer(text):
            mark = match.group()
            self.positions.append(match.start())
            self.opened.append(self.opened[-1] + (mark in openers))
            self.closed.append(self.closed[-1] + (mark in closers and mark not in openers))
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        self.stops = [match.start() for match in SENTENCE_STOP_RE.finditer(text)]

    def last_break(self, start: int, end: int) -> int:
        """Return the last line break in `text[start:end]`, or -1."""
        index = bisect.bisect_left(self.breaks, end) - 1
        return self.breaks[index] if index >= 0 and self.breaks[index] >= start else -1

    def mid_sentence(self, opened: int, i: int) -> bool:
        """Tell whether the opener at `i` stands inside the first sentence of a quote on its line.

        „Das wird nach „freiem Ermessen entschieden.“: the inner quote lost its closer, the
        outer one goes on; a quote that ended a sentence before the opener was never closed.
        """
        index = bisect.bisect_right(self.stops, opened)
        return index == len(self.stops) or self.stops[index] >= i

    def nests(self, i: int) -> bool:
        """Tell whether the paragraph from the opener at `i` on closes more quotes than it opens."""
        index = bisect.bisect_left(self.breaks, i)
        end = self.breaks[index] if index < len(self.breaks) else len(self.text)
        first = bisect.bisect_left(self.positions, i)
        last = bisect.bisect_left(self.positions, end)
        opened = self.opened[last] - self.opened[first]
        closed = self.closed[last] - self.closed[first]
        return closed > opened


def _closes_word(text: str, i: int) -> bool:
    """Tell whether the mark at `i` stands after a word and before a blank or the end."""
    after = text[i + 1 : i + 2]
    return i > 0 and not text[i - 1].isspace() and (not after or after.isspace())


def _close_before(text: str, stack: list[tuple[int, str]], i: int, spans: list[Span]) -> None:
    """End an open straight quote before a new one at `i` when a sentence ended in between.

    Straight quotes cannot nest: in '"Ich bin bereit. "Wenn …' the first was never closed.
    """
    stripped = text[stack[-1][0] + 1 : i].rstrip()
    if stripped[-1:] in SENTENCE_PUNCT and stripped:
        opened, _ = stack.pop()
        end = opened + 1 + len(stripped)
        spans.append(Span(opened, end, opened + 1, end, closed=False))


def _reopens_paragraph(text: str, marks: _MarkCounts, opened: int, i: int) -> bool:
    """Tell whether the opener at `i` continues a quote on a new paragraph (closed only at the end).

    The quote opened at `opened` must run to a sentence's end at a line break, and the new
    opener must be the first thing on its line.
    """
    newline = marks.last_break(opened, i)
    if newline == -1 or text[newline:i].strip():
        return False
    end = newline
    while end > opened + 1 and text[end - 1].isspace():
        end -= 1
    return end > opened + 1 and text[end - 1] in SENTENCE_PUNCT


def _close_unclosed(text: str, opened: int, limit: int, spans: list[Span]) -> None:
    """End an unclosed quote at its paragraph's end, if that comes before `limit`."""
    newline = text.find("\n", opened, limit)
    end = newline if newline != -1 else limit
    if end == len(text) or newline != -1:
        stripped = text[opened + 1 : end].rstrip()
        if stripped:
            spans.append(Span(opened, end, opened + 1, opened + 1 + len(stripped), closed=False))


def _drop_nested(spans: list[Span]) -> list[Span]:
    """Keep the outermost spans only: quotes inside quotes belong to the outer speaker."""
    kept: list[Span] = []
    for span in spans:
        if kept and span.open < kept[-1].close:
            continue
        kept.append(span)
    return kept


# What `mask` hides quoted words with: a name-like span, and the words of a quote.
NAME_MASK = "X"
QUOTE_MASK = "§"
MASK_CHARACTERS = frozenset(NAME_MASK + QUOTE_MASK)


def mask(text: str, spans: Sequence[Span], names: set[int]) -> str:
    """Hide quoted words: a name-like span becomes one capitalised word, a quote becomes §."""
    parts: list[str] = []
    last = 0
    for index, span in enumerate(spans):
        parts.append(text[last : span.open])
        length = (span.close + (1 if span.closed else 0)) - span.open
        if index in names:
            parts.append(NAME_MASK * length)
        else:
            inner = text[span.start : span.end].rstrip()
            final = "." if inner[-1:] in SENTENCE_PUNCT and length > 1 else QUOTE_MASK
            parts.append(QUOTE_MASK * (length - 1) + final)
        last = span.open + length
    parts.append(text[last:])
    return "".join(parts)
