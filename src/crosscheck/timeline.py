"""Claims on a calendar: when each was stated, what period it speaks of, figures over time."""

from __future__ import annotations

import pandas as pd

from crosscheck import estimates, versions
from crosscheck.datapackage import (
    CLAIM,
    INDEPENDENT_SOURCE,
    MEASURE,
    MEASURE_ID,
    SOURCE,
    STATED_DAY,
    UNIT,
    Column,
)


def calendar(claims: pd.DataFrame) -> pd.DataFrame:
    """Every copy with its statement day and, where it has one, the period it is about.
    Input: labelled copies (claims.labelled)."""
    # Sorted once the columns it reads are picked: the labelled copies have fifty.
    used = ["stated_on", "claim_id", "stated_label", "stated_wording", "stated_precision",
            "claimant", "claim_type_label", "period_wording", "period_start",
            "period_end"]  # fmt: skip
    claims = claims[used].sort_values(["stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "claim": claims["claim_id"],
            "stated": claims["stated_label"],
            "date as worded": claims["stated_wording"].fillna("(not given)"),
            "date precision": claims["stated_precision"],
            "claimant": claims["claimant"],
            "type": claims["claim_type_label"],
            "about the period": claims["period_wording"].fillna(""),
            "period from": claims["period_start"],
            "period to": claims["period_end"],
        }
    ).reset_index(drop=True)


def figure_over_time(figured: pd.DataFrame, measure: str, target: str | None) -> pd.DataFrame:
    """A measure's figures by date and source, beside the target figure stated for it."""
    wanted = [measure] + ([target] if target else [])
    rows = figured[figured["measure"].isin(wanted)].sort_values(["stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "measure": rows["measure_label"],
            "role": rows["measure"].map(lambda m: "target" if m == target else "so far"),
            "source": rows["claimant"],
            "stated": rows["stated_on"],
            "figure": rows["point"],
            "target date from": rows["period_start"],
            "target date to": rows["period_end"],
            "claim": rows["claim_id"],
        }
    ).reset_index(drop=True)


def over_time_title(
    figured: pd.DataFrame, measure: str, target: str | None, measures: pd.DataFrame | None = None
) -> str:
    """'Troops sent so far: 1,500 (18 Oct) to 3,000 (23 Oct); target 10,000 by December'.
    Without a figure of the measure: 'No figure of “Troops sent so far” had been stated',
    the measure named by its label in `measures` (measures.csv rows; its id without)."""
    rows = figured[figured["measure"] == measure].sort_values(["stated_on", "claim_id"])
    if rows.empty:
        labels = {} if measures is None else measures.set_index("measure")["label"].to_dict()
        return f"No figure of “{labels.get(measure, measure)}” had been stated"
    first, last = rows.iloc[0], rows.iloc[-1]
    title = f"{first['measure_label']}: {first['point']:,.0f} ({first['stated_on']:%-d %b %Y})"
    if len(rows) > 1:
        title += f" to {last['point']:,.0f} ({last['stated_on']:%-d %b %Y})"
    targets = figured[figured["measure"] == target].sort_values("stated_on") if target else None
    if targets is not None and not targets.empty:
        # The latest target with a deadline, the one a pace can be worked out for.
        dated = targets[targets["period_start"].notna()]
        latest = (dated if not dated.empty else targets).iloc[-1]
        deadline = latest["period_wording"] if pd.notna(latest["period_wording"]) else ""
        title += f"; target {latest['point']:,.0f} {deadline}".rstrip()
    return title


def calendar_title(claims: pd.DataFrame) -> str:
    """'34 statements from 18 Oct to 23 Oct 2024, 4 of them denials' (statements: copies
    carried by several outlets count once)."""
    if claims.empty:
        return "No statements recorded"
    first, last = claims["stated_on"].min(), claims["stated_on"].max()
    statements = claims["statement"].nunique()
    denials = claims.loc[claims["stance"] == "denies", "statement"].nunique()
    when = (
        f"on {first:%-d %b %Y}" if first == last else f"from {first:%-d %b %Y} to {last:%-d %b %Y}"
    )
    if statements == 1:
        return f"1 statement, {when}{', a denial' if denials else ''}"
    denied = "a denial" if denials == 1 else "denials"
    return f"{statements:,} statements {when}, {denials} of them {denied}"


PACE_COLUMNS = ["target", "target by", "target stated", "deadline from", "deadline to",
                "from count", "counted by", "counted on", "basis", "days left", "still to send",
                "per day, by the first day", "per day, by the last day",
                "per week, by the first day", "per week, by the last day"]  # fmt: skip


