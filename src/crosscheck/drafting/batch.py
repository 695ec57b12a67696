"""Draft an article, or every article of a folder, into draft folders for review.

`draft_file` drafts one article's text into its own folder (a second draft of
the same article goes to `<id>-2/`, never over the first). `draft_folder` drafts
every `.txt` of a folder, one draft folder per article, taking each article's
publication day, outlet, address and language from `manifest.csv` beside them:

    file,published_on,outlet,url,language
    seoul-wire.txt,2024-11-26,Kestrel Wire,https://example.org/story,en

(`file` and `published_on` are required columns; `outlet`, `url` and `language`
may be left out or empty). A file missing from the manifest, or listed with an
empty `published_on`, is dated by its dateline ("SEOUL, Nov 26 (Kestrel Wire) -",
`crosscheck.dates.dateline`), read as the latest such day on or before a
reference day; the dateline's outlet stands in for a missing one. A manifest
with a bad row refuses the whole folder (DataError naming file, line, column and
rule) before anything is drafted; an article that cannot be drafted (another
language, no day) is reported in the summary and the others are drafted.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from crosscheck import dates
from crosscheck.drafting import language as languages
from crosscheck.drafting.accept import pending, read_rows
from crosscheck.drafting.reader import draft_article
from crosscheck.drafting.write import Draft, write_draft
from crosscheck.load import Dataset
from crosscheck.problems import DataError, Problem

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published_on", "outlet", "url", "language")
_REQUIRED = ("file", "published_on")


@dataclass(frozen=True)
class Article:
    """One article file and what is known of it before it is read: the manifest's
    cells, empty (None) where not given; `line`, its manifest line (None if unlisted)."""

    path: Path
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one article: its draft `folder` (None when not drafted), counts
    of candidate `claims`, of claims `to_review` (rows `accept` would refuse) and of
    `new_actors`; its `language` code; `notes` for the reviewer; `refused`, why it was
    not drafted (empty when it was)."""

    file: str
    article_id: str = ""
    folder: Path | None = None
    claims: int = 0
    to_review: int = 0
    new_actors: int = 0
    language: str = ""
    notes: tuple[str, ...] = ()
    refused: str = ""
    unsupported: bool = False


def draft_file(
    text: str,
    published: date,
    dataset: Dataset,
    outlet: str,
    out: Path,
    *,
    url: str | None = None,
    article_id: str | None = None,
    language: str | languages.Detected | None = None,
    overwrite: bool = False,
    notes: tuple[str, ...] = (),
    taken: set[str] | frozenset[str] = frozenset(),
    inferred_day: str = "",
) -> tuple[Draft, Path]:
    """Draft one article into `out` (or `out`-2, -3 ... when `out` holds a draft, unless
    `overwrite`); return the draft and the folder written.

    `language`: an ISO 639-1 code a person stated (a manifest's), trusted over detection,
    or the language already detected; None to detect it.
    `out` may hold "{article_id}", filled in once the id is known. `taken`: article ids
    already given to other articles of a batch, never given again. `inferred_day`: how
    the publication day was worked out when no one stated it (a dateline without a year):
    the article row's date_basis becomes "inferred" with it as the date_note, so a
    reviewer checks it and the validator knows.
    Raises UnsupportedLanguage for an article the drafter does not read; ValueError
    (from `draft_article`) for an article id already in the data with another day.
    """
    detected = _language(text, language)
    draft = draft_article(text, published, dataset, outlet, url, article_id, detected.code)
    if article_id is None and draft.articles.iloc[0]["article_id"] in taken:
        # two files of one folder are two articles, even from one outlet on one day
        stem, number = draft.articles.iloc[0]["article_id"], 2
        known = set(dataset.articles["article_id"]) | set(taken)
        while f"{stem}-{number}" in known:
            number += 1
        renamed = f"{stem}-{number}"
        draft = draft_article(text, published, dataset, outlet, url, renamed, detected.code)
    notes = (*notes, *draft.notes, *([f"language: {detected.note}"] if detected.note else []))
    draft = dataclasses.replace(draft, notes=tuple(dict.fromkeys(notes)))
    if inferred_day:
        articles = draft.articles.copy()
        articles.loc[0, ["date_basis", "date_note"]] = ["inferred", inferred_day]
        draft = dataclasses.replace(draft, articles=articles)
    folder = Path(str(out).replace("{article_id}", draft.articles.iloc[0]["article_id"]))
    return draft, write_draft(draft, folder, overwrite=overwrite)


