"""Order the stages: clean → segment → quotes → translate → key points → Digest."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from kernpunkt import checks, clean, keypoints, quotes, segment
from kernpunkt.config import Config, load_config
from kernpunkt.document import Cleaned, Digest, Quote, Removed, Sentence
from kernpunkt.inputs import check_article
from kernpunkt.quotes.lexicon import DETERMINERS, NAME_PARTICLES
from kernpunkt.summarise import BartSummariser, Summariser, summarise_digest
from kernpunkt.translate import Translator, load_translator

PRONOUNS = frozenset({"er", "sie", "ich", "wir", "man"})
# A mention in the genitive ("laut des Ministers") comes back as "of the minister".
CASE_PREPOSITION_RE = re.compile(r"^(?:of|from)\s+(?=\S)", re.IGNORECASE)
# The model may close a fragment like a sentence ("the spokeswoman."); the mention never does.
TRAILING_PUNCTUATION = ".,:;"
# progress(stage, done, total): stages are "cleaning", "quotes", "translating" (counting the
# segments done), "key points" and, when a summariser is configured, "summary"
Progress = Callable[[str, int, int], None]


@dataclass
class _Draft:
    """An article between the German stages and translation."""

    text: str
    sentences: list[Sentence]
    quotes: list[Quote]
    removed: list[Removed]
    chosen: list[int]
    timings: dict[str, float] = field(default_factory=dict)


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


def translation_jobs(draft: _Draft, key_points_only: bool) -> list[tuple[object, str, str]]:
    """Return (target, attribute, German text) for everything of an article that needs English.

    In key-points-only mode that is the sentences the key points cover and their quotes.
    """
    sentences, quotes = draft.sentences, draft.quotes
    if key_points_only:
        wanted = {j for i in draft.chosen for j in keypoints.point_sentences(i, sentences, quotes)}
        sentences = [s for s in sentences if s.index in wanted]
        quotes = [
            q for q in quotes if wanted.intersection(keypoints.quote_sentences(q, draft.sentences))
        ]
    jobs: list[tuple[object, str, str]] = [(s, "en", s.de) for s in sentences]
    for quote in quotes:
        jobs.append((quote, "text_en", quote.text))
        if mention := speaker_segment(quote):
            jobs.append((quote, "speaker_en", mention))
        else:
            quote.speaker_en = quote.speaker
    return jobs


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
    def from_config(cls, path: str | Path | None = None, *, model: str | None = None) -> Pipeline:
        """Load the configuration (see `load_config`) and the translation model it names."""
        config = load_config(path, model=model)
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
        """Return the digest of one German article (`num_beams` overrides the configured beams)."""
        return next(
            self.digest_many(
                [text],
                clean_input=clean_input,
                key_points=key_points,
                key_points_only=key_points_only,
                num_beams=num_beams,
                summary=summary,
                progress=progress,
            )
        )

    def digest_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 8,
        clean_input: bool = True,
        key_points: int | None = None,
        key_points_only: bool = False,
        num_beams: int | None = None,
        summary: bool = True,
        progress: Progress | None = None,
    ) -> Iterator[Digest]:
        """Yield a digest per article; the sentences of `batch_size` articles share model calls."""
        count = key_points or self.config.key_points.count
        iterator = iter(texts)
        while batch := list(islice(iterator, batch_size)):
            drafts = [self._prepare(text, clean_input, count, progress) for text in batch]
            self._translate(drafts, key_points_only, num_beams, progress)
            for draft in drafts:
                yield self._finish(draft, key_points_only, summary, progress)

    def _prepare(
        self, text: str, clean_input: bool, count: int, progress: Progress | None
    ) -> _Draft:
        """Run the German stages on one article: check, clean, segment, find quotes, choose."""
        timings: dict[str, float] = {}
        clock = _Clock(timings)
        _report(progress, "cleaning", 0)
        limits = self.config.limits
        if clean_input:
            cleaned = clean.clean(text, max_html_chars=limits.max_raw_chars)
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
        """Translate the sentences, quotes and speaker lines of all drafts in one model call."""
        jobs = [job for draft in drafts for job in translation_jobs(draft, key_points_only)]
        started = time.perf_counter()

        def report(done: int, total: int) -> None:
            _report(progress, "translating", done, total)

        english = self.translator.translate(
            [source for _, _, source in jobs], report, num_beams=num_beams
        )
        for (target, attribute, source), translation in zip(jobs, english, strict=True):
            if attribute == "speaker_en":
                translation = speaker_english(source, translation)
            setattr(target, attribute, translation)
        for draft in drafts:
            for quote in draft.quotes:
                # a mistranslated role line must never lose the speaker's name
                name = quote.speaker
                if name and is_name(name) and not keypoints.names(quote.speaker_en or "", name):
                    quote.speaker_en = quote.speaker
        # the batch's model time is shared out by each article's share of the German text
        elapsed = time.perf_counter() - started
        total = sum(len(draft.text) for draft in drafts)
        for draft in drafts:
            draft.timings["translate"] = round(elapsed * len(draft.text) / total, 4)

    def _finish(
        self, draft: _Draft, key_points_only: bool, summary: bool, progress: Progress | None
    ) -> Digest:
        """Check the translations and assemble the digest of one article (and its summary)."""
        _report(progress, "key points", 0)
        warnings = [
            notice
            for sentence in draft.sentences
            if sentence.en
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
