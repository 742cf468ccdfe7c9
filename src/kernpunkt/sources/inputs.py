"""Turn what a user hands in (bytes or text) into text kernpunkt can work on, or say why not."""

from __future__ import annotations

import re

from kernpunkt.config import LimitsConfig
from kernpunkt.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLongError,
    NotGermanError,
)
from kernpunkt.german import stopword_ratio

# Control characters other than tab, newline and carriage return never occur in pasted text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
# U+FFFD replaces bytes a decoder could not read; many of them mean the input was not text.
MAX_REPLACEMENT_SHARE = 0.05


def decode(data: bytes) -> str:
    """Return UTF-8 `data` as text, or raise BinaryInputError."""
    if b"\x00" in data:
        raise BinaryInputError("the input holds NUL bytes: it is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BinaryInputError(
            f"the input is not UTF-8 text (undecodable byte at position {exc.start}); "
            "save the article as UTF-8 text and try again"
        ) from exc


def check_raw(text: str, max_chars: int) -> None:
    """Raise the error that says why `text` cannot even be cleaned: empty, binary or huge."""
    if not text.strip():
        raise EmptyInputError("the text is empty: paste a German article")
    if "\x00" in text or len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise BinaryInputError("the input is full of control characters: it is binary, not text")
    if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * len(text):
        raise BinaryInputError("the input is mostly undecodable bytes: it is binary, not text")
    if len(text) > max_chars:
        raise InputTooLongError(
            f"the input has {len(text):,} characters, more than the limit of {max_chars:,} "
            "(limits.max_raw_chars); save the page as text (select all, copy) and try that"
        )


def check_article(text: str, limits: LimitsConfig) -> str:
    """Return the article `text` if kernpunkt can digest it, else raise the error that says why."""
    check_raw(text, limits.max_raw_chars)
    if len(text) > limits.max_input_chars:
        raise InputTooLongError(
            f"the article has {len(text):,} characters, more than the limit of "
            f"{limits.max_input_chars:,} (limits.max_input_chars); split it into several articles"
        )
    count, ratio = stopword_ratio(text)
    if count >= limits.min_german_words and ratio < limits.min_german_ratio:
        raise NotGermanError(
            "the text does not look like German (too few common German words); "
            "kernpunkt translates German articles into English"
        )
    return text
