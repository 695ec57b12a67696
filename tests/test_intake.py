"""Data in, whatever a spreadsheet or a person does to it (issue 14): every typed cell
read once (no figure lost), whole-file faults named once with the way out, every
problem of every file in one run, and no page dated before a day it records."""

from __future__ import annotations

import csv
import shutil
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from crosscheck import schema, stated_days
from crosscheck.cli import main
from crosscheck.load import load_dataset
from crosscheck.problems import DataError

from conftest import DATA, read_rows, set_cell, write_rows
from factories import ARTICLE, actor, figure, make_dataset

# --- helpers ----------------------------------------------------------------------------


def problems_of(data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_dataset(data_dir)
    return caught.value.problems


def where(problems) -> set[tuple[str, int | None, str | None]]:
    return {(Path(p.file).name, p.line, p.column) for p in problems}


def with_separator(path: Path, separator: str, encoding: str = "utf-8") -> None:
    rows = list(csv.reader(path.open(newline="", encoding="utf-8")))
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=separator, lineterminator="\r\n").writerows(rows)


SAVE_AS_CSV = "save it as CSV with commas"

# --- one reading of every cell: the property ---------------------------------------------

# What a person or a spreadsheet can put in a typed cell: digits of five scripts
# (ASCII, full-width, Arabic-Indic, Devanagari, Extended Arabic-Indic), signs, spaces
# (ordinary, no-break, narrow no-break, thin, ideographic), separators and junk.
SCRIPTS = ("0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "۰۱۲۳۴۵۶۷۸۹")
SIGNS = "-+－＋−﹣"
SPACES = " \u00a0\u202f\u2009\u3000"
SEPARATORS = ",.'٬/:–"
JUNK = "aeNoYyEsS²①½日ｙｅｓｎ"
ALPHABET = "".join(SCRIPTS) + SIGNS + SPACES + SEPARATORS + JUNK


def _in_script(text: str, script: str) -> str:
    return text.translate(str.maketrans("0123456789", script))


@st.composite
def written_counts(draw) -> str:
    number = draw(st.integers(min_value=-(10**19), max_value=10**19))
    text = _in_script(str(abs(number)), draw(st.sampled_from(SCRIPTS)))
    if draw(st.booleans()) and len(text) > 3:  # a thousands separator
        cut = len(text) - 3
        text = text[:cut] + draw(st.sampled_from(SPACES + ",.")) + text[cut:]
    sign = draw(st.sampled_from(SIGNS)) if number < 0 else draw(st.sampled_from(["", "", "+"]))
    pad = draw(st.sampled_from(["", " ", "\u00a0", "\u3000"]))
    return pad + sign + text + pad


@st.composite
def written_yes_no(draw) -> str:
    word = draw(st.sampled_from(["yes", "no", "true", "false", "y", "n", "1", "oui", "yes!"]))
    word = draw(st.sampled_from([str.lower, str.upper, str.title]))(word)
    if draw(st.booleans()):  # typed with a full-width input method
        word = unicodedata.normalize("NFKC", word).translate(
            {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
        )
    return word


@st.composite
def written_dates(draw) -> str:
    day = draw(st.dates(min_value=date(1700, 1, 1), max_value=date(2300, 12, 31)))
    script = draw(st.sampled_from(SCRIPTS))
    dash = draw(st.sampled_from(["-", "-", "－", "﹣", "/", "–", "."]))
    parts = [f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"]
    if draw(st.booleans()):  # day first, as a European spreadsheet rewrites it
        parts.reverse()
    return _in_script(dash.join(parts), script)


def cells(structured) -> st.SearchStrategy[str]:
    junk = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
    return st.one_of(structured, junk).filter(lambda text: text.strip())


# The reference reading, written here from the data dictionary's words and not from
# the loader's code: a count is an optional minus and decimal digits of one number
# (any script; a minus or digit in full width is the same minus or digit), at most
# 18 digits, not negative; yes/no is yes, no, true or false in any case or width; a
# date is YYYY-MM-DD in such digits, a real day from 1800 to today. None: refused.
def reference_count(cell: str) -> int | None:
    text = cell.strip()
    negative = text[:1] in ("-", "－", "−", "﹣")
    digits = text[1:] if negative else text
    if not digits or not all(unicodedata.category(char) == "Nd" for char in digits):
        return None
    value = int("".join(str(unicodedata.decimal(char)) for char in digits))
    value = -value if negative else value
    return value if 0 <= value < 10**18 else None


def reference_yes_no(cell: str) -> bool | None:
    word = unicodedata.normalize("NFKC", cell.strip()).lower()
    return {"yes": True, "true": True, "no": False, "false": False}.get(word)


def reference_date(cell: str) -> pd.Timestamp | None:
    text = cell.strip()
    if len(text) != 10 or any(text[i] not in ("-", "－", "﹣") for i in (4, 7)):
        return None
    digits = text[:4] + text[5:7] + text[8:]
    if not all(unicodedata.category(char) == "Nd" for char in digits):
        return None
    number = "".join(str(unicodedata.decimal(char)) for char in digits)
    try:
        day = date(int(number[:4]), int(number[4:6]), int(number[6:]))
    except ValueError:
        return None
    return pd.Timestamp(day) if date(1800, 1, 1) <= day <= date.today() else None


# Typed column: (file, row of the folder's table to write into, strategy, reference).
TYPED = {
    "low": ("claims.csv", written_counts(), reference_count),
    "best": ("claims.csv", written_counts(), reference_count),
    "high": ("claims.csv", written_counts(), reference_count),
    "direct_quote": ("claims.csv", written_yes_no(), reference_yes_no),
    "counts_people": ("measures.csv", written_yes_no(), reference_yes_no),
    "party": ("alignments.csv", written_yes_no(), reference_yes_no),
    "published_on": ("articles.csv", written_dates(), reference_date),
}
assert set(TYPED) == {
    column
    for table in schema.TABLES
    for column in table.integer_columns + table.boolean_columns + table.date_columns
}, "a typed column of the schema has no strategy here"

TABLE_OF = {"claims.csv": "claims", "measures.csv": "measures", "articles.csv": "articles",
            "alignments.csv": "alignments"}  # fmt: skip
FILLER = {"low": "1", "best": "1", "high": "1", "direct_quote": "no", "counts_people": "yes",
          "party": "no", "published_on": "2024-10-23"}  # fmt: skip


def write_folder(folder: Path, written: dict[str, list[str]]) -> None:
    """A small dataset whose typed cells are `written`: claim i carries the i-th count of
    each count column in a row of its own, and article i + 1 the i-th date."""
    shutil.copy(DATA / "claim_types.csv", folder / "claim_types.csv")
    alignments = read_rows(DATA / "alignments.csv")
    for row, cell in zip(alignments, written["party"], strict=False):
        row["party"] = cell
    write_rows(folder / "alignments.csv", alignments)
    measures = read_rows(DATA / "measures.csv")
    for row, cell in zip(measures, written["counts_people"], strict=False):
        row["counts_people"] = cell
    write_rows(folder / "measures.csv", measures)
    articles = [ARTICLE] + [
        ARTICLE | {"article_id": f"a{number + 2}", "published_on": cell}
        for number, cell in enumerate(written["published_on"])
    ]
    write_rows(folder / "articles.csv", articles, list(schema.ARTICLES.columns))
    write_rows(folder / "actors.csv", [actor("rok-nis")], list(schema.ACTORS.columns))
    claims = []
    for column in ("low", "best", "high"):
        claims += [
            figure(f"c-{column}-{number}", "rok-nis", "troops_dispatched") | {column: cell}
            for number, cell in enumerate(written[column])
        ]
    for claim, cell in zip(claims, written["direct_quote"], strict=False):
        claim["direct_quote"] = cell
    write_rows(folder / "claims.csv", claims, list(schema.CLAIMS.columns))


def placed(written: dict[str, list[str]]) -> list[tuple[str, str, int, str]]:
    """Each written cell as (column, file, row number from 0, cell)."""
    out = [(column, TYPED[column][0], number, cell)
           for column in ("counts_people", "party", "published_on") for number, cell in
           enumerate(written[column])]  # fmt: skip
    claim = 0
    for column in ("low", "best", "high"):
        for cell in written[column]:
            out.append((column, "claims.csv", claim, cell))
            claim += 1
    out += [("direct_quote", "claims.csv", number, cell)
            for number, cell in enumerate(written["direct_quote"][:claim])]  # fmt: skip
    return [(c, f, n + (1 if c == "published_on" else 0), cell) for c, f, n, cell in out]


typed_cells = st.fixed_dictionaries(
    {column: st.lists(cells(strategy), min_size=1, max_size=4)
     for column, (_, strategy, _) in TYPED.items()}
)  # fmt: skip


@settings(
    max_examples=15,
    deadline=None,  # no timed tests: a loaded machine is not a failure
    derandomize=True,  # the same examples on every run and machine
    database=None,
    # A failing example is small already (at most four cells a column), and shrinking
    # one that loads a folder each step takes minutes: report it as generated.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(written=typed_cells)
def test_every_typed_cell_is_read_as_its_reference_reading_or_refused_where_it_is(written):
    """Valid ⇒ the loaded value is the reference reading; invalid ⇒ a problem naming the
    file, line and column. Then the refused cells are replaced and the rest must load."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_folder(folder, written)
        expected = [(column, file, row, cell, TYPED[column][2](cell))
                    for column, file, row, cell in placed(written)]  # fmt: skip
        refused = [(file, row + 2, column) for column, file, row, _, value in expected
                   if value is None]  # fmt: skip
        if refused:
            with pytest.raises(DataError) as caught:
                load_dataset(folder)
            reported = where(caught.value.problems)
            assert set(refused) <= reported, caught.value.report()
            accepted = {(f, r + 2, c) for c, f, r, _, v in expected if v is not None}
            assert not accepted & reported, caught.value.report()
            # The same folder with the refused cells made good loads the others as read.
            for column in written:
                written[column] = [
                    cell if TYPED[column][2](cell) is not None else FILLER[column]
                    for cell in written[column]
                ]
            write_folder(folder, written)
        dataset = load_dataset(folder)
        for column, file, row, cell, value in expected:
            if value is None:
                continue
            loaded = getattr(dataset, TABLE_OF[file]).iloc[row][column]
            assert loaded == value, (file, row, column, cell, loaded)
            noted = {(Path(n.file).name, n.line, n.column) for n in dataset.notes}
            assert cell.strip().isascii() or (file, row + 2, column) in noted


# --- one reading of every cell: the cases a reader checks ---------------------------------


def test_a_count_in_full_width_digits_loads_as_the_number_with_a_note(data_copy):
    line = set_cell(data_copy / "claims.csv", 3, "best", "１２０００")
    set_cell(data_copy / "claims.csv", 3, "high", "")
    dataset = load_dataset(data_copy)
    assert dataset.claims.loc[3, "best"] == 12000
    [note] = dataset.notes
    assert (Path(note.file).name, note.line, note.column, note.value) == (
        "claims.csv", line, "best", "１２０００")  # fmt: skip
    assert note.note == "Fullwidth digits read as ASCII: 12000"


def test_a_count_in_arabic_indic_digits_loads_as_the_number_with_a_note(data_copy):
    set_cell(data_copy / "claims.csv", 3, "best", "١٢٠٠٠")
    set_cell(data_copy / "claims.csv", 3, "high", "")
    dataset = load_dataset(data_copy)
    assert dataset.claims.loc[3, "best"] == 12000
    assert [note.note for note in dataset.notes] == ["Arabic-Indic digits read as ASCII: 12000"]


def test_validate_prints_the_notes_after_valid(data_copy, capsys):
    set_cell(data_copy / "claims.csv", 3, "best", "１２０００")
    set_cell(data_copy / "claims.csv", 3, "high", "")
    assert main(["validate", str(data_copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{data_copy}: valid (")
    assert out[1:] == [
        "1 note on how the data was read:",
        f"  {data_copy}/claims.csv:5: column 'best': value '１２０００': "
        "Fullwidth digits read as ASCII: 12000",
    ]


def test_a_count_with_a_no_break_space_as_thousands_separator_is_refused(data_copy):
    line = set_cell(data_copy / "claims.csv", 3, "best", "12\u00a0000")
    [problem] = problems_of(data_copy)
    assert (problem.line, problem.column, problem.value) == (line, "best", "12\u00a0000")
    assert "thousands separator" in problem.rule and "write 12000" in problem.rule


def test_a_superscript_is_refused_rather_than_read_as_a_digit(data_copy):
    set_cell(data_copy / "claims.csv", 3, "best", "10²")
    [problem] = problems_of(data_copy)
    assert problem.column == "best" and "whole number" in problem.rule


def test_a_publication_day_in_full_width_digits_loads_with_a_note(data_copy):
    line = set_cell(data_copy / "articles.csv", 1, "published_on", "２０２４-１０-１０")
    dataset = load_dataset(data_copy)
    assert dataset.articles.loc[1, "published_on"] == pd.Timestamp("2024-10-10")
    [note] = dataset.notes
    assert (Path(note.file).name, note.line, note.column) == ("articles.csv", line, "published_on")


def test_yes_in_full_width_letters_loads_as_yes_with_a_note(data_copy):
    set_cell(data_copy / "claims.csv", 0, "direct_quote", "ＹＥＳ")
    dataset = load_dataset(data_copy)
    assert dataset.claims.loc[0, "direct_quote"]
    assert [note.note for note in dataset.notes] == ["non-ASCII characters read as ASCII: yes"]


# --- whole-file diagnosis -----------------------------------------------------------------


def test_a_semicolon_separated_file_is_one_problem_naming_the_separator(data_copy):
    with_separator(data_copy / "claims.csv", ";")
    [problem] = problems_of(data_copy)
    assert (Path(problem.file).name, problem.line, problem.column) == ("claims.csv", 1, None)
    assert problem.rule.startswith("saved with ';' (semicolon) as separator: ")
    assert SAVE_AS_CSV in problem.rule and "UTF-8" in problem.rule


def test_a_tab_separated_file_is_one_problem_naming_the_tab(data_copy):
    with_separator(data_copy / "actors.csv", "\t")
    [problem] = problems_of(data_copy)
    assert Path(problem.file).name == "actors.csv"
    assert problem.rule.startswith("saved with tab as separator")


def test_excels_sep_line_for_semicolons_is_one_problem(data_copy):
    path = data_copy / "measures.csv"
    with_separator(path, ";")
    path.write_text("sep=;\r\n" + path.read_text())
    [problem] = problems_of(data_copy)
    assert (Path(problem.file).name, problem.line, problem.value) == ("measures.csv", 1, "sep=;")
    assert "';' (semicolon) as separator" in problem.rule and "without that line" in problem.rule


def test_excels_sep_line_for_commas_is_skipped_with_a_note(data_copy):
    path = data_copy / "measures.csv"
    path.write_text("sep=,\n" + path.read_text())
    dataset = load_dataset(data_copy)
    assert dataset.measures.equals(load_dataset(DATA).measures)
    assert [(note.line, note.note) for note in dataset.notes] == [
        (1, "Excel's separator line, skipped")
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_with_or_without_byte_order_mark_is_one_problem(data_copy, encoding):
    path = data_copy / "articles.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    [problem] = problems_of(data_copy)
    assert (Path(problem.file).name, problem.line) == ("articles.csv", None)
    assert "UTF-16" in problem.rule and SAVE_AS_CSV in problem.rule


def test_tab_separated_unicode_text_is_one_problem_naming_the_encoding(data_copy):
    """Excel's "Unicode Text": UTF-16 and tabs; the encoding is the first fault to fix."""
    with_separator(data_copy / "claims.csv", "\t", encoding="utf-16")
    [problem] = problems_of(data_copy)
    assert Path(problem.file).name == "claims.csv" and "UTF-16" in problem.rule


def test_a_file_without_its_header_line_is_one_problem(data_copy):
    path = data_copy / "actors.csv"
    path.write_text(path.read_text().split("\n", 1)[1])
    [problem] = problems_of(data_copy)
    assert (Path(problem.file).name, problem.line, problem.column) == ("actors.csv", 1, None)
    assert problem.rule == (
        "the first line holds values, not column names: add the header line "
        + ",".join(schema.ACTORS.columns)
    )


def test_a_header_in_another_language_is_one_problem(data_copy):
    path = data_copy / "claim_types.csv"
    path.write_text("Typ,Bezeichnung\n" + path.read_text().split("\n", 1)[1])
    [problem] = problems_of(data_copy)
    assert problem.rule.startswith("the first line names none of the columns")


def test_empty_trailing_columns_and_rows_are_ignored_with_notes(data_copy):
    path = data_copy / "measures.csv"
    rows = list(csv.reader(path.open(newline="")))
    rows = [row + ["", ""] for row in rows] + [[""] * (len(rows[0]) + 2)] * 3
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    dataset = load_dataset(data_copy)
    assert dataset.measures.equals(load_dataset(DATA).measures)
    last = len(read_rows(DATA / "measures.csv")) + 1
    assert [(note.line, note.note) for note in dataset.notes] == [
        (1, "empty columns without a name ignored: 2"),
        (last + 1, f"rows of separators only ignored: 3 (lines {last + 1}–{last + 3})"),
    ]


def test_a_column_without_a_name_that_holds_values_is_a_problem(data_copy):
    path = data_copy / "claim_types.csv"
    rows = list(csv.reader(path.open(newline="")))
    rows = [row + [""] for row in rows]
    rows[3][-1] = "forgotten"
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    [problem] = problems_of(data_copy)
    assert (Path(problem.file).name, problem.line, problem.value) == (
        "claim_types.csv", 4, "forgotten")  # fmt: skip
    assert problem.rule == (
        f"field {len(rows[0])} has no column name in the header but holds values on 1 row: "
        "name the column or move the values"
    )


# --- all layers at once -------------------------------------------------------------------


def test_every_problem_of_every_file_is_listed_in_one_run(data_copy):
    """An empty trailing column and row (actors.csv), day-first dates (articles.csv), a
    bad number and a date wording not understood (claims.csv) and a dangling reference
    (grades.csv): one DataError lists them all, and the notes."""
    actors = data_copy / "actors.csv"
    rows = list(csv.reader(actors.open(newline="")))
    rows = [row + [""] for row in rows] + [[""] * (len(rows[0]) + 1)]
    with actors.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    seed = set_cell(data_copy / "articles.csv", 0, "published_on", "23/10/2024")
    tass = set_cell(data_copy / "articles.csv", 1, "published_on", "10/10/2024")
    number = set_cell(data_copy / "claims.csv", 4, "best", "3.000")
    wording = set_cell(data_copy / "claims.csv", 30, "stated_wording", "anon")
    grade = set_cell(data_copy / "grades.csv", 0, "actor_id", "nobody")

    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    problems = {(Path(p.file).name, p.line, p.column): p.rule for p in caught.value.problems}
    assert set(problems) == {
        ("articles.csv", seed, "published_on"),
        ("articles.csv", tass, "published_on"),
        ("claims.csv", number, "best"),
        ("claims.csv", wording, "stated_wording"),
        ("grades.csv", grade, "actor_id"),
    }
    assert "YYYY-MM-DD" in problems[("articles.csv", seed, "published_on")]
    assert "whole number" in problems[("claims.csv", number, "best")]
    assert "not understood" in problems[("claims.csv", wording, "stated_wording")]
    assert "dangling reference" in problems[("grades.csv", grade, "actor_id")]
    notes = {(Path(n.file).name, n.line, n.note) for n in caught.value.notes}
    assert notes == {
        ("actors.csv", 1, "empty column without a name ignored: 1"),
        ("actors.csv", len(rows), f"rows of separators only ignored: 1 (line {len(rows)})"),
    }
    report = caught.value.report()
    assert report.startswith("5 problems in the data:\n")
    assert "2 notes on how the data was read:" in report


def test_a_file_with_a_ragged_row_still_has_its_other_cells_checked(data_copy):
    alignment = set_cell(data_copy / "actors.csv", 4, "alignment", "both")
    path = data_copy / "actors.csv"
    lines = path.read_text().splitlines()
    lines[2] += ",surplus"
    path.write_text("\n".join(lines) + "\n")
    stance = set_cell(data_copy / "claims.csv", 0, "stance", "maybe")
    # The claimant refers to an actor on the lost row: that reference is not judged.
    assert where(problems_of(data_copy)) == {
        ("actors.csv", 3, None),
        ("actors.csv", alignment, "alignment"),
        ("claims.csv", stance, "stance"),
    }


def test_a_missing_column_is_one_problem_and_the_other_columns_are_checked(data_copy):
    rows = read_rows(data_copy / "measures.csv")
    for row in rows:
        del row["unit"]
    rows[2]["kind"] = "cumulative"
    write_rows(data_copy / "measures.csv", rows)
    assert where(problems_of(data_copy)) == {
        ("measures.csv", 1, "unit"),
        ("measures.csv", 4, "kind"),
    }


def test_a_publication_year_before_1800_is_refused_not_a_crash(data_copy):
    line = set_cell(data_copy / "articles.csv", 0, "published_on", "1024-10-23")
    [problem] = problems_of(data_copy)
    assert (problem.line, problem.column) == (line, "published_on")
    assert problem.rule == "publication date lies before 1800: a typo in the year?"


def test_a_date_wording_centuries_away_is_refused_not_a_crash(data_copy):
    line = set_cell(data_copy / "claims.csv", 0, "period_wording", "2999-01")
    [problem] = problems_of(data_copy)
    assert (problem.line, problem.column) == (line, "period_wording")
    assert "outside the years 1800 to 2200" in problem.rule


# --- a page cannot appear before a day it records -----------------------------------------


def article(**fields) -> dict:
    return ARTICLE | {"published_on": "2024-11-04"} | fields


def published_problems(tmp_path, **fields) -> list:
    with pytest.raises(DataError) as caught:
        make_dataset(tmp_path, [figure("c1", "nis", "troops_dispatched", best=1)],
                     [actor("nis")], [article(**fields)])  # fmt: skip
    return caught.value.problems


def loads(tmp_path, **fields) -> bool:
    make_dataset(tmp_path, [figure("c1", "nis", "troops_dispatched", best=1)], [actor("nis")],
                 [article(**fields)])  # fmt: skip
    return True


def test_a_page_dated_before_the_day_its_note_says_it_aired_is_a_problem(tmp_path):
    [problem] = published_problems(tmp_path, date_note="The interview aired on 5 Nov 2024.")
    assert (Path(problem.file).name, problem.line, problem.column, problem.value) == (
        "articles.csv", 2, "published_on", "2024-11-04")  # fmt: skip
    assert problem.rule.startswith(
        "published before a day its own record gives: "
        "the date_note states 2024-11-05 ('5 Nov 2024'); "
        "a page cannot appear before a day it records: correct published_on"
    )


def test_a_page_dated_before_the_day_in_its_address_is_a_problem(tmp_path):
    [problem] = published_problems(tmp_path, url="https://example.org/news/2024/11/05/troops/")
    assert "the url carries 2024-11-05 ('/2024/11/05')" in problem.rule


def test_note_and_address_are_named_together_in_one_problem(tmp_path):
    [problem] = published_problems(
        tmp_path,
        date_note="Its address carries 6 November 2024.",
        url="https://www.example.com/view.php?ud=20241106050136",
    )
    assert ("the date_note states 2024-11-06 ('6 November 2024') and "
            "the url carries 2024-11-06 ('20241106')") in problem.rule  # fmt: skip


@pytest.mark.parametrize(
    "fields",
    [
        {"date_note": "It reports remarks of 22 Oct and of 3 November 2024."},
        {"date_note": "Published 2024-11-04, the day of the briefing."},
        {"date_note": "The page's stored date, 2 September 2025, cannot be right."},
        {"date_note": "Its stored date, 9 November 2024, contradicts its text."},
        {"url": "https://menafn.com/1108793987/Budanov-troops"},
        {"url": "https://strategicstudyindia.com/2024/10/3000-north-korean-troops.html"},
        {"url": "https://example.org/2024/11/04/page"},
    ],
    ids=["earlier days", "the same day", "a day it calls wrong", "a day it contradicts",
         "a number that is no date", "a count after a month", "the same day in the url"],
)  # fmt: skip
def test_days_on_or_before_publication_or_called_wrong_are_no_problem(tmp_path, fields):
    assert loads(tmp_path, **fields)


def test_the_day_finder_reads_the_forms_notes_and_addresses_use():
    notes = pd.Series(
        ["aired 5 Nov 2024", "on Wednesday 23 October 2024", "November 5, 2024",
         "2024-11-05", "4–5 November 2024", "remarks of 22 Oct", "31 February 2024", pd.NA],
        dtype="string",
    )  # fmt: skip
    found = stated_days.days_in_notes(notes)
    assert sorted(zip(found.index, found["day"].dt.strftime("%Y-%m-%d"), strict=True)) == [
        (0, "2024-11-05"), (1, "2024-10-23"), (2, "2024-11-05"), (3, "2024-11-05"),
        (4, "2024-11-05"),
    ]  # fmt: skip
    urls = pd.Series(
        ["https://x.org/2024/11/5/1234/", "https://x.org/2025/Apr/26/slug",
         "https://x.org/a/2024-10-31/b", "https://m.x.com/view/20241025125754507",
         "https://20241105.example.org/a", "https://x.org/20991231/", "https://x.org/?p=46684"],
        dtype="string",
    )  # fmt: skip
    found = stated_days.days_in_addresses(urls)
    assert sorted(zip(found.index, found["day"].dt.strftime("%Y-%m-%d"), strict=True)) == [
        (0, "2024-11-05"), (1, "2025-04-26"), (2, "2024-10-31"), (3, "2024-10-25"),
    ]  # fmt: skip


def test_a_file_with_old_mac_line_ends_loads_the_same(data_copy):
    path = data_copy / "measures.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    assert load_dataset(data_copy).measures.equals(load_dataset(DATA).measures)


def test_a_file_of_only_excels_separator_line_is_empty(data_copy):
    (data_copy / "claim_types.csv").write_text("sep=,\r\n")
    [problem] = problems_of(data_copy)
    assert Path(problem.file).name == "claim_types.csv"
    assert problem.rule.startswith("file is empty: it must start with the header claim_type, ")


def test_header_problems_name_the_header_line_below_excels_separator_line(data_copy):
    path = data_copy / "claim_types.csv"
    path.write_text("sep=,\n" + path.read_text().replace("description", "colour", 1))
    assert where(problems_of(data_copy)) == {
        ("claim_types.csv", 2, "colour"),
        ("claim_types.csv", 2, "description"),
    }
