"""Time `kernpunkt batch` over 200 whole German news articles, and a kill-and-resume run of it.

Run from the repository root:
`python benchmarks/bench_batch.py WORKDIR [--model FOLDER] [--count 200] [--batch-sizes 1 8]`

The input is assembled at run time into WORKDIR/articles.jsonl from the first COUNT articles of
../shared/data/quotes/spkatt-train-docs.jsonl (German Wikinews, evaluation use only: it is never
written into the repository). Without --model, the tiny Marian model of the test suite is used
(built or taken from .pytest_cache/tiny-models): it measures kernpunkt's own work around the model
(cleaning, segmenting, quotes, key points, batching, writing), not opus-mt-de-en's speed.

Each batch size is one fresh `kernpunkt batch` process (model loading included), so the figures
are wall-clock seconds and articles per minute on this machine, and the ratio to the first
batch size of the same run. A last run is killed (SIGKILL) after a third of the lines and resumed;
it reports whether every id came out exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
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


def command(source: Path, output: Path, model: str, batch_size: int) -> list[str]:
    """Return the `kernpunkt batch` command line."""
    return [
        sys.executable,
        "-m",
        "kernpunkt.cli",
        "batch",
        str(source),
        "-o",
        str(output),
        "--model",
        model,
        "--batch-size",
        str(batch_size),
        "--quiet",
    ]


def environment() -> dict[str, str]:
    """Return the environment in which this checkout's kernpunkt is imported."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def timed_run(source: Path, output: Path, model: str, batch_size: int) -> float:
    """Run one batch job from scratch; return its wall-clock seconds."""
    output.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run(command(source, output, model, batch_size), env=environment())
    if done.returncode not in (0, 1):
        sys.exit(f"kernpunkt batch failed with exit status {done.returncode}")
    return time.perf_counter() - started


def killed_and_resumed(source: Path, output: Path, model: str, count: int) -> str:
    """Kill a job after a third of its lines, resume it, and say whether each id is there once."""
    output.unlink(missing_ok=True)
    process = subprocess.Popen(command(source, output, model, 8), env=environment())
    while process.poll() is None and (
        not output.exists() or output.read_bytes().count(b"\n") < count // 3
    ):
        time.sleep(POLL_S)
    process.send_signal(signal.SIGKILL)
    process.wait()
    subprocess.run(command(source, output, model, 8), env=environment(), check=False)
    ids = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
    return f"{len(ids)} lines, {len(set(ids))} distinct ids of {count}"


def main() -> None:
    """Assemble the input, time each batch size, and kill and resume one run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path, help="where the input and outputs are written")
    parser.add_argument("--model", help="translation model folder (default: the tiny model)")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[8])
    args = parser.parse_args()
    if not DOCS.exists():
        sys.exit(f"the shared evaluation data is absent ({DOCS} not found)")
    args.workdir.mkdir(parents=True, exist_ok=True)
    source = args.workdir / "articles.jsonl"
    count = assemble(source, args.count)
    model = args.model or tiny_model()
    print(f"{count} articles from {DOCS.name}; model {model}")
    first = None
    for size in args.batch_sizes:
        seconds = timed_run(source, args.workdir / f"out-{size}.jsonl", model, size)
        first = first or seconds
        print(
            f"batch size {size}: {seconds:.1f} s, {count / seconds * 60:.0f} articles/min, "
            f"speed ×{first / seconds:.2f} of batch size {args.batch_sizes[0]}"
        )
    resumed = killed_and_resumed(source, args.workdir / "resumed.jsonl", model, count)
    print(f"killed and resumed: {resumed}")


if __name__ == "__main__":
    main()
