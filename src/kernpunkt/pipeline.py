"""Order the stages: clean → segment → quotes → translate → key points → Digest."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from kernpunkt import __version__, checks, clean, keypoints, quotes, segment
from kernpunkt.config import Config, TranslationConfig, load_config
from kernpunkt.document import (
    ArticleError,
    Cleaned,
    Digest,
    Notice,
    Provenance,
    Quote,
    Removed,
    Sentence,
)
from kernpunkt.errors import EmptyInputError, KernpunktError
from kernpunkt.quotes.lexicon import DETERMINERS, NAME_PARTICLES
from kernpunkt.sources.fetch import fetch_article
from kernpunkt.sources.files import Reading, read_file
from kernpunkt.sources.inputs import check_article, check_source
from kernpunkt.summarise import BartSummariser, Summariser, summarise_digest
from kernpunkt.translate import Translation, Translator, load_translator, submit_flagged

T = TypeVar("T")
# One article for `digest_many`: a text, an (id, text) pair, or a mapping with "id" and a source
Item = str | tuple[str, str] | Mapping[str, Any]
ITEM_SOURCES = ("text", "html", "url", "path")
PRONOUNS = frozenset({"er", "sie", "ich", "wir", "man"})
# A mention in the genitive ("laut des Ministers") comes back as "of the minister".
CASE_PREPOSITION_RE = re.compile(r"^(?:of|from)\s+(?=\S)", re.IGNORECASE)
# The model may close a fragment like a sentence ("the spokeswoman."); the mention never does.
TRAILING_PUNCTUATION = ".,:;"
# Quoted spans: German marks in the source sentence, typographic ones in its translation.
GERMAN_QUOTED = re.compile(r"„([^“”\"]+)[“”\"]|»([^«]+)«|«([^»]+)»|\"([^\"]+)\"")
ENGLISH_QUOTED = re.compile(r"“([^”]+)”")
# progress(stage, done, total): stages are "cleaning", "quotes", "translating" (counting the
# segments done), "key points" and, when a summariser is configured, "summary"
Progress = Callable[[str, int, int], None]


class InvalidItemError(KernpunktError):
    """An item given to `digest_many` is not a text, an (id, text) pair or a usable mapping."""


@dataclass(frozen=True)
class _Options:
    """How to digest the articles of one call."""

    clean_input: bool
    key_points: int | None
    key_points_only: bool
    num_beams: int | None
    summary: bool


@dataclass
class _Draft:
    """An article between the German stages and translation."""

    text: str
    sentences: list[Sentence]
    quotes: list[Quote]
    removed: list[Removed]
    chosen: list[int]
    timings: dict[str, float] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)


class _Clock:
    """Record how long each stage of one article takes."""

    def __init__(self, timings: dict[str, float]) -> None:
        """Write into `timings`."""
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Charge the time since the last lap to `stage`."""
        now = time.perf_counter()
        self.timings[stage] = round(self.timings.get(stage, 0.0) + now - self.last, 4)
        self.last = now


def is_name(text: str) -> bool:
    """Return whether `text` is a bare name ("Mark Rutte"), not a description ("die Ministerin").

    German capitalises every noun, so a description opening a sentence ("Die Polizei") is told
    apart by its article.
    """
    words = text.split()
    if not words or words[0].lower() in DETERMINERS:
        return False
    return all(word[:1].isupper() or word in NAME_PARTICLES for word in words)


def speaker_segment(quote: Quote) -> str | None:
    """Return the German words to translate as the quote's English speaker line, if any.

    A bare name needs no translation; a mention with a role or apposition, or a description
    without a name, goes to the model. Words that name someone elsewhere in the text ("sie",
    "der 62-Jährige", "Seine Meinung") are never the line: the person they stand for is.
    """
    mention, name = quote.speaker_mention, quote.speaker
    if quote.attribution == "described" and mention and mention.lower() not in PRONOUNS:
        # "ein Zeuge": the description is all the text gives, and the reader sees it
        return mention
    if not mention or not name:
        return None
    if mention.lower() in PRONOUNS or name not in mention:
        return None if is_name(name) else name
    if is_name(name) and mention == name:
        return None
    return mention


