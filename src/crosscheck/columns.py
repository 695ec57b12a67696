"""Lookups over whole columns that pandas does one cell at a time on Arrow text.

A million claims carry their ids and labels as Arrow text (pandas' string storage
"pyarrow"). pandas 3.1 turns each value of the other side of an `isin` into an Arrow
scalar in Python (3 s for a million claim ids) and hashes every cell of a `map` as a
Python string; these functions give the same results in Arrow, or once per distinct key.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def is_in(values: pd.Series, allowed) -> pd.Series:
    """values.isin(allowed) for a text column: a boolean Series on values' index, True
    where the value is one of `allowed` (any iterable of text; a missing value matches
    only a missing value in `allowed`, as in pandas).

    The test runs in Arrow (pyarrow.compute.is_in) for a text column (pd.StringDtype,
    either storage); any other column is left to pandas, whose missing values in an
    object column (None, NaN, NA) each match only themselves.
    """
    if isinstance(allowed, str):
        raise TypeError(f"is_in takes a collection of values, not the text {allowed!r}")
    if not isinstance(allowed, pd.Series | pd.Index):
        allowed = pd.Series(list(allowed), dtype=object)
    text = isinstance(allowed.dtype, pd.StringDtype) or all(map(_text_or_missing, allowed))
    if not (_is_text(values) and text):
        return values.isin(allowed)  # numbers among the allowed: pandas compares them
    cells = pa.array(values.astype("string[pyarrow]"))
    wanted = pa.array(pd.Series(allowed, dtype="string[pyarrow]").array).unique()
    found = pc.is_in(cells, value_set=wanted, skip_nulls=False)
    return pd.Series(
        found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool, name=values.name
    )


def _text_or_missing(value) -> bool:
    return isinstance(value, str) or value is None or value is pd.NA


def look_up(keys: pd.Series, table: pd.Series | dict) -> pd.Series:
    """keys.map(table), the same values and dtype on keys' index, with keys' name,
    worked out once per distinct key: a million claims name a few thousand actors and
    articles. Raises what map raises (pandas' InvalidIndexError for a table whose index
    repeats a key)."""
    # Text to text (names, labels) in Arrow; pandas gives other values dtypes of its own
    # choosing, which the per-distinct path below reproduces by calling its map.
    text_table = isinstance(table, pd.Series) and _is_text(table) and _is_text(table.index)
    if _is_text(keys) and text_table and table.index.is_unique and keys.notna().any():
        # Each key's row in the table, found in Arrow; -1 (no row) reads missing.
        rows = pc.index_in(arrow_text(keys), value_set=arrow_text(table.index), skip_nulls=False)
        rows = pc.fill_null(rows, -1).to_numpy(zero_copy_only=False)
        found = table.reset_index(drop=True).reindex(rows)
        found.index = keys.index
        return found.rename(keys.name)
    # A missing key is a distinct key of its own, mapped as map maps it; the dtype is
    # what map gives for the same values.
    codes, distinct = pd.factorize(keys, use_na_sentinel=False)
    if len(distinct) == 0:  # no key at all: pandas' own map says what dtype that is
        return keys.map(table)
    found = pd.Series(distinct, dtype=keys.dtype).map(table).take(codes)
    found.index = keys.index
    return found.rename(keys.name)


def lower(text: pd.Series) -> pd.Series:
    """Each cell in lower case as Python's str.lower has it (a missing cell stays
    missing), on text's index with its dtype, worked out once per distinct cell.

    Arrow's utf8_lower maps case one character at a time: a word-final capital sigma
    becomes σ rather than ς, and İ loses its dot; Python applies Unicode's full case
    mapping (Unicode Standard, section 3.13), as the vocabulary's words were compared
    before text was stored in Arrow.
    """
    codes, distinct = pd.factorize(text, use_na_sentinel=True)
    lowered = np.array([value.lower() for value in distinct] + [None], dtype=object)
    return pd.Series(lowered[codes], index=text.index, dtype=text.dtype, name=text.name)


def joined_distinct(
    keys: pd.Series | pd.DataFrame, values: pd.Series, separator: str = "; "
) -> pd.Series:
    """Per distinct key, its distinct non-empty values sorted and joined by `separator`:
    a text Series named as values, '' for a key whose values are all empty or missing.
    keys: a column, or a frame of columns (a key is then a row of them, and the result's
    index a MultiIndex); a key with a missing part has no row, as in groupby. The index
    is sorted and named as the keys. keys and values share an index; values are text.

    The same as grouping by key and joining sorted({v for v in group if v}) in Python,
    which costs a Python call per group (100,000 statements at a million claims); here
    Arrow sorts once and gathers each key's values (pyarrow's hash_list aggregate, whose
    lists keep the order of the rows when it runs on one thread).
    """
    key_frame = keys.to_frame() if isinstance(keys, pd.Series) else keys
    names = [f"key {number}" for number in range(key_frame.shape[1])]
    frame = key_frame.set_axis(names, axis=1).assign(value=values.astype("string[pyarrow]"))
    every_key = frame[names].dropna().drop_duplicates().sort_values(names)
    given = frame[frame["value"].notna() & (frame["value"] != "")].dropna(subset=names)
    # Code point order, as Python sorts text: Arrow compares UTF-8 bytes, the same order.
    given = given.drop_duplicates().sort_values([*names, "value"])
    table = pa.Table.from_pandas(given, preserve_index=False)
    lists = table.group_by(names, use_threads=False).aggregate([("value", "list")])
    values_type = lists["value_list"].type.value_type
    joined = pc.binary_join(lists["value_list"], pa.scalar(separator, values_type))
    found = pd.Series(
        pd.array(joined, dtype="string[pyarrow]"), index=_index(lists.select(names)),
        name=values.name,
    )  # fmt: skip
    wanted = _index(pa.Table.from_pandas(every_key, preserve_index=False))
    axis_names = [keys.name] if isinstance(keys, pd.Series) else list(keys.columns)
    return found.reindex(wanted, fill_value="").rename_axis(axis_names)


def _index(keys: pa.Table) -> pd.Index:
    """An Index of one Arrow column, a MultiIndex of several."""
    frame = keys.to_pandas()
    if keys.num_columns == 1:
        return pd.Index(frame.iloc[:, 0])
    return pd.MultiIndex.from_frame(frame)


def _is_text(values) -> bool:
    return isinstance(values.dtype, pd.StringDtype)


def arrow_text(values) -> pa.Array | pa.ChunkedArray:
    """A text column (Series, Index or array of text; missing values as null) as Arrow
    text, without a copy when it is stored in Arrow already."""
    return pa.array(pd.Series(values, copy=False).astype("string[pyarrow]").array)
