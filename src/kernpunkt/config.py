"""Load kernpunkt's YAML configuration into typed dataclasses, with clear errors per key."""

from __future__ import annotations

import os
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from kernpunkt.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "configs" / "default.yaml"
SPACE_CONFIG = DEFAULT_CONFIG.with_name("space.yaml")
CONFIG_ENV = "KERNPUNKT_CONFIG"
SPACE_ENV = "SPACE_ID"  # set by Hugging Face Spaces in every Space's environment
MODEL_ENV = "KERNPUNKT_TRANSLATION_MODEL"
DEVICES = ("auto", "cpu", "cuda")
ENGINES = ("ctranslate2", "transformers")
COMPUTE_TYPES = ("auto", "int8", "int8_float32", "int8_float16", "float16", "float32")
CLEAN_METHODS = ("rules", "classifier")


@dataclass(frozen=True)
class TranslationConfig:
    """Which translation model to load and how to run it."""

    model: str
    revision: str
    engine: str
    device: str
    threads: int
    num_beams: int
    batch_size: int
    max_input_tokens: int
    new_tokens_ratio: float
    new_tokens_extra: int
    batch_tokens: int = 2048
    batch_step_hypotheses: int = 12
    compute_type: str = "auto"
    inter_threads: int = 2
    intra_threads: int = 1
    convert_dir: str = "~/.cache/kernpunkt/ctranslate2"
    memory_size: int = 4096
    cache: str = ""

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        _require(
            self.device.split(":")[0] in DEVICES, "translation.device", "auto, cpu or cuda[:N]"
        )
        _require(self.engine in ENGINES, "translation.engine", " or ".join(ENGINES))
        _require(
            self.compute_type in COMPUTE_TYPES, "translation.compute_type", ", ".join(COMPUTE_TYPES)
        )
        _require(self.threads >= 0, "translation.threads", "0 (torch's default) or more")
        _require(self.intra_threads >= 0, "translation.intra_threads", "0 (all cores) or more")
        _require(self.memory_size >= 0, "translation.memory_size", "0 (off) or more")
        for name in (
            "num_beams",
            "batch_size",
            "batch_tokens",
            "batch_step_hypotheses",
            "inter_threads",
            "max_input_tokens",
            "new_tokens_ratio",
        ):
            _require(getattr(self, name) > 0, f"translation.{name}", "a positive number")


@dataclass(frozen=True)
class ChecksConfig:
    """Thresholds that flag a translation as suspicious."""

    min_length_ratio: float
    max_length_ratio: float
    min_chars: int
    repeated_ngram: int
    repeated_times: int

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        _require(
            0 < self.min_length_ratio < self.max_length_ratio,
            "checks.min_length_ratio",
            "a positive number below checks.max_length_ratio",
        )
        _require(self.repeated_ngram > 0, "checks.repeated_ngram", "a positive number")
        _require(self.repeated_times > 1, "checks.repeated_times", "a number above 1")


@dataclass(frozen=True)
class LimitsConfig:
    """Bounds on the input kernpunkt accepts."""

    max_raw_chars: int
    max_input_chars: int
    min_german_words: int
    min_german_ratio: float
    max_text_chars: int = 1_000_000
    max_file_bytes: int = 20_000_000
    max_unpacked_bytes: int = 30_000_000
    max_pdf_pages: int = 300

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        for name in ("max_input_chars", "max_file_bytes", "max_unpacked_bytes", "max_pdf_pages"):
            _require(getattr(self, name) > 0, f"limits.{name}", "a positive number")
        for name in ("max_raw_chars", "max_text_chars"):
            _require(
                getattr(self, name) >= self.max_input_chars,
                f"limits.{name}",
                "at least limits.max_input_chars",
            )
        _require(0 <= self.min_german_ratio < 1, "limits.min_german_ratio", "between 0 and 1")


@dataclass(frozen=True)
class KeyPointsConfig:
    """How many key points to choose, and how to weigh them."""

    count: int
    short: int
    long: int
    lead_weight: float
    mmr_lambda: float
    similarity_threshold: float
    quote_bonus: float
    number_bonus: float
    question_penalty: float
    dangling_penalty: float
    block_units: int = 200

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        _require(0 < self.short <= self.count, "key_points.short", "between 1 and count")
        _require(self.long >= self.count, "key_points.long", "at least count")
        _require(0 <= self.lead_weight <= 1, "key_points.lead_weight", "between 0 and 1")
        _require(0 <= self.mmr_lambda <= 1, "key_points.mmr_lambda", "between 0 and 1")
        _require(self.block_units > 1, "key_points.block_units", "a number above 1")


