"""Key point choice stays bounded in long articles: LexRank runs on blocks of sentences."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from kernpunkt.config import load_config
from kernpunkt.document import Quote, Sentence
from kernpunkt.keypoints import BlockSimilarity, LexRankChooser, quote_sentences, tfidf_matrix

CONFIG = load_config().key_points
TOPICS = ["Hafen Streik Löhne", "Bahn Verspätung Winter", "Energie Hilfen Preise", "Wahl Partei"]


def article(count: int) -> list[Sentence]:
    """Return `count` consecutive sentences on a few rotating topics."""
    result, start = [], 0
    for i in range(count):
        text = f"Satz {i} über {TOPICS[i % len(TOPICS)]} und Thema{i % 7}."
        result.append(Sentence(i, 0, text, start, start + len(text)))
        start += len(text) + 1
    return result


def test_similarity_within_one_block_is_the_full_cosine_matrix() -> None:
    texts = [s.de for s in article(30)]
    matrix = tfidf_matrix(texts)
    blocks = BlockSimilarity(texts, size=100)
    full = matrix @ matrix.T
    assert all(np.isclose(blocks[i, j], full[i, j]) for i in range(30) for j in range(30))


def test_similarity_across_blocks_is_a_cosine() -> None:
    texts = [s.de for s in article(30)]
    blocks = BlockSimilarity(texts, size=8)
    assert len(blocks.blocks) == 4
    assert all(block.shape[0] <= 8 for block in blocks.blocks)
    assert np.isclose(blocks[0, 28], blocks[28, 0])
    assert 0 < blocks[0, 28] <= 1 + 1e-9  # same topic, different block
    assert np.isclose(blocks[3, 3], 1.0)


def test_a_long_article_is_ranked_in_blocks_and_keeps_the_count() -> None:
    sentences = article(1000)
    config = replace(CONFIG, block_units=50)
    chosen = LexRankChooser(config)(sentences, 8)
    assert len(chosen) == 8
    assert chosen == sorted(chosen)


def test_quote_sentences_finds_every_sentence_a_quote_spans() -> None:
    sentences = article(50)
    quote = Quote("x", sentences[10].start + 2, sentences[12].start + 1)
    assert quote_sentences(quote, sentences) == [10, 11, 12]
    inside = Quote("y", sentences[3].start, sentences[3].end)
    assert quote_sentences(inside, sentences) == [3]
