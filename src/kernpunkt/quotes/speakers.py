"""Turn speaker mentions into speakers (names, gender, pronouns, epithets); track who speaks on."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kernpunkt.quotes import grammar
from kernpunkt.quotes.lexicon import (
    ABBREVIATIONS,
    AGENT_ENDINGS,
    APPOSITION_TOKEN_RE,
    ARTICLE_GENDERS,
    ARTICLES,
    CONTINUATION_GAP,
    DEFINITE_ARTICLES,
    DEMONSTRATIVE_SUBJECTS,
    DETERMINERS,
    EPITHET_RE,
    FEMININE_AGENT_RE,
    FEMININE_ENDING,
    FIELD_EXTERNAL,
    GENDERS,
    INDEFINITE_ARTICLES,
    INNER_PARTICLES,
    LOWER_PREPOSITIONS,
    MAX_NAME_RUN,
    NACH_NOUNS,
    NAME_LINKS,
    NAME_PREPOSITIONS,
    NEUTER_SUBJECT,
    NP_TOKEN_LIMIT,
    OBLIQUE_ARTICLES,
    OPINION_FOR,
    OWN_FRAME_KINDS,
    PARENTHESIS_RE,
    PERSONAL_PRONOUNS,
    PHRASE_BREAK_RE,
    POSSESSIVE_PRONOUNS,
    PRONOUN_LOOKBACK,
    PRONOUNS,
    ROLE_PLACE_WORDS,
    ROLE_RE,
    SENTENCE_END_RE,
    SOURCE_PREPOSITIONS,
    SOURCE_PRONOUN_GENDERS,
    SPACE_RE,
    TIME_NOUNS,
    TITLE_WORDS,
    WINDOW,
    WORD_ONLY_RE,
    head_noun,
    is_abstract,
    is_adjective,
    is_capitalised,
    is_speech_noun,
)
from kernpunkt.quotes.marks import MASK_CHARACTERS
from kernpunkt.quotes.phrases import (
    after_verb,
    apposed_prefield,
    noun_phrase,
    prefield_is_subject,
    subject_after_finite,
)
from kernpunkt.quotes.sentences import Frame, Sent, clause_start, word_tokens

# A definite description standing for someone: "der Gemeindepräsident", "die neue Ministerin".
DESCRIPTION_WORDS = 3
# What the subject of a reporting verb must be to speak: someone, not something.
SPEAKING_KINDS = frozenset({"person", "body"})
# An indefinite pronoun heading a partitive genitive ("einer der Autoren").
PARTITIVE_TAG = "PIS"
NEUTER = "n"
# Letters a role word may differ by at its end ("Präsident"/"Präsidenten"), and the shortest core.
ROLE_ENDING = 2
ROLE_CORE = 4
# A comma between appositions; not one after a truncated compound ("Gesundheits-, Sozial- und
# Integrationsdirektor Pierre Schnegg").
APPOSITION_COMMA_RE = re.compile(r"(?<!-),")
# A line: a heading ends the name a role in apposition introduces.
LINE_RE = re.compile(r"[^\n]+")
# A name after "in", "nach" or "aus" names a place ("in Frankreich", "nach London").
PLACE_RE = re.compile(r"\b(?:in|nach|aus) ([A-ZÄÖÜ][\w-]*\w)")


@dataclass
class Speaker:
    """A speaker as written and as resolved to a name."""

    mention: str | None
    name: str | None
    gender: str = "?"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Tell whether `text[start:end]` is a word of its own, not part of one ("Berliner")."""
    return not (text[start - 1 : start].isalnum() or text[end : end + 1].isalnum())


def _clean_mention(text: str) -> str:
    """Normalise the whitespace of a speaker mention."""
    return SPACE_RE.sub(" ", text).strip(" ,")


def _gender(words: list[str]) -> str:
    """Guess the grammatical gender of a mention: "f", "m" or "?"."""
    if "Frau" in words:
        return "f"
    if "Herr" in words:
        return "m"
    article = ARTICLE_GENDERS.get(words[0].lower(), "?")
    roles = [word for word in words if ROLE_RE.search(word)]
    if not roles:
        return article
    if roles[0].endswith("in"):
        return "f"
    # "die Abgeordnete", "der Vorsitzende": a role made from an adjective takes the article's,
    # and without one its own ending ("Vorsitzende Anna Ott", as "Vorsitzender Jan Ott")
    if roles[0].endswith("e") and article != "?":
        return article
    return _adjective_gender(roles[0]) if grammar.is_nominal_adjective(roles[0]) else "m"


def _adjective_gender(word: str) -> str:
    """Return the gender the ending of an adjective used as a noun without an article gives in
    the nominative: "-e" feminine, "-er" masculine, anything else (a plural, a case) unknown."""
    if word.endswith("er"):
        return "m"
    return "f" if word.endswith("e") else "?"


