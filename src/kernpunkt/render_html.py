"""Render a Digest as HTML fragments for the web UI; every piece of article text is escaped."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from html import escape

from kernpunkt.document import Digest, KeyPoint, Notice, Quote, Sentence
from kernpunkt.render import provenance_lines, speaker_role, timings_line

# Quoted words in English text (the translator writes typographic marks) and in German text.
ENGLISH_QUOTE = re.compile(r"“[^“”]*”")
GERMAN_QUOTE = re.compile(r"„[^„“]*“|»[^»«]*«")
QUOTE_MARK = '<mark class="kp-quote">{}</mark>'
MISSING = '<span class="kp-muted">—</span>'


def _section(title: str, body: str, css_class: str) -> str:
    """Return a titled section of the digest."""
    return f'<section class="kp-section {css_class}"><h3>{escape(title)}</h3>{body}</section>'


def _table(headers: Iterable[str], rows: Iterable[str], css_class: str) -> str:
    """Return a table with escaped `headers` and already rendered `rows`."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(rows)
    return (
        f'<table class="kp-table {css_class}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def mark_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return `text` escaped, with the character ranges `spans` wrapped as quotes."""
    parts: list[str] = []
    position = 0
    for span_start, end in sorted(spans):
        start = max(span_start, position)  # an overlapping span is marked from where the last ended
        if start >= end:
            continue
        parts += [escape(text[position:start]), QUOTE_MARK.format(escape(text[start:end]))]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def mark_pattern(text: str, pattern: re.Pattern[str]) -> str:
    """Return `text` escaped, with every match of `pattern` wrapped as a quote."""
    return mark_spans(text, (m.span() for m in pattern.finditer(text)))


def mark_german(digest: Digest, sentence: Sentence) -> str:
    """Return a German sentence escaped, with the quotes found in it marked by their offsets."""
    if digest.text[sentence.start : sentence.end] != sentence.de:
        return mark_pattern(sentence.de, GERMAN_QUOTE)
    spans = [
        (max(q.start, sentence.start) - sentence.start, min(q.end, sentence.end) - sentence.start)
        for q in digest.quotes
        if q.start < sentence.end and q.end > sentence.start
    ]
    return mark_spans(sentence.de, spans)


def _speaker(quote: Quote) -> str:
    """Return the quote's English speaker line, escaped, or a muted "unattributed"."""
    name = quote.speaker_en or quote.speaker
    if not name:
        return '<span class="kp-muted">unattributed</span>'
    return f'<span class="kp-speaker">{escape(name)}</span>'


def _quote_speaker(quote: Quote, digest: Digest) -> str:
    """Return the speaker cell of a quote: the name and how it was found, or "speaker unclear".

    An unclear quote shows the German sentence around it one click away.
    """
    if quote.attribution != "unclear":
        how = f"{quote.attribution}, confidence {quote.confidence:.2f}"
        return f'{_filter_button(quote)} <span class="kp-muted">({how})</span>'
    where = next((s.de for s in digest.sentences if s.index == quote.sentence), quote.text)
    return (
        f'<details><summary class="kp-muted">speaker unclear</summary>'
        f'<span lang="de">{escape(where)}</span></details>'
    )


def _sentence_range(indices: list[int]) -> str:
    """Return "sentence 3" or "sentences 3–5" for 0-based sentence indices."""
    if len(indices) == 1:
        return f"sentence {indices[0] + 1}"
    return f"sentences {indices[0] + 1}–{indices[-1] + 1}"


def _point_german(digest: Digest, point: KeyPoint) -> str:
    """Return a key point's German source with its quotes marked by their offsets."""
    by_index = {s.index: s for s in digest.sentences}
    sentences = [by_index[i] for i in point.sentences if i in by_index]
    if " ".join(s.de for s in sentences) != point.de:
        return mark_pattern(point.de, GERMAN_QUOTE)
    return " ".join(mark_german(digest, s) for s in sentences)


def _speaker_key(quote: Quote) -> str:
    """Return the name the speaker filter matches a quote by (empty when unattributed)."""
    return quote.speaker_en or quote.speaker or ""


def _key_point(digest: Digest, point: KeyPoint) -> str:
    """Return one key point: English text with quotes marked, speakers, German source."""
    speakers = ""
    if point.quotes:
        names = ", ".join(dict.fromkeys(_speaker(q) for q in point.quotes))
        speakers = f'<div class="kp-speakers">Quoted: {names}</div>'
    keys = "|".join(dict.fromkeys(_speaker_key(q) for q in point.quotes))
    where = _sentence_range(point.sentences) if point.sentences else "source"
    return (
        f'<li class="kp-point" data-speakers="{escape(keys)}">'
        f'<div class="kp-en">{mark_pattern(point.en, ENGLISH_QUOTE)}</div>'
        f"{speakers}<details><summary>German source ({where})</summary>"
        f'<p class="kp-de" lang="de">{_point_german(digest, point)}</p></details></li>'
    )


def summary_html(digest: Digest) -> str:
    """Return the abstractive summary, or nothing when the digest has none."""
    if not digest.summary:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in digest.summary)
    return _section("Summary", f"<ul>{items}</ul>", "kp-summary")


def key_points_html(digest: Digest) -> str:
    """Return the key points, each with its speakers and a way to see the German source."""
    if not digest.key_points:
        return _section("Key points", '<p class="kp-muted">No key points found.</p>', "kp-keys")
    items = "".join(_key_point(digest, point) for point in digest.key_points)
    copy = '<button class="kp-copy" type="button">Copy key points</button>'
    return _section("Key points", f'{copy}<ol class="kp-points">{items}</ol>', "kp-keys")


