from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import DatePhraseError, resolve

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
