"""The line classifier: its shipped table, its smoothing and what it keeps of a page."""

from __future__ import annotations

from pathlib import Path

import pytest
import train_clean
from train_clean import align, expected_article, fold_of, placed_anywhere

from kernpunkt.clean import clean
from kernpunkt.clean.classifier import (
    decode,
    features,
    select_lines,
    shipped_model,
    with_glued_sentences,
    with_headline,
)
from kernpunkt.clean.lines import Line
from kernpunkt.clean.rules import judge, page_lines
from kernpunkt.config import load_config
from kernpunkt.errors import ConfigError

PARAGRAPHS = [
    "Die Stadt Leipzig will bis zum Jahr 2030 alle Schulen mit Solaranlagen ausstatten, wie der "
    "Oberbürgermeister am Montag im Stadtrat ankündigte.",
    "Dafür sollen in den kommenden Jahren rund 40 Millionen Euro aus dem Haushalt bereitgestellt "
    "werden, die Hälfte davon aus Fördermitteln des Landes Sachsen.",
    "Die Opposition begrüßte das Vorhaben grundsätzlich, kritisierte aber, dass die Sanierung der "
    "maroden Schulgebäude dabei erneut verschoben werde.",
    "Der Elternrat der Stadt forderte, dass die Schülerinnen und Schüler in die Planung der "
    "Anlagen einbezogen werden und im Unterricht davon lernen können.",
    "Die ersten zehn Anlagen sollen bereits im kommenden Sommer in Betrieb gehen, teilte die "
    "Verwaltung nach der Sitzung auf Nachfrage mit.",
]
PAGE = [
    "Startseite",
    "Politik",
    "Sport",
    "Kultur",
    "Leipzig stattet alle Schulen mit Solaranlagen aus",
    *PARAGRAPHS,
    "3 Kommentare",
    "Ich finde das eine sehr gute Idee, aber warum dauert das denn so lange bei uns in der Stadt?",
    "Antworten",
    "Das Geld wäre bei der Sanierung der Toiletten in den Schulen wirklich besser aufgehoben.",
    "Impressum",
    "Datenschutz",
]


def test_shipped_table_weighs_every_feature_the_classifier_computes() -> None:
    lines = [Line(text) for text in PAGE]
    judge(lines)
    computed = set(features(lines)[0])
    assert computed == set(shipped_model().weights)


def test_smoothing_keeps_two_body_stretches_around_an_advertising_block() -> None:
    model = shipped_model()
    probabilities = [0.95] * 5 + [0.02] * 4 + [0.95] * 5
    assert decode(probabilities, model) == [True] * 5 + [False] * 4 + [True] * 5


def test_smoothing_keeps_a_lone_doubtful_line_inside_the_article() -> None:
    model = shipped_model()
    assert decode([0.95, 0.95, 0.2, 0.95, 0.95], model) == [True] * 5


def test_smoothing_of_no_lines_is_empty() -> None:
    assert decode([], shipped_model()) == []


def test_classifier_keeps_the_article_and_drops_menus_and_comments() -> None:
    cleaned = clean("\n".join(PAGE), kind="text", method="classifier")
    for paragraph in PARAGRAPHS:
        assert paragraph in cleaned.text
    assert "Startseite" not in cleaned.text
    assert "Toiletten" not in cleaned.text


@pytest.mark.parametrize("method", ["rules", "classifier"])
def test_every_line_is_kept_or_removed_with_a_reason(method: str) -> None:
    cleaned = clean("\n".join(PAGE), kind="text", method=method)
    removed = [line for block in cleaned.removed for line in block.text.split("\n")]
    kept = cleaned.text.split("\n\n")
    assert sorted(kept + removed) == sorted(PAGE)
    assert all(block.reason for block in cleaned.removed)


def test_select_lines_answers_for_every_line() -> None:
    lines = [Line(text) for text in PAGE]
    judge(lines)
    assert len(select_lines(lines)) == len(PAGE)


