"""Read a data folder, check every rule, and return typed tables or every problem.

Reading diagnoses a whole file before its rows: a file saved with another
separator, in UTF-16, or without its header line is one problem that says so
and how to save it, not a problem on every row. It is lenient about what
spreadsheets add on their own (a UTF-8 byte-order mark, CRLF line ends, quoted
fields with commas and newlines, a `sep=,` first line, empty columns and rows
past the data), and says so in a note.

Then every rule runs on whatever could be read (cell types, vocabularies,
references, row rules, date wordings, cross-table rules), so one run lists every
problem of every file; a rule that needs a table that could not be read in full
is skipped rather than failing each row for the other table's fault. Nothing
here writes to the data folder.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as arrow
import pyarrow.compute as arrow_compute
import pyarrow.csv as arrow_csv

from crosscheck import cells, dates, schema, stated_days
from crosscheck.problems import DataError, Note, Problem, notes_report, reading_order
from crosscheck.schema import Table, pa
from crosscheck.stages import stage

# Other separators a spreadsheet saves "CSV" with, by locale or by choice.
_SEPARATORS = {";": "';' (semicolon)", "\t": "tab", "|": "'|'"}
_SAVE_AS_CSV = "save it as CSV with commas (CSV UTF-8 in Excel, or Text CSV in LibreOffice)"
# Date wordings resolve to days the analysis stores in nanoseconds (years 1678 to 2261).
_EARLIEST_DAY = date.fromisoformat(schema.EARLIEST_PUBLICATION)
_LATEST_DAY = date(2200, 12, 31)


@dataclass(frozen=True)
class Dataset:
    """A validated claims dataset: the tables of one data folder, typed, and the notes
    on cells and rows that were read otherwise than as written."""

    data_dir: Path
    claim_types: pd.DataFrame
    measures: pd.DataFrame
    # The sides (alignment, label, party as boolean, countries, description: strings).
    alignments: pd.DataFrame
    # The words that name a country (word, country: strings); empty without the file.
    nationalities: pd.DataFrame
    # Cue words of measures in rank order (cue, measure, rule: strings, rule <NA> for a
    # plain cue); empty without the file. crosscheck.vocabulary reads all three.
    measure_cues: pd.DataFrame
    articles: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame
    grades: pd.DataFrame
    hypotheses: pd.DataFrame
    ach_ratings: pd.DataFrame
    notes: tuple[Note, ...] = ()

    def counts(self) -> dict[str, int]:
        return {table.name: len(getattr(self, table.name)) for table in schema.TABLES}

    def notes_report(self, limit: int | None = 20) -> str:
        """The notes as lines for a person, ending in a line break; empty when there are none."""
        text = notes_report(self.notes, limit)
        return f"{text}\n" if text else ""


@dataclass
class _Read:
    """A table as read: string cells, typed cells, and the CSV line on which each row starts."""

    text: pd.DataFrame
    # Indexed by row: a list, or _LineNumbers (found on first use) from the columnar path.
    lines: list[int] | _LineNumbers
    frame: pd.DataFrame | None = None
    # Cells already reported as untyped; their emptiness is not reported again.
    untyped: set[tuple[int, str]] = field(default_factory=set)
    # Required columns missing from the header (reported once, not on every row).
    absent: set[str] = field(default_factory=set)
    # False when rows were lost (ragged rows, broken quoting) or the key column is
    # missing: other tables' references to it cannot be judged.
    complete: bool = True


def load_dataset(data_dir: str | Path) -> Dataset:
    """Load and validate every table of a data folder; raise DataError listing all problems.

    The DataError also carries the notes; a Dataset carries them in `notes`.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, None, None, "data folder does not exist")])
    problems: list[Problem] = []
    notes: list[Note] = []

    read: dict[str, _Read | None] = {}
    with stage("read"):
        for table in schema.TABLES:
            path = data_dir / table.filename
            read[table.name] = _read_csv(path, table, problems, notes)
            if read[table.name] is not None:
                _type_cells(read[table.name], table, path, problems, notes)
    with stage("validate"):
        claims = _validate(data_dir, read, problems)
    if problems:
        raise DataError(problems, notes)
    frames = {name: item.frame for name, item in read.items()}
    frames["claims"] = claims
    return Dataset(data_dir=data_dir, **frames, notes=tuple(sorted(notes, key=reading_order)))


