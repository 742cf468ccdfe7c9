"""Time `kernpunkt batch` over 200 whole German news articles, and a kill-and-resume run of it.

Run from the repository root:
`python benchmarks/bench_batch.py WORKDIR [--model FOLDER] [--count 200] [--batch-size 8] [--fast]`

The input is assembled at run time into WORKDIR/articles.jsonl from the first COUNT articles of
../shared/data/quotes/spkatt-train-docs.jsonl (German Wikinews, evaluation use only: it is never
written into the repository). Without --model, the tiny Marian model of the test suite is used
(built or taken from .pytest_cache/tiny-models): it measures kernpunkt's own work around the model
(cleaning, segmenting, quotes, key points, batching, writing), not opus-mt-de-en's speed.

The job is one fresh `kernpunkt batch` process (model loading included): reported are its
wall-clock seconds, articles per minute, its CPU seconds (which a shared machine disturbs less)
and the load average. A last run is killed (SIGKILL) after a third of the lines and resumed; it
reports whether every id came out exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "data" / "quotes" / "spkatt-train-docs.jsonl"
POLL_S = 0.05


def assemble(target: Path, count: int) -> int:
    """Write the first `count` articles of the shared data as batch input; return how many."""
    rows = []
    with DOCS.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            rows.append({"id": doc["id"], "text": doc["text"]})
            if len(rows) == count:
                break
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return len(rows)


def tiny_model() -> str:
    """Return the folder of the test suite's tiny Marian model, building it if needed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tiny_models import ensure_tiny_models

    return str(ensure_tiny_models(ROOT / ".pytest_cache" / "tiny-models")["marian"])


def command(source: Path, output: Path, model: str, options: argparse.Namespace) -> list[str]:
    """Return the `kernpunkt batch` command line."""
    line = [sys.executable, "-m", "kernpunkt.cli", "batch", str(source), "-o", str(output)]
    line += ["--model", model, "--batch-size", str(options.batch_size), "--quiet"]
    return [*line, "--fast"] if options.fast else line


def environment() -> dict[str, str]:
    """Return the environment in which this checkout's kernpunkt is imported."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def timed_run(
    source: Path, output: Path, model: str, options: argparse.Namespace
) -> tuple[float, float]:
    """Run one batch job from scratch; return its wall-clock and CPU seconds."""
    output.unlink(missing_ok=True)
    cpu = cpu_seconds()
    started = time.perf_counter()
    done = subprocess.run(command(source, output, model, options), env=environment())
    if done.returncode not in (0, 1):
        sys.exit(f"kernpunkt batch failed with exit status {done.returncode}")
    return time.perf_counter() - started, cpu_seconds() - cpu


def cpu_seconds() -> float:
    """Return the CPU seconds (user + system) that finished child processes have used."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def killed_and_resumed(source: Path, output: Path, model: str, options: argparse.Namespace) -> str:
    """Kill a job after a third of its lines, resume it, and say whether each id is there once."""
    output.unlink(missing_ok=True)
    count = options.count
    process = subprocess.Popen(command(source, output, model, options), env=environment())
    while process.poll() is None and (
        not output.exists() or output.read_bytes().count(b"\n") < count // 3
    ):
        time.sleep(POLL_S)
    process.send_signal(signal.SIGKILL)
    process.wait()
    subprocess.run(command(source, output, model, options), env=environment(), check=False)
    ids = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
    return f"{len(ids)} lines, {len(set(ids))} distinct ids of {count}"


def main() -> None:
    """Assemble the input, time the batch job, then kill and resume it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path, help="where the input and outputs are written")
    parser.add_argument("--model", help="translation model folder (default: the tiny model)")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--fast", action="store_true", help="greedy decoding (kernpunkt --fast)")
    parser.add_argument("--no-resume", action="store_true", help="skip the kill-and-resume run")
    options = parser.parse_args()
    if not DOCS.exists():
        sys.exit(f"the shared evaluation data is absent ({DOCS} not found)")
    options.workdir.mkdir(parents=True, exist_ok=True)
    source = options.workdir / "articles.jsonl"
    options.count = assemble(source, options.count)
    model = options.model or tiny_model()
    print(f"{options.count} articles from {DOCS.name}; model {model}")
    wall, cpu = timed_run(source, options.workdir / "out.jsonl", model, options)
    print(
        f"batch size {options.batch_size}{' --fast' if options.fast else ''}: {wall:.1f} s wall "
        f"({options.count / wall * 60:.0f} articles/min), {cpu:.1f} s CPU "
        f"({cpu / options.count:.2f} s per article), load average {os.getloadavg()[0]:.1f}"
    )
    if not options.no_resume:
        resumed = killed_and_resumed(source, options.workdir / "resumed.jsonl", model, options)
        print(f"killed and resumed: {resumed}")


if __name__ == "__main__":
    main()
