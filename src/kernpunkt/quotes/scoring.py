"""Score the speaker candidates of a quote and say how sure the choice is.

The rules of `frames` and `speakers` propose one speaker; the grammar layer proposes the
subject of the speech verb that governs the quote, and the entity memory the person the
previous sentences were about. Each candidate gets a score from the weight table below (set by
hand while reading the shared train items, never fitted on them); the best one wins, and its
score, clipped to 0–1, is the quote's confidence. Below `QuotesConfig.min_confidence` the
speaker is left empty and the quote is "unclear": no name is better than a wrong one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from kernpunkt.config import QuotesConfig
from kernpunkt.document import Attribution
from kernpunkt.quotes import grammar
from kernpunkt.quotes.confidence import AFTER, FAR, Evidence, confidence
from kernpunkt.quotes.frames import is_passive
from kernpunkt.quotes.grammar import Phrase, Token
from kernpunkt.quotes.lexicon import (
    DEMONSTRATIVE_SUBJECTS,
    NOMINATIVE_PRONOUNS,
    PRONOUNS,
    SENTENCE_PUNCT,
    SPEAKER_PREPOSITIONS,
    WORD_ONLY_RE,
    is_speech_noun,
)
from kernpunkt.quotes.marks import Span
from kernpunkt.quotes.phrases import is_singular_verb
from kernpunkt.quotes.sentences import Sent
from kernpunkt.quotes.spans import own_line_end, reads_as_speech
from kernpunkt.quotes.speakers import Speaker, State, same_person, speaker_for

# The weight table: a candidate's score is its base plus the weights of its features.
WEIGHTS = {
    # bases, by where the candidate comes from
    "named": 0.9,  # the rules' speaker, named in the quote's sentence
    "pronoun": 0.8,  # ... a pronoun or epithet there, resolved to someone named before
    "context": 0.75,  # ... a speaker of an earlier sentence (continuation, no cue)
    "grammar": 0.85,  # the subject of the speech verb that governs the quote (by lemma)
    "memory": 0.6,  # the person the previous sentence was about
    "heading": 0.45,  # the person the paragraph under a quote standing as a line opens with
    # features
    "agrees": 0.1,  # the grammar finds the rules' speaker as the cue's subject
    "disagrees": -0.25,  # the grammar's subject of the governing cue is someone else
    "oblique": -0.6,  # a dative or accusative phrase, or one inside a prepositional phrase
    "speechless": -0.45,  # a thing, with no cue, as the speaker of words in the first person
    "unresolved": -0.25,  # a pronoun that refers to no one named before
    "thing": -0.35,  # the grammar reads the speaker's name as a thing, with no speech word
    "nameless": -0.3,  # ... as no noun at all ("Kaum", "Wirst")
    # an earlier speaker, no cue, and someone else is the previous sentence's subject
    "interrupted": -0.3,
    # per sentence between the quote and the memory's person or the speaker it continues,
    # after the first
    "gap": -0.1,
    # the memory's person is the subject of a speech verb or a colon ("X sagte:", "X erklärt")
    "introduced": 0.25,
    # another person is named in the sentence before the quote: two candidates, no syntax
    "crowded": -0.2,
}
# Characters the tagger reads per token of `QuotesConfig.tag_window` (German words ≈ 6 + space).
CHARS_PER_TOKEN = 8
SO = "so"
COLON = ":"
RULE_SOURCES = frozenset({"named", "pronoun", "context"})
PEOPLE = frozenset({"person", "pronoun"})
SPEAKERS = PEOPLE | {"body"}
KINDS = SPEAKERS | {"thing"}
# How many sentences back the entity memory looks for the person a quote continues.
MEMORY_SENTENCES = 2
PREPOSITION_TAGS = frozenset({"APPR", "APPRART"})
VERB_FRAME = "verb"
# Frames of written words: "heißt es in X", "in X steht", "war die Rede von"
WRITTEN_FRAMES = frozenset({"es", "text"})
# Tags that attach an owner or a place after a noun: an article (genitive) or a preposition.
OWNER_TAGS = frozenset({"ART", "APPR", "APPRART"})
AGENT_ENDING = "er"
# STTS tags of words that neither name nor point to anyone: conjunctions, question words,
# particles, prepositions, auxiliaries ("Darin", "Dieser" point back; an adverb may be a surname
# the tagger misreads: "Kurz widersprach")
REFERENCELESS_TAG_PREFIXES = ("KO", "PW", "PTK", "APP", "VA", "VM")
NOUN_TAG = "NN"
COPULA_LEMMAS = frozenset({"sein", "werden", "bleiben"})


@dataclass
class Choice:
    """The speaker chosen for a quote, how it was found, and how sure that is."""

    speaker: Speaker | None
    attribution: Attribution
    confidence: float
    # the best candidate even when it is too unsure to name: later quotes continue from it,
    # so the threshold decides what the reader sees, not how the rest of the text is read
    guess: Speaker | None = None
    evidence: Evidence | None = None


@dataclass
class Candidate:
    """A possible speaker with its score, how it is attributed, and whether the rules chose it."""

    speaker: Speaker | None
    score: float
    attribution: Attribution
    # which of `confidence.SOURCES` proposed it, and how many sentences back its mention stands
    source: str = "named"
    gap: int = 0

    @property
    def from_rules(self) -> bool:
        """Tell whether the rules of `frames` and `speakers` proposed this candidate."""
        return self.source in RULE_SOURCES


class Scorer:
    """Choose among the speaker candidates of each quote of one text."""

    def __init__(
        self,
        text: str,
        masked: str,
        sents: list[Sent],
        config: QuotesConfig,
        names: frozenset[str] = frozenset(),
    ) -> None:
        """Keep the text, its sentences, the threshold and the surnames it gives a role."""
        self.text, self.masked, self.sents, self.config = text, masked, sents, config
        self.names = names
        self.window = config.tag_window * CHARS_PER_TOKEN
        # per sentence: the tagged windows around its quotes, with their tokens' offsets
        self._regions: dict[int, list[tuple[list[int], list[Token]]]] = {}
        self._openings: dict[int, list[Token]] = {}

    def _tokens(self, index: int, span: Span) -> list[Token]:
        """Return the tagged tokens around a quote, tagging each sentence's windows only once.

        The windows around the quotes of a sentence are merged before tagging, so no token is
        tagged twice and many quotes in one long sentence cost what the sentence costs.
        """
        if index not in self._regions:
            sent = self.sents[index]
            merged: list[list[int]] = []
            for other in sent.spans:
                start = max(sent.start, other.open - self.window)
                end = min(sent.end, other.close + self.window)
                if merged and start <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            tagged = [grammar.tag(self.masked, s, e) for s, e in merged]
            self._regions[index] = [([t.start for t in r], r) for r in tagged if r]
        starts, region = next(
            ((s, r) for s, r in self._regions[index] if s[0] <= span.open <= r[-1].end), ([], [])
        )
        first = bisect.bisect_left(starts, span.open - self.window)
        end = bisect.bisect_right(starts, span.close + self.window)
        return _as_quote(region[first:end], span)

    def _opening(self, index: int) -> list[Token]:
        """Return the tagged opening window of a sentence (for the entity memory), once."""
        if index not in self._openings:
            sent = self.sents[index]
            self._openings[index] = grammar.tag(
                self.masked, sent.start, min(sent.end, sent.start + self.window)
            )
        return self._openings[index]

    def choose(
        self, index: int, span: Span, rule: Speaker | None, cue: str | None, state: State
    ) -> Choice:
        """Return the best candidate for the quote `span` of sentence `index`."""
        sent = self.sents[index]
        tokens = self._tokens(index, span)
        where = (
            None
            if rule is None or rule.mention is None
            else _mention_start(self.text, rule.mention, sent, span)
        )
        # the rules continue someone from an earlier sentence, who may report this one
        earlier = where is not None and where < 0 and grammar.may_name_someone(rule.name or "")
        governing = _governing_subject(tokens, span, rule, cue, earlier)
        # only a quote that is a sentence of its own continues the person the text is about
        alone = sent.first_word >= span.open and sent.last_word <= span.close
        # a quote standing as a heading opens what follows, not what the text was about
        heading = cue is None and alone and self.stands_as_heading(span)
        remembers = governing is None and cue is None and alone and not heading
        memory = self._memory(index, state) if remembers else []
        interrupted = cue is None and alone and self._interrupts(index, rule, state)
        # sentences back to where the rules' speaker spoke last, or was last the subject
        since = state.subject_sentence if rule is state.subject else state.last_sentence
        gap = index - (state.last_sentence if rule is state.last else since)
        verb = any(
            f.cue == cue and f.kind == VERB_FRAME and not is_passive(self.masked, sent, f)
            for f in sent.frames
        )
        ruled = self._rule(where, rule, governing, tokens, interrupted, gap, verb)
        if heading and ruled.source == "context":
            ruled = Candidate(None, 0.0, "unclear")
        if ruled.attribution == "resolved" and rule is state.last:
            # a continued speaker: the further back they spoke, the less sure
            ruled.score += WEIGHTS["gap"] * max(gap - 1, 0)
        if cue is None and alone and ruled.speaker is not None and index:
            # "Kapitän X nahm die Mannschaft in die Pflicht." before a quote of the coach's
            ruled.score += WEIGHTS["crowded"] * self._others(index - 1, ruled.speaker, state)
        if cue is None and self._speechless(ruled, span, tokens, sent):
            ruled.score += WEIGHTS["speechless"]
        if ruled.speaker is not None and self._closed_word(ruled.speaker, sent, span, tokens):
            # "Oder in anderen Worten: „…“": a conjunction or a question word names no one
            ruled = Candidate(None, 0.0, "unclear")
        ruled_kind = (
            None if ruled.speaker is None else self._kind(ruled.speaker, sent, span, tokens)
        )
        # "Das Fazit zu Wish: „…“", "Kaum zu glauben: „…“": words that name no one; a report or
        # a court may speak through a verb ("heißt es im Bericht"), not a colon
        if (
            ruled_kind == "thing"
            and ruled.source == "context"
            and not self._nearest_mention(ruled.speaker, span)["paragraph"]
        ):
            # a report or a source speaks where the text names it; reported words in a later
            # paragraph go on with a person ("laut Ermittlungsstand" … "Es sei „…“ worden")
            ruled, ruled_kind = Candidate(None, 0.0, "unclear"), None
        elif ruled_kind == "thing" and (cue in {None, COLON} or ruled.source == "context"):
            ruled.score += WEIGHTS["thing"]
        elif ruled_kind == "none":
            ruled.score += WEIGHTS["nameless"]
        candidates = [ruled, *memory]
        if cue is None and ruled.speaker is None:
            candidates += self._heading(span, state)
        if governing is not None and not _same(governing, rule, self.text):
            speaker = speaker_for(self.text, (governing.start, governing.end), state, False)
            # the rules named someone else in the sentence: both lose, the better may still win
            contested = ruled.speaker is not None and ruled.attribution == "named"
            score = WEIGHTS["grammar"] + contested * WEIGHTS["disagrees"]
            if ruled_kind == "thing" and governing.kind in SPEAKERS:
                # "Das Verhalten bezeichnet Herrmann als „…“": a person speaks, not the object
                ruled.score += WEIGHTS["thing"]
            candidates.append(Candidate(speaker, score, _attribution(speaker), "grammar"))
        best = max(candidates, key=lambda c: c.score if c.speaker else -1.0)
        if best.speaker is None:
            return Choice(None, "unclear", 0.0)
        kind = (
            ruled_kind
            if best is ruled and ruled_kind
            else self._kind(best.speaker, sent, span, tokens)
        )
        evidence = self._evidence(index, span, best, kind, candidates, cue, alone, state)
        sure = confidence(evidence)
        if not best.from_rules:
            state.history.append(best.speaker)
        # the scorer's own penalties leave nothing standing ("Der Regen hielt an. „…“")
        if sure < self.config.min_confidence or best.score <= 0:
            return Choice(None, "unclear", sure, best.speaker, evidence)
        if grammar.describes_only(best.speaker.name or "") or self._unowned_writing(
            best, kind, cue, sent
        ):
            # "sagte ein Zeuge", "heißt es in dem Beschluss": the text describes the speaker or
            # the document and names no one
            return Choice(best.speaker, "described", sure, best.speaker, evidence)
        return Choice(best.speaker, best.attribution, sure, best.speaker, evidence)

    def _unowned_writing(self, best: Candidate, kind: str, cue: str | None, sent: Sent) -> bool:
        """Tell whether the words stand in a document, or are an answer or a statement, that
        the text names without its author ("heißt es in dem Beschluss", "Die Antwort: „…“")."""
        written = any(f.cue == cue and f.kind in WRITTEN_FRAMES for f in sent.frames)
        name = (best.speaker.name if best.speaker else "") or ""
        words = name.split()
        said = bool(words) and is_speech_noun(words[-1])
        if not (written or said) or kind != "thing" or grammar.holds_name(name):
            return False
        if best.source != "named" or (best.speaker and best.speaker.mention not in {None, name}):
            # "hieß es in der Warnung" after the weather service warned: its document
            return False
        # "im Bericht der Kommission", "in einem Papier von Union und SPD": an owner follows
        tokens = grammar.tag(name, 0, len(name))
        head = next((i for i, t in enumerate(tokens) if t.tag == NOUN_TAG), None)
        if head is None or any(t.word.isupper() for t in tokens):
            # an acronym is a name ("der IMI")
            return False
        # an agent noun is who speaks ("beim Autobauer"), not a document
        agent = tokens[head].word.endswith(AGENT_ENDING)
        return not agent and not any(t.tag in OWNER_TAGS for t in tokens[head + 1 :])

    def _evidence(
        self,
        index: int,
        span: Span,
        best: Candidate,
        kind: str,
        candidates: list[Candidate],
        cue: str | None,
        alone: bool,
        state: State,
    ) -> Evidence:
        """Return what the choice of `best` rests on, for the confidence model."""
        assert best.speaker is not None
        rivals = [
            c.score
            for c in candidates
            if c is not best and c.speaker and not same_person(c.speaker, best.speaker)
        ]
        crowded = any(self._others(i, best.speaker, state) for i in (index - 1, index) if i >= 0)
        return Evidence(
            source=best.source,
            score=best.score,
            rival=max(rivals, default=0.0),
            cue="none" if cue is None else "colon" if cue == COLON else "word",
            alone=alone,
            gap=best.gap,
            crowded=crowded,
            indirect=best.attribution == "resolved",
            one_word=len((best.speaker.name or "").split()) == 1,
            kind=kind,
            speechlike=reads_as_speech(self.text[span.start : span.end]),
            **self._nearest_mention(best.speaker, span),
            **self._standing(best.speaker, span, state),
        )

    def _standing(self, speaker: Speaker, span: Span, state: State) -> dict[str, float | bool]:
        """Return how often the text names a speaker against its most named person, the quote's
        length, and whether another person named follows the quote in its line."""
        own = (speaker.name or "").split()
        line = state.masked[span.close : span.close + AFTER].split("\n", 1)[0]
        mentions = state.words[own[-1]] if own else 0
        return {
            "salience": min(mentions / state.most_named, 1.0),
            "words": len(self.text[span.start : span.end].split()),
            "other_after": any(
                word in state.names and word not in own for word in WORD_ONLY_RE.findall(line)
            ),
        }

    def _nearest_mention(self, speaker: Speaker, span: Span) -> dict[str, int | bool]:
        """Return how far the nearest mention of the speaker's last name is from the quote."""
        key = (speaker.name or "").split()[-1:] or [""]
        if not key[0]:
            return {"distance": -1, "paragraph": False}
        before = self.text.rfind(key[0], max(0, span.open - FAR), span.open)
        after = self.text.find(key[0], span.close, span.close + FAR)
        gaps = [(span.open - before, before, span.open)] if before >= 0 else []
        gaps += [(after - span.close, span.close, after)] if after >= 0 else []
        if not gaps:
            return {"distance": -1, "paragraph": False}
        distance, start, end = min(gaps)
        return {"distance": distance, "paragraph": "\n" not in self.text[start:end]}

    def _rule(
        self,
        where: int | None,
        rule: Speaker | None,
        governing: Phrase | None,
        tokens: list[Token],
        interrupted: bool,
        gap: int,
        verb: bool,
    ) -> Candidate:
        """Score the rules' speaker by where it stands and what the grammar says of it.

        `where` is where the rules' mention starts in the sentence (`_mention_start`); `verb`
        tells that an active speech verb framed the quote (not "heißt es in X", "laut X", "für
        X", "wurde im Stadtrat als „…“ bezeichnet").
        """
        if rule is None or rule.mention is None:
            return Candidate(None, 0.0, "unclear")
        attribution = _attribution(rule)
        if where is None:
            # the rules took the quote itself for its speaker's name
            return Candidate(None, 0.0, "unclear")
        if where < 0:
            score = WEIGHTS["context"] + interrupted * WEIGHTS["interrupted"]
            return Candidate(rule, score, "resolved", "context", gap)
        source = "named" if attribution == "named" else "pronoun"
        score = WEIGHTS[source]
        if rule.mention in PRONOUNS and rule.name == rule.mention:
            score += WEIGHTS["unresolved"]
        phrase = _phrase_at(tokens, where)
        if verb and _after_preposition(tokens, phrase):
            # "„…“ gegen wohlhabende Russen gefordert": not the verb's subject
            return Candidate(None, 0.0, "unclear")
        if governing is None:
            return Candidate(rule, score, attribution, source)
        if _same(governing, rule, self.text):
            return Candidate(rule, score + WEIGHTS["agrees"], attribution, source)
        # "Der Zeitung sagte Meier": a speech verb governs the quote and its subject is another
        own = [] if phrase is None else tokens[phrase.first : phrase.last + 1]
        if phrase is not None and (phrase.oblique or phrase.in_pp or grammar.bare(own)):
            score += WEIGHTS["oblique"]
        return Candidate(rule, score + WEIGHTS["disagrees"], attribution, source)

    def _speechless(self, ruled: Candidate, span: Span, tokens: list[Token], sent: Sent) -> bool:
        """Tell whether the rules credit first-person words to a thing ("Die Aufforderung")."""
        if ruled.speaker is None or not reads_as_speech(self.text[span.start : span.end]):
            return False
        mention = ruled.speaker.mention or ""
        where = _mention_start(self.text, mention, sent, span)
        if where is not None and where >= 0:
            phrase = _phrase_at(tokens, where)
            return phrase is not None and phrase.kind == "thing"
        # a speaker from an earlier sentence: the grammar reads its mention on its own
        return _reads_as_thing(mention)

    def _memory(self, index: int, state: State) -> list[Candidate]:
        """Return the person the previous sentences open with, scored by distance."""
        for back in range(1, min(MEMORY_SENTENCES, index) + 1):
            subject = _sentence_subject(self._opening(index - back), KINDS)
            earlier = self.sents[index - back]
            # a sentence that reports someone's words ("…, so die Ministerin", or in Konjunktiv
            # I) is about what they spoke of: its speaker continues through the rules instead
            if subject is None or earlier.konjunktiv is not None or earlier.own_frames():
                continue
            if subject.kind not in PEOPLE:
                # the text moved on to something else since the person was named, unless it
                # introduced someone with their role ("Das ist die Aufgabe von Co-Chefin X.")
                named = self._introduced(index - back, state) if back == 1 else None
                if named is None:
                    return []
                return [Candidate(named, WEIGHTS["memory"], "resolved", "memory", back)]
            speaker = speaker_for(self.text, (subject.start, subject.end), state, False)
            # a name the tagger reads as a noun when alone ("Tonini raucht"), or words that may
            # name someone, not an unresolved pronoun
            opening = self._opening(index - back)
            person = _bare_name(opening, subject) or _can_be_a_person(speaker)
            if not person or speaker.name in state.places:
                return []
            score = WEIGHTS["memory"] + WEIGHTS["gap"] * (back - 1)
            if back == 1 and self._introduces(index - 1):
                score += WEIGHTS["introduced"]
            score += WEIGHTS["crowded"] * self._others(index - back, speaker, state)
            return [Candidate(speaker, score, "resolved", "memory", back)]
        return []

    def _introduced(self, index: int, state: State) -> Speaker | None:
        """Return the last person a sentence names with a role ("von Co-Chefin Eva Kahl")."""
        sent = self.sents[index]
        named = [(name, gender) for at, name, gender in state.people if sent.start <= at < sent.end]
        return Speaker(named[-1][0], named[-1][0], named[-1][1]) if named else None

    def _heading(self, span: Span, state: State) -> list[Candidate]:
        """Return the subject of the paragraph under a quote that stands as a line of its own.

        "„Das ist ein schwarzer Tag“ / Betriebsratschef X reagierte mit deutlichen Worten …":
        sure only when that paragraph's opening clause speaks (a speech verb by lemma).
        """
        line_end = own_line_end(self.masked, span)
        if line_end is None:
            return []
        start = len(self.masked) - len(self.masked[line_end:].lstrip())
        tokens = grammar.tag(self.masked, start, min(len(self.masked), start + self.window))
        subject = _sentence_subject(tokens, PEOPLE)
        if subject is None:
            return []
        speaker = speaker_for(self.text, (subject.start, subject.end), state, False)
        if not _can_be_a_person(speaker) or speaker.name in state.places:
            return []
        speaks = any(
            grammar.speech_cue(tokens, first, end) is not None
            for first, end, subordinate in grammar.clauses(tokens)[:1]
            if not subordinate
        )
        score = WEIGHTS["heading"] + speaks * WEIGHTS["introduced"]
        return [Candidate(speaker, score, "resolved", "heading", 1)]

    def stands_as_heading(self, span: Span) -> bool:
        """Tell whether a quote is a line of its own with no full stop: a heading over a section.

        A paragraph that is one quote ends its sentence („Wir haben alles versucht.“); a
        heading does not („Einigt euch schnell“).
        """
        words = self.text[span.start : span.end].rstrip()
        return own_line_end(self.masked, span) is not None and words[-1:] not in SENTENCE_PUNCT

    def _kind(self, speaker: Speaker, sent: Sent, span: Span, tokens: list[Token]) -> str:
        """Return what the grammar reads a speaker as: in the sentence where it is named there.

        "sagte Lang in Berlin" reads "Lang" as a name in its sentence, an adjective alone; a
        pronoun's or an earlier sentence's speaker is read by its name; a surname the text gave
        a role is a person.
        """
        name = speaker.name or ""
        if name in PRONOUNS:
            # a pronoun no one named before resolves: the tagger reads a lone "sie" as nothing
            return "pronoun"
        if name.split()[-1:] and name.split()[-1] in self.names:
            return "person"
        if _attribution(speaker) == "named" and speaker.mention:
            where = _mention_start(self.text, speaker.mention, sent, span)
            phrase = None if where is None else _phrase_at(tokens, where)
            if phrase is not None:
                return "person" if _bare_name(tokens, phrase) else phrase.kind
            if where is not None and where > sent.first_word and speaker.mention[:1].isupper():
                # no noun, yet capitalised inside a sentence: German writes names so ("Lang")
                return "person"
        return grammar.name_kind(name) or "none"

    def _closed_word(self, speaker: Speaker, sent: Sent, span: Span, tokens: list[Token]) -> bool:
        """Tell whether a one-word speaker is read in its sentence as a closed-class word.

        Every first word is capitalised, and alone "Oder" reads as the river; in "Oder in
        anderen Worten:" it is a conjunction.
        """
        if _attribution(speaker) != "named" or not speaker.mention or " " in speaker.mention:
            return False
        where = _mention_start(self.text, speaker.mention, sent, span)
        word = next((t for t in tokens if t.start == where), None)
        return word is not None and word.tag.startswith(REFERENCELESS_TAG_PREFIXES)

    def _introduces(self, index: int) -> bool:
        """Tell whether a sentence ends in a colon or its main clause has a speech verb."""
        if self.masked[self.sents[index].start : self.sents[index].end].rstrip().endswith(":"):
            return True
        tokens = self._opening(index)
        return any(
            grammar.speech_cue(tokens, first, end) is not None
            for first, end, subordinate in grammar.clauses(tokens)
            if not subordinate
        )

    def _others(self, index: int, speaker: Speaker, state: State) -> bool:
        """Tell whether a sentence names a person other than `speaker` (a second candidate)."""
        for phrase in _all_phrases(self._opening(index)):
            if phrase.kind != "person":
                continue
            other = speaker_for(self.text, (phrase.start, phrase.end), state, False)
            if other.name and not same_person(other, speaker):
                return True
        return False

    def _interrupts(self, index: int, rule: Speaker | None, state: State) -> bool:
        """Tell whether the sentence before a quote is about someone other than the rules' speaker.

        "Der Kanzler sprach lange. Die Ministerin reagierte empört. „…“": the Chancellor spoke
        last, but the text has moved on. A sentence in Konjunktiv I still reports the speaker.
        """
        if rule is None or index == 0 or self.sents[index - 1].konjunktiv is not None:
            return False
        # a thing as subject is the writer's narration between one speaker's quotes
        subject = _sentence_subject(self._opening(index - 1), SPEAKERS)
        if subject is None:
            return False
        other = speaker_for(self.text, (subject.start, subject.end), state, False)
        return not same_person(other, rule)