def required_pace(statements: pd.DataFrame, measure: str, target: str | None) -> pd.DataFrame:
    """For each target (a statement of the target measure with a deadline): the pace
    needed to reach it from the latest count of `measure` stated on or before it, by
    the same or an allied source (same side), and from the latest count by any source;
    at most two rows per target, one when both are the same figure.

    A deadline worded "by December" can mean its first or its last day, so the pace is
    given for both ends (per day and per week; float). A revised count is never a
    target: only statements of the target measure are.
    """
    if not target:
        return pd.DataFrame(columns=PACE_COLUMNS)
    targets = statements[
        (statements["measure"] == target) & statements["period_start"].notna()
    ].sort_values(["stated_on", "claim_id"])
    counts = statements[statements["measure"] == measure].sort_values(["stated_on", "claim_id"])
    rows = []
    for _, goal in targets.iterrows():
        before = counts[counts["stated_on"] <= goal["stated_on"]]
        allied = before[
            (before["origin_id"] == goal["origin_id"])
            | (before["claimant_alignment"] == goal["claimant_alignment"])
        ]
        chosen = {}
        for basis, pool in (("same or allied source", allied), ("any source", before)):
            if pool.empty:
                continue
            latest = pool.iloc[-1]
            if latest["claim_id"] in chosen:  # one count is the latest of both: one row
                chosen[latest["claim_id"]] = ("same or allied source, and latest of any", latest)
            else:
                chosen[latest["claim_id"]] = (basis, latest)
        for basis, count in chosen.values():
            remaining = float(goal["point"] - count["point"])
            days = [(goal[end] - count["stated_on"]).days for end in ("period_start", "period_end")]
            pace = [remaining / d if d > 0 else None for d in days]
            rows.append(
                [goal["point"], goal["origin"], goal["stated_on"], goal["period_start"],
                 goal["period_end"], count["point"],
                 count["origin"], count["stated_on"], basis,
                 f"{days[0]}" if days[0] == days[1] else f"{days[0]}–{days[1]}", remaining,
                 *pace, *[None if p is None else 7 * p for p in pace]]
            )  # fmt: skip
    table = pd.DataFrame(rows, columns=PACE_COLUMNS)
    rate_columns = PACE_COLUMNS[-4:]
    return table.astype({column: "Float64" for column in rate_columns}).round(
        {column: 0 for column in rate_columns}
    )


def snapshot_days(days: list[str], as_of: pd.Timestamp | None) -> tuple[list, list]:
    """The snapshot days to draw, and those dropped because they fall after the cut-off."""
    parsed = [pd.Timestamp(day) for day in days]
    if as_of is None:
        return parsed, []
    return [d for d in parsed if d <= as_of], [d for d in parsed if d > as_of]


def snapshot_note(dropped: list, as_of: pd.Timestamp | None) -> str:
    """The sentence that says which snapshot days were dropped for falling after as_of."""
    if not dropped:
        return ""
    days = ", ".join(f"{day:%-d %b %Y}" for day in dropped)
    return (
        f"Not shown: {days}, after the cut-off of {as_of:%-d %b %Y}; this report knows "
        "nothing published after it."
    )


