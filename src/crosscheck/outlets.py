"""The same statement as different outlets carried it, and every way they differ.

Rows that report one real-world statement share a statement_key. For each
statement carried by two or more outlets, each field is compared across the
outlets; an outlet whose value is not the one most outlets give is flagged, with
both values. Nothing here reads the coders' notes: discrepancies are found in
the data itself.
"""

from __future__ import annotations

import pandas as pd

from crosscheck.estimates import qualifier_bound

# (field compared, what a difference in it means); compared in this order.
COMPARED_FIELDS = (
    ("claimant", "different attribution"),
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
    def text(row) -> str:
        values = [row["low"], row["best"], row["high"]]
        if all(pd.isna(v) for v in values):
            return ""
        return "/".join("–" if pd.isna(v) else f"{v:,.0f}" for v in values)

    return claims.apply(text, axis=1)


def comparable(labelled_claims: pd.DataFrame) -> pd.DataFrame:
    """The fields of each claim as they are compared across outlets."""
    claims = labelled_claims[labelled_claims["statement_key"].notna()]
    outlets = claims.groupby("statement_key")["article_id"].transform("nunique")
    claims = claims[outlets >= 2]
    return claims.assign(
        stated=claims["stated_on"].dt.strftime("%Y-%m-%d"),
        figure=_figure_text(claims),
        qualifier_reading=qualifier_bound(claims["qualifier"]).fillna(
            claims[["low", "best", "high"]]
            .notna()
            .any(axis=1)
            .map({True: "exact or range", False: ""})
        ),
        outlet_label=claims["outlet"] + claims["article_id"].map(lambda a: f" ({a})"),
    )


def discrepancies(labelled_claims: pd.DataFrame) -> pd.DataFrame:
    """Every field on which an outlet departs from what most outlets give for a statement."""
    claims = comparable(labelled_claims)
    rows = []
    for key, group in claims.groupby("statement_key", sort=True):
        for field, kind in COMPARED_FIELDS:
            values = group[field].fillna("")
            counts = values.value_counts()
            if len(counts) < 2:
                continue
            top = counts.max()
            majority = sorted(counts[counts == top].index)[0]
            for index, value in values[values != majority].items():
                claim = group.loc[index]
                rows.append(
                    {
                        "statement": key,
                        "kind": _kind(kind, field, value, majority),
                        "outlet": claim["outlet_label"],
                        "this outlet says": value or "(nothing)",
                        "most outlets say": majority or "(nothing)",
                        "outlets agreeing": int(top),
                        "claim": claim["claim_id"],
                    }
                )
    return pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)


def _kind(kind: str, field: str, value: str, majority: str) -> str:
    """Name a figure that differs by a power of ten as a likely typo."""
    if field != "figure" or not value or not majority:
        return kind
    ours = [float(v.replace(",", "")) for v in value.split("/") if v != "–"]
    theirs = [float(v.replace(",", "")) for v in majority.split("/") if v != "–"]
    if ours and theirs and min(ours) > 0 and min(theirs) > 0:
        ratio = max(ours) / max(theirs)
        if ratio >= 9.5 or ratio <= 1 / 9.5:
            return "figure that cannot be right as written (off by a factor of ten or more)"
    return kind


def statement_overview(labelled_claims: pd.DataFrame) -> pd.DataFrame:
    """Per statement carried by two or more outlets: who carried it and what they gave."""
    claims = comparable(labelled_claims)
    if claims.empty:
        return pd.DataFrame(
            columns=["statement", "outlets", "claimants given", "dates given", "figures given"]
        )
    table = claims.groupby("statement_key", sort=True).agg(
        outlets=("article_id", "nunique"),
        claimants_given=("claimant", lambda s: "; ".join(sorted(set(s)))),
        dates_given=("stated", lambda s: "; ".join(sorted(set(s)))),
        figures_given=("figure", lambda s: "; ".join(sorted(set(v for v in s if v)))),
    )
    table.columns = [c.replace("_", " ") for c in table.columns]
    return table.reset_index().rename(columns={"statement_key": "statement"})
