"""Suspicious translations are flagged; good ones are not."""

import pytest

from kernpunkt.checks import check_translation, digit_groups
from kernpunkt.config import load_config

CHECKS = load_config().checks


def codes(de: str, en: str) -> list[str]:
    """Return the notice codes for a translation."""
    return [n.code for n in check_translation(de, en, CHECKS, 0)]


def test_faithful_translation_with_reformatted_numbers_is_not_flagged() -> None:
    de = "Pjöngjang soll zwischen 10.000 und 12.000 Soldaten entsandt haben, 4,5 % mehr."
    en = "Pyongyang is said to have sent between 10,000 and 12,000 soldiers, 4.5% more."
    assert codes(de, en) == []


def test_missing_number_is_flagged() -> None:
    assert "missing-number" in codes(
        "Am 24. Juni kamen 300 Menschen.", "On 24 June, people came to the meeting."
    )


def test_looping_decoder_is_flagged() -> None:
    assert "repetition" in codes(
        "Die Regierung lehnt das ab.", "The government of the government of the government of it"
    )


@pytest.mark.parametrize("en", ["No.", "This " * 40])
def test_length_ratio_outside_bounds_is_flagged(en: str) -> None:
    assert "length-ratio" in codes("Die Regierung in Berlin lehnt den Vorschlag ab.", en)


def test_digit_groups_ignore_separators() -> None:
    assert digit_groups("10.000 und 4,5") == digit_groups("10,000 and 4.5")
