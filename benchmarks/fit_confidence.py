"""Fit the weights of the quote finder's confidence model on annotated development pages.

The development pages are German news pages whose quotes helpers annotated without seeing the
quote finder (offsets, speakers and every form the text uses for each speaker; the texts stay
outside the repository, rebuilt by `build_quote_texts.py`):
- `dev-pages-{a,b,c,d}.jsonl`: 80 parser test fixtures of flairNLP/fundus, and
  `dev-pages-e.jsonl`;
- `heldout-pages{3..17}.jsonl`: the sets made blind in earlier rounds, each scored blind at the
  start of its round and development since (their sources: `news-pages-sources.jsonl`).
A set made blind for the current round stays out until its round is scored; sets 18–20 stay
out as checks (the weights in `confidence.py` were fitted on dev a–e and sets 3–17).

The finder runs with no threshold, so every quote keeps its best speaker; each found quote
that matches a true gold quote whose text names a speaker becomes one example: the evidence of
its choice (`kernpunkt.quotes.confidence.Evidence`) and whether the speaker is the right person.
A logistic regression with an L2 penalty, each page weighing the square root of its quotes, is
fitted by Newton's method; a feature that can only lower confidence (`NEGATIVE`) and is fitted
positive is dropped. Printed: the weight table to paste into `confidence.py`, and for each
threshold the share right, credited to another person and left unclear, on the fitted pages and
cross-validated by set (each set scored by weights fitted on the others: the sets come from
different outlets and years, so this is the figure for text the fit never saw), which is the
figure to choose `quotes.min_confidence` by (with `eval_quotes.py --curve` on the shared train
items).

Never fit on the shared SpkAtt data (its licence) nor on a set still blind.

    python benchmarks/fit_confidence.py --set benchmarks/data/dev-pages-a.jsonl TEXTS/dev-pages-a \
        --set benchmarks/data/heldout-pages3.jsonl TEXTS/heldout-pages3 ...
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from eval_quotes_pages import judge, pairs, read_pages

from kernpunkt.config import QuotesConfig
from kernpunkt.quotes import analyse
from kernpunkt.quotes.confidence import Evidence

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
# The L2 penalty: the development pages are few, so the weights stay small and readable.
PENALTY = 2.0
NEWTON_STEPS = 30
# Features that can only make a speaker less likely: another candidate, distance, a thing.
NEGATIVE = frozenset(
    {
        "rival",
        "crowded",
        "gap",
        "distance",
        "thing without a word",
        "from context",
        "indirect",
        "other_after",
    }
)


def examples(sets: list[tuple[Path, Path]]) -> list[tuple[str, str, Evidence, bool]]:
    """Return (set, page, evidence, right) for every found quote matching a true gold quote."""
    config = QuotesConfig(min_confidence=0.0)
    found: list[tuple[str, str, Evidence, bool]] = []
    for pages_file, texts in sets:
        for page, text in read_pages(pages_file, texts):
            body = text[page["body_start"] : page["body_end"]]
            analysis = analyse(body, config)
            for gold, hit in pairs(page, body, analysis.quotes):
                evidence = None if hit is None else analysis.evidence[hit]
                # where the text names nobody, whether a description ("sagt ein Experte") is
                # right is a convention (SpkAtt credits it, these pages' annotators do not)
                if evidence is None or gold["speaker"] is None:
                    continue
                verdict = judge(
                    analysis.quotes[hit], gold, page["mentions"].get(gold["speaker"], [])
                )
                if verdict != "unclear":
                    found.append((pages_file.stem, page["page"], evidence, verdict == "right"))
    return found


def design(evidence: list[Evidence], names: list[str]) -> np.ndarray:
    """Return the feature matrix, a column of ones first."""
    rows = [[1.0] + [e.features()[name] for name in names] for e in evidence]
    return np.array(rows)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, names: list[str]) -> np.ndarray:
    """Return weights whose sign is known to be negative where `NEGATIVE` says so.

    A feature fitted with the wrong sign is dropped and the rest refitted: few examples
    can make a competing person look like a good sign, and the table should read sensibly.
    """
    active = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1])
        w[active] = _newton(x[:, active], y, weight)
        wrong = [i for i, name in enumerate(["bias", *names]) if name in NEGATIVE and w[i] > 0]
        if not wrong:
            return w
        active[wrong] = False


def _newton(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Return L2-penalised, weighted logistic regression weights (the bias unpenalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], PENALTY)
    penalty[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (weight * (p - y)) + penalty * w
        hessian = (x.T * (weight * p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return w


def curve(p: np.ndarray, y: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Return (threshold, right, another person, unclear) shares of the judged quotes."""
    rows = []
    for t in THRESHOLDS:
        named = p >= t
        right, wrong = (named & (y == 1)).sum(), (named & (y == 0)).sum()
        rows.append((t, right / len(y), wrong / len(y), (~named).sum() / len(y)))
    return rows


def page_weights(pages: list[str]) -> np.ndarray:
    """Return each example's weight: a page with n quotes weighs sqrt(n), not n, in all."""
    counts = Counter(pages)
    return (
        np.array([1.0 / np.sqrt(counts[page]) for page in pages])
        * len(pages)
        / sum(np.sqrt(n) for n in counts.values())
    )


def cross_validated(
    sets: list[str], pages: list[str], x: np.ndarray, y: np.ndarray, names: list[str]
) -> np.ndarray:
    """Return each example's probability from weights fitted on the other sets only."""
    p = np.zeros(len(y))
    for held in sorted(set(sets)):
        test = np.array([s == held for s in sets])
        weight = page_weights([page for page, t in zip(pages, test, strict=True) if not t])
        w = fit(x[~test], y[~test], weight, names)
        p[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w)))
    return p


def main() -> None:
    """Fit, print the weight table and the threshold curves."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        nargs=2,
        type=Path,
        action="append",
        required=True,
        metavar=("PAGES", "TEXTS"),
        help="annotations (JSONL) and their texts",
    )
    args = parser.parse_args()
    data = examples(args.set)
    if len({group for group, _, _, _ in data}) < 2:
        parser.error("give at least two sets: each is scored by weights fitted on the others")
    names = list(data[0][2].features())
    sets = [group for group, _, _, _ in data]
    pages = [f"{group}/{page}" for group, page, _, _ in data]
    x = design([e for _, _, e, _ in data], names)
    y = np.array([float(right) for _, _, _, right in data])
    w = fit(x, y, page_weights(pages), names)
    print(f"{len(y)} judged quotes on {len(set(pages))} pages, {int(y.sum())} right")
    print("WEIGHTS: dict[str, float] = {")
    for name, weight in zip(["bias", *names], w, strict=True):
        print(f'    "{name}": {weight:.3f},')
    print("}")
    fitted = 1.0 / (1.0 + np.exp(-(x @ w)))
    held = cross_validated(sets, pages, x, y, names)
    print("threshold | fitted: right, another person, unclear | cross-validated by set")
    for (t, r, wr, u), (_, cr, cw, cu) in zip(curve(fitted, y), curve(held, y), strict=True):
        print(f"{t:.2f} | {r:.3f} {wr:.3f} {u:.3f} | {cr:.3f} {cw:.3f} {cu:.3f}")


if __name__ == "__main__":
    main()
