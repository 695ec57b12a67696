"""Numeric claims as intervals on one scale per measure, and how sources compare.

Figures that count different things (troops sent so far, troops committed,
troops being prepared) are kept apart: every comparison here is within one
measure, and no figure is ever averaged with a figure of another measure.

Time is part of the comparison. A measure that changes with time (measures.csv
`kind`: a running total such as troops sent so far, or a count at a date such as
troops in Kursk) is compared only within a window of `window_days`: a source's
later figure is a revision of its earlier one, not a disagreement with another
source's figure of six months before. Figures of a one-time measure (a target, a
batch, a figure for a stated period) are compared across all dates.
"""

from __future__ import annotations

import bisect
import re
from datetime import timedelta

import numpy as np
import pandas as pd

from crosscheck import ladder
from crosscheck.columns import lower
from crosscheck.datapackage import (
    ESTABLISHED,
    INDEPENDENT_SOURCE,
    INDEPENDENT_SOURCES,
    MEASURE,
    MEASURE_ID,
    SOURCE,
    STATED_DAY,
    UNIT,
    WINDOW,
    WINDOW_END,
    WINDOW_PHRASE,
    WINDOW_START,
    Column,
)
from crosscheck.present import format_count, format_day

# The qualifier rules (data/README.md, "Figures: low, best, high"): which words
# set which end of an interval. A coder records only what the source says; the
# report reads an interval into it by these rules and checks the coding
# against them. Matching is on whole words at the start of the qualifier.
QUALIFIER_RULES = pd.DataFrame(
    [
        ("up to", "upper bound", "high"),
        ("as many as", "upper bound", "high"),
        ("at most", "upper bound", "high"),
        ("at least", "lower bound", "low"),
        ("more than", "lower bound", "low"),
        ("over", "lower bound", "low"),
        ("about", "approximate", "best"),
        ("around", "approximate", "best"),
        ("approximately", "approximate", "best"),
        ("roughly", "approximate", "best"),
        ("some", "approximate", "best"),
        ("nearly", "approximate", "best"),
        ("almost", "approximate", "best"),
        # forms met in wire copy, read as their plain equivalents ("upwards of" as "over")
        ("in excess of", "lower bound", "low"),
        ("upwards of", "lower bound", "low"),
        ("fewer than", "upper bound", "high"),
        ("less than", "upper bound", "high"),
        ("an estimated", "approximate", "best"),
        ("estimated", "approximate", "best"),
        ("approaching", "approximate", "best"),
        ("close to", "approximate", "best"),
        ("double", "multiple", "low, best, high"),
    ],
    columns=["qualifier", "bound", "fields set"],
)


# How a reader takes each bound, with an example, for the table beside the rules.
_BOUND_READINGS = {
    "upper bound": "a ceiling: 'up to 12,000' is the interval (open, 12,000, 12,000)",
    "lower bound": "a floor: 'at least 3,000' is the interval (3,000, 3,000, open)",
    "approximate": "a round figure: 'about 1,500' is 1,500, widened by the margin",
    "multiple": "a multiple of an earlier figure: 'double' is ×2",
}


def qualifier_rules_by_bound() -> pd.DataFrame:
    """QUALIFIER_RULES for the reader: one row per bound, its words together.

    Out: columns bound, qualifiers (the words in QUALIFIER_RULES' order,
    ', '-separated), "read as" (what the bound means, with an example) and "coded in"
    (the claims.csv columns a coder fills: low, best, high), in the order the bounds
    first appear.
    """
    grouped = QUALIFIER_RULES.groupby(["bound", "fields set"], sort=False)["qualifier"]
    table = grouped.agg(", ".join).rename("qualifiers").reset_index()
    table["read as"] = table["bound"].map(_BOUND_READINGS).fillna("")
    table = table.rename(columns={"fields set": "coded in"})
    return table[["bound", "qualifiers", "read as", "coded in"]]


