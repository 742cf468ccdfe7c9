"""Find quotes and their speakers in German news text, before translation.

One job: turn German text into `Quote` objects (who said what, where, how sure) and mark
reported-speech sentences with the speaker they continue. Regular expressions over a grammar
layer (HanTa's STTS tags and lemmas, read only around quotes), linear time.

How it works, in four passes over the text, and a scorer:
1. pair the quotation marks of the document's style with a stack (a paragraph that a line
   ending in a speech verb and a colon announces is a quote whose marks the layout dropped);
2. split the text into sentences, ignoring everything inside quotes;
3. find speech frames per sentence (speech verbs and nouns, "laut X", "X zufolge", "seiner Ansicht
   nach", colons) and the speaker's noun phrase next to them; written words credit the place
   they stand in ("im Entwurf steht: „…“", "heißt es in dem Brief", "ein Schild, auf dem
   stand: „…“"), a passive speech verb ("wurde als „…“ bezeichnet", "wurden auf … hingewiesen")
   credits its agent or outlet, never its subject, and a speech noun that only dates the event
   ("während einer Rede") is no frame; "nach eigenem Bekunden" credits the clause subject. The
   speaker's mention keeps what describes it, as a reader names the speaker: a subject opening
   its clause runs up to the finite verb, appositions and relative clauses included ("Khan,
   einer der Abgeordneten, die …, sagte"), and a speaker elsewhere takes a relative clause after
   it unless that clause itself speaks;
4. walk the sentences in order: a marked span is a quote only inside a frame, after an attributed
    quote, in a Konjunktiv-I sentence that continues the last speaker (inside such a run, a main
    clause in Konjunktiv II reports too: "Dies hätten die Beamten verhindert"), or when it is a
    lowercase phrase of several words or speaks in the first or second person (someone's wording,
    credited to the clause subject; in a passive clause to the last speaker; in a condition or a
    clause without a subject to nobody); otherwise it is a quoted term (a name, a title, a scare
    quote) and is dropped. A capitalised, name-like span counts as wording only with a signal of
    speech: a speech verb that takes it as its object ("warnte vor der „Kostenfalle“"), a noun for
    wording before it ("Parolen wie „…“"), a speech verb and comma right before it, or ", sagte
    X" after it. A name in brackets right after said words cites their source ("„Das wäre ein
    Traum“ (Anja Becker)"). A quote standing alone takes the speaker of a next sentence that
    credits it ("„…“ Das sagte X."); a quote with no speaker of its own continues the last
    speaker, or the named person the previous sentence was about; one standing as a heading (a
    line of its own with no full stop) opens what follows, so it takes the speaker of the quote
    that repeats its words or of the paragraph under it, never the last speaker. A quote that
    ends a leading subordinate clause with its own speech verb ("Während A erklärte, …, „…“,
    räumte B ein") is that clause's speaker's.
    A quote in the content clause of a speech noun ("Auf den Vorwurf der X, es sei „…“,
    entgegnete Y") is the noun owner's; a wie-clause ("Wie X berichtet, …") yields to a speech
    noun of its main clause, but reports a view there ("Wie X erklärte, sieht die Regierung …");
    in a "so"-list each member speaks the quote after their own name ("so A („…“) und B: „…“").
    The speaker's name is the person's in the mention, without the role's owner, party, place
    or the outlet they talked to ("Der Sprecher der Bundesregierung Steffen Seibert", "sagte
    Meier der „Rundschau“"); pronouns and epithets ("der 62-Jährige") name the last compatible
    person, never a thing or a document that spoke in between.

Quotes inside a quote („Er sagte: ‚Nein.‘“) are found in its words read as a text of their own,
one level deep; they count as sentences spoken, named or ended, and keep only a speaker named
next to them.

The scorer (`scoring`) then weighs, for every quote, the rules' speaker against the subject of
the speech verb that governs the quote, found by the grammar layer by lemma ("merkt … an",
"stöhnt", "Der Zeitung sagte Meier"), and against the person the previous sentences were about
(the entity memory: "Die Ministerin trat vor die Presse. Sie wirkte müde. „…“"). The winner's
score is the quote's `confidence`; its `attribution` says whether the speaker is named next to
the quote or resolved (pronoun, epithet, earlier sentence); below `QuotesConfig.min_confidence`
the speaker is left empty and the quote is "unclear".

Layout of the package, one job per module:
- `lexicon`: German knowledge as data (word lists, speech-verb lemmas, regular expressions);
- `grammar`: the tagger (loaded once), clauses, noun phrases, speech cues by lemma;
- `scoring`: speaker candidates, their weights, and attribution;
- `confidence`: the probability that the chosen speaker is right, from the choice's evidence;
- `marks`: pass 1, pairing quotation marks, and masking the quoted words;
- `sentences`: pass 2, sentences, word tokens and clauses of the masked text;
- `phrases`: the grammar of noun phrases and clause subjects, to find a speaker's mention;
- `frames`: pass 3, speech frames per sentence and the speaker phrase each one names;
- `speakers`: from mention to speaker (names, gender, pronouns) and who speaks on;
- `spans`: pass 4's tests on a span (quoted term or wording, direct or partial);
- this module: the passes in order, and the public `find_quotes`, `attribute` and `analyse`.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass, field

from kernpunkt.config import QuotesConfig
from kernpunkt.document import Quote, Sentence
from kernpunkt.german import contains
from kernpunkt.quotes import grammar
from kernpunkt.quotes.confidence import Evidence
from kernpunkt.quotes.frames import (
    FrameIndex,
    cited_source,
    content_owner,
    echo_frame,
    frame_after,
    frame_speaker,
    in_closed_subclause,
    nearest_frame,
    passed_on,
    reported_frame,
    span_mention,
    speech_cues,
)
from kernpunkt.quotes.lexicon import (
    ARTICLES,
    CITED_CUE,
    CLAUSE_PUNCTUATION,
    NAME_OWNERS,
    POSSESSIVES,
    SENTENCE_PUNCT,
    WORD_ONLY_RE,
    is_konjunktiv_i,
    is_konjunktiv_ii,
    is_speech_noun,
)
from kernpunkt.quotes.marks import Span, inner_marks, mask, pair_marks
from kernpunkt.quotes.phrases import (
    clause_subject,
    in_circumstance_clause,
    joined_main_subject,
    passive_before,
    subordinate_prefield_end,
)
from kernpunkt.quotes.scoring import Scorer
from kernpunkt.quotes.sentences import Sent, konjunktiv_verb, split_sentences, word_tokens
from kernpunkt.quotes.spans import (
    colon_before,
    ends_sentence,
    holds_finite_verb,
    is_name_like,
    is_phrase_quote,
    is_term,
    opens_sentence,
    quote_kind,
    reads_as_clause,
    reads_as_speech,
    stands_alone,
)
from kernpunkt.quotes.speakers import (
    Speaker,
    State,
    inverted_speaker,
    remember_subject,
    sentence_speaker,
    speaker_for,
)

__all__ = ["Analysis", "analyse", "attribute", "find_quotes"]

# Words a heading needs before another quote repeating them gives it that quote's speaker, and
# how many quotes before and after it are searched.
MIN_REPEATED_WORDS = 3
REPEAT_REACH = 12
# A text quotes one person far more than anyone (an interview, a portrait) when that person is
# the speaker of at least this many named quotes and this share of them.
MAIN_SPEAKER_QUOTES = 5
MAIN_SPEAKER_SHARE = 0.7


@dataclass
class Analysis:
    """Quotes found in a text, and the spans of reported speech with their speaker."""

    quotes: list[Quote]
    reported: list[tuple[int, int, str]]
    # per quote, what its speaker's confidence rests on (None where no one was a candidate)
    evidence: list[Evidence | None] = field(default_factory=list)


def _build_sentences(masked: str, spans: list[Span]) -> list[Sent]:
    """Split the text into sentences and attach spans, frames and the Konjunktiv verb."""
    sents = [Sent(s, e) for s, e in split_sentences(masked)]
    starts = [sent.start for sent in sents]
    for span in spans:
        index = bisect.bisect_right(starts, span.open) - 1
        if index >= 0:
            sents[index].spans.append(span)
    for sent in sents:
        sent.frames = speech_cues(masked, sent.start, sent.end)
        for frame in sent.frames:
            frame.mention = frame_speaker(masked, sent, frame)
        sent.konjunktiv = konjunktiv_verb(masked, sent.start, sent.end)
        words = word_tokens(masked, sent.start, sent.end)
        letters = [tok for tok in words if tok[2][0].isalnum()]
        sent.first_word = letters[0][0] if letters else sent.end
        sent.last_word = letters[-1][0] if letters else sent.start
    for sent, following in itertools.pairwise(sents):
        sent.echo = echo_frame(masked, following)
    return sents


def analyse(text: str, config: QuotesConfig | None = None) -> Analysis:
    """Find quotes and reported-speech spans in German text."""
    config = config or QuotesConfig()
    if not isinstance(text, str) or not text.strip():
        return Analysis([], [])
    return _with_inner_quotes(text, _analyse_level(text, config), config)


def _analyse_level(text: str, config: QuotesConfig) -> Analysis:
    """Find the quotes of one level: those inside quotes come from `_with_inner_quotes`."""
    spans = pair_marks(text)
    name_like = [is_name_like(text[span.start : span.end]) for span in spans]
    terms = {i for i, span in enumerate(spans) if is_term(text, span, name_like[i])}
    masked = mask(text, spans, {i for i in terms if name_like[i]})
    state = State.of(masked)
    with grammar.reading(state.names):
        return _read(text, masked, spans, terms, state, config)


def _read(
    text: str,
    masked: str,
    spans: list[Span],
    terms: set[int],
    state: State,
    config: QuotesConfig,
) -> Analysis:
    """Walk the sentences of a masked text and choose each quote's speaker."""
    quotes: list[Quote] = []
    evidence: list[Evidence | None] = []
    headings: list[bool] = []
    reported: list[tuple[int, int, str]] = []
    term_opens = {spans[i].open for i in terms}
    # the sentence before reported or quoted someone: a Konjunktiv II main clause goes on doing so
    reporting = False
    sents = _build_sentences(masked, spans)
    scorer = Scorer(text, masked, sents, config, frozenset(state.learned))
    for index, sent in enumerate(sents):
        if reporting and sent.konjunktiv is None:
            sent.konjunktiv = _main_konjunktiv_ii(masked, sent)
        if sent.spans and sent.spans[0].open > sent.first_word:
            # "Lehrer Andreas Heller hat festgelegt: „…“, erklärt er": the person the sentence
            # opens with is who its pronouns after the quote refer to
            remember_subject(text, masked, sent, index, state)
        choices = _sentence_quotes(text, masked, sent, index, term_opens, state, scorer)
        found = [quote for quote, _, _ in choices]
        quotes.extend(found)
        evidence.extend(why for _, why, _ in choices)
        headings.extend(heading for _, _, heading in choices)
        own = None if found else sentence_speaker(text, sent, state)
        if own is not None and state.continues(index) and _reported_speech(masked, sent):
            # "Das Gericht habe mitgeteilt, dass …": the last speaker still speaks
            own = None
        if own is None and not found:
            remember_subject(text, masked, sent, index, state)
        if own is not None:
            state.last = own
        if own is not None or any(quote.speaker for quote in found):
            state.last_sentence = index
        speaker = state.reporter(index)
        reported_here = sent.konjunktiv is not None and speaker is not None
        if reported_here:
            state.last, state.last_sentence = speaker, index
            reported.append((sent.start, sent.end, speaker.name or speaker.mention or ""))
        reporting = reported_here or any(quote.speaker for quote in found)
    _repeated_headings(quotes, evidence, headings)
    _main_speaker(quotes, evidence, config.min_confidence)
    return Analysis(quotes, reported, evidence)


