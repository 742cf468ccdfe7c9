"""Benchmark kernpunkt's translation engines on opus-mt-de-en's real shape: a table and a JSON file.

Run from the repository root: `python benchmarks/run.py [--quick]` (needs ../shared/data; the
full run takes about 25 minutes on 2 cores, `--quick` under 4). Never run by the tests.

The model has opus-mt-de-en's sizes (d_model 512, 6+6 layers, 8 heads, FFN 2048, vocabulary
58101, 512 static positions, its special ids and generation settings) and random weights, with
the end token's logit pushed down so that it never ends: with `new_tokens_ratio: 1` and
`new_tokens_extra: 0` every batch then writes as many tokens as its longest source has, about
what the real model writes for German news. The tokenizer is a real Marian one whose
SentencePiece model is trained on every text the run digests (the seed article and the
BATCH_ARTICLES batch articles, in quick runs too) with the vocabulary size searched so that it
cuts German into TOKENS_PER_WORD tokens per word, as opus-mt-de-en's does; trained on the seed
alone it cut the batch articles into 3.5 tokens per word, which made every batch 2.7 times the
work of a real one. Every engine thus does the work of the same translation, through kernpunkt's
own code.

Engines: `naive` (transformers, one sentence per `generate` call, beam 4, no memory),
`transformers` (kernpunkt's batching on torch) and `ctranslate2` (the default: int8, converted
once before the runs, as a Space does at build time). Metrics per engine: `seed_seconds`
(digest of the seed article), `greedy_seconds` (beam 1), `keypoints_only_seconds`,
`batch_articles_per_min` (articles of 300-800 words assembled from the shared SpkAtt train
documents, through `digest_many`), `cold_start_seconds` and `peak_rss_mb` (a new process:
import, load, one digest), `load_seconds`, `stage_seconds` (the seed digest's own timings) and
`ratio_vs_naive` (seed). The in-process memory is off, so no run profits from an earlier one.

Variants run round-robin, several repetitions each; every run records the CPU time other
processes took meanwhile (/proc/stat): runs where they used more than OTHER_MAX cores are
discarded and repeated while the time budget lasts. Medians and spread (min-max) of kept runs
are reported, with the count of discarded runs. `--busy-neighbour` keeps the last core busy with
a spinning process during the runs (its core is not counted as a disturbance): compare
`--variants ctranslate2 ctranslate2-1thread --busy-neighbour` with a quiet run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import sentencepiece as spm
import torch
import yaml
from transformers import GenerationConfig, MarianConfig, MarianMTModel
from transformers.utils import logging as hf_logging

from kernpunkt.clean import clean
from kernpunkt.config import Config, load_config
from kernpunkt.pipeline import Pipeline
from kernpunkt.segment import segment
from kernpunkt.translate import load_translator
from kernpunkt.translate.ctranslate2_engine import converted_model

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from tiny_models import save_marian_tokenizer  # noqa: E402 - the tokenizer layout tests use

DATA = ROOT.parent / "shared" / "data"
ARTICLE = DATA / "article-report24-nordkorea.txt"
DOCUMENTS = DATA / "quotes" / "spkatt-train-docs.jsonl"
RESULTS = ROOT / "benchmarks" / "results.json"

VOCAB_SIZE = 58101  # opus-mt-de-en
PAD_ID = VOCAB_SIZE - 1  # also the decoder start token
EOS_ID = 0
MAX_POSITIONS = 512
NEVER = -1e4  # the end token's logit bias: random weights must not stop early
TOKENS_PER_WORD = 1.3  # opus-mt-de-en's SentencePiece on German news (end token not counted)
ARTICLE_WORDS = (300, 800)
BATCH_ARTICLES = 100  # a quick run digests the first QUICK_ARTICLES of them
QUICK_ARTICLES = 3
OTHER_MAX = 0.25  # cores other processes may use during a run before it is discarded
QUIET_WAIT_S = 10.0  # how long to wait for other processes to go quiet before a run


@dataclass(frozen=True)
class Variant:
    """One engine setting to measure."""

    name: str
    engine: str
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Run:
    """One timed measurement."""

    seconds: float
    other_cores: float | None
    kept: bool


@dataclass
class Scores:
    """Every run of every metric of one variant."""

    runs: dict[str, list[Run]] = field(default_factory=dict)
    stages: dict[str, list[float]] = field(default_factory=dict)
    load_seconds: float = 0.0
    cold: list[dict[str, float]] = field(default_factory=list)

    def kept(self, metric: str) -> list[float]:
        """Return the kept runs' seconds (all runs' if none was kept)."""
        runs = self.runs.get(metric, [])
        return [r.seconds for r in runs if r.kept] or [r.seconds for r in runs]


VARIANTS = {
    "naive": Variant("naive", "transformers", {"batch_size": 1, "threads": 0}),
    "transformers": Variant("transformers", "transformers", {"threads": 0}),
    "ctranslate2": Variant("ctranslate2", "ctranslate2"),
    "ctranslate2-1thread": Variant(
        "ctranslate2-1thread", "ctranslate2", {"inter_threads": 1, "intra_threads": 1}
    ),
    "ctranslate2-1x2": Variant(
        "ctranslate2-1x2", "ctranslate2", {"inter_threads": 1, "intra_threads": 2}
    ),
}


def busy_cpu_seconds() -> float | None:
    """Return the CPU seconds all processes have used since boot (None off Linux)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + ticks[4]  # idle, iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """Return the CPU time of this process and its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def wait_for_quiet(neighbour: float = 0.0) -> None:
    """Wait (at most QUIET_WAIT_S) until other processes leave the cores alone.

    `neighbour` is the cores the run's own busy neighbour takes: they do not count.
    """
    deadline = time.monotonic() + QUIET_WAIT_S
    while time.monotonic() < deadline:
        busy, cpu = busy_cpu_seconds(), own_cpu_seconds()
        time.sleep(0.3)
        after = busy_cpu_seconds()
        if busy is None or after is None:
            return
        if after - busy - own_cpu_seconds() + cpu < 0.1 + 0.3 * neighbour:
            return