@dataclass(frozen=True)
class SummaryConfig:
    """The optional abstractive summary of the English translation."""

    enabled: bool
    model: str
    revision: str
    num_beams: int
    max_input_tokens: int
    min_new_tokens: int
    max_new_tokens: int

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        for name in ("num_beams", "max_input_tokens", "max_new_tokens"):
            _require(getattr(self, name) > 0, f"summary.{name}", "a positive number")
        _require(
            0 <= self.min_new_tokens <= self.max_new_tokens,
            "summary.min_new_tokens",
            "between 0 and summary.max_new_tokens",
        )


@dataclass(frozen=True)
class WebConfig:
    """The web UI: URL input and its safety limits, and the request queue."""

    url_input: bool
    fetch_max_bytes: int
    fetch_timeout_s: float
    fetch_max_redirects: int
    concurrency: int
    queue_size: int
    fetch_concurrency: int = 4

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        names = ("fetch_max_bytes", "fetch_timeout_s", "concurrency", "queue_size")
        for name in (*names, "fetch_concurrency"):
            _require(getattr(self, name) > 0, f"web.{name}", "a positive number")
        _require(self.fetch_max_redirects >= 0, "web.fetch_max_redirects", "0 or more")


@dataclass(frozen=True)
class CleanConfig:
    """How the article body of pasted text is found."""

    method: str = "classifier"

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        _require(self.method in CLEAN_METHODS, "clean.method", "rules or classifier")


@dataclass(frozen=True)
class QuotesConfig:
    """Quote attribution: how sure the finder must be before it names a speaker."""

    # below this confidence a quote's speaker is left empty and its attribution is "unclear"
    min_confidence: float = 0.55
    # tokens tagged either side of a quotation mark or a speech cue (the grammar layer's window)
    tag_window: int = 25

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        _require(0.0 <= self.min_confidence <= 1.0, "quotes.min_confidence", "between 0 and 1")
        _require(self.tag_window > 0, "quotes.tag_window", "a positive number")


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    translation: TranslationConfig
    checks: ChecksConfig
    limits: LimitsConfig
    key_points: KeyPointsConfig
    summary: SummaryConfig
    web: WebConfig
    clean: CleanConfig = field(default_factory=CleanConfig)
    quotes: QuotesConfig = field(default_factory=QuotesConfig)
    source: list[str] = field(default_factory=list, compare=False)


def _require(ok: bool, key: str, expected: str) -> None:
    """Raise a ConfigError naming `key` unless `ok`."""
    if not ok:
        raise ConfigError(f"configuration key '{key}' must be {expected}")


def _check_type(value: Any, hint: Any, key: str) -> Any:
    """Return `value` if it fits the type `hint`, else raise a ConfigError naming `key`."""
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(hint, types.UnionType):
        hint = typing.get_args(hint)[0]
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise ConfigError(
            f"configuration key '{key}' must be of type {hint.__name__}, "
            f"got {type(value).__name__} {value!r}"
        )
    return value


def _build(cls: type, data: Any, prefix: str) -> Any:
    """Build dataclass `cls` from a mapping, naming the key of any unknown or bad entry."""
    if not isinstance(data, dict):
        raise ConfigError(f"configuration key '{prefix}' must be a mapping")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls) if f.name != "source"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"unknown configuration key '{prefix}.{unknown[0]}' "
            f"(known keys of '{prefix}': {', '.join(sorted(known))})"
        )
    values = {}
    for name in known:
        key = f"{prefix}.{name}"
        if name not in data:
            raise ConfigError(f"configuration key '{key}' is missing")
        hint = hints[name]
        if is_dataclass(hint):
            values[name] = _build(hint, data[name], key)
        else:
            values[name] = _check_type(data[name], hint, key)
    return cls(**values)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Return `base` with `override` merged in, section by section."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_yaml(path: Path) -> dict[str, Any]:
    """Return the mapping in a YAML file, or raise a ConfigError that names the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"configuration file {path} is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"configuration file {path} must hold a mapping of sections")
    return data


def load_config(path: str | Path | None = None, *, model: str | None = None) -> Config:
    """Load the default configuration, overridden by `path` (or $KERNPUNKT_CONFIG) and `model`.

    On a Hugging Face Space ($SPACE_ID set), configs/space.yaml applies before `path`.

    `model` (or $KERNPUNKT_TRANSLATION_MODEL) replaces `translation.model`: a hub id or a
    local folder.
    """
    data = _read_yaml(DEFAULT_CONFIG)
    sources = [str(DEFAULT_CONFIG)]
    if os.environ.get(SPACE_ENV):
        # a public demo: the Space's own defaults (no URL fetching for strangers) come first
        data = _merge(data, _read_yaml(SPACE_CONFIG))
        sources.append(str(SPACE_CONFIG))
    user_path = path or os.environ.get(CONFIG_ENV)
    if user_path:
        data = _merge(data, _read_yaml(Path(user_path)))
        sources.append(str(user_path))
    config = _build(Config, data, "config")
    model = model or os.environ.get(MODEL_ENV)
    if model:
        config = replace(config, translation=replace(config.translation, model=model))
        sources.append(f"model override {model}")
    return replace(config, source=sources)
