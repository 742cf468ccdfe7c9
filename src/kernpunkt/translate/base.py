"""The Translator protocol and the plumbing every engine shares.

An engine only tokenises one segment and decodes one batch; `SegmentTranslator` does the rest:
quotation marks, cutting segments into pieces the model can translate within its positions,
memory and cache look-ups, batches sorted by token length and sized by tokens, the cap on new
tokens, and turning a failed batch into flagged pieces instead of an exception.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from kernpunkt.config import TranslationConfig
from kernpunkt.translate.marks import to_model_marks, to_typographic_marks
from kernpunkt.translate.memory import Piece, Setting, SqliteCache, shared_memory
from kernpunkt.translate.split import split_to_fit

Progress = Callable[[int, int], None]
Status = Literal["ok", "cut", "failed"]
Tokens = Sequence[Any]  # an engine's token sequence for one piece (ids or strings), end included
DECODER_START = 1  # the position the decoder start token takes before the first new token

LOG = logging.getLogger(__name__)


@runtime_checkable
class Translator(Protocol):
    """Anything that turns German segments into English ones, one output per input, in order."""

    name: str

    def translate(
        self,
        texts: Sequence[str],
        progress: Progress | None = None,
        *,
        num_beams: int | None = None,
    ) -> list[str]:
        """Return the English translation of each German text (`num_beams` overrides config)."""
        ...


@dataclass(frozen=True)
class Translation:
    """One segment's English; `cut` if the decoder hit its limit, `failed` if German was kept."""

    text: str
    status: Status = "ok"
    detail: str = ""


@dataclass(frozen=True)
class DecodeLimits:
    """How long pieces may be so that source and translation fit the model's positions."""

    max_new: int  # new tokens the decoder may write: its positions less the start token
    max_source: int  # source tokens of a piece whose expected translation fits `max_new`

    @classmethod
    def for_positions(cls, positions: int, config: TranslationConfig) -> DecodeLimits:
        """Return the limits for a model with `positions` positions on each side."""
        max_new = positions - DECODER_START
        fits_output = int((max_new - config.new_tokens_extra) / config.new_tokens_ratio)
        return cls(max_new, max(2, min(config.max_input_tokens, positions, fits_output)))

    def new_tokens(self, longest: int, config: TranslationConfig) -> int:
        """Return the new-token budget of a batch whose longest source has `longest` tokens."""
        wanted = int(longest * config.new_tokens_ratio) + config.new_tokens_extra
        return min(wanted, self.max_new)