def _role_gender(word: str, article: str) -> tuple[str | None, bool]:
    """Return the gender a role noun gives the name after it, and whether only its article did."""
    if word in TITLE_WORDS:
        return {"Frau": "f", "Herr": "m"}.get(word), False
    if FEMININE_AGENT_RE.search(word) and grammar.is_common_noun(word.rsplit("-", 1)[-1]):
        # "Ministerin", "Grünen-Politikerin"; a first name is no role ("Konstantin")
        return "f", False
    role = ROLE_RE.search(word) is not None
    # "die Abgeordnete", "der Vorsitzende": a role made from an adjective takes the article's;
    # a neuter one tells nothing ("das Flüchtlingskind Hussain Besou" is "er")
    if article:
        gender = ARTICLE_GENDERS.get(article.lower())
        return (None if gender == NEUTER else gender), not role
    if role and grammar.is_nominal_adjective(word):
        # "Wehrbeauftragte Eva Högl": an adjective's ending, as in "Vorsitzender Jan Ott"
        gender = _adjective_gender(word)
        return (None if gender == "?" else gender), False
    return ("m" if role else None), False


def _article_before(tokens: list[str], at: int) -> str:
    """Return the article of the noun at `at`, over one adjective ("der ehemalige Dezernent")."""
    for back in (1, 2):
        if at - back < 0:
            break
        if tokens[at - back].lower() in ARTICLE_GENDERS:
            return tokens[at - back]
        if not tokens[at - back].islower():
            break
    return ""


def _ends_sentence(word: str) -> bool:
    """Tell whether a word's full stop ends its sentence (not "Dr.")."""
    return word.endswith(".") and word[:-1] not in ABBREVIATIONS


def _apposed_name(tokens: list[str], at: int) -> list[str]:
    """Return the capitalised words naming someone right after the role noun at `at`."""
    # only a place closed by a comma: "die Sprecherin von Minister Huber" is his spokeswoman
    place = tokens[at : at + 1] and tokens[at] in ROLE_PLACE_WORDS
    if place and tokens[at + 2 : at + 3] == [","] and is_capitalised(tokens[at + 1]):
        at += 2
    at += tokens[at : at + 1] == [","]
    run: list[str] = []
    while at < len(tokens) and len(run) < MAX_NAME_RUN and tokens[at][:1].isupper():
        word = tokens[at]
        if word.lower() in DETERMINERS or word in PRONOUNS:
            break
        run.append(word)
        at += 1
        if _ends_sentence(word):
            # "… der Universität Hamburg. Er rechnet": the sentence ends the name
            break
    return run


def apposed_people(text: str) -> list[tuple[int, str, str]]:
    """Return where each person with a role in apposition is named, their name and its gender.

    "die Ministerin Anna Weber", "Sprecherin Weber", "Frau Weber" are feminine, "der Trainer Jan
    Kahl" masculine; an article alone counts only before a full name ("die Bahnchefin Eva Paul").
    """
    people: list[tuple[int, str, str]] = []
    for line in LINE_RE.finditer(text):
        people += _apposed_in_line(text, line.start(), line.end())
    return people


def _apposed_in_line(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    """Return the people with a role in apposition in one line (a heading ends a name)."""
    tokens = [(m.start(), m.group()) for m in APPOSITION_TOKEN_RE.finditer(text, start, end)]
    words = [word for _, word in tokens]
    people: list[tuple[int, str, str]] = []
    for at, word in enumerate(words):
        if not is_capitalised(word) or word.lower() in DETERMINERS or _ends_sentence(word):
            # "… die schlimmsten Schäden. Drei Menschen wurden …": no apposition
            continue
        gender, by_article = _role_gender(word, _article_before(words, at))
        run = _apposed_name(words, at + 1) if gender else []
        if by_article and run and grammar.is_attributive_adjective(run[0]):
            # "der Frankfurter Allgemeinen Sonntagszeitung": an adjective and a noun, no name
            continue
        if run and all(
            ROLE_RE.search(part.rstrip(".")) or FEMININE_AGENT_RE.search(part.rstrip("."))
            for part in run
        ):
            # "X ist Journalistin, Reporterin": a second role, no name
            continue
        if gender and len(run) >= 1 + by_article:
            people.append((tokens[at][0], " ".join(run).rstrip("."), gender))
        elif gender and not by_article and not run:
            name = _name_before(words, at)
            if name is not None:
                # "Anna Berg, Vorsitzende der SPD, …": the role after the name, set off by a comma
                people.append((tokens[name[0]][0], " ".join(words[name[0] : name[1]]), gender))
    return people


def _name_before(words: list[str], at: int) -> tuple[int, int] | None:
    """Return where the name starts and ends that the role at `at` follows after a comma ("Anna
    Berg, Vorsitzende der SPD", "Jan Ott, der frühere Sprecher"), if a name stands there.

    Not a thing ("Die Polizei, Sprecherin …"), nor two people ("A und B, Abgeordnete …").
    """
    comma = at - 1
    while comma >= 0 and (words[comma].islower() or words[comma].lower() in ARTICLE_GENDERS):
        comma -= 1
    first = comma
    while (
        first > 0
        and comma - first < MAX_NAME_RUN
        and is_capitalised(words[first - 1])
        and words[first - 1].lower() not in DETERMINERS
        and words[first - 1] not in PRONOUNS
        and not _ends_sentence(words[first - 1])
        and not ROLE_RE.search(words[first - 1])
    ):
        first -= 1
    if comma < 1 or words[comma] != "," or first == comma:
        return None
    if first > 0 and words[first - 1] == "und":
        return None
    # the name opens with the first word the tagger reads as one ("laut eigenen Worten Andreas
    # Korbmacher, Präsident …")
    run = " ".join(words[first:comma])
    tags = [token.tag for token in grammar.tag(run, 0, len(run))]
    opening = next((i for i, tag in enumerate(tags) if tag in grammar.NAME_TAGS), None)
    return None if opening is None or len(tags) != comma - first else (first + opening, comma)


def _mentions(
    text: str, people: list[tuple[int, str, str]], genders: dict[str, str]
) -> list[tuple[int, str, str]]:
    """Add every later mention of a surname the text gave a role ("Palla sagte") to `people`."""
    full = {name.split()[-1]: name for _, name, _ in people}
    known = [surname for surname, gender in genders.items() if gender != "?"]
    if not known:
        return people
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, known)) + r")(?!\w)")
    later = [(m.start(), full[m.group()], genders[m.group()]) for m in pattern.finditer(text)]
    return sorted({*people, *later})


