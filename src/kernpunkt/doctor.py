"""Check an installation: which model kernpunkt uses, where it looks, whether it loads."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from kernpunkt import __version__
from kernpunkt.config import MODEL_ENV, Config, load_config
from kernpunkt.errors import KernpunktError

# The libraries whose versions decide how kernpunkt behaves.
PACKAGES = ("torch", "transformers", "tokenizers", "ctranslate2", "huggingface_hub", "gradio")


def fetch_command(model: str, revision: str) -> str:
    """Return the command that downloads `model` into a folder on a connected machine."""
    folder = model.rsplit("/", 1)[-1]
    return f"hf download {model} --revision {revision} --local-dir {folder}"


def hub_cache() -> str:
    """Return the folder where the Hugging Face hub client keeps downloaded models."""
    try:
        from huggingface_hub import constants
    except ImportError:
        return "(huggingface_hub is not installed)"
    return str(constants.HF_HUB_CACHE)


def versions() -> list[str]:
    """Return "name version" for Python and each library kernpunkt relies on."""
    found = [f"python {platform.python_version()}", f"kernpunkt {__version__}"]
    for package in PACKAGES:
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} (not installed)")
    return found


def where_it_looks(config: Config) -> str:
    """Return where kernpunkt looks for the translation model."""
    model = config.translation.model
    local = Path(model).expanduser()
    if local.is_dir():
        return f"the local folder {local}"
    return f"the Hugging Face hub (revision {config.translation.revision}), cached in {hub_cache()}"


def load_check(config: Config) -> tuple[str, bool]:
    """Load the translation model as a digest would; return what happened and whether it loaded."""
    from kernpunkt.translate import load_translator

    try:
        translator = load_translator(config.translation)
        english = translator.translate(["Guten Morgen."])[0]
    except KernpunktError as exc:
        return f"no — {exc}", False
    return f"yes ('Guten Morgen.' → '{english}')", True


def diagnose(config_path: str | None, model: str | None) -> tuple[list[str], bool]:
    """Return the report's lines and whether the translation model loads."""
    config = load_config(config_path, model=model)
    translation = config.translation
    loaded, ready = load_check(config)
    lines = [
        f"model:        {translation.model}",
        f"engine:       {translation.engine} on {translation.device}",
        f"looks in:     {where_it_looks(config)}",
        f"loads:        {loaded}",
        f"configured by: {', '.join(config.source)}",
        f"versions:     {', '.join(versions())}",
    ]
    if not ready:
        lines += [
            "",
            "To use kernpunkt offline, fetch the weights on a connected machine:",
            f"  {fetch_command(translation.model, translation.revision)}",
            f"copy the folder here and set {MODEL_ENV}=/path/to/folder (or pass --model).",
        ]
    return lines, ready
