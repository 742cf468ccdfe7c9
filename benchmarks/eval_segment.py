"""Measure German sentence splitters: boundary precision/recall/F1 and milliseconds per article.

Run from the repository root: `python benchmarks/eval_segment.py [--errors N]`.

Data:
- hand-written hard cases below (exact gold);
- SpkAtt-2023 German Wikinews (../shared/data/quotes, CC BY-NC-SA, read in place, never copied).
  The whole articles carry only their sentence count (`sentence_range`, inclusive); the quote
  excerpts carry the sentence range they cover and start and end on sentence boundaries. Located
  in their article, they give anchored boundaries; between two anchors one sentence apart the
  gold is complete, elsewhere only the number of sentences is known. The SpkAtt splits are
  automatic (silver): they end sentences at a colon before a quotation, which kernpunkt
  deliberately does not, so scores are also given without boundaries that follow a colon.

Scores:
- exact: true positives are anchors found; false positives are boundaries predicted inside a
  span known to be one sentence.
- count: also spans of k > 1 sentences, counting min(predicted, k - 1) inside as found
  (an upper bound, since positions there are unknown).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pysbd
from somajo import SoMaJo

from kernpunkt.segment import segment

SPKATT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes"

HARD_CASES = [
    ["Er kam z. B. am 24. Juni nach Berlin.", "Dann ging er."],
    ["Dr. Müller wohnt in der Hauptstraße Nr. 5.", "Er ist ca. 50 Jahre alt bzw. älter."],
    ["Am 3. Oktober 1990 kam die Einheit.", "Im Sept. 2020 folgte die Feier."],
    ["Die Inflation lag bei 4,5 %.", "Im Vorjahr waren es 3,2 Prozent."],
    ["„Wir kommen“, sagte sie.", "Dann ging sie."],
    ["„Ein Teil ist verlegt.", "Wir rechnen damit“, so der Minister.", "Danach nichts."],
    ["„Kommt ihr?“, fragte er.", "„Nein!“ rief sie."],
    ["Er sagte: „Wir kommen.“", "Dann ging er."],
    ["John F. Kennedy kam 1963 nach Berlin.", "Ludwig XIV. war König von Frankreich."],
    ["Das kostet 3 Mio. Euro, später 2 Mrd. Euro.", "Im 19. Jh. war das anders."],
    ["Die Stadt wurde 50 v. Chr. gegründet.", "Heute leben dort 20.000 Menschen."],
    ["Mehr steht unter https://www.example.com/a.b.html im Netz.", "Danke."],
    ["Es gab Äpfel, Birnen usw.", "Dann kam Prof. Meier aus St. Gallen."],
    ["Er sprach u. a. mit der Presse.", "Die Sitzung beginnt um 14.30 Uhr."],
    ["»Nein!« rief er.", "‚Ja‘, sagte sie."],
    ["Der Grund: Die Truppen sind verlegt worden.", "Das ist neu."],
    ["Nordkoreas Eingreifen könnte den Krieg eskalieren"],
    ['"Wir bleiben", sagte der Sprecher.', "Er lächelte."],
    ["«Das ist falsch», sagte sie.", "Er schwieg."],
    ["Der 1. FC Köln gewann 2:1.", "Die Fans jubelten."],
    ["Er wurde am 1.1.2024 gewählt.", "Seine Amtszeit endet 2028."],
    ["Die Firma Meier & Co. KG meldete Insolvenz an.", "Betroffen sind 200 Mitarbeiter."],
    ["Das Treffen fand in Washington, D. C. statt.", "Es dauerte zwei Stunden."],
    ["Wie geht es weiter?", "Niemand weiß es!", "Vielleicht morgen."],
    ["Sie sagte, das sei „völlig inakzeptabel“.", "Der Minister widersprach."],
    ["Laut Art. 5 Abs. 1 GG ist das erlaubt.", "Der Richter folgte dem."],
    ["Er war in der 2. Liga und wurde 3. der Tabelle.", "Nun steigt er auf."],
    ["„Das ist ein Skandal!“, rief er, „und keiner tut etwas.“", "Die Sitzung ruhte."],
    ["Die Polizei teilte mit: „Der Täter ist gefasst.", "Er wird vernommen.“", "Mehr nicht."],
    ["Der Gewinn stieg um 12 Prozent auf 1,3 Mrd. Euro.", "Analysten hatten mehr erwartet."],
    ["Das Spiel endete am Sa. 0:0.", "Am So. regnete es."],
    ["Er kam mit Frau Dr. med. Schmidt und Prof. Dr. Weber.", "Beide schwiegen."],
    ["Die Tagung findet vom 12. bis 14. März statt.", "Anmeldung bis 1. März."],
    ["Die Forderungen lauten:\n", "1. Mehr Geld\n", "2. Weniger Arbeit"],
    ["Das geschah am\n3. Oktober in Berlin.", "Niemand war überrascht."],
    ["Das Papier nennt Benedikt XVI.", "Er schweigt dazu."],
]

Splitter = Callable[[str], list[int]]


@dataclass
class Gold:
    """One text with known sentence starts: sentence index → offset (the last is the end)."""

    text: str
    anchors: dict[int, int]


@dataclass
class Counts:
    """Boundary true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Return precision, recall and F1."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def skip_space(text: str, pos: int) -> int:
    """Return the first offset at or after `pos` that is not whitespace."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def hard_gold() -> list[Gold]:
    """Return the hand-written cases, sentences joined by a space unless one ends a line."""
    golds = []
    for sentences in HARD_CASES:
        text, starts = "", {}
        for i, sentence in enumerate(sentences):
            text += "" if not text or text.endswith("\n") else " "
            starts[i] = len(text)
            text += sentence
        starts[len(sentences)] = len(text)
        golds.append(Gold(text, starts))
    return golds


def read_jsonl(path: Path) -> list[dict]:
    """Return the objects of a JSON-lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def spkatt_gold(folder: Path) -> list[Gold]:
    """Return SpkAtt articles anchored by the sentence ranges of their quote excerpts."""
    docs = {d["source"]: d for d in read_jsonl(folder / "spkatt-train-docs.jsonl")}
    golds = {
        src: Gold(d["text"], {0: 0, d["sentence_range"][1] + 1: len(d["text"])})
        for src, d in docs.items()
    }
    for excerpt in read_jsonl(folder / "spkatt-train.jsonl"):
        gold = golds[excerpt["source"]]
        start = gold.text.find(excerpt["text"])
        if start < 0:
            continue
        first, last = excerpt["sentence_range"]
        gold.anchors[first] = skip_space(gold.text, start)
        gold.anchors[last + 1] = skip_space(gold.text, start + len(excerpt["text"]))
    return list(golds.values())


