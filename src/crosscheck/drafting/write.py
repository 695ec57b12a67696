"""A draft and the folder it is written to."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

# The columns a reviewer reads and `accept` drops: how sure the drafter is, what to
# check ("; "-separated reasons, empty when nothing), the day the stated wording
# resolves to, the sentence read, and whether the claimant is a known actor.
REVIEW_COLUMNS = ("confidence", "review", "stated_day", "sentence", "claimant_match")


@dataclass(frozen=True)
class Draft:
    """Candidate rows for articles.csv, actors.csv (proposed new actors) and claims.csv."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame


def write_draft(draft: Draft, folder: str | Path) -> Path:
    """Write the draft as articles.csv, actors.csv (proposed actors only) and claims.csv."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in (
        ("articles", draft.articles),
        ("actors", draft.actors),
        ("claims", draft.claims),
    ):
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(frame.columns)
            for row in frame.itertuples(index=False):
                writer.writerow([_cell(value) for value in row])
    return folder


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
