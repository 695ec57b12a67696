"""The catalogue of bad input, end to end: `crosscheck report` refuses each with a message
naming file, line and column, exits non-zero, and leaves the data and the last good
report exactly as they were."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from test_load import CELL_CASES

from crosscheck.cli import main

from conftest import read_rows, write_rows


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _edit_text(name, change):
    def breaks(data: Path):
        path = data / name
        path.write_text(change(path.read_text()))

    return breaks


def _edit_rows(name, change):
    def breaks(data: Path):
        rows = read_rows(data / name)
        write_rows(data / name, change(rows))

    return breaks


def _extra_field_on_line_2(text: str) -> str:
    lines = text.splitlines()
    lines[1] += ",extra"
    return "\n".join(lines) + "\n"


def _huge_file(data: Path):
    header = (data / "claims.csv").read_text().splitlines()[0]
    with (data / "claims.csv").open("w") as handle:
        handle.write(header + '\n"' + "x" * 50_000_000 + '"\n')


def _long_text(rows):
    rows[2]["summary"] = "a very long summary " * 200
    return rows


def _part_of_cycle(rows):
    rows[0]["part_of"], rows[1]["part_of"] = rows[1]["actor_id"], rows[0]["actor_id"]
    return rows


def _bad_grade(rows):
    rows[0]["reliability"] = "G"
    return rows


def _bad_rating(rows):
    rows[0]["rating"] = "maybe"
    return rows


def _duplicate_claim(rows):
    return [*rows, dict(rows[3])]


def _saved_with(name, separator, first_line=""):
    """A file as a spreadsheet saves "CSV" in a locale that separates with `separator`."""

    def breaks(data: Path):
        rows = list(csv.reader((data / name).open(newline="", encoding="utf-8")))
        text = io.StringIO()
        csv.writer(text, delimiter=separator, lineterminator="\r\n").writerows(rows)
        (data / name).write_text(first_line + text.getvalue(), encoding="utf-8")

    return breaks


def _published_before_its_address_day(rows):
    rows[2]["published_on"] = "2024-10-15"  # its address carries /2024/10/16/
    return rows


# name: (how to break a copy of the data, file, line or None, column or None, rule fragment)
FILE_CASES = {
    "missing file": (lambda d: (d / "actors.csv").unlink(), "actors.csv", None, None, "missing"),
    "empty file": (_edit_text("articles.csv", lambda t: ""), "articles.csv", None, None, "empty"),
    "header only": (_edit_text("actors.csv", lambda t: t.splitlines()[0] + "\n"), "actors.csv",
                    None, None, "no rows"),
    "missing column": (_edit_text("measures.csv", lambda t: t.replace("unit,", "", 1)),
                       "measures.csv", 1, "unit", "missing"),
    "unknown column": (_edit_text("claim_types.csv", lambda t: t.replace(
        "description", "description,colour", 1)), "claim_types.csv", 1, "colour", "unknown"),
    "ragged row": (_edit_text("measures.csv", _extra_field_on_line_2), "measures.csv", 2, None,
                   "fields"),
    "stray quote": (_edit_text("measures.csv", lambda t: t.replace(",soldiers,", ',"sol"d,', 1)),
                    "measures.csv", 2, None, "quote"),
    "non-UTF-8 bytes": (lambda d: (d / "actors.csv").write_bytes(
        (d / "actors.csv").read_bytes().replace(b"Lloyd", b"Ll\xf6yd", 1)), "actors.csv", 2,
        None, "UTF-8"),
    "UTF-16 file": (lambda d: (d / "actors.csv").write_bytes(
        (d / "actors.csv").read_text().encode("utf-16")), "actors.csv", None, None, "UTF-16"),
    "duplicate claim id": (_edit_rows("claims.csv", _duplicate_claim), "claims.csv", 5,
                           "claim_id", "unique"),
    "50 MB field": (_huge_file, "claims.csv", 2, None, "longer than"),
    "absurdly long text": (_edit_rows("claims.csv", _long_text), "claims.csv", 4, "summary",
                           "longer than"),
    "part_of in a circle": (_edit_rows("actors.csv", _part_of_cycle), "actors.csv", 2,
                            "part_of", "circle"),
    "unknown grade": (_edit_rows("grades.csv", _bad_grade), "grades.csv", 2, "reliability",
                      "grades"),
    "unknown ACH rating": (_edit_rows("ach_ratings.csv", _bad_rating), "ach_ratings.csv", 2,
                           "rating", "ACH ratings"),
    "semicolons as separator": (_saved_with("claims.csv", ";"), "claims.csv", 1, None,
                                "saved with ';' (semicolon) as separator"),
    "Excel's sep=; line": (_saved_with("measures.csv", ";", "sep=;\r\n"), "measures.csv", 1,
                           None, "Excel's note of it"),
    "UTF-16 without byte-order mark": (lambda d: (d / "actors.csv").write_bytes(
        (d / "actors.csv").read_text().encode("utf-16-le")), "actors.csv", None, None, "UTF-16"),
    "header line missing": (_edit_text("actors.csv", lambda t: t.split("\n", 1)[1]),
                            "actors.csv", 1, None, "not column names"),
    "published before its address's day": (
        _edit_rows("articles.csv", _published_before_its_address_day), "articles.csv", 4,
        "published_on", "published before a day its own record gives"),
}  # fmt: skip


def _cell_case(file, row, column, value, rule):
    def breaks(data: Path):
        rows = read_rows(data / file)
        rows[row][column] = value
        write_rows(data / file, rows)

    return breaks, file, row + 2, column, rule


CATALOGUE = FILE_CASES | {name: _cell_case(*case) for name, case in CELL_CASES.items()}


def test_the_catalogue_holds_at_least_thirty_distinct_cases():
    assert len(CATALOGUE) >= 30


@pytest.fixture
def last_good_report(built_report, tmp_path) -> Path:
    out = tmp_path / "reports"
    shutil.copytree(built_report, out)
    return out


@pytest.mark.parametrize("case", list(CATALOGUE), ids=list(CATALOGUE))
def test_bad_input_is_refused_and_loses_nothing(case, data_copy, last_good_report, capsys):
    breaks, file, line, column, rule = CATALOGUE[case]
    breaks(data_copy)
    data_before, report_before = _digest(data_copy), _digest(last_good_report)
    status = main(["report", "--data", str(data_copy), "--out", str(last_good_report), "--quiet"])
    message = capsys.readouterr().err
    assert status == 1 and "Traceback" not in message
    where = f"{file}:{line}" if line else file
    assert where in message and rule in message
    if column:
        assert f"column '{column}'" in message
    assert _digest(data_copy) == data_before
    assert _digest(last_good_report) == report_before
