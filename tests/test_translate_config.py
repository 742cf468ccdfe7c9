"""The translation keys of the configuration: engine, compute type, threads, memory, cache."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kernpunkt.config import load_config
from kernpunkt.errors import ConfigError


def write(tmp_path: Path, body: str) -> Path:
    """Write a user configuration file and return its path."""
    path = tmp_path / "config.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_ctranslate2_int8_is_the_default_engine() -> None:
    translation = load_config().translation
    assert translation.engine == "ctranslate2"
    assert translation.compute_type == "auto"
    assert translation.cache == ""


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("translation:\n  engine: marian\n", "translation.engine"),
        ("translation:\n  compute_type: int4\n", "translation.compute_type"),
        ("translation:\n  inter_threads: 0\n", "translation.inter_threads"),
        ("translation:\n  batch_tokens: 0\n", "translation.batch_tokens"),
        ("translation:\n  memory_size: -1\n", "translation.memory_size"),
    ],
)
def test_a_translation_value_that_cannot_work_names_its_key(
    tmp_path: Path, body: str, key: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(key)):
        load_config(write(tmp_path, body))


def test_an_unwritable_cache_says_how_to_switch_it_off(tmp_path: Path) -> None:
    from kernpunkt.translate.memory import SqliteCache

    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ConfigError, match=r"translation\.cache"):
        SqliteCache(blocker / "cache.sqlite")
