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


# --- The page view: what a reader sees of a table ------------------------------------

from crosscheck.present import (  # noqa: E402
    COUNT_COLUMN,
    FOLD_ROWS,
    SEARCH_COLUMN,
    collapse_identical,
    html_table,
    interactive_table_html,
    list_entries,
    page_view,
    print_form,
    readable_numbers,
)


def test_identical_rows_collapse_into_one_with_a_count_in_first_seen_order():
    frame = pd.DataFrame({"grade": ["F6", "B2", "F6", "F6"], "meaning": ["cannot be judged",
                          "usually reliable", "cannot be judged", "cannot be judged"]})  # fmt: skip
    shown, numeric = page_view(frame)
    assert shown.values.tolist() == [["F6", "cannot be judged", 3], ["B2", "usually reliable",
                                                                          1]]  # fmt: skip
    assert COUNT_COLUMN in numeric  # a count aligns right


def test_a_table_without_duplicates_gets_no_count_column():
    frame = pd.DataFrame({"grade": ["F6", "B2"]})
    assert list(collapse_identical(frame).columns) == ["grade"]


def test_a_column_blank_in_every_row_is_hidden_and_a_partly_blank_one_kept():
    frame = pd.DataFrame({"article": ["a", "b"], "title": ["", None], "agency": ["AFP", ""]})
    shown, _ = page_view(frame)
    assert list(shown.columns) == ["article", "agency"]


def test_an_empty_table_and_a_one_row_table_go_through_the_page_view():
    empty, _ = page_view(pd.DataFrame({"title": pd.Series([], dtype="string")}))
    assert list(empty.columns) == ["title"] and empty.empty
    one, _ = page_view(pd.DataFrame({"title": ["x"], "n": [3000]}))
    assert one.values.tolist() == [["x", "3,000"]]


def test_entries_joined_by_semicolons_become_one_per_line_and_are_escaped():
    frame = pd.DataFrame({"latest by source": ["NIS: 3,000 (23 Oct 2024); <b>US</b>: 3,000", "x"]})
    page = html_table(frame, "c", "t")
    assert "NIS: 3,000 (<span" in page
    assert "</span>)<br>&lt;b&gt;US&lt;/b&gt;: 3,000" in page
    assert "<b>" not in page


def test_prose_with_a_semicolon_stays_one_entry():
    prose = pd.Series(["Party to the war; silent during the deployment.", "Reliable."])
    assert list_entries(prose).tolist() == [[prose[0]], [prose[1]]]


def test_a_cell_of_space_separated_claim_ids_becomes_one_id_per_line():
    ids = pd.Series(["dt-2024-10-23-06 anews-2024-10-18-01", "dt-2024-10-23-04"])
    assert list_entries(ids).tolist() == [["dt-2024-10-23-06", "anews-2024-10-18-01"],
                                          ["dt-2024-10-23-04"]]  # fmt: skip


def test_a_day_in_a_cell_is_kept_on_one_line():
    page = html_table(pd.DataFrame({"stated": ["by publication (23 Oct 2024)"]}), "c", "t")
    assert 'by publication (<span class="crosscheck-day">23 Oct 2024</span>)' in page


def test_numeric_columns_align_right():
    page = html_table(pd.DataFrame({"measure": ["m"], "sources": [3]}), "c", "t")
    assert '<td class="crosscheck-num">3</td>' in page


def test_a_table_longer_than_the_fold_is_folded_under_a_summary_of_its_rows():
    frame = pd.DataFrame({"measure": [f"m{i}" for i in range(FOLD_ROWS + 1)]})
    page = html_table(frame, "c", "t")
    assert page.count("<details") == 1
    assert f"<summary>{FOLD_ROWS + 1} rows, one per measure: m0, m1, m2, …</summary>" in page
    windows = pd.DataFrame({"measure": ["a", "b"] * FOLD_ROWS, "n": range(2 * FOLD_ROWS)})
    grouped = html_table(windows, "c", "t")
    assert f"<summary>{2 * FOLD_ROWS} rows on 2 measures: a, b</summary>" in grouped
    short = html_table(frame.head(FOLD_ROWS), "c", "t")
    assert "<details" not in short


def test_columns_go_under_another_when_the_table_says_so():
    frame = pd.DataFrame({"claimant": ["Lee", "NIS"], "relayed via": ["", "Park"]})
    frame.attrs["under"] = {"claimant": ["relayed via"]}
    page = html_table(frame, "c", "t")
    assert "<th>claimant / relayed via</th>" in page
    assert "<td>Lee</td>" in page and "NIS<br><small" in page and "Park</small>" in page


def test_print_form_keeps_every_row_and_leaves_out_what_print_omits():
    frame = pd.DataFrame({"claim": ["a", "a"], "note": ["n", "n"]})
    frame.attrs["print_omit"] = ["note"]
    page = print_form(frame)
    assert page.count("<tr>") == 3 and "note" not in page  # header and both rows


