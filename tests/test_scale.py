"""Ray: the same records as the local path, from `digest_dataset` and from `kernpunkt batch`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_inputs import good_articles, mixed_items, read_records, without_timings, write_jsonl

from kernpunkt.cli import main
from kernpunkt.document import to_record
from kernpunkt.pipeline import Pipeline

SRC = Path(__file__).resolve().parents[1] / "src"
RAY_CPUS = 2
OBJECT_STORE_BYTES = 100 * 1024 * 1024


@pytest.fixture(scope="session")
def ray_session() -> Iterator[Any]:
    """Start one small local Ray instance for the whole test session."""
    ray = pytest.importorskip(
        "ray", reason="ray is not installed: pip install 'kernpunkt[ray]' to test the Ray path"
    )
    ray.init(
        num_cpus=RAY_CPUS,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=OBJECT_STORE_BYTES,
        runtime_env={"env_vars": {"PYTHONPATH": str(SRC)}},
    )
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    yield ray
    ray.shutdown()


def test_ray_dataset_gives_the_records_of_the_local_path(
    ray_session: Any, pipeline: Pipeline, tiny_marian: Path
) -> None:
    from kernpunkt.scale import digest_dataset

    items = mixed_items()
    local = [to_record(result) for result in pipeline.digest_many(items)]
    dataset = ray_session.data.from_items(items)
    rows = digest_dataset(dataset, model=str(tiny_marian), batch_size=3).take_all()
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    assert [row["digested"] for row in rows] == ["error" not in record for record in local]
    remote = [json.loads(row["record"]) for row in rows]
    assert [without_timings(r) for r in remote] == [without_timings(r) for r in local]


def test_batch_on_ray_writes_the_local_output_and_skips_ids_already_written(
    ray_session: Any, tiny_marian: Path, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [*good_articles(3), *mixed_items()[1:3]])
    local = tmp_path / "local.jsonl"
    common = ["--model", str(tiny_marian), "--quiet"]
    assert main(["batch", str(source), "-o", str(local), *common]) == 1
    on_ray = tmp_path / "ray.jsonl"
    first = local.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    on_ray.write_text(first, encoding="utf-8")
    args = ["batch", str(source), "-o", str(on_ray), "--engine", "ray", "--workers", "1"]
    assert main([*args, *common]) == 1
    records = read_records(on_ray)
    assert records[0] == json.loads(first)
    assert [without_timings(r) for r in records] == [
        without_timings(r) for r in read_records(local)
    ]
