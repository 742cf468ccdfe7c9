"""Render a Digest as Markdown, CSV and plain lines for the terminal, files and the web UI."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Sequence

from kernpunkt.document import Digest, Quote

# Markdown and HTML syntax characters in article text must show as themselves.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Headings, quotes and list items start only at the beginning of a line ("- ", "1. ", "# ").
BLOCK_START = re.compile(r"^(\s*)([#+-])", re.MULTILINE)
ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
# Punctuation and spaces left at either end of a role once the name is taken out.
WHITESPACE = re.compile(r"\s+")
ROLE_TRIM = re.compile(r"^[\s,;:–—-]+|[\s,;:–—-]+$")
# what a quote line says where no name can stand, by the quote's attribution
MISSING_SPEAKER = {"unclear": "speaker unclear", "described": "unnamed speaker"}
# What a file name may hold of a headline: ASCII letters and digits, joined by hyphens.
NOT_SLUG = re.compile(r"[^a-z0-9]+")
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
SLUG_WORDS = 8
# The names of the pipeline's timing keys, as a reader says them.
STAGE_LABELS = {
    "clean": "cleaning",
    "segment": "sentences",
    "quotes": "quotes",
    "key_points": "key points",
    "translate": "translation",
    "summary": "summary",
    "total": "total",
}
OPTION_LABELS = {
    "key_points": "key points",
    "scope": "translated",
    "num_beams": "beams",
    "clean_input": "cleaning",
}


def one_line(message: str) -> str:
    """Return `message` with every run of whitespace (line breaks too) as one space."""
    return WHITESPACE.sub(" ", message).strip()


def escape(text: str) -> str:
    """Return `text` with every Markdown/HTML syntax character backslash-escaped."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = ORDERED_ITEM.sub(r"\1\\\2", text)
    return BLOCK_START.sub(r"\1\\\2", text)


def speaker_role(quote: Quote) -> str:
    """Return the role around the speaker's name in the English speaker line, if any.

    "Pentagon spokeswoman Sabrina Singh" with the speaker "Sabrina Singh" gives
    "Pentagon spokeswoman"; a bare name gives "".
    """
    line, name = quote.speaker_en or "", quote.speaker or ""
    if not name or name not in line or line == name:
        return ""
    return ROLE_TRIM.sub("", line.replace(name, " ")).replace("  ", " ")


def quote_line(quote: Quote) -> str:
    """Return “speaker: “quote”” in English, with the German original after it."""
    missing = MISSING_SPEAKER.get(quote.attribution, "unattributed")
    speaker = quote.speaker_en or quote.speaker or missing
    english = quote.text_en or "(not translated)"
    how = f"{quote.attribution}, confidence {quote.confidence:.2f}"
    return f"**{escape(speaker)}** ({how}): “{escape(english)}” — _„{escape(quote.text)}“_"


def stage_label(key: str) -> str:
    """Return the reader's name of a timing key ("key_points" → "key points")."""
    return STAGE_LABELS.get(key, key.replace("_", " "))


def timings_line(digest: Digest) -> str:
    """Return "cleaning 0.12 s · quotes 0.30 s · … · total 4.10 s"."""
    return " · ".join(f"{stage_label(k)} {v:.2f} s" for k, v in digest.timings.items())


def _option(key: str, value: object) -> str:
    """Return one option as "key points: 5", "cleaning: on"."""
    if isinstance(value, bool):
        value = "on" if value else "off"
    return f"{OPTION_LABELS.get(key, key.replace('_', ' '))}: {value}"


def provenance_lines(digest: Digest) -> list[tuple[str, str]]:
    """Return (label, value) pairs saying where the digest came from and how it was made."""
    made = digest.provenance
    model = f"{made.model} ({made.revision})" if made.revision else made.model
    pairs = [
        ("Source", made.source or "unknown"),
        ("Title", made.title),
        ("Options", ", ".join(_option(k, v) for k, v in made.options.items())),
        ("Model", f"{model}, engine {made.engine}" if made.engine else model),
        ("kernpunkt", made.version),
        ("Date", made.created),
    ]
    return [(label, value) for label, value in pairs if value]


