"""Translate German segments into English: the Translator protocol and the MarianMT engine."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from kernpunkt.config import TranslationConfig
from kernpunkt.errors import ModelLoadError

Progress = Callable[[int, int], None]

# OPUS-MT training data mapped “ ” to " but never saw „ » « or the German single marks.
GERMAN_DOUBLE_MARKS = re.compile(r"[„“”»«]")
GERMAN_SINGLE_MARKS = re.compile(r"[‚‘›‹]")
OPENING_DOUBLE = re.compile(r'(^|[\s(\[{—–-])"')
STRAIGHT_DOUBLE = re.compile(r'"')
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
# Where a long segment may be cut, best first: clause ends, then commas, then any space.
CLAUSE_BREAKS = (re.compile(r"(?<=[;:])\s+"), re.compile(r"(?<=,)\s+|\s+(?=[–—-]\s)"))
ANY_SPACE = re.compile(r"\s+")
# A model name that is meant as a folder, not a hub id ("./m", "/m", "~/m", "C:\\m").
PATH_LIKE = re.compile(r"^(?:[./~]|[A-Za-z]:[\\/])")
TRANSLATION_POINTER = "KERNPUNKT_TRANSLATION_MODEL=/path/to/folder or --model /path/to/folder"


@runtime_checkable
class Translator(Protocol):
    """Anything that turns German segments into English ones, one output per input, in order."""

    name: str

    def translate(
        self,
        texts: Sequence[str],
        progress: Progress | None = None,
        *,
        num_beams: int | None = None,
    ) -> list[str]:
        """Return the English translation of each German text (`num_beams` overrides config)."""
        ...


def to_model_marks(text: str) -> str:
    """Return `text` with German quotation marks replaced by the straight marks OPUS-MT knows."""
    return GERMAN_SINGLE_MARKS.sub("'", GERMAN_DOUBLE_MARKS.sub('"', text))


def to_typographic_marks(text: str) -> str:
    """Return English `text` with straight quotes turned into “ ” and apostrophes into ’."""
    text = APOSTROPHE.sub("’", text)
    text = OPENING_DOUBLE.sub(r"\1“", text)
    return STRAIGHT_DOUBLE.sub("”", text)


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Split `text` into consecutive pieces that each `fits`, cutting at clause boundaries first.

    The pieces joined with single spaces give `text` back (up to whitespace): nothing is dropped.
    """
    if fits(text):
        return [text]
    for pattern in (*CLAUSE_BREAKS, ANY_SPACE):
        parts = [p for p in pattern.split(text) if p]
        if len(parts) > 1:
            return pack_to_fit(parts, fits)
    # a single unbreakable run of characters: cut it in halves until the halves fit
    middle = len(text) // 2
    return split_to_fit(text[:middle], fits) + split_to_fit(text[middle:], fits)