def _reported_speech(masked: str, sent: Sent) -> bool:
    """Tell whether every speech frame naming someone in a sentence is in Konjunktiv I."""
    named = [f for f in sent.frames if f.mention is not None]
    return bool(named) and all(reported_frame(masked, sent, f) for f in named)


def _repeated_headings(
    quotes: list[Quote], evidence: list[Evidence | None], headings: list[bool]
) -> None:
    """Give a quote standing as a heading the speaker of the quote that repeats its words.

    A section's heading quotes what someone says in it ("„Einigt euch schnell“" over "…, sein
    Appell: „Einigt euch schnell, einigt euch vernünftig!“"); a heading no quote repeats keeps
    what the scorer chose.
    """
    for i, quote in enumerate(quotes):
        words = _words(quote.text)
        if not headings[i] or len(words) < MIN_REPEATED_WORDS:
            continue
        # the section's quotes, nearest first: a bounded search keeps the pass linear
        near = sorted(
            range(max(0, i - REPEAT_REACH), min(len(quotes), i + REPEAT_REACH + 1)),
            key=lambda j: abs(j - i),
        )
        said = (j for j in near if not headings[j] and quotes[j].speaker)
        source = next((j for j in said if contains(_words(quotes[j].text), words)), None)
        if source is not None:
            copy = quotes[source]
            quote.speaker, quote.speaker_mention = copy.speaker, copy.speaker_mention
            quote.attribution, quote.confidence = "resolved", copy.confidence
            evidence[i] = evidence[source]


