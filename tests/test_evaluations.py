"""The figures the issues ask for, held through the evaluation scripts' own scoring.

A change that costs a quote, a speaker or a key point's attribution anywhere in the sets shows
here. The SpkAtt sets and the seed article are evaluation data outside the repository
(../shared; these tests skip without it); the held-out passages ship with kernpunkt.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import count_lists
import eval_clean
import eval_keypoints
import eval_quotes
import eval_quotes_pages
import pytest

from kernpunkt.config import load_config
from kernpunkt.pipeline import Pipeline

SPKATT = dict(eval_quotes.SETS)
needs_spkatt = pytest.mark.skipif(
    not eval_quotes.DATA_DIR.is_dir(),
    reason=f"SpkAtt evaluation data not found at {eval_quotes.DATA_DIR}",
)


def spkatt_figures(name: str) -> dict[str, float]:
    """Return the figures of one SpkAtt set."""
    return eval_quotes.score_set(eval_quotes.load(eval_quotes.DATA_DIR / SPKATT[name])).figures()


@needs_spkatt
@pytest.mark.parametrize("name", ["items", "mark variants"])
def test_spkatt_quotes_are_found_and_attributed_as_the_issue_asks(name: str) -> None:
    got = spkatt_figures(name)
    assert got["F1"] >= 0.97, got
    # the confidence model leaves unsure speakers unclear: fewer right, and fewer wrong
    assert got["speaker"] >= 0.87, got
    assert got["wrong"] <= (0.055 if name == "items" else 0.06), got


@needs_spkatt
def test_whole_articles_keep_precision_at_high_recall() -> None:
    got = spkatt_figures("whole articles")
    assert got["P"] >= 0.90, got
    assert got["R"] >= 0.95, got


@needs_spkatt
def test_mark_pairing_alone_is_the_baseline_the_frames_beat_on_whole_articles() -> None:
    path = eval_quotes.DATA_DIR / SPKATT["whole articles"]
    baseline = eval_quotes.score_set(eval_quotes.load(path), eval_quotes.marks_only).figures()
    assert baseline["P"] < 0.6 < spkatt_figures("whole articles")["P"]


# Held-out D (web news: standalone quote paragraphs, alternating speakers, descriptions) is
# harder than A-C; its guard is its first run (speaker 0.872, wrong 0.093), never tuned on.
# Held-out E (two or three people alternating, pronouns, standalone quote paragraphs): first run
# speaker 0.839, wrong 0.129.
# The confidence model left a few more of D's and E's speakers unclear (speaker 0.884 → 0.872
# and 0.919 → 0.903), wrong names unchanged (0.081, 0.032).
HELDOUT_SPEAKER = {"heldout-d.jsonl": 0.85, "heldout-e.jsonl": 0.88}
HELDOUT_WRONG = {"heldout-d.jsonl": 0.094, "heldout-e.jsonl": 0.13}


@pytest.mark.parametrize("filename", [filename for _, filename in eval_quotes.HELDOUT_SETS])
def test_held_out_passages_keep_their_quotes_and_speakers(filename: str) -> None:
    path = eval_quotes.HELDOUT_DIR / filename
    got = eval_quotes.score_set(eval_quotes.load_heldout(path)).figures()
    assert got["F1"] >= 0.97, got
    assert got["speaker"] >= HELDOUT_SPEAKER.get(filename, 0.92), got
    assert got["wrong"] <= HELDOUT_WRONG.get(filename, 0.07), got


@pytest.mark.skipif(
    not eval_keypoints.ITEMS.exists(),
    reason=f"SpkAtt evaluation data not found at {eval_keypoints.ITEMS}",
)
def test_every_quote_in_a_key_point_names_its_speaker_and_claims_are_framed() -> None:
    pipeline = Pipeline(load_config(), eval_keypoints.CopyTranslator())
    totals = dict.fromkeys(("points", "quoted", "named", "reported", "framed"), 0)
    for _, text in eval_keypoints.spkatt_articles(eval_keypoints.ITEMS):
        for key, value in eval_keypoints.score(pipeline.digest(text, clean_input=False)).items():
            totals[key] += value
    assert totals["quoted"] > 400, totals
    assert totals["named"] == totals["quoted"], totals
    assert totals["framed"] == totals["reported"], totals


def test_page_scoring_skips_an_absent_text_aloud_and_refuses_another_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "„Wir bleiben“, sagte Anna Roth.\n"
    pages = tmp_path / "pages.jsonl"
    rows = [
        {"page": "Here", "file_sha1": hashlib.sha1(text.encode()).hexdigest()},
        {"page": "Gone", "file_sha1": "0" * 40},
    ]
    pages.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    (tmp_path / "Here.txt").write_text(text, encoding="utf-8")
    assert [page["page"] for page, _ in eval_quotes_pages.read_pages(pages, tmp_path)] == ["Here"]
    assert "Gone.txt not in" in capsys.readouterr().err
    (tmp_path / "Gone.txt").write_text("another version\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="not the annotated version"):
        list(eval_quotes_pages.read_pages(pages, tmp_path))


@pytest.mark.skipif(
    not eval_clean.SCORER.exists(), reason=f"cleaning scorer not found at {eval_clean.SCORER}"
)
def test_cleaning_is_scored_on_another_set_of_the_same_shape(tmp_path: Path) -> None:
    (tmp_path / "score.py").write_bytes(eval_clean.SCORER.read_bytes())
    (tmp_path / "pages").mkdir()
    body = (
        "Die Stadt Kiel baut im kommenden Jahr drei neue Schulen für über tausend Kinder. "
        "Der Rat hat den Plan am Montag nach langer Debatte mit großer Mehrheit beschlossen."
    )
    (tmp_path / "pages" / "kiel.txt").write_text(
        f"Startseite\nNewsletter abonnieren\nSchulen für Kiel\n{body}\n{body}\nImpressum\n",
        encoding="utf-8",
    )
    item = {
        "id": "kiel",
        "source_url": "",
        "text": "pages/kiel.txt",
        "with": ["drei neue Schulen"],
        "without": ["Newsletter abonnieren"],
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = eval_clean.score("text", ["cat"], 1, tmp_path)
    assert result["overall"]["tp"] == 1 and result["overall"]["fp"] == 1, result


def test_listed_words_are_those_of_word_lists_split_strings_and_patterns_not_tags() -> None:
    source = """
import re
SPEECH = frozenset({"sagen", "erklären", "betonen"})
TAGS = frozenset({"NN", "NE", "VVFIN"})
ROLES = "Minister Sprecherin".split()
CUE = re.compile(r"\\b(?:laut|zufolge)\\b")
PAIR = ("eins", "zwei")
MESSAGE = "a sentence, no list"
"""
    assert sorted(count_lists.listed_words(source)) == sorted(
        ["sagen", "erklären", "betonen", "Minister", "Sprecherin", "laut", "zufolge"]
    )


def test_quote_finder_lists_fewer_words_than_before_issue_11() -> None:
    # issue 11: the grammar layer reads what lists of written-out forms used to
    assert sum(count_lists.tree_count().values()) < count_lists.BEFORE_ISSUE_11_WORDS
