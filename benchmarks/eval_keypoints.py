"""Measure whether key points keep their speakers: the seed article plus SpkAtt articles.

For each article: the number of key points, how many carry a quote, how many of those name the
quote's speaker, and how many reported-speech key points carry their "According to …" frame.
Goal: 0 key points with a quote and no named speaker, 0 unframed reported speech.

The framing does not depend on translation quality, so by default the sentences are "translated"
by copying them (`--model DIR` uses a real Marian model folder instead). SpkAtt articles are
assembled from ../shared/data/quotes/spkatt-train.jsonl by `doc_title` (evaluation only).

    python benchmarks/eval_keypoints.py [--model DIR] [--limit N] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from kernpunkt.config import load_config
from kernpunkt.document import Digest
from kernpunkt.keypoints import names
from kernpunkt.pipeline import Pipeline
from kernpunkt.translate import Progress, load_translator

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED = DATA / "article-report24-nordkorea.txt"
ITEMS = DATA / "quotes" / "spkatt-train.jsonl"


class CopyTranslator:
    """A translator that returns its input: framing is measured without a model."""

    name = "copy"

    def translate(
        self,
        texts: Sequence[str],
        progress: Progress | None = None,
        *,
        num_beams: int | None = None,
    ) -> list[str]:
        """Return the texts unchanged."""
        return list(texts)


def spkatt_articles(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (title, text) of articles assembled from SpkAtt items by doc_title."""
    parts: dict[str, dict[int, str]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        parts[item["doc_title"]].setdefault(item["sentence_range"][0], item["text"])
    for title, by_start in parts.items():
        yield title, "\n\n".join(by_start[start] for start in sorted(by_start))


def score(digest: Digest) -> dict[str, int]:
    """Count key points, quoted ones, named speakers and framed reported speech."""
    counts = dict.fromkeys(("points", "quoted", "named", "reported", "framed"), 0)
    by_index = {s.index: s for s in digest.sentences}
    for point in digest.key_points:
        counts["points"] += 1
        if point.quotes:
            counts["quoted"] += 1
            counts["named"] += all(names(point.en, q.speaker) for q in point.quotes)
        reporter = by_index[point.sentences[0]].reported_by
        if reporter and not point.quotes:
            counts["reported"] += 1
            counts["framed"] += names(point.en, reporter)
    return counts


def main() -> int:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="a Marian model folder (default: copy the German)")
    parser.add_argument("--limit", type=int, help="evaluate only the first N SpkAtt articles")
    parser.add_argument("--verbose", action="store_true", help="print every faulty key point")
    args = parser.parse_args()
    if not SEED.exists():
        print(f"skipped: the shared evaluation data is absent ({SEED} not found)")
        return 0
    config = load_config(model=args.model)
    translator = load_translator(config.translation) if args.model else CopyTranslator()
    pipeline = Pipeline(config, translator)
    articles = [("seed", SEED.read_text(encoding="utf-8"))]
    if ITEMS.exists():
        articles += list(spkatt_articles(ITEMS))[: args.limit]
    totals: dict[str, int] = defaultdict(int)
    for title, text in articles:
        digest = pipeline.digest(text, clean_input=title == "seed")
        counts = score(digest)
        for key, value in counts.items():
            totals[key] += value
        if args.verbose and (
            counts["named"] < counts["quoted"] or counts["framed"] < counts["reported"]
        ):
            print(f"# {title}")
            for point in digest.key_points:
                print("  -", point.en)
    print(f"articles: {len(articles)}")
    print(f"key points: {totals['points']}")
    print(f"with a quote: {totals['quoted']}, naming the speaker: {totals['named']}")
    print(f"reported speech: {totals['reported']}, framed: {totals['framed']}")
    print(f"quotes without a named speaker: {totals['quoted'] - totals['named']}")
    print(f"unframed reported speech: {totals['reported'] - totals['framed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