def _main_speaker(quotes: list[Quote], evidence: list[Evidence | None], threshold: float) -> None:
    """Give a quote with no speaker candidate at all the person the text quotes most, when it
    quotes one person far more than anyone else (an interview's answers after its questions, a
    portrait's quotes standing as headings); the confidence is that person's share of the
    quotes with a named or resolved speaker."""
    named = Counter(
        quote.speaker
        for quote in quotes
        if quote.speaker and quote.attribution in {"named", "resolved"}
    )
    if not named:
        return
    top, count = named.most_common(1)[0]
    share = count / named.total()
    if count < MAIN_SPEAKER_QUOTES or share < max(MAIN_SPEAKER_SHARE, threshold):
        return
    said = [i for i, quote in enumerate(quotes) if quote.speaker == top]
    for i, quote in enumerate(quotes):
        if quote.speaker or evidence[i] is not None:
            continue
        # the mention of the nearest quote of theirs: a search in the sorted list keeps it linear
        at = bisect.bisect_left(said, i)
        nearest = min(said[max(at - 1, 0) : at + 1], key=lambda j: abs(j - i))
        quote.speaker, quote.speaker_mention = top, quotes[nearest].speaker_mention
        quote.attribution, quote.confidence = "resolved", round(share, 3)


def _words(text: str) -> list[str]:
    """Return the lowercased words of a text, without punctuation."""
    return [word.lower() for word in WORD_ONLY_RE.findall(text)]


