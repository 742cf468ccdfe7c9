"""Bad input is refused with the error class that names its cause."""

import pytest

from kernpunkt.config import load_config
from kernpunkt.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLongError,
    NotGermanError,
    NoWordsError,
)
from kernpunkt.sources.inputs import check_article, check_raw, check_source, decode

LIMITS = load_config().limits


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(EmptyInputError):
        check_article(text, LIMITS)


def test_text_over_the_limit_is_refused_with_the_limit_named() -> None:
    with pytest.raises(InputTooLongError, match="max_input_chars"):
        check_article("Das ist ein Satz. " * 10_000, LIMITS)


@pytest.mark.parametrize(("value", "error"), [(None, EmptyInputError), (42, BinaryInputError)])
def test_what_is_not_a_string_is_refused_with_kernpunkts_error(value: object, error: type) -> None:
    with pytest.raises(error):
        check_article(value, LIMITS)  # type: ignore[arg-type]


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(BinaryInputError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_windows_bytes_are_read_as_cp1252_and_the_guess_is_said() -> None:
    notes: list[str] = []
    assert decode("Grüße aus Köln".encode("cp1252"), notify=notes.append) == "Grüße aus Köln"
    assert "cp1252" in notes[0] and "--encoding" in notes[0]


def test_utf16_with_its_byte_order_mark_is_read() -> None:
    assert decode("Grüße aus Köln".encode("utf-16")) == "Grüße aus Köln"
    with pytest.raises(BinaryInputError):
        decode("Grüße".encode("utf-16-le"))  # without the mark, NUL bytes mean binary


def test_bytes_neither_utf8_nor_cp1252_are_refused_with_a_hint() -> None:
    with pytest.raises(BinaryInputError, match="--encoding"):
        decode(b"Gr\xc3 \x81\x8d")


@pytest.mark.parametrize("text", ["!!!", "„“„“„“" * 2_000, '"' * 10_000, "... ?! 1234 §$%", "«»‹›"])
def test_text_of_only_punctuation_or_quotation_marks_is_refused(text: str) -> None:
    with pytest.raises(NoWordsError, match="no words"):
        check_article(text, LIMITS)


def test_plain_text_longer_than_any_page_is_refused_before_cleaning() -> None:
    text = "Das ist ein Satz.\n" * (LIMITS.max_text_chars // 18 + 1)
    with pytest.raises(InputTooLongError, match="max_text_chars"):
        check_source(text, LIMITS, clean_input=True, is_html=lambda _: False)
    check_source(text[: LIMITS.max_text_chars], LIMITS, clean_input=True, is_html=lambda _: False)
    check_source(
        text, LIMITS, clean_input=True, is_html=lambda _: True
    )  # markup is bounded by max_raw_chars


def test_uncleaned_text_is_held_to_the_article_limit_before_any_stage() -> None:
    text = "Das ist ein Satz. " * (LIMITS.max_input_chars // 18 + 1)
    with pytest.raises(InputTooLongError, match="max_input_chars"):
        check_source(text, LIMITS, clean_input=False, is_html=lambda _: False)


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


def test_pipeline_refuses_only_punctuation_with_its_own_error(pipeline) -> None:
    with pytest.raises(NoWordsError):
        pipeline.digest("„“ „“ … !? «» ‚‘ " * 50)
    with pytest.raises(NoWordsError):
        pipeline.digest('"' * 10_000, clean_input=False)


def test_pipeline_applies_the_text_limit_before_cleaning(pipeline, monkeypatch) -> None:
    from kernpunkt import clean

    monkeypatch.setattr(clean, "clean", lambda *_, **__: pytest.fail("cleaned before the check"))
    text = "Der Hafen bleibt geschlossen, sagte der Sprecher.\n" * 25_000
    with pytest.raises(InputTooLongError, match="max_text_chars"):
        pipeline.digest(text)