def known_by(
    figures: pd.DataFrame, day: pd.Timestamp, copies: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The statements a reader could have read by a day: the copies published by then,
    one standing version per statement among them (versions.statements; `copies`: every
    copy, with or without a figure, as the analysed view holds them)."""
    published = None if copies is None else copies[copies["published_on"] <= day]
    return versions.statements(figures[figures["published_on"] <= day], published)


KNOWN_COLUMNS = ["known on", "measure", "source", "figure", "unit", "as said", "stated",
                 "bound", "alignment", "measure_id"]  # fmt: skip


def known_on(
    figures: pd.DataFrame,
    days: list,
    measures: list[str] | None = None,
    copies: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each independent source's latest figure per measure as a reader could have known
    it on each given day. Input: every figured copy (with published_on), and every copy
    (to decide which version stood; see known_by)."""
    if measures is not None:
        figures = figures[figures["measure"].isin(measures)]
    frames = []
    for day in days:
        cutoff = pd.Timestamp(day)
        latest = (
            known_by(figures, cutoff, copies)
            .sort_values(["stated_on", "claim_id"])
            .groupby(["measure", "origin_id"], sort=True)
            .tail(1)
        )
        frames.append(
            pd.DataFrame(
                {
                    "known on": cutoff,
                    "measure": latest["measure_label"],
                    "source": latest["origin"],
                    "figure": latest["point"],
                    "unit": latest["unit"],
                    "as said": estimates.as_said(latest),
                    "stated": latest["stated_on"],
                    "bound": latest["bound"],
                    "alignment": latest["claimant_alignment"],
                    "measure_id": latest["measure"],
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=KNOWN_COLUMNS)
    return pd.concat(frames, ignore_index=True)[KNOWN_COLUMNS].sort_values(
        ["known on", "measure", "source"], ignore_index=True
    )


def known_count_sentence(
    figures: pd.DataFrame, day: pd.Timestamp, copies: pd.DataFrame | None = None
) -> str:
    """'By 20 Oct 2024, 4 figures had been published; 60 more came later.' The one
    sentence for "what was known on a day", in the chapters and in the prompts."""
    known = len(known_by(figures, day, copies))
    later = figures["statement"].nunique() - known
    return (
        f"By {day:%-d %b %Y}, {known:,} figure{'s' if known != 1 else ''} had been published"
        f"; {later:,} more came later."
    )


def known_on_title(known: pd.DataFrame) -> str:
    """'By 18 Oct 2024 1 source's figure had been published; by 23 Oct 2024, 5'."""
    if known.empty:
        return "Nothing had been published on these days"
    counts = known.groupby("known on").size()
    first, last = counts.index[0], counts.index[-1]
    title = (
        f"By {first:%-d %b %Y}, {counts.iloc[0]} source figure{'s' if counts.iloc[0] != 1 else ''}"
        " had been published"
    )
    if len(counts) > 1:
        title += f"; by {last:%-d %b %Y}, {counts.iloc[-1]}"
    return title + " (each source's latest per measure)"


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
_PERIOD = "the period the claim is about (claims.csv `period_wording`, resolved)"
_PER_DAY = "Figures a day needed to reach the target from the count"
_PER_WEEK = "Figures a week needed to reach the target from the count"
KNOWN_ON_COLUMNS = {
    "known on": Column("date", "The snapshot day: what had been published by then."),
    "measure": MEASURE,
    "source": INDEPENDENT_SOURCE,
    "figure": Column("number", "The source's latest point figure known on that day."),
    "unit": UNIT,
    "as said": Column("string", "The figure with its qualifier, as the source gave it."),
    "stated": Column("date", "The day the figure was stated (the last it can have been)."),
    "bound": Column("string", "exact, approximate, range, upper bound or lower bound."),
    "alignment": Column("string", "The claimant's side (actors.csv `alignment`)."),
    "measure_id": MEASURE_ID,
}
EXPORTED_COLUMNS = {
    "timeline": {
        "claim": CLAIM,
        "stated": STATED_DAY,
        "date as worded": Column(
            "string", "The date wording of claims.csv `stated_wording`; '(not given)' if none."
        ),
        "date precision": Column("string", "How exactly it is dated: day, month, range, unknown."),
        "claimant": SOURCE,
        "type": Column("string", "What the claim is about: its type's label (claim_types.csv)."),
        "about the period": Column("string", f"The wording of {_PERIOD}; empty if none."),
        "period from": Column("date", f"First day of {_PERIOD}."),
        "period to": Column("date", f"Last day of {_PERIOD}."),
    },
    "figure_over_time": {
        "measure": MEASURE,
        "role": Column("string", "so far (the count charted) or target (the target measure)."),
        "source": SOURCE,
        "stated": Column("date", "The day the figure was stated (the last it can have been)."),
        "figure": Column("number", "The point figure, in the measure's unit."),
        "target date from": Column("date", "First day of the target's deadline, if it has one."),
        "target date to": Column("date", "Last day of the target's deadline, if it has one."),
        "claim": CLAIM,
    },
    "required_pace": {
        "target": Column("number", "The target figure (point of a target-measure statement)."),
        "target by": Column("string", "The independent source that set the target."),
        "target stated": Column("date", "The day the target was stated."),
        "deadline from": Column("date", "First day the deadline can mean ('by December')."),
        "deadline to": Column("date", "Last day the deadline can mean."),
        "from count": Column("number", "The latest count stated on or before the target."),
        "counted by": Column("string", "The independent source of that count."),
        "counted on": Column("date", "The day the count was stated."),
        "basis": Column(
            "string",
            "Which count: the latest by the same or an allied source, the latest by any "
            "source, or both at once.",
        ),
        "days left": Column(
            "string", "Days from the count to the deadline's first–last day.", "days"
        ),
        "still to send": Column("number", "The target minus the count."),
        "per day, by the first day": Column(
            "integer", f"{_PER_DAY}, by the deadline's first day.", "per day"
        ),
        "per day, by the last day": Column(
            "integer", f"{_PER_DAY}, by the deadline's last day.", "per day"
        ),
        "per week, by the first day": Column(
            "integer", f"{_PER_WEEK}, by the deadline's first day.", "per week"
        ),
        "per week, by the last day": Column(
            "integer", f"{_PER_WEEK}, by the deadline's last day.", "per week"
        ),
    },
    "known_on": KNOWN_ON_COLUMNS,
    "known_on_table": KNOWN_ON_COLUMNS,
}
