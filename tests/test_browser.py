"""Drive the web UI in headless Chromium: paste the seed article, digest it, check the page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES
from webapp import running_app

from kernpunkt.pipeline import Pipeline

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DIGEST_TIMEOUT_MS = 150_000
# Would set window.kpInjected if the page ran article text as HTML or script.
INJECTION = (
    "Ein Leser schrieb am Montag <img src=x onerror=\"window.kpInjected='img'\"> und "
    "<script>window.kpInjected='script'</script> in das Formular der Zeitung."
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Return headless Debian Chromium driven by Playwright (skips where it is not installed)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed ({CHROMIUM}); CI installs Debian's chromium")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def test_seed_article_digest_in_the_browser(
    browser: Any, pipeline: Pipeline, seed_article: str, tmp_path: Path
) -> None:
    """Key points, speakers and the side-by-side view appear; injected markup stays text."""
    first, rest = seed_article.split("\n\n", 1)
    article = f"{first}\n\n{INJECTION}\n\n{rest}"
    expected = pipeline.digest(article)
    dialogs: list[str] = []
    with running_app(pipeline) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        page.get_by_text("Ready — translation model").wait_for()
        page.locator("#kp-article textarea").fill(article)
        page.get_by_label("Speed (greedy)").check()
        page.locator("#kp-run").click()
        page.locator("#kp-key-points .kp-point").first.wait_for(timeout=DIGEST_TIMEOUT_MS)
        page.screenshot(path=tmp_path / "digest.png", full_page=True)

        points = page.locator("#kp-key-points .kp-point")
        assert points.count() == len(expected.key_points)
        speakers = {q.speaker for q in expected.quotes if q.speaker}
        assert speakers, "the seed article quotes named speakers"
        quotes_text = page.locator("#kp-quotes").inner_text()
        assert all(name in quotes_text for name in speakers)
        assert page.locator("#kp-key-points .kp-speaker").count() > 0
        rows = page.locator("#kp-side-by-side table.kp-sbs tbody tr")
        assert rows.count() == len(expected.sentences)
        assert page.locator("#kp-side-by-side mark.kp-quote").count() > 0

        shown = " ".join(page.locator("#kp-side-by-side, #kp-removed").all_text_contents())
        assert "<img src=x onerror=" in shown and "<script>" in shown
        injected = (
            "#kp-side-by-side img, #kp-side-by-side script, #kp-removed img, #kp-removed script"
        )
        assert page.locator(injected).count() == 0
        assert page.evaluate("window.kpInjected") is None
        assert dialogs == []


HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
BAHN = (FIXTURES / "artikel-bahn.txt").read_text(encoding="utf-8")
OUTPUTS = "#kp-provenance, #kp-key-points, #kp-quotes, #kp-side-by-side, #kp-timings"
DOWNLOADS = ("Markdown", "JSON", "Quotes CSV")
# Gradio's progress display: the text ("translating 3/12") and the bar, in each output it covers.
PROGRESS_MARKERS = ".progress-text, .progress-level"


def open_app(browser: Any, url: str) -> Any:
    """Return a page of the app with the model loaded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    page.get_by_text("Ready — translation model").wait_for()
    return page


def digest(page: Any, text: str, *, fast: bool = True) -> None:
    """Paste `text`, digest it and wait for the key points."""
    page.locator("#kp-article textarea").fill(text)
    if fast:
        page.get_by_label("Speed (greedy)").check()
    page.locator("#kp-run").click()
    page.locator("#kp-key-points .kp-point").first.wait_for(timeout=DIGEST_TIMEOUT_MS)


def shown_output(page: Any) -> str:
    """Return the text of every result area, joined."""
    return " ".join(page.locator(OUTPUTS).all_inner_texts()).strip()


def visible_downloads(page: Any) -> list[str]:
    """Return the download buttons on show."""
    return [name for name in DOWNLOADS if page.get_by_role("button", name=name).is_visible()]


