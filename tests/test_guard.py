"""The summary's fidelity guard, on hand-written digests and hand-written summaries."""

from __future__ import annotations

import pytest

from kernpunkt.document import Digest, KeyPoint, Quote, Sentence
from kernpunkt.guard import guard, person_names, split_english

GERMAN = [
    "Nordkorea hat rund 10.000 Soldaten nach Russland geschickt.",
    "„Einige dieser Soldaten wurden bereits nahe an die Ukraine verlegt“, sagte "
    "Pentagon-Sprecherin Sabrina Singh.",
    "„Wir sind sehr besorgt“, sagte Bundeskanzler Olaf Scholz in Berlin.",
    "Die Gespräche sollen in der nächsten Woche fortgesetzt werden.",
    "Der ukrainische Präsident Wolodymyr Selenskyj traf Joe Biden in Washington.",
]
ENGLISH = [
    "North Korea has sent around 10,000 soldiers to Russia.",
    "“Some of these soldiers have already been moved close to Ukraine,” said Pentagon "
    "spokeswoman Sabrina Singh.",
    "“We are very concerned,” said Chancellor Olaf Scholz in Berlin.",
    "The talks are to continue next week.",
    "Ukrainian President Volodymyr Zelensky met Joe Biden in Washington.",
]
KEY_SENTENCES = (0, 1, 2)


@pytest.fixture
def digest() -> Digest:
    """Return a hand-written digest: two attributed quotes, one number, key points 0 to 2."""
    sentences = [
        Sentence(index=i, paragraph=0, de=de, en=en)
        for i, (de, en) in enumerate(zip(GERMAN, ENGLISH, strict=True))
    ]
    quotes = [
        Quote(
            text="Einige dieser Soldaten wurden bereits nahe an die Ukraine verlegt",
            start=0,
            end=0,
            speaker="Sabrina Singh",
            sentence=1,
            text_en="Some of these soldiers have already been moved close to Ukraine",
            speaker_en="Pentagon spokeswoman Sabrina Singh",
        ),
        Quote(
            text="Wir sind sehr besorgt",
            start=0,
            end=0,
            speaker="Olaf Scholz",
            sentence=2,
            text_en="We are very concerned",
            speaker_en="Chancellor Olaf Scholz",
        ),
    ]
    points = [KeyPoint(en=ENGLISH[i], de=GERMAN[i], sentences=[i]) for i in KEY_SENTENCES]
    return Digest(" ".join(GERMAN), sentences, quotes=quotes, key_points=points)


def test_faithful_summary_passes_untouched(digest: Digest) -> None:
    summary = (
        "North Korea has sent around 10,000 soldiers to Russia. Pentagon spokeswoman Sabrina "
        "Singh said “some of these soldiers have already been moved close to Ukraine”. "
        "Scholz said: “We are very concerned.” The talks are to continue next week."
    )
    kept, notices = guard(summary, digest)
    assert kept == split_english(summary)
    assert notices == []


def test_marks_case_and_honorifics_do_not_matter(digest: Digest) -> None:
    summary = (
        'According to Mr. Singh, "Some of these soldiers have already been moved close to '
        'Ukraine." ‘We are very concerned,’ said Scholz about North Korea’s soldiers.'
    )
    assert guard(summary, digest) == (split_english(summary), [])


def test_misquote_is_replaced_by_the_key_point_it_draws_on(digest: Digest) -> None:
    kept, notices = guard("Scholz said in Berlin: “We are extremely worried.”", digest)
    assert kept == [ENGLISH[2]]
    assert [n.code for n in notices] == ["guard-quote"]
    assert "We are extremely worried." in notices[0].message
    assert "replaced by the key point of sentence 2" in notices[0].message
    assert notices[0].sentence == 2


