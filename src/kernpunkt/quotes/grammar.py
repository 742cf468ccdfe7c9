"""The grammar layer: STTS tags and lemmas (HanTa), clauses, noun phrases and speech cues by lemma.

The tagger reads only a window of tokens around a quote (`QuotesConfig.tag_window` either side),
so an article costs time linear in the number of quotes, never in the length of one sentence.
The model ships inside the HanTa wheel; it is loaded once, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache, lru_cache, wraps
from typing import Literal, TypeVar

from kernpunkt.quotes.lexicon import (
    ADVERB_ABBREVIATIONS,
    EPITHET_RE,
    INDEFINITE_ARTICLES,
    LINKS,
    NAME_PARTICLES,
    NOT_NOUNS,
    PARTICLE_LEMMAS,
    QUOTING_LEMMAS,
    REFLEXIVE_LEMMAS,
    ROLE_RE,
    SPEAKER_ROLE_RE,
    SPEAKING_BODIES,
    SPEECH_LEMMAS,
    TITLE_WORDS,
    is_abstract,
    is_capitalised,
    is_konjunktiv_i,
    is_speech_noun,
    is_speech_verb,
)

TAGGER_MODEL = "morphmodel_ger.pgz"
# A full stop joins the parts of one word ("z.B", "U.S", "Asp.Net"), not a sentence glued to
# the next ("stellen.Spaltungen": see `lexicon.SENTENCE_END_RE`); a title keeps its own ("Dr.").
TOKEN_RE = re.compile(
    r"§+\.?|X{2,}|\b(?:"
    + "|".join(sorted(t[:-1] for t in TITLE_WORDS if t.endswith(".")))
    + r")\.|\w+(?:[-’']\w+|\.(?:(?<![a-zäöüß]{4}\.)|(?![A-ZÄÖÜ][a-zäöüß]{2}))\w+)*|[^\w\s]"
)
QUOTE_TAG = "QUOTE"
# How a quoted span read as a name or title starts once masked ("„Titanic“" is "XXXXXXXXX").
MASKED_NAME = "XX"
QUOTE_STAND_IN = '"'
NAME_STAND_IN = "Meier"
# longer words (no German news word is) are read as a plain noun
MAX_TAGGED_LENGTH = 40
LONG_STAND_IN = "Sache"
# verb forms whose lemma is kept (a news article has a few hundred)
LEMMA_CACHE = 20_000
NAME_TAG = "NE"
ADJECTIVE_TAG = "ADJ(A)"
ARTICLE_TAG = "ART"
# A demonstrative standing alone: "Das" in "Das ließ das Gericht nicht gelten".
DEMONSTRATIVE_TAG = "PDS"
# Tokens an extended attribute may hold between its article and its adjective.
EXTENDED_ATTRIBUTE_TOKENS = 8
UNKNOWN_TAG = "XY"
# Tags of words that may be part of a name: known names, unknown words, foreign material.
FOREIGN_TAG = "FM"
NAME_TAGS = frozenset({NAME_TAG, UNKNOWN_TAG, FOREIGN_TAG})
# STTS tags: finite verbs, verb particles, reflexives, clause openers, phrase parts
FINITE_TAGS = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
# Words that make a stretch a clause, not a phrase: a finite verb, an infinitive, its "zu".
CLAUSE_VERB_TAGS = FINITE_TAGS | {"VV(INF)", "VV(IZU)", "VA(INF)", "VM(INF)", "PTKZU"}
# "Als" opening a clause is the conjunction ("Als Lawrow … zurückwies, sprach er").
ALS = "Als"
CONJUNCTION_TAG = "KOUS"
# A coordinating conjunction ("und", "doch", "aber").
COORDINATING_TAG = "KON"
ADVERB_TAG = "ADV"
PARTICIPLE_TAGS = frozenset({"VV(PP)", "VV(INF)", "VV(IZU)"})
SUBORDINATE_TAGS = frozenset({"KOUS", "PRELS", "PRELAT", "PWAV"})
SENTENCE_END_TAG = "$."
LINE_BREAK = "\n"
BOUNDARY_TAGS = frozenset({"$,", SENTENCE_END_TAG, "$(", QUOTE_TAG})
# Punctuation after which words without a verb are an aside, not a clause.
ASIDE_TAGS = frozenset({"$,", "$("})
# Where a sentence or a clause begins; the full stop of "u.a." is punctuation inside one.
CLAUSE_START_TAGS = ASIDE_TAGS | {SENTENCE_END_TAG}
INNER_PUNCTUATION_TAG = "$("
NOUN_TAGS = frozenset({"NN", "NE", "FM"})
# Characters read after a quote for the clause that frames it ("„…“, lacht die Wirtin").
FRAME_AFTER_CHARS = 120
# HanTa's tag for a nominalised adjective ("der Abgeordnete", "die Reisenden"): people
NOMINAL_ADJECTIVE = "NNA"
# What can head a noun phrase: nouns, names, foreign words and nominalised adjectives.
HEAD_TAGS = NOUN_TAGS | {NOMINAL_ADJECTIVE}
# Which kind a name is taken for when its words hold phrases of several kinds.
KIND_ORDER: tuple[Kind, ...] = ("person", "body", "pronoun", "thing")
# what a phrase after these belongs to: a preposition, "als"/"wie", or a noun (a genitive)
ATTACHING_TAGS = frozenset({"APPR", "APPRART", "KOKOM"})
PRONOUN_TAGS = frozenset({"PPER", "PIS", DEMONSTRATIVE_TAG})
QUANTIFIER_TAGS = frozenset({"PIAT", "PIDAT"})
# Subordinating conjunctions and the question adverbs that open reported clauses ("Wie … sagte").
CLAUSE_OPENER_TAGS = frozenset({"KOUS", "PWAV"})
REFLEXIVE_TAG = "PRF"
# Adverbs, pronominal adverbs included ("danach", "dabei").
ADVERB_TAGS = frozenset({"ADV", "PAV", "PROAV"})
# Adverbs, pronominal adverbs ("dazu"), adverbial adjectives and participles ("überzeugt").
ADVERBIAL_ADJECTIVE = "ADJ(D)"
ADVERBIAL_TAGS = (*sorted(ADVERB_TAGS), ADVERBIAL_ADJECTIVE, "VV(PP)")
MIN_ADVERBIAL_ADJECTIVE = 8
# Words that open a clause but no noun phrase: adverbs, conjunctions, pronouns.
CLAUSE_WORD_TAGS = (*sorted(ADVERB_TAGS), COORDINATING_TAG, DEMONSTRATIVE_TAG, "PPER")
# Closed word classes and auxiliary verbs: a word of these alone names no one ("Was", "Jemand",
# "Kaum", "Wirst"); open classes may be surnames ("Lang", "Klein").
FUNCTION_TAG_PREFIXES = ("PW", "PI", "PD", "PAV", "PROAV", "ADV", "KO", "VA", "VM", "PTK", "APP")
SUBJECT_PRONOUNS = frozenset({"er", "sie", "wir", "ich", "man"})
PHRASE_OPENERS = frozenset({ARTICLE_TAG, "PPOSAT", "PDAT", "PIAT", "ADJA", "CARD"})
# What opens a noun phrase without an article: its noun or an adjective.
BARE_OPENER_TAGS = frozenset({"NN", "NNA", ADJECTIVE_TAG})
# Nouns of people and groups that speak for others (the role words are in `ROLE_RE`).
PERSON_WORDS = frozenset({"Frau", "Herr", "Mann", "Wirt", "Kämmerin", "Kämmerer"})
# Articles that never open a subject: dative and accusative forms.
OBLIQUE = frozenset({"dem", "den", "einem", "einen", "des", "eines", "diesem", "diesen"})
# "der"/"einer" before a feminine noun is dative or genitive ("Der Zeitung sagte Meier")
FEMININE_OBLIQUE = frozenset({"der", "einer"})
FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei")
# Feminine agent nouns name a person whatever the stem ("Nachfolgerin", "Seniorin")
AGENT_SUFFIXES = ("erin", "orin", "erinnen")
Kind = Literal["person", "body", "pronoun", "thing"]
T = TypeVar("T")
# The surnames the text being read gives a person (a role or a first name before them): the
# tagger reads a rare surname as a noun ("Maaßen", "Weingarten"); within that text it is a name.
DOCUMENT_NAMES: ContextVar[frozenset[str]] = ContextVar("document_names", default=frozenset())
# HanTa's log-probability of a word's best tag above which the word is in its lexicon.
KNOWN_WORD_LOGPROB = -13.0
# ... below which it only guesses the tag from the word's letters ("Wersilows", "Maaßen").
GUESSED_WORD_LOGPROB = -20.0
GENITIVE_S = "s"
# A speech verb or "so" and one capitalised word closing the clause ("sagte Röttgen.").
SPOKEN_BY_RE = re.compile(r"\b([a-zäöü]\w+) ([A-ZÄÖÜ][\w-]*\w)(?=[.,;:])")
PLURAL_EN = "en"
COMMON_NOUN_TAG = "NN"
WORD_RUN_RE = re.compile(r"\w+")
# Two capitalised words in a row, overlapping ("Hans Georg Maaßen" gives two pairs).
NAME_PAIR_RE = re.compile(r"\b([A-ZÄÖÜ][\w-]*\w) (?=([A-ZÄÖÜ][\w-]*\w)\b)")


@dataclass(frozen=True)
class Token:
    """A word of the masked text with its offsets, lemma and STTS tag."""

    start: int
    end: int
    word: str
    lemma: str
    tag: str


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: its tokens, its kind and whether it can be a clause's subject."""

    first: int
    last: int
    start: int
    end: int
    kind: Kind
    oblique: bool
    in_pp: bool


