"""Choose the key points of an article and word them so that no quote loses its speaker.

Sentences are chosen on the German source (centrality, lead bias, diversity, a bonus for quotes
and numbers, a penalty for questions and for sentences that lean on their neighbour); each
chosen sentence becomes a KeyPoint whose English text names the speaker of every quote in it
and frames reported speech ("According to …") so that a claim never reads as a fact.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from kernpunkt.config import KeyPointsConfig
from kernpunkt.document import KeyPoint, Quote, Sentence
from kernpunkt.german import STOPWORDS, words

STEM_LENGTH = 6  # German inflects at the end: the first six letters identify most words
POWER_ITERATIONS = 50
DAMPING = 0.85

NUMBER = re.compile(r"\d")
# The outlet's own questions and musings are opinion, not news.
QUESTION = re.compile(r"\?\s*$|\bstellt sich (?:allerdings |jedoch |nun )?die Frage\b")
# Openers that point back to the previous sentence ("Der Grund:", "Diese Berichte …", "Er …").
DANGLING = re.compile(
    r"^(?:Der Grund|Das Problem|Die Folge|Dabei|Daher|Deshalb|Trotzdem|Dennoch|Allerdings|"
    r"Außerdem|Zudem|Auch|Er|Sie|Es|Dies|Das|Diese[rsnm]?|Dieses|Damit|Darauf|Dazu)\b"
)
# English speech verbs for the German cues that introduce direct quotes.
CUE_VERBS = {
    "sagte": "said",
    "sagt": "says",
    "warnte": "warned",
    "warnt": "warns",
    "erklärte": "explained",
    "erklärt": "explains",
    "betonte": "stressed",
    "betont": "stresses",
    "kritisierte": "criticised",
    "forderte": "demanded",
    "schrieb": "wrote",
    "twitterte": "tweeted",
    "sprach": "said",
    "äußerte": "said",
    "meinte": "said",
    "fügte": "added",
    "ergänzte": "added",
    "verkündete": "announced",
    "kündigte": "announced",
    "räumte": "conceded",
}
# English sentence openers that may be lower-cased after "According to X, ".
LOWERABLE = frozenset(
    "The This These That Those It Its There A An In On At For With Without Such Some Any All "
    "Both Neither Another Further Moreover Also However".split()
)


def terms(text: str) -> list[str]:
    """Return the content terms of a German sentence: stopwords out, words cut to a stem."""
    return [word[:STEM_LENGTH] for word in words(text) if word not in STOPWORDS and len(word) > 1]


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """Return L2-normalised TF-IDF row vectors of `texts`."""
    return tfidf(texts)[0]


def tfidf(texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Return L2-normalised TF-IDF row vectors of `texts` and the term of each column."""
    docs = [Counter(terms(text)) for text in texts]
    vocabulary = sorted({term for doc in docs for term in doc})
    column = {term: i for i, term in enumerate(vocabulary)}
    document_frequency = Counter(term for doc in docs for term in doc)
    matrix = np.zeros((len(docs), len(vocabulary)))
    for row, doc in enumerate(docs):
        for term, count in doc.items():
            idf = math.log((1 + len(docs)) / (1 + document_frequency[term])) + 1
            matrix[row, column[term]] = count * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms), vocabulary


