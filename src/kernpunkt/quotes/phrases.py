"""Find noun phrases and clause subjects in the masked text: where a speaker is named."""

from __future__ import annotations

from itertools import takewhile

from kernpunkt.quotes import grammar
from kernpunkt.quotes.lexicon import (
    ADVERB_ABBREVIATIONS,
    ADVERBIAL_SUFFIXES,
    AGE_RE,
    CIRCUMSTANCE_SUBORDINATORS,
    CLAUSE_PUNCTUATION,
    COORDINATORS,
    DEFINITE_ARTICLES,
    DEMONSTRATIVE_SUBJECTS,
    DETERMINERS,
    DOTTED_NAME_RE,
    FINITE_OPENERS,
    FORMER_LATTER,
    GENITIVE_LINKS,
    IDIOM_NOUNS,
    INDEFINITE_ARTICLES,
    LINKS,
    LOWER_PREPOSITIONS,
    LOWER_STOPWORDS,
    MAX_APPOSITION_WORDS,
    NAME_LINKS,
    NAME_OWNERS,
    NOMINATIVE_RELATIVES,
    NON_NOMINATIVE,
    NP_TOKEN_LIMIT,
    OBJECT_ARTICLES,
    OBJECT_PRONOUNS,
    OWNER_NOUN_RE,
    PARTICIPLE_RE,
    PASSIVE_AUXILIARIES,
    PLURAL_SUFFIXES,
    POSTPOSITIONS,
    PREFIELD_LINKS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_RE,
    SKIPPABLE_OPENERS,
    SUBJECT_PRONOUNS,
    TERM_NOUN_RE,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    TITLE_WORDS,
    WINDOW,
    head_noun,
    is_abstract,
    is_adjective,
    is_capitalised,
    is_konjunktiv_i,
    is_speech_verb,
)
from kernpunkt.quotes.sentences import Sent, clause_start, word_tokens

# The cardinal numbers that count one; any other before a noun makes its phrase plural.
CARDINAL_TAG = "CARD"
# The ending of an adjective in the genitive plural, the one that may follow a noun.
GENITIVE_PLURAL_ENDING = "er"
ONE = INDEFINITE_ARTICLES | {"1", "eins"}
# Words that join two nouns into a plural subject.
PLURAL_JOINERS = frozenset({"und", "sowie"})
# Tags of the words a prepositional phrase after a noun holds ("nach einem Ende der Kämpfe").
ATTACHED_PHRASE_TAGS = frozenset(
    {
        "APPR",
        "APPRART",
        grammar.ARTICLE_TAG,
        grammar.ADJECTIVE_TAG,
        "NN",
        "NE",
        CARDINAL_TAG,
        "PPOSAT",
    }
)
# Tags a capitalised word opening a clause has in context when it opens no noun phrase: an
# adverb, a participle or a finite verb ("Mitten im Wahlkampf gab …", "Sagt dann: „…“"); not
# an adverbial adjective, which is as often a surname ("Kurz sagte", "Knapp forderte").
ADVERBIAL_OPENING_TAGS = grammar.ADVERB_TAGS | grammar.FINITE_TAGS | {"VV(PP)"}
# Tags of a clause's first word that make it a subordinate clause filling the prefield: a
# conjunction, a relative, or a question word ("Welche …", "Wer …", "Warum …").
SUBORDINATE_OPENING_TAGS = grammar.SUBORDINATE_TAGS | {"PWAT", "PWS"}
# Tags of the first word of a role with a name in apposition after it: a determiner (article,
# possessive, demonstrative: "Ihr Anführer, Hakeem Jeffries,") or a bare noun.
APPOSED_OPENING_TAGS = frozenset({grammar.ARTICLE_TAG, "PPOSAT", "PDAT", "NN"})


