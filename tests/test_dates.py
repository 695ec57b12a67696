import re
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import (
    MONTH_PATTERN,
    SUPPORTED_FORMS,
    DatePhraseError,
    DateSpan,
    dateline,
    find_phrases,
    resolve,
    resolve_dateline,
)
from crosscheck.load import load_dataset
from crosscheck.problems import DataError

from conftest import set_cell

SEED_PUBLISHED = date(2024, 10, 23)  # a Wednesday


# Hand-checked against a 2024 calendar: 18 Oct was a Friday, 21 Oct a Monday,
# 22 Oct a Tuesday; the June summit treaty was signed on 19 June 2024.
@pytest.mark.parametrize(
    ("wording", "start", "end", "precision"),
    [
        ("on Wednesday", date(2024, 10, 23), date(2024, 10, 23), "day"),
        ("last Friday", date(2024, 10, 18), date(2024, 10, 18), "day"),
        ("On Monday", date(2024, 10, 21), date(2024, 10, 21), "day"),
        ("on Tuesday", date(2024, 10, 22), date(2024, 10, 22), "day"),
        ("in June", date(2024, 6, 1), date(2024, 6, 30), "month"),
        ("September and October", date(2024, 9, 1), date(2024, 10, 31), "range"),
        ("by December", date(2024, 12, 1), date(2024, 12, 31), "month"),
    ],
)
def test_every_date_phrase_of_the_seed_article_resolves_to_the_hand_checked_calendar(
    wording, start, end, precision
):
    span = resolve(wording, SEED_PUBLISHED)
    assert (span.start, span.end, span.precision, span.inferred) == (start, end, precision, True)


def test_last_weekday_on_that_same_weekday_means_the_week_before():
    assert resolve("last Wednesday", SEED_PUBLISHED).start == date(2024, 10, 16)


def test_on_weekday_on_that_same_weekday_means_the_day_of_publication():
    assert resolve("on Wednesday", SEED_PUBLISHED).start == SEED_PUBLISHED


def test_context_in_parentheses_is_ignored():
    assert resolve("on Wednesday (the day of the briefing)", SEED_PUBLISHED).start == SEED_PUBLISHED


def test_an_empty_wording_means_no_later_than_publication():
    span = resolve("", SEED_PUBLISHED)
    assert (span.start, span.end, span.precision) == (None, SEED_PUBLISHED, "unknown")


def test_an_iso_date_is_taken_as_stated_not_inferred():
    span = resolve("2024-10-17", SEED_PUBLISHED)
    assert (span.start, span.precision, span.inferred) == (date(2024, 10, 17), "day", False)


def test_an_iso_month_spans_the_whole_month():
    span = resolve("2024-02", SEED_PUBLISHED)
    assert (span.start, span.end, span.precision) == (date(2024, 2, 1), date(2024, 2, 29), "month")


def test_a_month_later_in_the_year_than_publication_is_last_years():
    assert resolve("in December", SEED_PUBLISHED).start == date(2023, 12, 1)


def test_a_deadline_month_earlier_in_the_year_is_next_years():
    assert resolve("by March", SEED_PUBLISHED).start == date(2025, 3, 1)


def test_an_impossible_calendar_date_is_refused():
    with pytest.raises(DatePhraseError, match="not a real calendar date"):
        resolve("2024-02-30", SEED_PUBLISHED)


def test_an_unknown_wording_is_refused_with_the_forms_that_work():
    with pytest.raises(DatePhraseError, match="last <weekday>"):
        resolve("the other day", SEED_PUBLISHED)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_a_weekday_phrase_never_lands_after_publication_or_more_than_a_week_before(published):
    for weekday in ("monday", "friday", "sunday"):
        for form in ("on", "last"):
            span = resolve(f"{form} {weekday}", published)
            assert span.start.strftime("%A").lower() == weekday
            assert 0 <= (published - span.start).days <= 7


