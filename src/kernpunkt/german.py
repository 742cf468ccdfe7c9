"""Shared knowledge of German text: function words and word tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence

WORD = re.compile(r"[^\W\d_]+")

# The most frequent German function words; a German text of some length has many of them.
STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ans auch auf aus bei beim bereits bin bis
    bisher bist da dabei dadurch dafür dagegen damit dann dar darauf daran das dass davon dem den
    denn der des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch
    ein eine einem einen einer eines er es etwa euch für gegen gewesen hat hatte hatten hier
    hin ich ihm ihn ihr ihre ihrem ihren ihrer im in ins ist ja jetzt kann kein keine können
    konnte könnte man mehr mein mich mir mit muss nach nicht noch nun nur ob oder ohne schon
    sehr sei sein seine seinem seinen seiner seit sich sie sind so soll sollen sondern sowie
    über um und uns unter vom von vor war waren was weil wenn wer werden wie wieder wir wird
    wurde wurden zu zum zur zwischen
    """.split()
)


def words(text: str) -> list[str]:
    """Return the lower-cased words of `text` (letters only, numbers left out)."""
    return WORD.findall(text.lower())


def stopword_ratio(text: str) -> tuple[int, float]:
    """Return the number of words in `text` and the share of them that are German stopwords."""
    tokens = words(text)
    if not tokens:
        return 0, 0.0
    return len(tokens), sum(token in STOPWORDS for token in tokens) / len(tokens)


def contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    """Return whether the words `needle` occur in a row in `haystack`."""
    n = len(needle)
    return n > 0 and any(
        tuple(haystack[i : i + n]) == tuple(needle) for i in range(len(haystack) - n + 1)
    )