@dataclass(frozen=True)
class Subject:
    """A clause subject: its phrase, which sentence of the tagged words holds it, and whether
    its clause is a main clause (not opened by a conjunction, relative pronoun or wh-word, and
    not reported in Konjunktiv I)."""

    phrase: Phrase
    sentence: int
    main: bool


@cache
def tagger() -> object:
    """Load HanTa's German model once (about 0.15 s)."""
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger(TAGGER_MODEL)


def per_text(function: Callable[[str], T]) -> Callable[[str], T]:
    """Cache a function of some words per set of document names (`reading`): the same words
    hold a name in one text ("Frank Überall") and none in another ("überall")."""
    cached = lru_cache(maxsize=LEMMA_CACHE)(lambda words, _names: function(words))

    @wraps(function)
    def read(words: str) -> T:
        return cached(words, DOCUMENT_NAMES.get())

    return read


@contextmanager
def reading(names: frozenset[str]) -> Iterator[None]:
    """Tag every word in `names` as a name while one text is read."""
    token = DOCUMENT_NAMES.set(names)
    try:
        yield
    finally:
        DOCUMENT_NAMES.reset(token)


def tag(masked: str, start: int, end: int) -> list[Token]:
    """Tag `masked[start:end]`: a masked quote is one QUOTE token, a masked name one NE token.

    A surname of the text being read (`reading`) is a name, whatever the tagger makes of it.
    """
    matches = list(TOKEN_RE.finditer(masked, start, end))
    if not matches:
        return []
    names = DOCUMENT_NAMES.get()
    # masked quotes and names go to the tagger as one short stand-in word: HanTa's analysis of an
    # unknown word costs time in its length
    tags = tagger().tag_sent([_stand_in(m.group()) for m in matches], taglevel=0)
    tokens: list[Token] = []
    for match, stts in zip(matches, tags, strict=True):
        word = match.group()
        if (
            tokens
            and tokens[-1].tag != SENTENCE_END_TAG
            and "\n" in masked[tokens[-1].end : match.start()]
        ):
            # a line break ends a sentence (a heading has no full stop): the grammar sees it so
            at = tokens[-1].end
            tokens.append(Token(at, at, LINE_BREAK, LINE_BREAK, SENTENCE_END_TAG))
        # only verbs need a lemma (speech cues); each word form is analysed once per process
        lemma = verb_lemma(word, stts) if stts.startswith("V") else word
        if word.startswith("§"):
            stts, lemma = QUOTE_TAG, word
        elif word.startswith(MASKED_NAME) or (word in names and stts not in NAME_TAGS):
            stts = NAME_TAG
        elif word.lower() in ADVERB_ABBREVIATIONS:
            stts = ADVERB_TAG
        elif word in TITLE_WORDS:
            # "erläutert Dr. Thomas Zeiler": a title is a noun before the name, as "Herr" is
            stts = COMMON_NOUN_TAG
        elif (
            word == "."
            and tokens
            and tokens[-1].tag == ADVERB_TAG
            and tokens[-1].end == match.start()
        ):
            # the full stop of "u.a." ends no sentence
            stts = INNER_PUNCTUATION_TAG
        tokens.append(Token(match.start(), match.end(), word, lemma, stts))
    return _temporal_als(tokens)