def pack_to_fit(parts: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Greedily join neighbouring parts while the joined piece still fits."""
    pieces: list[str] = []
    for part in parts:
        candidate = f"{pieces[-1]} {part}" if pieces else part
        if pieces and fits(candidate):
            pieces[-1] = candidate
        else:
            pieces.extend(split_to_fit(part, fits))
    return pieces


def torch_device(name: str) -> str:
    """Return the torch device for a configured device name (`auto` picks CUDA when present)."""
    import torch

    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return name


class MarianTranslator:
    """MarianMT (opus-mt-de-en) on transformers: one sentence per segment, batched by length."""

    def __init__(self, config: TranslationConfig) -> None:
        """Load the tokenizer and model once, from the hub or a local folder."""
        self.config = config
        self.name = config.model
        self.tokenizer, self.model = load_seq2seq(
            config.model, config.revision, role="translation", pointer=TRANSLATION_POINTER
        )
        # max_new_tokens is set per batch; a saved max_length would only trigger a warning
        self.model.generation_config.max_length = None
        if config.threads:
            import torch

            torch.set_num_threads(config.threads)
        self.device = torch_device(config.device)
        self.model.to(self.device).eval()
        self.max_tokens = min(config.max_input_tokens, self.model.config.max_position_embeddings)

    def token_count(self, text: str) -> int:
        """Return how many tokens the model sees for `text`, end-of-sentence token included."""
        return len(self.tokenizer(text, verbose=False)["input_ids"])

    def translate(
        self,
        texts: Sequence[str],
        progress: Progress | None = None,
        *,
        num_beams: int | None = None,
    ) -> list[str]:
        """Return the English translation of each German text, one output per input, in order."""
        # a sentence keeps the line breaks of its paragraph; the model wants plain spaces
        pieces_of = [self._pieces(to_model_marks(" ".join(text.split()))) for text in texts]
        flat = sorted({piece for pieces in pieces_of for piece in pieces}, key=len)
        translated: dict[str, str] = {}
        size = self.config.batch_size
        for start in range(0, len(flat), size):
            batch = flat[start : start + size]
            translated.update(zip(batch, self._generate(batch, num_beams), strict=True))
            if progress:
                progress(min(start + size, len(flat)), len(flat))
        return [
            to_typographic_marks(" ".join(translated[p] for p in pieces)) for pieces in pieces_of
        ]

    def _pieces(self, text: str) -> list[str]:
        """Return `text` cut into pieces that fit the model; empty text translates to nothing."""
        if not text:
            return []
        return split_to_fit(text, lambda piece: self.token_count(piece) <= self.max_tokens)

    def _generate(self, batch: list[str], num_beams: int | None) -> list[str]:
        """Translate one batch of segments that each fit the model."""
        import torch

        inputs = self.tokenizer(batch, return_tensors="pt", padding=True).to(self.device)
        longest = inputs["input_ids"].shape[1]
        max_new = int(longest * self.config.new_tokens_ratio) + self.config.new_tokens_extra
        with torch.inference_mode():
            output = self.model.generate(
                **inputs, num_beams=num_beams or self.config.num_beams, max_new_tokens=max_new
            )
        return [t.strip() for t in self.tokenizer.batch_decode(output, skip_special_tokens=True)]


def load_seq2seq(model: str, revision: str, *, role: str, pointer: str) -> tuple[Any, Any]:
    """Return (tokenizer, seq2seq model) loaded from a local folder or from the hub at `revision`.

    A failure raises a ModelLoadError naming the `role` ("translation"), the model, where
    kernpunkt looked, and `pointer`: how to point kernpunkt at a local copy.
    """
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging

    logging.disable_progress_bar()
    local = Path(model).expanduser()
    source = str(local) if local.is_dir() else model
    hub_revision = None if local.is_dir() else revision
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, revision=hub_revision)
        return tokenizer, AutoModelForSeq2SeqLM.from_pretrained(source, revision=hub_revision)
    except (OSError, ValueError) as exc:
        message = _load_error_message(model, revision, local, exc, role, pointer)
        raise ModelLoadError(message) from exc


def _load_error_message(
    model: str, revision: str, local: Path, exc: Exception, role: str, pointer: str
) -> str:
    """Explain which model failed to load, where kernpunkt looked, and how to use a local copy."""
    if local.is_dir():
        where = f"the local folder {local}"
        fix = "The folder must hold a model saved with `save_pretrained`"
    elif PATH_LIKE.match(model):
        where = f"{local} (no such folder)"
        fix = "Check the path"
    else:
        where = "the Hugging Face hub and its cache"
        fix = (
            "If you are offline, download the model on a connected machine (e.g. "
            f"`hf download {model} --revision {revision} --local-dir {local.name}`)"
        )
    return (
        f"could not load {role} model '{model}' from {where}: {str(exc).rstrip('.')}. "
        f"{fix}, and point kernpunkt at the folder with {pointer}."
    )


def load_translator(config: TranslationConfig) -> Translator:
    """Return the translation engine the configuration names, loaded and ready."""
    return ENGINES[config.engine](config)


ENGINES: dict[str, Callable[[TranslationConfig], Translator]] = {"transformers": MarianTranslator}
