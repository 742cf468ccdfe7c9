"""Score quote finding and attribution on whole real news pages, annotated blind to the code.

`benchmarks/data/heldout-pages.jsonl` annotates every quoted stretch in the article bodies of the
22 shared pages (../shared/data/clean/pages/NAME.txt): offsets into the page, whether it is
speech, the speaker (the shortest full form the text names, also when the quote's own sentence
only has a pronoun), whether the speaker stands in the quote's sentence, and every form the
text uses for each speaker ("Hendrik Streeck", "Streeck", "der Bundesdrogenbeauftragte"). Only
offsets, names and descriptions are kept: the pages themselves stay in ../shared. It was
written by helpers who never saw the quote finder and is never tuned on.

A found quote matches a gold quote when it covers the same words at the same place. Its speaker
is right when it is one of the forms the text uses for the gold speaker (or ends in the gold
speaker's last word), "unclear" when kernpunkt names nobody, and a different person otherwise.
`--pages FILE --texts DIR` scores another set in the same format (texts named NAME.txt):
`heldout-pages12.jsonl` (23 taz articles of one e-paper issue, 18 May 2018, 248 true quotes) and
`heldout-pages13.jsonl` (21 Publico magazine pieces, 2017-2021, opinion and media criticism
with mixed and malformed quotation marks, 232 true quotes), both annotated blind to the code and
held out this round; `heldout-pages11.jsonl` (articles of 20 Minuten, NZZ and other German
outlets, annotated blind to the code), blind and scored only at the start and the end of the
round that used it as its held-out set; `heldout-pages10.jsonl` (25 tagesschau.de articles of
2025, 350 quotes), `heldout-pages8.jsonl` (25 dpa wire items of 2017, 161 quotes),
`heldout-pages9.jsonl` (22 tagesschau.de articles of 2025 and 4 dpa items of 2016, 368 quotes),
`heldout-pages5.jsonl` (23 pages of n-tv, Bild, ZDF, Welt, SZ, tagesschau and Stern, 192
quotes), `heldout-pages6.jsonl` (21 pages of eleven outlets, 130 quotes),
`heldout-pages7.jsonl` (21 ZEIT ONLINE articles of 2007 from its content system's test
content, 135 quotes) and `heldout-pages3.jsonl` (31 news pages, 218 quotes), blind when made
and looked at for development since the round after (like the 18 web articles outside the
repository); `heldout-pages4.jsonl` (11 older pages from fundus's history, only 4 true
quotes) and the development pages `dev-pages-{a,b,c,d}.jsonl` and `dev-pages-e.jsonl`
(23 articles of 2018 from lsolcher/mlFakeNewsDetection: 8 of Junge Freiheit, 15 dpa items on
sueddeutsche.de; 209 true quotes, 78 with the speaker outside their sentence, 80 non-quotes).
Sets 14–36 are described in the README; `heldout-pages37.jsonl` (23 articles of 2015–2020 on
wind power, cannabis, basic income, homeopathy and the Green Deal from 14 outlets, 326 true
quotes) and `heldout-pages38.jsonl` (21 articles on migration from 17 outlets, 255 true
quotes), both from the renewrs corpus, were made blind to the code and scored on the commit
before the round's changes; `heldout-pages39.jsonl` (20 articles on migration from 12
outlets, 269 true quotes, same corpus) was made at the end of that round and scored once on
its release; `heldout-pages40.jsonl` (22 articles on cannabis legalisation from 12 outlets,
320 true quotes) and `heldout-pages41.jsonl` (21 articles on migration from 14 outlets, 302
true quotes), same corpus, were made blind to the code and scored on the commit before the
next round's changes; so was `heldout-pages42.jsonl` (23 articles on basic income from 14
outlets, 328 true quotes) the round after, and `heldout-pages43.jsonl` (24 articles on wind
power, homeopathy and the Green Deal from 14 outlets, 472 true quotes) the round after that.
The texts are built from the public test fixtures and data files listed in
`news-pages-sources.jsonl` and stay outside the repository:
`python benchmarks/build_quote_texts.py --mirrors DIR --out DIR` rebuilds them from bare mirrors
of those repositories (1,015 of 1,034).

    python benchmarks/eval_quotes_pages.py [--show] [--pages FILE --texts DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eval_quotes import (
    ARTICLES,
    DEMONSTRATIVE_PRONOUNS,
    PRONOUNS,
    WORD_RE,
    last_word,
    normalise,
)

from kernpunkt.document import Quote
from kernpunkt.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "benchmarks" / "data" / "heldout-pages.jsonl"
TEXTS = ROOT.parent / "shared" / "data" / "clean" / "pages"
# What may stand between a quote's words and its marks.
EDGE = " \n\t„“”\"»«‚‘’'.,:;!?–-"
# A "speaker" that is only a pronoun names nobody.
UNRESOLVED = PRONOUNS | DEMONSTRATIVE_PRONOUNS


@dataclass
class Tally:
    """Counts of one set: spans, and speakers inside and outside the quote's sentence."""

    counts: Counter[str] = field(default_factory=Counter)
    shown: list[str] = field(default_factory=list)

    def add(self, key: str, place: str = "") -> None:
        """Count `key`, and once more for where the speaker stands, if given."""
        self.counts[key] += 1
        if place:
            self.counts[f"{place} {key}"] += 1

    def lines(self, name: str) -> list[str]:
        """Return the figures as lines of text."""
        c = self.counts
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        judged = max(1, c["right"] + c["wrong"] + c["unclear"])
        lines = [
            f"{name}: span P {precision:.3f} R {recall:.3f} F1 {f1:.3f} | speaker right "
            f"{c['right'] / judged:.3f}, a different person {c['wrong'] / judged:.3f} (of it "
            f"where the text names nobody {c['nobody'] / judged:.3f}), unclear "
            f"{c['unclear'] / judged:.3f} (of {judged} found quotes; {c['tp'] + c['fn']} gold)"
        ]
        for place in ("inside", "outside"):
            total = c[f"{place} right"] + c[f"{place} wrong"] + c[f"{place} unclear"]
            lines.append(
                f"  speaker {place} the quote's sentence: right {c[f'{place} right']}/{total}, "
                f"different person {c[f'{place} wrong']}, unclear {c[f'{place} unclear']}"
            )
        return lines


