"""The data dictionary as a standard: Frictionless Data Packages of the input and the output.

A Data Package (https://specs.frictionlessdata.io/data-package/, v1) names each CSV of
a folder and gives it a Table Schema (https://specs.frictionlessdata.io/table-schema/):
each column's type, meaning and constraints, the table's key and its foreign keys. Any
tool that reads the standard (`frictionless validate`, R's frictionless, Open Data
Editor) can then check and read the files without this package.

- data/datapackage.json describes the input tables. It is written from schema.py (types,
  required, unique, vocabularies, patterns, lengths, minimums, keys, references) and from
  the column descriptions of data/README.md, so that neither is written twice;
  `crosscheck datapackage` writes it and `--check` says whether it is current.
- reports/data/datapackage.json describes the tables a build exports. Each module that
  computes an exported table declares its columns beside the code that makes it, in a
  mapping EXPORTED_COLUMNS (export name → column name → Column); the build describes
  every CSV it wrote from those declarations (export_package).
"""

from __future__ import annotations

import csv
import importlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from crosscheck import schema
from crosscheck.schema import Table

PACKAGE_FILE = "datapackage.json"
# The project's own data folder, whose README.md is the data dictionary of the method.
PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"
DICTIONARY_FILE = "README.md"
# The strings a yes/no column of data/ is written with (data/README.md, "Types").
TRUE_VALUES, FALSE_VALUES = ["yes"], ["no"]


# --- The input tables: data/datapackage.json -----------------------------------------


