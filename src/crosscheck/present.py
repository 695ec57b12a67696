"""Presenting results to readers: numbers and dates as people read them, escaped HTML
tables, charts with alt text, and CSV exports that are safe to open in a spreadsheet.

Everything from the data is escaped here: a claim's text is shown, never run.
"""

from __future__ import annotations

import html
from pathlib import Path

import itables
import pandas as pd

# OWASP, "CSV Injection": a cell beginning with one of these is read as a
# formula by Excel and LibreOffice. Such text cells are exported with a leading
# apostrophe, which both programs show as text and do not display.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def text_or(value, default: str = "") -> str:
    """A cell as text, with a default for a missing value (NA is neither true nor false)."""
    return default if value is None or pd.isna(value) else str(value)


def format_day(day: pd.Series) -> pd.Series:
    """Dates as people read them: 23 Oct 2024."""
    if day.empty:  # object dtype even when empty, so that it joins other text
        return pd.Series([], index=day.index, dtype=object)
    text = day.dt.strftime("%d %b %Y").str.lstrip("0")
    return text.where(day.notna(), "")


def format_count(values: pd.Series) -> pd.Series:
    """Whole numbers with thousands separators: 3,000."""
    # object dtype even when empty, so that the result can be joined to other text
    return values.map(lambda value: "" if pd.isna(value) else f"{value:,.0f}").astype(object)


def for_reading(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table with dates and numbers formatted for reading, blanks for missing."""
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            shown[column] = format_day(values)
        elif pd.api.types.is_bool_dtype(values):
            shown[column] = values.map({True: "yes", False: "no"}).fillna("")
        elif pd.api.types.is_numeric_dtype(values):
            whole = values.dropna().eq(values.dropna().round()).all()
            shown[column] = (
                format_count(values)
                if whole
                else values.map(lambda v: "" if pd.isna(v) else f"{v:,.2f}")
            )
        else:
            shown[column] = values.astype("string").fillna("")
    return shown


def _plain_table(frame: pd.DataFrame) -> str:
    return for_reading(frame).to_html(
        index=False, escape=True, border=0, classes="crosscheck-table", na_rep=""
    )


def table_block(name: str, caption: str, inner: str) -> str:
    """A table with its caption and a link to its CSV in data/."""
    name, caption = html.escape(name), html.escape(caption)
    return (
        f'<div class="crosscheck-block" id="table-{name}">'
        f'<p class="crosscheck-caption">{caption} '
        f'<a href="data/{name}.csv">(data: {name}.csv)</a></p>{inner}</div>'
    )


def empty_html(name: str, caption: str, sentence: str) -> str:
    """In place of a table without rows: its caption, a sentence saying why there is
    nothing, and the link to its (empty) CSV."""
    return table_block(name, caption, f'<p class="crosscheck-empty">{html.escape(sentence)}</p>')


def html_table(frame: pd.DataFrame, caption: str, name: str) -> str:
    """An escaped HTML table with its caption and a link to its CSV in data/."""
    return table_block(name, caption, _plain_table(frame))


# DataTables layout: length menu and search box above, info and pages below.
INTERACTIVE_LAYOUT = {
    "topStart": "pageLength",
    "topEnd": "search",
    "bottomStart": "info",
    "bottomEnd": "paging",
}


def link(url: str | None, text: str) -> str:
    """An escaped link when url is http(s); otherwise the escaped text alone, so a
    javascript: or data: address in the data can never become a link."""
    label = html.escape(text)
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{label}</a>'
    return label


def linked_table(frame: pd.DataFrame, link_column: str, url_column: str) -> str:
    """A plain table in which one column links to the address in another (dropped)."""
    shown = for_reading(frame.drop(columns=[url_column]))
    header = "".join(f"<th>{html.escape(str(column))}</th>" for column in shown.columns)
    rows = []
    for (_, row), url in zip(shown.iterrows(), frame[url_column], strict=True):
        cells = [
            link(url, value) if column == link_column else html.escape(value)
            for column, value in row.items()
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (
        f'<table class="crosscheck-table"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def interactive_table_html(frame: pd.DataFrame, name: str, caption: str) -> str:
    """A sortable, searchable table (itables, offline) for the screen, and the same table
    as plain HTML for print. Cells are escaped: itables shows markup as text."""
    sortable = frame.copy()
    for column in sortable.columns:
        if pd.api.types.is_datetime64_any_dtype(sortable[column]):
            sortable[column] = sortable[column].dt.strftime("%Y-%m-%d").fillna("")
    interactive = itables.to_html_datatable(
        sortable,
        connected=False,
        table_id=f"itable-{name}",  # a fixed id: two builds give the same page
        display_logo_when_loading=False,
        layout=INTERACTIVE_LAYOUT,
        pageLength=25,
        lengthMenu=[10, 25, 50, 100, -1],
        showIndex=False,
        classes="display compact",
        allow_html=False,
        text_in_header_can_be_selected=False,  # a click anywhere on a heading sorts
    )
    return table_block(
        name,
        caption,
        f'<div class="crosscheck-interactive">{interactive}</div>'
        f'<div class="crosscheck-print-only">{_plain_table(frame)}</div>',
    )


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            text = values.astype("string")
            risky = text.str.startswith(FORMULA_TRIGGERS).fillna(False)
            # A carriage return becomes a line break, which the CSV writer quotes; a
            # bare CR left unquoted would split the row in some readers.
            safe[column] = text.where(~risky, "'" + text).str.replace("\r\n?", "\n", regex=True)
    return safe


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as UTF-8 CSV with ISO dates and LF line ends, the same bytes every time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    spreadsheet_safe(frame).to_csv(
        path, index=False, date_format="%Y-%m-%d", lineterminator="\n", encoding="utf-8"
    )
