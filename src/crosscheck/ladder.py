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
import pyarrow.compute as pc

from crosscheck.columns import arrow_text
from crosscheck.datapackage import Column

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
    "perhaps",
    "believed",
    "likely",
    "if verified",
)
_HEDGE_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(word) for word in HEDGE_WORDS) + r")\b", re.IGNORECASE
)


def hedges(texts: pd.Series) -> pd.Series:
    """The hedge words found in each text, comma-separated, lower case ('' when none)."""
    if texts.empty:  # what mapping no texts gave: an empty object column
        return pd.Series([], index=texts.index, dtype=object, name=texts.name)
    text = texts.fillna("").astype("string[pyarrow]")
    # Arrow picks the texts that may hedge; Python's own pattern reads only those. RE2's
    # \b knows ASCII word characters only, so it finds every boundary Python's finds
    # (and some more, which Python then rejects); and any text holding one of the four
    # letters Python's IGNORECASE folds to ASCII (re module docs) goes to Python too.
    # (Case is ignored in the first part only: RE2 folds ſ and K to s and k as well.)
    maybe = pc.match_substring_regex(
        arrow_text(text), f"(?i:{_HEDGE_PATTERN.pattern})|[\u0130\u0131\u017f\u212a]"
    )
    maybe = pc.fill_null(maybe, False).to_numpy(zero_copy_only=False)
    listed = pd.Series("", index=texts.index, dtype=object, name=texts.name)
    words = [_HEDGE_PATTERN.findall(cell) for cell in text[maybe].to_numpy(dtype=object)]
    listed[maybe] = [", ".join(dict.fromkeys(w.lower() for w in found)) for found in words]
    return listed.astype("str")


def hedge_before(text: str) -> str:
    """The hedge word (HEDGE_WORDS) that ends a text, lower case, '' when none: what the
    drafter reads before a figure ("reportedly 3,000 troops") to lower its confidence.
    Give the text as written: "in May 3,000 troops" names a month, not a hedge."""
    found = re.search(_HEDGE_PATTERN.pattern + r"\s*$", text, re.IGNORECASE)
    return found.group(1).lower() if found and found.group(1) != "May" else ""


def with_rungs(figured: pd.DataFrame, actors: pd.DataFrame, window_days: int = 7) -> pd.DataFrame:
    """Add each figure's rung (0–4) and its label.

    Input: figured copies with claimant_id, claimant_party (claims.labelled: the side
    is a party, alignments.csv `party`), origin_id, measure, measure_kind,
    interval_low/high and stated_on. The claimant's own type and side decide the rung
    (the NIS is an intelligence service though it speaks for a government); a third
    party's figure is independently verified when another independent non-party
    source's figure overlaps it (within window_days for a measure that changes with
    time).
    """
    by_id = actors.set_index("actor_id")
    actor_type = figured["claimant_id"].map(by_id["actor_type"])
    party = figured["claimant_party"].fillna(False).astype(bool)
    rung = pd.Series(3, index=figured.index)
    outlet = actor_type.isin(["news_outlet", "state_media"])
    rung = rung.mask(actor_type == "intelligence_agency", 2).mask(party, 1).mask(outlet, 0)
    corroborated = _corroborated(figured, party | outlet, window_days)
    rung = rung.mask(~party & ~outlet & corroborated, 4)
    return figured.assign(rung=rung, rung_label=rung.map(RUNGS))


