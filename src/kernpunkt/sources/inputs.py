"""Turn what a user hands in (bytes or text) into text kernpunkt can work on, or say why not."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from kernpunkt.config import LimitsConfig
from kernpunkt.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLongError,
    NotGermanError,
    NoWordsError,
)
from kernpunkt.german import stopword_ratio

# Tells the user something a reader guessed ("read as cp1252"); the CLI writes it to stderr.
Notify = Callable[[str], None]

# Control characters other than tab, newline and carriage return never occur in pasted text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
# U+FFFD replaces bytes a decoder could not read; many of them mean the input was not text.
MAX_REPLACEMENT_SHARE = 0.05
# A letter of any script: text without one holds no words (only punctuation, digits, symbols).
LETTER = re.compile(r"[^\W\d_]")
# German files that are not UTF-8 are nearly always Windows exports in this encoding.
FALLBACK_ENCODING = "cp1252"
UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, encoding: str | None = None, notify: Notify | None = None) -> str:
    """Return `data` as text: in `encoding` if given, else UTF-8 or, failing that, cp1252.

    UTF-16 with its byte order mark (Windows' "Unicode" text files) is read as such.
    """
    if not encoding and data.startswith(UTF16_MARKS):
        encoding = "utf-16"
    if b"\x00" in data and encoding != "utf-16":
        raise BinaryInputError("the input holds NUL bytes: it is a binary file, not text")
    if encoding:
        return _decode_as(data, encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode(FALLBACK_ENCODING)
        except UnicodeDecodeError:
            raise BinaryInputError(
                f"the input is not UTF-8 text (undecodable byte at position {exc.start}); "
                "name its encoding (--encoding latin-1) or save it as UTF-8 and try again"
            ) from exc
    if notify:
        notify(
            f"the text is not UTF-8; read it as {FALLBACK_ENCODING} (Windows, Western Europe). "
            "If umlauts look wrong, name the encoding (--encoding)"
        )
    return text


def _decode_as(data: bytes, encoding: str) -> str:
    """Return `data` decoded as `encoding`, or raise the error that names the problem."""
    try:
        return data.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding
        )
    except LookupError as exc:
        raise BinaryInputError(
            f"unknown encoding '{encoding}'; use a name such as utf-8, cp1252 or latin-1"
        ) from exc
    except UnicodeDecodeError as exc:
        raise BinaryInputError(
            f"the input is not {encoding} text (undecodable byte at position {exc.start}); "
            "check the encoding you named"
        ) from exc


def check_raw(text: str, max_chars: int) -> None:
    """Raise the error that says why `text` cannot even be cleaned: empty, binary or huge."""
    if text is None:
        raise EmptyInputError("no text was given: paste a German article")
    if not isinstance(text, str):
        raise BinaryInputError(f"the input is a {type(text).__name__}, not text")
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
    if not LETTER.search(text):
        raise NoWordsError(
            "the text holds no words, only punctuation, digits or symbols: paste a German article"
        )


def check_source(
    text: str, limits: LimitsConfig, *, clean_input: bool, is_html: Callable[[str], bool]
) -> None:
    """Raise the error that says why `text` is refused before any stage works on it.

    Cleaning keeps part of what it is given, so the text to be cleaned bounds the article:
    a whole page may be many times its article, but no more than `limits.max_text_chars`
    (plain text) or `limits.max_raw_chars` (HTML); uncleaned text is the article itself.
    """
    check_raw(text, limits.max_raw_chars)
    if clean_input and is_html(text):
        return
    bound, key = (
        (limits.max_text_chars, "limits.max_text_chars")
        if clean_input
        else (limits.max_input_chars, "limits.max_input_chars")
    )
    if len(text.strip()) > bound:
        raise InputTooLongError(
            f"the text has {len(text.strip()):,} characters, more than the limit of {bound:,} "
            f"({key}); paste only the article, or split it into several"
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