# How a coded figure becomes an interval (low, point, high):
# bound        low                 point                 high
# exact        low                 best                  high      bare figure: all three equal
# approximate  best × (1 − margin) best                  best × (1 + margin)
#                                                                  margin 0 unless a reader sets it
# range        low                 midpoint of low, high high      "10,000 to 12,000"
# upper bound  (open)              high                  high      "up to 12,000"
# lower bound  low                 low                   (open)    "at least 3,000"
INTERVAL_RULES = pd.DataFrame(
    [
        ("exact", "low", "best", "high", "a bare figure: low = best = high"),
        ("approximate", "best × (1 − margin)", "best", "best × (1 + margin)",
         "about / around / some: margin is 0 unless a reader sets approximate_margin"),
        ("range", "low", "midpoint of low and high", "high", "a range: 10,000 to 12,000"),
        ("upper bound", "open", "high", "high", "up to / as many as: no floor is read in"),
        ("lower bound", "low", "low", "open", "at least / more than: no ceiling is read in"),
    ],
    columns=["bound", "low", "point", "high", "meaning"],
)  # fmt: skip

# Two latest figures within this ratio of each other, with overlapping
# intervals, are called consistent.
CONSISTENT_RATIO = 1.25


def qualifier_bound(qualifier: pd.Series) -> pd.Series:
    """The kind of bound a qualifier word sets ('up to' → 'upper bound'); NA if none known."""
    words = lower(qualifier.fillna("")).str.strip()
    result = pd.Series(pd.NA, index=qualifier.index, dtype="string")
    for word, bound in QUALIFIER_RULES[["qualifier", "bound"]].itertuples(index=False):
        result = result.mask(result.isna() & words.str.match(rf"{re.escape(word)}\b"), bound)
    return result


def intervals(claims: pd.DataFrame, approximate_margin: float = 0.0) -> pd.DataFrame:
    """Add interval_low, point, interval_high and the kind of bound to figured claims."""
    if not 0 <= approximate_margin < 1:
        raise ValueError("approximate_margin must be at least 0 and below 1 (0.1 means ±10%)")
    low, best, high = (claims[c].astype("Float64") for c in ("low", "best", "high"))
    has_low, has_best, has_high = low.notna(), best.notna(), high.notna()
    kind = pd.Series(
        np.select(
            [
                has_low & has_best & has_high & (low == best) & (best == high),
                has_best & ~has_low & ~has_high,
                has_low & has_high & ~has_best,
                has_high & ~has_low & ~has_best,
                has_low & ~has_high & ~has_best,
            ],
            ["exact", "approximate", "range", "upper bound", "lower bound"],
            default="interval",
        ),
        index=claims.index,
    )
    approximate = kind == "approximate"
    point = best.fillna((low + high) / 2).fillna(high).fillna(low)
    interval_low = low.fillna(best).mask(approximate, best * (1 - approximate_margin))
    interval_high = high.fillna(best).mask(approximate, best * (1 + approximate_margin))
    return claims.assign(
        interval_low=interval_low, point=point, interval_high=interval_high, bound=kind
    )


def figures(claims: pd.DataFrame, actors: pd.DataFrame, approximate_margin: float = 0.0,
            window_days: int = 7) -> pd.DataFrame:  # fmt: skip
    """Every copy with a figure, as an interval, ranked on the ladder of how far it is
    established (ladder.with_rungs), in date order.

    Input: labelled copies (claims.labelled). Adds interval_low, point, interval_high
    (Float64, in the measure's unit; an open end is NA), bound, rung and rung_label.
    Raises ValueError for a margin outside [0, 1).
    """
    figured = intervals(claims[claims["measure"].notna()], approximate_margin)
    figured = ladder.with_rungs(figured, actors, window_days)
    return figured.sort_values(["measure", "stated_on", "claim_id"])


