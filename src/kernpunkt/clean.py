"""Cleaning: keep the article body of pasted text or HTML, and say what else was removed and why.

Pasted text has no markup to lean on, so every line is judged on its own (length, share of
German function words, German boilerplate phrases) and then in context, in the spirit of
jusText: the body is the densest run of paragraph-like lines, widened upwards to the headline
and the lead and downwards over subheads, while runs of short lines, teaser lists, appeals and
shop calls end it. HTML goes through trafilatura first, then through the same line rules.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from kernpunkt.document import Cleaned, Removed
from kernpunkt.errors import BinaryInputError, InputTooLongError, NothingLeftError
from kernpunkt.german import STOPWORDS, words
from kernpunkt.sources.inputs import check_raw

InputKind = Literal["auto", "text", "html"]

# --- limits ---------------------------------------------------------------------------------

# Input beyond this is refused rather than parsed: parsing time grows with size (news pages are
# 50 kB to 1 MB, the largest seen about 3 MB with inline scripts; 5 MB take about 10 s). The
# pipeline passes `limits.max_raw_chars` instead; this is the default of direct callers.
MAX_HTML_CHARS = 5_000_000

# --- normalisation --------------------------------------------------------------------------

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte order mark.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# No-break, figure, narrow and other fixed-width spaces, tabs.
ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029\x85]")
MANY_SPACES = re.compile(" {2,}")
# Only complete entities: "&amp;" yes, a bare "AT&T" or "&copy" without semicolon no.
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# "Verkehrs-" at a line end, the word continuing on the next line.
HYPHEN_END = re.compile(r"[^\W\d_]-$")
# After "Sicherheits-" a conjunction means an elided compound ("Sicherheits- und Verteidigungs-").
ELISION_WORDS = frozenset("und oder bis sowie als noch wie bzw beziehungsweise".split())
# A hard-wrapped paste (mail, PDF) has lines of nearly one width; select-all pastes do not.
MAX_WRAP_WIDTH = 110
FULL_LINE_SHARE = 0.6
MIN_WRAPPED_LINES = 4
# A line broken off mid-sentence by a narrow box has at least this many words.
MIN_BROKEN_LINE_WORDS = 6

# --- line features --------------------------------------------------------------------------

# A paragraph has this many words and this share of function words (German prose: 0.35-0.5;
# teaser titles and menus: 0-0.2).
GOOD_MIN_WORDS = 8
GOOD_MIN_DENSITY = 0.2
# A lead or a long caption often lacks final punctuation; this long, it is a paragraph anyway.
LEAD_MIN_WORDS = 20
# Boilerplate phrases decide alone on lines up to this long; longer lines need two of them.
SHORT_PHRASE_WORDS = 60
# Labels, buttons and menu entries are this short.
LABEL_MAX_WORDS = 8
# "Newsletter" decides alone on lines up to this long ("Zum Newsletter").
NEWSLETTER_LABEL_MAX_WORDS = 3
TERMINAL = re.compile(r"[.!?:;\"'\u201c\u201d\u00bb\u00ab\u2019)]$")
# The end of a sentence, perhaps inside quotation marks: "Bis morgen." or „Ja!“
SENTENCE_END = re.compile(r"[.!?][\"'\u201c\u201d\u00bb\u00ab\u2019)]*$")
TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)$")
STARTS_SENTENCE = re.compile(r"^[\"'\u201e\u201c\u201a\u00bb\u00ab(]?[A-ZÄÖÜ0-9]")

# --- boilerplate knowledge ------------------------------------------------------------------

_MONTHS = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\.?"
)
DATE = re.compile(
    rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})\b|{_MONTHS}\s?\d{{4}})"
    r"|\b\d{1,2}[:.]\d{2}\s?Uhr\b|\b\d{4}-\d{2}-\d{2}\b"
)
# Words that surround a date in a dateline: "Veröffentlicht am 5. November 2023, 14:09 Uhr".
DATELINE_LABEL = re.compile(
    r"^(?:Veröffentlicht|Aktualisiert|Zuletzt aktualisiert|Stand|Publiziert|Erstellt|Erschienen"
    r"|Datum|Von|Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag"
    r"|Sonntag)\b",
    re.IGNORECASE,
)
DATELINE_MAX_WORDS = 6
# "Von Tim Ehlers", "Redaktion", "AUTOR/IN": names are capitalised, so this is case-sensitive.
BYLINE = re.compile(
    r"^(?:(?:Von|VON|Text|Autor(?:in)?|Interview|Recherche)\s*:?\s+"
    r"(?:[A-ZÄÖÜ][\w.'-]*,?\s*(?:und\s+|&\s+)?){1,6}"
    r"|(?:Redaktion|Red\.|Autor/in|AUTOR/IN|Autorin|Autor|Autor:innen|Stand|STAND|Lesezeit|dpa"
    r"|AFP|APA|KNA|epd|Reuters|AP|sid|red)\b.{0,40})$"
)
READING_TIME = re.compile(r"^(?:Lesezeit:?\s*)?\d+\s*(?:Min\.?|Minuten)(?:\s*Lesezeit)?$", re.I)
COUNTER = re.compile(r"^[\d\s.,:%+\-\u2212/|]+$")

PHOTO_WORDS = (
    r"(?:Fotos?|Bild(?:er|quelle|rechte|nachweis)?|Fotonachweis|Titel(?:bild|foto)|Beitragsbild"
    r"|Symbol(?:bild|foto)|Archiv(?:bild|foto)|Grafik|Illustration|Screenshots?|Credits?)"
)
# A line that starts with one of these is a credit ("Quelle: dpa"); inside a line only the
# photo words are ("Quelle:" may introduce a figure's source in the text).
CREDIT_WORDS = rf"(?:{PHOTO_WORDS}|Quelle)"
# "Foto:" alone on a line: the credit itself follows on the next line.
CREDIT_LABEL = re.compile(rf"^(?:©\s*)?{CREDIT_WORDS}\s*:?$", re.IGNORECASE)
CREDIT_START = re.compile(rf"^(?:©|\(c\)|©?\s*{CREDIT_WORDS}\s*[:©])", re.IGNORECASE)
# Photo agencies, licences and credit formulas that mark a caption line as a credit.
CREDIT_MARK = re.compile(
    r"©|\bCC[ -]?(?:BY|0)\b|Creative Commons|\((?:Symbol|Archiv)(?:bild|foto)\)"
    rf"|\b{PHOTO_WORDS}\s*(?::|©|von\b)"
    r"|\b(?:picture[ -]alliance|Getty ?Images|imago(?: images)?|IMAGO|Shutterstock|iStock"
    r"|Adobe ?Stock|Unsplash|Pixabay|Wikimedia|dpa-Bildfunk|Keystone)\b",
)
CAPTION_MAX_WORDS = 40
# A credit glued to the end of a body sentence: "…tragen.Foto: Swen Pfoertner/Reuters".
GLUED_CREDIT = re.compile(
    rf"(?<=[.!?\"\u201c\u201d\u00ab])\s*((?:{PHOTO_WORDS}\s*:|©)\s*[^.!?]{{2,100}})$"
    r"|\s(\((?:Fotos?:?\s*|Bild:?\s*)?(?:picture[ -]alliance|dpa|imago|Getty|AFP|Reuters|AP"
    r"|Keystone|Symbolbild|Symbolfoto)[^()]{0,80}\))$",
    re.IGNORECASE,
)
# A copyright footer ("© 2019 MEEDIA GmbH"), unlike "©" before a photographer's name.
COPYRIGHT = re.compile(
    r"©\s*(?:19|20)\d\d|\d{4}\s*©|\bCopyright\b\s*(?:©|\d)|Alle Rechte vorbehalten"
    r"|All Rights Reserved",
    re.IGNORECASE,
)
LEGAL = re.compile(
    r"\bCookies?\b.{0,60}\b(?:akzeptieren|zulassen|erlauben|ablehnen|verwenden|nutzen|setzen"
    r"|Einstellungen)|\b(?:verwenden|benutzt|nutzt|setzt|setzen|nutzen)\b.{0,40}\bCookies\b"
    r"|Cookie-\w+|\w+-Cookies\b|Mit der Nutzung (?:dieser|der|unserer) (?:Website|Webseite|Seite)"
    r"|stimmen Sie .{0,60}\bzu\b|Ihre Einwilligung|Datenschutz(?:erklärung|hinweise"
    r"|einstellungen)|Nutzungsbedingungen|externen? Inhalte",
    re.IGNORECASE,
)
# Footer words that make a short line legal boilerplate.
LEGAL_LABEL = re.compile(r"\b(?:Impressum|AGB|Datenschutz|Barrierefreiheit)\b")
AD_LABEL = re.compile(
    r"^(?:Anzeigen?|Werbung|Sponsored(?: Content)?|Gesponsert|Promotion|Advertorial"
    r"|Partnerinhalt|Paid Content|Produktempfehlung)\s*(?:$|[-:–|])",
    re.IGNORECASE,
)
# Shop calls and price tags of product advertising (also written as plain sentences).
SHOP_CALL = re.compile(
    r"versandkostenfrei|\b(?:jetzt|hier|direkt|gleich|einfach)\s+(?:\w+\s+)?(?:bestellen|kaufen"
    r"|sichern|vorbestellen)\b|\bzu bestellen\b|in den Warenkorb|\bzum Shop\b|Preisreduzierung"
    r"|\bSie sparen\b|\bstatt\s+\d+[.,]\d{2}\s*€|\bvon\s+\d+[.,]\d{2}\s*€\s+auf\s+\d+[.,]\d{2}"
    r"|\d+[.,]\d{2}\s*€\s+reduziert|inkl\.\s*MwSt|zzgl\.\s*Versand|Rabattcode|Gutscheincode"
    r"|Blitzangebot|\bUVP\b|\bjetzt\s+günstig\b|auf (?:diesen|obige[n]?) Links? klicken"
    r"|\b(?:Abo|Probeabo|Testabo|Ausgaben?)\b.{0,30}\b(?:gratis|kostenlos)\b"
    r"|\bgratis (?:erhalten|testen|lesen)\b",
    re.IGNORECASE,
)
# Appeals for money, addressed to the reader ("Wir sind spendenfinanziert." included).
DONATION_APPEAL = re.compile(
    r"\bunterstützen Sie (?:uns|unsere|unseren|die|das|den|\w+ (?:via|per|mit))\b"
    r"|\bunterstütze (?:uns|unsere)\b|\bjetzt (?:unterstützen|spenden)\b"
    r"|\b(?:mit )?(?:Ihrer|einer|deiner|Ihre|deine) Spende\b|\bspenden Sie\b"
    r"|\bspendenfinanziert|\bleserfinanziert|finanzieren uns (?:\w+ )?(?:durch|über|aus|mit)"
    r"|\bIhr Beitrag hilft|über Ihre Unterstützung|\b(?:via|per|über) Paypal\b|\bPaypal:"
    r"|\bFördermitglied|Unterstützer werden|\bIBAN\b|Wenn Ihnen (?:der|dieser) Artikel gefallen",
    re.IGNORECASE,
)
SHORT_APPEAL = re.compile(r"^(?:Jetzt )?(?:Spenden|Spende|Unterstützen|Unterstützung|Fördern)!?$")
NEWSLETTER_SOCIAL = re.compile(
    r"\b(?:abonnieren|abonniere|bestellen|bestelle)\b.{0,40}Newsletter"
    r"|\bNewsletter\b.{0,30}\b(?:abonnieren|bestellen|anmelden)|\bunser(?:en?)? (?:\w+ )?Newsletter"
    r"|\bfolgen Sie uns|\bfolge uns|\bfolgt uns|\bTelegram-Kanal|\bkeine (?:Neuigkeiten|News"
    r"|Nachrichten)\b.{0,40}\bverpassen|Push-(?:Nachricht|Mitteilung|Benachrichtigung)"
    r"|\bdirekt in (?:Ihr|dein) Postfach|\brote Glocke",
    re.IGNORECASE,
)
# Share bars: every word of the line is one of these.
SOCIAL_WORDS = frozenset(
    """teilen drucken merken twittern tweet tweeten pocket e-mail email mail messenger facebook
    twitter instagram whatsapp telegram linkedin pinterest xing reddit flipboard rss youtube
    mastodon tiktok vk mix print share copy copied kopieren kopiert link url threads bluesky
    senden versenden empfehlen speichern vorlesen newsletter podcast""".split()
)
SHARE_TOKEN = re.compile(r"[\w-]+")
SOCIAL_FILLER = frozenset(
    "artikel inhalt beitrag seite diese nachricht direkt auf per via zum zu den der die das"
    " und link wurde".split()
)
TEASER_HEADING = re.compile(
    r"^(?:Mehr (?:zum Thema|zu[mr]?|aus|von|über|Nachrichten|Artikel|Videos?)\b"
    r"|Das könnte (?:Sie|Dich|dich|euch|Ihnen) (?:auch )?interessieren|Lesen Sie (?:auch|mehr"
    r"|weiter)|Auch interessant|Ebenfalls interessant|Siehe auch|Passend (?:dazu|zum Thema)"
    r"|Weitere (?:Artikel|Beiträge|Nachrichten|Meldungen|Informationen|Infos|Themen|News)"
    r"|Weiterführende Links|Weiterlesen|Neueste (?:Artikel|Beiträge|Nachrichten|aus)"
    r"|Neue Nachrichten|Aktuelle (?:News|Nachrichten|Artikel|Beiträge|Meldungen)"
    r"|(?:Die )?Meist(?:gelesen|geklickt|kommentiert|gesehen|geteilt)\w*|Beliebte? \w+"
    r"|Top[- ]?(?:Artikel|Themen|News|Beiträge|Meldungen)|Empfehlungen|Empfohlene? \w+"
    r"|Ähnliche (?:Artikel|Beiträge|Themen)|Verwandte (?:Artikel|Beiträge|Themen)|Zum Thema"
    r"|Videos? zum Thema|Der nächste Beitrag|Nächster Artikel|Vorheriger Artikel"
    r"|Alle \w+(?:-\w+)? (?:lesen|anzeigen)|Beiträge aus dem Forum|\S+(?: \S+)? empfiehlt)"
    r"\b(?:[^.!?]|\.(?=\S)){0,60}$",
    re.IGNORECASE,
)
# Headings of tag lists; the tags under them are short lines anyway.
TAG_HEADING = re.compile(r"^(?:Themen|Schlagworte|Schlagwörter|Stichworte|Tags|Kategorien):?$")
TEASER_HEADING_MAX_WORDS = 10
# Lines that announce themselves ("Lesen Sie auch: …", "ANZEIGE - …") may be this long.
LABELLED_LINE_MAX_WORDS = 25
# One teaser line in the body: "Lesen Sie hier: Spielabbruch in der Kreisliga".
INLINE_TEASER = re.compile(
    r"^(?:Lesen Sie (?:auch|hier|mehr|dazu)|Mehr (?:zum Thema|dazu)|Auch interessant|Siehe auch"
    r"|Passend dazu|Zum Thema|Lesetipp|Weiterlesen)\s*[:>»\u2013-]\s*\S"
    r"|^\+\+\+.*\+\+\+$",
    re.IGNORECASE,
)
# A teaser heading is followed by titles, each perhaps with a sentence or two of summary; the
# list ends at the first paragraph longer than a summary.
TEASER_RUN_MAX_LINES = 40
TEASER_SUMMARY_MAX_WORDS = 40
NAVIGATION = re.compile(
    r"^(?:Zum Inhalt(?: springen| wechseln)?|Direkt zum Inhalt|Skip to content|Nach oben"
    r"|Zum Seitenanfang|Zurück nach oben|Sprungmarken|Sie sind hier:?|Bild vergrößern"
    r"|Weitere Inhalte laden|Alle Kommentare anzeigen|Mehr anzeigen|mehr anzeigen)\b"
    r"|\b(?:herunterladen|Download)\b|^\d+(?:[.,]\d+)?\s?[KMG]B$"
    r"|^(?:Home|Startseite)\s*(?:/|>|»|›)|\[Videoseite\]|^(?:Ende des )?Videobeitrags?$"
    r"|^Video \d+:\d+ Min\.",
    re.IGNORECASE,
)
NAVIGATION_MAX_WORDS = 25
COMMENTS = re.compile(
    r"^.{1,60}\s(?:sagt|schreibt|meint|antwortet|kommentiert):$"
    r"|^(?:Antworten|Antwort|Melden|Zitieren)$|^\d+\s+Kommentare?\b|^Kommentare?$"
    r"|\bKommentare? (?:anzeigen|schreiben|öffnen|lesen|verfassen|einblenden)|Kommentarfunktion"
    r"|\bHinterlasse(?:n Sie)? einen Kommentar|um zu kommentieren|^Alle Kommentare"
    r"|^Kommentieren\b|Meinen Namen.{0,60}speichern|Benachrichtige mich"
    r"|^\S+(?: \S+)? vor \d+ (?:Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)$",
    re.IGNORECASE,
)

# --- scores for finding the body ------------------------------------------------------------

# A paragraph scores its word count less this; other lines cost a fixed amount.
GOOD_OFFSET = 5
SHORT_COST = 5
INLINE_COST = 2
BLOCKING_COST = 15
# Product copy before a shop call is at most this many paragraphs.
AD_COPY_MAX_PARAGRAPHS = 2
# A repeated body line this long is a copy (a teaser of the lead); shorter ones ("Fazit") may recur.
MIN_REPEAT_WORDS = 3
# After an appeal or a teaser heading, the article only goes on with this much text (about two
# full paragraphs); less is the promotion the heading introduces.
RESUME_MIN_SCORE = 100
HEADLINE_MIN_WORDS = 4
HEADLINE_SEARCH_LINES = 8

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


@dataclass
class Line:
    """One line of the paste with what the rules found out about it."""

    text: str
    words: int = 0
    good: bool = False
    reason: str | None = None
    blocking: bool = False

    def mark(self, reason: str, *, blocking: bool = False) -> None:
        """Judge the line boilerplate for `reason`; `blocking` boilerplate ends an article."""
        self.reason, self.blocking = reason, blocking

    @property
    def body(self) -> bool:
        """Whether the line is still a body candidate."""
        return self.reason is None


def clean(text: str, *, kind: InputKind = "auto", max_html_chars: int = MAX_HTML_CHARS) -> Cleaned:
    """Return the article body of pasted text or HTML, with the removed blocks and reasons."""
    check_raw(text, max_html_chars)
    if kind == "html" or (kind == "auto" and looks_like_html(text)):
        lines = main_text_lines(text)
        if lines is not None:
            judge(lines)
            return assemble(lines, [line.body for line in lines])
        text = html_to_text(text)
    # Without trafilatura's choice, the lines are a whole page and the body has to be found.
    lines = text_lines(text)
    judge(lines)
    return assemble(lines, select_body(lines))


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


# --- normalisation --------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Return `text` in NFC with entities decoded, invisible characters out and spaces plain."""
    text = ENTITY.sub(lambda match: html.unescape(match.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", LINE_BREAK.sub("\n", text))
    return ODD_SPACE.sub(" ", text)


def text_lines(text: str) -> list[Line]:
    """Return the non-empty lines of pasted text, wrapped paragraphs rejoined, credits split."""
    raw = [MANY_SPACES.sub(" ", line).strip() for line in normalise(text).split("\n")]
    width = wrap_width(raw)
    joined: list[str] = []
    previous_blank = True
    for line in raw:
        if line and joined and not previous_blank and continues(joined[-1], line, width):
            joined[-1] = join_wrapped(joined[-1], line)
        elif line:
            joined.append(line)
        previous_blank = not line
    return [Line(part) for line in joined for part in split_glued_credit(line)]


def wrap_width(lines: list[str]) -> int | None:
    """Return the line width of a hard-wrapped paste, or None for one line per paragraph."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < MIN_WRAPPED_LINES or max(lengths) > MAX_WRAP_WIDTH:
        return None
    width = max(lengths)
    full = sum(length >= FULL_LINE_SHARE * width for length in lengths)
    return width if full >= len(lengths) / 2 else None


def continues(previous: str, line: str, width: int | None) -> bool:
    """Whether `line` continues the paragraph of `previous` (a break of the copy, not the text)."""
    if HYPHEN_END.search(previous) and line[0].isalpha():
        return True
    if width is not None:
        return len(previous) >= FULL_LINE_SHARE * width
    # One paragraph per line, except where a fixed-width box broke a sentence mid-way.
    return (
        line[0].islower()
        and not TERMINAL.search(previous)
        and len(previous.split()) >= MIN_BROKEN_LINE_WORDS
    )


def join_wrapped(previous: str, line: str) -> str:
    """Join two pieces of one paragraph, undoing hyphenation at the break."""
    if not HYPHEN_END.search(previous):
        return f"{previous} {line}"
    first = line.split(maxsplit=1)[0].strip(",.;:").lower()
    if first in ELISION_WORDS:
        return f"{previous} {line}"
    if line[0].isupper():
        return previous + line
    return previous[:-1] + line


def split_glued_credit(line: str) -> list[str]:
    """Split a photo credit glued to the end of a sentence off into a line of its own."""
    match = GLUED_CREDIT.search(line)
    # Only after a paragraph: a short caption with its credit is a credit as a whole.
    if match is None or len(line[: match.start()].split()) < GOOD_MIN_WORDS:
        return [line]
    return [line[: match.start()].rstrip(), (match.group(1) or match.group(2)).strip()]


# --- HTML -----------------------------------------------------------------------------------


def main_text_lines(markup: str) -> list[Line] | None:
    """Return the lines of the main text trafilatura finds in HTML (headline first), or None."""
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        markup, include_comments=False, with_metadata=True, output_format="python"
    )
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        return None
    lines = text_lines(document.text)
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
    for element in tree.iter(*HTML_DROP):
        element.drop_tree()
    for element in tree.iter(*HTML_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


# --- judging lines --------------------------------------------------------------------------


def judge(lines: list[Line]) -> None:
    """Label every line: paragraph or not, and boilerplate with its reason."""
    for line in lines:
        measure(line)
        classify(line)
    mark_credit_followers(lines)
    mark_repeats(lines)
    mark_teaser_runs(lines)
    mark_ad_copy(lines)


def measure(line: Line) -> None:
    """Count the words of a line and decide whether it reads like a paragraph."""
    tokens = words(line.text)
    line.words = len(tokens)
    if line.words < GOOD_MIN_WORDS:
        return
    density = sum(token in STOPWORDS for token in tokens) / line.words
    ends_well = TERMINAL.search(line.text) is not None and not TRUNCATED.search(line.text)
    line.good = density >= GOOD_MIN_DENSITY and (ends_well or line.words >= LEAD_MIN_WORDS)


def classify(line: Line) -> None:
    """Mark a line as boilerplate when German boilerplate knowledge recognises it."""
    text, count = line.text, line.words
    short = count <= LABEL_MAX_WORDS

    def decides(pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` marks the line: once on a short line, twice on a long one."""
        if count <= SHORT_PHRASE_WORDS:
            return pattern.search(text) is not None
        return len(pattern.findall(text)) >= 2

    if (
        COUNTER.match(text)
        or TAG_HEADING.match(text)
        or (count <= NAVIGATION_MAX_WORDS and NAVIGATION.search(text))
    ):
        line.mark("navigation")
    elif is_metadata(text, count):
        line.mark("metadata")
    elif count <= CAPTION_MAX_WORDS and COPYRIGHT.search(text):
        line.mark("cookie-legal", blocking=True)
    elif (
        CREDIT_LABEL.match(text)
        or CREDIT_START.match(text)
        or (count <= CAPTION_MAX_WORDS and CREDIT_MARK.search(text))
    ):
        line.mark("image-credit")
    elif count <= LABELLED_LINE_MAX_WORDS and AD_LABEL.match(text):
        line.mark("advertising")
    elif (short and is_share_bar(text)) or (
        count <= NEWSLETTER_LABEL_MAX_WORDS and "newsletter" in text.lower()
    ):
        line.mark("newsletter-social")
    elif count <= LABELLED_LINE_MAX_WORDS and INLINE_TEASER.search(text):
        line.mark("teaser")
    elif count <= TEASER_HEADING_MAX_WORDS and TEASER_HEADING.match(text):
        line.mark("teaser", blocking=True)
    elif count <= NAVIGATION_MAX_WORDS and COMMENTS.search(text):
        line.mark("comments", blocking=True)
    elif decides(SHOP_CALL):
        line.mark("advertising", blocking=True)
    elif decides(DONATION_APPEAL) or SHORT_APPEAL.match(text):
        line.mark("donation-appeal", blocking=True)
    elif decides(NEWSLETTER_SOCIAL):
        line.mark("newsletter-social", blocking=True)
    elif decides(LEGAL) or (count <= LABEL_MAX_WORDS and LEGAL_LABEL.search(text)):
        line.mark("cookie-legal", blocking=True)


def is_metadata(text: str, count: int) -> bool:
    """Whether a line is a dateline, byline or reading time."""
    if READING_TIME.match(text) or (count <= DATELINE_MAX_WORDS and BYLINE.match(text)):
        return True
    date = DATE.search(text)
    return date is not None and (
        count <= DATELINE_MAX_WORDS
        or (
            count <= 2 * DATELINE_MAX_WORDS
            and (date.start() == 0 or DATELINE_LABEL.match(text) is not None)
        )
    )


def is_share_bar(text: str) -> bool:
    """Whether a line is only share buttons ("Auf Facebook teilen", "E-Mail Drucken")."""
    tokens = SHARE_TOKEN.findall(text.lower())
    return (
        bool(tokens)
        and any(token in SOCIAL_WORDS for token in tokens)
        and all(token in SOCIAL_WORDS or token in SOCIAL_FILLER for token in tokens)
    )


def mark_credit_followers(lines: list[Line]) -> None:
    """Mark the name under a lone "Foto:" label as part of the credit."""
    for label, following in pairwise(lines):
        if (
            CREDIT_LABEL.match(label.text)
            and following.body
            and following.words <= LABEL_MAX_WORDS
            and not TERMINAL.search(following.text)
        ):
            following.mark("image-credit")


def mark_repeats(lines: list[Line]) -> None:
    """Mark later copies of a paragraph: a teaser of the article repeats its lead."""
    seen: set[str] = set()
    for line in lines:
        if not is_paragraph(line):
            continue
        key = repeat_key(line.text)
        if key in seen:
            line.mark("duplicate")
        seen.add(key)


def repeat_key(text: str) -> str:
    """Return the form under which two lines count as the same."""
    return " ".join(text.casefold().split())


def mark_teaser_runs(lines: list[Line]) -> None:
    """Mark the titles listed under "Mehr zum Thema" and the like, up to the next paragraph."""
    for index, heading in enumerate(lines):
        if heading.reason != "teaser" or not heading.blocking:
            continue
        previous: Line | None = None
        for line in lines[index + 1 : index + 1 + TEASER_RUN_MAX_LINES]:
            if line.blocking or (is_paragraph(line) and line.words > TEASER_SUMMARY_MAX_WORDS):
                break
            if not line.body:
                continue
            prose = is_paragraph(line) or is_sentence(line.text)
            if prose and previous is not None:
                # Summaries alternate with titles; two prose lines in a row are the text again.
                previous.reason = None
                break
            line.mark("teaser")
            previous = line if prose else None


def mark_ad_copy(lines: list[Line]) -> None:
    """Mark product blurbs: one or two paragraphs between a product title and a shop call.

    Advertising copy reads like prose ("Ein warmer Ort gehört zu den wichtigsten …"), so only
    its place gives it away: it follows a block of short lines or an ad, and a shop call ends it.
    """
    for index, call in enumerate(lines):
        if call.reason != "advertising" or not call.blocking:
            continue
        start = index
        while (
            start > 0 and index - start < AD_COPY_MAX_PARAGRAPHS and is_paragraph(lines[start - 1])
        ):
            start -= 1
        if start == index or start == 0:
            continue
        above = lines[start - 1]
        further = lines[start - 2] if start >= 2 else None
        if above.blocking or further is None or not is_paragraph(further):
            for line in lines[start:index]:
                line.mark("advertising", blocking=True)


# --- finding the body -----------------------------------------------------------------------


def is_paragraph(line: Line) -> bool:
    """Whether a line is a body candidate that reads like a paragraph."""
    return line.good and line.body


def score(line: Line) -> int:
    """Return how much a line speaks for the body around it (negative: against)."""
    if line.body:
        return line.words - GOOD_OFFSET if line.good else -SHORT_COST
    return -BLOCKING_COST if line.blocking else -INLINE_COST


def densest_span(scores: list[int]) -> tuple[int, int] | None:
    """Return the first and last index of the run with the highest total score, or None."""
    best, best_span = 0, None
    total, start = 0, 0
    for index, value in enumerate(scores):
        if total <= 0:
            total, start = 0, index
        total += value
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def select_body(lines: list[Line]) -> list[bool]:
    """Return which lines are body: the densest run, widened to headline, lead and subheads."""
    scores = [score(line) for line in lines]
    span = densest_span(scores)
    if span is None:
        # No paragraph anywhere (a headline alone, a list): keep what is not boilerplate.
        return [line.body for line in lines]
    first, last = core(lines, scores, *span)
    first = extend_up(lines, first)
    last = extend_down(lines, last)
    return [
        first <= index <= last and (line.body or line.reason == "duplicate")
        for index, line in enumerate(lines)
    ]


def core(lines: list[Line], scores: list[int], first: int, last: int) -> tuple[int, int]:
    """Return the part of the densest run that is the article, cut at appeals and teaser lists.

    The densest run may reach over an appeal or a teaser heading into a promotion behind it;
    the article is the strongest stretch between such lines, and goes on past one only where
    a substantial stretch of text follows (as with a donation box in mid-article), on either
    side; `extend_up` then finds the lead and the headline above.
    """
    cuts = [index for index in range(first, last + 1) if lines[index].blocking]
    pieces = [
        (start, end)
        for start, end in zip([first, *(cut + 1 for cut in cuts)], [*cuts, last + 1], strict=True)
        if start < end
    ]
    totals = [sum(scores[start:end]) for start, end in pieces]
    best = totals.index(max(totals))
    start, end = pieces[best]
    for index in range(best + 1, len(pieces)):
        if totals[index] < RESUME_MIN_SCORE:
            break
        end = pieces[index][1]
    for index in range(best - 1, -1, -1):
        if totals[index] < RESUME_MIN_SCORE:
            break
        start = pieces[index][0]
    return start, end - 1


def extend_up(lines: list[Line], first: int) -> int:
    """Return the first body line above `first`: leads and subheads up to the headline.

    Between headline and text sit bylines, credits, share bars and teaser boxes; they are
    crossed. A short line below a paragraph is a subhead; one without a paragraph above is the
    headline, and the article starts there (or one line higher, with a kicker: rubrics and menu
    entries right above a headline are shorter).
    """
    index = first - 1
    while index >= 0:
        line = lines[index]
        if not line.body or line.good:
            first = index if line.body else first
            index -= 1
            continue
        first = index
        above = nearest(lines, index - 1, -1, lambda other: other.body)
        if above is None or not above.good:
            return headline_start(lines, index)
        index -= 1
    return first


def headline_start(lines: list[Line], top: int) -> int:
    """Return where the article starts, given the top short line of the text below.

    A headline has a few words; shorter lines (author, rubric, "Nächster") are passed over, a
    few lines at most, and removed. A kicker or a second headline line right above the headline
    belongs to it.
    """
    for index in range(top, max(top - HEADLINE_SEARCH_LINES, -1), -1):
        line = lines[index]
        if not line.body:
            continue
        if is_headline(line.text, line.words):
            above = lines[index - 1] if index > 0 else None
            kicker = (
                above is not None
                and above.body
                and not above.good
                and above.words >= HEADLINE_MIN_WORDS
            )
            return index - 1 if kicker else index
        line.mark("navigation")
    return top + 1


def extend_down(lines: list[Line], last: int) -> int:
    """Return the last body line below `last`: paragraphs after subheads and inline boxes.

    Appeals, teaser headings and comment sections end the article; a short line goes on only
    when a paragraph follows it, or when it is a sentence of its own ("Gerne. Bis morgen.").
    """
    index = last + 1
    while index < len(lines):
        line = lines[index]
        if line.blocking:
            break
        if not line.body or line.good:
            last = index if line.body else last
            index += 1
            continue
        below = nearest(lines, index + 1, 1, lambda other: other.body or other.blocking)
        if below is not None and below.body and below.good:
            last = index
            index += 1
            continue
        if is_sentence(line.text):
            last = index
        break
    return last


def is_headline(text: str, count: int) -> bool:
    """Whether a short line can be a headline: names and rubrics have few, capitalised words."""
    return count >= HEADLINE_MIN_WORDS or (
        count >= HEADLINE_MIN_WORDS - 1 and any(word[0].islower() for word in text.split())
    )


def nearest(
    lines: list[Line], start: int, step: int, wanted: Callable[[Line], bool]
) -> Line | None:
    """Return the first line from `start` on, going by `step`, that is `wanted`, or None."""
    index = start
    while 0 <= index < len(lines):
        if wanted(lines[index]):
            return lines[index]
        index += step
    return None


def is_sentence(text: str) -> bool:
    """Whether a short line is a complete sentence rather than a title or a fragment."""
    return (
        len(text.split()) >= 2
        and STARTS_SENTENCE.match(text) is not None
        and SENTENCE_END.search(text) is not None
        and not TRUNCATED.search(text)
    )


# --- result ---------------------------------------------------------------------------------


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