def quoted_words(text: str) -> str:
    """Return a quote's words: whitespace collapsed, marks and punctuation at the edges gone."""
    return normalise(text).strip(EDGE)


def bare(text: str) -> str:
    """Return a mention without its article, case-folded and padded for word containment."""
    words = text.replace("\u00a0", " ").casefold().split()
    while words and words[0] in ARTICLES:
        words = words[1:]
    return f" {' '.join(words)} "


def names_speaker(name: str, gold: dict, mentions: list[str]) -> bool:
    """Tell whether `name` is a form the text uses for the gold speaker."""
    ours = bare(name)
    if any(bare(m) in ours or ours in bare(m) for m in mentions if bare(m).strip()):
        return True
    last = last_word(gold["speaker"])
    return last is not None and last in {word.lower() for word in WORD_RE.findall(name)}


def judge(quote: Quote, gold: dict, mentions: list[str]) -> str:
    """Return "right", "wrong" or "unclear" for the speaker of a matched quote."""
    name = quote.speaker
    unclear = getattr(quote, "attribution", "") == "unclear" or not name
    if not unclear and name.lower() in UNRESOLVED:
        unclear = True
    if gold["speaker"] is None:
        return "right" if unclear else "wrong"
    if unclear:
        return "unclear"
    return "right" if names_speaker(name, gold, mentions) else "wrong"


def pairs(page: dict, body: str, found: list[Quote]) -> Iterator[tuple[dict, int | None]]:
    """Yield each true gold quote of a page with the index of the found quote that matches it."""
    start = page["body_start"]
    used: set[int] = set()
    for gold in (q for q in page["quotes"] if q["is_quote"]):
        gs, ge = gold["start"] - start, gold["end"] - start
        words = quoted_words(body[gs:ge])
        hit = next(
            (
                i
                for i, q in enumerate(found)
                if i not in used and q.start < ge and q.end > gs and quoted_words(q.text) == words
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        yield gold, hit


def score_page(page: dict, text: str, tally: Tally, show: bool) -> None:
    """Add one page's quotes to `tally`."""
    body = text[page["body_start"] : page["body_end"]]
    found = find_quotes(body)
    hits = 0
    for gold, hit in pairs(page, body, found):
        place = "inside" if gold["speaker_in_sentence"] else "outside"
        if hit is None:
            tally.add("fn", place)
            continue
        hits += 1
        tally.add("tp")
        verdict = judge(found[hit], gold, page["mentions"].get(gold["speaker"], []))
        tally.add(verdict, place)
        # someone named where the text names nobody: often a description ("ein Experte"),
        # which SpkAtt would credit
        tally.counts["nobody"] += verdict == "wrong" and gold["speaker"] is None
        if show and verdict == "wrong":
            tally.shown.append(
                f"  {page['page']}: gold {gold['speaker']!r}, found {found[hit].speaker!r}"
            )
    tally.counts["fp"] += len(found) - hits


def read_pages(pages_file: Path, texts: Path) -> Iterator[tuple[dict, str]]:
    """Yield each annotated page with its text, checking it is the version annotated.

    A page whose text is absent is skipped with a line on stderr (`build_quote_texts.py` cannot
    rebuild every source); a text that is not the annotated version stops the run.
    """
    for line in pages_file.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        path = texts / f"{page['page']}.txt"
        if not path.is_file():
            print(f"{path.name} not in {texts}: page skipped", file=sys.stderr)
            continue
        data = path.read_bytes()
        if hashlib.sha1(data).hexdigest() != page["file_sha1"]:
            sys.exit(f"{page['page']}.txt in {texts} is not the annotated version")
        yield page, data.decode("utf-8")


def score(pages_file: Path, texts: Path, show: bool) -> Tally | None:
    """Score every page of `pages_file` whose text is in `texts`; None when the texts are absent."""
    if not texts.is_dir():
        return None
    tally = Tally()
    for page, text in read_pages(pages_file, texts):
        score_page(page, text, tally, show)
    return tally


def main() -> None:
    """Print the figures of the shared pages (or of the set given)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="the annotations (JSONL)")
    parser.add_argument("--texts", type=Path, default=TEXTS, help="the folder of NAME.txt")
    parser.add_argument("--show", action="store_true", help="list the quotes given to another")
    args = parser.parse_args()
    tally = score(args.pages, args.texts, args.show)
    if tally is None:
        sys.exit(f"the page texts are absent ({args.texts} not found)")
    print("\n".join(tally.lines(args.pages.stem) + tally.shown))


if __name__ == "__main__":
    main()