def learn_genders(people: list[tuple[int, str, str]]) -> dict[str, str]:
    """Return each surname's gender; a surname given both genders (two people) keeps neither."""
    genders: dict[str, str] = {}
    for _, name, gender in people:
        surname = name.split()[-1]
        genders[surname] = gender if genders.get(surname, gender) == gender else "?"
    return genders


def _name_in_segment(words: list[str]) -> str | None:
    """Return the name in one part of a mention, before what links to it ("X von den Grünen")."""
    # "Ursula von der Leyen" keeps its "von"; a place never belongs to a name ("Romney in Arbutus")
    cuts = [
        index
        for index, word in enumerate(words)
        if (index > 1 and word in NAME_PREPOSITIONS) or (index and word in NAME_LINKS)
    ]
    # the name before the first link heads the phrase ("Geoff Yu vom Vermögensverwalter BNY")
    for end in [*cuts, len(words)]:
        if any(cut < end and ROLE_RE.search(words[cut - 1]) for cut in cuts if cut > 1):
            # "die Sprecherin von Minister Karl Huber": the name after it is the role's owner
            continue
        name = _trailing_name(words[:end])
        if name:
            return name
    return None


def _trailing_name(words: list[str]) -> str | None:
    """Return the trailing run of name words in one part of a mention, titles and roles dropped."""
    run: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if run and word in INNER_PARTICLES and index and is_capitalised(words[index - 1]):
            # "Heike van Laak"; "von" and "der" link a role to its owner far more often
            run.append(word)
            continue
        if not is_capitalised(word) or ROLE_RE.search(word) or word in TITLE_WORDS:
            break
        if word.lower() in DETERMINERS:
            break
        run.append(word)
    run.reverse()
    leading = words[: len(words) - len(run)]
    run = run[_described_words(leading, run) :]
    if not run or len(run) > MAX_NAME_RUN:
        return None
    if len(run) > 1 or not leading:
        return " ".join(run) if len(run) > 1 or len(words) == 1 else None
    previous = leading[-1]
    if ROLE_RE.search(previous) or previous in TITLE_WORDS or "-" in previous:
        return run[0]
    return None


def _described_words(leading: list[str], run: list[str]) -> int:
    """Return how many words at the front of a capitalised run are nouns, not the name.

    After an article inside the mention the run opens with a genitive ("Sprecher der
    Bundesregierung Steffen Seibert", "ein Sprecher des Weißen Hauses": no name at all), and
    after an adjective with its noun ("wissenschaftlicher Mitarbeiter Nick Brauns"); a name of
    two words after them is kept ("der Linken Katja Kipping").
    """
    previous = leading[-1] if len(leading) > 1 else ""
    if previous in OBLIQUE_ARTICLES:
        described = 1
        while described < len(run) and _inflected(run[described - 1]):
            described += 1
    elif previous[:1].islower() and is_adjective(previous):
        described = 1
    else:
        return 0
    if len(run) > 2:
        return min(described, len(run) - 2)
    return described if previous in OBLIQUE_ARTICLES else 0


def _inflected(word: str) -> bool:
    """Tell whether a capitalised word has an adjective's ending ("Deutschen", "Weißen")."""
    return is_adjective(word.lower())


def _can_speak(speaker: Speaker) -> bool:
    """Tell whether a pronoun may stand for this speaker: not for a thing ("Die Entwicklung")."""
    return not is_abstract(head_noun(WORD_ONLY_RE.findall(speaker.mention or "")))


def _bare_role(name: str) -> bool:
    """Tell whether a speaker is a role without article or name ("Experten" in "nach
    Einschätzung von Experten"): a kind of people, whom no pronoun refers to."""
    return " " not in name and bool(ROLE_RE.search(name)) and not grammar.holds_name(name)


def _view_owner(mention: str) -> str | None:
    """Return the pronoun behind someone's view or words ("seiner Ansicht", "Sein Appell an die
    Parteien" are his), else None."""
    words = mention.split()
    if len(words) == 1:
        # the possessive alone: the owner of a page or a letter where words stand
        return POSSESSIVE_PRONOUNS.get(words[0].lower())
    if words[1] not in NACH_NOUNS and not is_speech_noun(words[1]):
        return None
    if len(words) > 2 and words[2] not in LOWER_PREPOSITIONS:
        return None
    return POSSESSIVE_PRONOUNS.get(words[0].lower())


def places_in(masked: str) -> frozenset[str]:
    """Return the names a text uses as places: a name the tagger knows after "in", "nach", "aus".

    A place may be a speaker's subject ("Berlin teilte mit") but no pronoun's antecedent.
    """
    return frozenset(
        match.group(1)
        for match in PLACE_RE.finditer(masked)
        if grammar.tag(masked, match.start(), match.end())[-1].tag == grammar.NAME_TAG
    )


