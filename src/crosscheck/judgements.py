"""Judgements a reader can quote: per measure and window, the range the latest figures
allow, how likely the true figure lies in it, and, kept apart, how good the sourcing is.

Likelihood uses the terms of US Intelligence Community Directive 203 (ICD 203,
2015, section D.6.e) chosen by our teaching rule (ladder.LIKELIHOOD_RULES); the
directive asks that likelihood and confidence be stated separately.
"""

from __future__ import annotations

import pandas as pd

from crosscheck import ladder
from crosscheck.estimates import envelope


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
    rows = []
    for (_, _), group in latest.groupby(["measure", "window_end"], sort=True):
        first = group.iloc[0]
        sources, top = group["origin_id"].nunique(), int(group["rung"].max())
        low, high = envelope(group)
        # A running total is a count to a day; a count at a date is of its window's days.
        when = {
            "running_total": f" by {first['window_end']:%-d %b %Y}",
            "count_at_date": f" {first['window_phrase']}",
        }.get(first["measure_kind"], "")
        label = first["measure_label"][0].lower() + first["measure_label"][1:]
        amount = _amount(low, high, first["unit"])
        if bool(first["counts_people"]):
            term = ladder.likelihood(top, sources)
            best = group.loc[group["weight"].idxmax()]
            chance = ladder.likelihood_range(term)
            opening = OPENINGS.get(term, f"It is {term}")
            judgement = f"{opening} ({chance}) that {label} numbered {amount}{when}."
            confidence_ = ladder.confidence(group["weight"], sources)
            drivers = (f"{sources} independent source{'s' if sources != 1 else ''}; best graded "
                       f"{best['grade']} ({best['claimant']})")  # fmt: skip
        else:
            term, confidence_ = "", ""
            drivers = "no likelihood is given for a count of units or a ratio"
            said = "; ".join(
                f"{origin}: {_as_said(point, unit)}"
                for origin, point, unit in zip(
                    group["origin"], group["point"], group["unit"], strict=True
                )
            )
            judgement = f"Stated {first['window_phrase']}: {said}."
        rows.append([first["measure_label"], first["window"], judgement, term, confidence_,
                     drivers, ladder.RUNGS[top], sources, first["measure"]])  # fmt: skip
    return pd.DataFrame(rows, columns=JUDGEMENT_COLUMNS)
