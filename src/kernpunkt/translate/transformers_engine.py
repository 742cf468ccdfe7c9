"""The transformers engine: MarianMT (opus-mt-de-en) on torch, the reference for the others."""

from __future__ import annotations

from kernpunkt.config import TranslationConfig
from kernpunkt.translate.base import SegmentTranslator, Tokens
from kernpunkt.translate.loading import TRANSLATION_POINTER, load_seq2seq, torch_device
from kernpunkt.translate.memory import Piece


class MarianTranslator(SegmentTranslator):
    """MarianMT on transformers: `generate()` on batches of token ids, float32."""

    engine = "transformers"

    def __init__(self, config: TranslationConfig) -> None:
        """Load the tokenizer and model once, from the hub or a local folder."""
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
        super().__init__(config, self.model.config.max_position_embeddings, "float32")

    def encode(self, text: str) -> Tokens:
        """Return the token ids MarianTokenizer gives `text`, end token included."""
        return self.tokenizer(text, verbose=False)["input_ids"]

    def step_rows(self, beams: int) -> float:
        """Return a full batch: generate()'s overhead at each step makes the fewest steps win."""
        return self.config.batch_size

    def generate(self, batch: list[Tokens], num_beams: int, max_new: int) -> list[Piece]:
        """Translate one batch of token id lists with `generate()`."""
        import torch

        pad = self.tokenizer.pad_token_id
        width = max(len(ids) for ids in batch)
        input_ids = torch.tensor([list(ids) + [pad] * (width - len(ids)) for ids in batch])
        attention_mask = (input_ids != pad).long()
        with torch.inference_mode():
            output = self.model.generate(
                input_ids=input_ids.to(self.device),
                attention_mask=attention_mask.to(self.device),
                num_beams=num_beams,
                max_new_tokens=max_new,
            )
        # the first column is the decoder start token; finished rows are padded after their end
        written = (output[:, 1:] != pad).sum(dim=1).tolist()
        texts = self.tokenizer.batch_decode(output, skip_special_tokens=True)
        return [
            Piece(text.strip(), cut=count >= max_new)
            for text, count in zip(texts, written, strict=True)
        ]
