"""Cut a segment that is too long for the model into pieces, at clause boundaries first."""

from __future__ import annotations

import re
from collections.abc import Callable

# Where a long segment may be cut, best first: clause ends, then commas, then any space.
CLAUSE_BREAKS = (re.compile(r"(?<=[;:])\s+"), re.compile(r"(?<=,)\s+|\s+(?=[–—-]\s)"))
ANY_SPACE = re.compile(r"\s+")


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Split `text` into consecutive pieces that each `fits`, cutting at clause boundaries first.

    The pieces joined with single spaces give `text` back (up to whitespace): nothing is dropped.
    """
    if fits(text):
        return [text]
    for pattern in (*CLAUSE_BREAKS, ANY_SPACE):
        parts = [p for p in pattern.split(text) if p]
        if len(parts) > 1:
            return pack_to_fit(parts, fits)
    if len(text) <= 1:  # a single character that does not fit: nothing smaller exists
        return [text]
    # a single unbreakable run of characters: cut it in halves until the halves fit
    middle = len(text) // 2
    return split_to_fit(text[:middle], fits) + split_to_fit(text[middle:], fits)


def pack_to_fit(parts: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Greedily join neighbouring parts while the joined piece still fits."""
    pieces: list[str] = []
    for part in parts:
        candidate = f"{pieces[-1]} {part}" if pieces else part
        if pieces and fits(candidate):
            pieces[-1] = candidate
        else:
            pieces.extend(split_to_fit(part, fits))
    return pieces
