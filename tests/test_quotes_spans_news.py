"""Tests for which marked stretches of news text are quotes (kernpunkt.quotes spans and marks)."""

from __future__ import annotations

import pytest

from kernpunkt.document import Quote
from kernpunkt.quotes import find_quotes
from kernpunkt.quotes.marks import inner_marks, pair_marks


def by_text(text: str) -> dict[str, Quote]:
    """Return the quotes found in `text`, keyed by their words."""
    return {quote.text: quote for quote in find_quotes(text)}


def only_quote(text: str) -> Quote:
    """Return the single quote found in `text`."""
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def marked(text: str) -> list[str]:
    """Return the words of every span the marks of `text` pair into."""
    return [text[span.start : span.end] for span in pair_marks(text)]


def test_quote_inside_a_quote_is_found_with_its_own_speaker() -> None:
    text = (
        "„Am Abend kam der Nachbar. Karl Huber sagte: ‚Der Keller steht unter Wasser.‘ "
        "Dann ging er wieder“, erzählt Petra Lang."
    )
    quotes = by_text(text)
    inner = quotes["Der Keller steht unter Wasser."]
    assert inner.speaker == "Karl Huber"
    assert text[inner.start : inner.end] == inner.text
    outer = next(quote for quote in quotes.values() if quote.text.startswith("Am Abend"))
    assert outer.speaker == "Petra Lang"


def test_term_inside_a_quote_stays_a_term() -> None:
    words = "Wir halten uns an den Grundsatz ‚im Zweifel für den Angeklagten‘"
    assert list(by_text(f"„{words}“, sagte die Richterin.")) == [words]


def test_apostrophes_inside_a_quote_open_no_inner_quote() -> None:
    assert inner_marks("Wenn’s regnet, bleiben wir bei McDonald’s") is None
    assert inner_marks("Sie rief: ‚Geht’s noch?‘") == "Sie rief: „Geht’s noch?“"


def test_curly_closer_ends_a_straight_quote() -> None:
    text = 'Sie sprach von „Verantwortung“ und warnte vor einer "Spaltung der Gesellschaft“. Gut.'
    assert marked(text) == ["Verantwortung", "Spaltung der Gesellschaft"]


def test_opening_mark_after_a_word_and_before_a_blank_closes() -> None:
    text = "Der Bürgermeister sprach von einem „Tag der Trauer„ für die ganze Stadt."
    assert marked(text) == ["Tag der Trauer"]


def test_straight_quote_left_open_ends_where_the_next_sentence_opens_one() -> None:
    text = (
        'Er rede nur mit Leuten, "die auch zuhören wollen. "Wer mir droht, bekommt keine '
        'Antwort." Das sagte Meier am Montag.'
    )
    assert marked(text) == ["die auch zuhören wollen.", "Wer mir droht, bekommt keine Antwort."]


def test_paragraph_a_speech_verb_and_colon_announce_is_a_quote_without_marks() -> None:
    text = (
        "Die Ökonomin Jana Berger sagt dazu:\n"
        "Die Preise werden im Herbst weiter steigen, vor allem bei Lebensmitteln.\n"
        "Exportiert wurden vor allem:\nMaschinen\n"
    )
    quote = only_quote(text)
    assert quote.text == "Die Preise werden im Herbst weiter steigen, vor allem bei Lebensmitteln."
    assert quote.speaker == "Jana Berger"


def test_paragraph_after_a_colon_without_a_speech_verb_is_no_quote() -> None:
    text = "Das Wichtigste in Kürze:\nDie Fähre fährt ab Montag wieder nach Plan.\n"
    assert find_quotes(text) == []


def test_noun_after_speech_verb_and_vom_is_wording() -> None:
    quote = only_quote("Die Ministerin spricht vom „Ende der Geduld“ in der Koalition.")
    assert quote.text == "Ende der Geduld"


def test_noun_before_particle_vor_and_a_next_verb_is_wording() -> None:
    text = "Der Minister warf der Opposition „Wortbruch“ vor und verließ den Saal."
    assert only_quote(text).text == "Wortbruch"


def test_guillemets_point_the_way_their_openers_do_when_a_closer_comes_first() -> None:
    text = (
        "Ich bleibe hier.« Das sagte Anna Roth am Montag.\n"
        "Ihr Bruder Paul Roth rief: »Nein, niemals!« Dann ging er."
    )
    assert "Nein, niemals!" in marked(text)


