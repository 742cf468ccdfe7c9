"""The model is kept busy: the next articles are prepared while the current ones translate."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from kernpunkt.pipeline import Pipeline

HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
BAHN = (FIXTURES / "artikel-bahn.txt").read_text(encoding="utf-8")


def test_the_next_batch_is_prepared_while_the_model_translates_this_one(
    tiny_marian: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = Pipeline.from_config(model=str(tiny_marian))
    events: list[str] = []
    prepare, submit = pipeline._prepare, pipeline.translator.submit

    def preparing(text, *args, **options):
        events.append(f"prepare {text[:4]}")
        return prepare(text, *args, **options)

    def submitting(texts, *, num_beams=None):
        pending = submit(texts, num_beams=num_beams)
        results = pending.results

        def collecting(progress=None):
            events.append("collect")
            return results(progress)

        events.append("submit")
        monkeypatch.setattr(pending, "results", collecting)
        return pending

    monkeypatch.setattr(pipeline, "_prepare", preparing)
    monkeypatch.setattr(pipeline.translator, "submit", submitting)
    items = [("h1", HAFEN), ("b1", BAHN), ("h2", HAFEN + " Ende."), ("b2", BAHN + " Ende.")]
    results = list(pipeline.digest_many(items, batch_size=2))
    assert [r.id for r in results] == ["h1", "b1", "h2", "b2"]
    first_wait = events.index("collect")
    prepared = [i for i, event in enumerate(events) if event.startswith("prepare")]
    # the second batch's German stages come after the first batch is queued, before its wait
    assert events.index("submit") < prepared[2] < prepared[3] < first_wait
    alone = [pipeline.digest(text) for _, text in items]
    assert [r.key_points for r in results] == [d.key_points for d in alone]
