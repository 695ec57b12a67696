"""Presenting results to readers: numbers and dates as people read them, escaped HTML
tables, charts with alt text, and CSV exports that are safe to open in a spreadsheet.

Everything from the data is escaped here: a claim's text is shown, never run.

A table reaches the page through one view (`page_view`): columns empty in every row are
hidden, identical rows collapse into one with a count, list-like cells become one entry
per line, dates never wrap. Columns whose name starts with "_" are for the page only
(PAGE_ONLY): `_sort <column>` holds the number a column sorts by, `_search` words a
search must find (other spellings of a name, figures without their separators). They
are never shown and never exported.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import itables
import numpy as np
import pandas as pd
import pyarrow.compute as pc

from crosscheck.columns import arrow_text

# OWASP, "CSV Injection": a cell beginning with one of these is read as a
# formula by Excel and LibreOffice. Such text cells are exported with a leading
# apostrophe, which both programs show as text and do not display.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The same, as one RE2 pattern, so that pyarrow tests a million cells in one pass.
_FORMULA_START = "^(?:" + "|".join(re.escape(t) for t in FORMULA_TRIGGERS) + ")"

PAGE_ONLY = "_"
SORT_PREFIX = "_sort "
SEARCH_COLUMN = "_search"
# A count of identical rows, added to a page table only when some row stands for several.
COUNT_COLUMN = "rows"
# Longer tables fold under a one-line summary, or are paged (interactive_table_html):
# beyond a screen and a half of rows a reader looks things up rather than reads.
FOLD_ROWS = 25


def text_or(value, default: str = "") -> str:
    """A cell as text, with a default for a missing value (NA is neither true nor false)."""
    return default if value is None or pd.isna(value) else str(value)


def listed(items: list[str]) -> str:
    """Items as a sentence lists them: 'A', 'A and B', 'A, B and C' (no serial comma, as
    the page's prose). Raises IndexError for an empty list."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _each_distinct(values: pd.Series, text) -> pd.Series:
    """text(value) for each value, worked out once per distinct value ('' for a missing
    one): a million claims hold a few hundred days and figures. An object Series on the
    index of `values`, even when empty, so that it joins other text."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    labels = np.array([text(value) for value in distinct] + [""], dtype=object)
    return pd.Series(labels[codes], index=values.index, dtype=object)


def format_day(day: pd.Series) -> pd.Series:
    """Dates as people read them: 23 Oct 2024."""
    return _each_distinct(day, lambda value: f"{value:%d %b %Y}".lstrip("0"))


def format_count(values: pd.Series) -> pd.Series:
    """Whole numbers with thousands separators: 3,000."""
    return _each_distinct(values, lambda value: f"{value:,.0f}")


def _is_number(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def for_reading(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table with dates and numbers formatted for reading, blanks for missing.
    Whole numbers read 3,000, others 0.64 (two decimals, or as many as
    frame.attrs["decimals"] gives the column)."""
    decimals = frame.attrs.get("decimals", {})
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if column in decimals and _is_number(values):
            template = f"{{:,.{decimals[column]}f}}"
            shown[column] = values.map(lambda v, t=template: "" if pd.isna(v) else t.format(v))
        elif pd.api.types.is_datetime64_any_dtype(values):
            shown[column] = format_day(values)
        elif pd.api.types.is_bool_dtype(values):
            shown[column] = values.map({True: "yes", False: "no"}).fillna("")
        elif _is_number(values):
            whole = values.dropna().eq(values.dropna().round()).all()
            shown[column] = (
                format_count(values)
                if whole
                else values.map(lambda v: "" if pd.isna(v) else f"{v:,.2f}")
            )
        else:
            shown[column] = values.astype("string").fillna("")
    return shown


# --- The page view: what a reader sees of a table -------------------------------------

# A day as the tables write it: 23 Oct 2024, or 2024-10-23.
_DAY = re.compile(
    r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
)
# Ids as the data writes them (dt-2024-10-23-06): a cell of several is a list.
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
LIST_SEPARATOR = "; "


def list_entries(values: pd.Series) -> pd.Series:
    """Each cell of a text column as its entries, when the column is a list.

    A column is a list when some cell holds entries joined by LIST_SEPARATOR and no cell
    holds a sentence (one ending in . ? or !, or followed by another: prose with a
    semicolon stays prose), or when every cell
    is one or more ids separated by spaces (`dt-2024-10-23-06 anews-2024-10-18-01`).
    Otherwise each cell is one entry. Input: text (for_reading); output: lists of text.
    """
    text = values.astype("string").fillna("")
    filled = text[text != ""]
    if filled.empty:
        return text.map(lambda cell: [cell] if cell else [])
    prose = filled.str.contains(r"[.?!]\s*$|[.?!] [A-Z]", regex=True).any()
    if filled.str.contains(LIST_SEPARATOR, regex=False).any() and not prose:
        return text.map(lambda cell: [entry for entry in cell.split(LIST_SEPARATOR) if entry])
    words = filled.str.split()
    if words.map(len).gt(1).any() and words.map(lambda ws: all(_ID.match(w) for w in ws)).all():
        return text.map(str.split)
    return text.map(lambda cell: [cell] if cell else [])


def cell_html(entries: list[str]) -> str:
    """A cell's entries, escaped, one per line, with every day kept on one line."""
    return "<br>".join(
        _DAY.sub(lambda day: f'<span class="crosscheck-day">{day.group(0)}</span>',
                 html.escape(entry))
        for entry in entries
    )  # fmt: skip


def hide_empty_columns(shown: pd.DataFrame) -> pd.DataFrame:
    """A table read as text (for_reading) without the columns blank in every row; a table
    without rows keeps its columns (its header says what would be there)."""
    if shown.empty:
        return shown
    blank = [column for column in shown.columns if (shown[column].astype(str) == "").all()]
    return shown.drop(columns=blank)


def collapse_identical(shown: pd.DataFrame) -> pd.DataFrame:
    """Rows identical in every shown column as one row, in the order of their first
    appearance, with COUNT_COLUMN saying how many rows it stands for (added only when
    some row stands for several). Input: a table read as text (for_reading)."""
    if shown.empty or not shown.duplicated().any():
        return shown
    keys = list(shown.columns)
    counts = shown.groupby(keys, sort=False, dropna=False).size().rename(COUNT_COLUMN)
    return shown.drop_duplicates().merge(counts.reset_index(), on=keys, how="left")


def page_view(frame: pd.DataFrame, collapse: bool = True) -> tuple[pd.DataFrame, list[str]]:
    """A table as the page shows it: read as text (for_reading), page-only columns out,
    blank columns hidden, identical rows collapsed with a count (unless collapse is off:
    a table whose rows carry sort keys or search words keeps one row per row). Returns
    the text table and the names of its numeric columns (aligned right, sorted as
    numbers)."""
    visible = frame[[c for c in frame.columns if not str(c).startswith(PAGE_ONLY)]]
    numeric = [c for c in visible.columns if _is_number(visible[c])]
    shown = hide_empty_columns(for_reading(visible))
    if collapse:
        shown = collapse_identical(shown)
    return shown.reset_index(drop=True), [c for c in [*numeric, COUNT_COLUMN] if c in shown]


def _cells(shown: pd.DataFrame) -> pd.DataFrame:
    """Every cell of a text table as escaped HTML: lists as lines, days unbroken."""
    if shown.empty:
        return shown.copy()
    return pd.DataFrame(
        {column: list_entries(shown[column]).map(cell_html) for column in shown.columns},
        index=shown.index,
    )


# A column whose longest cell is longer than this is prose: on paper its words may break
# anywhere, so that it, not a column of numbers or codes, gives up width.
PROSE_LENGTH = 40


def _classes(shown: pd.DataFrame, numeric: list[str]) -> dict[str, str]:
    """A class per column: numbers align right; prose may break within a word."""
    classes = {}
    for column in shown.columns:
        longest = shown[column].astype(str).str.len().max() if len(shown) else 0
        classes[column] = (
            "crosscheck-num" if column in numeric
            else "crosscheck-prose" if longest > PROSE_LENGTH
            else ""
        )  # fmt: skip
    return classes


def merge_under(
    shown: pd.DataFrame, cells: pd.DataFrame, under: dict[str, list[str]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Columns shown in smaller type under another, to spare the width of a column:
    under={"claimant": ["relayed via"]} gives one column "claimant / relayed via". An
    empty cell adds nothing. Returns the text table and its cells' HTML, merged alike."""
    shown, cells = shown.copy(), cells.copy()
    for target, others in under.items():
        others = [other for other in others if other in cells]
        if target not in cells or not others:
            continue
        for other in others:
            below = '<br><small class="crosscheck-under">' + cells[other] + "</small>"
            cells[target] = cells[target] + below.where(cells[other] != "", "")
            shown[target] = (shown[target] + " " + shown[other]).str.strip()
        label = " / ".join([target, *others])
        cells = cells.drop(columns=others).rename(columns={target: label})
        shown = shown.drop(columns=others).rename(columns={target: label})
    return shown, cells


# Column widths on paper, in characters: a long cell wraps at about this many, a word
# longer than this may break (print CSS: fixed layout, the widths below).
WRAP_AT = 400
LONGEST_WORD = 18
CELL_PADDING = 3
# Characters a line of a printed table holds: A4 less 12 mm margins (186 mm) at 7 pt, and
# at the 6 pt of a compact table (report.css).
PAGE_CHARS = 125
COMPACT_PAGE_CHARS = 145
# Type on paper is never smaller than this share of its size (7 pt: about 5 pt).
MIN_PRINT_SCALE = 0.7


def _longest_unbroken(entries: list[str]) -> float:
    """The longest run of a cell that never breaks: a word, or a day (kept on one line,
    its digits wider than most letters: counted a fifth more)."""
    # An id breaks after each of its hyphens: its longest run is a part of it.
    words = [len(word) for entry in entries for word in re.split(r"\s+|(?<=-)", entry)]
    days = [1.2 * len(day) for entry in entries for day in _DAY.findall(entry)]
    return max([*words, *days], default=0)


def column_widths(
    shown: pd.DataFrame, page_chars: float = PAGE_CHARS
) -> tuple[dict[str, float], float]:
    """The share of the page's width each column takes on paper (they sum to 100), and
    the scale of its type there (1, or less for a table whose columns need more than a
    line: its type shrinks until they fit, to no less than MIN_PRINT_SCALE).

    Each column wants as many characters as most of its cells need (the 90th percentile
    of their longest line, at most WRAP_AT) and needs at least its longest unbroken run
    (a word, at most LONGEST_WORD: longer ones break; a day; its heading's longest
    word), plus CELL_PADDING. A line of the page holds page_chars characters: when the
    wants fit, each column gets its share of them; when not, each gets what it needs
    and the rest of the line is shared in proportion to what they want. Paper
    does not scroll: fixed shares keep every table within the page, a day on one line
    and a short column of numbers or codes whole.
    """
    needs, wants = {}, {}
    for column in shown.columns:
        entries = list_entries(shown[column]) if len(shown) else pd.Series([], dtype=object)
        lines = entries.map(lambda cell: max((len(e) for e in cell), default=0))
        unbroken = float(entries.map(_longest_unbroken).max()) if len(entries) else 0.0
        # A heading is bold: its longest word takes a little more room than its letters.
        heading = 1.35 * max((len(w) for w in str(column).split()), default=1)
        typical = float(lines.quantile(0.9)) if len(lines) else 0.0
        needs[column] = max(min(unbroken, LONGEST_WORD), heading, 2) + CELL_PADDING
        wants[column] = max(min(typical, WRAP_AT) + CELL_PADDING, needs[column])
    spare = page_chars - sum(needs.values())
    if sum(wants.values()) <= page_chars or spare <= 0:
        widths = wants if spare > 0 else needs
    else:
        widths = {c: needs[c] + spare * wants[c] / sum(wants.values()) for c in needs}
    total = sum(widths.values())
    scale = max(MIN_PRINT_SCALE, min(1.0, page_chars / sum(needs.values()))) if needs else 1.0
    return {column: round(100 * width / total, 2) for column, width in widths.items()}, round(
        scale, 2
    )


def table_html(
    shown: pd.DataFrame,
    numeric: list[str] | None = None,
    cells: pd.DataFrame | None = None,
    page_chars: float = PAGE_CHARS,
) -> str:
    """A text table (page_view) as an escaped HTML table; `cells` may give the cells' HTML
    when a column holds markup of ours (a link). Each column carries its share of the
    width on paper (column_widths), which only the print stylesheet applies."""
    numeric = numeric or []
    cells = _cells(shown) if cells is None else cells
    classes = _classes(shown, numeric)
    widths, scale = column_widths(shown, page_chars)

    def attr(column) -> str:
        return f' class="{classes[column]}"' if classes[column] else ""

    columns = "".join(f'<col style="--crosscheck-width: {widths[c]}%">' for c in shown.columns)
    header = "".join(f"<th{attr(c)}>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td{attr(c)}>{cell}</td>" for c, cell in row.items()) + "</tr>"
        for _, row in cells.iterrows()
    )
    return (
        f'<table class="crosscheck-table" style="--crosscheck-scale: {scale}">'
        f"<colgroup>{columns}</colgroup>"
        f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _plain_table(frame: pd.DataFrame) -> str:
    shown, numeric = page_view(frame)
    return table_html(shown, numeric)


def fold_summary(shown: pd.DataFrame) -> str:
    """One line saying what a folded table holds: how many rows, what each row is (its
    first column) and the first few of them: '38 rows on 19 measures: A further batch
    sent, …', '109 rows, one per article: tass-2024-10-10, …'."""
    first = str(shown.columns[0])
    values = list(dict.fromkeys(shown[first].astype(str)))
    named = ", ".join(values[:3]) + (", …" if len(values) > 3 else "")
    rows = f"{len(shown):,} row{'s' if len(shown) != 1 else ''}"
    if len(values) == len(shown):
        return f"{rows}, one per {first}: {named}"
    plural = first if first.endswith("s") else first + "s"
    return f"{rows} on {len(values):,} {plural}: {named}"


def folded(inner: str, summary: str) -> str:
    """A long table folded under a one-line summary; the reader opens it."""
    return (
        f'<details class="crosscheck-fold"><summary>{html.escape(summary)}</summary>'
        f"{inner}</details>"
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


def no_rows_sentence(caption: str) -> str:
    """The sentence of a table given no rows when its caller names no reason: a table of
    zero rows is a sentence, never a bare header (notebook.Chapter says why)."""
    return f"Nothing to show for “{caption}”: the table has no rows."


def html_table(frame: pd.DataFrame, caption: str, name: str, summary: str | None = None) -> str:
    """An escaped HTML table (page_view) with its caption and a link to its CSV in data/;
    columns go under others as frame.attrs["under"] says (merge_under); over FOLD_ROWS
    rows it is folded under `summary` (or fold_summary's line). Without rows: the caption
    and a sentence saying so (no_rows_sentence)."""
    if frame.empty:
        return empty_html(name, caption, no_rows_sentence(caption))
    shown, numeric = page_view(frame)
    shown, cells = merge_under(shown, _cells(shown), frame.attrs.get("under", {}))
    inner = table_html(shown, numeric, cells)
    if len(shown) > FOLD_ROWS:
        inner = folded(inner, summary or fold_summary(shown))
    return table_block(name, caption, inner)


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


def linked_table(
    frame: pd.DataFrame, link_column: str, url_column: str, summary: str | None = None
) -> str:
    """A plain table (page_view, rows never collapsed: each links somewhere of its own) in
    which one column links to the address in another (dropped); over FOLD_ROWS rows it is
    folded under `summary` (or fold_summary's line)."""
    visible = frame.drop(columns=[url_column])
    shown = hide_empty_columns(for_reading(visible)).reset_index(drop=True)
    numeric = [c for c in shown.columns if _is_number(visible[c])]
    cells = _cells(shown)
    if link_column in shown:
        cells[link_column] = [
            link(url, text) for url, text in zip(frame[url_column], shown[link_column], strict=True)
        ]
    inner = table_html(shown, numeric, cells)
    return folded(inner, summary or fold_summary(shown)) if len(shown) > FOLD_ROWS else inner


def number_words(values: pd.Series) -> pd.Series:
    """Each number as a search finds it, with and without thousands separators:
    12000 → '12000 12,000'; missing → ''."""
    return _each_distinct(
        values, lambda v: f"{v:.0f} {v:,.0f}" if float(v).is_integer() else f"{v:g}"
    )


_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+")


def text_number_words(text: pd.Series) -> pd.Series:
    """The numbers written with separators in a text column (12,000), without them
    (12000), so that a search for either finds the row."""
    return (
        text.astype("string")
        .fillna("")
        .str.findall(_GROUPED_NUMBER)
        .map(lambda found: " ".join(number.replace(",", "") for number in found))
        .astype(object)
    )


def interactive_table_html(frame: pd.DataFrame, name: str, caption: str) -> str:
    """A sortable, searchable, paged table (itables, offline) for the screen, and the same
    table as plain HTML for print (print_form).

    Cells are escaped here (html.escape) and then handed to itables as HTML, so that a
    list is one entry per line and a day never wraps. Numeric columns sort by their
    values, and a text column by `_sort <column>` when the frame gives one, largest
    first (a missing value sorts last); `_search` is searched but never shown, and so
    is each number written with separators in a cell, without them (12,000 → 12000).
    frame.attrs["under"] puts columns under others (merge_under) to spare width.
    Without rows: the caption and a sentence saying so (no_rows_sentence).
    """
    if frame.empty:
        return empty_html(name, caption, no_rows_sentence(caption))
    frame = frame.reset_index(drop=True)
    shown, numeric = page_view(frame, collapse=False)
    search = pd.Series("", index=frame.index, dtype=object)
    if SEARCH_COLUMN in frame:
        search = search + frame[SEARCH_COLUMN].fillna("").astype(str)
    for column in shown.columns:
        search = search + " " + text_number_words(shown[column])
    keys = {column: frame[column] for column in numeric if column in frame}
    keys.update({c[len(SORT_PREFIX):]: frame[c] for c in frame
                 if str(c).startswith(SORT_PREFIX) and c[len(SORT_PREFIX):] in shown})  # fmt: skip
    shown, cells = merge_under(shown, _cells(shown), frame.attrs.get("under", {}))
    merged = {c.split(" / ")[0]: c for c in shown.columns}
    classes = _classes(shown, numeric)
    data = cells.copy()
    data["search"] = search.str.split().str.join(" ").map(html.escape).to_numpy()
    column_defs = [{"targets": [len(shown.columns)], "visible": False, "orderable": False}]
    rows = data.to_numpy(dtype=object).tolist()
    for column, values in keys.items():
        index = list(shown.columns).index(merged.get(column, column))
        # -1 stands below every figure, so a missing one ends a largest-first sort.
        for row, key in zip(rows, values.astype(float).fillna(-1), strict=True):
            row[index] = {"display": row[index], "sort": key}
        column_defs.append({"targets": [index], "render": SORT_RENDER,
                            "orderSequence": ["desc", "asc"]})  # fmt: skip
    column_defs += [
        {"targets": [index], "className": classes[column]}
        for index, column in enumerate(shown.columns)
        if classes[column]
    ]
    interactive = itables.to_html_datatable(
        data,
        connected=False,
        table_id=f"itable-{name}",  # a fixed id: two builds give the same page
        display_logo_when_loading=False,
        layout=INTERACTIVE_LAYOUT,
        pageLength=25,
        lengthMenu=[10, 25, 50, 100, -1],
        showIndex=False,
        classes="display compact crosscheck-table",
        style="width:100%",
        autoWidth=False,
        columnDefs=column_defs,
        allow_html=True,  # every cell was escaped above; the markup is ours
        # Numbers go to the page as they are: itables would format them with a script
        # it evaluates from text, which the page's policy forbids (no unsafe-eval).
        format_floats_in_python=False,
        text_in_header_can_be_selected=False,  # a click anywhere on a heading sorts
        # No downsampling by itables: the rows shown are chosen above and the page says
        # how many; itables' default (64 KB, measured on the column arrays) would drop
        # rows silently once strings are stored by pyarrow, whose bytes it counts.
        maxBytes=0,
        maxRows=0,
        maxColumns=0,
    )
    return table_block(
        name,
        caption,
        f'<div class="crosscheck-interactive">{with_rows(interactive, rows)}</div>'
        f'<div class="crosscheck-print-only">{print_form(frame)}</div>',
    )


# DataTables' orthogonal data (datatables.net/manual/data/orthogonal-data): a cell given
# as {"display": html, "sort": number} shows and is searched as its HTML, and sorts, and
# sets its column's type, by its number. An object, not a function: the page's policy
# runs no script made from text.
SORT_RENDER = {"_": "display", "sort": "sort", "type": "sort"}


def with_rows(page: str, rows: list[list]) -> str:
    """An itables table with its rows replaced by ours: itables writes every cell as
    text, and a sortable cell is an object (SORT_RENDER). The rows are the JSON text of
    the page's "data_json" entry (itables 2.9), written again as such."""
    key = '"data_json": '
    start = page.index(key) + len(key)
    _, end = json.JSONDecoder().raw_decode(page, start)
    return page[:start] + json.dumps(json.dumps(rows)) + page[end:]


def print_form(frame: pd.DataFrame) -> str:
    """The plain twin of an interactive table, for paper: every row (never collapsed:
    print holds every row the CSV holds), no controls, small type, and compact as the
    frame says: frame.attrs["print_under"] (or, failing it, "under") puts columns under
    others (merge_under), frame.attrs["print_omit"] leaves columns out of print (the
    CSV has them)."""
    omit = [c for c in frame.attrs.get("print_omit", ()) if c in frame]
    under = frame.attrs.get("print_under", frame.attrs.get("under", {}))
    shown, numeric = page_view(frame.drop(columns=omit), collapse=False)
    shown, cells = merge_under(shown, _cells(shown), under)
    return table_html(shown, numeric, cells, COMPACT_PAGE_CHARS).replace(
        'class="crosscheck-table"', 'class="crosscheck-table crosscheck-compact"', 1
    )


# --- CSV exports --------------------------------------------------------------------

# Decimals a non-whole number keeps in an export: a share (every value within 0 and 1,
# a weight such as 0.64) 3, any other (a ratio ×4.58, a mean) 2. Weights and spreads are
# products and quotients of two-decimal figures; more digits are float noise
# (0.6400000000000001), not information.
SHARE_DECIMALS = 3
OTHER_DECIMALS = 2


def readable_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """A table's numbers and booleans as an export should say them.

    Rule (by dtype and values, one column at a time): a boolean column says yes / no; a
    numeric column whose values are all whole is written as integers (3000, not 3000.0);
    other numbers are rounded to SHARE_DECIMALS when every value lies within 0 and 1 (a
    share or weight), else to OTHER_DECIMALS (a ratio, a mean); a column may set its own
    decimals in frame.attrs["decimals"] ({"unweighted mean": 0}). Missing stays missing.
    """
    decimals = frame.attrs.get("decimals", {})
    readable = frame.copy()
    for column in readable.columns:
        values = readable[column]
        if pd.api.types.is_bool_dtype(values):
            readable[column] = values.map({True: "yes", False: "no"}).astype("string")
            continue
        if not _is_number(values) or pd.api.types.is_integer_dtype(values):
            continue
        places = decimals.get(column)
        if places is None:
            share = values.dropna().between(0, 1).all()
            places = SHARE_DECIMALS if share else OTHER_DECIMALS
        rounded = values.astype("Float64").round(places)
        present = rounded.dropna().astype(float)
        if np.isfinite(present).all() and present.eq(present.round()).all():
            rounded = rounded.astype("Int64")
        readable[column] = rounded
    return readable


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            text = values.astype("string")
            # The tests run in Arrow (C++), not cell by cell: a million claims' text
            # columns took 22 s as pandas' Python-string methods.
            cells = arrow_text(text)
            risky = pc.fill_null(pc.match_substring_regex(cells, _FORMULA_START), False)
            if pc.any(risky).as_py():
                flagged = pd.Series(risky.to_numpy(zero_copy_only=False), index=text.index)
                text = text.where(~flagged, "'" + text)
            # A carriage return becomes a line break, which the CSV writer quotes; a
            # bare CR left unquoted would split the row in some readers.
            if pc.any(pc.match_substring(cells, "\r")).as_py():
                text = text.str.replace("\r\n?", "\n", regex=True)
            safe[column] = text
    return safe


def write_csv(frame: pd.DataFrame, path: Path, readable: bool = False) -> None:
    """Write a table as UTF-8 CSV with ISO dates and LF line ends, the same bytes every time.

    readable: numbers and booleans as readable_numbers says them (a table a reader
    downloads); off, each value as pandas writes it (a record a later build compares as
    text, such as the claims snapshot). Page-only columns (PAGE_ONLY) are never written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = frame[[c for c in frame.columns if not str(c).startswith(PAGE_ONLY)]]
    if readable:
        frame = readable_numbers(frame)
    spreadsheet_safe(frame).to_csv(
        path, index=False, date_format="%Y-%m-%d", lineterminator="\n", encoding="utf-8"
    )
