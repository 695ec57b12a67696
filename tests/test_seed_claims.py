"""The shipped data holds every claim of the seed article, traceable and dated by code."""

from datetime import date

import pandas as pd
import pytest

from crosscheck import analysis
from crosscheck.claims import positions_by_side
from crosscheck.load import load_dataset

from conftest import DATA

SEED = "dt-2024-10-23"


@pytest.fixture(scope="module")
def seed():
    dataset = load_dataset(DATA)
    claims = dataset.claims[dataset.claims["article_id"] == SEED]
    return dataset, claims


def find(claims, **conditions) -> pd.DataFrame:
    mask = pd.Series(True, index=claims.index)
    for column, value in conditions.items():
        mask &= claims[column] == value
    return claims[mask.fillna(False)]


# (what the article says, the coded conditions, the date it was stated)
REQUIRED = [
    ("Austin: presence", dict(claimant_id="lloyd-austin", claim_type="presence"), "2024-10-23"),
    ("Austin: activities unclear", dict(claimant_id="lloyd-austin", stance="cannot_confirm"), None),
    ("two units", dict(claimant_id="ukraine-intelligence", measure="units_prepared", best=2), None),
    ("up to 12,000", dict(relayed_via_id="volodymyr-zelenskyy", high=12000), None),
    (
        "3,000 dispatched",
        dict(claimant_id="rok-nis", measure="troops_dispatched", best=3000),
        "2024-10-23",
    ),
    ("double", dict(measure="ratio_to_previous", best=2), None),
    ("~10,000 committed", dict(measure="troops_committed", best=10000), "2024-10-23"),
    ("finished by December", dict(claim_type="forecast", claimant_id="rok-nis"), "2024-10-23"),
    ("~1,500 special forces", dict(measure="troops_dispatched", best=1500), "2024-10-18"),
    ("by sea", dict(claim_type="movement"), "2024-10-18"),
    ("training in Sept/Oct", dict(relayed_via_id="park-sun-won", claim_type="training"), None),
    ("spread over sites", dict(relayed_via_id="park-sun-won", claim_type="location"), None),
    ("Zelenskiy 10,000", dict(claimant_id="volodymyr-zelenskyy", best=10000), None),
    ("call on allies", dict(claimant_id="volodymyr-zelenskyy", claim_type="appeal"), "2024-10-22"),
    ("Moscow denies arms", dict(claimant_id="russia-government", stance="denies"), None),
    ("Pyongyang denies arms", dict(claimant_id="dprk-government", stance="denies"), None),
    ("June treaty", dict(claim_type="agreement", period_wording="in June"), None),
    ("fake news", dict(claimant_id="kremlin", stance="denies"), None),
    ("US diplomat", dict(claimant_id="us-senior-diplomat", stance="conditional"), "2024-10-21"),
    ("Pyongyang silent", dict(claimant_id="dprk-government", stance="no_comment"), None),
    ("suppression", dict(claim_type="information_control"), None),
    ("families", dict(claim_type="families", relayed_via_id="lee-seong-kweun"), None),
    ("interpreters, drones", dict(claim_type="support", relayed_via_id="lee-seong-kweun"), None),
    ("instructors' view", dict(claim_type="capability"), None),
    ("casualty warning", dict(claimant_id="lee-seong-kweun", claim_type="forecast"), None),
    ("motives", dict(claimant_id="park-sun-won", claim_type="motive"), None),
    (
        "withdrawal call",
        dict(claimant_id="rok-presidential-office", stance="asserts"),
        "2024-10-22",
    ),
    ("lethal aid", dict(claimant_id="rok-presidential-office", stance="conditional"), "2024-10-22"),
]


@pytest.mark.parametrize(("label", "conditions", "stated"), REQUIRED, ids=[r[0] for r in REQUIRED])
def test_each_claim_of_the_article_is_recorded(seed, label, conditions, stated):
    _, claims = seed
    found = find(claims, **conditions)
    assert not found.empty, f"no claim for {label}"
    if stated:
        assert (found["stated_on"] == pd.Timestamp(stated)).any()


