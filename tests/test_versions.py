"""One version per statement: misreported copies never replace the version that stands.

A test loads the shipped data, then adds an outlet's misreported copies of known
statements (a misdated briefing, a headline figure, a changed measure), and checks
that no standing version, check or verdict changes and that only the new copies are
flagged.
"""

from __future__ import annotations

import pandas as pd
import pytest

from crosscheck import analysis, checks, outlets, versions
from crosscheck.load import load_dataset

from conftest import DATA, read_rows, write_rows
from factories import ARTICLE, actor, figure, make_dataset

MISREPORTS = "aaa-misreport-2024-10-24"  # sorts before every real article and claim id


def copy_of(rows: list[dict], statement: str, number: int, **changes) -> dict:
    """A new outlet's copy of a statement: no relay named, its own claim id and words."""
    original = next(row for row in rows if row["statement_key"] == statement)
    return (
        original
        | {
            "claim_id": f"{MISREPORTS}-{number:02d}",
            "article_id": MISREPORTS,
            "relayed_via_id": "",
            "evidence": f"misreported copy {number}",
            "note": "",
            "relates_to": "",
        }
        | changes
    )


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    folder = tmp_path_factory.mktemp("misreports")
    for path in DATA.iterdir():
        if path.is_file():
            (folder / path.name).write_bytes(path.read_bytes())
    articles = read_rows(folder / "articles.csv")
    original = {row["article_id"]: row for row in articles}
    same_day = original[next(row["article_id"] for row in read_rows(folder / "claims.csv")
                             if row["statement_key"] == "nis-2024-12-19-killed-100")]  # fmt: skip
    for article_id, day in ((MISREPORTS, "2024-10-24"), (f"{MISREPORTS}-b", "2024-12-24")):
        articles.append(articles[0] | {"article_id": article_id, "outlet": "Copycat Daily",
                                       "published_on": day, "date_basis": "stated",
                                       "date_note": "", "url": "", "wire_agency": ""})  # fmt: skip
    articles.append(same_day | {"article_id": f"{MISREPORTS}-c", "outlet": "Copycat Daily",
                                "url": ""})  # fmt: skip
    write_rows(folder / "articles.csv", articles)
    claims = read_rows(folder / "claims.csv")
    added = [
        # The NIS briefing of Wednesday 23 Oct misdated to Monday 21 Oct.
        copy_of(claims, "nis-2024-10-23-dispatched", 1, stated_wording="2024-10-21"),
        # A headline that says 1,000 where the body and other outlets say 10,000.
        copy_of(claims, "nis-2024-10-23-committed", 2, low="1000", best="1000", high="1000",
                qualifier=""),
        # Casualties turned into wounded.
        copy_of(claims, "rok-jcs-2024-12-23-casualties-1100", 3, measure="wounded",
                claim_type="casualties", article_id=f"{MISREPORTS}-b"),
        # The article's "up to 12,000", misdated and cut to 1,200 by a third outlet.
        copy_of(claims, "zelenskyy-2024-10-22-up-to-12000", 4, stated_wording="2024-10-21",
                high="1200"),
        # A figure added to a statement that six outlets carry without one.
        copy_of(claims, "austin-2024-10-23-presence", 5, measure="troops_dispatched",
                claim_type="troops_dispatched", low="10000", best="10000", high="10000",
                unit="soldiers"),
        # A same-day copy, through the same agency, of a statement one outlet carried.
        copy_of(claims, "nis-2024-12-19-killed-100", 6, low="1000",
                article_id=f"{MISREPORTS}-c"),
    ]  # fmt: skip
    write_rows(folder / "claims.csv", claims + added)
    return analysis.analyse(load_dataset(DATA)), analysis.analyse(load_dataset(folder)), added


def standing_ids(view) -> pd.Series:
    return view.claims[view.claims["standing"]].set_index("statement")["claim_id"].sort_index()


def test_misreported_copies_replace_no_standing_version(before_and_after):
    before, after, _ = before_and_after
    assert standing_ids(after).equals(standing_ids(before))


def test_misreported_copies_change_no_check(before_and_after):
    before, after, _ = before_and_after
    tables = [checks.all_checks(v.statements, v.figures, "troops_dispatched", "troops_committed")
              for v in (before, after)]  # fmt: skip
    assert tables[1].equals(tables[0])
    double = tables[1][tables[1]["check"].str.startswith("'double'")]
    assert list(double["status"]) == ["pass"]


