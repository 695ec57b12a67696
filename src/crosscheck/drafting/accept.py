"""Merge a reviewed draft (crosscheck.drafting) into a data folder, or refuse and say why.

`accept` reads the draft's articles.csv, actors.csv and claims.csv (the review
columns `confidence`, `sentence` and `claimant_match` are dropped) and refuses,
raising DataError with every problem at once, when:

- a draft claim_id is already in the data (ids are never reused);
- a draft claim repeats an existing claim: the same article_id and evidence;
- a draft article or actor has an id already in the data with other content;
- the data with the draft appended does not validate (checked on a copy of the
  data folder with `load_dataset`; problems in draft rows carry the draft
  file's line numbers).

Only when nothing is wrong does it append the new rows to the data files: in
append mode, in each file's own column order and line ending, after a final
line break if the file lacks one, so every byte already there stays as it was.
An article or actor already in the data with the same content is not repeated.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crosscheck import schema
from crosscheck.drafting.write import REVIEW_COLUMNS
from crosscheck.load import load_dataset
from crosscheck.problems import DataError, Problem
from crosscheck.schema import Table

# The tables a draft adds to, in the order they are appended.
DRAFT_TABLES = (schema.ARTICLES, schema.ACTORS, schema.CLAIMS)


@dataclass(frozen=True)
class AcceptResult:
    """How many rows were appended to each table, and the new claim ids."""

    articles: int
    actors: int
    claims: int
    claim_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"appended {self.claims} claims, {self.actors} actors and {self.articles} articles"


@dataclass
class _Rows:
    """A CSV file's rows as dicts of text, with the line on which each row starts."""

    path: Path
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def accept(draft_folder: str | Path, data_dir: str | Path) -> AcceptResult:
    """Append a draft's new rows to the data folder, or raise DataError and write nothing."""
    draft_folder, data_dir = Path(draft_folder), Path(data_dir)
    problems: list[Problem] = []
    drafts = {table.name: _read_draft(draft_folder, table, problems) for table in DRAFT_TABLES}
    existing = {table.name: _read_data(data_dir, table, problems) for table in DRAFT_TABLES}
    if problems:
        raise DataError(problems)

    new: dict[str, list[int]] = {}  # table -> indexes of the draft rows to append
    refused_ids: set[str] = set()
    for table in (schema.ARTICLES, schema.ACTORS):
        new[table.name] = _new_keyed_rows(
            table, drafts[table.name], existing[table.name], problems, refused_ids
        )
    new["claims"] = _new_claims(drafts["claims"], existing["claims"], problems, refused_ids)
    problems.extend(_merged_problems(data_dir, drafts, new, refused_ids))
    if problems:
        raise DataError(problems)

    _append_all(data_dir, drafts, new)
    claim_rows = drafts["claims"].rows
    return AcceptResult(
        articles=len(new["articles"]),
        actors=len(new["actors"]),
        claims=len(new["claims"]),
        claim_ids=tuple(claim_rows[i]["claim_id"] for i in new["claims"]),
    )


# Reading ---------------------------------------------------------------------