def _temporal_als(tokens: list[Token]) -> list[Token]:
    """Retag "Als" opening a clause that a finite verb closes as the conjunction it is.

    HanTa reads "Als Lawrow die Warnungen zurückwies, sprach er" with "Als" a preposition, so
    the clause would have no subject.
    """
    for index, token in enumerate(tokens):
        if token.word != ALS or token.tag == CONJUNCTION_TAG:
            continue
        if index and tokens[index - 1].tag not in CLAUSE_START_TAGS:
            continue
        comma = next((i for i in range(index + 1, len(tokens)) if tokens[i].word == ","), None)
        if comma is not None and comma - index > 2 and tokens[comma - 1].tag in FINITE_TAGS:
            tokens[index] = replace(token, tag=CONJUNCTION_TAG)
    return tokens


@lru_cache(maxsize=LEMMA_CACHE)
def verb_lemma(word: str, stts: str) -> str:
    """Return the lemma of a verb form with its STTS tag ("merkt", "VV(FIN)" gives "merken")."""
    model = tagger()
    return model._analyze(word, model.tag2int[stts], taglevel=1)[0]


@lru_cache(maxsize=LEMMA_CACHE)
def _word_analysis(word: str) -> tuple[str, str]:
    """Return the lemma and tag of a word read without context, each word analysed once."""
    if len(word) > MAX_TAGGED_LENGTH:  # the tagger's time grows fast with a word's length
        return word, UNKNOWN_TAG
    lemma, stts = tagger().analyze(word, taglevel=1)
    return lemma, stts


def word_lemma(word: str) -> str | None:
    """Return the lemma of a word read without context if the tagger takes it for a verb."""
    lemma, stts = _word_analysis(word)
    return lemma if stts.startswith("V") else None


def _word_tag(word: str) -> str:
    """Return the tag of a word read without context."""
    return _word_analysis(word)[1]


def is_common_noun(word: str) -> bool:
    """Tell whether a word read without context is a common noun ("Sprecher", not "Maier")."""
    return _word_tag(word) == "NN"


def is_known_name(word: str) -> bool:
    """Tell whether the tagger knows a word alone as a name ("Anna", "Ruben"), not only
    guesses it ("Fuest", "Linken-Obfrau") or reads a noun ("Keller")."""
    return (
        _best_tag(word)[0] == NAME_TAG and not _guessed(word) and not word.startswith(MASKED_NAME)
    )


def is_well_known_name(word: str) -> bool:
    """Tell whether the tagger knows a word well as a name, as it knows first names ("Peter",
    "Maria"), where it only reads most surnames as names ("Ott", "Merz")."""
    return _well_known_as(word, NAME_TAG)


def is_nominal_adjective(word: str) -> bool:
    """Tell whether a noun is an adjective used as one ("Vorsitzende", "SPD-Abgeordnete"), read
    by its last part: without an article its ending gives its gender, as an adjective's does."""
    return _word_tag(word.rsplit("-", 1)[-1]) == NOMINAL_ADJECTIVE