def _validate(data_dir: Path, read: dict[str, _Read | None], problems: list[Problem]):
    """Every table's rules, then the rules across tables; the claims with resolved dates."""
    for table in schema.TABLES:
        if read[table.name] is not None:
            problems.extend(_check(table, data_dir / table.filename, read))
    if read["actors"] is not None:
        problems.extend(_part_of_cycles(read["actors"], data_dir / schema.ACTORS.filename))
    if read["articles"] is not None:
        problems.extend(
            _published_before_a_recorded_day(read["articles"], data_dir / schema.ARTICLES.filename)
        )
    claims = None
    if read["claims"] is not None:
        articles = None if read["articles"] is None else read["articles"].frame
        claims, date_problems = _resolve_claim_dates(
            read["claims"].frame, articles, data_dir / schema.CLAIMS.filename, read["claims"].lines
        )
        problems.extend(date_problems)
    return claims


def _read_csv(path: Path, table: Table, problems: list[Problem], notes: list[Note]) -> _Read | None:
    """The file's rows as string cells, or None when the file cannot be read at all."""
    name = str(path)
    expected = ", ".join(table.columns)
    if table.optional and not path.exists():
        empty = pd.DataFrame(columns=list(table.columns), dtype="string")
        return _Read(text=empty, lines=[])
    if not path.is_file():
        problems.append(_problem(name, f"file is missing: it must hold columns {expected}"))
        return None
    text = _decode(path.read_bytes(), name, problems)
    if text is None:
        return None
    # Spreadsheets end rows with CRLF (old Macs with CR); line breaks inside cells are read as LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(_problem(name, f"file is empty: it must start with the header {expected}"))
        return None
    text = _diagnose(text, name, table, problems, notes)
    if text is None:
        return None
    columnar = _read_columnar(text, name, table, problems)
    if columnar is not None:
        return columnar

    records: list[list[str]] = []
    lines: list[int] = []
    empty_rows: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    complete = True
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            # Spaces around a value are not part of it (stripped here, in one pass).
            record = [cell.strip() for cell in record]
            if not any(record):
                # A blank line, or a row of separators only that a spreadsheet leaves
                # below the data when a cell there was once touched.
                if len(record) > 1 and header is not None:
                    empty_rows.append(start)
                continue
            if header is None:
                header = record
                problems.extend(_header_problems(name, header, table, start))
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(name, start, None, None,
                            f"row has {len(record)} fields but the header has {len(header)}: "
                            "a missing or extra comma, or an unquoted comma inside a field")
                )  # fmt: skip
                complete = False
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
        complete = False
    if empty_rows:
        notes.append(_empty_rows_note(name, empty_rows))
    if header is None:
        return None  # the header line itself could not be read: reported above
    if not records:
        if complete and not table.optional:
            problems.append(_problem(name, "file has a header but no rows"))
            return None
        if not table.optional:
            return None

    _unnamed_columns(name, header, records, lines, problems, notes)
    frame = pd.DataFrame(records, columns=range(len(header)), dtype="string")
    return _as_read(frame, header, table, lines, complete)


def _as_read(frame: pd.DataFrame, header: list[str], table: Table, lines, complete: bool) -> _Read:
    """A file's cells (columns by position, stripped text, "" for an empty cell) as the
    table's columns: the first column of each known name (unknown and repeated ones were
    reported), empty cells as NA, and a required column the header lacks as all NA."""
    positions: dict[str, int] = {}
    for position, column in enumerate(header):
        if column in table.columns and column not in positions:
            positions[column] = position
    frame = frame[list(positions.values())].set_axis(list(positions), axis="columns")
    frame = frame.replace("", pd.NA)
    absent = set()
    for column in table.columns:
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
            if column not in table.optional_columns:
                absent.add(column)
    return _Read(
        text=frame[list(table.columns)],
        lines=lines,
        absent=absent,
        complete=complete and table.key not in absent,
    )


