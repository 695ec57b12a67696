"""Pace to a target and what was known on given days."""

import pandas as pd
import pytest

from crosscheck import estimates, timeline

from factories import actor, figure, make_dataset

ACTORS = [actor("nis"), actor("ua", alignment="ukraine")]


@pytest.fixture
def statements(tmp_path):
    claims = [
        figure("a", "nis", "troops_dispatched", best=1500, stated_wording="last Friday"),
        figure("b", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
        figure("c", "nis", "troops_committed", best=10000, period_wording="by December"),
        figure("d", "ua", "troops_prepared", best=10000, stated_wording="2024-10-17"),
    ]
    return estimates.statements(estimates.figures(make_dataset(tmp_path, claims, ACTORS)))


def test_by_december_gives_a_pace_for_each_end_of_the_month(statements):
    pace = timeline.required_pace(statements, "troops_dispatched", "troops_committed")
    first, last = pace.iloc[0], pace.iloc[1]
    assert (first["deadline"], first["days left"]) == (pd.Timestamp("2024-12-01"), 39)
    assert (last["deadline"], last["days left"]) == (pd.Timestamp("2024-12-31"), 69)
    assert first["per day"] == pytest.approx(7000 / 39)
    assert last["per week"] == pytest.approx(7 * 7000 / 69)


def test_the_sources_own_pace_so_far_is_given_for_comparison(statements):
    pace = timeline.required_pace(statements, "troops_dispatched", "troops_committed")
    so_far = pace.iloc[2]
    assert so_far["per day"] == pytest.approx(1500 / 5) and "so far" in so_far["source"]


def test_no_target_means_no_pace(statements):
    assert timeline.required_pace(statements, "troops_dispatched", "killed").empty


def test_each_snapshot_day_holds_only_what_was_said_by_then(statements):
    known = timeline.known_on(statements, ["2024-10-17", "2024-10-18", "2024-10-23"])
    by_day = known.groupby("known on")["figure"].apply(sorted)
    assert by_day[pd.Timestamp("2024-10-17")] == [10000]
    assert by_day[pd.Timestamp("2024-10-18")] == [1500, 10000]
    assert by_day[pd.Timestamp("2024-10-23")] == [3000, 10000, 10000]


def test_a_snapshot_can_be_limited_to_some_measures(statements):
    known = timeline.known_on(statements, ["2024-10-23"], ["troops_dispatched"])
    assert known["measure_id"].tolist() == ["troops_dispatched"]