# ---------------------------------------------------------------------------
# The forms wire copy and newspapers write (issue 15). Calendar, October 2024:
# Mon 14, Fri 18, Sat 19, Sun 20, Mon 21, Tue 22, Wed 23 (publication).
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "day"),
    [
        ("Tuesday", date(2024, 10, 22)),
        ("Monday night", date(2024, 10, 21)),
        ("on Sunday morning", date(2024, 10, 20)),
        ("late Tuesday", date(2024, 10, 22)),
        ("late on Monday", date(2024, 10, 21)),
        ("last Tuesday evening", date(2024, 10, 22)),
        ("Wednesday afternoon", date(2024, 10, 23)),
    ],
)
def test_a_weekday_with_or_without_on_and_a_part_of_the_day_is_that_weekday(wording, day):
    assert resolve(wording, SEED_PUBLISHED) == DateSpan(day, day, "day", True)


@pytest.mark.parametrize(
    "wording",
    ["Friday (Oct. 18)", "on Friday (October 18)", "Friday, Oct. 18", "Friday (18th Oct)"],
)
def test_a_weekday_with_its_date_in_brackets_is_that_date(wording):
    assert resolve(wording, SEED_PUBLISHED).start == date(2024, 10, 18)


def test_a_weekday_that_is_not_its_bracketed_dates_weekday_is_refused():
    with pytest.raises(DatePhraseError, match="17 October 2024 was a Thursday, not a Friday"):
        resolve("on Friday (Oct. 17)", SEED_PUBLISHED)


def test_brackets_without_a_date_stay_context_and_a_date_beside_an_iso_day_is_ignored():
    assert resolve("Monday (at the briefing)", SEED_PUBLISHED).start == date(2024, 10, 21)
    assert resolve("2024-10-17 (on Oct. 17)", SEED_PUBLISHED).start == date(2024, 10, 17)


@pytest.mark.parametrize(
    ("wording", "day", "inferred"),
    [
        ("Oct. 18", date(2024, 10, 18), True),
        ("Oct 18", date(2024, 10, 18), True),
        ("on Oct. 18", date(2024, 10, 18), True),
        ("October 18th", date(2024, 10, 18), True),
        ("18 October", date(2024, 10, 18), True),
        ("the 18th of October", date(2024, 10, 18), True),
        ("on 18th October 2024", date(2024, 10, 18), False),
        ("Oct 18, 2024", date(2024, 10, 18), False),
        ("Sept. 30", date(2024, 9, 30), True),
        # later in the year than publication: last year's unless the year is given
        ("Dec. 5", date(2023, 12, 5), True),
        ("Dec. 5, 2024", date(2024, 12, 5), False),
    ],
)
def test_a_day_and_month_is_the_most_recent_such_day_unless_the_year_is_given(
    wording, day, inferred
):
    assert resolve(wording, SEED_PUBLISHED) == DateSpan(day, day, "day", inferred)


def test_a_day_and_month_after_new_year_is_last_years():
    assert resolve("on Dec. 28", date(2025, 1, 3)).start == date(2024, 12, 28)


def test_29_february_is_the_last_leap_day_before_publication():
    assert resolve("Feb. 29", date(2025, 3, 1)).start == date(2024, 2, 29)


def test_by_a_day_and_month_looks_forward_across_new_year():
    assert resolve("by Jan. 10", date(2024, 12, 20)).start == date(2025, 1, 10)
    assert resolve("by Oct. 31", SEED_PUBLISHED).start == date(2024, 10, 31)


def test_a_day_that_no_month_has_is_refused():
    with pytest.raises(DatePhraseError, match="not a real calendar date"):
        resolve("Sept. 31", SEED_PUBLISHED)