def speaker_english(mention: str, english: str) -> str:
    """Return the translated speaker line as a phrase that can stand before a colon.

    The mention keeps the case the sentence gave it ("nach Angaben des Ministeriums"), which
    the model renders with a preposition ("of the ministry"); a full stop or comma that the
    German mention does not have is the model closing a sentence.
    """
    line = CASE_PREPOSITION_RE.sub("", english.strip())
    while line and line[-1] in TRAILING_PUNCTUATION and not mention.endswith(line[-1]):
        line = line[:-1].rstrip()
    return line or english.strip()


Job = tuple[object, str, str, int | None]  # (target, attribute, German text, sentence index)
Collect = Callable[[Callable[[int, int], None] | None], list[Translation]]


def translation_jobs(draft: _Draft, key_points_only: bool) -> tuple[list[Job], list[Job]]:
    """Return the jobs for everything of an article that needs English, in two rounds.

    The first round holds the sentences, speaker lines and the quotes that cannot take their
    English from their sentence's translation; the second the quotes that may
    (`aligned_quote`). In key-points-only mode that is what the key points are worded from
    (`keypoints.point_wording`) and their quotes.
    """
    sentences, quotes = draft.sentences, draft.quotes
    if key_points_only:
        chosen = draft.chosen
        wanted = {j for i in chosen for j in keypoints.point_wording(i, sentences, quotes)}
        own = {id(q) for i in chosen for q in keypoints.point_quotes(i, sentences, quotes)}
        sentences = [s for s in sentences if s.index in wanted]
        quotes = [q for q in quotes if id(q) in own]
    first: list[Job] = [(s, "en", s.de, s.index) for s in sentences]
    second: list[Job] = []
    translated = {s.index for s in sentences}
    for quote in quotes:
        job = (quote, "text_en", quote.text, quote.sentence)
        (second if may_align(quote, draft.sentences, translated) else first).append(job)
        if mention := speaker_segment(quote):
            first.append((quote, "speaker_en", mention, quote.sentence))
        else:
            quote.speaker_en = quote.speaker
    return first, second


def quote_sentences_first(
    drafts: list[_Draft], rounds: list[tuple[list[Job], list[Job]]]
) -> tuple[list[Job], list[Job]]:
    """Split the first-round jobs into the sentences of second-round quotes and the rest."""
    lead: list[Job] = []
    rest: list[Job] = []
    for draft, (first, second) in zip(drafts, rounds, strict=True):
        quoted = {
            i
            for quote, *_ in second
            if isinstance(quote, Quote)
            for i in keypoints.quote_sentences(quote, draft.sentences)
        }
        for job in first:
            (lead if job[1] == "en" and job[3] in quoted else rest).append(job)
    return lead, rest


def quoted_spans(german: str) -> list[str]:
    """Return the words inside each pair of German quotation marks of a sentence."""
    return [next(g for g in m.groups() if g) for m in GERMAN_QUOTED.finditer(german)]


def alignable_sentence(quote: Quote, sentences: list[Sentence]) -> Sentence | None:
    """Return the one sentence a quote lies in if its quotation marks enclose these words once."""
    spanned = keypoints.quote_sentences(quote, sentences)
    if len(spanned) != 1:
        return None
    sentence = sentences[spanned[0]]  # an article's sentences: index = position
    return sentence if quoted_spans(sentence.de).count(quote.text.strip()) == 1 else None


def may_align(quote: Quote, sentences: list[Sentence], translated: set[int]) -> bool:
    """Return whether the quote may take its English from its sentence's translation."""
    sentence = alignable_sentence(quote, sentences)
    return sentence is not None and sentence.index in translated


