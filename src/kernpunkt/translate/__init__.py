"""Translate German segments into English: the Translator protocol and its engines.

`ctranslate2` (the default: int8 on CPU, no torch at run time) and `transformers` (the
reference) share the plumbing in `base`: splitting, quotation marks, position caps, memory.
"""

from __future__ import annotations

from collections.abc import Callable

from kernpunkt.config import TranslationConfig
from kernpunkt.translate.base import (
    Progress,
    SegmentTranslator,
    Translation,
    Translator,
    submit_flagged,
    translate_flagged,
)
from kernpunkt.translate.loading import TRANSLATION_POINTER, load_seq2seq, torch_device
from kernpunkt.translate.marks import to_model_marks, to_typographic_marks
from kernpunkt.translate.split import pack_to_fit, split_to_fit


def _transformers(config: TranslationConfig) -> Translator:
    """Load the transformers engine."""
    from kernpunkt.translate.transformers_engine import MarianTranslator

    return MarianTranslator(config)


def _ctranslate2(config: TranslationConfig) -> Translator:
    """Load the CTranslate2 engine."""
    from kernpunkt.translate.ctranslate2_engine import CTranslate2Translator

    return CTranslate2Translator(config)


ENGINES: dict[str, Callable[[TranslationConfig], Translator]] = {
    "ctranslate2": _ctranslate2,
    "transformers": _transformers,
}


def __getattr__(name: str) -> type[SegmentTranslator]:
    """Import an engine class on first use, so that importing this package stays light."""
    if name == "MarianTranslator":
        from kernpunkt.translate.transformers_engine import MarianTranslator

        return MarianTranslator
    if name == "CTranslate2Translator":
        from kernpunkt.translate.ctranslate2_engine import CTranslate2Translator

        return CTranslate2Translator
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_translator(config: TranslationConfig) -> Translator:
    """Return the translation engine the configuration names, loaded and ready."""
    return ENGINES[config.engine](config)


__all__ = [  # noqa: RUF022 - the engine classes come through __getattr__
    "CTranslate2Translator",
    "ENGINES",
    "MarianTranslator",
    "TRANSLATION_POINTER",
    "Progress",
    "SegmentTranslator",
    "Translation",
    "Translator",
    "load_seq2seq",
    "load_translator",
    "pack_to_fit",
    "split_to_fit",
    "submit_flagged",
    "to_model_marks",
    "to_typographic_marks",
    "torch_device",
    "translate_flagged",
]
