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

import pandas as pd

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
_DISMISSING = re.compile(
    r"[^.;!?]*\b(?:cannot be right|can't be right|contradicts?|is wrong|was wrong|wrongly"
    r"|mistaken|in error|incorrect|erroneous)\b[^.;!?]*",
    re.IGNORECASE,
)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*", re.IGNORECASE)


def days_in_notes(notes: pd.Series) -> pd.DataFrame:
    """Days a note states: one row per day found, indexed by the note's row.

    Input: text cells (<NA> for none). Output columns: `day` (datetime64[s]) and
    `text` (the words that give it).
    """
    kept = notes.dropna().astype("string").str.replace(_DISMISSING, " ", regex=True)
    return _days(kept, NOTE_PATTERNS)


def days_in_addresses(urls: pd.Series) -> pd.DataFrame:
    """Days an address carries in its path or query, as `days_in_notes` gives them;
    compact days (20241105) only when they are no later than today."""
    paths = urls.dropna().astype("string").str.replace(_HOST, "", regex=True)
    # Most addresses carry no year at all: one quick pass keeps the few that do.
    paths = paths[paths.str.contains(r"19\d\d|20\d\d", regex=True)]
    days = _days(paths, ADDRESS_PATTERNS)
    return days[days["day"] <= pd.Timestamp.today().normalize()]


def _days(text: pd.Series, patterns: tuple[str, ...]) -> pd.DataFrame:
    found = []
    for pattern in patterns:
        matches = text.str.extractall(f"(?i)(?P<text>{pattern})")
        if matches.empty:
            continue
        month = matches["month"].str.lower()
        numbers = pd.to_numeric(month, errors="coerce")
        month = numbers.fillna(month.str[:3].map(MONTHS))
        day = pd.to_datetime(
            pd.DataFrame(
                {"year": pd.to_numeric(matches["year"]), "month": month,
                 "day": pd.to_numeric(matches["day"])}
            ),
            errors="coerce",
        )  # fmt: skip
        found.append(
            pd.DataFrame(
                {"day": day.astype("datetime64[s]"), "text": matches["text"].str.strip()}
            ).droplevel("match")
        )
    if not found:
        return pd.DataFrame(
            {"day": pd.Series(dtype="datetime64[s]"), "text": pd.Series(dtype="string")}
        )
    days = pd.concat(found)
    return days[days["day"].notna()]
