"""Bad input is refused with the error class that names its cause."""

import pytest

from kernpunkt.config import load_config
from kernpunkt.errors import BinaryInputError, EmptyInputError, InputTooLongError, NotGermanError
from kernpunkt.sources.inputs import check_article, check_raw, decode

LIMITS = load_config().limits


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(EmptyInputError):
        check_article(text, LIMITS)


def test_text_over_the_limit_is_refused_with_the_limit_named() -> None:
    with pytest.raises(InputTooLongError, match="max_input_chars"):
        check_article("Das ist ein Satz. " * 10_000, LIMITS)


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(BinaryInputError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_latin1_bytes_are_refused_with_a_hint() -> None:
    with pytest.raises(BinaryInputError, match="UTF-8"):
        decode("Grüße aus Köln".encode("latin-1"))


def test_control_characters_are_refused() -> None:
    with pytest.raises(BinaryInputError):
        check_article("\x01\x02\x03\x04 Text" * 20, LIMITS)


def test_english_text_is_refused_as_not_german() -> None:
    english = "The government said on Monday that it would not change its policy on energy prices."
    with pytest.raises(NotGermanError):
        check_article(english, LIMITS)


def test_short_headline_is_not_judged_by_language() -> None:
    assert check_article("Kim in Moskau", LIMITS) == "Kim in Moskau"


def test_utf8_with_bom_decodes() -> None:
    assert decode("\ufeffGrüße".encode()) == "Grüße"


def test_raw_input_over_the_raw_limit_is_refused_before_cleaning() -> None:
    with pytest.raises(InputTooLongError, match="max_raw_chars"):
        check_raw("<p>Text</p>" * 100, 500)


def test_mostly_undecodable_input_is_refused() -> None:
    with pytest.raises(BinaryInputError):
        check_raw("\ufffd\ufffd\ufffd Text", 1000)