def timed(work: Callable[[], Any], neighbour: float = 0.0) -> tuple[Run, Any]:
    """Run `work` once; return its Run (kept unless others took over OTHER_MAX cores).

    `neighbour` is the cores the run's own busy neighbour takes: they do not count.
    """
    wait_for_quiet(neighbour)
    busy, cpu, start = busy_cpu_seconds(), own_cpu_seconds(), time.perf_counter()
    result = work()
    wall = time.perf_counter() - start
    after = busy_cpu_seconds()
    if busy is None or after is None:
        return Run(wall, None, True), result
    other = max(0.0, after - busy - (own_cpu_seconds() - cpu)) / wall
    other = max(0.0, other - neighbour)
    return Run(wall, round(other, 3), other <= OTHER_MAX), result


@contextmanager
def busy_neighbour(enabled: bool) -> Iterator[float]:
    """Keep the last core busy with a spinning process if `enabled`; yield the cores it takes."""
    if not enabled:
        yield 0.0
        return
    core = (os.cpu_count() or 1) - 1
    spin = f"import os\nos.sched_setaffinity(0, {{{core}}})\nwhile True:\n    pass"
    spinner = subprocess.Popen([sys.executable, "-c", spin])
    try:
        yield 1.0
    finally:
        spinner.kill()
        spinner.wait()


def train_spm(texts: list[str], vocab_size: int) -> tuple[bytes, float]:
    """Train a BPE SentencePiece model on `texts`; return it and its tokens per word."""
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type="bpe",
        character_coverage=1.0,
        byte_fallback=True,
        eos_id=EOS_ID,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return model.getvalue(), tokens_per_word(processor, texts)


def tokens_per_word(processor: spm.SentencePieceProcessor, texts: list[str]) -> float:
    """Return how many tokens `processor` cuts the words of `texts` into, on average."""
    tokens = sum(len(processor.encode(text)) for text in texts)
    return tokens / sum(len(text.split()) for text in texts)