def noun_phrase(masked: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Return the noun phrase (with appositions, without relative clauses) starting at `pos`."""
    tokens = word_tokens(masked, pos, min(limit, pos + WINDOW))[:NP_TOKEN_LIMIT]
    if not tokens:
        return None
    if tokens[0][2] in PRONOUNS or tokens[0][2] in FORMER_LATTER:
        return tokens[0][0], tokens[0][1]
    following = tokens[1][2] if len(tokens) > 1 else ""
    if tokens[0][2] in DEMONSTRATIVE_SUBJECTS and not _starts_phrase(following):
        return tokens[0][0], tokens[0][1]
    if tokens[0][2] in LOWER_PREPOSITIONS or tokens[0][2] in LOWER_STOPWORDS - DETERMINERS:
        return None
    head_end: int | None = None
    # "Die von Russland erhobenen Vorwürfe", "Die das Unglück überlebende Alice K.": a phrase
    # between the article and its noun, closed by a participle, names no head of its own
    # ("Einer der Nachbarn" is one of the neighbours)
    first, second = tokens[0][2].lower(), tokens[1][2] if len(tokens) > 1 else ""
    attribute = first in DETERMINERS and (
        second in LOWER_PREPOSITIONS or (first in DEFINITE_ARTICLES and second in DEFINITE_ARTICLES)
    )
    i = 0
    while i < len(tokens):
        _, end, word = tokens[i]
        following = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if attribute and head_end is not None and word.islower() and is_adjective(word):
            attribute, head_end = False, None
        elif word.lower() in DETERMINERS and (i == 0 or word.islower()):
            if head_end is None and i > 0 and tokens[i - 1][2].lower() not in DETERMINERS | LINKS:
                # "erschien ein Kommentar": no article follows the adjective of its own phrase.
                return None
            # "der Entwurf für ein neues Gesetz": an article after a link continues the phrase.
            linked = i > 0 and tokens[i - 1][2] in LINKS
            if head_end is not None and word not in GENITIVE_LINKS and not linked:
                break
            if head_end is not None and _told_outlet(tokens, i):
                break
        elif _after_full_name(tokens, i) and grammar.well_known_noun(word):
            # "sagte Anna Keller Anfang November": a full name ends its phrase
            break
        elif _owned_adjective(word):
            # "Der Mugabe-treue frühere Minister": it describes the noun after it
            pass
        elif word in TITLE_WORDS or (is_capitalised(word) and not grammar.is_not_noun(word)):
            head_end = end
        elif _quoted_genitive(word, tokens[i - 1][2] if i else "", head_end):
            # "ein Vertreter der „con energy ag“": a name in quotation marks ends the phrase.
            head_end = end
            break
        elif head_end == tokens[i - 1][1] and _names_the_noun(word, tokens[i - 1][2]):
            # "Sprecher der Initiative „Feldheim bleibt grün“": the name of what came before.
            head_end = end
        elif _continues_phrase(word, following, head_end, tokens[i - 1][1], tokens[0][2]):
            pass
        elif word == "(" and head_end is not None:
            close = _parenthesis_end(tokens, i)
            if close is None:
                break
            head_end, i = tokens[close][1], close + 1
            continue
        elif word == "," and head_end is not None:
            apposition = _apposition(masked, tokens, i + 1)
            if apposition is None:
                break
            head_end, i = apposition
            continue
        else:
            break
        i += 1
    # "Die von Macron, dem Präsidenten …, ins Spiel gebrachte Idee": cut off before the
    # participle, the phrase has not reached its noun
    return (tokens[0][0], head_end) if head_end is not None and not attribute else None


def _owned_adjective(word: str) -> bool:
    """Tell whether a word is an adjective compounded with a name ("Mugabe-treue",
    "CDU-geführte")."""
    name, dash, adjective = word.rpartition("-")
    return bool(name and dash) and adjective[:1].islower() and is_adjective(adjective)


def _quoted_genitive(word: str, previous: str, head_end: int | None) -> bool:
    """Tell whether a masked quoted span names the owner after a phrase's noun ("von „X“")."""
    return head_end is not None and previous in NAME_OWNERS and set(word) == {"§"}


def _names_the_noun(word: str, previous: str) -> bool:
    """Tell whether a masked quoted span is the name of the noun before it ("Initiative „X“")."""
    return set(word) == {"§"} and bool(TERM_NOUN_RE.search(previous))


def _after_full_name(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Tell whether the word at `i` follows a first name and a surname ("Anna Keller"), not a
    name in the genitive that owns it ("Julia Jessens Roman") nor a second first name ("Hans
    Peter Keller")."""
    if i < 2:
        return False
    surname = tokens[i - 1][2]
    return (
        grammar.is_known_name(tokens[i - 2][2])
        and is_capitalised(surname)
        and not grammar.in_genitive(surname)
        and not grammar.is_well_known_name(surname)
        and tokens[i][2] not in TITLE_WORDS
    )


def _told_outlet(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Tell whether "der" at `i` opens whom the words were told ("sagte X der „Rundschau“").

    A quoted name after "der", or after "der" and a noun ("der Zeitung „Le Parisien“"), is a
    genitive only for a role ("ein Sprecher der „Grünen Jugend“"); after a name or an epithet
    it is the outlet, in the dative. A person's name takes no genitive after it: "sagte Maier
    der Süddeutschen Zeitung" tells whom, and so does "sagte Anna Keller der Nachrichtenagentur",
    a first name and a surname the tagger alone reads as a cellar.
    """
    if tokens[i][2] != "der" or i == 0 or i + 1 >= len(tokens):
        return False
    named = tokens[i + 1 : i + 3] if is_capitalised(tokens[i + 1][2]) else tokens[i + 1 : i + 2]
    quoted = set(named[-1][2]) in ({"X"}, {"§"})
    noun = tokens[i - 1][2]
    if ROLE_RE.search(noun) or OWNER_NOUN_RE.search(noun):
        return False
    if quoted:
        return True
    # a phrase of capitalised words alone ending in no common noun ("Thorsten Frei"), not a
    # place in a longer phrase ("im Bezirk Weser-Ems der SPD")
    names = all(
        is_capitalised(word) and word.lower() not in DETERMINERS for _, _, word in tokens[:i]
    )
    return (names and not grammar.is_common_noun(noun)) or _after_full_name(tokens, i)


def _continues_phrase(
    word: str, following: str, head_end: int | None, previous_end: int, first: str
) -> bool:
    """Tell whether a token inside a speaker phrase continues it (adjectives, links).

    `head_end` is where the phrase's last noun so far ends, `previous_end` the token before.
    """
    if word.isdigit() and head_end == previous_end:
        # a number after the noun goes on ("Bayer 04 Leverkusen", "Artikel 65 des") unless it
        # counts a noun and opens a phrase of its own ("hatte Pinochet 16 Jahre nach …")
        return not (following[:1].isupper() and grammar.well_known_noun(following))
    if is_adjective(word):
        # Right after the noun only a genitive plural goes on ("der Verband deutscher
        # Ingenieure"): "-en" is the verb ("Die Städte erwarten"), and another ending an
        # object's adjective ("kündigte das Amt personelle Verstärkungen an"); before it, a
        # participle ("die in Berlin gewählte").
        if head_end != previous_end:
            return True
        # and the tagger reads a verb so ("Merz wies …")
        return word.endswith(GENITIVE_PLURAL_ENDING) and grammar.word_lemma(word) is None
    if head_end is not None:
        # "der Gewerkschaft ver.di": a name written in lowercase with a dot.
        return _links_phrase(word, following) or bool(DOTTED_NAME_RE.fullmatch(word))
    # "die sehr alte Partei", and "die in New York geborene Lopez": an adverb or a participle
    # phrase between article and noun; after the noun, "empfiehlt allen" is the verb.
    if word.islower() and is_adjective(following):
        return True
    return word in LOWER_PREPOSITIONS and first.lower() in DETERMINERS


def _links_phrase(word: str, following: str) -> bool:
    """Tell whether `word` joins the next phrase to the speaker ("von Tesla", "und Y")."""
    if word in NAME_LINKS:
        # "das Nobelkomitee im norwegischen Oslo": a place, perhaps with its adjective.
        if following in TIME_NOUNS or following in IDIOM_NOUNS:
            return False
        return is_capitalised(following) or is_adjective(following)
    if word in NAME_OWNERS and set(following) == {"§"}:
        # "die Homepage von „con energy“": a name in quotation marks.
        return True
    return word in LINKS and _starts_phrase(following)


def _starts_phrase(word: str) -> bool:
    """Tell whether a word can open a noun phrase after a linking preposition."""
    return word.lower() in DETERMINERS or is_capitalised(word) or is_adjective(word)


def _parenthesis_end(tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """Return the index of the ")" closing a short parenthesis ("(SPD)") at token `i`."""
    for j in range(i + 1, min(len(tokens), i + 5)):
        if tokens[j][2] == ")":
            return j
    return None


def _apposition(masked: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """Return (end, next index) of an apposition starting at token `i`, or None for a clause.

    "Yermak, Selenskyjs Stabschef," and "Rajevac, der Trainer Ghanas" are appositions;
    "Lopez, die den Auftritt kaum erwarten könne," is a relative clause, "Präsident und sein
    Team beobachteten …" a main clause and "Sorgen … zu zerstreuen" an infinitive clause:
    each ends the phrase.
    """
    j = i
    while j < len(tokens) and tokens[j][2] not in CLAUSE_PUNCTUATION:
        # "Volker Beck das Pontifikat": an article after a noun opens the object.
        if j > i and tokens[j][2] in OBJECT_ARTICLES and is_capitalised(tokens[j - 1][2]):
            break
        j += 1
    segment = tokens[i:j]
    if not segment or len(segment) > MAX_APPOSITION_WORDS:
        return None
    words = [word for _, _, word in segment]
    if len(words) == 1 and AGE_RE.fullmatch(words[0]):
        # "Alice Kakamara, 30, sagte": the age, as news writing gives it.
        return segment[0][1], j
    if words[0] in DETERMINERS:
        if len(words) < 2 or not (is_capitalised(words[1]) or is_adjective(words[1])):
            return None
    elif not is_capitalised(words[0]) or grammar.is_not_noun(words[0]):
        return None
    if any(is_speech_verb(word) or is_konjunktiv_i(word) for word in words):
        return None
    tags = {t.tag for t in grammar.tag(masked, segment[0][0], segment[-1][1])}
    if tags & grammar.CLAUSE_VERB_TAGS:
        return None
    if len(words) > 1 and _names_the_noun(words[-1], words[-2]):
        # "Hubert Lang, Sprecher der Initiative „Feldheim bleibt grün“, sagte"
        return segment[-1][1], j
    if not is_capitalised(words[-1]) or "§" in words[-1]:
        head = _last_noun(segment)
        return (segment[head][1], i + head + 1) if head is not None else None
    if j < len(tokens) and tokens[j][2] == "(":
        close = _parenthesis_end(tokens, j)
        if close is not None:
            return tokens[close][1], close + 1
    return segment[-1][1], j


def _last_noun(segment: list[tuple[int, int, str]]) -> int | None:
    """Return the index of the last noun of the leading noun phrase in a segment."""
    head = None
    for index, (_, _, word) in enumerate(segment):
        if is_capitalised(word) and not grammar.is_not_noun(word):
            head = index
        elif not (word in DETERMINERS or is_adjective(word) or word in LINKS):
            break
    return head


def prefield_is_subject(tokens: list[tuple[int, int, str]]) -> bool:
    """Tell whether a clause opens with its subject rather than an adverbial."""
    if not tokens:
        return False
    first = tokens[0][2]
    second = tokens[1][2] if len(tokens) > 1 else ""
    lowered = first.lower()
    if first in NON_NOMINATIVE or lowered in FINITE_OPENERS or lowered in ADVERB_ABBREVIATIONS:
        return False
    if first in PRONOUNS or first.lower() in DETERMINERS:
        return True
    if first[:1].isdigit():
        # "22 Prozent teilen die Meinung": a quantity of people.
        return is_capitalised(second) and not grammar.is_not_noun(second)
    if not is_capitalised(first) or grammar.is_not_noun(first):
        return False
    return not (first.endswith(ADVERBIAL_SUFFIXES) and (not second or second.islower()))


def prefield_holds_subject(masked: str, tokens: list[tuple[int, int, str]], end: int) -> bool:
    """Tell whether a clause opens with its subject, its first word read in context up to `end`:
    a capitalised adverb, participle or finite verb opens none ("Mitten im Wahlkampf gab Merz
    …", "Angestoßen hatte die Debatte X", "Sagt dann: „…“")."""
    return (
        prefield_is_subject(tokens)
        and grammar.first_tag(masked, tokens[0][0], end) not in ADVERBIAL_OPENING_TAGS
    )


def is_plural(masked: str, phrase: tuple[int, int]) -> bool:
    """Tell whether a noun phrase is plural by its form ("die tibetischen Mönche").

    After "die", a nominative singular takes "-e" on its adjective ("die neue Ministerin"),
    so "-en" marks a plural ("Die von Russland erhobenen Vorwürfe"); without an article an
    adjective's "-e" does ("Negative Folgen"); some endings are plural on the noun itself
    ("Äußerungen"). The head is the first noun not inside a prepositional phrase.
    """
    tokens = grammar.tag(masked, phrase[0], phrase[1])
    head = next(
        (
            i
            for i, t in enumerate(tokens)
            if t.tag in grammar.NOUN_TAGS
            and not (i and tokens[i - 1].tag in grammar.ATTACHING_TAGS)
        ),
        None,
    )
    if head is None:
        return False
    if tokens[head].word.endswith(PLURAL_SUFFIXES) or _joined(tokens, head):
        return True
    before = [t.word for t in tokens[:head]]
    if not before:
        return False
    if tokens[0].tag == CARDINAL_TAG and tokens[0].word.lower() not in ONE:
        # "Sieben Kilometer vor der Grenze", "22 Prozent": a number above one counts many
        # ("Der 1955 geborene Heusgen" opens with its article)
        return True
    if before[0].lower() == "die":
        named = any(t.tag == grammar.NAME_TAG for t in tokens)
        return (not named and grammar.is_inflected_noun(tokens[head].word)) or any(
            word.islower() and word.endswith("en") for word in before[1:]
        )
    opening = tokens[0]
    return opening.tag == grammar.ADJECTIVE_TAG and opening.word.lower().endswith("e")


def _joined(tokens: list[grammar.Token], head: int) -> bool:
    """Tell whether "und" joins the head noun to another noun ("Rufe und Forderungen").

    After a singular article both nouns are one person ("Der Bürgermeister und Justizsenator").
    """
    article = next((t.word.lower() for t in tokens[:head] if t.tag == grammar.ARTICLE_TAG), "die")
    return (
        article == "die"
        and head + 2 < len(tokens)
        and tokens[head + 1].word in PLURAL_JOINERS
        and tokens[head + 2].tag in grammar.NOUN_TAGS
    )


def is_singular_verb(word: str) -> bool:
    """Tell whether a finite verb is third person singular ("beschrieb", not "beschrieben")."""
    return not word.endswith("n")


def after_verb(masked: str, pos: int, end: int) -> tuple[int, int] | None:
    """Return the subject phrase right after a verb, skipping object pronouns and adverbs."""
    tokens = word_tokens(masked, pos, min(end, pos + WINDOW))[:10]
    index = 0
    while index < len(tokens):
        tok_start, _, word = tokens[index]
        if word in OBJECT_PRONOUNS or grammar.is_adverbial(word) or word == ",":
            index += 1
            continue
        if word in LOWER_PREPOSITIONS and index + 1 < len(tokens):
            index += _adverbial_length(tokens, index)
            continue
        if word in PRONOUNS or word in DETERMINERS or is_capitalised(word):
            return noun_phrase(masked, tok_start, end)
        return None
    return None


def is_object(masked: str, phrase: tuple[int, int]) -> bool:
    """Tell whether a phrase opens with a word no subject opens with ("dem Sender")."""
    return masked[phrase[0] : phrase[1]].split()[0].title() in NON_NOMINATIVE


def _adverbial_length(tokens: list[tuple[int, int, str]], index: int) -> int:
    """Return how many tokens a short adverbial at `index` takes, or all of them if it is none.

    "am Montag" and "gegenüber Wikinews der Kommissar" put a preposition and a name between
    the verb and its subject; "von Sandra Boser" may go on, so nothing after it is the subject.
    """
    name = tokens[index + 1][2]
    following = tokens[index + 2][2] if index + 2 < len(tokens) else ""
    if is_capitalised(name) and (tokens[index][2] in TIME_PREPOSITIONS or following in DETERMINERS):
        return 2
    return len(tokens)


def subject_after_finite(
    masked: str, tokens: list[tuple[int, int, str]], end: int
) -> tuple[int, int] | None:
    """Return the first noun phrase after the finite verb of a clause with an adverbial opener."""
    if tokens and tokens[0][2].lower() in FINITE_OPENERS:
        return after_verb(masked, tokens[0][1], end)
    # the verb is among the clause's words: tagging them alone keeps an endless sentence linear
    tagged = grammar.tag(masked, tokens[0][0], min(end, tokens[-1][1])) if tokens else []
    at = next((i for i, t in enumerate(tagged) if i and t.tag in grammar.FINITE_TAGS), None)
    prefield = tagged[:at] if at is not None else []
    joined = {t.word for t in prefield} & (COORDINATORS | SUBJECT_PRONOUNS)
    # a verb that a comma follows ends a subordinate clause ("Als Weidel sagt, …")
    subordinate = any(t.tag in grammar.CLAUSE_OPENER_TAGS for t in prefield) or (
        at is not None and at + 1 < len(tagged) and tagged[at + 1].word == ","
    )
    if at is not None and not joined and not subordinate:
        # "Mit dabei war auch X": the tagger finds the finite verb after the prefield, and
        # what follows it is the subject only where it may name someone ("hilft Tieren" does
        # not); a clause joined by "und" or opened by a pronoun, and a verb that ends a
        # subordinate clause ("als Weidel sagt,"), are left to the word-by-word search below
        subject = after_verb(masked, tagged[at].end, end)
        if subject is None or is_object(masked, subject):
            return None
        # its head, before a prepositional phrase ("Obama für die Annahme eines Gesetzes")
        words = masked[subject[0] : subject[1]].split()
        head = " ".join(takewhile(lambda word: word not in LOWER_PREPOSITIONS, words))
        return subject if head in SUBJECT_PRONOUNS or grammar.may_name_someone(head) else None
    for index, (_, tok_end, word) in enumerate(tokens):
        if index == 0 or not word[:1].islower() or word in LOWER_PREPOSITIONS | DETERMINERS:
            continue
        previous = tokens[index - 1][2]
        # "Dem Vernehmen nach soll X …": a postposition closes the prefield before the verb
        closes = previous in POSTPOSITIONS and index > 1 and is_capitalised(tokens[index - 2][2])
        if not closes and (
            previous in DETERMINERS
            or previous in LOWER_PREPOSITIONS
            or previous[:1].islower()
            or _attributive(masked, tokens, index)
        ):
            continue
        if word in COORDINATORS:
            # "und wir haben vereinbart": a new clause with its own subject pronoun.
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following[2] in SUBJECT_PRONOUNS:
                return following[0], following[1]
            continue
        subject = after_verb(masked, tok_end, end)
        if subject is not None and not is_object(masked, subject):
            return subject
    return None


def _attributive(masked: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether a lowercase word after a capitalised opening article is its adjective
    ("Dem schweizerischen Portal sagte er"), not the verb after a pronoun ("Das musste X")."""
    if index != 1 or tokens[0][2].lower() not in DETERMINERS:
        return False
    tagged = grammar.tag(masked, tokens[0][0], tokens[index][1])
    return bool(tagged) and tagged[-1].tag == grammar.ADJECTIVE_TAG


def extend_mention(masked: str, sent: Sent, phrase: tuple[int, int]) -> tuple[int, int]:
    """Extend a speaker phrase over what describes it, as a reader names the speaker.

    A subject opening its clause runs up to the finite verb ("Khan, einer der Abgeordneten,
    die den Brief unterschrieben, verurteilte …"); a phrase elsewhere takes one relative
    clause after it ("sagte Arauz, der das Gesetz entworfen hatte") unless that clause speaks.
    """
    if not masked[phrase[1] :].startswith(","):
        return phrase
    if phrase[0] == clause_start(masked, sent.start, phrase[0] + 1):
        end = _prefield_end(masked, phrase[1], sent.end)
        return (phrase[0], end) if end is not None else phrase
    comma = masked.find(",", phrase[1] + 1, sent.end)
    stop = comma if comma >= 0 else sent.end
    tail = word_tokens(masked, phrase[1] + 1, stop)
    if is_relative_clause(tail) and not any(_reports_speech(word) for _, _, word in tail):
        return phrase[0], tail[-1][1]
    return phrase


def _reports_speech(word: str) -> bool:
    """Tell whether a word makes a clause speech itself: a quote, a speech verb, Konjunktiv I."""
    return "§" in word or is_konjunktiv_i(word) or is_speech_verb(word)


def _prefield_end(masked: str, pos: int, end: int) -> int | None:
    """Return where a subject that opens its clause ends: at the comma before the finite verb.

    The words after each comma go on describing the subject when they open an apposition or a
    relative clause (a capital, an article, a pronoun, a preposition); a lowercase word of
    another kind is the finite verb.
    """
    tokens = word_tokens(masked, pos, min(end, pos + WINDOW))
    for index, (tok_start, _, word) in enumerate(tokens[:-1]):
        if word in {":", ";"} or "§" in word:
            return None
        following = tokens[index + 1][2]
        if word == "," and following[:1].islower() and following not in PREFIELD_LINKS:
            return tok_start if index else None
    return None


def phrase_before(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return the noun phrase that ends right before `pos` (for "X zufolge")."""
    clause = clause_start(masked, sent.start, pos)
    comma = masked.rfind(",", clause, pos)
    for tok_start, _, _ in word_tokens(masked, comma + 1 if comma >= 0 else clause, pos)[-10:]:
        phrase = noun_phrase(masked, tok_start, pos)
        if phrase and not masked[phrase[1] : pos].strip():
            return phrase
    return None


def phrase_start(masked: str, sent: Sent, pos: int) -> int:
    """Return the start of the noun phrase that contains the word at `pos`."""
    begin = pos
    for tok_start, _, word in reversed(word_tokens(masked, max(sent.start, pos - 80), pos)):
        if grammar.is_not_noun(word) or word == ",":
            break
        if not (word.lower() in DETERMINERS or is_adjective(word) or is_capitalised(word)):
            break
        begin = tok_start
    return begin


def subject_before_comma(masked: str, clause: int, pos: int) -> tuple[int, int] | None:
    """Return the subject that ends with a comma right before the verb at `pos`.

    "A wies das zurück, die Sprecherin der Fraktion, Sandra Boser, erklärte": the longest
    phrase after a comma that runs, appositions included, up to that comma.
    """
    last = masked.rfind(",", clause, pos)
    if last < 0 or masked[last + 1 : pos].strip():
        return None
    found = None
    comma = masked.rfind(",", clause, last)
    while comma >= 0:
        phrase = noun_phrase(masked, comma + 1, last + 1)
        if phrase is not None and not masked[phrase[1] : last].strip():
            found = phrase
        comma = masked.rfind(",", clause, comma)
    return found


def apposed_prefield(masked: str, clause: int, pos: int) -> tuple[int, int] | None:
    """Return a prefield of a phrase and its apposition, set off by commas, right before the
    verb at `pos`: a role and the name ("Der Fraktionschef, Alexander Wolf,") or a name and its
    role ("Hendrik Wüst (CDU), Regierungschef in Düsseldorf,"), with no verb between them."""
    named = subject_before_comma(masked, clause, pos)
    if named is None or not masked[clause : named[0]].rstrip().endswith(","):
        return None
    tokens = grammar.tag(masked, clause, named[0])[:-1]
    if not tokens or any(t.tag in grammar.FINITE_TAGS or t.word == "," for t in tokens):
        return None
    role_first = tokens[0].tag in APPOSED_OPENING_TAGS and grammar.holds_name(
        masked[named[0] : named[1]]
    )
    name_first = tokens[0].tag == grammar.NAME_TAG and grammar.holds_name(masked[clause : named[0]])
    # the mention keeps the role: later "der Anwalt" is the same person
    return (tokens[0].start, named[1]) if role_first or name_first else None


def is_relative_clause(tail: list[tuple[int, int, str]]) -> bool:
    """Tell whether the words after a comma open a relative clause, not an apposition.

    "der die Maßnahme als „…“ sieht" and "die Gerhard Schröder … erklärt hatte" are relative
    clauses; "der Generalsekretär des Verbandes" is an apposition.
    """
    if not tail or tail[0][2] not in RELATIVE_PRONOUNS:
        return False
    words = [word for _, _, word in tail[1:3]]
    if not words or not is_capitalised(words[0]) or grammar.is_not_noun(words[0]):
        return True
    named = len(words) > 1 and is_capitalised(words[1])
    return named or tail[0][2] not in NOMINATIVE_RELATIVES


def in_circumstance_clause(masked: str, sent: Sent, pos: int) -> bool:
    """Tell whether `pos` lies in a clause of condition, cause or time ("…, wenn ein „…“ …")."""
    comma = masked.rfind(",", clause_start(masked, sent.start, pos), pos)
    first = word_tokens(masked, comma + 1, pos)[:1] if comma >= 0 else []
    return bool(first) and first[0][2] in CIRCUMSTANCE_SUBORDINATORS


def _past_attached_phrase(masked: str, pos: int, end: int) -> int:
    """Return where a prepositional phrase right after a noun ends, where the verb follows.

    "Forderungen nach einem Ende der Kämpfe lässt X nicht gelten": the phrase belongs to the
    noun before it; with no finite verb after it, `pos` is returned.
    """
    tokens = grammar.tag(masked, pos, min(end, pos + WINDOW))
    if not tokens or tokens[0].tag not in grammar.ATTACHING_TAGS:
        return pos
    for token in tokens[1:]:
        if token.tag in grammar.FINITE_TAGS:
            return token.start
        if token.tag not in ATTACHED_PHRASE_TAGS:
            break
    return pos


def object_first_subject(masked: str, phrase: tuple[int, int], end: int) -> tuple[int, int] | None:
    """Return the name after the verb when the clause opens with what cannot speak or cannot be
    its subject (a dative: "Der Zeitung sagte Meier, …").

    "Die Entwicklung im Iran verglich Merkel mit …", "Jegliche Mitverantwortung weist Hartmann
    von sich": an abstract noun opening the clause is the object, the bare name after the verb
    (the word right after the phrase) the subject. "Seine Meinung zu Kirchhoff: „…“" has no
    verb.
    """
    verb = word_tokens(masked, _past_attached_phrase(masked, phrase[1], end), end)[:1]
    if not verb or not verb[0][2][:1].islower() or verb[0][2] in LOWER_PREPOSITIONS:
        return None
    # "Die erhobenen Vorwürfe hat das Medium …": a plural cannot be a singular verb's subject
    disagrees = is_singular_verb(verb[0][2]) and is_plural(masked, phrase)
    opening = [w for _, _, w in word_tokens(masked, *phrase)]
    opened = " ".join(opening)
    # "Maaßens Rücktritt verlangte Kuhle": a thing of someone named in the genitive
    noun = head_noun(opening)
    owned = is_abstract(noun) or grammar.owned_thing(opened)
    # "Die Skepsis … findet Dr. Thalhammer": the grammar reads the opening as a thing, and
    # its noun (a compound's last part) is one the tagger knows, not a name it guesses
    # ("Queensland sei …")
    thing = (
        bool(noun)
        and not grammar.may_name_someone(opened)
        and grammar.well_known_noun(noun.rsplit("-", 1)[-1])
    )
    # "Der Zeitung sagte Meier …": a dative cannot be the subject
    oblique = grammar.opens_oblique(masked, *phrase)
    if not (disagrees or owned or thing or oblique):
        return None
    subject = after_verb(masked, verb[0][1], end)
    if subject is None:
        return None
    words = [word for _, _, word in word_tokens(masked, *subject)]
    if words[0] in PRONOUNS or is_object(masked, subject):
        return None
    said = " ".join(words)
    if not (disagrees or owned or oblique) and (
        not grammar.may_name_someone(said) or grammar.owned_thing(said)
    ):
        # "Feuerwehr nennt Lage „unübersichtlich“", "würdigte damit Obamas Einsatz": one thing
        # before the verb, another after it
        return None
    if words[0].lower() in DETERMINERS:
        # "… stellte der SPD-Vorsitzende Franz Müntefering in Frage": a role, not a thing
        return (
            subject if disagrees or oblique or any(ROLE_RE.search(word) for word in words) else None
        )
    return subject if all(is_capitalised(word) for word in words) else None


def _clause_tokens(
    masked: str, sent: Sent, pos: int
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Return the words of the clause ending at `pos` (an opening "Und" left out) and those
    after its last comma."""
    clause = clause_start(masked, sent.start, pos - 2)
    tokens = word_tokens(masked, clause, pos)
    while tokens and tokens[0][2] in SKIPPABLE_OPENERS:
        tokens = tokens[1:]
    commas = [index for index, (_, _, word) in enumerate(tokens) if word == ","]
    return tokens, tokens[commas[-1] + 1 :] if commas else []


def subordinate_prefield_end(masked: str, sent: Sent, pos: int) -> int | None:
    """Return where a subordinate clause ends that fills the prefield of the clause ending at
    `pos` ("Als die Moderatorin fragte, lachte der Minister: „…“"), or None."""
    tokens, tail = _clause_tokens(masked, sent, pos)
    if not tail or not _opens_after_subordinate(masked, tokens, tail, pos):
        return None
    return tail[0][0]


def joined_main_subject(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return the subject of a main clause that a comma joins to the one before and that ends
    at `pos`, if it may name someone; else None. Its finite verb comes second, after an adverb
    ("Merkel sprach lange, danach ergriff Scholz das Wort: „…“": the subject follows the verb)
    or after the subject itself ("…, der Vizekanzler lachte nur: „…“"), not in Konjunktiv I."""
    _, tail = _clause_tokens(masked, sent, pos)
    if len(tail) < 3:
        return None
    tokens = grammar.tag(masked, tail[0][0], pos)
    if tokens[0].tag == grammar.COORDINATING_TAG:
        # "…, doch Scholz lachte nur: „…“": a conjunction stands outside the clause
        tokens = tokens[1:]
    # the finite verb's position: 0 when it opens the words (a verb-first clause) or is missing
    verb = next((i for i, t in enumerate(tokens) if t.tag in grammar.FINITE_TAGS), 0)
    if not verb or is_konjunktiv_i(tokens[verb].word):
        # "…, Peking trage die Verantwortung: „…“" reports what was said, names no speaker
        return None
    if verb == 1 and tokens[0].tag in grammar.ADVERB_TAGS:
        subject = after_verb(masked, tokens[1].end, pos)
    elif all(t.tag in grammar.PHRASE_OPENERS | grammar.NOUN_TAGS for t in tokens[:verb]):
        subject = (tokens[0].start, tokens[verb - 1].end)
    else:
        return None
    if subject is None or not grammar.may_name_someone(masked[subject[0] : subject[1]]):
        return None
    return subject


def clause_subject(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return the subject of the clause ending at `pos` ("Hier sparte X nicht mit …: „…“")."""
    tokens, tail = _clause_tokens(masked, sent, pos)
    if len(tail) > 1 and tail[0][2][:1].islower() and tail[1][2] in SUBJECT_PRONOUNS:
        # "Das Angebot, Verletzte aufzunehmen, lehnt er ab: „…“": the verb, then its subject.
        return tail[1][0], tail[1][1]
    if (
        len(tail) > 1
        and tail[0][2] in SUBJECT_PRONOUNS
        and grammar.first_tag(masked, tail[1][0], pos) in grammar.FINITE_TAGS | {grammar.ADVERB_TAG}
    ):
        # "Das gelang zwar, er selbst war enttäuscht: „…“": a main clause of its own
        return tail[0][0], tail[0][1]
    if tail and _opens_after_subordinate(masked, tokens, tail, pos):
        # "Während X …, warf Macron … vor": a clause fills the prefield, the subject follows;
        # with none after the verb the clause is the subject ("Welche Lebensmittel betroffen
        # sind, sei unklar: „…“"), and names no one
        return after_verb(masked, tail[0][1], pos)
    if prefield_holds_subject(masked, tokens, pos):
        phrase = noun_phrase(masked, tokens[0][0], pos)
        return (phrase and object_first_subject(masked, phrase, pos)) or phrase
    return subject_after_finite(masked, tokens, pos)


def _opens_after_subordinate(
    masked: str,
    tokens: list[tuple[int, int, str]],
    tail: list[tuple[int, int, str]],
    pos: int,
) -> bool:
    """Tell whether a clause's prefield is a subordinate clause and its finite verb opens the
    words after its last comma."""
    if grammar.first_tag(masked, tokens[0][0], tail[0][0]) not in SUBORDINATE_OPENING_TAGS:
        return False
    return grammar.first_tag(masked, tail[0][0], pos) in grammar.FINITE_TAGS


def passive_before(masked: str, sent: Sent, pos: int) -> bool:
    """Tell whether a passive clause closes before `pos` ("Darin wird X aufgefordert, „…“").

    Its subject is who was addressed or described, not who speaks.
    """
    words = [word for _, _, word in word_tokens(masked, clause_start(masked, sent.start, pos), pos)]
    comma = len(words) - 1 - words[::-1].index(",") if "," in words else 0
    if comma < 2 or not words[comma - 1].islower():
        return False
    participle = PARTICIPLE_RE.fullmatch(words[comma - 1])
    return bool(participle) and bool(PASSIVE_AUXILIARIES & set(words[: comma - 1]))
