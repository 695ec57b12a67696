"""The arithmetic checks: each passes on figures that add up and fails on ones that do not."""

from crosscheck import checks, estimates

from factories import actor, figure, make_dataset

ACTORS = [actor("nis"), actor("outlet", actor_type="news_outlet", alignment="neutral")]


def run_checks(tmp_path, claims):
    figured = estimates.figures(make_dataset(tmp_path, claims, ACTORS))
    statements = estimates.statements(figured)
    return checks.all_checks(figured, statements, "troops_dispatched", "troops_committed")


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
    assert (row["status"], row["result"]) == ("pass", "falls, with a comment")


def test_a_figure_coded_against_its_qualifier_fails(tmp_path):
    result = run_checks(
        tmp_path, [figure("a", "nis", "troops_dispatched", best=3000, qualifier="up to")]
    )
    row = result[result["check"] == "coding follows the qualifier rule"].iloc[0]
    assert row["status"] == "fail" and "upper bound" in row["inputs"]


def test_the_shipped_data_passes_every_check_it_can_fail():
    from crosscheck.load import load_dataset

    from conftest import DATA

    figured = estimates.figures(load_dataset(DATA))
    result = checks.all_checks(
        figured, estimates.statements(figured), "troops_dispatched", "troops_committed"
    )
    assert {"pass", "derived"} >= set(result["status"]), result[result["status"] == "fail"]
    assert result["check"].str.contains("double").any()