def _mention_start(text: str, mention: str, sent: Sent, span: Span) -> int | None:
    """Return where a speaker's mention stands in the sentence, outside the quote; -1 if not there.

    None when the mention is found only inside the quote itself.
    """
    inside = False
    pattern = re.compile(rf"(?<!\w){re.escape(mention)}(?!\w)")
    for match in pattern.finditer(text, sent.start, sent.end):
        if span.open <= match.start() <= span.close:
            inside = True
            continue
        return match.start()
    return None if inside else -1


def _phrase_at(tokens: list[Token], where: int) -> Phrase | None:
    """Return the noun phrase of `tokens` that holds the offset `where`, if any."""
    if where < 0:
        return None
    return next((p for p in _all_phrases(tokens) if p.start <= where < p.end), None)


def _after_preposition(tokens: list[Token], phrase: Phrase | None) -> bool:
    """Tell whether a phrase follows a preposition that names no source or agent of speech.

    "laut X", "nach Angaben von X", "von X kritisiert", "seitens X" name who spoke; "gegen X",
    "mit X", "über X" never do.
    """
    if phrase is None or not phrase.first or tokens[phrase.first].word in NOMINATIVE_PRONOUNS:
        # "Bis er …": no preposition takes "er", so the word before is a conjunction
        return False
    before = tokens[phrase.first - 1]
    if before.tag not in PREPOSITION_TAGS or before.word.lower() in SPEAKER_PREPOSITIONS:
        return False
    # "Während Meier erklärte, …": a finite verb ending the clause after the phrase makes the
    # word before a conjunction opening a clause with its verb last
    following = tokens[phrase.last + 1 : phrase.last + 3]
    verb_last = (
        bool(following)
        and following[0].tag in grammar.FINITE_TAGS
        and (len(following) == 1 or following[1].tag in grammar.BOUNDARY_TAGS)
    )
    return not verb_last


