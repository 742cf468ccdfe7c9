"""Toy German/English news corpus that the tiny test models are trained on.

Everything here is written for the test suite: template sentences in the style of a news
article (North Korean troops, the Pentagon, NATO, Ukraine) with their English translations,
plus monolingual German text for the SentencePiece vocabulary and English paragraphs with a
lead-sentence summary for the tiny BART.  The output is fixed: the sampling seed is a constant,
so the corpus (and the hash that keys the model cache) only changes when this file does.
"""

from __future__ import annotations

import random
from itertools import product

CORPUS_SEED = 20241104

SUBJECTS = [
    ("Der Minister", "The minister"),
    ("Die Kanzlerin", "The chancellor"),
    ("Ein Sprecher des Pentagons", "A Pentagon spokesman"),
    ("Der NATO-Generalsekretär", "The NATO Secretary General"),
    ("Die Außenministerin", "The foreign minister"),
    ("Der ukrainische Präsident", "The Ukrainian president"),
    ("Ein Sprecher der Bundesregierung", "A spokesman for the federal government"),
    ("Der südkoreanische Geheimdienst", "The South Korean intelligence service"),
]

DAYS = [
    ("am Montag", "on Monday"),
    ("am Dienstag", "on Tuesday"),
    ("am Mittwoch", "on Wednesday"),
    ("am Donnerstag", "on Thursday"),
    ("am Freitag", "on Friday"),
    ("am Samstag", "on Saturday"),
    ("am Sonntag", "on Sunday"),
]

PLACES = [
    ("Berlin", "Berlin"),
    ("Washington", "Washington"),
    ("Brüssel", "Brussels"),
    ("Kiew", "Kyiv"),
    ("Seoul", "Seoul"),
    ("Moskau", "Moscow"),
    ("Paris", "Paris"),
    ("München", "Munich"),
]

CLAUSES = [
    ("Nordkorea Truppen nach Russland geschickt habe", "North Korea had sent troops to Russia"),
    ("die Lage an der Front sehr ernst sei", "the situation at the front was very serious"),
    ("die Ukraine mehr Waffen brauche", "Ukraine needed more weapons"),
    (
        "die Gespräche in der nächsten Woche fortgesetzt würden",
        "the talks would continue next week",
    ),
    (
        "rund 10.000 nordkoreanische Soldaten in Russland seien",
        "around 10,000 North Korean soldiers were in Russia",
    ),
    ("die NATO ihre Ostflanke stärken werde", "NATO would strengthen its eastern flank"),
    (
        "die Soldaten an der Grenze zur Ukraine stünden",
        "the soldiers were on the border with Ukraine",
    ),
    ("es keine Hinweise auf einen Angriff gebe", "there was no evidence of an attack"),
    ("die Regierung große Sorgen habe", "the government was very worried"),
    (
        "die Sanktionen gegen Russland verschärft würden",
        "the sanctions against Russia would be tightened",
    ),
]

QUOTES = [
    ("Wir sind sehr besorgt", "We are very concerned"),
    ("Das ist eine gefährliche Entwicklung", "This is a dangerous development"),
    ("Die Lage ist ernst", "The situation is serious"),
    ("Wir stehen fest an der Seite der Ukraine", "We stand firmly with Ukraine"),
    ("Wir werden nicht zulassen, dass Russland gewinnt", "We will not allow Russia to win"),
    ("Es gibt keinen Grund zur Panik", "There is no reason to panic"),
    ("Die Truppen sind bereits in Russland", "The troops are already in Russia"),
    ("Wir beobachten die Lage genau", "We are monitoring the situation closely"),
]

SOURCES = [
    ("des Pentagons", "the Pentagon"),
    ("der NATO", "NATO"),
    ("Südkoreas", "South Korea"),
    ("der Ukraine", "Ukraine"),
    ("Washingtons", "Washington"),
]

NUMBERS = [
    ("3.000", "3,000"),
    ("8.000", "8,000"),
    ("10.000", "10,000"),
    ("11.000", "11,000"),
    ("12.000", "12,000"),
]