def _read_rows(path: Path) -> _Rows:
    """Rows of a CSV file as the loader reads them: BOM and CRLF tolerated, lines counted."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows, lines, previous_end = [], [], 0
    for record in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [cell.strip() for cell in record]
            continue
        rows.append(dict(zip(header, record, strict=False)))
        lines.append(start)
    return _Rows(path, header or [], rows, lines)


def _read_draft(folder: Path, table: Table, problems: list[Problem]) -> _Rows:
    path = folder / table.filename
    if not path.is_file():
        if table is schema.CLAIMS:
            problems.append(Problem(str(path), None, None, None, "the draft has no claims.csv"))
        return _Rows(path, list(table.columns), [], [])
    try:
        read = _read_rows(path)
    except (UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(str(path), None, None, None, f"cannot read the draft: {error}"))
        return _Rows(path, list(table.columns), [], [])
    allowed = set(table.columns) | (set(REVIEW_COLUMNS) if table is schema.CLAIMS else set())
    for column in read.header:
        if column not in allowed:
            problems.append(
                Problem(str(path), 1, column, None, f"unknown column for {table.filename}")
            )
    for column in table.columns:
        if column not in read.header and column not in table.optional_columns:
            problems.append(
                Problem(str(path), 1, column, None, "required column is missing from the header")
            )
    for index, row in enumerate(read.rows):
        if len(row) != len(read.header) or None in row.values():
            problems.append(
                Problem(str(path), read.lines[index], None, None,
                        "row has a different number of fields than the header")
            )  # fmt: skip
    # The review columns go; every table column is there, empty where the draft left it out.
    read.rows = [{c: (row.get(c) or "").strip() for c in table.columns} for row in read.rows]
    read.header = list(table.columns)
    return read


def _read_data(data_dir: Path, table: Table, problems: list[Problem]) -> _Rows:
    path = data_dir / table.filename
    try:
        return _read_rows(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(str(path), None, None, None, f"cannot read the data: {error}"))
        return _Rows(path, [], [], [])


# Checks ----------------------------------------------------------------------


def _new_keyed_rows(
    table: Table, draft: _Rows, existing: _Rows, problems: list[Problem], refused: set[str]
) -> list[int]:
    """Draft rows whose id is new; an id already there must carry the same content."""
    known = {row.get(table.key, "").strip(): (row, line) for row, line in
             zip(existing.rows, existing.lines, strict=True)}  # fmt: skip
    new = []
    for index, row in enumerate(draft.rows):
        key = row[table.key]
        if key not in known:
            new.append(index)
            continue
        old, old_line = known[key]
        for column in table.columns:
            old_value = (old.get(column) or "").strip()
            if row[column] != old_value:
                refused.add(key)
                problems.append(
                    Problem(
                        str(draft.path),
                        draft.lines[index],
                        column,
                        row[column],
                        f"{table.key} {key!r} is already in {existing.path} (line {old_line}) "
                        f"with {column} {old_value!r}: give the draft row a new id or "
                        "make it equal",
                    )
                )
                break
    return new


def _new_claims(
    draft: _Rows, existing: _Rows, problems: list[Problem], refused: set[str]
) -> list[int]:
    """Draft claims to append: every one, unless its id or its evidence is already there."""
    ids = {row.get("claim_id", "").strip(): line for row, line in
           zip(existing.rows, existing.lines, strict=True)}  # fmt: skip
    evidence = {
        (row.get("article_id", "").strip(), row.get("evidence", "").strip()): (
            row.get("claim_id", "").strip(),
            line,
        )
        for row, line in zip(existing.rows, existing.lines, strict=True)
    }
    new = []
    for index, row in enumerate(draft.rows):
        line, ok = draft.lines[index], True
        if row["claim_id"] in ids:
            refused.add(row["claim_id"])
            problems.append(
                Problem(
                    str(draft.path),
                    line,
                    "claim_id",
                    row["claim_id"],
                    f"claim id already exists in {existing.path} (line {ids[row['claim_id']]}): "
                    "claim ids are never reused; number the draft after the highest one",
                )
            )
            ok = False
        duplicate = evidence.get((row["article_id"], row["evidence"]))
        if duplicate is not None:
            problems.append(
                Problem(
                    str(draft.path),
                    line,
                    "evidence",
                    row["evidence"],
                    f"duplicates claim {duplicate[0]} in {existing.path} (line {duplicate[1]}): "
                    "same article and evidence",
                )
            )
            ok = False
        if ok:
            new.append(index)
    return new


def _merged_problems(
    data_dir: Path, drafts: dict[str, _Rows], new: dict[str, list[int]], refused: set[str]
) -> list[Problem]:
    """Validate a copy of the data with the new rows appended; map problems back to the draft."""
    with tempfile.TemporaryDirectory(prefix="crosscheck-accept-") as folder:
        copy = Path(folder) / "data"
        shutil.copytree(data_dir, copy)
        where = _append_all(copy, drafts, new)
        try:
            load_dataset(copy)
        except DataError as error:
            return _mapped(error.problems, copy, data_dir, drafts, where, refused)
    return []


def _mapped(problems, copy: Path, data_dir: Path, drafts, where, refused) -> list[Problem]:
    result = []
    for problem in problems:
        name = Path(problem.file).name
        table = name.removesuffix(".csv")
        if problem.column == "claim_id" and problem.value in refused:
            continue  # already reported as an id taken in the data
        draft_line = where.get(table, {}).get(problem.line)
        if draft_line is not None:
            path = str(drafts[table].path)
            result.append(Problem(path, draft_line, problem.column, problem.value, problem.rule))
        else:
            path = problem.file.replace(str(copy), str(data_dir), 1)
            result.append(Problem(path, problem.line, problem.column, problem.value, problem.rule))
    return result


# Appending -------------------------------------------------------------------


def _append_all(
    data_dir: Path, drafts: dict[str, _Rows], new: dict[str, list[int]]
) -> dict[str, dict[int, int]]:
    """Append the new rows to each table; return, per table, data line -> draft line.

    All files or none: a failure part way truncates the files back to their size.
    """
    sizes: dict[Path, int] = {}
    where: dict[str, dict[int, int]] = {}
    try:
        for table in DRAFT_TABLES:
            indexes = new[table.name]
            if not indexes:
                continue
            path = data_dir / table.filename
            sizes[path] = path.stat().st_size
            draft = drafts[table.name]
            first_line, payload = _payload(path, [draft.rows[i] for i in indexes])
            with path.open("ab") as handle:
                handle.write(payload)
            lines, line = {}, first_line
            for i in indexes:
                lines[line] = draft.lines[i]
                line += 1 + sum(value.count("\n") for value in draft.rows[i].values())
            where[table.name] = lines
    except BaseException:
        for path, size in sizes.items():
            with path.open("r+b") as handle:
                handle.truncate(size)
        raise
    return where


def _payload(path: Path, rows: list[dict[str, str]]) -> tuple[int, bytes]:
    """The bytes to append (in the file's column order and line ending) and the line
    on which the first appended row will start."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    first_line_end = raw.find(b"\n")
    ending = (
        "\r\n" if first_line_end > 0 and raw[first_line_end - 1 : first_line_end] == b"\r" else "\n"
    )
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    header = [column.strip() for column in header]
    lost = [
        column for row in rows for column, value in row.items() if value and column not in header
    ]
    if lost:
        raise DataError(
            [Problem(str(path), 1, column, None,
                     "the data file has no such column, so the draft's value would be lost: "
                     "add the column to the header")
             for column in sorted(set(lost))]
        )  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=ending)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    prefix = "" if not raw or raw.endswith(b"\n") else ending
    normalised = text.replace("\r\n", "\n")
    lines_before = normalised.count("\n") + (0 if normalised.endswith("\n") or not text else 1)
    return lines_before + 1, (prefix + buffer.getvalue()).encode("utf-8")
