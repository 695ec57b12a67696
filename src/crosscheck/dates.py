"""Turn the date wording of a news report into calendar dates: the one date grammar.

A report dates its statements relative to its own publication day ("on
Tuesday", "last week", "Friday (Oct. 18)", "by the end of the year"). The
wording is kept in the data as written and resolved here, so that the calendar
date is computed, never typed, and marked as inferred whenever the wording does
not give the full date. Three readers share this grammar: `resolve` (one
wording, as stored in claims.csv and checked by the loader), `find_phrases`
(every date phrase of a sentence, for the drafter) and `dateline` (the
"SEOUL, Oct 23 (Reuters) -" opening of wire copy).

Conventions, with their source:
- Weekdays (AP Stylebook, "days of the week" and "dates": a weekday names a day
  within the seven days around publication). "<weekday>", "on <weekday>",
  "<weekday> night/morning/afternoon/evening" and "early/late (on) <weekday>"
  are the most recent such day on or before publication: a Wednesday article's
  "on Wednesday" is the day of publication. "last <weekday>" is the most
  recent such day strictly before publication. "by <weekday>" is a deadline:
  the next such day on or after publication.
- A weekday with a date, "Friday (Oct. 18)" or "Friday, Oct. 18" (wire copy
  adds the date to a weekday more than a few days back), is the day of the
  date, and the wording is refused when the weekday is not that day's.
  Parentheses that hold no date are context for the reader and are ignored;
  so is a date in parentheses after anything but a weekday ("2024-12-16 (on
  Dec. 16)" is the ISO day).
- Day and month (AP: "Oct. 18"; Reuters: "Oct 18"; British copy: "18 October",
  "18th October"), with or without "on", a point after an abbreviation, an
  ordinal suffix and a year: the most recent such day on or before publication
  unless the year is given. AP omits the year of a day in the current year, so
  a day later in the year than publication is ambiguous (last year's, or one
  still to come): `find_phrases` flags it rather than guess. "by <day-month>"
  is a deadline and looks forward: the next such day on or after publication.
- Months: "in <month>" is its most recent occurrence on or before the
  publication month; "by <month>" (a deadline) is its next occurrence on or
  after it; "<month> <year>" is that month; "<month> and/to <month>" is the
  span of both months. "in <year>" is that calendar year.
- Weeks are ISO 8601 weeks, Monday to Sunday. "last week" is the previous
  week; "this week" is its Monday to the publication day; "earlier this week"
  stops the day before publication; "next week" is the following week;
  "later this week" runs from the day after publication to Sunday.
- "at/over the weekend" is the most recent Saturday on or before publication
  and the Sunday after it (not later than publication); "last weekend" is the
  last Saturday and Sunday that ended before publication. "this weekend" can
  be the coming one and is not resolved.
- Months and years relative to publication: "this month" is the whole
  publication month, "last/next month" the month before/after (precision
  "month"); "earlier this month/year" runs from the 1st of the month / 1
  January to the day before publication; "later this month/year" from the day
  after publication to the month's / year's end; "this/last/next year" is the
  calendar year.
- Forward spans (our convention: no style book gives a length). "in the coming
  days" is the publication day to 7 days after it, "in the coming weeks" to 4
  weeks after it; "in the next few days/weeks" the same; "in the next N
  days/weeks" N of them.
- Trailing windows (a figure "in the past week"): "the past/last week, month,
  year" and "the past N days/weeks/months" end on the publication day and
  start one unit before the day after that (7 days for a week).
- Deadlines: "by the end of the year" and "by year-end" are 31 December of the
  publication year; "by the end of the month" the last day of the publication
  month; "by the end of <month>" the last day of that month's next occurrence.
  The deadline is resolved to its day, not to the span from publication up to
  it: the pace check (`timeline.required_pace`) reads a period's first and
  last day as the earliest and latest day the deadline can fall, the same way
  "by December" spans December.
- "today", "yesterday", "N days ago" and ISO days ("2024-10-18") and months
  ("2024-10") are what they say; "this morning/afternoon/evening", "tonight" and
  "earlier today" are the publication day (a bulletin's or live blog's own day);
  "<day month> last year" is that day in the year before publication.
- An empty wording means the report gives no date: the statement was made no
  later than publication, so the span ends on the publication day.

Precision is "day" for one day, "month" for one calendar month, "range" for
any other span and "unknown" for no date (PRECISIONS).

In a sentence (`find_phrases`), month and weekday names count only when
capitalised, as English spells them ("in may" is not May, "the march" not
March); a number beside a month is its day, not a count ("October 2,000 troops"
holds no day). A phrase's role comes from its form: "stated" for when
something was said or happened (weekdays, days, "yesterday", "last
week/month/year", "this week", "earlier this ...", "at the weekend"), "period"
for what a figure is about or a deadline ("by ...", "in June", "between June
and August", "this/next month", "in the coming weeks", "in the past week"), and
"unknown" for a phrase that looks like a date but is not resolved ("on the eve
of the summit", "since October", "next Tuesday", "last spring", "this weekend",
"in the coming months", "within days", "weeks later"); "early/mid/late <month>"
is a period, the month's first, second or last ten days: the drafter flags it,
never drops it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import MO, SA, SU, relativedelta, weekday
from dateutil.relativedelta import weekdays as _dateutil_weekdays

PRECISIONS = ("day", "month", "range", "unknown")
# What a date phrase of a sentence says: when something was said or happened, the
# period a figure is about (or a deadline), or a date-like phrase not understood.
ROLES = ("stated", "period", "unknown")

# Month names and their abbreviations (AP: Jan. Feb. Aug. Sept. Oct. Nov. Dec.;
# Reuters and tables: the first three letters, no point), lower case: use with
# re.IGNORECASE and word boundaries. A number beside one is a day, not a count.
MONTH_PATTERN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUMBERS = {
    abbreviation: number
    for number, abbreviation in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS: dict[str, weekday] = dict(zip(_WEEKDAY_NAMES, _dateutil_weekdays, strict=True))
_COUNT_WORDS = {
    word: number
    for number, word in enumerate(
        (
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ),
        start=1,
    )
}
_COUNT_WORDS["a"] = 1


class DatePhraseError(ValueError):
    """The wording is not one the resolver knows; the message lists the forms it does."""


@dataclass(frozen=True)
class DateSpan:
    """A resolved date: the first and last day it can mean, and how exact it is."""

    start: date | None
    end: date | None
    precision: str
    inferred: bool


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in a sentence (see `find_phrases`).

    `start`, `end`: character offsets in the sentence (text[start:end] == wording);
    `wording`: the phrase as written, readable by `resolve`; `span`: what it
    resolves to, None when the role is "unknown"; `role`: one of ROLES; `note`:
    why the phrase is "unknown", empty otherwise.
    """

    start: int
    end: int
    wording: str
    span: DateSpan | None
    role: str
    note: str = ""


