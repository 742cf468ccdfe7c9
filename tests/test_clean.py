"""Cleaning keeps the article body of pasted text or HTML and names what it removed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import SHARED_DATA

from kernpunkt.clean import clean, decode_html
from kernpunkt.clean.markup import html_to_text
from kernpunkt.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLongError,
    NothingLeftError,
)

CLEAN_SET = SHARED_DATA / "clean"

PARAGRAPH_1 = (
    "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, dass die Brücke über den "
    "Fluss im kommenden Frühjahr für den Autoverkehr gesperrt wird."
)
PARAGRAPH_2 = (
    "Die Sanierung soll nach Angaben der Verwaltung rund zwei Jahre dauern und mehr als zwölf "
    "Millionen Euro kosten, die zum Teil vom Land getragen werden."
)
PARAGRAPH_3 = (
    "Anwohner hatten sich in den vergangenen Wochen über den Lärm der Lastwagen beschwert und "
    "eine Umleitung durch das Gewerbegebiet gefordert."
)
MENU = "Startseite\nPolitik\nWirtschaft\nSport\nKultur\nRegion\nSuche\nLogin"


def body(*blocks: str) -> str:
    """Return blocks as cleaning returns paragraphs: separated by blank lines."""
    return "\n\n".join(blocks)


def reasons(text: str) -> dict[str, str]:
    """Return each removed line of the cleaned `text`, mapped to the reason given for it."""
    return {
        line: removed.reason for removed in clean(text).removed for line in removed.text.split("\n")
    }


# --- the seed article -----------------------------------------------------------------------


def test_seed_article_comes_out_as_headline_and_eight_body_paragraphs(seed_article: str) -> None:
    paragraphs = seed_article.split("\n\n")
    expected = [paragraphs[0], *paragraphs[2:10]]
    assert expected[-1].endswith("weder bestätigt noch dementiert.")

    cleaned = clean(seed_article)

    assert cleaned.text == "\n\n".join(expected)


def test_seed_article_credit_and_heater_advert_are_removed_with_reasons(
    seed_article: str,
) -> None:
    found = reasons(seed_article)

    credit = next(line for line in found if line.startswith("Der nordkoreanische Staatsführer"))
    advert = next(line for line in found if line.startswith("Ein warmer Ort gehört"))
    assert found[credit] == "image-credit"
    assert found[advert] == "advertising"
    assert found["Unterstützen Sie Report24 via Paypal:"] == "donation-appeal"


# --- credits --------------------------------------------------------------------------------


def test_credit_line_under_headline_is_removed() -> None:
    text = "Brücke wird gesperrt\nFoto: Max Muster/dpa\n" + body(PARAGRAPH_1, PARAGRAPH_2)

    cleaned = clean(text)

    assert cleaned.text == body("Brücke wird gesperrt", PARAGRAPH_1, PARAGRAPH_2)
    assert cleaned.removed[0].reason == "image-credit"


def test_credit_glued_to_sentence_end_is_removed() -> None:
    glued = "Die Demonstranten wollen ihren Protest nun bis vor das Rathaus tragen."
    text = body(PARAGRAPH_1, glued + "Foto: Swen Pfoertner/Reuters", PARAGRAPH_2)

    cleaned = clean(text)

    assert cleaned.text == body(PARAGRAPH_1, glued, PARAGRAPH_2)
    assert reasons(text)["Foto: Swen Pfoertner/Reuters"] == "image-credit"


def test_lone_credit_label_takes_the_name_below_with_it() -> None:
    text = body(PARAGRAPH_1, "Foto:", "Getty Images/EyeEm", PARAGRAPH_2)

    found = reasons(text)

    assert found["Foto:"] == found["Getty Images/EyeEm"] == "image-credit"


@pytest.mark.parametrize(
    "credit",
    [
        "© Johannes Gregor/hessenschau.de",
        "Kim Jong Un, Foto von Kremlin.ru, CC BY 4.0",
        "Autohäuser dürfen wieder öffnen. (Symbolbild)",
        "Bildrechte: IMAGO",
    ],
)
def test_credit_and_licence_lines_are_removed(credit: str) -> None:
    assert reasons(body(PARAGRAPH_1, credit, PARAGRAPH_2))[credit] == "image-credit"


# --- advertising and appeals ----------------------------------------------------------------


@pytest.mark.parametrize(
    "advert",
    [
        "Europaweit und versandkostenfrei zu bestellen!",
        "Jetzt nur 29,99 € statt 59,99 €",
        "Hier können Sie das Buch jetzt bestellen.",
        "ANZEIGE",
    ],
)
def test_prices_shop_calls_and_ad_labels_are_advertising(advert: str) -> None:
    text = body(PARAGRAPH_1, PARAGRAPH_2, advert)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)[advert] == "advertising"


def test_product_blurb_written_as_prose_before_a_shop_call_is_advertising() -> None:
    blurb = (
        "Eine gute Lampe gehört zu den wichtigsten Dingen im Haushalt, wenn der Strom einmal "
        "für mehrere Stunden ausfällt."
    )
    text = body(
        PARAGRAPH_1,
        PARAGRAPH_2,
        "Die Outdoor-Lampe im Test\nHell, sparsam und robust",
        blurb,
        "Jetzt versandkostenfrei bestellen!",
    )

    cleaned = clean(text)

    assert cleaned.text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)[blurb] == "advertising"


@pytest.mark.parametrize(
    "appeal",
    [
        "Wir sind spendenfinanziert.",
        "Unterstützen Sie unseren unabhängigen Journalismus mit einer Spende!",
        "Unterstützen Sie uns via Paypal:",
        "Ihr Beitrag hilft, unsere Berichterstattung weiterhin kostenlos anzubieten.",
    ],
)
def test_donation_appeals_are_removed_even_as_proper_sentences(appeal: str) -> None:
    text = body(PARAGRAPH_1, PARAGRAPH_2, appeal)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)[appeal] == "donation-appeal"


def test_body_sentence_about_donations_is_kept() -> None:
    report = (
        "Die Stiftung hat nach eigenen Angaben in diesem Jahr mehr Spenden für die Opfer der "
        "Flut gesammelt als je zuvor."
    )
    text = body(PARAGRAPH_1, report, PARAGRAPH_2)

    assert clean(text).text == text


@pytest.mark.parametrize(
    "appeal",
    [
        "Um schnell informiert zu bleiben, folgen Sie uns auf Telegram!",
        "Abonnieren Sie unseren kostenlosen Newsletter.",
        "Newsletter",
    ],
)
def test_newsletter_and_social_appeals_are_removed(appeal: str) -> None:
    text = body(PARAGRAPH_1, PARAGRAPH_2, appeal)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)[appeal] == "newsletter-social"


def test_share_buttons_between_lead_and_body_are_removed() -> None:
    text = body(PARAGRAPH_1, "Auf Facebook teilen\nAuf WhatsApp teilen\nLink kopieren", PARAGRAPH_2)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)["Link kopieren"] == "newsletter-social"


# --- navigation, teasers, context -----------------------------------------------------------


def test_menu_before_the_headline_is_removed_and_headline_kept() -> None:
    text = (
        MENU
        + "\nBrücke über den Fluss wird ab Frühjahr gesperrt\n"
        + body(PARAGRAPH_1, PARAGRAPH_2)
    )

    cleaned = clean(text)

    assert cleaned.text == body(
        "Brücke über den Fluss wird ab Frühjahr gesperrt", PARAGRAPH_1, PARAGRAPH_2
    )
    assert reasons(text)["Politik"] == "navigation"


def test_lead_without_final_punctuation_is_kept() -> None:
    lead = (
        "Nach monatelangem Streit steht fest, wann und wie lange die marode Brücke über den "
        "Fluss für den Verkehr gesperrt wird und wer die Kosten der Sanierung trägt"
    )
    text = body("Die Brücke wird gesperrt", lead, PARAGRAPH_1, PARAGRAPH_2)

    assert clean(text).text == text


def test_short_subhead_between_paragraphs_is_kept() -> None:
    text = body(PARAGRAPH_1, "Anwohner sind erleichtert", PARAGRAPH_2, PARAGRAPH_3)

    assert clean(text).text == text


def test_teaser_heading_and_its_titles_are_removed_and_the_body_goes_on() -> None:
    teasers = "Mehr zum Thema\nNeue Radwege in der Innenstadt\nBahnhof wird barrierefrei"
    text = body(PARAGRAPH_1, teasers, PARAGRAPH_2, PARAGRAPH_3)

    found = reasons(text)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3)
    assert found["Mehr zum Thema"] == found["Bahnhof wird barrierefrei"] == "teaser"


def test_teaser_list_after_the_article_is_removed_with_its_summaries() -> None:
    teasers = body(
        "Das könnte Sie auch interessieren",
        "Stadtfest abgesagt",
        "Wegen des Wetters fällt das Stadtfest in diesem Jahr aus.",
        "Neuer Bürgermeister gewählt",
        "Die Wahl fiel knapp aus.",
    )

    assert clean(body(PARAGRAPH_1, PARAGRAPH_2, teasers)).text == body(PARAGRAPH_1, PARAGRAPH_2)


def test_read_also_line_inside_the_article_is_a_teaser() -> None:
    teaser = "Lesen Sie auch: Warum die Stadt kein Geld für Schulen hat"
    text = body(PARAGRAPH_1, teaser, PARAGRAPH_2)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)[teaser] == "teaser"


def test_comment_section_after_the_article_is_removed() -> None:
    comments = body(
        "Kommentare",
        "Hans Meier sagt:\n5. November 2023 um 11:54 Uhr",
        "Das hätte man schon vor zehn Jahren machen müssen, aber niemand hat auf uns gehört.",
        "Antworten",
    )

    cleaned = clean(body(PARAGRAPH_1, PARAGRAPH_2, comments))

    assert cleaned.text == body(PARAGRAPH_1, PARAGRAPH_2)


@pytest.mark.parametrize("method", ["classifier", "rules"])
def test_block_quote_announced_by_a_role_is_kept_not_taken_for_a_comment(method: str) -> None:
    announced = body(
        "Der Oberbürgermeister sagt:",
        "„Wir schaffen damit eine sichere Verbindung zwischen der Altstadt und den neuen "
        "Wohngebieten im Norden, und das war uns seit Jahren ein Anliegen.“",
    )
    text = body(PARAGRAPH_1, announced, PARAGRAPH_2)

    assert clean(text, method=method).text == text


@pytest.mark.parametrize(
    "notice",
    [
        "Diese Website benutzt Cookies. Wenn du die Website weiter nutzt, stimmst du zu.",
        "© 2023 Musterverlag GmbH. Alle Rechte vorbehalten.",
    ],
)
def test_cookie_notices_and_copyright_footers_are_removed(notice: str) -> None:
    text = body(PARAGRAPH_1, PARAGRAPH_2, notice)

    assert clean(text).text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert reasons(text)[notice] == "cookie-legal"


def test_dateline_and_byline_are_removed() -> None:
    text = "Brücke wird gesperrt\nVon Anna Schmidt\n19.10.2023, 11:29 Uhr\n" + body(
        PARAGRAPH_1, PARAGRAPH_2
    )

    found = reasons(text)

    assert clean(text).text == body("Brücke wird gesperrt", PARAGRAPH_1, PARAGRAPH_2)
    assert found["Von Anna Schmidt"] == found["19.10.2023, 11:29 Uhr"] == "metadata"


def test_repeated_paragraph_is_kept_once() -> None:
    text = body(PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_1)

    cleaned = clean(text)

    assert cleaned.text == body(PARAGRAPH_1, PARAGRAPH_2)
    assert cleaned.removed[-1].reason == "duplicate"


def test_text_without_any_paragraph_keeps_its_lines() -> None:
    assert clean("Bahn streikt am Montag").text == "Bahn streikt am Montag"


# --- normalisation --------------------------------------------------------------------------


def test_invisible_characters_go_and_odd_spaces_become_spaces() -> None:
    text = "Der Stadt\u00adrat hat am\u00a0Dienstag\u200b beschlossen,\u202fdass gebaut wird."

    assert clean(text).text == "Der Stadtrat hat am Dienstag beschlossen, dass gebaut wird."


def test_text_comes_out_in_nfc_with_entities_decoded() -> None:
    text = "Mu\u0308ller &amp; So\u0308hne bauen die Bru\u0308cke f&uuml;r 2&nbsp;Millionen Euro."

    assert clean(text).text == "Müller & Söhne bauen die Brücke für 2 Millionen Euro."


def test_quotation_marks_and_sharp_s_keep_their_identity() -> None:
    quoted = (
        "„Wir schaffen das“, sagte sie. Er nannte es “groß”, sie »mutig« und «klug», "
        "ein Dritter ‚süß‘ und 'bloß' ärgerlich."
    )

    assert clean(quoted).text == quoted


def test_word_hyphenated_across_a_line_break_is_joined() -> None:
    text = (
        "Die Verkehrs-\nplanung der Stadt sieht vor, dass die US-\nArmee und die Sicherheits-\n"
        "und Ordnungsbehörden früh informiert werden."
    )

    assert clean(text).text == (
        "Die Verkehrsplanung der Stadt sieht vor, dass die US-Armee und die Sicherheits- und "
        "Ordnungsbehörden früh informiert werden."
    )


def test_paragraphs_broken_by_fixed_width_wrapping_are_rejoined() -> None:
    wrapped = (
        "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen,\n"
        "dass die Brücke über den Fluss im kommenden Frühjahr für den\n"
        "Autoverkehr gesperrt wird. Die Sanierung soll zwei Jahre dauern.\n"
        "\n"
        "Anwohner hatten sich in den vergangenen Wochen über den Lärm der\n"
        "Lastwagen beschwert und eine Umleitung gefordert."
    )

    assert clean(wrapped).text == (
        "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, dass die Brücke "
        "über den Fluss im kommenden Frühjahr für den Autoverkehr gesperrt wird. Die "
        "Sanierung soll zwei Jahre dauern.\n\n"
        "Anwohner hatten sich in den vergangenen Wochen über den Lärm der Lastwagen beschwert "
        "und eine Umleitung gefordert."
    )


def test_sentence_broken_mid_way_by_a_narrow_box_is_rejoined() -> None:
    text = (
        "Die Exaring AG übergibt das Signal an alle relevanten Anbieter, einzige Bedingung\n"
        "ist für den Endkunden eine Leitung mit mehr als 16 Mbit."
    )

    assert "Bedingung ist für den Endkunden" in clean(text).text


# --- HTML -----------------------------------------------------------------------------------

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Brücke wird gesperrt</title></head>
<body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article>
<h1>Brücke wird gesperrt</h1>
<p>{PARAGRAPH_1}</p>
<p>{PARAGRAPH_2}</p>
<p>{PARAGRAPH_3}</p>
<p>Unterstützen Sie unseren unabhängigen Journalismus mit einer Spende!</p>
</article>
<footer><p>© 2023 Musterverlag GmbH</p><a href="/impressum">Impressum</a></footer>
</body></html>"""