def test_no_stale_digest_after_a_new_paste_a_failed_run_or_an_example(
    browser: Any, pipeline: Pipeline, tmp_path: Path
) -> None:
    """Editing the article, a failed run, an upload and an example click clear every output."""
    with running_app(pipeline) as url:
        page = open_app(browser, url)
        digest(page, HAFEN)
        assert "Petra Albers" in shown_output(page)
        assert visible_downloads(page) == list(DOWNLOADS)
        page.screenshot(path=tmp_path / "1-digested.png", full_page=True)

        page.locator("#kp-article textarea").press("End")
        page.locator("#kp-article textarea").type(" Neu.")
        page.wait_for_function("!document.querySelector('#kp-key-points .kp-point')")
        page.screenshot(path=tmp_path / "2-edited.png", full_page=True)
        assert shown_output(page) == "" and visible_downloads(page) == []

        digest(page, BAHN)
        page.locator("#kp-article textarea").fill("   ")
        page.locator("#kp-run").click()
        page.get_by_text("Not digested: the text is empty").wait_for()
        page.screenshot(path=tmp_path / "3-failed.png", full_page=True)
        assert shown_output(page) == "" and visible_downloads(page) == []

        digest(page, HAFEN)
        upload = tmp_path / "bahn.txt"
        upload.write_text(BAHN, encoding="utf-8")
        page.get_by_role("tab", name="Upload file").click()
        page.locator("input[type=file]").set_input_files(upload)
        page.wait_for_function("!document.querySelector('#kp-key-points .kp-point')")
        assert shown_output(page) == "" and visible_downloads(page) == []
        page.locator("#kp-run").click()
        page.locator("#kp-key-points .kp-point").first.wait_for(timeout=DIGEST_TIMEOUT_MS)
        assert "Source bahn.txt" in page.locator("#kp-provenance").inner_text().replace("\n", " ")

        page.get_by_text("Hamburg port strike", exact=True).click()
        page.wait_for_function("!document.querySelector('#kp-key-points .kp-point')")
        assert page.locator("#kp-article textarea").input_value() == HAFEN
        assert shown_output(page) == "" and visible_downloads(page) == []
        page.screenshot(path=tmp_path / "4-example.png", full_page=True)


