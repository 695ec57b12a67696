"""What each chapter parameter takes, checked before any kernel starts.

A value a chapter cannot use (a day that is not a day, a measure the data does not
have, a number where a list belongs) would otherwise reach a kernel and fail there,
as a traceback in a notebook or a kernel that dies, naming neither the parameter nor
the fix. Here every value given to a build (`-p NAME VALUE`, the `parameters` of
report.yml) is checked against what its parameter takes, and a mistake is one
sentence naming the parameter, the value and what it takes.

The kinds are about the method (a day, a measure id, a claim type), never about one
topic: which measures and claim types exist comes from the data folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import yaml

from crosscheck.claims import parse_as_of
from crosscheck.load import Dataset


class ParameterError(ValueError):
    """A parameter value a chapter cannot take; the message names it and the rule."""


@dataclass(frozen=True)
class Kind:
    """What a parameter takes: a phrase for the reader and a check of one value.

    The check gets the value and the dataset and returns None when the value is fine,
    or the reason it is not (without the parameter's name, which the caller adds).
    """

    takes: str
    check: Callable[[object, Dataset], str | None]


def _day(value, dataset: Dataset) -> str | None:
    if isinstance(value, date):
        return None
    if not isinstance(value, str):
        return "not a day"
    try:
        parse_as_of(value)
    except ValueError:
        return "not a day"
    return None


def _optional_day(value, dataset: Dataset) -> str | None:
    return None if value is None else _day(value, dataset)


def _list_of(check: Callable[[object, Dataset], str | None]):
    def checked(value, dataset: Dataset) -> str | None:
        if not isinstance(value, list | tuple):
            return "not a list"
        for item in value:
            reason = check(item, dataset)
            if reason:
                return f"{item!r} is {reason}"
        return None

    return checked


def _in_column(table: str, column: str, what: str):
    def checked(value, dataset: Dataset) -> str | None:
        known = set(getattr(dataset, table)[column].dropna())
        if value in known:
            return None
        listed = ", ".join(sorted(known)) or "none"
        return f"not one of the {what} in {table}.csv ({listed})"

    return checked


def _folder(value, dataset: Dataset) -> str | None:
    return None if value is None or isinstance(value, str) else "not a folder path"


def _number(value, dataset: Dataset) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "not a number"
    return None


def _whole(value, dataset: Dataset) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "not a whole number"
    return None


def _mapping(value, dataset: Dataset) -> str | None:
    return None if isinstance(value, dict) else "not a mapping"


def _text(value, dataset: Dataset) -> str | None:
    return None if isinstance(value, str) else "not text"


DAY = Kind('a day written YYYY-MM-DD (quoted or not: "2024-10-20")', _day)
OPTIONAL_DAY = Kind("a day written YYYY-MM-DD, or null for none", _optional_day)
DAYS = Kind("a list of days written YYYY-MM-DD ([2024-10-18, 2024-10-23])", _list_of(_day))
MEASURE = Kind("a measure id of measures.csv", _in_column("measures", "measure", "measures"))
OPTIONAL_MEASURE = Kind(
    "a measure id of measures.csv, or null for none",
    lambda value, dataset: (
        None if value is None else _in_column("measures", "measure", "measures")(value, dataset)
    ),
)
MEASURES = Kind(
    "a list of measure ids of measures.csv",
    _list_of(_in_column("measures", "measure", "measures")),
)
CLAIM_TYPES = Kind(
    "a list of claim types of claim_types.csv",
    _list_of(_in_column("claim_types", "claim_type", "claim types")),
)
FOLDER = Kind("a folder path", _folder)
NUMBER = Kind("a number such as 0.1", _number)
WHOLE = Kind("a whole number such as 7", _whole)
MAPPING = Kind("a mapping such as {actor-id: B2}", _mapping)
TEXT = Kind("text", _text)

# Every parameter a chapter or the exercise declares, and what it takes. A test checks
# that each parameters cell declares nothing missing here. The analysis parameters are
# checked further (ranges, grades) by analysis.Parameters.parse.
KINDS: dict[str, Kind] = {
    "data_dir": FOLDER,
    "tables_dir": FOLDER,
    "previous_dir": FOLDER,
    "answers_dir": FOLDER,
    "as_of": OPTIONAL_DAY,
    # The class's day, when a student's own cut-off differs from it (the exercise).
    "lesson_day": OPTIONAL_DAY,
    "approximate_margin": NUMBER,
    "window_days": WHOLE,
    "grade_overrides": MAPPING,
    "student": TEXT,
    "known_on_day": DAY,
    "snapshot_days": DAYS,
    "measure": MEASURE,
    # A count with a deadline drawn beside the measure; a topic without one gives null.
    "target_measure": OPTIONAL_MEASURE,
    "dispatched_measure": MEASURE,
    "committed_measure": MEASURE,
    "snapshot_measures": MEASURES,
    "deployment_claim_types": CLAIM_TYPES,
}


def read_value(text: str):
    """A `-p NAME VALUE` value read as YAML, as papermill's own command line reads it
    ("7" → 7, "[a, b]" → a list, "2024-10-20" → a date). Text YAML cannot read as what it
    looks like (an impossible day such as 2024-02-30, an unclosed bracket) stays text,
    so that `check` names the parameter instead of YAML raising a traceback."""
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        return text


def check(parameters: dict, dataset: Dataset) -> None:
    """Check every given parameter value against what its parameter takes.

    parameters: name → value as YAML or report.yml gave it (after
    report.as_papermill_values, so days may be ISO text); dataset: the loaded data,
    whose measures and claim types are the ones a measure or claim-type parameter may
    name. A name not in KINDS is left to the caller (report.build refuses names no
    chapter declares). Raises ParameterError listing every mistake, one a line, each
    naming the parameter, its value and what it takes.
    """
    mistakes = []
    for name, value in parameters.items():
        kind = KINDS.get(name)
        reason = None if kind is None else kind.check(value, dataset)
        if reason is None:
            reason = _not_json(value)
            takes = "a value a notebook can receive (text, numbers, lists, mappings)"
        else:
            takes = kind.takes
        if reason:
            mistakes.append(f"parameter {name} = {value!r}: {reason}; it takes {takes}")
    if mistakes:
        raise ParameterError("\n".join(mistakes))


def _not_json(value) -> str | None:
    """Papermill hands parameters to the kernel as JSON: what JSON cannot carry would
    end the kernel's start with a TypeError."""
    try:
        json.dumps(value)
    except (TypeError, ValueError) as error:
        return f"cannot be passed to a notebook ({error})"
    return None
