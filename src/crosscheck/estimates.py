"""Numeric claims as intervals on one scale per measure, and how sources compare.

Figures that count different things (troops sent so far, troops committed,
troops being prepared) are kept apart: every comparison here is within one
measure, and no figure is ever averaged with a figure of another measure.
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np
import pandas as pd

from crosscheck import ladder
from crosscheck.claims import labelled
from crosscheck.load import Dataset
from crosscheck.provenance import with_origins

# The qualifier rules (data/README.md, "Figures: low, best, high"): which words
# set which end of an interval. A coder records only what the source says; the
# report reads an interval into it by these rules and checks the coding
# against them. Matching is on whole words at the start of the qualifier.
QUALIFIER_RULES = pd.DataFrame(
    [
        ("up to", "upper bound", "high"),
        ("as many as", "upper bound", "high"),
        ("at most", "upper bound", "high"),
        ("at least", "lower bound", "low"),
        ("more than", "lower bound", "low"),
        ("over", "lower bound", "low"),
        ("about", "approximate", "best"),
        ("around", "approximate", "best"),
        ("approximately", "approximate", "best"),
        ("roughly", "approximate", "best"),
        ("some", "approximate", "best"),
        ("nearly", "approximate", "best"),
        ("almost", "approximate", "best"),
        ("double", "multiple", "low, best, high"),
    ],
    columns=["qualifier", "bound", "fields set"],
)

# How a coded figure becomes an interval (low, point, high):
# bound        low                 point                 high
# exact        low                 best                  high      bare figure: all three equal
# approximate  best × (1 − margin) best                  best × (1 + margin)
#                                                                  margin 0 unless a reader sets it
# range        low                 midpoint of low, high high      "10,000 to 12,000"
# upper bound  (open)              high                  high      "up to 12,000"
# lower bound  low                 low                   (open)    "at least 3,000"
INTERVAL_RULES = pd.DataFrame(
    [
        ("exact", "low", "best", "high", "a bare figure: low = best = high"),
        ("approximate", "best × (1 − margin)", "best", "best × (1 + margin)",
         "about / around / some: margin is 0 unless a reader sets approximate_margin"),
        ("range", "low", "midpoint of low and high", "high", "a range: 10,000 to 12,000"),
        ("upper bound", "open", "high", "high", "up to / as many as: no floor is read in"),
        ("lower bound", "low", "low", "open", "at least / more than: no ceiling is read in"),
    ],
    columns=["bound", "low", "point", "high", "meaning"],
)  # fmt: skip

# Two latest figures within this ratio of each other, with overlapping
# intervals, are called consistent.
CONSISTENT_RATIO = 1.25


def qualifier_bound(qualifier: pd.Series) -> pd.Series:
    """The kind of bound a qualifier word sets ('up to' → 'upper bound'); NA if none known."""
    words = qualifier.fillna("").str.lower().str.strip()
    result = pd.Series(pd.NA, index=qualifier.index, dtype="string")
    for word, bound in QUALIFIER_RULES[["qualifier", "bound"]].itertuples(index=False):
        result = result.mask(result.isna() & words.str.match(rf"{re.escape(word)}\b"), bound)
    return result


def intervals(claims: pd.DataFrame, approximate_margin: float = 0.0) -> pd.DataFrame:
    """Add interval_low, point, interval_high and the kind of bound to figured claims."""
    if not 0 <= approximate_margin < 1:
        raise ValueError("approximate_margin must be at least 0 and below 1 (0.1 means ±10%)")
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
    approximate = kind == "approximate"
    point = best.fillna((low + high) / 2).fillna(high).fillna(low)
    interval_low = low.fillna(best).mask(approximate, best * (1 - approximate_margin))
    interval_high = high.fillna(best).mask(approximate, best * (1 + approximate_margin))
    return claims.assign(
        interval_low=interval_low, point=point, interval_high=interval_high, bound=kind
    )


def figures(dataset: Dataset, approximate_margin: float = 0.0) -> pd.DataFrame:
    """Every claim with a figure: labelled, traced to its source, as an interval, ranked
    on the ladder of how far it is established, in date order."""
    claims = with_origins(dataset, labelled(dataset))
    claims = claims[claims["measure"].notna()]
    figured = intervals(claims, approximate_margin)
    figured = figured.assign(
        statement=figured["statement_key"].fillna(figured["claim_id"]),
        hedges=ladder.hedges(figured["evidence"]),
    )
    figured = ladder.with_rungs(figured, dataset.actors)
    return figured.sort_values(["measure", "stated_on", "claim_id"])


def statements(figured: pd.DataFrame) -> pd.DataFrame:
    """One row per statement: outlets that carried the same statement count once.

    Where outlets disagree on the figure, the one most of them give stands for the
    statement (ties: the earliest claim id); the outlets chapter shows the rest.
    """
    if figured.empty:
        return figured.assign(outlets=pd.Series(dtype="int64"))
    counts = figured.groupby(["statement", "point"], dropna=False)["claim_id"].transform("count")
    ranked = figured.assign(_support=counts).sort_values(
        ["statement", "_support", "claim_id"], ascending=[True, False, True]
    )
    chosen = ranked.drop_duplicates("statement").drop(columns="_support")
    outlets = figured.groupby("statement")["article_id"].nunique()
    chosen = chosen.assign(outlets=chosen["statement"].map(outlets).astype("int64"))
    return chosen.sort_values(["measure", "stated_on", "claim_id"])


def figures_table(figured: pd.DataFrame) -> pd.DataFrame:
    """The figures as a reader compares them: one row per figure, grouped by measure."""
    written = figured["best"].fillna(figured["high"]).fillna(figured["low"])
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
            .str.cat(written.map(lambda v: "" if pd.isna(v) else f"{v:,.0f}"), sep=" ")
            .str.strip(),
            "bound": figured["bound"],
            "unit": figured["unit"],
            "established as": figured["rung_label"],
            "hedged words": figured["hedges"],
            "outlets": figured.get("outlets", 1),
            "claim": figured["claim_id"],
        }
    ).reset_index(drop=True)


def latest_by_source(figured: pd.DataFrame) -> pd.DataFrame:
    """Each independent source's most recent figure for each measure."""
    ordered = figured.sort_values(["measure", "origin_id", "stated_on", "claim_id"])
    return ordered.groupby(["measure", "origin_id"], sort=True).tail(1)