@pytest.mark.parametrize(
    ("wording", "start", "end", "precision"),
    [
        ("last week", date(2024, 10, 14), date(2024, 10, 20), "range"),
        ("this week", date(2024, 10, 21), date(2024, 10, 23), "range"),
        ("earlier this week", date(2024, 10, 21), date(2024, 10, 22), "range"),
        ("next week", date(2024, 10, 28), date(2024, 11, 3), "range"),
        ("later this week", date(2024, 10, 24), date(2024, 10, 27), "range"),
        ("at the weekend", date(2024, 10, 19), date(2024, 10, 20), "range"),
        ("over the weekend", date(2024, 10, 19), date(2024, 10, 20), "range"),
        ("last weekend", date(2024, 10, 19), date(2024, 10, 20), "range"),
        ("earlier this month", date(2024, 10, 1), date(2024, 10, 22), "range"),
        ("this month", date(2024, 10, 1), date(2024, 10, 31), "month"),
        ("last month", date(2024, 9, 1), date(2024, 9, 30), "month"),
        ("later this month", date(2024, 10, 24), date(2024, 10, 31), "range"),
        ("earlier this year", date(2024, 1, 1), date(2024, 10, 22), "range"),
        ("last year", date(2023, 1, 1), date(2023, 12, 31), "range"),
        ("in 2023", date(2023, 1, 1), date(2023, 12, 31), "range"),
        ("October 2024", date(2024, 10, 1), date(2024, 10, 31), "month"),
        ("in the coming weeks", date(2024, 10, 23), date(2024, 11, 20), "range"),
        ("in the coming days", date(2024, 10, 23), date(2024, 10, 30), "range"),
        ("in the next two weeks", date(2024, 10, 23), date(2024, 11, 6), "range"),
        ("in the past week", date(2024, 10, 17), date(2024, 10, 23), "range"),
        ("over the past 3 days", date(2024, 10, 21), date(2024, 10, 23), "range"),
        ("two days ago", date(2024, 10, 21), date(2024, 10, 21), "day"),
        ("by the end of the year", date(2024, 12, 31), date(2024, 12, 31), "day"),
        ("by year-end", date(2024, 12, 31), date(2024, 12, 31), "day"),
        ("by the end of the month", date(2024, 10, 31), date(2024, 10, 31), "day"),
        ("by the end of November", date(2024, 11, 30), date(2024, 11, 30), "day"),
        ("by the end of February", date(2025, 2, 28), date(2025, 2, 28), "day"),
        ("by Friday", date(2024, 10, 25), date(2024, 10, 25), "day"),
    ],
)
def test_relative_spans_resolve_to_the_hand_checked_calendar(wording, start, end, precision):
    span = resolve(wording, SEED_PUBLISHED)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_last_week_across_new_year_is_the_week_of_christmas():
    # Thursday 2 January 2025: this week began Monday 30 December 2024.
    span = resolve("last week", date(2025, 1, 2))
    assert (span.start, span.end) == (date(2024, 12, 23), date(2024, 12, 29))


def test_this_week_in_a_monday_article_is_that_one_day():
    assert resolve("this week", date(2024, 10, 21)) == DateSpan(
        date(2024, 10, 21), date(2024, 10, 21), "day", True
    )


def test_earlier_this_week_in_a_monday_article_names_no_day():
    with pytest.raises(DatePhraseError, match="names no day"):
        resolve("earlier this week", date(2024, 10, 21))


def test_the_weekend_of_a_saturday_article_stops_at_publication():
    assert resolve("at the weekend", date(2024, 10, 19)).end == date(2024, 10, 19)
    assert resolve("last weekend", date(2024, 10, 19)).start == date(2024, 10, 12)


def test_the_error_lists_the_new_forms_too():
    with pytest.raises(DatePhraseError, match="in the coming days"):
        resolve("at the eleventh hour", SEED_PUBLISHED)
    assert any("by the end of the year" in form for form in SUPPORTED_FORMS)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_last_week_is_always_the_whole_iso_week_before_publications(published):
    span = resolve("last week", published)
    assert span.start.weekday() == 0 and span.end - span.start == timedelta(days=6)
    assert 1 <= (published - span.end).days <= 7
    assert span.end.isocalendar()[:2] != published.isocalendar()[:2]


# ---------------------------------------------------------------------------
# find_phrases: every date phrase of a sentence, with its role.
# ---------------------------------------------------------------------------


def phrases(text, published=SEED_PUBLISHED):
    found = find_phrases(text, published)
    assert all(text[p.start : p.end] == p.wording for p in found)
    return [(p.wording, p.role, p.span and (p.span.start, p.span.end)) for p in found]


