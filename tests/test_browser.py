"""Drive the web UI in headless Chromium: paste the seed article, digest it, check the page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
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
