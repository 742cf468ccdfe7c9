"""Judge a quoted span: a quoted term or someone's wording, a direct or a partial quote."""

from __future__ import annotations

from kernpunkt.document import QuoteKind
from kernpunkt.quotes import grammar
from kernpunkt.quotes.lexicon import (
    ABBREVIATION_AFTER_RE,
    CLAUSE_TAIL_RE,
    CLOSING_CONTENT_VERBS,
    CONTENT_VERB_RE,
    CONTENT_VERB_REACH,
    DETERMINERS,
    DIRECT_MIN_WORDS,
    DOMAIN_RE,
    EXAMPLE_WORDS,
    FIELD_EXTERNAL,
    HEISST_ES_RE,
    INNER_SENTENCE_RE,
    KNOWN_AS_AFTER_RE,
    MAX_NAME_WORDS,
    NAME_FUNCTION_WORDS,
    NAMES_ITSELF_RE,
    NEXT_WORD_RE,
    PHRASE_MIN_WORDS,
    QUOTE_LEADS,
    READ_AFTER_RE,
    SELF_NAMING_AFTER_RE,
    SENTENCE_PUNCT,
    SENTENCE_TAIL_RE,
    SO_GENANNT_RE,
    SPEAKER_WORDS_RE,
    SUBJECT_NAME_RE,
    TERM_MARKERS,
    TERM_NOUN_RE,
    WINDOW,
    WORD_ONLY_RE,
    WRITTEN_VERBS,
    is_capitalised,
    is_speech_verb,
    is_wording_noun,
)
from kernpunkt.quotes.marks import Span
from kernpunkt.quotes.sentences import Sent

# Words of a line naming someone before a colon ("Trainer Jens Kahl:"); one is a label
# ("Fazit:") unless it is all the line holds and the tagger reads it as a name ("Weidel:").
NAME_LINE_WORDS = 2
# Words of a quote standing as a line of its own that make it a heading, not a term.
HEADING_MIN_WORDS = 2
# Words of a lowercase phrase that is wording if the tagger reads no name in it.
SHORT_PHRASE_WORDS = 3
# A quoted clause of this many words is someone's sentence, not a title or a term.
CLAUSE_MIN_WORDS = 6
# Words between a speech verb and what it quotes as its topic ("sprach vom „Verrat“").
SPEECH_OF = frozenset({"von", "vom"})


def is_name_like(words: str) -> bool:
    """Tell whether quoted words read like a name or title rather than speech."""
    stripped = words.strip()
    if not stripped or stripped[-1] in SENTENCE_PUNCT or INNER_SENTENCE_RE.search(stripped):
        return False
    if DOMAIN_RE.search(stripped):
        return True
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    tokens = stripped.split()
    if len(tokens) > MAX_NAME_WORDS:
        return False
    lowercase = [
        token
        for token in tokens
        if token[:1].islower() and token.lower() not in NAME_FUNCTION_WORDS
    ]
    return len(lowercase) <= (1 if len(tokens) >= 3 else 0)


def is_term(text: str, span: Span, name_like: bool) -> bool:
    """Tell whether a span is a quoted term: a name, a title, a translation or a so-called word."""
    if _heads_section(text, span):
        return False
    before = text[max(0, span.open - 40) : span.open]
    if SO_GENANNT_RE.search(before) or _names_something(text, span, before):
        return True
    words = WORD_ONLY_RE.findall(SENTENCE_TAIL_RE.search(before).group())
    previous = words[-1] if words else ""
    if previous in TERM_MARKERS:
        return True
    if _introduces_wording(words):
        # "das Wort „Märtyrer“": a noun for wording right before a single noun mentions it;
        # "dieses Schreiben „irritiert“ zur Kenntnis genommen" still quotes
        single = text[span.start : span.end].split()
        return is_wording_noun(previous) and len(single) == 1 and single[0][:1].isupper()
    # "das Magazin „Stern“" names; "nannte das Projekt „dringend nötig“" quotes.
    if TERM_NOUN_RE.search(previous) and text[span.start : span.end].lstrip()[:1].isupper():
        return True
    if reads_as_speech(text[span.start : span.end]):
        return False
    if before.endswith("("):
        return True
    if ABBREVIATION_AFTER_RE.match(text, span.close + 1) or SUBJECT_NAME_RE.match(
        text, span.close + 1
    ):
        return True
    if previous in SPEECH_OF and len(words) > 1 and is_speech_verb(words[-2]):
        return False
    if _announced(before):
        return False
    if not name_like or previous.lower() in QUOTE_LEADS:
        return False
    return not (
        _speech_follows(text, span)
        or _governed_by_speech(text, span)
        or _opens_reported_clause(before)
    )


