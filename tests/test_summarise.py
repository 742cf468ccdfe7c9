"""The optional abstractive summary on the tiny real BART the suite builds, and its guard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kernpunkt.config import SummaryConfig, load_config
from kernpunkt.document import Digest, KeyPoint, Quote, Sentence, TranslationScope
from kernpunkt.errors import ConfigError, ModelLoadError
from kernpunkt.guard import guard, split_english
from kernpunkt.summarise import BartSummariser, Summariser, english_text, summarise_digest

ARTICLE = [
    "North Korea has sent around 10,000 soldiers to Russia.",
    "“We are very concerned,” said Chancellor Olaf Scholz in Berlin.",
    "The talks would continue next week.",
    "NATO foreign ministers meet in Brussels.",
    "The war in Ukraine has been going on for almost three years.",
]
# Small enough that a few sentences overflow it; leaves room for two partial summaries.
SMALL_INPUT = 96
SMALL_OUTPUT = 24


@pytest.fixture(scope="module")
def summary_config(tiny_models: dict[str, Path]) -> SummaryConfig:
    """Return the default summary settings pointing at the tiny BART."""
    return replace(load_config().summary, model=str(tiny_models["bart"]))


@pytest.fixture(scope="module")
def summariser(summary_config: SummaryConfig) -> BartSummariser:
    """Return the tiny BART with a small input limit, so that chunking is exercised."""
    return BartSummariser(
        replace(
            summary_config,
            max_input_tokens=SMALL_INPUT,
            min_new_tokens=1,
            max_new_tokens=SMALL_OUTPUT,
        )
    )


def make_digest(translation: TranslationScope = "full") -> Digest:
    """Return a hand-written digest of ARTICLE in two paragraphs, with key points 0 and 1."""
    sentences = [
        Sentence(index=i, paragraph=i // 3, de=f"Satz {i}.", en=en) for i, en in enumerate(ARTICLE)
    ]
    quote = Quote(
        text="Wir sind sehr besorgt",
        start=0,
        end=0,
        speaker="Olaf Scholz",
        sentence=1,
        text_en="We are very concerned",
        speaker_en="Chancellor Olaf Scholz",
    )
    points = [KeyPoint(en=ARTICLE[i], de=f"Satz {i}.", sentences=[i]) for i in (0, 1)]
    return Digest(
        "Nordkorea hat rund 10.000 Soldaten geschickt.",
        sentences,
        quotes=[quote],
        key_points=points,
        translation=translation,
    )


def test_bart_summariser_is_a_summariser(summariser: BartSummariser) -> None:
    assert isinstance(summariser, Summariser)
    assert summariser.name == summariser.config.model


def test_short_text_gives_a_short_english_paragraph(summary_config: SummaryConfig) -> None:
    summariser = BartSummariser(summary_config)
    summary = summariser.summarise(" ".join(ARTICLE[:3]))
    assert summary.strip()
    special_tokens = summariser.token_count("")
    assert summariser.token_count(summary) <= summary_config.max_new_tokens + special_tokens


def test_long_text_is_chunked_at_sentence_boundaries_losing_nothing(
    summariser: BartSummariser,
) -> None:
    sentences = split_english(" ".join(ARTICLE * 3))
    chunks = summariser.chunks(sentences)
    assert len(chunks) > 1
    assert all(summariser.token_count(chunk) <= SMALL_INPUT for chunk in chunks)
    assert " ".join(chunks) == " ".join(sentences)
    assert all(chunk.endswith(".") for chunk in chunks)


def test_overlong_sentence_is_split_rather_than_truncated(summariser: BartSummariser) -> None:
    sentence = ", ".join(["the soldiers were on the border with Ukraine"] * 20) + "."
    chunks = summariser.chunks([sentence])
    assert all(summariser.token_count(chunk) <= SMALL_INPUT for chunk in chunks)
    assert " ".join(chunks).split() == sentence.split()


def test_long_text_is_summarised_in_passes_that_all_fit(
    summariser: BartSummariser, monkeypatch: pytest.MonkeyPatch
) -> None:
    lengths: list[int] = []
    generate = summariser.model.generate

    def recording_generate(**inputs: Any) -> Any:
        """Record the input length of each generate() call, then generate."""
        lengths.append(inputs["input_ids"].shape[1])
        return generate(**inputs)

    monkeypatch.setattr(summariser.model, "generate", recording_generate)
    summary = summariser.summarise("\n".join([" ".join(ARTICLE)] * 4))
    chunks = summariser.chunks(split_english(" ".join(ARTICLE * 4)))
    assert summary.strip()
    assert len(lengths) > len(chunks)  # the partial summaries were summarised again
    assert max(lengths) <= SMALL_INPUT


def test_empty_text_summarises_to_nothing(summariser: BartSummariser) -> None:
    assert summariser.summarise("  \n ") == ""


def test_output_limit_that_cannot_merge_partial_summaries_is_refused(
    summary_config: SummaryConfig,
) -> None:
    config = replace(summary_config, max_input_tokens=64, max_new_tokens=40)
    with pytest.raises(ConfigError, match=r"summary\.max_new_tokens"):
        BartSummariser(config)


def test_missing_model_folder_error_names_model_and_how_to_fix(
    summary_config: SummaryConfig, tmp_path: Path
) -> None:
    with pytest.raises(ModelLoadError) as error:
        BartSummariser(replace(summary_config, model=str(tmp_path)))
    message = str(error.value)
    assert "summary model" in message
    assert str(tmp_path) in message
    assert "summary.model" in message


def test_english_text_keeps_paragraphs() -> None:
    assert english_text(make_digest()) == (" ".join(ARTICLE[:3]) + "\n" + " ".join(ARTICLE[3:]))


def test_summarised_digest_passes_its_own_guard(summariser: BartSummariser) -> None:
    digest = make_digest()
    kept, notices = summarise_digest(summariser, digest)
    assert all(notice.code.startswith("guard-") for notice in notices)
    assert guard(" ".join(kept), digest) == (kept, [])


def test_partial_translation_gets_no_summary(summariser: BartSummariser) -> None:
    kept, notices = summarise_digest(summariser, make_digest(translation="partial"))
    assert kept == []
    assert [notice.code for notice in notices] == ["summary-partial"]
