"""The `kernpunkt` command: digest, clean or find quotes in a German article from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from kernpunkt import batch
from kernpunkt.errors import KernpunktError
from kernpunkt.inputs import decode

USAGE_ERROR = 2


def read_source(name: str, *, html: bool = False) -> str:
    """Return the text of FILE, or of standard input for '-'; HTML is decoded by its charset."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise KernpunktError(f"cannot read {name}: {exc.strerror}") from exc
    if html or data.lstrip()[:1] == b"<":
        from kernpunkt.clean import decode_html

        return decode_html(data)
    return decode(data)


def show_progress(stage: str, done: int, total: int) -> None:
    """Write the current stage and how far it has come to standard error."""
    count = f" {done}/{total}" if total > 1 else ""
    sys.stderr.write(f"\r\033[K{stage}{count}")
    if stage == "key points" and done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run_digest(args: argparse.Namespace) -> None:
    """Digest one article and print it as Markdown or JSON."""
    from kernpunkt.pipeline import Pipeline
    from kernpunkt.render import to_markdown

    text = read_source(args.file)
    pipeline = Pipeline.from_config(args.config, model=args.model)
    digest = pipeline.digest(
        text,
        clean_input=not args.no_clean,
        key_points=args.key_points,
        key_points_only=args.key_points_only,
        progress=show_progress if sys.stderr.isatty() else None,
    )
    sys.stdout.write(digest.to_json() + "\n" if args.json else to_markdown(digest))


def run_clean(args: argparse.Namespace) -> None:
    """Clean one article and print the body, or JSON with what was removed."""
    from kernpunkt.clean import clean

    cleaned = clean(read_source(args.file, html=args.html), kind="html" if args.html else "auto")
    if args.json:
        sys.stdout.write(json.dumps(asdict(cleaned), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(cleaned.text + "\n")


def run_quotes(args: argparse.Namespace) -> None:
    """Print one JSON object per quote found in a German text."""
    from kernpunkt.config import load_config
    from kernpunkt.inputs import check_raw
    from kernpunkt.quotes import find_quotes

    text = read_source(args.file)
    check_raw(text, load_config().limits.max_raw_chars)
    for quote in find_quotes(text):
        sys.stdout.write(json.dumps(asdict(quote), ensure_ascii=False) + "\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the `kernpunkt` command."""
    parser = argparse.ArgumentParser(
        prog="kernpunkt",
        description="German news in, English key points out, every quote still attributed.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    digest = commands.add_parser("digest", help="clean, translate and summarise an article")
    digest.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    digest.add_argument("--json", action="store_true", help="print the Digest as JSON")
    digest.add_argument("--config", help="a YAML file overriding configs/default.yaml")
    digest.add_argument("--model", help="translation model: a hub id or a local folder")
    digest.add_argument("--no-clean", action="store_true", help="use the text as it is")
    digest.add_argument("--key-points", type=int, metavar="N", help="how many key points")
    digest.add_argument(
        "--key-points-only",
        action="store_true",
        help="translate only the key points and their quotes (faster)",
    )
    digest.set_defaults(run=run_digest)

    clean = commands.add_parser("clean", help="print the article body without boilerplate")
    clean.add_argument("file", nargs="?", default="-", help="a text or HTML file, or - for stdin")
    clean.add_argument("--html", action="store_true", help="treat the input as HTML")
    clean.add_argument("--json", action="store_true", help="also list what was removed, and why")
    clean.set_defaults(run=run_clean)

    quotes = commands.add_parser("quotes", help="print the quotes and their speakers as JSON lines")
    quotes.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    quotes.set_defaults(run=run_quotes)

    batch.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 with one `error:` line on bad input)."""
    args = build_parser().parse_args(argv)
    try:
        status = args.run(args)
    except KernpunktError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return USAGE_ERROR
    return status or 0


if __name__ == "__main__":
    sys.exit(main())
