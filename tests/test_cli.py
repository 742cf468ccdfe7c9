"""The `kernpunkt` command: Markdown or JSON out, exit 2 with one `error:` line on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

HAFEN = FIXTURES / "artikel-hafen.txt"


def kernpunkt(
    *args: str, stdin: bytes = b"", model: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the CLI in a subprocess, as a user would."""
    extra = ["--model", str(model)] if model else []
    return subprocess.run(
        [sys.executable, "-m", "kernpunkt.cli", *args, *extra],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_digest_prints_markdown_with_key_points(tiny_marian: Path) -> None:
    result = kernpunkt("digest", str(HAFEN), model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("## Key points")
    assert "## Translation" in out


def test_digest_json_from_stdin_has_the_public_keys(tiny_marian: Path) -> None:
    result = kernpunkt("digest", "-", "--json", stdin=HAFEN.read_bytes(), model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert {"sentences", "quotes", "key_points", "removed", "warnings", "timings", "models"} <= set(
        data
    )


@pytest.mark.parametrize(
    ("stdin", "message"),
    [(b"   ", "empty"), (b"\x00\x01binary", "binary"), (b"Gr\x81\x8de", "UTF-8")],
)
def test_bad_input_exits_2_with_one_error_line(
    tiny_marian: Path, stdin: bytes, message: str
) -> None:
    result = kernpunkt("digest", "-", stdin=stdin, model=tiny_marian)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert message in lines[0]


def test_missing_file_exits_2() -> None:
    result = kernpunkt("digest", "/nonexistent/artikel.txt")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("error: cannot read")


def test_bad_model_folder_exits_2_with_advice(tmp_path: Path) -> None:
    result = kernpunkt("digest", str(HAFEN), model=tmp_path)
    assert result.returncode == 2
    assert "KERNPUNKT_TRANSLATION_MODEL" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_bad_config_exits_2_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("translation:\n  num_beams: many\n", encoding="utf-8")
    result = kernpunkt("digest", str(HAFEN), "--config", str(config))
    assert result.returncode == 2
    assert "translation.num_beams" in result.stderr.decode()


def test_quotes_prints_one_json_object_per_quote() -> None:
    result = kernpunkt("quotes", str(HAFEN))
    assert result.returncode == 0, result.stderr.decode()
    quotes = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(q["speaker"] == "Petra Albers" for q in quotes)


def test_quotes_of_an_empty_file_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_text(" \n", encoding="utf-8")
    result = kernpunkt("quotes", str(empty))
    assert result.returncode == 2
    assert result.stderr.decode() == "error: the text is empty: paste a German article\n"


def test_clean_json_lists_removed_blocks_with_reasons() -> None:
    result = kernpunkt("clean", str(HAFEN), "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert "Newsletter abonnieren" not in data["text"]
    assert all(r["reason"] for r in data["removed"])
