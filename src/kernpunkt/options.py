"""The command-line options that `kernpunkt digest` and `kernpunkt batch` share."""

from __future__ import annotations

import argparse
from typing import Any

GREEDY_BEAMS = 1


def positive_int(value: str) -> int:
    """Return `value` as a whole number of at least 1, or make argparse refuse it."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not '{value}'")
    return number


def common_options() -> argparse.ArgumentParser:
    """Return the options of every command: --debug (also accepted before the command)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the traceback of an error as well",
    )
    return parent


def model_options(*, config_only: bool = False) -> argparse.ArgumentParser:
    """Return the --config and --model options, for every command that loads them."""
    parent = argparse.ArgumentParser(add_help=False, parents=[common_options()])
    parent.add_argument("--config", help="a YAML file overriding configs/default.yaml")
    if not config_only:
        parent.add_argument("--model", help="translation model: a hub id or a local folder")
    return parent


def reading_options() -> argparse.ArgumentParser:
    """Return the --encoding option of the commands that read one article from a file."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--encoding", help="the text's encoding (default: UTF-8, else cp1252)")
    return parent


def digest_options() -> argparse.ArgumentParser:
    """Return the options of one digest (cleaning, key points, decoding), shared with `batch`."""
    parent = argparse.ArgumentParser(add_help=False, parents=[model_options()])
    parent.add_argument("--no-clean", action="store_true", help="use the text as it is")
    parent.add_argument("--key-points", type=positive_int, metavar="N", help="how many key points")
    parent.add_argument(
        "--key-points-only",
        action="store_true",
        help="translate only the key points and their quotes (faster)",
    )
    decoding = parent.add_mutually_exclusive_group()
    decoding.add_argument("--fast", action="store_true", help="greedy decoding (one beam)")
    decoding.add_argument(
        "--num-beams", type=positive_int, metavar="N", help="beams of the beam search"
    )
    return parent


def digest_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """Return the `Pipeline.digest` options that `digest_options()` parsed."""
    return {
        "clean_input": not args.no_clean,
        "key_points": args.key_points,
        "key_points_only": args.key_points_only,
        "num_beams": GREEDY_BEAMS if args.fast else args.num_beams,
    }
