"""The analysed view: parameters checked once, computed once per build, shared by chapters."""

from __future__ import annotations

import pandas as pd
import pytest

from crosscheck import analysis
from crosscheck.load import load_dataset
from crosscheck.report import BuildOptions, build, chapter_notebooks

from conftest import DATA


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"as_of": "23/10/2024"}, "as_of must be a date written YYYY-MM-DD"),
        ({"as_of": "2024-02-30"}, "as_of '2024-02-30' is not a day of the calendar"),
        ({"approximate_margin": 1.5}, "approximate_margin must be at least 0 and below 1"),
        ({"approximate_margin": "ten"}, "approximate_margin must be a number"),
        ({"window_days": 0}, "window_days must be a whole number of days, 1 or more"),
        ({"window_days": 7.5}, "window_days must be a whole number of days, 1 or more"),
        ({"grade_overrides": ["rok-nis", "B2"]}, "grade_overrides must be a mapping"),
    ],
)
def test_a_bad_parameter_is_refused_with_its_name_and_rule(given, message):
    with pytest.raises(ValueError, match=message):
        analysis.Parameters.parse(**given)


def test_parameters_given_as_text_or_date_are_the_same_parameters():
    from datetime import date

    assert analysis.Parameters.parse(as_of="2024-10-23") == analysis.Parameters.parse(
        as_of=date(2024, 10, 23)
    )


def test_an_override_of_an_unknown_actor_is_refused_when_the_view_is_computed():
    parameters = analysis.Parameters.parse(grade_overrides={"nobody": "A1"})
    with pytest.raises(ValueError, match="'nobody', which is not in actors.csv"):
        analysis.analyse(load_dataset(DATA), parameters)


@pytest.fixture(scope="module")
def view():
    return analysis.analyse(load_dataset(DATA))


def test_a_build_computes_the_analysed_view_once(tmp_path, monkeypatch):
    calls = []
    real = analysis.analyse

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyse", counted)
    chapters = [path for path in chapter_notebooks() if path.stem in ("02_estimates", "04_sources")]
    build(BuildOptions(data_dir=DATA, out_dir=tmp_path, progress=False, notebooks=chapters))
    assert len(calls) == 1
    # Both chapters exported tables of that one view.
    assert not pd.read_csv(tmp_path / "data" / "estimate_headlines.csv").empty
    assert not pd.read_csv(tmp_path / "data" / "judgements.csv").empty


def test_an_empty_dataset_gives_an_empty_view_not_an_error(view):
    early = analysis.analyse(view.all_data, analysis.Parameters.parse(as_of="2024-10-01"))
    assert early.claims.empty and early.statements.empty
    assert early.comparison.empty and early.headlines.empty and early.judgements.empty
    assert early.weighted.empty and early.leave_one_out.empty
