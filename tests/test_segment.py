"""Splitting German articles into paragraphs and sentences with offsets into the text."""

from __future__ import annotations

from itertools import pairwise

import pytest

from kernpunkt.document import Sentence
from kernpunkt.segment import paragraph_spans, segment, split_sentences


def sentences_of(text: str) -> list[str]:
    """Return the German text of each sentence `segment` finds."""
    return [s.de for s in segment(text)]


def non_space(text: str) -> str:
    """Return `text` without any whitespace."""
    return "".join(text.split())


def assert_well_formed(text: str, sentences: list[Sentence]) -> None:
    """Check offsets, numbering, trimming and that no non-space character is lost."""
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert text[s.start : s.end] == s.de
        assert s.de == s.de.strip() and s.de
    for before, after in pairwise(sentences):
        assert before.end <= after.start
        assert before.paragraph <= after.paragraph
    assert "".join(non_space(s.de) for s in sentences) == non_space(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Er kam z. B. mit Dr. Weber und Prof. Meier aus St. Gallen.",
        "Das Haus Nr. 7 kostet ca. 3 Mio. Euro bzw. 2 Mrd. Forint.",
        "Sie kaufte Äpfel, Birnen usw. und ging u. a. zur Post.",
        "Die Stadt wurde im 5. Jh. v. Chr. gegründet.",
        "Im Sept. 2020 sprach John F. Kennedy jr. nicht mehr.",
        "Ludwig XIV. regierte lange.",
    ],
)
def test_does_not_split_after_abbreviations_initials_or_roman_numerals(sentence: str) -> None:
    assert sentences_of(f"{sentence} Danach war es still.") == [sentence, "Danach war es still."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Am 24. Juni kam er an.",
        "Der 3. Oktober ist ein Feiertag.",
        "Er wurde am 1.1.2024 gewählt.",
        "Sie lag auf Platz 2. in der Tabelle.",
    ],
)
def test_does_not_split_after_ordinal_date(sentence: str) -> None:
    assert sentences_of(f"{sentence} Es regnete.") == [sentence, "Es regnete."]


def test_does_not_split_decimal_numbers_or_times() -> None:
    text = "Die Inflation lag um 14.30 Uhr bei 4,5 % und 2.000 Euro. Das war viel."
    assert sentences_of(text) == [
        "Die Inflation lag um 14.30 Uhr bei 4,5 % und 2.000 Euro.",
        "Das war viel.",
    ]


def test_splits_after_number_that_ends_a_sentence() -> None:
    text = (
        "Er wohnt in Haus Nr. 5. Er zog 1999 ein. Köln gewann 2:1. Die Fans jubelten. "
        "Sie dankten Benedikt XVI. „Er war gut“, sagte sie."
    )
    assert sentences_of(text) == [
        "Er wohnt in Haus Nr. 5.",
        "Er zog 1999 ein.",
        "Köln gewann 2:1.",
        "Die Fans jubelten.",
        "Sie dankten Benedikt XVI.",
        "„Er war gut“, sagte sie.",
    ]


def test_keeps_quotation_with_its_attribution() -> None:
    assert sentences_of("„Wir kommen“, sagte sie. Dann ging sie.") == [
        "„Wir kommen“, sagte sie.",
        "Dann ging sie.",
    ]


def test_multi_sentence_quotation_keeps_closing_mark_and_attribution_with_last_part() -> None:
    text = "„Das Lager ist leer. Wir bauen neu“, so der Minister. Dann ging er."
    assert sentences_of(text) == [
        "„Das Lager ist leer.",
        "Wir bauen neu“, so der Minister.",
        "Dann ging er.",
    ]


def test_question_or_exclamation_in_quotation_stays_with_attribution() -> None:
    assert sentences_of("„Kommt ihr?“, fragte er. »Nein!« rief sie.") == [
        "„Kommt ihr?“, fragte er.",
        "»Nein!« rief sie.",
    ]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("„", "“"), ("“", "”"), ("»", "«"), ("«", "»"), ('"', '"'), ("‚", "‘"), ("‘", "’")],
)
def test_handles_quotation_marks_of_all_styles(opening: str, closing: str) -> None:
    text = f"{opening}Wir bleiben{closing}, sagte sie. Er nickte."
    assert sentences_of(text) == [f"{opening}Wir bleiben{closing}, sagte sie.", "Er nickte."]


