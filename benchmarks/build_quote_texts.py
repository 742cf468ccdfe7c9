"""Rebuild the plain-text news pages that the quote benchmarks score on, outside the repository.

The annotations in `benchmarks/data/{dev-pages-*,heldout-pages*}.jsonl` hold offsets into plain
texts that are not shipped: each text is rebuilt here from the public file that
`benchmarks/data/news-pages-sources.jsonl` names (repository, commit or blob, path), read from a
bare mirror of that repository (`MIRRORS/OWNER+NAME/repo`, or the `.git` inside it, as the
`fetch` tool leaves it). Every text is one block per line (headline, teaser, subheadings,
paragraphs), each block with its whitespace collapsed and soft hyphens taken out, and ends in a
newline.

Where the blocks come from:

- flairNLP/fundus parser fixtures: the curated article of the fixture's parser version in the
  publisher's JSON beside it (title, summary, then each section's headline and paragraphs). Some
  pages show another headline than the curated title (the page's own headline without its
  kicker), leave out a curated block (a byline, a teaser) or show list items the curated article
  lacks; older fixtures hold only a title. For those the text is the chosen block elements of
  the fixture's HTML (`RECIPES`: which headline, which blocks by position).
- lhandrena/RAG-Evaluation tagesschau dumps: the non-empty lines of the Markdown file without
  the lines the source entry's `left_out` names.
- martinvirtel/newsmlg2-testdata (NewsML-G2 items in a tar.xz) and maximgrafin/neuroNews (dpa
  digitalwires items in a JavaScript array): headline and paragraphs of the item's XHTML, without
  genre line and byline.
- ZeitOnline/vivi test content: the article XML's body blocks (title, subtitle, paragraphs,
  intertitles; picture captions left out), as `RECIPES` chooses them.
- ZurichNLP/20min-XD (a TSV row by `row_id`: headline, lead, the tagged content up to its
  closing "Folgst du …" teaser), Informfully/Platform (NZZ articles in a JavaScript fixtures
  file: title, lead, paragraphs) and nguyenvulebinh/trends (pages saved as Jekyll posts: the
  lines after the linked headline without images, embed notices, ad labels, "Lesen Sie auch"):
  each line as the source has it, stripped, its no-break spaces kept (`VERBATIM`).
- die-tageszeitung/taz-neo.ios (a taz e-paper issue, one XHTML page per article): roof line,
  headline, sub-headline, lead, paragraphs and subheadings (`TAZ_BLOCKS`), without photos,
  captions, author and side boxes, bylines and a closing agency credit.
- eklausme/saaze-wendt (Publico magazine posts in Markdown): the front matter's title and
  subtitle, then the body's paragraphs, headings and block quotes up to the reader comments,
  without figures, embeds and the magazine's own notes; links keep their text, tags and emphasis
  marks go.
- Media-Bias-Analysis-Group/Media-Bias-Identification-System-for-German-News-Articles (plain-text
  articles of its evaluation set, mid-2018: Bild, Frankfurter Rundschau, junge Welt and fringe
  outlets; UTF-8 or Windows-1252): each line, whitespace collapsed.
- lsolcher/mlFakeNewsDetection (a `|`-separated CSV of scraped article bodies, url|body, the row
  by `row_id`: Junge Freiheit 2018 and dpa items on sueddeutsche.de): the body without the
  captions and lines the source entry's `drop` names and an embedded chart script, each line
  split where a paragraph is glued to the sentence before it ("…sagte er.Der …"); with the
  entry's `loose_glue` also after an acronym, a quotation or a bracket ("…der JF.Doch …",
  "…gesagt hat“.Auch …", "…(CDU).Die …", "…Solidarität“Die …"), and the subheadings its
  `headings` names (glued without a mark: "…mit den RadikalenEine …") on lines of their own.
- FANG-COVID/FANG-COVID_DATASET (CSV files of scraped articles in zip archives, the row by
  `row_id`: Freie Welt, Contra Magazin and Kopp Report, 2020): the lines of the row's article,
  without its header field (which belongs to other rows).
- wmt-conference/wmt21-news-systems (the WMT 2021 news test set de-fr, German articles of summer
  2020, the document by `doc_id`): the paragraphs of the German source side, headline first,
  each paragraph's sentences joined by spaces.
- wmt-conference/wmt22-news-systems and wmt-conference/wmt23-news-systems (the WMT 2022 and 2023
  general test sets, their German source side as plain text, one segment a line: German-original
  articles of December 2021 and of February 2023): the lines the source entry names (`lines`, or
  `line_start` to `line_end`), each a block; the WMT 2022 segments are sentences (its source has
  no paragraph marks), the WMT 2023 ones paragraphs (captions and repeated headlines left out).
- wmt-conference/wmt24-news-systems (the WMT 2024 general test set en-de; unlike the other sets
  not German originals but professional German translations of English news of January 2024,
  its reference translation A, one segment a line): the lines of the document the source entry
  names by `docid` in the line-aligned metadata file (`meta_path`), which must be its 0-based
  `first_line` to `last_line`, each a block.
- Helsinki-NLP/OPUS-MT-testsets (the WMT 2020 news test set de-en, newstest2020, its German
  source side as plain text, one paragraph a line: German-original articles of late September
  2019; and the WMT 2019 to 2008 ones, newstest2019 down to newstest2008, one sentence a line:
  German-original articles of 2018, summer 2017 and summer 2016 and of the earlier sets, their
  boundaries set by reading; newstest2008 to newstest2010 from the German side of its
  datasets/statmt copy): the lines the source entry names (`lines`, 1-based; a date line,
  bylines, photo captions, teasers of other articles, a video teaser and a quote that lost its
  opening mark left out), each a block, or a list of them joined by spaces (a paragraph or a
  quote over several sentences: the newstest2011 and newstest2012 pages, two of newstest2013;
  a lead or a quote over several sentences of the newstest2008 to newstest2010 pages); the
  document ids (`doc_id`) are those of WMT-Metrics-task/wmt20-metrics.
- Scraped pages (mitul-kalariya/*, rijkvp/article-extractor, damoeb/feedless, fa-krug/Yana) and
  the German test pages of HTML extractors (dankito/Readability4J: FAZ, SPIEGEL, SZ and ZEIT of
  November 2017 and January 2018, each its `source.html`; dankito/WebContentExtractor: a SPIEGEL
  page of 2026): the chosen block elements of the stored HTML (`RECIPES`).
- Data-Science-for-Linguists-2021/Fl-chtlingskrise-Sentiment-Analysis (Jupyter notebooks): the
  text of a sueddeutsche.de article of December 2015 that a cell printed, one block.
- oliverpera/comparison_news_reports (scraped paragraphs of Bild, Focus, FAZ, taz and tagesschau
  of 2020, 2022 and 2023 in plain-text files, of SPIEGEL and Focus in JSON lists): the lines the
  source entry names, without captions, teaser and shop links and comment prompts; lines a link
  split are joined again.
- hanna-rodler/news-backend (ORF articles of November 2024 to January 2025 in JavaScript
  modules, the object exported as the source entry's `export` or `article`): title, lead, then
  the content's paragraphs and subheadings (or its lines where it is plain text); the modules'
  quote mark-up and rewritten versions are not read.
- canrollas/news_crawler (a crawl of spiegel.de of December 2024 in a JSON list, the item by
  `entry`, checked against its `url`; the crawl dropped the text of links): the title, then the
  content, cut into blocks where the image captions and the SPIEGEL+ notice that the entry's
  `drop` names are taken out.
- ZeitOnline/zeit.importer (K4 print exports of DIE ZEIT articles of 2009 and 2017, test
  documents of the print importer): the paragraphs of the story without captions, photo credits,
  end notes and author lines; a headline and teaser exported after the body (`front`) moved to
  the start, a byline printed at the end of the teaser (`strip_byline`) cut off.
- tonkajekralj/Projekt (a MySQL dump of a student project with WELT articles of June 2024, the
  row of `table` by `row_id`): title, teaser, then the lines of the content.
- juliakarst/NewsWebcrawler (a scrapy CSV export of Tagesspiegel articles of 2020 and 2021, the
  0-based data row by `row_id`, checked against its `url`): the kicker and the headline that the
  title joins with " . ", then the article text cut to its first `keep_chars` characters (the
  scraper took the texts of links out of their place and appended them after the last
  paragraph), split into paragraphs at the runs of spaces after a sentence's end.
- boscho87/blick-crawl (a scrapy JSON export of Blick articles of late August 2021 that the
  crawler committed as an example and deleted later, the item by `row_id`, checked against its
  `article_id`): the title without the site's " - Blick", the teaser, then the subheadings and
  paragraphs of the body, without the paragraphs that are only a link (teasers of other
  articles); line breaks become spaces, tags go, entities are decoded.
- astarub/campus_app (an RSS test fixture of the Ruhr-Universität Bochum news portal of September
  2022 in a Dart file, the item by `guid`): title, description, then the paragraphs, headings and
  list items of the item's escaped HTML content, without the portal's [infobox], [zitat] and
  [bild] placeholders.
- uscw/goettinger-klimabuendnis (Hugo posts in Markdown: press releases of Göttingen climate
  groups, 2021 to 2026): the front matter's quoted title and subtitle, then the body's paragraphs
  with each heading line a block of its own; setext underlines, block-quote, heading and list
  marks, images, link targets, shortcodes, bold marks and escapes go, links keep their text,
  image captions ("Bildunterschrift: …") are left out.
- amcat/amcat (Factiva HTML exports that its upload tests read: Zofinger Tagblatt of 2011, Die
  Südostschweiz of 2013, Die Weltwoche of 2012 and 2013, the article by its 0-based
  `article_index`, checked against its Factiva `document` id): the headline, then the article's
  paragraphs; tags become spaces, entities are decoded; author, word count, date, outlet,
  copyright and document lines are left out. The last article of an export opens otherwise
  (`id="lastArticle"`) and stays with the one before it, its headline left out (two pages).
- nadezdaalexandrovna/kw-extractor-salto (salto.bz articles of 2014, test files of a keyword
  extractor with "TITLE:", "TEASER:" and "BODY:" fields): title, teaser, then the lines of the
  body, without the blocks that are only a link ("Den ganzen Beitrag lesen Sie hier.", the
  entry's `drop`) and with the link sentences its `strip_suffixes` names cut off a block's end.
- andreeaiana/renewrs_corpus_extraction (scraped German news of 2015 to 2020, one JSON file an
  article: Bild, Cicero, FAZ, Focus, Freitag, junge Welt, Merkur, nd, n-tv, SZ, SPIEGEL, Stern,
  tagesschau.de, t-online, Tagesspiegel, taz, Vice, Welt): title, description, then each body
  section's subheading and paragraphs, without the blocks at the entry's 0-based `drop_blocks`
  (promos, "Lesen Sie auch" links, poll and author notes; an empty description counts).
- huggingface/datasets (the German MLSUM dummy data of its mlsum and gem loaders, Süddeutsche
  Zeitung articles of 2010 to 2020; the record by `url` in the zip archive's JSON or JSON-lines
  `member`): title, the summary where the text opens with it, the rest of the text; photo
  captions ("Detailansicht öffnen … (Foto: …)") and the bylines, link labels and promos of the
  entry's `remove` are cut out.
- zeeguu/api (plain-text test articles of SPIEGEL and FAZ, 2019 and 2023): each chunk between
  blank lines a block, without the entry's 0-based `drop_chunks` (a dateline, an embed notice),
  each line of its `split_line_chunks` (kicker, headline, teaser) a block of its own.

Each text's SHA-1 is what the annotations' `file_sha1` checks (`eval_quotes_pages.py` refuses a
text that is not the annotated version); the script reports, per set, how many texts it wrote
and which it could not build. It reads nothing but the sources file and the mirrors.

    python benchmarks/build_quote_texts.py --mirrors /work/.mirror --out /work/qdata
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import html
import io
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "benchmarks" / "data" / "news-pages-sources.jsonl"
SPACES = re.compile(r"\s+")
SOFT_HYPHEN = "\u00ad"
# Block elements of a web page whose text may be a line of the article.
HTML_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote figcaption td dt dd summary".split())
# Block elements of a ZEIT content-system article body.
VIVI_BLOCKS = frozenset("supertitle title subtitle byline p intertitle li".split())
XHTML = "{http://www.w3.org/1999/xhtml}"
# Control characters that Windows-1252 text declared as Latin-1 leaves (its dashes and quotes).
C1_CONTROL = re.compile("[\x80-\x9f]")
# A page title's site name after one of these is not part of the headline.
TITLE_SEPARATORS = {"title - ": " - ", "title | ": " | ", "title – ": " – "}
# A class of an element that may hold a page's headline or teaser.
HEADLINE_CLASS = re.compile(r"headline|title", re.I)
LEAD_CLASS = re.compile(r"intro|teaser|lead|summary|standfirst|abstract|excerpt|kicker", re.I)

# How each page that is not built from its source as a whole is chosen. "version": the fundus
# parser version (key of the publisher's JSON); "title": which headline the page shows (see
# `title_candidates`; absent: the curated title, or none before HTML blocks); "lead": a teaser
# outside the block elements (see `lead_candidates`); "drop": positions of curated blocks left
# out (0 is the title); "keep": positions of the blocks kept from the page's HTML or XML blocks;
# "mix": curated ("j") and page ("h") blocks in the page's order; "split": ZEIT blocks split at
# line breaks. Found by matching each text's SHA-1 with its annotation's, once; no text is kept.
RECIPES: dict[str, dict[str, str | None]] = {}  # filled in at the end of the file
# Plain-text articles of one evaluation set (heldout-pages14), one block per line.
MEDIA_BIAS = "Media-Bias-Analysis-Group/Media-Bias-Identification-System-for-German-News-Articles"
LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
# Notebooks that print whole articles (heldout-pages22).
NOTEBOOKS = "Data-Science-for-Linguists-2021/Fl-chtlingskrise-Sentiment-Analysis"
# Scraped article bodies (heldout-pages15, dev-pages-e) whose paragraphs the scraper mostly glued
# together.
FAKE_NEWS = "lsolcher/mlFakeNewsDetection"
# A datawrapper chart script inside one scraped body, not text.
DATAWRAPPER = re.compile(r'if\("undefined"==typeof window\.datawrapper\).*?"px"\}\);', re.S)
# Marks that end a sentence, and the quotation marks around a glued paragraph's start.
SENTENCE_ENDS = frozenset(".!?")
LOW_QUOTE = "\u201e"
CLOSING_QUOTE = "\u201c"
STRAIGHT_QUOTE = '"'
# Characters a glued paragraph start needs before it: a word's last letter and its end mark, or
# an end mark and a closing quotation mark.
GLUE_CONTEXT = 2


def norm(text: str) -> str:
    """Return one block of text: soft hyphens out, whitespace collapsed to single spaces."""
    return SPACES.sub(" ", text.replace(SOFT_HYPHEN, "")).strip()


def as_text(blocks: list[str], tidy: Callable[[str], str] = norm) -> str:
    """Return the page text: the non-empty tidied blocks, one per line, newline-ended."""
    lines = [tidy(block) for block in blocks]
    return "".join(f"{line}\n" for line in lines if line)


def positions(spec: str) -> list[int]:
    """Return the positions a spec such as "0,3-5,9" names."""
    out: list[int] = []
    for part in filter(None, spec.split(",")):
        first, _, last = part.partition("-")
        out += range(int(first), int(last or first) + 1)
    return out


class Mirrors:
    """Read files from the bare git mirrors of the source repositories."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def git_dir(self, repo: str) -> Path:
        """Return the git directory of `repo`'s mirror (its `repo/.git` where it holds one)."""
        folder = self.folder / repo.replace("/", "+") / "repo"
        return folder / ".git" if (folder / ".git").is_dir() else folder

    def read(self, source: dict) -> bytes:
        """Return the bytes of the file a source entry names (by blob where given)."""
        spec = source.get("blob") or f"{source['commit']}:{source['path']}"
        return self.show(source["repo"], spec)

    def show(self, repo: str, spec: str) -> bytes:
        """Return `git cat-file -p SPEC` in `repo`'s mirror."""
        done = subprocess.run(
            ["git", f"--git-dir={self.git_dir(repo)}", "cat-file", "-p", spec],
            capture_output=True,
            check=True,
        )
        return done.stdout


