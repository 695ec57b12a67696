"""Days an article's own record gives: in its date_note, and in its address.

A page cannot have appeared before a day it records: a note that says "the
interview aired on 5 November 2024", or an address with /2024/11/05/ in it, puts
a floor under the publication day. The loader compares `published_on` with the
days found here (issue 14, item 9). Days before publication are normal (a page
reports earlier remarks), so only later days matter to that rule.

The finder is careful rather than thorough, because a false alarm asks a person
to change a correct row:
- in a note: day month year in English (`5 Nov 2024`, `Wednesday 23 October
  2024`, `November 5, 2024`) and ISO days (`2024-11-05`); a day and month
  without a year is skipped, the year being a guess. A sentence that calls its
  date wrong ("the page's stored date, 2 September 2025, cannot be right") does
  not state that date, and is skipped.
- in an address (after the host): /2024/11/05/, /2024/11/5/ and /2025/Apr/26/
  path segments, ISO days, and compact days (20241105) that open a path segment
  or a query value, possibly followed by a time (20241025125754507), when they
  are real calendar days no later than today.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from crosscheck.columns import lower

# The notes are written in English (data/README.md); month names are the method's language.
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
)
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th)?"

NOTE_PATTERNS = (
    rf"(?<!\w)(?P<day>[0-3]?\d){_ORDINAL}\s+(?P<month>{_MONTH})\.?,?\s+{_YEAR}",
    rf"(?<!\w)(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d){_ORDINAL},?\s+{_YEAR}",
    r"(?<![\w-])(?P<year>1[89]\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\w-])",
)
ADDRESS_PATTERNS = (
    rf"/(?P<year>19\d\d|20\d\d)/(?P<month>0?[1-9]|1[0-2]|{_MONTH})"
    r"/(?P<day>0?[1-9]|[12]\d|3[01])(?=[/?#]|$)",
    r"(?<!\d)(?P<year>19\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)",
    r"(?<=[/=])(?P<year>19\d\d|20\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?=\d{0,12}(?:[/?&#._-]|$))",
)
# A sentence that says its date is wrong: "cannot be right", "contradicts its text".
_DISMISSAL = (
    r"cannot be right|can't be right|contradicts?|is wrong|was wrong|wrongly|mistaken"
    r"|in error|incorrect|erroneous"
)
# Anchored at a sentence's start, so that a failed search costs one pass per sentence.
_DISMISSING = re.compile(rf"(?:^|(?<=[.;!?]))[^.;!?]*\b(?:{_DISMISSAL})\b[^.;!?]*", re.IGNORECASE)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*", re.IGNORECASE)
_A_YEAR = r"1[89]\d\d|20\d\d"


def _one_pass(patterns: tuple[str, ...]) -> re.Pattern:
    """The patterns as alternatives of one regex; the i-th one's groups end in i."""
    return re.compile(
        "|".join(
            re.sub(r"\(\?P<(year|month|day)>", rf"(?P<\g<1>{number}>", pattern)
            for number, pattern in enumerate(patterns)
        ),
        re.IGNORECASE,
    )


_IN_NOTES, _IN_ADDRESSES = _one_pass(NOTE_PATTERNS), _one_pass(ADDRESS_PATTERNS)


def days_in_notes(notes: pd.Series) -> pd.DataFrame:
    """Days a note states: one row per day found, indexed by the note's row.

    Input: text cells (<NA> for none). Output columns: `day` (datetime64[s]) and
    `text` (the words that give it).
    """
    kept = notes.dropna().astype("string")
    kept = kept[kept.str.contains(_A_YEAR, regex=True)]
    # Lower-cased first: a case-blind search of ten phrases is several times slower.
    dismissing = lower(kept).str.contains(_DISMISSAL, regex=True)
    kept = kept.copy()
    kept[dismissing] = kept[dismissing].str.replace(_DISMISSING, " ", regex=True)
    return _days(kept, _IN_NOTES)


def days_in_addresses(urls: pd.Series) -> pd.DataFrame:
    """Days an address carries in its path or query, as `days_in_notes` gives them;
    compact days (20241105) only when they are no later than today."""
    paths = urls.dropna().astype("string").str.replace(_HOST, "", regex=True)
    paths = paths[paths.str.contains(_A_YEAR, regex=True)]
    days = _days(paths, _IN_ADDRESSES)
    return days[days["day"] <= pd.Timestamp.today().normalize()]


def _days(text: pd.Series, pattern: re.Pattern) -> pd.DataFrame:
    # A loop over the cells that hold a year at all (kept above): Series.str.extractall
    # runs the same loop inside, and builds a frame per pattern on top of it.
    rows, days, words = [], [], []
    for index, cell in text.items():
        for match in pattern.finditer(cell):
            number = match.lastgroup[-1]  # the alternative that matched
            month = match.group(f"month{number}")
            month = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
            try:
                day = date(int(match.group(f"year{number}")), month,
                           int(match.group(f"day{number}")))  # fmt: skip
            except ValueError:
                continue  # 31 February: not a day
            rows.append(index)
            days.append(day)
            words.append(match.group(0).strip())
    return pd.DataFrame(
        {
            "day": pd.Series(pd.to_datetime(days), dtype="datetime64[s]"),
            "text": pd.Series(words, dtype="string"),
        }
    ).set_axis(pd.Index(rows, dtype=text.index.dtype), axis="index")
