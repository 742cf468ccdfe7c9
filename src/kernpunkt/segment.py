"""Segmentation: split a German article into paragraphs and sentences with character offsets.

Sentence ends come from SoMaJo (German tokenizer and sentence splitter, which already handles
abbreviations, dates, decimals, URLs and quotes with their attribution) plus two repairs it lacks:
a number or Roman numeral with a period that ends a sentence ("Nr. 5. Er …", "gewann 2:1. Die …"),
and list items on their own lines ("1. …", "- …") after a colon, a sentence or another item.

Paragraphs are separated by blank lines; single newlines inside a paragraph count as spaces.
`Sentence.de` is always the exact slice `text[start:end]`, so it may contain such a newline.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from somajo import SoMaJo

from kernpunkt.document import Sentence

BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")

LIST_ITEM = re.compile(r"^[^\S\n]*((?:\d{1,3}[.)]|[-–•*])[^\S\n])", re.MULTILINE)

# Words that never follow an ordinal ("am 3. Oktober") inside a sentence.
SENTENCE_STARTERS = (
    "Er Sie Es Wir Ich Man Der Die Das Den Dem Des Ein Eine Einer Dies Diese Dieser Dieses "
    "Damit Dabei Danach Dann Daher Doch Aber Auch Und So Zudem Im Am Beim Vom Zum Zur In An Auf "
    "Bei Mit Nach Seit Laut Wie Was Wer Wo Als Bis"
).split()

# So a number or Roman numeral with a period before one of them, or before a quotation, ends a
# sentence: "Nr. 5. Er", "gewann 2:1. Die", "Benedikt XVI. „Wir".
ORDINAL_BEFORE_STARTER = re.compile(
    rf"(?:\d|\b[IVXLC]+)\.\s+(?=[„“\"»«‚‘][A-ZÄÖÜ]|(?:{'|'.join(SENTENCE_STARTERS)})\b)"
)


@cache
def _splitter() -> SoMaJo:
    """Return the shared SoMaJo sentence splitter, built on first use."""
    return SoMaJo("de_CMC", character_offsets=True)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph, trimmed of surrounding whitespace."""
    return _pieces(text, {0} | {gap.end() for gap in BLANK_LINES.finditer(text)})


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of one paragraph; together they cover all its text."""
    forced = {0} | _list_item_starts(paragraph) | _ordinal_end_starts(paragraph)
    starts = set(forced)
    for chunk_start, chunk_end in _pieces(paragraph, forced):
        chunk = paragraph[chunk_start:chunk_end]
        starts |= {chunk_start + start for start in _somajo_starts(chunk)}
    return _pieces(paragraph, starts)


def segment(text: str) -> list[Sentence]:
    """Split an article into numbered sentences with offsets into `text`."""
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s_start, s_end in split_sentences(text[p_start:p_end]):
            start, end = p_start + s_start, p_start + s_end
            sentences.append(Sentence(len(sentences), number, text[start:end], start, end))
    return sentences


def _somajo_starts(chunk: str) -> set[int]:
    """Return the offsets where SoMaJo starts a sentence in `chunk`."""
    return {tokens[0].character_offset[0] for tokens in _splitter().tokenize_text([chunk])}


def _list_item_starts(paragraph: str) -> set[int]:
    """Return the offsets of list items that begin a line after a list item or a finished line."""
    starts: set[int] = set()
    for item in LIST_ITEM.finditer(paragraph):
        line_break = item.start() - 1
        if line_break < 0:
            continue
        previous_line = paragraph[paragraph.rfind("\n", 0, line_break) + 1 : line_break].strip()
        # Otherwise the line is just wrapped, as in "am\n3. Oktober".
        if previous_line.endswith((":", ".", "!", "?")) or LIST_ITEM.match(previous_line):
            starts.add(item.start(1))
    return starts


def _ordinal_end_starts(paragraph: str) -> set[int]:
    """Return the offsets of sentences that follow a number ending the previous sentence."""
    return {match.end() for match in ORDINAL_BEFORE_STARTER.finditer(paragraph)}


def _pieces(text: str, starts: set[int]) -> list[tuple[int, int]]:
    """Return the non-blank spans from each start to the next, trimmed of whitespace."""
    pieces: list[tuple[int, int]] = []
    for start, end in pairwise([*sorted(starts), len(text)]):
        piece = text[start:end]
        if stripped := piece.strip():
            begin = start + len(piece) - len(piece.lstrip())
            pieces.append((begin, begin + len(stripped)))
    return pieces
