"""Figures as intervals, statements across outlets, windows in time, and the comparison
per measure and window."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import analysis, estimates
from crosscheck import claims as claims_module

from factories import ARTICLE, CLAIM, actor, figure, make_dataset

ACTORS = [actor("nis"), actor("ua", alignment="ukraine"), actor("us", actor_type="government")]


def article(article_id, published_on, outlet=None, **fields):
    return ARTICLE | {"article_id": article_id, "published_on": published_on,
                      "outlet": outlet or f"Outlet {article_id}"} | fields  # fmt: skip


def view_of(tmp_path, claims, actors=ACTORS, articles=None, **parameters):
    dataset = make_dataset(tmp_path, claims, actors, articles)
    return analysis.analyse(dataset, analysis.Parameters.parse(**parameters))


def one_figure(tmp_path, margin=0.0, **coding):
    claims = [figure("c1", "nis", "troops_dispatched", stated_wording="on Wednesday", **coding)]
    return view_of(tmp_path, claims, approximate_margin=margin).figures.iloc[0]


def no_figures(tmp_path):
    """A view of a dataset whose one claim gives no figure: every figure table is empty."""
    return view_of(tmp_path, [CLAIM | {"claim_id": "x", "claimant_id": "nis"}])


# One test per rule of estimates.INTERVAL_RULES.
def test_a_bare_figure_sets_low_point_and_high(tmp_path):
    row = one_figure(tmp_path, low=3000, best=3000, high=3000)
    assert (row["interval_low"], row["point"], row["interval_high"], row["bound"]) == (
        3000, 3000, 3000, "exact")  # fmt: skip


def test_up_to_sets_a_ceiling_and_no_floor(tmp_path):
    row = one_figure(tmp_path, high=12000, qualifier="up to")
    assert pd.isna(row["interval_low"]) and row["interval_high"] == 12000
    assert (row["point"], row["bound"]) == (12000, "upper bound")


def test_at_least_sets_a_floor_and_no_ceiling(tmp_path):
    row = one_figure(tmp_path, low=3000, qualifier="at least")
    assert pd.isna(row["interval_high"]) and row["interval_low"] == 3000
    assert row["bound"] == "lower bound"


def test_about_sets_the_point_and_invents_no_margin_by_default(tmp_path):
    row = one_figure(tmp_path, best=10000, qualifier="about")
    assert (row["interval_low"], row["point"], row["interval_high"]) == (10000, 10000, 10000)
    assert row["bound"] == "approximate"


def test_about_with_a_margin_reads_a_symmetric_interval(tmp_path):
    row = one_figure(tmp_path, margin=0.1, best=10000, qualifier="about")
    assert (row["interval_low"], row["interval_high"]) == pytest.approx((9000, 11000))


def test_a_range_takes_its_midpoint_as_point(tmp_path):
    row = one_figure(tmp_path, low=10000, high=12000)
    assert (row["point"], row["bound"]) == (11000, "range")


def test_a_margin_outside_zero_to_one_is_refused(tmp_path):
    claims = [figure("c1", "nis", "troops_dispatched", best=10)]
    dataset = make_dataset(tmp_path, claims, ACTORS)
    with pytest.raises(ValueError, match="approximate_margin"):
        estimates.figures(claims_module.labelled(dataset), dataset.actors, 1.5)
    with pytest.raises(ValueError, match="approximate_margin"):
        analysis.Parameters.parse(approximate_margin=1.5)


@pytest.mark.parametrize(
    ("qualifier", "bound"),
    [("up to", "upper bound"), ("As many as", "upper bound"), ("at least", "lower bound"),
     ("more than", "lower bound"), ("about", "approximate"), ("some", "approximate"),
     ("approximately", "approximate"), ("double", "multiple"), ("", None),
     ("overall", None)],
)  # fmt: skip
def test_each_qualifier_word_names_the_bound_it_sets(qualifier, bound):
    result = estimates.qualifier_bound(pd.Series([qualifier]))[0]
    assert (None if pd.isna(result) else result) == bound


def test_outlets_carrying_one_statement_count_once_with_the_majority_figure(tmp_path):
    articles = [article(f"a{i}", "2024-10-23") for i in (1, 2, 3)]
    copy = dict(statement_key="k", measure="troops_dispatched")
    claims = [
        figure(f"c{i}", "nis", low=v, best=v, high=v, article_id=f"a{i}", **copy)
        for i, v in enumerate([30000, 3000, 3000], start=1)
    ]
    view = view_of(tmp_path, claims, articles=articles)
    assert len(view.figures) == 3  # every copy is kept as a figure
    assert len(view.statements) == 1
    statement = view.statements.iloc[0]
    assert (statement["point"], statement["copies"], statement["outlets"]) == (3000, 3, 3)
    assert statement["claim_id"] == "c2"  # agrees with the lead; earliest claim id among those
    assert view.claims.set_index("claim_id")["standing"].to_dict() == {
        "c1": False, "c2": True, "c3": False}  # fmt: skip


def comparison_of(tmp_path, *figures, actors=ACTORS, articles=None):
    return view_of(tmp_path, list(figures), actors, articles).comparison


def test_revisions_by_one_source_are_no_disagreement(tmp_path):
    # 1,500 last Friday, 3,000 today: one source's revision, compared in one window.
    row = comparison_of(
        tmp_path,
        figure("c1", "nis", "troops_dispatched", best=1500, stated_wording="last Friday"),
        figure("c2", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
    ).iloc[0]
    assert row["verdict"] == "single source" and row["independent sources"] == 1
    assert row["figures"] == 2 and row["window"] == "18–23 Oct 2024"
    # Only the source's latest figure stands for it: the range is not 1,500 to 3,000.
    assert (row["lowest"], row["highest"], row["range"]) == (3000, 3000, "3,000")
    assert row["latest by source"] == "Nis: 3,000 (23 Oct 2024)"


def test_close_overlapping_figures_are_consistent(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "ua", "troops_prepared", high=12000, qualifier="up to"),
        figure("c2", "us", "troops_prepared", low=10000, best=10000, high=10000),
    ).iloc[0]
    assert row["verdict"] == "consistent" and row["intervals overlap"] == "yes"
    assert row["range"] == "up to 12,000" and pd.isna(row["lowest"])


def test_disjoint_figures_differ_by_their_ratio(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "ua", "troops_prepared", low=4000, best=4000, high=4000),
        figure("c2", "us", "troops_prepared", low=12000, best=12000, high=12000),
    ).iloc[0]
    assert row["verdict"] == "differ by 3.0×" and row["spread"] == 3.0
    assert row["intervals overlap"] == "no"


def test_figures_of_different_measures_are_never_compared(tmp_path):
    view = view_of(
        tmp_path,
        [figure("c1", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
         figure("c2", "nis", "troops_committed", best=10000)],
    )  # fmt: skip
    assert len(view.comparison) == 2 and set(view.comparison["verdict"]) == {"single source"}
    assert estimates.overlap_pairs(view.windowed).empty


def test_a_relay_is_no_second_source(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "nis", "troops_dispatched", best=3000),
        figure(
            "c2", "nis", "troops_dispatched", best=3000, relayed_via_id="us", statement_key="other"
        ),  # fmt: skip
    ).iloc[0]
    assert row["independent sources"] == 1


def test_an_official_speaking_for_his_agency_is_no_second_source(tmp_path):
    actors = [*ACTORS, actor("director", part_of="nis")]
    comparison = comparison_of(
        tmp_path,
        figure("c1", "nis", "troops_dispatched", best=3000),
        figure("c2", "director", "troops_dispatched", best=2800),
        actors=actors,
    )
    assert comparison.iloc[0]["independent sources"] == 1


def test_two_bodies_of_one_state_are_one_independent_source(tmp_path):
    actors = [
        actor("kr-gov", actor_type="government"),
        actor("kr-nis", part_of="kr-gov"),
        actor("kr-president", actor_type="head_of_state", part_of="kr-gov"),
        *ACTORS,
    ]
    comparison = comparison_of(
        tmp_path,
        figure("c1", "kr-nis", "troops_dispatched", best=3000),
        figure("c2", "kr-president", "troops_dispatched", best=2800),
        figure("c3", "us", "troops_dispatched", best=3100),
        actors=actors,
    )
    row = comparison.iloc[0]
    assert row["independent sources"] == 2
    assert "Kr Gov: about 2,800" in row["latest by source"]


# Windows: a figure that changes with time is compared only with figures of its window.
def test_a_figure_ten_days_after_another_sources_is_not_compared_with_it(tmp_path):
    view = view_of(
        tmp_path,
        [figure("c1", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-13"),
         figure("c2", "us", "troops_dispatched", best=9000, stated_wording="2024-10-23")],
    )  # fmt: skip
    windows = view.windowed.set_index("claim_id")["window"].to_dict()
    assert windows == {"c1": "13 Oct 2024", "c2": "23 Oct 2024"}
    assert view.comparison["window"].tolist() == list(windows.values())
    assert set(view.comparison["verdict"]) == {"single source"}
    assert estimates.overlap_pairs(view.windowed).empty


def test_figures_six_days_apart_share_a_window_and_are_compared(tmp_path):
    view = view_of(
        tmp_path,
        [figure("c1", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-17"),
         figure("c2", "us", "troops_dispatched", best=9000, stated_wording="2024-10-23")],
    )  # fmt: skip
    row = view.comparison.iloc[0]
    assert len(view.comparison) == 1 and row["window"] == "17–23 Oct 2024"
    assert (row["independent sources"], row["verdict"]) == (2, "differ by 3.0×")
    pairs = estimates.overlap_pairs(view.windowed)
    assert pairs[["source A", "source B", "intervals"]].values.tolist() == [
        ["Nis", "Us", "disjoint"]]  # fmt: skip


def test_a_one_time_measure_is_compared_across_all_dates(tmp_path):
    view = view_of(
        tmp_path,
        [figure("c1", "nis", "troops_committed", best=10000, stated_wording="2024-09-01"),
         figure("c2", "us", "troops_committed", best=12000, stated_wording="2024-10-23")],
    )  # fmt: skip
    row = view.comparison.iloc[0]
    assert len(view.comparison) == 1 and row["window"] == "all dates"
    assert row["independent sources"] == 2 and row["verdict"] == "differ by 1.2×"


def test_the_window_length_is_a_parameter(tmp_path):
    claims = [
        figure("c1", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-13"),
        figure("c2", "us", "troops_dispatched", best=9000, stated_wording="2024-10-23"),
    ]
    view = view_of(tmp_path, claims, window_days=14)
    assert view.comparison["window"].tolist() == ["13–23 Oct 2024"]
    with pytest.raises(ValueError, match="window_days"):
        analysis.Parameters.parse(window_days=0)
    with pytest.raises(ValueError, match="window_days"):
        estimates.in_windows(view.statements, 0)


def test_a_month_only_statement_is_marked_and_joins_the_windows_of_its_month(tmp_path):
    articles = [article("a1", "2024-10-23"), article("a2", "2024-11-02")]
    view = view_of(
        tmp_path,
        [figure("d1", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-10"),
         figure("d2", "us", "troops_dispatched", best=5000, stated_wording="2024-10-23"),
         figure("m", "ua", "troops_dispatched", best=4000, stated_wording="in October",
                article_id="a2"),
         figure("s", "ua", "troops_dispatched", best=1000, stated_wording="in September",
                article_id="a2")],
        articles=articles,
    )  # fmt: skip
    month = view.windowed[view.windowed["claim_id"] == "m"]
    assert month["by_month"].all()
    assert month["window"].tolist() == ["10 Oct 2024", "23 Oct 2024"]
    dated = view.windowed[view.windowed["claim_id"].isin(["d1", "d2"])]
    assert not dated["by_month"].any() and len(dated) == 2
    # A month with no dated window gets a window of its own.
    september = view.windowed[view.windowed["claim_id"] == "s"].iloc[0]
    assert (september["window"], september["by_month"]) == ("Sep 2024 (month only)", True)
    by_window = view.comparison.set_index("window")
    latest_week = by_window.loc["23 Oct 2024", "latest by source"]
    assert "Ua: about 4,000 (31 Oct 2024, month only)" in latest_week
    assert by_window.loc["10 Oct 2024", "independent sources"] == 2


def test_in_windows_of_nothing_is_empty_with_its_columns(tmp_path):
    windowed = estimates.in_windows(no_figures(tmp_path).statements)
    assert windowed.empty
    assert {"window", "window_start", "window_end", "by_month"} <= set(windowed.columns)


def test_in_windows_of_one_statement_is_its_own_window(tmp_path):
    view = view_of(tmp_path, [figure("c1", "nis", "troops_dispatched", best=3000)])
    windowed = estimates.in_windows(view.statements)
    row = windowed.iloc[0]
    assert len(windowed) == 1 and row["window"] == "23 Oct 2024"
    assert row["window_start"] == row["window_end"] == pd.Timestamp("2024-10-23")
    assert not row["by_month"]


def test_compare_of_nothing_is_an_empty_table_with_its_columns(tmp_path):
    comparison = estimates.compare(no_figures(tmp_path).windowed)
    assert comparison.empty and list(comparison.columns) == estimates.COMPARISON_COLUMNS


def test_compare_of_one_figure_is_one_single_source_row(tmp_path):
    view = view_of(tmp_path, [figure("c1", "nis", "troops_dispatched", best=3000)])
    comparison = estimates.compare(view.windowed)
    assert len(comparison) == 1 and list(comparison.columns) == estimates.COMPARISON_COLUMNS
    row = comparison.iloc[0]
    assert (row["verdict"], row["figures"], row["range"]) == ("single source", 1, "3,000")
    assert row["best established as"] == "intelligence assessment, relayed"


def test_headlines_of_nothing_are_empty(tmp_path):
    view = no_figures(tmp_path)
    headlines = estimates.headlines(view.comparison, view.statements)
    assert headlines.empty and list(headlines.columns) == estimates.HEADLINE_COLUMNS


def test_a_headline_of_one_figure_names_its_window_and_source(tmp_path):
    view = view_of(tmp_path, [figure("c1", "nis", "troops_dispatched", best=3000)])
    headlines = estimates.headlines(view.comparison, view.statements)
    assert len(headlines) == 1
    row = headlines.iloc[0]
    assert (
        row["latest comparison"]
        == "Stated on 23 Oct 2024, 1 source: Nis: about 3,000 (23 Oct 2024)."
    )
    assert row["trend"] == ""


def test_the_headline_gives_the_latest_window_and_the_trend_across_windows(tmp_path):
    view = view_of(
        tmp_path,
        [figure("c1", "nis", "troops_dispatched", best=1500, stated_wording="2024-10-01"),
         figure("c2", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-23"),
         figure("c3", "us", "troops_dispatched", best=2500, stated_wording="2024-10-22"),
         figure("c4", "nis", "troops_committed", best=10000, stated_wording="2024-10-01"),
         figure("c5", "nis", "troops_committed", best=12000, stated_wording="2024-10-23")],
    )  # fmt: skip
    assert view.headlines["measure_id"].tolist() == ["troops_committed", "troops_dispatched"]
    sent = view.headlines.set_index("measure_id").loc["troops_dispatched"]
    assert sent["window"] == "22–23 Oct 2024"
    assert sent["latest comparison"] == (
        "Stated between 22 and 23 Oct 2024, 2 sources: Nis: about 3,000 (23 Oct 2024); "
        "Us: about 2,500 (22 Oct 2024) (differ by 1.2×)."
    )
    assert sent["trend"] == (
        "from about 1,500 on 1 Oct 2024 (Nis) to about 3,000 on 23 Oct 2024 (Nis), "
        "revised upwards 1 time by 1 source"
    )
    # A one-time measure has no trend: a later target is another figure, not a revision.
    committed = view.headlines.set_index("measure_id").loc["troops_committed"]
    assert committed["trend"] == "" and committed["window"] == "all dates"
    assert committed["latest comparison"].startswith("Across all dates, 1 source: ")


def test_a_trend_counts_downward_revisions_by_source(tmp_path):
    view = view_of(
        tmp_path,
        [figure("c1", "nis", "troops_prepared", best=12000, stated_wording="2024-10-01"),
         figure("c2", "nis", "troops_prepared", best=10000, stated_wording="2024-10-10"),
         figure("c3", "ua", "troops_prepared", best=9000, stated_wording="2024-10-02"),
         figure("c4", "ua", "troops_prepared", best=8000, stated_wording="2024-10-20")],
    )  # fmt: skip
    assert view.headlines.iloc[0]["trend"] == (
        "from about 12,000 on 1 Oct 2024 (Nis) to about 8,000 on 20 Oct 2024 (Ua), "
        "revised downwards 2 times by 2 sources"
    )


def test_overlap_pairs_of_one_figure_are_none(tmp_path):
    view = view_of(tmp_path, [figure("c1", "nis", "troops_dispatched", best=3000)])
    pairs = estimates.overlap_pairs(view.windowed)
    assert pairs.empty and list(pairs.columns) == estimates.PAIR_COLUMNS


def test_the_range_of_a_window_leaves_an_open_end_open(tmp_path):
    rows = [figure("c1", "nis", "troops_prepared", high=12000, qualifier="up to"),
            figure("c2", "us", "troops_prepared", low=3000, high=5000)]  # fmt: skip
    view = view_of(tmp_path, rows)
    row = view.comparison.iloc[0]
    assert (pd.isna(row["lowest"]), row["highest"], row["range"]) == (True, 12000, "up to 12,000")
    assert estimates.envelope_text(None, 12000) == "up to 12,000"
    assert estimates.envelope_text(3000, None) == "at least 3,000"
    assert estimates.envelope_text(None, None) == "open"


def test_a_view_cut_off_before_every_article_is_empty(tmp_path):
    dataset = make_dataset(tmp_path, [figure("c1", "nis", "troops_dispatched", best=3000)], ACTORS)
    view = analysis.analyse(dataset, analysis.Parameters.parse(as_of="2024-01-01"))
    assert view.data.articles.empty and view.claims.empty and view.figures.empty
    for table in (view.comparison, view.headlines, view.weighted, view.judgements):
        assert table.empty


# 8 drawn tables here (each loads and analyses two datasets, about a second); `make fuzz`
# draws whole datasets at scale outside the suite
@settings(max_examples=8, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["nis", "ua", "us"]), st.integers(1, 50_000),
                  st.sampled_from(["exact", "up to", "at least", "about"])),
        min_size=1, max_size=6,
    ),
    st.randoms(use_true_random=False),
)  # fmt: skip
def test_the_envelope_holds_every_sources_latest_figure_and_row_order_changes_nothing(
    tmp_path_factory, coded, random
):
    rows = []
    for number, (source, value, kind) in enumerate(coded):
        fields = {"exact": dict(low=value, best=value, high=value),
                  "up to": dict(high=value, qualifier="up to"),
                  "at least": dict(low=value, qualifier="at least"),
                  "about": dict(best=value, qualifier="about")}[kind]  # fmt: skip
        rows.append(figure(f"c{number:02d}", source, "troops_prepared", **fields))
    folder = tmp_path_factory.mktemp("hyp")
    view = analysis.analyse(make_dataset(folder / "a", rows, ACTORS))
    assert len(view.comparison) == 1  # every figure is of one day: one window
    row = view.comparison.iloc[0]
    latest = estimates.latest_by_source(view.windowed)
    assert row["independent sources"] == latest["origin_id"].nunique()
    assert pd.isna(row["lowest"]) or row["lowest"] <= latest["point"].min()
    assert pd.isna(row["highest"]) or latest["point"].max() <= row["highest"]
    random.shuffle(rows)
    again = analysis.analyse(make_dataset(folder / "b", rows, ACTORS)).comparison
    pd.testing.assert_frame_equal(
        again.reset_index(drop=True), view.comparison.reset_index(drop=True)
    )


def test_the_qualifier_rules_read_one_row_per_bound_with_every_word():
    from crosscheck.estimates import QUALIFIER_RULES, qualifier_rules_by_bound

    table = qualifier_rules_by_bound().set_index("bound")
    assert table.loc["upper bound", "coded in"] == "high"
    assert table.loc["multiple", "read as"] == "a multiple of an earlier figure: 'double' is ×2"
    assert table.loc["upper bound", "read as"].endswith("(open, 12,000, 12,000)")
    assert table.loc["lower bound", "qualifiers"].split(", ")[:3] == [
        "at least",
        "more than",
        "over",
    ]
    words = [w for cell in table["qualifiers"] for w in cell.split(", ")]
    assert sorted(words) == sorted(QUALIFIER_RULES["qualifier"])


def test_no_pair_to_compare_gives_an_empty_table_of_text_columns(view):
    one_source = view.windowed[view.windowed["origin_id"] == view.windowed["origin_id"].iloc[0]]
    pairs = estimates.overlap_pairs(one_source)
    assert pairs.empty and list(pairs.columns) == estimates.PAIR_COLUMNS
    assert all(pd.api.types.is_object_dtype(dtype) for dtype in pairs.dtypes)
