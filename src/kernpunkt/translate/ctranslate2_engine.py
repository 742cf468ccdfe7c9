"""The CTranslate2 engine: MarianMT converted once, int8 on CPU, tokenised with SentencePiece.

On this path neither torch nor transformers is imported: they are needed only to convert a
transformers model on first use, into a folder under `translation.convert_dir` named after the
model, its revision and the quantisation. A folder that already holds a converted model (its
`model.bin` next to the Marian tokenizer files) is used as it is. A Space converts at build
time: `python -m kernpunkt.translate.ctranslate2_engine` converts the configured model.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kernpunkt.config import TranslationConfig
from kernpunkt.errors import ModelLoadError
from kernpunkt.translate.base import SegmentTranslator, Tokens
from kernpunkt.translate.loading import TRANSLATION_POINTER, load_error_message
from kernpunkt.translate.marian_tokens import TOKENIZER_FILES, MarianPieces
from kernpunkt.translate.memory import Piece

CONVERTED_WEIGHTS = "model.bin"
MANIFEST = "kernpunkt.json"  # what kernpunkt needs from the transformers config: positions
UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
COMPUTE_TYPES = {"cpu": "int8", "cuda": "int8_float16"}


def ct2_device(name: str) -> tuple[str, int]:
    """Return CTranslate2's (device, index) for a configured device name."""
    import ctranslate2

    if name == "auto":
        return ("cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"), 0
    device, _, index = name.partition(":")
    return device, int(index or 0)


def compute_type(config: TranslationConfig, device: str) -> str:
    """Return the configured compute type, `auto` resolved for `device`."""
    return COMPUTE_TYPES[device] if config.compute_type == "auto" else config.compute_type


def cache_key(model: str, revision: str, quantization: str) -> str:
    """Return the folder name for a converted model: model id, revision, quantisation.

    A local folder is named by its path and the time its weights last changed, so that a
    retrained model is converted again.
    """
    local = Path(model).expanduser()
    if local.is_dir():
        stamps = sorted(f"{p.name}:{p.stat().st_mtime_ns}" for p in local.iterdir() if p.is_file())
        fingerprint = f"{local.resolve()}|{'|'.join(stamps)}"
        revision = hashlib.sha256(fingerprint.encode()).hexdigest()[:12]
        model = local.name
    return UNSAFE_NAME.sub("_", f"{model}--{revision}--{quantization}")


def is_converted(folder: Path) -> bool:
    """Return whether `folder` holds a CTranslate2 model kernpunkt can run."""
    return (folder / CONVERTED_WEIGHTS).is_file() and (folder / "source.spm").is_file()


def converted_model(config: TranslationConfig, quantization: str) -> Path:
    """Return the folder of the converted model, converting it first if needed."""
    given = Path(config.model).expanduser()
    if is_converted(given):
        return given
    folder = Path(config.convert_dir).expanduser() / cache_key(
        config.model, config.revision, quantization
    )
    if is_converted(folder):
        return folder
    convert(config.model, config.revision, quantization, folder)
    return folder


def convert(model: str, revision: str, quantization: str, folder: Path) -> None:
    """Convert a transformers Marian model into `folder`; several processes may race safely."""
    from ctranslate2.converters import TransformersConverter

    local = Path(model).expanduser()
    source = str(local) if local.is_dir() else model
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError as exc:
        raise ModelLoadError(
            f"cannot create the folder {folder} for the converted translation model: {exc}. "
            "Point 'translation.convert_dir' at a writable folder"
        ) from exc
    try:
        converter = TransformersConverter(
            source,
            copy_files=list(TOKENIZER_FILES),
            revision=None if local.is_dir() else revision,
        )
        converter.convert(str(staging), quantization=quantization, force=True)
        (staging / MANIFEST).write_text(json.dumps(model_manifest(source, revision, local)))
        if not is_converted(folder):  # another process may have finished first
            shutil.rmtree(folder, ignore_errors=True)  # a damaged copy
            try:
                os.replace(staging, folder)
            except OSError:
                if not is_converted(folder):  # not a race lost to another process
                    raise
    except Exception as exc:  # the converter raises many kinds; all mean the same to the user
        reason = load_error_message(model, revision, exc, "translation", TRANSLATION_POINTER)
        raise ModelLoadError(f"{reason} (It was being converted into {folder}.)") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def model_manifest(source: str, revision: str, local: Path) -> dict[str, Any]:
    """Return what the CTranslate2 folder does not record: the model's positions and origin."""
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(source, revision=None if local.is_dir() else revision)
    return {
        "model": source,
        "revision": revision,
        "max_position_embeddings": config.max_position_embeddings,
    }