def is_inflected_noun(word: str) -> bool:
    """Tell whether a common noun is not in its dictionary form ("Vorwürfe", "Äußerungen"):
    after "die" a plural, since a feminine singular keeps its form."""
    lemma, stts = _word_analysis(word)
    return stts == "NN" and lemma.lower() != word.lower()


@lru_cache(maxsize=LEMMA_CACHE)
def _best_tag(word: str) -> tuple[str, float]:
    """Return the tagger's best tag for a word read alone, with its log-probability."""
    stts, logprob = tagger().tag_word(word)[0]
    return stts, float(logprob)


def well_known_noun(word: str) -> bool:
    """Tell whether the tagger knows a word well as a common noun ("Zustand"), not only
    guesses it from its ending ("Klingbeil", "Maaßen")."""
    return _well_known_as(word, COMMON_NOUN_TAG)


def _well_known_as(word: str, tag: str) -> bool:
    """Tell whether the tagger's best tag for a word alone is `tag` (or one of its subtags, as
    "NNA" is of "NN") and comes from its lexicon, with a log-probability above a guess's."""
    stts, logprob = _best_tag(word)
    return stts.startswith(tag) and logprob > KNOWN_WORD_LOGPROB


def _guessed(word: str) -> bool:
    """Tell whether the tagger only guesses a word's tag from its letters ("Wersilows")."""
    return _best_tag(word)[1] < GUESSED_WORD_LOGPROB


def _written(word: str, written: dict[str, bool], masked: str) -> bool:
    """Tell whether a text writes `word` as a word of its own; `written` holds the answers so
    far, every word of the text to begin with (one with a hyphen is looked for once)."""
    if word not in written:
        hyphenated = WORD_RUN_RE.fullmatch(word) is None
        written[word] = hyphenated and re.search(rf"\b{re.escape(word)}\b", masked) is not None
    return written[word]


def surnames(masked: str) -> frozenset[str]:
    """Return the words a text writes right after a first name ("Lars Klingbeil",
    "Hans-Georg Maaßen"), without the genitive "s" where the text writes that too, and the
    words the tagger only guesses that close a speech clause as its speaker ("sagte Röttgen.",
    "so Röttgen,"): surnames, whatever the tagger makes of them alone.

    Not a noun the tagger knows well ("Gaulands Rücktritt" is an owner and a thing), nor after
    a name in the genitive ("Wersilows Zustand", "Wersilows Krankheitssymptome").
    """
    found = set()
    # every word the text writes, looked up once: a search of the whole text per pair would
    # take time quadratic in its length
    written = dict.fromkeys(WORD_RUN_RE.findall(masked), True)
    for match in NAME_PAIR_RE.finditer(masked):
        first, second = match.groups()
        if _best_tag(first)[0] not in NAME_TAGS or well_known_noun(second):
            continue
        if _best_tag(second)[0].startswith(FUNCTION_TAG_PREFIXES):
            continue
        if first.endswith(GENITIVE_S) and (
            _guessed(first) or _written(first[:-1], written, masked)
        ):
            # an owner in the genitive: named on its own too, or unknown to the tagger with
            # its "s" ("Wersilows"), where a first name in "s" is known ("Thomas", "Klaus")
            continue
        found.add(second)
        if in_genitive(second) and _written(second[:-1], written, masked):
            # "die Verurteilung Michael Knapps" … "Knapp forderte": the surname without its "s"
            found.add(second[:-1])
    for match in SPOKEN_BY_RE.finditer(masked):
        verb, word = match.groups()
        if (verb == "so" or is_speech_verb(verb)) and _guessed(word):
            # "sagte Röttgen.", "so Röttgen,": a word the tagger only guesses, the speaker
            found.add(word)
    return frozenset(found)


def holds_finite_verb(text: str, start: int, end: int) -> bool:
    """Tell whether the words of `text[start:end]` hold a finite verb, read in context."""
    return any(token.tag in FINITE_TAGS for token in tag(text, start, end))


def opens_clause(word: str) -> bool:
    """Tell whether a word read without context opens a subordinate clause ("Nachdem", "Wie")."""
    return _word_tag(word) in CLAUSE_OPENER_TAGS


def is_attributive_adjective(word: str) -> bool:
    """Tell whether a word read without context is an adjective before a noun ("Allgemeinen")."""
    return _word_tag(word) == ADJECTIVE_TAG


def is_adverbial(word: str) -> bool:
    """Tell whether a lowercase word is an adverb or an adverbial adjective or participle.

    Such words stand between a verb and its subject ("sagte gestern", "zeigte sich zufrieden").
    """
    return word.islower() and _word_tag(word).startswith(ADVERBIAL_TAGS)


def is_not_noun(word: str) -> bool:
    """Tell whether a capitalised word opens no noun phrase: a preposition, a conjunction, an
    adverb or a pronoun ("Zudem", "Doch", "Dies").

    An adverbial adjective counts when it is long ("Gleichzeitig"): short ones are often
    surnames ("Kurz", "Lang", "Klein").
    """
    found = _word_tag(word)
    long_adjective = found == ADVERBIAL_ADJECTIVE and len(word) >= MIN_ADVERBIAL_ADJECTIVE
    return word in NOT_NOUNS or found.startswith(CLAUSE_WORD_TAGS) or long_adjective