# --- web pages --------------------------------------------------------------------------------


def parse_html(markup: str) -> lxml_html.HtmlElement:
    """Return the page's element tree without scripts and styles."""
    doc = lxml_html.fromstring(markup)
    for element in doc.xpath("//script|//style|//noscript"):
        element.drop_tree()
    return doc


def html_blocks(doc: lxml_html.HtmlElement) -> list[str]:
    """Return the text of every non-empty block element of a page, in document order."""
    out = []
    for element in doc.iter():
        if isinstance(element.tag, str) and element.tag in HTML_BLOCKS:
            text = norm(element.text_content())
            if text:
                out.append(text)
    return out


def title_candidates(doc: lxml_html.HtmlElement, curated: str | None) -> dict[str, str]:
    """Return the headlines a page offers, by name: the curated title ("json"), meta titles
    ("meta:og:title"), each h2 ("h2_0"), each h1 ("h1_0"), its parts ("h1_0_el2", "h1_0_text",
    "h1_0_tail1") elements of a headline-like class ("class:article__headline") and the document
    title without the site's name ("title - ")."""
    found: dict[str, str] = {}
    if curated:
        found["json"] = curated
    for meta in doc.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key in ("og:title", "twitter:title", "title") and meta.get("content"):
            found.setdefault(f"meta:{key}", meta.get("content"))
    for index, heading in enumerate(doc.iter("h2")):
        found[f"h2_{index}"] = heading.text_content()
    for index, heading in enumerate(doc.iter("h1")):
        found[f"h1_{index}"] = heading.text_content()
        for number, part in enumerate(heading.iter()):
            if part is heading or not isinstance(part.tag, str):
                continue
            found[f"h1_{index}_el{number}"] = part.text_content()
            if part.tail and part.tail.strip():
                found[f"h1_{index}_tail{number}"] = part.tail
        if heading.text and heading.text.strip():
            found[f"h1_{index}_text"] = heading.text
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name in (element.get("class") or "").split():
            if HEADLINE_CLASS.search(name):
                found.setdefault(f"class:{name}", element.text_content())
    title = doc.find(".//title")
    if title is not None and title.text:
        found["title"] = title.text
        for name, separator in TITLE_SEPARATORS.items():
            if separator in title.text:
                found[name] = title.text.rsplit(separator, 1)[0]
    return found


def lead_candidates(doc: lxml_html.HtmlElement) -> dict[str, str]:
    """Return the teasers a page offers outside its block elements, by name: meta descriptions
    ("meta:og:description", entities left by a page that escaped them twice decoded) and the
    first element of a teaser-like class ("class:intro__text")."""
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key in ("og:description", "description", "twitter:description") and meta.get("content"):
            found.setdefault(f"meta:{key}", html.unescape(meta.get("content")))
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name in (element.get("class") or "").split():
            if LEAD_CLASS.search(name):
                found.setdefault(f"class:{name}", element.text_content())
    return found


def chosen(
    blocks: list[str], title: str | None, recipe: dict[str, str | None], lead: str | None = None
) -> list[str]:
    """Return a headline, a teaser and the blocks a recipe keeps (all without a "keep")."""
    keep = recipe.get("keep")
    kept = blocks if keep is None else [blocks[index] for index in positions(keep)]
    return [part for part in (title, lead) if part] + kept


