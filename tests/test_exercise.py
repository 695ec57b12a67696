"""The class exercise's cut-off and measures, picked from the data: the windows where two
independent sources give figures a student's grades weigh against each other."""

import pandas as pd

from crosscheck import analysis, exercise
from crosscheck.load import load_dataset

from conftest import RALLY
from factories import ARTICLE, actor, figure, make_dataset

# dataset, view and view_as_of: the shipped data's, once per session (conftest.py).


def pairs(table: pd.DataFrame) -> list[tuple[str, str, int]]:
    return list(zip(table["measure_id"], table["window"], table["sources"], strict=True))


# The shipped data.


def test_the_exercise_day_is_28_october_2024_when_ukraine_and_the_us_both_give_a_count(view):
    assert exercise.exercise_cutoff(view) == pd.Timestamp("2024-10-28")


def test_on_28_october_the_exercise_is_about_troops_committed_and_troops_sent_that_day(
    view_as_of,
):
    measures = exercise.exercise_measures(view_as_of("2024-10-28"))
    assert pairs(measures) == [
        ("troops_committed", "all dates", 2),
        ("troops_dispatched", "28 Oct 2024", 2),
    ]
    assert measures["measure"].tolist() == [
        "Troops committed in total",
        "Troops sent to Russia so far",
    ]
    assert measures["window_start"].tolist() == [
        pd.Timestamp("2024-10-18"),
        pd.Timestamp("2024-10-28"),
    ]
    assert measures["window_end"].tolist() == [pd.Timestamp("2024-10-28")] * 2
    assert str(measures["window_end"].dtype) == "datetime64[ns]"
    assert str(measures["sources"].dtype) == "int64"


def test_a_us_lower_bound_beside_a_south_korean_count_on_23_october_is_no_exercise(view_as_of):
    on_23 = view_as_of("2024-10-23")
    # The report counts two independent sources in that window ...
    window = on_23.comparison[on_23.comparison["window"] == "18–23 Oct 2024"]
    assert window["independent sources"].tolist() == [2]
    # ... but one gives only 'at least 3,000', which no grade can weigh.
    assert exercise.exercise_measures(on_23).empty


def test_a_grade_moves_the_estimate_of_an_exercise_window(view_as_of):
    """The README's classroom example: Zelenskyy graded B2 like the US spokesperson."""
    default = view_as_of("2024-10-28").weighted.set_index(["measure_id", "window"])
    changed = view_as_of(
        "2024-10-28", grade_overrides={"volodymyr-zelenskyy": "B2"}
    ).weighted.set_index(["measure_id", "window"])
    sent = ("troops_dispatched", "28 Oct 2024")
    committed = ("troops_committed", "all dates")
    assert (default.loc[sent, "weighted estimate"], changed.loc[sent, "weighted estimate"]) == (
        7480,
        6500,
    )
    assert default.loc[committed, "weighted estimate"] == 10720
    assert changed.loc[committed, "weighted estimate"] == 11000


def test_with_all_the_data_the_exercise_never_joins_windows_of_the_running_count(view):
    assert pairs(exercise.exercise_measures(view)) == [
        ("troops_dispatched", "28–31 Oct 2024", 2),
        ("troops_dispatched", "4–5 Nov 2024", 2),
        ("troops_dispatched", "31 Dec 2024 – 6 Jan 2025", 2),
        ("additional_planned", "all dates", 3),
    ]


def test_a_view_cut_off_before_the_exercise_day_has_no_exercise_day(view_as_of):
    assert exercise.exercise_cutoff(view_as_of("2024-10-27")) is None


def test_another_topic_without_two_sources_in_a_window_has_no_exercise(tmp_path):
    view = analysis.analyse(load_dataset(RALLY))
    assert exercise.exercise_cutoff(view) is None
    empty = exercise.exercise_measures(view)
    assert empty.empty and list(empty.columns) == exercise.EXERCISE_COLUMNS


