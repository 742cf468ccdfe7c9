"""Render a Digest as Markdown for the terminal, files and the web UI."""

from __future__ import annotations

import re

from kernpunkt.document import Digest, Quote

# Markdown and HTML syntax characters in article text must show as themselves.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Headings, quotes and list items start only at the beginning of a line ("- ", "1. ", "# ").
BLOCK_START = re.compile(r"^(\s*)([#+-])", re.MULTILINE)
ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
# Punctuation and spaces left at either end of a role once the name is taken out.
ROLE_TRIM = re.compile(r"^[\s,;:–—-]+|[\s,;:–—-]+$")


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
    missing = "speaker unclear" if quote.attribution == "unclear" else "unattributed"
    speaker = quote.speaker_en or quote.speaker or missing
    english = quote.text_en or "(not translated)"
    how = f"{quote.attribution}, confidence {quote.confidence:.2f}"
    return f"**{escape(speaker)}** ({how}): “{escape(english)}” — _„{escape(quote.text)}“_"


def to_markdown(digest: Digest) -> str:
    """Return the digest as a Markdown document: key points, quotes, translation, notes."""
    lines = []
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
    return "\n".join(lines) + "\n"
