"""Measure MarianMT translation speed: kernpunkt's batching and beams vs sentence by sentence.

Run from the repository root: `python benchmarks/bench_translate.py [--quick] [--verbose]`
(2.5 minutes on 2 quiet cores, at most about 5 when disturbed runs must be repeated; `--quick`:
half the sentences, three variants, two runs each, under a minute).

What runs: kernpunkt's own `MarianTranslator.translate` (deduplication, length sorting, batching,
padding, decoding) on a random-weight model with opus-mt-de-en's real sizes (d_model 512, 6+6
layers, 8 heads, FFN 2048, vocabulary 58101, 512 static sinusoidal positions, its special ids and
generation settings), saved to a temporary folder and loaded like any local model. The weights
cannot be downloaded here, and random weights stop at random points, so every `generate` call is
made to write exactly as many tokens as the real model would (min = max new tokens, which
suppresses the end-of-sentence token until the last step): the longest source in the batch times
TARGET_RATIO, plus the end token. Every variant thus does the work of the same translation.

Input: the sentences of the seed article ../shared/data/article-report24-nordkorea.txt, cleaned
and segmented by kernpunkt. The tokenizer is a real MarianTokenizer, but its SentencePiece model
is trained here on those sentences, with the vocabulary size searched so that it cuts them into
TOKENS_PER_WORD tokens per word, as opus-mt-de-en's tokenizer does for German news; its vocabulary
is filled up to opus-mt's 58101 entries, with its special ids (pad 58100, end 0). So the product
code runs unchanged, on sequences about as long as the real tokenizer's (per that calibration).

Reported: output tokens per second (tokens the real model would write, padding not counted) and
the speed ratio to the baseline of the same run: sentence by sentence (batch 1), beam 4. The
machine may be shared: each run records its CPU time and the CPU time other processes took
meanwhile (/proc/stat); runs where others took more than OTHER_MAX cores, or whose CPU use fell
below UTIL_MIN of the variant's best, are discarded and repeated (within the time budget).
Variants run round-robin, so slow drift affects them all alike; medians of kept runs are shown.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sentencepiece as spm
import torch
from transformers import GenerationConfig, MarianConfig, MarianMTModel
from transformers.utils import logging as hf_logging

from kernpunkt.clean import clean
from kernpunkt.config import load_config
from kernpunkt.segment import segment
from kernpunkt.translate import MarianTranslator, to_model_marks

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from tiny_models import save_marian_tokenizer  # the tokenizer layout the test models use

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ARTICLE = DATA / "article-report24-nordkorea.txt"

VOCAB_SIZE = 58101  # opus-mt-de-en
PAD_ID = VOCAB_SIZE - 1  # also the decoder start token
EOS_ID = 0
MAX_POSITIONS = 512
TOKENS_PER_WORD = 1.3  # opus-mt-de-en's SentencePiece on German news (end token not counted)
TARGET_RATIO = 1.0  # English tokens the real model writes per German source token
OTHER_MAX = 0.25  # cores that other processes may use during a run before it is discarded
UTIL_MIN = 0.85  # share of the variant's best CPU utilisation a kept run must reach
QUIET_WAIT_S = 15.0  # how long to wait for other processes to go quiet before a run


@dataclass(frozen=True)
class Variant:
    """One way of translating the article."""

    name: str
    batch_size: int
    num_beams: int
    sort: bool = True  # False: batches in article order, bypassing kernpunkt's length sorting


@dataclass
class Run:
    """One timed translation of the article."""

    wall: float
    cpu: float  # this process, all threads
    other: float | None  # cores used by other processes on average (None: unknown)
    load: float  # 1-minute load average at the end
    useful: int  # tokens the real model would write, end tokens included
    generated: int  # tokens written including batch padding (rows x forced length)
    kept: bool = True


@dataclass
class Result:
    """All runs of one variant."""

    variant: Variant
    runs: list[Run] = field(default_factory=list)

    def kept(self) -> list[Run]:
        """Return the runs that were not disturbed."""
        return [run for run in self.runs if run.kept]


def output_tokens(source_tokens: int) -> int:
    """Return how many tokens the real model writes for a source of that many tokens (with end)."""
    return max(1, round(TARGET_RATIO * (source_tokens - 1))) + 1


class ForcedLengths:
    """Wrap `generate` so that each batch writes exactly as many tokens as the real model would."""

    def __init__(self, generate: Callable[..., Any]) -> None:
        """Wrap the model's bound `generate`."""
        self.generate = generate
        self.useful = 0
        self.generated = 0

    def __call__(self, **kwargs: Any) -> Any:
        """Generate with min = max new tokens: the batch's longest real output."""
        lengths = [output_tokens(int(n)) for n in kwargs["attention_mask"].sum(dim=1)]
        forced = min(max(lengths), kwargs["max_new_tokens"])
        self.useful += sum(min(n, forced) for n in lengths)
        self.generated += forced * len(lengths)
        kwargs.update(min_new_tokens=forced, max_new_tokens=forced)
        return self.generate(**kwargs)


