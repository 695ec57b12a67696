"""The same statement as different outlets carried it, and every way they differ.

Rows that report one real-world statement share a statement_key. For each
statement carried by two or more outlets, each field is compared across the
outlets; an outlet whose value is not the one most outlets give is flagged, with
both values. Nothing here reads the coders' notes: discrepancies are found in
the data itself.
"""

from __future__ import annotations

import pandas as pd

from crosscheck.claims import labelled
from crosscheck.estimates import qualifier_bound
from crosscheck.load import Dataset
from crosscheck.provenance import with_origins

# (field compared, what a difference in it means); compared in this order.
COMPARED_FIELDS = (
    ("origin", "different attribution"),
    ("stated", "different date"),
    ("measure_label", "different measure"),
    ("stance_label", "different stance"),
    ("figure", "different figure"),
    ("qualifier_reading", "different qualifier"),
)
DISCREPANCY_COLUMNS = [
    "statement",
    "kind",
    "outlet",
    "this outlet says",
    "most outlets say",
    "outlets agreeing",
    "claim",
]


def _figure_text(claims: pd.DataFrame) -> pd.Series:
    """The number an outlet gives, whatever its qualifier: '12,000', or '6,000–12,000' for
    a range. 'About 3,000' and '3,000' give the same number; the qualifier is compared
    on its own."""

    def text(row) -> str:
        low, best, high = row["low"], row["best"], row["high"]
        if pd.notna(low) and pd.notna(high) and low != high:
            return f"{low:,.0f}–{high:,.0f}"
        for value in (best, low, high):
            if pd.notna(value):
                return f"{value:,.0f}"
        return ""

    return claims.apply(text, axis=1)


def comparable(dataset: Dataset) -> pd.DataFrame:
    """The fields of each claim as they are compared across outlets. Attribution is
    compared by the body a claimant speaks for (an agency's director is the agency);
    a date is compared only where the outlet gives one."""
    claims = with_origins(dataset, labelled(dataset))
    claims = claims[claims["statement_key"].notna()]
    outlets = claims.groupby("statement_key")["article_id"].transform("nunique")
    claims = claims[outlets >= 2]
    stated = claims["stated_on"].dt.strftime("%Y-%m-%d")
    return claims.assign(
        stated=stated.where(claims["stated_precision"] != "unknown", ""),
        figure=_figure_text(claims),
        qualifier_reading=qualifier_bound(claims["qualifier"]).fillna(
            claims[["low", "best", "high"]]
            .notna()
            .any(axis=1)
            .map({True: "exact or range", False: ""})
        ),
        outlet_label=claims["outlet"] + claims["article_id"].map(lambda a: f" ({a})"),
    )


def discrepancies(dataset: Dataset) -> pd.DataFrame:
    """Every field on which an outlet departs from what most outlets give for a statement.
    An outlet that gives nothing for a field (no date, no figure) is not counted. A tie
    has no majority: every version is then flagged against the others."""
    claims = comparable(dataset)
    frames = []
    for field, kind in COMPARED_FIELDS:
        values = claims[["statement_key", field, "outlet_label", "claim_id"]].rename(
            columns={field: "value"}
        )
        values = values[values["value"].fillna("") != ""]
        counts = values.groupby(["statement_key", "value"]).size().rename("n").reset_index()
        counts = counts[counts.groupby("statement_key")["value"].transform("size") >= 2]
        if counts.empty:
            continue
        counts["top"] = counts.groupby("statement_key")["n"].transform("max")
        leaders = (
            counts[counts["n"] == counts["top"]]
            .sort_values(["statement_key", "value"])
            .groupby("statement_key")
            .agg(leaders=("value", list), top=("top", "first"))
        )
        rows = values.merge(leaders, left_on="statement_key", right_index=True)
        single = rows["leaders"].str.len() == 1
        majority = rows["leaders"].map(" | ".join)
        rows = rows[~single | (rows["value"] != majority)].assign(majority=majority)
        frames.append(
            pd.DataFrame(
                {
                    "statement": rows["statement_key"],
                    "kind": [
                        _kind(kind, field, value, [v for v in leaders if v != value])
                        for value, leaders in zip(rows["value"], rows["leaders"], strict=True)
                    ],
                    "outlet": rows["outlet_label"],
                    "this outlet says": rows["value"],
                    "most outlets say": rows["majority"].where(
                        rows["leaders"].str.len() == 1, "no majority: " + rows["majority"]
                    ),
                    "outlets agreeing": rows["top"].astype("int64"),
                    "claim": rows["claim_id"],
                    "_order": COMPARED_FIELDS.index((field, kind)),
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=DISCREPANCY_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["statement", "_order", "outlet"], ignore_index=True)[
        DISCREPANCY_COLUMNS
    ]


def _numbers(figure: str) -> list[float]:
    return [float(v.replace(",", "")) for v in figure.split("–") if v.strip()]


def _kind(kind: str, field: str, value: str, others: list[str]) -> str:
    """Name a figure that differs from the others by a factor of ten as a likely typo."""
    if field != "figure" or not value:
        return kind
    ours = _numbers(value)
    for other in others:
        theirs = _numbers(other) if other else []
        if ours and theirs and min(ours) > 0 and min(theirs) > 0:
            ratio = max(ours) / max(theirs)
            if ratio >= 9.5 or ratio <= 1 / 9.5:
                return "figure that cannot be right as written (off by a factor of ten or more)"
    return kind


def statement_overview(dataset: Dataset) -> pd.DataFrame:
    """Per statement carried by two or more outlets: who carried it and what they gave."""
    claims = comparable(dataset)
    if claims.empty:
        return pd.DataFrame(
            columns=["statement", "outlets", "claimants given", "dates given", "figures given"]
        )
    table = claims.groupby("statement_key", sort=True).agg(
        outlets=("article_id", "nunique"),
        claimants_given=("claimant", lambda s: "; ".join(sorted(set(s)))),
        dates_given=("stated", lambda s: "; ".join(sorted(set(v for v in s if v)))),
        figures_given=("figure", lambda s: "; ".join(sorted(set(v for v in s if v)))),
    )
    table.columns = [c.replace("_", " ") for c in table.columns]
    return table.reset_index().rename(columns={"statement_key": "statement"})
