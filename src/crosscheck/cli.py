"""The `crosscheck` command: argument parsing and user-facing errors, nothing else."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from crosscheck import __version__, chapter_parameters
from crosscheck.load import load_dataset
from crosscheck.problems import DataError
from crosscheck.report import (
    BuildError,
    BuildOptions,
    as_papermill_values,
    build,
    chapter_notebooks,
)
from crosscheck.settings import SETTINGS_FILE, read_settings


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

    package = commands.add_parser(
        "datapackage",
        help="write DATA_DIR/datapackage.json, the Frictionless Data Package of the tables, "
        "from the schema and the data dictionary",
    )
    package.add_argument("data_dir", nargs="?", default="data", help="data folder (default: data)")
    package.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if datapackage.json differs from what would be written",
    )
    package.set_defaults(run=_datapackage)

    report = commands.add_parser(
        "report", help="run the chapter notebooks and render the HTML report (atomically)"
    )
    report.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    report.add_argument(
        "--as-of",
        default=None,
        metavar="YYYY-MM-DD",
        help="use only claims published on or before this day (default: every claim)",
    )
    report.add_argument("--out", type=Path, default=Path("reports"), help="output folder (reports)")
    report.add_argument(
        "--with-code",
        action="store_true",
        help="also write report-with-code.html, the report with its code cells",
    )
    report.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        metavar="DIR",
        help="run the NN_name.ipynb chapters of this folder instead of notebooks/",
    )
    report.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a further notebook parameter, as papermill takes it (VALUE read as YAML): "
        "-p grade_overrides '{rok-nis: A2}' -p approximate_margin 0.1",
    )
    report.add_argument(
        "--articles",
        nargs="+",
        metavar="ARTICLE_ID",
        default=None,
        help="use only the claims of these articles (e.g. dt-2024-10-23: the seed article alone)",
    )
    report.add_argument(
        "--jobs", type=int, default=None, metavar="N",
        help="chapters run side by side (default: one per core, at most 4)",
    )  # fmt: skip
    report.add_argument("--quiet", action="store_true", help="no progress output")
    report.set_defaults(run=_report)

    draft = commands.add_parser(
        "draft",
        help="draft candidate claims from an article's text, or from every .txt of a folder, "
        "for review",
    )
    draft.add_argument(
        "article",
        type=Path,
        help="the article as plain text (UTF-8), or a folder of them: each drafted with its "
        "day, outlet, url and language from the folder's manifest.csv (columns file, "
        "published_on, outlet, url, language) or else from its dateline",
    )
    draft.add_argument(
        "--published",
        default=None,
        metavar="YYYY-MM-DD",
        help="the article's publication day (relative dates resolve from it); required for "
        "one article; for a folder, the day datelines are read back from (default: today)",
    )
    draft.add_argument("--outlet", default="Unknown outlet", help="the outlet's name")
    draft.add_argument("--url", default=None, help="where the article was read (http/https)")
    draft.add_argument("--article-id", default=None, help="id for the article (default: derived)")
    draft.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    draft.add_argument(
        "--out",
        type=Path,
        default=None,
        help="draft folder to write (default: drafts/<article id>); for a folder of "
        "articles, the folder the drafts go in (default: drafts)",
    )
    draft.add_argument(
        "--force",
        action="store_true",
        help="overwrite a draft folder that exists (default: write <folder>-2, -3, ... "
        "and leave the reviewed draft as it is)",
    )
    draft.add_argument("--quiet", action="store_true", help="no progress bar for a folder")
    draft.set_defaults(run=_draft)

    accept_command = commands.add_parser(
        "accept", help="append a reviewed draft to the data, after validating it"
    )
    accept_command.add_argument("draft", type=Path, help="the draft folder")
    accept_command.add_argument("--data", type=Path, default=Path("data"), help="data folder")
    accept_command.add_argument(
        "--as-drafted",
        action="store_true",
        help="take rows still marked for review (a review reason, a proposed claimant, a "
        "low confidence) as they are, unreviewed",
    )
    accept_command.set_defaults(run=_accept)

    quality = commands.add_parser(
        "quality", help="precision and recall of the drafter on hand-annotated articles"
    )
    quality.add_argument(
        "--gold", type=Path, default=Path("tests/gold"), help="development half (tests/gold)"
    )
    quality.add_argument(
        "--held-out",
        type=Path,
        default=Path("tests/gold/heldout"),
        help="held-out half, written blind (tests/gold/heldout)",
    )
    quality.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    quality.set_defaults(run=_quality)

    _class_commands(commands)

    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"report not built: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        out = getattr(arguments, "out", None)
        kept = arguments.command == "report" and (out / "index.html").exists()
        print("interrupted" + (": the previous report is unchanged" if kept else ""),
              file=sys.stderr)  # fmt: skip
        return 130


def _class_commands(commands) -> None:
    """`crosscheck class compare` and `crosscheck class pack`: the classroom's two commands."""
    classroom = commands.add_parser(
        "class", help="the classroom: compare the class's answer cards, write a lesson pack"
    )
    actions = classroom.add_subparsers(dest="class_command", required=True)
    compare = actions.add_parser(
        "compare",
        help="read every answer card (*.csv) of a folder and write the class's page of "
        "estimates side by side (offline HTML, and its CSVs)",
    )
    compare.add_argument("answers", type=Path, help="the folder of answer cards (answers/)")
    compare.add_argument(
        "--out", type=Path, default=Path("reports/class"), help="output folder (reports/class)"
    )
    compare.set_defaults(run=_class_compare)
    pack = actions.add_parser(
        "pack",
        help="write a lesson pack for a day: the students' handout (HTML and PDF) and the "
        "teacher's page",
    )
    pack.add_argument(
        "--as-of", required=True, metavar="YYYY-MM-DD", help="the lesson's day: what was known"
    )
    pack.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    pack.add_argument(
        "--out", type=Path, default=None, help="output folder (reports/lesson-<as-of>)"
    )
    pack.set_defaults(run=_class_pack)


