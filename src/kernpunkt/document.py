"""The data that flows through kernpunkt: sentences, quotes, key points and the digest."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial"]
# how the speaker was found: named next to the quote, resolved from a pronoun, an epithet or an
# earlier sentence, described without a name ("ein Zeuge": no speaker, the words in
# `speaker_mention`), or left unclear (no speaker given rather than a guess)
Attribution = Literal["named", "resolved", "described", "unclear"]
TranslationScope = Literal["full", "partial"]


@dataclass
class Removed:
    """A block that cleaning took out of the pasted text, and why."""

    text: str
    reason: str


@dataclass
class Cleaned:
    """The article body after cleaning, with what was removed."""

    text: str
    removed: list[Removed] = field(default_factory=list)


@dataclass
class Sentence:
    """One German sentence, its offsets in `Digest.text`, and its English translation."""

    index: int
    paragraph: int
    de: str
    start: int = 0
    end: int = 0
    en: str = ""
    reported_by: str | None = None


@dataclass
class Quote:
    """Words someone said, as found in the German text, and their English form."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    sentence: int | None = None
    text_en: str = ""
    speaker_en: str | None = None
    attribution: Attribution = "named"
    # how sure the finder is of the speaker, 0–1; an unclear quote keeps the score it fell below
    confidence: float = 1.0


@dataclass
class KeyPoint:
    """One key point in English, with the German sentences and quotes it comes from."""

    en: str
    de: str
    sentences: list[int]
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Notice:
    """Something the reader should know about the digest, such as a suspicious translation."""

    code: str
    message: str
    sentence: int | None = None


@dataclass
class Provenance:
    """Where a digest came from and how it was made."""

    source: str = ""  # "pasted", a file name or a URL
    title: str = ""  # the article's headline, in German
    options: dict[str, Any] = field(default_factory=dict)
    version: str = ""  # of kernpunkt
    model: str = ""
    revision: str = ""
    engine: str = ""
    created: str = ""  # ISO 8601, UTC


@dataclass
class Digest:
    """Everything kernpunkt made of one article."""

    text: str
    sentences: list[Sentence]
    quotes: list[Quote] = field(default_factory=list)
    key_points: list[KeyPoint] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)
    translation: TranslationScope = "full"
    summary: list[str] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the digest as plain JSON-ready data."""
        return asdict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """Return the digest as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """Rebuild a digest from `to_dict()` output."""
        return cls(
            text=data["text"],
            sentences=[Sentence(**s) for s in data["sentences"]],
            quotes=[Quote(**q) for q in data["quotes"]],
            key_points=[
                KeyPoint(**{**k, "quotes": [Quote(**q) for q in k["quotes"]]})
                for k in data["key_points"]
            ],
            removed=[Removed(**r) for r in data["removed"]],
            warnings=[Notice(**w) for w in data["warnings"]],
            timings=dict(data["timings"]),
            models=dict(data["models"]),
            translation=data["translation"],
            summary=list(data["summary"]),
            provenance=Provenance(**data.get("provenance", {})),
            id=data.get("id"),
        )

    @classmethod
    def from_json(cls, text: str) -> Digest:
        """Rebuild a digest from `to_json()` output."""
        return cls.from_dict(json.loads(text))


@dataclass
class ArticleError:
    """Why one article of a batch has no digest: its id, the error's type and its message."""

    id: str | None
    type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a batch output line has it: `{"id": …, "error": {…}}`."""
        return {"id": self.id, "error": {"type": self.type, "message": self.message}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleError:
        """Rebuild the record from `to_dict()` output."""
        return cls(data["id"], data["error"]["type"], data["error"]["message"])


def to_record(result: Digest | ArticleError) -> dict[str, Any]:
    """Return a batch output record: the Digest or the error, its id first."""
    return {"id": result.id, **result.to_dict()}