def test_unknown_cleaning_method_in_the_configuration_is_refused(tmp_path: Path) -> None:
    override = tmp_path / "config.yaml"
    override.write_text("clean:\n  method: neural\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"clean\.method"):
        load_config(override)


def test_cleaning_method_is_read_from_the_configuration(tmp_path: Path) -> None:
    override = tmp_path / "config.yaml"
    override.write_text("clean:\n  method: classifier\n", encoding="utf-8")
    override.write_text("clean:\n  method: rules\n", encoding="utf-8")
    assert load_config(override).clean.method == "rules"
    assert load_config().clean.method == "classifier"


def test_classifier_keeps_the_headline_of_a_paste_that_starts_with_it() -> None:
    headline = "Leipzig stattet alle Schulen mit Solaranlagen aus"
    cleaned = clean("\n".join([headline, *PARAGRAPHS]), kind="text", method="classifier")
    assert cleaned.text.split("\n\n")[0] == headline


def test_classifier_gives_the_seed_article_as_headline_and_eight_paragraphs(
    seed_article: str,
) -> None:
    paragraphs = seed_article.split("\n\n")
    cleaned = clean(seed_article, kind="text", method="classifier")
    assert cleaned.text == "\n\n".join([paragraphs[0], *paragraphs[2:10]])
    assert "Ein warmer Ort gehört" not in cleaned.text


def test_classifier_keeps_a_paste_without_any_paragraph() -> None:
    assert clean("Bahn streikt am Montag", kind="text", method="classifier").text == (
        "Bahn streikt am Montag"
    )


def judged(texts: list[str]) -> list[Line]:
    """Return the lines of `texts`, judged by the line rules."""
    lines = [Line(text) for text in texts]
    judge(lines)
    return lines


def test_every_line_sees_the_features_of_the_lines_above_and_below() -> None:
    rows = features(judged(PAGE))
    assert rows[5]["above_log_words"] == rows[4]["log_words"]
    assert rows[5]["below_paragraph"] == rows[6]["paragraph"] == 1.0
    assert rows[0]["above_log_words"] == rows[-1]["below_log_words"] == 0.0


def test_caption_above_its_credit_is_told_apart_from_a_paragraph() -> None:
    caption = "Der Oberbürgermeister stellt die Pläne am Montag im Stadtrat vor."
    rows = features(judged([PARAGRAPHS[0], caption, "Foto: Jan Woitas/dpa", *PARAGRAPHS[1:]]))
    assert rows[1]["paragraph_above_credit"] == 1.0
    assert rows[0]["paragraph_above_credit"] == rows[3]["paragraph_above_credit"] == 0.0


def test_headline_above_a_credit_is_kept_when_the_paste_starts_with_it() -> None:
    headline = "Leipzig stattet alle Schulen mit Solaranlagen aus"
    lines = judged([headline, "Foto: Jan Woitas/dpa", *PARAGRAPHS])
    keep = [False, False] + [True] * len(PARAGRAPHS)
    assert with_headline(lines, keep) == [True, False] + [True] * len(PARAGRAPHS)


def test_lead_between_headline_and_photo_credit_is_kept_with_the_headline() -> None:
    headline = "Leipzig stattet alle Schulen mit Solaranlagen aus"
    lead = "Die Stadt hat am Montag ihre Pläne für die Schulen im Stadtrat vorgestellt."
    lines = judged([headline, lead, "Foto: Jan Woitas/dpa", *PARAGRAPHS])
    rest = [True] * len(PARAGRAPHS)
    expected = [True, True, False, *rest]
    assert with_headline(lines, [False, False, False, *rest]) == expected
    assert with_headline(lines, [True, False, False, *rest]) == expected


def test_two_paragraphs_above_the_photo_are_not_taken_for_a_lead() -> None:
    headline = "Leipzig stattet alle Schulen mit Solaranlagen aus"
    lines = judged([headline, *PARAGRAPHS[3:], "Foto: Jan Woitas/dpa", *PARAGRAPHS[:3]])
    keep = [False, False, False, False, True, True, True]
    assert with_headline(lines, keep) == keep


def test_sentence_with_a_glued_credit_between_kept_paragraphs_is_kept() -> None:
    sentence = "Die Demonstranten wollen ihren Protest nun bis vor das Rathaus tragen."
    text = "\n\n".join([PARAGRAPHS[0], sentence + "Foto: Swen Pfoertner/Reuters", PARAGRAPHS[1]])
    lines = page_lines(text)
    judge(lines)
    assert [line.credit_glued for line in lines] == [False, True, False, False]
    keep = with_glued_sentences(lines, [True, False, False, True])
    assert keep == [True, True, False, True]


def test_caption_with_a_glued_credit_below_the_article_stays_removed() -> None:
    caption = "Der Oberbürgermeister stellt die Pläne am Montag im Stadtrat vor."
    lines = page_lines("\n\n".join([*PARAGRAPHS[:2], caption + "Foto: Jan Woitas/dpa"]))
    judge(lines)
    assert with_glued_sentences(lines, [True, True, False, False]) == [True, True, False, False]


def test_menu_entry_above_the_article_is_not_taken_for_its_headline() -> None:
    lines = judged(["Politik", *PARAGRAPHS])
    keep = [False] + [True] * len(PARAGRAPHS)
    assert with_headline(lines, keep) == keep


def test_labelling_finds_a_paragraph_shown_with_a_link_label_its_article_lacks() -> None:
    shown = PARAGRAPHS[1].replace("Haushalt", "Haushalt (extern)")
    main = " ".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]])
    lines = ["Startseite", PARAGRAPHS[0], shown, "Anzeige", PARAGRAPHS[2]]
    assert align(lines, main, "") == [False, True, True, False, True]


