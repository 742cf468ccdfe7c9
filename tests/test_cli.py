"""The `kernpunkt` command: Markdown or JSON out, exit 2 with one `error:` line on bad input."""

from __future__ import annotations

import json
import os
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


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    """Return the lines the command wrote to standard error."""
    return result.stderr.decode().strip().splitlines()


def test_digest_prints_markdown_with_provenance_and_key_points(tiny_marian: Path) -> None:
    result = kernpunkt("digest", str(HAFEN), model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("# ")
    assert "- **Source:** artikel-hafen.txt" in out
    assert "## Key points" in out and "## Translation" in out


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


def test_bad_model_folder_exits_2_with_one_line_of_advice(tmp_path: Path) -> None:
    result = kernpunkt("digest", str(HAFEN), model=tmp_path)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert line.startswith("error: could not load translation model")
    assert "KERNPUNKT_TRANSLATION_MODEL" in line


def test_yaml_syntax_error_is_one_error_line(tmp_path: Path) -> None:
    config = tmp_path / "broken.yaml"
    config.write_text("translation:\n  model: [a\n", encoding="utf-8")
    result = kernpunkt("digest", str(HAFEN), "--config", str(config))
    assert result.returncode == 2
    [line] = error_lines(result)
    assert line.startswith("error: configuration file") and "not valid YAML" in line


@pytest.mark.parametrize("count", ["0", "-3", "many"])
def test_key_points_below_one_are_refused(count: str) -> None:
    result = kernpunkt("digest", str(HAFEN), "--key-points", count)
    assert result.returncode == 2
    assert f"must be a whole number of at least 1, not '{count}'" in result.stderr.decode()
    assert result.stdout == b""


def test_debug_adds_the_traceback_to_the_error_line(tmp_path: Path) -> None:
    result = kernpunkt("--debug", "digest", str(HAFEN), model=tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("Traceback") and error_lines(result)[-1].startswith("error: ")


def test_an_unexpected_fault_is_one_line_naming_the_stage_and_exits_1() -> None:
    # a stage that fails with an error no stage expects: a bug, standing in for any other
    script = (
        "import sys; from kernpunkt import cli, pipeline\n"
        "def broken(*a, **k): raise RuntimeError('boom')\n"
        "pipeline.quotes.attribute = broken\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "quotes", str(HAFEN)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    [line] = error_lines(result)
    assert line.startswith("error: unexpected RuntimeError while quotes: boom")
    assert "--debug" in line


def test_several_files_share_one_model_load(tiny_marian: Path) -> None:
    bahn = FIXTURES / "artikel-bahn.txt"
    result = kernpunkt("digest", str(HAFEN), str(bahn), "--json", "--fast", model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    sources = [json.loads(line)["provenance"]["source"] for line in result.stdout.splitlines()]
    assert sources == ["artikel-hafen.txt", "artikel-bahn.txt"]


def test_a_refused_file_among_several_is_named_and_the_rest_digested(
    tiny_marian: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_text(" ", encoding="utf-8")
    result = kernpunkt("digest", str(empty), str(HAFEN), "--json", model=tiny_marian)
    assert result.returncode == 2
    assert error_lines(result) == [f"error: {empty}: the text is empty: paste a German article"]
    assert json.loads(result.stdout)["provenance"]["source"] == "artikel-hafen.txt"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("artikel.csv", "title,text\nA,Der Hafen steht still.\n", "CSV"),
        ("artikel.jsonl", '{"text": "Der Hafen steht still."}\n', "JSON Lines"),
        ("artikel.txt", '{"text": "Der Hafen steht still."}\n{"text": "B"}\n', "JSON Lines"),
    ],
)
def test_a_file_of_many_articles_points_to_batch(
    tmp_path: Path, name: str, content: str, kind: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = kernpunkt("digest", str(path))
    assert result.returncode == 2
    [line] = error_lines(result)
    assert f"looks like a {kind} file" in line and "kernpunkt batch" in line


def test_docx_is_read_like_the_ui(tiny_marian: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in HAFEN.read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "hafen.docx"
    document.save(path)
    result = kernpunkt("digest", str(path), "--json", "--fast", model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    assert "Petra Albers" in json.loads(result.stdout)["text"]


def test_quotes_csv_has_one_row_per_quote(tiny_marian: Path) -> None:
    import csv

    result = kernpunkt("digest", str(HAFEN), "--format", "quotes-csv", "--fast", model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    rows = list(csv.DictReader(result.stdout.decode().splitlines()))
    assert list(rows[0]) == [
        "speaker",
        "role",
        "english",
        "german",
        "sentence",
        "attribution",
        "confidence",
    ]
    assert any(r["speaker"] == "Petra Albers" and r["german"] and r["sentence"] for r in rows)


def test_num_beams_and_fast_are_recorded_in_the_provenance(tiny_marian: Path) -> None:
    beams = kernpunkt("digest", str(HAFEN), "--json", "--num-beams", "2", model=tiny_marian)
    fast = kernpunkt("digest", str(HAFEN), "--json", "--fast", model=tiny_marian)
    assert json.loads(beams.stdout)["provenance"]["options"]["num_beams"] == 2
    assert json.loads(fast.stdout)["provenance"]["options"]["num_beams"] == 1


def test_version_is_printed() -> None:
    from kernpunkt import __version__

    result = kernpunkt("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"kernpunkt {__version__}"


def test_doctor_says_the_model_loads(tiny_marian: Path) -> None:
    result = kernpunkt("doctor", model=tiny_marian)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert f"model:        {tiny_marian}" in out and "loads:        yes" in out
    assert "transformers " in out and "engine:" in out


def test_doctor_says_how_to_fetch_a_model_that_does_not_load(tmp_path: Path) -> None:
    result = kernpunkt("doctor", model=tmp_path)
    assert result.returncode == 2
    out = result.stdout.decode()
    assert "loads:        no" in out and "hf download" in out
    assert "huggingface-cli" not in out


def test_bad_config_exits_2_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("translation:\n  num_beams: many\n", encoding="utf-8")
    result = kernpunkt("digest", str(HAFEN), "--config", str(config))
    assert result.returncode == 2
    assert "translation.num_beams" in result.stderr.decode()


def test_quotes_prints_one_json_object_per_quote_without_empty_fields() -> None:
    result = kernpunkt("quotes", str(HAFEN))
    assert result.returncode == 0, result.stderr.decode()
    quotes = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(q["speaker"] == "Petra Albers" for q in quotes)
    assert all("text_en" not in q and "speaker_en" not in q for q in quotes)
    assert all(isinstance(q["sentence"], int) for q in quotes)


def test_quotes_of_a_web_page_are_found_in_its_cleaned_text(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in HAFEN.read_text(encoding="utf-8").split("\n\n"))
    script = "<script>var s = 'Er sagte: \\u201eJa\\u201c'; x = \"„Kauf jetzt“\";</script>"
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head>{script}</head><body><nav><a>„Newsletter“</a></nav>"
        f"<article>{body}</article></body></html>",
        encoding="utf-8",
    )
    result = kernpunkt("quotes", str(page))
    assert result.returncode == 0, result.stderr.decode()
    quotes = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(q["speaker"] == "Petra Albers" for q in quotes)
    assert not any("Kauf jetzt" in q["text"] or "var " in q["text"] for q in quotes)


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


def test_the_python_api_refuses_fewer_than_one_key_point(pipeline: object) -> None:
    from kernpunkt.errors import KernpunktError

    with pytest.raises(KernpunktError, match="key_points must be at least 1, not 0"):
        pipeline.digest(HAFEN.read_text(encoding="utf-8"), key_points=0)


def test_a_model_missing_from_the_hub_points_to_hf_download() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kernpunkt.cli", "digest", str(HAFEN)],
        capture_output=True,
        check=False,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "KERNPUNKT_TRANSLATION_MODEL": "kp-test/none"},
    )
    assert result.returncode == 2
    [line] = error_lines(result)
    assert "`hf download kp-test/none --revision main --local-dir none`" in line
    assert "huggingface-cli" not in line
