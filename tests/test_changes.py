"""What changed since the previous build."""

import pandas as pd

from crosscheck import changes
from crosscheck.load import load_dataset
from crosscheck.present import write_csv

from conftest import DATA


def test_added_removed_and_revised_claims_are_told_apart(tmp_path):
    now = changes.snapshot(load_dataset(DATA))
    write_csv(now, tmp_path / changes.SNAPSHOT)  # as a build leaves it
    before = changes.previous_snapshot(tmp_path)
    before = before[before["claim_id"] != now["claim_id"].iloc[0]]  # one claim is new
    extra = before.iloc[[0]].assign(claim_id="gone-01")  # one claim was removed
    before = pd.concat([before, extra])
    before.loc[before.index[1], "stance"] = "denies"  # one claim was revised
    table = changes.claim_changes(before, now)
    assert table["change"].value_counts().to_dict() == {"added": 1, "removed": 1, "revised": 1}
    assert table.loc[table["change"] == "revised", "what changed"].iloc[0] == "stance"


def test_no_previous_build_means_nothing_to_compare():
    assert changes.claim_changes(None, changes.snapshot(load_dataset(DATA))).empty
    assert "first build" in changes.summary(pd.DataFrame(), first_build=True)


def test_a_rebuild_on_fewer_articles_reports_the_claims_and_estimates_that_went(
    seed_only_rebuild,
):
    # The shipped report's folder rebuilt on the article dt-2024-10-23 alone (conftest.py).
    out = seed_only_rebuild
    changed = pd.read_csv(out / "data" / "claim_changes.csv")
    assert set(changed["change"]) == {"removed"}
    assert not changed["claim"].str.startswith("dt-2024-10-23").any()
    moves = pd.read_csv(out / "data" / "estimate_moves.csv")
    assert "Troops committed in total" in set(moves["measure"])
    snapshot = pd.read_csv(out / "data" / "claims_snapshot.csv")
    assert set(snapshot["article_id"]) == {"dt-2024-10-23"}


def test_an_empty_table_of_changes_says_why_on_a_first_build_and_after():
    from crosscheck.changes import nothing_changed

    assert nothing_changed(True) == (
        "No claim to list: there is no previous build in this report folder."
    )
    assert nothing_changed(False) == "No claim to list: nothing was added, removed or revised."