def figures_table(statements: pd.DataFrame) -> pd.DataFrame:
    """The figures as a reader compares them: one row per statement, grouped by measure.
    `stated` is the standing version's day; `outlets` counts the distinct outlets."""
    written = statements["best"].fillna(statements["high"]).fillna(statements["low"])
    table = pd.DataFrame(
        {
            "measure": statements["measure_label"],
            "source": statements["claimant"],
            "relayed via": statements["relayed_via"].fillna(""),
            "stated": statements["stated_label"],
            "low": statements["interval_low"],
            "best": statements["point"],
            "high": statements["interval_high"],
            "as written": statements["qualifier"]
            .fillna("")
            .str.cat(format_count(written), sep=" ")
            .str.strip(),
            "bound": statements["bound"],
            "unit": statements["unit"],
            "established as": statements["rung_label"],
            "hedged words": statements["hedges"],
            "outlets": statements["outlets"],
            "claim": statements["claim_id"],
        }
    ).reset_index(drop=True)
    # Fourteen columns do not fit the page side by side: the page puts the lesser ones
    # under the column they qualify (present.merge_under); the CSV keeps them apart.
    table.attrs["under"] = {
        "source": ["relayed via"],
        "as written": ["bound"],
        "established as": ["hedged words"],
    }
    return table


# Measures whose figure depends on the day it describes (measures.csv `kind`).
TIME_DEPENDENT = ("running_total", "count_at_date")
# Statement dates that name a month (or months), not a day.
COARSE_PRECISIONS = ("month", "range")


def window_label(start: pd.Timestamp, end: pd.Timestamp) -> tuple[str, str]:
    """A window as a table shows it and as a sentence says it:
    ('18–23 Oct 2024', 'between 18 and 23 Oct 2024'), ('30 Apr 2025', 'on 30 Apr 2025'),
    ('28 Oct – 3 Nov 2024', 'between 28 Oct and 3 Nov 2024')."""
    if start == end:
        return f"{end:%-d %b %Y}", f"on {end:%-d %b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%-d}–{end:%-d %b %Y}", f"between {start:%-d} and {end:%-d %b %Y}"
    first = f"{start:%-d %b}" if start.year == end.year else f"{start:%-d %b %Y}"
    return f"{first} – {end:%-d %b %Y}", f"between {first} and {end:%-d %b %Y}"


