"""What changed since the previous build: claims added, removed or revised, estimates moved.

Each build keeps a snapshot of the claims it used (reports/data/claims_snapshot.csv)
and its comparison per measure; the next build in the same folder compares
itself with them, so a reader of an updated report sees the difference.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from crosscheck import schema
from crosscheck.datapackage import CLAIM, MEASURE, Column, input_columns
from crosscheck.load import Dataset

SNAPSHOT = "claims_snapshot.csv"
COMPARISON = "estimate_headlines.csv"


def snapshot(dataset: Dataset) -> pd.DataFrame:
    """The claims as recorded in the data, one row each, in id order."""
    columns = list(schema.CLAIMS.columns)
    return dataset.claims[columns].sort_values("claim_id").reset_index(drop=True)


def _read(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def previous_snapshot(previous_dir: str | Path | None) -> pd.DataFrame | None:
    return None if previous_dir is None else _read(Path(previous_dir) / SNAPSHOT)


def claim_changes(before: pd.DataFrame | None, after: pd.DataFrame) -> pd.DataFrame:
    """One row per claim added, removed or revised (naming the columns that changed)."""
    columns = ["change", "claim", "what changed", "summary now", "summary before"]
    if before is None:
        return pd.DataFrame(columns=columns)
    text = after.astype("string").fillna("").astype(str).set_index("claim_id")
    old = before.astype(str).set_index("claim_id").reindex(columns=text.columns, fill_value="")
    rows = [
        ("added", claim, "", text.at[claim, "summary"], "")
        for claim in text.index.difference(old.index)
    ] + [
        ("removed", claim, "", "", old.at[claim, "summary"])
        for claim in old.index.difference(text.index)
    ]
    shared = text.index.intersection(old.index)
    differs = text.loc[shared] != old.loc[shared]
    for claim in shared[differs.any(axis=1)]:
        changed = ", ".join(differs.columns[differs.loc[claim]])
        rows.append(("revised", claim, changed, text.at[claim, "summary"],
                     old.at[claim, "summary"]))  # fmt: skip
    return pd.DataFrame(rows, columns=columns).sort_values(["change", "claim"], ignore_index=True)


MOVE_COLUMNS = ["measure", "before", "now", "trend before", "trend now"]


def estimate_moves(previous_dir: str | Path | None, headlines: pd.DataFrame) -> pd.DataFrame:
    """Per measure: its latest comparison and its trend before and now, where either moved.

    Input: the headlines as chapter 2 shows and exports them (estimates.headline_table:
    measure, latest comparison, trend) and the previous build's export of them. Both
    are compared as text, as written, so a build of the same data with the same
    parameters shows no move."""
    before = None if previous_dir is None else _read(Path(previous_dir) / COMPARISON)
    if before is None:
        return pd.DataFrame(columns=MOVE_COLUMNS)
    fields = ["latest comparison", "trend"]
    now = headlines.astype("string").fillna("").set_index("measure")[fields]
    old = before.set_index("measure").reindex(columns=fields).fillna("")
    both = now.add_suffix(" now").join(old.add_suffix(" before"), how="outer").fillna("")
    moved = (both["latest comparison now"] != both["latest comparison before"]) | (
        both["trend now"] != both["trend before"]
    )
    table = both[moved].sort_index().reset_index()
    return pd.DataFrame(
        {
            "measure": table["measure"],
            "before": table["latest comparison before"],
            "now": table["latest comparison now"],
            "trend before": table["trend before"],
            "trend now": table["trend now"],
        },
        columns=MOVE_COLUMNS,
    )


def nothing_changed(first_build: bool) -> str:
    """The sentence in place of an empty table of claims changed since the last build."""
    if first_build:
        return "No claim to list: there is no previous build in this report folder."
    return "No claim to list: nothing was added, removed or revised."


def nothing_moved(first_build: bool) -> str:
    """The sentence in place of an empty table of estimates that moved."""
    if first_build:
        return "There is no previous build in this report folder to compare the estimates with."
    return "No estimate moved: every measure's latest comparison and trend read as before."


def summary(changes: pd.DataFrame, first_build: bool) -> str:
    if first_build:
        return "This is the first build in this report folder: there is nothing to compare with."
    if changes.empty:
        return "No claim was added, removed or revised since the previous build."
    counts = changes["change"].value_counts()
    parts = [f"{counts.get(kind, 0):,} {kind}" for kind in ("added", "removed", "revised")]
    return "Since the previous build: " + ", ".join(parts) + "."


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
_TREND = "For a measure that changes with time, the trend in words"
EXPORTED_COLUMNS = {
    # Written as pandas writes it (the next build compares it as text): True / False.
    SNAPSHOT.removesuffix(".csv"): input_columns(
        schema.CLAIMS, true_values=("True",), false_values=("False",)
    ),
    "claim_changes": {
        "change": Column("string", "added, removed or revised."),
        "claim": CLAIM,
        "what changed": Column("string", "The claims.csv columns that changed (revised only)."),
        "summary now": Column("string", "The claim's summary in this build."),
        "summary before": Column("string", "The claim's summary in the previous build."),
    },
    "estimate_moves": {
        "measure": MEASURE,
        "before": Column("string", "The latest comparison in the previous build."),
        "now": Column("string", "The latest comparison in this build."),
        "trend before": Column("string", f"{_TREND}, in the previous build."),
        "trend now": Column("string", f"{_TREND}, in this build."),
    },
}
