"""Never lose an article to the decoder: positions capped, pieces cut to fit, failures flagged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from engine_models import random_marian

from kernpunkt.checks import CUT_SHORT, UNTRANSLATED
from kernpunkt.config import load_config
from kernpunkt.pipeline import Pipeline
from kernpunkt.translate import SegmentTranslator, load_translator
from kernpunkt.translate.base import token_batches

ENGINES = ("transformers", "ctranslate2")
CLAUSE = "die Regierung in Berlin hat am Montag neue Hilfen für die Ukraine beschlossen"
LONG_SENTENCE = ", ".join([CLAUSE] * 40) + "."


@pytest.fixture(scope="module", params=[512, 128])
def random_model(request: pytest.FixtureRequest, tiny_marian: Path, tmp_path_factory) -> Path:
    """Return a random-weight Marian that never ends, with 512 or 128 positions."""
    folder = tmp_path_factory.mktemp(f"random-{request.param}")
    return random_marian(tiny_marian, folder, request.param)


def pipeline_for(model: Path, engine: str, tmp_path: Path, **changes: object) -> Pipeline:
    """Return a pipeline on `model` with `engine`, converting into `tmp_path`."""
    config = load_config(model=str(model))
    translation = replace(
        config.translation,
        engine=engine,
        convert_dir=str(tmp_path / "converted"),
        memory_size=0,
        **changes,
    )
    return Pipeline(replace(config, translation=translation), load_translator(translation))


@pytest.mark.parametrize("engine", ENGINES)
def test_long_sentence_on_a_model_that_never_ends_is_digested(
    random_model: Path, engine: str, tmp_path: Path
) -> None:
    pipeline = pipeline_for(random_model, engine, tmp_path, num_beams=2)
    translator = pipeline.translator
    assert isinstance(translator, SegmentTranslator)
    positions = translator.limits.max_new + 1
    assert translator.token_count(LONG_SENTENCE) > positions
    digest = pipeline.digest(
        f"Die Lage bleibt ernst, sagte der Minister. {LONG_SENTENCE}", clean_input=False
    )
    assert all(s.en.strip() for s in digest.sentences)
    cut = {n.sentence for n in digest.warnings if n.code == CUT_SHORT}
    assert {s.index for s in digest.sentences} <= cut  # nothing ever ends: all flagged
    assert not [n for n in digest.warnings if n.code == UNTRANSLATED]


@pytest.mark.parametrize("engine", ENGINES)
def test_pieces_and_new_tokens_fit_the_positions(
    random_model: Path, engine: str, tmp_path: Path
) -> None:
    translator = pipeline_for(random_model, engine, tmp_path).translator
    assert isinstance(translator, SegmentTranslator)
    limits, config = translator.limits, translator.config
    positions = limits.max_new + 1
    assert limits.max_source <= positions
    assert limits.new_tokens(limits.max_source, config) <= positions - 1
    pieces = translator._pieces(LONG_SENTENCE, {})
    assert all(translator.token_count(p) <= limits.max_source for p in pieces)
    assert " ".join(pieces).split() == LONG_SENTENCE.split()


def test_seed_article_on_a_128_position_model_loses_no_sentence(
    tiny_marian: Path, seed_article: str, tmp_path: Path
) -> None:
    model = random_marian(tiny_marian, tmp_path / "random-128", 128)
    pipeline = pipeline_for(model, "ctranslate2", tmp_path)
    digest = pipeline.digest(seed_article, key_points_only=False)
    assert len(digest.sentences) >= 20
    assert all(s.en.strip() for s in digest.sentences)
    assert all(q.text_en.strip() for q in digest.quotes)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sentence_the_model_fails_on_keeps_its_german_and_is_flagged(
    tiny_marian: Path, engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = pipeline_for(tiny_marian, engine, tmp_path)
    translator = pipeline.translator
    assert isinstance(translator, SegmentTranslator)
    poisoned = translator.encode("Der Hafen ist geschlossen.")
    generate = translator.generate

    def failing(batch, num_beams, max_new):  # the model breaks on one sentence only
        if any(list(tokens) == list(poisoned) for tokens in batch):
            raise IndexError("index out of range in self")
        return generate(batch, num_beams, max_new)

    monkeypatch.setattr(translator, "generate", failing)
    # one batch at a time through the patched `generate` (CTranslate2 submits them all at once)
    monkeypatch.setattr(
        translator, "generate_all", SegmentTranslator.generate_all.__get__(translator)
    )
    text = "Die Beschäftigten streiken seit Montag. Der Hafen ist geschlossen. Die Reeder warten."
    digest = pipeline.digest(text, clean_input=False)
    (broken,) = [s for s in digest.sentences if s.de == "Der Hafen ist geschlossen."]
    assert broken.en == broken.de
    flags = [n for n in digest.warnings if n.code == UNTRANSLATED]
    assert [n.sentence for n in flags] == [broken.index]
    assert "IndexError" in flags[0].message
    others = [s for s in digest.sentences if s is not broken]
    assert all(s.en and s.en != s.de for s in others)


def test_short_pieces_are_not_padded_to_a_long_one() -> None:
    lengths = {"a": 5, "b": 5, "c": 5, "d": 5, "e": 5, "f": 6, "long": 60}
    # a step costs 3 rows: the long piece takes company only as long as that costs nothing
    batches = token_batches(lengths, max_rows=16, max_tokens=2048, min_rows=3)
    assert batches[-1][-1] == "long" and len(batches[-1]) == 3
    assert sorted(p for batch in batches for p in batch) == sorted(lengths)


def test_a_decoding_step_worth_several_rows_keeps_short_pieces_together() -> None:
    lengths = {"a": 4, "b": 5, "c": 6}
    assert token_batches(lengths, max_rows=16, max_tokens=2048, min_rows=3) == [["a", "b", "c"]]
    assert token_batches(lengths, max_rows=16, max_tokens=2048) == [["a"], ["b"], ["c"]]


def test_batches_keep_their_row_and_token_limits() -> None:
    lengths = {f"p{i:02d}": 10 for i in range(40)}
    batches = token_batches(lengths, max_rows=8, max_tokens=50, min_rows=100)
    assert sorted(p for batch in batches for p in batch) == sorted(lengths)
    assert all(len(batch) <= 5 for batch in batches)  # 5 rows x 10 tokens = max_tokens