def _resolve(
    mention: str, history: Sequence[Speaker], places: frozenset[str] = frozenset()
) -> Speaker:
    """Turn a mention into a speaker; pronouns take the last compatible earlier speaker."""
    pronoun = mention if mention in PRONOUNS | {NEUTER_SUBJECT} else _view_owner(mention)
    if pronoun is not None:
        # "er", and "seiner Ansicht" (someone's view): the person referred to.
        wanted = GENDERS.get(pronoun)
        fits = [
            earlier
            for earlier in reversed(history[-PRONOUN_LOOKBACK:])
            if earlier.name is not None
            # "Es ist der „Leuchtturm“": the expletive "es" is no one
            and earlier.name not in PRONOUNS | places | {NEUTER_SUBJECT}
            and _can_speak(earlier)
            and not _bare_role(earlier.name)
            and (wanted is None or earlier.gender in {wanted, "?"})
        ]
        # a person or a body the grammar recognises; a thing only for "es" ("Das Gericht … Es
        # weist zurück"), never for "er" or "sie" ("eine SMS", "Der VAR")
        earlier = next((e for e in fits if grammar.may_name_someone(e.name or "")), None)
        if pronoun == NEUTER_SUBJECT:
            earlier = earlier or next(iter(fits), None)
        if earlier is not None:
            return Speaker(mention, earlier.name, earlier.gender)
        return Speaker(mention, mention)
    # "Christian Wulff (CDU)": what stands in parentheses is no part of the name
    parts = APPOSITION_COMMA_RE.split(PARENTHESIS_RE.sub(" ", mention))
    segments = [WORD_ONLY_RE.findall(part) for part in parts]
    segments = [words for words in segments if words]
    if not segments:
        return Speaker(mention, mention)
    names = sorted(
        (name for name in map(_name_in_segment, segments) if name),
        key=lambda name: " " not in name,
    )
    gender = next((g for g in map(_gender, segments) if g != "?"), "?")
    if not names and _is_description(segments):
        # "der Gemeindepräsident": the person last named with that role in their apposition
        earlier = _last_with_role(history, segments[0][-1], gender)
        if earlier is not None:
            return Speaker(mention, earlier.name, earlier.gender)
    if not names and _is_epithet(segments[0]):
        # "sagte die Grünen-Politikerin": the person just named, described once more
        earlier = _last_with_name(history, gender)
        if earlier is not None:
            return Speaker(mention, earlier.name, gender)
    owner = grammar.genitive_owner(names[0]) if names else None
    if owner is not None:
        # "Franks Vorstellungen", "Löschels Einschätzung": the person whose words or ideas
        names[0] = owner
    if len(names) == 1 and " " not in names[0]:
        # "Mäurer" after "Innensenator Ulrich Mäurer": the full name given before
        names[0] = _full_name(history, names[0])
    return Speaker(mention, names[0] if names else _without_place(mention.split(",")[0]), gender)


def _without_place(words: str) -> str:
    """Return a mention without the place after it ("Ursula von der Leyen in Brüssel")."""
    parts = words.split()
    if not parts or parts[0].lower() in DETERMINERS:
        # "die in Oldenburg erscheinende Zeitung": a description keeps its attributes
        return words.strip()
    cut = next((i for i, word in enumerate(parts) if i and word in NAME_LINKS), len(parts))
    return " ".join(parts[:cut])


def _is_description(segments: list[list[str]]) -> bool:
    """Tell whether a mention is a short definite description ("der Gemeindepräsident")."""
    words = segments[0]
    return (
        len(segments) == 1
        and 1 < len(words) <= DESCRIPTION_WORDS
        and words[0].lower() in DEFINITE_ARTICLES
        and is_capitalised(words[-1])
    )


def _same_role(noun: str, role: str) -> bool:
    """Tell whether a description's noun is a role word, compounds and endings aside.

    "Drogenbeauftragte" is "Bundesdrogenbeauftragter", "Präsidenten" is "Präsident".
    """
    core = noun.lower()[:-ROLE_ENDING]
    at = role.lower().rfind(core)
    return len(core) >= ROLE_CORE and at >= 0 and len(role) - at - len(core) <= ROLE_ENDING + 1


def _last_with_role(history: Sequence[Speaker], noun: str, gender: str) -> Speaker | None:
    """Return the last earlier person whose own mention gave them the role `noun`."""
    for earlier in reversed(history[-PRONOUN_LOOKBACK:]):
        if not earlier.name or earlier.name == earlier.mention or earlier.name in PRONOUNS:
            continue
        if gender != "?" and earlier.gender not in {gender, "?"}:
            continue
        named = set(earlier.name.split())
        roles = [w for w in WORD_ONLY_RE.findall(earlier.mention or "") if w not in named]
        if any(is_capitalised(role) and _same_role(noun, role) for role in roles):
            return earlier
    return None


def _full_name(history: Sequence[Speaker], surname: str) -> str:
    """Return the last full name given before that ends in `surname`, else the surname.

    A surname in the genitive ("Franks Einschätzung") is the person's too ("Arno Frank").
    """
    for name in (surname, surname.removesuffix(grammar.GENITIVE_S)):
        for earlier in reversed(history[-PRONOUN_LOOKBACK:]):
            words = (earlier.name or "").split()
            if len(words) > 1 and words[-1] == name and is_capitalised(words[-2]):
                # the first name only: a role before it ("Biathletin Franziska") is not the name
                return f"{words[-2]} {name}"
    return surname