def test_three_lowercase_german_words_are_wording_without_a_frame() -> None:
    text = "Tarifstreit: Verhandlungen „noch lange nicht“ am Ende\nDie Gewerkschaft prüft weiter."
    assert only_quote(text).text == "noch lange nicht"


def test_three_lowercase_foreign_words_stay_a_term() -> None:
    assert find_quotes("Sie schloss ihr Studium mit „summa cum laude“ ab.") == []


def test_opener_inside_the_first_sentence_of_a_quote_keeps_the_quote_open() -> None:
    text = "Der Präsident sagte: „Das wird nach „freiem Ermessen entschieden. Niemand weiß mehr.“"
    assert marked(text) == ["Das wird nach „freiem Ermessen entschieden. Niemand weiß mehr."]


def test_quote_inside_a_quote_with_a_speech_verb_after_it_is_found() -> None:
    text = "„Sie waren nett. ‚Hab keine Angst‘, sagten sie. Dann gingen wir“, erzählt Anna Berg."
    assert "Hab keine Angst" in by_text(text)


def test_noun_for_a_word_before_a_single_quoted_noun_mentions_it() -> None:
    assert find_quotes("Im Interview mit ihr fällt immer wieder das Wort „Geduld“.") == []


def test_headline_topic_before_a_colon_names_no_speaker_of_a_quoted_name() -> None:
    assert find_quotes("Schnellere Vermittlung: „Job-Lotse“ hilft Arbeitslosen im Kreis") == []


def test_quotes_in_a_second_mark_style_are_kept_beside_the_first() -> None:
    text = (
        "Anna Roth sagte: „Wir bleiben.“ Später meinte Paul Berg: »Wir gehen.« Das Buch "
        "»Der Weg« erschien 2020. Ihr Kollege sagte: „Er rief: »Nein!« und ging.“"
    )
    quotes = {quote.text: quote.speaker for quote in find_quotes(text)}
    assert quotes["Wir bleiben."] == "Anna Roth"
    assert quotes["Wir gehen."] == "Paul Berg"
    # the guillemets inside „…“ stay a quote inside the quote
    assert "Er rief: »Nein!« und ging." in quotes


def test_an_unclosed_mark_of_the_second_style_swallows_no_quote() -> None:
    text = "Er schrieb: »Wir kommen. Dann sagte Meier: „Fertig.“ Und Berg: „Klar.“"
    assert [quote.text for quote in find_quotes(text)][-2:] == ["Fertig.", "Klar."]


@pytest.mark.parametrize(
    "text",
    [
        'Der Minister sagte: " Wir kommen morgen. " Dann ging er.',
        'Der Minister sagte:"Wir kommen morgen."Dann ging er.',
    ],
)
def test_straight_quote_with_sloppy_spacing_pairs_by_order(text: str) -> None:
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ("Wir kommen morgen.", "Der Minister")
    ]


def test_straight_mark_before_a_full_stop_closes_rather_than_opens() -> None:
    text = 'Meier nannte das " Unsinn ". "Das ist falsch", sagte er.'
    assert [q.text for q in find_quotes(text)][-1:] == ["Das ist falsch"]
    assert "." not in [q.text for q in find_quotes(text)]


def test_verbless_quote_standing_as_a_heading_is_a_quote_of_the_paragraph_below() -> None:
    text = (
        "Die Landesregierung lehnt den Plan ab.\n"
        "„Überrascht und enttäuscht“\n"
        "Ministerpräsident Karl Brandner sagte am Montag, er sei überrascht und enttäuscht."
    )
    quote = only_quote(text)
    assert quote.text == "Überrascht und enttäuscht"
    assert quote.speaker == "Karl Brandner"


def test_quoted_title_with_words_after_it_on_a_heading_line_stays_a_term() -> None:
    text = "Der Verein tagt.\n„Grüne Wiese“ bleibt eigenständig\nDer Vorstand wurde gewählt."
    assert find_quotes(text) == []


def test_name_alone_before_a_colon_on_a_heading_line_announces_verbless_words() -> None:
    text = (
        "Die Wahl ist vorbei.\n"
        "Weidel: „Als Volkspartei angekommen“\n"
        "Bei der Wahlparty der AfD jubelte Alice Weidel."
    )
    quote = only_quote(text)
    assert quote.text == "Als Volkspartei angekommen"
    assert quote.speaker == "Weidel"


def test_label_alone_before_a_colon_on_a_heading_line_still_marks_a_term() -> None:
    text = "Die Saison ist vorbei.\nFazit: „Gute Arbeit“\nDas Team fährt nach Hause."
    assert find_quotes(text) == []
