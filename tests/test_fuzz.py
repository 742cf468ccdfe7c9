"""Property-based fuzzing: hostile or unlucky input gets a result or kernpunkt's own error.

Each stage (cleaning, segmentation, quotes, file reading, the whole pipeline on the tiny
model) meets arbitrary Unicode, control characters, floods of quotation marks, unbalanced and
nested marks, one very long line, mixed scripts, deep or bloated HTML and wrongly decoded
bytes. Whatever comes back keeps exact offsets, and every sentence of a digest has a
translation or a flag. Example counts are bounded (and derandomised) to keep CI short.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kernpunkt import clean, segment
from kernpunkt.config import load_config
from kernpunkt.document import Digest, Quote, Sentence
from kernpunkt.errors import KernpunktError
from kernpunkt.quotes import attribute, find_quotes
from kernpunkt.sources.files import READERS, Reading, to_text

T = TypeVar("T")

READ = Reading(load_config().limits)
# Bounded runs: a fixed example order, no per-example deadline (tests never assert on time).
FAST = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(FAST, max_examples=12)
MARKS = "„“”‚‘’»«›‹\"'「」"
WORDS = (
    "Der Minister sagte , . : ; ! ? – ( ) … er sie sei habe nicht laut zufolge Meier "
    "Bundesregierung Sprecherin erklärte betonte 3. Oktober 2024 ß ü Ä z.B. Dr. "
).split()
# Text that looks like news with the marks in hostile places, and text of any code points.
NEWSY = st.lists(
    st.sampled_from(WORDS) | st.sampled_from(list(MARKS)) | st.sampled_from(["\n", "\n\n"]),
    max_size=80,
).map(" ".join)
ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
# A UTF-8 article read as Windows-1252 or Latin-1: "GrÃ¼ÃŸe".
MOJIBAKE = NEWSY.map(lambda text: text.encode().decode("cp1252", errors="replace"))
TEXTS = st.one_of(NEWSY, ANY, MOJIBAKE, st.tuples(NEWSY, ANY, NEWSY).map("".join))

SENTENCE = "Der Minister sagte am Montag in Berlin, die Gespräche würden fortgesetzt."
HOSTILE = {
    "quotation marks 10,000": "„" * 10_000,
    "straight quotes 10,000": '"' * 10_000,
    "pairs 5,000": "„“" * 5_000,
    "unbalanced": "„„„ sagte er“ »«« ‚ „Nein, sagte Meier. » „ “ “ “",
    "nested": "„Er sagte: »Nein, ‚nie‘, niemals«“, so Meier. ‚„»«“‘",
    "one 200,000-character line": (SENTENCE + " „Ja“, sagte Meier. ") * 2_200,
    "mixed scripts": f"{SENTENCE} 習近平 sagte „Мир“ und «مرحبا» 😀 שלום עולם. ",
    "control characters": f"\x00\x01\x1b[31m{SENTENCE}\x7f\x0b\x0c\u2028\u2029\ufeff",
    "wrongly decoded": SENTENCE.encode().decode("latin-1") + " GrÃ¼ÃŸe aus KÃ¶ln, sagte er.",
    "deep HTML": "<div>" * 3_000 + f"<p>{SENTENCE}</p>" + "</div>" * 3_000,
    "huge attribute": f'<html><body><p title="{"x" * 300_000}">{SENTENCE}</p></body></html>',
    "only punctuation": "… – !? «» ‚‘ ( ) ; : " * 100,
}


def hostile(test: Callable[..., Any]) -> Callable[..., Any]:
    """Add every hostile text as an explicit example, run on every run."""
    for text in HOSTILE.values():
        test = example(text)(test)
    return test


def outcome(stage: Callable[..., T], *args: Any) -> T | None:
    """Return what `stage` returns, None for one of kernpunkt's errors; anything else fails."""
    try:
        return stage(*args)
    except KernpunktError:
        return None


def check_sentences(text: str, sentences: list[Sentence]) -> None:
    """Offsets are exact, in order, without overlap, and cover every non-blank character."""
    covered = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number
        assert text[sentence.start : sentence.end] == sentence.de
        assert sentence.start >= covered and sentence.de.strip() == sentence.de != ""
        assert not text[covered : sentence.start].strip()
        covered = sentence.end
    assert not text[covered:].strip()


def check_quotes(text: str, quotes: list[Quote], sentences: list[Sentence] | None) -> None:
    """Each quote's offsets hold its text, and its sentence holds its start."""
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if sentences is not None and quote.sentence is not None:
            holder = sentences[quote.sentence]
            assert holder.start <= quote.start <= holder.end


