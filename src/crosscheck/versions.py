"""One version per statement: which outlet's copy stands for a statement that several
outlets carried, and where each copy departs from it.

Rows that report one real-world statement share a statement_key; each row is a
*copy* of the statement as one outlet carried it. A real copy (with its claim id)
stands for the statement, chosen by these rules, in order:

1. agreement: the copy that gives the value most copies give on the most fields
   (attribution, date, measure, stance, and the figure with its qualifier), less the
   fields on which it alone gives a value that two or more copies leave out; a field
   counting only
   where one value leads outright and at least two copies give it (a value only one
   copy gives is no majority, however many copies are silent on the field);
2. a copy that gives a figure beats one that gives none (a figure only one copy gives,
   against agreeing copies without it, is flagged in chapter 6, never lost);
3. nearness to the claimant: a copy that names the wire agency or the relay (the
   briefing it came through) beats one that names neither;
4. precision of the date: a stated day beats a publication-day fallback;
5. the earliest published copy, then the copy recorded first in claims.csv: a copy
   added later never displaces one already standing when nothing else tells them apart.

A copy that differs from the standing version never replaces it, however it sorts:
the outlets chapter flags the copies that depart from the standing version.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crosscheck.columns import is_in, look_up
from crosscheck.estimates import qualifier_bound
from crosscheck.present import format_count

# (field compared, what a difference in it means), in the order they are shown.
COMPARED_FIELDS = (
    ("attribution", "different attribution"),
    ("stated", "different date"),
    ("measure_label", "different measure"),
    ("stance_label", "different stance"),
    ("figure", "different figure"),
    ("qualifier_reading", "different qualifier"),
)


def figure_text(claims: pd.DataFrame) -> pd.Series:
    """The number a copy gives, whatever its qualifier: '12,000', or '6,000–12,000' for a
    range. 'About 3,000' and '3,000' give the same number; the qualifier is compared on
    its own."""
    low, best, high = (format_count(claims[column]) for column in ("low", "best", "high"))
    is_range = (low != "") & (high != "") & (low != high)
    single = best.where(best != "", low.where(low != "", high))
    return (low + "–" + high).where(is_range, single)


def compared_values(claims: pd.DataFrame) -> pd.DataFrame:
    """The value of each compared field for each copy ('' where the copy gives none).

    Input: labelled copies (claims.labelled) with columns statement, attribution,
    stated_on, stated_precision, measure_label, stance_label, low, best, high,
    qualifier. Output: one string column per field of COMPARED_FIELDS, same index.
    A date is compared only where the copy gives one; attribution by the body the
    claimant speaks for (provenance.attribution_bodies).
    """
    figures = figure_text(claims)
    reading = qualifier_bound(claims["qualifier"]).astype("object")
    reading = reading.where(reading.notna(), np.where(figures != "", "exact or range", ""))
    dated = claims["stated_precision"].fillna("unknown") != "unknown"
    return pd.DataFrame(
        {
            "attribution": claims["attribution"].fillna(""),
            "stated": claims["stated_on"].dt.strftime("%Y-%m-%d").where(dated, "").fillna(""),
            "measure_label": claims["measure_label"].fillna(""),
            "stance_label": claims["stance_label"].fillna(""),
            "figure": figures,
            "qualifier_reading": pd.Series(reading, index=claims.index).fillna("").astype(str),
        },
        index=claims.index,
    )


def _leading(statement: pd.Series, values: pd.Series) -> pd.Series:
    """Per copy: True where its value is the one value most copies of its statement give,
    and at least two give it (a tie for the lead leaves the field without a leader)."""
    frame = pd.DataFrame({"statement": statement, "value": values})
    given = frame[frame["value"] != ""]
    counts = given.groupby(["statement", "value"]).size().rename("n").reset_index()
    top = counts.groupby("statement")["n"].transform("max")
    leaders = counts[(counts["n"] == top) & (counts["n"] >= 2)]
    unique = leaders[~leaders.duplicated("statement", keep=False)]
    key = pd.MultiIndex.from_frame(frame[["statement", "value"]])
    leads = key.isin(pd.MultiIndex.from_frame(unique[["statement", "value"]]))
    return pd.Series(leads, index=frame.index)


def _lone(statement: pd.Series, values: pd.Series) -> pd.Series:
    """Per copy: True where it alone gives its value while two or more copies of its
    statement give nothing for the field (a figure added to a statement others carry
    without one)."""
    frame = pd.DataFrame({"statement": statement, "value": values})
    empty = (frame["value"] == "").groupby(frame["statement"]).transform("sum")
    same = frame.groupby(["statement", "value"])["value"].transform("size")
    return (frame["value"] != "") & (same == 1) & (empty >= 2)


def mark_standing(claims: pd.DataFrame) -> pd.DataFrame:
    """Add `standing` (True for the one copy that stands for its statement) and
    `agreement` (how many fields it shares with the lead), by the rules above.

    Input: labelled copies with a `statement` column (the statement_key, or the claim
    id for a statement carried once), `wire_agency`, `relayed_via_id`,
    `stated_precision`, `published_on` and the columns compared_values reads.
    """
    if claims.empty:
        return claims.assign(standing=pd.Series(dtype="bool"), agreement=pd.Series(dtype="int64"))
    # A statement carried once stands and agrees on nothing (no value is given twice, no
    # field left empty twice): only statements with several copies need the rules.
    several = claims["statement"].duplicated(keep=False).to_numpy()
    standing = pd.Series(~several, index=claims.index)
    agreement = pd.Series(0, index=claims.index, dtype="int64")
    if several.any():
        chosen, agreed = _standing_among_copies(claims[several])
        standing[several] = chosen.to_numpy()
        agreement[several] = agreed.to_numpy()
    return claims.assign(standing=standing, agreement=agreement)


def _standing_among_copies(claims: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """mark_standing's rules on copies of statements carried more than once: (standing,
    agreement), both on the index of `claims`."""
    values = compared_values(claims)
    # The figure, its bounds and its qualifier are one thing said: a copy with another
    # figure does not vote on the qualifier of the right one.
    values["figure"] = values["figure"] + " " + values.pop("qualifier_reading")
    values["figure"] = values["figure"].where(values["figure"].str.strip() != "", "")
    agreement = sum(
        _leading(claims["statement"], values[field]).astype("int64")
        - _lone(claims["statement"], values[field]).astype("int64")
        for field in values.columns
    )
    has_figure = claims[["low", "best", "high"]].notna().any(axis=1)
    near = claims["wire_agency"].notna() | claims["relayed_via_id"].notna()
    dated = claims["stated_precision"].fillna("unknown") != "unknown"
    ranked = pd.DataFrame(
        {
            "statement": claims["statement"],
            "has_figure": has_figure,
            "agreement": agreement,
            "near": near,
            "dated": dated,
            "published_on": claims["published_on"],
            # the loader keeps the file's row order in the index
            "recorded": np.arange(len(claims)) if claims.index.has_duplicates else claims.index,
        }
    ).sort_values(
        ["statement", "agreement", "has_figure", "near", "dated", "published_on", "recorded"],
        ascending=[True, False, False, False, False, True, True],
    )
    standing = pd.Series(False, index=claims.index)
    standing[ranked.drop_duplicates("statement").index] = True
    return standing, agreement.astype("int64")


def statements(
    figures: pd.DataFrame, copies: pd.DataFrame | None = None, marked: bool = False
) -> pd.DataFrame:
    """One row per statement with a figure: its standing copy (a row of `figures`, with its
    interval and rung), and how many copies and distinct outlets carried it (`copies`,
    `outlets`, int64).

    The standing copy is decided among `copies` (every copy of the statements, with or
    without a figure; by default the figured copies themselves), by mark_standing, so
    that the outlets chapter and every table of statements name the same copy. Give the
    copies published by a day to know which version stood on that day. marked: True
    when `copies` are exactly the copies mark_standing already marked (its `standing`
    is then used as it is, not worked out again).
    """
    given = figures if copies is None else copies
    marked = given if marked else mark_standing(given)
    standing = marked.loc[marked["standing"], "claim_id"]
    chosen = figures[is_in(figures["claim_id"], standing)].assign(standing=True)
    if chosen.empty:
        return chosen.assign(copies=pd.Series(dtype="int64"), outlets=pd.Series(dtype="int64"))
    grouped = marked.groupby("statement")
    return chosen.assign(
        copies=look_up(chosen["statement"], grouped.size()).astype("int64"),
        outlets=look_up(chosen["statement"], grouped["outlet"].nunique()).astype("int64"),
    ).sort_values(["measure", "stated_on", "claim_id"], na_position="last")
