"""Merge a reviewed draft (crosscheck.drafting) into a data folder, or refuse and say why.

`accept` reads the draft's articles.csv, actors.csv and claims.csv (the review
columns, `write.REVIEW_COLUMNS` on claims and `review` on actors, are dropped).

First it refuses, raising NotReviewed and listing each row, a draft with rows
still marked for review, unless told to take the draft as drafted:

- a claim or actor whose `review` cell is not empty (the drafter's reasons to check it);
- a claim whose `claimant_match` is `proposed` (a new actor, not yet checked);
- a claim whose `confidence` is below `write.REVIEW_BELOW` (most of the drafter's
  checks failed), or not a number.

A reviewer marks a row reviewed by emptying its `review` cell, setting
`claimant_match` to `known` and emptying (or raising) a low `confidence`. A draft
without the review columns (rows typed by hand) has nothing marked. Rows still to
be reviewed are not validated: the reviewer will change them.

Then it refuses, raising DataError with every problem at once, when:

- a draft claim_id is already in the data (ids are never reused);
- a draft claim repeats an existing claim: the same evidence in an article of
  the same outlet and day (the same article drafted again, under any id);
- the draft holds no claim;
- a draft claim repeats an earlier row of the draft: the same article_id and
  evidence, or the same claimant, relay, measure, figure and stated wording
  (the report would count one statement twice);
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
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck import schema
from crosscheck.drafting.write import REVIEW_BELOW, REVIEW_COLUMNS
from crosscheck.findings import counted
from crosscheck.load import load_dataset
from crosscheck.problems import DataError, Problem, reading_order
from crosscheck.schema import Table

# The tables a draft adds to, in the order they are appended.
DRAFT_TABLES = (schema.ARTICLES, schema.ACTORS, schema.CLAIMS)

# Columns a draft table may carry for its reviewer, dropped on accept.
_REVIEW_ONLY = {"claims": set(REVIEW_COLUMNS), "actors": {"review"}}

# Columns whose equal values make two draft claims one statement drafted twice.
_SAME_FIGURE = (
    "article_id", "claimant_id", "relayed_via_id", "measure", "low", "best", "high",
    "stated_wording",
)  # fmt: skip


class NotReviewed(DataError):
    """A draft still has rows marked for review; carries one Problem per mark."""

    def report(self, limit: int | None = 200) -> str:
        rows = {(problem.file, problem.line) for problem in self.problems}
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [
            f"not accepted: {len(rows)} row{'' if len(rows) == 1 else 's'} of the draft "
            "still marked for review. Check each, then empty its review cell, set "
            f"claimant_match to known, empty a confidence below {REVIEW_BELOW}; or take "
            "the draft unreviewed with --as-drafted:",
            *(f"  {problem}" for problem in shown),
        ]
        if len(shown) < len(self.problems):
            lines.append(f"  … and {len(self.problems) - len(shown):,} more")
        return "\n".join(lines)


@dataclass(frozen=True)
class AcceptResult:
    """How many rows were appended to each table, and the new claim ids."""

    articles: int
    actors: int
    claims: int
    claim_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        return (
            f"appended {counted(self.claims, 'claim')}, {counted(self.actors, 'actor')} and "
            f"{counted(self.articles, 'article')}"
        )


@dataclass
class _Rows:
    """A CSV file's rows as dicts of text, with the line on which each row starts."""

    path: Path
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]
    # per row, the review columns' cells as written (only those the file has)
    marks: list[dict[str, str]] = field(default_factory=list)


