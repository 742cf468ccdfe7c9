"""The tiny models the suite builds load like the real checkpoints and really translate."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from tiny_models import STAMP_NAME, builder_fingerprint, ensure_tiny_models
from toy_corpus import parallel_pairs, summary_pairs
from transformers import (
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    BartForConditionalGeneration,
    MarianMTModel,
    MarianTokenizer,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

GERMAN = "„Wir sind sehr besorgt“, sagte die Außenministerin am Montag in Brüssel über Nordkorea."
# Template sentences from the training corpus: reports, quotes, numbers, meetings.
TOY_INDICES = (0, 45, 90, 130, 150, 200, 215, 230, 260, 280)

Loaded = tuple[PreTrainedTokenizerBase, PreTrainedModel]


def word_overlap(hypothesis: str, reference: str) -> float:
    """Return the share of the reference's words (with multiplicity) found in the hypothesis."""
    hyp, ref = hypothesis.lower().split(), reference.lower().split()
    return sum(min(hyp.count(word), ref.count(word)) for word in set(ref)) / len(ref)


def load(folder: Path) -> Loaded:
    """Load a tokenizer and model from `folder` the way the product does: Auto classes."""
    return AutoTokenizer.from_pretrained(folder), AutoModelForSeq2SeqLM.from_pretrained(folder)


@pytest.fixture(scope="module")
def marian(tiny_models: dict[str, Path]) -> Loaded:
    """Return the tiny Marian tokenizer and model."""
    return load(tiny_models["marian"])


@pytest.fixture(scope="module")
def bart(tiny_models: dict[str, Path]) -> Loaded:
    """Return the tiny BART tokenizer and model."""
    return load(tiny_models["bart"])


def test_marian_has_the_real_checkpoint_layout(
    tiny_models: dict[str, Path], marian: Loaded
) -> None:
    """The folder holds opus-mt's files, special ids and generation settings."""
    tokenizer, model = marian
    files = {path.name for path in tiny_models["marian"].iterdir()}
    assert {"config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json"} <= files
    assert {"tokenizer_config.json", "generation_config.json"} <= files
    assert isinstance(tokenizer, MarianTokenizer)
    assert isinstance(model, MarianMTModel)
    pad = tokenizer.pad_token_id
    assert tokenizer.convert_ids_to_tokens([0, 1, pad]) == ["</s>", "<unk>", "<pad>"]
    assert pad == len(tokenizer) - 1 == model.config.vocab_size - 1
    assert model.generation_config.decoder_start_token_id == pad
    assert model.generation_config.bad_words_ids == [[pad]]
    assert model.generation_config.num_beams == 4


def test_marian_keeps_512_positions(marian: Loaded) -> None:
    """Inputs are truncated at 512 tokens and the encoder accepts all 512."""
    tokenizer, model = marian
    assert model.config.max_position_embeddings == 512
    assert tokenizer.model_max_length == 512
    encoded = tokenizer(" ".join([GERMAN] * 40), truncation=True, return_tensors="pt")
    assert encoded["input_ids"].shape[1] == 512
    with torch.no_grad():
        states = model.get_encoder()(**encoded).last_hidden_state
    assert states.shape[:2] == (1, 512)


def test_marian_tokenises_german_quotes_and_umlauts(marian: Loaded) -> None:
    """„ “, umlauts and ß become known pieces and decode back to the same text."""
    tokenizer, _ = marian
    ids = tokenizer(GERMAN)["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert tokenizer.decode(ids, skip_special_tokens=True) == GERMAN


def test_marian_translates_toy_sentences(marian: Loaded) -> None:
    """Beam search on toy training sentences gives mostly the reference words."""
    tokenizer, model = marian
    pairs = [parallel_pairs()[index] for index in TOY_INDICES]
    batch = tokenizer([german for german, _ in pairs], return_tensors="pt", padding=True)
    with torch.no_grad():
        output = model.generate(**batch)
    english = tokenizer.batch_decode(output, skip_special_tokens=True)
    overlaps = [word_overlap(hyp, ref) for hyp, (_, ref) in zip(english, pairs, strict=True)]
    assert sum(overlaps) / len(overlaps) >= 0.7, list(zip(english, overlaps, strict=True))


def test_bart_loads_with_1024_positions_and_summarises(bart: Loaded) -> None:
    """BART keeps 1024 positions, summarises with its defaults and copies the lead."""
    tokenizer, model = bart
    assert isinstance(model, BartForConditionalGeneration)
    assert model.config.max_position_embeddings == 1024
    assert tokenizer.model_max_length == 1024
    assert model.generation_config.no_repeat_ngram_size == 3
    paragraph, lead = summary_pairs()[0]
    inputs = tokenizer(paragraph, return_tensors="pt")
    with torch.no_grad():
        summary = tokenizer.decode(model.generate(**inputs)[0], skip_special_tokens=True)
        lead_ids = model.generate(**inputs, min_length=0)[0]
    short = tokenizer.decode(lead_ids, skip_special_tokens=True)
    assert summary.strip()
    assert word_overlap(short, lead) >= 0.5, short


def test_cache_is_reused_when_the_builder_is_unchanged(tiny_models: dict[str, Path]) -> None:
    """A second call finds the stamped build and rebuilds nothing."""
    build = tiny_models["marian"].parent
    weights = tiny_models["marian"] / "model.safetensors"
    before = weights.stat().st_mtime_ns
    assert ensure_tiny_models(build.parent) == tiny_models
    assert weights.stat().st_mtime_ns == before
    assert builder_fingerprint() in (build / STAMP_NAME).read_text()
