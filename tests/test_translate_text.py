"""Model-independent parts of translation: marks in and out, and splitting long segments."""

from kernpunkt.translate import split_to_fit, to_model_marks, to_typographic_marks


def test_german_marks_become_straight_quotes_for_the_model() -> None:
    assert to_model_marks("„Wir kommen“, »sagte« sie, ‚leise‘.") == (
        '"Wir kommen", "sagte" sie, \'leise\'.'
    )


def test_english_output_gets_typographic_quotes_and_apostrophes() -> None:
    assert to_typographic_marks('She said: "We don\'t come." Then "no".') == (
        "She said: “We don’t come.” Then “no”."
    )


def test_split_prefers_clause_boundaries_and_loses_nothing() -> None:
    text = "Erstens kommt dies; zweitens kommt das, drittens kommt jenes und viertens noch mehr."
    pieces = split_to_fit(text, lambda piece: len(piece) <= 40)
    assert all(len(p) <= 40 for p in pieces)
    assert " ".join(pieces).split() == text.split()
    assert pieces[0].endswith(";")


def test_split_cuts_an_unbreakable_run() -> None:
    text = "x" * 100
    pieces = split_to_fit(text, lambda piece: len(piece) <= 30)
    assert "".join(pieces) == text
    assert all(len(p) <= 30 for p in pieces)


def test_text_that_fits_is_one_piece() -> None:
    assert split_to_fit("Kurz.", lambda piece: True) == ["Kurz."]
