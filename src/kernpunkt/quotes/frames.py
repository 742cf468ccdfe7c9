"""Find speech frames (verbs, nouns, colons, "so", "laut", "zufolge", …) and their speaker."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from kernpunkt.quotes import grammar
from kernpunkt.quotes.lexicon import (
    ACCUSATIVE_ARTICLES,
    ACCUSATIVE_PRONOUNS,
    ASCRIBED_RE,
    AUS,
    AUS_NOUNS,
    AUXILIARIES,
    CITATION_WORDS,
    CITED_SOURCE_RE,
    CLAUSE_CONTINUERS,
    CLAUSE_PUNCTUATION,
    CONTENT_OPENERS,
    COORDINATORS,
    DEMONSTRATIVES,
    DETERMINERS,
    ES_HEISST_RE,
    ES_SOURCE_LINKS,
    HEISST_ES_RE,
    INFINITIVE_WRITTEN,
    LAUT,
    LOCATIVES,
    LOWER_PREPOSITIONS,
    MAX_CITED_WORDS,
    MAX_OWNER_WORDS,
    NACH,
    NACH_DOCUMENTS,
    NACH_NOUNS,
    NAMING_VERBS,
    NEUTER_SUBJECT,
    NOMINATIVE_PRONOUNS,
    NOMINATIVE_RELATIVES,
    OBJECT_PRONOUNS,
    OPINION_FOR,
    OPINION_VERB_FORMS,
    OWN,
    OWNER_LINKS,
    OWNER_PREPOSITIONS,
    PARENTHESIS_RE,
    PARTICIPLE_RE,
    PASSIVE_AUXILIARIES,
    PASSIVE_PARTICIPLE_AUXILIARIES,
    PERSONAL_PRONOUNS,
    PLACE_ADVERBS,
    POSSESSIVES,
    PREFIELD_GAP,
    PREPOSITIONS,
    REDE_RE,
    REFLEXIVE_WRITTEN,
    RELATIVE_PRONOUNS,
    SENTENCE_PUNCT,
    SEPARABLE_RES,
    SKIPPABLE_OPENERS,
    SO_FRAME_RE,
    SOURCE_KINDS,
    SOURCE_PRONOUN_GENDERS,
    SPEAKER_ROLE_RE,
    SUBORDINATORS,
    TIME_LINKS,
    UNSPECIFIED,
    VERB_PARTICLES,
    WIE,
    WINDOW,
    WRITTEN_VERBS,
    ZUFOLGE,
    is_adjective,
    is_capitalised,
    is_konjunktiv_i,
    is_konjunktiv_ii,
    is_opinion_verb,
    is_speech_noun,
    is_speech_verb,
)
from kernpunkt.quotes.marks import Span
from kernpunkt.quotes.phrases import (
    after_verb,
    apposed_prefield,
    clause_subject,
    extend_mention,
    is_object,
    is_plural,
    is_relative_clause,
    is_singular_verb,
    noun_phrase,
    object_first_subject,
    phrase_before,
    phrase_start,
    prefield_holds_subject,
    prefield_is_subject,
    subject_after_finite,
    subject_before_comma,
)
from kernpunkt.quotes.sentences import Frame, Sent, clause_start, word_tokens

# Characters read at a sentence's start for the word that opens it.
OPENER_CHARS = 20
# "sie" is the subject when nothing but the end of its clause follows it ("…, sagte sie.").
FEMININE_PRONOUN = "sie"
CLAUSE_ENDS = frozenset({"", ",", ";", ":", *SENTENCE_PUNCT})


def speech_cues(masked: str, start: int, end: int) -> list[Frame]:
    """Find speech verbs, nouns and frames in one sentence, in text order."""
    tokens = word_tokens(masked, start, end)
    words = {word for _, _, word in tokens}
    cues: list[Frame] = []
    for index, (tok_start, _, word) in enumerate(tokens):
        following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        previous = tokens[index - 1][2] if index else ""
        naming = word in NAMING_VERBS and bool({previous, following} & {"sich", "man"})
        attributive = previous.lower() in DETERMINERS or previous == UNSPECIFIED
        if is_speech_verb(word) and not attributive and not naming:
            cues.append(Frame(word, tok_start, None))
        elif word in NACH_NOUNS and following == "nach" and _owns_view(tokens, index):
            # "seiner Meinung nach": the view is the frame, its owner the possessive.
            cues.append(Frame(previous, tokens[index - 1][0], None, kind="view"))
        elif (is_speech_noun(word) or SPEAKER_ROLE_RE.search(word)) and not _dates(tokens, index):
            cues.append(Frame(word, tok_start, None, kind="noun"))
        elif word in NACH | LAUT and following in OWN and _owned_view("sein", tokens[index + 2 :]):
            # "war nach eigenem Bekunden eingeweiht", "laut eigener Aussage": the subject's own
            # account.
            cues.append(Frame(word, tok_start, None, kind="own"))
        elif word in LAUT and following not in {"", ","}:
            # "(Zitate aus der Klageschrift laut Spiegel)": the outlet that passed the words on.
            cited = _cites(tokens, index)
            cues.append(Frame(word, tok_start, None, kind="cited" if cited else "laut"))
        elif word == ZUFOLGE:
            cues.append(Frame(word, tok_start, None, kind="zufolge"))
        elif (word in NACH and following in NACH_NOUNS) or (word in AUS and following in AUS_NOUNS):
            cues.append(Frame(word, tok_start, None, kind="nach"))
        elif word in NACH and following in {"dem", "einem"} and _names_document(tokens, index):
            # "Nach dem Artikel 65 des Grundgesetzes bestimmt …": the document is the source.
            cues.append(Frame(word, tok_start, None, kind="laut"))
        elif word in NACH and _owned_view(following, tokens[index + 2 : index + 3]):
            # "Nach Schäubles Idee", "Nach seiner Ansicht": whose view, right after "nach".
            cues.append(Frame(word, tok_start, None, kind="laut"))
        elif word == OPINION_FOR and index == 0 and _opinion_holder(tokens):
            # "Für den Theologen Küng sei der Rücktritt verständlich", "Für X ist die Lage
            # „alarmierend“": whose view is reported; not "Für extreme Regenmengen brauche es …"
            cues.append(Frame(word, tok_start, None, kind="laut"))
        elif any(p.fullmatch(word) and particles & words for p, particles in SEPARABLE_RES):
            cues.append(Frame(word, tok_start, None))
        elif _presents_writing(word, previous, following) and (
            ":" in words or any(map(is_speech_noun, words)) or _reads_quote(tokens, index)
        ):
            cues.append(Frame(word, tok_start, None, kind="text"))
    for pattern in (HEISST_ES_RE, ES_HEISST_RE, REDE_RE):
        for match in pattern.finditer(masked, start, end):
            cues.append(Frame(match.group().split()[0], match.start(), None, kind="es"))
    for match in SO_FRAME_RE.finditer(masked, start, end):
        cues.append(Frame("so", match.start(1), None, kind="so"))
    cues.sort(key=lambda frame: frame.pos)
    for frame in cues:
        if frame.kind == "verb":
            clause = clause_start(masked, start, frame.pos)
            frame.reports = _wie_clause(masked, clause, frame, end) is not None
    return cues


def _reads_quote(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether "zu lesen" at `index` follows quoted words ("war „X“ zu lesen")."""
    return index > 1 and set(tokens[index - 2][2]) == {"§"}


