"""Cleaning stays linear in its input and keeps the article of deeply nested or wrapped input."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Callable

import pytest

from kernpunkt.clean import Method, clean

SENTENCE = (
    "Die Bundesregierung hat am Dienstag beschlossen, dass die Verkehrs- und Sicherheitsbehörden "
    "künftig enger zusammenarbeiten sollen, wie ein Sprecher in Berlin mitteilte. "
)
HEADLINE = "Regierung beschließt engere Zusammenarbeit der Behörden"
# Linear work grows 4× from n to 4n characters, quadratic work 16×; the bound lies between.
SIZE = 25_000
GROWTH = 4
MAX_GROWTH_RATIO = 8
REPEATS = 5


def prose(chars: int) -> str:
    """Return `chars` characters of German prose, as one paragraph."""
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars].rsplit(" ", 1)[0] + "."


def hard_wrapped(chars: int) -> str:
    """Return a paste hard-wrapped at 72 columns, hyphenated words at line ends included."""
    lines = textwrap.wrap(prose(chars), 72, break_on_hyphens=True)
    return HEADLINE + "\n\n" + "\n".join(lines)


def one_line_per_paragraph(chars: int) -> str:
    """Return a select-all paste: one paragraph per line, lines broken mid-sentence by a box."""
    paragraphs = textwrap.wrap(prose(chars), 400)
    return HEADLINE + "\n" + "\n".join(paragraphs)


def one_huge_line(chars: int) -> str:
    """Return the whole article on one line."""
    return prose(chars)


def cpu_seconds(text: str, method: Method) -> float:
    """Return the least CPU time of a few runs of clean() on `text`."""
    times = []
    for _ in range(REPEATS):
        start = time.process_time()
        clean(text, kind="text", method=method)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("method", ["rules", "classifier"])
@pytest.mark.parametrize("make", [hard_wrapped, one_line_per_paragraph, one_huge_line])
def test_cleaning_work_grows_linearly_with_the_input(
    make: Callable[[int], str], method: Method
) -> None:
    small, large = make(SIZE), make(SIZE * GROWTH)
    cpu_seconds(small, method)  # warm up: compiled regexes, imports
    ratio = cpu_seconds(large, method) / max(cpu_seconds(small, method), 1e-4)
    assert ratio < MAX_GROWTH_RATIO, f"{GROWTH}× the input took {ratio:.1f}× the CPU time"


def nested_page(depth: int) -> str:
    """Return an HTML page whose article sits `depth` div elements deep."""
    paragraphs = "".join(
        f"<p>{SENTENCE} Das ist der {number}. Absatz des Artikels über die Behörden.</p>"
        for number in range(1, 7)
    )
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>"
        + "<div>" * depth
        + f"<h1>{HEADLINE}</h1>{paragraphs}"
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [10, 255, 300, 5000])
def test_deeply_nested_html_keeps_its_article(depth: int) -> None:
    cleaned = clean(nested_page(depth))
    assert "Das ist der 1. Absatz" in cleaned.text
    assert "Das ist der 6. Absatz" in cleaned.text


def test_hard_wrapped_text_without_blank_lines_keeps_its_paragraphs() -> None:
    first = prose(600)
    second = "Der Sprecher sagte außerdem, die Länder seien einverstanden. " * 8
    wrapped = "\n".join([HEADLINE, *textwrap.wrap(first, 72), *textwrap.wrap(second, 72)])
    cleaned = clean(wrapped, kind="text")
    assert cleaned.text.split("\n\n") == [HEADLINE, first, second.strip()]


def test_hyphenated_word_at_a_wrapped_line_end_is_rejoined() -> None:
    lines = [
        "Die Regierung beschloss am Dienstag nach langen Beratungen eine Verein-",
        "barung mit den Ländern, die Sicherheits- und Verkehrsbehörden betrifft,",
        "und sie soll schon im kommenden Jahr in Kraft treten, sagte der Minister.",
        "Die Opposition kritisierte das Vorhaben als zu zaghaft und wenig durch-",
        "dacht; sie will im Bundestag einen eigenen Antrag vorlegen, hieß es dazu.",
    ]
    text = clean("\n".join(lines), kind="text").text
    assert "Vereinbarung mit" in text
    assert "Sicherheits- und Verkehrsbehörden" in text
    assert "durchdacht;" in text


@pytest.mark.parametrize("width", [72, 80, 120, 132])
def test_text_wrapped_at_common_terminal_widths_is_rejoined(width: int) -> None:
    first = prose(900)
    wrapped = "\n".join([HEADLINE, "", *textwrap.wrap(first, width)])
    assert clean(wrapped, kind="text").text.split("\n\n") == [HEADLINE, first]


def test_select_all_paste_of_short_paragraphs_is_not_taken_for_wrapped_text() -> None:
    paragraphs = [
        f"Der {number}. Absatz berichtet, dass die Behörden in Berlin künftig enger "
        "zusammenarbeiten sollen, wie ein Sprecher am Dienstag mitteilte."
        for number in range(1, 9)
    ]
    cleaned = clean("\n".join([HEADLINE, *paragraphs]), kind="text")
    assert cleaned.text.split("\n\n") == [HEADLINE, *paragraphs]


def test_wrapped_dump_with_long_menus_and_an_unbreakable_line_is_rejoined() -> None:
    menu = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Wetter"] * 8
    link = "https://www.example.de/" + "sehr-langer-pfad-" * 8 + "artikel.html"
    first = prose(500)
    dump = "\n".join([*menu, link, "", HEADLINE, "", *textwrap.wrap(first, 80), "", *menu])
    assert first in clean(dump, kind="text").text.split("\n\n")