@dataclass(frozen=True)
class Dateline:
    """The dateline opening wire copy: "KYIV, Ukraine, Nov. 5 (AP) —".

    `place` as written ("KYIV, Ukraine"); `month`, `day` (None when the dateline
    gives no date, as AP's "KYIV, Ukraine (AP) —"); `outlet`: the agency or
    outlet in parentheses (None if absent); `body_start`: the offset in the text
    where the story's first sentence begins.
    """

    place: str
    month: int | None
    day: int | None
    outlet: str | None
    body_start: int


# ---------------------------------------------------------------------------
# resolve: one wording, normalised (lower case, no points or commas, no ordinal
# suffixes, parentheses taken out), against a table of forms.
# ---------------------------------------------------------------------------

_M = rf"(?:{MONTH_PATTERN})"
_WD = "|".join(_WEEKDAY_NAMES)
_COUNT = rf"(?:\d{{1,3}}|{'|'.join(_COUNT_WORDS)})"
# "oct 18", "18 oct", "the 18 of october", each with an optional year
_DAY_MONTH = (
    rf"(?:(?P<m1>{_M}) (?P<d1>\d{{1,2}})|(?:the )?(?P<d2>\d{{1,2}}) (?:of )?(?P<m2>{_M}))"
    rf"(?: (?P<y>\d{{4}}))?"
)
_DAY_MONTH_ALONE = re.compile(rf"(?:on )?{_DAY_MONTH}")


@dataclass(frozen=True)
class _Form:
    description: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], date, list[str], str], DateSpan]


def _form(description: str, pattern: str):
    def register(read):
        _FORMS.append(_Form(description, re.compile(pattern), read))
        return read

    return register


_FORMS: list[_Form] = []


@_form("YYYY-MM-DD", r"(\d{4})-(\d{2})-(\d{2})")
def _iso_day(match, published, brackets, wording):
    day = _calendar_date(wording, *map(int, match.groups()))
    return DateSpan(day, day, "day", False)


@_form("YYYY-MM", r"(\d{4})-(\d{2})")
def _iso_month(match, published, brackets, wording):
    first = _calendar_date(wording, int(match[1]), int(match[2]), 1)
    return DateSpan(first, _month_end(first), "month", False)