NAMES = [
    ("Olaf Scholz", "Olaf Scholz"),
    ("Annalena Baerbock", "Annalena Baerbock"),
    ("Mark Rutte", "Mark Rutte"),
    ("Lloyd Austin", "Lloyd Austin"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
    ("Kim Jong Un", "Kim Jong Un"),
    ("Wladimir Putin", "Vladimir Putin"),
    ("Joe Biden", "Joe Biden"),
]

FIXED_PAIRS = [
    (
        "Die Außenminister der NATO treffen sich in Brüssel.",
        "NATO foreign ministers meet in Brussels.",
    ),
    (
        "Nordkorea hat die Berichte über Truppen in Russland zurückgewiesen.",
        "North Korea has rejected the reports of troops in Russia.",
    ),
    (
        "Südkorea erwägt, Waffen an die Ukraine zu liefern.",
        "South Korea is considering supplying weapons to Ukraine.",
    ),
    (
        "Der Krieg in der Ukraine dauert schon fast drei Jahre.",
        "The war in Ukraine has been going on for almost three years.",
    ),
    (
        "Die Straßen in Kiew sind nach dem Angriff beschädigt.",
        "The streets in Kyiv are damaged after the attack.",
    ),
    ("Das Weiße Haus äußerte sich zunächst nicht.", "The White House initially did not comment."),
    ("Großbritannien kündigte neue Sanktionen an.", "Britain announced new sanctions."),
    (
        "Die Gespräche über einen Waffenstillstand sind gescheitert.",
        "Talks on a ceasefire have failed.",
    ),
    (
        "Über 50 Menschen wurden bei dem Angriff verletzt.",
        "Over 50 people were injured in the attack.",
    ),
    (
        "Die Bundeswehr schickt 500 Soldaten nach Litauen.",
        "The Bundeswehr is sending 500 soldiers to Lithuania.",
    ),
    (
        "Das Pentagon bestätigte die Zahlen am Dienstag.",
        "The Pentagon confirmed the figures on Tuesday.",
    ),
    (
        "Die Soldaten sollen in der Region Kursk kämpfen.",
        "The soldiers are to fight in the Kursk region.",
    ),
    (
        "Russland hat sich zu den Vorwürfen nicht geäußert.",
        "Russia has not commented on the allegations.",
    ),
    ("Der Bundestag debattiert über neue Hilfen.", "The Bundestag is debating new aid."),
    ("Die Ukraine meldet schwere Kämpfe im Osten.", "Ukraine reports heavy fighting in the east."),
    ("Die Lage bleibt unübersichtlich.", "The situation remains unclear."),
]

GERMAN_ONLY = [
    "Die Bundesregierung hat am Mittwoch den Haushalt für das kommende Jahr beschlossen.",
    "Nach Angaben der Polizei wurde niemand verletzt, der Schaden ist jedoch groß.",
    "Die Wirtschaft wächst langsamer als erwartet, teilte das Statistische Bundesamt mit.",
    "„Das ist ein schwarzer Tag für Europa“, sagte die Abgeordnete im Bundestag.",
    "Im Süden Deutschlands wird heute mit Gewittern und Starkregen gerechnet.",
    "Die Gewerkschaft ruft für Donnerstag zu einem Warnstreik bei der Bahn auf.",
    "Mehr als 2.500 Menschen demonstrierten am Wochenende in Hamburg für den Klimaschutz.",
    "Der Preis für eine Kilowattstunde Strom ist um 3,5 Prozent gestiegen.",
    "Die Opposition wirft der Koalition vor, die Schulden zu verschleiern.",
    "Öffentliche Gebäude müssen künftig Energie sparen, heißt es in dem Gesetz.",
    "Über die Ergebnisse der Gespräche wurde Stillschweigen vereinbart.",
    "Äußerungen des Ministers sorgten für Empörung in der Fraktion.",
    "Zeichen: ÄÖÜäöüß „“ ‚‘ »« – — … € § % & ( ) [ ] / : ; ? ! ' \"",
]


def _lower_first(text: str) -> str:
    """Lower-case the first character, for a subject that moves into the middle of a sentence."""
    return text[:1].lower() + text[1:]


def parallel_pairs() -> list[tuple[str, str]]:
    """Return the fixed list of (German, English) sentence pairs used to train the tiny Marian."""
    rng = random.Random(CORPUS_SEED)
    reports = [
        (f"{sd} sagte {dd} in {pd}, dass {cd}.", f"{se} said {de} in {pe} that {ce}.")
        for (sd, se), (dd, de), (pd, pe), (cd, ce) in product(SUBJECTS, DAYS, PLACES, CLAUSES)
    ]
    quotes = [
        (f"„{qd}“, sagte {_lower_first(sd)} {dd}.", f"“{qe},” {_lower_first(se)} said {de}.")
        for (qd, qe), (sd, se), (dd, de) in product(QUOTES, SUBJECTS, DAYS)
    ]
    numbers = [
        (
            f"Nach Angaben {od} sind rund {nd} nordkoreanische Soldaten in Russland.",
            f"According to {oe}, around {ne} North Korean soldiers are in Russia.",
        )
        for (od, oe), (nd, ne) in product(SOURCES, NUMBERS)
    ]
    meetings = [
        (f"{ad} traf {dd} in {pd} {bd}.", f"{ae} met {be} in {pe} {de}.")
        for (ad, ae), (bd, be), (dd, de), (pd, pe) in product(NAMES, NAMES, DAYS, PLACES)
        if ad != bd
    ]
    return [
        *rng.sample(reports, 130),
        *rng.sample(quotes, 80),
        *numbers,
        *rng.sample(meetings, 50),
        *FIXED_PAIRS,
    ]


def spm_training_text() -> list[str]:
    """Return the German and English lines the shared SentencePiece vocabulary is trained on."""
    pairs = parallel_pairs()
    return [*(de for de, _ in pairs), *GERMAN_ONLY, *(en for _, en in pairs)]


def summary_pairs(count: int = 120) -> list[tuple[str, str]]:
    """Return (English paragraph, lead sentence) pairs used to train the tiny BART."""
    rng = random.Random(CORPUS_SEED + 1)
    english = [en for _, en in parallel_pairs()]
    paragraphs = []
    for _ in range(count):
        sentences = rng.sample(english, rng.randint(3, 5))
        paragraphs.append((" ".join(sentences), sentences[0]))
    return paragraphs
