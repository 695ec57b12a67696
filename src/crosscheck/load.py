"""Read a data folder, check every rule, and return typed tables or every problem.

Reading is strict about structure (encoding, header, ragged rows) because a
spreadsheet that mangled a file must be caught before its values are trusted,
and lenient about what spreadsheets add on their own (a UTF-8 byte-order mark,
CRLF line ends, quoted fields with commas and newlines). Nothing here writes to
the data folder.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from crosscheck import dates, schema
from crosscheck.problems import DataError, Problem
from crosscheck.schema import Table

TRUE_WORDS = {"yes": True, "no": False, "true": True, "false": False}


@dataclass(frozen=True)
class Dataset:
    """A validated claims dataset: the tables of one data folder, typed."""

    data_dir: Path
    claim_types: pd.DataFrame
    measures: pd.DataFrame
    articles: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame
    grades: pd.DataFrame
    hypotheses: pd.DataFrame
    ach_ratings: pd.DataFrame

    def counts(self) -> dict[str, int]:
        return {table.name: len(getattr(self, table.name)) for table in schema.TABLES}


@dataclass
class _Read:
    """A table as read: string cells, and the CSV line on which each row starts."""

    frame: pd.DataFrame
    lines: list[int]
    # Cells already reported as untyped; their emptiness is not reported again.
    untyped: set[tuple[int, str]] = field(default_factory=set)


def load_dataset(data_dir: str | Path) -> Dataset:
    """Load and validate every table of a data folder; raise DataError listing all problems."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, None, None, "data folder does not exist")])

    read: dict[str, _Read | None] = {}
    for table in schema.TABLES:
        path = data_dir / table.filename
        try:
            read[table.name] = _type_cells(_read_csv(path, table), table, path, problems)
        except DataError as error:
            problems.extend(error.problems)
            read[table.name] = None

    for table in schema.TABLES:
        if read[table.name] is not None:
            problems.extend(_check(table, data_dir / table.filename, read))
    if read["actors"] is not None:
        problems.extend(_part_of_cycles(read["actors"], data_dir / schema.ACTORS.filename))

    if problems:
        raise DataError(problems)
    frames = {name: item.frame for name, item in read.items()}
    claims_path = data_dir / schema.CLAIMS.filename
    frames["claims"] = _resolve_claim_dates(
        frames["claims"], frames["articles"], claims_path, read["claims"].lines
    )
    return Dataset(data_dir=data_dir, **frames)


def _read_csv(path: Path, table: Table) -> _Read:
    name = str(path)
    expected = ", ".join(table.columns)
    if table.optional and not path.exists():
        return _Read(frame=pd.DataFrame(columns=list(table.columns), dtype="string"), lines=[])
    if not path.is_file():
        raise _error(name, None, None, None, f"file is missing: it must hold columns {expected}")
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        raise _error(name, None, None, None, "file is UTF-16 encoded: save it as CSV UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        raise _error(
            name, line, None, f"0x{byte}", "bytes are not valid UTF-8: save the file as CSV UTF-8"
        ) from None
    # Spreadsheets end rows with CRLF; line breaks inside cells are read as LF.
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise _error(
            name, None, None, None, f"file is empty: it must start with the header {expected}"
        )

    records: list[list[str]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    problems: list[Problem] = []
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # blank lines, such as the one a spreadsheet leaves at the end
            if header is None:
                header = [cell.strip() for cell in record]
                problems.extend(_header_problems(name, header, table))
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(
                        name,
                        start,
                        None,
                        None,
                        f"row has {len(record)} fields but the header has {len(header)}: "
                        "a missing or extra comma, or an unquoted comma inside a field",
                    )
                )
                continue
            records.append(record)
            lines.append(start)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            rule = (
                f"a field longer than {csv.field_size_limit():,} characters: is a closing "
                "quote missing, or a whole document pasted into one cell?"
            )
        else:
            rule = (
                f"malformed CSV ({error}): a stray quote? Quote a field that contains "
                'quotes, commas or line breaks, and double the quotes inside it ("")'
            )
        problems.append(Problem(name, previous_end + 1, None, None, rule))
    if problems:
        raise DataError(problems)
    if not records and not table.optional:
        raise _error(name, None, None, None, "file has a header but no rows")

    frame = pd.DataFrame(records, columns=header, dtype="string")
    frame = frame.apply(lambda column: column.str.strip()).replace("", pd.NA)
    for column in table.optional_columns:
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
    return _Read(frame=frame[list(table.columns)], lines=lines)