def _is_epithet(words: list[str]) -> bool:
    """Tell whether a mention opens with a description news uses for someone just named.

    "der 62-Jährige", "die Grünen-Politikerin": an article and an age or a party member;
    "der Tatort-Darsteller", "die „Weltspiegel“-Moderatorin": an agent noun compounded with
    a name, which says what the person named is known for.
    """
    if len(words) < 2 or words[0].lower() not in DEFINITE_ARTICLES:
        return False
    modifier, _, agent = words[-1].rpartition("-")
    # a role ("der SPD-Chef") is matched against the roles the text gave; "die" before a
    # masculine agent is a plural ("die Deloitte-Berater")
    singular = (ARTICLE_GENDERS.get(words[0].lower()) == "f") == agent.endswith(FEMININE_ENDING)
    agent_noun = agent.endswith(AGENT_ENDINGS) and not ROLE_RE.search(agent) and singular
    return bool(EPITHET_RE.search(words[1])) or (bool(modifier) and agent_noun)


def _last_with_name(history: Sequence[Speaker], gender: str) -> Speaker | None:
    """Return the last earlier speaker known to be of `gender` with a name of their own."""
    for earlier in reversed(history[-PRONOUN_LOOKBACK:]):
        if earlier.name and earlier.name != earlier.mention and earlier.gender == gender:
            return earlier
    return None


@dataclass
class State:
    """What the walk over the sentences remembers: the speakers so far and where the last spoke."""

    history: list[Speaker] = field(default_factory=list)
    last: Speaker | None = None
    last_sentence: int = -CONTINUATION_GAP - 1
    subject: Speaker | None = None
    subject_sentence: int = -CONTINUATION_GAP - 1
    # the gender each surname was last given ("Ministerin Anna Weber": "Weber" is "f")
    genders: dict[str, str] = field(default_factory=dict)
    # the people the whole text names with a role in apposition (`apposed_people`), and the
    # gender it gives each surname
    people: list[tuple[int, str, str]] = field(default_factory=list)
    learned: dict[str, str] = field(default_factory=dict)
    # the text with its quoted words masked: names are looked for outside quotes
    masked: str = ""
    # the names the text uses as places (`places_in`)
    places: frozenset[str] = frozenset()
    # the surnames the text gives a person, with a role or a first name before them
    names: frozenset[str] = frozenset()
    # how often each word stands in the text outside quotes
    words: Counter[str] = field(default_factory=Counter)
    # how often the text names the person it names most
    most_named: int = 1

    @classmethod
    def of(cls, masked: str) -> State:
        """Return the state for walking a masked text, knowing the people it names with a role."""
        people = apposed_people(masked)
        learned = learn_genders(people)
        places = places_in(masked)
        names = (frozenset(learned) | grammar.surnames(masked)) - places
        words = Counter(WORD_ONLY_RE.findall(masked))
        return cls(
            people=_mentions(masked, people, learned),
            learned=learned,
            masked=masked,
            places=places,
            names=names,
            words=words,
            most_named=max((words[name] for name in names), default=0) or 1,
        )

    def last_mention(self, speaker: Speaker, at: int) -> int:
        """Return where the speaker's last name stands last outside quotes before `at`, or -1."""
        surname = (speaker.name or "").split()[-1]
        where = self.masked.rfind(surname, 0, at)
        while where >= 0 and not _whole_word(self.masked, where, where + len(surname)):
            where = self.masked.rfind(surname, 0, where)
        return where

    def named_before(self, at: int, gender: str | None) -> tuple[int, Speaker] | None:
        """Return where and who the last person named with a role before `at` of `gender` is."""
        for where, name, known in reversed(self.people):
            if where < at and gender in {None, known}:
                return where, Speaker(None, name, known)
        return None

    def know(self, speaker: Speaker) -> Speaker:
        """Give a named speaker the gender the text gives their surname, where it gives one.

        A role glued before the name the apposition gave ("Stürmerin Lea Kamp") is dropped, and a
        bare surname takes the full name, where the text gives one person that surname.
        """
        if speaker.name and speaker.mention not in PRONOUNS:
            surname = speaker.name.split()[-1]
            learned = self.learned.get(surname, "?")
            speaker.gender = learned if learned != "?" else speaker.gender
            full = {n for _, n, _ in self.people if " " in n and n.split()[-1] == surname}
            apposed = next(iter(full), "")
            glued = speaker.name.split()[: -len(apposed.split())]
            if len(full) == 1 and (
                speaker.name == surname
                or (speaker.name.endswith(" " + apposed) and len(glued) == 1)
            ):
                # "Brenner" after "Der Landrat Ole Brenner": the full name the text gave
                speaker.name = apposed
        return speaker

    def remember(self, person: Speaker, index: int) -> None:
        """Remember a person as the subject the sentence `index` is about."""
        self.history.append(person)
        self.subject, self.subject_sentence = person, index

    def continues(self, index: int, gap: int = CONTINUATION_GAP) -> Speaker | None:
        """Return the last speaker if they spoke at most `gap` sentences before `index`."""
        return self.last if index - self.last_sentence <= gap else None

    def previous_subject(self, index: int) -> Speaker | None:
        """Return the named person who was the subject of the sentence before `index`."""
        return self.subject if index - self.subject_sentence == 1 else None

    def reporter(self, index: int) -> Speaker | None:
        """Return whose words a sentence in Konjunktiv I at `index` reports.

        The last speaker goes on, unless the sentence before is about someone else the text
        named since they spoke ("Korte sagte: „…“ Dobrindt verteidigte die Aussagen. Hartz IV
        sei eine „…“"): then the words are that person's. A description ("Der Bundesbank-Chef
        schloss nichts aus.") refers back to someone known, most often the speaker.
        """
        speaker = self.continues(index)
        moved_on = self.previous_subject(index)
        if (
            speaker is not None
            and moved_on is not None
            and self.subject_sentence > self.last_sentence
            and grammar.holds_name(moved_on.name or "")
            and not same_person(moved_on, speaker)
        ):
            return moved_on
        return speaker


