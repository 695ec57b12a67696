"""The `crosscheck` command: argument parsing and user-facing errors, nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from crosscheck import __version__
from crosscheck.load import load_dataset
from crosscheck.problems import DataError


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="crosscheck",
        description="Validate a claims dataset and build the report on it.",
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate", help="check a data folder and list every problem in it"
    )
    validate.add_argument("data_dir", nargs="?", default="data", help="data folder (default: data)")
    validate.set_defaults(run=_validate)

    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1


def _validate(arguments: argparse.Namespace) -> int:
    dataset = load_dataset(arguments.data_dir)
    counts = ", ".join(f"{count} {name}" for name, count in dataset.counts().items())
    print(f"{arguments.data_dir}: valid ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