def test_families_are_two_claims_distraught_and_relocated(seed):
    _, claims = seed
    assert len(find(claims, claim_type="families")) == 2


def test_the_seed_article_date_is_marked_as_inferred_with_its_reason(seed):
    dataset, _ = seed
    article = dataset.articles.set_index("article_id").loc[SEED]
    assert article["published_on"].date() == date(2024, 10, 23)
    assert article["date_basis"] == "inferred"
    assert "Austin" in article["date_note"] and "Rome" in article["date_note"]


def test_every_claim_traces_to_an_article_and_a_known_claimant(seed):
    dataset, claims = seed
    assert claims["article_id"].isin(dataset.articles["article_id"]).all()
    assert claims["claimant_id"].isin(dataset.actors["actor_id"]).all()
    assert claims["evidence"].notna().all()


def test_every_date_that_is_not_explicit_is_marked_inferred(seed):
    _, claims = seed
    assert claims["stated_inferred"].all()  # the article gives no explicit date anywhere


def test_each_evidence_quote_appears_in_the_article_as_printed(seed):
    _, claims = seed
    article = DATA.parent.parent / "shared" / "seed" / "article.txt"
    if not article.exists():
        pytest.skip(f"the seed article is not beside the project ({article})")
    text = article.read_text()
    missing = [q for q in claims["evidence"] if q not in text]
    assert not missing


DEPLOYMENT_TYPES = ("presence", "troops_dispatched", "troops_committed", "troops_prepared",
                    "confirmation")  # fmt: skip


def label_day(label: str) -> pd.Timestamp:
    """The day of a stated label: '23 Oct 2024' or 'by publication (23 Oct 2024)'."""
    day = label.removeprefix("by publication (").removesuffix(")")
    return pd.to_datetime(day, format="%d %b %Y")


@pytest.fixture(scope="module")
def copies():
    return analysis.analyse(load_dataset(DATA)).claims


def test_the_later_claims_show_russia_and_north_korea_moving_from_denial_to_confirmation(copies):
    sides = positions_by_side(copies, DEPLOYMENT_TYPES).set_index("side")
    for side in ("Russia", "North Korea"):  # as the reader reads the sides
        assert sides.loc[side, "first stance"] == "denies"
        assert sides.loc[side, "latest stance"] == "asserts"
        assert sides.loc[side, "changed"] == "yes"
        # The days are shown as text now ('by publication (…)' for an undated copy).
        first, latest = sides.loc[side, "first stated"], sides.loc[side, "latest stated"]
        assert label_day(latest) > label_day(first)


def test_no_claims_about_the_deployment_give_an_empty_table(copies):
    table = positions_by_side(copies.iloc[:0], DEPLOYMENT_TYPES)
    assert table.empty
    assert list(table.columns) == ["side", "first stance", "first stated", "by", "latest stance",
                                   "latest stated", "latest by", "claims",
                                   "changed"]  # fmt: skip


def test_one_claim_is_its_sides_first_and_latest_position(copies):
    austin = copies[copies["claim_id"] == f"{SEED}-01"]
    table = positions_by_side(austin, DEPLOYMENT_TYPES)
    assert table.to_dict("records") == [
        {"side": "Ukraine's partners", "first stance": "asserts", "first stated": "23 Oct 2024",
         "by": "Lloyd Austin", "latest stance": "asserts", "latest stated": "23 Oct 2024",
         "latest by": "Lloyd Austin", "claims": 1, "changed": "no"}
    ]  # fmt: skip


def test_an_undated_copy_is_shown_as_known_by_publication(copies):
    undated = copies[
        copies["claim_type"].isin(DEPLOYMENT_TYPES) & (copies["stated_precision"] == "unknown")
    ].head(1)
    assert len(undated) == 1
    table = positions_by_side(undated, DEPLOYMENT_TYPES)
    published = undated["published_on"].iloc[0]
    assert table["first stated"].tolist() == [f"by publication ({published:%-d %b %Y})"]
