"""Flag translations that look broken: odd length, a looping decoder, numbers gone missing."""

from __future__ import annotations

import re
from collections import Counter

from kernpunkt.config import ChecksConfig
from kernpunkt.document import Notice

UNTRANSLATED = "untranslated"  # the model failed: the German text stands in for the English
CUT_SHORT = "cut-short"  # the decoder reached its position limit before the end token
NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
WORD = re.compile(r"\w+")
# German "10.000" is English "10,000", "4,5" is "4.5": compare digits only.
NON_DIGIT = re.compile(r"\D")


def digit_groups(text: str) -> Counter[str]:
    """Return the numbers in `text`, as digit strings without separators."""
    return Counter(NON_DIGIT.sub("", match) for match in NUMBER.findall(text))


def repeated_ngram(text: str, n: int, times: int) -> str | None:
    """Return an n-gram of words that occurs at least `times` times in `text`, if any."""
    words = WORD.findall(text.lower())
    grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    for gram, count in grams.most_common(1):
        if count >= times:
            return " ".join(gram)
    return None


def check_translation(
    de: str, en: str, config: ChecksConfig, index: int | None = None
) -> list[Notice]:
    """Return notices for the ways the translation `en` of `de` looks broken."""
    notices = []
    if len(de) >= config.min_chars:
        ratio = len(en) / len(de)
        if not config.min_length_ratio <= ratio <= config.max_length_ratio:
            notices.append(
                Notice(
                    "length-ratio",
                    f"the translation is {ratio:.2f} times as long as the German sentence",
                    index,
                )
            )
    loop = repeated_ngram(en, config.repeated_ngram, config.repeated_times)
    if loop:
        notices.append(Notice("repetition", f"the translation repeats “{loop}”", index))
    missing = digit_groups(de) - digit_groups(en)
    if missing:
        numbers = ", ".join(sorted(missing))
        notices.append(
            Notice("missing-number", f"numbers missing in the translation: {numbers}", index)
        )
    return notices
