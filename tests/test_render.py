"""Rendering a Digest as HTML and Markdown: escaping, quote marking, sections, roles."""

from __future__ import annotations

import re
from typing import Any

from kernpunkt.document import Digest, KeyPoint, Notice, Provenance, Quote, Removed, Sentence
from kernpunkt.render import (
    download_name,
    escape,
    quote_line,
    quotes_csv,
    slug,
    speaker_role,
    timings_line,
    to_markdown,
)
from kernpunkt.render_html import (
    key_points_html,
    mark_spans,
    provenance_html,
    quotes_html,
    removed_html,
    side_by_side_html,
    summary_html,
    timings_html,
    warnings_html,
)

ATTACK = '<img src=x onerror=alert(1)><script>alert("x")</script>'


def make_digest(**changes: Any) -> Digest:
    """Return a small hand-made digest with one quote, one key point and hostile text."""
    first = "Der Hafen steht still."
    second = f"Sprecherin Anna Krüger sagte: „Wir verhandeln {ATTACK}.“"
    text = f"{first}\n\n{second}"
    start = text.index("„") + 1
    quote = Quote(
        text=text[start : text.index("“")],
        start=start,
        end=text.index("“"),
        speaker="Anna Krüger",
        speaker_mention="Sprecherin Anna Krüger",
        speaker_en="spokeswoman Anna Krüger",
        sentence=1,
        text_en=f"We are negotiating {ATTACK}.",
    )
    sentences = [
        Sentence(0, 0, first, 0, len(first), en="The port is at a standstill."),
        Sentence(
            1,
            1,
            second,
            len(first) + 2,
            len(text),
            en=f"Spokeswoman Anna Krüger said: “We are negotiating {ATTACK}.”",
        ),
    ]
    digest = Digest(
        text=text,
        sentences=sentences,
        quotes=[quote],
        key_points=[
            KeyPoint(
                en=f"Spokeswoman Anna Krüger said: “We are negotiating {ATTACK}.”",
                de=second,
                sentences=[1],
                quotes=[quote],
            )
        ],
        removed=[Removed(f"Anzeige {ATTACK}", "advertisement")],
        warnings=[Notice("length-ratio", f"odd {ATTACK}", 0)],
        timings={"clean": 0.01, "total": 0.5},
        models={"translation": "tiny<model>"},
    )
    for name, value in changes.items():
        setattr(digest, name, value)
    return digest


def all_html(digest: Digest) -> str:
    """Return every HTML section of the digest, joined."""
    renderers = (
        summary_html,
        key_points_html,
        quotes_html,
        side_by_side_html,
        removed_html,
        warnings_html,
        timings_html,
    )
    return "".join(render(digest) for render in renderers)


def test_article_text_is_escaped_in_every_html_section() -> None:
    """No markup from the article survives as markup: `<img>` and `<script>` stay text."""
    page = all_html(make_digest(summary=[f"Summary {ATTACK}"]))
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_markdown_escapes_markup() -> None:
    """The Markdown download escapes HTML syntax in article text."""
    markdown = to_markdown(make_digest(summary=["Kurz <b>"]))
    assert not re.search(r"(?<!\\)<", markdown)
    assert "\\<img src=x onerror=alert(1)\\>" in markdown
    assert "\n## Summary\n\n- Kurz \\<b\\>\n" in markdown


def test_side_by_side_marks_quotes_by_offset_and_key_sentences() -> None:
    """The German quote is marked where quotes.py found it; key point rows carry a star."""
    page = side_by_side_html(make_digest())
    assert page.count('<tr id="kp-s-') == 2
    assert '„<mark class="kp-quote">Wir verhandeln &lt;img' in page
    assert '<mark class="kp-quote">“We are negotiating' in page
    assert "2 ★" in page and 'class="kp-para kp-key"' in page
    assert "1 ⚠" in page