def _bare_name(tokens: list[Token], phrase: Phrase) -> bool:
    """Tell whether a subject of one noun without article is a name ("Tonini hat geantwortet").

    German gives a singular noun an article; one without is a plural ("Fans warnen"), a
    predicate ("Ziel ist …") or a name, and a singular verb other than a copula tells which.
    """
    if phrase.first != phrase.last or phrase.in_pp or phrase.oblique:
        return False
    if tokens[phrase.first].tag != NOUN_TAG:
        return False
    after = itertools.takewhile(
        lambda t: t.tag not in grammar.BOUNDARY_TAGS, tokens[phrase.last + 1 :]
    )
    before = itertools.takewhile(
        lambda t: t.tag not in grammar.BOUNDARY_TAGS, reversed(tokens[: phrase.first])
    )
    verb = next((t for t in itertools.chain(after, before) if t.tag in grammar.FINITE_TAGS), None)
    # "Hauptort ist Leipzig", "Ziel sei es": a noun without article before a copula is a predicate
    return verb is not None and is_singular_verb(verb.word) and verb.lemma not in COPULA_LEMMAS


def _as_quote(tokens: list[Token], span: Span) -> list[Token]:
    """Mark the token of the quote itself as QUOTE, also when it was masked as a name."""
    return [replace(t, tag=grammar.QUOTE_TAG) if t.start == span.open else t for t in tokens]


