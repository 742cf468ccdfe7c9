"""Line rules: what German boilerplate knowledge says about each line of a page."""

from __future__ import annotations

import re
from itertools import pairwise

from kernpunkt.clean.lines import TERMINAL, Line, paragraphs
from kernpunkt.german import STOPWORDS, words

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
    r"|einstellungen)|Nutzungsbedingungen|\bexterne[nr]? Inhalte?\b"
    r"|\beinverstanden, dass (?:mir|mich|meine)\b|\berklär(?:st du dich|en Sie sich)\b.{0,60}"
    r"\beinverstanden",
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
    # "Maria K. schreibt:" opens a reader's comment; "Der Oberbürgermeister sagt:" a block quote
    r"^(?!(?:der|die|das|ein|eine|unser|unsere)\s)"
    r".{1,60}\s(?:sagt|schreibt|meint|antwortet|kommentiert):$"
    r"|^(?:Antworten|Antwort|Melden|Zitieren)$|^\d+\s+Kommentare?\b|^Kommentare?$"
    r"|\bKommentare? (?:anzeigen|schreiben|öffnen|lesen|verfassen|einblenden)|Kommentarfunktion"
    r"|\bHinterlasse(?:n Sie)? einen Kommentar|um zu kommentieren|^Alle Kommentare"
    r"|^Kommentieren\b|Meinen Namen.{0,60}speichern|Benachrichtige mich"
    r"|^\S+(?: \S+)? vor \d+ (?:Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)$",
    re.IGNORECASE,
)

# Product copy before a shop call is at most this many paragraphs.
AD_COPY_MAX_PARAGRAPHS = 2


def page_lines(text: str) -> list[Line]:
    """Return the lines of pasted text: paragraphs rejoined, glued photo credits split off."""
    lines = []
    for paragraph in paragraphs(text):
        text_part, *credit = split_glued_credit(paragraph)
        lines.append(Line(text_part, credit_glued=bool(credit)))
        lines += [Line(part) for part in credit]
    return lines


def split_glued_credit(line: str) -> list[str]:
    """Split a photo credit glued to the end of a sentence off into a line of its own."""
    match = GLUED_CREDIT.search(line)
    # Only after a paragraph: a short caption with its credit is a credit as a whole.
    if match is None or len(line[: match.start()].split()) < GOOD_MIN_WORDS:
        return [line]
    return [line[: match.start()].rstrip(), (match.group(1) or match.group(2)).strip()]


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


def is_paragraph(line: Line) -> bool:
    """Whether a line is a body candidate that reads like a paragraph."""
    return line.good and line.body


def is_sentence(text: str) -> bool:
    """Whether a short line is a complete sentence rather than a title or a fragment."""
    return (
        len(text.split()) >= 2
        and STARTS_SENTENCE.match(text) is not None
        and SENTENCE_END.search(text) is not None
        and not TRUNCATED.search(text)
    )