def _stand_in(word: str) -> str:
    """Return what the tagger reads for a token: a stand-in for masked quotes and names."""
    if word.startswith("§"):
        return QUOTE_STAND_IN
    if word.startswith("XX"):
        return NAME_STAND_IN
    return word if len(word) <= MAX_TAGGED_LENGTH else LONG_STAND_IN


def clauses(tokens: list[Token]) -> list[tuple[int, int, bool]]:
    """Return (first, end, subordinate) token ranges of clauses, split at punctuation and quotes.

    A clause opened by a subordinating conjunction, a relative pronoun or a wh-adverb is
    subordinate: its subject is not the subject of a speech verb outside it.
    """
    found: list[tuple[int, int, bool]] = []
    first = 0
    for index, token in enumerate([*tokens, None]):
        if token is None or (token.tag in BOUNDARY_TAGS and not _inside_clause(tokens, index)):
            if index > first:
                found.append((first, index, tokens[first].tag in SUBORDINATE_TAGS))
            first = index + 1
    return found


def _inside_clause(tokens: list[Token], index: int) -> bool:
    """Tell whether a quote stands inside a clause, words on both sides ("beobachteten die
    „destabilisierenden Aktionen“ Pekings genau"): it is one of the clause's words, no edge."""
    if tokens[index].tag != QUOTE_TAG or not 0 < index < len(tokens) - 1:
        return False
    return tokens[index - 1].tag not in BOUNDARY_TAGS and tokens[index + 1].tag not in BOUNDARY_TAGS


def speech_cue(tokens: list[Token], first: int, end: int) -> int | None:
    """Return the index of the speech verb of a clause, recognised by lemma, or None."""
    lemmas = {t.lemma for t in tokens[first:end]}
    particles = {t.word for t in tokens[first:end] if t.tag in {"PTKVZ", "PTKZU", "APPR"}}
    for index in range(first, end):
        token = tokens[index]
        if token.tag not in FINITE_TAGS | PARTICIPLE_TAGS:
            continue
        lemma = token.lemma
        if lemma in SPEECH_LEMMAS or any((lemma, p) in PARTICLE_LEMMAS for p in particles):
            return index
        if lemma in REFLEXIVE_LEMMAS and "sich" in lemmas and _stance_after(tokens, index, end):
            return index
    return None


def _stance_after(tokens: list[Token], index: int, end: int) -> bool:
    """Tell whether an adjective or participle follows a reflexive verb ("zeigt sich überzeugt")."""
    return any(t.tag in {"ADJD", "ADJ(D)", "VV(PP)"} for t in tokens[index + 1 : end])


def phrases(tokens: list[Token], first: int, end: int) -> list[Phrase]:
    """Return the noun phrases of a clause, names with lowercase particles included.

    A subject pronoun ("er", "sie", "wir") is a phrase of its own.
    """
    found: list[Phrase] = []
    index = first
    while index < end:
        if tokens[index].word.lower() in SUBJECT_PRONOUNS and tokens[index].tag in PRONOUN_TAGS:
            found.append(_phrase(tokens, index, index + 1))
            index += 1
            continue
        opening = index
        index = _past_extended_attribute(tokens, index, end)
        while index < end and _opens_phrase(tokens, index):
            index += 1
        nouns = index
        while index < end and (tokens[index].tag in HEAD_TAGS or _particle(tokens, index, end)):
            index += 1
        if index == nouns and _nominal(tokens, opening, index):
            # "Der 39-Jährige ließ …": a capitalised adjective with no noun after it is the noun
            found.append(_phrase(tokens, opening, index))
            continue
        if index == nouns:
            index = max(index, opening) + 1
            continue
        found.append(_conjunct(found, tokens, _phrase(tokens, opening, index)))
    return found


def _conjunct(found: list[Phrase], tokens: list[Token], phrase: Phrase) -> Phrase:
    """Give a phrase after "und"/"oder" the case of the phrase it is joined to.

    "Mit Rumänien und Bulgarien": both are in the prepositional phrase, neither is a subject.
    """
    before = found[-1] if found else None
    if before is None or phrase.first < 2 or tokens[phrase.first - 1].tag != COORDINATING_TAG:
        return phrase
    if before.last != phrase.first - 2:
        return phrase
    return replace(phrase, in_pp=before.in_pp, oblique=before.oblique or phrase.oblique)


def _nominal(tokens: list[Token], opening: int, end: int) -> bool:
    """Tell whether an article and adjectives end in a capitalised adjective used as a noun."""
    last = tokens[end - 1] if end > opening + 1 else None
    return (
        last is not None
        and last.tag == ADJECTIVE_TAG
        and is_capitalised(last.word)
        and tokens[opening].tag == ARTICLE_TAG
    )


def _past_extended_attribute(tokens: list[Token], index: int, end: int) -> int:
    """Return where the adjective of an article's extended attribute stands, else `index`.

    "Der für viele als Favorit geltende Peter Hermann": a prepositional phrase between the
    article and the adjective before the noun belongs to the phrase, and names no head.
    """
    if tokens[index].tag != ARTICLE_TAG or index + 1 >= end:
        return index
    if tokens[index + 1].tag not in ATTACHING_TAGS:
        return index
    for inner in range(index + 2, min(end - 1, index + EXTENDED_ATTRIBUTE_TOKENS)):
        if tokens[inner].tag in FINITE_TAGS or tokens[inner].tag == ARTICLE_TAG:
            break
        if tokens[inner].tag == ADJECTIVE_TAG and tokens[inner + 1].tag in HEAD_TAGS:
            return inner
    return index