_QUOTE, _COMMA, _LINE_END = ord('"'), ord(","), ord("\n")


def _needs_exact_reading(data: bytes) -> bool:
    """Whether the csv module and pyarrow's reader could read these bytes differently:
    a quote with something other than a separator, a line end or another quote on both
    sides ('"abc"d' is an error for the csv module (strict) and 'abcd' for pyarrow; 'ab"c'
    may be either), or a character Python's str.strip() takes for space and pyarrow's
    trim does not (0x1c-0x1f). Vectorised over the bytes (numpy): a regex over 150 MB
    takes seconds."""
    raw = np.frombuffer(data, dtype=np.uint8)
    if ((raw >= 0x1C) & (raw <= 0x1F)).any():
        return True
    quotes = np.flatnonzero(raw == _QUOTE)
    inner = quotes[(quotes > 0) & (quotes < len(raw) - 1)]
    before, after = raw[inner - 1], raw[inner + 1]
    bounds = np.array([_QUOTE, _COMMA, _LINE_END], dtype=np.uint8)
    return bool((~np.isin(before, bounds) & ~np.isin(after, bounds)).any())


def _read_columnar(text: str, name: str, table: Table, problems: list[Problem]) -> _Read | None:
    """The fast path of _read_csv: the file parsed by pyarrow's CSV reader, every cell as
    text, spaces around a value stripped, on the same terms as the csv-module path.

    Returns None, for the exact path to read the file, whenever the two could differ or
    a problem needs a line number to be named: unusual quoting, a ragged row, a broken
    quote, a row of separators only, an unnamed or repeated header cell, a field over
    the csv module's limit, no row. Valid data never pays for line tracking: each row's
    CSV line is found only when something asks for it (_LineNumbers)."""
    number, start, first = _first_line(text)
    # From the header on: pyarrow counts a blank line before it as a row to skip.
    data = text[start:].encode("utf-8")
    if _needs_exact_reading(data):
        return None
    header = [cell.strip() for cell in next(csv.reader([first]), [])]
    if not all(header) or len(set(header)) != len(header):
        return None
    # Columns by position: the header's own names were read above, repeats included.
    names = [str(position) for position in range(len(header))]
    try:
        parsed = arrow_csv.read_csv(
            io.BytesIO(data),
            read_options=arrow_csv.ReadOptions(column_names=names, skip_rows_after_names=1),
            parse_options=arrow_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=True),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, arrow.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (arrow.ArrowInvalid, arrow.ArrowTypeError):
        return None
    if parsed.num_rows == 0:
        return None
    # Spaces around a value are not part of it; stripped, measured and checked for rows
    # of separators only in Arrow, then handed to pandas still in Arrow.
    stripped = [arrow_compute.utf8_trim_whitespace(column) for column in parsed.columns]
    lengths = [arrow_compute.utf8_length(column) for column in stripped]
    longest = max((arrow_compute.max(length).as_py() or 0 for length in lengths), default=0)
    filled = lengths[0]
    for length in lengths[1:]:
        filled = arrow_compute.add(filled, length)
    if (
        longest > csv.field_size_limit()
        or arrow_compute.any(arrow_compute.equal(filled, 0)).as_py()
    ):
        return None
    frame = arrow.table(stripped, names=names).to_pandas(types_mapper=_AS_TEXT.get)
    frame.columns = range(len(header))
    problems.extend(_header_problems(name, header, table, number))
    return _as_read(frame, header, table, _LineNumbers(text), complete=True)


_AS_TEXT = {
    arrow.large_string(): pd.StringDtype("pyarrow"),
    arrow.string(): pd.StringDtype("pyarrow"),
}


