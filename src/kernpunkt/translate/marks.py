"""Quotation marks in and out of the model: German marks become the straight ones OPUS-MT knows."""

from __future__ import annotations

import re

# OPUS-MT training data mapped “ ” to " but never saw „ » « or the German single marks.
GERMAN_DOUBLE_MARKS = re.compile(r"[„“”»«]")
GERMAN_SINGLE_MARKS = re.compile(r"[‚‘›‹]")
OPENING_DOUBLE = re.compile(r'(^|[\s(\[{—–-])"')
STRAIGHT_DOUBLE = re.compile(r'"')
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def to_model_marks(text: str) -> str:
    """Return `text` with German quotation marks replaced by the straight marks OPUS-MT knows."""
    return GERMAN_SINGLE_MARKS.sub("'", GERMAN_DOUBLE_MARKS.sub('"', text))


def to_typographic_marks(text: str) -> str:
    """Return English `text` with straight quotes turned into “ ” and apostrophes into ’."""
    text = APOSTROPHE.sub("’", text)
    text = OPENING_DOUBLE.sub(r"\1“", text)
    return STRAIGHT_DOUBLE.sub("”", text)
