"""Build tiny, really trained MarianMT (de→en) and BART checkpoints for the test suite.

The real models (``Helsinki-NLP/opus-mt-de-en``, ``sshleifer/distilbart-cnn-12-6``) cannot be
downloaded in CI, so this module trains look-alikes on the toy corpus in ``toy_corpus.py`` within
about a minute of CPU time and saves them in the layout ``from_pretrained`` expects.  They keep
the real models' position limits (512 for Marian, 1024 for BART), special-token layout and
generation settings, so product code runs unchanged against them.  Training is a fixed number
of seeded, single-threaded steps, so a build is reproducible; ``train_seconds`` (of CPU time, so
that a busy runner does not change the result) only cuts it short on a CPU too slow to finish;
``tiny_build.json`` records the steps actually run.

Script mode: ``python tests/tiny_models.py DIR`` builds ``DIR/marian`` and ``DIR/bart``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import sentencepiece as spm
import torch
from tokenizers import ByteLevelBPETokenizer
from toy_corpus import parallel_pairs, spm_training_text, summary_pairs
from transformers import (
    BartConfig,
    BartForConditionalGeneration,
    BartTokenizer,
    GenerationConfig,
    MarianConfig,
    MarianMTModel,
    MarianTokenizer,
    PreTrainedModel,
)
from transformers.utils import logging as hf_logging

HERE = Path(__file__).resolve().parent
FINGERPRINT_FILES = (HERE / "tiny_models.py", HERE / "toy_corpus.py")
FINGERPRINT_PACKAGES = ("torch", "transformers", "sentencepiece", "tokenizers", "safetensors")
STAMP_NAME = "stamp.json"

MARIAN_VOCAB_SIZE = 1000
MARIAN_MAX_POSITIONS = 512
MARIAN_STEPS = 240
MARIAN_BATCH = 32
MARIAN_LR = 3e-3

BART_VOCAB_SIZE = 1000
BART_MAX_POSITIONS = 1024
BART_STEPS = 260
BART_BATCH = 16
BART_LR = 3e-3

WARMUP_STEPS = 30


def _marian_config(vocab_size: int) -> MarianConfig:
    """Return a tiny Marian config with the real model's special ids and 512 positions."""
    pad_id = vocab_size - 1
    return MarianConfig(
        vocab_size=vocab_size,
        d_model=128,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=256,
        decoder_ffn_dim=256,
        max_position_embeddings=MARIAN_MAX_POSITIONS,
        activation_function="swish",
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        pad_token_id=pad_id,
        eos_token_id=0,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=0,
    )


def _marian_generation_config(pad_id: int) -> GenerationConfig:
    """Return generation settings mirroring opus-mt-de-en (beam 4, 512 tokens, pad banned)."""
    return GenerationConfig(
        num_beams=4,
        max_length=MARIAN_MAX_POSITIONS,
        decoder_start_token_id=pad_id,
        pad_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        bad_words_ids=[[pad_id]],
        renormalize_logits=True,
    )


def _bart_config(vocab_size: int) -> BartConfig:
    """Return a tiny BART config with distilbart-cnn's special ids and 1024 positions."""
    return BartConfig(
        vocab_size=vocab_size,
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=BART_MAX_POSITIONS,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
    )


def _bart_generation_config() -> GenerationConfig:
    """Return generation settings mirroring distilbart-cnn-12-6's summarisation defaults."""
    return GenerationConfig(
        num_beams=4,
        min_length=56,
        max_length=142,
        no_repeat_ngram_size=3,
        length_penalty=2.0,
        early_stopping=True,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
    )