def _names_something(text: str, span: Span, before: str) -> bool:
    """Tell whether the words around a span give a name ("nennt sich „X“", "als „X“ bekannt").

    A span opening with an article is wording: "nannte sich „ein Opfer der Justiz“".
    """
    first = WORD_ONLY_RE.findall(text[span.start : span.end])[:1]
    if not first or first[0].lower() in DETERMINERS:
        return False
    naming = NAMES_ITSELF_RE.search(before)
    if naming and (
        naming.group().startswith(("nenn", "nann"))
        or SELF_NAMING_AFTER_RE.match(text, span.close + 1)
    ):
        return True
    return before.rstrip().endswith(" als") and bool(KNOWN_AS_AFTER_RE.match(text, span.close + 1))


def _opens_reported_clause(before: str) -> bool:
    """Tell whether a span opens the clause after a speech verb ("Er sagte, „X“ dürfe …")."""
    head, comma, tail = before.rpartition(",")
    words = WORD_ONLY_RE.findall(head[-40:])
    return bool(comma) and not tail.strip() and bool(words) and is_speech_verb(words[-1])


def _announced(before: str) -> bool:
    """Tell whether a speaker's colon announces the span ("Eva Roth sagte: „Nein“").

    After a colon that closes a clause with a speech verb, or a line naming someone
    ("Trainer Jens Kahl: „Großartig“"), short capitalised words are what was said, not a term.
    """
    if not before.rstrip().endswith(":"):
        return False
    tail = CLAUSE_TAIL_RE.search(before.rstrip()[:-1]).group()
    clause = WORD_ONLY_RE.findall(tail)
    named_line = (
        (len(clause) >= NAME_LINE_WORDS or (len(clause) == 1 and tail.startswith("\n")))
        and clause[0].lower() not in DETERMINERS
        and all(is_capitalised(word) for word in clause)
        and _names_someone(" ".join(clause))
    )
    return named_line or any(is_speech_verb(word) for word in clause)


def _heads_section(text: str, span: Span) -> bool:
    """Tell whether a quote of some words is a line of its own over more text: a heading
    („Keine Motivforschung“), where a title or a term would stand inside a sentence."""
    return (
        own_line_end(text, span) is not None
        and len(text[span.start : span.end].split()) >= HEADING_MIN_WORDS
    )


def own_line_end(text: str, span: Span) -> int | None:
    """Return where the line ends when a quote stands as a line of its own over more text."""
    line_end = text.find("\n", span.close)
    if line_end < 0 or text[text.rfind("\n", 0, span.open) + 1 : span.open].strip():
        return None
    return None if text[span.close + 1 : line_end].strip() else line_end


def _names_someone(words: str) -> bool:
    """Tell whether the tagger reads a name in words ("Trainer Jens Kahl", not "Neue Regeln")."""
    return any(token.tag in grammar.NAME_TAGS for token in grammar.tag(words, 0, len(words)))


def _introduces_wording(words: list[str]) -> bool:
    """Tell whether the words before a span end with a noun for wording ("Sprüche wie")."""
    index = len(words)
    while index > 0 and words[index - 1] in EXAMPLE_WORDS:
        index -= 1
    return index > 0 and is_wording_noun(words[index - 1])


def _governed_by_speech(text: str, span: Span) -> bool:
    """Tell whether a verb of the span's own clause takes the wording as its object."""
    if _closing_verb(text, span) or _presented_words(text, span):
        return True
    before = text[max(0, span.open - WINDOW) : span.open]
    clause = CLAUSE_TAIL_RE.search(before).group()
    words = WORD_ONLY_RE.findall(clause)[-CONTENT_VERB_REACH:]
    verbs = [index for index, word in enumerate(words) if CONTENT_VERB_RE.fullmatch(word)]
    if not verbs:
        return False
    between = words[verbs[-1] + 1 :]
    # "wirft der „Arbeitskreis X“ … vor": an article right after the verb opens its subject;
    # "warnt vor der Pille „X“": a noun right before the span is what the span names.
    if len(between) == 1 and between[0].lower() in DETERMINERS:
        return False
    last = between[-1] if between else ""
    return not (is_capitalised(last) and not is_wording_noun(last) and last not in EXAMPLE_WORDS)


def _presented_words(text: str, span: Span) -> bool:
    """Tell whether a span is the text of a sign or banner ("war „X“ zu lesen", "stand: „X“")."""
    reading = READ_AFTER_RE.match(text, span.close + 1)
    if reading is not None:
        return True
    before = text[max(0, span.open - WINDOW) : span.open].rstrip()
    if not before.endswith(":"):
        return False
    words = WORD_ONLY_RE.findall(before[-40:])
    return bool(words) and words[-1] in WRITTEN_VERBS