def _with_inner_quotes(text: str, analysis: Analysis, config: QuotesConfig) -> Analysis:
    """Add the quotes inside each quote ("„Er sagte: ‚Nein.‘“"), found in its words alone.

    One level deep: a quote inside a quote inside a quote is its speaker's to tell.

    Only a speaker named next to an inner quote is kept: a pronoun or an earlier sentence there
    belongs to the outer speaker's story, which the words alone do not tell.
    """
    quotes: list[Quote] = []
    evidence: list[Evidence | None] = []
    for quote, why in zip(analysis.quotes, analysis.evidence, strict=True):
        quotes.append(quote)
        evidence.append(why)
        words = inner_marks(quote.text)
        inner = _analyse_level(words, config) if words is not None else Analysis([], [])
        for found, reason in zip(inner.quotes, inner.evidence, strict=True):
            if not _stands_inside(found):
                continue
            found.start, found.end = found.start + quote.start, found.end + quote.start
            found.text = text[found.start : found.end]
            if found.attribution != "named":
                found.speaker = found.speaker_mention = None
                found.attribution = "unclear"
            quotes.append(found)
            evidence.append(reason)
    return Analysis(quotes, analysis.reported, evidence)


def _stands_inside(quote: Quote) -> bool:
    """Tell whether a quote found inside a quote is one: a sentence spoken, named or ended.

    A phrase there is the speaker's own term ("den Grundsatz ‚in dubio pro reo‘"), and so are
    words that end no sentence with no speaker or speech verb ("Viele sagen: ‚Endlich was los‘").
    """
    spoken = quote.cue is not None and quote.cue[:1].isalpha()
    return quote.kind == "direct" and (
        quote.attribution == "named" or spoken or quote.text[-1:] in SENTENCE_PUNCT
    )


def _main_konjunktiv_ii(masked: str, sent: Sent) -> str | None:
    """Return a Konjunktiv-II verb of a sentence's first clause ("Dies hätten sie verhindert").

    One in a later clause belongs to what that clause depends on ("X hatte gehofft, dass …
    würden"), which does not report.
    """
    comma = masked.find(",", sent.start, sent.end)
    end = sent.end if comma < 0 else comma
    return konjunktiv_verb(masked, sent.start, end, is_konjunktiv_ii)