@hostile
@given(TEXTS)
@FAST
def test_cleaning_returns_a_body_or_kernpunkts_error(text: str) -> None:
    """Cleaning any text gives a body and its removals, or kernpunkt's error."""
    cleaned = outcome(clean.clean, text)
    if cleaned is not None:
        assert isinstance(cleaned.text, str)
        assert all(isinstance(removed.reason, str) for removed in cleaned.removed)


@hostile
@given(TEXTS)
@FAST
def test_segmentation_offsets_are_exact_and_cover_the_text(text: str) -> None:
    """Sentences of any text sit exactly at their offsets and leave nothing out."""
    check_sentences(text, segment.segment(text))


@hostile
@given(TEXTS)
@FAST
def test_quotes_keep_exact_offsets_on_any_text(text: str) -> None:
    """find_quotes and attribute never fail, and every quote sits at its offsets."""
    check_quotes(text, find_quotes(text), None)
    sentences = segment.segment(text)
    check_quotes(text, attribute(text, sentences), sentences)


@pytest.mark.parametrize("text", ["„ “", "»  «", "Er sagte: „ “"])
def test_quotation_marks_around_blanks_give_no_inverted_quote(text: str) -> None:
    """Marks enclosing only blanks are no quote, and never one that ends before it starts."""
    for quote in find_quotes(text):
        assert quote.start <= quote.end and quote.text


def corrupted(document: bytes, flips: list[tuple[int, int]]) -> bytes:
    """Return `document` with the bytes at the given positions replaced."""
    data = bytearray(document)
    for position, value in flips:
        data[position % len(data)] = value
    return bytes(data)


def small_docx() -> bytes:
    """Return a minimal Word document."""
    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(SENTENCE)
    document.save(out)
    return out.getvalue()


DOCX = small_docx()
FLIPS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=8)


@example(b"", ".txt")
@example(b"PK\x03\x04" + b"\0" * 100, ".docx")
@example(b"%PDF-1.4\n" + b"1 0 obj << /Type /Catalog >>" * 100, ".pdf")
@example(zipfile.ZIP_DEFLATED.to_bytes(4, "little") * 50, ".docx")
@given(st.binary(max_size=2_000) | TEXTS.map(str.encode), st.sampled_from(sorted(READERS)))
@FAST
def test_reading_any_bytes_as_any_kind_gives_text_or_kernpunkts_error(
    data: bytes, suffix: str
) -> None:
    """Random bytes under every supported suffix: text or kernpunkt's error."""
    text = outcome(to_text, data, suffix, READ)
    assert text is None or text.strip()


@given(FLIPS)
@settings(FAST, max_examples=30)
def test_reading_a_corrupted_word_document_gives_text_or_kernpunkts_error(
    flips: list[tuple[int, int]],
) -> None:
    """A Word document with damaged bytes is read or refused with kernpunkt's error."""
    outcome(to_text, corrupted(DOCX, flips), ".docx", READ)


def check_digest(digest: Digest) -> None:
    """Offsets into the digest's text are exact; every sentence has English or a flag."""
    check_sentences(digest.text, digest.sentences)
    check_quotes(digest.text, digest.quotes, digest.sentences)
    flagged = {notice.sentence for notice in digest.warnings}
    for sentence in digest.sentences:
        assert sentence.en.strip() or sentence.index in flagged, sentence


@pytest.fixture(scope="module")
def digest_of(pipeline: Any) -> Callable[[str, bool], Digest | None]:
    """Return a function that digests text greedily (short tiny-model runs)."""
    return lambda text, clean_input: outcome(
        lambda: pipeline.digest(text, clean_input=clean_input, num_beams=1)
    )


@given(st.one_of(NEWSY, MOJIBAKE, st.tuples(NEWSY, ANY).map("".join)), st.booleans())
@SLOW
def test_pipeline_gives_a_faithful_digest_or_kernpunkts_error(
    digest_of: Callable[[str, bool], Digest | None], text: str, clean_input: bool
) -> None:
    """The whole pipeline on fuzzed text: a digest that keeps every sentence, or an error."""
    digest = digest_of(text, clean_input)
    if digest is not None:
        check_digest(digest)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_pipeline_on_hostile_text_gives_a_faithful_digest_or_kernpunkts_error(
    digest_of: Callable[[str, bool], Digest | None], name: str
) -> None:
    """Each hostile text, cleaned or not, gives a digest keeping every sentence, or an error."""
    for clean_input in (True, False):
        digest = digest_of(HOSTILE[name], clean_input)
        if digest is not None:
            check_digest(digest)
