"""data/README.md documents every column of every table, and every vocabulary value."""

import re

import pytest

from crosscheck import schema

from conftest import DATA


def dictionary_section(table_name: str) -> str:
    text = (DATA / "README.md").read_text()
    match = re.search(rf"^### `{table_name}\.csv`(.*?)(?=^### |\Z)", text, re.S | re.M)
    assert match, f"data/README.md has no section for {table_name}.csv"
    return match.group(1)


@pytest.mark.parametrize("table", schema.TABLES, ids=lambda table: table.name)
def test_every_column_is_documented_in_its_tables_section(table):
    section = dictionary_section(table.name)
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))
    assert documented == set(table.columns)


@pytest.mark.parametrize(
    "values",
    [
        schema.STANCES,
        schema.ACTOR_TYPES,
        schema.CUE_RULES,
        schema.DATE_BASES,
        schema.MEASURE_KINDS,
        schema.ACH_RATING_VALUES,
        tuple("ABCDEF"),
        tuple("123456"),
    ],
    ids=[
        "stances",
        "actor types",
        "cue rules",
        "date bases",
        "measure kinds",
        "ach ratings",
        "reliability",
        "credibility",
    ],
)
def test_every_value_of_a_coded_vocabulary_is_explained(values):
    text = (DATA / "README.md").read_text()
    missing = [value for value in values if f"`{value}`" not in text]
    assert not missing


def test_the_loader_adds_exactly_the_derived_columns_the_dictionary_documents():
    from crosscheck.dates import PRECISIONS
    from crosscheck.load import load_dataset

    claims = load_dataset(DATA).claims
    derived = [column for column in claims.columns if column not in schema.CLAIMS.columns]
    assert derived == list(schema.DERIVED_CLAIM_COLUMNS)
    text = (DATA / "README.md").read_text()
    assert all(f"`{column}`" in text for column in derived)
    assert set(claims["stated_precision"]) <= set(PRECISIONS)