def score(
    golds: list[Gold], predictions: list[list[int]], *, skip_colon: bool, errors: list[str]
) -> tuple[Counts, Counts]:
    """Return exact and count-matched boundary counts; collect disagreements in `errors`."""
    exact, count = Counts(), Counts()
    for gold, predicted in zip(golds, predictions, strict=True):
        text = gold.text
        after_colon = {p for p in predicted if skip_colon and text[:p].rstrip().endswith(":")}
        keys = sorted(gold.anchors)
        for key in keys[1:-1]:
            at = gold.anchors[key]
            if skip_colon and text[:at].rstrip().endswith(":"):
                after_colon.add(at)
            elif at in predicted:
                exact.tp += 1
            else:
                exact.fn += 1
                errors.append(f"missed  {snippet(text, at)}")
        for lo, hi in pairwise(keys):
            a, b = gold.anchors[lo], gold.anchors[hi]
            inside = [p for p in predicted if a < p < b and p not in after_colon]
            wanted = hi - lo - 1 - sum(1 for p in after_colon if a < p < b and p not in predicted)
            if hi - lo == 1:
                exact.fp += len(inside)
                errors.extend(f"extra   {snippet(text, p)}" for p in inside)
            count.tp += min(wanted, len(inside))
            count.fp += max(0, len(inside) - wanted)
            count.fn += max(0, wanted - len(inside))
    count.tp += exact.tp
    count.fn += exact.fn
    return exact, count


def snippet(text: str, at: int) -> str:
    """Return the text around a boundary, the boundary marked with ‖."""
    return (text[max(0, at - 60) : at] + "‖" + text[at : at + 40]).replace("\n", " ")


def predict(splitter: Splitter, texts: list[str]) -> tuple[list[list[int]], float]:
    """Return the sentence starts for each text and the mean milliseconds per text."""
    splitter(texts[0])  # warm-up: loads models and caches
    begin = time.perf_counter()
    predictions = [sorted(set(splitter(text))) for text in texts]
    return predictions, (time.perf_counter() - begin) * 1000 / len(texts)


def splitters() -> dict[str, Splitter]:
    """Return each candidate as text → offsets where a sentence (other than the first) starts."""
    pysbd_de = pysbd.Segmenter(language="de", clean=False, char_span=True)
    somajo_de = SoMaJo("de_CMC", character_offsets=True)

    def raw_pysbd(text: str) -> list[int]:
        return [skip_space(text, s.start) for s in pysbd_de.segment(text)][1:]

    def raw_somajo(text: str) -> list[int]:
        return [s[0].character_offset[0] for s in somajo_de.tokenize_text([text])][1:]

    def kernpunkt(text: str) -> list[int]:
        return [s.start for s in segment(text)][1:]

    return {"pysbd 0.3.4": raw_pysbd, "SoMaJo 2.5.0": raw_somajo, "kernpunkt": kernpunkt}


def report(name: str, set_name: str, golds: list[Gold], splitter: Splitter, show: int) -> None:
    """Print one splitter's scores on one data set, with up to `show` disagreements."""
    predictions, ms = predict(splitter, [g.text for g in golds])
    variants = (False, True) if set_name == "SpkAtt" else (False,)
    for skip_colon in variants:
        errors: list[str] = []
        exact, count = score(golds, predictions, skip_colon=skip_colon, errors=errors)
        rows = [("exact", exact), ("count", count)] if set_name == "SpkAtt" else [("", exact)]
        for kind, counts in rows:
            label = f"{set_name} {kind}{', no colon' if skip_colon else ''}".strip()
            p, r, f = counts.prf()
            print(f"{label:<28}{name:<14}{p:7.3f}{r:7.3f}{f:7.3f}  {counts}")
        for line in errors[:show]:
            print("   ", line)
    print(f"{set_name + ' speed':<28}{name:<14}{ms:7.2f} ms/article ({len(golds)} texts)")


def main() -> None:
    """Print the score table, and with --errors some disagreements per splitter and set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="disagreements to show per set")
    args = parser.parse_args()

    sets = {"hard cases": hard_gold()}
    if (SPKATT / "spkatt-train-docs.jsonl").exists() and (SPKATT / "spkatt-train.jsonl").exists():
        sets["SpkAtt"] = spkatt_gold(SPKATT)
    else:
        print(f"skipping SpkAtt: {SPKATT} not found (needs the shared data folder)\n")
    print(f"{'set':<28}{'splitter':<14}{'P':>7}{'R':>7}{'F1':>7}  boundaries")
    for name, splitter in splitters().items():
        for set_name, golds in sets.items():
            report(name, set_name, golds, splitter, args.errors)
        print()


if __name__ == "__main__":
    main()