def test_colon_does_not_end_sentence() -> None:
    text = "Der Grund: Die Truppen sind verlegt. Er sagte: „Wir kommen.“ Dann ging er."
    assert sentences_of(text) == [
        "Der Grund: Die Truppen sind verlegt.",
        "Er sagte: „Wir kommen.“",
        "Dann ging er.",
    ]


def test_url_is_not_split() -> None:
    text = "Mehr steht unter https://www.example.com/a.b.html im Netz. Danke."
    assert sentences_of(text) == [
        "Mehr steht unter https://www.example.com/a.b.html im Netz.",
        "Danke.",
    ]


def test_headline_without_final_punctuation_is_one_sentence() -> None:
    text = "Nordkorea schickt Truppen\n\nDas Pentagon ist besorgt. Es warnt."
    sentences = segment(text)
    assert [(s.paragraph, s.de) for s in sentences] == [
        (0, "Nordkorea schickt Truppen"),
        (1, "Das Pentagon ist besorgt."),
        (1, "Es warnt."),
    ]


def test_blank_lines_separate_paragraphs_and_single_newlines_do_not() -> None:
    text = "  Erster Satz.\nNoch im\nersten Absatz.\n \n\t\n\nZweiter Absatz.  \n"
    sentences = segment(text)
    assert [(s.index, s.paragraph, s.de) for s in sentences] == [
        (0, 0, "Erster Satz."),
        (1, 0, "Noch im\nersten Absatz."),
        (2, 1, "Zweiter Absatz."),
    ]
    assert_well_formed(text, sentences)


def test_list_items_on_their_own_lines_are_sentences() -> None:
    text = "Die Forderungen:\n1. Mehr Geld\n2. Weniger Arbeit\n- Mehr Urlaub"
    assert sentences_of(text) == [
        "Die Forderungen:",
        "1. Mehr Geld",
        "2. Weniger Arbeit",
        "- Mehr Urlaub",
    ]


def test_wrapped_line_starting_with_ordinal_is_not_split() -> None:
    assert sentences_of("Das geschah am\n3. Oktober in Berlin.") == [
        "Das geschah am\n3. Oktober in Berlin."
    ]


def test_offsets_index_the_original_text_with_unusual_characters() -> None:
    text = "Er\u00adkannt\u200b. \ufeffDas kostet 5 €. 😀 Gut!\r\n\r\n\tNeuer Absatz … oder? Ja."
    sentences = segment(text)
    assert_well_formed(text, sentences)
    assert max(s.paragraph for s in sentences) == 1


def test_split_sentences_returns_spans_of_the_paragraph() -> None:
    paragraph = "Eins. Zwei."
    assert split_sentences(paragraph) == [(0, 5), (6, 11)]


def test_paragraph_spans_skip_blank_text() -> None:
    assert paragraph_spans(" \n\n \n") == []
    assert segment("") == []


def body_of(page: str) -> str:
    """Return the eight body paragraphs of the report24 page."""
    start = page.index("Das Pentagon warnt")
    return page[start : page.index("\n\n", page.index("Die Ukraine behauptet bereits seit Wochen"))]


def test_real_article_body_is_covered_and_quote_kept_sensibly(seed_article: str) -> None:
    body = body_of(seed_article)
    sentences = segment(body)
    assert_well_formed(body, sentences)
    assert sentences[-1].paragraph == 7
    texts = [s.de for s in sentences]
    assert (
        "Pentagon-Sprecherin Sabrina Singh äußerte sich besorgt über diese Entwicklung: "
        "“Ein Teil dieser Soldaten ist bereits in die Nähe der Ukraine verlegt worden."
    ) in texts
    assert (
        "Wir gehen davon aus, dass Russland diese Truppen für Kampfeinsätze gegen "
        "ukrainische Streitkräfte einsetzen könnte.”"
    ) in texts
    assert any(t.startswith("Der Grund: Die mutmaßliche Entsendung") for t in texts)


def test_whole_pasted_page_is_covered(seed_article: str) -> None:
    assert_well_formed(seed_article, segment(seed_article))