def _all_phrases(tokens: list[Token]) -> list[Phrase]:
    """Return every noun phrase of every clause in `tokens`."""
    spans = grammar.clauses(tokens)
    return [phrase for first, end, _ in spans for phrase in grammar.phrases(tokens, first, end)]


def _governing_subject(
    tokens: list[Token], span: Span, rule: Speaker | None, rule_cue: str | None, earlier: bool
) -> Phrase | None:
    """Return the subject of the speech verb whose clause is next to the quote, if any.

    The clause right after the quote ("„…“, stöhnt der Wirt") comes first, then the clause
    right before it ("Der Zeitung sagte Meier: „…“"); a subordinate clause governs nothing.
    Where the rules found a speaker through another cue ("laut X", "X zufolge", a speech
    noun), the grammar's verb has no say; nor where they found the verb reported in
    Konjunktiv I and an `earlier` speaker reporting it ("Die Regierung werde mitteilen, „…“").
    """
    at = next(
        (i for i, t in enumerate(tokens) if t.tag == grammar.QUOTE_TAG and t.start >= span.open),
        None,
    )
    if at is None:
        return None
    for first, end, subordinate in grammar.clauses(tokens):
        after = first in {at + 1, at + 2} and all(t.tag == "$," for t in tokens[at + 1 : first])
        before = end == at or (end == at - 1 and tokens[end].tag in {"$,", "$.", "$("})
        if subordinate or not (after or before):
            continue
        # "„…“, so de Maizière": "so" and a name after the quote frame it like a verb
        so = after and tokens[first].word == SO
        cue = first if so else grammar.speech_cue(tokens, first, end)
        # after the quote only an inverted clause ("„…“, sagte X") speaks it; before it, a
        # clause that opens with its verb has its subject outside ("X (SPD), warnte: „…“")
        if cue is None or (cue == first) != after:
            continue
        if rule is not None and rule_cue not in {None, ":", tokens[cue].word}:
            return None
        if (
            earlier
            and before
            and rule_cue == tokens[cue].word
            and grammar.reported(tokens, first, end)
        ):
            return None
        subject = grammar.cue_subject(tokens, first, end, cue)
        return subject if subject is not None and subject.kind != "thing" else None
    return None