def data_package(data_dir: str | Path) -> dict:
    """The Data Package descriptor of a data folder, as a dict ready for JSON.

    In: a data folder holding the tables of schema.TABLES, and its data dictionary
    (dictionary_of). Out: one tabular resource per table whose file is there (an
    optional table whose file is absent is left out, as the loader reads it as empty),
    its fields in the order of the file's header (Table Schema compares names by
    position), the optional columns the header leaves out left out too.
    Raises ValueError when the folder does not exist, when the dictionary describes
    no column of the schema (tests/test_data_dictionary.py keeps them in step), and
    when schema.py checks a column with a rule this module cannot state (_constraints).
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ValueError("data folder does not exist")
    dictionary = _dictionary(dictionary_of(data_dir))
    present = [t for t in schema.TABLES if not t.optional or (data_dir / t.filename).exists()]
    names = {table.name for table in present}
    checks = _pandera_schemas()
    resources = [
        _resource(table, _header(data_dir / table.filename), checks[table.name], dictionary, names)
        for table in present
    ]
    return {
        "profile": "tabular-data-package",
        "name": "crosscheck-data",
        "title": "The input tables of a crosscheck report",
        "description": (
            "Written by `crosscheck datapackage` from crosscheck's schema (schema.py) and "
            "the column descriptions of README.md, the data dictionary: edit those, not this "
            "file. Rules across columns of a row (low ≤ best ≤ high, a figure needs a measure "
            "and its unit) and the resolution of date wordings are checked by "
            "`crosscheck validate`, not here."
        ),
        "resources": resources,
    }


def render(package: dict) -> str:
    """A descriptor as the file holds it: indented JSON, UTF-8 text, one final newline."""
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def dictionary_of(data_dir: Path) -> Path:
    """The data dictionary that describes a data folder's columns: its own README.md, or,
    for a folder without one (another topic's tables), the project's data/README.md: the
    columns mean the same in every topic. Raises ValueError when there is neither."""
    for readme in (data_dir / DICTIONARY_FILE, PROJECT_DATA / DICTIONARY_FILE):
        if readme.is_file():
            return readme
    raise ValueError(
        f"{data_dir} has no {DICTIONARY_FILE} describing its columns: copy the project's "
        "data/README.md into it"
    )


def write_data_package(data_dir: str | Path) -> Path:
    """Write data_dir/datapackage.json (data_package) and return its path."""
    path = Path(data_dir) / PACKAGE_FILE
    path.write_text(render(data_package(data_dir)), encoding="utf-8")
    return path


def data_package_is_current(data_dir: str | Path) -> bool:
    """Whether data_dir/datapackage.json holds exactly what data_package writes."""
    path = Path(data_dir) / PACKAGE_FILE
    return path.exists() and path.read_text(encoding="utf-8") == render(data_package(data_dir))


def _header(path: Path) -> list[str] | None:
    """The column names of a CSV's first non-blank line, or None when there is no file."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for record in csv.reader(handle):
            if any(cell.strip() for cell in record):
                return [cell.strip() for cell in record]
    return []


_SECTION = r"^### `{name}`(.*?)(?=^### |^## |\Z)"
_COLUMN_ROW = re.compile(r"^\| `([a-z_]+)` \| [^|]* \| [^|]* \| (.*) \|$", re.M)
_FILE_ROW = re.compile(r"^\| `([a-z_]+)\.csv` \| (.*) \| .* \|$", re.M)


def _dictionary(readme: Path) -> dict[str, dict[str, str]]:
    """The data dictionary's words: table name → {"": what one row is, column: meaning}."""
    text = readme.read_text(encoding="utf-8")
    rows = dict(_FILE_ROW.findall(text))
    words = {}
    for table in schema.TABLES:
        section = re.search(_SECTION.format(name=re.escape(table.filename)), text, re.S | re.M)
        found = _COLUMN_ROW.findall(section.group(1)) if section else []
        # A pipe inside a Markdown table cell is written \|.
        meanings = {column: meaning.replace("\\|", "|") for column, meaning in found}
        missing = [column for column in table.columns if column not in meanings]
        if missing:
            raise ValueError(
                f"{readme}: the section of {table.filename} describes no column "
                f"{', '.join(missing)}: add a row | `column` | type | required | meaning |"
            )
        words[table.name] = {"": rows.get(table.name, "")} | meanings
    return words


class _Marker(str):
    """An id standing for every id of one table: a column whose schema checks its values
    against a marker refers to that table."""

    table: str


def _marker(table: Table) -> _Marker:
    marker = _Marker(f"<any {table.key} of {table.filename}>")
    marker.table = table.name
    return marker


def _pandera_schemas():
    """Each table's pandera schema, built as load.py builds it, with a marker in place
    of the ids of each table it refers to."""
    ids = {table.name: [_marker(table)] for table in schema.TABLES}
    return {
        "claim_types": schema.claim_types_schema(),
        "measures": schema.measures_schema(),
        "articles": schema.articles_schema(),
        "alignments": schema.alignments_schema(),
        "nationalities": schema.nationalities_schema(),
        "measure_cues": schema.measure_cues_schema(ids["measures"]),
        "actors": schema.actors_schema(ids["actors"], ids["alignments"]),
        "grades": schema.grades_schema(ids["actors"]),
        "claims": schema.claims_schema(
            article_ids=ids["articles"],
            actor_ids=ids["actors"],
            claim_types=ids["claim_types"],
            measure_units=dict.fromkeys(ids["measures"], ""),
            claim_ids=ids["claims"],
        ),
        "hypotheses": schema.vocabulary_schema(schema.HYPOTHESES),
        "ach_ratings": schema.ach_ratings_schema(ids["claims"], ids["hypotheses"]),
    }


def _resource(table: Table, header, checks, dictionary: dict, present: set[str]) -> dict:
    if header is None:  # a required file that is missing: described, so validation says so
        header = list(table.columns)
    known = [column for column in header if column in table.columns]
    # A required column the header lacks stays in the schema, so validation names it.
    known += [c for c in table.columns if c not in known and c not in table.optional_columns]
    fields, references = [], []
    for column in known:
        field, target = _field(table, column, checks.columns[column], dictionary[table.name])
        fields.append(field)
        if target is not None and target.name in present:
            resource = "" if target.name == table.name else target.name
            references.append(
                {"fields": column, "reference": {"resource": resource, "fields": target.key}}
            )
    key = checks.unique or ([table.key] if checks.columns[table.key].unique else [])
    table_schema = {"fields": fields, "missingValues": [""], "primaryKey": list(key)}
    if references:
        table_schema["foreignKeys"] = references
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": table.filename,
        "description": dictionary[table.name][""],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table_schema,
    }


def _field(table: Table, column: str, check, meanings: dict) -> tuple[dict, Table | None]:
    """A column's Table Schema field, and the table it refers to (None: no reference)."""
    field = {"name": column, "description": meanings[column]}
    if column in table.integer_columns:
        field["type"] = "integer"
    elif column in table.boolean_columns:
        field |= {"type": "boolean", "trueValues": TRUE_VALUES, "falseValues": FALSE_VALUES}
    elif column in table.date_columns:
        field |= {"type": "date", "format": "default"}  # default: YYYY-MM-DD (ISO 8601)
    else:
        field["type"] = "string"
    constraints, target = _constraints(table, column, check)
    if constraints:
        field["constraints"] = constraints
    return field, target


