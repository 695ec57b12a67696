"""The same statement across outlets: each copy is compared with its statement's standing
version, and every kind of difference is found in the data."""

import pandas as pd
import pytest

from crosscheck import analysis, outlets
from crosscheck.load import load_dataset

from conftest import DATA
from factories import ARTICLE, actor, figure, make_dataset

ACTORS = [
    actor("nis", part_of="rok-government"),
    actor("nis-director", actor_type="intelligence_agency", part_of="nis"),
    actor("austin", actor_type="defence_minister"),
    actor("lawmakers", actor_type="legislator"),
    actor("rok-government", actor_type="government"),
    actor("zelenskyy", actor_type="head_of_state", part_of="ukraine-government"),
    actor("ukraine-intelligence", part_of="ukraine-government"),
    actor("ukraine-government", actor_type="government"),
]
ARTICLES = [
    ARTICLE | {"article_id": f"a{number}", "outlet": f"Outlet {number}"} for number in range(1, 5)
]


def report(number: int, **changes) -> dict:
    """Outlet number's version of one NIS statement: 3,000 sent, on Wednesday 23 Oct."""
    base = figure(
        f"a{number}-01", "nis", "troops_dispatched", low=3000, best=3000, high=3000,
        article_id=f"a{number}", statement_key="nis-3000", stated_wording="on Wednesday",
    )  # fmt: skip
    return base | {key: str(value) for key, value in changes.items()}


def copies_of(tmp_path, *claims, articles=ARTICLES) -> pd.DataFrame:
    """The labelled, standing-marked copies of a small dataset (the analysed view's)."""
    dataset = make_dataset(tmp_path, list(claims), ACTORS, articles=articles)
    return analysis.analyse(dataset).claims


def found(tmp_path, *changed) -> list[tuple[str, str, str]]:
    table = outlets.discrepancies(copies_of(tmp_path, report(1), report(2), *changed))
    return list(
        zip(table["kind"], table["this copy says"], table["the standing version says"], strict=True)
    )


def test_outlets_that_agree_show_no_discrepancy(tmp_path):
    assert found(tmp_path, report(3)) == []


@pytest.mark.parametrize(
    ("change", "kind", "theirs", "standing"),
    [
        ({"claimant_id": "austin"}, "different attribution", "Austin", "Nis"),
        ({"stated_wording": "on Monday"}, "different date", "2024-10-21", "2024-10-23"),
        ({"stance": "denies"}, "different stance", "denies", "asserts"),
        ({"low": 1500, "best": 1500, "high": 1500}, "different figure", "1,500", "3,000"),
        ({"low": 3000, "best": "", "high": "", "qualifier": "over"}, "different qualifier",
         "lower bound", "exact or range"),
        ({"low": 3000, "best": "", "high": 4000}, "different figure", "3,000–4,000", "3,000"),
    ],
)  # fmt: skip
def test_each_kind_of_difference_is_found(tmp_path, change, kind, theirs, standing):
    assert found(tmp_path, report(3, **change)) == [(kind, theirs, standing)]


def test_a_different_measure_is_found(tmp_path):
    changed = report(3, measure="troops_committed")
    assert ("different measure", "Troops committed in total", "Troops sent to Russia so far") in (
        found(tmp_path, changed)
    )


def test_a_figure_off_by_ten_is_flagged_as_not_right_as_written(tmp_path):
    kinds = [kind for kind, *_ in found(tmp_path, report(3, low=30000, best=30000, high=30000))]
    assert kinds == ["figure that cannot be right as written (off by a factor of ten or more)"]


def test_the_table_names_the_statement_the_outlet_and_the_claim(tmp_path):
    table = outlets.discrepancies(
        copies_of(tmp_path, report(1), report(2), report(3, stance="denies"))
    )
    assert list(table.columns) == outlets.DISCREPANCY_COLUMNS
    row = table.iloc[0]
    assert (row["statement"], row["outlet"], row["claim"]) == ("nis-3000", "Outlet 3 (a3)", "a3-01")
    assert row["copies agreeing with it"] == 2


# Empty and one-row inputs of the two table functions.


def test_no_copies_give_empty_tables_with_their_columns(tmp_path):
    none = copies_of(tmp_path, report(1)).iloc[:0]
    assert list(outlets.discrepancies(none).columns) == outlets.DISCREPANCY_COLUMNS
    assert outlets.discrepancies(none).empty
    assert list(outlets.statement_overview(none).columns) == outlets.OVERVIEW_COLUMNS
    assert outlets.statement_overview(none).empty


