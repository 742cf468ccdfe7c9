"""Batch jobs: a record per article in order, errors as records, resumed exactly once."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from batch_inputs import (
    BAD_TYPES,
    HAFEN,
    comparable,
    good_articles,
    mixed_items,
    read_records,
    without_timings,
    write_jsonl,
)

from kernpunkt.batch import locked
from kernpunkt.cli import main
from kernpunkt.document import ArticleError, Digest, to_record
from kernpunkt.errors import EmptyInputError
from kernpunkt.pipeline import Pipeline

SRC = Path(__file__).resolve().parents[1] / "src"


def one_by_one(pipeline: Pipeline, item: dict[str, str]) -> Digest:
    """Return the digest of one item on its own."""
    (result,) = pipeline.digest_many([item], batch_size=1)
    assert isinstance(result, Digest), result
    return result


def batch(*args: str | Path, model: Path) -> int:
    """Run `kernpunkt batch` in this process; return its exit status."""
    return main(["batch", *map(str, args), "--model", str(model), "--quiet"])


def test_mixed_batch_yields_error_records_and_the_digests_of_one_by_one_runs(
    pipeline: Pipeline,
) -> None:
    items = mixed_items()
    results = list(pipeline.digest_many(items, batch_size=8))
    assert [r.id for r in results] == [item["id"] for item in items]
    for item, result in zip(items, results, strict=True):
        if item["id"] in BAD_TYPES:
            assert isinstance(result, ArticleError)
            assert result.type == BAD_TYPES[item["id"]]
            assert result.message
        else:
            alone = one_by_one(pipeline, item)
            assert isinstance(result, Digest)
            assert comparable(result) == comparable(alone)


def test_a_page_given_as_html_is_cleaned_to_its_article(pipeline: Pipeline) -> None:
    (page,) = [item for item in mixed_items() if "html" in item]
    digest = one_by_one(pipeline, page)
    assert digest.text.startswith("Streik legt Hamburger Hafen")
    assert "<p>" not in digest.text


def test_items_may_be_texts_pairs_mappings_or_files(pipeline: Pipeline, tmp_path: Path) -> None:
    document = tmp_path / "hafen.txt"
    document.write_text(HAFEN, encoding="utf-8")
    items: list[Any] = [HAFEN, ("paar", HAFEN), {"id": 7, "path": document}]
    results = list(pipeline.digest_many(items))
    assert [r.id for r in results] == [None, "paar", "7"]
    assert all(isinstance(r, Digest) for r in results)
    assert len({json.dumps(r.key_points, default=str) for r in results}) == 1


def test_an_item_that_is_not_an_article_becomes_an_error_record(pipeline: Pipeline) -> None:
    items: list[Any] = [{"id": "zwei", "text": HAFEN, "url": "https://a.de"}, 42, ("x", HAFEN)]
    results = list(pipeline.digest_many(items))
    assert [type(r).__name__ for r in results] == ["ArticleError", "ArticleError", "Digest"]
    assert results[0].id == "zwei" and "exactly one of" in results[0].message
    assert results[1].id is None and "not int" in results[1].message


def test_progress_counts_articles_done_out_of_the_total(pipeline: Pipeline) -> None:
    seen: list[tuple[int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "articles":
            seen.append((done, total))

    list(pipeline.digest_many(mixed_items()[:4], batch_size=3, progress=progress))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    seen.clear()
    list(pipeline.digest_many(iter(mixed_items()[:2]), progress=progress))
    assert seen == [(1, 0), (2, 0)]


class FailsOn:
    """The real translator, except that it raises on any segment holding `word`."""

    def __init__(self, translator: Any, word: str) -> None:
        """Wrap `translator`."""
        self.translator, self.word, self.name = translator, word, translator.name

    def translate(self, texts: Any, progress: Any = None, **options: Any) -> list[str]:
        """Translate, or fail like a broken model would."""
        if any(self.word in text for text in texts):
            raise RuntimeError(f"the model broke on '{self.word}'")
        return self.translator.translate(texts, progress, **options)


def test_a_model_failure_on_one_article_spares_the_others_in_its_batch(
    pipeline: Pipeline,
) -> None:
    broken = Pipeline(pipeline.config, FailsOn(pipeline.translator, "Sabotage"))
    good = good_articles(2)
    poisoned = {"id": "gift", "text": HAFEN.replace("Hafen", "Sabotage-Hafen")}
    results = list(broken.digest_many([good[0], poisoned, good[1]], batch_size=3))
    assert isinstance(results[1], ArticleError)
    assert results[1].type == "RuntimeError" and "please report it" in results[1].message
    for item, result in zip(good, (results[0], results[2]), strict=True):
        assert comparable(result) == comparable(one_by_one(pipeline, item))


def test_digest_of_one_article_still_raises_the_error_that_says_why(pipeline: Pipeline) -> None:
    with pytest.raises(EmptyInputError):
        pipeline.digest("  ")


def test_digest_json_written_before_ids_still_loads(pipeline: Pipeline) -> None:
    data = pipeline.digest(HAFEN).to_dict()
    del data["id"]
    assert Digest.from_dict(data).id is None


# --- the command line ---------------------------------------------------------------------


def test_batch_writes_one_record_per_article_in_order_and_exits_1_on_failures(
    pipeline: Pipeline, tiny_marian: Path, tmp_path: Path
) -> None:
    items = mixed_items()
    source = write_jsonl(tmp_path / "in.jsonl", items)
    output = tmp_path / "out.jsonl"
    assert batch(source, "-o", output, model=tiny_marian) == 1
    records = read_records(output)
    expected = [to_record(r) for r in pipeline.digest_many(items)]
    assert [without_timings(r) for r in records] == [without_timings(r) for r in expected]
    errors = {r["id"]: r["error"]["type"] for r in records if "error" in r}
    assert errors == BAD_TYPES


def test_batch_exits_0_when_every_article_is_digested_and_summarises_on_stderr(
    tiny_marian: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", good_articles(3))
    output = tmp_path / "out.jsonl"
    args = ["batch", str(source), "-o", str(output), "--model", str(tiny_marian)]
    assert main(args) == 0
    assert "3 digested, 0 failed, 0 skipped as already done" in capsys.readouterr().err
    assert main(args) == 0
    assert "0 digested, 0 failed, 3 skipped as already done" in capsys.readouterr().err
    assert len(read_records(output)) == 3


def test_key_points_only_and_fast_pass_through_to_the_pipeline(
    pipeline: Pipeline, tiny_marian: Path, tmp_path: Path
) -> None:
    rows = good_articles(2)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    output = tmp_path / "out.jsonl"
    assert batch(source, "-o", output, "--key-points-only", "--fast", model=tiny_marian) == 0
    expected = pipeline.digest_many(rows, key_points_only=True, num_beams=1)
    records = [without_timings(r) for r in read_records(output)]
    assert records == [without_timings(to_record(r)) for r in expected]
    assert {r["translation"] for r in records} == {"partial"}


def test_duplicate_id_is_an_error_before_any_work(
    tiny_marian: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = good_articles(3)
    rows.append({**rows[1], "text": "Noch ein Text."})
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    output = tmp_path / "out.jsonl"
    assert batch(source, "-o", output, model=tiny_marian) == 2
    error = capsys.readouterr().err
    assert "duplicate id 'artikel-001'" in error and "line 2 and" in error and "line 4" in error
    assert not output.exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "Ohne Kennung."}', "has no id"),
        ('{"id": "a", "text": "x", "url": "https://a.de"}', "exactly one of"),
        ("kein json", "is not JSON"),
    ],
)
def test_a_malformed_input_line_is_named_before_any_work(
    tiny_marian: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(good_articles(1)[0]) + "\n" + line + "\n", encoding="utf-8")
    assert batch(source, "-o", tmp_path / "out.jsonl", model=tiny_marian) == 2
    error = capsys.readouterr().err
    assert message in error and "line 2" in error


def test_resume_skips_written_ids_and_redoes_a_torn_last_line(
    tiny_marian: Path, tmp_path: Path
) -> None:
    rows = good_articles(4)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    whole = tmp_path / "whole.jsonl"
    assert batch(source, "-o", whole, model=tiny_marian) == 0
    expected = read_records(whole)
    first, second = whole.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
    output = tmp_path / "out.jsonl"
    output.write_text(first + second[: len(second) // 2], encoding="utf-8")  # a crash mid-line
    assert batch(source, "-o", output, model=tiny_marian) == 0
    records = read_records(output)
    assert [r["id"] for r in records] == [r["id"] for r in rows]
    assert records[0] == expected[0]  # kept as written, not redone
    assert [without_timings(r) for r in records] == [without_timings(r) for r in expected]


def test_a_second_job_on_the_same_output_is_refused_while_the_first_runs(
    tiny_marian: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", good_articles(1))
    output = tmp_path / "out.jsonl"
    with locked(output):
        assert batch(source, "-o", output, model=tiny_marian) == 2
    assert "another kernpunkt batch is writing" in capsys.readouterr().err
    assert output.read_bytes() == b""


def test_error_records_from_an_earlier_run_still_give_exit_1(
    tiny_marian: Path, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "leer", "text": ""}])
    output = tmp_path / "out.jsonl"
    assert batch(source, "-o", output, model=tiny_marian) == 1
    assert batch(source, "-o", output, model=tiny_marian) == 1
    assert len(read_records(output)) == 1


def test_csv_input_gives_csv_rows_per_key_point(
    pipeline: Pipeline, tiny_marian: Path, tmp_path: Path
) -> None:
    rows = [*good_articles(2), {"id": "leer", "text": ""}]
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text", "url"])
        writer.writeheader()
        writer.writerows(rows)
    output = tmp_path / "out.csv"
    assert batch(source, "-o", output, "--format", "csv", model=tiny_marian) == 1
    table = list(csv.DictReader(output.read_text(encoding="utf-8").splitlines()))
    digest = one_by_one(pipeline, rows[0])
    first = [row for row in table if row["id"] == rows[0]["id"]]
    assert [row["rank"] for row in first] == [str(i + 1) for i in range(len(digest.key_points))]
    assert [row["english"] for row in first] == [" ".join(p.en.split()) for p in digest.key_points]
    (empty,) = [row for row in table if row["id"] == "leer"]
    assert empty["error_type"] == "EmptyInputError"
    assert batch(source, "-o", output, "--format", "csv", model=tiny_marian) == 1
    assert list(csv.DictReader(output.read_text(encoding="utf-8").splitlines())) == table


def test_folder_input_ids_are_relative_paths_and_markdown_dir_output(
    tiny_marian: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "artikel"
    (folder / "hamburg").mkdir(parents=True)
    (folder / "hamburg" / "hafen.txt").write_text(HAFEN, encoding="utf-8")
    (folder / "bahn.md").write_text(good_articles(1)[0]["text"], encoding="utf-8")
    (folder / "kaputt.txt").write_bytes(b"\x00\x9f\x92\x96 binary")
    (folder / "bild.png").write_bytes(b"\x89PNG")
    output = tmp_path / "digests"
    assert batch(folder, "-o", output, "--format", "markdown-dir", model=tiny_marian) == 1
    assert "left out, e.g. bild.png" in capsys.readouterr().err
    ledger = read_records(output / "index.jsonl")
    assert [r["id"] for r in ledger] == ["bahn.md", "hamburg/hafen.txt", "kaputt.txt"]
    assert ledger[2]["error"]["type"] == "BinaryInputError"
    page = (output / ledger[1]["file"]).read_text(encoding="utf-8")
    assert page.startswith("# Streik legt Hamburger Hafen")
    assert "- **Source:** hafen.txt" in page and "## Key points" in page
    assert sorted(p.name for p in output.iterdir()) == sorted(
        ["index.jsonl", ledger[0]["file"], ledger[1]["file"]]
    )


def test_jsonl_on_standard_input(
    tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "".join(json.dumps(r) + "\n" for r in good_articles(2)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    output = tmp_path / "out.jsonl"
    assert batch("-", "-o", output, model=tiny_marian) == 0
    assert [r["id"] for r in read_records(output)] == ["artikel-000", "artikel-001"]


# --- kills and resumes --------------------------------------------------------------------


def start(source: Path, output: Path, model: Path) -> subprocess.Popen[bytes]:
    """Start `kernpunkt batch` as a separate process."""
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "kernpunkt.cli", "batch", str(source), "-o", str(output)]
    return subprocess.Popen(
        [*command, "--model", str(model), "--batch-size", "2", "--quiet"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def line_count(path: Path) -> int:
    """Return how many complete lines `path` holds (0 before it exists)."""
    return path.read_bytes().count(b"\n") if path.exists() else 0


def wait_for_lines(process: subprocess.Popen[bytes], output: Path, lines: int) -> None:
    """Wait until `output` holds `lines` lines or the process has ended."""
    while process.poll() is None and line_count(output) < lines:
        time.sleep(0.02)


def test_killed_and_resumed_runs_write_every_id_exactly_once(
    tiny_marian: Path, tmp_path: Path
) -> None:
    rows = good_articles(16)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    one_shot = tmp_path / "one-shot.jsonl"
    assert batch(source, "-o", one_shot, model=tiny_marian) == 0
    output = tmp_path / "out.jsonl"
    chance = random.Random(12)
    for _kill in range(3):
        process = start(source, output, tiny_marian)
        wait_for_lines(process, output, line_count(output) + chance.randint(1, 3))
        time.sleep(chance.uniform(0, 0.3))
        process.kill()
        process.wait()
    process = start(source, output, tiny_marian)
    wait_for_lines(process, output, line_count(output) + 1)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate()
    if line_count(output) < len(rows):  # the job had not finished before the signal
        assert process.returncode == 128 + signal.SIGTERM
        assert "run the same command again to resume" in stderr.decode()
    process = start(source, output, tiny_marian)
    assert process.wait() == 0, process.stderr.read().decode() if process.stderr else ""
    assert output.read_bytes().endswith(b"\n")
    records = read_records(output)
    assert sorted(r["id"] for r in records) == [r["id"] for r in rows]
    by_id = {r["id"]: without_timings(r) for r in records}
    assert [by_id[r["id"]] for r in read_records(one_shot)] == [
        without_timings(r) for r in read_records(one_shot)
    ]
