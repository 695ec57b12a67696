"""The arithmetic checks: each passes on figures that add up and fails on ones that do not.

Checks work on statements (one standing version each): a misreported copy cannot make a
check fail, while the coding check judges every copy as it was coded.
"""

import pandas as pd

from crosscheck import analysis, checks

from factories import ARTICLE, CLAIM, actor, figure, make_dataset

ACTORS = [actor("nis"), actor("outlet", actor_type="news_outlet", alignment="neutral")]


def view_of(tmp_path, claims, articles=None):
    return analysis.analyse(make_dataset(tmp_path, claims, ACTORS, articles))


def run_checks(tmp_path, claims, articles=None):
    view = view_of(tmp_path, claims, articles)
    return checks.all_checks(view.statements, view.figures, "troops_dispatched", "troops_committed")


def doubling(tmp_path, earlier, later, stated=2):
    return run_checks(
        tmp_path,
        [
            figure("c1", "nis", "troops_dispatched", best=earlier, stated_wording="last Friday"),
            figure("c2", "nis", "troops_dispatched", low=later, best=later, high=later),
            figure(
                "c3",
                "outlet",
                "ratio_to_previous",
                low=stated,
                best=stated,
                high=stated,
                qualifier="double",
                relates_to="c2",
                claim_type="revision",
            ),  # fmt: skip
        ],
    )


def test_double_the_previous_estimate_passes_when_it_is_double(tmp_path):
    result = doubling(tmp_path, 1500, 3000)
    row = result[result["check"].str.contains("double")].iloc[0]
    assert (row["status"], row["result"]) == ("pass", "×2.00")
    assert row["claims"] == "c3 c2 c1" and "1,500" in row["inputs"]


def test_double_the_previous_estimate_fails_when_it_is_not(tmp_path):
    result = doubling(tmp_path, 1000, 3000)
    assert result[result["check"].str.contains("double")].iloc[0]["status"] == "fail"


def test_two_units_of_up_to_12000_make_units_of_up_to_6000(tmp_path):
    result = run_checks(
        tmp_path,
        [
            figure("u", "nis", "units_prepared", low=2, best=2, high=2),
            figure("t", "nis", "troops_prepared", high=12000, qualifier="up to", relates_to="u"),
        ],
    )
    row = result[result["check"] == "implied size of one unit"].iloc[0]
    assert row["status"] == "derived" and row["result"] == "up to 6,000 soldiers per unit"


def test_sent_above_committed_from_one_source_on_one_day_fails(tmp_path):
    result = run_checks(
        tmp_path,
        [
            figure("s", "nis", "troops_dispatched", low=12000, best=12000, high=12000),
            figure("c", "nis", "troops_committed", best=10000),
        ],
    )
    row = result[result["check"].str.startswith("sent so far")].iloc[0]
    assert row["status"] == "fail" and row["result"] == "120% of the total sent"


