"""Marian models for the engine tests, made from the tiny model the suite trains.

`zero_start_copy`: the tiny model with the `<pad>` embedding zeroed, as in opus-mt-de-en (Marian
starts the decoder from a zero vector; CTranslate2 relies on it). `random_marian`: random weights
with a given number of positions, biased never to write the end token, so that every piece
runs to the decoder's limit (as random weights mostly do).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import torch
from transformers import GenerationConfig, MarianConfig, MarianMTModel
from transformers.utils import logging as hf_logging

NEVER = -1e4  # a logit bias that keeps a token from ever being chosen
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")


def _save(model: MarianMTModel, tokenizer_from: Path, folder: Path) -> Path:
    """Save `model` with the tokenizer files of `tokenizer_from` and a zero `<pad>` embedding."""
    with torch.no_grad():
        model.get_input_embeddings().weight[model.config.pad_token_id].zero_()
    hf_logging.disable_progress_bar()
    model.save_pretrained(folder)
    for name in TOKENIZER_FILES:
        shutil.copy(tokenizer_from / name, folder / name)
    return folder


def zero_start_copy(tiny_marian: Path, folder: Path) -> Path:
    """Save the tiny model with opus-mt's zero decoder-start embedding into `folder`."""
    return _save(MarianMTModel.from_pretrained(tiny_marian), tiny_marian, folder)


def random_marian(tiny_marian: Path, folder: Path, positions: int) -> Path:
    """Save a small random-weight Marian with `positions` positions on each side."""
    tiny = MarianConfig.from_pretrained(tiny_marian)
    pad = tiny.pad_token_id
    config = MarianConfig(
        vocab_size=tiny.vocab_size,
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=positions,
        share_encoder_decoder_embeddings=True,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(positions)
        model = MarianMTModel(config)
    with torch.no_grad():  # never the end token: every piece runs to the decoder's limit
        model.final_logits_bias[0, config.eos_token_id] = NEVER
    model.generation_config = GenerationConfig(
        num_beams=4,
        max_length=positions,
        decoder_start_token_id=pad,
        pad_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        bad_words_ids=[[pad]],
    )
    return _save(model, tiny_marian, folder)
