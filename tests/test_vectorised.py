"""Validation runs on columns, not rows: with DataFrame.iterrows, itertuples and row-wise
apply made to raise, the shipped data still loads and validates (issue 17: no Python loop
over rows on the valid path, so a million claims cost seconds, not minutes)."""

from __future__ import annotations

import pandas as pd
import pytest

from crosscheck.load import load_dataset

from conftest import DATA


class RowLoop(AssertionError):
    """A loop over a table's rows during validation."""


@pytest.fixture
def no_row_loops(monkeypatch):
    def refuse(*args, **kwargs):
        raise RowLoop("a loop over rows during validation")

    apply = pd.DataFrame.apply

    def apply_by_column(self, func, axis=0, *args, **kwargs):
        if axis in (1, "columns"):
            raise RowLoop("a row-wise apply during validation")
        return apply(self, func, axis, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "iterrows", refuse)
    monkeypatch.setattr(pd.DataFrame, "itertuples", refuse)
    monkeypatch.setattr(pd.DataFrame, "apply", apply_by_column)


def test_the_shipped_data_validates_without_a_loop_over_rows(no_row_loops):
    dataset = load_dataset(DATA)
    assert len(dataset.claims) == 153


def test_the_guard_catches_a_loop_over_rows(no_row_loops):
    # The check can fail: a row loop raises under the guard.
    with pytest.raises(RowLoop):
        next(pd.DataFrame({"a": [1]}).iterrows())
    with pytest.raises(RowLoop):
        pd.DataFrame({"a": [1]}).apply(sum, axis=1)


def test_a_row_line_found_late_counts_blank_lines_and_quoted_line_breaks():
    from crosscheck.load import _LineNumbers

    text = 'id,text\n\na,"one\ntwo"\nb,three\n\n\nc,four\n'
    # Row a starts on line 3, b on 5 (a's cell spans two lines), c on 8.
    assert [_LineNumbers(text)[row] for row in range(3)] == [3, 5, 8]


def test_the_columnar_and_the_exact_reading_give_the_same_cells(monkeypatch):
    from crosscheck import load, schema

    for table in (schema.CLAIMS, schema.ARTICLES, schema.ACTORS):
        path = DATA / table.filename
        columnar = load._read_csv(path, table, [], [])
        assert not isinstance(columnar.lines, list)  # the columnar path read it
        with monkeypatch.context() as patch:
            patch.setattr(load, "_read_columnar", lambda *args: None)
            exact = load._read_csv(path, table, [], [])
        pd.testing.assert_frame_equal(columnar.text, exact.text)
        assert [columnar.lines[row] for row in range(len(exact.lines))] == exact.lines