def test_sent_within_committed_passes(tmp_path):
    result = run_checks(
        tmp_path,
        [
            figure("s", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
            figure("c", "nis", "troops_committed", best=10000),
        ],
    )
    assert result[result["check"].str.startswith("sent so far")]["status"].tolist() == ["pass"]


def test_a_count_of_troops_sent_that_falls_without_comment_fails(tmp_path):
    result = run_checks(
        tmp_path,
        [
            figure("a", "nis", "troops_dispatched", best=3000, stated_wording="last Friday"),
            figure("b", "nis", "troops_dispatched", best=2000),
        ],
    )
    row = result[result["check"].str.contains("does not fall")].iloc[0]
    assert (row["status"], row["result"]) == ("fail", "falls without comment")


def test_a_count_that_falls_with_a_comment_passes_and_says_so(tmp_path):
    result = run_checks(
        tmp_path,
        [
            figure("a", "nis", "troops_dispatched", best=3000, stated_wording="last Friday"),
            figure("b", "nis", "troops_dispatched", best=2000, note="some went home"),
        ],
    )
    row = result[result["check"].str.contains("does not fall")].iloc[0]
    assert (row["status"], row["result"]) == ("pass", "falls; the coder's note: some went home")


def test_a_figure_coded_against_its_qualifier_fails(tmp_path):
    result = run_checks(
        tmp_path, [figure("a", "nis", "troops_dispatched", best=3000, qualifier="up to")]
    )
    row = result[result["check"] == "coding follows the qualifier rule"].iloc[0]
    assert row["status"] == "fail" and "upper bound" in row["inputs"]


def test_the_shipped_data_passes_every_check_it_can_fail():
    from crosscheck.load import load_dataset

    from conftest import DATA

    view = analysis.analyse(load_dataset(DATA))
    result = checks.all_checks(
        view.statements, view.figures, "troops_dispatched", "troops_committed"
    )
    assert {"pass", "derived"} >= set(result["status"]), result[result["status"] == "fail"]
    assert result["check"].str.contains("double").any()


def test_double_with_no_earlier_figure_cannot_be_checked_and_fails(tmp_path):
    result = run_checks(
        tmp_path,
        [
            figure("c2", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
            figure(
                "c3",
                "outlet",
                "ratio_to_previous",
                low=2,
                best=2,
                high=2,
                qualifier="double",
                relates_to="c2",
                claim_type="revision",
            ),  # fmt: skip
        ],
    )
    row = result[result["check"].str.contains("double")].iloc[0]
    assert (row["status"], row["result"]) == ("fail", "cannot be checked")
    assert "no earlier figure recorded" in row["inputs"]


def test_double_is_checked_against_the_standing_version_of_the_revised_statement(tmp_path):
    # Three outlets carry the 23 Oct statement; one misreports it as 30,000. The ratio
    # relates to the misreported copy, but the check uses the version that stands: 3,000.
    articles = [ARTICLE | {"article_id": f"a{i}", "outlet": f"Outlet {i}"} for i in (1, 2, 3)]
    claims = [
        figure("c1", "nis", "troops_dispatched", best=1500, stated_wording="last Friday"),
        *[
            figure(
                f"k{i}",
                "nis",
                "troops_dispatched",
                low=v,
                best=v,
                high=v,
                statement_key="k",
                article_id=f"a{i}",
            )  # fmt: skip
            for i, v in ((1, 30000), (2, 3000), (3, 3000))
        ],
        figure(
            "r",
            "outlet",
            "ratio_to_previous",
            low=2,
            best=2,
            high=2,
            qualifier="double",
            relates_to="k1",
            claim_type="revision",
        ),  # fmt: skip
    ]
    result = run_checks(tmp_path, claims, articles)
    row = result[result["check"].str.contains("double")].iloc[0]
    assert (row["status"], row["result"], row["claims"]) == ("pass", "×2.00", "r k2 c1")


def test_a_misreported_copy_cannot_make_a_running_total_fall(tmp_path):
    articles = [ARTICLE | {"article_id": f"a{i}", "outlet": f"Outlet {i}"} for i in (1, 2, 3)]
    claims = [
        figure("a", "nis", "troops_dispatched", best=1500, stated_wording="last Friday"),
        *[
            figure(
                f"k{i}", "nis", "troops_dispatched", best=v, statement_key="k", article_id=f"a{i}"
            )  # fmt: skip
            for i, v in ((1, 1000), (2, 3000), (3, 3000))
        ],
    ]
    result = run_checks(tmp_path, claims, articles)
    falls = result[result["check"].str.contains("does not fall")]
    assert falls[["claims", "status", "result"]].values.tolist() == [
        ["a k2", "pass", "rises or holds"]]  # fmt: skip


def killed(claim_id, **fields):
    """A figure of soldiers killed (a running total), which the factory has no unit for."""
    return figure(claim_id, "nis", "troops_dispatched", **fields) | {"measure": "killed"}


def test_every_running_total_is_checked_and_no_count_at_a_date(tmp_path):
    result = run_checks(
        tmp_path,
        [
            killed("k1", best=300, stated_wording="last Friday"),
            killed("k2", best=200),
            figure("p1", "nis", "troops_prepared", best=12000, stated_wording="last Friday"),
            figure("p2", "nis", "troops_prepared", best=10000),
        ],
    )
    falls = result[result["check"].str.contains("does not fall")]
    assert falls[["check", "claims", "status"]].values.tolist() == [
        ["soldiers killed: a running total does not fall", "k1 k2", "fail"]]  # fmt: skip


def test_each_source_s_running_total_is_checked_on_its_own(tmp_path):
    # A lower figure from another source is a disagreement, not a fall.
    result = run_checks(
        tmp_path,
        [
            figure("a", "nis", "troops_dispatched", best=3000, stated_wording="last Friday"),
            figure("b", "outlet", "troops_dispatched", best=2000),
        ],
    )
    assert not result["check"].str.contains("does not fall").any()


def test_all_checks_of_nothing_is_an_empty_table_with_its_columns(tmp_path):
    view = view_of(tmp_path, [CLAIM | {"claim_id": "x", "claimant_id": "nis"}])
    result = checks.all_checks(view.statements, view.figures, "troops_dispatched",
                               "troops_committed")  # fmt: skip
    assert result.empty and list(result.columns) == checks.CHECK_COLUMNS


def test_all_checks_of_one_well_coded_figure_find_nothing_to_check(tmp_path):
    result = run_checks(
        tmp_path, [figure("a", "nis", "troops_dispatched", high=3000, qualifier="up to")]
    )
    assert result.empty and list(result.columns) == checks.CHECK_COLUMNS


def test_all_checks_of_one_miscoded_figure_is_one_failing_row(tmp_path):
    result = run_checks(
        tmp_path, [figure("a", "nis", "troops_dispatched", low=3000, qualifier="up to")]
    )
    assert result[["check", "claims", "result", "status"]].values.tolist() == [
        ["coding follows the qualifier rule", "a", "coded as lower bound", "fail"]]  # fmt: skip


def test_the_coding_check_judges_every_copy_as_it_was_coded(tmp_path):
    articles = [ARTICLE | {"article_id": f"a{i}", "outlet": f"Outlet {i}"} for i in (1, 2, 3)]
    claims = [
        figure(
            f"k{i}",
            "nis",
            "troops_dispatched",
            statement_key="k",
            article_id=f"a{i}",
            qualifier="up to",
            **coded,
        )  # fmt: skip
        for i, coded in ((1, {"high": 3000}), (2, {"high": 3000}), (3, {"best": 3000}))
    ]
    view = view_of(tmp_path, claims, articles)
    assert view.statements["claim_id"].tolist() == ["k1"]  # k3 does not stand, but is judged
    rows = pd.DataFrame(checks.qualifier_coding(view.figures))
    assert rows[["claims", "status"]].values.tolist() == [["k3", "fail"]]


def test_a_running_total_check_reads_sources_whose_ids_are_nullable_strings():
    from crosscheck.load import load_dataset

    from conftest import DATA

    # pd.NA keys compared with the empty row before the first give NA, never a pair.
    view = analysis.analyse(load_dataset(DATA))
    plain = checks.never_falls(view.statements)
    nullable = checks.never_falls(
        view.statements.astype({"origin_id": "string", "measure": "string"})
    )
    pd.testing.assert_frame_equal(nullable, plain)
    assert len(plain) > 0