def _constraints(table: Table, column: str, check) -> tuple[dict, Table | None]:
    """schema.py's rules of one column as Table Schema constraints.

    Raises ValueError for a pandera check with no constraint here: a rule added to
    schema.py must be stated in the package too, or said to be left to crosscheck.
    """
    constraints: dict = {}
    target = None
    if not check.nullable:
        constraints["required"] = True
    if check.unique:
        constraints["unique"] = True
    for rule in check.checks:
        statistics = rule.statistics
        if rule.name == "str_matches":
            # Table Schema patterns are whole-value XML Schema expressions: no anchors.
            constraints["pattern"] = statistics["pattern"].removeprefix("^").removesuffix("$")
        elif rule.name == "isin":
            values = list(statistics["allowed_values"])
            markers = [value for value in values if isinstance(value, _Marker)]
            if markers:
                target = next(t for t in schema.TABLES if t.name == markers[0].table)
            else:
                constraints["enum"] = values
        elif rule.name == "str_length":
            longest = statistics["max_value"]
            constraints["maxLength"] = min(longest, constraints.get("maxLength", longest))
        elif rule.name == "greater_than_or_equal_to":
            constraints["minimum"] = _bound(statistics["min_value"])
        elif rule.name == "less_than_or_equal_to":
            if statistics["max_value"] == pd.Timestamp.today().normalize():
                continue  # "not in the future": a bound that moves every day, left to crosscheck
            constraints["maximum"] = _bound(statistics["max_value"])
        else:
            raise ValueError(
                f"schema.py checks {table.filename} column {column} with {rule.name} "
                f"{statistics}: crosscheck.datapackage._constraints has no Table Schema "
                "constraint for it"
            )
    return constraints, target


def _bound(value):
    """A minimum or maximum as Table Schema writes it: a day as YYYY-MM-DD."""
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else value


# --- The exported tables: reports/data/datapackage.json ------------------------------


@dataclass(frozen=True)
class Column:
    """One column of an exported table as the CSV holds it.

    type: the Table Schema type of the written text: "string", "integer" (whole numbers,
    as present.write_csv writes an integer column or one rounded to whole numbers),
    "number" (may have decimals), "boolean" (written yes / no: true_values and
    false_values say otherwise), "date" (YYYY-MM-DD). description: what a value means.
    unit: the unit of a number where every row has the same one ("days", "per cent").
    """

    type: str
    description: str
    unit: str | None = None
    true_values: tuple[str, ...] = ("yes",)
    false_values: tuple[str, ...] = ("no",)

    def field(self, name: str) -> dict:
        field = {"name": name, "type": self.type, "description": self.description}
        if self.type == "date":
            field["format"] = "default"
        if self.type == "boolean":
            field |= {"trueValues": list(self.true_values), "falseValues": list(self.false_values)}
        if self.unit:
            field["unit"] = self.unit
        return field


TYPES = ("string", "integer", "number", "boolean", "date")
# The key, in a table's declaration, of the columns named from the data (the ACH matrix
# has one column per hypothesis, named by its label).
OTHER_COLUMNS = "*"
# The modules that declare EXPORTED_COLUMNS, beside the code of the tables they make.
EXPORT_MODULES = (
    "claims",
    "estimates",
    "timeline",
    "provenance",
    "reliability",
    "judgements",
    "ladder",
    "checks",
    "outlets",
    "classroom",
    "changes",
    "findings",
)

# Columns that several tables share, declared once.
MEASURE = Column("string", "What the figures count: the measure's label (measures.csv).")
MEASURE_ID = Column("string", "The measure's code in measures.csv, for joining tables.")
WINDOW = Column(
    "string",
    "The days whose figures are compared: 'all dates' for a measure whose figures do not "
    "change with time, else the days of one window of statements (the window_days "
    "parameter).",
)
WINDOW_START = Column("date", "First day of the window (empty for 'all dates').")
WINDOW_END = Column("date", "Last day of the window.")
WINDOW_PHRASE = Column("string", "The window as a sentence says it ('in the week to …').")
UNIT = Column("string", "The unit of the figures (measures.csv `unit`).")
CLAIM = Column("string", "The claim id (claims.csv `claim_id`).")
CLAIM_IDS = Column("string", "The ids of the claims it rests on (claims.csv), separated by spaces.")
SOURCE = Column("string", "Who made the claim: the actor's name (actors.csv).")
INDEPENDENT_SOURCE = Column(
    "string",
    "The independent source: the body at the end of the claimant's part_of chain "
    "(the bodies of one state count as one source).",
)
INDEPENDENT_SOURCES = Column(
    "integer", "How many independent sources (bodies of one state count as one)."
)
STATED_DAY = Column(
    "string",
    "When it was stated, as a reader reads it ('23 Oct 2024'; 'by publication (…)' when "
    "the copy gives no day).",
)
ESTABLISHED = Column(
    "string",
    "How far the figure is established, the highest rung of crosscheck's ladder: the "
    "outlet's own statement, claimed by a party to the conflict, intelligence assessment "
    "relayed, stated by a third government, independently verified.",
)


