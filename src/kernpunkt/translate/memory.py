"""Remember translations: an in-process LRU for every engine, and an optional SQLite cache.

Both are keyed by everything that changes the output: model, revision, engine, compute type,
beams and the segment as the model sees it. Only finished translations are remembered; a
segment the model failed on is tried again next time.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from kernpunkt.errors import ConfigError

SQLITE_TIMEOUT_S = 30.0  # how long a writer waits for another process's lock
SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL, revision TEXT NOT NULL, engine TEXT NOT NULL, compute_type TEXT NOT NULL,
    beams INTEGER NOT NULL, segment TEXT NOT NULL, english TEXT NOT NULL, cut INTEGER NOT NULL,
    PRIMARY KEY (model, revision, engine, compute_type, beams, segment)
)
"""


@dataclass(frozen=True)
class Setting:
    """What besides the segment decides a translation: model, revision, engine, compute type."""

    model: str
    revision: str
    engine: str
    compute_type: str


@dataclass(frozen=True)
class Piece:
    """The model's output for one piece of a segment; `cut` when it reached the decoder limit."""

    english: str
    cut: bool = False


class LruMemory:
    """The most recently used translations of this process, shared by every translator in it."""

    def __init__(self, size: int) -> None:
        """Keep at most `size` translations (0 keeps none)."""
        self.size = size
        self.entries: OrderedDict[tuple[Setting, int, str], Piece] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, setting: Setting, beams: int, segment: str) -> Piece | None:
        """Return the remembered translation, if any, and mark it as recently used."""
        key = (setting, beams, segment)
        with self.lock:
            piece = self.entries.get(key)
            if piece is not None:
                self.entries.move_to_end(key)
            return piece

    def put(self, setting: Setting, beams: int, segment: str, piece: Piece) -> None:
        """Remember a translation, forgetting the least recently used beyond `size`."""
        if self.size <= 0:
            return
        with self.lock:
            self.entries[(setting, beams, segment)] = piece
            self.entries.move_to_end((setting, beams, segment))
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


class SqliteCache:
    """Translations kept on disk across processes; several processes may share one file."""

    def __init__(self, path: str | Path) -> None:
        """Open (or create) the cache file at `path`."""
        self.path = Path(path).expanduser()
        self.lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(
                self.path, timeout=SQLITE_TIMEOUT_S, check_same_thread=False
            )
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute(SCHEMA)
            self.connection.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"cannot use the translation cache {self.path}: {exc}. Point "
                "'translation.cache' at a writable file, or set it to '' to switch it off"
            ) from exc

    def get_many(self, setting: Setting, beams: int, segments: list[str]) -> dict[str, Piece]:
        """Return the cached translations of those `segments` that are in the cache."""
        found: dict[str, Piece] = {}
        query = (
            "SELECT english, cut FROM translations WHERE model=? AND revision=? AND engine=? "
            "AND compute_type=? AND beams=? AND segment=?"
        )
        with self.lock:
            for segment in segments:
                row = self.connection.execute(
                    query, (*_columns(setting), beams, segment)
                ).fetchone()
                if row:
                    found[segment] = Piece(row[0], bool(row[1]))
        return found

    def put_many(self, setting: Setting, beams: int, pieces: dict[str, Piece]) -> None:
        """Store translations; a segment another process stored meanwhile is left as it is."""
        rows = [
            (*_columns(setting), beams, segment, piece.english, int(piece.cut))
            for segment, piece in pieces.items()
        ]
        with self.lock, self.connection:
            self.connection.executemany(
                "INSERT OR IGNORE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows
            )

    def close(self) -> None:
        """Close the file."""
        with self.lock:
            self.connection.close()


def _columns(setting: Setting) -> tuple[str, str, str, str]:
    """Return the key columns of a setting."""
    return setting.model, setting.revision, setting.engine, setting.compute_type


SHARED_MEMORY = LruMemory(0)


def shared_memory(size: int) -> LruMemory:
    """Return the process's LRU, grown to hold at least `size` translations."""
    SHARED_MEMORY.size = max(SHARED_MEMORY.size, size)
    return SHARED_MEMORY
