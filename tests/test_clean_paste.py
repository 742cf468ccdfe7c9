"""The web UI's paste handler: HTML on the clipboard is cleaned as HTML, else the text is used."""

from __future__ import annotations

from kernpunkt.config import load_config
from kernpunkt.paste import digest_paste

ARTICLE = "".join(
    f"<p>Die Stadt Leipzig will bis 2030 alle Schulen mit Solaranlagen ausstatten, sagte der "
    f"Oberbürgermeister am Montag im Stadtrat, und das ist der {number}. Absatz dazu.</p>"
    for number in range(1, 6)
)
PAGE = (
    "<html><head><title>Leipzig stattet Schulen mit Solaranlagen aus</title></head><body>"
    "<nav><a href='/'>Startseite</a> <a href='/sport'>Sport</a></nav>"
    f"<article><h1>Leipzig stattet Schulen mit Solaranlagen aus</h1>{ARTICLE}</article>"
    "<footer><a href='/impressum'>Impressum</a></footer></body></html>"
)


def test_pasted_html_fills_the_article_box_and_switches_cleaning_off() -> None:
    text, checkbox, note, from_html = digest_paste(PAGE, False, load_config())
    assert "der 5. Absatz" in text and "Startseite" not in text
    assert checkbox.value is False
    assert note.startswith("**Pasted HTML**")
    assert from_html


def test_pasted_html_without_an_article_falls_back_to_the_pasted_text() -> None:
    menu = "<html><body><nav><a href='/'>Startseite</a><a href='/a'>Sport</a></nav></body></html>"
    _, checkbox, note, from_html = digest_paste(menu, True, load_config())
    assert note.startswith("**Pasted text** — the pasted HTML held no article")
    assert checkbox.value is True
    assert not from_html


def test_plain_text_paste_after_an_html_paste_switches_cleaning_back_on() -> None:
    _, checkbox, note, from_html = digest_paste("", True, load_config())
    assert checkbox.value is True
    assert note.startswith("**Pasted text** — the clipboard held no HTML")
    assert not from_html