def _day_windows(days: pd.Series, window_days: int) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Windows of at most window_days days, from the earliest statement day forwards: each
    starts on the first day not yet covered and ends on the last statement day within
    window_days of it, so no two windows overlap and none spans more than window_days."""
    spans, remaining, first = [], sorted(set(days)), 0
    while first < len(remaining):
        start = remaining[first]
        after = bisect.bisect_right(remaining, start + timedelta(days=window_days - 1), first)
        spans.append((start, remaining[after - 1]))
        first = after
    return spans


def _lookup(keys: pd.Series, values: pd.Series) -> pd.Series:
    """values[key] for each key; unlike Series.map it keeps dates when keys is empty."""
    return pd.Series(values.reindex(keys).to_numpy(), index=keys.index, dtype=values.dtype)


def in_windows(statements: pd.DataFrame, window_days: int = 7) -> pd.DataFrame:
    """Each statement in the comparison window(s) it belongs to.

    A statement of a time-dependent measure falls in the window of at most `window_days`
    days that holds its day; windows run from the earliest statement forwards and are
    named by their first and last statement days ("18–23 Oct 2024"). A
    statement dated only by its month belongs to every window of that month (by_month
    True) or, where none falls in it, to a window of its own month. A one-time measure
    has one window, "all dates". Adds window (label), window_phrase (the label as a
    sentence says it: "between 18 and 23 Oct 2024"), window_start, window_end
    (datetime64) and by_month (bool); a month statement may appear in several rows.
    Raises ValueError when window_days is below 1.
    """
    if window_days < 1:
        raise ValueError(
            f"window_days must be a whole number of days, 1 or more, not {window_days}"
        )
    timed = statements["measure_kind"].isin(TIME_DEPENDENT)
    coarse = timed & statements["stated_precision"].isin(COARSE_PRECISIONS)
    daily = timed & ~coarse

    once = statements[~timed]
    span = once.groupby("measure")["stated_on"].agg(["min", "max"])
    once = once.assign(
        window="all dates", window_phrase="across all dates", by_month=False,
        window_start=_lookup(once["measure"], span["min"]),
        window_end=_lookup(once["measure"], span["max"]),
    )  # fmt: skip

    # The windows: a short loop over each measure's distinct days, not over statements.
    days = statements.loc[daily, ["measure", "stated_on"]].drop_duplicates()
    spans = pd.DataFrame(
        [
            (measure, start, end, *window_label(start, end))
            for measure, group in days.groupby("measure", sort=True)
            for start, end in _day_windows(group["stated_on"], window_days)
        ],
        columns=["measure", "window_start", "window_end", "window", "window_phrase"],
    ).astype({"window_start": "datetime64[ns]", "window_end": "datetime64[ns]",
              "measure": statements["measure"].dtype})  # fmt: skip
    dated = pd.merge_asof(
        statements[daily].sort_values("stated_on").astype({"stated_on": "datetime64[ns]"}),
        spans.sort_values("window_start"),
        left_on="stated_on", right_on="window_start", by="measure", direction="backward",
    ).assign(by_month=False)  # fmt: skip

    # A statement dated by its month joins every window that overlaps its month ...
    months = statements[coarse].reset_index().merge(spans, on="measure", how="left")
    joins = (months["stated_from"] <= months["window_end"]) & (
        months["stated_on"] >= months["window_start"]
    )
    in_spans = months[joins]
    # ... or, where none does, a window of its own month.
    alone = statements[coarse & ~statements.index.isin(in_spans["index"])]
    first, last = alone["stated_from"], alone["stated_on"]
    own = (first.dt.strftime("%b") + "–" + last.dt.strftime("%b %Y")).where(
        first.dt.month != last.dt.month, first.dt.strftime("%b %Y")
    )
    alone = alone.assign(
        window=own + " (month only)", window_phrase="in " + own + " (month only)",
        window_start=first, window_end=last, by_month=True,
    )  # fmt: skip
    parts = [once, dated, in_spans.drop(columns="index").assign(by_month=True), alone]
    windowed = pd.concat([part for part in parts if not part.empty] or [once])
    return windowed.sort_values(["measure", "window_end", "stated_on", "claim_id"])


def latest_by_source(figured: pd.DataFrame) -> pd.DataFrame:
    """Each independent source's most recent figure per measure (and per window, when
    the rows carry one)."""
    keys = ["measure", "window_end", "origin_id"] if "window_end" in figured else [
        "measure", "origin_id"]  # fmt: skip
    ordered = figured.sort_values([*keys, "stated_on", "claim_id"])
    return ordered.groupby(keys, sort=True).tail(1)


def _open_interval(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Intervals with open ends made explicit: no floor is 0, no ceiling is infinite."""
    low = rows["interval_low"].astype("Float64").fillna(0).astype(float)
    high = rows["interval_high"].astype("Float64").fillna(np.inf).astype(float)
    return low, high


def envelope_text(low: float | None, high: float | None) -> str:
    """'3,000 to 15,000', 'up to 12,000', 'at least 3,000', '3,000', or 'open'."""
    if low is None and high is None:
        return "open"
    if low is None:
        return f"up to {high:,.0f}"
    if high is None:
        return f"at least {low:,.0f}"
    return f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"


# Sources named in the "latest by source" cell; the table of figures has them all.
MAX_LISTED_SOURCES = 8


def as_said(figures: pd.DataFrame) -> pd.Series:
    """Each figure as its interval says it: '3,000', 'about 3,000', 'up to 15,000', 'at
    least 10,000', '25,000–30,000' (a range is never shown as its midpoint)."""
    if figures.empty:
        return pd.Series([], index=figures.index, dtype=object)
    low, point, high = (
        format_count(figures[c]) for c in ("interval_low", "point", "interval_high")
    )
    text = point.copy()
    bound = figures["bound"]
    text = text.where(bound != "approximate", "about " + point)
    text = text.where(bound != "upper bound", "up to " + high)
    text = text.where(bound != "lower bound", "at least " + low)
    text = text.where(~bound.isin(["range", "interval"]), low + "–" + high)
    if "unit" in figures:  # a stated multiple reads "×2", not "2"
        text = text.where(figures["unit"] != "ratio", "×" + figures["point"].map("{:g}".format))
    return text