@_form("today", r"today")
def _today(match, published, brackets, wording):
    return _day(published)


# "this morning", "tonight", "earlier today": a part of the publication day (a live
# blog's or a bulletin's own day), so that day
@_form(
    "this morning|afternoon|evening / tonight / earlier today",
    r"this (?:morning|afternoon|evening)|tonight|earlier today",
)
def _part_of_today(match, published, brackets, wording):
    return _day(published)


@_form("<day month> last year", rf"(?:on )?{_DAY_MONTH} last year")
def _day_month_last_year(match, published, brackets, wording):
    # "October 18th last year": the year is named by the words after the day
    month = _month_number(match["m1"] or match["m2"])
    day = _calendar_date(wording, published.year - 1, month, int(match["d1"] or match["d2"]))
    return DateSpan(day, day, "day", True)


@_form("yesterday", r"yesterday")
def _yesterday(match, published, brackets, wording):
    return _day(published - timedelta(days=1))


@_form("<n> days ago", rf"(?P<n>{_COUNT}) days? ago")
def _days_ago(match, published, brackets, wording):
    return _day(published - timedelta(days=_count(match["n"])))


@_form(
    "<weekday> / on <weekday> / last <weekday> / <weekday> night|morning|afternoon|evening"
    " / early|late <weekday> / <weekday> (<month> <day>)",
    rf"(?:(?P<prefix>on|last) )?(?:(?:early|late) (?:on )?)?(?P<weekday>{_WD})"
    rf"(?: (?:night|morning|afternoon|evening))?(?: {_DAY_MONTH})?",
)
def _weekday(match, published, brackets, wording):
    name = match["weekday"]
    dated = _day_month_in(match, brackets, published, wording)
    if dated is None:
        return _day(_weekday_before(published, name, match["prefix"] == "last"))
    if dated.start.weekday() != _WEEKDAY_NAMES.index(name):
        raise DatePhraseError(
            f"date wording {wording!r}: {dated.start:%-d %B %Y} was a {dated.start:%A}, "
            f"not a {name.capitalize()}; check the weekday or the date"
        )
    return dated


# "By Saturday night the police had revised their count": a part of a named day is a
# time within that day, when a count was given, not a deadline, so it is that day
# (tests/gold/README-fifth-held-out.md: "names one day, so it is dated"); news copy
# tells what has happened by then, so it is the last such day before publication.
@_form(
    "by <weekday> night|morning|afternoon|evening",
    rf"by (?P<weekday>{_WD}) (?:night|morning|afternoon|evening)",
)
def _by_weekday_part(match, published, brackets, wording):
    return _day(_weekday_before(published, match["weekday"], False))


@_form("by <weekday>", rf"by (?P<weekday>{_WD})")
def _by_weekday(match, published, brackets, wording):
    return _day(published + relativedelta(weekday=_WEEKDAYS[match["weekday"]](+1)))


@_form(
    "<month> <day> / <day> <month> / on <day> <month> [<year>] / by <month> <day>",
    rf"(?:(?P<prefix>on|by) )?{_DAY_MONTH}",
)
def _day_month(match, published, brackets, wording):
    return _resolve_day_month(match, published, wording, forward=match["prefix"] == "by")


@_form("in|by <month> <year>", rf"(?:in |by )?(?P<month>{_M}) (?P<year>\d{{4}})")
def _month_of_year(match, published, brackets, wording):
    first = _calendar_date(wording, int(match["year"]), _month_number(match["month"]), 1)
    return DateSpan(first, _month_end(first), "month", False)


@_form("in <month> / by <month>", rf"(?:(?P<prefix>in|by) )?(?P<month>{_M})")
def _month(match, published, brackets, wording):
    month = _month_number(match["month"])
    first = _month_near(published, month, forward=match["prefix"] == "by")
    return DateSpan(first, _month_end(first), "month", True)


@_form(
    "<month> and|to <month>",
    rf"(?:in |between |from )?(?P<first>{_M}) (?:and|to|-) (?P<last>{_M})",
)
def _months(match, published, brackets, wording):
    first = _month_near(published, _month_number(match["first"]), forward=False)
    months_on = (_month_number(match["last"]) - first.month) % 12
    return DateSpan(first, _month_end(first + relativedelta(months=months_on)), "range", True)