def article_sentences() -> list[str]:
    """Return the seed article's sentences, cleaned and segmented as kernpunkt does."""
    return [s.de for s in segment(clean(ARTICLE.read_text(encoding="utf-8")).text)]


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
    tokens = sum(len(processor.encode(text)) for text in texts)
    return model.getvalue(), tokens / sum(len(text.split()) for text in texts)


def calibrated_spm(texts: list[str]) -> tuple[bytes, float]:
    """Return the SentencePiece model whose tokens per word come closest to TOKENS_PER_WORD."""
    low, high = 300, 3000  # fewer pieces cut words finer: tokens per word fall as size grows
    best = train_spm(texts, high)
    while high - low > 10:
        middle = (low + high) // 2
        candidate = train_spm(texts, middle)
        if abs(candidate[1] - TOKENS_PER_WORD) < abs(best[1] - TOKENS_PER_WORD):
            best = candidate
        low, high = (middle, high) if candidate[1] > TOKENS_PER_WORD else (low, middle)
    return best


def save_random_marian(folder: Path) -> int:
    """Save a random-weight model with opus-mt-de-en's sizes; return its parameter count."""
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


def busy_cpu_seconds() -> float | None:
    """Return the CPU seconds all processes have used since boot (None off Linux)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + ticks[4]  # idle, iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")  # guest time is inside user


def other_cores(seconds: float) -> float | None:
    """Return the cores other processes use on average over the next `seconds`."""
    busy, cpu = busy_cpu_seconds(), time.process_time()
    time.sleep(seconds)
    after = busy_cpu_seconds()
    if busy is None or after is None:
        return None
    return (after - busy - (time.process_time() - cpu)) / seconds


def wait_for_quiet() -> None:
    """Wait (at most QUIET_WAIT_S) until other processes leave the cores alone."""
    deadline = time.monotonic() + QUIET_WAIT_S
    while time.monotonic() < deadline:
        others = other_cores(0.3)
        if others is None or others < OTHER_MAX:
            return


def translate_unsorted(translator: MarianTranslator, texts: list[str], size: int) -> None:
    """Translate in article order, `size` at a time: kernpunkt's batching without the sort."""
    flat = list(dict.fromkeys(to_model_marks(text).strip() for text in texts))
    for start in range(0, len(flat), size):
        translator._generate(flat[start : start + size], None)


def timed(
    translator: MarianTranslator, forced: ForcedLengths, variant: Variant, texts: list[str]
) -> Run:
    """Translate `texts` once as `variant` says and measure it."""
    translator.config = replace(translator.config, batch_size=variant.batch_size)
    forced.useful = forced.generated = 0
    wait_for_quiet()
    busy, cpu, start = busy_cpu_seconds(), time.process_time(), time.perf_counter()
    if variant.sort:
        translator.translate(texts, num_beams=variant.num_beams)
    else:
        translator.config = replace(translator.config, num_beams=variant.num_beams)
        translate_unsorted(translator, texts, variant.batch_size)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = busy_cpu_seconds()
    other = None if busy is None or after is None else max(0.0, after - busy - cpu) / wall
    return Run(wall, cpu, other, os.getloadavg()[0], forced.useful, forced.generated)


def judge(results: list[Result], threads: int) -> None:
    """Mark the runs that other processes disturbed as not kept."""
    for result in results:
        best = max(run.cpu / (run.wall * threads) for run in result.runs)
        for run in result.runs:
            # without /proc/stat, fall back on the load average
            crowded = run.load > threads + 1 if run.other is None else run.other > OTHER_MAX
            run.kept = not crowded and run.cpu / (run.wall * threads) >= UTIL_MIN * best


def measure(
    translator: MarianTranslator,
    variants: list[Variant],
    texts: list[str],
    repeats: int,
    budget_s: float,
    verbose: bool = False,
) -> list[Result]:
    """Run the variants round-robin until each has `repeats` kept runs or the budget is spent."""
    forced = ForcedLengths(translator.model.generate)
    translator.model.generate = forced  # an instance attribute: the class stays untouched
    threads = torch.get_num_threads()
    results = [Result(variant) for variant in variants]
    started = time.monotonic()
    for _ in range(repeats + 3):  # up to three extra rounds replace discarded runs
        for result in results:
            over = time.monotonic() - started > budget_s
            if len(result.kept()) >= repeats or (over and result.runs):
                continue
            result.runs.append(timed(translator, forced, result.variant, texts))
            judge([result], threads)
            if verbose:
                run = result.runs[-1]
                others = "?" if run.other is None else f"{run.other:.2f}"
                print(
                    f"\n  {result.variant.name}: {run.wall:.2f} s, CPU {run.cpu:.2f} s, "
                    f"others {others} cores, load {run.load:.2f}, kept {run.kept}",
                    end="",
                )
            else:
                print(".", end="", flush=True)
        if all(len(r.kept()) >= repeats for r in results):
            break
        if time.monotonic() - started > budget_s:
            print(" (time budget spent)", end="")
            break
    print()
    return results


