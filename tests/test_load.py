"""Load: the app on the tiny model under 20 good and 20 hostile concurrent requests.

Everything runs on 127.0.0.1 and is bounded: 40 requests, each waited on for a fixed time.
Every good request must get the digest of its own article (the one the pipeline makes of it
alone), every hostile one kernpunkt's clear message, and the server must stay up with its
memory bounded.
"""

from __future__ import annotations

import resource
from dataclasses import replace
from typing import Any

import pytest
from conftest import FIXTURES
from gradio_client import Client
from gradio_client.exceptions import AppError
from webapp import running_app

from kernpunkt.document import Digest
from kernpunkt.pipeline import Pipeline

GOOD = 20
# Good requests translate only their key points, greedily: the tiny model's random weights
# never end a sentence, so a full translation would spend the time limit on decoding.
REQUEST = {"key_points_only": True, "key_points": "short", "fast": True}
REFERENCE = {"key_points_only": True, "key_points": 3, "num_beams": 1}
# The longest any one request may take with all 40 queued ahead of it (a guard, not a timing).
WAIT_S = 300
# The server's peak memory may grow by this much under the load (kibibytes, as getrusage says).
MAX_GROWTH_KIB = 500_000
ARTICLES = [
    (FIXTURES / name).read_text(encoding="utf-8")
    for name in ("artikel-hafen.txt", "artikel-bahn.txt")
]
GERMAN = "Der Senat rief beide Seiten am Abend in Hamburg zu weiteren Gesprächen auf. "
ENGLISH = (
    "The government said on Monday that the talks with the unions would continue next week in "
    "Berlin, and that it expected an agreement before the summer."
)
# (text, options, what the message must say)
HOSTILE: list[tuple[Any, dict[str, Any], str]] = [
    ("", {}, "empty"),
    ("   \n\t  ", {}, "empty"),
    (None, {}, "no text was given"),
    ("\x00\x01\x02\x03" * 500, {}, "binary"),
    (GERMAN + "\x00", {}, "binary"),
    ("\x07\x08" * 200 + GERMAN, {}, "binary"),
    ("„" * 10_000, {}, "no words"),
    ('"' * 10_000, {}, "no words"),
    ("„“ »« ‚‘ " * 2_000, {"clean_input": False}, "no words"),
    ("... !!! ??? – 12345 67890 §$%&", {}, "no words"),
    ("😀🎉" * 500, {}, "no words"),
    ("\u200b" * 5_000, {}, "no words"),
    (GERMAN * 1_700, {"clean_input": False}, "max_input_chars"),
    (GERMAN * 2_700, {}, "max_input_chars"),
    ((GERMAN + "\n") * 13_500, {}, "max_text_chars"),
    ("x" * 5_000_001, {}, "max_raw_chars"),
    (ENGLISH, {}, "does not look like German"),
    (ARTICLES[0], {"key_points": "huge"}, "must be one of short, medium, long"),
    (ENGLISH * 3, {"clean_input": False}, "does not look like German"),
    ("Newsletter abonnieren\n\nUnterstützen Sie uns mit einer Spende!\n", {}, "removed"),
]


def article(number: int) -> str:
    """Return a distinct article: a fixture with a sentence of its own after the lead."""
    base = ARTICLES[number % len(ARTICLES)]
    head, rest = base.split("\n\n", 1)
    own = f"Die Verhandlungen sollen nach Angaben des Senats in {number + 2} Tagen weitergehen."
    return f"{head}\n\n{own}\n\n{rest}"


def peak_rss_kib() -> int:
    """Return this process's peak resident memory so far (the server runs in it)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@pytest.fixture(scope="module")
def served(pipeline: Pipeline):
    """Serve the app with a queue that holds the whole load; yield its URL."""
    config = replace(pipeline.config, web=replace(pipeline.config.web, queue_size=2 * GOOD + 8))
    with running_app(pipeline, config) as url:
        yield url


def test_every_request_under_load_gets_its_own_answer(served: str, pipeline: Pipeline) -> None:
    """20 good and 20 hostile requests at once: own digests, clear errors, server up."""
    assert len(HOSTILE) == GOOD
    expected = [pipeline.digest(article(n), **REFERENCE) for n in range(GOOD)]
    before = peak_rss_kib()
    client = Client(served, verbose=False)
    good = [client.submit(article(n), **REQUEST, api_name="/digest") for n in range(GOOD)]
    bad = [client.submit(text, **options, api_name="/digest") for text, options, _ in HOSTILE]
    for number, job in enumerate(good):
        digest = Digest.from_dict(job.result(timeout=WAIT_S))
        assert digest.text == expected[number].text and f"in {number + 2} Tagen" in digest.text
        assert [s.en for s in digest.sentences] == [s.en for s in expected[number].sentences]
        assert [(q.text, q.speaker) for q in digest.quotes] == [
            (q.text, q.speaker) for q in expected[number].quotes
        ]
        assert [p.en for p in digest.key_points] == [p.en for p in expected[number].key_points]
    for job, (_, _, message) in zip(bad, HOSTILE, strict=True):
        with pytest.raises(AppError, match=message):
            job.result(timeout=WAIT_S)
    after = Client(served, verbose=False).predict(article(0), **REQUEST, api_name="/digest")
    assert after["text"] == expected[0].text
    assert peak_rss_kib() - before < MAX_GROWTH_KIB
