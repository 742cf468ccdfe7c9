"""Check that `kernpunkt.quotes.find_quotes` takes time linear in its input, on hostile text.

Each input shape is timed at N and 4·N characters (best of three runs, so a run disturbed by
another process does not count); a ratio near 4 is linear, near 16 quadratic. The shapes are
what breaks naive quote finders: thousands of marks of one kind, marks of every kind at random,
one endless sentence full of speech verbs (in Konjunktiv I too), many short attributed quotes,
no letters at all, capitalised words the tagger has never seen (each pair a possible first name
and surname, new words on every call so no cache helps), a first name ending in "s" (a possible
genitive owner) again and again, and real article text when ../shared is there.

It also prints what the grammar layer's tagger (HanTa) adds to start-up, and the time of the
quote stage on a 500-word article (the seed article's first 500 words, repeated if shorter),
against the goal of 0.3 s on 2 cores.

    python benchmarks/bench_quotes.py [--chars 25000] [--seed PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kernpunkt.quotes import find_quotes, grammar

SEED_ARTICLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "article-report24-nordkorea.txt"
)
SCALE = 4
REPEATS = 3
# a ratio above this for SCALE times the input is worse than linear, with room for noise
LINEAR_LIMIT = 2 * SCALE
MARKS = '„“”"»«‚‘ .,:'
UPPER = "ABDFGHKLMNPRSTWZ"
LOWER = "aeioulnrst"
ARTICLE_WORDS = 500
ARTICLE_GOAL_S = 0.3


def repeat(unit: str) -> Callable[[int], str]:
    """Return a maker of text that repeats `unit` up to a length."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def random_marks(n: int) -> str:
    """Return `n` characters of quotation marks, punctuation and two letters, at random."""
    chooser = random.Random(n)
    return "".join(chooser.choice(MARKS + "ab") for _ in range(n))


def unknown_words(n: int) -> str:
    """Return `n` characters of capitalised made-up words around one quote, new on every call."""
    chooser = random.Random()
    words = (
        chooser.choice(UPPER) + "".join(chooser.choice(LOWER) for _ in range(chooser.randint(3, 9)))
        for _ in range(n)
    )
    return ("„Ja“, sagte er. " + " ".join(words))[:n]


def shapes() -> dict[str, Callable[[int], str]]:
    """Return the input shapes by name."""
    found = {
        "opening marks only": repeat("„"),
        "marks at random": random_marks,
        "one endless sentence": repeat("er sagte „nein“ und "),
        "endless reported speech": repeat("sie werde mitteilen, „dass wir nein sagen“ und "),
        "short attributed quotes": repeat("„Ja“, sagte er. "),
        "no letters": repeat("123 !!! ¶ "),
        "unknown capitalised words": unknown_words,
        "first names ending in s": repeat("„Ja“, sagte Thomas Kelix. "),
    }
    if SEED_ARTICLE.exists():
        found["seed article, repeated"] = repeat(SEED_ARTICLE.read_text(encoding="utf-8"))
    return found


def best_time(make: Callable[[int], str], n: int) -> float:
    """Return the fastest of REPEATS runs of find_quotes on `make(n)`, in seconds (a shape that
    makes new text on every call is timed on new text each run)."""
    times = []
    for _ in range(REPEATS):
        text = make(n)
        began = time.perf_counter()
        find_quotes(text)
        times.append(time.perf_counter() - began)
    return min(times)


def startup_and_article(seed: Path) -> None:
    """Print the tagger's load time and the quote stage's time on a 500-word article."""
    grammar.tagger.cache_clear()
    began = time.perf_counter()
    grammar.tagger()
    loaded = time.perf_counter() - began
    print(f"tagger start-up (HanTa model load, once per process): {loaded:.3f}s")
    if not seed.exists():
        print(f"no seed article at {seed}: 500-word timing skipped")
        return
    words = seed.read_text(encoding="utf-8").split()
    article = " ".join((words * (ARTICLE_WORDS // len(words) + 1))[:ARTICLE_WORDS])
    grammar.verb_lemma.cache_clear()
    began = time.perf_counter()
    find_quotes(article)
    cold = time.perf_counter() - began
    print(
        f"quote stage on {ARTICLE_WORDS} words: first run {cold:.3f}s, best of {REPEATS} "
        f"{best_time(lambda _: article, len(article)):.3f}s (goal ≤ {ARTICLE_GOAL_S}s on 2 cores)"
    )


def main(argv: list[str] | None = None) -> int:
    """Time every shape at two sizes and print the ratios; exit 1 if one is not linear."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=25_000, help="the smaller input size")
    parser.add_argument("--seed", type=Path, default=SEED_ARTICLE, help="the seed article")
    args = parser.parse_args(argv)
    startup_and_article(args.seed)
    worst = 0.0
    for name, make in shapes().items():
        small, large = best_time(make, args.chars), best_time(make, SCALE * args.chars)
        ratio = large / small if small else 0.0
        worst = max(worst, ratio)
        print(
            f"{name:25s} {args.chars:>7,} chars {small:7.3f}s  "
            f"{SCALE * args.chars:>8,} chars {large:7.3f}s  ratio {ratio:4.1f}"
        )
    print(
        f"worst ratio {worst:.1f} for {SCALE}x the input (linear ≈ {SCALE}, quadratic ≈ {SCALE**2})"
    )
    return 0 if worst <= LINEAR_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