def export_declarations() -> dict[str, dict[str, Column]]:
    """Every exported table's declared columns, gathered from EXPORT_MODULES.

    Raises ValueError when two modules declare one table, or a column has a type that
    is not one of TYPES.
    """
    declared: dict[str, dict[str, Column]] = {}
    for name in EXPORT_MODULES:
        module = importlib.import_module(f"crosscheck.{name}")
        for table, columns in module.EXPORTED_COLUMNS.items():
            if table in declared:
                raise ValueError(f"{table}.csv is declared twice (second in crosscheck.{name})")
            wrong = [c for c, column in columns.items() if column.type not in TYPES]
            if wrong:
                raise ValueError(f"{table}.csv: {', '.join(wrong)} must be one of {TYPES}")
            declared[table] = columns
    return declared


def export_package(tables_dir: str | Path) -> dict:
    """The Data Package descriptor of the CSVs a build exported into tables_dir.

    Each CSV's fields follow its header; each column takes its declaration (a column
    the declarations do not know is described as type "any", which
    declaration_mismatches reports).
    """
    declared = export_declarations()
    resources = []
    for path in sorted(Path(tables_dir).glob("*.csv")):
        columns = declared.get(path.stem, {})
        fields = []
        for name in _header(path) or []:
            column = columns.get(name, columns.get(OTHER_COLUMNS))
            fields.append(column.field(name) if column else {"name": name, "type": "any"})
        resources.append(
            {
                "profile": "tabular-data-resource",
                "name": path.stem,
                "path": path.name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "missingValues": [""]},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "crosscheck-report-data",
        "title": "The tables of a crosscheck report",
        "description": (
            "Every table the report shows or charts, as CSV, with its columns described. "
            "Numbers are rounded to what they mean (whole numbers; shares to 3 decimals, "
            "other ratios and means to 2) and yes/no columns say yes or no. Written by the "
            "build from the declarations beside the code that makes each table."
        ),
        "resources": resources,
    }


def write_export_package(tables_dir: str | Path) -> Path:
    """Write tables_dir/datapackage.json describing the CSVs in it; return its path."""
    path = Path(tables_dir) / PACKAGE_FILE
    path.write_text(render(export_package(tables_dir)), encoding="utf-8")
    return path


def declaration_mismatches(tables_dir: str | Path) -> list[str]:
    """What the exported CSVs of tables_dir and the declarations disagree on, in words:
    a column exported without a declaration, a column declared but not exported, a table
    declared but not exported. Empty when they agree."""
    declared = export_declarations()
    exported = {path.stem: _header(path) or [] for path in Path(tables_dir).glob("*.csv")}
    problems = []
    for table, header in sorted(exported.items()):
        columns = declared.get(table)
        if columns is None:
            problems.append(f"{table}.csv is exported but declared nowhere")
            continue
        problems += [
            f"{table}.csv: column '{name}' has no declaration"
            for name in header
            if name not in columns and OTHER_COLUMNS not in columns
        ]
        problems += [
            f"{table}.csv: column '{name}' is declared but not exported"
            for name in columns
            if name != OTHER_COLUMNS and name not in header
        ]
    unexported = sorted(declared.keys() - exported.keys())
    problems += [f"{table}.csv is declared but not exported" for table in unexported]
    return problems


def input_columns(table: Table, **boolean: tuple[str, ...]) -> dict[str, Column]:
    """An input table's columns as the declaration of an export that copies them (the
    claims snapshot), typed as schema.py types them. boolean: true_values and
    false_values of the boolean columns when the export does not write yes / no."""
    declared = {}
    for name in table.columns:
        if name in table.boolean_columns:
            declared[name] = Column("boolean", _as_recorded(table, name), **boolean)
            continue
        kind = (
            "integer" if name in table.integer_columns
            else "date" if name in table.date_columns
            else "string"
        )  # fmt: skip
        declared[name] = Column(kind, _as_recorded(table, name))
    return declared


def _as_recorded(table: Table, column: str) -> str:
    return (
        f"{table.filename} column `{column}` as recorded in the data "
        f"(data/datapackage.json and data/README.md describe it)."
    )
