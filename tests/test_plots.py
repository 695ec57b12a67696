"""Charts that cap what they draw keep the key articles' figures and say what they left out."""

from __future__ import annotations

import pandas as pd

from crosscheck import plots


def statements(count: int, measure: str = "m") -> pd.DataFrame:
    days = pd.date_range("2024-10-01", periods=count, freq="D")
    return pd.DataFrame(
        {
            "measure": measure,
            "statement": [f"s{n:02d}" for n in range(count)],
            "claim_id": [f"c{n:02d}" for n in range(count)],
            "stated_on": days,
        }
    )


def test_a_cap_keeps_the_key_statements_and_the_latest_others():
    drawn, left_out = plots.capped(statements(20), keep={"s00", "s01"}, limit=5)
    assert list(drawn["statement"]) == ["s00", "s01", "s17", "s18", "s19"]
    assert left_out == 15


def test_a_cap_not_reached_draws_everything():
    drawn, left_out = plots.capped(statements(3), keep=set(), limit=8)
    assert len(drawn) == 3 and left_out == 0


def test_more_key_statements_than_the_cap_are_all_kept():
    drawn, left_out = plots.capped(statements(6), keep={f"s0{n}" for n in range(6)}, limit=2)
    assert len(drawn) == 6 and left_out == 0


def test_the_cap_is_per_measure():
    both = pd.concat([statements(10, "a"), statements(10, "b")], ignore_index=True)
    drawn, left_out = plots.capped(both, keep={"s00"}, limit=3)
    assert drawn.groupby("measure").size().to_dict() == {"a": 3, "b": 3}
    assert left_out == 14


def test_a_cap_of_nothing_draws_nothing():
    drawn, left_out = plots.capped(statements(0), keep={"s00"}, limit=3)
    assert drawn.empty and left_out == 0