def interactive_data(frame: pd.DataFrame) -> tuple[list, list]:
    """The rows and column definitions an interactive table hands to DataTables."""
    import json
    import re

    page = interactive_table_html(frame, "t", "c")
    rows = json.loads(json.loads(re.search(r'"data_json": (".*?"),\n', page).group(1)))
    defs = json.loads(re.search(r'"columnDefs": (\[.*?\]),\n', page).group(1))
    return rows, defs


def test_a_figure_written_as_text_sorts_by_its_number_largest_first():
    frame = pd.DataFrame({"figure": ["some 3,000", "up to 15,000", ""],
                          "_sort figure": [3000.0, 15000.0, None]})  # fmt: skip
    rows, defs = interactive_data(frame)
    key = next(d for d in defs if d.get("render"))
    assert key["targets"] == [0] and key["orderSequence"] == ["desc", "asc"]
    assert key["render"] == {"_": "display", "sort": "sort", "type": "sort"}
    assert [row[0] for row in rows] == [{"display": "some 3,000", "sort": 3000.0},
                                        {"display": "up to 15,000", "sort": 15000.0},
                                        {"display": "", "sort": -1.0}]  # fmt: skip


def test_a_numeric_column_sorts_by_its_values_not_its_text():
    rows, defs = interactive_data(pd.DataFrame({"claims": [9, 12000, 100]}))
    assert any(d.get("render") and d["targets"] == [0] for d in defs)
    assert [(row[0]["display"], row[0]["sort"]) for row in rows] == [
        ("9", 9), ("12,000", 12000), ("100", 100)]  # fmt: skip


def test_a_search_finds_numbers_with_and_without_separators_and_other_spellings():
    frame = pd.DataFrame({"summary": ["About 12,000 troops", "none"],
                          SEARCH_COLUMN: ["Zelensky Zelenskiy", ""]})  # fmt: skip
    rows, defs = interactive_data(frame)
    hidden = next(d for d in defs if d.get("visible") is False and "searchable" not in d)
    search = [row[hidden["targets"][0]] for row in rows]
    assert "12000" in search[0].split() and "Zelenskiy" in search[0].split()
    assert search[1] == ""


def test_an_interactive_table_escapes_every_cell_itself():
    rows, _ = interactive_data(pd.DataFrame({"text": ["<script>x</script>"]}))
    assert rows[0][0] == "&lt;script&gt;x&lt;/script&gt;"


# --- CSV exports: numbers as they mean ------------------------------------------------


def test_exported_shares_keep_three_decimals_and_ratios_two(tmp_path):
    frame = pd.DataFrame({"weight": [0.8 * 0.8, 0.01], "spread": [179.48717948, 4.5833333]})
    path = tmp_path / "out.csv"
    write_csv(frame, path, readable=True)
    assert path.read_text() == "weight,spread\n0.64,179.49\n0.01,4.58\n"


def test_exported_whole_floats_are_integers_and_missing_stays_empty(tmp_path):
    frame = pd.DataFrame({"best": [1500.0, None, 3000.0], "claim": ["a", "b", "c"]})
    path = tmp_path / "out.csv"
    write_csv(frame, path, readable=True)
    assert path.read_text() == "best,claim\n1500,a\n,b\n3000,c\n"


def test_exported_booleans_say_yes_or_no_and_a_column_may_set_its_decimals():
    frame = pd.DataFrame({"overridden": [True, False], "mean": [13166.666, 2.5]})
    frame.attrs["decimals"] = {"mean": 0}
    readable = readable_numbers(frame)
    assert readable["overridden"].tolist() == ["yes", "no"]
    assert readable["mean"].tolist() == [13167, 2]


