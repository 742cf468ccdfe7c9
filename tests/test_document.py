"""The Digest round-trips through dict and JSON exactly."""

from kernpunkt.document import Digest, KeyPoint, Notice, Quote, Removed, Sentence


def sample_digest() -> Digest:
    """Return a digest with every field filled."""
    quote = Quote(
        text="Wir kommen",
        start=1,
        end=11,
        speaker="Anna Berg",
        speaker_mention="Ministerin Anna Berg",
        cue="sagte",
        kind="direct",
        sentence=0,
        text_en="We are coming",
        speaker_en="Minister Anna Berg",
    )
    return Digest(
        text="„Wir kommen“, sagte Ministerin Anna Berg.",
        sentences=[
            Sentence(0, 0, "„Wir kommen“, sagte Ministerin Anna Berg.", 0, 41, "“We are coming.”")
        ],
        quotes=[quote],
        key_points=[KeyPoint("Minister Anna Berg: “We are coming”", "„Wir kommen“", [0], [quote])],
        removed=[Removed("Foto: dpa", "image-credit")],
        warnings=[Notice("length-ratio", "too short", 0)],
        timings={"translate": 0.5},
        models={"translation": "tiny"},
        translation="full",
        summary=["A summary."],
    )


def test_digest_round_trips_through_dict() -> None:
    digest = sample_digest()
    assert Digest.from_dict(digest.to_dict()) == digest


def test_digest_round_trips_through_json_with_umlauts_intact() -> None:
    digest = sample_digest()
    text = digest.to_json()
    assert "„Wir kommen“" in text
    assert Digest.from_json(text) == digest


def test_digest_json_has_the_public_top_level_keys() -> None:
    keys = set(sample_digest().to_dict())
    assert {"sentences", "quotes", "key_points", "removed", "warnings", "timings", "models"} <= keys
    quote_keys = set(sample_digest().to_dict()["quotes"][0])
    assert {
        "text",
        "text_en",
        "speaker",
        "speaker_mention",
        "speaker_en",
        "cue",
        "kind",
    } <= quote_keys
    assert "sentence" in quote_keys
