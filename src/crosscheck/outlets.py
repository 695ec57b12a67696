"""The same statement as different outlets carried it, and every way a copy departs from
the version that stands for it.

Rows that report one real-world statement share a statement_key. For each
statement carried by two or more outlets, each field of each copy is compared with
the standing version (versions.py: the copy most copies agree with); a copy that
departs from it is flagged, with both values. The standing copy is never flagged,
so when two outlets differ only the one that departs from the standing version is.
Nothing here reads the coders' notes: discrepancies are found in the data itself.
"""

from __future__ import annotations

import pandas as pd

from crosscheck.columns import joined_distinct
from crosscheck.datapackage import Column
from crosscheck.versions import COMPARED_FIELDS, compared_values

DISCREPANCY_COLUMNS = [
    "statement",
    "kind",
    "outlet",
    "this copy says",
    "the standing version says",
    "copies agreeing with it",
    "claim",
]


def comparable(copies: pd.DataFrame) -> pd.DataFrame:
    """The copies of statements carried by two or more outlets, with the value of each
    compared field (versions.compared_values) and an outlet label naming the article.
    Input: labelled copies marked by versions.mark_standing."""
    outlets = copies.groupby("statement")["article_id"].transform("nunique")
    shared = copies[copies["statement_key"].notna() & (outlets >= 2)]
    values = compared_values(shared)
    return pd.concat([shared.drop(columns=values.columns, errors="ignore"), values], axis=1).assign(
        outlet_label=shared["outlet"] + " (" + shared["article_id"] + ")"
    )


def discrepancies(copies: pd.DataFrame) -> pd.DataFrame:
    """Every field on which a copy departs from its statement's standing version. A copy
    that gives nothing for a field (no date, no figure) is not flagged for it.
    Columns: DISCREPANCY_COLUMNS, ordered by statement, field and outlet."""
    claims = comparable(copies)
    if claims.empty:
        return pd.DataFrame(columns=DISCREPANCY_COLUMNS)
    standing = claims[claims["standing"]].set_index("statement")
    frames = []
    for order, (field, kind) in enumerate(COMPARED_FIELDS):
        theirs = claims["statement"].map(standing[field])
        agreeing = (claims[field] == theirs).groupby(claims["statement"]).sum()
        # A figure or measure the standing version does not give is a departure too.
        adds = field in ADDED_FIELDS
        departs = claims[
            (claims[field] != "") & ((theirs != "") | adds) & (claims[field] != theirs)
        ]
        if departs.empty:
            continue
        reference = departs["statement"].map(standing[field])
        frames.append(
            pd.DataFrame(
                {
                    "statement": departs["statement"],
                    "kind": [
                        _kind(kind, field, value, other)
                        for value, other in zip(departs[field], reference, strict=True)
                    ],
                    "outlet": departs["outlet_label"],
                    "this copy says": departs[field],
                    "the standing version says": reference,
                    "copies agreeing with it": departs["statement"].map(agreeing).astype("int64"),
                    "claim": departs["claim_id"],
                    "_order": order,
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=DISCREPANCY_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["statement", "_order", "outlet"], ignore_index=True)[
        DISCREPANCY_COLUMNS
    ]


ADDED_FIELDS = ("figure", "measure_label")


def _numbers(figure: str) -> list[float]:
    return [float(v.replace(",", "")) for v in figure.split("–") if v.strip()]


def _kind(kind: str, field: str, value: str, other: str) -> str:
    """Name a figure that differs from the standing one by a factor of ten as a likely typo."""
    if field in ADDED_FIELDS and value and not other:
        return f"{kind}: one the standing version does not give"
    if field != "figure" or not value or not other:
        return kind
    ours, theirs = _numbers(value), _numbers(other)
    if ours and theirs and min(ours) > 0 and min(theirs) > 0:
        ratio = max(ours) / max(theirs)
        if ratio >= 9.5 or ratio <= 1 / 9.5:
            return "figure that cannot be right as written (off by a factor of ten or more)"
    return kind


OVERVIEW_COLUMNS = ["statement", "outlets", "standing version", "claimants given", "dates given",
                    "figures given"]  # fmt: skip


def statement_overview(copies: pd.DataFrame) -> pd.DataFrame:
    """Per statement carried by two or more outlets: who carried it, the copy that stands
    for it, and what the copies gave (an undated copy shows 'by publication (day)')."""
    claims = comparable(copies)
    if claims.empty:
        return pd.DataFrame(columns=OVERVIEW_COLUMNS)

    statement = claims["statement"]
    table = pd.DataFrame({"outlets": claims.groupby("statement", sort=True)["outlet"].nunique()})
    for column, name in (("claimant", "claimants_given"), ("stated_label", "dates_given"),
                         ("figure", "figures_given")):  # fmt: skip
        table[name] = joined_distinct(statement, claims[column])
    table["standing version"] = claims[claims["standing"]].set_index("statement")["outlet_label"]
    table.columns = [column.replace("_", " ") for column in table.columns]
    return table.reset_index()[OVERVIEW_COLUMNS]


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
_STATEMENT = Column("string", "The statement: claims.csv `statement_key`.")
EXPORTED_COLUMNS = {
    "discrepancies": {
        "statement": _STATEMENT,
        "kind": Column("string", "On what the copy departs ('different date', …)."),
        "outlet": Column("string", "The outlet of the departing copy, with its article id."),
        "this copy says": Column("string", "The copy's value of the field."),
        "the standing version says": Column("string", "The standing version's value."),
        "copies agreeing with it": Column(
            "integer", "How many copies give the standing version's value."
        ),
        "claim": Column("string", "The departing copy's claim id."),
    },
    "outlet_statements": {
        "statement": _STATEMENT,
        "outlets": Column("integer", "How many distinct outlets carried the statement."),
        "standing version": Column(
            "string", "The copy that stands for it (most copies agree with it): outlet, article."
        ),
        "claimants given": Column("string", "The claimants the copies name, separated by '; '."),
        "dates given": Column("string", "The days the copies give, separated by '; '."),
        "figures given": Column("string", "The figures the copies give, separated by '; '."),
    },
}
