"""Claims on a calendar: when each was stated, what period it speaks of, figures over time."""

from __future__ import annotations

import pandas as pd

from crosscheck.claims import labelled
from crosscheck.load import Dataset


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