def _names_document(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether "nach dem" at `index` is followed by a document ("nach dem Bericht")."""
    return index + 2 < len(tokens) and tokens[index + 2][2] in NACH_DOCUMENTS


def _cites(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether the word at `index` stands in a citation ("(Zitat: Spiegel)")."""
    for position in range(index - 1, -1, -1):
        if tokens[position][2] == ")":
            return False
        if tokens[position][2] == "(":
            following = tokens[position + 1][2]
            return following in CITATION_WORDS
    return False


def _owns_view(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether "seiner Meinung nach" frames a clause, not an attribute ("die ihrer …")."""
    before = [word for _, _, word in tokens[max(0, index - 2) : index]]
    if not before or before[-1].lower() not in POSSESSIVES:
        return False
    return len(before) < 2 or before[0].lower() not in DETERMINERS


def _dates(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether a speech noun only dates the event ("während einer Rede der X")."""
    before = [word for _, _, word in tokens[max(0, index - 2) : index]]
    return bool(before) and (before[0] in TIME_LINKS or before[-1] in TIME_LINKS)


def _opinion_holder(tokens: list[tuple[int, int, str]]) -> bool:
    """Tell whether "Für" opens a clause with someone's view: a person or body, then an opinion
    verb ("Für den Theologen Küng sei …")."""
    verb = next((i for i, (_, _, word) in enumerate(tokens) if is_opinion_verb(word)), None)
    if verb is None or verb < 2:
        return False
    holder = " ".join(word for _, _, word in tokens[1:verb])
    return grammar.may_name_someone(holder)


def _owned_view(owner: str, noun: list[tuple[int, int, str]]) -> bool:
    """Tell whether "nach" is followed by someone's view ("Schäubles Idee", "seiner Ansicht")."""
    if not noun or noun[0][2] not in NACH_NOUNS:
        return False
    return owner.lower() in POSSESSIVES or (is_capitalised(owner) and owner.endswith("s"))


def _presents_writing(word: str, previous: str, following: str) -> bool:
    """Tell whether a verb presents written words ("steht", "zu lesen", "fand sich")."""
    if word in INFINITIVE_WRITTEN:
        return previous == "zu"
    if word in REFLEXIVE_WRITTEN:
        return following == "sich"
    return word in WRITTEN_VERBS


def _passive_auxiliary(masked: str, clause: int, frame: Frame) -> int | None:
    """Return where the auxiliary of a passive speech participle ends ("wurde als „…“ bezeichnet").

    The passive's subject is who was described or addressed, not who spoke.
    """
    if not PARTICIPLE_RE.fullmatch(frame.cue):
        return None
    comma = masked.rfind(",", clause, frame.pos)
    for _, end, word in word_tokens(masked, max(comma + 1, clause), frame.pos):
        if word in PASSIVE_AUXILIARIES:
            return end
    return None


def is_passive(masked: str, sent: Sent, frame: Frame) -> bool:
    """Tell whether a speech verb is a passive participle, its auxiliary before or after it
    ("wurde im Rat als „…“ bezeichnet", "könnten vereinbart werden")."""
    clause = clause_start(masked, sent.start, frame.pos)
    return (
        _passive_auxiliary(masked, clause, frame) is not None
        or _auxiliary_after(masked, frame) is not None
    )


def _auxiliary_after(masked: str, frame: Frame) -> int | None:
    """Return where a passive auxiliary after a speech participle ends ("vereinbart werden")."""
    if not PARTICIPLE_RE.fullmatch(frame.cue):
        return None
    verb_end = frame.pos + len(frame.cue)
    following = word_tokens(masked, verb_end, min(len(masked), verb_end + WINDOW))[:1]
    if following and following[0][2] in PASSIVE_PARTICIPLE_AUXILIARIES:
        return following[0][1]
    return None


def _closing_sie(masked: str, token: tuple[int, int, str], end: int) -> bool:
    """Tell whether "sie" right after a speech verb closes its clause ("…, sagte sie."): then it
    is the subject; with more words after it, it may be the object ("nannte sie „…“")."""
    return token[2] == FEMININE_PRONOUN and masked[token[1] : end].strip()[:1] in CLAUSE_ENDS


def _passive_agent(
    masked: str, tokens: list[tuple[int, int, str]], end: int
) -> tuple[int, int] | None:
    """Return the agent of a passive speech clause ("wird von X als … bezeichnet")."""
    words = [word for _, _, word in tokens]
    if not PASSIVE_AUXILIARIES & set(words) or words[-1:] == [","]:
        # "Dass X vom Verfassungsschutz beobachtet werden, nannte Y …": the verb right after
        # the comma is the main clause's, the passive belongs to the clause before it
        return None
    for index, word in enumerate(words[:-1]):
        if word in {"von", "vom"}:
            return noun_phrase(masked, tokens[index + 1][0], end)
    return None


def frame_speaker(masked: str, sent: Sent, frame: Frame) -> tuple[int, int] | None:
    """Find the speaker phrase for a frame, with the appositions and relative clauses after it."""
    phrase = _bare_frame_speaker(masked, sent, frame)
    if phrase is None or frame.kind == "view":
        return phrase
    return extend_mention(masked, sent, phrase)


def _bare_frame_speaker(masked: str, sent: Sent, frame: Frame) -> tuple[int, int] | None:
    """Find the speaker phrase for a frame in a sentence."""
    after = frame.pos + len(frame.cue)
    if frame.kind == "so":
        return _with_source(masked, noun_phrase(masked, after, sent.end), sent.end)
    if frame.kind == "laut":
        return noun_phrase(masked, after, sent.end)
    if frame.kind == "nach":
        tokens = word_tokens(masked, after, min(sent.end, after + 40))[:3]
        skip = 1 + (len(tokens) > 1 and tokens[1][2] in {"von", "vom"})
        return noun_phrase(masked, tokens[skip][0], sent.end) if len(tokens) > skip else None
    if frame.kind == "view":
        owned = word_tokens(masked, frame.pos, min(sent.end, frame.pos + WINDOW))[1]
        return frame.pos, owned[1]
    if frame.kind in {"own", "cited"}:
        return clause_subject(masked, sent, frame.pos)
    if frame.kind == "zufolge":
        return phrase_before(masked, sent, frame.pos)
    if frame.kind == "text":
        return _owner(
            masked,
            _written_antecedent(masked, sent, frame.pos)
            or _place_adverb(masked, sent, frame.pos)
            or _written_source(masked, sent, frame.pos),
        )
    if frame.kind == "es":
        return _owner(
            masked,
            _es_source(masked, after, sent.end)
            or _written_antecedent(masked, sent, frame.pos)
            or _place_adverb(masked, sent, frame.pos)
            or _prefield_source(masked, sent, frame.pos),
        )
    if frame.kind == "noun":
        return _noun_owner(masked, sent, frame)
    return _verb_subject(masked, sent, frame)


def _owner(masked: str, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """Return the possessive of a place where words are written, else the place itself.

    "Auf ihrer Homepage heißt es", "auf seinem Grabstein steht": whose page or stone it is
    wrote the words; the possessive stands for that person as "sie" or "er" would.
    """
    if source is None:
        return None
    first = word_tokens(masked, source[0], source[1])[:1]
    if first and first[0][2].lower() in POSSESSIVES:
        return first[0][0], first[0][1]
    return source


def _with_source(masked: str, phrase: tuple[int, int] | None, end: int) -> tuple[int, int] | None:
    """Extend a phrase over the source it is cited from ("so die Regierung laut Reuters")."""
    if phrase is None:
        return None
    link = word_tokens(masked, phrase[1], min(end, phrase[1] + WINDOW))[:2]
    if len(link) < 2 or link[0][2] not in LAUT:
        return phrase
    source = noun_phrase(masked, link[1][0], end)
    return (phrase[0], source[1]) if source else phrase


def _es_source(masked: str, pos: int, end: int) -> tuple[int, int] | None:
    """Return the source of "heißt es in X": the phrase after its preposition, and its place.

    "in der Meldung auf der Homepage von X": where the document stands belongs to it.
    """
    tokens = word_tokens(masked, pos, min(end, pos + WINDOW))[:6]
    for index, (_, _, word) in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if word in ES_SOURCE_LINKS and following[2] in SOURCE_PRONOUN_GENDERS:
            # "hieß es von ihm": who the pronoun stands for
            return following[0], following[1]
        if word in ES_SOURCE_LINKS and following[2] not in ACCUSATIVE_ARTICLES:
            source = noun_phrase(masked, following[0], end)
            tail = (source[1], min(end, source[1] + WINDOW)) if source else (end, end)
            place = word_tokens(masked, *tail)[:2]
            if len(place) < 2 or place[0][2] not in LOCATIVES or place[1][2] not in DETERMINERS:
                return source
            where = noun_phrase(masked, place[1][0], end)
            return (source[0], where[1]) if where else source
    return None


def _written_antecedent(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return what a relative clause of place refers to ("das Gesetz, in dem es heißt")."""
    clause = clause_start(masked, sent.start, pos)
    comma = masked.rfind(",", clause, pos)
    tail = word_tokens(masked, comma + 1, pos) if comma >= 0 else []
    if len(tail) < 2 or tail[0][2] not in LOCATIVES | ES_SOURCE_LINKS:
        return None
    if not is_relative_clause(tail[1:]):
        return None
    # "ein Zettel kleben, auf dem …": the antecedent may stand before a final verb.
    last = word_tokens(masked, max(clause, comma - 40), comma)[-1:]
    verb_last = bool(last) and last[0][2].islower() and last[0][2] not in DETERMINERS
    return phrase_before(masked, sent, last[0][0] if verb_last else comma)


def _written_source(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return where written words stand: the place after "in" or "auf" in the verb's clause."""
    tokens = word_tokens(masked, clause_start(masked, sent.start, pos), sent.end)
    for index, (_, _, word) in enumerate(tokens[:-1]):
        if word in {":", "§"}:
            break
        if word.lower() in LOCATIVES:
            return noun_phrase(masked, tokens[index + 1][0], sent.end)
    return None


def _place_adverb(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return an adverb opening the clause that stands for a place ("Darin heißt es: …")."""
    first = word_tokens(masked, clause_start(masked, sent.start, pos), pos)[:1]
    return (first[0][0], first[0][1]) if first and first[0][2] in PLACE_ADVERBS else None


def _prefield_source(masked: str, sent: Sent, pos: int) -> tuple[int, int] | None:
    """Return the source named in a prepositional prefield ("Aus Paris hieß es", "Auch bei
    Innogy heißt es")."""
    tokens = word_tokens(masked, clause_start(masked, sent.start, pos), pos)
    if tokens and tokens[0][2] in SKIPPABLE_OPENERS:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0][2].title() in PREPOSITIONS:
        return noun_phrase(masked, tokens[1][0], pos)
    return None


def _named_before(masked: str, sent: Sent, start: int) -> tuple[int, int] | None:
    """Return the name a role stands in apposition to, opening the clause before a comma
    ("Stephan Mayer (CSU), innenpolitischer Sprecher der Fraktion: „…“")."""
    before = masked[sent.start : start].rstrip()
    if not before.endswith(",") or masked[start : start + 1].isupper():
        return None
    head = PARENTHESIS_RE.sub("", before[:-1]).rstrip()
    clause = clause_start(masked, sent.start, sent.start + len(head))
    phrase = noun_phrase(masked, clause, sent.start + len(head))
    if phrase is None or not grammar.holds_name(masked[phrase[0] : phrase[1]]):
        return None
    return phrase


def _noun_owner(masked: str, sent: Sent, frame: Frame) -> tuple[int, int] | None:
    """Return who a speech noun belongs to: a spokesperson named with it, or the clause subject."""
    if SPEAKER_ROLE_RE.search(frame.cue):
        start = phrase_start(masked, sent, frame.pos)
        return _named_before(masked, sent, start) or noun_phrase(masked, start, sent.end)
    clause = clause_start(masked, sent.start, frame.pos)
    for start, _, word in word_tokens(masked, clause, frame.pos):
        if word.startswith("zitiert"):
            # "Reuters zitierte einen Diplomaten mit den Worten, …": the words are the quoted's
            return _quoted_person(masked, clause, Frame(word, start, None), frame.pos)
    owner = _verb_subject(masked, sent, frame)
    return None if owner is not None and _is_own_phrase(masked, owner, frame.pos) else owner


def _is_own_phrase(masked: str, phrase: tuple[int, int], pos: int) -> bool:
    """Tell whether a phrase is the speech noun at `pos` itself ("war die Parole „…“ zu lesen")."""
    if not phrase[0] <= pos < phrase[1]:
        return False
    return not any(is_capitalised(word) for _, _, word in word_tokens(masked, phrase[0], pos)[1:])


def _verb_subject(masked: str, sent: Sent, frame: Frame) -> tuple[int, int] | None:
    """Return the subject of a speech verb: in the prefield, in a wie-clause or after the verb."""
    clause = clause_start(masked, sent.start, frame.pos)
    verb_end = frame.pos + len(frame.cue)
    previous = word_tokens(masked, max(clause, frame.pos - 12), frame.pos)[-1:]
    if previous and previous[0][2] in COORDINATORS:
        shared = clause_subject(masked, sent, previous[0][0])
        if shared is not None:
            return shared
    auxiliary = _auxiliary_after(masked, frame)
    if auxiliary is not None:
        # "Termine könnten vereinbart werden": the subject is what was agreed; "von X" spoke
        return _passive_agent(masked, word_tokens(masked, clause, auxiliary), frame.pos)
    if frame.cue.startswith("zitiert"):
        quoted = _quoted_person(masked, clause, frame, sent.end)
        if quoted:
            return quoted
    pronoun = word_tokens(masked, verb_end, min(sent.end, verb_end + 8))[:1]
    if pronoun and (
        pronoun[0][2] in NOMINATIVE_PRONOUNS or _closing_sie(masked, pronoun[0], sent.end)
    ):
        return pronoun[0][0], pronoun[0][1]
    wie = _wie_clause(masked, clause, frame, sent.end)
    if wie is not None:
        # "wie sich Tauss ausdrückte": the subject after a reflexive pronoun.
        named = [tok for tok in wie if tok[2] not in OBJECT_PRONOUNS]
        return noun_phrase(masked, named[0][0], frame.pos) if named else None
    comma = masked.rfind(",", clause, frame.pos)
    if comma >= 0:
        tail = word_tokens(masked, comma + 1, frame.pos)
        after = None if tail else after_verb(masked, verb_end, sent.end)
        named = apposed_prefield(masked, clause, frame.pos) if after is not None else None
        if named is not None:
            # "Der Fraktionschef, Alexander Wolf, bezeichnete das Ergebnis als „…“", "Hendrik
            # Wüst, Regierungschef in Düsseldorf, sagte der Zeitung, …": the prefield is the
            # subject with its apposition, what follows the verb an object, even when set off
            return named
        if after is not None and _set_in(masked, after[1], sent.end):
            # "Die Lage, sagte Müller, sei ernst": a verb and its subject set in by commas
            return after
        if not tail and (
            (after is None and _finite_before(masked, sent, comma))
            or (after is not None and is_object(masked, after))
        ):
            # "X rechtfertigt den Plan, sieht den Entwurf gedeckt", "X hinterfragte die
            # Strategie, betonte aber das „…“": a verb after the comma with an object or no
            # phrase after it shares the subject of the clause before the comma
            shared = clause_subject(masked, sent, comma)
            if shared is not None:
                return shared
        if tail and grammar.first_tag(masked, tail[0][0], tail[0][1]) in grammar.FINITE_TAGS:
            # "Der Präsident des Verbands, Uwe Fröhlich, hatte Ende Juni erklärt": a phrase
            # with its apposition fills the prefield up to the finite verb of a compound tense
            whole = noun_phrase(masked, clause, tail[0][0])
            apposed = whole is not None and whole[1] == comma and "," in masked[whole[0] : comma]
            if apposed and prefield_is_subject(word_tokens(masked, clause, comma)):
                return whole
        if tail and tail[-1][2] == "zu":
            # "…, um gegen X zu protestieren": an infinitive clause has no subject of its own.
            return None
        if _prepositional_relative(tail):
            # "Teile, von denen man glaube": the subject follows the relative pronoun.
            pronoun = tail[2]
            return (pronoun[0], pronoun[1]) if pronoun[2] in PERSONAL_PRONOUNS else None
        if is_relative_clause(tail):
            return _relative_subject(masked, sent, comma, tail, verb_end)
        if len(tail) == 1 and tail[0][2][:1].islower():
            # "„…“, so urteilte Romney": an adverb in the prefield, the subject after the verb.
            return after_verb(masked, verb_end, sent.end)
        if tail and tail[0][2][:1].islower() and tail[0][2] not in DETERMINERS | LOWER_PREPOSITIONS:
            return after_verb(masked, tail[0][1], sent.end)
        if tail and prefield_is_subject(tail):
            phrase = noun_phrase(masked, tail[0][0], frame.pos)
            if phrase and len(word_tokens(masked, phrase[1], frame.pos)) <= PREFIELD_GAP:
                # "Theo Roth, Präsident des Verbands nannte": the tail is an apposition.
                whole = noun_phrase(masked, clause, frame.pos)
                return whole if whole and whole[1] >= phrase[1] else phrase
    tokens = word_tokens(masked, clause, frame.pos)
    while tokens and tokens[0][2] in SKIPPABLE_OPENERS:
        tokens = tokens[1:]
    # A passive clause keeps its agent across a quote: "wird von X als „…“ bezeichnet".
    agent = _passive_agent(
        masked,
        word_tokens(masked, clause_start(masked, sent.start, frame.pos, quotes=False), frame.pos),
        frame.pos,
    )
    if agent:
        return agent
    auxiliary = _passive_auxiliary(masked, clause, frame)
    if auxiliary is not None:
        # "wurde im „Standard“ als „…“ bezeichnet": the outlet it appeared in, if named.
        return _es_source(masked, auxiliary, frame.pos)
    if tokens and tokens[0][2] == NEUTER_SUBJECT and frame.kind == "verb":
        return tokens[0][0], tokens[0][1]
    if _verb_last(masked, tokens, frame, comma):
        # "Indem sie ausführen, …": the subject follows the subordinator, the verb comes last.
        return noun_phrase(masked, tokens[1][0], frame.pos)
    opens_with_subject = prefield_holds_subject(masked, tokens, frame.pos)
    if opens_with_subject:
        phrase = noun_phrase(masked, tokens[0][0], frame.pos)
        singular = frame.kind == "verb" and is_singular_verb(frame.cue)
        if phrase and is_plural(masked, phrase) and singular:
            # "Die Äußerungen … bezeichnete X als „…“": a plural object opens the clause,
            # unless what follows the verb is an object too ("Die Journalistin und Autorin
            # sagte dem Sender": "die" was singular)
            after = after_verb(masked, verb_end, sent.end)
            if after is None or not is_object(masked, after):
                return after
        subject = phrase and object_first_subject(masked, phrase, sent.end)
        if subject:
            return subject
        # "Klose, der Gelb-Rot sah, nannte …" (or "Romney etwa, der …, sagte") keeps its
        # subject across the relative clause; in "Sie sei geschockt, sagte die Königin" the
        # subject follows the verb.
        if phrase and (comma < 0 or phrase[1] >= comma or _ends_before_comma(masked, phrase)):
            return phrase
    # a verb right before a comma closes its clause ("als Weidel sagt, X sei …", "hatte ihm X
    # vorgeworfen, Y gebe …"): its subject stands before it, not in the clause the comma opens
    closes = masked[verb_end : verb_end + 1] == ","
    after = None if closes else after_verb(masked, verb_end, sent.end)
    if after is not None and is_object(masked, after) and opens_with_subject:
        # "Die bekannte Journalistin sagte dem Sender": a dative is told, the prefield spoke
        after = phrase_before(masked, sent, frame.pos)
    return (
        after
        or subject_before_comma(masked, clause, frame.pos)
        or subject_after_finite(masked, tokens, sent.end)
        or phrase_before(masked, sent, frame.pos)
    )


def _ends_before_comma(masked: str, phrase: tuple[int, int]) -> bool:
    """Tell whether only adverbs stand between a phrase and the comma after it ("Romney etwa,")."""
    comma = masked.find(",", phrase[1], phrase[1] + WINDOW)
    return comma >= 0 and all(
        grammar.is_adverbial(word) for word in masked[phrase[1] : comma].split()
    )


def _finite_before(masked: str, sent: Sent, comma: int) -> bool:
    """Tell whether the words back to the comma before are a clause with a finite verb, not a
    name's apposition ("Der Anführer der Partei, Yves Blanchet, rief …")."""
    # within a window: a sentence may be endless
    floor = max(sent.start, comma - WINDOW)
    start = max(floor, masked.rfind(",", floor, comma) + 1)
    return grammar.holds_finite_verb(masked, start, comma)


def _set_in(masked: str, pos: int, end: int) -> bool:
    """Tell whether a comma after `pos` closes a frame set into a clause ("Die Lage, sagte X, sei").

    A comma before "dass" or "ob" opens what was said: the frame is the main clause
    ("X, Verwalter der Heime, sagte der Zeitung, dass …") and the phrase after its verb is whom
    it was told.
    """
    following = word_tokens(masked, pos, min(end, pos + WINDOW))[:2]
    return (
        bool(following)
        and following[0][2] == ","
        and (len(following) == 1 or following[1][2].capitalize() not in SUBORDINATORS)
    )


def _continues(word: str) -> bool:
    """Tell whether a word after a comma goes on with the clause before it ("…, zudem")."""
    return word in CLAUSE_CONTINUERS or grammar.is_adverbial(word)


def _wie_clause(
    masked: str, clause: int, frame: Frame, end: int
) -> list[tuple[int, int, str]] | None:
    """Return the words after "wie" when a speech verb closes a wie-clause ("Wie X sagte,").

    The clause may hold a relative clause between its subject and its verb ("Wie X, der …,
    dazu feststellt,"); a verb that does not close the clause ("Wie X berichtet, sagte Y"), or
    one after the comma that opens the main clause ("Wie X berichtet, soll Y gesagt haben"),
    belongs to the main clause. Returns None when the verb is not in a wie-clause.
    """
    if not _closes_clause(masked, frame.pos + len(frame.cue), end):
        return None
    tokens = word_tokens(masked, clause, frame.pos)
    for index in range(len(tokens) - 1, -1, -1):
        before = tokens[index - 1][2] if index else ","
        if tokens[index][2] in WIE and (before == "," or before in SKIPPABLE_OPENERS):
            inner = tokens[index + 1 :]
            return None if _opens_main_clause(inner) else inner
    return None


def _opens_main_clause(tokens: list[tuple[int, int, str]]) -> bool:
    """Tell whether a comma among a wie-clause's words is followed by a main clause's verb."""
    for index, (_, _, word) in enumerate(tokens[:-1]):
        following = tokens[index + 1][2]
        if word == "," and following[:1].islower() and not _continues(following):
            return True
    return False


def _closes_clause(masked: str, pos: int, end: int) -> bool:
    """Tell whether a verb ending at `pos` ends its clause, or only an auxiliary follows it."""
    following = word_tokens(masked, pos, min(end, pos + WINDOW))[:2]
    if following and following[0][2] in AUXILIARIES | PASSIVE_AUXILIARIES:
        following = following[1:]
    return not following or following[0][2] in CLAUSE_PUNCTUATION


def _verb_last(masked: str, tokens: list[tuple[int, int, str]], frame: Frame, comma: int) -> bool:
    """Tell whether a speech verb ends a subordinate clause that opens the sentence."""
    if len(tokens) < 2 or tokens[0][2] not in SUBORDINATORS or comma >= 0 or frame.kind != "verb":
        return False
    return masked[frame.pos + len(frame.cue) :].lstrip().startswith(",")


def _relative_subject(
    masked: str, sent: Sent, comma: int, tail: list[tuple[int, int, str]], verb_end: int
) -> tuple[int, int] | None:
    """Return the subject of a speech verb in a relative clause, or None for a passive one.

    A name right after the pronoun is the subject ("die Gerhard Schröder … erklärt hatte");
    otherwise a nominative pronoun stands for the noun before it ("Der Verband, der …
    sieht"). In a passive clause ("die als „…“ beschrieben wurden") that noun is what was
    described, not who spoke.
    """
    following = tail[1][2] if len(tail) > 1 else ""
    if is_capitalised(following) and not grammar.is_not_noun(following):
        return noun_phrase(masked, tail[1][0], sent.end)
    auxiliary = word_tokens(masked, verb_end, min(sent.end, verb_end + 12))[:1]
    if auxiliary and auxiliary[0][2] in PASSIVE_AUXILIARIES:
        return None
    if tail[0][2] in NOMINATIVE_RELATIVES:
        return phrase_before(masked, sent, comma)
    return None


def _prepositional_relative(tail: list[tuple[int, int, str]]) -> bool:
    """Tell whether words open a relative clause with a preposition ("von denen man …").

    A noun or an adjective after the pronoun makes it an article ("zu den Plänen").
    """
    if len(tail) < 3 or tail[0][2] not in LOWER_PREPOSITIONS:
        return False
    word = tail[2][2]
    return tail[1][2] in RELATIVE_PRONOUNS and word[:1].islower() and not is_adjective(word)


def _quoted_person(masked: str, clause: int, frame: Frame, end: int) -> tuple[int, int] | None:
    """Return who is quoted by "zitiert": the passive subject, or the object after the outlet."""
    tokens = word_tokens(masked, clause, frame.pos)
    for index, (_, tok_end, word) in enumerate(tokens):
        if word in PASSIVE_AUXILIARIES and index + 1 < len(tokens):
            # "Der Trainer wird in der Zeitung … zitiert": a subject before the auxiliary
            if index and prefield_is_subject(tokens[:index]):
                return noun_phrase(masked, tokens[0][0], tokens[index][0])
            return after_verb(masked, tok_end, frame.pos)
    after = frame.pos + len(frame.cue)
    following = word_tokens(masked, after, min(end, after + 80))[:1]
    if following and following[0][2] in ACCUSATIVE_PRONOUNS:
        # "zitierte ihn der Sender CNN": the object pronoun stands before the outlet
        return following[0][0], following[0][1]
    first = after_verb(masked, after, end)
    if first is None:
        # "zitiert ndr.de Polizeisprecher X": the person after the outlet
        return noun_phrase(masked, following[0][1], end) if following else None
    second = after_verb(masked, first[1], end)
    # "zitierte er einen Satz": only someone who can speak is quoted, a thing is what they quote
    if second is None or not grammar.may_name_someone(masked[second[0] : second[1]]):
        return first
    return second


@dataclass
class FrameIndex:
    """The frames of one sentence sorted by kind and position, for lookups per span."""

    strong: list[Frame]
    # the speech verbs among them, which pass their speaker on past a source ("zufolge", "so")
    verbs: list[Frame]
    roles: list[Frame]
    nouns: list[Frame]
    following: list[Frame]
    contents: list[Frame]
    verb_cue: str | None

    @classmethod
    def of(cls, frames: list[Frame]) -> FrameIndex:
        """Index the frames of a sentence."""
        named = [f for f in frames if f.mention is not None]
        return cls(
            strong=[f for f in named if f.kind != "noun"],
            verbs=[f for f in named if f.kind == "verb"],
            roles=[f for f in named if f.kind == "noun" and SPEAKER_ROLE_RE.search(f.cue)],
            nouns=[f for f in named if f.kind == "noun"],
            following=[f for f in frames if f.kind in {"verb", "so", "es", "laut"}],
            contents=[f for f in frames if f.kind == "noun" and not SPEAKER_ROLE_RE.search(f.cue)],
            verb_cue=next((f.cue for f in frames if f.kind in {"verb", "noun"}), None),
        )


def _before(frames: list[Frame], pos: int) -> Frame | None:
    """Return the last frame that starts before `pos`."""
    index = bisect.bisect_left(frames, pos, key=lambda f: f.pos)
    return frames[index - 1] if index else None


def _from(frames: list[Frame], pos: int) -> Frame | None:
    """Return the first frame that starts at or after `pos`."""
    index = bisect.bisect_left(frames, pos, key=lambda f: f.pos)
    return frames[index] if index < len(frames) else None


def frame_after(masked: str, index: FrameIndex, sent: Sent, span: Span) -> Frame | None:
    """Return a frame right after the quote: "„…“, sagte X", "„…“, so X", "„…“ wird X zitiert"."""
    offset = span.close + 1
    window = word_tokens(masked, offset, min(sent.end, offset + 80))
    leading = 0
    while leading < len(window) and window[leading][2] in {",", "–"}:
        leading += 1
    if leading == len(window) or "§" in window[leading][2]:
        return None
    first = window[leading][0]
    if leading and window[leading][2] in WIE:
        # "„…“, wie X sich ausdrückte": the wie-clause names who put it so
        return _wie_frame(index, window[leading + 1 :])
    frame = _from(index.following, first)
    if frame is None or _in_speaking_subclause(masked, index, sent, span):
        return None
    # "„Wozu?“ fragen sich Experten": after a quoted question no comma is written.
    punctuated = masked[span.close] == "."
    if frame.pos == first and (leading or punctuated or frame.kind in {"so", "laut"}):
        return frame
    passive = window[leading][2] in PASSIVE_AUXILIARIES
    return (
        frame if passive and frame.cue.startswith("zitiert") and frame.pos < offset + 80 else None
    )


def _wie_frame(index: FrameIndex, clause: list[tuple[int, int, str]]) -> Frame | None:
    """Return the speech verb that closes a wie-clause's words, with the subject it names."""
    end = next((tok for tok in clause if tok[2] in CLAUSE_PUNCTUATION), None)
    frame = _from(index.following, clause[0][0]) if clause else None
    if frame is None or frame.kind != "verb" or frame.mention is None:
        return None
    return frame if end is None or frame.pos < end[0] else None


def _opens_subordinate(masked: str, sent: Sent) -> bool:
    """Tell whether a sentence opens with a subordinating conjunction ("Während", "Als")."""
    opener = word_tokens(masked, sent.start, min(sent.end, sent.start + OPENER_CHARS))[:1]
    return bool(opener) and opener[0][2] in SUBORDINATORS


def in_closed_subclause(masked: str, sent: Sent, frame: Frame, span: Span) -> bool:
    """Tell whether a frame stands in a leading subordinate clause that a main clause follows
    before the span ("Während A … zurückwies, beschuldigte B … „…“"), not one in Konjunktiv I
    that reports the frame's words ("Als A sagte, sei es „…“")."""
    if not _opens_subordinate(masked, sent) or frame.pos > span.open:
        return False
    if masked.find(",", sent.start, frame.pos) >= 0:
        # "Seit X, schreiben die Redakteure, befindet sich …": a frame set in by commas
        return False
    comma = masked.find(",", frame.pos, span.open)
    following = word_tokens(masked, comma + 1, span.open)[:1] if comma >= 0 else []
    if not following or not following[0][2].islower() or is_konjunktiv_i(following[0][2]):
        return False
    return grammar.word_lemma(following[0][2]) is not None


def _in_speaking_subclause(masked: str, index: FrameIndex, sent: Sent, span: Span) -> bool:
    """Tell whether a span ends a leading subordinate clause with its own speech verb.

    In "Während A erklärte, …, „…“, räumte B ein" the quote is A's, not the main clause's.
    """
    if not _opens_subordinate(masked, sent):
        return False
    own = _before(index.strong, span.open)
    if own is None or own.kind != "verb":
        return False
    after = own.pos + len(own.cue)
    auxiliary = word_tokens(masked, after, min(sent.end, after + 12))[:1]
    return not (auxiliary and auxiliary[0][2] in PASSIVE_AUXILIARIES)


def nearest_frame(masked: str, index: FrameIndex, span: Span, colon: bool) -> Frame | None:
    """Return the frame that best governs a span: the nearest before it, else the next one."""
    frame = _before(index.strong, span.open) or _before(index.roles, span.open)
    if frame is not None and frame.kind in SOURCE_KINDS:
        # "sagte die Kanzlerin Teilnehmern zufolge: „…“": who spoke, not who passed it on.
        spoken = _before(index.verbs, frame.pos)
        if spoken is not None and "," not in masked[spoken.pos : frame.pos]:
            frame = spoken
    if frame is not None and ";" in masked[frame.pos : span.open]:
        # "Er befürchtet …; Aussagen … schenken sie keinen Glauben: „…“": another main clause
        return None
    if colon and frame is not None and frame.kind in SOURCE_KINDS:
        comma = masked.rfind(",", frame.pos, span.open)
        if comma >= 0 and grammar.holds_finite_verb(masked, comma + 1, span.open):
            # "Das gelang laut offiziellen Daten, er selbst war enttäuscht: „…“": a source
            # governs its own clause, not the next one that a colon ends
            return None
    if frame is not None:
        return _main_clause_frame(index, frame, span)
    noun = _before(index.nouns, span.open) if colon else None
    if noun is not None and ";" not in masked[noun.pos : span.open]:
        return noun
    return None if colon else _from(index.strong, span.close)


def passed_on(masked: str, index: FrameIndex, frame: Frame, span: Span) -> Frame:
    """Return the speech verb whose words a source after a quote passes on, else the source.

    "bezeichnete die Ministerin X die Aktionen als „gefährlich“, so die FAZ": the paper reports
    the minister's words, which stand in the verb's clause; "„…“, so Müller" has no speech verb
    before it, and "wollte X hinweisen, „um …“, so Lange" opens a clause of Lange's words.
    """
    if frame.kind != "so":
        return frame
    spoken = _before(index.verbs, span.open)
    if spoken is None or "," in masked[spoken.pos : span.open]:
        return frame
    return spoken


def _main_clause_frame(index: FrameIndex, frame: Frame, span: Span) -> Frame:
    """Weigh a wie-clause frame against its main clause's ("Wie X berichtet, gab Y …: „…“").

    The main clause's own speech noun names the speaker; a verb of opinion there ("Wie X
    erklärte, sieht die Regierung …") reports a view in the words of the wie-clause's speaker.
    """
    if frame.reports:
        later = _from(index.nouns, frame.pos + 1)
        return later if later is not None and later.pos < span.open else frame
    if frame.kind == "verb" and frame.cue in OPINION_VERB_FORMS:
        earlier = _before(index.strong, frame.pos)
        if earlier is not None and earlier.reports:
            return earlier
    return frame


def span_mention(masked: str, sent: Sent, frame: Frame, span: Span) -> tuple[int, int] | None:
    """Return who a frame gives a span to: in a "so"-list, the member right before it.

    "so A, B („…“) und C: „…“": each member's words follow their own name, after a colon or
    in parentheses.
    """
    lead = masked[frame.pos : span.open].rstrip()
    if frame.kind != "so" or not lead.endswith((":", "(")):
        return frame.mention
    phrase = phrase_before(masked, sent, frame.pos + len(lead) - 1)
    return phrase if phrase is not None and phrase[0] > frame.pos else frame.mention


def content_owner(
    masked: str, index: FrameIndex, span: Span
) -> tuple[Frame, tuple[int, int] | None] | None:
    """Return the speech noun whose content clause holds a span, and the noun's owner.

    In "Auf den Vorwurf der X, es sei „…“, entgegnete Y" the quoted words are X's, named after
    the noun ("der X", "von X"), or the clause subject's when none is; no speech verb may stand
    between the noun and the span.
    """
    noun = _before(index.contents, span.open)
    if noun is None:
        return None
    verb = _before(index.strong, span.open)
    if verb is not None and verb.pos > noun.pos:
        return None
    after = noun.pos + len(noun.cue)
    comma = masked.find(",", after, span.open)
    if comma < 0 or not _opens_content(masked, comma, span.open):
        return None
    last = masked.rfind(",", comma + 1, span.open)
    if last >= 0 and not masked[last + 1 : span.open].strip():
        # "nannte die Behauptung der USA, die Deutschen würden …, „unfair“": the content clause
        # closed at the comma right before the span
        return None
    owner = word_tokens(masked, after, comma)
    if owner and owner[-1][2] in VERB_PARTICLES:
        # "herrschte die Meinung vor, dass …": the particle of the verb closes the clause.
        owner = owner[:-1]
    if not owner:
        # "X sagte … in einem Interview, es geschehe „…“": a noun without an owner of its own
        # stands in the clause of the speech verb before it
        return noun, noun.mention or (verb.mention if verb is not None else None)
    if owner[0][2] not in OWNER_LINKS or len(owner) > MAX_OWNER_WORDS:
        return None
    start = owner[1][0] if owner[0][2] in OWNER_PREPOSITIONS and len(owner) > 1 else owner[0][0]
    return noun, noun_phrase(masked, start, comma)


def _opens_content(masked: str, comma: int, end: int) -> bool:
    """Tell whether the words after a speech noun's comma are its content ("es sei", "dass …")."""
    clause = word_tokens(masked, comma + 1, end)
    if not clause:
        return False
    if clause[0][2] in CONTENT_OPENERS:
        return True
    first = masked.find(",", comma + 1, end)
    segment = word_tokens(masked, comma + 1, first if first >= 0 else end)
    # "Äußerungen des Präsidenten, ihm lägen „…“ vor": Konjunktiv II stands in for a Konjunktiv
    # I that reads like the indicative
    return any(is_konjunktiv_i(word) or is_konjunktiv_ii(word) for _, _, word in segment)


def reported_frame(masked: str, sent: Sent, frame: Frame) -> bool:
    """Tell whether a speech frame is itself reported: its clause's verb is in Konjunktiv I.

    "Das Gericht habe mitgeteilt, dass …", "Die Regierung werde mitteilen, „…“": who speaks
    there is someone the last speaker talks about.
    """
    # the clause back to its comma, within a window: a sentence may be endless
    floor = max(sent.start, frame.pos - WINDOW)
    comma = masked.rfind(",", floor, frame.pos)
    segment = word_tokens(masked, max(floor, comma + 1), frame.pos + len(frame.cue))
    return any(is_konjunktiv_i(word) for _, _, word in segment)


def echo_frame(masked: str, sent: Sent) -> Frame | None:
    """Return the speech frame of a sentence that credits the one before ("Das sagte X.")."""
    first = word_tokens(masked, sent.start, min(sent.end, sent.start + 20))[:1]
    if not first or first[0][2] not in DEMONSTRATIVES:
        return None
    # "Das zuständige Bundesamt warnt": an article opening a phrase, not a demonstrative
    if (
        grammar.first_tag(masked, sent.start, min(sent.end, sent.start + WINDOW))
        == grammar.ARTICLE_TAG
    ):
        return None
    spoken = next((f for f in sent.frames if f.kind == "verb" and f.mention is not None), None)
    return spoken or _ascription(masked, sent)


def _ascription(masked: str, sent: Sent) -> Frame | None:
    """Return the frame of "Diese X zugeschriebene Weisheit": the person it is ascribed to."""
    for tok_start, _, word in word_tokens(masked, sent.start, sent.end):
        if ASCRIBED_RE.fullmatch(word):
            person = phrase_before(masked, sent, tok_start)
            return Frame(word, tok_start, person) if person else None
    return None


def cited_source(masked: str, close: int) -> tuple[int, int] | None:
    """Return the name in brackets right after a quote's closing mark at `close`: whom the
    quote cites ("„Das wäre ein Traum“ (Anja Becker)"), not a note ("„Kiez“ (Plural)")."""
    found = CITED_SOURCE_RE.match(masked, close + 1)
    if found is None:
        return None
    words = found.group(1).strip()
    person = (
        words[:1].isupper()
        # an acronym spells out the quoted name ("„Zimbabwe Peace Project“ (ZPP)")
        and not words.isupper()
        and len(words.split()) <= MAX_CITED_WORDS
        and grammar.holds_name(words)
        and grammar.name_kind(words) == "person"
    )
    return (found.start(1), found.start(1) + len(words)) if person else None