def save_marian_tokenizer(
    proto: bytes, folder: Path, *, max_length: int, vocab_size: int | None = None
) -> None:
    """Save a MarianTokenizer for a SentencePiece model: its pieces, `<pad>` last.

    With `vocab_size`, unused fillers pad the vocabulary so that `<pad>` gets the last id of a
    vocabulary that large (as in opus-mt-de-en, where it is also the decoder start).
    """
    processor = spm.SentencePieceProcessor(model_proto=proto)
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    pad_id = len(vocab) if vocab_size is None else vocab_size - 1
    vocab.update({f"<unused{i}>": i for i in range(len(vocab), pad_id)})
    vocab["<pad>"] = pad_id
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp)
        for name in ("source.spm", "target.spm"):
            (raw / name).write_bytes(proto)
        (raw / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(
            source_spm=str(raw / "source.spm"),
            target_spm=str(raw / "target.spm"),
            vocab=str(raw / "vocab.json"),
            source_lang="de",
            target_lang="en",
            model_max_length=max_length,
        )
        tokenizer.save_pretrained(folder)


def _write_marian_tokenizer(out_dir: Path) -> MarianTokenizer:
    """Train one SentencePiece model on German+English, save it as source/target spm, load it."""
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(spm_training_text()),
        model_writer=model,
        vocab_size=MARIAN_VOCAB_SIZE,
        hard_vocab_limit=False,
        model_type="bpe",
        character_coverage=1.0,
        byte_fallback=True,
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    save_marian_tokenizer(model.getvalue(), out_dir, max_length=MARIAN_MAX_POSITIONS)
    return MarianTokenizer.from_pretrained(out_dir)


def _write_bart_tokenizer(out_dir: Path) -> BartTokenizer:
    """Train a byte-level BPE on the English toy text and save it as a BART tokenizer."""
    english = [text for pair in summary_pairs() for text in pair]
    english += [en for _, en in parallel_pairs()]
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        english,
        vocab_size=BART_VOCAB_SIZE,
        min_frequency=2,
        show_progress=False,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
    )
    vocab, merges = bpe.save_model(str(out_dir))  # the two files the real checkpoint ships
    tokenizer = BartTokenizer(vocab=vocab, merges=merges, model_max_length=BART_MAX_POSITIONS)
    tokenizer.save_pretrained(out_dir)
    return BartTokenizer.from_pretrained(out_dir)


def _batches(
    examples: list[tuple[list[int], list[int]]], batch_size: int, pad_id: int, rng: random.Random
) -> Iterator[dict[str, torch.Tensor]]:
    """Yield shuffled, padded training batches forever; label padding is -100."""
    while True:
        order = list(range(len(examples)))
        rng.shuffle(order)
        for start in range(0, len(order) - batch_size + 1, batch_size):
            chunk = [examples[i] for i in order[start : start + batch_size]]
            width = max(len(src) for src, _ in chunk)
            label_width = max(len(tgt) for _, tgt in chunk)
            input_ids = torch.full((len(chunk), width), pad_id)
            labels = torch.full((len(chunk), label_width), -100)
            for row, (src, tgt) in enumerate(chunk):
                input_ids[row, : len(src)] = torch.tensor(src)
                labels[row, : len(tgt)] = torch.tensor(tgt)
            yield {
                "input_ids": input_ids,
                "attention_mask": (input_ids != pad_id).long(),
                "labels": labels,
            }


def _train(
    model: PreTrainedModel,
    batches: Iterator[dict[str, torch.Tensor]],
    *,
    steps: int,
    lr: float,
    seconds: float,
) -> dict[str, float]:
    """Train with AdamW (warm-up, linear decay) for `steps` steps or `seconds` of CPU time."""

    def schedule(step: int) -> float:
        """Scale the learning rate: linear warm-up, then linear decay to 5 %."""
        return min((step + 1) / WARMUP_STEPS, max(0.05, 1 - step / steps))

    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # stable results, and no OpenMP thrashing on a busy 2-core runner
    model.train()
    start, cpu_start = time.monotonic(), time.process_time()
    done, loss = 0, float("nan")
    try:  # CPU time, not wall time: a busy runner must not change how far the model trains
        while done < steps and time.process_time() - cpu_start < seconds:
            output = model(**next(batches))
            output.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            done, loss = done + 1, output.loss.item()
    finally:
        torch.set_num_threads(threads)
    model.eval()
    return {
        "steps": done,
        "max_steps": steps,
        "final_loss": round(loss, 4),
        "cpu_seconds": round(time.process_time() - cpu_start, 1),
        "wall_seconds": round(time.monotonic() - start, 1),
    }