def _sentence_subject(tokens: list[Token], kinds: frozenset[str]) -> Phrase | None:
    """Return the subject of a sentence's first clause if it is of one of `kinds`.

    That is the phrase opening the sentence, or the first after the verb ("Am Abend trat Weber
    vor die Presse"); a sentence that opens with a quote or a subordinate clause has none here.
    """
    spans = grammar.clauses(tokens)
    if not spans or spans[0][0] != 0 or spans[0][2]:
        return None
    first, end, _ = spans[0]
    found = [
        replace(p, kind="person") if _bare_name(tokens, p) else p
        for p in grammar.phrases(tokens, first, end)
        if not (p.oblique or p.in_pp)
    ]
    subject = next((p for p in found if p.kind in kinds), None)
    return None if subject is None or grammar.generic(tokens, subject) else subject


def _reads_as_thing(mention: str) -> bool:
    """Tell whether the grammar reads a mention on its own as a thing, not a person or body."""
    own = grammar.tag(mention, 0, len(mention))
    return {phrase.kind for phrase in _all_phrases(own)} == {"thing"}


def _can_be_a_person(speaker: Speaker) -> bool:
    """Tell whether a resolved subject may speak: a name, not an unresolved pronoun or a thing."""
    if speaker.mention in PRONOUNS and speaker.name == speaker.mention:
        return False
    words = speaker.name or ""
    own = grammar.tag(words, 0, len(words))
    return {phrase.kind for phrase in _all_phrases(own)} != {"thing"}


def _same(phrase: Phrase, speaker: Speaker | None, text: str) -> bool:
    """Tell whether a grammar phrase and a rule speaker are the same words."""
    if speaker is None or speaker.mention is None:
        return False
    words = text[phrase.start : phrase.end]
    return speaker.mention in words or words in speaker.mention


def _attribution(speaker: Speaker) -> Attribution:
    """Return "named" when the mention names the speaker, else "resolved" (pronoun, epithet)."""
    mention = speaker.mention or ""
    if mention in PRONOUNS or mention in DEMONSTRATIVE_SUBJECTS:
        return "resolved"
    if speaker.name and speaker.name not in mention and not speaker.name.endswith(mention):
        return "resolved"
    return "named"