# A third of a month, as English news copy writes it ("in early November", "mid-
# October", "late March 2025"): days 1-10, 11-20 and 21 to the month's end, the
# conventional dekads of a month (WMO's ten-day periods), so the span never claims
# more precision than the words give.
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@_form(
    "(in) early|mid|late <month> (<year>)",
    rf"(?:in )?(?P<third>early|mid|late)-? ?(?P<month>{_M})(?: (?P<year>\d{{4}}))?",
)
def _month_third(match, published, brackets, wording):
    month = _month_number(match["month"])
    if match["year"]:
        first = _calendar_date(wording, int(match["year"]), month, 1)
    else:
        first = _month_near(published, month, forward=False)
    start, end = _THIRDS[match["third"]]
    return DateSpan(
        first.replace(day=start),
        min(first.replace(day=1) + relativedelta(day=end), _month_end(first)),
        "range",
        not match["year"],
    )


@_form(
    "early|mid|late last|this month",
    r"(?P<third>early|mid|late)-? ?(?P<which>last|this) month",
)
def _relative_month_third(match, published, brackets, wording):
    # "late last month": the same thirds of the month "last month" names
    first = published.replace(day=1) + relativedelta(months=-1 if match["which"] == "last" else 0)
    start, end = _THIRDS[match["third"]]
    return DateSpan(
        first.replace(day=start),
        min(first + relativedelta(day=end), _month_end(first)),
        "range",
        True,
    )


@_form("in <year>", r"(?:in|during) (?P<year>\d{4})")
def _year(match, published, brackets, wording):
    year = int(match["year"])
    return DateSpan(
        _calendar_date(wording, year, 1, 1), _calendar_date(wording, year, 12, 31), "range", False
    )


@_form(
    "last|this|next week, earlier|later this week",
    r"(?P<which>last|this|next|earlier this|later this) week",
)
def _week(match, published, brackets, wording):
    monday = published + relativedelta(weekday=MO(-1))
    sunday = monday + timedelta(days=6)
    which = match["which"]
    if which == "last":
        return _span(monday - timedelta(days=7), monday - timedelta(days=1))
    if which == "next":
        return _span(monday + timedelta(days=7), sunday + timedelta(days=7))
    if which == "this":
        return _span(monday, published)
    if which == "earlier this":
        return _span(monday, published - timedelta(days=1), wording)
    return _span(published + timedelta(days=1), sunday, wording)


@_form("at|over the weekend, last weekend", r"(?:at|over) the weekend|(?P<last>last) weekend")
def _weekend(match, published, brackets, wording):
    if match["last"]:
        sunday = published - timedelta(days=1) + relativedelta(weekday=SU(-1))
        return _span(sunday - timedelta(days=1), sunday)
    saturday = published + relativedelta(weekday=SA(-1))
    return _span(saturday, min(saturday + timedelta(days=1), published))


@_form(
    "last|this|next month, earlier|later this month",
    r"(?P<which>last|this|next|earlier this|later this) month",
)
def _relative_month(match, published, brackets, wording):
    first = published.replace(day=1)
    which = match["which"]
    if which in ("last", "this", "next"):
        first += relativedelta(months={"last": -1, "this": 0, "next": 1}[which])
        return DateSpan(first, _month_end(first), "month", True)
    if which == "earlier this":
        return _span(first, published - timedelta(days=1), wording)
    return _span(published + timedelta(days=1), _month_end(first), wording)


@_form(
    "last|this|next year, earlier|later this year",
    r"(?P<which>last|this|next|earlier this|later this) year",
)
def _relative_year(match, published, brackets, wording):
    first = date(published.year, 1, 1)
    which = match["which"]
    if which in ("last", "this", "next"):
        first = first.replace(year=published.year + {"last": -1, "this": 0, "next": 1}[which])
        return _span(first, first.replace(month=12, day=31))
    if which == "earlier this":
        return _span(first, published - timedelta(days=1), wording)
    return _span(published + timedelta(days=1), first.replace(month=12, day=31), wording)


@_form(
    "in the coming days|weeks, in the next (few|<n>) days|weeks",
    r"(?:in|over|within) (?:the )?(?:coming|next(?: few)?|next (?P<n>" + _COUNT + r")) "
    r"(?P<unit>days|weeks)",
)
def _coming(match, published, brackets, wording):
    count = _count(match["n"]) if match["n"] else (7 if match["unit"] == "days" else 4)
    length = timedelta(days=count) if match["unit"] == "days" else timedelta(weeks=count)
    return _span(published, published + length)