def test_quote_given_to_the_wrong_speaker_is_misattribution(digest: Digest) -> None:
    summary = "Olaf Scholz said “some of these soldiers have already been moved close to Ukraine”."
    kept, notices = guard(summary, digest)
    assert kept == [ENGLISH[1]]
    assert [n.code for n in notices] == ["guard-speaker"]
    assert "Olaf Scholz" in notices[0].message
    assert "Sabrina Singh" in notices[0].message


def test_invented_person_is_dropped_when_no_key_point_matches(digest: Digest) -> None:
    kept, notices = guard("Angela Merkel said the talks are to continue next week.", digest)
    assert kept == []
    assert [n.code for n in notices] == ["guard-person"]
    assert "Angela Merkel" in notices[0].message
    assert "dropped" in notices[0].message
    assert notices[0].sentence is None


def test_person_from_an_unrelated_source_sentence_fails(digest: Digest) -> None:
    # Joe Biden is in the source, but not in the sentence about the troops, and not a speaker
    kept, notices = guard("Joe Biden said North Korea has sent 10,000 soldiers to Russia.", digest)
    assert kept == [ENGLISH[0]]
    assert [n.code for n in notices] == ["guard-person"]


def test_speaker_may_be_named_anywhere(digest: Digest) -> None:
    summary = "The talks are to continue next week, Singh said."
    assert guard(summary, digest) == ([summary], [])


def test_invented_number_is_replaced(digest: Digest) -> None:
    kept, notices = guard("North Korea has sent around 12,000 soldiers to Russia.", digest)
    assert kept == [ENGLISH[0]]
    assert [n.code for n in notices] == ["guard-number"]
    assert "12000" in notices[0].message


def test_number_counts_in_the_german_source_whatever_its_separators(digest: Digest) -> None:
    digest.sentences[0].en = "North Korea has sent around ten thousand soldiers to Russia."
    summary = "North Korea has sent 10 000 soldiers to Russia."
    assert guard(summary, digest) == ([summary], [])


def test_unclosed_quotation_mark_quotes_to_the_sentence_end(digest: Digest) -> None:
    _, notices = guard("“The situation is hopeless, Scholz said in Berlin.", digest)
    assert [n.code for n in notices] == ["guard-quote"]
    assert "The situation is hopeless" in notices[0].message


def test_made_up_sentence_without_names_or_numbers_is_unsupported(digest: Digest) -> None:
    summary = "The intelligence service said on Wednesday that NATO would strengthen its flank."
    kept, notices = guard(summary, digest)
    assert kept == []
    assert [n.code for n in notices] == ["guard-unsupported"]


def test_key_point_replaces_only_once(digest: Digest) -> None:
    summary = (
        "North Korea has sent around 12,000 soldiers to Russia. "
        "North Korea has sent around 20,000 soldiers to Russia."
    )
    kept, notices = guard(summary, digest)
    assert kept == [ENGLISH[0]]
    assert [n.code for n in notices] == ["guard-number", "guard-number"]
    assert "dropped" in notices[1].message


def test_every_failing_sentence_gets_one_notice_and_the_rest_stay(digest: Digest) -> None:
    summary = (
        "The talks are to continue next week. Angela Merkel said “we are very concerned”. "
        "North Korea has sent 99 soldiers to Russia."
    )
    kept, notices = guard(summary, digest)
    assert kept[0] == "The talks are to continue next week."
    assert [n.code for n in notices] == ["guard-speaker", "guard-number"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Pentagon spokeswoman Sabrina Singh spoke.", ["Sabrina Singh"]),
        ("The minister said Scholz was right.", ["Scholz"]),
        ("Scholz said the talks failed.", ["Scholz"]),
        ("The talks failed, according to Singh.", ["Singh"]),
        ("President Biden met Ursula von der Leyen.", ["Biden", "Ursula von der Leyen"]),
        ("The troops reached Russia on Monday.", []),
        ("North Korea and the White House disagree.", []),
        ("“Olaf Scholz is right,” the minister said.", []),
    ],
)
def test_person_heuristic(sentence: str, names: list[str]) -> None:
    assert [name.text for name in person_names(sentence)] == names
