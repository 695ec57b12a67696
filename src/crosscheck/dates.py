"""Turn the date wording of a news report into calendar dates.

A report dates its statements relative to its own publication day ("on
Tuesday", "last Friday", "in June", "by December"). The wording is kept in the
data as written and resolved here, so that the calendar date is computed, never
typed, and marked as inferred whenever it is not an explicit date.

Conventions (news style, as in wire copy):
- "on <weekday>" is the most recent such day on or before publication; a
  Wednesday article's "on Wednesday" is the day of publication.
- "last <weekday>" is the most recent such day strictly before publication.
- a bare month ("in June") is its most recent occurrence on or before the
  publication month; "by <month>" (a deadline) is its next occurrence on or
  after it.
- "<month> and <month>" / "<month> to <month>" is the span of both months.
- text in parentheses is context for the reader and is ignored.
- an empty wording means the report gives no date: the statement was made no
  later than publication, so the span ends on the publication day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta, weekday
from dateutil.relativedelta import weekdays as _dateutil_weekdays

PRECISIONS = ("day", "month", "range", "unknown")

_WEEKDAYS: dict[str, weekday] = {
    name: _dateutil_weekdays[index]
    for index, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_PATTERN = "|".join(_MONTHS)


class DatePhraseError(ValueError):
    """The wording is not one the resolver knows; the message lists the forms it does."""


@dataclass(frozen=True)
class DateSpan:
    """A resolved date: the first and last day it can mean, and how exact it is."""

    start: date | None
    end: date | None
    precision: str
    inferred: bool


SUPPORTED_FORMS = (
    "'' (no date given)",
    "YYYY-MM-DD",
    "YYYY-MM",
    "today",
    "yesterday",
    "on <weekday>",
    "last <weekday>",
    "in <month>",
    "by <month>",
    "<month> and <month>",
    "<month> to <month>",
)


def resolve(wording: str, published: date) -> DateSpan:
    """Resolve one date wording against the publication day of its article."""
    phrase = re.sub(r"\(.*?\)", " ", wording or "")
    phrase = " ".join(phrase.lower().replace(",", " ").split())

    if not phrase:
        return DateSpan(None, published, "unknown", True)
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", phrase):
        day = _calendar_date(wording, *map(int, match.groups()))
        return DateSpan(day, day, "day", False)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", phrase):
        year, month = map(int, match.groups())
        first = _calendar_date(wording, year, month, 1)
        return DateSpan(first, _month_end(first), "month", False)
    if phrase == "today":
        return _day(published)
    if phrase == "yesterday":
        return _day(published - timedelta(days=1))
    if (match := re.fullmatch(r"(on|last) (\w+)", phrase)) and match.group(2) in _WEEKDAYS:
        return _day(_weekday_before(published, match.group(2), match.group(1) == "last"))
    if match := re.fullmatch(rf"(in|by)? ?({_MONTH_PATTERN})", phrase):
        first = _month_near(published, _MONTHS[match.group(2)], forward=match.group(1) == "by")
        return DateSpan(first, _month_end(first), "month", True)
    if match := re.fullmatch(
        rf"(?:in |between |from )?({_MONTH_PATTERN}) (?:and|to|-) ({_MONTH_PATTERN})", phrase
    ):
        first = _month_near(published, _MONTHS[match.group(1)], forward=False)
        last = first + relativedelta(months=(_MONTHS[match.group(2)] - first.month) % 12)
        return DateSpan(first, _month_end(last), "range", True)

    raise DatePhraseError(
        f"date wording {wording!r} is not understood; use one of: {', '.join(SUPPORTED_FORMS)}"
    )


def _day(day: date) -> DateSpan:
    return DateSpan(day, day, "day", True)


def _calendar_date(wording: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DatePhraseError(f"{wording!r} is not a real calendar date ({error})") from None


def _weekday_before(published: date, name: str, strictly_before: bool) -> date:
    start = published - timedelta(days=1) if strictly_before else published
    return start + relativedelta(weekday=_WEEKDAYS[name](-1))


def _month_near(published: date, month: int, *, forward: bool) -> date:
    year = published.year
    if forward and month < published.month:
        year += 1
    elif not forward and month > published.month:
        year -= 1
    return date(year, month, 1)


def _month_end(first: date) -> date:
    return first + relativedelta(day=31)
