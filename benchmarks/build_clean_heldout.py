"""Rebuild a blind held-out set of the cleaner outside the repository.

Five sets, each a gold file: `benchmarks/data/clean-heldout.jsonl` (18 German pages, 17 sites),
`benchmarks/data/clean-heldout2.jsonl` (21 German and Austrian pages, 9 sites),
`benchmarks/data/clean-heldout3.jsonl` (24 pages of 24 sites: 22 pages of news, opinion and
blog sites crawled in 2021, from andreeaiana/renewrs_corpus_extraction, none a training site;
derstandard.at and diepresse.com from damoeb/feedless's test fixtures, both fundus
publishers; 89 article and 129 boilerplate snippets) and `benchmarks/data/clean-heldout4.jsonl`
(20 pages of 17 sites: 14 of the same crawl, of outlets set 3 leaves out, and 6 SPIEGEL, SZ and
ZEIT pages of dankito/Readability4J, zeeguu/api and dankito/WebContentExtractor; 15 of the
sites are fundus publishers, opposition24 and pi-news are not; 80 article and 90 boilerplate
snippets) and `benchmarks/data/clean-heldout5.jsonl` (22 pages of 12 mainstream outlets of the
same crawl, on wind power and homeopathy, all fundus publishers; 88 article and 122 boilerplate
snippets, the boilerplate chosen near the article). Per page
it holds the gold snippets that must stay ('with': first, middle and last paragraph of the
article) and must go ('without': navigation, teasers, prompts, credits, all present in the pasted
text), and where the page comes from (`origin`: OWNER/NAME@COMMIT:PATH, the test fixtures of
public extraction, reader and crawler projects: rijkvp/article-extractor, fa-krug/Yana,
opendatalab/magic-html, j0k3r/graby, smallrivers/ and skyshard/snacktory for the first set;
pangratz/derstandard.at-comments, DucAnhPhi/NewsSearchEngine and mitul-kalariya/scrapping-webs
for the second). Where the file is a crawler's JSON record, `field` names the string that holds
the page (dotted keys, a number indexes a list), written out as UTF-8. Helpers chose the pages
and wrote the snippets blind to the cleaner; no page is a training page (`train_clean.py`), a
page of trafilatura's tests or of ../shared/data/clean. Sites do overlap with training: five
of the first set's (golem, heise, spiegel, tagesschau, merkur: six pages) and every site of the
second are fundus publishers, whose other pages the classifier was trained on; the first set's
other 12 pages are of sites no training page is from. The pages themselves are copyrighted and
stay out of the repository.

Each page is read from a bare mirror (`MIRRORS/OWNER+NAME/repo`, as the `fetch` tool or
`git clone --bare` leaves it) and written as the shared set is: the raw HTML, the select-all
copy of headless Chromium with scripts off (served with its bytes, so the browser reads the
charset as it would), and the `w3m -dump` at 80 columns; `score.py` is copied from the shared
set. Then `eval_clean.py --data OUT` scores it.

    python benchmarks/build_clean_heldout.py --mirrors /work/.mirror --out /work/cleanheld
    python benchmarks/build_clean_heldout.py --mirrors /work/.mirror --out /work/cleanheld2 \
        --gold benchmarks/data/clean-heldout2.jsonl
    python benchmarks/build_clean_heldout.py --mirrors /work/.mirror --out /work/cleanheld3 \
        --gold benchmarks/data/clean-heldout3.jsonl
    python benchmarks/build_clean_heldout.py --mirrors /work/.mirror --out /work/cleanheld4 \
        --gold benchmarks/data/clean-heldout4.jsonl
    python benchmarks/build_clean_heldout.py --mirrors /work/.mirror --out /work/cleanheld5 \
        --gold benchmarks/data/clean-heldout5.jsonl
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from build_quote_texts import Mirrors
from eval_clean import SCORER
from train_clean import CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Route

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "clean-heldout.jsonl"
ADDRESS = "http://page.local/"
RENDER_TIMEOUT_MS = 30_000
W3M = ["w3m", "-dump", "-cols", "80", "-T", "text/html", "-O", "UTF-8", "-I"]


def charset(data: bytes) -> tuple[str, str]:
    """Return the content type to serve a page with, and w3m's input encoding for it."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html", "CP1252"
    return "text/html; charset=utf-8", "UTF-8"


def field_value(data: bytes, field: str) -> bytes:
    """Return the string at the dotted `field` of a JSON document, encoded as UTF-8."""
    value = json.loads(data)
    for key in field.split("."):
        value = value[int(key)] if isinstance(value, list) else value[key]
    return value.encode("utf-8")


def page_bytes(mirrors: Mirrors, item: dict) -> bytes:
    """Return the HTML of a gold entry's page: its origin file, or the JSON field it names."""
    repo, _, spec = item["origin"].partition("@")
    data = mirrors.show(repo, spec)
    return field_value(data, item["field"]) if "field" in item else data


def serve(body: bytes, content_type: str) -> Callable[[Route], None]:
    """Return a route handler that answers with the page's own bytes."""
    return lambda route: route.fulfill(
        status=200, body=body, headers={"content-type": content_type}
    )


def build(mirrors: Path, gold: Path, out: Path) -> None:
    """Write every page of the `gold` set, its copies and the gold file under `out`."""
    from playwright.sync_api import TimeoutError as PageTimeout
    from playwright.sync_api import sync_playwright

    pages_from = Mirrors(mirrors)
    pages = out / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    items = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(java_script_enabled=False, offline=True)
        for item in items:
            data = page_bytes(pages_from, item)
            content_type, encoding = charset(data)
            (pages / f"{item['id']}.html").write_bytes(data)
            page = context.new_page()
            page.route(ADDRESS, serve(data, content_type))
            page.route(lambda url: url != ADDRESS, lambda route: route.abort())
            try:
                page.goto(ADDRESS, wait_until="load", timeout=RENDER_TIMEOUT_MS)
            except PageTimeout:
                # a subresource that never settles: the document is there all the same
                print(f"{item['id']}: load did not finish, read as it stands")
            text = page.evaluate("document.body ? document.body.innerText : ''")
            (pages / f"{item['id']}.txt").write_text(text, encoding="utf-8")
            page.close()
            dump = subprocess.run([*W3M, encoding], input=data, capture_output=True, check=True)
            (pages / f"{item['id']}.w3m.txt").write_bytes(dump.stdout)
        browser.close()
    (out / "gold.jsonl").write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8"
    )
    shutil.copyfile(SCORER, out / SCORER.name)
    print(f"{len(items)} pages written to {out}")


def main() -> None:
    """Rebuild the set from the mirrors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="folder of bare mirrors")
    parser.add_argument("--out", type=Path, required=True, help="where the set is written")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file of the set to rebuild")
    args = parser.parse_args()
    if not SCORER.exists():
        raise SystemExit(f"the shared scorer is absent ({SCORER} not found)")
    build(args.mirrors, args.gold, args.out)


if __name__ == "__main__":
    main()