def _header_problems(name: str, header: list[str], table: Table) -> list[Problem]:
    problems = []
    seen = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, column, None, "column appears twice in the header"))
        seen.add(column)
        if column not in table.columns:
            problems.append(
                Problem(
                    name,
                    1,
                    column,
                    None,
                    f"unknown column: {table.filename} has columns {', '.join(table.columns)}",
                )
            )
    problems.extend(
        Problem(name, 1, column, None, "required column is missing from the header")
        for column in table.columns
        if column not in seen and column not in table.optional_columns
    )
    return problems


def _type_cells(read: _Read, table: Table, path: Path, problems: list[Problem]) -> _Read:
    """Give typed columns their types; a cell that does not parse becomes a problem."""
    frame = read.frame

    def report(column: str, bad: pd.Series, rule: str) -> None:
        for index, value in frame.loc[bad, column].items():
            problems.append(Problem(str(path), read.lines[index], column, str(value), rule))
            read.untyped.add((index, column))

    for column in table.integer_columns:
        text = frame[column]
        bad = text.notna() & ~text.str.fullmatch(r"-?\d+").fillna(False)
        report(column, bad, "must be a whole number written with digits only (3000, not 3,000)")
        frame[column] = pd.to_numeric(text.where(~bad), errors="coerce").astype("Int64")
    for column in table.boolean_columns:
        text = frame[column].str.lower()
        parsed = text.map(TRUE_WORDS, na_action="ignore")
        report(column, text.notna() & parsed.isna(), "must be yes or no")
        frame[column] = parsed.astype("boolean")
    for column in table.date_columns:
        text = frame[column]
        # Second resolution: a far-future typo is a reportable date, not an overflow.
        parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")
        report(
            column,
            text.notna() & parsed.isna(),
            "must be a real calendar date written YYYY-MM-DD",
        )
        frame[column] = parsed.astype("datetime64[s]")
    return read


def _check(table: Table, path: Path, read: dict[str, _Read | None]) -> list[Problem]:
    frame = read[table.name].frame

    def ids(name: str, column: str) -> list[str] | None:
        other = read[name]
        return None if other is None else other.frame[column].dropna().tolist()

    measures = read["measures"]
    builders = {
        "claims": lambda: schema.claims_schema(
            article_ids=ids("articles", "article_id"),
            actor_ids=ids("actors", "actor_id"),
            claim_types=ids("claim_types", "claim_type"),
            measure_units=None
            if measures is None
            else dict(zip(measures.frame["measure"], measures.frame["unit"], strict=True)),
            claim_ids=frame["claim_id"].dropna().tolist(),
        ),
        "measures": schema.measures_schema,
        "articles": schema.articles_schema,
        "actors": lambda: schema.actors_schema(frame["actor_id"].dropna().tolist()),
        "grades": lambda: schema.grades_schema(ids("actors", "actor_id")),
        "ach_ratings": lambda: schema.ach_ratings_schema(
            ids("claims", "claim_id"), ids("hypotheses", "hypothesis_id")
        ),
    }
    build_schema = builders.get(table.name, lambda: schema.vocabulary_schema(table))
    table_schema = build_schema()
    try:
        table_schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return _problems_from_pandera(errors.failure_cases, str(path), read[table.name])
    return []


