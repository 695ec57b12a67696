"""Whole-column lookups on Arrow text give what pandas' own isin and map give."""

from __future__ import annotations

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import given, settings

from crosscheck.columns import is_in, joined_distinct, look_up, lower

TEXT = ["a", "b", None, "c", "a"]


@pytest.mark.parametrize("storage", ["string[pyarrow]", "string[python]", "str", object])
@pytest.mark.parametrize(
    "allowed",
    [["a", "c"], {"b"}, [], pd.Series(["c", None], dtype="string"), pd.Index(["x", "a"])],
    ids=["list", "set", "nothing", "series with a missing value", "index"],
)
def test_is_in_is_pandas_isin(storage, allowed):
    values = pd.Series(TEXT, dtype=storage, index=[7, 3, 5, 1, 0])
    pd.testing.assert_series_equal(is_in(values, allowed), values.isin(allowed))


def test_is_in_keeps_the_name_and_refuses_what_isin_refuses():
    values = pd.Series(["a", "1"], dtype="string", name="claim_id")
    assert is_in(values, ["a"]).name == "claim_id"
    assert is_in(values, [1]).tolist() == values.isin([1]).tolist() == [False, False]
    with pytest.raises(TypeError):
        is_in(values, "ab")


def test_lower_is_pythons_full_case_mapping():
    # Arrow would give 'οδοσ' (no final sigma) and a bare 'i'.
    text = pd.Series(["ΟΔΟΣ", "İ", None, "Up To"], dtype="string", name="qualifier")
    lowered = lower(text)
    assert lowered.iloc[[0, 1, 3]].tolist() == ["οδος", "i̇", "up to"]
    assert lowered.isna().tolist() == [False, False, True, False]
    assert (lowered.dtype, lowered.name) == (text.dtype, "qualifier")


def test_a_missing_value_is_in_only_where_a_missing_value_is_allowed():
    values = pd.Series(TEXT, dtype="string")
    assert is_in(values, ["a"]).tolist() == [True, False, False, False, True]
    assert is_in(values, pd.Series([None], dtype="string")).tolist() == [
        False, False, True, False, False]  # fmt: skip


@pytest.mark.parametrize(
    "table",
    [
        pd.Series(["Alpha", "Charlie"], index=pd.Index(["a", "c"], dtype="string"), dtype="string"),
        pd.Series(["Bravo", None], index=pd.Index(["b", "x"], dtype="str"), dtype="str"),
        pd.Series(["One"], index=pd.Index(["a"], dtype=object), dtype="string"),
        pd.Series([True, False], index=["a", "b"], dtype="boolean"),
        pd.Series([1.5, 2.0], index=["b", "c"]),
        pd.Series([1, 2], index=pd.Index(["a", "c"], dtype="string")),
        pd.Series(["no key", "a"], index=pd.Index([None, "a"], dtype=object)),
        {"a": "one", "b": "two"},
    ],
    ids=[
        "text",
        "text missing as NaN",
        "object index",
        "booleans",
        "numbers",
        "integers",
        "a missing key",
        "dict",
    ],  # fmt: skip
)
@pytest.mark.parametrize(
    "rows", [slice(None), slice(0, 0), slice(2, 3)], ids=["all", "none", "only a missing key"]
)
def test_look_up_is_pandas_map(table, rows):
    keys = pd.Series(TEXT, dtype="string", index=[7, 3, 5, 1, 0], name="actor_id").iloc[rows]
    pd.testing.assert_series_equal(look_up(keys, table), keys.map(table))


def _joined_in_python(keys: list, values: list) -> dict:
    """The rule joined_distinct follows, one group at a time, as Python sorts text."""
    groups: dict = {}
    for key, value in zip(keys, values, strict=True):
        if key is not None:
            groups.setdefault(key, set()).update([value] if value else [])
    return {key: "; ".join(sorted(found)) for key, found in sorted(groups.items())}


TEXTS = st.sampled_from(["", "b", "B", "a b", "é", "Z", "ß", "10,000", "9,500", "😀", None])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["s2", "s1", "s10", "Ş", None]), TEXTS), max_size=40))
def test_joined_distinct_is_the_sorted_set_of_each_keys_values(rows):
    keys = [key for key, _ in rows]
    values = [value for _, value in rows]
    found = joined_distinct(
        pd.Series(keys, dtype="string", name="statement"),
        pd.Series(values, dtype="string", name="figure"),
    )
    assert found.to_dict() == _joined_in_python(keys, values)
    assert list(found.index) == sorted(found.index)
    assert (found.name, found.index.name) == ("figure", "statement")


def test_joined_distinct_gives_an_empty_text_to_a_key_with_nothing_given():
    found = joined_distinct(
        pd.Series(["b", "a", "b", "a"], dtype="string"),
        pd.Series(["x", "", "y", None], dtype="string"),
    )
    assert found.to_dict() == {"a": "", "b": "x; y"}


def test_joined_distinct_by_several_keys_is_groupbys_join_of_sorted_values():
    frame = pd.DataFrame(
        {
            "source": ["b", "a", "b", "a", None, "a"],
            "outlet": ["x", "y", "x", "y", "x", "z"],
            "claim_id": ["c3", "c2", "c1", "c4", "c5", ""],
        },
        dtype="string",
    )
    found = joined_distinct(frame[["source", "outlet"]], frame["claim_id"], " ")
    expected = frame.groupby(["source", "outlet"]).agg(
        claim_id=("claim_id", lambda ids: " ".join(sorted(i for i in ids if i)))
    )["claim_id"]
    assert found.to_dict() == expected.to_dict() == {
        ("a", "y"): "c2 c4", ("a", "z"): "", ("b", "x"): "c1 c3"}  # fmt: skip
    assert list(found.index.names) == ["source", "outlet"]
