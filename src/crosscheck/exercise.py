"""Which part of the data a class exercise is about: the measures and windows where a
student's choices can move an estimate, and the first day on which there is one.

A student's grades weigh sources against each other (reliability.weighted_estimates).
Where a window holds one source, or one source's figure and another's bound (a bound is
listed apart, never averaged), every grade gives the same estimate and the exercise's
question "which grade moved your estimate most?" has no answer. So the exercise is
about the (measure, window) pairs where at least two independent sources (the report's
independence: distinct `origin_id`, each source's latest statement in the window, as in
the analysed view's `latest` table) give a point figure that the estimate averages.

On the shipped data (default parameters) the cut-off is 28 Oct 2024. Two exercise
windows: "Troops committed in total" (all dates: South Korea's 10,000 by `rok-nis`, B2,
and Ukraine's 12,000 by `volodymyr-zelenskyy`, C3; weighted 10,720) and "Troops sent to
Russia so far" (window "28 Oct 2024": the US's 10,000 by `sabrina-singh`, B2, and
Ukraine's 3,000 by `volodymyr-zelenskyy`, C3; weighted 7,480). On 23 Oct 2024 that
measure had a South Korean figure and a US lower bound only, which no grade can move.
The README's classroom example overrides `volodymyr-zelenskyy` to `B2` (the grade of
the other source): the estimate of troops sent so far moves from 7,480 to 6,500 and
that of troops committed from 10,720 to 11,000. Grades weigh by claimant id, so an
override of a government body does not reach a claimant graded on its own.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from crosscheck import analysis
from crosscheck.reliability import BOUND_ONLY

EXERCISE_COLUMNS = ["measure_id", "measure", "window", "window_start", "window_end", "sources"]
LESSON_COLUMNS = [*EXERCISE_COLUMNS, "grades_matter"]
# A lesson on a day without exercise windows shows the windows with most sources, then
# most figures, latest first: at most this many (enough for a handout's chart and card).
FALLBACK_WINDOWS = 3


def _averaged(latest: pd.DataFrame) -> pd.DataFrame:
    """The latest figures a weighted estimate averages: points, not bare bounds."""
    return latest[~latest["bound"].isin(BOUND_ONLY) & latest["point"].notna()]


def exercise_measures(view: analysis.Analysis) -> pd.DataFrame:
    """The (measure, window) pairs of the exercise: those where at least two independent
    sources' latest figures in one comparison window are averaged by the weighted
    estimate, among the figures known by the view's cut-off (its `as_of`; all the data
    when None).

    Input: an analysed view (analysis.analyse), read from its `latest` table only, so a
    running count is never compared across windows.
    Output: one row per pair, sorted by window_end then measure_id, columns
    measure_id (the measures.csv id), measure (its label), window (its label, as the
    report shows it), window_start, window_end (datetime64[ns]), sources (int64: the
    independent sources whose point figure is averaged; a source's bound is not
    counted). Empty (same columns) when no window has two such sources. Raises nothing
    on an empty view.
    """
    averaged = _averaged(view.latest)
    cutoff = view.parameters.as_of
    if cutoff is not None:
        averaged = averaged[averaged["window_start"] <= cutoff]
    if averaged.empty:
        return _empty()
    table = (
        averaged.groupby(["measure", "window_end"], sort=True)
        .agg(
            measure_label=("measure_label", "first"),
            window=("window", "first"),
            window_start=("window_start", "first"),
            sources=("origin_id", "nunique"),
        )
        .reset_index()
    )
    table = table[table["sources"] >= 2].sort_values(["window_end", "measure"])
    return pd.DataFrame(
        {
            "measure_id": table["measure"].astype(str).to_numpy(),
            "measure": table["measure_label"].astype(str).to_numpy(),
            "window": table["window"].astype(str).to_numpy(),
            "window_start": pd.to_datetime(table["window_start"]).to_numpy(),
            "window_end": pd.to_datetime(table["window_end"]).to_numpy(),
            "sources": table["sources"].astype("int64").to_numpy(),
        },
        columns=EXERCISE_COLUMNS,
    )


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=EXERCISE_COLUMNS).astype(
        {
            "measure_id": str,
            "measure": str,
            "window": str,
            "window_start": "datetime64[ns]",
            "window_end": "datetime64[ns]",
            "sources": "int64",
        }
    )


def _first_possible_day(view: analysis.Analysis) -> pd.Timestamp | None:
    """The first day on which two independent sources had given a point figure for one
    measure, whatever the window: no earlier day can hold an exercise window."""
    figures = _averaged(view.figures) if "bound" in view.figures else view.figures.iloc[0:0]
    if figures.empty:
        return None
    first = figures.groupby(["measure", "origin_id"])["published_on"].min().reset_index()
    second = first.sort_values("published_on").groupby("measure")["published_on"].nth(1)
    return None if second.empty else pd.Timestamp(second.min())


def exercise_cutoff(view: analysis.Analysis) -> pd.Timestamp | None:
    """The exercise's default cut-off: the earliest day on which some measure has at
    least two independent sources averaged in one comparison window (exercise_measures
    of the view analysed as of that day is not empty).

    Input: an analysed view; its data, and its parameters other than `as_of`
    (window_days, approximate_margin, overrides), are those of the views tried; only days
    up to its own `as_of` (when set) are tried. A day is tried by analysing the data as
    of it, since windows and standing copies are those known on the day, not those the
    later data draws; days tried are the articles' publication days, from the first on
    which two sources had given a point figure for one measure.
    Output: a pd.Timestamp (midnight), or None when no such day exists.
    Raises nothing beyond what analysis.analyse raises.
    """
    start = _first_possible_day(view)
    if start is None:
        return None
    days = pd.to_datetime(view.data.articles["published_on"]).dropna()
    candidates = sorted(day for day in set(days) if day >= start)
    for day in candidates:
        parameters = dataclasses.replace(view.parameters, as_of=pd.Timestamp(day))
        if not exercise_measures(analysis.analyse(view.all_data, parameters)).empty:
            return pd.Timestamp(day)
    return None


def busiest_windows(view: analysis.Analysis, count: int = FALLBACK_WINDOWS) -> pd.DataFrame:
    """The comparison windows of the view (as of its cut-off) with most independent
    sources, then most figures, then the latest: at most `count` rows, in that order.

    Output: EXERCISE_COLUMNS (dtypes as exercise_measures); `sources` here is the
    report's count of independent sources (the comparison table's), bounds included,
    since no window of such a day has two averaged figures. Empty when the view has no
    comparison rows.
    """
    table = view.comparison.sort_values(
        ["independent sources", "figures", "window_end"], ascending=False, kind="stable"
    ).head(count)
    if table.empty:
        return _empty()
    return pd.DataFrame(
        {
            "measure_id": table["measure_id"].astype(str).to_numpy(),
            "measure": table["measure"].astype(str).to_numpy(),
            "window": table["window"].astype(str).to_numpy(),
            "window_start": pd.to_datetime(table["window_start"]).to_numpy(),
            "window_end": pd.to_datetime(table["window_end"]).to_numpy(),
            "sources": table["independent sources"].astype("int64").to_numpy(),
        },
        columns=EXERCISE_COLUMNS,
    )


def lesson_measures(view: analysis.Analysis) -> pd.DataFrame:
    """The (measure, window) pairs a lesson on the view's cut-off is about: the one choice
    used by the answer card, the exercise notebook, the class page, the handout and the
    teacher's plan, so that they never disagree.

    Input: an analysed view (its `as_of` is the lesson's day; all the data when None).
    Output: LESSON_COLUMNS: EXERCISE_COLUMNS plus `grades_matter` (bool). When the view
    has exercise windows (exercise_measures is not empty) they are the rows, with
    grades_matter True: a grade can move their estimates. Otherwise the (up to
    FALLBACK_WINDOWS) busiest windows known by the cut-off (busiest_windows), with
    grades_matter False: each has at most one averaged figure, so only the margin for
    "about" figures can move an estimate. Empty (same columns) when the view has no
    figures. Raises nothing on an empty view.

    On the shipped data: as of 28 Oct 2024, the two exercise windows (see the module's
    docstring), grades_matter True; as of 23 Oct 2024, "Troops sent to Russia so far"
    (18–23 Oct 2024, 2 sources: a count and a US lower bound), "Troops being prepared"
    (17–23 Oct 2024) and "Troops committed in total" (all dates), grades_matter False.
    """
    chosen = exercise_measures(view)
    grades_matter = not chosen.empty
    if not grades_matter:
        chosen = busiest_windows(view)
    return (
        chosen.assign(grades_matter=grades_matter)
        .astype({"grades_matter": bool})[LESSON_COLUMNS]
        .reset_index(drop=True)
    )
