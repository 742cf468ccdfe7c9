"""Both engines behave alike: same tokens, same digests; the default path needs no torch."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import torch
from conftest import FIXTURES, ROOT, SEED_ARTICLE, SHARED_DATA
from engine_models import zero_start_copy

from kernpunkt.config import load_config
from kernpunkt.errors import ModelLoadError
from kernpunkt.pipeline import Pipeline
from kernpunkt.segment import segment
from kernpunkt.translate import (
    CTranslate2Translator,
    MarianTranslator,
    SegmentTranslator,
    load_translator,
    to_model_marks,
)
from kernpunkt.translate.ctranslate2_engine import converted_model
from kernpunkt.translate.marian_tokens import MarianPieces
from kernpunkt.translate.memory import SHARED_MEMORY

SPKATT_TRAIN = SHARED_DATA / "quotes" / "spkatt-train.jsonl"
HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
BAHN = (FIXTURES / "artikel-bahn.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def zero_start(tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the tiny model with opus-mt's zero decoder-start embedding."""
    return zero_start_copy(tiny_marian, tmp_path_factory.mktemp("zero-start"))


@pytest.fixture(scope="module")
def convert_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the folder converted models go to in these tests."""
    return tmp_path_factory.mktemp("converted")


def config_for(model: Path, convert_dir: Path, **changes: object):
    """Return the translation configuration for `model`, converting into `convert_dir`."""
    translation = load_config(model=str(model)).translation
    return replace(translation, convert_dir=str(convert_dir), memory_size=0, **changes)


def real_segments() -> list[str]:
    """Return German segments of real news text: SpkAtt train sentences and the seed article."""
    if not SPKATT_TRAIN.exists():
        pytest.skip(f"the shared evaluation data is absent ({SPKATT_TRAIN} not found)")
    texts = [json.loads(line)["text"] for line in SPKATT_TRAIN.open(encoding="utf-8")]
    texts.append(SEED_ARTICLE.read_text(encoding="utf-8"))
    segments = [s.de for text in texts for s in segment(text)]
    return segments + [to_model_marks(s) for s in segments]


def fixture_segments() -> list[str]:
    """Return the sentences of the fixture articles."""
    return [s.de for text in (HAFEN, BAHN) for s in segment(text)]


def test_sentencepiece_tokens_match_the_marian_tokenizer_on_real_news(
    zero_start: Path, convert_dir: Path
) -> None:
    reference = MarianTranslator(config_for(zero_start, convert_dir, engine="transformers"))
    pieces = MarianPieces(zero_start)
    segments = real_segments()
    odd = ["", "  ", "Tab\tund\nZeile", "Ein </s> im Text <unk> und <pad>", "ẞ€½ 漢字 🙂"]
    assert len(segments) > 1000
    for text in [*segments, *odd]:
        ids = reference.encode(text)
        assert pieces.encode(text) == reference.tokenizer.convert_ids_to_tokens(ids), text


def test_engines_give_the_same_tokens_under_greedy_float32(
    zero_start: Path, convert_dir: Path
) -> None:
    torch_engine = MarianTranslator(config_for(zero_start, convert_dir, engine="transformers"))
    ct2_engine = CTranslate2Translator(config_for(zero_start, convert_dir, compute_type="float32"))
    batch = [torch_engine.encode(text) for text in fixture_segments()]
    reference = torch_engine.tokenizer
    for ids in batch:
        max_new = torch_engine.limits.new_tokens(len(ids), torch_engine.config)
        (expected,) = torch_engine.model.generate(
            input_ids=torch.tensor([ids]), num_beams=1, max_new_tokens=max_new
        ).tolist()
        (result,) = ct2_engine.model.translate_batch(
            [reference.convert_ids_to_tokens(ids)],
            beam_size=1,
            max_decoding_length=max_new,
            return_end_token=True,
        )
        # the transformers output opens with the decoder start token; at its limit, transformers
        # forces the end token (`forced_eos_token_id`) where CTranslate2 writes one more word
        written = reference.convert_ids_to_tokens(expected[1:])
        if len(written) == max_new:
            assert result.hypotheses[0][:-1] == written[:-1]
        else:
            assert result.hypotheses[0] == written


def test_engines_build_the_same_digest(zero_start: Path, convert_dir: Path) -> None:
    digests = []
    for engine in ("transformers", "ctranslate2"):
        translation = config_for(zero_start, convert_dir, engine=engine, compute_type="float32")
        config = replace(load_config(), translation=translation)
        pipeline = Pipeline(config, load_translator(translation))
        digests.append(pipeline.digest(HAFEN, num_beams=1))
    torch_digest, ct2_digest = digests
    assert [s.en for s in ct2_digest.sentences] == [s.en for s in torch_digest.sentences]
    assert [(q.text_en, q.speaker_en) for q in ct2_digest.quotes] == [
        (q.text_en, q.speaker_en) for q in torch_digest.quotes
    ]
    assert ct2_digest.key_points == torch_digest.key_points
    assert [w.code for w in ct2_digest.warnings] == [w.code for w in torch_digest.warnings]


def test_a_sentence_over_512_tokens_is_cut_alike_and_translated_whole(
    zero_start: Path, convert_dir: Path
) -> None:
    clause = "die Regierung in Berlin hat am Montag neue Hilfen für die Ukraine beschlossen"
    sentence = ", ".join([clause] * 50) + "."
    cuts = []
    for engine in ("transformers", "ctranslate2"):
        translator = load_translator(config_for(zero_start, convert_dir, engine=engine))
        assert isinstance(translator, SegmentTranslator)
        assert translator.token_count(sentence) > 512
        pieces = translator._pieces(sentence, {})
        (english,) = translator.translate_all([sentence])
        assert english.status != "failed"
        piece_english = translator.translate(pieces)
        assert all(piece_english)
        assert english.text == " ".join(piece_english)  # every piece is in the sentence
        cuts.append(pieces)
    assert cuts[0] == cuts[1]
    assert len(cuts[0]) >= 3


def test_default_engine_runs_without_torch_or_transformers(
    zero_start: Path, convert_dir: Path
) -> None:
    folder = converted_model(config_for(zero_start, convert_dir), "int8")
    script = (
        "import sys\n"
        "from kernpunkt.pipeline import Pipeline\n"
        f"pipeline = Pipeline.from_config(model={str(folder)!r})\n"
        f"digest = pipeline.digest({HAFEN!r})\n"
        "assert all(s.en for s in digest.sentences)\n"
        "print(type(pipeline.translator).__name__, sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('torch', 'transformers')))\n"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(convert_dir)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "CTranslate2Translator []"


def test_conversion_happens_once_per_model_revision_and_quantisation(
    zero_start: Path, tmp_path: Path
) -> None:
    config = config_for(zero_start, tmp_path)
    first = converted_model(config, "int8")
    stamp = (first / "model.bin").stat().st_mtime_ns
    assert converted_model(config, "int8") == first
    assert (first / "model.bin").stat().st_mtime_ns == stamp
    assert converted_model(config, "float32") != first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [first.name, converted_model(config, "float32").name]
    )
    # a folder that holds a converted model is used as it is
    assert converted_model(replace(config, model=str(first)), "float32") == first


def test_conversion_error_names_the_folder(tmp_path: Path) -> None:
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "marian", "d_model": "x"}')
    config = replace(
        load_config(model=str(broken)).translation, convert_dir=str(tmp_path / "converted")
    )
    with pytest.raises(ModelLoadError) as error:
        load_translator(config)
    message = str(error.value)
    assert str(tmp_path / "converted") in message
    assert "KERNPUNKT_TRANSLATION_MODEL" in message


def test_identical_segments_are_translated_once_per_process(
    tiny_marian: Path, convert_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SHARED_MEMORY.entries.clear()
    translator = load_translator(replace(config_for(tiny_marian, convert_dir), memory_size=100))
    assert isinstance(translator, SegmentTranslator)
    sent: list[int] = []
    generate_all = translator.generate_all

    def counting(batches, num_beams, max_new):
        sent.extend(len(batch) for batch in batches)
        return generate_all(batches, num_beams, max_new)

    monkeypatch.setattr(translator, "generate_all", counting)
    first = translator.translate(["Der Hafen ist zu.", "Die Bahn fährt.", "Der Hafen ist zu."])
    again = translator.translate(["Die Bahn fährt.", "Der Hafen ist zu."])
    assert sum(sent) == 2
    assert again == first[1:]


class QueueCounter:
    """The real CTranslate2 model, counting the batches queued on it."""

    def __init__(self, model: object) -> None:
        """Wrap `model`."""
        self.model = model
        self.queued = 0

    def translate_batch(self, *args: object, **options: object) -> object:
        """Count one batch, then queue it on the real model."""
        self.queued += 1
        return self.model.translate_batch(*args, **options)


def test_ctranslate2_queues_every_batch_before_the_first_result_is_read(
    tiny_marian: Path, convert_dir: Path
) -> None:
    translator = load_translator(config_for(tiny_marian, convert_dir, batch_size=1))
    assert isinstance(translator, CTranslate2Translator)
    counter = QueueCounter(translator.model)
    translator.model = counter
    texts = ["Der Hafen ist zu.", "Die Bahn fährt.", "Die Reeder warten seit Tagen."]
    pending = translator.submit(texts)
    assert counter.queued == len(texts)  # one batch per text, all queued, none read yet
    assert [t.text for t in pending.results()] == translator.translate(texts)


def test_every_replica_gets_a_batch_of_a_short_call(tiny_marian: Path, convert_dir: Path) -> None:
    config = config_for(tiny_marian, convert_dir, inter_threads=2, intra_threads=1)
    translator = load_translator(config)
    assert isinstance(translator, CTranslate2Translator)
    counter = QueueCounter(translator.model)
    translator.model = counter
    texts = ["Der Hafen ist zu.", "Die Bahn fährt.", "Die Reeder warten.", "Es regnet."]
    english = translator.translate(texts)
    assert counter.queued >= 2
    assert english == load_translator(config_for(tiny_marian, convert_dir)).translate(texts)


def test_persistent_cache_serves_another_process(
    tiny_marian: Path, convert_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "translations.sqlite"
    config = replace(config_for(tiny_marian, convert_dir), cache=str(cache))
    texts = ["Der Hafen ist zu.", "Die Bahn fährt."]
    english = load_translator(config).translate(texts)
    with sqlite3.connect(cache) as db:
        rows = db.execute(
            "SELECT engine, compute_type, beams, segment FROM translations"
        ).fetchall()
    assert sorted(rows) == [("ctranslate2", "int8", 4, t) for t in sorted(texts)]
    later = load_translator(config)  # as a new process would: no model call needed

    def no_model(*args: object) -> None:
        raise AssertionError("the model was called for a cached segment")

    monkeypatch.setattr(later, "generate_all", no_model)
    assert later.translate(texts) == english