def test_html_is_detected_and_its_main_text_kept_with_the_headline() -> None:
    cleaned = clean(ARTICLE_HTML)

    assert cleaned.text == body("Brücke wird gesperrt", PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3)


def test_appeal_that_trafilatura_keeps_is_removed_by_the_text_rules() -> None:
    found = reasons(ARTICLE_HTML)

    appeal = "Unterstützen Sie unseren unabhängigen Journalismus mit einer Spende!"
    assert found[appeal] == "donation-appeal"


def test_broken_html_still_gives_its_text() -> None:
    broken = f"<html><body><div><p>{PARAGRAPH_1}<p>{PARAGRAPH_2}<div><span><a href='x"

    cleaned = clean(broken, kind="html")

    assert PARAGRAPH_1 in cleaned.text


def test_page_text_of_html_leaves_out_a_script_after_a_noscript_frame() -> None:
    page = (
        "<html><body><p>Text</p><noscript><iframe src='x'>Rahmen</iframe></noscript>"
        "<script>var tracking = 2</script></body></html>"
    )

    assert html_to_text(page).split() == ["Text"]


def test_html_over_the_size_limit_is_refused() -> None:
    with pytest.raises(InputTooLongError, match="limit"):
        clean(ARTICLE_HTML, kind="html", max_html_chars=100)