def read_manifest(folder: Path) -> dict[str, Article]:
    """The manifest.csv of `folder` by file name; {} when there is none.

    Raises DataError listing every bad cell (file, line, column, rule): an unknown or
    missing column, a file that is not a .txt beside the manifest or is listed twice,
    a day not written YYYY-MM-DD or in the future, a url not http(s), a language that
    is not an ISO 639-1 code.
    """
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    problems: list[Problem] = []
    try:
        read = read_rows(path)
    except (UnicodeDecodeError, csv.Error) as error:
        raise DataError(
            [Problem(str(path), None, None, None, f"cannot read it: {error}")]
        ) from None
    if len(read.header) == 1 and (separator := next(
        (name for mark, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars"))
         if mark in read.header[0]), None)):  # fmt: skip
        raise DataError([Problem(str(path), 1, None, read.header[0],
                                 f"the columns are separated by {separator}: a manifest is "
                                 "comma-separated; save it as CSV with commas")])  # fmt: skip
    for column in read.header:
        if column not in MANIFEST_COLUMNS:
            rule = f"unknown column: a manifest has {', '.join(MANIFEST_COLUMNS)}"
            problems.append(Problem(str(path), 1, column, None, rule))
    for column in _REQUIRED:
        if column not in read.header:
            problems.append(Problem(str(path), 1, column, None, "required column is missing"))
    if problems:
        raise DataError(problems)
    articles: dict[str, Article] = {}
    first_lines: dict[str, int] = {}  # file -> the line that first lists it
    for row, line in zip(read.rows, read.lines, strict=True):
        if len(row) != len(read.header):
            rule = "row has a different number of fields than the header"
            problems.append(Problem(str(path), line, None, None, rule))
            continue
        cells = {column: (row.get(column) or "").strip() for column in MANIFEST_COLUMNS}
        wrong = [
            Problem(str(path), line, column, cells[column], rule)
            for column in MANIFEST_COLUMNS
            if (rule := _check(folder, column, cells[column], first_lines))
        ]
        first_lines.setdefault(cells["file"], line)
        problems += wrong
        if not wrong:
            day = cells["published_on"]
            articles[cells["file"]] = Article(
                path=folder / cells["file"],
                published=date.fromisoformat(day) if day else None,
                outlet=cells["outlet"] or None,
                url=cells["url"] or None,
                language=cells["language"] or None,
                line=line,
            )
    if problems:
        raise DataError(problems)
    return articles


def _check(folder: Path, column: str, value: str, listed: dict[str, int]) -> str:
    """The rule `value` breaks in `column` of a manifest row, or "" when it is fine."""
    if column == "file":
        if not value:
            return "file is required: the name of a .txt file beside manifest.csv"
        if not value.endswith(".txt") or Path(value).name != value:
            return "file must name a .txt file beside manifest.csv (no folder)"
        if not (folder / value).is_file():
            return "no such file beside manifest.csv"
        if value in listed:
            return f"file listed twice (first on line {listed[value]})"
    elif column == "published_on" and value:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return "published_on must be a day written YYYY-MM-DD (or empty: from the dateline)"
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return "published_on is not a day of the calendar"
        if day > date.today():
            return "published_on lies in the future"
    elif column == "url" and value and not re.fullmatch(r"https?://\S+", value):
        return "url must start with http:// or https://"
    elif column == "language" and value and languages.language_name(value) == value:
        return "language must be a two-letter ISO 639-1 code in lower case (en, ko, ru)"
    return ""


def articles_in(folder: Path) -> list[Article]:
    """Every .txt of `folder` in name order, with its manifest row where it has one.
    Raises DataError for a bad manifest (see `read_manifest`)."""
    listed = read_manifest(folder)
    files = sorted(path for path in folder.glob("*.txt") if path.is_file())
    return [listed.get(path.name, Article(path=path)) for path in files]


