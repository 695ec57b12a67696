"""Numeric claims as intervals on one scale per measure, and how sources compare.

Figures that count different things (troops sent so far, troops committed,
troops being prepared) are kept apart: every comparison here is within one
measure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crosscheck.claims import labelled
from crosscheck.load import Dataset
from crosscheck.present import format_count

# How a coded figure becomes an interval. The coder records only what the source
# says (data/README.md, "Figures"); these rules say what the report reads into it.
# bound       low           point                  high
# exact       low           best                   high     (bare figure: all three equal)
# approximate best          best                   best     ("about 10,000": no margin invented)
# range       low           midpoint of low, high  high     ("10,000 to 12,000")
# upper bound (unknown)     high                   high     ("up to 12,000")
# lower bound low           low                    (none)   ("at least 3,000")
BOUND_KINDS = ("exact", "approximate", "range", "upper bound", "lower bound", "interval")

# Two latest figures within this ratio of each other, with overlapping
# intervals, are called consistent.
CONSISTENT_RATIO = 1.25


def intervals(claims: pd.DataFrame) -> pd.DataFrame:
    """Add interval_low, point, interval_high and the kind of bound to figured claims."""
    low, best, high = (claims[c].astype("Float64") for c in ("low", "best", "high"))
    has_low, has_best, has_high = low.notna(), best.notna(), high.notna()
    kind = pd.Series(
        np.select(
            [
                has_low & has_best & has_high & (low == best) & (best == high),
                has_best & ~has_low & ~has_high,
                has_low & has_high & ~has_best,
                has_high & ~has_low & ~has_best,
                has_low & ~has_high & ~has_best,
            ],
            ["exact", "approximate", "range", "upper bound", "lower bound"],
            default="interval",
        ),
        index=claims.index,
    )
    point = best.fillna((low + high) / 2).fillna(high).fillna(low)
    return claims.assign(
        interval_low=low.fillna(best),
        point=point,
        interval_high=high.fillna(best),
        bound=kind,
    )


def figures(dataset: Dataset) -> pd.DataFrame:
    """Every claim with a figure, labelled, as an interval, in date order."""
    claims = labelled(dataset)
    claims = claims[claims["measure"].notna()]
    return intervals(claims).sort_values(["measure", "stated_on", "claim_id"])


def figures_table(figured: pd.DataFrame) -> pd.DataFrame:
    """The figures as a reader compares them: one row per figure, grouped by measure."""
    return pd.DataFrame(
        {
            "measure": figured["measure_label"],
            "source": figured["claimant"],
            "relayed via": figured["relayed_via"].fillna(""),
            "stated": figured["stated_on"],
            "low": figured["interval_low"],
            "best": figured["point"],
            "high": figured["interval_high"],
            "as written": figured["qualifier"]
            .fillna("")
            .str.cat(
                format_count(figured["best"].fillna(figured["high"]).fillna(figured["low"])),
                sep=" ",
            )
            .str.strip(),
            "bound": figured["bound"],
            "unit": figured["unit"],
            "claim": figured["claim_id"],
        }
    ).reset_index(drop=True)


def latest_by_source(figured: pd.DataFrame) -> pd.DataFrame:
    """Each source's most recent figure for each measure (ties: the later claim id)."""
    ordered = figured.sort_values(["measure", "claimant_id", "stated_on", "claim_id"])
    return ordered.groupby(["measure", "claimant_id"], sort=True).tail(1)


def _all_overlap(latest: pd.DataFrame) -> bool:
    lows = latest["interval_low"].fillna(0)
    highs = latest["interval_high"].fillna(np.inf)
    return bool(lows.max() <= highs.min())


def compare_measures(figured: pd.DataFrame) -> pd.DataFrame:
    """Per measure: sources, envelope, spread of latest figures, and a plain verdict."""
    rows = []
    for measure, group in figured.groupby("measure", sort=True):
        latest = latest_by_source(group)
        points = latest["point"].astype(float)
        spread = float(points.max() / points.min()) if points.min() > 0 else np.inf
        overlap = _all_overlap(latest)
        sources = latest["claimant_id"].nunique()
        if sources == 1:
            verdict = "single source"
        elif overlap and spread <= CONSISTENT_RATIO:
            verdict = "consistent"
        elif overlap:
            verdict = f"ranges overlap; best figures differ by {spread:.1f}×"
        else:
            verdict = f"differ by {spread:.1f}×"
        rows.append(
            {
                "measure": group["measure_label"].iloc[0],
                "unit": group["unit"].iloc[0],
                "figures": len(group),
                "sources": sources,
                "lowest": group["interval_low"].fillna(group["point"]).min(),
                "highest": group["interval_high"].fillna(group["point"]).max(),
                "latest by source": "; ".join(
                    f"{name}: {value:,.0f} ({day:%d %b})".replace("(0", "(")
                    for name, value, day in zip(
                        latest["claimant"], latest["point"], latest["stated_on"], strict=True
                    )
                ),
                "spread": round(spread, 2) if np.isfinite(spread) else None,
                "intervals overlap": "yes" if overlap else "no",
                "verdict": verdict,
                "measure_id": measure,
            }
        )
    return pd.DataFrame(rows)


def ranges_title(comparison: pd.DataFrame) -> str:
    """A chart title that states what the comparison found."""
    if comparison.empty:
        return "No figures recorded"
    disagreeing = comparison.loc[comparison["verdict"].str.startswith("differ"), "measure"]
    if disagreeing.empty:
        return (
            "Within each measure the sources do not contradict each other: "
            "the figures differ because they count different things"
        )
    return f"Sources disagree on: {'; '.join(disagreeing)}"
