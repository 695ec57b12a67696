"""A draft and the folder it is written to, without ever overwriting a reviewed one."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

# The columns a reviewer reads and `accept` drops: how sure the drafter is, what to
# check ("; "-separated reasons, empty when nothing), the day the stated wording
# resolves to, the sentence read, and whether the claimant is a known actor.
REVIEW_COLUMNS = ("confidence", "review", "stated_day", "sentence", "claimant_match")

# A claim whose confidence is below this has failed more than half of the drafter's
# checks (a known claimant, a word naming the measure, a stated day, a known
# qualifier; two checks for a statement), so a person must read it whatever its
# `review` cell says: `accept` refuses it until the cell is emptied or raised.
REVIEW_BELOW = 0.5

# What a draft actor row asks of the reviewer: every actor in a draft is new to the data.
PROPOSED_ACTOR = "new actor? check name, type, alignment; the data may hold it under another name"

README = "README.txt"

_README_TEXT = """\
A draft for review: candidate rows drafted by rules from an article's text.
Nothing here is data until `crosscheck accept {folder}` appends it.
{notes}
Review claims.csv row by row (a spreadsheet will do): correct cells, delete
wrong rows, add rows the drafter missed. These columns are for you; accept
drops them:

  confidence      share of the drafter's checks that held: a known claimant,
                  a word naming the measure, a stated day, a known qualifier
  review          what to check, "; "-separated; empty when nothing was flagged
  stated_day      the day (or first..last day) the stated wording resolves to;
                  "not stated (by DAY)" when the claim falls back to publication
  sentence        the sentence the row was read from
  claimant_match  known: the claimant is in the data's actors.csv;
                  proposed: a new actor, drafted into this folder's actors.csv

actors.csv holds the proposed actors; its review column says what to check.

A row is reviewed when its review cell is empty, its claimant_match is not
"proposed" (set it to known once the actor row is right) and its confidence is
empty or at least {threshold}. `crosscheck accept` refuses a draft with rows not
reviewed and lists them; `crosscheck accept --as-drafted` takes them unreviewed.
"""


@dataclass(frozen=True)
class Draft:
    """Candidate rows for articles.csv, actors.csv (proposed new actors) and claims.csv,
    and `notes` on how the article was read (its language when unsure), for the reviewer."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame
    notes: tuple[str, ...] = field(default=())


def write_draft(draft: Draft, folder: str | Path, *, overwrite: bool = False) -> Path:
    """Write the draft as articles.csv, actors.csv (proposed actors only, with a `review`
    column), claims.csv and README.txt (what the review columns mean); return the folder.

    A folder that exists and holds files is a draft someone may have reviewed: unless
    `overwrite`, the draft goes to the first free `<folder>-2`, `<folder>-3`, ... and the
    folder returned says which.
    """
    folder = Path(folder) if overwrite else free_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    actors = draft.actors
    if "review" not in actors.columns:
        actors = actors.assign(review=PROPOSED_ACTOR)
    for name, frame in (
        ("articles", draft.articles),
        ("actors", actors),
        ("claims", draft.claims),
    ):
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(frame.columns)
            for row in frame.itertuples(index=False):
                writer.writerow([_cell(value) for value in row])
    notes = "".join(f"\nNote: {note}\n" for note in draft.notes)
    (folder / README).write_text(
        _README_TEXT.format(folder=folder, notes=notes, threshold=REVIEW_BELOW), encoding="utf-8"
    )
    return folder


def free_folder(folder: str | Path) -> Path:
    """`folder` if it is absent or empty, else the first of `<folder>-2`, `<folder>-3`, ...
    that is: a second draft of an article never lands on the first."""
    folder = Path(folder)
    candidate, number = folder, 1
    # the number goes after the whole name: an article id ends in a day ("...-10-23")
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        number += 1
        candidate = folder.with_name(f"{folder.name}-{number}")
    return candidate


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
