"""Key points v1: central, early, diverse sentences in article order."""

from kernpunkt.config import load_config
from kernpunkt.document import Quote, Sentence
from kernpunkt.keypoints import LexRankChooser, build_key_points, tfidf_matrix

CONFIG = load_config().key_points

ARTICLE = [
    "Die Bundesregierung plant neue Hilfen für Energiekunden.",
    "Die Hilfen für Energiekunden sollen im Winter greifen.",
    "Die Hilfen für Energiekunden sollen im Winter greifen, sagte ein Sprecher.",
    "Der Fußballverein gewann am Samstag sein Heimspiel.",
    "Kritiker halten die Hilfen für Energiekunden für zu gering.",
    "Das Wetter bleibt sonnig.",
]


def sentences() -> list[Sentence]:
    """Return the toy article as Sentence objects."""
    return [Sentence(i, 0, text) for i, text in enumerate(ARTICLE)]


def test_key_points_come_in_article_order() -> None:
    chosen = LexRankChooser(CONFIG)(sentences(), 3)
    assert chosen == sorted(chosen)
    assert len(chosen) == 3


def test_near_duplicate_sentences_are_not_both_chosen() -> None:
    chosen = LexRankChooser(CONFIG)(sentences(), 3)
    assert not {1, 2} <= set(chosen)


def test_lead_sentence_on_the_main_topic_is_chosen() -> None:
    assert 0 in LexRankChooser(CONFIG)(sentences(), 2)


def test_asking_for_more_than_there_is_returns_all() -> None:
    assert LexRankChooser(CONFIG)(sentences()[:2], 5) == [0, 1]


def test_no_sentences_no_key_points() -> None:
    assert LexRankChooser(CONFIG)([], 3) == []


def test_key_point_carries_its_sentence_and_quotes() -> None:
    items = sentences()
    items[2].en = "The aid should take effect in winter, a spokesman said."
    quote = Quote("Die Hilfen", 0, 10, sentence=2)
    (point,) = build_key_points(items, [quote], [2])
    assert point.sentences == [2]
    assert point.de == ARTICLE[2]
    assert point.quotes == [quote]


def test_tfidf_rows_are_unit_length_or_zero() -> None:
    matrix = tfidf_matrix(["der die das", "Energie Hilfen Winter"])
    assert abs((matrix[1] ** 2).sum() - 1) < 1e-9
    assert (matrix[0] == 0).all()