@_form(
    "(in|over) the past|last week|month|year|<n> days|weeks|months",
    rf"(?:(?:in|over|during|within) )?the (?:past|last) (?:(?P<n>{_COUNT}) )?"
    r"(?P<unit>days?|weeks?|months?|years?)",
)
def _trailing(match, published, brackets, wording):
    count = _count(match["n"]) if match["n"] else 1
    plural = match["unit"].endswith("s")
    if plural != (count > 1):
        raise DatePhraseError(
            f"date wording {wording!r} is not understood: 'the past week', 'the past 3 days'"
        )
    unit = match["unit"] if plural else match["unit"] + "s"
    start = published + timedelta(days=1) - relativedelta(**{unit: count})
    return _span(start, published)


@_form(
    "by the end of the year|month|<month>, by year-end",
    rf"by (?:the )?(?:end of (?:the |this )?(?P<unit>year|month)|year-? ?end"
    rf"|end of (?P<month>{_M})(?: (?P<year>\d{{4}}))?)",
)
def _deadline(match, published, brackets, wording):
    if match["unit"] == "month":
        return _day(_month_end(published.replace(day=1)))
    if match["month"] and match["year"]:
        first = _calendar_date(wording, int(match["year"]), _month_number(match["month"]), 1)
        return DateSpan(_month_end(first), _month_end(first), "day", False)
    if match["month"]:
        first = _month_near(published, _month_number(match["month"]), forward=True)
        return _day(_month_end(first))
    return _day(date(published.year, 12, 31))


SUPPORTED_FORMS = ("'' (no date given)", *(form.description for form in _FORMS))


def resolve(wording: str, published: date) -> DateSpan:
    """Resolve one date wording against the publication day of its article.

    `wording`: a phrase in one of SUPPORTED_FORMS, any case, with or without points,
    commas, ordinal suffixes and context in parentheses; `published`: the article's
    day. Returns the DateSpan it means (conventions in the module docstring). Raises
    DatePhraseError when the wording is not understood (the message lists the forms),
    is not a real calendar day, or gives a weekday that is not its bracketed date's.
    """
    brackets = [_normalised(inner) for inner in re.findall(r"\((.*?)\)", wording or "")]
    phrase = _normalised(re.sub(r"\(.*?\)", " ", wording or ""))
    if not phrase:
        return DateSpan(None, published, "unknown", True)
    for form in _FORMS:
        if match := form.pattern.fullmatch(phrase):
            return form.read(match, published, brackets, wording)
    raise DatePhraseError(
        f"date wording {wording!r} is not understood; use one of: {', '.join(SUPPORTED_FORMS)}"
    )


def _normalised(text: str) -> str:
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.lower())
    return " ".join(re.sub(r"[.,]", " ", text).split())


def _day(day: date) -> DateSpan:
    return DateSpan(day, day, "day", True)


def _span(start: date, end: date, wording: str = "") -> DateSpan:
    """An inferred span; one day is precision 'day'. A span that ends before it starts
    ("earlier this week" in a Monday article) names no day: refused."""
    if end < start:
        raise DatePhraseError(
            f"date wording {wording!r} names no day, given its article's publication day"
        )
    return DateSpan(start, end, "day" if start == end else "range", True)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _month_number(token: str) -> int:
    return _MONTH_NUMBERS[token.lower()[:3]]


