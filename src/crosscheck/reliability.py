"""Source grades on the NATO / Admiralty scale, and estimates weighted by them.

Source reliability runs from A (completely reliable) to F (reliability cannot be
judged); information credibility from 1 (confirmed by other sources) to 6
(truth cannot be judged) (NATO AJP-2.1; US Army FM 2-22.3, appendix B). The
default grades, with the reasoning for each, are data (data/grades.csv); a
reader can override any of them (the grade_overrides parameter).
"""

from __future__ import annotations

import re

import pandas as pd

from crosscheck.estimates import latest_by_source

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
# numbers. 'Cannot be judged' (F, 6) sits between doubtful and improbable, so
# an ungraded source neither dominates nor vanishes.
RELIABILITY_WEIGHTS = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.1, "F": 0.3}
CREDIBILITY_WEIGHTS = {"1": 1.0, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.1, "6": 0.3}
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
    table["weight"] = table["grade"].str[0].map(RELIABILITY_WEIGHTS) * table["grade"].str[1].map(
        CREDIBILITY_WEIGHTS
    )
    reasoning = (
        by_actor["reasoning"].reindex(table["actor_id"]).to_numpy()
        if by_actor is not None
        else [None] * len(table)
    )
    table["reasoning"] = pd.Series(reasoning, index=table.index).fillna(
        "not graded: reliability and credibility cannot be judged"
    )
    return table.reset_index(drop=True)


def weighted_estimates(statements: pd.DataFrame, grades: pd.DataFrame) -> pd.DataFrame:
    """Per measure: the grade-weighted mean of each independent source's latest figure."""
    weight_of = grades.set_index("actor_id")["weight"]
    rows = []
    for measure, group in statements.groupby("measure", sort=True):
        latest = latest_by_source(group)
        weights = latest["origin_id"].map(weight_of).fillna(0.09).astype(float)
        points = latest["point"].astype(float)
        rows.append(
            {
                "measure": group["measure_label"].iloc[0],
                "sources": len(latest),
                "unweighted mean": points.mean(),
                "weighted estimate": round(float((points * weights).sum() / weights.sum())),
                "lowest latest": points.min(),
                "highest latest": points.max(),
                "measure_id": measure,
            }
        )
    return pd.DataFrame(rows)


def leave_one_out(statements: pd.DataFrame, grades: pd.DataFrame) -> pd.DataFrame:
    """How far the weighted estimate moves when each source is left out in turn."""
    weight_of = grades.set_index("actor_id")["weight"]
    columns = ["measure", "source left out", "its figure", "its weight", "estimate with all",
               "estimate without it", "shift", "shift %"]  # fmt: skip
    frames = []
    for _, group in statements.groupby("measure", sort=True):
        latest = latest_by_source(group)
        if len(latest) < 2:
            continue
        weights = latest["origin_id"].map(weight_of).fillna(0.09).astype(float)
        points = latest["point"].astype(float)
        total, weighted = weights.sum(), (points * weights).sum()
        full = round(float(weighted / total))
        # Leaving source i out removes its share from both sums: no refit needed.
        without = ((weighted - points * weights) / (total - weights)).round()
        frames.append(
            pd.DataFrame(
                {
                    "measure": latest["measure_label"],
                    "source left out": latest["origin"],
                    "its figure": points,
                    "its weight": weights.round(2),
                    "estimate with all": full,
                    "estimate without it": without,
                    "shift": without - full,
                    "shift %": (100 * (without - full) / full).round(1),
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