def day(d):
    return (d, d)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Pentagon said Tuesday that troops had arrived.",
            [("Tuesday", "stated", day(date(2024, 10, 22)))],
        ),
        (
            "Officials said on Friday (Oct. 18) that 1,500 had come.",
            [("on Friday (Oct. 18)", "stated", day(date(2024, 10, 18)))],
        ),
        (
            "He spoke Monday night and again last week.",
            [
                ("Monday night", "stated", day(date(2024, 10, 21))),
                ("last week", "stated", (date(2024, 10, 14), date(2024, 10, 20))),
            ],
        ),
        (
            "Seoul said earlier this month that more would follow in the coming weeks.",
            [
                ("earlier this month", "stated", (date(2024, 10, 1), date(2024, 10, 22))),
                ("in the coming weeks", "period", (date(2024, 10, 23), date(2024, 11, 20))),
            ],
        ),
        (
            "The total could reach 12,000 by the end of the year, or by December.",
            [
                ("by the end of the year", "period", day(date(2024, 12, 31))),
                ("by December", "period", (date(2024, 12, 1), date(2024, 12, 31))),
            ],
        ),
        (
            "It was agreed in June, and troops moved between June and August.",
            [
                ("in June", "period", (date(2024, 6, 1), date(2024, 6, 30))),
                ("between June and August", "period", (date(2024, 6, 1), date(2024, 8, 31))),
            ],
        ),
        (
            "The envoy arrived yesterday, and 1,500 came on 18th October.",
            [
                ("yesterday", "stated", day(date(2024, 10, 22))),
                ("on 18th October", "stated", day(date(2024, 10, 18))),
            ],
        ),
    ],
)
def test_every_date_phrase_of_a_sentence_is_found_with_its_role_and_days(sentence, expected):
    assert phrases(sentence) == expected


def test_last_year_as_a_possessive_names_an_event_not_a_day_of_speaking():
    assert phrases("Turnout beat last year's parade, organisers said last week.") == [
        ("last week", "stated", (date(2024, 10, 14), date(2024, 10, 20)))
    ]


def test_a_weekday_followed_by_its_date_british_style_is_one_phrase():
    assert phrases("Kim spoke on Friday 18 October.") == [
        ("on Friday 18 October", "stated", day(date(2024, 10, 18)))
    ]


def test_a_phrase_carries_its_character_offsets():
    (found,) = find_phrases("Kim said Tuesday.", SEED_PUBLISHED)
    assert (found.start, found.end) == (9, 16)


def test_month_names_count_only_when_capitalised():
    assert phrases("In may the talks resumed, and the march went on; in May they ended.") == [
        ("in May", "period", (date(2024, 5, 1), date(2024, 5, 31)))
    ]


def test_a_count_after_a_month_is_not_its_day():
    assert phrases("In June 2,000 troops arrived.") == [
        ("In June", "period", (date(2024, 6, 1), date(2024, 6, 30)))
    ]


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("They met on the eve of the summit.", "on the eve of the summit"),
        ("Casualties have grown since October.", "since October"),
        ("Talks resume next Tuesday.", "next Tuesday"),
        ("The offensive began last spring.", "last spring"),
        ("They will meet this weekend.", "this weekend"),
        ("The worst was in the last week of October.", "the last week of October"),
        ("Fighting eased by mid-October.", "by mid-October"),
        ("Losses have mounted since late November.", "since late November"),
        ("More will come in the coming months.", "in the coming months"),
        ("Over the past 24 hours, 40 were killed.", "Over the past 24 hours"),
    ],
)
def test_a_date_like_phrase_not_understood_is_kept_as_unknown(sentence, wording):
    assert phrases(sentence) == [(wording, "unknown", None)]