def test_side_by_side_of_a_partial_translation_shows_gaps() -> None:
    """Sentences a key-points-only digest did not translate show a dash."""
    digest = make_digest(translation="partial")
    digest.sentences[0].en = ""
    page = side_by_side_html(digest)
    assert "English (key points only)" in page and '<span class="kp-muted">—</span>' in page


def test_key_points_name_speakers_and_hold_the_german_source() -> None:
    """A key point shows its speakers and its German sentence behind a disclosure."""
    page = key_points_html(make_digest())
    assert '<span class="kp-speaker">spokeswoman Anna Krüger</span>' in page
    assert "<details><summary>German source (sentence 2)</summary>" in page
    assert '<mark class="kp-quote">“We are negotiating' in page


def test_quotes_table_has_speaker_role_and_both_languages() -> None:
    """The quotes table shows speaker, role, English quote and German original."""
    page = quotes_html(make_digest())
    assert "Quotes (1)" in page
    assert "<td>spokeswoman</td>" in page
    assert "We are negotiating &lt;img" in page and "Wir verhandeln &lt;img" in page


def test_unattributed_quote_and_empty_sections_are_said_not_left_blank() -> None:
    """Missing speakers, key points and quotes are said, not left blank."""
    digest = make_digest(key_points=[], warnings=[], removed=[])
    digest.quotes[0].speaker = digest.quotes[0].speaker_en = None
    assert "unattributed" in quotes_html(digest)
    assert "No key points found." in key_points_html(digest)
    assert "No quotes found." in quotes_html(make_digest(quotes=[]))
    assert warnings_html(digest) == "" and summary_html(digest) == ""
    assert "Cleaning removed nothing." in removed_html(digest)


def test_described_quote_without_an_english_description_says_unnamed_speaker() -> None:
    quote = Quote("Wir kommen", 0, 10, speaker_mention="er", attribution="described")
    assert quote_line(quote).startswith("**unnamed speaker** (described")
    quote.speaker_en = "a witness"
    assert quote_line(quote).startswith("**a witness** (described")


def test_warnings_link_to_their_sentence() -> None:
    """A warning about a sentence links to that sentence's row."""
    assert '<a href="#kp-s-1">Sentence 1</a> — odd &lt;img' in warnings_html(make_digest())


def test_mark_spans_escapes_and_ignores_overlaps() -> None:
    """Overlapping or empty spans never duplicate or drop text."""
    html = mark_spans("a<b>c", [(1, 4), (2, 3), (5, 5)])
    assert html == 'a<mark class="kp-quote">&lt;b&gt;</mark>c'


def test_speaker_role_takes_the_name_out() -> None:
    """The role is the English speaker line without the name and its punctuation."""
    quote = Quote("x", 0, 1, speaker="Andriy Yermak", speaker_en="Andriy Yermak, Zelensky's aide")
    assert speaker_role(quote) == "Zelensky's aide"
    assert speaker_role(Quote("x", 0, 1, speaker="Singh", speaker_en="Singh")) == ""
    assert speaker_role(Quote("x", 0, 1, speaker=None, speaker_en="someone")) == ""


def test_markdown_escapes_block_starts_but_keeps_ordinary_punctuation() -> None:
    """Only what would start a list or heading at a line start is escaped; hyphens and dots stay."""
    assert escape("Pentagon-Sprecherin sagte 4.5 mehr.") == "Pentagon-Sprecherin sagte 4.5 mehr."
    assert escape("- Liste\n1. Platz\n# Titel") == "\\- Liste\n1\\. Platz\n\\# Titel"


PROVENANCE = Provenance(
    source="hafen.txt",
    title="Hafenstreik in Hamburg: Verdi ruft zum Ausstand auf",
    options={"key_points": 5, "scope": "full", "num_beams": 4, "clean_input": True},
    version="0.1.0",
    model="Helsinki-NLP/opus-mt-de-en",
    revision="main",
    engine="transformers",
    created="2026-12-06T10:00:00+00:00",
)


def test_timings_line_uses_the_names_a_reader_says() -> None:
    digest = make_digest(timings={"clean": 0.01, "key_points": 0.002, "translate": 1.5})
    assert timings_line(digest) == "cleaning 0.01 s · key points 0.00 s · translation 1.50 s"
    assert "key_points" not in timings_html(digest)