def _sentence_quotes(
    text: str,
    masked: str,
    sent: Sent,
    index: int,
    term_opens: set[int],
    state: State,
    scorer: Scorer,
) -> list[tuple[Quote, Evidence | None, bool]]:
    """Decide which spans of one sentence are quotes, and attribute them, with the evidence and
    whether each stands as a heading."""
    found: list[tuple[Quote, Evidence | None, bool]] = []
    frames = FrameIndex.of(sent.frames)
    for span in sent.spans:
        start, end = _strip_span(text, span)
        if start >= end:  # marks around nothing but blanks
            continue
        decision = _attribute_span(
            text, masked, sent, frames, index, span, span.open in term_opens, state
        )
        if decision is None:
            continue
        rule, cue = decision
        choice = scorer.choose(index, span, rule, cue, state)
        speaker = choice.speaker
        quote = Quote(
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker.name if speaker and choice.attribution != "described" else None,
            speaker_mention=speaker.mention if speaker else None,
            cue=cue,
            kind=quote_kind(text, masked, sent, span),
            attribution=choice.attribution,
            confidence=round(choice.confidence, 3),
        )
        found.append((quote, choice.evidence, scorer.stands_as_heading(span)))
        if choice.guess is not None:
            state.last = choice.guess
            state.last_sentence = index
    return found


def _strip_span(text: str, span: Span) -> tuple[int, int]:
    """Return the span's offsets without surrounding whitespace."""
    words = text[span.start : span.end]
    lead = len(words) - len(words.lstrip())
    return span.start + lead, span.start + len(words.rstrip())


