"""Lookups over whole columns that pandas does one cell at a time on Arrow text.

A million claims carry their ids and labels as Arrow text (pandas' string storage
"pyarrow"). pandas 3.1 turns each value of the other side of an `isin` into an Arrow
scalar in Python (3 s for a million claim ids) and hashes every cell of a `map` as a
Python string; these functions give the same results in Arrow, or once per distinct key.
"""

from __future__ import annotations

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
    if not isinstance(values.dtype, pd.StringDtype):
        return values.isin(allowed)
    cells = pa.array(values.astype("string[pyarrow]"))
    if not isinstance(allowed, pd.Series | pd.Index):
        allowed = pd.Series(list(allowed), dtype=object)
    wanted = pa.array(pd.Series(allowed, dtype="string[pyarrow]").array).unique()
    found = pc.is_in(cells, value_set=wanted, skip_nulls=False)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


def look_up(keys: pd.Series, table: pd.Series | dict) -> pd.Series:
    """keys.map(table), the same values and dtype on keys' index, worked out once per
    distinct key: a million claims name a few thousand actors and articles."""
    # Text to text (names, labels) in Arrow; pandas gives other values dtypes of its own
    # choosing, which the per-distinct path below reproduces by calling its map.
    text_table = isinstance(table, pd.Series) and _is_text(table) and _is_text(table.index)
    if _is_text(keys) and text_table and table.index.is_unique and keys.notna().any():
        # Each key's row in the table, found in Arrow; -1 (no row) reads missing.
        rows = pc.index_in(_arrow(keys), value_set=_arrow(table.index))
        rows = pc.fill_null(rows, -1).to_numpy(zero_copy_only=False)
        found = table.reset_index(drop=True).reindex(rows)
        found.index = keys.index
        return found.rename(keys.name)
    codes, distinct = pd.factorize(keys, use_na_sentinel=True)
    if len(distinct) == 0:  # no key at all: pandas' own map says what dtype that is
        return keys.map(table)
    found = pd.Series(distinct).map(table).reindex(codes)
    found.index = keys.index
    return found.rename(keys.name)


def _is_text(values) -> bool:
    return isinstance(values.dtype, pd.StringDtype)


def _arrow(values) -> pa.Array:
    return pa.array(pd.Series(values, copy=False).astype("string[pyarrow]").array)