def test_no_claims_give_no_exercise(view_as_of):
    before_anything = view_as_of("2024-01-01")
    assert exercise.exercise_cutoff(before_anything) is None
    empty = exercise.exercise_measures(before_anything)
    assert list(empty.columns) == exercise.EXERCISE_COLUMNS and empty.empty


# Small datasets.

ACTORS = [actor("nis"), actor("austin", actor_type="defence_minister")]
# a1 (published Monday 21 Oct) carries the NIS's Monday count; a2 carries Austin's count of
# Wednesday the 23rd but is published only on Thursday the 24th.
ARTICLES = [ARTICLE | {"published_on": "2024-10-21"},
            ARTICLE | {"article_id": "a2", "outlet": "Outlet Two",
                       "published_on": "2024-10-24"}]  # fmt: skip


def two_counts(austin: dict) -> list[dict]:
    return [
        figure("a1-01", "nis", "troops_dispatched", best=1500, stated_wording="on Monday"),
        figure("a2-01", "austin", "troops_dispatched",
               **({"stated_wording": "on Wednesday", "article_id": "a2"} | austin)),
    ]  # fmt: skip


def test_the_exercise_day_is_the_day_the_second_count_was_published_not_stated(tmp_path):
    dataset = make_dataset(tmp_path, two_counts({"best": 3000}), ACTORS, articles=ARTICLES)
    view = analysis.analyse(dataset)
    assert exercise.exercise_cutoff(view) == pd.Timestamp("2024-10-24")
    measures = exercise.exercise_measures(view)
    assert pairs(measures) == [("troops_dispatched", "21–23 Oct 2024", 2)]


def test_a_floor_beside_a_count_makes_no_exercise(tmp_path):
    floor = {"low": 3000, "qualifier": "at least"}
    view = analysis.analyse(make_dataset(tmp_path, two_counts(floor), ACTORS, articles=ARTICLES))
    assert view.comparison["independent sources"].tolist() == [2]
    assert exercise.exercise_cutoff(view) is None
    assert exercise.exercise_measures(view).empty


def test_two_counts_a_window_apart_make_no_exercise(tmp_path):
    later = ARTICLES[:1] + [ARTICLES[1] | {"published_on": "2024-11-04"}]
    counts = two_counts({"best": 3000, "stated_wording": "on Monday"})
    view = analysis.analyse(make_dataset(tmp_path, counts, ACTORS, articles=later))
    assert view.comparison["window"].tolist() == ["21 Oct 2024", "4 Nov 2024"]
    assert exercise.exercise_cutoff(view) is None


# The lesson's measures: one choice for the card, the class page, the handout and the plan.


def test_on_the_exercise_day_the_lesson_is_about_the_exercise_windows_and_grades_matter(
    view_as_of,
):
    measures = exercise.lesson_measures(view_as_of("2024-10-28"))
    assert list(measures.columns) == exercise.LESSON_COLUMNS
    assert pairs(measures) == [
        ("troops_committed", "all dates", 2),
        ("troops_dispatched", "28 Oct 2024", 2),
    ]
    assert measures["grades_matter"].tolist() == [True, True]
    assert str(measures["grades_matter"].dtype) == "bool"


def test_on_23_october_the_lesson_is_about_the_three_busiest_windows_and_grades_do_not_matter(
    view_as_of,
):
    measures = exercise.lesson_measures(view_as_of("2024-10-23"))
    assert pairs(measures) == [
        ("troops_dispatched", "18–23 Oct 2024", 2),
        ("troops_prepared", "17–23 Oct 2024", 1),
        ("troops_committed", "all dates", 1),
    ]
    assert measures["measure"].tolist() == [
        "Troops sent to Russia so far",
        "Troops being prepared",
        "Troops committed in total",
    ]
    assert not measures["grades_matter"].any()


def test_a_lesson_before_any_claim_has_no_measures(view_as_of):
    empty = exercise.lesson_measures(view_as_of("2024-01-01"))
    assert empty.empty and list(empty.columns) == exercise.LESSON_COLUMNS
