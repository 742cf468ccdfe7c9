"""Summarise the English translation into a short paragraph: the Summariser protocol and BART.

The summary is optional (`summary.enabled`) and abstractive, so every sentence of it passes the
fidelity guard (`kernpunkt.guard`) before it reaches the digest. BART reads at most
`summary.max_input_tokens` tokens: a longer text is cut at sentence boundaries into chunks that
fit, each chunk is summarised, and the joined partial summaries are summarised again until one
chunk holds them all. Nothing is ever truncated.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from kernpunkt.config import SummaryConfig
from kernpunkt.document import Digest, Notice
from kernpunkt.errors import ConfigError
from kernpunkt.guard import guard, split_english
from kernpunkt.translate import load_seq2seq, pack_to_fit, to_typographic_marks, torch_device

SUMMARY_POINTER = (
    "`summary.model: /path/to/folder` in a configuration file (KERNPUNKT_CONFIG=file or --config)"
)


@runtime_checkable
class Summariser(Protocol):
    """Anything that turns an English text into a short English paragraph about it."""

    name: str

    def summarise(self, text: str) -> str:
        """Return a short English summary of the English `text`."""
        ...


class BartSummariser:
    """A BART summariser (distilbart-cnn) on transformers, chunking what exceeds its input limit."""

    def __init__(self, config: SummaryConfig, device: str = "auto") -> None:
        """Load the tokenizer and model once, from the hub or a local folder, onto `device`."""
        self.config = config
        self.name = config.model
        self.tokenizer, self.model = load_seq2seq(
            config.model, config.revision, role="summary", pointer=SUMMARY_POINTER
        )
        self.device = torch_device(device)
        self.model.to(self.device).eval()
        self.model.generation_config.update(
            num_beams=config.num_beams,
            min_new_tokens=config.min_new_tokens,
            max_new_tokens=config.max_new_tokens,
            min_length=None,
            max_length=None,
        )
        self.max_tokens = min(config.max_input_tokens, self.model.config.max_position_embeddings)
        # every merging pass must fit two partial summaries into one chunk, or it never ends
        largest = self.max_tokens // 2 - self.token_count("")
        if config.max_new_tokens > largest:
            raise ConfigError(
                f"configuration key 'summary.max_new_tokens' must be at most {largest}: half "
                f"the model's input limit of {self.max_tokens} tokens, less its special tokens"
            )

    def token_count(self, text: str) -> int:
        """Return how many tokens the model reads for `text`, special tokens included."""
        return len(self.tokenizer(text)["input_ids"])

    def fits(self, text: str) -> bool:
        """Return whether the model can read `text` whole."""
        return self.token_count(text) <= self.max_tokens

    def chunks(self, pieces: list[str]) -> list[str]:
        """Join consecutive pieces (sentences, partial summaries) into chunks that each fit."""
        return pack_to_fit(pieces, self.fits)

    def summarise(self, text: str) -> str:
        """Return a short English summary of `text`, summarising long texts chunk by chunk."""
        pieces = split_english(text)
        if not pieces:
            return ""
        while len(chunks := self.chunks(pieces)) > 1:
            pieces = [self._generate(chunk) for chunk in chunks]
        return to_typographic_marks(self._generate(chunks[0]))

    def _generate(self, chunk: str) -> str:
        """Summarise one chunk that fits the model."""
        import torch

        inputs = self.tokenizer([chunk], return_tensors="pt").to(self.device)
        with torch.inference_mode():
            output = self.model.generate(**inputs)
        return self.tokenizer.batch_decode(output, skip_special_tokens=True)[0].strip()


def english_text(digest: Digest) -> str:
    """Return the digest's English translation, a line per paragraph."""
    paragraphs: dict[int, list[str]] = {}
    for sentence in digest.sentences:
        if sentence.en:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence.en)
    return "\n".join(" ".join(paragraph) for paragraph in paragraphs.values())


def summarise_digest(summariser: Summariser, digest: Digest) -> tuple[list[str], list[Notice]]:
    """Return the guarded summary sentences of the digest's translation, and the guard's notices."""
    if digest.translation != "full":
        return [], [Notice("summary-partial", "no summary: only the key points were translated")]
    return guard(summariser.summarise(english_text(digest)), digest)
