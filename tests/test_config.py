"""Configuration: defaults load, overrides apply, bad values name their key."""

from pathlib import Path

import pytest

from kernpunkt.config import load_config
from kernpunkt.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    """Write a YAML override file and return its path."""
    path = tmp_path / "override.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_config_names_opus_mt_with_beam_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KERNPUNKT_TRANSLATION_MODEL", raising=False)
    monkeypatch.delenv("KERNPUNKT_CONFIG", raising=False)
    config = load_config()
    assert config.translation.model == "Helsinki-NLP/opus-mt-de-en"
    assert config.translation.num_beams == 4
    assert config.translation.max_input_tokens == 512


def test_override_file_changes_only_its_keys(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "translation:\n  num_beams: 2\n"))
    assert config.translation.num_beams == 2
    assert config.translation.batch_size == load_config().translation.batch_size


def test_environment_overrides_model_and_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KERNPUNKT_CONFIG", str(write(tmp_path, "key_points:\n  count: 3\n")))
    monkeypatch.setenv("KERNPUNKT_TRANSLATION_MODEL", str(tmp_path))
    config = load_config()
    assert config.key_points.count == 3
    assert config.translation.model == str(tmp_path)


def test_argument_model_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KERNPUNKT_TRANSLATION_MODEL", "from-env")
    assert load_config(model="from-argument").translation.model == "from-argument"


@pytest.mark.parametrize(
    ("yaml_text", "key"),
    [
        ("translation:\n  beams: 4\n", "translation.beams"),
        ("translation:\n  num_beams: four\n", "translation.num_beams"),
        ("translation:\n  num_beams: 0\n", "translation.num_beams"),
        ("translation:\n  num_beams: true\n", "translation.num_beams"),
        ("translation:\n  device: tpu\n", "translation.device"),
        ("limits:\n  max_input_chars: -1\n", "limits.max_input_chars"),
        ("key_points:\n  mmr_lambda: 2\n", "key_points.mmr_lambda"),
        ("colour: blue\n", "config.colour"),
        ("checks: 3\n", "config.checks"),
    ],
)
def test_bad_value_is_an_error_naming_the_key(tmp_path: Path, yaml_text: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_config(write(tmp_path, yaml_text))


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "translation: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(path)


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read configuration file"):
        load_config(tmp_path / "nope.yaml")


def test_url_input_is_off_by_default_on_a_space(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KERNPUNKT_CONFIG", raising=False)
    monkeypatch.delenv("SPACE_ID", raising=False)
    assert load_config().web.url_input
    monkeypatch.setenv("SPACE_ID", "someone/kernpunkt")
    assert not load_config().web.url_input


def test_a_space_owner_can_switch_url_input_back_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACE_ID", "someone/kernpunkt")
    assert load_config(write(tmp_path, "web:\n  url_input: true\n")).web.url_input