@pytest.mark.parametrize(
    ("sentence", "wording", "span"),
    [
        # published 23 October 2024: a month without a year is its latest occurrence
        # on or before publication, so November is 2023's
        ("It peaked mid-October.", "mid-October", (date(2024, 10, 11), date(2024, 10, 20))),
        ("Slow in late September.", "in late September", (date(2024, 9, 21), date(2024, 9, 30))),
        ("Met in early November.", "in early November", (date(2023, 11, 1), date(2023, 11, 10))),
        ("It began late March 2025.", "late March 2025", (date(2025, 3, 21), date(2025, 3, 31))),
    ],
)  # fmt: skip
def test_early_mid_or_late_month_is_a_period_of_that_months_ten_days(sentence, wording, span):
    assert phrases(sentence) == [(wording, "period", span)]


def test_a_weekday_contradicting_its_date_is_unknown_with_the_reason():
    (found,) = find_phrases("The Friday (Oct. 17) briefing.", SEED_PUBLISHED)
    assert (found.wording, found.role, found.span) == ("Friday (Oct. 17)", "unknown", None)
    assert "was a Thursday" in found.note


def test_a_stated_day_after_publication_is_not_a_stated_day():
    (found,) = find_phrases("The statement of Oct 25, 2024 said so.", SEED_PUBLISHED)
    assert (found.role, found.span, found.note) == (
        "unknown",
        None,
        "a stated day after publication",
    )


def test_a_day_without_a_year_still_to_come_this_year_is_flagged_not_read_as_last_years():
    (found,) = find_phrases("Talks are planned for Dec. 5.", SEED_PUBLISHED)
    assert (found.wording, found.role) == ("Dec. 5", "unknown")
    # ... but just after new year, late December is last year's
    (found,) = find_phrases("Talks were held on Dec. 28.", date(2025, 1, 3))
    assert (found.role, found.span.start) == ("stated", date(2024, 12, 28))


def test_a_day_and_month_followed_by_last_year_is_that_day_of_the_year_before():
    # a day still to come this year would be flagged, but "last year" names the year
    (found,) = find_phrases("The ministry spoke on 30 November last year.", SEED_PUBLISHED)
    assert (found.wording, found.role, found.span.start) == (
        "on 30 November last year",
        "stated",
        date(2023, 11, 30),
    )


@pytest.mark.parametrize("wording", ["this morning", "this evening", "tonight", "earlier today"])
def test_a_part_of_the_publication_day_is_that_day(wording):
    (found,) = find_phrases(f"The mayor wrote {wording} that 40 were hurt.", SEED_PUBLISHED)
    assert (found.wording, found.role, found.span.start) == (wording, "stated", SEED_PUBLISHED)


def test_every_found_wording_resolves_to_the_same_span():
    sentence = "Monday night, last week, Oct. 18, by year-end and in the past 3 days."
    for found in find_phrases(sentence, SEED_PUBLISHED):
        assert resolve(found.wording, SEED_PUBLISHED) == found.span


def test_a_sentence_without_a_date_has_no_phrases():
    assert (
        find_phrases("Some 1,500 troops were seen on the border, Theresa May said.", SEED_PUBLISHED)
        == []
    )


@pytest.mark.parametrize("text", ["Oct. 23", "sept 5", "12 December", "23 Octobers"])
def test_month_pattern_tells_a_day_from_a_count(text):
    beside = re.search(rf"\b(?:{MONTH_PATTERN})\b", text, re.IGNORECASE)
    assert (beside is not None) == (text != "23 Octobers")


# ---------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "month", "day_of_month", "outlet", "body"),
    [
        ("SEOUL, Oct 23 (Reuters) - South Korea said", "SEOUL", 10, 23, "Reuters", "South"),
        ("KYIV, Ukraine, Nov. 5 (AP) \u2014 Ukraine said", "KYIV, Ukraine", 11, 5, "AP", "Ukraine"),
        ("MOSCOW, 12 December (Northern Wire) - The", "MOSCOW", 12, 12, "Northern Wire", "The"),
        (
            "Troops in Kursk\nWASHINGTON (AP) \u2014 The Pentagon",
            "WASHINGTON",
            None,
            None,
            "AP",
            "The",
        ),
    ],
)
def test_a_dateline_gives_place_day_outlet_and_where_the_story_starts(
    text, place, month, day_of_month, outlet, body
):
    line = dateline(text)
    assert (line.place, line.month, line.day, line.outlet) == (place, month, day_of_month, outlet)
    assert text[line.body_start :].split()[0] == body


