"""Shared fixtures: the tiny real models the suite builds, and the shared evaluation data.

The benchmark scripts' folder is importable too, so that tests can hold their figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED_ARTICLE = SHARED_DATA / "article-report24-nordkorea.txt"
FIXTURES = TESTS / "fixtures"
# Kept between local runs; a clean checkout (CI) builds the models once per session.
MODEL_CACHE = ROOT / ".pytest_cache" / "tiny-models"

sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="session")
def tiny_models() -> dict[str, Path]:
    """Return the folders of the tiny Marian and BART models, built once and cached."""
    from tiny_models import ensure_tiny_models

    return ensure_tiny_models(MODEL_CACHE)


@pytest.fixture(scope="session")
def tiny_marian(tiny_models: dict[str, Path]) -> Path:
    """Return the folder of the tiny Marian translation model."""
    return tiny_models["marian"]


@pytest.fixture(scope="session")
def pipeline(tiny_marian: Path):
    """Return a pipeline that translates with the tiny Marian model."""
    from kernpunkt.pipeline import Pipeline

    return Pipeline.from_config(model=str(tiny_marian))


@pytest.fixture(scope="session")
def seed_article() -> str:
    """Return the seed article as an analyst pastes it (skips without ../shared)."""
    if not SEED_ARTICLE.exists():
        pytest.skip(f"the shared evaluation data is absent ({SEED_ARTICLE} not found)")
    return SEED_ARTICLE.read_text(encoding="utf-8")
