"""Checks the claims invite: stated relations verified by arithmetic.

Every check works on statements (one standing version each, versions.py), never on
the outlets' individual copies: a misreported copy cannot make a check fail. Each
check returns rows (dicts, or a table of them where there can be many) with its inputs
and its result, and a status: 'pass', 'fail', or 'derived' (a figure worked out from
others, nothing to fail). A failed check is shown, never dropped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crosscheck.datapackage import CLAIM_IDS, Column
from crosscheck.estimates import qualifier_bound
from crosscheck.present import text_or

CHECK_COLUMNS = ["check", "claims", "inputs", "result", "status"]
# A stated multiple ("double") holds when the figures give it within 10%.
RATIO_TOLERANCE = 0.10


def _row(check: str, claims: list[str], inputs: str, result: str, status: str) -> dict:
    return dict(zip(CHECK_COLUMNS, [check, " ".join(claims), inputs, result, status], strict=True))


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def stated_multiples(statements: pd.DataFrame, figures: pd.DataFrame) -> list[dict]:
    """'3,000 … double the previous estimate': the multiple against the figures themselves.

    Input: the statements and every figured copy (to find the statement a claim id
    belongs to). The revised figure is the standing version of the statement the
    ratio relates to; the previous one is the same source's latest earlier statement
    of that measure (any source's, if it gave none)."""
    rows = []
    statement_of = figures.set_index("claim_id")["statement"]
    by_statement = statements.set_index("statement")
    ratios = statements[(statements["unit"] == "ratio") & statements["relates_to"].notna()]
    for _, ratio in ratios.iterrows():
        key = statement_of.get(ratio["relates_to"])
        if key is None or key not in by_statement.index:
            continue
        revised = by_statement.loc[key]
        earlier = statements[
            (statements["measure"] == revised["measure"])
            & (statements["stated_on"] < revised["stated_on"])
        ].sort_values(["stated_on", "claim_id"])
        same_source = earlier[earlier["origin_id"] == revised["origin_id"]]
        previous = (same_source if not same_source.empty else earlier).tail(1)
        check = f"'{text_or(ratio['qualifier'], str(ratio['point']))}' the previous estimate"
        if previous.empty:
            rows.append(
                _row(check, [ratio["claim_id"], revised["claim_id"]],
                     f"{_fmt(revised['point'])}; no earlier figure recorded",
                     "cannot be checked", "fail")
            )  # fmt: skip
            continue
        previous = previous.iloc[0]
        actual = revised["point"] / previous["point"]
        holds = abs(actual / ratio["point"] - 1) <= RATIO_TOLERANCE
        rows.append(
            _row(
                check,
                [ratio["claim_id"], revised["claim_id"], previous["claim_id"]],
                f"{_fmt(revised['point'])} ({revised['stated_on']:%-d %b %Y}) against "
                f"{_fmt(previous['point'])} ({previous['stated_on']:%-d %b %Y}); "
                f"stated ×{ratio['point']:g}",
                f"×{actual:.2f}",
                "pass" if holds else "fail",
            )
        )
    return rows


def per_unit_sizes(statements: pd.DataFrame, figures: pd.DataFrame) -> list[dict]:
    """'Two units … up to 12,000': the implied size of one unit, from the statements."""
    rows = []
    statement_of = figures.set_index("claim_id")["statement"]
    by_statement = statements.set_index("statement")
    units = by_statement[by_statement["unit"] == "units"]
    related = statements[statements["relates_to"].map(statement_of).isin(units.index)]
    for _, troops in related.iterrows():
        unit = units.loc[statement_of[troops["relates_to"]]]
        size = troops["point"] / unit["point"]
        rows.append(
            _row(
                "implied size of one unit",
                [troops["claim_id"], unit["claim_id"]],
                f"{text_or(troops['qualifier'])} {_fmt(troops['point'])} {troops['unit']} in "
                f"{_fmt(unit['point'])} units".strip(),
                f"{'up to ' if troops['bound'] == 'upper bound' else 'about '}"
                f"{_fmt(size)} {troops['unit']} per unit",
                "derived",
            )
        )
    return rows


def sent_within_committed(statements: pd.DataFrame, dispatched: str, committed: str) -> list[dict]:
    """Troops sent so far never above the total committed, same source, same day."""
    rows = []
    sent = statements[statements["measure"] == dispatched]
    total = statements[statements["measure"] == committed]
    pairs = sent.merge(total, on=["origin_id", "stated_on"], suffixes=("_sent", "_total"))
    for _, pair in pairs.iterrows():
        holds = pair["point_sent"] <= pair["point_total"]
        rows.append(
            _row(
                "sent so far within the committed total",
                [pair["claim_id_sent"], pair["claim_id_total"]],
                f"{pair['origin_sent']}, {pair['stated_on']:%-d %b %Y}: sent "
                f"{_fmt(pair['point_sent'])}, committed {_fmt(pair['point_total'])}",
                f"{pair['point_sent'] / pair['point_total']:.0%} of the total sent",
                "pass" if holds else "fail",
            )
        )
    return rows


def never_falls(statements: pd.DataFrame) -> pd.DataFrame:
    """A source's running total (measures.csv kind running_total: sent so far, killed so
    far) does not fall from one statement to its next without a comment.

    One row per pair of consecutive statements of one source and measure (by stated day,
    then claim id), measures and sources in order of their ids: a table of CHECK_COLUMNS
    (text), built column by column because a million claims make hundreds of thousands
    of pairs."""
    keys = ["measure", "origin_id"]
    totals = statements[statements["measure_kind"] == "running_total"].dropna(subset=keys)
    used = [*keys, "stated_on", "claim_id", "measure_label", "origin", "point", "note"]
    ordered = totals[used].sort_values([*keys, "stated_on", "claim_id"], kind="stable")
    # Each statement beside the one before it, where both belong to one source and measure.
    before = ordered.shift(1)
    # The first row has an empty row before it: with pd.NA keys "==" gives NA, never True.
    same = (ordered[keys] == before[keys]).fillna(False).astype(bool)
    follows = (before[keys].notna().all(axis=1) & same.all(axis=1)).to_numpy()
    after, before = ordered[follows], before[follows]
    falls = after["point"].to_numpy(float, na_value=np.nan) < before["point"].to_numpy(
        float, na_value=np.nan
    )
    noted = after["note"].notna().to_numpy()
    result = np.where(falls, "falls without comment", "rises or holds").astype(object)
    result[falls & noted] = "falls; the coder's note: " + after["note"][falls & noted]
    text = pd.DataFrame(
        {
            "check": _each(after["measure_label"], str.lower) + ": a running total does not fall",
            "claims": _text(before["claim_id"]) + " " + _text(after["claim_id"]),
            "inputs": _text(after["origin"]) + ": " + _each(before["point"], _fmt) + " ("
            + _each(before["stated_on"], _day) + ") then " + _each(after["point"], _fmt)
            + " (" + _each(after["stated_on"], _day) + ")",
            "result": result,
            "status": np.where(falls & ~noted, "fail", "pass").astype(object),
        },
        index=after.index,
    )  # fmt: skip
    return text.reset_index(drop=True).astype(object)


def _each(values: pd.Series, text) -> np.ndarray:
    """text(value) per cell, worked out once per distinct value (a missing one included:
    it reads as the per-row code read it)."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    return np.array([text(value) for value in distinct], dtype=object)[codes]


def _text(values: pd.Series) -> np.ndarray:
    return values.astype(object).to_numpy()


def _day(day) -> str:
    return f"{day:%-d %b %Y}"


def qualifier_coding(figured: pd.DataFrame) -> list[dict]:
    """The coded low/best/high agree with the qualifier's rule ('up to' sets high only)."""
    expected = qualifier_bound(figured["qualifier"])
    comparable = expected.notna() & expected.ne("multiple") & figured["bound"].ne("exact")
    wrong = figured[comparable & (expected != figured["bound"])]
    return [
        _row(
            "coding follows the qualifier rule",
            [claim["claim_id"]],
            f"qualifier '{claim['qualifier']}' read as {expected[index]}",
            f"coded as {claim['bound']}",
            "fail",
        )
        for index, claim in wrong.iterrows()
    ]


def all_checks(
    statements: pd.DataFrame, figures: pd.DataFrame, dispatched: str, committed: str
) -> pd.DataFrame:
    """Every check, in a fixed order, as one table (columns CHECK_COLUMNS).

    Input: the statements, and every figured copy (for claim ids and the coding check,
    which judges each row as it was coded)."""
    rows = (
        stated_multiples(statements, figures)
        + per_unit_sizes(statements, figures)
        + sent_within_committed(statements, dispatched, committed)
    )
    tables = [
        pd.DataFrame(rows, columns=CHECK_COLUMNS),
        never_falls(statements),
        pd.DataFrame(qualifier_coding(figures), columns=CHECK_COLUMNS),
    ]
    return pd.concat([t for t in tables if not t.empty] or tables[:1], ignore_index=True)


# --- The columns of the table above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
EXPORTED_COLUMNS = {
    "checks": {
        "check": Column("string", "What is checked, in words."),
        "claims": CLAIM_IDS,
        "inputs": Column("string", "The figures the check works on, with their days."),
        "result": Column("string", "What the arithmetic gives."),
        "status": Column(
            "string", "pass, fail, or derived (a figure worked out from others: nothing to fail)."
        ),
    },
}