def _attribute_span(
    text: str,
    masked: str,
    sent: Sent,
    frames: FrameIndex,
    index: int,
    span: Span,
    term: bool,
    state: State,
) -> tuple[Speaker | None, str | None] | None:
    """Return (speaker, cue) when a span is a quote, or None when it is a quoted term."""
    if _names_speaker(masked, sent, span):
        return None
    # the brackets may follow a quote that ends its sentence ("„Größenwahn!“ (Lars Scholz).")
    cited = cited_source(masked, span.close)
    if cited is not None and _spoken(text, span):
        # "„Das wäre ein Traum“ (Anja Becker)": the brackets name the source
        return speaker_for(text, cited, state), CITED_CUE
    sentence_like = ends_sentence(text, span) or opens_sentence(sent, span)
    content = None if term or sentence_like else content_owner(masked, frames, span)
    if content is not None:
        noun, owner = content
        return (speaker_for(text, owner, state) if owner else None), noun.cue
    after = frame_after(masked, frames, sent, span)
    if after is not None and after.mention is not None:
        after = passed_on(masked, frames, after, span)
    if after is not None and (not term or sentence_like):
        announcer = (
            _colon_subject(masked, sent, span.open)
            if after.kind == "es" and colon_before(masked, span, sent.start)
            else None
        )
        if announcer is not None:
            # "Tesla hielt dagegen: „…“, hieß es in einer Stellungnahme": who announced the words
            return speaker_for(text, announcer, state), after.cue
        if after.mention is None:
            # "„…“, hieß es": the document or speech of the last speaker.
            return (state.continues(index) if after.kind == "es" else None), after.cue
        continued = state.previous_subject(index) or state.continues(index)
        if after.kind == "es" and continued is not None and _refers_back(masked, after.mention):
            # "„…“, hieß es in der Warnung", "in einer Stellungnahme": words with no owner named,
            # so those of whom the sentence before was about ("Das ließ das Gericht nicht
            # gelten. „…“, hieß es in der Urteilsbegründung"), else of who spoke last
            return continued, after.cue
        return speaker_for(text, after.mention, state), after.cue
    if colon_before(masked, span, sent.start) and (not term or ends_sentence(text, span)):
        frame = nearest_frame(masked, frames, span, colon=True)
        if frame is not None:
            prefield = subordinate_prefield_end(masked, sent, span.open)
            if prefield is not None and frame.pos < prefield:
                # "Als die Moderatorin fragte, lachte der Minister: „…“": the main clause
                # announces the words, not the clause before it
                frame = None
        joined = joined_main_subject(masked, sent, span.open)
        if joined is not None and (
            frame is None or frame.pos < masked.rfind(",", sent.start, joined[0])
        ):
            # "Merkel sprach lange, danach ergriff Scholz das Wort: „…“": so does a main
            # clause of its own after a comma
            return speaker_for(text, joined, state), ":"
        if frame is not None and frame.mention is not None:
            return speaker_for(text, span_mention(masked, sent, frame, span), state), frame.cue
        subject = clause_subject(masked, sent, span.open)
        continued = state.continues(index)
        if continued is not None and (subject is None or _reports(masked, sent, subject)):
            return continued, ":"
        return (speaker_for(text, subject, state) if subject else None), ":"
    if term:
        return _inverted_frame(text, masked, sent, span, state) if sentence_like else None
    frame = nearest_frame(masked, frames, span, colon=False)
    if frame is not None and in_closed_subclause(masked, sent, frame, span):
        # "Während A … zurückwies, beschuldigte B … „…“": the main clause's subject
        subject = clause_subject(masked, sent, span.open)
        if subject is not None:
            return speaker_for(text, subject, state), None
    speaker = state.continues(index)
    if frame is not None and frame.mention is not None and reported_frame(masked, sent, frame):
        # "Putin habe „wiederholt“ erklärt, dass …, sagte Peskow": who reports it speaks
        reporter = inverted_speaker(
            text, sent, lambda f: not reported_frame(masked, sent, f), span.close
        )
        if reporter is not None:
            return speaker_for(text, reporter[0], state), reporter[1]
        announcer = _colon_subject(masked, sent, min(frame.pos, frame.mention[0]))
        if announcer is not None:
            # "X begründete den Schritt mit harschen Worten: Das Papier widerspreche „…“"
            return speaker_for(text, announcer, state), frame.cue
        if speaker is not None and min(frame.pos, frame.mention[0]) < span.open:
            # "Die Regierung werde mitteilen, „dass wir …“", "Eine Geldforderung könne dieses
            # „extreme Ausmaß“ nicht erklären": the words of who spoke last
            return speaker, frame.cue
    if frame is not None and frame.mention is not None:
        return speaker_for(text, span_mention(masked, sent, frame, span), state), frame.cue
    if sent.konjunktiv and speaker is not None:
        return state.reporter(index), sent.konjunktiv
    if frames.nouns and frames.nouns[0].mention is not None:
        return speaker_for(text, frames.nouns[0].mention, state), frames.nouns[0].cue
    if sent.konjunktiv:
        return state.previous_subject(index), sent.konjunktiv
    if frames.verb_cue is not None:
        return state.continues(index, gap=1), frames.verb_cue
    if stands_alone(sent, span) and sentence_like:
        if sent.echo is not None:
            return speaker_for(text, sent.echo.mention, state), sent.echo.cue
        return speaker or state.previous_subject(index), None
    if is_phrase_quote(text[span.start : span.end]) or reads_as_speech(text[span.start : span.end]):
        # Someone's wording is the clause subject's; in a passive clause it continues the last
        # speaker, in a condition and in a clause without a subject it names nobody.
        if in_circumstance_clause(masked, sent, span.open):
            return None, None
        subject = clause_subject(masked, sent, span.open)
        if subject is None and sentence_like:
            # "„…“, freut sich Kluckers": no subject before the quote, a verb-first clause after
            return _inverted_frame(text, masked, sent, span, state) or (None, None)
        if subject is not None and passive_before(masked, sent, span.open):
            return speaker, None
        return (speaker_for(text, subject, state) if subject else None), None
    inverted = _inverted_frame(text, masked, sent, span, state) if sentence_like else None
    if (
        inverted is None
        and sentence_like
        and speaker
        and reads_as_clause(text[span.start : span.end])
    ):
        # "… warf Spahn „…“ vor. „Wenn Spahn meint, …, ist das ein Hohn“, die …": a whole
        # clause quoted right after someone spoke goes on with their words
        return speaker, None
    return inverted


def _spoken(text: str, span: Span) -> bool:
    """Tell whether quoted words are said, not a title ("„Wanderer über dem Nebelmeer“"): a
    sentence ended, a finite verb or a lowercase phrase."""
    words = text[span.start : span.end]
    return ends_sentence(text, span) or is_phrase_quote(words) or holds_finite_verb(words)


def _colon_subject(masked: str, sent: Sent, before: int) -> tuple[int, int] | None:
    """Return the subject of the clause a colon ends before `before`, if it may name someone:
    who announces the reported words after the colon."""
    colon = masked.rfind(":", sent.start, before)
    if colon < 0:
        return None
    subject = clause_subject(masked, sent, colon)
    if subject is None or not grammar.may_name_someone(masked[subject[0] : subject[1]]):
        return None
    return subject