def test_html_bytes_are_decoded_by_their_declared_charset() -> None:
    page = ARTICLE_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1")

    assert PARAGRAPH_1 in clean(decode_html(page)).text


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n\t \n"])
def test_empty_input_is_refused(text: str) -> None:
    with pytest.raises(EmptyInputError):
        clean(text)


@pytest.mark.parametrize("text", ["PK\x03\x04\x00\x00\x08\x00 binary", "\x01\x02\x03\x04\x05\x06x"])
def test_binary_input_is_refused(text: str) -> None:
    with pytest.raises(BinaryInputError):
        clean(text)


def test_nothing_left_is_an_error_that_offers_to_skip_cleaning() -> None:
    boilerplate = "ANZEIGE\nImpressum\nWir sind spendenfinanziert.\nAuf Facebook teilen"

    with pytest.raises(NothingLeftError, match="boilerplate") as error:
        clean(boilerplate)

    assert "clean_input=False" in str(error.value)
    assert "--no-clean" in str(error.value)


# --- the shared evaluation pages ------------------------------------------------------------


def clean_set_pages() -> list[dict[str, Any]]:
    """Return the gold items of the shared cleaning set (skips the test without ../shared)."""
    gold = CLEAN_SET / "gold.jsonl"
    if not gold.exists():
        pytest.skip(f"the shared evaluation data is absent ({gold} not found)")
    return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]


def test_every_shared_page_keeps_most_of_its_gold_body_snippets() -> None:
    kept = missed = 0
    for page in clean_set_pages():
        text = " ".join(clean((CLEAN_SET / page["text"]).read_text(encoding="utf-8")).text.split())
        for snippet in page["with"]:
            found = " ".join(snippet.split()) in text
            kept, missed = kept + found, missed + (not found)

    assert kept / (kept + missed) >= 0.95