def test_misreported_copies_change_no_verdict_or_range(before_and_after):
    before, after, _ = before_and_after
    columns = ["measure", "window", "range", "verdict", "latest by source"]
    assert after.comparison[columns].equals(before.comparison[columns])


def test_only_the_misreported_copies_are_flagged(before_and_after):
    before, after, added = before_and_after
    # How many copies agree with the standing version grows with a new copy; the rest not.
    old, new = (outlets.discrepancies(view.claims).drop(columns="copies agreeing with it")
                for view in (before, after))  # fmt: skip
    merged = new.merge(old, how="left", indicator=True)
    fresh = merged[merged["_merge"] == "left_only"]
    assert set(fresh["claim"]) == {row["claim_id"] for row in added}
    assert len(merged[merged["_merge"] == "both"]) == len(old)
    kinds = set(zip(fresh["claim"], fresh["kind"], strict=True))
    assert (f"{MISREPORTS}-01", "different date") in kinds
    assert (f"{MISREPORTS}-03", "different measure") in kinds
    assert (f"{MISREPORTS}-02", "figure that cannot be right as written (off by a factor of "
            "ten or more)") in kinds  # fmt: skip
    assert (f"{MISREPORTS}-05", "different figure: one the standing version does not give") in kinds
    assert (f"{MISREPORTS}-06", "figure that cannot be right as written (off by a factor of "
            "ten or more)") in kinds  # fmt: skip


def test_a_misdated_copy_is_known_on_the_day_it_was_published_not_the_day_it_names(
    before_and_after,
):
    _, after, _ = before_and_after
    misdated = after.claims.set_index("claim_id").loc[f"{MISREPORTS}-01"]
    assert misdated["stated_on"] == pd.Timestamp("2024-10-21")
    cut = analysis.analyse(after.all_data, analysis.Parameters.parse(as_of="2024-10-22"))
    assert f"{MISREPORTS}-01" not in set(cut.claims["claim_id"])


# --- The rule on small datasets -----------------------------------------------------

ACTORS = [actor("nis"), actor("lawmakers", actor_type="legislator")]
ARTICLES = [ARTICLE | {"article_id": f"a{n}", "outlet": f"Outlet {n}",
                       "published_on": f"2024-10-2{n}"} for n in range(3, 6)]  # fmt: skip


def copy(number: int, **fields) -> dict:
    base = figure(f"a{number}-01", "nis", "troops_dispatched", low=3000, best=3000, high=3000,
                  article_id=f"a{number}", statement_key="nis-3000",
                  stated_wording="2024-10-23")  # fmt: skip
    return base | {key: str(value) for key, value in fields.items()}


def standing(tmp_path, *copies) -> str:
    view = analysis.analyse(make_dataset(tmp_path, list(copies), ACTORS, articles=ARTICLES))
    return view.statements.iloc[0]["claim_id"]


def test_the_copy_most_copies_agree_with_stands(tmp_path):
    odd = copy(3, low=1000, best=1000, high=1000)
    assert standing(tmp_path, odd, copy(4), copy(5)) != "a3-01"


def test_of_two_copies_that_differ_the_one_naming_the_relay_stands(tmp_path):
    relayed = copy(5, relayed_via_id="lawmakers")
    assert standing(tmp_path, copy(3, low=1000, best=1000, high=1000), relayed) == "a5-01"


def test_of_two_copies_that_differ_the_dated_one_stands(tmp_path):
    undated = copy(3, stated_wording="", low=1000, best=1000, high=1000)
    assert standing(tmp_path, undated, copy(5)) == "a5-01"


def test_of_two_equal_copies_the_earliest_published_stands(tmp_path):
    assert standing(tmp_path, copy(5), copy(3)) == "a3-01"


def test_a_value_only_one_copy_gives_is_no_majority(tmp_path):
    """A date only the later copy gives does not outvote the relay the first one names."""
    relayed = copy(3, stated_wording="", relayed_via_id="lawmakers", low=12000, best="",
                   high=12000)  # fmt: skip
    assert standing(tmp_path, relayed, copy(5)) == "a3-01"


def test_no_copies_give_no_statements():
    empty = versions.statements(pd.DataFrame(columns=["statement", "claim_id"]).iloc[0:0])
    assert empty.empty and {"copies", "outlets"} <= set(empty.columns)
