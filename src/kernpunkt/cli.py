"""The `kernpunkt` command: digest, clean or find quotes in a German article from the shell."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from kernpunkt import __version__, batch
from kernpunkt.config import LimitsConfig, load_config
from kernpunkt.errors import KernpunktError
from kernpunkt.options import (
    common_options,
    digest_kwargs,
    digest_options,
    model_options,
    reading_options,
)
from kernpunkt.render import one_line
from kernpunkt.sources import files

OK = 0
INTERNAL_ERROR = 1
USAGE_ERROR = 2
INTERRUPTED = 130
STDIN = "-"
# Fields of a Quote that only translation fills in: `quotes` does not translate.
TRANSLATION_FIELDS = ("text_en", "speaker_en")
FORMATS = ("markdown", "json", "quotes-csv")


class Stage:
    """What the command is doing now, named in the error line when something unexpected fails."""

    def __init__(self, name: str = "starting") -> None:
        """Start in stage `name`."""
        self.name = name


def read_source(
    name: str, limits: LimitsConfig, *, html: bool = False, encoding: str | None = None
) -> str:
    """Return the article in FILE (text, HTML, .docx, .pdf), or in standard input for '-'."""
    return files.read_source(name, files.Reading(limits, encoding, show_note), html=html)


def show_note(message: str) -> None:
    """Tell the user on standard error what a reader guessed."""
    sys.stderr.write(f"note: {message}\n")


@dataclass
class Progress:
    """Report a pipeline's stages: remember the current one, show it on a terminal."""

    stage: Stage
    label: str = ""
    show: bool = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Note `stage` and, on a terminal, write how far it has come to standard error."""
        self.stage.name = stage
        if not self.show:
            return
        count = f" {done}/{total}" if total > 1 else ""
        sys.stderr.write(f"\r\033[K{self.label}{stage}{count}")
        if stage == "key points" and done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def load_pipeline(args: argparse.Namespace) -> Any:
    """Load the configuration and the translation model the options name."""
    from kernpunkt.pipeline import Pipeline

    args.stage.name = "loading the configuration and model"
    return Pipeline.from_config(args.config, model=args.model)


def digest_text(
    pipeline: Any, name: str, text: str, args: argparse.Namespace, label: str = ""
) -> Any:
    """Return the digest of one file's text, its provenance naming the file."""
    progress = Progress(args.stage, label, show=sys.stderr.isatty())
    digest = pipeline.digest(
        text,
        progress=progress,
        **digest_kwargs(args),
    )
    source = "standard input" if name == STDIN else Path(name).name
    digest.provenance = replace(digest.provenance, source=source)
    return digest


def write_digests(digests: list[tuple[str, Any]], output: str) -> None:
    """Write the digests as Markdown, JSON (one per line when several) or a quotes CSV."""
    from kernpunkt.render import quotes_csv, to_markdown

    several = len(digests) > 1
    if output == "json":
        indent = None if several else 2
        sys.stdout.write("".join(d.to_json(indent=indent) + "\n" for _, d in digests))
    elif output == "quotes-csv":
        sources = [name for name, _ in digests] if several else None
        sys.stdout.write(quotes_csv([d for _, d in digests], sources=sources))
    else:
        sys.stdout.write("\n---\n\n".join(to_markdown(d) for _, d in digests))


def run_digest(args: argparse.Namespace) -> int:
    """Read every file, load the model once, digest each; exit 2 if any file was refused."""
    several = len(args.files) > 1
    status = OK

    def refused(name: str, exc: KernpunktError) -> None:
        """Report a file kernpunkt cannot digest; with one file, stop."""
        nonlocal status
        if not several:
            raise exc
        report(f"{name}: {exc}", args)
        status = USAGE_ERROR

    args.stage.name = "loading the configuration"
    limits = load_config(args.config, model=args.model).limits
    texts: list[tuple[str, str]] = []
    for name in args.files:
        args.stage.name = f"reading {name}"
        try:
            texts.append((name, read_source(name, limits, encoding=args.encoding)))
        except KernpunktError as exc:
            refused(name, exc)
    if not texts:
        return status
    pipeline = load_pipeline(args)
    done: list[tuple[str, Any]] = []
    for number, (name, text) in enumerate(texts, 1):
        label = f"[{number}/{len(texts)}] {name}: " if several else ""
        try:
            done.append((name, digest_text(pipeline, name, text, args, label)))
        except KernpunktError as exc:
            refused(name, exc)
    args.stage.name = "writing the output"
    if done:
        write_digests(done, "json" if args.json else args.format)
    return status


