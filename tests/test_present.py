"""What readers get: formatted numbers and dates, escaped HTML, spreadsheet-safe CSV."""

import csv

import pandas as pd
import pytest

from crosscheck.present import for_reading, spreadsheet_safe, write_csv


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx"])  # fmt: skip
def test_a_text_cell_that_a_spreadsheet_would_run_is_exported_as_text(tmp_path, text):
    path = tmp_path / "out.csv"
    write_csv(pd.DataFrame({"note": [text], "figure": [-3000]}), path)
    with path.open(newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["note"] == "'" + text.replace("\r", "\n")
    assert row["figure"] == "-3000"  # numbers stay numbers, minus sign and all


def test_ordinary_text_is_exported_unchanged():
    frame = pd.DataFrame({"note": ["3,000 troops", "a-b", None]})
    assert spreadsheet_safe(frame)["note"].tolist()[:2] == ["3,000 troops", "a-b"]


def test_exports_are_utf8_with_iso_dates_and_unix_line_ends(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(pd.DataFrame({"day": pd.to_datetime(["2024-10-23"]), "who": ["Zelenskyy é"]}), path)
    assert path.read_bytes() == "day,who\n2024-10-23,Zelenskyy é\n".encode()


def test_numbers_and_dates_are_formatted_as_people_read_them():
    shown = for_reading(
        pd.DataFrame({"n": [3000, 12000], "d": pd.to_datetime(["2024-10-23", "2024-10-01"]),
                      "x": [0.25, 1.5]})
    )  # fmt: skip
    assert shown["n"].tolist() == ["3,000", "12,000"]
    assert shown["d"].tolist() == ["23 Oct 2024", "1 Oct 2024"]
    assert shown["x"].tolist() == ["0.25", "1.50"]