class BlockSimilarity:
    """Cosine similarity of units, exact within blocks of `size` consecutive units.

    LexRank's graph is quadratic in its nodes, so a long article is ranked block by block:
    work grows linearly with its length. Units of different blocks are compared through
    their sparse TF-IDF vectors (each weighted within its own block).
    """

    def __init__(self, texts: Sequence[str], size: int) -> None:
        """Build the TF-IDF vectors and similarity matrix of each block of `texts`."""
        self.size = size
        self.blocks: list[np.ndarray] = []
        self.vectors: list[dict[str, float]] = []
        for start in range(0, len(texts), size):
            matrix, vocabulary = tfidf(texts[start : start + size])
            self.blocks.append(matrix @ matrix.T)
            for row in matrix:
                self.vectors.append({vocabulary[c]: row[c] for c in np.flatnonzero(row)})

    def __getitem__(self, pair: tuple[int, int]) -> float:
        """Return the similarity of units `i` and `j`."""
        i, j = pair
        if i // self.size == j // self.size:
            return float(self.blocks[i // self.size][i % self.size, j % self.size])
        small, large = sorted((self.vectors[i], self.vectors[j]), key=len)
        return sum(weight * large.get(term, 0.0) for term, weight in small.items())

    def centrality(self, threshold: float) -> np.ndarray:
        """Return each unit's LexRank centrality within its block."""
        return np.concatenate([centrality(block, threshold) for block in self.blocks])


def centrality(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Return LexRank centrality: PageRank over the graph of sufficiently similar sentences."""
    n = len(similarity)
    graph = (similarity > threshold).astype(float)
    np.fill_diagonal(graph, 0)
    degree = graph.sum(axis=1, keepdims=True)
    # a sentence like no other links to all, so its weight is shared rather than lost
    transition = np.where(degree > 0, graph / np.where(degree == 0, 1, degree), 1 / n)
    scores = np.full(n, 1 / n)
    for _ in range(POWER_ITERATIONS):
        scores = (1 - DAMPING) / n + DAMPING * transition.T @ scores
    return scores / scores.max()


def lead_bias(n: int) -> np.ndarray:
    """Return a weight per position that falls from 1 for the first sentence towards 0."""
    return 1 / (1 + np.arange(n) / 2)


def select_mmr(
    relevance: np.ndarray,
    similarity: np.ndarray | BlockSimilarity,
    count: int,
    weight: float,
    candidates: Sequence[int] | None = None,
) -> list[int]:
    """Pick `count` of the candidate indices by maximal marginal relevance, in article order."""
    chosen: list[int] = []
    candidates = list(range(len(relevance)) if candidates is None else candidates)
    while candidates and len(chosen) < count:

        def marginal(i: int) -> float:
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            return weight * relevance[i] - (1 - weight) * redundancy

        best = max(candidates, key=marginal)
        chosen.append(best)
        candidates.remove(best)
    return sorted(chosen)


def news_adjustment(sentence: Sentence, quoted: set[int], config: KeyPointsConfig) -> float:
    """Return the bonus or penalty news sense gives a sentence on top of its centrality."""
    text = sentence.de.strip()
    score = 0.0
    if sentence.index in quoted:
        score += config.quote_bonus
    if NUMBER.search(text):
        score += config.number_bonus
    if QUESTION.search(text):
        score -= config.question_penalty
    if DANGLING.match(text) and sentence.index not in quoted and not sentence.reported_by:
        score -= config.dangling_penalty
    return score


class LexRankChooser:
    """Rank sentences by LexRank centrality, lead bias and news sense, then pick diverse ones."""

    def __init__(self, config: KeyPointsConfig) -> None:
        """Keep the weights from the configuration."""
        self.config = config

    def __call__(
        self, sentences: Sequence[Sentence], count: int, quotes: Sequence[Quote] = ()
    ) -> list[int]:
        """Return the indices of the `count` key sentences, in article order."""
        if not sentences:
            return []
        groups = units(sentences, quotes)
        texts = [" ".join(sentences[p].de for p in group) for group in groups]
        similarity = BlockSimilarity(texts, self.config.block_units)
        lead = self.config.lead_weight
        relevance = (1 - lead) * similarity.centrality(self.config.similarity_threshold)
        relevance += lead * lead_bias(len(groups))
        quoted = {i for q in quotes if q.speaker for i in quote_sentences(q, sentences)}
        # an unclear quote has no speaker; its sentence is no key point
        unattributed = {
            i
            for q in quotes
            if not q.speaker or q.attribution == "unclear"
            for i in quote_sentences(q, sentences)
        }
        relevance += [news_adjustment(sentences[g[0]], quoted, self.config) for g in groups]
        # a quote whose speaker the article does not name cannot be a faithful key point
        eligible = [
            u
            for u, group in enumerate(groups)
            if unattributed.isdisjoint(sentences[p].index for p in group)
        ]
        picked = select_mmr(relevance, similarity, count, self.config.mmr_lambda, eligible)
        return [sentences[groups[u][0]].index for u in picked]


def units(sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> list[list[int]]:
    """Group sentence positions into units: a quote joins the sentences it spans."""
    position = {s.index: p for p, s in enumerate(sentences)}
    continues = {position[i] for q in quotes for i in quote_sentences(q, sentences)[1:]}
    groups: list[list[int]] = []
    for p in range(len(sentences)):
        if p in continues and groups:
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def surname(name: str) -> str:
    """Return the last word of a name: the part an English text will surely keep."""
    return name.split()[-1].strip(",.")


def names(text: str, person: str | None) -> bool:
    """Return whether `text` names `person` (by surname).

    A German genitive ("Putins", "Irans") comes back as "Putin's": its stem counts too.
    """
    if person is None:
        return False
    name, lowered = surname(person).lower(), text.lower()
    if name in lowered:
        return True
    stem = name[:-1]
    return name.endswith("s") and any(f"{stem}{mark}s" in lowered for mark in "'’")


def lower_first(text: str) -> str:
    """Return `text` with a lower-case first word when that word is an ordinary opener."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in LOWERABLE else text


def speaker_line(quote: Quote) -> str:
    """Return the English name (and role) of the quote's speaker."""
    return quote.speaker_en or quote.speaker or ""


def direct_quote_point(quote: Quote) -> str:
    """Return “Speaker, role, warned: “…”” for a direct quote."""
    speaker = speaker_line(quote)
    verb = CUE_VERBS.get((quote.cue or "").lower())
    if verb:
        # an apposition ("Andriy Yermak, Zelensky's chief of staff") needs its closing comma
        speaker = f"{speaker}, {verb}" if "," in speaker else f"{speaker} {verb}"
    # the point opens with the speaker: "the ministry" from a mention inside the sentence
    return f"{speaker[:1].upper()}{speaker[1:]}: “{quote.text_en.strip()}”"


def frame_sentence(sentence: Sentence, quotes: Sequence[Quote]) -> str:
    """Return the English key point for a sentence, with every speaker named and claims framed."""
    attributed = [q for q in quotes if q.speaker and q.text_en]
    direct = [q for q in attributed if q.kind == "direct"]
    if direct:
        # "so A („…“) und B: „…“": one sentence, several speakers, each keeps their words.
        return " ".join(map(direct_quote_point, direct))
    text = sentence.en.strip()
    unnamed = [q for q in attributed if not names(text, q.speaker)]
    if unnamed:
        return f"According to {speaker_line(unnamed[0])}, {lower_first(text)}"
    if sentence.reported_by and not names(text, sentence.reported_by):
        return f"According to {sentence.reported_by}, {lower_first(text)}"
    return text


def quote_sentences(quote: Quote, sentences: Sequence[Sentence]) -> list[int]:
    """Return the indices of the sentences (in text order) a quote spans."""
    first = bisect.bisect_right(sentences, quote.start, key=lambda s: s.end)
    spanned = []
    for sentence in sentences[first:]:
        if sentence.start >= quote.end:
            break
        spanned.append(sentence.index)
    return spanned


def point_quotes(i: int, sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> list[Quote]:
    """Return the quotes that the key point of sentence `i` carries: those spanning it."""
    return [q for q in quotes if i in quote_sentences(q, sentences)]


def point_sentences(i: int, sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> list[int]:
    """Return the sentences the key point of sentence `i` covers: it and its quotes' sentences."""
    own = point_quotes(i, sentences, quotes)
    return sorted({i, *(j for q in own for j in quote_sentences(q, sentences))})


def point_wording(i: int, sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> list[int]:
    """Return the sentences whose English the key point of sentence `i` is worded from.

    A point that quotes a named speaker directly is worded from its quotes alone.
    """
    own = point_quotes(i, sentences, quotes)
    return [] if any(q.speaker and q.kind == "direct" for q in own) else [i]


def build_key_points(
    sentences: Sequence[Sentence], quotes: Sequence[Quote], chosen: Sequence[int]
) -> list[KeyPoint]:
    """Return one KeyPoint per chosen sentence, worded so that no quote loses its speaker."""
    by_index = {s.index: s for s in sentences}
    points = []
    for i in chosen:
        covered = point_sentences(i, sentences, quotes)
        own = point_quotes(i, sentences, quotes)
        points.append(
            KeyPoint(
                en=frame_sentence(by_index[i], own),
                de=" ".join(by_index[j].de for j in covered),
                sentences=covered,
                quotes=own,
            )
        )
    return points
