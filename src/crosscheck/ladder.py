"""How far each figure is established, and how to word a judgement about it.

The ladder ranks a figure by who stands behind it, lowest first:
  0 the outlet's own statement (no one else is named for it)
  1 claimed by a party to the conflict (Ukraine, Russia, North Korea)
  2 assessed by an intelligence service and relayed (a non-party agency)
  3 stated by a third government (a non-party government, not its spy agency)
  4 independently verified: another independent non-party source's latest
    figure for the same measure overlaps it

Judgements use the likelihood terms of US Intelligence Community Directive 203
(ICD 203, 2015), kept apart from the confidence statement as the directive asks:
likelihood says how probable a judgement is, confidence how good the sourcing.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from crosscheck.schema import PARTY_ALIGNMENTS

RUNGS = {
    0: "the outlet's own statement",
    1: "claimed by a party to the conflict",
    2: "intelligence assessment, relayed",
    3: "stated by a third government",
    4: "independently verified",
}

# ICD 203, section D.6.e (2): the seven terms and the ranges they stand for.
LIKELIHOOD_TERMS = (
    ("almost no chance", 0.01, 0.05),
    ("very unlikely", 0.05, 0.20),
    ("unlikely", 0.20, 0.45),
    ("roughly even chance", 0.45, 0.55),
    ("likely", 0.55, 0.80),
    ("very likely", 0.80, 0.95),
    ("almost certain", 0.95, 0.99),
)

# Our teaching rule, not ICD 203's: how likely it is that the true figure lies
# within the range the latest figures span, by the highest rung among them and
# how many independent sources give them.
LIKELIHOOD_RULES = pd.DataFrame(
    [
        (4, 2, "very likely"),
        (3, 1, "likely"),
        (2, 2, "likely"),
        (2, 1, "roughly even chance"),
        (1, 2, "roughly even chance"),
        (1, 1, "unlikely"),
        (0, 1, "unlikely"),
    ],
    columns=["highest rung", "independent sources at least", "likelihood"],
)

# Words that mark a claim as hedged in its own wording.
HEDGE_WORDS = (
    "potentially",
    "possibly",
    "might",
    "may",
    "could",
    "appear",
    "appears",
    "seem",
    "seems",
    "indications",
    "suggest",
    "suggests",
    "suggesting",
    "reportedly",
    "allegedly",
    "believed",
    "likely",
    "if verified",
)
_HEDGE_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(word) for word in HEDGE_WORDS) + r")\b", re.IGNORECASE
)


def hedges(texts: pd.Series) -> pd.Series:
    """The hedge words found in each text, comma-separated, lower case ('' when none)."""
    found = texts.fillna("").str.findall(_HEDGE_PATTERN)
    return found.map(lambda words: ", ".join(dict.fromkeys(w.lower() for w in words)))


def with_rungs(figured: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Add each figure's rung (1–4) and its label to figures that carry an origin_id."""
    by_id = actors.set_index("actor_id")
    alignment = figured["origin_id"].map(by_id["alignment"])
    actor_type = figured["origin_id"].map(by_id["actor_type"])
    party = alignment.isin(PARTY_ALIGNMENTS)
    rung = pd.Series(3, index=figured.index)
    outlet = actor_type.isin(["news_outlet", "state_media"])
    rung = rung.mask(actor_type == "intelligence_agency", 2).mask(party, 1).mask(outlet, 0)
    rung = rung.mask(~party & ~outlet & _corroborated(figured, party | outlet), 4)
    return figured.assign(rung=rung, rung_label=rung.map(RUNGS))


def _corroborated(figured: pd.DataFrame, party: pd.Series) -> pd.Series:
    """True where another independent non-party source's latest figure on the same
    measure overlaps this one.

    Comparing with each source's latest figure, not with every figure it ever gave,
    keeps the work linear in the number of figures (times the number of sources).
    """
    frame = pd.DataFrame(
        {
            "measure": figured["measure"],
            "origin": figured["origin_id"],
            "low": figured["interval_low"].fillna(0).astype(float),
            "high": figured["interval_high"].fillna(np.inf).astype(float),
            "party": party,
            "stated_on": figured["stated_on"],
            "claim_id": figured["claim_id"],
        }
    )
    candidates = (
        frame[~frame["party"]]
        .sort_values(["stated_on", "claim_id"])
        .groupby(["measure", "origin"], sort=False)
        .tail(1)
    )
    result = pd.Series(False, index=figured.index)
    for measure, others in candidates.groupby("measure", sort=False):
        mine = frame[frame["measure"] == measure]
        overlap = (
            (mine["low"].to_numpy()[:, None] <= others["high"].to_numpy()[None, :])
            & (others["low"].to_numpy()[None, :] <= mine["high"].to_numpy()[:, None])
            & (mine["origin"].to_numpy()[:, None] != others["origin"].to_numpy()[None, :])
        )
        result[mine.index] = overlap.any(axis=1)
    return result


def likelihood(highest_rung: int, independent_sources: int) -> str:
    """The ICD 203 term our rule gives a measure (see LIKELIHOOD_RULES)."""
    rules = LIKELIHOOD_RULES[
        (LIKELIHOOD_RULES["highest rung"] <= highest_rung)
        & (LIKELIHOOD_RULES["independent sources at least"] <= independent_sources)
    ]
    return rules.iloc[0]["likelihood"] if not rules.empty else "unlikely"


def likelihood_range(term: str) -> str:
    """'likely' → '55–80%'."""
    for name, low, high in LIKELIHOOD_TERMS:
        if name == term:
            return f"{low:.0%}–{high:.0%}"
    raise ValueError(f"{term!r} is not an ICD 203 likelihood term")


def confidence(weights: pd.Series, independent_sources: int) -> str:
    """The confidence statement that goes beside a likelihood term (ICD 203 keeps them
    apart): high when a well-graded source (B2 or better) is joined by another
    independent one, moderate when the best source is graded C3 or better, else low."""
    best = float(weights.max()) if len(weights) else 0.0
    if best >= 0.64 and independent_sources >= 2:
        return "high confidence"
    if best >= 0.36:
        return "moderate confidence"
    return "low confidence"


def judgements(statements: pd.DataFrame, grades: pd.DataFrame) -> pd.DataFrame:
    """Per measure, a judgement a reader can quote: the range the latest figures span,
    how likely the true figure lies in it (ICD 203 term), and, apart, the confidence."""
    weight_of = grades.set_index("actor_id")["weight"]
    rows = []
    for _, group in statements.groupby("measure", sort=True):
        latest = group.sort_values(["stated_on", "claim_id"]).groupby("origin_id").tail(1)
        sources = latest["origin_id"].nunique()
        top = int(latest["rung"].max())
        term = likelihood(top, sources)
        low = latest["interval_low"].fillna(latest["point"]).min()
        high = latest["interval_high"].fillna(latest["point"]).max()
        span = f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"
        unit = group["unit"].iloc[0]
        rows.append(
            {
                "measure": group["measure_label"].iloc[0],
                "judgement": f"It is {term} ({likelihood_range(term)}) that the figure lies "
                f"within {span} {unit}.",
                "likelihood": term,
                "confidence": confidence(latest["origin_id"].map(weight_of).fillna(0), sources),
                "best established as": RUNGS[top],
                "independent sources": sources,
                "measure_id": group["measure"].iloc[0],
            }
        )
    columns = ["measure", "judgement", "likelihood", "confidence", "best established as",
               "independent sources", "measure_id"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