def _calendar_date(wording: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DatePhraseError(f"{wording!r} is not a real calendar date ({error})") from None


def _resolve_day_month(match: re.Match[str], published: date, wording: str, *, forward: bool):
    """The day of a matched _DAY_MONTH: in the year given, else the most recent such
    day on or before publication (forward: the next on or after it)."""
    month = _month_number(match["m1"] or match["m2"])
    day = int(match["d1"] or match["d2"])
    if match["y"]:
        given = _calendar_date(wording, int(match["y"]), month, day)
        return DateSpan(given, given, "day", False)
    step = 1 if forward else -1
    # Up to eight years either way: 29 February comes round at least once in eight.
    for years in range(9):
        try:
            candidate = date(published.year + step * years, month, day)
        except ValueError:
            continue
        if (candidate >= published) if forward else (candidate <= published):
            return _day(candidate)
    raise DatePhraseError(f"{wording!r} is not a real calendar date (day {day} of month {month})")


def _day_month_in(match, brackets: list[str], published: date, wording: str) -> DateSpan | None:
    """The date given beside a weekday, in the wording or in parentheses; None if none."""
    if match["m1"] or match["m2"]:
        return _resolve_day_month(match, published, wording, forward=False)
    for inner in brackets:
        if found := _DAY_MONTH_ALONE.fullmatch(inner):
            return _resolve_day_month(found, published, wording, forward=False)
    return None


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


# ---------------------------------------------------------------------------
# find_phrases: every date phrase of a sentence, as written. Month and weekday
# names count only when capitalised ("in may" is not May); the words around them
# in any case ("On Tuesday", "on Tuesday").
# ---------------------------------------------------------------------------


def _any_case(words: str) -> str:
    return f"(?i:{words})"


def _capitalised(alternation: str) -> str:
    return "|".join(name[0].upper() + name[1:] for name in alternation.split("|"))


# A point only after an abbreviation: "by December." ends a sentence, "Dec." is a word.
_MONTH_WORD = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY_WORD = rf"(?:{_capitalised(_WD)})\b"
# A day is not the start of a count: "October 2,000 troops" holds no day.
_DAY_NUMBER = r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?\b(?![,.]\d)"
_YEAR_NUMBER = r"(?<![\d,.])(?:1[89]|20)\d\d\b(?![,.]\d)"
_TEXT_DAY_MONTH = (
    rf"(?:{_MONTH_WORD}\s+{_DAY_NUMBER}|(?:{_any_case('the')}\s+)?{_DAY_NUMBER}\s+"
    rf"(?:{_any_case('of')}\s+)?{_MONTH_WORD})(?:,?\s+{_YEAR_NUMBER})?"
)
_TEXT_COUNT = _any_case(_COUNT)
_AFTER_TIME_WORD = rf"(?:{_TEXT_DAY_MONTH}|{_MONTH_WORD}|{_WEEKDAY_WORD}|{_YEAR_NUMBER})"

# (role, pattern): the longest phrase starting leftmost wins, so "last Friday" is
# one phrase, not "Friday", and "since Oct. 18" is not "Oct. 18".
_TEXT_FORMS: list[tuple[str, str]] = [
    ("stated", r"\d{4}-\d{2}-\d{2}\b"),
    ("stated", _any_case(r"today|yesterday")),
    ("stated", _any_case(r"this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today")),
    (
        "stated",
        rf"(?:{_any_case('on')}\s+)?{_TEXT_DAY_MONTH}\s+{_any_case('last')}\s+"
        + _any_case(r"year\b"),
    ),
    ("stated", rf"{_TEXT_COUNT}\s+{_any_case('days?')}\s+{_any_case('ago')}"),
    (
        "stated",
        rf"(?:{_any_case('on|last')}\s+)?(?:{_any_case('early|late')}\s+(?:{_any_case('on')}\s+)?)?"
        rf"{_WEEKDAY_WORD}(?:\s+{_any_case('night|morning|afternoon|evening')}\b)?"
        rf"(?:\s*\(\s*(?:{_any_case('on')}\s+)?{_TEXT_DAY_MONTH}\s*\)|,?\s+{_TEXT_DAY_MONTH})?",
    ),
    (
        "stated",
        rf"{_any_case('by')}\s+{_WEEKDAY_WORD}\s+{_any_case('night|morning|afternoon|evening')}\b",
    ),
    ("period", rf"{_any_case('by')}\s+{_WEEKDAY_WORD}"),
    ("stated", rf"(?:{_any_case('on')}\s+)?{_TEXT_DAY_MONTH}"),
    ("period", rf"{_any_case('by')}\s+{_TEXT_DAY_MONTH}"),
    ("period", rf"(?:{_any_case('in|by')}\s+)?{_MONTH_WORD}\s+{_YEAR_NUMBER}"),
    ("period", rf"{_any_case('in|by')}\s+{_MONTH_WORD}"),
    (
        "period",
        rf"(?:{_any_case('in|between|from')}\s+)?{_MONTH_WORD}\s+{_any_case('and|to')}\s+"
        rf"{_MONTH_WORD}",
    ),
    ("period", rf"{_any_case('in|during')}\s+{_YEAR_NUMBER}"),
    # "the last week of October" is no week of ours: flagged below; "last year's march"
    # names an event, not when anything was said
    ("stated", r"(?<![Tt]he\s)" + _any_case(r"last\s+(?:week|month|year)") + r"\b(?!\s+of|['’]s)"),
    ("stated", _any_case(r"(?:early|mid-?|late)\s*last\s+month")),
    ("stated", _any_case(r"(?:earlier\s+)?this\s+week")),
    ("stated", _any_case(r"earlier\s+this\s+(?:month|year)")),
    ("stated", _any_case(r"(?:at|over)\s+the\s+weekend|last\s+weekend")),
    (
        "period",
        _any_case(r"(?:this|next)\s+(?:month|year)|next\s+week|later\s+this\s+(?:week|month|year)"),
    ),
    (
        "period",
        _any_case(
            rf"(?:in|over|within)\s+(?:the\s+)?(?:coming|next(?:\s+few)?|next\s+{_COUNT})\s+(?:days|weeks)"
        ),
    ),
    (
        "period",
        _any_case(
            rf"(?:(?:in|over|during|within)\s+)?the\s+(?:past|last)\s+(?:{_COUNT}\s+)?"
            r"(?:days?|weeks?|months?|years?)\b(?!\s+of)"
        ),
    ),
    (
        "period",
        _any_case(r"by\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?(?:year|month)|year-?\s?end)")
        + "|"
        + _any_case(r"by\s+(?:the\s+)?end\s+of")
        + rf"\s+{_MONTH_WORD}(?:\s+{_YEAR_NUMBER})?",
    ),
    (
        "period",
        rf"(?:{_any_case('in')}\s+)?{_any_case('early|mid|late')}(?:-|\s+|-\s*)"
        rf"{_MONTH_WORD}(?:,?\s+{_YEAR_NUMBER})?",
    ),
    # Date-like phrases the grammar does not resolve: flagged for a person, never dropped.
    ("unknown", _any_case(r"(?:on\s+)?the\s+eve\s+of(?:\s+(?:the|a|an|his|her|their|its))?\s+\w+")),
    (
        "unknown",
        _any_case("next|this|coming|following|previous|past") + rf"\s+{_WEEKDAY_WORD}",
    ),
    (
        "unknown",
        _any_case(
            r"(?:(?:last|this|next|coming|past|early|late)\s+|(?:in|during|over)\s+the\s+)"
            r"(?:spring|summer|autumn|fall|winter)\b"
        ),
    ),
    ("unknown", _any_case(r"(?:this|next|the\s+coming)\s+weekend")),
    (
        "unknown",
        _any_case(
            r"(?:in|over|within)\s+(?:the\s+)?(?:coming|next(?:\s+few)?)\s+(?:months|years)|"
            r"(?:in|over|within)\s+the\s+(?:past|last|next)\s+\d+\s+hours"
        ),
    ),
    (
        "unknown",
        _any_case(
            r"the\s+(?:day|night|week)\s+(?:before|after)\b|"
            r"the\s+(?:following|next|previous)\s+(?:day|morning|night|week|month)\b|"
            rf"{_COUNT}\s+(?:weeks?|months?|years?)\s+ago\b|"
            rf"{_COUNT}\s+(?:days?|weeks?|months?)\s+(?:earlier|later)\b|"
            # "rose to 3,000 within days", "weeks later": a time counted from an event
            # the sentence names, another occasion than publication
            r"within\s+(?:a\s+few\s+)?(?:hours|days|weeks|months)\b|"
            r"(?:a\s+few\s+)?(?:days|weeks|months)\s+later\b|"
            r"(?:the\s+)?(?:first|second|third|last|final)\s+(?:days?|week)\s+of"
        )
        + rf"(?:\s+{_MONTH_WORD})?",
    ),
    (
        "unknown",
        _any_case("since|until|till|by|before|after|through|from|early|late|mid-?|last|next|this")
        # "since mid-October" is a span up to now, not the middle of October
        + _any_case(r"(?:\s*(?:early|late|mid)(?:-|\s+))?")
        + rf"\s*{_AFTER_TIME_WORD}",
    ),
    # "died since late last year", "until this month": a span running from (or to) a
    # relative time says what a figure covers, never when it was said; left to itself
    # "last year" would read as the day of the statement
    (
        "unknown",
        _any_case(
            r"(?:since|until|till|through|from)\s+(?:(?:early|late|mid)(?:-|\s+))?"
            r"(?:last|this)\s+(?:week|month|year)\b"
        ),
    ),
    (
        "unknown",
        _any_case(r"(?:the\s+)?(?:end|start|beginning|middle|turn)\s+of\s+(?:the\s+|this\s+)?")
        + rf"(?:{_MONTH_WORD}|{_any_case('year|month|week')})",
    ),
]
# (not inside a number either: "3,000 weeks later" is no count of weeks "000")
_TEXT_PATTERNS = [
    (role, re.compile(rf"(?<![\w-])(?<!\d[,.]){pattern}")) for role, pattern in _TEXT_FORMS
]


def find_phrases(text: str, published: date) -> list[DatePhrase]:
    """Every date phrase in `text` (a sentence), in order, none overlapping.

    Returns DatePhrase rows: `wording` is text[start:end], ready to store as
    stated_wording (role "stated") or period_wording (role "period") and readable by
    `resolve`; `span` is its resolution against `published`. Role "unknown" (span
    None, `note` saying why) marks a phrase that looks like a date but is not
    understood ("on the eve of the summit", "since October", "next Tuesday", "last
    spring"), one whose weekday contradicts its date, a stated day after publication,
    and a day and month without a year whose nearest occurrence is still to come (AP
    omits the current year, so "Dec. 5" in an October article is likely this year's
    December, not last year's): the drafter flags these instead of dropping them.
    The role comes from the phrase's form ("by ..." and "in <month>" are periods),
    not from the verbs around it.
    """
    found = sorted(
        (
            (match.start(), -match.end(), role)
            for role, pattern in _TEXT_PATTERNS
            for match in pattern.finditer(text)
        ),
    )
    phrases: list[DatePhrase] = []
    reached = 0
    for start, negative_end, role in found:
        end = -negative_end
        if start < reached:
            continue
        reached = end
        phrases.append(_phrase(text, start, end, role, published))
    return phrases


def _phrase(text: str, start: int, end: int, role: str, published: date) -> DatePhrase:
    wording = text[start:end]
    if role == "unknown":
        return DatePhrase(start, end, wording, None, role, "a date the grammar does not resolve")
    try:
        span = resolve(wording, published)
    except DatePhraseError as error:
        return DatePhrase(start, end, wording, None, "unknown", str(error))
    if role == "stated":
        if span.end is not None and span.end > published:
            return DatePhrase(
                start, end, wording, None, "unknown", "a stated day after publication"
            )
        if _still_to_come(wording, span, published):
            return DatePhrase(
                start,
                end,
                wording,
                None,
                "unknown",
                f"no year given: {span.start:%-d %B %Y}, or this year's day still to come",
            )
    return DatePhrase(start, end, wording, span, role)


def _still_to_come(wording: str, span: DateSpan, published: date) -> bool:
    """A day and month without a year, read as last year's, whose occurrence in the
    publication year is nearer: still to come (AP: the current year is left out)."""
    if not span.inferred or span.precision != "day" or span.start.year == published.year:
        return False
    if not re.search(rf"(?i)\b(?:{MONTH_PATTERN})\b", wording):
        return False
    if re.search(r"(?i)\blast\s+year\b", wording):
        return False  # "October 18th last year" names its year
    try:
        this_year = span.start.replace(year=published.year)
    except ValueError:  # 29 February
        return False
    return (this_year - published) < (published - span.start)


# ---------------------------------------------------------------------------
# Datelines: "SEOUL, Oct 23 (Reuters) -" (Reuters), "KYIV, Ukraine, Nov. 5 (AP) —"
# (AP: city in capitals, then the country or state), "MOSCOW, 12 December (Wire) -".
# ---------------------------------------------------------------------------

_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+)*"
    r"(?:,[ \t]*[A-Z][a-z]+(?:[ .'\-]+[A-Z][a-z]+)*\.?)*?)"
    rf"(?:,[ \t]*(?:(?P<m1>{_any_case(MONTH_PATTERN)})\.?[ \t]+(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_any_case(MONTH_PATTERN)})\.?)\b)?"
    r"[ \t]*(?:\((?P<outlet>[^()\n]{1,60})\))?[ \t]*(?:--?|\u2014|\u2013)[ \t]*",
    re.MULTILINE,
)
# A dateline opens the story: look no further than its first lines.
_DATELINE_REACH = 600


