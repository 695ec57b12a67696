"""Claims on a calendar: when each was stated, what period it speaks of, figures over time."""

from __future__ import annotations

import pandas as pd

from crosscheck.claims import labelled
from crosscheck.load import Dataset
from crosscheck.present import text_or


def calendar(dataset: Dataset) -> pd.DataFrame:
    """Every claim with its statement day and, where it has one, the period it is about."""
    claims = labelled(dataset).sort_values(["stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "claim": claims["claim_id"],
            "stated": claims["stated_on"],
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


def over_time_title(figured: pd.DataFrame, measure: str, target: str | None) -> str:
    """'Troops sent so far: 1,500 (18 Oct) to 3,000 (23 Oct); target 10,000 by December'."""
    rows = figured[figured["measure"] == measure].sort_values(["stated_on", "claim_id"])
    if rows.empty:
        return f"No figures for {measure} yet"
    first, last = rows.iloc[0], rows.iloc[-1]
    title = f"{first['measure_label']}: {first['point']:,.0f} ({first['stated_on']:%-d %b})"
    if len(rows) > 1:
        title += f" to {last['point']:,.0f} ({last['stated_on']:%-d %b})"
    targets = figured[figured["measure"] == target].sort_values("stated_on") if target else None
    if targets is not None and not targets.empty:
        latest = targets.iloc[-1]
        deadline = latest["period_wording"] if pd.notna(latest["period_wording"]) else ""
        title += f"; target {latest['point']:,.0f} {deadline}".rstrip()
    return title


def calendar_title(claims: pd.DataFrame) -> str:
    """'34 statements from 18 Oct to 23 Oct 2024, 4 of them denials'."""
    if claims.empty:
        return "No statements recorded"
    first, last = claims["stated_on"].min(), claims["stated_on"].max()
    denials = int((claims["stance"] == "denies").sum())
    return (
        f"{len(claims):,} statements from {first:%-d %b} to {last:%-d %b %Y}, "
        f"{denials} of them denials"
    )


def required_pace(statements: pd.DataFrame, measure: str, target: str) -> pd.DataFrame:
    """The pace needed to reach the latest target by its deadline, from the latest count.

    A deadline worded "by December" can mean its first or its last day, so the
    pace is given for both ends: a range, not one number. The pace the source's
    own earlier counts imply is given beside it.
    """
    columns = ["from", "count then", "target", "deadline", "days left", "still to send",
               "per day", "per week", "source"]  # fmt: skip
    targets = statements[statements["measure"] == target].sort_values(["stated_on", "claim_id"])
    if targets.empty:
        return pd.DataFrame(columns=columns)
    goal = targets.iloc[-1]
    sent = statements[
        (statements["measure"] == measure) & (statements["origin_id"] == goal["origin_id"])
    ].sort_values(["stated_on", "claim_id"])
    if sent.empty:
        return pd.DataFrame(columns=columns)
    latest = sent.iloc[-1]
    rows = []
    deadlines = [goal["period_start"], goal["period_end"]]
    if pd.isna(deadlines[0]):
        deadlines = []
    for deadline in dict.fromkeys(deadlines):
        days = (deadline - latest["stated_on"]).days
        remaining = goal["point"] - latest["point"]
        rows.append(
            {
                "from": latest["stated_on"],
                "count then": latest["point"],
                "target": goal["point"],
                "deadline": deadline,
                "days left": days,
                "still to send": remaining,
                "per day": remaining / days if days > 0 else None,
                "per week": 7 * remaining / days if days > 0 else None,
                "source": f"{goal['origin']}: target {text_or(goal['period_wording'])}".strip(),
            }
        )
    if len(sent) >= 2:
        first = sent.iloc[0]
        days = (latest["stated_on"] - first["stated_on"]).days
        if days > 0:
            rows.append(
                {
                    "from": first["stated_on"],
                    "count then": first["point"],
                    "target": latest["point"],
                    "deadline": latest["stated_on"],
                    "days left": days,
                    "still to send": latest["point"] - first["point"],
                    "per day": (latest["point"] - first["point"]) / days,
                    "per week": 7 * (latest["point"] - first["point"]) / days,
                    "source": f"{latest['origin']}: pace of its own counts so far",
                }
            )
    return pd.DataFrame(rows, columns=columns)


def known_on(
    statements: pd.DataFrame, days: list[str], measures: list[str] | None = None
) -> pd.DataFrame:
    """Each independent source's latest figure per measure as it stood on each given day."""
    if measures is not None:
        statements = statements[statements["measure"].isin(measures)]
    frames = []
    for day in days:
        cutoff = pd.Timestamp(day)
        known = statements[statements["stated_on"] <= cutoff]
        latest = (
            known.sort_values(["stated_on", "claim_id"])
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
                    "stated": latest["stated_on"],
                    "bound": latest["bound"],
                    "alignment": latest["claimant_alignment"],
                    "measure_id": latest["measure"],
                }
            )
        )
    columns = ["known on", "measure", "source", "figure", "stated", "bound", "alignment",
               "measure_id"]  # fmt: skip
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns].sort_values(
        ["known on", "measure", "source"], ignore_index=True
    )


def known_on_title(known: pd.DataFrame) -> str:
    """'On 18 Oct 2024 one figure was public; by 23 Oct 2024, 5'."""
    if known.empty:
        return "Nothing was known on these days"
    counts = known.groupby("known on").size()
    first, last = counts.index[0], counts.index[-1]
    return (
        f"On {first:%-d %b %Y} {counts.iloc[0]} figure{'s' if counts.iloc[0] != 1 else ''} "
        f"had been stated; by {last:%-d %b %Y}, {counts.iloc[-1]}"
    )