def _problems_from_pandera(failures: pd.DataFrame, name: str, read: _Read) -> list[Problem]:
    problems = set()
    for failure in failures.itertuples(index=False):
        rule = _PANDERA_RULES.get(failure.check, failure.check)
        # A row rule is reported once per row, against the column to edit.
        column = schema.ROW_RULE_COLUMNS.get(rule, failure.column)
        index = failure.index
        if index is None or pd.isna(index):
            problems.add(Problem(name, None, column, None, rule))
            continue
        if (int(index), column) in read.untyped:
            continue
        value = read.frame.at[int(index), column]
        value = None if pd.isna(value) else str(value)
        problems.add(Problem(name, read.lines[int(index)], column, value, rule))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or "", p.rule))


def _part_of_cycles(actors: _Read, path: Path) -> list[Problem]:
    """part_of must lead up to a body that is part of nothing, never back to the start."""
    frame = actors.frame
    parent_of = dict(zip(frame["actor_id"], frame["part_of"], strict=True))
    problems = []
    for index, actor_id in frame["actor_id"].items():
        seen, current = {actor_id}, parent_of.get(actor_id)
        while isinstance(current, str) and current not in seen:
            seen.add(current)
            current = parent_of.get(current)
        if isinstance(current, str) and current == actor_id:
            problems.append(
                Problem(str(path), actors.lines[index], "part_of", str(frame.at[index, "part_of"]),
                        "part_of goes round in a circle back to this actor")
            )  # fmt: skip
    return problems


_PANDERA_RULES = {
    "not_nullable": "required: must not be empty",
    "field_uniqueness": "must be unique: the same value is on another row",
}


def _resolve_claim_dates(
    claims: pd.DataFrame, articles: pd.DataFrame, path: Path, lines: list[int]
) -> pd.DataFrame:
    """Add calendar dates resolved from each claim's wording and its article's date."""
    published = claims["article_id"].map(articles.set_index("article_id")["published_on"])
    problems: list[Problem] = []
    for prefix in ("stated", "period"):
        column = f"{prefix}_wording"
        keyed = pd.DataFrame({"wording": claims[column].fillna(""), "published": published})
        # Resolve each distinct (wording, day) once: large tables repeat a few phrases.
        distinct = keyed.drop_duplicates().reset_index(drop=True)
        spans = []
        for wording, day in distinct.itertuples(index=False):
            if prefix == "period" and not wording:
                spans.append(_NO_PERIOD)
                continue
            try:
                spans.append(dates.resolve(wording, day.date()))
            except dates.DatePhraseError as error:
                spans.append(_NO_PERIOD)
                failing = keyed.index[(keyed["wording"] == wording) & (keyed["published"] == day)]
                problems.extend(
                    Problem(str(path), lines[index], column, wording, str(error))
                    for index in failing
                )
        resolved = distinct.assign(
            start=pd.to_datetime([span.start for span in spans]).astype("datetime64[ns]"),
            end=pd.to_datetime([span.end for span in spans]).astype("datetime64[ns]"),
            precision=pd.Series([span.precision for span in spans], dtype="string"),
            inferred=pd.Series([span.inferred for span in spans], dtype="boolean"),
        )
        merged = keyed.merge(resolved, on=["wording", "published"], how="left")
        merged.index = claims.index
        if prefix == "stated":
            claims = claims.assign(
                stated_on=merged["end"],
                stated_from=merged["start"],
                stated_precision=merged["precision"],
                stated_inferred=merged["inferred"],
            )
        else:
            claims = claims.assign(
                period_start=merged["start"],
                period_end=merged["end"],
                period_precision=merged["precision"],
            )
    too_late = claims["stated_on"] > published
    problems.extend(
        Problem(
            str(path),
            lines[index],
            "stated_wording",
            str(claims.at[index, "stated_wording"]),
            "statement date falls after the publication date of its article",
        )
        for index in claims.index[too_late]
    )
    if problems:
        raise DataError(problems)
    return claims


# What an absent period (or a wording that failed) resolves to: no dates at all.
_NO_PERIOD = dates.DateSpan(None, None, pd.NA, pd.NA)


def _error(file: str, line, column, value, rule: str) -> DataError:
    return DataError([Problem(file, line, column, value, rule)])
