"""Pace to a target, what was known on given days, and the calendar of statements."""

import pandas as pd
import pytest

from crosscheck import analysis, timeline

from factories import ARTICLE, CLAIM, actor, figure, make_dataset

ACTORS = [actor("nis"), actor("ua", alignment="ukraine"), actor("us", actor_type="government")]
# The 18 Oct article carries two figures; the 23 Oct article (factories.ARTICLE) the rest.
EARLY = ARTICLE | {"article_id": "a0", "outlet": "Early Outlet", "published_on": "2024-10-18"}


def view_of(tmp_path, claims, articles=None):
    return analysis.analyse(make_dataset(tmp_path, claims, ACTORS, articles or [EARLY, ARTICLE]))


@pytest.fixture
def view(tmp_path):
    claims = [
        figure("a", "nis", "troops_dispatched", best=1500, stated_wording="today", article_id="a0"),
        figure("b", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
        figure("c", "nis", "troops_committed", best=10000, period_wording="by December"),
        figure(
            "d", "ua", "troops_prepared", best=10000, stated_wording="2024-10-17", article_id="a0"
        ),  # fmt: skip
    ]
    return view_of(tmp_path, claims)


def no_figures(tmp_path):
    return view_of(tmp_path, [CLAIM | {"claim_id": "x", "claimant_id": "nis"}])


def test_by_december_gives_a_pace_for_each_end_of_the_month(view):
    pace = timeline.required_pace(view.statements, "troops_dispatched", "troops_committed")
    assert len(pace) == 1 and list(pace.columns) == timeline.PACE_COLUMNS
    row = pace.iloc[0]
    assert (row["deadline from"], row["deadline to"]) == (
        pd.Timestamp("2024-12-01"), pd.Timestamp("2024-12-31"))  # fmt: skip
    assert (row["from count"], row["counted on"], row["still to send"]) == (
        3000, pd.Timestamp("2024-10-23"), 7000)  # fmt: skip
    assert row["days left"] == "39–69"
    assert row["per day, by the first day"] == round(7000 / 39)
    assert row["per day, by the last day"] == round(7000 / 69)
    assert row["per week, by the first day"] == round(7 * 7000 / 39)
    assert row["per week, by the last day"] == round(7 * 7000 / 69)


def test_one_count_by_the_same_source_gives_one_row_not_two(view):
    pace = timeline.required_pace(view.statements, "troops_dispatched", "troops_committed")
    assert pace["basis"].tolist() == ["same or allied source, and latest of any"]
    assert pace["counted by"].tolist() == ["Nis"]


def test_a_later_count_by_another_side_gives_a_second_pace_from_any_source(tmp_path):
    claims = [
        figure("b", "nis", "troops_dispatched", best=3000),
        figure("e", "ua", "troops_dispatched", best=5000),
        figure("c", "nis", "troops_committed", best=10000, period_wording="by December"),
    ]
    pace = timeline.required_pace(
        view_of(tmp_path, claims).statements, "troops_dispatched", "troops_committed"
    )
    assert pace[["basis", "counted by", "from count", "still to send"]].values.tolist() == [
        ["same or allied source", "Nis", 3000, 7000],
        ["any source", "Ua", 5000, 5000],
    ]


def test_an_allied_source_s_count_is_used_for_the_target(tmp_path):
    # The US is on the same side as the NIS: its count is the allied one, the only one.
    claims = [
        figure("e", "us", "troops_dispatched", best=4000),
        figure("c", "nis", "troops_committed", best=10000, period_wording="by December"),
    ]
    pace = timeline.required_pace(
        view_of(tmp_path, claims).statements, "troops_dispatched", "troops_committed"
    )
    assert pace[["basis", "counted by"]].values.tolist() == [
        ["same or allied source, and latest of any", "Us"]]  # fmt: skip


def test_a_count_stated_after_the_target_is_not_used_for_it(tmp_path):
    later = ARTICLE | {"article_id": "a9", "published_on": "2024-10-30"}
    claims = [
        figure("b", "nis", "troops_dispatched", best=3000, article_id="a0", stated_wording="today"),
        figure("c", "nis", "troops_committed", best=10000, period_wording="by December"),
        figure("z", "nis", "troops_dispatched", best=6000, article_id="a9", stated_wording="today"),
    ]
    view = view_of(tmp_path, claims, [EARLY, ARTICLE, later])
    pace = timeline.required_pace(view.statements, "troops_dispatched", "troops_committed")
    assert pace["from count"].tolist() == [3000]


def test_a_target_without_a_deadline_gives_no_pace(tmp_path):
    claims = [
        figure("b", "nis", "troops_dispatched", best=3000),
        figure("c", "nis", "troops_committed", best=10000),
    ]
    pace = timeline.required_pace(
        view_of(tmp_path, claims).statements, "troops_dispatched", "troops_committed"
    )
    assert pace.empty and list(pace.columns) == timeline.PACE_COLUMNS


def test_no_target_means_no_pace(view):
    assert timeline.required_pace(view.statements, "troops_dispatched", "killed").empty
    assert timeline.required_pace(view.statements, "troops_dispatched", None).empty


def test_pace_of_nothing_is_empty_with_its_columns(tmp_path):
    pace = timeline.required_pace(
        no_figures(tmp_path).statements, "troops_dispatched", "troops_committed"
    )
    assert pace.empty and list(pace.columns) == timeline.PACE_COLUMNS


def test_each_snapshot_day_holds_only_what_was_published_by_then(view):
    known = timeline.known_on(view.figures, ["2024-10-17", "2024-10-18", "2024-10-23"])
    by_day = known.groupby("known on")["figure"].apply(sorted)
    # Zelenskyy's 10,000 was stated on 17 Oct but published on the 18th.
    assert pd.Timestamp("2024-10-17") not in by_day.index
    assert by_day[pd.Timestamp("2024-10-18")] == [1500, 10000]
    assert by_day[pd.Timestamp("2024-10-23")] == [3000, 10000, 10000]
    assert list(known.columns) == timeline.KNOWN_COLUMNS


def test_a_snapshot_can_be_limited_to_some_measures(view):
    known = timeline.known_on(view.figures, ["2024-10-23"], ["troops_dispatched"])
    assert known["measure_id"].tolist() == ["troops_dispatched"]
    assert known["figure"].tolist() == [3000] and known["unit"].tolist() == ["soldiers"]


def test_known_on_shows_the_version_that_stands_among_the_copies_published_by_then(tmp_path):
    # One statement: the first outlet misreports it as 30,000 on the 18th; two outlets
    # give 3,000 on the 23rd. On the 18th a reader knew 30,000; by the 23rd, 3,000.
    articles = [EARLY, ARTICLE, ARTICLE | {"article_id": "a2", "outlet": "Outlet Two"}]
    claims = [
        figure(
            f"k{i}",
            "nis",
            "troops_dispatched",
            best=v,
            statement_key="k",
            stated_wording="2024-10-17",
            article_id=article,
        )  # fmt: skip
        for i, (v, article) in enumerate([(30000, "a0"), (3000, "a1"), (3000, "a2")])
    ]
    view = view_of(tmp_path, claims, articles)
    known = timeline.known_on(view.figures, ["2024-10-18", "2024-10-23"])
    assert known[["known on", "figure"]].values.tolist() == [
        [pd.Timestamp("2024-10-18"), 30000], [pd.Timestamp("2024-10-23"), 3000]]  # fmt: skip


def test_known_on_of_nothing_is_empty_with_its_columns(tmp_path):
    figures = no_figures(tmp_path).figures
    for days in ([], ["2024-10-23"]):
        known = timeline.known_on(figures, days)
        assert known.empty and list(known.columns) == timeline.KNOWN_COLUMNS


def test_known_on_of_one_figure_is_one_row_once_published(tmp_path):
    view = view_of(tmp_path, [figure("b", "nis", "troops_dispatched", best=3000)])
    known = timeline.known_on(view.figures, ["2024-10-22", "2024-10-23"])
    assert known[["known on", "source", "figure", "stated"]].values.tolist() == [
        [pd.Timestamp("2024-10-23"), "Nis", 3000, pd.Timestamp("2024-10-23")]]  # fmt: skip


def test_the_known_count_sentence_counts_statements_by_publication(view):
    assert timeline.known_count_sentence(view.figures, pd.Timestamp("2024-10-20")) == (
        "By 20 Oct 2024, 2 figures had been published; 2 more came later."
    )
    assert timeline.known_count_sentence(view.figures, pd.Timestamp("2024-10-23")) == (
        "By 23 Oct 2024, 4 figures had been published; 0 more came later."
    )


def test_snapshot_days_after_the_cut_off_are_dropped_and_named():
    days, dropped = timeline.snapshot_days(["2024-10-18", "2024-10-23"], pd.Timestamp("2024-10-20"))
    assert (days, dropped) == ([pd.Timestamp("2024-10-18")], [pd.Timestamp("2024-10-23")])
    assert timeline.snapshot_note(dropped, pd.Timestamp("2024-10-20")) == (
        "Not shown: 23 Oct 2024, after the cut-off of 20 Oct 2024; this report knows nothing "
        "published after it."
    )
    assert timeline.snapshot_days(["2024-10-23"], None) == ([pd.Timestamp("2024-10-23")], [])
    assert timeline.snapshot_note([], None) == ""


def test_the_calendar_lists_every_copy_in_date_order(view):
    calendar = timeline.calendar(view.claims)
    assert calendar["claim"].tolist() == ["d", "a", "b", "c"]
    row = calendar.set_index("claim").loc["c"]
    assert row["about the period"] == "by December"
    assert row["period from"] == pd.Timestamp("2024-12-01")


def test_the_calendar_of_nothing_is_empty(tmp_path):
    view = view_of(tmp_path, [CLAIM | {"claim_id": "x", "claimant_id": "nis"}])
    assert timeline.calendar(view.claims.iloc[0:0]).empty
    assert timeline.calendar(view.claims)["date as worded"].tolist() == ["(not given)"]
