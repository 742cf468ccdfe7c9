"""The translation memory: least recently used entries go first; the SQLite cache is shared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from kernpunkt.translate.memory import LruMemory, Piece, Setting, SqliteCache

SETTING = Setting("opus-mt-de-en", "main", "ctranslate2", "int8")
WRITER = """
import sys
from kernpunkt.translate.memory import Piece, Setting, SqliteCache
cache = SqliteCache(sys.argv[1])
setting = Setting("opus-mt-de-en", "main", "ctranslate2", "int8")
for start in range(0, 400, 20):
    rows = range(start, start + 20)
    cache.put_many(setting, 4, {f"Satz {i}": Piece(f"sentence {i}") for i in rows})
"""


def test_the_least_recently_used_translation_is_forgotten_first() -> None:
    memory = LruMemory(2)
    memory.put(SETTING, 4, "a", Piece("A"))
    memory.put(SETTING, 4, "b", Piece("B"))
    assert memory.get(SETTING, 4, "a") == Piece("A")  # "b" is now the oldest
    memory.put(SETTING, 4, "c", Piece("C"))
    assert memory.get(SETTING, 4, "b") is None
    assert memory.get(SETTING, 4, "a") == Piece("A")
    assert memory.get(SETTING, 1, "a") is None  # other beams, other translation


def test_cache_keys_keep_engines_and_beams_apart(tmp_path: Path) -> None:
    cache = SqliteCache(tmp_path / "cache.sqlite")
    cache.put_many(SETTING, 4, {"Hallo.": Piece("Hello.", cut=True)})
    other = Setting("opus-mt-de-en", "main", "transformers", "float32")
    assert cache.get_many(SETTING, 4, ["Hallo.", "Tschüss."]) == {"Hallo.": Piece("Hello.", True)}
    assert cache.get_many(SETTING, 1, ["Hallo."]) == {}
    assert cache.get_many(other, 4, ["Hallo."]) == {}


def test_several_processes_fill_one_cache_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path)], env=env, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    errors = [writer.communicate()[1] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0, 0], errors
    found = SqliteCache(path).get_many(SETTING, 4, [f"Satz {i}" for i in range(400)])
    assert len(found) == 400
    assert found["Satz 399"] == Piece("sentence 399")