def positions_of(folder: Path, default: int) -> int:
    """Return the model's positions recorded at conversion, else `default`."""
    manifest = folder / MANIFEST
    if manifest.is_file():
        return int(json.loads(manifest.read_text())["max_position_embeddings"])
    return default


class CTranslate2Translator(SegmentTranslator):
    """MarianMT on CTranslate2: int8 on CPU, replicas and threads from the configuration."""

    engine = "ctranslate2"

    def __init__(self, config: TranslationConfig) -> None:
        """Convert the model if needed, then load it and its SentencePiece tokenizer."""
        import ctranslate2

        device, index = ct2_device(config.device)
        compute = compute_type(config, device)
        folder = converted_model(config, compute)
        self.folder = folder
        self.tokens = MarianPieces(folder)
        try:
            self.model = ctranslate2.Translator(
                str(folder),
                device=device,
                device_index=index,
                compute_type=compute,
                inter_threads=config.inter_threads,
                intra_threads=config.intra_threads,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelLoadError(
                f"could not load the converted translation model in {folder}: {exc}. Delete the "
                "folder to convert the model again"
            ) from exc
        self.replicas = config.inter_threads
        super().__init__(config, positions_of(folder, config.max_input_tokens), compute)

    def encode(self, text: str) -> Tokens:
        """Return the token strings of `text` (the same as MarianTokenizer's), `</s>` last."""
        return self.tokens.encode(text)

    def generate(self, batch: list[Tokens], num_beams: int, max_new: int) -> list[Piece]:
        """Translate one batch of token lists."""
        return [self._piece(h.result(), max_new) for h in self._submit(batch, num_beams, max_new)]

    def generate_all(
        self, batches: list[list[Tokens]], num_beams: int, max_new: list[int]
    ) -> Iterator[list[Piece] | Exception]:
        """Queue every batch now, so that all replicas stay busy; return their outcomes in order."""
        submitted: list[tuple[list[Any] | Exception, int]] = []
        for batch, limit in zip(batches, max_new, strict=True):
            try:
                submitted.append((self._submit(batch, num_beams, limit), limit))
            except Exception as exc:  # a failing batch must not lose the article
                submitted.append((exc, limit))
        return self._collect(submitted)

    def _collect(
        self, submitted: list[tuple[list[Any] | Exception, int]]
    ) -> Iterator[list[Piece] | Exception]:
        """Yield each queued batch's pieces (or the exception it raised), in order."""
        for handles, limit in submitted:
            if isinstance(handles, Exception):
                yield handles
                continue
            try:
                yield [self._piece(handle.result(), limit) for handle in handles]
            except Exception as exc:
                yield exc

    def _submit(self, batch: list[Tokens], num_beams: int, max_new: int) -> list[Any]:
        """Queue one batch for translation and return its handles."""
        return self.model.translate_batch(
            [list(tokens) for tokens in batch],
            beam_size=num_beams,
            max_decoding_length=max_new,
            max_input_length=0,  # pieces are already cut to fit; never truncate silently
            return_end_token=True,
            asynchronous=True,
        )

    def _piece(self, result: Any, max_new: int) -> Piece:
        """Return the decoded text of one result, flagged if it hit the decoder limit."""
        tokens = result.hypotheses[0]
        return Piece(self.tokens.decode(tokens), cut=len(tokens) >= max_new)


def main() -> None:
    """Convert the configured model now (a Space's build step) and print the folder."""
    from kernpunkt.config import load_config

    config = load_config().translation
    print(converted_model(config, compute_type(config, ct2_device(config.device)[0])))


if __name__ == "__main__":
    main()