@pytest.fixture(scope="module")
def slow_pipeline(tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """Return a pipeline on the torch engine: slow enough on a long article to be cancelled."""
    config = tmp_path_factory.mktemp("slow") / "slow.yaml"
    config.write_text("translation:\n  engine: transformers\n", encoding="utf-8")
    return Pipeline.from_config(config, model=str(tiny_marian))


def test_progress_shows_once_under_the_digest_button(
    browser: Any, slow_pipeline: Pipeline, tmp_path: Path
) -> None:
    """While the digest runs, one progress display, beside the button; Cancel stops it."""
    long_article = "\n\n".join([HAFEN, BAHN] * 6)
    with running_app(slow_pipeline) as url:
        page = open_app(browser, url)
        page.locator("#kp-article textarea").fill(long_article)
        page.locator("#kp-run").click()
        page.locator("#kp-run-status .progress-text").first.wait_for(timeout=DIGEST_TIMEOUT_MS)
        # one snapshot of the page: every progress display lies in the run status, none elsewhere
        page.wait_for_function(
            """(markers) => {
                const all = [...document.querySelectorAll(markers)];
                return all.length > 0 && all.every((e) => e.closest('#kp-run-status'));
            }""",
            arg=PROGRESS_MARKERS,
            timeout=DIGEST_TIMEOUT_MS,
        )
        page.screenshot(path=tmp_path / "progress.png", full_page=True)

        page.locator("#kp-cancel").click()
        # the bound of every wait here: a busy machine is slow, and tests never assert on time
        page.get_by_text("Cancelled.").wait_for(timeout=DIGEST_TIMEOUT_MS)
        page.screenshot(path=tmp_path / "cancelled.png", full_page=True)
        assert page.locator("#kp-key-points .kp-point").count() == 0


def test_speaker_filter_copy_clear_and_scroll(
    browser: Any, pipeline: Pipeline, tmp_path: Path
) -> None:
    """A speaker's name filters quotes and key points; Copy copies the key points; Clear clears."""
    with running_app(pipeline) as url:
        page = open_app(browser, url)
        digest(page, HAFEN)
        page.wait_for_function("window.scrollY > 0")
        assert "artikel" not in page.locator("#kp-provenance").inner_text()
        assert "Source" in page.locator("#kp-provenance").inner_text()

        rows = page.locator("#kp-quotes tbody tr")
        page.locator("#kp-quotes .kp-filter", has_text="Petra Albers").first.click()
        shown = [r for r in rows.all() if r.is_visible()]
        assert shown and all("Petra Albers" in r.inner_text() for r in shown)
        assert len(shown) < rows.count()
        for point in page.locator("#kp-key-points .kp-point").all():
            assert point.is_visible() == ("Petra Albers" in point.inner_text())
        page.screenshot(path=tmp_path / "filtered.png", full_page=True)
        page.locator(".kp-filter-clear").click()
        assert all(r.is_visible() for r in rows.all())

        page.locator(".kp-copy").click()
        page.get_by_text("Copied").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        first = page.locator("#kp-key-points .kp-point .kp-en").first.inner_text()
        assert copied.startswith(f"1. {first}")

        page.locator("#kp-clear").click()
        page.wait_for_function("!document.querySelector('#kp-key-points .kp-point')")
        assert page.locator("#kp-article textarea").input_value() == ""
        assert visible_downloads(page) == []


NEWS_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Leipzig stattet alle Schulen mit Solaranlagen aus</title></head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Leipzig stattet alle Schulen mit Solaranlagen aus</h1>
<p>Die Stadt Leipzig will bis zum Jahr 2030 alle Schulen mit Solaranlagen ausstatten, wie der
Oberbürgermeister am Montag im Stadtrat ankündigte. „Wir fangen im Sommer an“, sagte er.</p>
<p>Dafür sollen in den kommenden Jahren rund 40 Millionen Euro aus dem Haushalt bereitgestellt
werden, die Hälfte davon aus Fördermitteln des Landes Sachsen, wie die Verwaltung mitteilte.</p>
<p>Die Opposition begrüßte das Vorhaben grundsätzlich, kritisierte aber, dass die Sanierung der
maroden Schulgebäude dabei erneut verschoben werde. Das sei ein Fehler, sagte ihr Sprecher.</p>
</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/a">Solarpflicht für Neubauten kommt</a></li>
<li><a href="/b">Schulen warten auf neue Toiletten</a></li></ul></aside></main>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>"""


def paste_into_article(page: Any) -> None:
    """Paste the clipboard into the article box with the keyboard, as an analyst does."""
    page.locator("#kp-article textarea").click()
    page.keyboard.press("ControlOrMeta+V")


def test_pasted_html_page_is_digested_through_its_html(
    browser: Any, pipeline: Pipeline, tmp_path: Path
) -> None:
    """Select all on a news page, copy, paste: the article comes from the clipboard's HTML."""
    with running_app(pipeline) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        source = context.new_page()
        source.set_content(NEWS_PAGE)
        source.keyboard.press("ControlOrMeta+A")
        source.keyboard.press("ControlOrMeta+C")
        page = context.new_page()
        page.goto(url)
        page.get_by_text("Ready — translation model").wait_for()
        paste_into_article(page)

        page.locator("#kp-paste-path").get_by_text("Pasted HTML").wait_for()
        article = page.locator("#kp-article textarea")
        text = article.input_value()
        assert text.startswith("Leipzig stattet alle Schulen mit Solaranlagen aus")
        assert "maroden Schulgebäude" in text
        assert "Startseite" not in text and "Impressum" not in text
        assert "Solarpflicht für Neubauten" not in text
        assert not page.get_by_label("Remove ads, credits and appeals").is_checked()

        page.get_by_label("Speed (greedy)").check()
        page.locator("#kp-run").click()
        page.locator("#kp-key-points .kp-point").first.wait_for(timeout=DIGEST_TIMEOUT_MS)
        page.screenshot(path=tmp_path / "pasted-html.png", full_page=True)
        rows = page.locator("#kp-side-by-side table.kp-sbs tbody tr")
        assert rows.count() == len(pipeline.digest(text, clean_input=False).sentences)

        # A plain-text paste afterwards is cleaned as text again.
        page.evaluate(
            "navigator.clipboard.writeText('Nur ein Satz ohne HTML, wie ihn ein Editor kopiert.')"
        )
        article.fill("")
        paste_into_article(page)
        page.locator("#kp-paste-path").get_by_text("Pasted text").wait_for()
        assert page.get_by_label("Remove ads, credits and appeals").is_checked()
        context.close()