def _opens_phrase(tokens: list[Token], index: int) -> bool:
    """Tell whether a token is an article, a determiner or an adjective inside a noun phrase."""
    tag_ = tokens[index].tag
    return tag_ == ADJECTIVE_TAG or tag_ in PHRASE_OPENERS


def _particle(tokens: list[Token], index: int, end: int) -> bool:
    """Tell whether a lowercase word belongs to a name ("von der Leyen", "de Maizière").

    It does when it is a name particle, capitalised words follow it, and no noun stands before
    it in the phrase that a "von" could attach to as an owner ("Sprecherin von Minister X").
    """
    word = tokens[index].word
    if word not in NAME_PARTICLES:
        return False
    following = index + 1
    while following < end and tokens[following].word in NAME_PARTICLES:
        following += 1
    if following >= end or not tokens[following].word[:1].isupper():
        return False
    previous = tokens[index - 1] if index else None
    alone = following == index + 1 and (previous is None or previous.word not in NAME_PARTICLES)
    if alone and tokens[following].tag not in NAME_TAGS:
        # "da Recht", "zu Hause": one particle before a common noun is no name
        return False
    if previous is None or previous.tag not in NOUN_TAGS:
        return True
    # "Karl-Theodor zu Guttenberg" links two names; "Sprecherin von X" links a role to its owner
    return previous.tag == "NE" and not ROLE_RE.search(previous.word)


def _phrase(tokens: list[Token], first: int, end: int) -> Phrase:
    """Describe the noun phrase `tokens[first:end]`."""
    words = [t.word for t in tokens[first:end]]
    before = tokens[first - 1] if first else None
    # inside a prepositional phrase, or a genitive after a noun ("im Interview der Woche")
    in_pp = before is not None and (before.tag in ATTACHING_TAGS or before.tag in NOUN_TAGS)
    oblique = (
        words[0].lower() in OBLIQUE
        or words[0] in {"ihm", "ihr", "ihnen"}
        or (words[0].lower() in FEMININE_OBLIQUE and _feminine(words[-1]))
    )
    return Phrase(
        first,
        end - 1,
        tokens[first].start,
        tokens[end - 1].end,
        _kind(tokens[first:end]),
        oblique,
        in_pp,
    )


def opens_oblique(masked: str, start: int, end: int) -> bool:
    """Tell whether the phrase opening `masked[start:end]` is a dative or accusative ("Der
    Öffentlichkeit habe er …", "Der Zeitung sagte Meier …"): the subject follows the verb."""
    tokens = tag(masked, start, end)
    found = (p for first, stop, _ in clauses(tokens) for p in phrases(tokens, first, stop))
    opening = next(found, None)
    return opening is not None and opening.oblique


def _feminine(noun: str) -> bool:
    """Tell whether a noun is feminine by its ending ("Zeitung", "Ministerin")."""
    return noun.endswith(FEMININE_SUFFIXES) or (noun.endswith("in") and bool(ROLE_RE.search(noun)))


def _kind(tokens: list[Token]) -> Kind:
    """Tell whether a phrase names a person, a body (organisation, outlet), a pronoun or a thing."""
    if len(tokens) == 1 and tokens[0].tag in PRONOUN_TAGS:
        return "pronoun"
    nouns = [t for t in tokens if t.tag in NOUN_TAGS]
    heads = nouns or [t for t in tokens if t.tag == ADJECTIVE_TAG and is_capitalised(t.word)]
    if any(_denotes_person(t.word) for t in heads) or any(
        t.tag == NOMINAL_ADJECTIVE for t in tokens
    ):
        return "person"
    if any(t.word.lower().endswith(SPEAKING_BODIES) for t in nouns):
        return "body"
    if len(nouns) == 2 and nouns[0].tag == "NN" and nouns[1].word.endswith("s"):
        # "Engagement Deutschlands": a thing and its owner in the genitive
        return "thing"
    # "von der Leyen", "de Maizière": a particle inside a name, not an article opening a phrase
    particle = any(
        t.word in NAME_PARTICLES
        and (i or t.tag != ARTICLE_TAG)
        and _particle(tokens, i, len(tokens))
        for i, t in enumerate(tokens)
    )
    # a name takes no indefinite article: "eine SMS" is a thing
    indefinite = tokens[0].word.lower() in INDEFINITE_ARTICLES
    # a name the tagger knows, or capitalised foreign words ("Lindsey Graham: „…“")
    named = any(
        t.tag == NAME_TAG or (t.tag == FOREIGN_TAG and is_capitalised(t.word)) for t in nouns
    )
    if (named and not indefinite) or particle:
        return "person"
    return "thing"


@per_text
def name_kind(words: str) -> Kind | None:
    """Return what words read on their own name: a person, a body, a pronoun or a thing.

    None when they hold no noun phrase at all ("Kaum", "Wirst"): such words name no one.
    A person or a body beats a thing ("Chef der Bank" is a person).
    """
    # a word the tagger does not know ("Liat", "AFP") is a name
    tokens = [
        replace(t, tag=NAME_TAG) if t.tag == UNKNOWN_TAG and is_capitalised(t.word) else t
        for t in tag(words, 0, len(words))
    ]
    found = [p for first, end, _ in clauses(tokens) for p in phrases(tokens, first, end)]
    # the head phrase names the speaker, not a genitive after it ("Das Ergebnis der Prüfer")
    kinds = {p.kind for p in found if not p.in_pp} or {p.kind for p in found[:1]}
    return next((kind for kind in KIND_ORDER if kind in kinds), None)


