"""The `kernpunkt batch` job: digest many articles exactly once into an output a restart resumes.

INPUT is a JSONL file, a CSV file, a folder of documents, or `-` (JSONL on standard input).
Each article's output is written whole, in one `write`, and flushed, so an output never holds
half an article that would count as done; ids already in OUTPUT are skipped on a restart.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from hashlib import sha1
from pathlib import Path
from typing import Any

from kernpunkt.document import to_record
from kernpunkt.errors import KernpunktError
from kernpunkt.options import digest_kwargs, digest_options

Record = dict[str, Any]
SOURCES = ("text", "html", "url")
FORMATS = ("jsonl", "csv", "markdown-dir")
FOLDER_SUFFIXES = (".txt", ".md", ".html", ".htm")
CSV_COLUMNS = ("id", "rank", "english", "german", "speakers", "error_type", "error_message")
LEDGER = "index.jsonl"
# tqdm's bar with the rate per minute (in the postfix) instead of its rate per second
BAR_FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]"
# Exit statuses: every article digested, some failed, bad usage; a signal gives 128 + its number.
DONE, SOME_FAILED = 0, 1
SIGNAL_EXIT_BASE = 128
UNSAFE_NAME_CHARS = re.compile(r"[^\w.-]+")
MAX_NAME_CHARS = 80
ID_HASH_CHARS = 10


class BatchInputError(KernpunktError):
    """INPUT or OUTPUT of a batch job cannot be used; the message names the line and the fix."""


@dataclass
class Article:
    """One article of INPUT: where it stands (for messages) and the item for `digest_many`."""

    where: str
    item: Record

    @property
    def id(self) -> str:
        """Return the article's id."""
        return self.item["id"]


# --- reading INPUT ------------------------------------------------------------------------