def same_person(one: Speaker | None, other: Speaker) -> bool:
    """Tell whether two speakers are one person: the same last word of their names."""
    if one is None:
        return False
    first, second = (one.name or "").split()[-1:], (other.name or "").split()[-1:]
    return first == second or (one.mention or "") in (other.mention or "")


def _last_named(text: str) -> str | None:
    """Return the last full name in `text` ("… mit dem Anwalt – Rainer Wittner –")."""
    for part in reversed(PHRASE_BREAK_RE.split(text)):
        name = _name_in_segment(WORD_ONLY_RE.findall(part))
        if name and " " in name:
            return name
    return None


def speaker_for(
    text: str, mention: tuple[int, int], state: State, remember: bool = True
) -> Speaker:
    """Resolve a mention span to a speaker and remember it (unless only a candidate)."""
    words = _clean_mention(text[mention[0] : mention[1]])
    if words not in PRONOUNS | DEMONSTRATIVE_SUBJECTS and grammar.names_no_one(words):
        # "Jemand sagte, …", "Wirst du …?": a subject, but no one a reader could name
        return Speaker(words, None)
    if " " not in words and grammar.name_kind(words) == "person" and not grammar.holds_name(words):
        # "X ist Journalistin, Reporterin, hält …": a role alone, with no article, is no subject
        # of its own but the person just named
        gender = _gender([words])
        found = _antecedent(mention[0], state, None if gender == "?" else gender)
        if found is not None:
            return Speaker(words, found[1].name, found[1].gender)
    if words in PRONOUNS - PERSONAL_PRONOUNS:
        # "lässt man hier nicht gelten: „…“": "man" is anyone, no one a reader could name
        return Speaker(words, None)
    speaker = state.know(_resolve(words, state.history, state.places))
    # a pronoun, or an epithet standing alone ("der 51-Jährige", not "der SPD-Politiker Jan Ott")
    pronoun = words if words in PRONOUNS or words in SOURCE_PRONOUN_GENDERS else _view_owner(words)
    referring = pronoun is not None or (_is_epithet(words.split()) and len(words.split()) == 2)
    unresolved = speaker.name == words and referring
    if unresolved or (referring and speaker.name):
        # the person last named of the pronoun's or description's gender, when no one in the
        # memory fits, or when they were named after the one the memory holds ("Lehrer B
        # moderiert. „…“, erklärt er" after A spoke)
        wanted = GENDERS.get(pronoun) if pronoun else _gender(words.split())
        wanted = None if wanted == "?" else wanted
        named = _antecedent(mention[0], state, wanted)
        with_role = state.named_before(mention[0], wanted)
        if with_role is not None and (
            named is None or _later_subject(state.masked, named, with_role)
        ):
            named = with_role
        if named is not None and (unresolved or named[0] > state.last_mention(speaker, mention[0])):
            speaker = Speaker(words, named[1].name, named[1].gender)
    if speaker.name and speaker.mention not in PRONOUNS:
        # "Ministerin Anna Weber …", later "Weber sagte": the name keeps its gender; a person
        # named after a neuter noun is "er" or "sie" ("das Flüchtlingskind Hussain Besou")
        if speaker.gender == NEUTER and grammar.holds_name(speaker.name):
            speaker.gender = "?"
        surname = speaker.name.split()[-1]
        if speaker.gender == "?":
            speaker.gender = state.genders.get(surname, "?")
        else:
            state.genders[surname] = speaker.gender
    if words in DEMONSTRATIVE_SUBJECTS:
        # "sagte dieser": the person named last, whether or not they spoke before.
        named = _last_named(text[max(0, mention[0] - WINDOW) : mention[0]])
        speaker = Speaker(words, named or words, _gender([words]))
    if remember:
        state.history.append(speaker)
    return speaker


def _antecedent(at: int, state: State, gender: str | None) -> tuple[int, Speaker] | None:
    """Return where and who the last person phrase of `gender` before `at` is, by grammar.

    "Das erlebt der junge Mann, den wir Matthias nennen. „…“, sagt er": the nearest person
    that may be a subject, not an older speaker nor a place ("Berlin") the memory holds. Of a
    sentence's people, a main clause's subject is who the text goes on about, not a person a
    subordinate clause after it names ("A äußerte sich zu Berichten, dass B … „…“, sagte er"),
    and the subject of a main clause in the sentence before beats a reported clause's
    ("A bekräftigte X. Deutschland werde …, sagte sie").
    """
    start = state.masked.rfind(" ", 0, max(0, at - WINDOW)) + 1
    chosen: grammar.Subject | None = None
    for subject in reversed(grammar.people(grammar.tag(state.masked, start, at))):
        if chosen is not None and subject.sentence < chosen.sentence - 1:
            break
        if (chosen is None or subject.main) and _may_refer_to(subject.phrase, state, gender):
            chosen = subject
            if subject.main:
                break
    if chosen is None:
        return None
    words = _clean_mention(state.masked[chosen.phrase.start : chosen.phrase.end])
    return chosen.phrase.start, state.know(_resolve(words, state.history))


