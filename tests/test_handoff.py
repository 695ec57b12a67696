"""The build's view handed to the chapters as Arrow files: the same frames, read on use."""

from __future__ import annotations

import pandas as pd
import pytest

from crosscheck import analysis, handoff
from crosscheck.load import load_dataset

from conftest import DATA


@pytest.fixture(scope="module")
def full_view():
    return analysis.analyse(load_dataset(DATA))


@pytest.fixture(scope="module")
def cut_view(full_view):
    return analysis.analyse(full_view.all_data, analysis.Parameters.parse(as_of="2024-10-25"))


def stored(view, folder):
    handoff.write_view(view, DATA, folder)
    return handoff.open_view(folder)


def _kind(dtype) -> str:
    """A dtype without its storage: text is text (with its missing value), in Python
    strings or in Arrow."""
    if isinstance(dtype, pd.StringDtype):
        return f"text, missing as {dtype.na_value}"
    return str(dtype)


def assert_same(read: pd.DataFrame, made: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(read, made, check_exact=True, check_dtype=False)
    assert [_kind(d) for d in read.dtypes] == [_kind(d) for d in made.dtypes]
    assert read.attrs == made.attrs


def test_text_comes_back_in_arrow_with_its_own_missing_value(tmp_path):
    frame = pd.DataFrame({
        "na": pd.Series(["a", None], dtype=pd.StringDtype("python")),
        "nan": pd.Series(["b", None], dtype=pd.StringDtype("python", na_value=float("nan"))),
    })  # fmt: skip
    handoff._write_tables(tmp_path / "t", {"t": frame})
    read = handoff.read_table(tmp_path / "t" / "t.arrow")
    assert [(d.storage, str(d.na_value)) for d in read.dtypes] == [
        ("pyarrow", "<NA>"), ("pyarrow", "nan")]  # fmt: skip
    assert read["na"].isna().tolist() == read["nan"].isna().tolist() == [False, True]


@pytest.mark.parametrize("which", ["full_view", "cut_view"])
def test_every_table_a_chapter_reads_is_the_one_the_build_made(which, request, tmp_path):
    made = request.getfixturevalue(which)
    read = stored(made, tmp_path / "view")
    for name in (*handoff.VIEW_TABLES, "standing"):
        assert_same(getattr(read, name), getattr(made, name))
    for name in handoff.DATASET_TABLES:
        assert_same(getattr(read.all_data, name), getattr(made.all_data, name))
        assert_same(getattr(read.data, name), getattr(made.data, name))
    assert (read.parameters, read.key_articles, read.key_statements) == (
        made.parameters, made.key_articles, made.key_statements)  # fmt: skip
    assert read.data.counts() == made.data.counts()
    assert read.all_data.notes_report() == made.all_data.notes_report()


def test_the_cut_off_keeps_its_own_data_apart_from_all_data(cut_view, tmp_path):
    read = stored(cut_view, tmp_path / "view")
    assert len(read.data.claims) < len(read.all_data.claims)
    assert len(read.data.claims) == len(cut_view.data.claims)


def test_a_chapter_reads_only_the_tables_it_uses(full_view, tmp_path, monkeypatch):
    read_files = []
    real = handoff.read_table
    monkeypatch.setattr(handoff, "read_table", lambda path: read_files.append(path) or real(path))
    view = stored(full_view, tmp_path / "view")
    assert read_files == []
    view.statements, view.statements, view.data.measures  # noqa: B018 - reading is the test
    assert [(path.parent.name, path.stem) for path in read_files] == [
        ("view", "statements"), ("all_data", "measures")]  # fmt: skip


def test_text_in_an_object_column_comes_back_as_object(tmp_path):
    frame = pd.DataFrame({"words": pd.Series(["a", None], dtype=object), "n": [1, 2]})
    frame.attrs["decimals"] = {"n": 0}
    handoff._write_tables(tmp_path / "t", {"t": frame})
    read = handoff.read_table(tmp_path / "t" / "t.arrow")
    assert_same(read, frame)
    assert read["words"].dtype == object and read["words"].tolist() == ["a", None]


def test_a_chapter_of_a_build_reads_the_builds_view_and_computes_nothing(
    full_view, tmp_path, monkeypatch
):
    handoff.write_view(full_view, DATA, tmp_path / "view")
    monkeypatch.setenv(handoff.VIEW_VARIABLE, str(tmp_path / "view"))
    monkeypatch.setattr(analysis, "analyse", lambda *args: pytest.fail("computed again"))
    loaded = handoff.view_for(load_dataset, DATA, analysis.Parameters())
    assert_same(loaded.statements, full_view.statements)


def test_a_chapter_asking_for_other_parameters_than_the_build_used_fails_loudly(
    full_view, tmp_path, monkeypatch
):
    handoff.write_view(full_view, DATA, tmp_path / "view")
    monkeypatch.setenv(handoff.VIEW_VARIABLE, str(tmp_path / "view"))
    with pytest.raises(handoff.ViewMismatch, match="approximate_margin=0.1"):
        handoff.view_for(load_dataset, DATA, analysis.Parameters.parse(approximate_margin=0.1))


def test_a_chapter_can_read_two_columns_of_a_table_without_the_rest(full_view, tmp_path):
    view = stored(full_view, tmp_path / "view")
    two = handoff.columns_of(view.data, "claims", ["claimant_id", "article_id"])
    assert_same(two, full_view.data.claims[["claimant_id", "article_id"]])
    assert "claims" not in vars(view.data)  # the whole table was not read
    view.data.claims  # noqa: B018 - once read, the columns are cut from it
    assert_same(handoff.columns_of(view.data, "claims", ["article_id"]),
                full_view.data.claims[["article_id"]])  # fmt: skip


def test_a_stored_view_knows_which_tables_are_empty_without_reading_them(cut_view, tmp_path):
    early = analysis.analyse(cut_view.all_data, analysis.Parameters.parse(as_of="2024-10-01"))
    for made in (cut_view, early):
        view = stored(made, tmp_path / str(len(made.claims)))
        for name in (*handoff.VIEW_TABLES, "standing"):
            assert view.has_rows(name) == made.has_rows(name) == (not getattr(made, name).empty)
    assert not early.has_rows("claims") and cut_view.has_rows("figures")


def test_dates_in_an_object_column_and_a_text_index_come_back_as_written(tmp_path):
    import datetime

    import numpy as np

    frame = pd.DataFrame(
        {"day": np.array([datetime.date(2024, 10, 23), None], dtype=object), "n": [1, 2]},
        index=pd.Index(["x", None], dtype="str", name="key"),
    )
    handoff._write_tables(tmp_path / "t", {"t": frame})
    read = handoff.read_table(tmp_path / "t" / "t.arrow")
    assert read["day"].tolist() == [datetime.date(2024, 10, 23), None]
    assert read.index.dtype.na_value is frame.index.dtype.na_value  # NaN, not NA
    assert_same(read, frame)
