"""Choose the key points of an article: central, early and diverse sentences, in article order."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from kernpunkt.config import KeyPointsConfig
from kernpunkt.document import KeyPoint, Quote, Sentence
from kernpunkt.german import STOPWORDS, words

STEM_LENGTH = 6  # German inflects at the end: the first six letters identify most words
POWER_ITERATIONS = 50
DAMPING = 0.85


def terms(text: str) -> list[str]:
    """Return the content terms of a German sentence: stopwords out, words cut to a stem."""
    return [word[:STEM_LENGTH] for word in words(text) if word not in STOPWORDS and len(word) > 1]


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """Return L2-normalised TF-IDF row vectors of `texts`."""
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
    return matrix / np.where(norms == 0, 1, norms)


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
    relevance: np.ndarray, similarity: np.ndarray, count: int, weight: float
) -> list[int]:
    """Pick `count` indices by maximal marginal relevance and return them in article order."""
    chosen: list[int] = []
    candidates = list(range(len(relevance)))
    while candidates and len(chosen) < count:

        def marginal(i: int) -> float:
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            return weight * relevance[i] - (1 - weight) * redundancy

        best = max(candidates, key=marginal)
        chosen.append(best)
        candidates.remove(best)
    return sorted(chosen)


class LexRankChooser:
    """Rank sentences by LexRank centrality mixed with lead bias, then pick diverse ones."""

    def __init__(self, config: KeyPointsConfig) -> None:
        """Keep the weights from the configuration."""
        self.config = config

    def __call__(self, sentences: Sequence[Sentence], count: int) -> list[int]:
        """Return the indices of the `count` key sentences, in article order."""
        if not sentences:
            return []
        vectors = tfidf_matrix([s.de for s in sentences])
        similarity = vectors @ vectors.T
        lead = self.config.lead_weight
        relevance = (1 - lead) * centrality(similarity, self.config.similarity_threshold)
        relevance += lead * lead_bias(len(sentences))
        picked = select_mmr(relevance, similarity, count, self.config.mmr_lambda)
        return [sentences[i].index for i in picked]


def build_key_points(
    sentences: Sequence[Sentence], quotes: Sequence[Quote], chosen: Sequence[int]
) -> list[KeyPoint]:
    """Return one KeyPoint per chosen sentence index, with the quotes found in that sentence."""
    by_index = {s.index: s for s in sentences}
    return [
        KeyPoint(
            en=by_index[i].en,
            de=by_index[i].de,
            sentences=[i],
            quotes=[q for q in quotes if q.sentence == i],
        )
        for i in chosen
    ]
