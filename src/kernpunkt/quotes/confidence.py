"""Say how likely the speaker chosen for a quote is the right person.

The scorer's hand weights choose among candidates; they rank well but are no probability
(wrong names scored 0.9–1.0 as often as right ones). This small logistic model reads the
evidence behind a choice — where the speaker came from, how far back, whether another person
competes, whether a speech verb frames the quote — and returns a probability. Its weights are
fitted by `benchmarks/fit_confidence.py` on news pages the team annotated for development
(never on the shared SpkAtt data, nor on a held-out set) and pasted into the table below.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

# Where a chosen speaker comes from (the scorer's candidate sources).
SOURCES = ("named", "pronoun", "context", "grammar", "memory", "heading")
# What the grammar reads a speaker's name as (`grammar.name_kind`; "none": no noun at all).
KINDS = ("pronoun", "none")
TEXT_FIELDS = frozenset({"source", "kind", "cue"})
# The sources that find the speaker's name next to the quote.
NAMING = frozenset({"named", "grammar"})
# Characters beyond which a speaker's last mention counts as far away.
FAR = 2000
# Characters after a quote, in its line, where another person named speaks against its speaker.
AFTER = 200


@dataclass(frozen=True)
class Evidence:
    """What the choice of one quote's speaker rests on."""

    source: str
    # the scorer's hand score of the chosen candidate
    score: float = 0.0
    # the score of the best candidate naming someone else, 0 when none does
    rival: float = 0.0
    # what frames the quote: "word" (a speech verb or noun, "so", "laut"), "colon" or "none"
    cue: str = "none"
    # the quote is a sentence of its own
    alone: bool = False
    # sentences between the quote and the mention the speaker is taken from
    gap: int = 0
    # another person is named in the quote's sentence or the one before it
    crowded: bool = False
    # the speaker's mention is a pronoun or an epithet, not a name
    indirect: bool = False
    # the speaker's name is one word (a surname, an organisation's short name)
    one_word: bool = False
    # what the grammar reads the speaker's name as: "person", "body", "pronoun", "thing", or
    # "none" when it holds no noun ("Kaum")
    kind: str = "person"
    # the words read as speech: a first or second person, or a whole clause
    speechlike: bool = False
    # characters between the quote and the nearest mention of the speaker's last name, and
    # whether a paragraph break lies between them (-1: the name is nowhere near)
    distance: int = 0
    paragraph: bool = True
    # how often the text names the speaker's last name outside quotes, against how often it
    # names the person it names most (1: the speaker is that person)
    salience: float = 1.0
    # the quote's words
    words: int = 1
    # another person the text names stands right after the quote, in its line
    other_after: bool = False

    def features(self) -> dict[str, float]:
        """Return the evidence as the model's named numeric features."""
        values = {k: float(v) for k, v in asdict(self).items() if k not in TEXT_FIELDS}
        values["cue"] = float(self.cue == "word")
        values["colon"] = float(self.cue == "colon")
        # a report or a court speaks through a verb ("teilte das Gericht mit"), not a colon
        values["thing without a word"] = float(self.kind == "thing" and self.cue != "word")
        # the plainest case: a person named next to the speech word that frames the quote
        values["named person with a word"] = float(
            self.source in NAMING and self.kind == "person" and self.cue == "word"
        )
        values["gap"] = float(min(self.gap, 3))
        far = self.distance < 0 or self.distance > FAR
        values["distance"] = 1.0 if far else math.log1p(self.distance) / math.log1p(FAR)
        values["margin"] = self.score - self.rival if self.rival else 1.0
        values["words"] = math.log1p(self.words)
        values |= {f"from {source}": float(self.source == source) for source in SOURCES}
        values |= {f"reads as {kind}": float(self.kind == kind) for kind in KINDS}
        return values


# Fitted by benchmarks/fit_confidence.py (see its docstring for the data and the command).
WEIGHTS: dict[str, float] = {
    "bias": -1.868,
    "score": 2.054,
    "rival": -0.489,
    "alone": 1.183,
    "gap": -0.078,
    "crowded": -0.072,
    "indirect": 0.000,
    "one_word": -1.473,
    "speechlike": 0.175,
    "distance": -1.913,
    "paragraph": 1.015,
    "salience": 1.477,
    "words": 0.347,
    "other_after": -0.682,
    "cue": 0.485,
    "colon": 0.357,
    "thing without a word": -2.366,
    "named person with a word": 1.458,
    "margin": 0.805,
    "from named": -0.716,
    "from pronoun": 0.336,
    "from context": 0.000,
    "from grammar": -0.361,
    "from memory": -0.598,
    "from heading": -1.167,
    "reads as pronoun": 0.000,
    "reads as none": -0.865,
}


def confidence(evidence: Evidence) -> float:
    """Return the probability that the chosen speaker is the right person."""
    features = evidence.features()
    z = WEIGHTS.get("bias", 0.0) + sum(WEIGHTS.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