def slug(text: str) -> str:
    """Return the first words of `text` as an ASCII file name part ("bahn-streik-in-koeln")."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(GERMAN_LETTERS))
    words = NOT_SLUG.sub(" ", folded.encode("ascii", "ignore").decode()).split()
    return "-".join(words[:SLUG_WORDS])


def download_name(digest: Digest, extension: str) -> str:
    """Return a file name from the headline and date: "2026-12-06-hafenstreik-in-hamburg.md"."""
    parts = [digest.provenance.created[:10], slug(digest.provenance.title) or "kernpunkt-digest"]
    return "-".join(part for part in parts if part) + extension


# The quotes CSV: one place for its columns, each a header and how to read it off a quote.
QUOTE_COLUMNS: tuple[tuple[str, Callable[[Quote], object]], ...] = (
    ("speaker", lambda q: q.speaker_en or q.speaker or ""),
    ("role", speaker_role),
    ("english", lambda q: q.text_en),
    ("german", lambda q: q.text),
    ("sentence", lambda q: "" if q.sentence is None else q.sentence + 1),
    ("attribution", lambda q: q.attribution),
    ("confidence", lambda q: f"{q.confidence:.2f}"),
)


def quotes_csv(digests: Sequence[Digest], sources: Sequence[str] | None = None) -> str:
    """Return the quotes of `digests` as CSV; with `sources`, a first column names each digest's."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    headers = [name for name, _ in QUOTE_COLUMNS]
    writer.writerow(["source", *headers] if sources else headers)
    for number, digest in enumerate(digests):
        for quote in digest.quotes:
            row = [read(quote) for _, read in QUOTE_COLUMNS]
            writer.writerow([sources[number], *row] if sources else row)
    return out.getvalue()


def header_markdown(digest: Digest) -> list[str]:
    """Return the digest's title and provenance as the opening lines of its Markdown."""
    title = digest.provenance.title or "kernpunkt digest"
    lines = [f"# {escape(title)}", ""]
    lines += [
        f"- **{label}:** {escape(value)}"
        for label, value in provenance_lines(digest)
        if label != "Title"
    ]
    return [*lines, ""]


def to_markdown(digest: Digest) -> str:
    """Return the digest as a Markdown document: provenance, key points, quotes, translation."""
    lines = header_markdown(digest)
    if digest.summary:
        lines += ["## Summary", ""]
        lines += [f"- {escape(line)}" for line in digest.summary]
        lines.append("")
    lines += ["## Key points", ""]
    lines += [f"- {escape(point.en)}" for point in digest.key_points]
    if digest.quotes:
        lines += ["", "## Quotes", ""]
        lines += [f"- {quote_line(q)}" for q in digest.quotes]
    title = "Translation" if digest.translation == "full" else "Translation (key points only)"
    lines += ["", f"## {title}", ""]
    paragraph = None
    for sentence in digest.sentences:
        if not sentence.en:
            continue
        if paragraph is not None and sentence.paragraph != paragraph:
            lines.append("")
        lines.append(escape(sentence.en))
        paragraph = sentence.paragraph
    if digest.warnings:
        lines += ["", "## Warnings", ""]
        for notice in digest.warnings:
            where = f"sentence {notice.sentence + 1}: " if notice.sentence is not None else ""
            lines.append(f"- {where}{escape(notice.message)}")
    if digest.removed:
        lines += ["", f"## Removed by cleaning ({len(digest.removed)} blocks)", ""]
        lines += [
            f"- _{r.reason}_: {escape(' / '.join(r.text.splitlines()))}" for r in digest.removed
        ]
    if digest.timings:
        lines += ["", f"_Timings: {timings_line(digest)}_"]
    return "\n".join(lines) + "\n"
