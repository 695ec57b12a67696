"""The build's analysed view handed to its chapters: one Arrow IPC file per table.

A build computes the view once (analysis.analyse) and writes it here; each chapter's
kernel opens the folder and reads a table, memory-mapped, only when it first uses it.
A chapter that never looks at every claim never holds them, and no kernel unpickles
tables it does not use, which at a million claims is most of the view.

Arrow (Apache Arrow IPC file format, "Feather v2") keeps pandas' dtypes and index
through its pandas metadata; what it does not keep (text in an object column comes
back as a string column; a frame's attrs) is recorded beside the table and restored,
so a chapter sees the frames `analyse` made.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
from pathlib import Path

import pandas as pd
import pyarrow as arrow
import pyarrow.feather as feather

from crosscheck import analysis
from crosscheck.analysis import Analysis, Parameters
from crosscheck.load import Dataset

# The tables of an Analysis that are stored; `standing` is derived from `claims`.
VIEW_TABLES = (
    "claims", "figures", "statements", "windowed", "latest", "grades", "comparison",
    "headlines", "weighted", "leave_one_out", "judgements",
)  # fmt: skip
DATASET_TABLES = tuple(
    field.name
    for field in dataclasses.fields(Dataset)
    if field.name not in ("data_dir", "notes")  # fmt: skip
)
_OBJECT_COLUMNS = b"crosscheck.object_columns"
_ATTRS = b"crosscheck.attrs"
_SUMMARY = "view.pickle"
# Set by a report build: the folder of the view it computed, which its chapters read.
VIEW_VARIABLE = "CROSSCHECK_ANALYSIS_VIEW"


# A kernel's text stays in Arrow buffers rather than one Python string per cell (a
# million labelled claims: 0.9 GB and 1.2 s that way, 2.0 GB and 4.6 s as Python strings).
# The values and their missing cells are the build's; only the storage differs, and
# pandas runs a regular expression RE2 cannot in Python. The golden test holds the page
# and every CSV to the bytes they had with Python strings.
_ARROW_TEXT = {
    arrow.string(): pd.StringDtype("pyarrow"),
    arrow.large_string(): pd.StringDtype("pyarrow"),
}
_ARROW_TEXT_NAN = pd.StringDtype("pyarrow", na_value=float("nan"))


class ViewMismatch(RuntimeError):
    """A chapter of a build asked for a view the build did not compute: a bug."""


def view_for(dataset_loader, data_dir: Path, parameters: Parameters) -> Analysis | StoredView:
    """The build's view when a build is running (it must match: a chapter of a build
    never recomputes the view), else a view computed here, once.

    dataset_loader: a function of the data folder returning the Dataset.
    Raises ViewMismatch when the build's view was made for other data or parameters.
    """
    folder = os.environ.get(VIEW_VARIABLE)
    if folder and Path(folder).is_dir():
        stored_dir, stored_parameters = read_summary(Path(folder))
        if (stored_dir, stored_parameters) != (str(Path(data_dir).resolve()), parameters):
            raise ViewMismatch(
                f"this chapter asked for {data_dir} with {parameters}, but the build analysed "
                f"{stored_dir} with {stored_parameters}"
            )
        return open_view(Path(folder))
    return analysis.analyse(dataset_loader(data_dir), parameters)


def write_view(view: Analysis, data_dir: Path, folder: Path) -> None:
    """Write `view` into `folder` (created; it must not exist): one .arrow file per table
    under view/, all_data/ and data/ (data/ only when the cut-off made it differ from
    all_data), and view.pickle with the parameters, key articles and statements and the
    data folder it was made from.

    Raises FileExistsError when the folder exists, and pyarrow's ArrowInvalid for a
    column Arrow cannot hold (a mix of text and numbers in one object column): a bug of
    the analysis, which makes each column one kind of value.
    """
    folder.mkdir(parents=True)
    _write_tables(folder / "view", {name: getattr(view, name) for name in VIEW_TABLES})
    same = view.data is view.all_data
    for name, dataset in (("all_data", view.all_data), ("data", view.data)):
        if name == "data" and same:
            continue
        _write_tables(folder / name, {table: getattr(dataset, table) for table in DATASET_TABLES})
    summary = {
        "data_dir": str(Path(data_dir).resolve()),
        "parameters": view.parameters,
        "key_articles": view.key_articles,
        "key_statements": view.key_statements,
        "datasets": {
            "all_data": (view.all_data.data_dir, view.all_data.notes),
            "data": (view.data.data_dir, view.data.notes),
        },
        "same": same,
        "rows": {name: len(getattr(view, name)) for name in VIEW_TABLES},
    }
    (folder / _SUMMARY).write_bytes(pickle.dumps(summary))


def read_summary(folder: Path) -> tuple[str, object]:
    """The data folder (resolved, as text) and the Parameters a stored view was made for."""
    summary = pickle.loads((folder / _SUMMARY).read_bytes())  # written by write_view
    return summary["data_dir"], summary["parameters"]


def open_view(folder: Path) -> StoredView:
    """The view stored in `folder` by write_view; its tables are read on first use."""
    return StoredView(folder, pickle.loads((folder / _SUMMARY).read_bytes()))


def _write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    folder.mkdir()
    for name, frame in tables.items():
        table = arrow.Table.from_pandas(frame, preserve_index=None)
        objects = [str(column) for column in frame.columns if frame[column].dtype == object]
        metadata = dict(table.schema.metadata or {})
        metadata[_OBJECT_COLUMNS] = json.dumps(objects).encode()
        metadata[_ATTRS] = pickle.dumps(frame.attrs)
        feather.write_feather(
            table.replace_schema_metadata(metadata), folder / f"{name}.arrow",
            compression="uncompressed",
        )  # fmt: skip


def read_table(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """One stored table as the DataFrame that was written (values, dtypes, index, attrs),
    or only the named columns of it (on the index it was written with). Text columns
    and text index levels come back with Arrow storage (pd.StringDtype("pyarrow"), with
    the written one's missing value, NA or NaN) whatever storage they were written
    from; object columns come back as object (text with None where missing).
    Raises pyarrow's errors for a file that is not such a table, and KeyError for a
    column the table does not have."""
    table = feather.read_table(path, memory_map=True)
    metadata = table.schema.metadata or {}
    if columns is not None:
        index = [name for name in table.column_names if name.startswith("__index_level_")]
        table = table.select([*columns, *index])
    frame = table.to_pandas(types_mapper=_ARROW_TEXT.get)
    # pandas' two text dtypes differ in what a missing cell is: NA, or NaN for `str`.
    described = json.loads(metadata.get(b"pandas", b"{}")).get("columns", [])
    nan_text = {c["name"] for c in described if c.get("numpy_type") == "str"}
    frame = frame.astype({name: _ARROW_TEXT_NAN for name in nan_text if name in frame})
    levels = [
        level.astype(_ARROW_TEXT_NAN) if level.name in nan_text else level
        for level in (frame.index.levels if isinstance(frame.index, pd.MultiIndex) else [])
    ]
    if levels:
        frame.index = frame.index.set_levels(levels)
    elif frame.index.name in nan_text:
        frame.index = frame.index.astype(_ARROW_TEXT_NAN)
    for name in json.loads(metadata.get(_OBJECT_COLUMNS, b"[]")):
        if name not in frame.columns:
            continue
        column = table.column(name)
        if arrow.types.is_string(column.type) or arrow.types.is_large_string(column.type):
            # Text in an object column: Python strings, None where missing, as written.
            cells = column.to_numpy(zero_copy_only=False)
            frame[name] = pd.Series(cells, index=frame.index, dtype=object)
        else:  # dates and other objects: as pyarrow gives them back for an object column
            frame[name] = column.to_pandas().set_axis(frame.index).astype(object)
    frame.attrs = pickle.loads(metadata[_ATTRS]) if _ATTRS in metadata else {}
    return frame


def columns_of(holder, table: str, columns: list[str]) -> pd.DataFrame:
    """Only the named columns of a table of a view or dataset (holder): read alone from
    the table's file when the holder is stored and has not read the table yet, else cut
    from the frame it holds. A chapter that needs two columns of a million claims reads
    two."""
    stored = isinstance(holder, _Tables) and table in type(holder)._names
    if stored and table not in holder.__dict__:
        return read_table(holder._folder / f"{table}.arrow", columns)
    return getattr(holder, table)[columns]


class _Tables:
    """Tables read from their files on first use, then kept."""

    _names: tuple[str, ...] = ()

    def __init__(self, folder: Path):
        self._folder = folder

    def __getattr__(self, name: str):
        # Only called for an attribute not yet set: a table not read yet.
        if name in type(self)._names:
            frame = read_table(self._folder / f"{name}.arrow")
            setattr(self, name, frame)
            return frame
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")


class StoredDataset(_Tables):
    """A Dataset whose tables are read on first use; its methods are Dataset's."""

    _names = DATASET_TABLES

    def __init__(self, folder: Path, data_dir: Path, notes: tuple):
        super().__init__(folder)
        self.data_dir = data_dir
        self.notes = notes

    def counts(self) -> dict[str, int]:
        return Dataset.counts(self)

    def notes_report(self, limit: int | None = 20) -> str:
        return Dataset.notes_report(self, limit)


class StoredView(_Tables):
    """An Analysis (same attributes) whose tables are read on first use."""

    _names = VIEW_TABLES

    def __init__(self, folder: Path, summary: dict):
        super().__init__(folder / "view")
        self.parameters = summary["parameters"]
        self.key_articles = summary["key_articles"]
        self.key_statements = summary["key_statements"]
        self._rows = summary["rows"]
        datasets = summary["datasets"]
        self.all_data = StoredDataset(folder / "all_data", *datasets["all_data"])
        self.data = (
            self.all_data
            if summary["same"]
            else StoredDataset(folder / "data", *datasets["data"])
        )  # fmt: skip

    def has_rows(self, table: str) -> bool:
        """As Analysis.has_rows, from the row counts written beside the tables."""
        if table == "standing":
            return bool(self.claims["standing"].any())
        return self._rows[table] > 0

    @property
    def standing(self) -> pd.DataFrame:
        """The copies that stand for their statement (as Analysis.standing)."""
        if "_standing" not in self.__dict__:
            self._standing = self.claims[self.claims["standing"]]
        return self._standing
