"""Key points v1: central, early, diverse sentences in article order."""

import pytest

from kernpunkt.config import load_config
from kernpunkt.document import Quote, Sentence
from kernpunkt.keypoints import LexRankChooser, build_key_points, names, tfidf_matrix

CONFIG = load_config().key_points

ARTICLE = [
    "Die Bundesregierung plant neue Hilfen für Energiekunden.",
    "Die Hilfen für Energiekunden sollen im Winter greifen.",
    "Die Hilfen für Energiekunden sollen im Winter greifen, sagte ein Sprecher.",
    "Der Fußballverein gewann am Samstag sein Heimspiel.",
    "Kritiker halten die Hilfen für Energiekunden für zu gering.",
    "Das Wetter bleibt sonnig.",
]


def sentences(texts: list[str] = ARTICLE) -> list[Sentence]:
    """Return texts as consecutive Sentence objects with their offsets."""
    result, start = [], 0
    for i, text in enumerate(texts):
        result.append(Sentence(i, 0, text, start, start + len(text)))
        start += len(text) + 1
    return result


def quote_in(sentence: Sentence, words: str, **fields: object) -> Quote:
    """Return a Quote of `words` placed inside `sentence`."""
    start = sentence.start + sentence.de.index(words)
    return Quote(words, start, start + len(words), sentence=sentence.index, **fields)


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
    quote = quote_in(items[2], "Die Hilfen", kind="partial")
    (point,) = build_key_points(items, [quote], [2])
    assert point.sentences == [2]
    assert point.de == ARTICLE[2]
    assert point.quotes == [quote]
    assert point.en == items[2].en


def test_direct_quote_said_by_pronoun_names_the_speaker_and_verb() -> None:
    (item,) = sentences(["„Heute ist es Nordkorea“, warnte er."])
    item.en = "“Today it is North Korea,” he warned."
    quote = quote_in(
        item,
        "Heute ist es Nordkorea",
        speaker="Andriy Yermak",
        speaker_mention="er",
        speaker_en="Andriy Yermak",
        cue="warnte",
        kind="direct",
        text_en="Today it is North Korea",
    )
    (point,) = build_key_points([item], [quote], [0])
    assert point.en == "Andriy Yermak warned: “Today it is North Korea”"


def test_every_speaker_of_a_sentence_keeps_their_direct_quote() -> None:
    (item,) = sentences(["Es gratulierten Roth („Verdient.“) und Berg: „Ein guter Tag.“"])
    first = quote_in(item, "Verdient.", speaker="Anna Roth", kind="direct", text_en="Deserved.")
    second = quote_in(
        item, "Ein guter Tag.", speaker="Jan Berg", kind="direct", text_en="A good day."
    )
    (point,) = build_key_points([item], [first, second], [0])
    assert point.en == "Anna Roth: “Deserved.” Jan Berg: “A good day.”"


def test_direct_quote_keeps_the_speakers_role_as_an_apposition() -> None:
    (item,) = sentences(["Yermak, Selenskyjs Stabschef, warnte: „Heute ist es Nordkorea.“"])
    quote = quote_in(
        item,
        "Heute ist es Nordkorea.",
        speaker="Andriy Yermak",
        speaker_en="Andriy Yermak, Zelensky's chief of staff",
        cue="warnte",
        text_en="Today it is North Korea.",
    )
    (point,) = build_key_points([item], [quote], [0])
    assert (
        point.en == "Andriy Yermak, Zelensky's chief of staff, warned: “Today it is North Korea.”"
    )


def test_direct_quote_point_opens_with_a_capital_letter() -> None:
    (item,) = sentences(["Das Ministerium erklärte: „Wir prüfen das.“"])
    quote = quote_in(
        item,
        "Wir prüfen das.",
        speaker="das Ministerium",
        speaker_en="the ministry",
        cue="erklärte",
        text_en="We are looking into it.",
    )
    (point,) = build_key_points([item], [quote], [0])
    assert point.en == "The ministry explained: “We are looking into it.”"


@pytest.mark.parametrize(
    ("text", "person", "named"),
    [
        ("Iran's supreme leader", "Irans", True),
        ("Putin’s spokesman", "Putins", True),
        ("the Kremlin", "Putins", False),
        ("Chancellor Scholz", "Olaf Scholz", True),
        ("the chancellor", "Olaf Scholz", False),
    ],
)
def test_a_text_names_a_person_by_surname_or_its_english_genitive(
    text: str, person: str, named: bool
) -> None:
    assert names(text, person) is named


def test_reported_speech_is_framed_as_the_speakers_claim() -> None:
    (item,) = sentences(["Die Zusammenarbeit stelle eine Bedrohung dar."])
    item.en = "The cooperation poses a threat."
    item.reported_by = "Mark Rutte"
    (point,) = build_key_points([item], [], [0])
    assert point.en == "According to Mark Rutte, the cooperation poses a threat."


def test_partial_quote_of_an_unnamed_speaker_is_framed() -> None:
    (item,) = sentences(["Der Hafen sei „das Herz der Wirtschaft“, sagte die Politikerin."])
    item.en = "The port is “the heart of the economy,” said the politician."
    quote = quote_in(
        item,
        "das Herz der Wirtschaft",
        speaker="Anna Krüger",
        speaker_en="Anna Krüger",
        kind="partial",
        text_en="the heart of the economy",
    )
    (point,) = build_key_points([item], [quote], [0])
    assert point.en.startswith("According to Anna Krüger, the port is")


def test_quote_over_two_sentences_is_one_key_point_covering_both() -> None:
    items = sentences(["Singh sagte: „Soldaten sind verlegt.", "Wir erwarten Einsätze.“"])
    start = items[0].de.index("Soldaten")
    text = "Soldaten sind verlegt. Wir erwarten Einsätze."
    quote = Quote(
        text,
        start,
        start + len(text),
        speaker="Sabrina Singh",
        speaker_en="Sabrina Singh",
        cue="sagte",
        sentence=0,
        text_en="Soldiers are moved. We expect missions.",
    )
    chosen = LexRankChooser(CONFIG)(items, 2, [quote])
    assert chosen == [0]
    points = build_key_points(items, [quote], chosen)
    assert points[0].sentences == [0, 1]
    assert points[0].en == "Sabrina Singh said: “Soldiers are moved. We expect missions.”"


def test_outlet_questions_and_dangling_openers_rank_lower() -> None:
    texts = [
        "Die Regierung plant neue Hilfen für Energiekunden im Winter.",
        "Allerdings stellt sich die Frage, ob die Hilfen für Energiekunden reichen.",
        "Diese Hilfen für Energiekunden kosten viel.",
        "Die Hilfen für Energiekunden sollen im Januar starten, teilte das Ministerium mit.",
    ]
    assert LexRankChooser(CONFIG)(sentences(texts), 2) == [0, 3]


def test_sentence_with_a_quote_is_preferred() -> None:
    texts = [
        "Die Regierung plant neue Hilfen für Energiekunden.",
        "Die Opposition hält das Paket für zu klein.",
        "Der Verband kritisierte die Pläne.",
        "„Das reicht nicht“, sagte Verbandschef Karl Brandt.",
    ]
    items = sentences(texts)
    quote = quote_in(items[3], "Das reicht nicht", speaker="Karl Brandt")
    assert 3 in LexRankChooser(CONFIG)(items, 2, [quote])


def test_tfidf_rows_are_unit_length_or_zero() -> None:
    matrix = tfidf_matrix(["der die das", "Energie Hilfen Winter"])
    assert abs((matrix[1] ** 2).sum() - 1) < 1e-9
    assert (matrix[0] == 0).all()