def _later_subject(masked: str, antecedent: tuple[int, Speaker], role: tuple[int, Speaker]) -> bool:
    """Tell whether a person named with a role stands as a subject after the grammar's antecedent.

    The grammar's subject wins within its sentence ("Bei einem Besuch von Außenminister X
    verwies er"); a later sentence it could not parse ("Mathe, Lehrer Tom Nisic moderiert.")
    gives the person named there, unless in a prepositional phrase or an object.
    """
    if role[0] <= antecedent[0] or not SENTENCE_END_RE.search(masked, antecedent[0], role[0]):
        return False
    return not _attached(masked, role[0])


def _attached(masked: str, at: int) -> bool:
    """Tell whether the phrase at `at` is an object or stands in a prepositional phrase that
    names no source ("laut Fraktionsvize X" does)."""
    start = masked.rfind(" ", 0, max(0, at - WINDOW)) + 1
    tokens = grammar.tag(masked, start, min(len(masked), at + WINDOW))
    return any(
        phrase.oblique
        or (phrase.in_pp and tokens[phrase.first - 1].word.lower() not in SOURCE_PREPOSITIONS)
        for first, end, _ in grammar.clauses(tokens)
        for phrase in grammar.phrases(tokens, first, end)
        if phrase.start <= at < phrase.end
    )


def is_masked(words: str) -> bool:
    """Tell whether words are a quoted title or heading masked out, with an article or none.

    "Es ist der „Leuchtturm“" masks to "der XXXX": a thing the text quotes, never someone.
    """
    parts = [part for part in WORD_ONLY_RE.findall(words) if part.lower() not in ARTICLES]
    return all(set(part) <= MASK_CHARACTERS for part in parts)


def _may_refer_to(phrase: grammar.Phrase, state: State, gender: str | None) -> bool:
    """Tell whether a pronoun or epithet of `gender` may refer to a person phrase.

    A name, or a definite description ("der junge Mann"); not someone new, often the object
    ("Eine Nachfolgerin findet sie"), nor a bare role ("Anna Weber, Ministerin"), nor a place.
    """
    words = _clean_mention(state.masked[phrase.start : phrase.end])
    parts = words.split()
    if is_masked(words):
        return False
    # a surname keeps the gender the text gave it ("Minister Jan Weber …", later "Weber";
    # "Anna Keller, Ministerin für Bildung, …")
    own = _gender(parts)
    own = own if own != "?" else state.genders.get(parts[-1], state.learned.get(parts[-1], own))
    named = parts[0].lower() in DEFINITE_ARTICLES or grammar.holds_name(words)
    return (
        named
        and words not in PRONOUNS | state.places
        and (gender is None or own in {gender, "?"})
        and not grammar.owned_thing(words)
    )


def sentence_speaker(text: str, sent: Sent, state: State) -> Speaker | None:
    """Return the speaker of a sentence's own speech frame (reported speech without quotes)."""
    own = sent.own_frames()
    # "…, man investiere kontinuierlich, sagt Rektorin Eileen Lyons.": the inverted verb's
    # subject speaks, whichever frame comes first
    inverted = inverted_speaker(text, sent)
    mention = inverted[0] if inverted else (own[0].mention if own else None)
    return None if mention is None else speaker_for(text, mention, state)


def inverted_speaker(
    text: str,
    sent: Sent,
    allowed: Callable[[Frame], bool] = lambda frame: True,
    after: int | None = None,
) -> tuple[tuple[int, int], str] | None:
    """Return the subject and cue of the first of a sentence's own frames, `allowed` ones only,
    whose verb opens its clause after a comma ("…, sagt Rektorin Eileen Lyons").

    With `after`, only frames within a window after that offset count: a sentence may be endless.
    """
    frames = sent.frames
    if after is not None:
        first = bisect.bisect_left(frames, after, key=lambda frame: frame.pos)
        last = bisect.bisect_left(frames, after + WINDOW, key=lambda frame: frame.pos)
        frames = frames[first:last]
    for frame in frames:
        if frame.mention is None or frame.kind not in OWN_FRAME_KINDS or not allowed(frame):
            continue
        subject = _inverted_subject(text, sent, frame.pos)
        if subject is not None:
            return subject, frame.cue
    return None


def _inverted_subject(text: str, sent: Sent, cue: int) -> tuple[int, int] | None:
    """Return the subject after a speech verb that opens its clause after a comma, by grammar.

    "Es sei erschreckend, wie …, sagt Korrespondent Matthias Zahn.": Zahn speaks, not "Es".
    A phrase and its apposition set off by commas fill the prefield, so the verb after them
    opens no clause ("Ihr Anführer, Hakeem Jeffries, warf Trump vor": Jeffries speaks).
    """
    if apposed_prefield(text, clause_start(text, sent.start, cue), cue) is not None:
        return None
    tokens = grammar.tag(text, sent.start, min(sent.end, cue + WINDOW))
    for first, end, _ in grammar.clauses(tokens):
        if tokens[first].start != cue:
            continue
        subject = grammar.inverted_subject(tokens, first, end)
        if subject is not None and tokens[subject.first - 1].tag == PARTITIVE_TAG:
            # "sagte einer der Autoren, David Allen, …": the pronoun heads the phrase, and the
            # name set off after it says who
            return after_verb(text, tokens[first].end, sent.end)
        if subject is not None and subject.kind in SPEAKING_KINDS:
            return subject.start, subject.end
    return None