def test_a_text_without_a_dateline_has_none():
    assert dateline("North Korea sends troops - report says\nThe Pentagon said") is None


def test_a_dateline_day_is_in_the_given_year_or_the_last_before_a_reference_day():
    line = dateline("KYIV, Ukraine, Nov. 5 (AP) \u2014 Ukraine said")
    assert resolve_dateline(line, 2024) == date(2024, 11, 5)
    assert resolve_dateline(line, SEED_PUBLISHED) == date(2023, 11, 5)
    assert resolve_dateline(line, date(2024, 11, 5)) == date(2024, 11, 5)


def test_a_dateline_without_a_date_gives_no_day():
    with pytest.raises(DatePhraseError, match="gives no date"):
        resolve_dateline(dateline("WASHINGTON (AP) \u2014 The Pentagon"), 2024)


# ---------------------------------------------------------------------------
# The validator reads the same grammar: claims.csv wordings through load_dataset.
# The first claim's article was published on Wednesday 23 October 2024.
# ---------------------------------------------------------------------------


def test_the_loader_accepts_last_week_and_a_year_end_deadline_and_resolves_them(data_copy):
    set_cell(data_copy / "claims.csv", 0, "stated_wording", "last week")
    set_cell(data_copy / "claims.csv", 0, "period_wording", "by the end of the year")
    claim = load_dataset(data_copy).claims.iloc[0]
    assert (claim["stated_from"], claim["stated_on"], claim["stated_precision"]) == (
        pd.Timestamp(2024, 10, 14),
        pd.Timestamp(2024, 10, 20),
        "range",
    )
    assert (claim["period_start"], claim["period_end"]) == (
        pd.Timestamp(2024, 12, 31),
        pd.Timestamp(2024, 12, 31),
    )


def test_the_loader_reads_a_weekday_with_its_date_in_brackets(data_copy):
    set_cell(data_copy / "claims.csv", 0, "stated_wording", "Friday (Oct. 18)")
    assert load_dataset(data_copy).claims.iloc[0]["stated_on"] == pd.Timestamp(2024, 10, 18)


def test_the_loader_refuses_a_weekday_that_contradicts_its_date(data_copy):
    line = set_cell(data_copy / "claims.csv", 0, "stated_wording", "Friday (Oct. 17)")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (line, "stated_wording")
    assert "was a Thursday, not a Friday" in problem.rule


@pytest.mark.parametrize("wording", ["within days", "within a few weeks", "weeks later"])
def test_a_time_counted_from_an_event_is_a_phrase_not_understood(wording):
    # "rose to 3,000 within days": another occasion than the day named before it
    found = find_phrases(f"The count rose to 3,000 {wording}.", SEED_PUBLISHED)
    assert [(p.wording, p.role, p.span) for p in found] == [(wording, "unknown", None)]


def test_by_a_weekday_night_is_that_day_when_a_count_was_given_not_a_deadline():
    # invented: a count revised "by Tuesday evening", read on Wednesday 23 Oct 2024
    text = "By Tuesday evening the organisers had raised their count to 2,000."
    phrase = find_phrases(text, date(2024, 10, 23))[0]
    assert (phrase.wording, phrase.role) == ("By Tuesday evening", "stated")
    assert phrase.span.start == phrase.span.end == date(2024, 10, 22)
    # a bare "by <weekday>" stays a deadline, after publication
    deadline = find_phrases("The march must end by Friday.", date(2024, 10, 23))[0]
    assert (deadline.role, deadline.span.start) == ("period", date(2024, 10, 25))


@pytest.mark.parametrize(
    "wording",
    ["since late last year", "since last month", "until this week", "from early this year"],
)
def test_a_span_from_a_relative_time_is_no_stated_day(wording):
    # "The toll has doubled since late last year, the ministry said Friday": left to
    # itself "last year" would read as when the statement was made
    found = find_phrases(f"The toll has doubled {wording}, the ministry said.", SEED_PUBLISHED)
    assert [(p.wording, p.role) for p in found] == [(wording, "unknown")]