def quotes_html(digest: Digest) -> str:
    """Return the quotes as a table: speaker, role, English quote, German original."""
    if not digest.quotes:
        return _section("Quotes", '<p class="kp-muted">No quotes found.</p>', "kp-quotes")
    rows = [
        f'<tr data-speaker="{escape(_speaker_key(q))}"><td>{_quote_speaker(q, digest)}</td>'
        f"<td>{escape(speaker_role(q))}</td>"
        f"<td>{escape(q.text_en) if q.text_en else MISSING}</td>"
        f'<td lang="de">{escape(q.text)}</td></tr>'
        for q in digest.quotes
    ]
    table = _table(("Speaker", "Role", "Quote (English)", "Original (German)"), rows, "kp-quotes")
    shown = (
        '<p class="kp-filter-note kp-muted" hidden>Showing the quotes and key points of '
        '<b class="kp-filter-name"></b> · <button class="kp-filter-clear" type="button">'
        "show all</button></p>"
    )
    return _section(f"Quotes ({len(digest.quotes)})", shown + table, "kp-quotes")


def _filter_button(quote: Quote) -> str:
    """Return the speaker cell: a button that shows only this speaker's quotes and key points."""
    if not _speaker_key(quote):
        return _speaker(quote)
    return (
        f'<button class="kp-filter" type="button" title="Show only this speaker">'
        f"{_speaker(quote)}</button>"
    )


def _sentence_row(
    digest: Digest, sentence: Sentence, *, new_paragraph: bool, key: bool, flagged: bool
) -> str:
    """Return one side-by-side row: number (★ key point, ⚠ warning), German, English."""
    classes = [
        name
        for name, on in (("kp-para", new_paragraph), ("kp-key", key), ("kp-warn", flagged))
        if on
    ]
    number = f"{sentence.index + 1}{' ★' if key else ''}{' ⚠' if flagged else ''}"
    english = mark_pattern(sentence.en, ENGLISH_QUOTE) if sentence.en else MISSING
    return (
        f'<tr id="kp-s-{sentence.index + 1}" class="{" ".join(classes)}">'
        f'<td class="kp-num">{number}</td><td lang="de">{mark_german(digest, sentence)}</td>'
        f"<td>{english}</td></tr>"
    )


def side_by_side_html(digest: Digest) -> str:
    """Return German and English sentence by sentence; quotes and key point sentences marked."""
    key = {i for point in digest.key_points for i in point.sentences}
    flagged = {w.sentence for w in digest.warnings if w.sentence is not None}
    rows = [
        _sentence_row(
            digest,
            sentence,
            new_paragraph=previous is not None and sentence.paragraph != previous.paragraph,
            key=sentence.index in key,
            flagged=sentence.index in flagged,
        )
        for previous, sentence in zip([None, *digest.sentences][:-1], digest.sentences, strict=True)
    ]
    english_title = "English" if digest.translation == "full" else "English (key points only)"
    table = _table(("#", "Deutsch", english_title), rows, "kp-sbs")
    legend = (
        '<p class="kp-legend"><mark class="kp-quote">quote</mark> · ★ key point · '
        "⚠ suspicious translation</p>"
    )
    return (
        '<details class="kp-section kp-side" open><summary><h3>Side by side '
        f"({len(digest.sentences)} sentences)</h3></summary>{legend}{table}</details>"
    )


def removed_html(digest: Digest) -> str:
    """Return what cleaning removed, each block with the reason."""
    if not digest.removed:
        return '<p class="kp-muted">Cleaning removed nothing.</p>'
    items = "".join(
        f'<li><span class="kp-reason">{escape(r.reason)}</span> {escape(r.text)}</li>'
        for r in digest.removed
    )
    return f'<ul class="kp-removed">{items}</ul>'


def _warning(notice: Notice) -> str:
    """Return one warning, linked to its row of the side-by-side view when it has a sentence."""
    if notice.sentence is None:
        return f"<li>{escape(notice.message)}</li>"
    number = notice.sentence + 1
    return f'<li><a href="#kp-s-{number}">Sentence {number}</a> — {escape(notice.message)}</li>'


def warnings_html(digest: Digest) -> str:
    """Return the warnings summarised by kind in one line, the full list folded away."""
    if not digest.warnings:
        return ""
    kinds = Counter(w.code for w in digest.warnings)
    summary = ", ".join(f"{count} × {escape(code)}" for code, count in kinds.most_common())
    items = "".join(_warning(w) for w in digest.warnings)
    return (
        f'<details class="kp-section kp-warnings"><summary><b>⚠ {len(digest.warnings)} '
        f"warnings</b> ({summary}) — show them</summary><ul>{items}</ul></details>"
    )


def provenance_html(digest: Digest) -> str:
    """Return where the digest came from and how it was made, as a definition list."""
    items = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
        for label, value in provenance_lines(digest)
    )
    return f'<dl class="kp-provenance">{items}</dl>' if items else ""


def timings_html(digest: Digest) -> str:
    """Return the seconds each stage took, on one line."""
    models = ", ".join(escape(m) for m in digest.models.values())
    line = escape(timings_line(digest))
    return f'<p class="kp-timings">Timings: {line}{f" — model: {models}" if models else ""}</p>'
