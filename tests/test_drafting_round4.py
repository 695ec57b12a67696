"""Round 4 of the drafter's rules (issue 15): cases a reviewer met drafting articles of
their own. Each test drafts an invented sentence (headline line first) and asserts the
row a reader would write by hand, or the flag that sends it to a person."""

from __future__ import annotations

from datetime import date

import pytest

from crosscheck import dates
from crosscheck.drafting import draft_article
from crosscheck.drafting.figures import parse_figures
from crosscheck.drafting.measures import guess_stance
from crosscheck.load import load_dataset

from conftest import DATA

# Published on Thursday 14 Nov 2024: "on Monday" is 11 Nov, "on Tuesday" 12 Nov.
THURSDAY = date(2024, 11, 14)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def draft(dataset, body: str):
    return draft_article("Headline\n" + body, THURSDAY, dataset, "Test Wire").claims


def figures(claims):
    return claims[claims["measure"].notna()].reset_index(drop=True)


def test_a_count_noun_after_a_second_number_counts_that_number_not_the_first():
    found = parse_figures("Pyongyang shipped 2 million rockets and 8,000 soldiers to the front.")
    assert [f.value for f in found] == [8_000]


def test_the_first_figure_of_shells_and_troops_is_no_troop_row(dataset):
    claims = figures(
        draft(
            dataset,
            "The Joint Chiefs of Staff said on Monday that Pyongyang had shipped 2 million "
            "rockets and 8,000 troops to Russia.",
        )
    )
    assert claims["best"].tolist() == [8_000]


@pytest.mark.parametrize("listener", ["the BBC", "Vladimir Putin"])
def test_the_listener_after_told_is_not_the_speaker(dataset, listener):
    claims = figures(
        draft(
            dataset,
            f"Valery Gerasimov, the chief of the general staff, told {listener} on Monday "
            "that 7,000 North Korean soldiers were in Kursk.",
        )
    )
    assert claims["claimant_id"].tolist() == ["valery-gerasimov"]


def test_a_decimal_comma_before_a_scale_word_is_read_and_flagged(dataset):
    claims = figures(
        draft(
            dataset,
            "The Joint Chiefs of Staff said on Monday that 7,5 thousand North Korean "
            "soldiers were in Russia.",
        )
    )
    assert claims["best"].tolist() == [7_500]
    assert "decimal comma" in claims.loc[0, "review"]


def test_another_batch_in_the_next_sentence_is_a_figure_of_the_same_speaker(dataset):
    claims = figures(
        draft(
            dataset,
            "The Joint Chiefs of Staff said on Monday that 8,000 soldiers were in Russia. "
            "Another 3,000 were on the way, it added.",
        )
    )
    assert claims["best"].tolist() == [8_000, 3_000]
    assert claims.loc[1, "measure"] == "additional_dispatched"
    assert claims.loc[1, "claimant_id"] == "rok-jcs"


def test_the_day_by_the_verb_of_saying_is_the_statement_day_the_other_the_period(dataset):
    claims = figures(
        draft(
            dataset,
            "40 North Korean soldiers were killed last weekend, Kyrylo Budanov said on Monday.",
        )
    )
    row = claims.loc[0]
    assert (row["stated_wording"], row["stated_day"], row["period_wording"]) == (
        "on Monday",
        "2024-11-11",
        "last weekend",
    )


@pytest.mark.parametrize(
    "text",
    [
        "there are no North Korean troops in the region",
        "no North Korean soldiers have been deployed anywhere",
        "not a single soldier crossed the border",
    ],
)
def test_saying_that_what_is_counted_is_not_there_denies_it(text):
    assert guess_stance(text) == "denies"


def test_a_figure_of_none_lost_is_still_asserted():
    assert guess_stance("800 were wounded, with no deaths reported") == "asserts"


def test_the_body_after_the_pentagon_said_is_the_pentagon_and_flagged(dataset):
    claims = figures(
        draft(
            dataset,
            "The Pentagon said on Monday that 90 North Korean soldiers had been killed. "
            "Another 40 were missing, the unit added. "
            "The department added that 15 were wounded.",
        )
    )
    assert claims["claimant_id"].tolist() == ["us-government"] * 3
    assert "'the unit' read as us-government" in claims.loc[1, "review"]
    assert claims["claimant_match"].tolist() == ["known"] * 3


def test_a_closing_told_reporters_names_the_speaker_of_a_countrys_estimate(dataset):
    claims = figures(
        draft(
            dataset,
            "Washington believes that 9,000 North Korean soldiers are in Russia, "
            "Antony Blinken told reporters on Monday.",
        )
    )
    assert claims["claimant_id"].tolist() == ["antony-blinken"]
    assert claims.loc[0, "stated_day"] == "2024-11-11"


def test_late_last_month_is_the_last_third_of_last_month(dataset):
    span = dates.resolve("late last month", THURSDAY)
    assert (span.start, span.end) == (date(2024, 10, 21), date(2024, 10, 31))
    claims = figures(
        draft(
            dataset,
            "The Joint Chiefs of Staff said late last month that 9,000 North Korean "
            "soldiers were in Russia.",
        )
    )
    assert claims.loc[0, "stated_wording"] == "late last month"
    assert claims.loc[0, "stated_day"] == "2024-10-21..2024-10-31"


def test_but_officials_put_it_at_is_not_the_first_speakers_figure(dataset):
    claims = figures(
        draft(
            dataset,
            "Mark Rutte said on Monday that 9,000 North Korean soldiers were in Russia, "
            "but officials put it at 1.5 thousand.",
        )
    )
    assert claims["claimant_id"].tolist() == ["mark-rutte", "officials"]
    assert claims["claimant_match"].tolist() == ["known", "proposed"]


def test_a_dated_aside_before_that_is_not_the_evidence(dataset):
    claims = draft(
        dataset,
        "Dmitry Peskov said on Monday, Nov. 11, that military ties with Pyongyang were lawful.",
    )
    assert claims.loc[0, "evidence"] == "military ties with Pyongyang were lawful"


def test_a_figure_summed_up_again_later_is_one_claim(dataset):
    claims = figures(
        draft(
            dataset,
            "Kyrylo Budanov said on Monday that 60 North Korean soldiers had been killed. "
            "In all, 60 North Korean soldiers had been killed, he said.",
        )
    )
    assert claims["best"].tolist() == [60]
    assert claims.loc[0, "stated_day"] == "2024-11-11"


def test_a_summary_at_the_top_yields_to_the_dated_entry_and_a_second_speaker_is_flagged(
    dataset,
):
    claims = figures(
        draft(
            dataset,
            "In brief: Kyrylo Budanov says 5,000 North Korean soldiers were wounded. "
            "The Joint Chiefs of Staff said on Monday that 5,000 North Korean soldiers "
            "had been wounded.",
        )
    )
    assert claims["best"].tolist() == [5_000]
    assert claims.loc[0, "claimant_id"] == "rok-jcs"
    assert claims.loc[0, "stated_day"] == "2024-11-11"
    assert "also drafted for kyrylo-budanov" in claims.loc[0, "review"]
