"""Articles for the batch and Ray tests: distinct good ones, and a mixed set with every bad kind."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from conftest import FIXTURES

from kernpunkt.document import Digest

HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
BAHN = (FIXTURES / "artikel-bahn.txt").read_text(encoding="utf-8")
ENGLISH = (
    "The port of Hamburg was shut for two days as workers walked out over pay, and the union "
    "said that the strike would go on until the employers made a better offer to them."
)
REFUSED_URL = "http://127.0.0.1:9/artikel.html"  # loopback: the URL guard refuses it


def good_articles(count: int) -> list[dict[str, str]]:
    """Return `count` distinct German articles: the fixtures with their paragraphs rotated."""
    articles = []
    for number in range(count):
        paragraphs = (HAFEN if number % 2 else BAHN).split("\n\n")
        turn = number // 2 % len(paragraphs)
        text = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
        articles.append({"id": f"artikel-{number:03d}", "text": text})
    return articles


def as_html(text: str) -> str:
    """Return an article as a small web page."""
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f"<html><body><article>{body}</article></body></html>"


def mixed_items() -> list[dict[str, str]]:
    """Return good articles among an empty, a binary, an English, an HTML and a refused URL one."""
    good = good_articles(3)
    return [
        good[0],
        {"id": "leer", "text": "   \n "},
        {"id": "binaer", "text": "\x00\x01\x02PK\x03\x04" * 20},
        good[1],
        {"id": "englisch", "text": ENGLISH},
        {"id": "seite", "html": as_html(HAFEN)},
        {"id": "lokal", "url": REFUSED_URL},
        good[2],
    ]


BAD_TYPES = {
    "leer": "EmptyInputError",
    "binaer": "BinaryInputError",
    "englisch": "NotGermanError",
    "lokal": "FetchError",
}


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write rows as JSON lines; return the path."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def read_records(path: Path) -> list[dict[str, Any]]:
    """Return the records of a JSONL output."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def without_timings(record: dict[str, Any]) -> dict[str, Any]:
    """Return a record without what differs from run to run: timings and the time of making."""
    same = {key: value for key, value in record.items() if key != "timings"}
    if "provenance" in same:
        same["provenance"] = {k: v for k, v in same["provenance"].items() if k != "created"}
    return same


def comparable(digest: Digest) -> Digest:
    """Return `digest` without what differs from run to run: timings and the time of making."""
    return replace(digest, timings={}, provenance=replace(digest.provenance, created=""))
