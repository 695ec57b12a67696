"""Loading and validating a data folder: the shipped data, and every kind of bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crosscheck import schema
from crosscheck.load import load_dataset
from crosscheck.problems import DataError

from conftest import DATA, read_rows, set_cell, write_rows


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
    }


def problems_of(data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_dataset(data_dir)
    return caught.value.problems


def only_problem(data_dir: Path):
    problems = problems_of(data_dir)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_shipped_data_validates():
    dataset = load_dataset(DATA)
    assert dataset.counts()["claims"] == len(read_rows(DATA / "claims.csv"))


def test_loading_never_writes_to_the_data_folder(data_copy):
    set_cell(data_copy / "claims.csv", 3, "low", "-5")
    before = folder_digest(data_copy)
    problems_of(data_copy)
    load_dataset(DATA)
    assert folder_digest(data_copy) == before


# Each case breaks one cell, row or file of a copy of the shipped data, and names
# the file, line and column (None where the problem is the whole file or row)
# and a fragment of the rule the message must give.
def _cell(file, row, column, value):
    def breaks(data_dir):
        return set_cell(data_dir / file, row, column, value)

    return breaks


CELL_CASES = {
    "wrong type in a count": ("claims.csv", 4, "low", "3,000", "whole number"),
    "a fraction of a soldier": ("claims.csv", 4, "best", "1500.5", "whole number"),
    "negative count": ("claims.csv", 4, "low", "-3000", "cannot be negative"),
    "low above best": ("claims.csv", 4, "low", "5000", "low must not be above best"),
    "best above high": ("claims.csv", 4, "best", "5000", "best must not be above high"),
    "low above high, no best": ("claims.csv", 3, "low", "20000", "low must not be above high"),
    "impossible date": ("articles.csv", 0, "published_on", "2024-02-30", "real calendar date"),
    "date not ISO": ("articles.csv", 0, "published_on", "23/10/2024", "YYYY-MM-DD"),
    "date in the future": ("articles.csv", 0, "published_on", "2999-01-01", "future"),
    "unknown stance": ("claims.csv", 0, "stance", "maybe", "must be one of the stances"),
    "unknown claim type": ("claims.csv", 0, "claim_type", "gossip", "claim types"),
    "unknown actor type": ("actors.csv", 0, "actor_type", "wizard", "actor types"),
    "unknown alignment": ("actors.csv", 0, "alignment", "both", "alignments"),
    "a side's colour not in hex": ("alignments.csv", 0, "colour", "blue", "six hex digits"),
    "two sides of one colour": ("alignments.csv", 1, "colour", "#0072b2", "earlier row"),
    "dangling claimant": ("claims.csv", 0, "claimant_id", "nobody", "dangling reference"),
    "dangling relay": ("claims.csv", 4, "relayed_via_id", "nobody", "dangling reference"),
    "dangling article": ("claims.csv", 0, "article_id", "no-such-article", "dangling reference"),
    "dangling related claim": ("claims.csv", 0, "relates_to", "dt-0000", "dangling reference"),
    "relayed by its own claimant": ("claims.csv", 4, "relayed_via_id", "rok-nis", "own claimant"),
    "empty required text": ("claims.csv", 0, "evidence", "", "required"),
    "markup in a quote": ("claims.csv", 0, "evidence", "<b>evidence</b>", "plain text"),
    "absurdly long quote": ("claims.csv", 0, "evidence", "word " * 100, "longer than"),
    "not yes or no": ("claims.csv", 0, "direct_quote", "perhaps", "yes or no"),
    "figure without measure": ("claims.csv", 4, "measure", "", "needs a measure"),
    "unit not the measure's": ("claims.csv", 4, "unit", "tanks", "unit of the measure"),
    "unknown measure": ("claims.csv", 4, "measure", "vibes", "measures in measures.csv"),
    "unknown measure kind": ("measures.csv", 0, "kind", "cumulative", "the measure kinds"),
    "counts_people not yes or no": ("measures.csv", 0, "counts_people", "soldiers", "yes or no"),
    "measure kind left empty": ("measures.csv", 0, "kind", "", "required"),
    "date wording not understood": ("claims.csv", 0, "stated_wording", "anon", "not understood"),
    "statement after publication": ("claims.csv", 0, "stated_wording", "by December", "after"),
    "bad identifier": ("claims.csv", 0, "claim_id", "Claim 1", "identifier"),
    "non-http url": ("articles.csv", 0, "url", "javascript:alert(1)", "http"),
    "inferred date without a note": ("articles.csv", 0, "date_note", "", "date_note"),
    "a no-break space as thousands separator": (
        "claims.csv", 4, "best", "3\u00a0000", "thousands separator"),
    "a count too long to be one": ("claims.csv", 4, "best", "3" * 22, "more than 18 digits"),
    "a publication year before 1800": (
        "articles.csv", 0, "published_on", "1024-10-23", "before 1800"),
    "a superscript in a count": ("claims.csv", 4, "best", "3×10³", "whole number"),
}  # fmt: skip


@pytest.mark.parametrize("case", CELL_CASES, ids=list(CELL_CASES))
def test_a_bad_cell_is_reported_with_file_line_column_and_rule(data_copy, case):
    file, row, column, value, rule = CELL_CASES[case]
    line = set_cell(data_copy / file, row, column, value)
    problem = only_problem(data_copy)
    assert (Path(problem.file).name, problem.line, problem.column) == (file, line, column)
    assert rule in problem.rule
    message = str(problem)
    assert f"{file}:{line}" in message and f"column '{column}'" in message


def test_a_duplicate_id_names_both_rows(data_copy):
    rows = read_rows(data_copy / "actors.csv")
    rows.append(dict(rows[0]))
    write_rows(data_copy / "actors.csv", rows)
    problems = problems_of(data_copy)
    assert {(p.line, p.column) for p in problems} == {(2, "actor_id"), (len(rows) + 1, "actor_id")}
    assert all("unique" in p.rule for p in problems)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "actors.csv").unlink()
    problem = only_problem(data_copy)
    assert problem.file.endswith("actors.csv") and "missing" in problem.rule


def test_an_empty_file_is_named(data_copy):
    (data_copy / "articles.csv").write_text("")
    problem = only_problem(data_copy)
    assert problem.file.endswith("articles.csv") and "empty" in problem.rule


def test_a_header_only_file_is_named(data_copy):
    path = data_copy / "actors.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")
    problem = only_problem(data_copy)
    assert problem.file.endswith("actors.csv") and "no rows" in problem.rule


def test_a_missing_column_is_named(data_copy):
    rows = read_rows(data_copy / "claims.csv")
    for row in rows:
        del row["stance"]
    write_rows(data_copy / "claims.csv", rows)
    problem = only_problem(data_copy)
    assert (problem.line, problem.column) == (1, "stance") and "missing" in problem.rule


def test_a_measures_file_without_the_kind_column_is_refused(data_copy):
    rows = read_rows(data_copy / "measures.csv")
    for row in rows:
        del row["kind"]
    write_rows(data_copy / "measures.csv", rows)
    problem = only_problem(data_copy)
    assert Path(problem.file).name == "measures.csv"
    assert (problem.line, problem.column) == (1, "kind") and "missing" in problem.rule


def test_the_kind_of_a_measure_is_refused_unless_it_is_a_known_kind(data_copy):
    line = set_cell(data_copy / "measures.csv", 2, "kind", "cumulative")
    problem = only_problem(data_copy)
    assert (Path(problem.file).name, problem.line, problem.column) == ("measures.csv", line, "kind")
    assert problem.value == "cumulative"
    assert (
        problem.rule == "must be one of the measure kinds: count_at_date, one_time, running_total"
    )
    assert f"measures.csv:{line}" in str(problem) and "column 'kind'" in str(problem)


def test_measures_are_typed_with_their_kind_and_whether_they_count_people():
    measures = load_dataset(DATA).measures.set_index("measure")
    assert str(measures["counts_people"].dtype) == "boolean"
    assert set(measures["kind"]) <= set(schema.MEASURE_KINDS)
    assert measures.loc["troops_dispatched", "kind"] == "running_total"
    assert measures.loc["troops_in_kursk", "kind"] == "count_at_date"
    assert measures.loc["troops_committed", "kind"] == "one_time"
    assert not measures.loc["ratio_to_previous", "counts_people"]
    assert measures.loc["killed", "counts_people"]


def test_an_unknown_column_is_named(data_copy):
    rows = read_rows(data_copy / "actors.csv")
    for row in rows:
        row["shoe_size"] = "42"
    write_rows(data_copy / "actors.csv", rows)
    problem = only_problem(data_copy)
    assert (problem.line, problem.column) == (1, "shoe_size") and "unknown column" in problem.rule


def test_a_ragged_row_is_named_by_line(data_copy):
    path = data_copy / "measures.csv"
    lines = path.read_text().splitlines()
    lines[2] += ",surplus"
    path.write_text("\n".join(lines) + "\n")
    problem = only_problem(data_copy)
    assert (problem.line, problem.column) == (3, None) and "fields" in problem.rule


def test_a_stray_quote_is_named_by_line(data_copy):
    path = data_copy / "measures.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3].replace(",soldiers,", ',"sol"diers,', 1)
    path.write_text("\n".join(lines) + "\n")
    problem = only_problem(data_copy)
    assert problem.line == 4 and "quote" in problem.rule


def test_bytes_that_are_not_utf8_are_named_by_line(data_copy):
    path = data_copy / "actors.csv"
    raw = path.read_bytes().replace(b"Lloyd", b"Ll\xf6yd", 1)
    path.write_bytes(raw)
    problem = only_problem(data_copy)
    assert (problem.line, problem.value) == (2, "0xf6") and "UTF-8" in problem.rule


def test_a_utf16_file_is_refused_with_a_way_out(data_copy):
    path = data_copy / "actors.csv"
    path.write_bytes(path.read_text().encode("utf-16"))
    problem = only_problem(data_copy)
    assert "UTF-16" in problem.rule and "UTF-8" in problem.rule


def test_a_spreadsheet_saved_file_loads_the_same(data_copy):
    """UTF-8 with BOM, CRLF line ends, and a quoted field with a comma and a line break."""
    path = data_copy / "claims.csv"
    rows = read_rows(path)
    rows[1]["note"] = "First line, with a comma\nsecond line"
    write_rows(path, rows)
    expected = load_dataset(data_copy).claims
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    loaded = load_dataset(data_copy).claims
    assert loaded.equals(expected)
    assert loaded.loc[1, "note"] == "First line, with a comma\nsecond line"


def test_line_numbers_count_the_line_breaks_inside_quoted_fields(data_copy):
    path = data_copy / "claims.csv"
    rows = read_rows(path)
    rows[0]["note"] = "one\ntwo\nthree"
    rows[2]["stance"] = "maybe"
    write_rows(path, rows)
    assert only_problem(data_copy).line == 4 + 2  # row 2 starts two lines later


def test_every_problem_is_reported_at_once(data_copy):
    set_cell(data_copy / "claims.csv", 0, "stance", "maybe")
    set_cell(data_copy / "claims.csv", 5, "low", "-1")
    set_cell(data_copy / "actors.csv", 1, "alignment", "both")
    problems = problems_of(data_copy)
    assert {(Path(p.file).name, p.line) for p in problems} == {
        ("claims.csv", 2),
        ("claims.csv", 7),
        ("actors.csv", 3),
    }


def test_a_missing_folder_is_named(tmp_path):
    problem = only_problem(tmp_path / "nowhere")
    assert "does not exist" in problem.rule