def _save(model: PreTrainedModel, out_dir: Path, info: dict[str, float]) -> Path:
    """Save the model next to its tokenizer in `out_dir`, with the training summary."""
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # no "Writing model shards" bar in test output
    try:
        model.save_pretrained(out_dir)
    finally:
        if bars:
            hf_logging.enable_progress_bar()
    (out_dir / "tiny_build.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return out_dir


def build_tiny_marian(out_dir: Path, *, train_seconds: float = 30.0, seed: int = 0) -> Path:
    """Build a trained tiny de→en MarianMT checkpoint in `out_dir` and return the directory."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = _write_marian_tokenizer(out_dir)
    pairs = parallel_pairs()
    encoded = tokenizer([de for de, _ in pairs], text_target=[en for _, en in pairs])
    examples = list(zip(encoded["input_ids"], encoded["labels"], strict=True))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = MarianMTModel(_marian_config(len(tokenizer)))
        model.generation_config = _marian_generation_config(tokenizer.pad_token_id)
        batches = _batches(examples, MARIAN_BATCH, tokenizer.pad_token_id, random.Random(seed))
        info = _train(model, batches, steps=MARIAN_STEPS, lr=MARIAN_LR, seconds=train_seconds)
    return _save(model, out_dir, info)


def build_tiny_bart(out_dir: Path, *, train_seconds: float = 20.0, seed: int = 0) -> Path:
    """Build a tiny BART summariser (trained to copy the lead sentence) in `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = _write_bart_tokenizer(out_dir)
    pairs = summary_pairs()
    encoded = tokenizer([text for text, _ in pairs], text_target=[lead for _, lead in pairs])
    examples = list(zip(encoded["input_ids"], encoded["labels"], strict=True))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = BartForConditionalGeneration(_bart_config(len(tokenizer)))
        model.generation_config = _bart_generation_config()
        batches = _batches(examples, BART_BATCH, tokenizer.pad_token_id, random.Random(seed))
        info = _train(model, batches, steps=BART_STEPS, lr=BART_LR, seconds=train_seconds)
    return _save(model, out_dir, info)


def builder_fingerprint() -> str:
    """Return a hash of the builder and corpus sources plus the library versions they use."""
    digest = hashlib.sha256()
    for path in FINGERPRINT_FILES:
        digest.update(path.read_bytes())
    for package in FINGERPRINT_PACKAGES:
        digest.update(f"{package}=={version(package)}\n".encode())
    return digest.hexdigest()


def _stamp_matches(model_dir: Path, fingerprint: str) -> bool:
    """Tell whether `model_dir` holds a complete build stamped with `fingerprint`."""
    stamp = model_dir / STAMP_NAME
    return stamp.is_file() and json.loads(stamp.read_text())["fingerprint"] == fingerprint


def ensure_tiny_models(cache_dir: Path) -> dict[str, Path]:
    """Return {"marian": dir, "bart": dir} under `cache_dir`, building them only when stale.

    Each builder version gets its own sub-folder, so concurrent runs never delete a build that
    another one is using; builds of older versions stay until `cache_dir` is deleted.
    """
    cache_dir = Path(cache_dir)
    fingerprint = builder_fingerprint()
    final = cache_dir / fingerprint[:16]
    paths = {"marian": final / "marian", "bart": final / "bart"}
    if _stamp_matches(final, fingerprint):
        return paths
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=cache_dir))
    build_tiny_marian(staging / "marian")
    build_tiny_bart(staging / "bart")
    (staging / STAMP_NAME).write_text(json.dumps({"fingerprint": fingerprint}) + "\n")
    if not _stamp_matches(final, fingerprint):  # a parallel worker may have finished first
        shutil.rmtree(final, ignore_errors=True)  # a damaged or hand-edited copy
        os.replace(staging, final)
    shutil.rmtree(staging, ignore_errors=True)
    return paths


def main() -> None:
    """Build both tiny models into the directory given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="where to write marian/ and bart/")
    target = parser.parse_args().directory
    started = time.monotonic()
    marian = build_tiny_marian(target / "marian")
    bart = build_tiny_bart(target / "bart")
    print(f"Built tiny models in {time.monotonic() - started:.0f} s:")
    print(f"  translation (MarianMT de→en): {marian}")
    print(f"  summarisation (BART):         {bart}")
    print(f"Run the app on them:  KERNPUNKT_TRANSLATION_MODEL={marian} python app.py")


if __name__ == "__main__":
    main()