@per_text
def owned_thing(words: str) -> bool:
    """Tell whether words name a thing of someone named in the genitive before it ("Wersilows
    Krankheitssymptome", "Kleins Risiko"): the owner is a person, the phrase is not."""
    return _owned(tag(words, 0, len(words)))


def _owned(tokens: list[Token]) -> bool:
    """Tell whether tagged words end in a name in the genitive and a thing it owns."""
    return (
        len(tokens) > 1
        and tokens[-1].tag == "NN"
        and not _denotes_person(tokens[-1].word)
        and tokens[-2].tag == NAME_TAG
        and in_genitive(tokens[-2].word)
    )


def in_genitive(name: str) -> bool:
    """Tell whether a name ends in the genitive "s" ("Jessens"), not in a double "s" ("Hess")."""
    return name.endswith(GENITIVE_S) and not name.endswith(GENITIVE_S * 2)


def genitive_owner(words: str) -> str | None:
    """Return whose words or ideas a phrase of names names ("Löschels Einschätzung": "Löschel").

    Only names stand before the noun, so the owner is all of them; what else a name owns
    speaks for itself ("Prigoschins Unternehmen") or is someone else ("Johnsons Schwester").
    """
    tokens = tag(words, 0, len(words))
    if not _owned(tokens) or any(t.tag != NAME_TAG for t in tokens[:-1]):
        return None
    noun = tokens[-1].word
    if not (is_speech_noun(noun) or is_abstract(noun.removesuffix(PLURAL_EN))):
        return None
    owner = [t.word for t in tokens[:-1]]
    owner[-1] = owner[-1].removesuffix(GENITIVE_S)
    return " ".join(owner)


@per_text
def may_name_someone(words: str) -> bool:
    """Tell whether words may name someone: not a thing, or a thing with a name in it.

    "Eileen Lyons" reads as a thing and its owner ("Engagement Deutschlands") but holds a name.
    """
    return name_kind(words) != "thing" or holds_name(words)


@per_text
def holds_name(words: str) -> bool:
    """Tell whether words hold a name: one the tagger knows or a word it does not.

    A name after a preposition is a place or an owner, not the phrase's ("Der Krieg in
    Afghanistan").
    """
    tokens = tag(words, 0, len(words))
    attached = {
        index
        for first, end, _ in clauses(tokens)
        for p in phrases(tokens, first, end)
        if p.first and tokens[p.first - 1].tag in ATTACHING_TAGS
        for index in range(p.first, p.last + 1)
    }
    return any(t.tag in {NAME_TAG, UNKNOWN_TAG} and i not in attached for i, t in enumerate(tokens))


@per_text
def names_no_one(words: str) -> bool:
    """Tell whether words are a single function word or auxiliary ("Jemand", "Wirst")."""
    tokens = tag(words, 0, len(words))
    return len(tokens) == 1 and tokens[0].tag.startswith(FUNCTION_TAG_PREFIXES)


def _denotes_person(noun: str) -> bool:
    """Tell whether a noun names a person: a role, an age ("der 48-Jährige"), an agent noun."""
    return (
        bool(ROLE_RE.search(noun) or EPITHET_RE.search(noun))
        or noun in PERSON_WORDS
        or noun.endswith(AGENT_SUFFIXES)
    )


def people(tokens: list[Token]) -> list[Subject]:
    """Return the clause subjects that name people, in text order: each clause's first phrase
    outside a prepositional phrase and not dative or accusative.

    A clause of "und" and a verb shares the subject before it ("… und warf Brüssel vor"). Words
    without a verb after a comma or a bracket are no clause but an apposition, a list or an
    aside ("Marc Olefs, Leiter der Abteilung", "Hannes Gnauck (AfD)", "bei RTL/Ntv").
    """
    found = []
    sentence = 0
    ends = iter(i for i, t in enumerate(tokens) if t.tag == SENTENCE_END_TAG)
    next_end = next(ends, len(tokens))
    for first, end, subordinate in clauses(tokens):
        while first > next_end:
            sentence, next_end = sentence + 1, next(ends, len(tokens))
        if (
            tokens[first].tag == COORDINATING_TAG
            and first + 1 < end
            and tokens[first + 1].tag in FINITE_TAGS
        ):
            continue
        if _aside(tokens, first, end):
            continue
        subject = next((p for p in phrases(tokens, first, end) if not (p.in_pp or p.oblique)), None)
        if subject is not None and subject.kind == "person" and not generic(tokens, subject):
            main = not (subordinate or reported(tokens, first, end))
            found.append(Subject(subject, sentence, main))
    return found


def generic(tokens: list[Token], phrase: Phrase) -> bool:
    """Tell whether a quantifier opens a phrase: it names no one in particular ("Jeder
    Kunstschaffende", "Viele Experten", "Kein Politiker")."""
    return tokens[phrase.first].tag in QUANTIFIER_TAGS


def reported(tokens: list[Token], first: int, end: int) -> bool:
    """Tell whether a clause's finite verb is in Konjunktiv I: what someone said, not the story."""
    return any(t.tag in FINITE_TAGS and is_konjunktiv_i(t.word) for t in tokens[first:end])