WINDOW_KEYS = ["measure", "window_end"]


def listings(latest: pd.DataFrame) -> pd.Series:
    """Per measure and window (WINDOW_KEYS), each source's latest figure as said, newest
    first: 'NIS: 3,000 (23 Oct 2024); …', at most MAX_LISTED_SOURCES, then a count."""
    ordered = latest.sort_values([*WINDOW_KEYS, "stated_on", "claim_id"],
                                 ascending=[True, True, False, False])  # fmt: skip
    marks = (
        ordered["by_month"].map({True: ", month only", False: ""}) if "by_month" in ordered else ""
    )
    items = (
        ordered["origin"] + ": " + as_said(ordered) + " ("
        + format_day(ordered["stated_on"]) + marks + ")"
    )  # fmt: skip
    grouped = items.groupby([ordered[key] for key in WINDOW_KEYS], sort=True)

    def joined(group: pd.Series) -> str:
        text = "; ".join(group.iloc[:MAX_LISTED_SOURCES])
        more = len(group) - MAX_LISTED_SOURCES
        return text + (f"; and {more:,} more sources" if more > 0 else "")

    return grouped.agg(joined)


def verdict(sources: int, overlap: bool, spread: float) -> str:
    """The plain-language verdict on the latest figures of one measure in one window."""
    if sources <= 1:
        return "single source"
    if overlap and spread <= CONSISTENT_RATIO:
        return "consistent"
    if overlap:
        return f"ranges overlap; best figures differ by {spread:.1f}×"
    return f"differ by {spread:.1f}×"


COMPARISON_COLUMNS = ["measure", "window", "figures", "independent sources", "lowest", "highest",
                      "range", "latest by source", "spread", "intervals overlap", "verdict",
                      "best established as", "unit", "measure_id", "window_start",
                      "window_end", "window_phrase"]  # fmt: skip


def compare(windowed: pd.DataFrame) -> pd.DataFrame:
    """Per measure and window: the sources, the range their latest figures allow, the
    spread of their points (largest / smallest), whether the intervals overlap, and a
    plain verdict. Input: in_windows(statements). Never compares figures of two
    windows of a time-dependent measure. Vectorised: one pass per column, whatever the
    number of windows."""
    if windowed.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS).astype(
            {"lowest": "Float64", "highest": "Float64", "spread": "Float64"}
        )
    latest = latest_by_source(windowed)
    low, high = _open_interval(latest)
    frame = latest.assign(
        _low=low, _high=high, _point=latest["point"].astype(float),
        _low_open=latest["interval_low"].isna(), _high_open=latest["interval_high"].isna(),
        _lowest=latest["interval_low"].astype("Float64"),
        _highest=latest["interval_high"].astype("Float64"),
    )  # fmt: skip
    table = frame.groupby(WINDOW_KEYS, sort=True).agg(
        measure_label=("measure_label", "first"), window=("window", "first"),
        window_start=("window_start", "first"), window_phrase=("window_phrase", "first"),
        unit=("unit", "first"), sources=("origin_id", "nunique"), max_low=("_low", "max"),
        min_high=("_high", "min"), most=("_point", "max"), least=("_point", "min"),
        low_open=("_low_open", "any"), high_open=("_high_open", "any"),
        lowest=("_lowest", "min"), highest=("_highest", "max"), rung=("rung", "max"),
    )  # fmt: skip
    table["figures"] = windowed.groupby(WINDOW_KEYS, sort=True).size()
    spread = (table["most"] / table["least"]).where(table["least"] > 0, np.inf)
    overlap = table["max_low"] <= table["min_high"]
    lowest = table["lowest"].mask(table["low_open"])
    highest = table["highest"].mask(table["high_open"])
    table = table.reset_index()
    return pd.DataFrame(
        {
            "measure": table["measure_label"],
            "window": table["window"],
            "figures": table["figures"].astype("int64"),
            "independent sources": table["sources"].astype("int64"),
            "lowest": lowest.to_numpy(),
            "highest": highest.to_numpy(),
            "range": [
                envelope_text(None if pd.isna(a) else a, None if pd.isna(b) else b)
                for a, b in zip(lowest, highest, strict=True)
            ],  # fmt: skip
            "latest by source": listings(latest).to_numpy(),
            "spread": spread.round(2).where(np.isfinite(spread)).to_numpy(),
            "intervals overlap": np.where(overlap, "yes", "no"),
            "verdict": [
                verdict(n, o, r) for n, o, r in zip(table["sources"], overlap, spread, strict=True)
            ],  # fmt: skip
            "best established as": table["rung"].astype(int).map(ladder.RUNGS),
            "unit": table["unit"],
            "measure_id": table["measure"],
            "window_start": table["window_start"],
            "window_end": table["window_end"],
            "window_phrase": table["window_phrase"],
        },
        columns=COMPARISON_COLUMNS,
    ).astype({"lowest": "Float64", "highest": "Float64", "spread": "Float64"})


