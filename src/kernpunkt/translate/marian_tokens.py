"""Marian's tokenizer on SentencePiece alone: the same tokens as MarianTokenizer, without torch.

A Marian folder holds `source.spm`, `target.spm`, `vocab.json` and `tokenizer_config.json`.
Text is cut at the special tokens (as transformers does), each run is cut into pieces by the
source SentencePiece model, pieces outside the vocabulary become `<unk>`, and `</s>` ends the
sequence. Decoding drops the special tokens and joins the pieces with the SentencePiece model
MarianTokenizer decodes with (the source one, unless the vocabularies are separate).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import sentencepiece as spm

from kernpunkt.errors import ModelLoadError

SPIECE_UNDERLINE = "▁"
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")


class MarianPieces:
    """Turn German text into Marian's token strings and the model's English tokens into text."""

    def __init__(self, folder: Path) -> None:
        """Load the SentencePiece models and vocabulary saved in `folder`."""
        missing = [name for name in TOKENIZER_FILES if not (folder / name).is_file()]
        if missing:
            raise ModelLoadError(
                f"the model folder {folder} lacks the Marian tokenizer files {', '.join(missing)}; "
                "copy them from the transformers model it was converted from"
            )
        settings = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        self.vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text("utf-8"))
        self.unk = settings.get("unk_token", "<unk>")
        self.eos = settings.get("eos_token", "</s>")
        self.pad = settings.get("pad_token", "<pad>")
        self.special = frozenset({self.unk, self.eos, self.pad})
        self.source = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        separate = settings.get("separate_vocabs", False)
        decoder_file = "target.spm" if separate else "source.spm"
        self.decoder = spm.SentencePieceProcessor(model_file=str(folder / decoder_file))
        alternatives = "|".join(re.escape(token) for token in sorted(self.special, key=len))
        self.special_re = re.compile(f"({alternatives})")

    def encode(self, text: str) -> list[str]:
        """Return the token strings the model reads for `text`, `</s>` last."""
        tokens: list[str] = []
        for part in self.special_re.split(text):
            if part in self.special:
                tokens.append(part)
            elif part:
                pieces = self.source.encode(part, out_type=str)
                tokens.extend(p if p in self.vocab else self.unk for p in pieces)
        tokens.append(self.eos)
        return tokens

    def decode(self, tokens: list[str]) -> str:
        """Return the text of the model's output tokens, special tokens left out."""
        pieces = [token for token in tokens if token not in self.special]
        return self.decoder.decode_pieces(pieces).replace(SPIECE_UNDERLINE, " ").strip()