def _aside(tokens: list[Token], first: int, end: int) -> bool:
    """Tell whether words follow a comma or a bracket and hold no finite verb."""
    return (
        first > 0
        and tokens[first - 1].tag in ASIDE_TAGS
        and not any(t.tag in FINITE_TAGS for t in tokens[first:end])
    )


@per_text
def describes_only(words: str) -> bool:
    """Tell whether words describe a speaker without naming anyone ("ein Zeuge", "einer der
    Schüler", "Viele Anwohner"): a name takes no indefinite article and no quantifier.

    A spokesperson or a statement of an owner the words name speaks for that owner ("ein
    VW-Sprecher", "eine Sprecherin des Amtes", "eine Erklärung des Militärs").
    """
    tokens = tag(words, 0, len(words))
    if not tokens or not (
        tokens[0].word.lower() in INDEFINITE_ARTICLES or tokens[0].tag in QUANTIFIER_TAGS
    ):
        return False
    head = next((i for i, t in enumerate(tokens) if t.tag == "NN"), None)
    if head is None:
        return True
    word = tokens[head].word
    spokesperson = SPEAKER_ROLE_RE.search(word) is not None
    if not spokesperson and not is_speech_noun(word):
        return True
    compound = spokesperson and SPEAKER_ROLE_RE.fullmatch(word) is None
    return not compound and not any(t.word in LINKS for t in tokens[head + 1 : -1])


def first_tag(masked: str, start: int, end: int) -> str | None:
    """Return the tag of the first word of `masked[start:end]`, read in its context."""
    tokens = tag(masked, start, end)
    return tokens[0].tag if tokens else None


def bare(tokens: list[Token]) -> bool:
    """Tell whether a noun phrase has neither article nor name ("Kritikern", "junge Leute")."""
    return (
        bool(tokens)
        and tokens[0].tag in BARE_OPENER_TAGS
        and not any(t.tag in NAME_TAGS for t in tokens)
    )


def cue_subject(tokens: list[Token], first: int, end: int, cue: int) -> Phrase | None:
    """Return the subject of the speech verb `cue` in the clause `tokens[first:end]`.

    Candidates are the clause's noun phrases outside prepositional phrases and without a
    dative or accusative article; a person beats a body, a body beats a thing, and between
    equals the phrase right after the verb (inversion: „…“, sagte X) or right before it.
    """
    if tokens[cue].lemma in QUOTING_LEMMAS:
        return None
    if cue > first and tokens[cue - 1].tag == COORDINATING_TAG:
        # "… und fügte hinzu": the subject is the first conjunct's, in another clause
        return None
    best: tuple[float, Phrase] | None = None
    for phrase in phrases(tokens, first, end):
        if phrase.in_pp or phrase.oblique or phrase.first == cue:
            continue
        score = SUBJECT_WEIGHTS[phrase.kind]
        if phrase.first == cue + 1 or phrase.last == cue - 1:
            score += SUBJECT_WEIGHTS["adjacent"]
        if bare(tokens[phrase.first : phrase.last + 1]):
            # "Kritikern entgegnet sie": a noun without article is plural or generic, often
            # a dative; a pronoun after the verb is the subject
            score -= SUBJECT_WEIGHTS["bare"]
        if best is None or score > best[0]:
            best = (score, phrase)
    return best[1] if best else None


def frame_after_quote(masked: str, open_: int, close: int, end: int) -> tuple[Token, Phrase] | None:
    """Return the verb and subject of a verb-first clause right after a quote, by grammar.

    „…“, lacht Kerstin Wahala. · „…“, regt sie an. · „…“, schätzt Pfeiffer.: German reports
    speech so with any verb, not only those of the speech lexicon; the subject must be someone
    (a person, a body or a pronoun), never a thing of more than one word.
    """
    tokens = tag(masked, open_, min(end, close + FRAME_AFTER_CHARS))
    if len(tokens) < 3 or tokens[2].tag not in FINITE_TAGS:
        return None
    # the span is masked as a quote, or as a name when it was read as a title
    if tokens[0].tag != QUOTE_TAG and not tokens[0].word.startswith(MASKED_NAME):
        return None
    # a name-like span is no boundary of its own: a clause opens at the verb after its comma
    clause = next((c for c in clauses(tokens) if c[0] == 2), None)
    if clause is None:
        return None
    first, last, _ = clause
    subject = inverted_subject(tokens, first, last)
    # the subject follows the verb, or its reflexive pronoun ("freut sich Kluckers")
    reflexive = first + 1 < last and tokens[first + 1].tag == REFLEXIVE_TAG
    if subject is None or subject.first != first + 1 + reflexive:
        return None
    # a bare singular noun cannot be a subject in German: one word without article is a name
    if subject.kind == "thing" and subject.first != subject.last:
        return None
    return tokens[first], subject


def inverted_subject(tokens: list[Token], first: int, end: int) -> Phrase | None:
    """Return the subject of a clause that opens with its verb after a comma („…“, sagt X).

    Reported speech puts its frame so after what was said, quoted or not.
    """
    if not first or tokens[first - 1].tag != "$,":
        return None
    return cue_subject(tokens, first, end, first)


# How a noun phrase is preferred as the subject of a speech verb: the readable weight table.
SUBJECT_WEIGHTS = {
    "person": 3.0,
    "pronoun": 3.0,
    "body": 2.5,
    "thing": 0.0,
    "adjacent": 1.0,
    "bare": 0.5,
}