def token_batches(
    lengths: dict[str, int], max_rows: int, max_tokens: int, min_rows: float = 1.0
) -> list[list[str]]:
    """Group pieces sorted by token length into the batches that cost the decoder least.

    A batch costs its longest piece's tokens (the decoder's steps) times its rows, and a step
    costs at least `min_rows` rows; a batch has at most `max_rows` pieces and `max_tokens`
    tokens, padding included. The best cut of the sorted pieces is found by dynamic programming.
    """
    order = sorted(lengths, key=lambda p: (lengths[p], p))
    best = [0.0] + [math.inf] * len(order)  # best[end]: least cost of the first `end` pieces
    start_of = [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        longest = lengths[order[end - 1]]  # sorted ascending: the batch's last piece
        for rows in range(1, min(max_rows, end) + 1):
            if rows > 1 and rows * longest > max_tokens:
                break
            cost = best[end - rows] + longest * max(rows, min_rows)
            if cost < best[end]:
                best[end], start_of[end] = cost, end - rows
    batches: list[list[str]] = []
    end = len(order)
    while end:
        batches.append(order[start_of[end] : end])
        end = start_of[end]
    return batches[::-1]


class SegmentTranslator:
    """Shared plumbing of the engines; a subclass sets `engine` and implements the model calls."""

    engine = ""
    replicas = 1  # batches the engine translates at once

    def __init__(self, config: TranslationConfig, positions: int, compute_type: str) -> None:
        """Set the limits for a model with `positions` positions, memory and optional cache."""
        self.config = config
        self.name = config.model
        self.limits = DecodeLimits.for_positions(positions, config)
        self.setting = Setting(config.model, config.revision, self.engine, compute_type)
        self.memory = shared_memory(config.memory_size) if config.memory_size else None
        self.cache = SqliteCache(config.cache) if config.cache else None

    @property
    def max_tokens(self) -> int:
        """Return the most source tokens (end token included) one piece may have."""
        return self.limits.max_source

    def encode(self, text: str) -> Tokens:
        """Return the model's tokens for `text`, end token included."""
        raise NotImplementedError

    def generate(self, batch: list[Tokens], num_beams: int, max_new: int) -> list[Piece]:
        """Translate one batch of encoded pieces, writing at most `max_new` tokens each."""
        raise NotImplementedError

    def generate_all(
        self, batches: list[list[Tokens]], num_beams: int, max_new: list[int]
    ) -> Iterator[list[Piece] | Exception]:
        """Yield each batch's pieces (or the exception it raised), in order."""
        for batch, limit in zip(batches, max_new, strict=True):
            try:
                yield self.generate(batch, num_beams, limit)
            except Exception as exc:  # a failing batch must not lose the article
                yield exc

    def step_rows(self, beams: int) -> float:
        """Return how many pieces one decoding step costs at least (see `token_batches`)."""
        return self.config.batch_step_hypotheses / beams

    def token_count(self, text: str) -> int:
        """Return how many tokens the model sees for `text`, end token included."""
        return len(self.encode(text))

    def translate(
        self,
        texts: Sequence[str],
        progress: Progress | None = None,
        *,
        num_beams: int | None = None,
    ) -> list[str]:
        """Return the English translation of each German text, one output per input, in order."""
        return [t.text for t in self.translate_all(texts, progress, num_beams=num_beams)]

    def translate_all(
        self,
        texts: Sequence[str],
        progress: Progress | None = None,
        *,
        num_beams: int | None = None,
    ) -> list[Translation]:
        """Return a Translation per text: its English, or its German flagged as failed."""
        return self.submit(texts, num_beams=num_beams).results(progress)

    def submit(self, texts: Sequence[str], *, num_beams: int | None = None) -> Pending:
        """Start translating `texts` (an engine that can queues every batch now); see Pending."""
        beams = num_beams or self.config.num_beams
        encoded: dict[str, Tokens] = {}
        # a sentence keeps the line breaks of its paragraph; the model wants plain spaces
        pieces_of = [self._pieces(to_model_marks(" ".join(t.split())), encoded) for t in texts]
        wanted = list(dict.fromkeys(piece for pieces in pieces_of for piece in pieces))
        done = self._remembered(wanted, beams)
        todo = {p: len(encoded[p]) for p in wanted if p not in done}
        return Pending(self, list(texts), pieces_of, done, self._run(todo, encoded, beams), beams)

    def _pieces(self, text: str, encoded: dict[str, Tokens]) -> list[str]:
        """Return `text` cut into pieces that fit the model; empty text translates to nothing."""
        if not text:
            return []

        def fits(piece: str) -> bool:
            if piece not in encoded:
                encoded[piece] = self.encode(piece)
            return len(encoded[piece]) <= self.limits.max_source

        pieces = split_to_fit(text, fits)
        for piece in pieces:
            fits(piece)
        return pieces

    def _run(
        self, lengths: dict[str, int], encoded: dict[str, Tokens], beams: int
    ) -> Iterator[tuple[str, Piece | str]]:
        """Start the batches of `lengths`; return what yields (piece, its Piece or its failure)."""
        if not lengths:
            return iter(())
        # as many batches as replicas at least, so that every replica has work
        rows = min(self.config.batch_size, -(-len(lengths) // self.replicas))
        batches = token_batches(lengths, rows, self.config.batch_tokens, self.step_rows(beams))
        budgets = [self.limits.new_tokens(lengths[b[-1]], self.config) for b in batches]
        outcomes = self.generate_all([[encoded[p] for p in b] for b in batches], beams, budgets)
        return self._outcomes(batches, budgets, outcomes, encoded, beams)

    def _outcomes(
        self,
        batches: list[list[str]],
        budgets: list[int],
        outcomes: Iterator[list[Piece] | Exception],
        encoded: dict[str, Tokens],
        beams: int,
    ) -> Iterator[tuple[str, Piece | str]]:
        """Yield (piece, its Piece or why it failed); a failed batch is retried piece by piece."""
        for batch, budget, outcome in zip(batches, budgets, outcomes, strict=True):
            if not isinstance(outcome, Exception):
                yield from zip(batch, outcome, strict=True)
                continue
            LOG.warning("a translation batch of %d pieces failed: %r", len(batch), outcome)
            for piece in batch:
                try:
                    (alone,) = self.generate([encoded[piece]], beams, budget)
                except Exception as exc:  # one piece's failure is flagged, not raised
                    LOG.warning("the model failed on a piece: %r", exc)
                    yield piece, f"{type(exc).__name__}: {exc}"
                else:
                    yield piece, alone

    def _remembered(self, pieces: list[str], beams: int) -> dict[str, Piece]:
        """Return the pieces this process or the persistent cache already translated."""
        found = {}
        for piece in pieces if self.memory else ():
            if (known := self.memory.get(self.setting, beams, piece)) is not None:
                found[piece] = known
        missing = [piece for piece in pieces if piece not in found]
        if self.cache and missing:
            cached = self.cache.get_many(self.setting, beams, missing)
            found.update(cached)
            self._remember(cached, beams, store=False)
        return found

    def _remember(self, fresh: dict[str, Piece], beams: int, *, store: bool = True) -> None:
        """Keep translations in memory and, if `store`, in the persistent cache."""
        for piece, result in fresh.items() if self.memory else ():
            self.memory.put(self.setting, beams, piece, result)
        if store and self.cache and fresh:
            self.cache.put_many(self.setting, beams, fresh)


@dataclass
class Pending:
    """Translations under way: `results` waits for them, remembers them and assembles each text.

    Submitting before collecting lets a caller queue more work (the quotes a sentence's
    translation cannot give) while an engine with replicas is still translating.
    """

    translator: SegmentTranslator
    texts: list[str]
    pieces_of: list[list[str]]
    done: dict[str, Piece]  # pieces known before submitting: memory and persistent cache
    outcomes: Iterator[tuple[str, Piece | str]]
    beams: int

    def results(self, progress: Progress | None = None) -> list[Translation]:
        """Return a Translation per text, in order: its English, or its German flagged as failed."""
        done, failures, fresh = dict(self.done), {}, {}
        total = len({piece for pieces in self.pieces_of for piece in pieces})
        if progress and done:
            progress(len(done), total)
        for piece, outcome in self.outcomes:
            if isinstance(outcome, Piece):
                fresh[piece] = outcome
            else:
                failures[piece] = outcome
            if progress:
                progress(len(done) + len(fresh) + len(failures), total)
        self.translator._remember(fresh, self.beams)
        done.update(fresh)
        return [
            assemble(text, pieces, done, failures)
            for text, pieces in zip(self.texts, self.pieces_of, strict=True)
        ]


def assemble(
    text: str, pieces: list[str], done: dict[str, Piece], failures: dict[str, str]
) -> Translation:
    """Join the pieces of one text: English where translated, German where the model failed."""
    if not pieces:
        return Translation("")
    failed = [piece for piece in pieces if piece in failures]
    if len(failed) == len(pieces):
        return Translation(text, "failed", failures[failed[0]])
    english = to_typographic_marks(
        " ".join(piece if piece in failures else done[piece].english for piece in pieces)
    )
    if failed:
        return Translation(english, "failed", failures[failed[0]])
    cut = sum(done[piece].cut for piece in pieces)
    return Translation(english, "cut" if cut else "ok")


def translate_flagged(
    translator: Translator,
    texts: Sequence[str],
    progress: Progress | None = None,
    *,
    num_beams: int | None = None,
) -> list[Translation]:
    """Return a Translation per text from any Translator (plain ones never flag anything)."""
    return submit_flagged(translator, texts, num_beams=num_beams)(progress)


def submit_flagged(
    translator: Translator, texts: Sequence[str], *, num_beams: int | None = None
) -> Callable[[Progress | None], list[Translation]]:
    """Start translating `texts` with any Translator; return what collects their Translations.

    A SegmentTranslator queues its batches now; a plain Translator works when collected.
    """
    if isinstance(translator, SegmentTranslator):
        return translator.submit(texts, num_beams=num_beams).results
    return lambda progress: [
        Translation(t) for t in translator.translate(texts, progress, num_beams=num_beams)
    ]