def _first_line(text: str) -> tuple[int, int, str]:
    """The header: the first line with something on it, its number and where it starts."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return number, start, text[start:end]
        start, number = end + 1, number + 1
    return 1, 0, ""


class _LineNumbers:
    """The CSV line on which each row starts (row 0 is the first after the header), found
    by the csv module when first asked: a valid file read by the columnar path never is.
    Only for files the columnar path read (no broken quoting, no row of separators)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[int] | None = None

    def __getitem__(self, index: int) -> int:
        if self._lines is None:
            self._lines = []
            reader = csv.reader(io.StringIO(self._text, newline=""), strict=True)
            previous_end, header = 0, False
            for record in reader:
                start, previous_end = previous_end + 1, reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                if header:
                    self._lines.append(start)
                header = True
        return self._lines[index]


def _decode(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        problems.append(
            _problem(
                name,
                "file is UTF-16 encoded (as Excel's 'Unicode Text' saves it): "
                f"{_SAVE_AS_CSV}, which is UTF-8",
            )
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        problems.append(
            Problem(name, line, None, f"0x{byte}",
                    "bytes are not valid UTF-8: save the file as CSV UTF-8")
        )  # fmt: skip
        return None


def _diagnose(
    text: str, name: str, table: Table, problems: list[Problem], notes: list[Note]
) -> str | None:
    """Whole-file faults before any row is read: Excel's `sep=` line, another separator,
    a missing header. One problem for the file, or the text to read (None if none)."""
    first, _, rest = text.partition("\n")
    if match := re.fullmatch(r'\s*"?sep=(.?)"?\s*,*\s*', first, re.IGNORECASE):
        separator = match.group(1)
        if separator != ",":
            said = _SEPARATORS.get(separator, repr(separator))
            problems.append(
                Problem(name, 1, None, first.strip(),
                        f"saved with {said} as separator (the first line is Excel's note of "
                        f"it): {_SAVE_AS_CSV}, without that line")
            )  # fmt: skip
            return None
        notes.append(Note(name, 1, None, first.strip(), "Excel's separator line, skipped"))
        text = "\n" + rest  # an empty first line keeps the line numbers
    number, line = next(
        ((number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()),
        (None, None),
    )
    if line is None:
        problems.append(
            _problem(
                name, f"file is empty: it must start with the header {', '.join(table.columns)}"
            )
        )
        return None

    def cells_of(separator: str) -> list[str]:
        return next(csv.reader([line], delimiter=separator), [])

    def known(separator: str) -> int:
        return sum(cell.strip() in table.columns for cell in cells_of(separator))

    with_commas = cells_of(",")
    for separator, said in _SEPARATORS.items():
        split = cells_of(separator)
        names_more = known(separator) >= 2 and known(separator) > known(",")
        # A file without its header: values that only this separator splits.
        values_only = known(",") == 0 and len(with_commas) == 1 and len(split) >= 3
        if names_more or values_only:
            problems.append(
                Problem(name, number, None, None,
                        f"saved with {said} as separator: {_SAVE_AS_CSV}")
            )  # fmt: skip
            return None
    if known(",") == 0:
        header = ",".join(table.columns)
        if len(with_commas) in (len(table.columns) - len(table.optional_columns),
                                len(table.columns)):  # fmt: skip
            rule = f"the first line holds values, not column names: add the header line {header}"
        else:
            rule = f"the first line names none of the columns: the header line must be {header}"
        problems.append(Problem(name, number, None, line.strip()[:200], rule))
        return None
    return text


def _header_problems(name: str, header: list[str], table: Table, line: int) -> list[Problem]:
    problems = []
    seen = set()
    for column in header:
        if not column:
            continue  # an unnamed column: see _unnamed_columns
        if column in seen:
            problems.append(Problem(name, line, column, None, "column appears twice in the header"))
        seen.add(column)
        if column not in table.columns:
            problems.append(
                Problem(
                    name,
                    line,
                    column,
                    None,
                    f"unknown column: {table.filename} has columns {', '.join(table.columns)}",
                )
            )
    problems.extend(
        Problem(name, line, column, None, "required column is missing from the header")
        for column in table.columns
        if column not in seen and column not in table.optional_columns
    )
    return problems


def _unnamed_columns(
    name: str,
    header: list[str],
    records: list[list[str]],
    lines: list[int],
    problems: list[Problem],
    notes: list[Note],
) -> None:
    """Columns without a name: empty ones (a spreadsheet adds them) are ignored with a
    note; one that holds a value is a problem, since its values would be lost."""
    empty = 0
    for position, column in enumerate(header):
        if column:
            continue
        filled = [
            (line, record[position])
            for record, line in zip(records, lines, strict=True)
            if record[position]
        ]
        if not filled:
            empty += 1
            continue
        line, value = filled[0]
        problems.append(
            Problem(name, line, None, value,
                    f"field {position + 1} has no column name in the header but holds values "
                    f"on {len(filled)} row{'s' if len(filled) != 1 else ''}: name the column "
                    "or move the values")
        )  # fmt: skip
    if empty:
        notes.append(
            Note(name, 1, None, None,
                 f"empty column{'s' if empty != 1 else ''} without a name ignored: {empty}")
        )  # fmt: skip


def _empty_rows_note(name: str, empty_rows: list[int]) -> Note:
    span = f"line {empty_rows[0]}"
    if len(empty_rows) > 1:
        span = f"lines {empty_rows[0]}–{empty_rows[-1]}"
    return Note(
        name,
        empty_rows[0],
        None,
        None,
        f"rows of separators only ignored: {len(empty_rows)} ({span})",
    )


def _type_cells(
    read: _Read, table: Table, path: Path, problems: list[Problem], notes: list[Note]
) -> None:
    """Give typed columns their types, each cell read once (crosscheck.cells): a cell that
    does not parse becomes a problem, one read otherwise than written a note."""
    frame = read.text.copy()
    readers = (
        [(column, cells.read_counts) for column in table.integer_columns]
        + [(column, cells.read_yes_no) for column in table.boolean_columns]
        + [(column, cells.read_dates) for column in table.date_columns]
    )
    for column, read_column in readers:
        column_cells = read_column(read.text[column])
        frame[column] = column_cells.values
        for index, rule in column_cells.refused.items():
            value = read.text.at[index, column]
            problems.append(Problem(str(path), read.lines[index], column, value, rule))
            read.untyped.add((index, column))
        notes.extend(
            Note(str(path), read.lines[index], column, read.text.at[index, column], note)
            for index, note in column_cells.normalised.items()
        )
    read.frame = frame


def _check(table: Table, path: Path, read: dict[str, _Read | None]) -> list[Problem]:
    frame = read[table.name].frame

    def ids(name: str, column: str) -> pd.Series | None:
        """The ids of a table, or None when it could not be read in full."""
        other = read[name]
        if other is None or not other.complete or column in other.absent:
            return None
        return other.frame[column].dropna()

    measures = read["measures"]
    builders = {
        "claims": lambda: schema.claims_schema(
            article_ids=ids("articles", "article_id"),
            actor_ids=ids("actors", "actor_id"),
            claim_types=ids("claim_types", "claim_type"),
            measure_units=None
            if ids("measures", "unit") is None
            else dict(zip(measures.frame["measure"], measures.frame["unit"], strict=True)),
            claim_ids=ids("claims", "claim_id"),
        ),
        "claim_types": schema.claim_types_schema,
        "measures": schema.measures_schema,
        "articles": schema.articles_schema,
        "actors": lambda: schema.actors_schema(
            ids("actors", "actor_id"), ids("alignments", "alignment")
        ),
        "alignments": schema.alignments_schema,
        "nationalities": schema.nationalities_schema,
        "measure_cues": lambda: schema.measure_cues_schema(ids("measures", "measure")),
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
        if column in read.absent:
            continue  # the header's missing column is the one problem
        index = failure.index
        if index is None or pd.isna(index):
            problems.add(Problem(name, None, column, None, rule))
            continue
        if (int(index), column) in read.untyped:
            continue
        value = read.text.at[int(index), column]
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


def _published_before_a_recorded_day(articles: _Read, path: Path) -> list[Problem]:
    """published_on must not be earlier than a day the article's own date_note states or
    its address carries (crosscheck.stated_days finds them): a page cannot appear before
    a day it records. Issue 14, item 9."""
    frame = articles.frame
    # A day that already broke a rule (unreadable, in the future, before 1800) is not judged again.
    published = frame["published_on"].where(_plausible(frame["published_on"]))
    where: dict[int, list[str]] = {}
    for days, says in (
        (stated_days.days_in_notes(frame["date_note"]), "the date_note states"),
        (stated_days.days_in_addresses(frame["url"]), "the url carries"),
    ):
        later = days[days["day"].to_numpy() > published.reindex(days.index).to_numpy()]
        # The latest such day of each row is the one that matters.
        latest = later.sort_values("day").groupby(level=0).tail(1)
        # Only the rows in breach: none on valid data.
        for index, day, text in zip(latest.index, latest["day"], latest["text"], strict=True):
            where.setdefault(index, []).append(f"{says} {day:%Y-%m-%d} ('{text}')")
    return [
        Problem(
            str(path),
            articles.lines[index],
            "published_on",
            articles.text.at[index, "published_on"],
            f"published before a day its own record gives: {' and '.join(where[index])}; "
            "a page cannot appear before a day it records: correct published_on, or, if "
            "that day is wrong, say so in the date_note ('… cannot be right')",
        )
        for index in sorted(where)
    ]


_PANDERA_RULES = {
    "not_nullable": "required: must not be empty",
    "field_uniqueness": "must be unique: the same value is on another row",
}


def _resolve_claim_dates(
    claims: pd.DataFrame, articles: pd.DataFrame | None, path: Path, lines: list[int]
) -> tuple[pd.DataFrame, list[Problem]]:
    """Add calendar dates resolved from each claim's wording and its article's date.

    A claim whose article or publication day could not be read still has its wordings
    checked (against an arbitrary day), but is given no dates and no after-publication
    check: those would repeat the article's problem.
    """
    if articles is None:
        published = pd.Series(pd.NaT, index=claims.index, dtype="datetime64[s]")
    else:
        days = articles.dropna(subset="article_id").drop_duplicates("article_id")
        published = claims["article_id"].map(days.set_index("article_id")["published_on"])
        published = published.astype("datetime64[s]")
    usable = _plausible(published)
    # Any day will do to check a wording alone: only whether it is understood is kept.
    anchor = published.where(usable, pd.Timestamp(2000, 1, 1))
    problems: list[Problem] = []
    for prefix in ("stated", "period"):
        column = f"{prefix}_wording"
        keyed = pd.DataFrame({"wording": claims[column].fillna(""), "published": anchor})
        # Resolve each distinct (wording, day) once: large tables repeat a few phrases.
        distinct = keyed.drop_duplicates().reset_index(drop=True)
        spans = []
        # A loop over distinct phrases, not rows: a date phrase is read by a grammar.
        for wording, day in zip(distinct["wording"], distinct["published"], strict=True):
            if prefix == "period" and not wording:
                spans.append(_NO_PERIOD)
                continue
            try:
                span = dates.resolve(wording, day.date())
                _within_years(wording, span)
                spans.append(span)
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
        if not usable.all():
            merged.loc[~usable, ["start", "end", "precision", "inferred"]] = pd.NA
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
    too_late = usable & (claims["stated_on"] > published)
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
    return claims, problems


def _plausible(published: pd.Series) -> pd.Series:
    """Publication days that passed the schema's rules: readable, from 1800, not future."""
    return (published >= pd.Timestamp(_EARLIEST_DAY)) & (
        published <= pd.Timestamp.today().normalize()
    )


def _within_years(wording: str, span: dates.DateSpan) -> None:
    for day in (span.start, span.end):
        if day is not None and not _EARLIEST_DAY <= day <= _LATEST_DAY:
            raise dates.DatePhraseError(
                f"date wording {wording!r} gives a day outside the years "
                f"{_EARLIEST_DAY.year} to {_LATEST_DAY.year}: a typo in the year?"
            )


# What an absent period (or a wording that failed) resolves to: no dates at all.
_NO_PERIOD = dates.DateSpan(None, None, pd.NA, pd.NA)


def _problem(file: str, rule: str) -> Problem:
    """A problem with a whole file."""
    return Problem(file, None, None, None, rule)