def _inverted_frame(
    text: str, masked: str, sent: Sent, span: Span, state: State
) -> tuple[Speaker | None, str | None] | None:
    """Return the subject and verb of a verb-first clause after a quote that frames it.

    „…“, lacht Kerstin Wahala.: German reports speech so with verbs no lexicon lists.
    """
    inverted = grammar.frame_after_quote(masked, span.open, span.close, sent.end)
    if inverted is None:
        return None
    verb, subject = inverted
    return speaker_for(text, (subject.start, subject.end), state), verb.word


def _refers_back(masked: str, mention: tuple[int, int]) -> bool:
    """Tell whether a document is named only as what someone just said or wrote ("in der
    Warnung", "in dem Brief").

    An article and a speech noun or a thing alone, without an owner or a description ("in der
    Warnung des Wetterdienstes"), point back to the last speaker's words.
    """
    # a relative clause after it ("in dem Brief, der der Zeitung vorliegt") names no owner
    words = WORD_ONLY_RE.findall(masked[mention[0] : mention[1]].split(",")[0])
    return (
        len(words) == 2
        and words[0].lower() in ARTICLES
        and (is_speech_noun(words[1]) or grammar.name_kind(" ".join(words)) == "thing")
        # "in dem LSVD-Schreiben": a compound's first part names whose document it is
        and not grammar.holds_name(words[1].split("-")[0])
    )


def _names_speaker(masked: str, sent: Sent, span: Span) -> bool:
    """Tell whether a span is a name in a speaker's mention ("ein Vertreter der „X“ sagte")."""
    previous = word_tokens(masked, max(sent.start, span.open - 8), span.open)[-1:]
    if not previous or previous[0][2] not in NAME_OWNERS:
        return False
    return any(f.mention and f.mention[0] <= span.open < f.mention[1] for f in sent.frames)


def _reports(masked: str, sent: Sent, subject: tuple[int, int]) -> bool:
    """Tell whether a colon clause reports the last speaker rather than naming a new one.

    It does when its main clause is in Konjunktiv I ("Die Pflichten seien klar festgelegt: „…“")
    and when its subject is something of theirs ("Seine Zuversicht gründet sich auf …: „…“").
    """
    words = WORD_ONLY_RE.findall(masked[subject[0] : subject[1]])
    if len(words) > 1 and words[0].lower() in POSSESSIVES and not is_speech_noun(words[1]):
        return True
    for _, _, word in word_tokens(masked, subject[1], sent.end):
        if word in CLAUSE_PUNCTUATION:
            return False
        if is_konjunktiv_i(word):
            return True
    return False


def find_quotes(text: str, config: QuotesConfig | None = None) -> list[Quote]:
    """Return the quotes in German `text`, with their speakers, in text order."""
    return analyse(text, config).quotes


def attribute(
    text: str, sentences: list[Sentence], config: QuotesConfig | None = None
) -> list[Quote]:
    """Find the quotes of an article, link them to `sentences`, and mark reported speech.

    Each quote's `sentence` is the index of the sentence holding its start. `reported_by` is set
    on every sentence in Konjunktiv I whose speaker is known (and on one in Konjunktiv II that
    follows such a sentence): sentences that continue an earlier
    speaker ("Außerdem sei der Schutz keine militärische Aufgabe."), including those whose only
    quote is attributed through that continuation, and also reported speech that names its
    speaker itself ("X sagte, die Lage sei ernst"), so that key points can say "according to X".
    """
    result = analyse(text, config)
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for quote in result.quotes:
        position = bisect.bisect_right(starts, quote.start) - 1
        if position >= 0 and quote.start < ordered[position].end:
            quote.sentence = ordered[position].index
    for start, end, speaker in result.reported:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        for sentence in ordered[first:]:
            if sentence.start >= end:
                break
            if _mostly_inside(sentence, start, end):
                sentence.reported_by = speaker
    return result.quotes


def _mostly_inside(sentence: Sentence, start: int, end: int) -> bool:
    """Tell whether at least half of a sentence lies inside the span `start`–`end`."""
    overlap = min(end, sentence.end) - max(start, sentence.start)
    return overlap * 2 >= max(sentence.end - sentence.start, 1)
