"""The report on some articles alone: a cut-down copy of the data, the source untouched."""

import hashlib
import shutil

import pandas as pd
import pytest

from crosscheck.load import load_dataset
from crosscheck.report import BuildError, BuildOptions, build
from crosscheck.subset import write_subset

from conftest import DATA, SEED_ARTICLE, read_rows, write_rows

SEED = SEED_ARTICLE


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_subset_keeps_only_the_articles_claims_and_loads_clean(tmp_path):
    before = digest(DATA)
    subset = load_dataset(write_subset(DATA, [SEED], tmp_path / "seed"))
    assert set(subset.claims["article_id"]) == {SEED}
    assert len(subset.claims) == sum(
        r["article_id"] == SEED for r in read_rows(DATA / "claims.csv")
    )
    assert subset.ach_ratings["claim_id"].isin(subset.claims["claim_id"]).all()
    assert digest(DATA) == before


def test_a_relation_to_a_claim_left_out_is_dropped(data_copy, tmp_path):
    rows = read_rows(data_copy / "claims.csv")
    other = next(r for r in rows if r["article_id"] != SEED)
    seed_row = next(r for r in rows if r["article_id"] == SEED)
    seed_row["relates_to"] = other["claim_id"]
    write_rows(data_copy / "claims.csv", rows)
    subset = load_dataset(write_subset(data_copy, [SEED], tmp_path / "seed"))
    assert subset.claims.set_index("claim_id").loc[seed_row["claim_id"], "relates_to"] is pd.NA


def test_an_unknown_article_is_refused(tmp_path):
    with pytest.raises(BuildError, match="no article nowhere-2024"):
        build(BuildOptions(data_dir=DATA, out_dir=tmp_path, articles=["nowhere-2024"],
                           progress=False))  # fmt: skip


def test_the_seed_only_report_is_reproducible_as_more_data_is_added(
    built_report, seed_only_rebuild, data_copy, tmp_path
):
    # The first build is the shipped report's folder rebuilt on the seed article alone
    # (conftest.py); the second starts from the same previous report, with one more claim
    # of another article in the data.
    first = seed_only_rebuild
    rows = read_rows(data_copy / "claims.csv")
    extra = dict(next(r for r in rows if r["article_id"] != SEED))
    extra["claim_id"] = extra["claim_id"] + "-9"
    write_rows(data_copy / "claims.csv", [*rows, extra])
    second = tmp_path / "b"
    shutil.copytree(built_report, second)
    build(BuildOptions(data_dir=data_copy, out_dir=second, articles=[SEED], progress=False))
    for path in (first / "data").glob("*.csv"):
        assert (second / "data" / path.name).read_bytes() == path.read_bytes(), path.name
    claims = pd.read_csv(first / "data" / "claims.csv")
    assert set(claims["outlet"]) == {"Defence Talks"}