def calibrated_spm(texts: list[str]) -> tuple[bytes, float]:
    """Return the SentencePiece model whose tokens per word come closest to TOKENS_PER_WORD."""
    low, high = 300, 60000  # fewer pieces cut words finer: tokens per word fall as size grows
    best = train_spm(texts, high)
    while high - low > 20:
        middle = (low + high) // 2
        candidate = train_spm(texts, middle)
        if abs(candidate[1] - TOKENS_PER_WORD) < abs(best[1] - TOKENS_PER_WORD):
            best = candidate
        low, high = (middle, high) if candidate[1] > TOKENS_PER_WORD else (low, middle)
    return best


def save_random_marian(folder: Path) -> int:
    """Save a never-ending random-weight model with opus-mt-de-en's sizes; return its size."""
    config = MarianConfig(
        vocab_size=VOCAB_SIZE,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=MAX_POSITIONS,
        activation_function="swish",
        static_position_embeddings=True,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        pad_token_id=PAD_ID,
        eos_token_id=EOS_ID,
        decoder_start_token_id=PAD_ID,
        forced_eos_token_id=EOS_ID,
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = MarianMTModel(config)
    with torch.no_grad():
        model.final_logits_bias[0, EOS_ID] = NEVER
        model.get_input_embeddings().weight[PAD_ID].zero_()  # Marian's zero decoder start
    model.generation_config = GenerationConfig(  # opus-mt-de-en's generation_config.json
        num_beams=4,
        max_length=MAX_POSITIONS,
        bos_token_id=EOS_ID,
        decoder_start_token_id=PAD_ID,
        pad_token_id=PAD_ID,
        eos_token_id=EOS_ID,
        forced_eos_token_id=EOS_ID,
        bad_words_ids=[[PAD_ID]],
        renormalize_logits=True,
    )
    model.save_pretrained(folder)
    return model.num_parameters()


def assembled_articles(count: int) -> list[str]:
    """Return `count` articles of 300-800 words made of consecutive SpkAtt train documents."""
    documents = [json.loads(line)["text"] for line in DOCUMENTS.open(encoding="utf-8")]
    low, high = ARTICLE_WORDS
    articles, paragraphs, index = [], [], 0
    while len(articles) < count:
        target = low + (len(articles) * 97) % (high - low)
        paragraphs.append(documents[index % len(documents)])
        index += 1
        words = " ".join(paragraphs).split()
        if len(words) >= target:
            text = "\n\n".join(paragraphs)
            if len(words) > high:  # end at the last sentence that fits
                cut = " ".join(words[:high])
                text = cut[: cut.rfind(". ") + 1] or cut
            articles.append(text)
            paragraphs = []
    return articles


def bench_config(model: Path, convert_dir: Path, variant: Variant) -> Config:
    """Return the configuration of `variant` on the benchmark model."""
    config = load_config(model=str(model))
    translation = replace(
        config.translation,
        engine=variant.engine,
        device="cpu",
        convert_dir=str(convert_dir),
        memory_size=0,
        new_tokens_ratio=1.0,
        new_tokens_extra=0,
        **variant.changes,
    )
    return replace(config, translation=translation)


# The child reads its peak RSS from VmHWM: getrusage's ru_maxrss keeps the forked parent's.
COLD_START = """
import re, sys, time
started = time.perf_counter()
from kernpunkt.pipeline import Pipeline
pipeline = Pipeline.from_config()
loaded = time.perf_counter()
pipeline.digest(open(sys.argv[1], encoding="utf-8").read())
done = time.perf_counter()
status = open("/proc/self/status", encoding="ascii").read()
rss = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024
print(round(loaded - started, 3), round(done - started, 3), round(rss, 1))
"""


def cold_start(config: Config, folder: Path) -> dict[str, float]:
    """Start a new process that imports kernpunkt, loads the engine and digests the seed."""
    path = folder / f"cold-{config.translation.engine}.yaml"
    changes = asdict(config.translation)
    path.write_text(yaml.safe_dump({"translation": changes}), encoding="utf-8")
    env = {**os.environ, "KERNPUNKT_CONFIG": str(path), "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-c", COLD_START, str(ARTICLE)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wall = time.perf_counter() - started
    load, _, rss = map(float, output[-3:])
    return {"cold_start_seconds": round(wall, 3), "load_seconds": load, "peak_rss_mb": rss}


def measure_variant(
    pipeline: Pipeline,
    scores: Scores,
    seed: str,
    batch: list[str],
    metrics: list[str],
    neighbour: float = 0.0,
) -> None:
    """Run each metric of one variant once, recording the runs."""
    work = {
        "seed_seconds": lambda: pipeline.digest(seed),
        "greedy_seconds": lambda: pipeline.digest(seed, num_beams=1),
        "keypoints_only_seconds": lambda: pipeline.digest(seed, key_points_only=True),
        "batch_seconds": lambda: list(pipeline.digest_many(batch)),
    }
    for metric in metrics:
        run, result = timed(work[metric], neighbour)
        scores.runs.setdefault(metric, []).append(run)
        if metric == "seed_seconds":
            for stage, seconds in result.timings.items():
                scores.stages.setdefault(stage, []).append(seconds)


def summarise(name: str, scores: Scores, batch_size: int, naive: float | None) -> dict[str, Any]:
    """Return the result record of one variant: medians, spreads and counts."""
    record: dict[str, Any] = {"variant": name}
    for metric in scores.runs:
        values = scores.kept(metric)
        runs = scores.runs[metric]
        record[metric] = round(statistics.median(values), 3)
        record[f"{metric}_spread"] = [round(min(values), 3), round(max(values), 3)]
        record[f"{metric}_runs"] = len(runs)
        record[f"{metric}_discarded"] = sum(not r.kept for r in runs)
        record[f"{metric}_other_cores"] = [r.other_cores for r in runs]
    if "batch_seconds" in record:
        record["batch_articles_per_min"] = round(60 * batch_size / record["batch_seconds"], 1)
    if naive and "seed_seconds" in record:
        record["ratio_vs_naive"] = round(naive / record["seed_seconds"], 2)
    record["stage_seconds"] = {
        stage: round(statistics.median(values), 3) for stage, values in scores.stages.items()
    }
    if scores.cold:
        for key in scores.cold[0]:
            record[key] = round(statistics.median(c[key] for c in scores.cold), 3)
    return record


def table(records: list[dict[str, Any]]) -> str:
    """Return the results as a Markdown table."""
    columns = [
        ("seed s", "seed_seconds"),
        ("× naive", "ratio_vs_naive"),
        ("greedy s", "greedy_seconds"),
        ("key points only s", "keypoints_only_seconds"),
        ("articles/min", "batch_articles_per_min"),
        ("cold start s", "cold_start_seconds"),
        ("load s", "load_seconds"),
        ("peak RSS MB", "peak_rss_mb"),
        ("translate s (seed)", None),
        ("discarded", None),
    ]
    lines = [
        "| engine | " + " | ".join(title for title, _ in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for record in records:
        cells = []
        for title, key in columns:
            if title == "translate s (seed)":
                cells.append(str(record["stage_seconds"].get("translate", "–")))
            elif title == "discarded":
                discarded = sum(v for k, v in record.items() if k.endswith("_discarded"))
                total = sum(v for k, v in record.items() if k.endswith("_runs"))
                cells.append(f"{discarded}/{total}")
            else:
                cells.append(str(record.get(key, "–")))
        lines.append(f"| {record['variant']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    """Build the model, run the variants round-robin, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="under 4 minutes on 2 cores")
    parser.add_argument("--repeats", type=int, help="kept runs per metric (default 3, quick 2)")
    parser.add_argument("--variants", nargs="+", choices=sorted(VARIANTS), help="what to run")
    parser.add_argument("--output", type=Path, default=RESULTS, help="the JSON file to write")
    parser.add_argument(
        "--busy-neighbour",
        action="store_true",
        help="keep the last core busy with another process while measuring",
    )
    args = parser.parse_args()
    if not ARTICLE.is_file() or not DOCUMENTS.is_file():
        print(f"skipped: the shared data ({ARTICLE}, {DOCUMENTS}) is absent")
        return 0
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    quick = args.quick
    repeats = args.repeats or (2 if quick else 3)
    names = args.variants or (["naive", "transformers", "ctranslate2"] if quick else list(VARIANTS))
    articles = assembled_articles(BATCH_ARTICLES)
    batch = articles[:QUICK_ARTICLES] if quick else articles
    seed = ARTICLE.read_text(encoding="utf-8")
    budget = 170 if quick else 1800
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kernpunkt-bench-") as tmp:
        folder = Path(tmp)
        model = folder / "marian"
        seed_sentences = [s.de for s in segment(clean(seed).text)]
        batch_sentences = [s.de for text in articles for s in segment(clean(text).text)]
        proto, per_word = calibrated_spm(seed_sentences + batch_sentences)
        cut = spm.SentencePieceProcessor(model_proto=proto)
        seed_per_word = tokens_per_word(cut, seed_sentences)
        save_marian_tokenizer(proto, model, max_length=MAX_POSITIONS, vocab_size=VOCAB_SIZE)
        parameters = save_random_marian(model)
        pipelines, scores = {}, {}
        for name in names:
            config = bench_config(model, folder / "converted", VARIANTS[name])
            if config.translation.engine == "ctranslate2":
                converted_model(config.translation, "int8")  # once, as a Space build does
            loaded = time.perf_counter()
            pipelines[name] = Pipeline(config, load_translator(config.translation))
            scores[name] = Scores(load_seconds=round(time.perf_counter() - loaded, 3))
            pipelines[name].digest(seed, num_beams=1, key_points_only=True)  # warm-up
        print(
            f"{parameters / 1e6:.1f} M parameters, {per_word:.2f} tokens per word "
            f"({seed_per_word:.2f} in the seed); "
            f"{len(batch)} batch articles ({sum(len(a.split()) for a in batch)} words); "
            f"{os.cpu_count()} CPUs; setup {time.monotonic() - started:.0f} s",
            flush=True,
        )
        metrics = ["seed_seconds", "greedy_seconds", "keypoints_only_seconds", "batch_seconds"]
        for round_number in range(repeats + 2):  # two extra rounds replace discarded runs
            for name in names:
                wanted = [
                    m
                    for m in metrics
                    if len([r for r in scores[name].runs.get(m, []) if r.kept]) < repeats
                    and not (quick and name == "naive" and m == "batch_seconds")
                ]
                if round_number >= repeats and time.monotonic() - started > budget:
                    wanted = []
                with busy_neighbour(args.busy_neighbour) as neighbour:
                    measure_variant(pipelines[name], scores[name], seed, batch, wanted, neighbour)
                # naive loads as the transformers engine does: one cold start tells both
                if name != "naive" and round_number < (1 if quick else repeats):
                    scores[name].cold.append(cold_start(pipelines[name].config, folder))
                print(".", end="", flush=True)
        print()
    naive = statistics.median(scores["naive"].kept("seed_seconds")) if "naive" in scores else None
    records = [summarise(name, scores[name], len(batch), naive) for name in names]
    for record, name in zip(records, names, strict=True):
        record["load_seconds_in_process"] = scores[name].load_seconds
    print(table(records))
    discarded = sum(v for r in records for k, v in r.items() if k.endswith("_discarded"))
    print(
        f"{discarded} runs discarded as disturbed (others > {OTHER_MAX} cores); "
        f"{time.monotonic() - started:.0f} s in all; results in {args.output}"
    )
    args.output.write_text(
        json.dumps(
            {
                "quick": quick,
                "busy_neighbour": args.busy_neighbour,
                "cpus": os.cpu_count(),
                "parameters": parameters,
                "tokens_per_word": round(per_word, 3),
                "seed_tokens_per_word": round(seed_per_word, 3),
                "batch_articles": len(batch),
                "results": records,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