def test_a_record_for_the_next_build_is_written_as_pandas_writes_it(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(pd.DataFrame({"best": [1500.0], "quote": [False]}), path)
    assert path.read_text() == "best,quote\n1500.0,False\n"


def test_page_only_columns_are_never_exported(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(pd.DataFrame({"figure": ["x"], "_sort figure": [1.0], "_search": ["y"]}), path,
              readable=True)  # fmt: skip
    assert path.read_text() == "figure\nx\n"


# --- Tables grouped for reading (their exports keep one row per item) ----------------


def test_the_claims_table_sorts_a_figure_by_its_point_and_finds_other_spellings(tmp_path):
    from crosscheck import analysis, claims

    from factories import actor, figure, make_dataset

    people = [actor("zelenskyy", name="Volodymyr Zelenskyy", aliases="Zelensky | Zelenskiy"),
              actor("nis")]  # fmt: skip
    rows = [figure("c1", "zelenskyy", "troops_committed", high=15000, qualifier="up to"),
            figure("c2", "nis", "troops_dispatched", best=3000, qualifier="some"),
            figure("c3", "nis", "troops_dispatched", low=10000, high=12000)]  # fmt: skip
    view = analysis.analyse(make_dataset(tmp_path, rows, people))
    table = claims.claims_table(view.claims).set_index("claim")
    assert table["_sort figure"].to_dict() == {"c1": 15000.0, "c2": 3000.0, "c3": 11000.0}
    assert set(table.loc["c1", "_search"].split()) >= {"Zelensky", "Zelenskiy", "15000", "15,000"}
    assert "Zelenskiy" not in table.loc["c2", "_search"]
    assert set(table.loc["c3", "_search"].split()) >= {"10000", "12,000"}


def test_the_claims_table_of_no_claims_has_its_columns_and_no_rows(tmp_path):
    from crosscheck import analysis, claims

    from factories import actor, figure, make_dataset

    view = analysis.analyse(make_dataset(tmp_path, [figure("c1", "nis", "troops_dispatched",
                                                            best=3000)], [actor("nis")]),
                            analysis.Parameters.parse(as_of="2000-01-01"))  # fmt: skip
    table = claims.claims_table(view.claims)
    assert table.empty and {"claim", "figure", "_sort figure", "_search"} <= set(table.columns)


def grades_of(actors: list[dict], grades: list[dict]) -> pd.DataFrame:
    from crosscheck import reliability

    frame = pd.DataFrame(actors).reindex(columns=["actor_id", "name", "part_of"])
    return reliability.source_grades(pd.DataFrame(grades, columns=["actor_id", "reliability",
                                                                   "credibility", "reasoning"]),
                                     frame)  # fmt: skip


def test_the_grades_read_as_one_row_per_grade_given_with_who_speaks_for_it():
    from crosscheck.reliability import grades_for_reading

    actors = [{"actor_id": "nis", "name": "NIS"}, {"actor_id": "us", "name": "US"},
              {"actor_id": "cho", "name": "Cho", "part_of": "nis"},
              {"actor_id": "lee", "name": "Lee", "part_of": "nis"},
              {"actor_id": "isw", "name": "ISW"}, {"actor_id": "bbc", "name": "BBC"}]  # fmt: skip
    grades = [
        {"actor_id": "nis", "reliability": "B", "credibility": "2", "reasoning": "spy"},
        {"actor_id": "us", "reliability": "C", "credibility": "3", "reasoning": "gov"},
    ]
    table = grades_for_reading(grades_of(actors, grades))
    assert table[["source", "grade", "speaking for it"]].values.tolist() == [
        ["NIS", "B2", "Cho; Lee"], ["US", "C3", ""], ["BBC; ISW", "F6", ""]]  # fmt: skip
    page = html_table(table, "c", "t")
    assert "<td>BBC<br>ISW</td>" in page and "<td>Cho<br>Lee</td>" in page


def test_the_grades_of_one_actor_and_of_none_read_without_error():
    from crosscheck.reliability import GRADES_READ_COLUMNS, grades_for_reading

    one = grades_for_reading(grades_of([{"actor_id": "isw", "name": "ISW"}], []))
    assert one[["source", "grade"]].values.tolist() == [["ISW", "F6"]]
    none = grades_for_reading(grades_of([], []))
    assert none.empty and list(none.columns) == GRADES_READ_COLUMNS


# --- Paper: column widths -------------------------------------------------------------


def test_on_paper_prose_gets_the_room_and_a_day_keeps_what_it_needs():
    from crosscheck.present import column_widths

    shown = pd.DataFrame({"stated": ["23 Oct 2024"] * 3, "summary": ["word " * 60] * 3})
    widths, scale = column_widths(shown, page_chars=125)
    assert abs(sum(widths.values()) - 100) < 0.1 and scale == 1
    assert widths["summary"] > 3 * widths["stated"]
    # "23 Oct 2024" never breaks: its column holds it whole (a fifth wider for digits).
    assert widths["stated"] / 100 * 125 >= 1.2 * len("23 Oct 2024")


def test_on_paper_a_table_of_many_columns_gets_smaller_type_not_a_cut():
    from crosscheck.present import MIN_PRINT_SCALE, column_widths

    shown = pd.DataFrame({f"deadline {i}": ["31 Dec 2024"] for i in range(15)})
    widths, scale = column_widths(shown, page_chars=125)
    assert MIN_PRINT_SCALE <= scale < 1
    assert len(set(widths.values())) == 1  # alike columns, alike shares
    assert 'style="--crosscheck-scale: ' + str(scale) in html_table(shown, "c", "t")


def test_an_interactive_table_of_no_rows_is_a_sentence_and_of_one_row_is_built():
    empty = pd.DataFrame({"figure": pd.Series([], dtype="string"),
                          "_sort figure": pd.Series([], dtype=float)})  # fmt: skip
    page = interactive_table_html(empty, "t", "c")
    assert "data_json" not in page and "Nothing to show for “c”: the table has no rows." in page
    assert "<tbody></tbody>" in print_form(empty)
    rows, _ = interactive_data(pd.DataFrame({"figure": ["about 3,000"], "_sort figure": [3000.0]}))
    assert rows == [[{"display": "about 3,000", "sort": 3000.0}, "3000"]]