def accept(
    draft_folder: str | Path, data_dir: str | Path, *, as_drafted: bool = False
) -> AcceptResult:
    """Append a draft's new rows to the data folder, or raise DataError and write nothing.

    Raises NotReviewed (a DataError) when rows are still marked for review, unless
    `as_drafted`; DataError for every other problem (see the module's docstring).
    """
    draft_folder, data_dir = Path(draft_folder), Path(data_dir)
    problems: list[Problem] = []
    drafts = {table.name: _read_draft(draft_folder, table, problems) for table in DRAFT_TABLES}
    existing = {table.name: _read_data(data_dir, table, problems) for table in DRAFT_TABLES}
    if problems:
        raise DataError(problems)
    if not as_drafted:
        marked = _marked(drafts)
        if marked:
            raise NotReviewed(marked)

    new: dict[str, list[int]] = {}  # table -> indexes of the draft rows to append
    refused_ids: set[str] = set()
    for table in (schema.ARTICLES, schema.ACTORS):
        new[table.name] = _new_keyed_rows(
            table, drafts[table.name], existing[table.name], problems, refused_ids
        )
    pages = _pages(existing["articles"]) | _pages(drafts["articles"])
    new["claims"] = _new_claims(drafts["claims"], existing["claims"], problems, refused_ids, pages)
    if not drafts["claims"].rows:
        problems.append(
            Problem(str(drafts["claims"].path), None, None, None,
                    "the draft holds no claim: there is nothing to accept (an article "
                    "without claims is not added)")
        )  # fmt: skip
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


def pending(draft_folder: str | Path) -> list[Problem]:
    """The marks `accept` would refuse the draft for: one Problem per row and reason,
    at the draft file's line (empty when the draft is reviewed). Raises DataError
    when the draft cannot be read."""
    problems: list[Problem] = []
    drafts = {table.name: _read_draft(Path(draft_folder), table, problems)
              for table in DRAFT_TABLES}  # fmt: skip
    if problems:
        raise DataError(problems)
    return sorted(_marked(drafts), key=reading_order)


# Reading ---------------------------------------------------------------------


def read_rows(path: Path) -> _Rows:
    """Rows of a CSV file as the loader reads them: BOM and CRLF tolerated, lines counted,
    blank lines skipped. A row with fewer fields than the header lacks their keys; one with
    more keeps the extra fields under the key None. Raises csv.Error, UnicodeDecodeError."""
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
        row = dict(zip(header, record, strict=False))
        if len(record) > len(header):
            row[None] = record[len(header) :]  # as csv.DictReader keeps extra fields
        rows.append(row)
        lines.append(start)
    return _Rows(path, header or [], rows, lines)


def _read_draft(folder: Path, table: Table, problems: list[Problem]) -> _Rows:
    path = folder / table.filename
    if not path.is_file():
        if table is schema.CLAIMS:
            problems.append(Problem(str(path), None, None, None, "the draft has no claims.csv"))
        return _Rows(path, list(table.columns), [], [])
    try:
        read = read_rows(path)
    except (UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(str(path), None, None, None, f"cannot read the draft: {error}"))
        return _Rows(path, list(table.columns), [], [])
    review_only = _REVIEW_ONLY.get(table.name, set())
    allowed = set(table.columns) | review_only
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
    kept = [c for c in read.header if c in review_only]
    read.marks = [{c: (row.get(c) or "").strip() for c in kept} for row in read.rows]
    read.rows = [{c: (row.get(c) or "").strip() for c in table.columns} for row in read.rows]
    read.header = list(table.columns)
    return read


def _read_data(data_dir: Path, table: Table, problems: list[Problem]) -> _Rows:
    path = data_dir / table.filename
    try:
        return read_rows(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(str(path), None, None, None, f"cannot read the data: {error}"))
        return _Rows(path, [], [], [])


# Checks ----------------------------------------------------------------------


