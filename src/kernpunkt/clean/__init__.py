"""Cleaning: keep the article body of pasted text or HTML, and say what else was removed and why.

Pasted text has no markup to lean on, so every line is judged on its own (length, share of
German function words, German boilerplate phrases) and then in context, in the spirit of
jusText. The body is found in one of two ways: by default a line classifier over the sequence
of lines, with the rules as features and several body stretches allowed (classifier.py); or
the densest run of paragraph-like lines, widened upwards to the headline and the lead and
downwards over subheads, while runs of short lines, teaser lists, appeals and shop calls end it
(region.py). Hard-wrapped text is rejoined first (lines.py). HTML goes through trafilatura
first, then through the same line rules (markup.py).
"""

from __future__ import annotations

from typing import Literal

from kernpunkt.clean.classifier import select_lines
from kernpunkt.clean.lines import Line
from kernpunkt.clean.markup import (
    MAX_HTML_CHARS,
    decode_html,
    flatten,
    html_to_text,
    looks_like_html,
    main_text_lines,
)
from kernpunkt.clean.region import select_body
from kernpunkt.clean.rules import judge, page_lines, repeat_key
from kernpunkt.document import Cleaned, Removed
from kernpunkt.errors import NothingLeftError
from kernpunkt.sources.inputs import check_raw

__all__ = ["MAX_HTML_CHARS", "InputKind", "Method", "clean", "decode_html", "looks_like_html"]

InputKind = Literal["auto", "text", "html"]
Method = Literal["rules", "classifier"]

# A repeated body line this long is a copy (a teaser of the lead); shorter ones ("Fazit") may recur.
MIN_REPEAT_WORDS = 3


def clean(
    text: str,
    *,
    kind: InputKind = "auto",
    max_html_chars: int = MAX_HTML_CHARS,
    method: Method = "classifier",
) -> Cleaned:
    """Return the article body of pasted text or HTML, with the removed blocks and reasons.

    `method` says how the body of pasted text is found: "rules" (the densest run) or
    "classifier" (the line classifier); in HTML, trafilatura finds it.
    """
    check_raw(text, max_html_chars)
    if kind == "html" or (kind == "auto" and looks_like_html(text)):
        text = flatten(text)
        lines = main_text_lines(text)
        if lines is not None:
            judge(lines)
            return assemble(lines, [line.body for line in lines])
        text = html_to_text(text)
    # Without trafilatura's choice, the lines are a whole page and the body has to be found.
    lines = page_lines(text)
    judge(lines)
    return assemble(lines, select_lines(lines) if method == "classifier" else select_body(lines))


def assemble(lines: list[Line], keep: list[bool]) -> Cleaned:
    """Join the kept lines into paragraphs and group the rest into removed blocks."""
    body: list[str] = []
    seen: set[str] = set()
    removed: list[Removed] = []
    for line, kept in zip(lines, keep, strict=True):
        key = repeat_key(line.text)
        if kept and key in seen and len(key.split()) >= MIN_REPEAT_WORDS:
            reason = "duplicate"
        elif kept:
            body.append(line.text)
            seen.add(key)
            continue
        else:
            reason = line.reason or ("outside-article" if line.good else "navigation")
        if removed and removed[-1].reason == reason:
            removed[-1].text += "\n" + line.text
        else:
            removed.append(Removed(line.text, reason))
    if not body:
        raise NothingLeftError(
            "cleaning removed everything: every block looked like boilerplate (ads, menus, "
            "appeals); digest the text uncleaned: clean_input=False in Python, --no-clean on the "
            "command line, or untick 'Remove ads, credits and appeals' in the web UI"
        )
    return Cleaned("\n\n".join(body), removed)
