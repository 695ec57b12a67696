"""One reading of every typed cell: counts, yes/no and dates.

The function that checks a cell is the function that converts it, so what passes
validation is exactly what the analysis receives. A cell written the usual way
(`3000`, `yes`, `2024-10-23`) takes a vectorised path. Any other cell is read on
its own: digits of another script (full-width `１２０００` from an East Asian input
method, Arabic-Indic `١٢٠٠٠`), full-width letters and signs are read as the value
they write, with a note that says so; anything else is refused with a rule.
Nothing is dropped: each cell ends as a value, a problem or an empty cell.

Unicode normalisation is NFKC (Unicode Standard Annex #15), which maps full-width
forms to ASCII. It also maps superscripts and circled digits (`²`, `①`) to plain
digits, which would silently turn `10²` into 102, so a cell with any character
that is not a decimal digit but normalises to one is refused first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pandas as pd

from crosscheck.columns import lower

YES_NO_WORDS = {"yes": True, "no": False, "true": True, "false": False}
# Int64 holds up to 19 digits; a count of 19 digits is a pasted identifier, not a count.
MAX_COUNT = 10**18 - 1

COUNT_RULE = "must be a whole number written with digits only (3000, not 3,000)"
SPACED_COUNT_RULE = (
    "must be a whole number written with digits only: a space inside it "
    "(a thousands separator, as in 12 000) is not read; write 12000"
)
LARGE_COUNT_RULE = (
    "a count of more than 18 digits cannot be a count: is it an identifier "
    "or two numbers run together?"
)
YES_NO_RULE = "must be yes or no"
DATE_RULE = "must be a real calendar date written YYYY-MM-DD"

# Signs NFKC leaves alone but that mean minus in a number (U+2212 MINUS SIGN).
_MINUS_SIGNS = str.maketrans({"\u2212": "-"})


@dataclass(frozen=True)
class Cells:
    """One column as read: its typed values (missing where refused or empty), and the
    refused and the normalised cells, each a rule or a note keyed by row index."""

    values: pd.Series
    refused: dict[int, str]
    normalised: dict[int, str]


def read_counts(text: pd.Series) -> Cells:
    """Counts from string cells (stripped, <NA> for empty): an Int64 Series.

    Read: ASCII digits with an optional leading `-` (a negative count is left to the
    schema's rule), and the same written with other decimal digits (Unicode category
    Nd) or a full-width or typographic minus, with a note. Refused: thousands
    separators (commas, points or spaces), decimals, superscripts, more than 18 digits.
    """
    usual = text.str.fullmatch(r"-?[0-9]{1,18}").fillna(False).astype(bool)
    values = text.where(usual).astype("Int64")
    return _read_others(text, usual, values, _count)


def read_yes_no(text: pd.Series) -> Cells:
    """Yes/no cells (`yes`, `no`, `true`, `false` in any case): a boolean Series."""
    parsed = lower(text).map(YES_NO_WORDS, na_action="ignore")
    usual = parsed.notna().astype(bool)
    return _read_others(text, usual, parsed.astype("boolean"), _yes_no)


def read_dates(text: pd.Series) -> Cells:
    """Calendar days written YYYY-MM-DD: a datetime64[s] Series.

    Second resolution, so that a typo far in the past or future is a date a rule can
    report rather than an overflow.
    """
    usual = text.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fillna(False).astype(bool)
    values = pd.to_datetime(text.where(usual), format="%Y-%m-%d", errors="coerce")
    values = values.astype("datetime64[s]")
    cells = _read_others(text, usual, values, _date)
    # In the usual form but not a day of the calendar: 2024-02-30.
    impossible = usual & values.isna()
    cells.refused.update(dict.fromkeys(text.index[impossible], DATE_RULE))
    return cells


def _read_others(text: pd.Series, usual: pd.Series, values: pd.Series, read_one) -> Cells:
    refused: dict[int, str] = {}
    normalised: dict[int, str] = {}
    others = text[text.notna() & ~usual]
    if others.empty:
        return Cells(values, refused, normalised)
    values = values.copy()
    for index, cell in others.items():
        value, rule, note = read_one(cell)
        if rule is not None:
            refused[index] = rule
            continue
        values.at[index] = value
        if note is not None:
            normalised[index] = note
    return Cells(values, refused, normalised)


def _count(cell: str) -> tuple[int | None, str | None, str | None]:
    if _has_other_numerals(cell):
        return None, COUNT_RULE, None
    normal = unicodedata.normalize("NFKC", cell).translate(_MINUS_SIGNS)
    # In a str pattern \d is any decimal digit of any script, and int() reads them all.
    if re.fullmatch(r"-?\d+", normal):
        value = int(normal)
        if abs(value) > MAX_COUNT:
            return None, LARGE_COUNT_RULE, None
        return value, None, _note(cell, str(value))
    if re.fullmatch(r"-?\d+(?:\s+\d+)+", normal):
        return None, SPACED_COUNT_RULE, None
    return None, COUNT_RULE, None


def _yes_no(cell: str) -> tuple[bool | None, str | None, str | None]:
    word = unicodedata.normalize("NFKC", cell).casefold()
    if word not in YES_NO_WORDS:
        return None, YES_NO_RULE, None
    return YES_NO_WORDS[word], None, _note(cell, word)


def _date(cell: str) -> tuple[pd.Timestamp | None, str | None, str | None]:
    if _has_other_numerals(cell):
        return None, DATE_RULE, None
    normal = "".join(
        str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char
        for char in unicodedata.normalize("NFKC", cell)
    )
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", normal):
        return None, DATE_RULE, None
    try:
        day = date.fromisoformat(normal)
    except ValueError:
        return None, DATE_RULE, None
    return pd.Timestamp(day), None, _note(cell, normal)


def _has_other_numerals(cell: str) -> bool:
    """Superscripts, circled and other numerals that NFKC would turn into plain digits."""
    return any(
        unicodedata.category(char) != "Nd"
        and any(part.isdigit() for part in unicodedata.normalize("NFKC", char))
        for char in cell
    )


def _note(cell: str, read_as: str) -> str | None:
    """A note for a cell read otherwise than written in ASCII; None when it was ASCII."""
    if cell.isascii():
        return None
    scripts = sorted(
        {
            unicodedata.name(char, "").split(" DIGIT ")[0].title()
            for char in cell
            if unicodedata.category(char) == "Nd" and not char.isascii()
        }
    )
    what = [f"{script} digits" for script in scripts]
    if any(not char.isascii() and unicodedata.category(char) != "Nd" for char in cell):
        what.append("other non-ASCII characters" if what else "non-ASCII characters")
    return f"{' and '.join(what)} read as ASCII: {read_as}"