def remember_subject(text: str, masked: str, sent: Sent, index: int, state: State) -> None:
    """Remember a named person opening a sentence, for pronouns and the quotes that follow.

    A sentence in Konjunktiv I reports someone's words: its subject is what they spoke about
    ("Hartz IV sei eine „…“. … erklärte er"), not a person the text goes on about.
    """
    if sent.konjunktiv is not None and _reports_first(masked, sent):
        return
    tokens = word_tokens(masked, sent.start, min(sent.end, sent.start + WINDOW))[:NP_TOKEN_LIMIT]
    topic = _topic(masked, sent, tokens)
    if topic is not None:
        # "Für Ika stellt sich diese Frage nicht.": the sentence is about Ika
        person = state.know(_resolve(_clean_mention(text[topic[0] : topic[1]]), state.history))
        if person.name not in state.places:
            state.remember(person, index)
        return
    if len(tokens) > 1 and (
        tokens[0][2].lower() in FIELD_EXTERNAL or grammar.opens_clause(tokens[0][2])
    ):
        # "Und Meier …", "Wie Meier dem Sender sagte, …": the subject follows the conjunction
        tokens = tokens[1:]
    if not tokens or tokens[0][2] in PRONOUNS | {NEUTER_SUBJECT}:
        return
    opening = prefield_is_subject(tokens)
    phrase = noun_phrase(masked, tokens[0][0], sent.end) if opening else None
    # the opening words alone, as `subject_after_finite` tags them: a sentence may be endless
    first = (
        grammar.first_tag(masked, tokens[0][0], tokens[-1][1]) if opening and not phrase else None
    )
    # "Das ließ das Gericht nicht gelten": a demonstrative opening the clause is its object as
    # often as its subject; the person or body after the verb is who the sentence is about
    demonstrative = first == grammar.DEMONSTRATIVE_TAG
    if not opening or demonstrative:
        # "Nach dem Unwetter zog Bürgermeister Uwe Grabowski Bilanz": after the finite verb
        phrase = subject_after_finite(masked, tokens, sent.end)
    if phrase is None or grammar.opens_oblique(masked, *phrase):
        return
    person = state.know(_resolve(_clean_mention(text[phrase[0] : phrase[1]]), state.history))
    # "Eine Nachfolgerin findet sie nicht": an indefinite phrase opening the clause is no one
    # the text goes on about, and often the object; nor is "Jeder Kunstschaffende"
    name = person.name or ""
    indefinite = bool(name) and (
        name.split()[0].lower() in INDEFINITE_ARTICLES
        or grammar.first_tag(name, 0, len(name)) in grammar.QUANTIFIER_TAGS
    )
    # a name, or words the grammar reads as a person ("Yakin ärgerte sich", "Die Ärztin"), not
    # a thing ("Der Regen hielt an")
    named = grammar.holds_name(person.name or "") or grammar.name_kind(person.name or "") in (
        SPEAKING_KINDS
    )
    place = person.name in state.places
    if (
        person.name
        and named
        and not indefinite
        and not place
        and (opening or demonstrative or _is_person(person))
    ):
        state.remember(person, index)


def _reports_first(masked: str, sent: Sent) -> bool:
    """Tell whether a sentence's first clause is in Konjunktiv I ("Hartz IV sei …"), not only a
    later one ("Sie spricht von „…“, weil das Obst aus Spanien stamme")."""
    tokens = grammar.tag(masked, sent.start, min(sent.end, sent.start + WINDOW))
    found = grammar.clauses(tokens)[:1]
    return any(grammar.reported(tokens, first, end) for first, end, _ in found)


def _topic(masked: str, sent: Sent, tokens: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Return the name "Für" opens a sentence with: whose view or situation it tells."""
    if len(tokens) < 2 or tokens[0][2] != OPINION_FOR:
        return None
    phrase = noun_phrase(masked, tokens[1][0], sent.end)
    words = masked[phrase[0] : phrase[1]] if phrase else ""
    # a person ("Für Ika"), not a thing that holds a name ("Für Gespräche mit den USA")
    person = grammar.holds_name(words) and grammar.name_kind(words) == "person"
    return phrase if phrase and person and words not in PRONOUNS else None


def _is_person(speaker: Speaker) -> bool:
    """Tell whether a phrase after the verb names a person, not an object or a time.

    A role with a name ("Bürgermeister Uwe Grabowski") or a bare name of a few words does;
    "dieser Wechsel", "die Tatsache" and "CDU-Parteitag Anfang Dezember" do not.
    """
    if speaker.name != speaker.mention:
        return True
    words = (speaker.name or "").split()
    return 1 < len(words) <= MAX_NAME_RUN and all(
        is_capitalised(word) and word.lower() not in DETERMINERS and word not in TIME_NOUNS
        for word in words
    )