def test_key_point_german_source_marks_typographic_english_style_quotes_by_offset() -> None:
    """A German quote written “…” is marked in the key point's source as in the side by side."""
    sentence = "Krüger sagte: “Wir streiken weiter.”"
    start = sentence.index("“") + 1
    quote = Quote("Wir streiken weiter.", start, sentence.index("”"), speaker="Krüger")
    digest = Digest(
        text=sentence,
        sentences=[Sentence(0, 0, sentence, 0, len(sentence), en="Krüger said.")],
        quotes=[quote],
        key_points=[KeyPoint(en="Krüger said.", de=sentence, sentences=[0], quotes=[quote])],
    )
    page = key_points_html(digest)
    assert '“<mark class="kp-quote">Wir streiken weiter.</mark>”' in page


def test_markdown_opens_with_the_headline_and_provenance() -> None:
    markdown = to_markdown(make_digest(provenance=PROVENANCE))
    head = markdown.split("## ", 1)[0]
    assert head.startswith("# Hafenstreik in Hamburg: Verdi ruft zum Ausstand auf\n")
    for expected in (
        "**Source:** hafen.txt",
        "key points: 5, translated: full, beams: 4, cleaning: on",
        "Helsinki-NLP/opus-mt-de-en (main), engine transformers",
        "**kernpunkt:** 0\\.1.0",
        "2026-12-06T10:00:00+00:00",
    ):
        assert expected in head


def test_provenance_round_trips_in_the_json_and_old_json_still_loads() -> None:
    digest = make_digest(provenance=PROVENANCE)
    assert Digest.from_json(digest.to_json()) == digest
    old = digest.to_dict()
    del old["provenance"]
    assert Digest.from_dict(old).provenance == Provenance()


def test_provenance_html_is_escaped() -> None:
    page = provenance_html(make_digest(provenance=Provenance(source=ATTACK, title="T")))
    assert "<img" not in page and "&lt;img" in page


def test_download_name_is_headline_and_date() -> None:
    digest = make_digest(provenance=PROVENANCE)
    assert (
        download_name(digest, ".md")
        == "2026-12-06-hafenstreik-in-hamburg-verdi-ruft-zum-ausstand-auf.md"
    )
    assert slug("Größe über alles!") == "groesse-ueber-alles"
    assert download_name(make_digest(), ".json") == "kernpunkt-digest.json"


def test_quotes_csv_has_speaker_role_english_german_sentence() -> None:
    import csv

    rows = list(csv.reader(quotes_csv([make_digest()]).splitlines()))
    assert rows[0] == [
        "speaker",
        "role",
        "english",
        "german",
        "sentence",
        "attribution",
        "confidence",
    ]
    assert rows[1][:2] == ["spokeswoman Anna Krüger", "spokeswoman"]
    assert rows[1][3].startswith("Wir verhandeln") and rows[1][4] == "2"
    several = list(csv.reader(quotes_csv([make_digest()] * 2, sources=["a", "b"]).splitlines()))
    assert [row[0] for row in several] == ["source", "a", "b"]


def test_warnings_are_summarised_by_kind_in_one_line() -> None:
    notices = [Notice("length-ratio", "odd", 0)] * 3 + [Notice("repetition", "loop", 1)]
    page = warnings_html(make_digest(warnings=notices))
    assert "⚠ 4 warnings</b> (3 × length-ratio, 1 × repetition)" in page
    assert page.startswith('<details class="kp-section kp-warnings">')


def test_quotes_table_offers_a_speaker_filter_and_key_points_name_their_speakers() -> None:
    digest = make_digest()
    assert 'data-speaker="spokeswoman Anna Krüger"><td><button class="kp-filter"' in quotes_html(
        digest
    )
    assert '<li class="kp-point" data-speakers="spokeswoman Anna Krüger">' in key_points_html(
        digest
    )