def run_clean(args: argparse.Namespace) -> int:
    """Clean one article and print the body, or JSON with what was removed."""
    from kernpunkt.clean import clean

    args.stage.name = f"reading {args.file}"
    text = read_source(args.file, load_config().limits, html=args.html, encoding=args.encoding)
    args.stage.name = "cleaning"
    cleaned = clean(text, kind="html" if args.html else "auto")
    if args.json:
        sys.stdout.write(json.dumps(asdict(cleaned), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(cleaned.text + "\n")
    return OK


def run_quotes(args: argparse.Namespace) -> int:
    """Print one JSON object per quote found in a German text (HTML is cleaned first)."""
    from kernpunkt import quotes, segment
    from kernpunkt.clean import clean
    from kernpunkt.sources.inputs import check_raw

    args.stage.name = f"reading {args.file}"
    config = load_config(args.config)
    text = read_source(args.file, config.limits, encoding=args.encoding)
    limits = config.limits
    check_raw(text, limits.max_raw_chars)
    args.stage.name = "cleaning"
    if not args.no_clean:
        text = clean(text, max_html_chars=limits.max_raw_chars).text
    args.stage.name = "quotes"
    for quote in quotes.attribute(text, segment.segment(text), config.quotes):
        found = {k: v for k, v in asdict(quote).items() if k not in TRANSLATION_FIELDS}
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
    return OK


def run_doctor(args: argparse.Namespace) -> int:
    """Say which model kernpunkt uses, where it looks, whether it loads, and the versions."""
    from kernpunkt.doctor import diagnose

    args.stage.name = "checking the installation"
    lines, ready = diagnose(args.config, args.model)
    sys.stdout.write("\n".join(lines) + "\n")
    return OK if ready else USAGE_ERROR


def add_digest(commands: Any) -> None:
    """Add `kernpunkt digest FILE…`."""
    digest = commands.add_parser(
        "digest",
        parents=[digest_options(), reading_options()],
        help="clean, translate and summarise articles (one model load for all files)",
    )
    digest.add_argument(
        "files",
        nargs="*",
        default=[STDIN],
        metavar="FILE",
        help="text, Markdown, HTML, .docx or .pdf files, or - for stdin (the default)",
    )
    digest.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="Markdown (default), the Digest as JSON, or the quotes as CSV",
    )
    digest.add_argument("--json", action="store_true", help="same as --format json")
    digest.set_defaults(run=run_digest)


def add_clean(commands: Any) -> None:
    """Add `kernpunkt clean FILE`."""
    clean = commands.add_parser(
        "clean",
        parents=[common_options(), reading_options()],
        help="print the article body without boilerplate",
    )
    clean.add_argument("file", nargs="?", default=STDIN, help="a text or HTML file, or - for stdin")
    clean.add_argument("--html", action="store_true", help="treat the input as HTML")
    clean.add_argument("--json", action="store_true", help="also list what was removed, and why")
    clean.set_defaults(run=run_clean)


def add_quotes(commands: Any) -> None:
    """Add `kernpunkt quotes FILE`."""
    quotes = commands.add_parser(
        "quotes",
        parents=[model_options(config_only=True), reading_options()],
        help="print the quotes and their speakers as JSON lines (offsets in the cleaned text)",
    )
    quotes.add_argument(
        "file", nargs="?", default=STDIN, help="a text or HTML file, or - for stdin"
    )
    quotes.add_argument(
        "--no-clean", action="store_true", help="find quotes in the text as it is (file offsets)"
    )
    quotes.set_defaults(run=run_quotes)


def add_doctor(commands: Any) -> None:
    """Add `kernpunkt doctor`."""
    doctor = commands.add_parser(
        "doctor",
        parents=[model_options()],
        help="which model, where kernpunkt looks, whether it loads, versions",
    )
    doctor.set_defaults(run=run_doctor)


# Each adds one subcommand; a new command (`batch`) adds its function here.
COMMANDS: list[Callable[[Any], None]] = [
    add_digest,
    add_clean,
    add_quotes,
    add_doctor,
    batch.add_parser,
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the `kernpunkt` command."""
    parser = argparse.ArgumentParser(
        prog="kernpunkt",
        description="German news in, English key points out, every quote still attributed.",
    )
    parser.add_argument("--version", action="version", version=f"kernpunkt {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="print the traceback of an error as well"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS:
        add(commands)
    return parser


def quiet_libraries() -> None:
    """Keep the model libraries' warnings off standard error: errors say what matters."""
    for name in ("huggingface_hub", "transformers"):
        logging.getLogger(name).setLevel(logging.ERROR)


def report(message: str, args: argparse.Namespace) -> None:
    """Write one `error:` line to standard error, and the traceback too with --debug."""
    if args.debug:
        traceback.print_exc()
    sys.stderr.write(f"error: {one_line(message)}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Bad input exits 2 and a fault of kernpunkt's exits 1, each with one `error:` line naming
    what went wrong (and, for a fault, the stage); --debug adds the traceback.
    """
    args = build_parser().parse_args(argv)
    args.stage = Stage()
    if not args.debug:
        quiet_libraries()
    try:
        return args.run(args)
    except KernpunktError as exc:
        report(str(exc), args)
        return USAGE_ERROR
    except KeyboardInterrupt:
        sys.stderr.write(f"\nerror: interrupted while {args.stage.name}\n")
        return INTERRUPTED
    except Exception as exc:  # the catch-all: a bug of ours must still end in one line
        report(
            f"unexpected {type(exc).__name__} while {args.stage.name}: {exc} — this is a fault "
            "in kernpunkt, not in your input; run again with --debug for the traceback and "
            "report it",
            args,
        )
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
