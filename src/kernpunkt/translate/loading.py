"""Load Hugging Face seq2seq models from a folder or the hub, with errors that say what to do."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kernpunkt.errors import ModelLoadError

# A model name that is meant as a folder, not a hub id ("./m", "/m", "~/m", "C:\\m").
PATH_LIKE = re.compile(r"^(?:[./~]|[A-Za-z]:[\\/])")
TRANSLATION_POINTER = "KERNPUNKT_TRANSLATION_MODEL=/path/to/folder or --model /path/to/folder"


def torch_device(name: str) -> str:
    """Return the torch device for a configured device name (`auto` picks CUDA when present)."""
    import torch

    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return name


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
        raise ModelLoadError(load_error_message(model, revision, exc, role, pointer)) from exc


def load_error_message(model: str, revision: str, exc: Exception, role: str, pointer: str) -> str:
    """Explain which model failed to load, where kernpunkt looked, and how to use a local copy."""
    local = Path(model).expanduser()
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