def dateline(text: str) -> Dateline | None:
    """The dateline of an article's first lines, or None if it has none.

    `text`: the article as read (a headline line may come first). A dateline needs a
    place in capitals and a dash, and a date or an outlet in parentheses between them.
    """
    for match in _DATELINE.finditer(text[:_DATELINE_REACH]):
        dated = match["m1"] or match["m2"]
        if not dated and not match["outlet"]:
            continue
        return Dateline(
            place=match["place"],
            month=_month_number(dated) if dated else None,
            day=int(match["d1"] or match["d2"]) if dated else None,
            outlet=match["outlet"].strip() if match["outlet"] else None,
            body_start=match.end(),
        )
    return None


def resolve_dateline(line: Dateline, reference: int | date) -> date:
    """The day of a dateline: in `reference` when it is a year (from a manifest), else
    the most recent such day on or before `reference` (a day known to be no earlier
    than the story, such as its publication or download day).

    Raises DatePhraseError when the dateline gives no date or an impossible one.
    """
    wording = f"{line.place} dateline"
    if line.month is None or line.day is None:
        raise DatePhraseError(f"the {wording} gives no date")
    if isinstance(reference, int):
        return _calendar_date(wording, reference, line.month, line.day)
    for years in range(9):
        try:
            candidate = date(reference.year - years, line.month, line.day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    raise DatePhraseError(f"the {wording} is not a real calendar date")
