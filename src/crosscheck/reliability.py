"""Source grades on the NATO / Admiralty scale, and estimates weighted by them.

Source reliability runs from A (completely reliable) to F (reliability cannot be
judged); information credibility from 1 (confirmed by other sources) to 6
(truth cannot be judged) (NATO AJP-2.1; US Army FM 2-22.3, appendix B). The
default grades, with the reasoning for each, are data (data/grades.csv); a
reader can override any of them (the grade_overrides parameter).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from crosscheck.datapackage import (
    INDEPENDENT_SOURCE,
    MEASURE,
    MEASURE_ID,
    WINDOW,
    WINDOW_END,
    Column,
)
from crosscheck.present import format_count

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
# Our teaching weights, not NATO's: the scale is ordinal and prescribes no
# numbers. 'Cannot be judged' (F, 6) weighs the same as the lowest judged level
# (E, 5): a source nobody has judged must never outweigh one judged unreliable, so
# an ungraded source (F6) weighs 0.01, as much as the Kremlin's E5 and no more.
RELIABILITY_WEIGHTS = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.1, "F": 0.1}
CREDIBILITY_WEIGHTS = {"1": 1.0, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.1, "6": 0.1}
WEIGHT_RULE = (
    "Weights are our teaching rule, not NATO's: reliability A–E weighs 1, 0.8, 0.6, 0.4, 0.1 "
    "and credibility 1–5 the same, multiplied. A source nobody has graded (F6, cannot be "
    "judged) weighs as little as the lowest judged grade (E5): 0.01. A person or office "
    "without a grade of its own takes the grade of the body it speaks for. Figures that "
    "are only a bound ('up to', 'at least') are not averaged: they are listed beside the "
    "estimate."
)
UNGRADED = "F6"
_GRADE = re.compile(r"^[A-F][1-6]$")


def parse_overrides(overrides: dict[str, str] | None, actor_ids) -> dict[str, str]:
    """Check a reader's grade overrides: known actor ids, grades like 'B2'."""
    overrides = overrides or {}
    known = set(actor_ids)
    for actor_id, grade in overrides.items():
        if actor_id not in known:
            raise ValueError(f"grade_overrides names {actor_id!r}, which is not in actors.csv")
        if not _GRADE.match(str(grade).upper()):
            raise ValueError(
                f"grade_overrides[{actor_id!r}] = {grade!r}: a grade is a letter A–F and a "
                "digit 1–6, like 'B2'"
            )
    return {actor_id: str(grade).upper() for actor_id, grade in overrides.items()}


def source_grades(
    grades: pd.DataFrame, actors: pd.DataFrame, overrides: dict[str, str] | None = None
) -> pd.DataFrame:
    """Every actor's grade (default, or the reader's override), its meaning and weight."""
    overrides = parse_overrides(overrides, actors["actor_id"])
    by_actor = grades.set_index("actor_id") if not grades.empty else None
    table = actors[["actor_id", "name"]].copy()
    default = (
        (by_actor["reliability"] + by_actor["credibility"]).reindex(table["actor_id"]).to_numpy()
        if by_actor is not None
        else [None] * len(table)
    )
    table["default grade"] = pd.Series(default, index=table.index).fillna(UNGRADED)
    overridden = table["actor_id"].map(lambda actor_id: overrides.get(actor_id, pd.NA))
    table["grade"] = overridden.astype("string").fillna(table["default grade"].astype("string"))
    table["overridden"] = table["actor_id"].isin(list(overrides))
    table["reliability"] = table["grade"].str[0].map(RELIABILITY)
    table["credibility"] = table["grade"].str[1].map(CREDIBILITY)
    reasoning = (
        by_actor["reasoning"].reindex(table["actor_id"]).to_numpy()
        if by_actor is not None
        else [None] * len(table)
    )
    table["reasoning"] = pd.Series(reasoning, index=table.index).fillna(
        "not graded: reliability and credibility cannot be judged"
    )
    return _inherit_grades(table, actors).reset_index(drop=True)