def _corroborated(figured: pd.DataFrame, excluded: pd.Series, window_days: int) -> pd.Series:
    """True where another independent non-party source gave an overlapping figure for the
    same measure on the day nearest in time to it (any of its figures of that day), a
    day which for a measure that changes with time must lie within window_days. Of two
    days equally near, the earlier counts (as pandas' merge_asof, direction "nearest").

    Only an independent non-party figure (not `excluded`) is corroborated, and only by
    another such source. For each measure and each source that gave a figure for it, a
    binary search finds that source's nearest day for every other figure of the measure:
    the work is linear in the number of figures times the sources per measure, and the
    result does not depend on row order. Raises ValueError for a figure without a
    stated day (the loader resolves every claim's day, so only a bug reaches it).
    """
    if figured["stated_on"].isna().any():
        raise ValueError("every figure needs its stated day to be compared with others")
    measure = figured["measure"].astype(str).to_numpy()
    origin = figured["origin_id"].fillna("").astype(str).to_numpy()
    low = figured["interval_low"].astype("Float64").fillna(0).astype(float).to_numpy()
    high = figured["interval_high"].astype("Float64").fillna(np.inf).astype(float).to_numpy()
    day = figured["stated_on"].astype("datetime64[ns]").to_numpy().view("int64")
    timed = figured["measure_kind"].isin(["running_total", "count_at_date"]).to_numpy()
    tolerance = pd.Timedelta(days=max(window_days - 1, 0)).value
    result = np.zeros(len(figured), dtype=bool)
    independent = np.flatnonzero(~excluded.loc[figured.index].to_numpy())
    by_measure = pd.Series(independent).groupby(measure[independent], sort=False)
    for rows in by_measure:
        rows = rows[1].to_numpy()
        for source in np.unique(origin[rows]):
            theirs = rows[origin[rows] == source]
            theirs = theirs[np.argsort(day[theirs], kind="stable")]
            days, first, count = np.unique(day[theirs], return_index=True, return_counts=True)
            # A figure already corroborated by another source needs no further search.
            mine = rows[(origin[rows] != source) & ~result[rows]]
            if not len(mine):
                continue
            when = day[mine]
            before = np.searchsorted(days, when, side="right") - 1
            after = np.minimum(before + 1, len(days) - 1)
            back = np.where(before >= 0, when - days[np.maximum(before, 0)], np.iinfo("int64").max)
            ahead = np.where(days[after] >= when, days[after] - when, np.iinfo("int64").max)
            nearest = np.where(back <= ahead, np.maximum(before, 0), after)
            distance = np.minimum(back, ahead)
            close = ~timed[mine] | (distance <= tolerance)
            for k in range(int(count.max())):
                has = close & (k < count[nearest])
                other = theirs[np.minimum(first[nearest] + k, len(theirs) - 1)]
                overlap = has & (low[mine] <= high[other]) & (low[other] <= high[mine])
                result[mine[overlap]] = True
    return pd.Series(result, index=figured.index)


def likelihood(highest_rung: int, independent_sources: int) -> str:
    """The ICD 203 term our rule gives a measure (see LIKELIHOOD_RULES)."""
    for rung, sources, term in LIKELIHOOD_RULES.itertuples(index=False):
        if rung <= highest_rung and sources <= independent_sources:
            return term  # the rules run from the strongest down: the first that holds
    return "unlikely"


def likelihood_range(term: str) -> str:
    """'likely' → '55–80%'."""
    for name, low, high in LIKELIHOOD_TERMS:
        if name == term:
            return f"{low:.0%}–{high:.0%}"
    raise ValueError(f"{term!r} is not an ICD 203 likelihood term")


def confidence(weights: pd.Series, independent_sources: int) -> str:
    """The confidence that goes beside a likelihood term (ICD 203 keeps them apart): high
    when a well-graded source (B2 or better, weight ≥ 0.64) is joined by another
    independent one, moderate when the best source is graded C3 or better (≥ 0.36),
    else low."""
    best = float(weights.max()) if len(weights) else 0.0
    if best >= 0.64 and independent_sources >= 2:
        return "high confidence"
    if best >= 0.36:
        return "moderate confidence"
    return "low confidence"


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
EXPORTED_COLUMNS = {
    "likelihood_rules": {
        "highest rung": Column(
            "integer",
            "The highest rung of the ladder among the figures, 0 (the outlet's own statement) "
            "to 4 (independently verified).",
        ),
        "independent sources at least": Column(
            "integer", "The fewest independent sources the rule asks for."
        ),
        "likelihood": Column("string", "The ICD 203 term the rule gives."),
    },
}
