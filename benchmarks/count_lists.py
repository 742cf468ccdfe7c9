"""Count the words the quote finder lists by hand, at any revision, to see whether the lists grow.

Issue 11 asked for word lists that shrink rather than grow (a list that grows fits the pages
one looked at). A listed word is a run of two or more letters inside a word list of
`src/kernpunkt/quotes/` or `src/kernpunkt/german.py`: a set, list or tuple literal of at
least three strings, a string split into words (`"a b c".split()`) or a compiled pattern.
STTS tags (all capitals: "NN", "VVFIN") are names of the tagger's classes, not words, and are
left out; so are the escapes of a pattern (`\\b`, `\\w`). A revision's files are read with
`git show`; without revisions the working tree is counted against the count before issue 11
(BEFORE_ISSUE_11_WORDS, which the tests hold the tree below).

    python benchmarks/count_lists.py [REV ...]   # e.g. 026b07e HEAD
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The last commit before issue 11's first change to the quote finder, and its count.
BEFORE_ISSUE_11 = "026b07e"
BEFORE_ISSUE_11_WORDS = 1550
FOLDERS = ("src/kernpunkt/quotes/", "src/kernpunkt/german.py")
WORD = re.compile(r"(?<![\\\w])[^\W\d_]{2,}")
# A list literal holds at least this many strings.
MIN_LIST_STRINGS = 3


def listed_words(source: str) -> list[str]:
    """Return the words that the word lists, split strings and patterns of a module hold."""
    lists: list[ast.AST] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            strings = [
                e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            if len(strings) >= MIN_LIST_STRINGS:
                lists.append(node)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "split" and isinstance(node.func.value, ast.Constant):
                lists.append(node.func.value)
            elif node.func.attr == "compile" and node.args:
                lists.append(node.args[0])
    seen: set[int] = set()
    words: list[str] = []
    for root in lists:
        for node in ast.walk(root):
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words += [w for w in WORD.findall(node.value) if not w.isupper()]
    return words


def modules(revision: str) -> list[str]:
    """Return the Python files of the counted folders at `revision`."""
    listing = git("ls-tree", "-r", "--name-only", revision, "--", *FOLDERS)
    return [path for path in listing.split() if path.endswith(".py")]


def tree_count() -> dict[str, int]:
    """Return the listed words of each counted module in the working tree."""
    paths = sorted(
        path
        for folder in FOLDERS
        for path in ((ROOT / folder).rglob("*.py") if folder.endswith("/") else [ROOT / folder])
    )
    return {
        str(path.relative_to(ROOT)): len(listed_words(path.read_text(encoding="utf-8")))
        for path in paths
    }


def git(*args: str) -> str:
    """Return the output of a git command run in the repository."""
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def count(revision: str) -> dict[str, int]:
    """Return the listed words of each counted module at `revision`."""
    return {
        path: len(listed_words(git("show", f"{revision}:{path}"))) for path in modules(revision)
    }


def show(label: str, counts: dict[str, int]) -> None:
    """Print the listed words in all and per module."""
    print(f"{label}: {sum(counts.values()):,} listed words")
    for path, words in counts.items():
        if words:
            print(f"  {words:5d}  {path}")


def main() -> None:
    """Print the listed words per module and in all, for each revision or the working tree."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="*")
    revisions = parser.parse_args().revisions
    if not revisions:
        print(f"before issue 11 ({BEFORE_ISSUE_11}): {BEFORE_ISSUE_11_WORDS:,} listed words")
        show("working tree", tree_count())
    for revision in revisions:
        label = git("log", "-1", "--format=%h %ad", "--date=short", revision).strip()
        show(f"{revision} ({label})", count(revision))


if __name__ == "__main__":
    main()