def _trend(series: pd.DataFrame) -> str:
    """'from 1,500 on 18 Oct 2024 (Government of South Korea) to 15,000 on 30 Apr 2025
    (Government of South Korea), revised upwards 3 times by 2 sources' for the statements
    of a time-dependent measure. A source's figure revises its previous one upwards when
    its interval lies wholly above it, downwards when wholly below: "up to 12,000" then
    "over 10,000" is no revision."""
    ordered = series.sort_values(["stated_on", "claim_id"])
    if ordered["stated_on"].nunique() < 2:
        return ""
    first, last = ordered.iloc[0], ordered.iloc[-1]
    said = as_said(ordered)
    low, high = _open_interval(ordered)
    by_source = ordered["origin_id"]
    up = low > high.groupby(by_source).shift()
    down = high < low.groupby(by_source).shift()
    text = (
        f"from {said.iloc[0]} on {first['stated_on']:%-d %b %Y} ({first['origin']}) to "
        f"{said.iloc[-1]} on {last['stated_on']:%-d %b %Y} ({last['origin']})"
    )
    for word, moved in (("upwards", up), ("downwards", down)):
        times, sources = int(moved.sum()), ordered.loc[moved, "origin_id"].nunique()
        if times:
            text += (f", revised {word} {times} time{'s' if times != 1 else ''} by {sources} "
                     f"source{'s' if sources != 1 else ''}")  # fmt: skip
    return text


HEADLINE_COLUMNS = ["measure", "latest comparison", "trend", "verdict", "window",
                    "independent sources", "range", "unit", "measure_id",
                    "window_phrase"]  # fmt: skip


