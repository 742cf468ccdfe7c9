"""The article region of a page: the densest run of paragraphs, widened to headline and lead."""

from __future__ import annotations

from collections.abc import Callable

from kernpunkt.clean.lines import Line
from kernpunkt.clean.rules import is_sentence

# --- scores for finding the body ------------------------------------------------------------

# A paragraph scores its word count less this; other lines cost a fixed amount.
GOOD_OFFSET = 5
SHORT_COST = 5
INLINE_COST = 2
BLOCKING_COST = 15
# After an appeal or a teaser heading, the article only goes on with this much text (about two
# full paragraphs); less is the promotion the heading introduces.
RESUME_MIN_SCORE = 100
HEADLINE_MIN_WORDS = 4
HEADLINE_SEARCH_LINES = 8


def score(line: Line) -> int:
    """Return how much a line speaks for the body around it (negative: against)."""
    if line.body:
        return line.words - GOOD_OFFSET if line.good else -SHORT_COST
    return -BLOCKING_COST if line.blocking else -INLINE_COST


def densest_span(scores: list[int]) -> tuple[int, int] | None:
    """Return the first and last index of the run with the highest total score, or None."""
    best, best_span = 0, None
    total, start = 0, 0
    for index, value in enumerate(scores):
        if total <= 0:
            total, start = 0, index
        total += value
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def select_body(lines: list[Line]) -> list[bool]:
    """Return which lines are body: the densest run, widened to headline, lead and subheads."""
    scores = [score(line) for line in lines]
    span = densest_span(scores)
    if span is None:
        # No paragraph anywhere (a headline alone, a list): keep what is not boilerplate.
        return [line.body for line in lines]
    first, last = core(lines, scores, *span)
    first = extend_up(lines, first)
    last = extend_down(lines, last)
    return [
        first <= index <= last and (line.body or line.reason == "duplicate")
        for index, line in enumerate(lines)
    ]


def core(lines: list[Line], scores: list[int], first: int, last: int) -> tuple[int, int]:
    """Return the part of the densest run that is the article, cut at appeals and teaser lists.

    The densest run may reach over an appeal or a teaser heading into a promotion behind it;
    the article is the strongest stretch between such lines, and goes on past one only where
    a substantial stretch of text follows (as with a donation box in mid-article), on either
    side; `extend_up` then finds the lead and the headline above.
    """
    cuts = [index for index in range(first, last + 1) if lines[index].blocking]
    pieces = [
        (start, end)
        for start, end in zip([first, *(cut + 1 for cut in cuts)], [*cuts, last + 1], strict=True)
        if start < end
    ]
    totals = [sum(scores[start:end]) for start, end in pieces]
    best = totals.index(max(totals))
    start, end = pieces[best]
    for index in range(best + 1, len(pieces)):
        if totals[index] < RESUME_MIN_SCORE:
            break
        end = pieces[index][1]
    for index in range(best - 1, -1, -1):
        if totals[index] < RESUME_MIN_SCORE:
            break
        start = pieces[index][0]
    return start, end - 1


def extend_up(lines: list[Line], first: int) -> int:
    """Return the first body line above `first`: leads and subheads up to the headline.

    Between headline and text sit bylines, credits, share bars and teaser boxes; they are
    crossed. A short line below a paragraph is a subhead; one without a paragraph above is the
    headline, and the article starts there (or one line higher, with a kicker: rubrics and menu
    entries right above a headline are shorter).
    """
    index = first - 1
    while index >= 0:
        line = lines[index]
        if not line.body or line.good:
            first = index if line.body else first
            index -= 1
            continue
        first = index
        above = nearest(lines, index - 1, -1, lambda other: other.body)
        if above is None or not above.good:
            return headline_start(lines, index)
        index -= 1
    return first


def headline_start(lines: list[Line], top: int) -> int:
    """Return where the article starts, given the top short line of the text below.

    A headline has a few words; shorter lines (author, rubric, "Nächster") are passed over, a
    few lines at most, and removed. A kicker or a second headline line right above the headline
    belongs to it.
    """
    for index in range(top, max(top - HEADLINE_SEARCH_LINES, -1), -1):
        line = lines[index]
        if not line.body:
            continue
        if is_headline(line.text, line.words):
            above = lines[index - 1] if index > 0 else None
            kicker = (
                above is not None
                and above.body
                and not above.good
                and above.words >= HEADLINE_MIN_WORDS
            )
            return index - 1 if kicker else index
        line.mark("navigation")
    return top + 1


def extend_down(lines: list[Line], last: int) -> int:
    """Return the last body line below `last`: paragraphs after subheads and inline boxes.

    Appeals, teaser headings and comment sections end the article; a short line goes on only
    when a paragraph follows it, or when it is a sentence of its own ("Gerne. Bis morgen.").
    """
    index = last + 1
    while index < len(lines):
        line = lines[index]
        if line.blocking:
            break
        if not line.body or line.good:
            last = index if line.body else last
            index += 1
            continue
        below = nearest(lines, index + 1, 1, lambda other: other.body or other.blocking)
        if below is not None and below.body and below.good:
            last = index
            index += 1
            continue
        if is_sentence(line.text):
            last = index
        break
    return last


def is_headline(text: str, count: int) -> bool:
    """Whether a short line can be a headline: names and rubrics have few, capitalised words."""
    return count >= HEADLINE_MIN_WORDS or (
        count >= HEADLINE_MIN_WORDS - 1 and any(word[0].islower() for word in text.split())
    )


def nearest(
    lines: list[Line], start: int, step: int, wanted: Callable[[Line], bool]
) -> Line | None:
    """Return the first line from `start` on, going by `step`, that is `wanted`, or None."""
    index = start
    while 0 <= index < len(lines):
        if wanted(lines[index]):
            return lines[index]
        index += step
    return None