def test_a_statement_carried_by_one_outlet_is_not_compared(tmp_path):
    copies = copies_of(tmp_path, report(1, low=1, best=1, high=1))
    assert len(copies) == 1 and copies["standing"].all()
    assert outlets.statement_overview(copies).empty
    assert outlets.discrepancies(copies).empty


def test_two_copies_of_one_statement_give_one_overview_row(tmp_path):
    overview = outlets.statement_overview(copies_of(tmp_path, report(1), report(2)))
    assert overview.to_dict("records") == [
        {
            "statement": "nis-3000",
            "outlets": 2,
            "standing version": "Outlet 1 (a1)",
            "claimants given": "Nis",
            "dates given": "23 Oct 2024",
            "figures given": "3,000",
        }
    ]


# The standing version (versions.py) and what is flagged against it.


def test_a_tie_of_two_outlets_flags_only_the_copy_that_does_not_stand(tmp_path):
    # Changed by design: the old rule flagged both outlets of a two-outlet difference.
    # Neither copy leads on the figure; neither names a relay; both are dated and
    # published the same day: the claim id decides, and only a2's copy is flagged.
    copies = copies_of(tmp_path, report(1), report(2, low=1500, best=1500, high=1500))
    assert copies.set_index("claim_id")["standing"].to_dict() == {"a1-01": True, "a2-01": False}
    table = outlets.discrepancies(copies)
    assert table[["kind", "claim", "this copy says", "the standing version says"]].to_dict(
        "records"
    ) == [
        {
            "kind": "different figure",
            "claim": "a2-01",
            "this copy says": "1,500",
            "the standing version says": "3,000",
        }
    ]
    assert table["copies agreeing with it"].tolist() == [1]


def test_in_a_tie_the_earlier_published_copy_stands(tmp_path):
    articles = [ARTICLES[0] | {"published_on": "2024-10-24"}, ARTICLES[1]]
    copies = copies_of(
        tmp_path, report(1), report(2, low=1500, best=1500, high=1500), articles=articles
    )
    assert outlets.discrepancies(copies)["claim"].tolist() == ["a1-01"]


@pytest.mark.parametrize(
    ("nearer", "articles"),
    [
        ({"relayed_via_id": "lawmakers"}, ARTICLES),
        ({}, [ARTICLES[0], ARTICLES[1] | {"wire_agency": "Yonhap"}]),
    ],
    ids=["relay", "wire agency"],
)
def test_a_copy_naming_the_relay_or_the_agency_stands_over_one_that_does_not(
    tmp_path, nearer, articles
):
    copies = copies_of(
        tmp_path, report(1), report(2, low=1500, best=1500, high=1500, **nearer), articles=articles
    )
    assert copies.set_index("claim_id")["standing"].to_dict() == {"a1-01": False, "a2-01": True}
    table = outlets.discrepancies(copies)
    assert table[["claim", "this copy says", "the standing version says"]].values.tolist() == [
        ["a1-01", "3,000", "1,500"]
    ]


def test_agreement_outranks_naming_the_relay(tmp_path):
    lone = report(3, low=1500, best=1500, high=1500, relayed_via_id="lawmakers")
    copies = copies_of(tmp_path, report(1), report(2), lone)
    assert not copies.set_index("claim_id").loc["a3-01", "standing"]
    assert outlets.discrepancies(copies)["claim"].tolist() == ["a3-01"]


def test_a_dated_copy_stands_over_an_undated_one(tmp_path):
    undated = report(1, stated_wording="", low=1500, best=1500, high=1500)
    copies = copies_of(tmp_path, undated, report(2))
    assert copies.set_index("claim_id")["standing"].to_dict() == {"a1-01": False, "a2-01": True}


def test_an_undated_copy_shows_by_publication_in_the_overview_and_is_not_flagged_for_its_date(
    tmp_path,
):
    articles = [ARTICLES[0], ARTICLES[1] | {"published_on": "2024-10-25"}]
    undated = report(2, stated_wording="")
    copies = copies_of(tmp_path, report(1), undated, articles=articles)
    overview = outlets.statement_overview(copies)
    assert overview["dates given"].tolist() == ["23 Oct 2024; by publication (25 Oct 2024)"]
    assert overview["standing version"].tolist() == ["Outlet 1 (a1)"]
    assert outlets.discrepancies(copies).empty  # no day of its own: nothing to compare


