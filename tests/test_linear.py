"""Linear time: each stage's work grows no faster than its input.

For every stage the input doubles twice (n, 2n, 4n) and the CPU time of the stage is measured
(the least of a few runs, garbage collection paused, after a warm-up). Work that grows as n
gives a growth exponent near 1 (n log n a little above); quadratic work gives 2. The test fails
above 1.4: a ratio within one run, never an absolute time, so that a slow or busy machine
shifts all sizes alike. A process on the shared cores can still slow one size alone (1.42 once
in CI, 1.0 on the same code after), so a stage above the bound is measured once more: noise
rarely strikes twice, quadratic work fails every time.
"""

from __future__ import annotations

import gc
import io
import math
import textwrap
import time
from collections.abc import Callable
from typing import Any

import pytest

from kernpunkt import clean, keypoints, segment
from kernpunkt.config import load_config
from kernpunkt.quotes import attribute, find_quotes
from kernpunkt.sources.files import Reading, to_text
from kernpunkt.sources.inputs import check_article

CONFIG = load_config()
READ = Reading(CONFIG.limits)
MAX_EXPONENT = 1.4
# measurements of a stage before it fails: the second only where the first was above the bound
ATTEMPTS = 2
REPEATS = 3
DOUBLINGS = 2
PARAGRAPH = (
    "Im Hamburger Hafen haben am Dienstag rund 4.000 Beschäftigte die Arbeit niedergelegt. "
    "„Unser Angebot liegt seit Wochen auf dem Tisch“, sagte Verbandssprecher Jonas Reuter. "
    "Die Gewerkschaft fordere dagegen einen Inflationsausgleich, erklärte die Sprecherin Anna "
    "Berg am Abend in Hamburg. Der Senat rief beide Seiten zu weiteren Gesprächen auf."
)
BOILERPLATE = ("Newsletter abonnieren", "Foto: Max Mustermann/dpa", "Teilen", "Anzeige")


def page_text(paragraphs: int) -> str:
    """Return a pasted page: paragraphs of the article between lines of boilerplate."""
    lines = []
    for number in range(paragraphs):
        lines += [BOILERPLATE[number % len(BOILERPLATE)], f"{PARAGRAPH} (Absatz {number})"]
    return "\n\n".join(lines)


def hard_wrapped(paragraphs: int) -> str:
    """Return the article hard-wrapped at 72 columns (as mail and PDF give it), no blank lines."""
    return "\n".join(textwrap.wrap(" ".join([PARAGRAPH] * paragraphs), 72))


def html_page(paragraphs: int) -> str:
    """Return a web page holding the article as paragraphs."""
    body = "".join(f"<p>{PARAGRAPH} (Absatz {n})</p>" for n in range(paragraphs))
    return f"<!doctype html><html><body><nav>Start</nav><article>{body}</article></body></html>"


def docx_bytes(paragraphs: int) -> bytes:
    """Return a Word document of the article's paragraphs."""
    import docx

    document = docx.Document()
    for number in range(paragraphs):
        document.add_paragraph(f"{PARAGRAPH} (Absatz {number})")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def cpu_seconds(work: Callable[[Any], object], data: Any) -> float:
    """Return the least CPU time of REPEATS runs of `work(data)`."""
    best = math.inf
    gc.collect()
    gc.disable()
    try:
        for _ in range(REPEATS):
            started = time.process_time()
            work(data)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def growth_exponent(work: Callable[[Any], object], make: Callable[[int], Any], base: int) -> float:
    """Return how the CPU time of `work` grows with its input size, as an exponent of n."""
    work(make(base))  # warm-up: caches, lazy imports, compiled regexes
    inputs = [make(base * 2**k) for k in range(DOUBLINGS + 1)]
    first, last = cpu_seconds(work, inputs[0]), cpu_seconds(work, inputs[-1])
    return math.log2(last / max(first, 1e-6)) / DOUBLINGS


def exponents(work: Callable[[Any], object], make: Callable[[int], Any], base: int) -> list[float]:
    """Return the growth exponents measured, stopping at the first within MAX_EXPONENT."""
    found: list[float] = []
    while len(found) < ATTEMPTS and (not found or found[-1] >= MAX_EXPONENT):
        found.append(growth_exponent(work, make, base))
    return found


def choose(text: str) -> list[int]:
    """Run the key point chooser on the sentences and quotes of `text`."""
    sentences = segment.segment(text)
    chooser = keypoints.LexRankChooser(CONFIG.key_points)
    return chooser(sentences, CONFIG.key_points.count, attribute(text, sentences))


def check_often(text: str) -> None:
    """Check the article ten times: once takes too little time to measure well."""
    for _ in range(10):
        check_article(text, CONFIG.limits)


STAGES: dict[str, tuple[Callable[[Any], object], Callable[[int], Any], int]] = {
    "input checks": (check_often, page_text, 60),
    "cleaning pasted text": (clean.clean, page_text, 40),
    "cleaning HTML": (clean.clean, html_page, 40),
    "segmentation": (segment.segment, page_text, 20),
    "finding quotes": (find_quotes, page_text, 20),
    "attributing quotes": (lambda t: attribute(t, segment.segment(t)), page_text, 20),
    "reading .docx": (lambda data: to_text(data, ".docx", READ), docx_bytes, 200),
    "reading .html": (lambda data: to_text(data.encode(), ".html", READ), html_page, 40),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_time_grows_linearly_with_its_input(stage: str) -> None:
    """Doubling the input twice at most about quadruples the stage's CPU time."""
    work, make, base = STAGES[stage]
    measured = exponents(work, make, base)
    assert measured[-1] < MAX_EXPONENT, measured


def test_cleaning_hard_wrapped_text_grows_linearly() -> None:
    """Cleaning a hard-wrapped paste without blank lines is linear too."""
    measured = exponents(clean.clean, hard_wrapped, 20)
    assert measured[-1] < MAX_EXPONENT, measured


def test_key_point_choice_grows_linearly() -> None:
    """Choosing key points (with the German stages before it) is linear in the article."""
    measured = exponents(choose, page_text, 20)
    assert measured[-1] < MAX_EXPONENT, measured