def _inherit_grades(table: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """An actor without a grade of its own (no default, no override) is weighed by the
    grade of the nearest body above it (actors.part_of) that has one."""
    graded = (table["default grade"] != UNGRADED) | table["overridden"]
    own = pd.Series(table["grade"].where(graded).to_numpy(), index=table["actor_id"].to_numpy())
    parent = (
        actors.set_index("actor_id")["part_of"] if "part_of" in actors else pd.Series(dtype=object)
    )
    effective, source = own.copy(), pd.Series(own.index.where(own.notna()), index=own.index)
    current = pd.Series(own.index, index=own.index)
    for _ in range(len(own)):  # validation forbids cycles: a chain ends within len(own)
        missing = effective.isna()
        current = current.where(~missing, current.map(parent))
        reachable = missing & current.notna()
        if not reachable.any():
            break
        effective = effective.where(~reachable, current.map(own))
        source = source.where(~reachable | effective.isna(), current)
    by_actor = table["actor_id"]
    names = table.set_index("actor_id")["name"]
    inherited = by_actor.map(effective).notna() & ~graded.to_numpy()
    # As text before filling: a column of no inherited grade at all is typed null by
    # pyarrow, which cannot take a string.
    table["graded as"] = by_actor.map(effective).astype("string").fillna(table["grade"])
    table["grade from"] = np.where(inherited, by_actor.map(source).map(names), "")
    # What the reader reads beside a grade is what the grade weighed: an inherited one too.
    table["reliability"] = table["graded as"].str[0].map(RELIABILITY)
    table["credibility"] = table["graded as"].str[1].map(CREDIBILITY)
    table["reasoning"] = table["reasoning"].where(
        ~inherited, "takes the grade of " + table["grade from"] + ", the body it speaks for"
    )
    # Products of two-decimal weights: rounded so that 0.8 × 0.8 reads 0.64, not 0.6400…01.
    # As numbers: mapping no grade at all keeps the text dtype, which cannot multiply.
    table["weight"] = (
        table["graded as"].str[0].map(RELIABILITY_WEIGHTS).astype(float)
        * table["graded as"].str[1].map(CREDIBILITY_WEIGHTS).astype(float)
    ).round(2)
    # What a reader needs first: the grade that weighs, where it comes from, its meaning.
    order = ["actor_id", "name", "graded as", "grade from", "weight", "reliability",
             "credibility", "reasoning", "default grade", "grade", "overridden"]  # fmt: skip
    return table[order]


GRADES_READ_COLUMNS = ["source", "grade", "weight", "reliability", "credibility", "reasoning",
                       "speaking for it"]  # fmt: skip


def grades_for_reading(grades: pd.DataFrame) -> pd.DataFrame:
    """The grades as a reader reads them: one row per grade given (in grades.csv or by the
    reader), with the people and offices that take it from the body they speak for, and
    the sources nobody graded together in one row (F6: all weigh the same).

    Input: source_grades(). Output: GRADES_READ_COLUMNS (and "the data's grade" when a
    reader overrode one), the heaviest grade first; names within a cell are joined by
    "; ", which the page shows one per line. The export keeps one row per actor.
    """
    own = grades[grades["grade from"] == ""]
    takers = (
        grades[grades["grade from"] != ""]
        .groupby("grade from")["name"]
        .agg(lambda names: "; ".join(sorted(names)))
    )
    ungraded = own["graded as"] == UNGRADED
    graded = own[~ungraded]
    rows = graded.assign(**{"speaking for it": graded["name"].map(takers).fillna("")})
    rows = rows.sort_values(["weight", "graded as", "name"], ascending=[False, True, True])
    if ungraded.any():
        nobody = own[ungraded]
        rows = pd.concat([rows, pd.DataFrame({
            "name": ["; ".join(sorted(nobody["name"]))], "graded as": [UNGRADED],
            "weight": [nobody["weight"].iloc[0]], "reliability": [RELIABILITY["F"]],
            "credibility": [CREDIBILITY["6"]], "reasoning": [nobody["reasoning"].iloc[0]],
            "speaking for it": ["; ".join(sorted(
                name for body in nobody["name"] for name in takers.get(body, "").split("; ")
                if name))], "overridden": [False], "default grade": [UNGRADED],
        })])  # fmt: skip
    table = rows.drop(columns=["grade"]).rename(columns={"name": "source", "graded as": "grade"})
    columns = list(GRADES_READ_COLUMNS)
    if table["overridden"].any():
        table["the data's grade"] = table["default grade"].where(table["overridden"], "")
        columns.append("the data's grade")
    return table[columns].reset_index(drop=True)


def with_weights(latest: pd.DataFrame, grades: pd.DataFrame) -> pd.DataFrame:
    """Add each figure's `grade` (as weighed) and `weight` (float), by its claimant's
    grade or, failing one, the grade of the body the claimant speaks for."""
    by_actor = grades.set_index("actor_id")
    return latest.assign(
        grade=latest["claimant_id"].map(by_actor["graded as"]),
        weight=latest["claimant_id"].map(by_actor["weight"]).astype(float),
    )


BOUND_ONLY = ("upper bound", "lower bound")
WEIGHTED_COLUMNS = ["measure", "window", "sources", "unweighted mean", "weighted estimate",
                    "lowest latest", "highest latest", "bounds, not averaged", "measure_id",
                    "window_end"]  # fmt: skip


def _bounds_listing(latest: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Per window, the figures that are only a bound: 'NIS: up to 12,000; …'."""
    bounds = latest[latest["bound"].isin(BOUND_ONLY)]
    words = bounds["bound"].map({"upper bound": "up to ", "lower bound": "at least "})
    items = bounds["origin"] + ": " + words + format_count(bounds["point"])
    return items.groupby([bounds[key] for key in keys], sort=True).agg("; ".join)


def weighted_estimates(latest: pd.DataFrame) -> pd.DataFrame:
    """Per measure and window: the grade-weighted mean of each independent source's latest
    figure. Input: with_weights(latest figures per measure and window). A figure that is
    only a bound is never averaged as if it were a point: it is listed apart."""
    keys = ["measure", "window_end"]
    if latest.empty:
        return pd.DataFrame(columns=WEIGHTED_COLUMNS)
    points = latest.assign(
        _point=latest["point"].astype(float).where(~latest["bound"].isin(BOUND_ONLY)),
        _weight=latest["weight"].astype(float).where(~latest["bound"].isin(BOUND_ONLY)),
    )
    points["_weighted"] = points["_point"] * points["_weight"]
    table = points.groupby(keys, sort=True).agg(
        label=("measure_label", "first"), window=("window", "first"), sources=("claim_id", "size"),
        mean=("_point", "mean"), weighted=("_weighted", "sum"), weights=("_weight", "sum"),
        lowest=("_point", "min"), highest=("_point", "max"), points=("_point", "count"),
    )  # fmt: skip
    estimate = (table["weighted"] / table["weights"]).round().where(table["points"] > 0)
    table["bounds, not averaged"] = _bounds_listing(latest, keys)
    table = table.reset_index()
    table = pd.DataFrame(
        {
            "measure": table["label"],
            "window": table["window"],
            "sources": table["sources"].astype("int64"),
            "unweighted mean": table["mean"].to_numpy(),
            "weighted estimate": estimate.to_numpy(),
            "lowest latest": table["lowest"].to_numpy(),
            "highest latest": table["highest"].to_numpy(),
            "bounds, not averaged": table["bounds, not averaged"].fillna("").to_numpy(),
            "measure_id": table["measure"],
            "window_end": table["window_end"],
        },
        columns=WEIGHTED_COLUMNS,
    ).astype({"unweighted mean": "Float64", "weighted estimate": "Int64",
              "lowest latest": "Float64", "highest latest": "Float64"})  # fmt: skip
    # A mean of head counts is read, and exported, in whole people (present.readable_numbers).
    table.attrs["decimals"] = {"unweighted mean": 0}
    return table


LEAVE_ONE_OUT_COLUMNS = ["measure", "window", "source left out", "its figure", "its weight",
                         "estimate with all", "estimate without it", "shift",
                         "shift %"]  # fmt: skip


def leave_one_out(latest: pd.DataFrame) -> pd.DataFrame:
    """How far the weighted estimate moves when each source is left out in turn, per
    measure and window with two or more point figures (bounds are never averaged)."""
    keys = ["measure", "window_end"]
    points = latest[~latest["bound"].isin(BOUND_ONLY)]
    points = points[points.groupby(keys)["claim_id"].transform("size") >= 2]
    if points.empty:
        return pd.DataFrame(columns=LEAVE_ONE_OUT_COLUMNS)
    weights, values = points["weight"].astype(float), points["point"].astype(float)
    groups = [points[key] for key in keys]
    total = weights.groupby(groups).transform("sum")
    weighted = (values * weights).groupby(groups).transform("sum")
    full = (weighted / total).round()
    # Leaving source i out removes its share from both sums: no refit needed.
    without = ((weighted - values * weights) / (total - weights)).round()
    table = pd.DataFrame(
        {
            "measure": points["measure_label"],
            "window": points["window"],
            "source left out": points["origin"],
            "its figure": values,
            "its weight": weights.round(2),
            "estimate with all": full,
            "estimate without it": without,
            "shift": without - full,
            "shift %": (100 * (without - full) / full).round(1),
        }
    )
    # latest_by_source ordered the rows by measure, window and source already.
    return table.reset_index(drop=True)[LEAVE_ONE_OUT_COLUMNS]


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
_GRADE_WORDS = "a letter A–F (source reliability) and a digit 1–6 (information credibility)"
EXPORTED_COLUMNS = {
    "source_grades": {
        "actor_id": Column("string", "The actor (actors.csv `actor_id`)."),
        "name": Column("string", "The actor's name."),
        "graded as": Column(
            "string",
            f"The grade that weighs its claims: {_GRADE_WORDS}; its own, or inherited from the "
            "body it speaks for.",
        ),
        "grade from": Column("string", "The body whose grade it inherits; empty if its own."),
        "weight": Column(
            "number",
            "The weight of its figures: the reliability weight times the credibility weight.",
        ),
        "reliability": Column("string", "What the grade's letter means (NATO AJP-2.1)."),
        "credibility": Column("string", "What the grade's digit means (NATO AJP-2.1)."),
        "reasoning": Column("string", "Why this grade (grades.csv `reasoning`)."),
        "default grade": Column("string", f"The grade in grades.csv: {_GRADE_WORDS}; F6 if none."),
        "grade": Column("string", "The grade used: the reader's override, else the default."),
        "overridden": Column("boolean", "Whether the grade_overrides parameter set it."),
    },
    "weighted_estimates": {
        "measure": MEASURE,
        "window": WINDOW,
        "sources": Column("integer", "How many independent sources' latest point figures."),
        "unweighted mean": Column("integer", "The plain mean of those figures, rounded."),
        "weighted estimate": Column(
            "integer", "Their mean weighted by each source's grade weight, rounded."
        ),
        "lowest latest": Column("number", "The lowest latest point figure."),
        "highest latest": Column("number", "The highest latest point figure."),
        "bounds, not averaged": Column(
            "string", "Figures that are only a bound ('up to', 'at least'), listed apart."
        ),
        "measure_id": MEASURE_ID,
        "window_end": WINDOW_END,
    },
    "leave_one_out": {
        "measure": MEASURE,
        "window": WINDOW,
        "source left out": INDEPENDENT_SOURCE,
        "its figure": Column("number", "That source's latest point figure."),
        "its weight": Column("number", "That source's grade weight."),
        "estimate with all": Column("integer", "The weighted estimate with every source."),
        "estimate without it": Column("integer", "The weighted estimate without this source."),
        "shift": Column("integer", "Estimate without it minus estimate with all."),
        "shift %": Column("number", "The shift as a share of the estimate with all.", "per cent"),
    },
}