def test_labelling_does_not_take_a_paragraph_of_another_article_for_body() -> None:
    main = " ".join(PARAGRAPHS[:2])
    lines = [PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[1]]
    assert align(lines, main, "") == [True, False, True]


def test_dump_line_shown_before_its_place_in_the_article_is_body_once() -> None:
    # a terminal dump shows a box of the article (a teaser of the lead) above the text that
    # comes first in the article: the in-order search passes the rest by
    main = " ".join(PARAGRAPHS[:3])
    lines = [PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[1], "Anzeige", PARAGRAPHS[0], PARAGRAPHS[3]]
    labels = align(lines, main, "")
    assert labels == [True, True, False, False, False, False]
    assert placed_anywhere(lines, main, labels) == [True, True, True, False, False, False]


def test_a_site_keeps_its_fold_whatever_other_sites_are_added() -> None:
    assert fold_of("taz") == fold_of("taz") < 10
    assert len({fold_of(f"site{number}") for number in range(100)}) == 10


def test_fundus_file_with_only_a_title_describes_the_page_that_shows_it() -> None:
    markup = f"<html><body><h1>Leipzig stattet alle Schulen aus</h1><p>{PARAGRAPHS[0]}</p></body>"
    assert expected_article(markup, {"title": "Leipzig stattet alle Schulen aus"}) == {
        "title": "Leipzig stattet alle Schulen aus",
        "parts": [],
    }
    assert expected_article(markup, {"title": "Dresden baut eine neue Brücke"}) is None


def test_fundus_versions_give_the_article_whose_paragraphs_the_page_shows() -> None:
    markup = f"<html><body><h1>Solar</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></body>"
    other = {"title": "Anders", "body": {"sections": [{"paragraphs": [PARAGRAPHS[4]]}]}}
    shown = {
        "title": "Solar",
        "body": {"summary": [PARAGRAPHS[0]], "sections": [{"paragraphs": [PARAGRAPHS[1]]}]},
    }
    found = expected_article(markup, {"V1": other, "V2": shown})
    assert found == {"title": "Solar", "parts": PARAGRAPHS[:2]}


def test_gathering_stops_where_the_shared_pages_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without them their sites would go into the training set unnoticed.
    monkeypatch.setattr(train_clean, "SHARED_PAGES", tmp_path / "shared" / "pages")
    with pytest.raises(SystemExit, match="no shared pages"):
        train_clean.shared_sites()