def _open_interval(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Intervals with open ends made explicit: no floor is 0, no ceiling is infinite."""
    return rows["interval_low"].fillna(0).astype(float), rows["interval_high"].fillna(
        np.inf
    ).astype(float)


def _all_overlap(latest: pd.DataFrame) -> bool:
    lows, highs = _open_interval(latest)
    return bool(lows.max() <= highs.min())


# Sources named in the "latest by source" cell; the table of figures has them all.
MAX_LISTED_SOURCES = 8


def _latest_listing(latest: pd.DataFrame) -> str:
    recent = latest.sort_values(["stated_on", "claim_id"], ascending=False)
    text = "; ".join(
        f"{name}: {value:,.0f} ({day:%-d %b %Y})"
        for name, value, day in zip(
            recent["origin"].iloc[:MAX_LISTED_SOURCES],
            recent["point"].iloc[:MAX_LISTED_SOURCES],
            recent["stated_on"].iloc[:MAX_LISTED_SOURCES],
            strict=True,
        )
    )
    if len(recent) > MAX_LISTED_SOURCES:
        text += f"; and {len(recent) - MAX_LISTED_SOURCES:,} more sources"
    return text


def verdict(sources: int, overlap: bool, spread: float) -> str:
    """The plain-language verdict on one measure's latest figures."""
    if sources <= 1:
        return "single source"
    if overlap and spread <= CONSISTENT_RATIO:
        return "consistent"
    if overlap:
        return f"ranges overlap; best figures differ by {spread:.1f}×"
    return f"differ by {spread:.1f}×"


def compare_measures(statements_: pd.DataFrame) -> pd.DataFrame:
    """Per measure: sources, envelope, spread of latest figures, and a plain verdict."""
    rows = []
    for measure, group in statements_.groupby("measure", sort=True):
        latest = latest_by_source(group)
        points = latest["point"].astype(float)
        spread = float(points.max() / points.min()) if points.min() > 0 else np.inf
        overlap = _all_overlap(latest)
        sources = latest["origin_id"].nunique()
        rows.append(
            {
                "measure": group["measure_label"].iloc[0],
                "unit": group["unit"].iloc[0],
                "figures": len(group),
                "independent sources": sources,
                "lowest": group["interval_low"].fillna(group["point"]).min(),
                "highest": group["interval_high"].fillna(group["point"]).max(),
                "latest by source": _latest_listing(latest),
                "spread": round(spread, 2) if np.isfinite(spread) else None,
                "intervals overlap": "yes" if overlap else "no",
                "verdict": verdict(sources, overlap, spread),
                "best established as": ladder.RUNGS[int(latest["rung"].max())],
                "measure_id": measure,
            }
        )
    return pd.DataFrame(rows)


# Pairs grow with the square of the sources: beyond a dozen a table of them helps no one.
MAX_PAIR_SOURCES = 12


def overlap_pairs(statements_: pd.DataFrame) -> pd.DataFrame:
    """Every pair of independent sources' latest figures on one measure: overlap or not.
    Per measure, the MAX_PAIR_SOURCES sources that gave most figures are paired."""
    columns = ["measure", "source A", "figure A", "source B", "figure B", "intervals", "ratio"]
    rows = []
    for _, group in statements_.groupby("measure", sort=True):
        busiest = group["origin_id"].value_counts().sort_index(kind="stable")
        busiest = busiest.sort_values(ascending=False, kind="stable").index[:MAX_PAIR_SOURCES]
        latest = latest_by_source(group[group["origin_id"].isin(busiest)])
        lows, highs = (values.to_numpy() for values in _open_interval(latest))
        points = latest["point"].astype(float).to_numpy()
        names = latest["origin"].to_numpy()
        label = group["measure_label"].iloc[0]
        for a, b in combinations(range(len(latest)), 2):
            overlap = max(lows[a], lows[b]) <= min(highs[a], highs[b])
            ratio = max(points[a], points[b]) / min(points[a], points[b])
            rows.append([label, names[a], points[a], names[b], points[b],
                         "overlap" if overlap else "disjoint", round(float(ratio), 2)])  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


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