@pytest.mark.parametrize(
    ("other", "flagged"),
    [("nis-director", False), ("austin", True)],
    ids=["the director speaks for the NIS", "Austin is another body"],
)
def test_attribution_is_compared_by_the_body_the_claimant_speaks_for(tmp_path, other, flagged):
    copies = copies_of(tmp_path, report(1), report(2), report(3, claimant_id=other))
    table = outlets.discrepancies(copies)
    assert ("different attribution" in set(table["kind"])) is flagged


def test_two_bodies_of_one_government_are_still_two_attributions(tmp_path):
    # Zelenskyy and Ukrainian intelligence are one independent source (both part of
    # the government of Ukraine) but an outlet crediting one for the other's words
    # is a different attribution.
    table = outlets.discrepancies(
        copies_of(
            tmp_path,
            report(1, claimant_id="ukraine-intelligence"),
            report(2, claimant_id="ukraine-intelligence"),
            report(3, claimant_id="zelenskyy"),
        )
    )
    assert table[["kind", "this copy says", "the standing version says"]].values.tolist() == [
        ["different attribution", "Zelenskyy", "Ukraine Intelligence"]
    ]


# Every difference the research notes mark [discrepancy] for the reports of 17-25
# October 2024 (shared/research/other_outlets.md), as (article, kind, side) the
# chapter must find in the shipped data, without reading the notes. `side` is where
# the article's copy stands: "flagged" when it departs from the standing version,
# "standing" when the rule lets it stand and the other copy is flagged instead.
DOCUMENTED = [
    ("unn-2024-10-22", "different figure", "flagged"),  # 'two brigades of 6,000'
    ("yeshope-2024-10-18", "different attribution", "flagged"),  # NATO's chief as Stoltenberg
    ("strategicstudyindia-2024-10-28", "different date", "flagged"),  # told on 'Monday'
    ("newsnet-2024-10-23", "different qualifier", "flagged"),  # 'more than' in the headline
    ("koreanews-2024-10-23", "different measure", "flagged"),  # troops 'in Ukraine'
    ("cbschicago-2024-10-23", "different date", "flagged"),  # Austin spoke 'on Tuesday'
    ("devdiscourse-2024-10-23-2", "different attribution", "flagged"),  # 3,000 credited to Austin
    # A refusal framed as a denial. Only two outlets carry it and they tie on the
    # stance; the Daily Tribune names AFP, so by the standing rule its copy stands and
    # Ukrainska Pravda's accurate 'no comment' is the copy flagged.
    ("dailytribune-2024-10-21", "different stance", "standing"),
]


@pytest.fixture(scope="module")
def shipped():
    view = analysis.analyse(load_dataset(DATA))
    return view.claims, outlets.discrepancies(view.claims)


@pytest.mark.parametrize(("article", "kind", "side"), DOCUMENTED, ids=[a for a, *_ in DOCUMENTED])
def test_every_documented_discrepancy_is_found_in_the_shipped_data(shipped, article, kind, side):
    copies, table = shipped
    ours = copies[copies["article_id"] == article]
    of_kind = table[table["kind"] == kind]
    if side == "flagged":
        flagged = of_kind[of_kind["claim"].isin(ours["claim_id"])]
        assert not flagged.empty
        assert flagged["outlet"].str.endswith(f"({article})").all()
    else:
        standing = ours[ours["standing"]]
        against = of_kind[of_kind["statement"].isin(standing["statement"])]
        assert not against.empty
        assert not against["claim"].isin(ours["claim_id"]).any()


def test_the_seed_articles_copy_of_the_nis_3000_statement_stands_and_is_not_flagged(shipped):
    copies, table = shipped
    seed = copies[(copies["article_id"] == "dt-2024-10-23") & (copies["best"] == 3000)]
    seed = seed[seed["measure"] == "troops_dispatched"]
    assert len(seed) == 1
    statement = seed["statement"].iloc[0]
    assert seed["standing"].iloc[0]
    against = table[table["statement"] == statement]
    assert len(against) >= 3  # Austin's attribution, the 28 Oct date, the qualifiers
    assert "dt-2024-10-23" not in " ".join(against["outlet"])
    attribution = against[against["kind"] == "different attribution"]
    assert attribution["the standing version says"].tolist() == ["National Intelligence Service"]


def test_no_standing_copy_is_ever_flagged_in_the_shipped_data(shipped):
    copies, table = shipped
    standing = set(copies.loc[copies["standing"], "claim_id"])
    assert not table.empty
    assert not set(table["claim"]) & standing
    assert copies.groupby("statement")["standing"].sum().eq(1).all()
