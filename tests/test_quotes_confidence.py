"""The confidence model: what lowers it, and how its weights are fitted."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from fit_confidence import NEGATIVE, fit

from kernpunkt.config import QuotesConfig
from kernpunkt.quotes import analyse, find_quotes
from kernpunkt.quotes.confidence import WEIGHTS, Evidence, confidence
from kernpunkt.quotes.grammar import name_kind
from kernpunkt.quotes.scoring import WEIGHTS as SCORES

PLAIN = Evidence(source="named", score=1.0, cue="word", kind="person", distance=20, words=6)


def test_named_person_next_to_a_speech_verb_is_surer_than_a_continued_speaker() -> None:
    continued = replace(PLAIN, source="context", score=0.75, cue="none", alone=True, gap=1)
    assert confidence(PLAIN) > confidence(continued)


def test_confidence_falls_as_the_speakers_last_mention_moves_away() -> None:
    near = replace(PLAIN, source="context", cue="none", distance=40)
    far = replace(near, distance=1500, paragraph=False)
    assert confidence(near) > confidence(far)


def test_thing_introducing_a_quote_with_a_colon_is_unsure() -> None:
    # the scorer takes its penalty off a thing's base before the model reads the score
    thing = replace(PLAIN, cue="colon", kind="thing", score=SCORES["named"] + SCORES["thing"])
    assert confidence(thing) < QuotesConfig().min_confidence < confidence(PLAIN)


def test_weights_that_can_only_lower_confidence_never_raise_it() -> None:
    assert all(WEIGHTS.get(name, 0.0) <= 0.0 for name in NEGATIVE)


def test_fit_drops_a_feature_whose_sign_the_few_examples_get_wrong() -> None:
    rng = np.random.default_rng(7)
    crowded = rng.integers(0, 2, 200).astype(float)
    right = (rng.random(200) < 0.5 + 0.3 * crowded).astype(float)  # a spurious positive link
    x = np.column_stack([np.ones(200), crowded])
    weights = fit(x, right, np.ones(200), ["crowded"])
    assert weights[1] == 0.0


def test_every_quote_with_a_speaker_carries_the_evidence_of_its_choice() -> None:
    text = "„Wir helfen“, sagte Bürgermeisterin Eva Roth. Später kam der Regen. „Es reicht.“"
    analysis = analyse(text, QuotesConfig(min_confidence=0.0))
    assert [e.source if e else None for e in analysis.evidence] == ["named", "context"]


def test_words_that_are_no_noun_name_no_one() -> None:
    assert name_kind("Kaum") is None
    assert name_kind("Das Fazit") == "thing"
    assert name_kind("Kommissarin Karin Lehmann") == "person"


def test_thing_before_a_colon_is_not_credited_with_the_quote() -> None:
    quote = find_quotes("Die Bilanz fiel nüchtern aus: „Wir sind nicht zufrieden.“")[0]
    assert quote.speaker is None and quote.attribution == "unclear"


def test_one_noun_without_article_before_a_singular_verb_reads_as_a_name() -> None:
    text = "Tonini hat ihm geantwortet: „Das weiß ich.“ Fans haben geantwortet: „Nein.“"
    kinds = [why.kind for why in analyse(text).evidence if why is not None]
    assert kinds == ["person", "thing"]


def test_pronoun_no_one_named_before_is_read_as_a_pronoun_not_as_no_noun() -> None:
    for text in ("„Wir bleiben hier“, sagte sie.", "„Wir bleiben hier“, sagte er."):
        evidence = analyse(text, QuotesConfig(min_confidence=0.0)).evidence[0]
        assert evidence is not None and evidence.kind == "pronoun"


def test_speaker_the_text_names_rarely_is_less_sure_than_its_main_person() -> None:
    assert confidence(replace(PLAIN, salience=0.1)) < confidence(PLAIN)


def test_another_person_named_right_after_the_quote_lowers_confidence() -> None:
    continued = replace(PLAIN, source="context", cue="none", alone=True)
    assert confidence(replace(continued, other_after=True)) < confidence(continued)


def test_salience_compares_the_speakers_mentions_with_the_most_named_persons() -> None:
    text = (
        "Ministerin Anna Weber besuchte Kiel. Weber sprach lange. Weber lachte. "
        "Landrat Ole Brenner kam dazu. „Wir helfen“, sagte Brenner. Weber nickte."
    )
    evidence = analyse(text, QuotesConfig(min_confidence=0.0)).evidence[0]
    assert evidence is not None and evidence.salience == 2 / 4
    assert evidence.words == 2 and evidence.other_after