def report(results: list[Result]) -> None:
    """Print the table: tokens/s and speed relative to the baseline (the first variant)."""

    def seconds(result: Result) -> float:
        """Return the median wall time of the kept runs (of all runs if none was kept)."""
        return statistics.median(run.wall for run in (result.kept() or result.runs))

    base = seconds(results[0])
    print(
        f"{'variant':<30} {'batch':>5} {'beams':>5} {'s':>7} {'tok/s':>7} {'x base':>7} "
        f"{'padding':>8} {'kept':>6} {'others':>7}"
    )
    for result in results:
        variant, wall = result.variant, seconds(result)
        useful, generated = result.runs[0].useful, result.runs[0].generated
        others = [run.other for run in result.kept() or result.runs if run.other is not None]
        flag = "" if result.kept() else " (all runs disturbed)"
        print(
            f"{variant.name:<30} {variant.batch_size:>5} {variant.num_beams:>5} {wall:>7.2f} "
            f"{useful / wall:>7.1f} {base / wall:>7.2f} {generated / useful - 1:>8.0%} "
            f"{f'{len(result.kept())}/{len(result.runs)}':>6} "
            f"{(statistics.median(others) if others else float('nan')):>7.2f}{flag}"
        )


def variants_for(batch_size: int, beams: int, quick: bool) -> list[Variant]:
    """Return the variants to measure, the baseline first."""
    baseline = Variant("baseline: one at a time", 1, beams)
    kernpunkt = Variant("kernpunkt (configured)", batch_size, beams)
    greedy = Variant("greedy, one at a time", 1, 1)
    if quick:
        return [baseline, kernpunkt, greedy]
    others = [Variant(f"sorted batches of {n}", n, beams) for n in (8, 16, 32) if n != batch_size]
    return [
        baseline,
        kernpunkt,
        *others,
        Variant(f"batches of {batch_size}, unsorted", batch_size, beams, sort=False),
        greedy,
        Variant(f"greedy, batches of {batch_size}", batch_size, 1),
    ]


def main() -> int:
    """Build the model, measure the variants and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a one-minute version")
    parser.add_argument("--repeats", type=int, help="kept runs per variant (default 3, quick 2)")
    parser.add_argument("--verbose", action="store_true", help="print every run")
    args = parser.parse_args()
    if not ARTICLE.is_file():
        print(f"skipped: the seed article {ARTICLE} is absent (../shared is not checked out)")
        return 0
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    texts = article_sentences()
    if args.quick:
        texts = texts[::2]  # every other sentence keeps the spread of lengths
    repeats = args.repeats or (2 if args.quick else 3)
    configured = load_config().translation
    print(
        f"torch {torch.__version__}: {torch.get_num_threads()} threads, "
        f"{torch.get_num_interop_threads()} inter-op threads, {os.cpu_count()} CPUs; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-marian-") as tmp:
        proto, per_word = calibrated_spm(texts)
        save_marian_tokenizer(proto, Path(tmp), max_length=MAX_POSITIONS, vocab_size=VOCAB_SIZE)
        parameters = save_random_marian(Path(tmp))
        config = replace(configured, model=tmp, device="cpu")
        translator = MarianTranslator(config)
    source = sum(translator.token_count(text) for text in set(texts))
    words = sum(len(text.split()) for text in set(texts))
    print(
        f"model: random weights, opus-mt-de-en sizes ({parameters / 1e6:.1f} M parameters); "
        f"{len(texts)} sentences, {words} words, {source} source tokens "
        f"({per_word:.2f} per word + end token), outputs forced to {TARGET_RATIO:g}x source"
    )
    variants = variants_for(configured.batch_size, configured.num_beams, args.quick)
    for beams in sorted({v.num_beams for v in variants}):  # warm-up, not measured
        translator.translate(texts[:2], num_beams=beams)
    print(f"{len(variants)} variants, {repeats} kept runs each", end=" ", flush=True)
    started, load = time.monotonic(), os.getloadavg()
    budget = 60 if args.quick else 240
    results = measure(translator, variants, texts, repeats, budget, args.verbose)
    report(results)
    discarded = sum(len(r.runs) - len(r.kept()) for r in results)
    print(
        f"{sum(len(r.runs) for r in results)} runs in {time.monotonic() - started:.0f} s, "
        f"{discarded} discarded as disturbed (others > {OTHER_MAX} cores or CPU use < "
        f"{UTIL_MIN:.0%} of the variant's best); load average before "
        f"{load[0]:.2f}, after {os.getloadavg()[0]:.2f}. 'padding': tokens written for "
        "shorter rows of a batch; 'others': cores other processes used (median)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
