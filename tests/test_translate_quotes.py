"""Quotes are not translated twice: they take their words from their sentence's translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from kernpunkt.document import Quote, Sentence
from kernpunkt.pipeline import Pipeline, aligned_quote, may_align

HAFEN = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
Calls = list[tuple[str, list[str]]]  # ("submit" or "collect", the texts of that call)


def sentence_with(de: str, en: str) -> Sentence:
    """Return a translated sentence at offset 0."""
    return Sentence(0, 0, de, 0, len(de), en=en)


def quote_of(sentence: Sentence, words: str) -> Quote:
    """Return the quote of `words` inside `sentence`."""
    start = sentence.de.index(words)
    return Quote(words, start, start + len(words), sentence=sentence.index)


def test_a_quote_takes_its_span_of_the_sentence_translation() -> None:
    sentence = sentence_with(
        "„Unser Angebot liegt seit Wochen auf dem Tisch“, sagte Verbandssprecher Jonas Reuter.",
        "“Our offer has been on the table for weeks,” said association spokesman Jonas Reuter.",
    )
    quote = quote_of(sentence, "Unser Angebot liegt seit Wochen auf dem Tisch")
    assert aligned_quote(quote, [sentence]) == "Our offer has been on the table for weeks"


def test_the_second_of_two_quotes_takes_the_second_span() -> None:
    sentence = sentence_with(
        "Er nannte es „Unsinn“ und „eine Frechheit“.",
        "He called it “nonsense” and “an impertinence”.",
    )
    quote = quote_of(sentence, "eine Frechheit")
    assert aligned_quote(quote, [sentence]) == "an impertinence"


@pytest.mark.parametrize(
    "english",
    [
        "He called it nonsense and “an impertinence”.",  # one mark pair lost
        "He called it “nonsense” and “an” “impertinence”.",  # one too many
    ],
)
def test_a_quote_that_cannot_be_aligned_is_left_to_the_model(english: str) -> None:
    sentence = sentence_with("Er nannte es „Unsinn“ und „eine Frechheit“.", english)
    assert aligned_quote(quote_of(sentence, "eine Frechheit"), [sentence]) is None


def test_a_quote_over_two_sentences_is_left_to_the_model() -> None:
    first = Sentence(0, 0, "Sie sagte: „Wir kommen.", 0, 23, en="She said: “We are coming.")
    second = Sentence(1, 0, "Morgen.“", 24, 32, en="Tomorrow.”")
    quote = Quote("Wir kommen. Morgen.", 11, 30)
    assert aligned_quote(quote, [first, second]) is None


def record_calls(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Record each translator call of `pipeline` as ("submit" or "collect", its texts)."""
    calls: Calls = []
    submit = pipeline.translator.submit

    def recording(texts, *, num_beams=None):
        calls.append(("submit", list(texts)))
        pending = submit(texts, num_beams=num_beams)
        results = pending.results

        def collecting(progress=None):
            calls.append(("collect", list(texts)))
            return results(progress)

        monkeypatch.setattr(pending, "results", collecting)
        return pending

    monkeypatch.setattr(pipeline.translator, "submit", recording)
    return calls


def test_the_model_sees_no_quote_its_sentence_translation_already_holds(
    tiny_marian: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = Pipeline.from_config(model=str(tiny_marian))
    calls = record_calls(pipeline, monkeypatch)
    digest = pipeline.digest(HAFEN)
    sent = [text for kind, texts in calls if kind == "submit" for text in texts]
    assert all(q.text_en for q in digest.quotes)
    for quote in digest.quotes:
        if aligned_quote(quote, digest.sentences) is not None:
            assert quote.text not in sent
        else:
            assert quote.text in sent


def test_every_quote_is_queued_before_the_other_sentences_are_waited_for(
    tiny_marian: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = Pipeline.from_config(model=str(tiny_marian))
    calls = record_calls(pipeline, monkeypatch)
    digest = pipeline.digest(HAFEN)
    # random weights write no quotation marks: no quote aligns, all go to the model
    quotes = {q.text for q in digest.quotes}
    assert quotes and not any(aligned_quote(q, digest.sentences) for q in digest.quotes)
    translated = {s.index for s in digest.sentences}
    later = {q.text for q in digest.quotes if may_align(q, digest.sentences, translated)}
    assert later and later != quotes  # HAFEN has both kinds
    sentences = {s.de for s in digest.sentences}
    submitted = {t: i for i, (kind, texts) in enumerate(calls) if kind == "submit" for t in texts}
    waited = [i for i, (kind, texts) in enumerate(calls) if kind == "collect"]
    sentences_back = [i for i in waited if sentences & set(calls[i][1])]
    # a quote that cannot align goes with the first sentences, one that may waits for its
    # sentence; all are queued while the other sentences are still being translated
    assert all(submitted[q] < sentences_back[0] for q in quotes - later)
    assert all(sentences_back[0] < submitted[q] < sentences_back[-1] for q in later)
    sent = [t for kind, texts in calls if kind == "submit" for t in texts]
    assert sorted(sent) == sorted(set(sent))  # nothing submitted twice
    assert all(s.en for s in digest.sentences) and all(q.text_en for q in digest.quotes)