def headlines(comparison: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One line per measure: its latest window's comparison ('In the week to 30 Apr
    2025, 1 source: …') and, for a time-dependent measure, the trend across windows.
    Input: compare() and the statements it was made from."""
    if comparison.empty:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)
    latest = comparison.sort_values(["measure_id", "window_end"]).groupby("measure_id").tail(1)
    kinds = statements.drop_duplicates("measure").set_index("measure")["measure_kind"]
    rows = []
    for _, row in latest.iterrows():
        sources = int(row["independent sources"])
        phrase = row["window_phrase"]
        where = (
            phrase[0].upper() + phrase[1:] if phrase.startswith("across") else f"Stated {phrase}"
        )
        sentence = (f"{where}, {sources} source{'s' if sources != 1 else ''}: "
                    f"{row['latest by source']}")  # fmt: skip
        if sources > 1:
            sentence += f" ({row['verdict']})"
        trend = ""
        if kinds.get(row["measure_id"]) in TIME_DEPENDENT:
            trend = _trend(statements[statements["measure"] == row["measure_id"]])
        rows.append([row["measure"], sentence + ".", trend, row["verdict"], row["window"],
                     sources, row["range"], row["unit"], row["measure_id"],
                     row["window_phrase"]])  # fmt: skip
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)


HEADLINE_SHOWN = ["measure", "latest comparison", "trend"]


def headline_table(headlines_: pd.DataFrame) -> pd.DataFrame:
    """The headlines as a reader reads them: per measure, the latest comparison and the
    trend in words (the other columns are in the analysed view)."""
    return headlines_[HEADLINE_SHOWN].reset_index(drop=True)


# Pairs grow with the square of the sources: beyond a dozen a table of them helps no one.
MAX_PAIR_SOURCES = 12
PAIR_COLUMNS = ["measure", "window", "source A", "figure A", "source B", "figure B", "intervals",
                "ratio"]  # fmt: skip


def overlap_pairs(windowed: pd.DataFrame) -> pd.DataFrame:
    """Every pair of independent sources' latest figures on one measure in one window:
    overlap or not, and the ratio of their points. Per measure and window, the
    MAX_PAIR_SOURCES sources that gave most figures are paired (of sources with as many,
    the first by origin id).

    Input: windowed statements (in_windows) with measure, window_end, window,
    measure_label, origin_id, origin, point, interval_low/high. Output: PAIR_COLUMNS,
    one row per pair, windows in order of measure and end, a window's sources in order
    of origin id (source A before source B).
    """
    keys = ["measure", "window_end"]
    counts = windowed.groupby([*keys, "origin_id"], sort=True).size().rename("n").reset_index()
    counts = counts.sort_values(
        [*keys, "n", "origin_id"], ascending=[True, True, False, True], kind="stable"
    )
    busiest = counts[counts.groupby(keys, sort=False).cumcount() < MAX_PAIR_SOURCES]
    chosen = pd.MultiIndex.from_frame(busiest[[*keys, "origin_id"]])
    latest = latest_by_source(
        windowed[pd.MultiIndex.from_frame(windowed[[*keys, "origin_id"]]).isin(chosen)]
    )
    low, high = _open_interval(latest)
    sides = pd.DataFrame(
        {
            "group": latest.groupby(keys, sort=True).ngroup().to_numpy(),
            "position": latest.groupby(keys, sort=True).cumcount().to_numpy(),
            "name": latest["origin"].to_numpy(dtype=object),
            "point": latest["point"].astype(float).to_numpy(),
            "low": low.to_numpy(),
            "high": high.to_numpy(),
        }
    )
    pairs = sides.merge(sides, on="group", suffixes=("_a", "_b"))
    pairs = pairs[pairs["position_a"] < pairs["position_b"]].sort_values(
        ["group", "position_a", "position_b"]
    )
    if pairs.empty:
        return pd.DataFrame([], columns=PAIR_COLUMNS)
    # Each window's measure label and window label, as its first row gives them.
    first = windowed.drop_duplicates(keys).merge(latest[keys].drop_duplicates(), on=keys)
    first = first.sort_values(keys).reset_index(drop=True)
    label = first["measure_label"].to_numpy(dtype=object)[pairs["group"]]
    window = first["window"].to_numpy(dtype=object)[pairs["group"]]
    overlap = np.maximum(pairs["low_a"], pairs["low_b"]) <= np.minimum(
        pairs["high_a"], pairs["high_b"]
    )
    ratio = np.maximum(pairs["point_a"], pairs["point_b"]) / np.minimum(
        pairs["point_a"], pairs["point_b"]
    )
    return pd.DataFrame(
        {
            "measure": label.tolist(),
            "window": window.tolist(),
            "source A": pairs["name_a"].tolist(),
            "figure A": pairs["point_a"].tolist(),
            "source B": pairs["name_b"].tolist(),
            "figure B": pairs["point_b"].tolist(),
            "intervals": np.where(overlap, "overlap", "disjoint").tolist(),
            "ratio": [round(float(value), 2) for value in ratio],
        },
        columns=PAIR_COLUMNS,
    )


def ranges_title(headlines_: pd.DataFrame) -> str:
    """A chart title that states what the latest comparison of each measure found."""
    if headlines_.empty:
        return "No figures recorded"
    disagreeing = headlines_[headlines_["verdict"].str.startswith("differ")]
    if (headlines_["independent sources"] <= 1).all():
        # One source cannot contradict itself: "do not contradict" would claim a check.
        return "Each measure rests on one source in its latest window: nothing to compare yet"
    if disagreeing.empty:
        return (
            "In the latest window of each measure the sources do not contradict each other; "
            "figures that differ count different things or different days"
        )
    named = "; ".join(disagreeing["measure"] + " (" + disagreeing["window"] + ")")
    # The chart's panels follow below in their own order: the title names its panel.
    return f"One panel per measure; in the latest comparison, sources disagree on: {named}"


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
_BOUND = Column(
    "string",
    "The kind of interval the wording sets: exact, approximate, range, upper bound or "
    "lower bound (interval_rules.csv).",
)
FIGURES_COLUMNS = {
    "measure": MEASURE,
    "source": SOURCE,
    "relayed via": Column("string", "Who passed it to the outlet (actors.csv); empty if no one."),
    "stated": STATED_DAY,
    "low": Column(
        "number", "Low end of the interval read from the figure, in its unit; empty when open."
    ),
    "best": Column(
        "number",
        "The point figure: best, else the middle of low and high, else the one bound.",
    ),
    "high": Column(
        "number", "High end of the interval read from the figure, in its unit; empty when open."
    ),
    "as written": Column("string", "The figure with its qualifier, as the source gave it."),
    "bound": _BOUND,
    "unit": UNIT,
    "established as": ESTABLISHED,
    "hedged words": Column("string", "Hedge words in the evidence or the note ('may', 'could')."),
    "outlets": Column("integer", "How many distinct outlets carried the statement."),
    "claim": Column("string", "The claim id of the standing version of the statement."),
}
EXPORTED_COLUMNS = {
    "estimates": FIGURES_COLUMNS,
    "estimate_ranges": FIGURES_COLUMNS,
    "estimate_headlines": {
        "measure": MEASURE,
        "latest comparison": Column(
            "string", "The latest window's comparison of the sources' latest figures, in words."
        ),
        "trend": Column(
            "string",
            "For a measure that changes with time, its first and latest figure and how often "
            "sources revised it; empty otherwise.",
        ),
    },
    "interval_rules": {
        "bound": _BOUND,
        "low": Column("string", "How the interval's low end is read ('open': no floor)."),
        "point": Column("string", "How the point figure is read."),
        "high": Column("string", "How the interval's high end is read ('open': no ceiling)."),
        "meaning": Column("string", "When the rule applies, with an example."),
    },
    "qualifier_rules": {
        "bound": _BOUND,
        "qualifiers": Column(
            "string", "Words at the start of claims.csv `qualifier` that set it, comma-separated."
        ),
        "read as": Column("string", "What the bound means, with an example."),
        "coded in": Column(
            "string", "Which of claims.csv low, best (the interval's point), high a coder fills."
        ),
    },
    "estimate_comparison": {
        "measure": MEASURE,
        "window": WINDOW,
        "figures": Column("integer", "How many figures were stated in the window."),
        "independent sources": INDEPENDENT_SOURCES,
        "lowest": Column("number", "Lowest end of the sources' latest intervals (empty: open)."),
        "highest": Column("number", "Highest end of the sources' latest intervals (empty: open)."),
        "range": Column("string", "The range the latest figures allow, in words."),
        "latest by source": Column("string", "Each source's latest figure, with its day."),
        "spread": Column(
            "number",
            "Largest point figure divided by the smallest (empty when the smallest is 0).",
        ),
        "intervals overlap": Column("boolean", "Whether every latest interval overlaps."),
        "verdict": Column(
            "string", "single source, consistent, ranges overlap, or differ by a factor."
        ),
        "best established as": ESTABLISHED,
        "unit": UNIT,
        "measure_id": MEASURE_ID,
        "window_start": WINDOW_START,
        "window_end": WINDOW_END,
        "window_phrase": WINDOW_PHRASE,
    },
    "estimate_pairs": {
        "measure": MEASURE,
        "window": WINDOW,
        "source A": INDEPENDENT_SOURCE,
        "figure A": Column("number", "Source A's latest point figure."),
        "source B": INDEPENDENT_SOURCE,
        "figure B": Column("number", "Source B's latest point figure."),
        "intervals": Column("string", "overlap or disjoint: whether the two intervals meet."),
        "ratio": Column("number", "The larger point figure divided by the smaller."),
    },
}
