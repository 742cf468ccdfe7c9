"""Digest a Ray Data dataset of articles on a Ray cluster: one pipeline per worker, errors as rows.

Each row holds an `id` and one of `text`, `html` or `url` (or `path`, a document the workers
can read). Each result row holds the `id`, whether it was `digested`, and the `record`: the JSON
of the Digest, or of `{"id", "error": {"type", "message"}}`, exactly as `kernpunkt batch` writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kernpunkt.document import to_record
from kernpunkt.pipeline import ITEM_SOURCES

if TYPE_CHECKING:
    from ray.data import Dataset


class Digester:
    """A Ray Data worker: it loads the pipeline once, then digests batches of rows."""

    def __init__(self, config: str | None, model: str | None, options: dict[str, Any]) -> None:
        """Load the pipeline of `config` and `model` (paths as the worker sees them)."""
        from kernpunkt.pipeline import Pipeline

        self.pipeline = Pipeline.from_config(config, model=model)
        self.options = options

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        """Digest a batch of rows (columns of equal length) into result columns."""
        items = rows(batch)
        results = self.pipeline.digest_many(items, batch_size=len(items), **self.options)
        records = [to_record(result) for result in results]
        return {
            "id": [record["id"] for record in records],
            "digested": ["error" not in record for record in records],
            "record": [json.dumps(record, ensure_ascii=False) for record in records],
        }


def rows(batch: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the rows of a column batch, leaving out the sources a row does not have."""
    columns = [name for name in ("id", *ITEM_SOURCES) if name in batch]
    count = len(batch["id"])
    return [
        {name: batch[name][i] for name in columns if isinstance(batch[name][i], str)}
        | {"id": str(batch["id"][i])}
        for i in range(count)
    ]


def digest_dataset(
    ds: Dataset,
    config: str | Path | None = None,
    *,
    model: str | None = None,
    concurrency: int = 1,
    batch_size: int = 8,
    num_cpus: float = 1,
    **options: Any,
) -> Dataset:
    """Return the dataset of results: one row per article with `id`, `digested` and `record`.

    `concurrency` workers each load the pipeline once; the articles of a batch of
    `batch_size` rows share model calls. `config` and `model` are paths on the workers;
    `options` are those of `Pipeline.digest_many` (key_points, key_points_only, num_beams, …).
    """
    return ds.map_batches(
        Digester,
        fn_constructor_kwargs={
            "config": None if config is None else str(config),
            "model": model,
            "options": options,
        },
        batch_size=batch_size,
        concurrency=concurrency,
        num_cpus=num_cpus,
        batch_format="numpy",
    )