def _not_a_folder(out, command: str) -> bool:
    """An --out that names an existing file is refused in a sentence, not a traceback."""
    if out is not None and Path(out).exists() and not Path(out).is_dir():
        print(f"{command} not written: --out {out} is a file, not a folder", file=sys.stderr)
        return True
    return False


def _class_compare(arguments: argparse.Namespace) -> int:
    from crosscheck.class_page import write_class_page

    if _not_a_folder(arguments.out, "class page"):
        return 2
    result = write_class_page(arguments.answers, arguments.out)
    for path, reason in result.skipped:
        print(f"skipped: {path.name} is {reason}", file=sys.stderr)
    if result.page is None:
        print(f"no answer card read in {arguments.answers}: {result.reason}", file=sys.stderr)
        return 2
    print(f"class page written: {result.page} ({result.cards} answer cards)")
    return 0


def _class_pack(arguments: argparse.Namespace) -> int:
    from crosscheck.lesson import write_pack

    out = arguments.out or Path("reports") / f"lesson-{arguments.as_of}"
    if _not_a_folder(out, "lesson pack"):
        return 2
    try:
        written = write_pack(arguments.as_of, arguments.data, out)
    except ValueError as error:  # a day that is not a day, a cut-off before any claim
        print(f"lesson pack not written: {error}", file=sys.stderr)
        return 1
    except (RuntimeError, OSError) as error:  # Chromium failed; a file could not be moved
        print(f"lesson pack not written ({out} is as it was): {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"written: {path}")
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _validate(arguments: argparse.Namespace) -> int:
    dataset = load_dataset(arguments.data_dir)
    # report.yml belongs to the data folder: its parameters are checked as a build would.
    settings = read_settings(Path(arguments.data_dir))
    try:
        chapter_parameters.check(as_papermill_values(settings.parameters or {}), dataset)
    except chapter_parameters.ParameterError as error:
        print(f"{Path(arguments.data_dir) / SETTINGS_FILE}: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{count} {name}" for name, count in dataset.counts().items())
    print(f"{arguments.data_dir}: valid ({counts})\n{dataset.notes_report()}", end="")
    return 0


def _datapackage(arguments: argparse.Namespace) -> int:
    from crosscheck import datapackage

    path = Path(arguments.data_dir) / datapackage.PACKAGE_FILE
    try:
        if not arguments.check:
            print(f"written: {datapackage.write_data_package(arguments.data_dir)}")
            return 0
        current = datapackage.data_package_is_current(arguments.data_dir)
    except (ValueError, OSError) as error:
        print(f"cannot describe {arguments.data_dir}: {error}", file=sys.stderr)
        return 1
    if current:
        print(f"{path} is current")
        return 0
    print(
        f"{path} differs from the schema and the data dictionary: "
        f"run `crosscheck datapackage {arguments.data_dir}` to write it again",
        file=sys.stderr,
    )
    return 1


def _draft(arguments: argparse.Namespace) -> int:
    from crosscheck.drafting.batch import count_to_review, draft_file
    from crosscheck.drafting.language import UnsupportedLanguage
    from crosscheck.findings import counted

    if arguments.article.is_dir():
        return _draft_folder(arguments)
    if arguments.published is None:
        print("cannot draft: give the article's publication day, --published YYYY-MM-DD",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        published = date.fromisoformat(arguments.published)
        text = arguments.article.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        print(f"cannot draft {arguments.article}: it is not UTF-8 text ({error.reason} at "
              f"byte {error.start}): save it as UTF-8 (plain text) and draft it again",
              file=sys.stderr)  # fmt: skip
        return 1
    except ValueError as error:
        print(f"cannot draft: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot read {arguments.article}: {error.strerror}", file=sys.stderr)
        return 1
    dataset = load_dataset(arguments.data)
    out = arguments.out or Path("drafts") / "{article_id}"
    if out.exists() and not out.is_dir():
        print(f"cannot draft: {out} is a file, not a draft folder", file=sys.stderr)
        return 1
    try:
        result, folder = draft_file(text, published, dataset, arguments.outlet, out,
                                    url=arguments.url, article_id=arguments.article_id,
                                    overwrite=arguments.force)  # fmt: skip
    except UnsupportedLanguage as error:
        print(f"cannot draft {arguments.article}: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"cannot draft: {error}", file=sys.stderr)
        return 1
    wanted = Path(str(out).replace("{article_id}", result.articles.iloc[0]["article_id"]))
    lines = [
        f"drafted {counted(len(result.claims), 'candidate claim')} and "
        f"{counted(len(result.actors), 'proposed actor')} into {folder}/"
    ]
    if folder != wanted:
        lines.append(f"{wanted}/ holds an earlier draft, left as it was (--force overwrites it)")
    lines += [f"note: {note}" for note in result.notes]
    marked = count_to_review(folder)
    lines.append(
        f"{counted(marked, 'claim')} marked for review (see {folder / 'README.txt'}); review "
        f"the rows (edit or delete them), then: crosscheck accept {folder}"
    )
    print("\n".join(lines))
    return 0


def _draft_folder(arguments: argparse.Namespace) -> int:
    from crosscheck.drafting.batch import draft_folder, summary
    from crosscheck.findings import counted

    if arguments.url or arguments.article_id:
        print("cannot draft a folder with --url or --article-id, which name one article: "
              "give each article's url in the folder's manifest.csv", file=sys.stderr)  # fmt: skip
        return 1
    try:
        reference = date.fromisoformat(arguments.published) if arguments.published else None
    except ValueError as error:
        print(f"cannot draft: {error}", file=sys.stderr)
        return 1
    if not any(arguments.article.glob("*.txt")):
        print(f"cannot draft: {arguments.article} holds no .txt file", file=sys.stderr)
        return 1
    dataset = load_dataset(arguments.data)
    out = arguments.out or Path("drafts")
    outcomes = draft_folder(arguments.article, dataset, out, reference=reference,
                            outlet=arguments.outlet, overwrite=arguments.force,
                            progress=not arguments.quiet)  # fmt: skip
    drafted = [outcome for outcome in outcomes if outcome.folder is not None]
    lines = [
        f"drafted {len(drafted)} of {counted(len(outcomes), 'article')} into {out}/: "
        f"{counted(sum(o.claims for o in drafted), 'candidate claim')}, "
        f"{sum(o.to_review for o in drafted):,} marked for review",
        "",
        summary(outcomes).astype("string").fillna("").to_string(index=False),
    ]
    notes = [f"  {o.file}: {note}" for o in drafted for note in o.notes]
    if notes:
        lines += ["", "notes:", *notes]
    refused = [f"  {o.file}: {o.refused}" for o in outcomes if o.folder is None]
    if refused:
        lines += ["", "not drafted:", *refused]
    if drafted:
        lines += ["", "review each draft folder (its README.txt says how), then: "
                  "crosscheck accept <folder>"]  # fmt: skip
    print("\n".join(lines))
    if any(o.folder is None and not o.unsupported for o in outcomes):
        return 1
    return 2 if any(o.unsupported for o in outcomes) else 0


def _accept(arguments: argparse.Namespace) -> int:
    from crosscheck.drafting.accept import accept

    print(accept(arguments.draft, arguments.data, as_drafted=arguments.as_drafted))
    return 0


def _quality(arguments: argparse.Namespace) -> int:
    from crosscheck.drafting.quality import evaluate, format_report, missing_articles

    dataset = load_dataset(arguments.data)
    halves = (
        (arguments.gold, "Development half: the articles the rules were written from"),
        (arguments.held_out, "Held-out half: written and annotated blind, after the rules froze"),
    )
    for folder, title in halves:
        if (folder / "articles.csv").exists():
            print(format_report(evaluate(folder, dataset), title), end="\n\n")
            for file in missing_articles(folder):
                print(f"left out: {file} is not there (the seed article is read from "
                      "beside the project)\n")  # fmt: skip
        else:
            print(f"{title}: no gold folder at {folder}\n")
    return 0


def _report(arguments: argparse.Namespace) -> int:
    notebooks = chapter_notebooks(arguments.notebooks) if arguments.notebooks else None
    # A build stopped by `kill` (SIGTERM) cleans up like one stopped by Ctrl-C.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        index = _build(arguments, notebooks)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    print(f"report written: {index}")
    return 0


def _build(arguments: argparse.Namespace, notebooks) -> Path:
    return build(
        BuildOptions(
            data_dir=arguments.data,
            as_of=arguments.as_of,
            out_dir=arguments.out,
            with_code=arguments.with_code,
            notebooks=notebooks,
            progress=not arguments.quiet,
            parameters={
                name: chapter_parameters.read_value(value) for name, value in arguments.parameter
            },
            articles=arguments.articles,
            **({"jobs": arguments.jobs} if arguments.jobs else {}),
        )
    )


if __name__ == "__main__":
    sys.exit(main())
