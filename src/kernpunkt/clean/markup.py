"""HTML input: sniffing, decoding, trafilatura's main text and the page's visible text."""

from __future__ import annotations

import re

from kernpunkt.clean.lines import Line, normalise
from kernpunkt.clean.rules import page_lines
from kernpunkt.errors import BinaryInputError, InputTooLongError

# --- limits ---------------------------------------------------------------------------------

# Input beyond this is refused rather than parsed: parsing time grows with size (news pages are
# 50 kB to 1 MB, the largest seen about 3 MB with inline scripts; 5 MB take about 10 s). The
# pipeline passes `limits.max_raw_chars` instead; this is the default of direct callers.
MAX_HTML_CHARS = 5_000_000

# The meta description is found on the page by its first characters (it may be cut short).
LEAD_PROBE_CHARS = 60

# Whether a paste is HTML is decided on its beginning.
HTML_SNIFF_CHARS = 20_000
HTML_START = re.compile(r"^\s*(?:<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|article|section|br|a|li|ul|h[1-6])\b", re.IGNORECASE
)
MIN_HTML_TAGS = 5
HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form")
# lxml (libxml2) stops parsing at 256 nested elements and loses the rest of the page; deeper
# markup is flattened first. Elements with optional or no end tags do not nest in a parser.
MAX_HTML_DEPTH = 200
START_OR_END_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
UNNESTED = frozenset(
    """p li dt dd tr td th option thead tbody tfoot colgroup area base br col embed hr img input
    link meta source track wbr""".split()
)
# Flattening keeps these elements (text blocks that do not nest); other blocks become line
# breaks and inline elements vanish.
FLAT_KEPT = frozenset(
    "html head title body meta p h1 h2 h3 h4 h5 h6 li br script style noscript template".split()
)
HTML_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
    "main",
)


def decode_html(data: bytes, max_bytes: int = MAX_HTML_CHARS) -> str:
    """Return HTML bytes as text in their declared or guessed encoding (utf-8, latin-1, …)."""
    from trafilatura.utils import decode_file

    if len(data) > max_bytes:
        raise InputTooLongError(
            f"the HTML has {len(data):,} bytes, more than the limit of {max_bytes:,}; "
            "save the page as text (select all, copy) and clean that instead"
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInputError("the input holds NUL bytes: it is a binary file, not HTML")
    return decode_file(data, max_size=max_bytes)


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document or fragment rather than pasted text."""
    head = text[:HTML_SNIFF_CHARS]
    return bool(HTML_START.match(head)) or len(HTML_TAG.findall(head)) >= MIN_HTML_TAGS


def nesting_depth(markup: str) -> int:
    """Return how deep the elements of `markup` nest, counting start against end tags."""
    depth = deepest = 0
    for match in START_OR_END_TAG.finditer(markup):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in UNNESTED:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flatten(markup: str) -> str:
    """Return `markup` with its nesting undone where a parser would give up on it.

    Text blocks stay, other block elements become line breaks and inline elements vanish, so
    nothing is deeper than a paragraph in the body.
    """
    if nesting_depth(markup) <= MAX_HTML_DEPTH:
        return markup

    def replace(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name in FLAT_KEPT:
            return match.group()
        return "<br>" if name in HTML_BLOCKS else ""

    return START_OR_END_TAG.sub(replace, markup)


def main_text_lines(markup: str) -> list[Line] | None:
    """Return the lines of the main text trafilatura finds in HTML (headline first), or None."""
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        markup, include_comments=False, with_metadata=True, output_format="python"
    )
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        return None
    lines = page_lines(document.text)
    lead = visible_lead(markup, document.description or "")
    if lead and not any(lead[:LEAD_PROBE_CHARS] in line.text for line in lines):
        lines.insert(0, Line(lead))
    title = normalise(document.title or "").strip()
    if title and lines[0].text != title:
        lines.insert(0, Line(title))
    return lines


def visible_lead(markup: str, description: str) -> str | None:
    """Return the page's lead paragraph when the page shows its meta description as text.

    trafilatura often leaves out the standfirst printed between headline and body; where the
    meta description is that standfirst, it is on the page as a paragraph of its own.
    """
    probe = " ".join(normalise(description).split())[:LEAD_PROBE_CHARS]
    if len(probe) < LEAD_PROBE_CHARS:
        return None
    for raw in html_to_text(markup).split("\n"):
        line = " ".join(normalise(raw).split())
        if line.startswith(probe):
            return line
    return None


def html_to_text(markup: str) -> str:
    """Return all visible text of HTML, one line per block element."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(markup)
    except (ParserError, ValueError):
        return ""
    # Collected first: dropping an element while iterating skips the one after it.
    for element in list(tree.iter(*HTML_DROP)):
        element.drop_tree()
    for element in tree.iter(*HTML_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()
