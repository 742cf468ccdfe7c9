"""Lines of pasted text: normalised, paragraphs broken by the copy or hard wrapping rejoined."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

# --- normalisation --------------------------------------------------------------------------

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte order mark.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# No-break, figure, narrow and other fixed-width spaces, tabs.
ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029\x85]")
MANY_SPACES = re.compile(" {2,}")
# Only complete entities: "&amp;" yes, a bare "AT&T" or "&copy" without semicolon no.
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# "Verkehrs-" at a line end, the word continuing on the next line.
HYPHEN_END = re.compile(r"[^\W\d_]-$")
# After "Sicherheits-" a conjunction means an elided compound ("Sicherheits- und Verteidigungs-").
ELISION_WORDS = frozenset("und oder bis sowie als noch wie bzw beziehungsweise".split())
# A hard-wrapped paste (mail, PDF) has lines of nearly one width; select-all pastes do not.
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 50
# A full line reaches this share of the width; full lines hold this share of the characters.
FULL_LINE_SHARE = 0.85
MIN_FULL_SHARE = 0.2
# Of the full lines of a wrapped text, at least this share ends mid-sentence.
MIN_BROKEN_OFF_SHARE = 0.5
MIN_WRAPPED_LINES = 4
# The width of a wrapped text is that of its longest lines, a few overlong ones left out.
WRAP_WIDTH_QUANTILE = 0.95
TERMINAL = re.compile(r"[.!?:;\"'\u201c\u201d\u00bb\u00ab\u2019)]$")
# A line broken off mid-sentence by a narrow box has at least this many words.
MIN_BROKEN_LINE_WORDS = 6


@dataclass
class Line:
    """One line of the paste with what the rules found out about it."""

    text: str
    words: int = 0
    good: bool = False
    reason: str | None = None
    blocking: bool = False
    # A photo credit was glued to its end and split off ("…tragen.Foto: Swen Pfoertner/Reuters").
    credit_glued: bool = False

    def mark(self, reason: str, *, blocking: bool = False) -> None:
        """Judge the line boilerplate for `reason`; `blocking` boilerplate ends an article."""
        self.reason, self.blocking = reason, blocking

    @property
    def body(self) -> bool:
        """Whether the line is still a body candidate."""
        return self.reason is None


# --- normalisation --------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Return `text` in NFC with entities decoded, invisible characters out and spaces plain."""
    text = ENTITY.sub(lambda match: html.unescape(match.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", LINE_BREAK.sub("\n", text))
    return ODD_SPACE.sub(" ", text)


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of pasted text: non-empty lines, wrapped paragraphs rejoined.

    Each physical line is compared with the one before it only, and the pieces of a paragraph
    are joined once at its end, so the work is linear in the length of the text.
    """
    raw = [MANY_SPACES.sub(" ", line).strip() for line in normalise(text).split("\n")]
    width = wrap_width(raw)
    pieces: list[list[str]] = []
    previous = ""
    for line in raw:
        if line and previous and continues(previous, line, width):
            pieces[-1].append(line)
        elif line:
            pieces.append([line])
        previous = line
    return [join_wrapped(parts) for parts in pieces]


def wrap_width(lines: list[str]) -> int | None:
    """Return the line width of a hard-wrapped paste, or None for one line per paragraph.

    Wrapped paragraphs pile their lines up just below the width, and most of those full lines
    break off mid-sentence; menus and headings between them are short, and a few lines (a URL,
    a table row) may run over. Short paragraphs of a select-all copy end their sentences.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    longest = lengths[int(WRAP_WIDTH_QUANTILE * (len(lengths) - 1))]
    if not MIN_WRAP_WIDTH <= longest <= MAX_WRAP_WIDTH:
        return None
    # A line without a space (a URL, a run of glued menu entries) cannot be wrapped: it may run
    # over the width, and says nothing about it.
    width = max(
        (len(line) for line in lines if " " in line and len(line) <= MAX_WRAP_WIDTH), default=0
    )
    full = [line for line in lines if FULL_LINE_SHARE * width <= len(line) <= width]
    broken_off = sum(TERMINAL.search(line) is None for line in full)
    # Menus add many short lines to a page: the full lines are counted by their characters.
    enough = len(full) >= MIN_WRAPPED_LINES and sum(map(len, full)) >= MIN_FULL_SHARE * sum(lengths)
    return width if enough and broken_off >= MIN_BROKEN_OFF_SHARE * len(full) else None


def continues(previous: str, line: str, width: int | None) -> bool:
    """Whether `line` continues the paragraph whose last physical line is `previous`."""
    if HYPHEN_END.search(previous) and line[0].isalpha():
        return True
    if width is not None:
        # A wrapping program breaks a line only where the next word does not fit on it.
        return len(previous) + 1 + len(line.split(maxsplit=1)[0]) > width
    # One paragraph per line, except where a fixed-width box broke a sentence mid-way.
    return (
        line[0].islower()
        and not TERMINAL.search(previous)
        and len(previous.split()) >= MIN_BROKEN_LINE_WORDS
    )


def join_wrapped(parts: list[str]) -> str:
    """Join the physical lines of one paragraph, undoing hyphenation at the breaks."""
    out = [parts[0]]
    for previous, line in pairwise(parts):
        if (
            not HYPHEN_END.search(previous)
            or line.split(maxsplit=1)[0].strip(",.;:").lower() in ELISION_WORDS
        ):
            out.append(" ")
        elif not line[0].isupper():
            out[-1] = out[-1][:-1]
        out.append(line)
    return "".join(out)
