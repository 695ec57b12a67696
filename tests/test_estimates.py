"""Figures as intervals, statements across outlets, and the comparison per measure."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import estimates

from factories import actor, figure, make_dataset

ACTORS = [actor("nis"), actor("ua", alignment="ukraine"), actor("us", actor_type="government")]


def one_figure(tmp_path, margin=0.0, **coding):
    claims = [figure("c1", "nis", "troops_dispatched", stated_wording="on Wednesday", **coding)]
    dataset = make_dataset(tmp_path, claims, ACTORS)
    return estimates.figures(dataset, margin).iloc[0]


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
    with pytest.raises(ValueError, match="approximate_margin"):
        one_figure(tmp_path, margin=1.5, best=10)


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
    claims = [
        figure(
            f"c{i}",
            "nis",
            "troops_dispatched",
            low=v,
            best=v,
            high=v,
            statement_key="k",
            article_id="a1",
        )  # fmt: skip
        for i, v in enumerate([3000, 3000, 30000])
    ]
    dataset = make_dataset(tmp_path, claims, ACTORS)
    statements = estimates.statements(estimates.figures(dataset))
    assert len(statements) == 1 and statements.iloc[0]["point"] == 3000


def comparison_of(tmp_path, *figures):
    dataset = make_dataset(tmp_path, list(figures), ACTORS)
    return estimates.compare_measures(estimates.statements(estimates.figures(dataset))).iloc[0]


def test_one_source_is_a_single_source_whatever_it_said_over_time(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "nis", "troops_dispatched", best=1500, stated_wording="last Friday"),
        figure("c2", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
    )
    assert row["verdict"] == "single source" and row["independent sources"] == 1
    assert (row["lowest"], row["highest"]) == (1500, 3000)


def test_close_overlapping_figures_are_consistent(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "ua", "troops_prepared", high=12000, qualifier="up to"),
        figure("c2", "us", "troops_prepared", low=10000, best=10000, high=10000),
    )
    assert row["verdict"] == "consistent" and row["intervals overlap"] == "yes"


def test_disjoint_figures_differ_by_their_ratio(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "ua", "troops_prepared", low=4000, best=4000, high=4000),
        figure("c2", "us", "troops_prepared", low=12000, best=12000, high=12000),
    )
    assert row["verdict"] == "differ by 3.0×" and row["spread"] == 3.0


def test_figures_of_different_measures_are_never_compared(tmp_path):
    dataset = make_dataset(
        tmp_path,
        [figure("c1", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
         figure("c2", "nis", "troops_committed", best=10000)],
        ACTORS,
    )  # fmt: skip
    statements = estimates.statements(estimates.figures(dataset))
    comparison = estimates.compare_measures(statements)
    assert len(comparison) == 2 and set(comparison["verdict"]) == {"single source"}
    assert estimates.overlap_pairs(statements).empty


def test_a_relay_is_no_second_source(tmp_path):
    row = comparison_of(
        tmp_path,
        figure("c1", "nis", "troops_dispatched", best=3000),
        figure(
            "c2", "nis", "troops_dispatched", best=3000, relayed_via_id="us", statement_key="other"
        ),  # fmt: skip
    )
    assert row["independent sources"] == 1


def test_an_official_speaking_for_his_agency_is_no_second_source(tmp_path):
    actors = [*ACTORS, actor("director", part_of="nis")]
    dataset = make_dataset(
        tmp_path,
        [figure("c1", "nis", "troops_dispatched", best=3000),
         figure("c2", "director", "troops_dispatched", best=2800)],
        actors,
    )  # fmt: skip
    comparison = estimates.compare_measures(estimates.statements(estimates.figures(dataset)))
    assert comparison.iloc[0]["independent sources"] == 1


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["nis", "ua", "us"]), st.integers(1, 50_000),
                  st.sampled_from(["exact", "up to", "at least", "about"])),
        min_size=1, max_size=6,
    ),
    st.randoms(use_true_random=False),
)  # fmt: skip
def test_the_envelope_holds_every_best_estimate_and_row_order_changes_nothing(
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
    figured = estimates.figures(make_dataset(folder / "a", rows, ACTORS))
    row = estimates.compare_measures(estimates.statements(figured)).iloc[0]
    assert row["lowest"] <= figured["point"].min() and figured["point"].max() <= row["highest"]
    random.shuffle(rows)
    again = estimates.compare_measures(
        estimates.statements(estimates.figures(make_dataset(folder / "b", rows, ACTORS)))
    ).iloc[0]
    assert again.equals(row) or all(
        (a == b) or (isinstance(a, float) and math.isnan(a) and math.isnan(b))
        for a, b in zip(again, row, strict=True)
    )