def read_input(source: str) -> list[Article]:
    """Return the articles of INPUT, checked: every id present and unique, one source each."""
    path = Path(source)
    try:
        if source == "-":
            articles = parse_jsonl(sys.stdin.buffer.read(), "standard input")
        elif path.is_dir():
            articles = read_folder(path)
        elif not path.is_file():
            raise BatchInputError(f"INPUT {source} is neither a file nor a folder")
        elif path.suffix.lower() == ".csv":
            articles = read_csv(path)
        else:
            articles = parse_jsonl(path.read_bytes(), str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchInputError(f"cannot read INPUT {source}: {exc}") from exc
    check_unique(articles)
    return articles


def parse_jsonl(data: bytes, name: str) -> list[Article]:
    """Return the articles of JSONL `data`: one object per line with an id and one source."""
    articles = []
    for number, line in enumerate(data.decode("utf-8-sig", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BatchInputError(f"{where} is not JSON ({exc.msg}); fix or remove it") from exc
        if not isinstance(row, dict):
            raise BatchInputError(f"{where} must be a JSON object with an id and a text")
        articles.append(Article(where, checked_item(row, where)))
    return articles


def read_csv(path: Path) -> list[Article]:
    """Return the articles of a CSV file with an id column and text, html or url columns."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        if "id" not in columns or not columns.intersection(SOURCES):
            raise BatchInputError(
                f"{path} needs a header with an id column and a text, html or url column"
            )
        articles = []
        for row in reader:
            where = f"{path} line {reader.line_num}"
            given = {k: row[k] for k in SOURCES if row.get(k)}
            # a row with every source cell empty is an empty article, reported as such
            articles.append(Article(where, checked_item({"id": row["id"], **given}, where)))
    return articles


def read_folder(folder: Path) -> list[Article]:
    """Return one article per document in `folder` and below; its id is the relative path."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    others = [p for p in files if p.suffix.lower() not in FOLDER_SUFFIXES]
    if others:
        sys.stderr.write(
            f"note: {len(others)} file(s) in {folder} are not {'/'.join(FOLDER_SUFFIXES)} "
            f"and are left out, e.g. {others[0].relative_to(folder)}\n"
        )
    return [
        Article(str(p), {"id": p.relative_to(folder).as_posix(), "path": str(p)})
        for p in files
        if p.suffix.lower() in FOLDER_SUFFIXES
    ]


def checked_item(row: Record, where: str) -> Record:
    """Return the `digest_many` item of an input row, or raise an error naming `where`."""
    ident = row.get("id")
    if not isinstance(ident, str | int) or isinstance(ident, bool) or str(ident) == "":
        raise BatchInputError(f"{where} has no id: give every article a unique string id")
    given = [k for k in SOURCES if row.get(k) is not None]
    if not given:
        given, row = ["text"], {**row, "text": ""}
    if len(given) > 1 or not isinstance(row[given[0]], str):
        raise BatchInputError(
            f"{where} must have exactly one of {', '.join(SOURCES)} as a string "
            f"(it has {', '.join(given)})"
        )
    return {"id": str(ident), given[0]: row[given[0]]}


def check_unique(articles: list[Article]) -> None:
    """Raise an error naming the first id that INPUT holds twice."""
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise BatchInputError(
                f"duplicate id '{article.id}' ({seen[article.id]} and {article.where}): ids must "
                "be unique, since OUTPUT records each id once; nothing was digested"
            )
        seen[article.id] = article.where


# --- writing OUTPUT -----------------------------------------------------------------------


def write_whole(path: Path, data: bytes) -> None:
    """Append `data` to `path` in one write and make it durable before returning."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def complete_lines(path: Path) -> list[str]:
    """Return the whole lines of `path`, cutting off a torn last line left by an older crash."""
    if not path.exists():
        return []
    data = path.read_bytes()
    whole = data[: data.rfind(b"\n") + 1]
    if len(whole) < len(data):
        sys.stderr.write(f"note: {path} ended in a torn line; it is dropped and redone\n")
        os.truncate(path, len(whole))
    return whole.decode("utf-8").splitlines()


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if need be): one job per OUTPUT at a time."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; running one job per OUTPUT is up to you
        yield
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BatchInputError(
                f"another kernpunkt batch is writing {path}; wait for it to end, or stop it "
                "(Ctrl-C) and run this command again"
            ) from exc
        yield
    finally:
        os.close(fd)


class Sink:
    """Where a batch job writes its records; it knows which ids an earlier run finished."""

    def __init__(self, path: Path) -> None:
        """Write to `path`."""
        self.path = path
        self.lock_path = path

    def finished(self) -> dict[str, bool]:
        """Return id → digested (False: an error record) for what OUTPUT already holds."""
        raise NotImplementedError

    def write(self, record: Record) -> None:
        """Write one article's record whole."""
        raise NotImplementedError


class JsonlSink(Sink):
    """One JSON line per article: the Digest with its id, or `{"id", "error"}`."""

    def finished(self) -> dict[str, bool]:
        """Return the ids of the complete lines of OUTPUT."""
        done = {}
        for number, line in enumerate(complete_lines(self.path), 1):
            try:
                record = json.loads(line)
                done[str(record["id"])] = "error" not in record
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise BatchInputError(
                    f"{self.path} line {number} is not a kernpunkt batch record; "
                    "choose another OUTPUT"
                ) from exc
        return done

    def write(self, record: Record) -> None:
        """Append the record as one line."""
        line = json.dumps(record, ensure_ascii=False) + "\n"
        write_whole(self.path, line.encode("utf-8"))


class CsvSink(Sink):
    """One row per key point (id, rank, English, German, speakers); an error is one row."""

    def finished(self) -> dict[str, bool]:
        """Return the ids of the rows of OUTPUT."""
        lines = complete_lines(self.path)
        header = csv_text([CSV_COLUMNS])
        if not lines:
            self.path.write_text(header, encoding="utf-8")
            return {}
        if lines[0] != header.strip():
            raise BatchInputError(f"{self.path} is not a kernpunkt batch CSV; choose another")
        rows = list(csv.DictReader(lines))
        done: dict[str, bool] = {}
        for row in rows:
            done[row["id"]] = done.get(row["id"], True) and not row["error_type"]
        return done

    def write(self, record: Record) -> None:
        """Append the article's rows in one write."""
        write_whole(self.path, csv_text(csv_rows(record)).encode("utf-8"))


class MarkdownDirSink(Sink):
    """A folder with one Markdown digest per article and a ledger, index.jsonl, of ids done."""

    def __init__(self, path: Path) -> None:
        """Write into the folder `path`, creating it."""
        super().__init__(path)
        path.mkdir(parents=True, exist_ok=True)
        self.ledger = JsonlSink(path / LEDGER)
        self.lock_path = self.ledger.path

    def finished(self) -> dict[str, bool]:
        """Return the ids in the ledger."""
        return self.ledger.finished()

    def write(self, record: Record) -> None:
        """Write the digest's file (atomically), then its ledger line; an error only the latter."""
        if "error" in record:
            self.ledger.write(record)
            return
        from kernpunkt.document import Digest
        from kernpunkt.render import to_markdown

        name = file_name(record["id"])
        partial_file = self.path / f".{name}.partial"
        partial_file.write_text(to_markdown(Digest.from_dict(record)), encoding="utf-8")
        os.replace(partial_file, self.path / name)
        self.ledger.write({"id": record["id"], "file": name})


SINKS: dict[str, Callable[[Path], Sink]] = {
    "jsonl": JsonlSink,
    "csv": CsvSink,
    "markdown-dir": MarkdownDirSink,
}


def csv_text(rows: list[tuple[Any, ...]] | list[list[Any]]) -> str:
    """Return rows as CSV text; cells keep no line breaks, so each row is one line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[" ".join(str(cell).split()) for cell in row] for row in rows])
    return buffer.getvalue()


def csv_rows(record: Record) -> list[list[Any]]:
    """Return the CSV rows of one record: a row per key point, or one row for an error."""
    ident = record["id"]
    if "error" in record:
        return [[ident, "", "", "", "", record["error"]["type"], record["error"]["message"]]]
    rows: list[list[Any]] = []
    for rank, point in enumerate(record["key_points"], 1):
        names = [q.get("speaker_en") or q.get("speaker") for q in point["quotes"]]
        speakers = "; ".join(dict.fromkeys(n for n in names if n))
        rows.append([ident, rank, point["en"], point["de"], speakers, "", ""])
    # an article without key points still shows that it was done
    return rows or [[ident, "", "", "", "", "", ""]]


def file_name(ident: str) -> str:
    """Return a safe, unique Markdown file name for an article id."""
    safe = UNSAFE_NAME_CHARS.sub("_", ident).strip("._")[:MAX_NAME_CHARS] or "article"
    if safe != ident:
        safe = f"{safe}-{sha1(ident.encode()).hexdigest()[:ID_HASH_CHARS]}"
    return f"{safe}.md"


# --- running ------------------------------------------------------------------------------


@dataclass
class Tally:
    """What a batch job did: counts for the summary and the exit status."""

    total: int
    skipped: int = 0
    digested: int = 0
    failed: int = 0
    failed_before: int = 0
    started: float = field(default_factory=time.perf_counter)

    def count(self, record: Record) -> None:
        """Count one written record."""
        if "error" in record:
            self.failed += 1
        else:
            self.digested += 1

    def summary(self, output: str) -> str:
        """Return the one-line summary of the run."""
        seconds = time.perf_counter() - self.started
        rate = (self.digested + self.failed) / seconds * 60 if seconds else 0.0
        before = f" (and {self.failed_before} in an earlier run)" if self.failed_before else ""
        return (
            f"kernpunkt batch: {self.digested} digested, {self.failed} failed{before}, "
            f"{self.skipped} skipped as already done, in {seconds:.1f} s "
            f"({rate:.0f} articles/min) → {output}"
        )


class Stop:
    """Turn SIGINT and SIGTERM into a request to stop after the current batch."""

    def __init__(self) -> None:
        """Start with no request."""
        self.signal: int | None = None

    def handle(self, signum: int, _frame: object) -> None:
        """Note the first signal; a second one stops at once."""
        if self.signal is not None:
            raise KeyboardInterrupt
        self.signal = signum
        sys.stderr.write(
            f"\n{signal.Signals(signum).name}: finishing the current batch "
            "(send it again to stop at once; finished articles are kept either way)\n"
        )

    def claim(self) -> dict[int, Any]:
        """Make `handle` the handler of SIGINT and SIGTERM; return the handlers it replaces."""
        return {s: signal.signal(s, self.handle) for s in (signal.SIGINT, signal.SIGTERM)}

    @contextmanager
    def installed(self) -> Iterator[Stop]:
        """Handle the signals inside the block, and restore the old handlers after it."""
        old = self.claim()
        try:
            yield self
        finally:
            for signum, handler in old.items():
                signal.signal(signum, handler)


def local_records(
    articles: list[Article], args: argparse.Namespace, stop: Stop
) -> Iterator[Record]:
    """Digest the articles in this process, batch by batch, until done or asked to stop."""
    from kernpunkt.pipeline import Pipeline

    pipeline = Pipeline.from_config(args.config, model=args.model, workers=args.workers)
    size = args.batch_size
    for start in range(0, len(articles), size):
        batch = [article.item for article in articles[start : start + size]]
        for result in pipeline.digest_many(batch, batch_size=size, **digest_kwargs(args)):
            yield to_record(result)
        if stop.signal is not None:
            return


def ray_records(articles: list[Article], args: argparse.Namespace, stop: Stop) -> Iterator[Record]:
    """Digest the articles on a Ray cluster (or a local Ray), until done or asked to stop."""
    try:
        import ray
    except ImportError as exc:
        raise BatchInputError(
            "--engine ray needs Ray: pip install 'kernpunkt[ray]' (or ray[data])"
        ) from exc
    from kernpunkt.scale import digest_dataset

    if args.address:
        ray.init(address=args.address, log_to_driver=False)
    elif not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False)
    stop.claim()  # ray.init puts in a SIGTERM handler of its own that exits at once
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    rows = ray.data.from_items([article.item for article in articles])
    digested = digest_dataset(
        rows,
        config=args.config,
        model=args.model,
        concurrency=args.workers or 1,
        batch_size=args.batch_size,
        **digest_kwargs(args),
    )
    for row in digested.iter_rows():
        yield json.loads(row["record"])
        if stop.signal is not None:
            return


ENGINES = {"local": local_records, "ray": ray_records}


def progress_bar(total: int, quiet: bool) -> Any:
    """Return a tqdm bar on standard error when it is a terminal, else a silent one."""
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="article",
        bar_format=BAR_FORMAT,
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
        dynamic_ncols=True,
    )


def show(bar: Any, tally: Tally) -> None:
    """Advance the progress bar by one article, with the rate per minute and the failures."""
    bar.update()
    if not bar.disable:
        minutes = bar.format_dict["elapsed"] / 60
        rate = bar.n / minutes if minutes else 0.0
        bar.set_postfix_str(f"{rate:.0f}/min, failed {tally.failed}", refresh=False)


def run_batch(args: argparse.Namespace) -> int:
    """Run a batch job; return the exit status."""
    if args.batch_size < 1 or (args.workers is not None and args.workers < 1):
        raise BatchInputError("--batch-size and --workers must be at least 1")
    if args.address and args.engine != "ray":
        raise BatchInputError("--address names a Ray cluster: use it with --engine ray")
    articles = read_input(args.input)
    with ExitStack() as held:
        try:
            sink = SINKS[args.format](Path(args.output))
            held.enter_context(locked(sink.lock_path))
            finished = sink.finished()
        except (OSError, UnicodeDecodeError) as exc:
            raise BatchInputError(
                f"cannot use {args.output} as {args.format} OUTPUT ({exc}); choose another path"
            ) from exc
        return run_articles(articles, sink, finished, args)


def run_articles(
    articles: list[Article], sink: Sink, finished: dict[str, bool], args: argparse.Namespace
) -> int:
    """Digest the articles not yet `finished` into `sink`; return the exit status."""
    todo = [article for article in articles if article.id not in finished]
    tally = Tally(total=len(articles), skipped=len(articles) - len(todo))
    tally.failed_before = sum(not finished[a.id] for a in articles if a.id in finished)
    stop = Stop()
    with stop.installed(), progress_bar(len(todo), args.quiet) as bar:
        try:
            for record in ENGINES[args.engine](todo, args, stop) if todo else ():
                sink.write(record)
                tally.count(record)
                show(bar, tally)
        except KeyboardInterrupt:
            pass  # a second signal: what was written stays written
    if not args.quiet:
        sys.stderr.write(tally.summary(args.output) + "\n")
    left = len(todo) - tally.digested - tally.failed
    if stop.signal is not None and left:
        sys.stderr.write(
            f"stopped by {signal.Signals(stop.signal).name} with {left} article(s) to go; "
            f"run the same command again to resume: kernpunkt batch {args.input} "
            f"-o {args.output} … (ids already in {args.output} are skipped)\n"
        )
        return SIGNAL_EXIT_BASE + stop.signal
    return SOME_FAILED if tally.failed or tally.failed_before else DONE


def add_parser(commands: Any) -> None:
    """Register the `batch` subcommand on the `kernpunkt` command's subparsers."""
    parser = commands.add_parser(
        "batch",
        parents=[digest_options()],
        help="digest many articles (JSONL, CSV, a folder) exactly once, resumable",
        description=(
            "Digest every article of INPUT into OUTPUT, one record per id. Run it again with the "
            "same OUTPUT to resume: ids already there are skipped. Exit status: 0 all digested, "
            "1 some failed (their error records are written), 2 bad usage, 128+N stopped by "
            "signal N."
        ),
    )
    parser.add_argument(
        "input", help="JSONL (id + text|html|url), CSV with those columns, a folder, or -"
    )
    parser.add_argument("-o", "--output", required=True, help="the output file (folder)")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format")
    parser.add_argument(
        "--batch-size", type=int, default=8, metavar="N", help="articles per shared model call"
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local: model replicas (CTranslate2) or torch threads; ray: workers (actors)",
    )
    parser.add_argument("--engine", choices=tuple(ENGINES), default="local")
    parser.add_argument("--address", help="Ray cluster address (ray://host:10001); --engine ray")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    parser.set_defaults(run=run_batch)
