"""The whole path on a real (tiny) Marian model: every sentence translated, nothing dropped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES

from kernpunkt.config import load_config
from kernpunkt.document import Digest, Quote
from kernpunkt.errors import EmptyInputError, ModelLoadError, NothingLeftError
from kernpunkt.pipeline import Pipeline, speaker_english, speaker_segment
from kernpunkt.translate import MarianTranslator, SegmentTranslator

HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
BAHN = (FIXTURES / "artikel-bahn.txt").read_text(encoding="utf-8")


def test_every_sentence_of_the_seed_article_has_a_translation(
    pipeline: Pipeline, seed_article: str
) -> None:
    digest = pipeline.digest(seed_article)
    assert len(digest.sentences) >= 20
    assert all(s.en.strip() for s in digest.sentences)
    assert digest.translation == "full"
    assert digest.text.startswith("Nordkoreas Eingreifen")
    assert digest.text.rstrip().endswith("weder bestätigt noch dementiert.")


def test_sentences_cover_the_cleaned_text(pipeline: Pipeline, seed_article: str) -> None:
    digest = pipeline.digest(seed_article)
    assert all(digest.text[s.start : s.end] == s.de for s in digest.sentences)
    covered = "".join(s.de for s in digest.sentences)
    assert "".join(covered.split()) == "".join(digest.text.split())


def test_digest_has_key_points_in_article_order_with_translations(pipeline: Pipeline) -> None:
    digest = pipeline.digest(HAFEN)
    indices = [p.sentences[0] for p in digest.key_points]
    assert len(indices) == pipeline.config.key_points.count
    assert indices == sorted(indices)
    for point in digest.key_points:
        assert point.en
        assert point.de == " ".join(digest.sentences[i].de for i in point.sentences)


def test_batch_and_single_calls_agree(pipeline: Pipeline) -> None:
    single = [pipeline.digest(text) for text in (HAFEN, BAHN)]
    batched = list(pipeline.digest_many([HAFEN, BAHN], batch_size=2))
    for one, many in zip(single, batched, strict=True):
        assert [s.en for s in one.sentences] == [s.en for s in many.sentences]
        assert [q.text_en for q in one.quotes] == [q.text_en for q in many.quotes]
        assert [p.en for p in one.key_points] == [p.en for p in many.key_points]


def test_quotes_reach_the_digest_in_english_with_speakers(pipeline: Pipeline) -> None:
    digest = pipeline.digest(HAFEN)
    assert digest.quotes
    for quote in digest.quotes:
        assert quote.text_en.strip()
        assert quote.sentence is not None
    speakers = {q.speaker for q in digest.quotes}
    assert "Petra Albers" in speakers


def test_key_points_only_translates_just_what_the_key_points_are_worded_from(
    pipeline: Pipeline,
) -> None:
    digest = pipeline.digest(HAFEN, key_points=3, key_points_only=True)
    assert digest.translation == "partial"
    translated = {s.index for s in digest.sentences if s.en}
    assert translated <= {i for p in digest.key_points for i in p.sentences}
    quoting = [
        p for p in digest.key_points if any(q.speaker and q.kind == "direct" for q in p.quotes)
    ]
    assert quoting and len(quoting) < len(digest.key_points)
    for point in digest.key_points:
        assert all(q.text_en and q.speaker_en for q in point.quotes)
        # a point that quotes a named speaker is worded from the quotes, not the sentence
        assert bool(translated & set(point.sentences)) == (point not in quoting)


def test_digest_round_trips_through_json(pipeline: Pipeline) -> None:
    digest = pipeline.digest(HAFEN)
    assert Digest.from_json(digest.to_json()) == digest


def test_timings_and_model_are_recorded(pipeline: Pipeline, tiny_marian: Path) -> None:
    digest = pipeline.digest(BAHN)
    assert {"clean", "segment", "quotes", "translate", "key_points", "total"} <= set(digest.timings)
    assert digest.models["translation"] == str(tiny_marian)


def test_progress_reports_every_stage(pipeline: Pipeline) -> None:
    seen: list[tuple[str, int, int]] = []
    pipeline.digest(BAHN, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert {"cleaning", "quotes", "translating", "key points"} <= {stage for stage, _, _ in seen}
    counts = [(done, total) for stage, done, total in seen if stage == "translating"]
    assert counts[-1][0] == counts[-1][1] > 1


def test_sentence_over_the_token_limit_is_split_and_fully_covered(pipeline: Pipeline) -> None:
    translator = pipeline.translator
    assert isinstance(translator, SegmentTranslator)
    clause = "die Regierung in Berlin hat am Montag neue Hilfen für die Ukraine beschlossen"
    long_sentence = ", ".join([clause] * 60) + "."
    assert translator.token_count(long_sentence) > 600
    pieces = translator._pieces(long_sentence, {})
    assert len(pieces) > 1
    assert all(translator.token_count(p) <= translator.max_tokens for p in pieces)
    assert " ".join(pieces).split() == long_sentence.split()
    (english,) = translator.translate([long_sentence])
    assert english == " ".join(translator.translate(pieces))


def test_uncleaned_mode_keeps_boilerplate(pipeline: Pipeline) -> None:
    digest = pipeline.digest(HAFEN, clean_input=False)
    assert "Newsletter abonnieren" in digest.text
    assert digest.removed == []


def test_empty_input_is_refused_before_any_work(pipeline: Pipeline) -> None:
    with pytest.raises(EmptyInputError):
        pipeline.digest("  \n ")


def test_boilerplate_only_input_says_so(pipeline: Pipeline) -> None:
    with pytest.raises(NothingLeftError, match="clean"):
        pipeline.digest("Newsletter abonnieren\n\nUnterstützen Sie uns mit einer Spende!\n")


def test_missing_model_folder_error_names_model_and_how_to_fix(tmp_path: Path) -> None:
    config = load_config(model=str(tmp_path)).translation
    with pytest.raises(ModelLoadError) as error:
        MarianTranslator(config)
    message = str(error.value)
    assert str(tmp_path) in message
    assert "KERNPUNKT_TRANSLATION_MODEL" in message


def test_described_speaker_line_is_its_description_unless_a_pronoun() -> None:
    witness = Quote("Wir kommen", 0, 10, speaker_mention="ein Zeuge", attribution="described")
    pronoun = Quote("Wir kommen", 0, 10, speaker_mention="sie", attribution="described")
    assert (speaker_segment(witness), speaker_segment(pronoun)) == ("ein Zeuge", None)


@pytest.mark.parametrize(
    ("mention", "speaker", "segment"),
    [
        (
            "Andriy Yermak, Selenskyjs Stabschef",
            "Andriy Yermak",
            "Andriy Yermak, Selenskyjs Stabschef",
        ),
        ("Pentagon-Sprecherin Sabrina Singh", "Sabrina Singh", "Pentagon-Sprecherin Sabrina Singh"),
        ("Mark Rutte", "Mark Rutte", None),
        ("sie", "Sabrina Singh", None),
        ("er", None, None),
        ("die SPD-Politikerin", "die SPD-Politikerin", "die SPD-Politikerin"),
        ("Die Polizei", "Die Polizei", "Die Polizei"),
        ("Einige Anhänger", "Einige Anhänger", "Einige Anhänger"),
        ("Ursula von der Leyen", "Ursula von der Leyen", None),
        ("Seine Meinung", "der Bundespräsident", "der Bundespräsident"),
        ("er", "Der Sprecher", "Der Sprecher"),
        ("der 62-Jährige", "Jens Ott", None),
    ],
)
def test_speaker_line_is_translated_only_when_it_holds_more_than_a_name(
    mention: str, speaker: str | None, segment: str | None
) -> None:
    quote = Quote("Wir kommen", 0, 10, speaker=speaker, speaker_mention=mention)
    assert speaker_segment(quote) == segment


@pytest.mark.parametrize(
    ("mention", "english", "line"),
    [
        ("des Auswärtigen Amtes", "of the Federal Foreign Office", "the Federal Foreign Office"),
        (
            "Pentagon-Sprecherin Sabrina Singh",
            "Pentagon spokeswoman Sabrina Singh.",
            "Pentagon spokeswoman Sabrina Singh",
        ),
        (
            "Andriy Yermak, Selenskyjs Stabschef",
            "Andriy Yermak, Zelensky's chief of staff,",
            "Andriy Yermak, Zelensky's chief of staff",
        ),
        ("Martin Luther King Jr.", "Martin Luther King Jr.", "Martin Luther King Jr."),
        ("der Chef von Tesla", "the head of Tesla", "the head of Tesla"),
    ],
)
def test_speaker_line_drops_what_the_case_and_the_model_added(
    mention: str, english: str, line: str
) -> None:
    assert speaker_english(mention, english) == line


def test_num_beams_override_decodes_greedily_on_the_same_model(pipeline: Pipeline) -> None:
    translator = MarianTranslator(replace(pipeline.config.translation, engine="transformers"))
    german = "Der Minister sagte am Montag in Berlin, dass die Lage ernst sei."
    inputs = translator.tokenizer([german], return_tensors="pt")
    greedy = translator.model.generate(**inputs, num_beams=1, max_new_tokens=64)
    expected = translator.tokenizer.batch_decode(greedy, skip_special_tokens=True)[0].strip()
    assert translator.translate([german], num_beams=1) == [expected]
    assert pipeline.config.translation.num_beams > 1


def test_seed_key_points_carry_every_quote_with_its_speaker_named(
    pipeline: Pipeline, seed_article: str
) -> None:
    digest = pipeline.digest(seed_article)
    speakers = {q.speaker for p in digest.key_points for q in p.quotes}
    assert {"Sabrina Singh", "Mark Rutte", "Andriy Yermak"} <= speakers
    for point in digest.key_points:
        for quote in point.quotes:
            assert quote.speaker.split()[-1] in point.en
    (threat,) = [p for p in digest.key_points if any("Bedrohung" in q.text for q in p.quotes)]
    assert threat.en.startswith("According to ")
    assert "Rutte" in threat.en.split(",")[0]