def draft_folder(
    folder: Path,
    dataset: Dataset,
    out: Path,
    *,
    reference: date | None = None,
    outlet: str = "Unknown outlet",
    overwrite: bool = False,
    progress: bool = True,
    on_article: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Draft every article of `folder` into `out/<article id>/`, with a progress bar.

    `reference`: the day datelines are read back from (default: today); `outlet` for
    articles with neither a manifest outlet nor a dateline outlet. Raises DataError for a
    bad manifest, before drafting anything.
    """
    articles = articles_in(folder)
    reference = reference or date.today()
    outcomes: list[Outcome] = []
    taken: set[str] = set()
    bar = tqdm(articles, desc="drafting", unit="article", disable=not progress)
    for article in bar:
        bar.set_postfix_str(article.path.name, refresh=False)
        outcome = _draft_one(article, dataset, out, reference, outlet, overwrite, taken)
        taken.add(outcome.article_id)
        outcomes.append(outcome)
        if on_article:
            on_article(outcome)
    return outcomes


def _draft_one(article, dataset, out, reference, outlet, overwrite, taken) -> Outcome:
    name = article.path.name
    try:
        text = article.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Outcome(name, refused=f"cannot read it: {error}")
    # the language first: an article the drafter cannot read needs no day
    try:
        detected = _language(text, article.language)
    except languages.UnsupportedLanguage as error:
        return Outcome(name, language=error.detected.code, refused=str(error), unsupported=True)
    notes: list[str] = []
    inferred = ""
    published, line_outlet = article.published, None
    line = dates.dateline(text)
    if line is not None:
        line_outlet = line.outlet
    if published is None:
        if line is None or line.month is None:
            return Outcome(name, refused="no publication day: give published_on in "
                           f"{MANIFEST} or a dated dateline")  # fmt: skip
        try:
            published = dates.resolve_dateline(line, reference)
        except dates.DatePhraseError as error:
            return Outcome(name, refused=f"no publication day: {error}")
        inferred = (
            f"Day read from the dateline ({line.place}, {published:%d %b}); the dateline "
            f"gives no year, so the latest such day on or before {reference.isoformat()} "
            "was taken: check it."
        )
        notes.append(f"published {published.isoformat()}: {inferred}")
    try:
        draft, written = draft_file(
            text,
            published,
            dataset,
            article.outlet or line_outlet or outlet,
            out / "{article_id}",
            url=article.url,
            language=detected,
            overwrite=overwrite,
            notes=tuple(notes),
            taken=taken,
            inferred_day=inferred,
        )
    except ValueError as error:
        return Outcome(name, refused=str(error))
    return Outcome(
        name,
        article_id=draft.articles.iloc[0]["article_id"],
        folder=written,
        claims=len(draft.claims),
        to_review=count_to_review(written),
        new_actors=len(draft.actors),
        language=draft.articles.iloc[0]["language"],
        notes=draft.notes,
    )


def count_to_review(folder: Path) -> int:
    """How many claims of a draft folder `accept` would refuse as not yet reviewed."""
    return len({p.line for p in pending(folder) if Path(p.file).name == "claims.csv"})


def summary(outcomes: list[Outcome]) -> pd.DataFrame:
    """One row per article: file, article_id, claims, to_review, new_actors, language
    and the draft folder, or why it was not drafted (in `folder`)."""
    columns = ["file", "article_id", "claims", "to_review", "new_actors", "language", "folder"]
    rows = [
        {
            "file": o.file,
            "article_id": o.article_id,
            "claims": o.claims if o.folder else pd.NA,
            "to_review": o.to_review if o.folder else pd.NA,
            "new_actors": o.new_actors if o.folder else pd.NA,
            "language": o.language,
            "folder": str(o.folder) if o.folder else "not drafted",
        }
        for o in outcomes
    ]
    table = pd.DataFrame(rows, columns=columns)
    for column in ("claims", "to_review", "new_actors"):
        table[column] = table[column].astype("Int64")
    return table


def _language(text: str, stated: str | languages.Detected | None) -> languages.Detected:
    """The article's language: as stated by a person (a manifest) or detected. Raises
    UnsupportedLanguage for a language the drafter does not read."""
    if stated is None:
        return languages.require_supported(text)
    if isinstance(stated, languages.Detected):
        if not stated.supported:
            raise languages.UnsupportedLanguage(stated)
        return stated
    # A stated language is checked against the text: a manifest row copied from another
    # article must not let a Korean text through as English, nor refuse an English one.
    found = languages.detect(text)
    if found.code != stated and not found.note:
        if not found.supported:
            raise languages.UnsupportedLanguage(found)
        return languages.Detected(
            found.code,
            found.name,
            found.confidence,
            f"the manifest says {languages.language_name(stated)} ({stated}), but the text "
            f"reads as {found.name}: recorded as {found.code}",
        )
    detected = languages.Detected(stated, languages.language_name(stated), 1.0)
    if not detected.supported:
        raise languages.UnsupportedLanguage(detected)
    return detected
