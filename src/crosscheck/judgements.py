"""Judgements a reader can quote: per measure and window, the range the latest figures
allow, how likely the true figure lies in it, and, kept apart, how good the sourcing is.

Likelihood uses the terms of US Intelligence Community Directive 203 (ICD 203,
2015, section D.6.e) chosen by our teaching rule (ladder.LIKELIHOOD_RULES); the
directive asks that likelihood and confidence be stated separately.
"""

from __future__ import annotations

import pandas as pd

from crosscheck import ladder
from crosscheck.datapackage import (
    ESTABLISHED,
    INDEPENDENT_SOURCES,
    MEASURE,
    MEASURE_ID,
    WINDOW,
    Column,
)


def _as_said(point: float, unit: str) -> str:
    return f"×{point:g}" if unit == "ratio" else f"{point:,.0f} {unit}"


def _amount(low: float | None, high: float | None, unit: str) -> str:
    """'between 10,000 and 12,000 soldiers', 'at most 12,000 soldiers', 'about 3,000 …'."""
    if low is None and high is None:
        return f"an unknown number of {unit}"
    if low is None:
        return f"at most {high:,.0f} {unit}"
    if high is None:
        return f"at least {low:,.0f} {unit}"
    if low == high:
        return f"about {low:,.0f} {unit}"
    return f"between {low:,.0f} and {high:,.0f} {unit}"


# The two ICD 203 terms that are nouns, not adjectives: "There is a roughly even chance".
OPENINGS = {"roughly even chance": "There is a roughly even chance",
            "almost no chance": "There is almost no chance"}  # fmt: skip

JUDGEMENT_COLUMNS = ["measure", "window", "judgement", "likelihood", "confidence",
                     "what drives the confidence", "best established as", "independent sources",
                     "measure_id"]  # fmt: skip


def judgements(latest: pd.DataFrame) -> pd.DataFrame:
    """Per measure and window, a judgement a reader can quote and sign.

    Input: each source's latest figure per measure and window (estimates.latest_by_source
    on estimates.in_windows) with its source's grade and weight (reliability.with_weights).
    For measures that count people (measures.csv counts_people), the range the figures
    allow, in figures and unit, with an ICD 203 likelihood term by LIKELIHOOD_RULES and,
    apart, the confidence and what drives it. Ratios and unit counts get a plain statement of
    what was said, no likelihood. An upper bound gives no floor, a lower bound no
    ceiling (estimates.envelope).
    """
    if latest.empty:
        return pd.DataFrame(columns=JUDGEMENT_COLUMNS)
    keys = ["measure", "window_end"]
    # The best-graded source of each window first, so that "first" below is that source.
    ranked = latest.assign(
        _lowest=latest["interval_low"].astype("Float64"),
        _highest=latest["interval_high"].astype("Float64"),
        _said=latest["origin"] + ": " + [_as_said(p, u) for p, u in
                                         zip(latest["point"], latest["unit"], strict=True)],
    ).sort_values([*keys, "weight"], ascending=[True, True, False], kind="stable")  # fmt: skip
    table = ranked.groupby(keys, sort=True).agg(
        label=("measure_label", "first"), window=("window", "first"),
        phrase=("window_phrase", "first"), kind=("measure_kind", "first"),
        unit=("unit", "first"), people=("counts_people", "first"),
        sources=("origin_id", "nunique"), top=("rung", "max"),
        low_open=("_lowest", lambda v: v.isna().any()),
        high_open=("_highest", lambda v: v.isna().any()),
        lowest=("_lowest", "min"), highest=("_highest", "max"),
        best_grade=("grade", "first"), best_claimant=("claimant", "first"),
        weights=("weight", list), said=("_said", "; ".join),
    ).reset_index()  # fmt: skip
    rows = []
    for row in table.itertuples(index=False):
        low = None if row.low_open else float(row.lowest)
        high = None if row.high_open else float(row.highest)
        # A running total is a count to a day; a count at a date is of its window's days.
        when = {
            "running_total": f" by {row.window_end:%-d %b %Y}",
            "count_at_date": f" {row.phrase}",
        }.get(row.kind, "")
        label = row.label[0].lower() + row.label[1:]
        top, sources = int(row.top), int(row.sources)
        if bool(row.people):
            term = ladder.likelihood(top, sources)
            chance = ladder.likelihood_range(term)
            opening = OPENINGS.get(term, f"It is {term}")
            amount = _amount(low, high, row.unit)
            judgement = f"{opening} ({chance}) that {label} numbered {amount}{when}."
            confidence_ = ladder.confidence(pd.Series(row.weights, dtype=float), sources)
            drivers = (f"{sources} independent source{'s' if sources != 1 else ''}; best graded "
                       f"{row.best_grade} ({row.best_claimant})")  # fmt: skip
        else:
            term, confidence_ = "", ""
            drivers = "no likelihood is given for a count of units or a ratio"
            judgement = f"Stated {row.phrase}: {row.said}."
        rows.append([row.label, row.window, judgement, term, confidence_, drivers,
                     ladder.RUNGS[top], sources, row.measure])  # fmt: skip
    return pd.DataFrame(rows, columns=JUDGEMENT_COLUMNS)


def latest_judgements(judgements_: pd.DataFrame) -> pd.DataFrame:
    """Each measure's judgement of its latest window: the rows of judgements() whose
    window ends last per measure (the table is ordered by measure and window end), in
    the same columns; empty in, empty out."""
    return judgements_.groupby("measure_id", sort=False).tail(1).reset_index(drop=True)


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
JUDGEMENT_EXPORT = {
    "measure": MEASURE,
    "window": WINDOW,
    "judgement": Column("string", "The judgement in one sentence a reader can quote."),
    "likelihood": Column(
        "string", "The ICD 203 likelihood term (ladder.LIKELIHOOD_RULES); empty if none."
    ),
    "confidence": Column("string", "How good the sourcing is: low, moderate, high confidence."),
    "what drives the confidence": Column(
        "string", "The independent sources and the best grade among them."
    ),
    "best established as": ESTABLISHED,
    "independent sources": INDEPENDENT_SOURCES,
    "measure_id": MEASURE_ID,
}
EXPORTED_COLUMNS = {"judgements": JUDGEMENT_EXPORT, "judgements_latest": JUDGEMENT_EXPORT}