def aligned_quote(quote: Quote, sentences: list[Sentence]) -> str | None:
    """Return the quote's English cut from its sentence's translation, if they align.

    They align when the quote lies in one translated sentence and that sentence has as many
    quoted spans in English as in German: the quote's span has the same place in both.
    """
    sentence = alignable_sentence(quote, sentences)
    if sentence is None or not sentence.en:
        return None
    german = quoted_spans(sentence.de)
    english = ENGLISH_QUOTED.findall(sentence.en)
    if len(german) != len(english):
        return None
    target = quote.text.strip()
    words = english[german.index(target)].strip()
    while words and words[-1] in TRAILING_PUNCTUATION and not target.endswith(words[-1]):
        words = words[:-1].rstrip()
    return words or None


class Pipeline:
    """kernpunkt's engine: digest German articles into English digests."""

    def __init__(
        self, config: Config, translator: Translator, summariser: Summariser | None = None
    ) -> None:
        """Use `config` for every stage, `translator` and, if given, `summariser`."""
        self.config = config
        self.translator = translator
        self.summariser = summariser
        self.choose = keypoints.LexRankChooser(config.key_points)

    @classmethod
    def from_config(
        cls, path: str | Path | None = None, *, model: str | None = None, workers: int | None = None
    ) -> Pipeline:
        """Load the configuration (see `load_config`) and the translation model it names.

        `workers` overrides the model's parallelism: CTranslate2 replicas, or torch threads.
        """
        config = load_config(path, model=model)
        if workers:
            translation = replace(config.translation, inter_threads=workers, threads=workers)
            config = replace(config, translation=translation)
        summariser = (
            BartSummariser(config.summary, device=config.translation.device)
            if config.summary.enabled
            else None
        )
        return cls(config, load_translator(config.translation), summariser)

    def digest(
        self,
        text: str,
        *,
        clean_input: bool = True,
        key_points: int | None = None,
        key_points_only: bool = False,
        num_beams: int | None = None,
        summary: bool = True,
        progress: Progress | None = None,
    ) -> Digest:
        """Return the digest of one German article (`num_beams` overrides the configured beams).

        An article that cannot be digested raises the KernpunktError that says why.
        """
        options = _Options(clean_input, key_points, key_points_only, num_beams, summary)
        result = next(self._results([text], 1, options, progress, keep_going=False))
        assert isinstance(result, Digest)  # keep_going=False raises instead of recording
        return result

    def digest_many(
        self,
        items: Iterable[Item],
        *,
        batch_size: int = 8,
        clean_input: bool = True,
        key_points: int | None = None,
        key_points_only: bool = False,
        num_beams: int | None = None,
        summary: bool = True,
        progress: Progress | None = None,
    ) -> Iterator[Digest | ArticleError]:
        """Yield one result per item, in input order: its Digest, or an ArticleError saying why not.

        An item is a text, an (id, text) pair, or a mapping with "id" and one of "text",
        "html", "url" (fetched with the URL guard) or "path" (a .txt/.md/.html/.docx/.pdf
        file). The sentences of `batch_size` articles share model calls; an article that
        cannot be read or digested becomes an ArticleError and changes nothing for the others.
        Besides the stages of each article, `progress` gets ("articles", done, total) after
        each result; total is 0 when `items` has no length.
        """
        total = len(items) if isinstance(items, Sized) else 0
        options = _Options(clean_input, key_points, key_points_only, num_beams, summary)
        results = self._results(items, batch_size, options, progress, keep_going=True)
        for done, result in enumerate(results, start=1):
            _report(progress, "articles", done, total)
            yield result

    def _results(
        self,
        items: Iterable[Item],
        batch_size: int,
        options: _Options,
        progress: Progress | None,
        *,
        keep_going: bool,
    ) -> Iterator[Digest | ArticleError]:
        """Digest `items` batch by batch; a failure is recorded when `keep_going`, else raised."""
        count = self.config.key_points.count if options.key_points is None else options.key_points
        if count < 1:
            raise KernpunktError(f"key_points must be at least 1, not {count}")
        iterator = iter(items)
        while batch := list(islice(iterator, batch_size)):
            ids = [item_id(item) for item in batch]
            slots = [
                _attempt(ident, keep_going, partial(self._draft, item, options, count, progress))
                for ident, item in zip(ids, batch, strict=True)
            ]
            slots = self._translate_all(ids, slots, options, progress, keep_going)
            for ident, item, slot in zip(ids, batch, slots, strict=True):
                if isinstance(slot, _Draft):
                    finish = partial(
                        self._finish, slot, options.key_points_only, options.summary, progress
                    )
                    slot = _attempt(ident, keep_going, finish)
                if isinstance(slot, Digest):
                    slot.id = ident
                    slot.provenance = provenance(
                        self.config.translation,
                        self._made_with(options, count),
                        slot.sentences,
                        item_origin(item),
                    )
                yield slot

    def _made_with(self, options: _Options, count: int) -> dict[str, Any]:
        """Return the options a digest was made with, as its provenance names them."""
        return {
            "key_points": count,
            "scope": "key points" if options.key_points_only else "full",
            "num_beams": options.num_beams or self.config.translation.num_beams,
            "clean_input": options.clean_input,
            "summary": options.summary and self.summariser is not None,
        }

    def _draft(
        self, item: Item, options: _Options, count: int, progress: Progress | None
    ) -> _Draft:
        """Read one item's article and run the German stages on it."""
        kind, value = item_source(item)
        if kind == "url":
            value = fetch_article(value, self.config.web, self.config.limits)
        elif kind == "path":
            value = read_file(value, Reading(self.config.limits))
        # an HTML page always needs its boilerplate removed
        return self._prepare(value, options.clean_input or kind == "html", count, progress)

    def _translate_all(
        self,
        ids: list[str | None],
        slots: list[_Draft | ArticleError],
        options: _Options,
        progress: Progress | None,
        keep_going: bool,
    ) -> list[_Draft | ArticleError]:
        """Translate the drafts among `slots` in shared model calls; a failure spoils none else."""
        drafts = [slot for slot in slots if isinstance(slot, _Draft)]
        translate = partial(
            self._translate,
            key_points_only=options.key_points_only,
            num_beams=options.num_beams,
            progress=progress,
        )
        if len(drafts) > 1:
            try:
                translate(drafts)
                return slots
            except Exception:
                if not keep_going:
                    raise
                # one article broke the shared call: translate each alone to find which
        return [
            _attempt(ident, keep_going, partial(_translated, translate, slot))
            if isinstance(slot, _Draft)
            else slot
            for ident, slot in zip(ids, slots, strict=True)
        ]

    def _prepare(
        self, text: str, clean_input: bool, count: int, progress: Progress | None
    ) -> _Draft:
        """Run the German stages on one article: check, clean, segment, find quotes, choose."""
        timings: dict[str, float] = {}
        clock = _Clock(timings)
        _report(progress, "cleaning", 0)
        limits = self.config.limits
        check_source(text, limits, clean_input=clean_input, is_html=clean.looks_like_html)
        if clean_input:
            cleaned = clean.clean(
                text, max_html_chars=limits.max_raw_chars, method=self.config.clean.method
            )
        else:
            cleaned = Cleaned(text.strip())
        check_article(cleaned.text, limits)
        clock.lap("clean")
        sentences = segment.segment(cleaned.text)
        clock.lap("segment")
        _report(progress, "quotes", 0)
        found = quotes.attribute(cleaned.text, sentences, self.config.quotes)
        clock.lap("quotes")
        chosen = self.choose(sentences, count, found)
        clock.lap("key_points")
        return _Draft(cleaned.text, sentences, found, cleaned.removed, chosen, timings)

    def _translate(
        self,
        drafts: list[_Draft],
        key_points_only: bool,
        num_beams: int | None,
        progress: Progress | None,
    ) -> None:
        """Translate sentences, speaker lines and quotes of all drafts in one pass of the engine.

        A quote takes its words from its sentence's translation where they align; the others
        are queued as soon as their sentences are translated, while the rest still are. A
        segment the model failed on keeps its German and is flagged.
        """
        rounds = [translation_jobs(draft, key_points_only) for draft in drafts]
        # the sentences that hold quotes go first, so that the quotes their translation cannot
        # give are queued while the model still works on the rest: one pass through the engine
        lead, rest = quote_sentences_first(drafts, rounds)
        started = time.perf_counter()
        counted = [0]  # pieces counted so far: each later call's progress goes on from there
        lead_done, rest_done = self._submit(lead, num_beams), self._submit(rest, num_beams)
        self._apply(lead, self._collect(lead_done, progress, counted), drafts)
        second = []
        for draft, (_, quote_jobs) in zip(drafts, rounds, strict=True):
            failed = {n.sentence for n in draft.notices if n.code == checks.UNTRANSLATED}
            for job in quote_jobs:
                quote = job[0]
                assert isinstance(quote, Quote)
                english = (
                    None if quote.sentence in failed else aligned_quote(quote, draft.sentences)
                )
                if english is None:
                    second.append(job)
                else:
                    quote.text_en = english
        second_done = self._submit(second, num_beams)
        self._apply(rest, self._collect(rest_done, progress, counted), drafts)
        self._apply(second, self._collect(second_done, progress, counted), drafts)
        for draft in drafts:
            for quote in draft.quotes:
                # a mistranslated role line must never lose the speaker's name
                name = quote.speaker
                if name and is_name(name) and not keypoints.names(quote.speaker_en or "", name):
                    quote.speaker_en = quote.speaker
        # the batch's model time is shared out by each article's share of the German text
        elapsed = time.perf_counter() - started
        total = sum(len(draft.text) for draft in drafts) or 1
        for draft in drafts:
            draft.timings["translate"] = round(elapsed * len(draft.text) / total, 4)

    def _submit(self, jobs: list[Job], num_beams: int | None) -> Collect:
        """Start translating the German text of every job in one call to the translator."""
        if not jobs:
            return lambda progress: []
        return submit_flagged(
            self.translator, [source for _, _, source, _ in jobs], num_beams=num_beams
        )

    def _collect(
        self, collect: Collect, progress: Progress | None, counted: list[int]
    ) -> list[Translation]:
        """Wait for a submitted call; progress counts on from the `counted` pieces before it."""
        offset = counted[0]

        def report(done: int, total: int) -> None:
            counted[0] = offset + total
            _report(progress, "translating", offset + done, offset + total)

        return collect(report)

    def _apply(
        self, jobs: list[Job], translations: list[Translation], drafts: list[_Draft]
    ) -> None:
        """Set each job's English and note, in its draft, the segments the model failed on."""
        owner = {
            id(target): draft for draft in drafts for target in (*draft.sentences, *draft.quotes)
        }
        for (target, attribute, source, index), translation in zip(jobs, translations, strict=True):
            english = translation.text
            if attribute == "speaker_en" and translation.status != "failed":
                english = speaker_english(source, english)
            setattr(target, attribute, english)
            if notice := translation_notice(translation, attribute, index):
                owner[id(target)].notices.append(notice)

    def _finish(
        self, draft: _Draft, key_points_only: bool, summary: bool, progress: Progress | None
    ) -> Digest:
        """Check the translations and assemble the digest of one article (and its summary)."""
        _report(progress, "key points", 0)
        flagged = {n.sentence for n in draft.notices if n.code == checks.UNTRANSLATED}
        warnings = draft.notices + [
            notice
            for sentence in draft.sentences
            if sentence.en and sentence.index not in flagged
            for notice in checks.check_translation(
                sentence.de, sentence.en, self.config.checks, sentence.index
            )
        ]
        digest = Digest(
            text=draft.text,
            sentences=draft.sentences,
            quotes=draft.quotes,
            key_points=keypoints.build_key_points(draft.sentences, draft.quotes, draft.chosen),
            removed=draft.removed,
            warnings=warnings,
            timings=draft.timings,
            models={"translation": self.translator.name},
            translation="partial" if key_points_only else "full",
        )
        _report(progress, "key points", 1)
        if summary and self.summariser is not None:
            _report(progress, "summary", 0)
            started = time.perf_counter()
            digest.summary, notices = summarise_digest(self.summariser, digest)
            digest.warnings += notices
            digest.models["summary"] = self.summariser.name
            digest.timings["summary"] = round(time.perf_counter() - started, 4)
            _report(progress, "summary", 1)
        digest.timings["total"] = round(sum(digest.timings.values()), 4)
        return digest