def _closing_verb(text: str, span: Span) -> bool:
    """Tell whether "vorwerfen" closes the span's clause right after it ("„X“ vorgeworfen")."""
    match = NEXT_WORD_RE.match(text, span.close + 1)
    if match is None or match.group(1) not in CLOSING_CONTENT_VERBS:
        return False
    following = text[match.end(1) :].lstrip()[:1]
    # "vor" alone is also a preposition ("„Larry“ vor dem Landfall"): a particle ends the clause,
    # before punctuation or a conjunction that opens the next verb ("„X“ vor und sprach")
    return (
        match.group(1) != "vor"
        or not following
        or following in ".,;:!?"
        or _next_verb(text, match.end(1))
    )


def _next_verb(text: str, position: int) -> bool:
    """Tell whether a conjunction and a verb come next ("und sprach"), not "und nach"."""
    conjunction = NEXT_WORD_RE.match(text, position)
    if conjunction is None or conjunction.group(1) not in FIELD_EXTERNAL:
        return False
    verb = NEXT_WORD_RE.match(text, conjunction.end(1))
    return verb is not None and grammar.word_lemma(verb.group(1)) is not None


def _speech_follows(text: str, span: Span) -> bool:
    """Tell whether a speech verb or "so" follows the span ("„Nein“, sagte er")."""
    match = NEXT_WORD_RE.match(text, span.close + 1)
    if match is None:
        return False
    word = match.group(1)
    if "," not in text[span.close : match.start(1)]:
        return False
    return (
        word == "so" or is_speech_verb(word) or HEISST_ES_RE.match(text, match.start(1)) is not None
    )


def ends_sentence(text: str, span: Span) -> bool:
    """Tell whether the quoted words end with sentence punctuation."""
    return text[span.start : span.end].rstrip()[-1:] in SENTENCE_PUNCT


def stands_alone(sent: Sent, span: Span) -> bool:
    """Tell whether a sentence consists of nothing but this quote."""
    return sent.first_word >= span.open and sent.last_word <= span.close


def opens_sentence(sent: Sent, span: Span) -> bool:
    """Tell whether a span is the first thing in its sentence."""
    return sent.first_word >= span.open


def colon_before(masked: str, span: Span, floor: int) -> bool:
    """Tell whether a colon introduces the span."""
    return masked[max(floor, span.open - 3) : span.open].rstrip().endswith(":")


def quote_kind(text: str, masked: str, sent: Sent, span: Span) -> QuoteKind:
    """Return `direct` for a quoted sentence and `partial` for a quoted phrase."""
    words = text[span.start : span.end].strip()
    if not (words[:1].isupper() or words[:1] in "…[(" or words[:1].isdigit()):
        return "partial"
    if ends_sentence(text, span) or stands_alone(sent, span):
        return "direct"
    if opens_sentence(sent, span):
        return "direct"
    long_enough = len(words.split()) > DIRECT_MIN_WORDS
    return "direct" if long_enough and colon_before(masked, span, sent.start) else "partial"


def reads_as_clause(words: str) -> bool:
    """Tell whether quoted words are a clause of their own: several words with a finite verb."""
    return len(words.split()) >= CLAUSE_MIN_WORDS and holds_finite_verb(words)


def holds_finite_verb(words: str) -> bool:
    """Tell whether quoted words hold a finite verb ("Das wäre echt klasse") near their start.

    The tagger reads a window: its first sentence shows a quote's verb, and the tagger fails on
    endless input.
    """
    return grammar.holds_finite_verb(words, 0, min(len(words), WINDOW))


def reads_as_speech(words: str) -> bool:
    """Tell whether quoted words speak in the first or second person ("„Wo ist meine Stimme?“")."""
    return len(words.split()) > 1 and SPEAKER_WORDS_RE.search(words) is not None


def is_phrase_quote(words: str) -> bool:
    """Tell whether quoted words are a lowercase phrase of several words: wording, not a term.

    A short one must read as German common words: a name or foreign words written lowercase
    are a term ("„summa cum laude“", "„con energy ag“").
    """
    stripped = words.strip()
    count = len(stripped.split())
    if not stripped[:1].islower() or count < SHORT_PHRASE_WORDS:
        return False
    if count >= PHRASE_MIN_WORDS:
        return True
    tokens = grammar.tag(stripped, 0, len(stripped))
    return not any(token.tag in grammar.NAME_TAGS for token in tokens)