def _marked(drafts: dict[str, _Rows]) -> list[Problem]:
    """One Problem per review mark left on a draft row (see the module's docstring)."""
    problems = []
    claims, actors = drafts["claims"], drafts["actors"]
    actor_lines = {row["actor_id"]: line for row, line in zip(actors.rows, actors.lines,
                                                               strict=True)}  # fmt: skip
    for row, marks, line in zip(actors.rows, actors.marks, actors.lines, strict=True):
        if marks.get("review"):
            problems.append(
                Problem(str(actors.path), line, "review", marks["review"],
                        f"actor {row['actor_id']} is marked for review: check it, then empty "
                        "the cell")
            )  # fmt: skip
    for row, marks, line in zip(claims.rows, claims.marks, claims.lines, strict=True):
        claim = row["claim_id"]
        if marks.get("review"):
            problems.append(
                Problem(str(claims.path), line, "review", marks["review"],
                        f"claim {claim} is marked for review: check it, then empty the cell")
            )  # fmt: skip
        if marks.get("claimant_match") == "proposed":
            where = actor_lines.get(row["claimant_id"])
            row_of = f" (actors.csv line {where})" if where else ""
            problems.append(
                Problem(str(claims.path), line, "claimant_match", "proposed",
                        f"claim {claim}: its claimant {row['claimant_id']} is a proposed new "
                        f"actor{row_of}: check that actor, then set claimant_match to known")
            )  # fmt: skip
        confidence = marks.get("confidence", "")
        try:
            low = confidence != "" and float(confidence) < REVIEW_BELOW
        except ValueError:
            problems.append(
                Problem(str(claims.path), line, "confidence", confidence,
                        f"claim {claim}: confidence must be a number from 0 to 1, or empty")
            )  # fmt: skip
            continue
        if low:
            problems.append(
                Problem(str(claims.path), line, "confidence", confidence,
                        f"claim {claim}: confidence below {REVIEW_BELOW}, most of the "
                        "drafter's checks failed (claimant, measure, day, qualifier): check "
                        "the row, then empty the cell")
            )  # fmt: skip
    return problems


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


def _pages(articles: _Rows) -> dict[str, tuple[str, str]]:
    """article_id -> (outlet, publication day): one outlet's articles of one day."""
    return {
        row.get("article_id", "").strip(): (
            row.get("outlet", "").strip().lower(),
            row.get("published_on", "").strip(),
        )
        for row in articles.rows
    }


def _new_claims(
    draft: _Rows,
    existing: _Rows,
    problems: list[Problem],
    refused: set[str],
    pages: dict[str, tuple[str, str]],
) -> list[int]:
    """Draft claims to append: every one, unless its id is already there or its evidence
    is, in an article of the same outlet and day (the same article drafted twice under
    two ids)."""
    ids = {row.get("claim_id", "").strip(): line for row, line in
           zip(existing.rows, existing.lines, strict=True)}  # fmt: skip
    evidence = {
        (pages.get(row.get("article_id", "").strip()), row.get("evidence", "").strip()): (
            row.get("claim_id", "").strip(),
            line,
        )
        for row, line in zip(existing.rows, existing.lines, strict=True)
    }
    new = []
    seen_evidence: dict[tuple[str, str], tuple[str, int]] = {}
    seen_figures: dict[tuple[str, ...], tuple[str, int]] = {}
    for index, row in enumerate(draft.rows):
        line, ok = draft.lines[index], True
        ok &= _first_in_draft(draft.path, row, line, seen_evidence, seen_figures, problems)
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
        duplicate = evidence.get((pages.get(row["article_id"]), row["evidence"]))
        if duplicate is not None:
            problems.append(
                Problem(
                    str(draft.path),
                    line,
                    "evidence",
                    row["evidence"],
                    f"duplicates claim {duplicate[0]} in {existing.path} (line {duplicate[1]}): "
                    "same evidence in an article of the same outlet and day",
                )
            )
            ok = False
        if ok:
            new.append(index)
    return new


def _first_in_draft(path, row, line, seen_evidence, seen_figures, problems) -> bool:
    """False (and a Problem) when the row repeats an earlier row of the same draft."""
    claim = (row["claim_id"], line)
    evidence_key = (row["article_id"], row["evidence"])
    figure_key = tuple(row[column] for column in _SAME_FIGURE)
    has_figure = any(row[column] for column in ("low", "best", "high"))
    earlier = seen_evidence.setdefault(evidence_key, claim) if row["evidence"] else claim
    if earlier != claim:
        problems.append(
            Problem(str(path), line, "evidence", row["evidence"],
                    f"repeats claim {earlier[0]} of this draft (line {earlier[1]}): same "
                    "article and evidence; delete one of the two rows")
        )  # fmt: skip
        return False
    earlier = seen_figures.setdefault(figure_key, claim) if has_figure else claim
    if earlier != claim:
        problems.append(
            Problem(str(path), line, "claim_id", row["claim_id"],
                    f"repeats claim {earlier[0]} of this draft (line {earlier[1]}): same "
                    "claimant, relay, measure, figure and stated wording; delete one of the "
                    "two rows")
        )  # fmt: skip
        return False
    return True


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