def from_page(
    doc: lxml_html.HtmlElement, recipe: dict[str, str | None], curated: str | None = None
) -> list[str]:
    """Return the blocks a recipe chooses from a web page."""
    name, lead = recipe.get("title"), recipe.get("lead")
    leads = lead_candidates(doc)
    # A headline may stand in an element of a teaser-like class too.
    title = {**leads, **title_candidates(doc, curated)}[name] if name else None
    teaser = leads[lead] if lead else None
    return chosen(html_blocks(doc), title, recipe, teaser)


# --- sources ----------------------------------------------------------------------------------


def fundus_curated(article: dict) -> list[str]:
    """Return a curated fundus article's blocks: title, summary, subheadings and paragraphs."""
    body = article.get("body") or {}
    blocks = [article.get("title") or "", *body.get("summary", [])]
    for section in body.get("sections", []):
        blocks += [*section.get("headline", []), *section.get("paragraphs", [])]
    return blocks


def fundus_page(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the blocks of a fundus fixture: its curated article or its HTML's blocks."""
    folder, file_name = source["path"].rsplit("/", 1)
    publisher = file_name.split(".")[0].split("_")[0]
    markup = gzip.decompress(mirrors.show(source["repo"], f"{source['commit']}:{source['path']}"))
    doc = parse_html(markup.decode("utf-8", "replace"))
    table = json.loads(
        mirrors.show(source["repo"], f"{source['commit']}:{folder}/{publisher}.json")
    )
    # Older files hold one article, newer ones a table of parser versions (V1, V1_1, …).
    article = table[recipe["version"]] if recipe.get("version") else table
    blocks = fundus_curated(article)
    if "keep" in recipe:
        return from_page(doc, recipe, blocks[0] or None)
    if "mix" in recipe:
        return mixed(doc, blocks, recipe)
    name = recipe.get("title") or "json"
    if name != "json":
        blocks[0] = title_candidates(doc, blocks[0])[name]
    dropped = set(positions(recipe.get("drop") or ""))
    return [block for index, block in enumerate(blocks) if index not in dropped]


def mixed(
    doc: lxml_html.HtmlElement, curated: list[str], recipe: dict[str, str | None]
) -> list[str]:
    """Return a headline, a teaser and the blocks a "mix" recipe names: "j3" is the curated
    article's block 3, "h45-47" the page's block elements 45 to 47 (items the article lacks)."""
    name, lead = recipe.get("title") or "json", recipe.get("lead")
    title = title_candidates(doc, curated[0] or None)[name]
    teaser = lead_candidates(doc)[lead] if lead else None
    page = html_blocks(doc)
    kept = []
    for token in (recipe.get("mix") or "").split(","):
        source = curated if token[0] == "j" else page
        kept += [source[index] for index in positions(token[1:])]
    return [part for part in (title, teaser) if part] + kept


def markdown_dump(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the non-empty lines of a Markdown dump without those the source leaves out."""
    left_out = [norm(line) for line in source.get("left_out", [])]
    lines = []
    for raw in mirrors.read(source).decode("utf-8").split("\n"):
        line = norm(raw)
        if line in left_out:
            left_out.remove(line)
        elif line:
            lines.append(line)
    return lines


def xhtml_item(root: etree._Element) -> list[str]:
    """Return the headline and paragraphs of a dpa item's XHTML, without genre and byline."""
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.removeprefix(XHTML)
        kind = element.get("class") or ""
        if tag in ("h1", "h2", "h3", "h4") or (
            tag == "p" and "genre" not in kind and "byline" not in kind
        ):
            out.append("".join(element.itertext()))
    return out


def newsml_item(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the blocks of a NewsML-G2 item inside the tar archive the source names."""
    with tarfile.open(fileobj=io.BytesIO(mirrors.read(source))) as archive:
        member = archive.extractfile(source["member"])
        if member is None:
            raise KeyError(source["member"])
        root = etree.fromstring(member.read())
    body = root.find(f".//{XHTML}body")
    if body is None:
        raise ValueError("no XHTML body")
    return xhtml_item(body)


def digitalwires_item(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the blocks of a dpa digitalwires item in a JavaScript array of items."""
    script = mirrors.read(source).decode("utf-8")
    items = json.loads(script[script.index("[") : script.rindex("]") + 1])
    item = next(entry for entry in items if entry["_urn"] == source["guid"])
    root = lxml_html.fromstring(f"<div>{item['content']}</div>")
    return xhtml_item(root)


def vivi_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the chosen body blocks of a ZEIT content-system article (captions left out);
    with "split", each line break of a block starts a block of its own."""
    root = etree.fromstring(mirrors.read(source))
    body = root.find("body")
    if body is None:
        raise ValueError("no article body")
    breaks = "\n" if recipe.get("split") else ""
    blocks = []
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in VIVI_BLOCKS:
            for part in text_without(element, "image", breaks).split("\n" if breaks else "\0"):
                if norm(part):
                    blocks.append(C1_CONTROL.sub(from_cp1252, norm(part)))
    return chosen(blocks, None, recipe)


def from_cp1252(match: re.Match[str]) -> str:
    """Return the character a Windows-1252 byte read as Latin-1 stood for ("\x96": "–")."""
    return match.group().encode("latin-1").decode("cp1252", "replace")


def text_without(element: etree._Element, skipped: str, breaks: str = "") -> str:
    """Return an element's text without that of its `skipped` descendants (their tails kept),
    line breaks (br) given as `breaks`."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append(breaks)
        elif isinstance(child.tag, str) and child.tag != skipped:
            parts.append(text_without(child, skipped, breaks))
        parts.append(child.tail or "")
    return "".join(parts)


def scraped_page(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the chosen blocks of a stored HTML page (raw, or inside a scraper's JSON)."""
    data = mirrors.read(source).decode("utf-8", "replace")
    if source["path"].endswith(".json"):
        stored = json.loads(data)
        item = stored[0] if isinstance(stored, list) else stored
        data = item["raw_response"]["content"]
    return from_page(parse_html(data), recipe)


def twenty_minutes_row(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a 20 Minuten article of the 20min-XD corpus (the TSV row whose `id_de` is the
    source's `row_id`): headline, lead, then the paragraphs, subheadings and author lines of its
    tagged content up to the closing "Folgst du …" teaser, a link's tags replaced by a space
    where they would glue words together."""
    csv.field_size_limit(10**9)
    table = mirrors.read(source).decode("utf-8")
    rows = csv.DictReader(table.splitlines(), delimiter="\t")
    row = next((entry for entry in rows if entry["id_de"] == source["row_id"]), None)
    if row is None:
        raise KeyError(source["row_id"])
    content = re.sub(r"<zt>Folgst du .*$", "", row["content_de"], flags=re.S)
    content = re.sub(r"(?<=\S)<a [^>]*>", " ", content)
    content = re.sub(r"<a [^>]*>", "", content)
    content = re.sub(r"</a>(?=[\w«])", " ", content)
    content = re.sub(r"</(p|zt|ld|lg|au)>", "\n", content)
    content = html.unescape(re.sub(r"<[^>]+>", "", content))
    return [row["head_de"], row["subhead_de"], *content.split("\n")]


def informfully_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return an article of Informfully's news fixtures (a JavaScript array of objects, the one
    whose `_id` is the source's `row_id`): title, lead and the text of each paragraph."""
    script = mirrors.read(source).decode("utf-8")
    for article in re.split(r"\n    \{\n        _id: ", script)[1:]:
        if article.startswith(f"'{source['row_id']}'"):
            break
    else:
        raise KeyError(source["row_id"])
    fields = [re.search(rf"{key}: '(.*)',", article) for key in ("title", "lead")]
    texts = [field.group(1) for field in fields if field]
    texts += re.findall(r"text: '(.*)',", article)
    return [text.replace("\\'", "'").replace("&apos", "'") for text in texts]


# Lines of a trends post that are page furniture, not article text.
TRENDS_FURNITURE = frozenset({"Anzeige", "Weiterlesen nach der Anzeige"})
TRENDS_EMBED = re.compile(
    r"\s*(An dieser Stelle finden Sie Inhalte (aus|von) \w+\s*)?"
    r"Um eingebettete Inhalte anzuzeigen.*?am Seitenende widerrufen\."
)


def trends_post(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a news page saved as a Jekyll post (nguyenvulebinh/trends): the lines after the
    front matter and the linked headline, without images, embedded-content notices, ad labels
    and "Lesen Sie auch" links."""
    body = TRENDS_EMBED.sub("", mirrors.read(source).decode("utf-8").split("\n---\n", 1)[1])
    lines = []
    for raw in body.split("\n")[1:]:
        line = raw.strip()
        if line.startswith(("![", "Lesen Sie auch")) or line in TRENDS_FURNITURE:
            continue
        lines.append(line)
    return lines


# Block elements of a taz e-paper article, as tag and first class: roof line, headline,
# sub-headline, lead, paragraphs and subheadings.
TAZ_BLOCKS = frozenset(
    "h4.Dach h2.Titel h4.Unterzeile p.Hinweis p.Initial p.oeinz p.meinz p.Zwischentitel".split()
)
# Parts of a taz article that are not its text: photos and captions, bylines, author and side
# boxes, the section and date header, page numbers.
TAZ_FURNITURE = re.compile(
    r"div\.(Autor|Shorty|Verzeichnis|EinzelFoto|BioText)|p\.(MediaButze|Korrespondent|Tom)$"
    r"|span\.Seitennummer$"
)
TAZ_FURNITURE_IDS = frozenset({"fotos", "foto", "Info"})
# A short paragraph all in italics that starts so is a byline ("Interview: NAME").
TAZ_BYLINE = re.compile(r"(Interview|Protokoll|Gespräch|Text|Von)\b")
# Agency credits that close a paragraph: "(dpa)", "(afp, rtr)".
TAZ_AGENCY = re.compile(
    r"\s*\((?:afp|ap|dpa|epd|kna|rtr|reuters|taz)(?:,\s*(?:afp|ap|dpa|epd|kna|rtr|reuters|taz))*\)$"
)


def taz_kind(element: etree._Element) -> str:
    """Return an element's tag and first class ("p.meinz")."""
    return f"{element.tag}.{''.join((element.get('class') or '').split()[:1])}"


def taz_furniture(element: etree._Element) -> bool:
    """Tell whether an element of a taz article holds no article text."""
    return element.get("id") in TAZ_FURNITURE_IDS or bool(TAZ_FURNITURE.match(taz_kind(element)))


def taz_text(element: etree._Element, italic: bool = False) -> tuple[str, bool]:
    """Return the text of a taz block without its furniture (line breaks as spaces) and whether
    all of it is in italics."""
    italic = italic or element.tag in ("i", "em")
    parts, all_italic = [element.text or ""], italic or not (element.text or "").strip()
    for child in element:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str) and not taz_furniture(child):
            text, child_italic = taz_text(child, italic)
            parts.append(text)
            all_italic = all_italic and child_italic
        parts.append(child.tail or "")
        all_italic = all_italic and (italic or not (child.tail or "").strip())
    return "".join(parts), all_italic


def taz_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the blocks of a taz e-paper article (die-tageszeitung/taz-neo.ios): the elements of
    `TAZ_BLOCKS` outside the furniture, without bylines and a closing agency credit."""
    doc = parse_html(mirrors.read(source).decode("utf-8"))
    blocks = []
    for element in doc.iter():
        if taz_kind(element) not in TAZ_BLOCKS or any(
            taz_furniture(outer) or taz_kind(outer) in TAZ_BLOCKS
            for outer in element.iterancestors()
        ):
            continue
        raw, italic = taz_text(element)
        text = norm(raw)
        if not (italic and TAZ_BYLINE.match(text) and len(text) < 80):
            blocks.append(TAZ_AGENCY.sub("", text))
    return blocks


# A Publico post's front matter, and what of its body is not text: figures, comments, and the
# block tags that end a paragraph.
FRONT_MATTER = re.compile(r"---\n(.*?)\n---\n", re.S)
PUBLICO_BREAKS = re.compile(
    r"<figure.*?</figure>|<!--.*?-->|</?(p|div|h[1-6]|blockquote|ul|ol|li)\b[^>]*>", re.S | re.I
)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Block-quote and heading marks at the start of a Markdown line.
LINE_MARKS = re.compile(r"^\s*(>\s*)*(#{1,6}\s*)?")
# Inline markup of a Publico post, in the order it is taken out: comments, embedded videos and
# images go, links keep their text, line breaks become spaces, tags and emphasis marks go.
PUBLICO_MARKUP = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"\[youtube\].*?\[/youtube\]", re.S), " "),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<br\s*/?>", re.I), " "),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"(?<!\w)[_*]{1,3}(?=\S)"), ""),
    (re.compile(r"(?<=\S)[_*]{1,3}(?!\w)"), ""),
    (re.compile(r"(?<!\S)[_*]{1,3}(?!\S)"), ""),
]
# Paragraphs of a Publico post that are not the article's: rules, the donation appeal, notes on
# where the text also appears, the author's biography.
PUBLICO_FURNITURE = re.compile(
    r"_{3,}$|Das Angebot von Publico ist werbe|(Dieser Text|Der Text|Der Beitrag) erscheint "
    r"(auch|zuerst)|[A-ZÄÖÜ][\w-]+ [A-ZÄÖÜ][\w-]+, Jahrgang \d{4}"
)


def publico_inline(markdown: str) -> str:
    """Return the text of a Publico block: markup out, entities decoded, backslashes dropped."""
    for pattern, replacement in PUBLICO_MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return norm(html.unescape(markdown).replace("\\", ""))


def publico_post(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a Publico magazine post (eklausme/saaze-wendt Markdown): the front matter's title
    and subtitle, then the body's paragraphs, headings and block quotes up to the comments,
    without figures and the magazine's own notes (`PUBLICO_FURNITURE`)."""
    post = mirrors.read(source).decode("utf-8")
    front = FRONT_MATTER.match(post)
    if front is None:
        raise ValueError("no front matter")
    fields = dict(line.partition(":")[::2] for line in front.group(1).splitlines())
    heads = [fields.get(key, "").strip() for key in ("title", "subtitle")]
    blocks = [
        publico_inline(head[1:-1] if head[:1] == head[-1:] == '"' else head) for head in heads
    ]
    body = PUBLICO_BREAKS.sub("\n\n", post[front.end() :].split('<h5 class="comments-h">')[0])
    for chunk in PARAGRAPH_BREAK.split(body):
        text = publico_inline(" ".join(LINE_MARKS.sub("", line) for line in chunk.splitlines()))
        if not PUBLICO_FURNITURE.match(text):
            blocks.append(text)
    return blocks


def plain_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the lines of a plain-text article file, in UTF-8 or else Windows-1252."""
    data = mirrors.read(source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return LINE_BREAKS.split(text)


def paragraph_start(char: str) -> bool:
    """Tell whether a character may open a paragraph: a capital letter or a low quotation mark."""
    return char.isupper() or char == LOW_QUOTE


def glued_at(line: str, at: int) -> bool:
    """Tell whether a paragraph glued to the sentence before it starts at `at` of a line."""
    before, mark, first = line[at - 2], line[at - 1], line[at]
    if mark in SENTENCE_ENDS:
        if not (before.isalpha() and before.islower()):
            return False
        if paragraph_start(first):
            return True
        # A paragraph that opens with a straight quotation mark, outside a straight quote.
        return (
            first == STRAIGHT_QUOTE
            and line[at + 1 : at + 2].isupper()
            and line.count(STRAIGHT_QUOTE, 0, at) % 2 == 0
        )
    if before not in SENTENCE_ENDS:
        return False
    if mark == CLOSING_QUOTE:
        return paragraph_start(first)
    # A straight quotation mark that closes a quote (all before it paired), then a paragraph.
    return mark == STRAIGHT_QUOTE and first.isupper() and line.count(STRAIGHT_QUOTE, 0, at) % 2 == 0


def glued_loosely(line: str, at: int) -> bool:
    """Tell whether a paragraph starts at `at` of a line, glued to an end mark after any letter
    (an acronym: "…der JF.Doch …"), a closing quotation mark or a bracket, or straight to a
    closing low-high quotation mark ("…Solidarität“Die …")."""
    before, mark, first = line[at - 2], line[at - 1], line[at]
    if mark == CLOSING_QUOTE:
        return paragraph_start(first)
    if mark not in SENTENCE_ENDS:
        return False
    # A straight quotation mark closes a quote when all before it, itself included, pair up.
    closed = before == STRAIGHT_QUOTE and line.count(STRAIGHT_QUOTE, 0, at - 1) % 2 == 0
    if not (before.isalpha() or before in (CLOSING_QUOTE, ")") or closed):
        return False
    # A paragraph may open with a straight quotation mark, outside a straight quote.
    return paragraph_start(first) or (
        first == STRAIGHT_QUOTE
        and line[at + 1 : at + 2].isupper()
        and line.count(STRAIGHT_QUOTE, 0, at) % 2 == 0
    )


def glued_paragraphs(line: str, loose: bool = False) -> list[str]:
    """Return a line of a scraped body split where a paragraph is glued to the sentence before
    (`loose`: also where `glued_loosely` finds one)."""
    cuts = [
        at
        for at in range(GLUE_CONTEXT, len(line))
        if glued_at(line, at) or (loose and glued_loosely(line, at))
    ]
    return [line[start:end] for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def fake_news_row(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the paragraphs of a url|body CSV row (`row_id`) without its `drop` lines and chart,
    its `headings` (each once in the body) on lines of their own."""
    table = mirrors.read(source).decode("utf-8")
    row = list(csv.reader(io.StringIO(table, newline=""), delimiter="|"))[source["row_id"]]
    if row[0] != source["url"]:
        raise KeyError(source["url"])
    body = row[1]
    for caption in source.get("drop", []):
        if caption not in body:
            raise KeyError(caption)
        body = body.replace(caption, "\n")
    for heading in source.get("headings", []):
        if body.count(heading) != 1:
            raise KeyError(heading)
        body = body.replace(heading, f"\n{heading}\n")
    body = DATAWRAPPER.sub("", body)
    loose = source.get("loose_glue", False)
    return [part for line in body.split("\n") for part in glued_paragraphs(line, loose)]


def zip_member(mirrors: Mirrors, source: dict) -> bytes:
    """Return the bytes of the file `member` inside the zip archive a source entry names."""
    with zipfile.ZipFile(io.BytesIO(mirrors.read(source))) as archive:
        return archive.read(source["member"])


def fang_covid_row(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the lines of a FANG-COVID article: the `article` field of the CSV row whose index
    column is the source's `row_id`, in the zip archive's `member` (its `header` field belongs to
    other rows)."""
    csv.field_size_limit(10**9)
    table = zip_member(mirrors, source).decode("utf-8")
    rows = csv.DictReader(io.StringIO(table, newline=""))
    row = next((entry for entry in rows if entry[""] == source["row_id"]), None)
    if row is None or row["url"] != source["url"]:
        raise KeyError(source["row_id"])
    return row["article"].split("\n")


def wmt_document(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the paragraphs of a WMT news test document's source side (the document whose id is
    the source's `doc_id`; the headline is its first paragraph), the sentences joined by spaces."""
    root = etree.fromstring(mirrors.read(source))
    paragraphs = root.xpath("doc[@id=$id]/src[1]/p", id=source["doc_id"])
    if not paragraphs:
        raise KeyError(source["doc_id"])
    return [
        " ".join(seg.text or "" for seg in paragraph.findall("seg")) for paragraph in paragraphs
    ]


def picked_lines(lines: list[str], items: Iterable[int | list[int]], page: str) -> list[str]:
    """Return the blocks that `items` names in `lines`: each item a 1-based line number, or a
    list of them joined by spaces into one block (a paragraph that the source split: at a link,
    into sentences)."""
    groups = [[item] if isinstance(item, int) else item for item in items]
    if not groups or min(min(group) for group in groups) < 1:
        raise IndexError(page)
    return [" ".join(lines[number - 1] for number in group) for group in groups]


def wmt_segments(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the segments of a WMT test set's plain text side (one a line) that the source
    names by 1-based line number: its `lines` (see `picked_lines`: a list of numbers joins a
    paragraph's sentences), or `line_start` to `line_end` inclusive; or, with a `docid`, the
    lines of that document in the line-aligned metadata file `meta_path` (JSON lines), which
    must be the 0-based `first_line` to `last_line`."""
    segments = mirrors.read(source).decode("utf-8").split("\n")
    if "docid" in source:
        meta = mirrors.show(source["repo"], f"{source['commit']}:{source['meta_path']}")
        docids = [json.loads(line)["docid"] for line in meta.decode("utf-8").splitlines()]
        numbers = [number for number, docid in enumerate(docids, 1) if docid == source["docid"]]
        if numbers != list(range(source["first_line"] + 1, source["last_line"] + 2)):
            raise KeyError(source["docid"])
    else:
        numbers = source.get("lines") or range(source["line_start"], source["line_end"] + 1)
    return picked_lines(segments, numbers, source["page"])


def notebook_output(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the text a notebook's `cell` printed as its `output` (a Python literal), one block."""
    notebook = json.loads(mirrors.read(source))
    output = notebook["cells"][source["cell"]]["outputs"][source["output"]]
    return [ast.literal_eval("".join(output["data"]["text/plain"]))]


def scraped_lines(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the lines of scraped articles that the source's `lines` names (see `picked_lines`):
    of a plain-text file, or of the `entry` of a JSON list (its headline's lines, then its article
    text's)."""
    if "entry" in source:
        article = json.loads(mirrors.read(source))[source["entry"]]
        lines = LINE_BREAKS.split(f"{article['headline']}\n{article['article_text']}")
    else:
        lines = plain_article(mirrors, source, recipe)
    return picked_lines(lines, source["lines"], source["page"])


# A string field of an ORF article in a JavaScript module (title, lead, content: a quoted
# literal or null), the content's block tags and its figure marks.
JS_FIELD = re.compile(
    r"""^\s*["']?(title|lead|content)["']?:\s*(null|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""",
    re.M | re.S,
)
ORF_BLOCK = re.compile(r"</?(?:p|h2)>")
ORF_FIGURE = "<<fig>>"
TAG = re.compile(r"<[^>]+>")


def orf_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return an ORF article of a JavaScript module (the object exported as the source's `export`,
    or `article`): title, lead, then the content's paragraphs and subheadings (its plain-text
    lines where it has no tags), figure marks left out."""
    script = mirrors.read(source).decode("utf-8")
    start = script.index(f"export const {source.get('export', 'article')} =")
    article = script[start : script.index("\n}", start)]
    fields = {
        key: ast.literal_eval(value) for key, value in JS_FIELD.findall(article) if value != "null"
    }
    content = fields["content"].replace(ORF_FIGURE, "")
    if ORF_BLOCK.search(content):
        lines = [html.unescape(TAG.sub("", part)) for part in ORF_BLOCK.split(content)]
    else:
        lines = content.split("\n")
    return [fields["title"], fields.get("lead") or "", *lines]


def crawled_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the `entry` of a crawl's JSON list (checked against its `url`): the title, then the
    content, each string of `drop` (whitespace as it comes) cut out and starting a new block."""
    item = json.loads(mirrors.read(source))[source["entry"]]
    if item["url"] != source["url"]:
        raise KeyError(source["url"])
    content = item["content"]
    for caption in source["drop"]:
        content, count = re.subn(r"\s+".join(map(re.escape, caption.split())), "\n", content)
        if not count:
            raise KeyError(caption)
    return [item["title"], *content.split("\n")]


# Paragraph styles of a K4 print export that hold no article text: captions, photo credits,
# end notes and author lines.
K4_FURNITURE = re.compile(r"BU|Bildnachweis|Vermerk|Autor")


def k4_story(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the paragraphs of a K4 print export's story without furniture (`K4_FURNITURE`):
    the blocks of `front` (a headline and teaser exported after the body) first, the byline
    that `strip_byline` names (block position and text) cut from the end of its block."""
    root = etree.fromstring(mirrors.read(source))
    blocks = [
        norm("".join(paragraph.itertext()))
        for paragraph in root.iterfind("STORY//p")
        if not K4_FURNITURE.search(paragraph.get("pstyle") or "")
    ]
    blocks = [block for block in blocks if block]
    front = source.get("front", [])
    blocks = [blocks[index] for index in front] + [
        block for index, block in enumerate(blocks) if index not in front
    ]
    for index, byline in source.get("strip_byline", []):
        if not blocks[index].endswith(f" {byline}"):
            raise KeyError(byline)
        blocks[index] = blocks[index].removesuffix(f" {byline}")
    return blocks


# A MySQL dump's INSERT statement (table, columns), the tokens of its rows (a quoted string, a
# bare value, a bracket, the closing semicolon) and a string's escapes.
SQL_INSERT = re.compile(r"INSERT INTO `?(\w+)`? \(([^)]*)\) VALUES")
SQL_TOKEN = re.compile(r"\s*(?:'((?:[^'\\]|\\.|'')*)'|([^\s,()';]+)|([(),;]))", re.S)
SQL_ESCAPE = re.compile(r"\\(.)|''", re.S)
SQL_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}


def sql_unescape(match: re.Match[str]) -> str:
    """Return the character a MySQL string escape stands for ("\\n": a newline, "''": "'")."""
    char = match.group(1)
    return "'" if char is None else SQL_ESCAPES.get(char, char)


def sql_rows(dump: str, table: str) -> list[dict[str, str]]:
    """Return the rows a MySQL dump inserts into `table`, each value as a string."""
    rows = []
    for insert in SQL_INSERT.finditer(dump):
        if insert.group(1) != table:
            continue
        columns = [name.strip(" `") for name in insert.group(2).split(",")]
        values: list[str] = []
        for token in SQL_TOKEN.finditer(dump, insert.end()):
            quoted, bare, mark = token.groups()
            if quoted is not None:
                values.append(SQL_ESCAPE.sub(sql_unescape, quoted))
            elif bare is not None:
                values.append(bare)
            elif mark == ")":
                rows.append(dict(zip(columns, values, strict=True)))
                values = []
            elif mark == ";":
                break
    return rows


def sql_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return an article of a MySQL dump (the row of `table` whose `id` is the source's `row_id`):
    title, teaser (`about`), then the content's lines."""
    rows = sql_rows(mirrors.read(source).decode("utf-8"), source["table"])
    row = next((entry for entry in rows if entry["id"] == str(source["row_id"])), None)
    if row is None:
        raise KeyError(source["row_id"])
    return [row["title"], row["about"], *row["content"].split("\n")]


# A scraped Tagesspiegel article's paragraph break (juliakarst/NewsWebcrawler): two or more
# spaces after a sentence's end mark or closing quotation mark, before a capital, a digit or an
# opening mark.
WEBCRAWLER_PARAGRAPH = re.compile(r'(?<=[.!?“"”:…])\s{2,}(?=[A-ZÄÖÜ0-9„"»«(])')


def webcrawler_row(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a Tagesspiegel article of a scrapy CSV export (the 0-based data row `row_id`,
    checked against its `url`): the kicker and the headline that its title joins with " . ",
    then the paragraphs of its article text cut to `keep_chars` (the texts of its links that the
    scraper appended after the last paragraph left out)."""
    csv.field_size_limit(10**9)
    table = mirrors.read(source).decode("utf-8")
    row = list(csv.DictReader(io.StringIO(table, newline="")))[source["row_id"]]
    if row["url"] != source["url"]:
        raise KeyError(source["url"])
    kicker, _, headline = row["title"].partition(" . ")
    body = row["article_text"][: source["keep_chars"]]
    return [kicker, headline, *WEBCRAWLER_PARAGRAPH.split(body)]


# A Blick body block's wrapping <div>, a block that is only a link (a teaser of another
# article), and a line break.
BLICK_DIV_OPEN = re.compile(r"^\s*<div[^>]*>")
BLICK_DIV_CLOSE = re.compile(r"</div>\s*$")
BLICK_LINK = re.compile(r"<p>\s*<a\b[^>]*>.*?</a>\s*</p>", re.S)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>")


def markup_text(markup: str) -> str:
    """Return the text of an HTML fragment: line breaks as spaces, tags out, entities decoded."""
    return norm(html.unescape(TAG.sub("", LINE_BREAK_TAG.sub(" ", markup))))


def blick_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a Blick article of a scrapy JSON export (the item at `row_id`, checked against its
    `article_id`): the title without the site's " - Blick", the teaser, then the subheadings and
    paragraphs of its body, without the blocks that are only a link."""
    article = json.loads(mirrors.read(source))[source["row_id"]]
    if article["id"] != source["article_id"]:
        raise KeyError(source["article_id"])
    blocks = [
        markup_text(article.get("title") or "").removesuffix(" - Blick"),
        markup_text(article.get("teaser") or ""),
    ]
    for block in article.get("body") or []:
        inner = BLICK_DIV_CLOSE.sub("", BLICK_DIV_OPEN.sub("", block)).strip()
        if not BLICK_LINK.fullmatch(inner):
            blocks.append(markup_text(inner))
    return blocks


# An RSS item of a feed (inside a test fixture), a field of it, and the block elements of its
# (escaped) HTML content; a block that is only a placeholder of the news portal's layout.
RSS_ITEM = re.compile(r"<item>(.*?)</item>", re.S)
RSS_CONTENT_BLOCK = re.compile(r"<(p|h\d|li)[^>]*>(.*?)</\1>", re.S)
RUB_PLACEHOLDER = re.compile(r"\s*\[(infobox|zitat|bild)[^\]]*\]\s*")


def rss_field(item: str, name: str) -> str:
    """Return an RSS item's field, its entities decoded."""
    found = re.search(rf"<{name}>(.*?)</{name}>", item, re.S)
    if found is None:
        raise KeyError(name)
    return html.unescape(found.group(1))


def rss_item(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the RSS item whose guid is the source's `guid`: title, description, then the
    paragraphs, headings and list items of its content, without layout placeholders."""
    feed = mirrors.read(source).decode("utf-8")
    item = next(
        (entry for entry in RSS_ITEM.findall(feed) if f">{source['guid']}</guid>" in entry), None
    )
    if item is None:
        raise KeyError(source["guid"])
    blocks = [rss_field(item, "title"), rss_field(item, "description")]
    for match in RSS_CONTENT_BLOCK.finditer(rss_field(item, "content")):
        text = html.unescape(TAG.sub("", match.group(2)))
        if not RUB_PLACEHOLDER.fullmatch(text):
            blocks.append(text)
    return blocks


# What of a Hugo post's Markdown is not text: a heading line, a setext underline, the marks that
# open a line (block quote, heading, list item), images, link targets, shortcodes; a caption.
HUGO_HEADING = re.compile(r"^\s*#+\s")
HUGO_UNDERLINE = re.compile(r"\s*(=+|-{3,})\s*")
HUGO_LINE_MARKS = [re.compile(r"^\s*>\s?"), re.compile(r"^\s*#+\s*"), re.compile(r"^\s*[-*]\s+")]
HUGO_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\{\{<[^>]*>\}\}"), ""),
]
HUGO_ESCAPES = [("**", ""), ("\\*", "*"), ("\\_", "_"), ('\\"', '"')]
CAPTION = "Bildunterschrift:"


def hugo_paragraphs(body: str) -> list[str]:
    """Return the paragraphs of a Markdown body, each heading line a paragraph of its own."""
    paragraphs = []
    for chunk in PARAGRAPH_BREAK.split(body):
        lines: list[str] = []
        for line in chunk.split("\n"):
            if HUGO_HEADING.match(line):
                if lines:
                    paragraphs.append(lines)
                paragraphs.append([line])
                lines = []
            else:
                lines.append(line)
        if lines:
            paragraphs.append(lines)
    return paragraphs


def hugo_post(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a Hugo post (uscw/goettinger-klimabuendnis Markdown): the front matter's quoted
    title and subtitle, then the body's paragraphs and headings, without setext underlines,
    line marks, images, link targets, shortcodes, bold marks and escapes, and without captions
    ("Bildunterschrift: …")."""
    post = mirrors.read(source).decode("utf-8")
    front = FRONT_MATTER.match(post)
    if front is None:
        raise ValueError("no front matter")
    blocks = []
    for key in ("title", "subtitle"):
        field = re.search(rf'^{key}:\s*"(.*)"\s*$', front.group(1), re.M)
        blocks.append(field.group(1) if field else "")
    for lines in hugo_paragraphs(post[front.end() :]):
        kept = []
        for line in lines:
            if HUGO_UNDERLINE.fullmatch(line):
                continue
            for mark in HUGO_LINE_MARKS:
                line = mark.sub("", line)
            kept.append(line)
        text = " ".join(kept)
        for pattern, replacement in HUGO_INLINE:
            text = pattern.sub(replacement, text)
        for escape, char in HUGO_ESCAPES:
            text = text.replace(escape, char)
        blocks.append(text)
    return [block for block in blocks if not norm(block).startswith(CAPTION)]


# A Factiva HTML export (amcat/amcat): what opens each article but the last (which opens with
# `id="lastArticle"` and so stays with the one before it), its headline, its paragraphs and
# its document id.
FACTIVA_ARTICLE = '<div class="article deArticle">'
FACTIVA_HEADLINE = re.compile(r"<b class='deHeadline'>(.*?)</b>", re.S)
FACTIVA_PARAGRAPH = re.compile(r'<p class="articleParagraph[^"]*">(.*?)</p>', re.S)
FACTIVA_DOCUMENT = re.compile(r"<p>Document (\S+)</p>")


def factiva_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return an article of a Factiva HTML export (the `article_index`-th, checked against its
    `document` id): the headline, then its paragraphs, tags as spaces, entities decoded."""
    markup = mirrors.read(source).decode("utf-8")
    article = markup.split(FACTIVA_ARTICLE)[1:][source["article_index"]]
    document = FACTIVA_DOCUMENT.search(article)
    if document is None or document.group(1) != source["document"]:
        raise KeyError(source["document"])
    headline = FACTIVA_HEADLINE.search(article.split("</p>", 1)[0])
    blocks = [headline.group(1)] if headline else []
    blocks += FACTIVA_PARAGRAPH.findall(article)
    return [html.unescape(TAG.sub(" ", block)) for block in blocks]


# The fields of a salto.bz article file (nadezdaalexandrovna/kw-extractor-salto): the body runs
# from its field to the end of the file.
SALTO_FIELDS = ("TITLE:", "TEASER:")
SALTO_BODY = "BODY:"


def salto_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a salto.bz article file: title, teaser, then the lines of the body, without the
    blocks the entry's `drop` names and with its `strip_suffixes` cut off a block's end."""
    fields: list[str] = []
    body: list[str] | None = None
    for line in mirrors.read(source).decode("utf-8").split("\n"):
        if body is not None:
            body.append(line)
        elif line.startswith(SALTO_BODY):
            body = [line.removeprefix(SALTO_BODY)]
        elif line.startswith(SALTO_FIELDS):
            fields.append(line.partition(":")[2])
    dropped = set(source.get("drop", []))
    blocks = []
    for block in map(norm, [*fields, *(body or [])]):
        if block in dropped:
            continue
        for suffix in source.get("strip_suffixes", []):
            if block.endswith(suffix) and block != suffix:
                block = block.removesuffix(suffix).rstrip()
        blocks.append(block)
    return blocks


def renewrs_article(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a scraped article of the renewrs corpus (a JSON file): title, description, then each
    body section's subheading and paragraphs, without the 0-based `drop_blocks` positions."""
    content = json.loads(mirrors.read(source))["content"]
    blocks = [content.get("title") or "", content.get("description") or ""]
    for heading, paragraphs in (content.get("body") or {}).items():
        blocks += [heading, *paragraphs] if heading else paragraphs
    dropped = set(source.get("drop_blocks", []))
    return [block for index, block in enumerate(blocks) if index not in dropped]


# A photo caption inside an MLSUM article's text (Süddeutsche Zeitung), after its whitespace is
# collapsed.
MLSUM_CAPTION = re.compile(r"Detailansicht öffnen [^()]*\(Foto:[^)]*\) ?")


def mlsum_row(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return the MLSUM record whose `url` is the source's, in the JSON (list) or JSON-lines file
    `member` of a zip archive: title, the summary where the text opens with it, the rest of the
    text; photo captions and the strings of `remove` (each in one block, once) cut out."""
    data = zip_member(mirrors, source).decode("utf-8")
    if source["member"].endswith(".jsonl"):
        records = [json.loads(line) for line in data.splitlines() if line.strip()]
    else:
        records = json.loads(data)
    found = [record for record in records if record.get("url") == source["url"]]
    if len(found) != 1:
        raise KeyError(source["url"])
    record = found[0]
    text, summary = record["text"], record.get("summary") or record.get("target") or ""
    parts = [summary, text[len(summary) :]] if summary and text.startswith(summary) else [text]
    blocks = [MLSUM_CAPTION.sub("", norm(block)) for block in [record["title"], *parts]]
    for cut in source.get("remove", []):
        hits = [index for index, block in enumerate(blocks) if cut in block]
        if len(hits) != 1 or blocks[hits[0]].count(cut) != 1:
            raise KeyError(cut)
        blocks[hits[0]] = blocks[hits[0]].replace(cut, "")
    return blocks


def zeeguu_text(mirrors: Mirrors, source: dict, recipe: dict[str, str | None]) -> list[str]:
    """Return a plain-text article of zeeguu/api's test data: each chunk between blank lines a
    block, without the 0-based `drop_chunks`; each line of `split_line_chunks` a block."""
    text = mirrors.read(source).decode("utf-8")
    chunks = [chunk for chunk in PARAGRAPH_BREAK.split(text) if chunk.strip()]
    dropped = set(source.get("drop_chunks", []))
    split = set(source.get("split_line_chunks", []))
    blocks = []
    for index, chunk in enumerate(chunks):
        if index not in dropped:
            blocks += chunk.split("\n") if index in split else [chunk]
    return blocks


Builder = Callable[[Mirrors, dict, dict[str, str | None]], list[str]]
BUILDERS: dict[str, Builder] = {
    "flairNLP/fundus": fundus_page,
    "lhandrena/RAG-Evaluation": markdown_dump,
    "martinvirtel/newsmlg2-testdata": newsml_item,
    "maximgrafin/neuroNews": digitalwires_item,
    "ZeitOnline/vivi": vivi_article,
    "ZurichNLP/20min-XD": twenty_minutes_row,
    "Informfully/Platform": informfully_article,
    "nguyenvulebinh/trends": trends_post,
    "die-tageszeitung/taz-neo.ios": taz_article,
    "eklausme/saaze-wendt": publico_post,
    MEDIA_BIAS: plain_article,
    FAKE_NEWS: fake_news_row,
    "FANG-COVID/FANG-COVID_DATASET": fang_covid_row,
    "wmt-conference/wmt21-news-systems": wmt_document,
    "wmt-conference/wmt22-news-systems": wmt_segments,
    "wmt-conference/wmt23-news-systems": wmt_segments,
    "wmt-conference/wmt24-news-systems": wmt_segments,
    "Helsinki-NLP/OPUS-MT-testsets": wmt_segments,
    NOTEBOOKS: notebook_output,
    "oliverpera/comparison_news_reports": scraped_lines,
    "hanna-rodler/news-backend": orf_article,
    "canrollas/news_crawler": crawled_article,
    "ZeitOnline/zeit.importer": k4_story,
    "tonkajekralj/Projekt": sql_article,
    "juliakarst/NewsWebcrawler": webcrawler_row,
    "boscho87/blick-crawl": blick_article,
    "astarub/campus_app": rss_item,
    "uscw/goettinger-klimabuendnis": hugo_post,
    "amcat/amcat": factiva_article,
    "nadezdaalexandrovna/kw-extractor-salto": salto_article,
    "andreeaiana/renewrs_corpus_extraction": renewrs_article,
    "huggingface/datasets": mlsum_row,
    "zeeguu/api": zeeguu_text,
}
# Sources whose lines are kept as they stand (stripped, empty ones left out): their texts keep
# the source's no-break and narrow spaces.
VERBATIM = frozenset({"ZurichNLP/20min-XD", "Informfully/Platform", "nguyenvulebinh/trends"})
# Sources whose every page is built from the whole item, without a recipe.
WHOLE = frozenset(
    {
        "lhandrena/RAG-Evaluation",
        "martinvirtel/newsmlg2-testdata",
        "maximgrafin/neuroNews",
        "die-tageszeitung/taz-neo.ios",
        "eklausme/saaze-wendt",
        MEDIA_BIAS,
        FAKE_NEWS,
        "FANG-COVID/FANG-COVID_DATASET",
        "wmt-conference/wmt21-news-systems",
        "wmt-conference/wmt22-news-systems",
        "wmt-conference/wmt23-news-systems",
        "wmt-conference/wmt24-news-systems",
        "Helsinki-NLP/OPUS-MT-testsets",
        NOTEBOOKS,
        "oliverpera/comparison_news_reports",
        "hanna-rodler/news-backend",
        "canrollas/news_crawler",
        "ZeitOnline/zeit.importer",
        "tonkajekralj/Projekt",
        "juliakarst/NewsWebcrawler",
        "boscho87/blick-crawl",
        "astarub/campus_app",
        "uscw/goettinger-klimabuendnis",
        "amcat/amcat",
        "nadezdaalexandrovna/kw-extractor-salto",
        "andreeaiana/renewrs_corpus_extraction",
        "huggingface/datasets",
        "zeeguu/api",
        *VERBATIM,
    }
)


def build(mirrors: Mirrors, source: dict) -> str:
    """Return the text of one page."""
    builder = BUILDERS.get(source["repo"], scraped_page)
    blocks = builder(mirrors, source, RECIPES.get(source["page"], {}))
    return as_text(blocks, str.strip if source["repo"] in VERBATIM else norm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="folder of the bare mirrors")
    parser.add_argument("--out", type=Path, required=True, help="writes OUT/SET/NAME.txt")
    parser.add_argument("--sources", type=Path, default=SOURCES)
    parser.add_argument("--only", nargs="*", help="build only these sets")
    args = parser.parse_args()
    mirrors = Mirrors(args.mirrors)
    written: Counter[str] = Counter()
    failed: list[str] = []
    for raw in args.sources.read_text(encoding="utf-8").splitlines():
        source = json.loads(raw)
        if args.only and source["set"] not in args.only:
            continue
        if source["page"] not in RECIPES and source["repo"] not in WHOLE:
            failed.append(f"{source['set']}/{source['page']}: no recipe")
            continue
        try:
            text = build(mirrors, source)
        except (subprocess.CalledProcessError, KeyError, IndexError, ValueError) as error:
            failed.append(f"{source['set']}/{source['page']}: {error!r}")
            continue
        folder = args.out / source["set"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{source['page']}.txt").write_text(text, encoding="utf-8", newline="")
        written[source["set"]] += 1
    for name, count in sorted(written.items()):
        print(f"{name}: {count} texts")
    for line in failed:
        print(f"not built: {line}", file=sys.stderr)


# --- recipes (generated) -------------------------------------------------------------------
RECIPES.update(
    {
        "TOnline_2026_04_15": {"version": "V1_1"},
        "BR_2024_04_22": {"version": "V1"},
        "BR_2024_08_27": {"version": "V1_1", "title": "meta:og:title"},
        "BR_2026_04_15": {"version": "V1_2"},
        "Landesspiegel_2025_06_30": {"version": "V1"},
        "Landesspiegel_2026_01_27": {"version": "V1_1"},
        "BerlinerMorgenpost_2024_05_03": {"keep": "139,141-142,144,146-150,164-167,169-173"},
        "BerlinerMorgenpost_2025_11_06": {"version": "V1_2"},
        "MitteldeutscheZeitung_2024_04_30": {"version": "V1"},
        "RuhrNachrichten_2024_05_03": {"keep": "85-95,97-111", "title": "meta:og:title"},
        "Krautreporter_2024_08_22": {"version": "V1", "drop": "85"},
        "Heise_2024_04_19": {"version": "V1"},
        "Tagesschau_2023_04_28": {"version": "V1"},
        "DW_2023_04_28": {"version": "V1"},
        "DW_2023_06_13": {"version": "V2"},
        "SZ_2023_04_28": {"version": "V1"},
        "SZ_2024_09_30": {"version": "V1_1"},
        "DerFreitag_2025_10_20": {"version": "V1"},
        "BSZ_2025_09_09": {"version": "V1_1"},
        "WAZ_2023_06_29": {"version": "V1", "drop": "24"},
        "WAZ_2024_03_08": {"version": "V1_1"},
        "WAZ_2025_11_06": {"version": "V2_1"},
        "Hessenschau_2024_04_27": {"version": "V1"},
        "LuxemburgerWort_2025_06_30": {"version": "V1"},
        "LuxemburgerWort_2026_07_12": {"version": "V2"},
        "KlasseGegenKlasse_2026_01_07": {"version": "V1"},
        "Stern_2023_04_28": {"version": "V1"},
        "Stern_2024_11_05": {"version": "V2"},
        "DiePresse_2025_06_05": {"version": "V1"},
        "DieWelt_2023_04_28": {"version": "V1", "drop": "14"},
        "DieZeit_2023_04_28": {"version": "V1"},
        "ZDF_2024_04_22": {
            "version": "V1",
            "mix": "j1-5,j7-9,j11-14,h6-8,j16,h9-10,j18-19,h12,j20-23,h17,j24,h21,j25,h25-27,j27",
            "title": "json",
        },
        "ZDF_2025_11_07": {
            "keep": "49,52,54,57,60-62,64,67,71-72,75-80",
            "title": "meta:twitter:title",
        },
        "Taz_2023_04_28": {"version": "V1"},
        "Taz_2024_10_23": {"version": "V1"},
        "FreiePresse_2024_04_30": {"version": "V1"},
        "ZwanzigMinuten_2024_12_17": {"version": "V1"},
        "ZwanzigMinuten_2025_11_06": {"version": "V1_1", "title": "meta:title"},
        "Bild_2023_05_15": {"version": "V1"},
        "TagesAnzeiger_2026_05_18": {"version": "V1_1"},
        "AFPFaktencheck_2026_05_24": {"version": "V1"},
        "FAZ_2023_04_28": {"version": "V1"},
        "FAZ_2025_04_15": {"version": "V3"},
        "LTO_2025_10_20": {"version": "V1"},
        "NZZ_2024_07_18": {"version": "V1"},
        "SportSchau_2024_04_25": {"version": "V1"},
        "NTV_2023_04_28": {"version": "V1"},
        "Postillon_2024_04_25": {"version": "V1"},
        "EuronewsDE_2024_04_30": {"version": "V1"},
        "EuronewsDE_2026_01_06": {"version": "V1_1"},
        "BoersenZeitung_2024_12_16": {"version": "V1_1"},
        "BoersenZeitung_2025_11_06": {"version": "V1_2"},
        "RheinischePost_2024_04_21": {"version": "V1", "title": "h1_0", "drop": "4-5"},
        "BusinessInsiderDE_2024_01_29": {"version": "V1"},
        "StuttgarterZeitung_2025_10_25": {"version": "V1"},
        "StuttgarterZeitung_2026_07_11": {"version": "V2"},
        "Tagesspiegel_2024_04_29": {"version": "V1"},
        "RBB24_2024_04_25": {"version": "V1"},
        "MotorSportMagazin_2024_04_24": {"version": "V1"},
        "BerlinerZeitung_2023_04_28": {"version": "V1"},
        "BerlinerZeitung_2026_05_18": {"version": "V2"},
        "Gamestar_2024_04_28": {
            "version": "V1",
            "mix": "j2-6,h43-45,j7,h47-49,j8-9,h52-54,j10,h56-57,j11",
            "title": "json",
            "lead": "meta:description",
        },
        "JungeWelt_2024_04_26": {"version": "V1"},
        "JungeWelt_2026_05_18": {"version": "V1_1"},
        "FrankfurterRundschau_2024_04_26": {"version": "V1"},
        "HamburgerAbendblatt_2024_04_28": {"version": "V1", "title": "h1_0"},
        "HamburgerAbendblatt_2025_09_09": {"version": "V1_1"},
        "HamburgerAbendblatt_2025_11_06": {"version": "V1_2"},
        "Focus_2023_04_28": {"version": "V1"},
        "Correctiv_2026_05_24": {"version": "V1"},
        "SpiegelOnline_2023_04_28": {"version": "V1"},
        "VogueDE_2024_04_30": {"version": "V1", "drop": "16"},
        "SRF_2024_04_15": {"version": "V1", "drop": "4"},
        "SRF_2025_01_05": {"version": "V2"},
        "MDR_2023_04_28": {"version": "V1"},
        "MDR_2026_07_08": {"version": "V2"},
        "Tageblatt_2025_06_30": {"version": "V1", "title": "h1_0_tail1"},
        "Tageblatt_2026_01_13": {"version": "V2"},
        "KleineZeitung_2025_06_30": {"version": "V1"},
        "NDR_2023_04_28": {"version": "V1"},
        "NDR_2025_06_18": {"version": "V1_1"},
        "NetzpolitikOrg_2024_04_28": {"version": "V1"},
        "Merkur_2023_04_28": {"version": "V1"},
        "Golem_2024_04_28": {"version": "V1"},
        "Golem_2025_09_09": {"version": "V1_1"},
        "NDR": {"keep": "36,38-47", "title": "json"},
        "WAZ_2023_06_20": {"version": "V1"},
        "Merkur": {"keep": "140-141,144-146,148-149", "title": "json"},
        "Stern": {"keep": "231-235", "title": "json", "lead": "class:intro"},
        "BoersenZeitung_2024_04_27": {"version": "V1"},
        "Tagesschau": {"keep": "72-73,76-79,82-85,88-91,94-97", "title": "h1_0_el2"},
        "BerlinerMorgenPost_2024_04_29": {"version": "V1", "drop": "7-13"},
        "DieWelt": {"keep": "214,216-236"},
        "MDR": {"keep": "43-47,55-57,62-64,69-70", "title": "h1_0_el2"},
        "Taz": {"keep": "38,40-43,46-48,50-53,55,57-59,61-62,64-65", "title": "json"},
        "ZwanzigMinuten_2024_10_15": {"version": "V1"},
        "FAZ": {"keep": "233,235,237-246,269", "title": "class:atc-HeadlineText"},
        "BR_2024_04_21": {"keep": "89,91,93-103"},
        "BerlinerZeitung": {"keep": "26-28,31-33,36-38,41-45,48-51", "title": "meta:twitter:title"},
        "FreiePresse_2024_11_26": {"version": "V1_1"},
        "Taz_2024_10_22": {"version": "V2", "title": "h1_0_el3"},
        "DW": {"keep": "181-184,186-188,190-197,199-202,204-207,209-212", "title": "json"},
        "SZ_2024_02_06": {"version": "V1_1"},
        "FreiePresse_2024_04_29": {"keep": "149-150", "title": "meta:og:title"},
        "SpiegelOnline": {
            "keep": "186-190,194-198",
            "title": "class:leading-tight",
            "lead": "meta:description",
        },
        "ORF_2023_04_28": {"version": "V1", "drop": "2"},
        "BusinessInsider_2024_02_24": {"keep": "147-152,154-159,183-185", "title": "meta:og:title"},
        "WAZ": {"keep": "157,162-163,166-167,169,171-173,175,177"},
        "ORF": {"keep": "21-23", "title": "json"},
        "DieZeit": {"keep": "61,64-67,74-75", "title": "json", "lead": "meta:description"},
        "NTV": {"keep": "245-247", "title": "json"},
        "MitteldeutscheZeitung_2024_04_28": {"version": "V1", "title": "meta:og:title"},
        "KlasseGegenKlasse_2025_10_23": {"version": "V1"},
        "BSZ_2024_01_29": {"version": "V1"},
        "NTV_Nagelsmann": {"keep": "248-283", "title": "meta:og:title"},
        "Stern_Wagner": {
            "keep": "218-221,223-228,230-237,239-241,244-246",
            "title": "class:title__headline",
        },
        "Welt_Klitschko": {
            "keep": "224-229,231-236",
            "title": "class:c-headline",
            "lead": "meta:description",
        },
        "NTV_Grosse": {"keep": "248-260", "title": "meta:og:title"},
        "Welt_Datenleck": {
            "keep": "226-243",
            "title": "class:c-headline",
            "lead": "meta:description",
        },
        "Tagesschau_Amur": {"keep": "72-75,77-81,84-86,88-91,94-100", "title": "h1_0_el2"},
        "Tagesschau_Thaci": {"keep": "71-75,79-81,83-85,88-90,93-94", "title": "h1_0_el2"},
        "NTV_Gerschkowitsch": {"keep": "248-249,253-257", "title": "meta:og:title"},
        "Bild_O2Prozess": {"keep": "111,114-119,122-129,135-137"},
        "Bild_Matthaeus": {"keep": "111,114-118,121-123,126-127,133-134"},
        "Bild_GinaLisa": {"keep": "111,114-115,121,124-125,128,131-133"},
        "SZ_Snooker": {"keep": "29,35-44"},
        "Bild_Protsenko": {"keep": "110,114-115,121-123,126-128"},
        "NTV_Lawrow": {"keep": "248-254", "title": "meta:og:title"},
        "NTV_Piquet": {"keep": "248-251", "title": "meta:og:title"},
        "NTV_Seeth": {"keep": "248-252", "title": "meta:og:title"},
        "Bild_SUV": {"keep": "111,114-116,119,125-126,129,131-133"},
        "Bild_Muenster": {"keep": "110,114-116,119,125-129"},
        "Tagesschau_Finnland": {"keep": "72-75,77-79,81-82", "title": "h1_0_el2"},
        "Tagesschau_Ladesaeulen": {"keep": "72-74,77-79,82-84", "title": "h1_0_el2"},
        "NTV_Tiktok": {"keep": "248-253", "title": "meta:og:title"},
        "Bild_Jackson": {"keep": "110,114-116,122"},
        "Zeit_Wednesday": {
            "keep": "60-61,65,72-73,77-79",
            "title": "h1_0_el3",
            "lead": "meta:description",
        },
        "Welt_Drama": {"keep": "223", "title": "class:c-headline", "lead": "meta:description"},
        "Heise_Notion": {"keep": "90,92,102-108,111-126"},
        "Golem_Teekanne": {"keep": "71,76,79-82", "title": "h1_0_el3"},
        "DerStandard_Stadtstrasse": {"keep": "2-3,10-23"},
        "DiePresse_Nehammer": {"keep": "1,4-18"},
        "Tagesschau_Dingolfing": {"keep": "148-153", "title": "h1_0_el2"},
        "NTV_Jauch": {"keep": "248-253,257-260,264-267", "title": "meta:og:title"},
        "Tagesschau_Bachmut": {"keep": "72-75,77,80-81,83", "title": "meta:twitter:title"},
        "Tagesschau_Wagenknecht": {"keep": "72-74,77-80,83-88", "title": "h1_0_el2"},
        "Welt_A44": {"keep": "219,223-225"},
        "Zeit_Marseille": {"keep": "1-2,4-22"},
        "Zeit_SaddamGrab": {"keep": "1-13"},
        "Zeit_Flugsicherheit": {"keep": "1-12"},
        "Zeit_Trockenheit": {"keep": "1-7"},
        "Zeit_MerkelAnsprache": {"keep": "1-7"},
        "Zeit_SomaliaRueckzug": {"keep": "1-11"},
        "Zeit_EUBeitritt": {"split": "br", "keep": "1-2,4-14"},
        "Zeit_Querdax0501": {"split": "br", "keep": "1-2,4-13"},
        "Zeit_MusikOper": {"split": "br", "keep": "1-2,4-17"},
        "Zeit_Lateinamerika": {"keep": "1-2,4-18"},
        "Zeit_Saarland": {"split": "br", "keep": "1-2,4-23"},
        "Zeit_Querdax": {"split": "br", "keep": "1-2,4-16"},
        "Zeit_Gesundheitsreform": {"keep": "1-2,4-12"},
        "Zeit_Kollek": {"keep": "1-2,4-8"},
        "Zeit_SternUmfrage": {"keep": "1-7"},
        "Zeit_Kismayu": {"keep": "1-8"},
        "Zeit_Stoiber": {"keep": "1-9"},
        "Zeit_SomaliaTreffen": {"keep": "1-8"},
        "Zeit_Somalia": {"keep": "1-2,4-13"},
        "Zeit_SomaliaGrill": {"keep": "1-2,4-11"},
        "Zeit_SaddamHinrichtung": {"keep": "1-8"},
        "FAZ_BMW_Batteriezelle": {
            "keep": "185,190-195,206-207",
            "title": "h1_0",
            "lead": "meta:og:description",
        },
        "FAZ_SPD_Parteitag_Schulz": {
            "keep": "185-190",
            "title": "meta:og:title",
            "lead": "meta:twitter:description",
        },
        "Spiegel_Kubicki_Gruene": {"keep": "240-241,246-252"},
        "SZ_ParadisePapers_Carstensen": {
            "keep": "3-6,8-11,13-20",
            "title": "h1_0",
            "lead": "meta:description",
        },
        "Zeit_Simbabwe_Jugend": {
            "keep": "62-64,66-67,69-72",
            "title": "meta:og:title",
            "lead": "meta:description",
        },
        "Spiegel_Leavitt_Ruecktritt": {
            "keep": "23,27-28,32",
            "title": "h2_0",
            "lead": "meta:description",
        },
    }
)
# --- end of recipes ---------------------------------------------------------------------------

if __name__ == "__main__":
    main()