def provenance(
    translation: TranslationConfig,
    options: dict[str, Any],
    sentences: list[Sentence],
    source: str = "",
) -> Provenance:
    """Return how a digest was made; a face that knows more names the source itself."""
    local = Path(translation.model).expanduser().is_dir()
    return Provenance(
        source=source,
        title=sentences[0].de.strip() if sentences else "",
        options=dict(options),
        version=__version__,
        model=translation.model,
        revision="local folder" if local else translation.revision,
        engine=translation.engine,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _translated(translate: Callable[[list[_Draft]], None], draft: _Draft) -> _Draft:
    """Return `draft` after translating it on its own."""
    translate([draft])
    return draft


def _attempt(ident: str | None, keep_going: bool, work: Callable[[], T]) -> T | ArticleError:
    """Return what `work` returns; when `keep_going`, an exception becomes an ArticleError."""
    try:
        return work()
    except Exception as exc:
        if not keep_going:
            raise
        if isinstance(exc, KernpunktError):
            return ArticleError(ident, type(exc).__name__, str(exc))
        return ArticleError(
            ident,
            type(exc).__name__,
            f"kernpunkt failed on this article ({type(exc).__name__}: {exc}); "
            "please report it with the article",
        )


def item_id(item: Item) -> str | None:
    """Return the id of a `digest_many` item (None for a bare text)."""
    if isinstance(item, tuple) and item:
        return str(item[0])
    if isinstance(item, Mapping) and item.get("id") is not None:
        return str(item["id"])
    return None


def item_origin(item: Item) -> str:
    """Return where a `digest_many` item came from: its URL, file name or id ("" if unknown)."""
    if isinstance(item, Mapping) and item.get("url"):
        return str(item["url"])
    if isinstance(item, Mapping) and item.get("path"):
        return Path(str(item["path"])).name
    return item_id(item) or ""


def item_source(item: Item) -> tuple[str, str]:
    """Return (kind, value) of a `digest_many` item: kind is one of ITEM_SOURCES."""
    if item is None:
        raise EmptyInputError("no text was given: paste a German article")
    if isinstance(item, str):
        return "text", item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
        return "text", item[1]
    if isinstance(item, Mapping):
        given = [kind for kind in ITEM_SOURCES if item.get(kind) is not None]
        if len(given) == 1 and isinstance(item[given[0]], str | Path):
            return given[0], str(item[given[0]])
        raise InvalidItemError(
            f"an article must have exactly one of {', '.join(ITEM_SOURCES)} as a string, "
            f"not {', '.join(given) or 'none'}"
        )
    raise InvalidItemError(
        f"an article must be a text, an (id, text) pair or a mapping with an id and one of "
        f"{', '.join(ITEM_SOURCES)}, not {type(item).__name__}"
    )


def translation_notice(
    translation: Translation, attribute: str, index: int | None
) -> Notice | None:
    """Return the warning for a segment the model failed on or cut short, if any."""
    what = {"en": "sentence", "text_en": "quote", "speaker_en": "speaker line"}[attribute]
    if translation.status == "failed":
        return Notice(
            checks.UNTRANSLATED,
            f"the {what} could not be translated and is shown in German ({translation.detail})",
            index,
        )
    if translation.status == "cut":
        return Notice(
            checks.CUT_SHORT,
            f"the translation of the {what} reached the model's length limit and may be cut short",
            index,
        )
    return None


def _report(progress: Progress | None, stage: str, done: int, total: int = 1) -> None:
    """Tell `progress`, if given, how far `stage` has come."""
    if progress:
        progress(stage, done, total)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """Return the pipeline of the default configuration, loaded once per process."""
    return Pipeline.from_config()


def digest(text: str, **options: Any) -> Digest:
    """Return the digest of a German article with the default pipeline (see `Pipeline.digest`)."""
    return default_pipeline().digest(text, **options)
