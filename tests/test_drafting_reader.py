"""The reader end to end (crosscheck.drafting.reader, issue 15): cases met on copy the
rules had not seen, from a reviewer's own articles and the held-out gold sets. Each test
drafts an invented sentence (headline line first) and asserts the row a coder would
write by hand, or the flag that sends it to a person."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from crosscheck import dates
from crosscheck.drafting import draft_article
from crosscheck.drafting.figures import parse_figures
from crosscheck.drafting.measures import MeasureCues, cue_pattern, guess_measure, guess_stance
from crosscheck.load import load_dataset

from conftest import DATA, RALLY

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


# Claimants and dates --------------------------------------------------------------


DATED = "The Joint Chiefs of Staff said on Monday that 7,000 soldiers were in Russia. "


@pytest.mark.parametrize(
    "later",
    [
        # a span right after the verb of saying
        "The Joint Chiefs of Staff said in September that 9,500 soldiers had been sent.",
        # a span before the verb, in the verb's own clause
        "By late September the Joint Chiefs of Staff put the total at about 9,500.",
        # a span in a clause of its own that leads into the verb's clause
        "At a briefing for lawmakers, in September, the Joint Chiefs of Staff "
        "estimated 9,500 had been sent.",
    ],
)
def test_a_statement_dated_by_a_span_takes_no_earlier_day(dataset, later):
    claims = figures(draft(dataset, DATED + later))
    assert claims["best"].tolist() == [7_000, 9_500]
    assert claims["stated_day"].tolist() == ["2024-11-11", "not stated (by 2024-11-14)"]


def test_a_span_of_the_count_before_a_parenthetical_verb_keeps_the_earlier_day(dataset):
    claims = figures(
        draft(
            dataset,
            DATED + "In the past fortnight alone, they said, some 600 had been wounded.",
        )
    )
    assert claims["best"].tolist() == [7_000, 600]
    assert claims["stated_day"].tolist() == ["2024-11-11", "2024-11-11"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lawmaker Park Sun-won told reporters on Tuesday that the NIS put the number of "
        "North Korean troops in Russia at 9,000.",
        "Park Sun-won said on Tuesday the NIS had also told members that 9,000 North "
        "Korean troops were in Russia.",
        "The NIS still believes 9,000 North Korean troops are in Russia, according to "
        "Park Sun-won, who spoke on Tuesday.",
    ],
)
def test_a_lawmaker_passing_on_the_agency_s_figure_relays_it(dataset, sentence):
    claims = figures(draft(dataset, sentence))
    assert claims[["best", "claimant_id", "relayed_via_id"]].values.tolist() == [
        [9_000, "rok-nis", "park-sun-won"]
    ]


def test_a_spokesperson_stating_their_own_government_s_view_is_the_claimant(dataset):
    claims = figures(
        draft(
            dataset,
            "Pentagon press secretary Pat Ryder told reporters on Tuesday that Washington "
            "now assesses that 9,000 North Korean troops are in Russia.",
        )
    )
    assert claims["claimant_id"].tolist() == ["pat-ryder"]
    assert claims["relayed_via_id"].isna().all()


def test_a_reported_subject_without_a_verb_of_its_own_is_no_source(dataset):
    # the NIS is what the lawmaker talks about, not someone who said it
    claims = figures(
        draft(
            dataset,
            "Park Sun-won said on Tuesday that the NIS budget paid for 9,000 North Korean "
            "troops to be tracked in Russia.",
        )
    )
    assert claims["claimant_id"].tolist() == ["park-sun-won"]


def test_citing_a_country_s_agency_cites_the_agency_not_the_country(dataset):
    claims = figures(
        draft(
            dataset,
            "Analysts at a Norwegian university, citing South Korea's National "
            "Intelligence Service, said 9,000 North Korean troops were in Russia.",
        )
    )
    assert claims["claimant_id"].tolist() == ["rok-nis"]


def test_putting_a_long_noun_at_a_number_attributes_it(dataset):
    claims = figures(
        draft(
            dataset,
            "A senior U.S. military official, speaking on condition of anonymity on Monday, "
            'put North Korean troops of every branch now in Kursk at "north of 9,000".',
        )
    )
    assert claims[["best", "claimant_id"]].values.tolist() == [
        [9_000, "us-senior-military-official"]
    ]
    assert claims["stated_day"].tolist() == ["2024-11-11"]


def test_a_body_noted_with_an_apposition_is_the_source_of_its_figure(dataset):
    claims = figures(
        draft(
            dataset,
            "A report by a Danish institute appeared on Monday. It notes that the Institute "
            "for the Study of War, a Washington think tank, put North Korean casualties at "
            "about 3,000.",
        )
    )
    assert claims[["best", "claimant_id"]].values.tolist() == [[3_000, "isw"]]


def test_a_capitalised_common_noun_refers_back_to_the_body_named_before():
    claims = figures(
        draft_article(
            "Headline\nCity police put the crowd at about 6,000, a spokesman said on Monday. "
            "The organisers said 20,000 people had marched. Police said on Tuesday that 12 people "
            "had been arrested.",
            THURSDAY,
            load_dataset(RALLY),
            "Test Wire",
        ).claims
    )
    # (the organisers, not in the table as "The organisers", are proposed)
    assert claims.loc[[0, 2], ["best", "claimant_id"]].values.tolist() == [
        [6_000, "city-police"],
        [12, "city-police"],
    ]


def test_a_day_in_a_relative_clause_about_the_speaker_is_not_the_statement_s(dataset):
    claims = figures(
        draft(
            dataset,
            "Park Sun-won, a lawmaker who toured the front last week, told reporters that "
            "9,000 North Korean troops were in Russia.",
        )
    )
    assert claims["stated_wording"].isna().all()


def test_a_day_in_a_relative_clause_of_the_briefing_passed_on_dates_it(dataset):
    claims = figures(
        draft(
            dataset,
            "Lawmakers who received updates from the NIS on Tuesday said that 9,000 North "
            "Korean troops were in Russia.",
        )
    )
    assert claims["stated_day"].tolist() == ["2024-11-12"]


def test_a_statement_at_an_occasion_named_before_takes_its_day(dataset):
    claims = figures(
        draft(
            dataset,
            "The NIS briefed a closed-door session of the intelligence committee on "
            "Tuesday. Lawmakers grilled its director for hours. Park Sun-won, who sits on "
            "it, told the committee that 9,000 North Korean troops were in Russia.",
        )
    )
    assert claims[["claimant_id", "stated_day"]].values.tolist() == [["park-sun-won", "2024-11-12"]]
    # two sentences back: near enough to need no review of the carried day
    assert claims["review"].fillna("").str.contains("day carried").sum() == 0


def test_an_occasion_named_with_two_days_dates_nothing(dataset):
    claims = figures(
        draft(
            dataset,
            "The committee met on Monday and again on Tuesday. Park Sun-won told the "
            "committee that 9,000 North Korean troops were in Russia.",
        )
    )
    assert claims["stated_wording"].isna().all()


def test_a_reply_is_dated_to_the_occasion_of_the_sentence_before(dataset):
    claims = figures(
        draft(
            dataset,
            "A backbench MP raised the deployment in parliament on Tuesday. Responding, "
            "Park Sun-won said 9,000 North Korean troops were in Russia.",
        )
    )
    assert claims["stated_day"].tolist() == ["2024-11-12"]


def test_a_span_inside_a_since_clause_does_not_stop_the_earlier_day(dataset):
    claims = figures(
        draft(
            dataset,
            DATED + "The Joint Chiefs of Staff also said about 900 had been wounded since "
            "the units reached the front late last summer.",
        )
    )
    assert claims["best"].tolist() == [7_000, 900]
    assert claims["stated_day"].tolist() == ["2024-11-11", "2024-11-11"]


def test_the_kremlin_s_security_chief_is_the_security_council_secretary(dataset):
    # (data/actors.csv aliases: the role news copy names Sergei Shoigu by since 2024)
    claims = figures(
        draft(
            dataset,
            "The Kremlin's security chief said on Monday that 9,000 North Korean troops "
            "were in Russia.",
        )
    )
    assert claims["claimant_id"].tolist() == ["sergei-shoigu"]


INTERVIEW = (
    "Park Sun-won, a lawmaker, spoke to the Test Wire in his office on Tuesday.\n\n"
    "Test Wire: How many soldiers are there?\n\n"
    "Park: I would say 9,000 North Korean troops are in Russia. "
    "The NIS told our committee in October that 300 North Korean soldiers had been "
    "killed, they said.\n\n"
    "Note: this interview has been edited for length. About 400 North Korean soldiers "
    "had been wounded by then, the agency said."
)


def test_an_interview_label_in_ordinary_capitals_names_the_interviewee(dataset):
    claims = figures(draft(dataset, INTERVIEW))
    rows = claims.set_index("best")
    assert rows.loc[9_000, "claimant_id"] == "park-sun-won"
    # dated to the day the introduction gives the interview
    assert rows.loc[9_000, "stated_day"] == "2024-11-12"


def test_a_figure_an_interviewee_passes_on_is_not_dated_to_the_interview(dataset):
    claims = figures(draft(dataset, INTERVIEW))
    rows = claims.set_index("best")
    assert rows.loc[300, "claimant_id"] == "rok-nis"
    assert rows.loc[300, "stated_day"] != "2024-11-12"


def test_a_label_naming_no_one_the_article_named_is_no_speaker(dataset):
    claims = figures(draft(dataset, INTERVIEW))
    assert claims.set_index("best").loc[400, "claimant_id"] == "rok-nis"


def test_today_in_an_answer_is_the_day_of_the_interview(dataset):
    claims = figures(
        draft(
            dataset,
            INTERVIEW.replace("are in Russia.", "are in Russia today."),
        )
    )
    assert claims.set_index("best").loc[9_000, "stated_day"] == "2024-11-12"


def test_a_presenter_on_the_air_is_a_speaker_to_propose(dataset):
    claims = figures(
        draft(
            dataset,
            "A presenter on a popular evening talk show said on Monday that only 300 North "
            "Korean advisers had been sent to Russia.",
        )
    )
    assert claims["claimant_match"].tolist() == ["proposed"]
    assert claims["claimant_id"].str.contains("presenter").all()


# Figures and measures -------------------------------------------------------------


@pytest.fixture(scope="module")
def rally():
    return load_dataset(RALLY)


def read(dataset, sentence: str) -> list[tuple[int, str | None]]:
    """(value, measure) of every figure of a sentence, as the drafter reads them."""
    found = parse_figures(sentence, cue_pattern(dataset))
    cues = MeasureCues.from_dataset(dataset)
    out = []
    for i, figure in enumerate(found):
        window = (
            found[i - 1].end if i else 0,
            found[i + 1].start if i + 1 < len(found) else len(sentence),
        )
        out.append((figure.value, guess_measure(sentence, figure, window, cues).measure))
    return out


def figure_rows_of(dataset, body: str):
    claims = draft_article("Headline\n" + body, THURSDAY, dataset, "Test Wire").claims
    return claims[claims["measure"].notna()].reset_index(drop=True)


# Which numbers are figures ------------------------------------------------------------


def test_a_trailing_plus_is_a_lower_bound(dataset):
    (figure,) = parse_figures(
        'The senator wrote online: "15K+ young North Koreans shipped off to die."',
        cue_pattern(dataset),
    )
    assert (figure.low, figure.best, figure.high, figure.qualifier) == (
        15_000,
        None,
        None,
        "at least",
    )


def test_put_a_bare_plural_at_a_figure_with_a_time_after_it(dataset):
    assert read(
        dataset, "The monitor put casualties at roughly 2,500 last month, its analysts said."
    ) == [(2_500, "casualties")]


def test_put_the_figure_at_a_quoted_number(dataset):
    found = parse_figures(
        'The minister put the figure at "over 7 thousand" in an interview.', cue_pattern(dataset)
    )
    assert [(f.low, f.qualifier) for f in found] == [(7_000, "over")]


def test_a_figure_that_remained_somewhere_counts(dataset):
    assert read(dataset, "Kyiv said roughly 6,500 remained in the Kursk region.") == [
        (6_500, "troops_in_kursk")
    ]


def test_a_trade_an_army_sends_is_a_count_noun(dataset):
    assert read(
        dataset, 'A presenter said only "about 700 military advisers" had ever been sent there.'
    ) == [(700, "troops_dispatched")]


def test_a_figure_followed_by_then_counts(rally):
    assert read(rally, "Police counted 3,000 at the march; the union claimed 25,000 then.") == [
        (3_000, "crowd_size"),
        (25_000, "crowd_size"),
    ]


def test_the_strength_of_a_group_the_topic_does_not_count_is_no_figure(dataset):
    assert (
        read(
            dataset, "The local choir, about 1,500 strong since 2019, plans to sing for the troops."
        )
        == []
    )
    assert read(dataset, "A 1,500-strong choir plans a concert.") == []


def test_the_strength_of_a_force_is_a_figure(dataset):
    assert [v for v, _ in read(dataset, "Pyongyang sent a 9,000-strong special force.")] == [9_000]
    assert [v for v, _ in read(dataset, "The contingent, 4,000 strong, was sent.")] == [4_000]


def test_staff_on_duty_are_no_count_of_the_crowd(rally):
    assert read(rally, "Some 450 stewards were on duty as the march went past the square.") == []


# What a figure counts -----------------------------------------------------------------


def test_the_verb_a_figure_is_the_subject_of_names_its_measure(dataset):
    assert read(dataset, "Officials said 150 soldiers had died and 900 had been injured.") == [
        (150, "killed"),
        (900, "wounded"),
    ]


def test_the_total_so_far_is_no_commitment(dataset):
    assert read(dataset, "By late March the agency put the total at 9,500.") == [(9_500, None)]


def test_the_total_looking_ahead_is_a_commitment(dataset):
    assert read(dataset, "The rotation could bring the total to 20,000 troops by August.") == [
        (20_000, "troops_committed")
    ]


def test_going_to_kursk_is_heading_there(dataset):
    assert read(dataset, "Moscow said 4,000 North Korean sappers would go to Kursk.") == [
        (4_000, "troops_to_kursk")
    ]


def test_an_uncued_figure_counts_what_its_paragraph_counted(dataset):
    claims = figure_rows_of(
        dataset,
        "The agency said on Monday that 3,100 had been killed or wounded. A minister put "
        'the figure at "over 4,000" on Tuesday.',
    )
    assert claims[["low", "measure"]].values.tolist() == [
        [3_100, "casualties"],
        [4_000, "casualties"],
    ]
    assert claims["qualifier"].fillna("").tolist() == ["", "over"]


def test_the_region_stands_for_the_region_named_last(dataset):
    claims = figure_rows_of(
        dataset,
        "Ukraine said on Monday that troops were massing in the Kursk region.\n\n"
        "Officials said on Tuesday that about 5,500 North Koreans had arrived in the region.",
    )
    assert claims[["best", "measure"]].values.tolist() == [[5_500, "troops_in_kursk"]]


def test_an_answer_gives_the_count_its_question_asked_for(dataset):
    answer = "Kim: Counting every rotation, I would say 9-10,000."
    question = "Test Wire: How many soldiers has Pyongyang sent so far?"
    claims = figure_rows_of(dataset, f"{question}\n\n{answer}")
    assert claims[["low", "high", "measure"]].values.tolist() == [
        [9_000, 10_000, "troops_dispatched"]
    ]
    # without the question the sentence names nothing counted
    assert figure_rows_of(dataset, answer).empty


# The fourth held-out set's date conventions (tests/gold/README.md, "Conventions"): an
# article's frame (a heading, a lede, a reproduced document, an interview) dates the
# statements that give no day of their own. Thursday 14 Nov 2024: Tuesday is 12 Nov.


def days_of(claims) -> dict[int, str]:
    rows = figures(claims)
    return dict(zip(rows["best"].tolist(), rows["stated_day"].tolist(), strict=True))


def test_a_weekday_heading_dates_its_paragraph(dataset):
    claims = draft(
        dataset,
        "Our digest of the week's news on the deployment, for readers who were away.\n\n"
        "TUESDAY. The Joint Chiefs of Staff said 4,000 North Korean soldiers were training "
        "near Vladivostok.\n\n"
        "WEDNESDAY. The National Intelligence Service said 700 North Korean soldiers had "
        "been wounded.",
    )
    assert days_of(claims) == {4_000: "2024-11-12", 700: "2024-11-13"}


def test_on_the_same_day_takes_the_day_of_the_sentence_before(dataset):
    claims = draft(
        dataset,
        "The Joint Chiefs of Staff said on Monday that 7,000 North Korean troops were in "
        "Kursk. On the same day the National Intelligence Service said 1,200 had been "
        "wounded.",
    )
    assert days_of(claims) == {7_000: "2024-11-11", 1_200: "2024-11-11"}


def test_asked_the_same_day_about_an_estimate_does_not_date_the_estimate(dataset):
    claims = draft(
        dataset,
        "Dmitry Peskov said on Monday that he had nothing to add. Sergei Lavrov was asked "
        "the same day about an estimate that 650 North Korean soldiers had died.",
    )
    assert days_of(claims)[650] != "2024-11-11"


def test_a_reproduced_document_is_dated_the_day_it_was_issued(dataset):
    claims = draft(
        dataset,
        "Test Wire publishes below, unedited, the statement the National Intelligence "
        "Service issued on Tuesday.\n\n"
        "1. The NIS assesses that 900 North Korean soldiers were wounded in October.\n\n"
        "2. Three North Korean soldiers were captured by Ukrainian forces on 2 November.\n\n"
        "- END -\n\n"
        "The Joint Chiefs of Staff said on Wednesday that 1,100 had been wounded.",
    )
    assert days_of(claims) == {900: "2024-11-12", 3: "2024-11-12", 1_100: "2024-11-13"}


def test_a_wire_lede_dates_the_later_statements_of_the_countries_it_names(dataset):
    claims = draft(
        dataset,
        "SEOUL/TOKYO, Nov 14 (Test Wire) - North Korean units near Kursk have taken heavy "
        "losses, South Korean and Japanese officials said on Wednesday.\n\n"
        "South Korea's Joint Chiefs of Staff said about 300 North Korean soldiers had been "
        "killed.\n\n"
        "Ukraine's military intelligence agency, the HUR, said 1,300 had been wounded.",
    )
    assert days_of(claims) == {300: "2024-11-13", 1_300: "not stated (by 2024-11-14)"}


def test_an_interview_day_dates_what_the_person_met_says(dataset):
    claims = draft(
        dataset,
        "When we met on Monday in a cafe near the station, Kwon Tae-sik had just finished "
        "his count.\n\n"
        "According to Kwon, 9,000 North Korean soldiers have gone to Russia.",
    )
    assert days_of(claims) == {9_000: "2024-11-11"}


def test_a_statement_named_first_is_dated_by_the_sentence_naming_it_again(dataset):
    claims = draft(
        dataset,
        "The defence ministers of three countries said in a joint statement that 8,000 "
        "North Korean troops were in the Kursk region. The statement, released on Tuesday "
        "after a video call, also condemned the transfer of missiles.",
    )
    assert days_of(claims) == {8_000: "2024-11-12"}


def test_a_relative_clause_saying_when_the_source_briefed_dates_the_statement(dataset):
    claims = draft(
        dataset,
        "According to the National Intelligence Service, which briefed lawmakers on "
        "Tuesday, about 10,000 North Korean troops are in Russia.",
    )
    assert days_of(claims) == {10_000: "2024-11-12"}


def test_a_count_that_rose_within_days_is_not_dated_by_the_first_count(dataset):
    claims = draft(
        dataset,
        "The National Intelligence Service said on Monday that 1,500 North Korean troops "
        "had left for Russia. Its count rose to 3,000 within days.",
    )
    assert days_of(claims) == {1_500: "2024-11-11", 3_000: "not stated (by 2024-11-14)"}


def test_what_an_unknown_body_published_on_a_day_is_dated_that_day(dataset):
    claims = draft(
        dataset,
        "The Fjordline Centre, a research group in Bergen, on Tuesday published a 30-page "
        "study of the deployment.\n\n"
        "The centre estimates that 6,500 North Korean soldiers reached Russia by December.",
    )
    assert days_of(claims) == {6_500: "2024-11-12"}


def test_a_wire_lede_dates_the_officials_of_the_body_it_names(dataset):
    claims = draft(
        dataset,
        "WASHINGTON, Nov 14 (Test Wire) - North Korean units near Kursk have taken heavy "
        "losses, the Pentagon said on Wednesday.\n\n"
        "The fighting has centred on villages south of the regional capital. Russian "
        "forces have brought up reserves. Kyiv has not commented on the reports.\n\n"
        "Pentagon Press Secretary Pat Ryder said about 350 North Korean soldiers had been "
        "killed.",
    )
    assert days_of(claims) == {350: "2024-11-13"}


def test_a_reproduced_document_without_an_end_line_ends_where_the_outlet_speaks_again(
    dataset,
):
    claims = draft(
        dataset,
        "Test Wire publishes below, unedited, the statement the National Intelligence "
        "Service issued on Tuesday.\n\n"
        "1. The NIS assesses that 900 North Korean soldiers were wounded in October.\n\n"
        "Asked about the statement, the Joint Chiefs of Staff told Test Wire on Wednesday "
        "that 1,100 had been wounded.",
    )
    assert days_of(claims) == {900: "2024-11-12", 1_100: "2024-11-13"}


def test_a_day_inferred_from_the_lede_is_sent_for_review(dataset):
    rows = figures(
        draft(
            dataset,
            "SEOUL, Nov 14 (Test Wire) - North Korean units near Kursk have taken heavy "
            "losses, South Korean officials said on Wednesday.\n\n"
            "South Korea's Joint Chiefs of Staff said about 300 North Korean soldiers had "
            "been killed.",
        )
    )
    assert "day of the story's lede (on Wednesday)" in rows.loc[0, "review"]


def test_a_weekday_heading_run_into_its_first_sentence_dates_its_paragraph(dataset):
    claims = draft(
        dataset,
        "Our digest of the week's news on the deployment, for readers who were away.\n\n"
        "TUESDAY: The Joint Chiefs of Staff said 4,000 North Korean soldiers were training "
        "near Vladivostok.",
    )
    assert days_of(claims) == {4_000: "2024-11-12"}


def test_a_reproduced_document_in_quotation_marks_ends_where_they_close(dataset):
    claims = draft(
        dataset,
        "Below is the full text of the statement the National Intelligence Service "
        "released on Monday:\n\n"
        '"North Korea has sent about 12,000 troops to Russia. Some 1,100 of them have been '
        'killed or wounded since December 2."\n\n'
        "The Joint Chiefs of Staff said 300 more had arrived.",
    )
    assert days_of(claims) == {
        12_000: "2024-11-11",
        1_100: "2024-11-11",
        300: "not stated (by 2024-11-14)",
    }


def test_a_speaker_dated_in_an_interview_does_not_lend_the_day_to_the_next(dataset):
    claims = draft(
        dataset,
        "Volodymyr Zelenskiy said in an interview on Monday that 500 North Korean soldiers "
        "had been killed.\n\n"
        "The National Intelligence Service said 3,000 had been wounded.",
    )
    assert days_of(claims) == {500: "2024-11-11", 3_000: "not stated (by 2024-11-14)"}


def test_a_span_in_the_speakers_own_words_does_not_stop_their_earlier_day(dataset):
    claims = draft(
        dataset,
        "The National Intelligence Service said on Monday that 5,000 had been wounded. "
        '"About 9,000 have gone to Russia since last autumn," it said.',
    )
    assert days_of(claims) == {5_000: "2024-11-11", 9_000: "2024-11-11"}


@pytest.mark.parametrize("hour", ["at 11 a.m.", "shortly after noon"])
def test_an_hour_with_no_day_is_on_the_day_the_story_named_just_before(hour):
    # invented: the lede names the day, the next sentence only the hour
    rally = load_dataset(RALLY)
    body = (
        "Nurses marched through the harbour district on Tuesday against ward closures.\n\n"
        f"City police said {hour} that about 2,500 people had joined the march.\n"
    )
    claims = figures(draft(rally, body))
    assert claims.loc[0, ["best", "claimant_id", "stated_day"]].tolist() == [
        2500,
        "city-police",
        "2024-11-12",
    ]
    assert "day of the hour" in claims.loc[0, "review"]


def test_an_hour_does_not_borrow_a_day_from_far_back():
    rally = load_dataset(RALLY)
    body = (
        "Nurses marched through the harbour district on Tuesday.\n\n"
        "The union wants more staff. Wards have closed. Beds are short.\n\n"
        "City police said at 11 a.m. that about 2,500 people had joined the march.\n"
    )
    assert figures(draft(rally, body)).loc[0, "stated_day"].startswith("not stated")


def test_a_lead_stating_a_figure_the_next_sentence_credits_to_a_speaker_is_one_claim(dataset):
    # invented: the outlet's own sentence, then the speaker giving the same number
    body = (
        "Ukraine holds three North Korean prisoners. Andriy Kovalenko said on Tuesday "
        'that Kyiv held "three" and was ready to pass them to Seoul if they asked for it.\n'
    )
    claims = figures(draft(dataset, body))
    assert claims[["best", "measure", "claimant_id", "stated_day"]].values.tolist() == [
        [3, "captured", "andriy-kovalenko", "2024-11-12"]
    ]
    # the speaker's sentence read the bare "three" otherwise: the reviewer is told
    assert "the sentence before's: check" in figures(draft(dataset, body)).loc[0, "review"]


def test_a_speakers_figure_after_a_different_number_of_the_outlet_stays_two_claims(dataset):
    body = (
        "Ukraine holds three North Korean prisoners. Andriy Kovalenko said on Tuesday "
        "that Kyiv held two North Korean prisoners.\n"
    )
    claims = figures(draft(dataset, body))
    assert sorted(claims["best"].tolist()) == [2, 3]


def test_that_figure_given_by_a_speaker_next_credits_the_outlets_figure_before(dataset):
    # invented: the outlet states a figure, the next sentence says who gave it
    body = (
        "Diplomats argued on Tuesday over an estimate that about 900 North Korean soldiers "
        "had died. Ukraine's military intelligence gave reporters that figure last week.\n"
    )
    row = figures(draft(dataset, body)).iloc[0]
    assert (row["best"], row["claimant_id"]) == (900, "ukraine-hur")
    assert "claimant from the next sentence" in row["review"]


# Round 9: the seventh held-out set's dates, as general rules (invented sentences) ------


def test_a_span_since_last_year_leaves_the_day_after_the_listener_to_the_statement(dataset):
    (row,) = figures(
        draft(
            dataset,
            "Some 900 North Korean soldiers have been killed since early last year, "
            "South Korea's spy agency told parliament Tuesday.",
        )
    ).itertuples()
    assert (row.best, row.claimant_id, row.stated_day) == (900, "rok-nis", "2024-11-12")


def test_a_day_after_the_verbs_listener_beats_an_earlier_day_of_the_counted_event(dataset):
    (row,) = figures(
        draft(
            dataset,
            "About 700 North Korean soldiers were killed last week, the Pentagon told "
            "journalists on Tuesday.",
        )
    ).itertuples()
    assert (row.stated_day, row.period_wording) == ("2024-11-12", "last week")


def test_a_next_sentence_giving_those_figures_a_day_dates_the_figures_before(dataset):
    rows = figures(
        draft(
            dataset,
            "The NIS estimates that 9,000 North Korean troops have been sent to Russia, "
            "including 2,000 who arrived in the spring. It gave those figures to the "
            "intelligence committee on Monday.",
        )
    )
    assert rows["best"].tolist() == [9_000, 2_000]
    assert rows["stated_day"].tolist() == ["2024-11-11", "2024-11-11"]
    assert rows["review"].str.contains("next sentence").all()


def test_a_later_sentence_disputing_those_figures_dates_nothing(dataset):
    rows = figures(
        draft(
            dataset,
            "The NIS estimates that 9,000 North Korean troops have been sent to Russia. "
            "The Pentagon questioned those figures on Monday.",
        )
    )
    assert rows["stated_day"].tolist() == ["not stated (by 2024-11-14)"]


def test_the_same_briefing_referred_back_to_takes_its_day_without_a_flag(dataset):
    rows = figures(
        draft(
            dataset,
            "The NIS told lawmakers on Monday that 9,000 troops had been sent.\n\n"
            "Zelensky said on Tuesday that 2,000 more were coming.\n\n"
            "Moscow denied it.\n\n"
            "The NIS put North Korean casualties at 1,200 in the same briefing.",
        )
    )
    last = rows.iloc[-1]
    assert (last.best, last.claimant_id, last.stated_day) == (1_200, "rok-nis", "2024-11-11")
    assert pd.isna(last.review) or "carried" not in last.review


def test_a_figure_detailing_a_count_dated_by_a_span_has_no_day(dataset):
    rows = figures(
        draft(
            dataset,
            "The NIS told lawmakers on Monday that 9,000 troops had been sent. That count "
            "came in mid-October, when the agency estimated 1,800 casualties, including "
            "250 dead.",
        )
    )
    assert rows.set_index("best").loc[[1_800, 250], "stated_wording"].isna().all()


def test_a_relative_clause_after_a_figure_says_when_those_counted_arrived(dataset):
    rows = figures(
        draft(
            dataset,
            "The NIS told lawmakers on Monday that 9,000 troops had been sent. It estimates "
            "that 11,000 have been sent in all, including 2,000 who reached the front over "
            "the winter.",
        )
    )
    assert rows.set_index("best").loc[2_000, "stated_day"] == "2024-11-11"


def test_a_count_dated_at_the_start_of_the_month_is_another_occasion(dataset):
    rows = figures(
        draft(
            dataset,
            "The NIS briefed lawmakers on Monday. It told them that 9,000 troops are now in "
            "Russia, up from its count of 7,000 at the start of the month.",
        )
    )
    assert pd.isna(rows.set_index("best").loc[7_000, "stated_wording"])


def test_a_capital_given_a_day_dates_the_next_sentences_news_from_its_body(dataset):
    rows = figures(
        draft(
            dataset,
            "Seoul hit back on Tuesday. South Korea's spy agency told the committee that "
            "North Korea had sent 2,500 more soldiers, according to Lee Seong-kweun.",
        )
    )
    assert (rows.loc[0, "claimant_id"], rows.loc[0, "stated_day"]) == ("rok-nis", "2024-11-12")


def test_a_capitals_day_is_not_lent_to_another_states_body(dataset):
    rows = figures(
        draft(
            dataset,
            "Seoul hit back on Tuesday. Ukraine's military intelligence agency estimates "
            "that 2,500 more soldiers have arrived.",
        )
    )
    assert rows.loc[0, "stated_day"] == "not stated (by 2024-11-14)"


def test_a_figure_in_an_as_clause_after_the_speakers_verb_is_the_outlets_telling(dataset):
    rows = figures(
        draft(
            dataset,
            "North Korean losses are mounting, Zelensky said, as investigators questioned "
            "three North Korean soldiers captured in Kursk.",
        )
    )
    assert rows.loc[0, "claimant_id"] != "volodymyr-zelenskyy"


def test_a_source_stating_later_what_the_outlet_told_takes_the_figure(dataset):
    rows = figures(
        draft(
            dataset,
            "North Korean losses are mounting, Zelensky said, as investigators questioned "
            "three North Korean soldiers captured in Kursk last week.\n\n"
            "Ukraine's military intelligence agency said on Monday that three North Korean "
            "soldiers had been captured in Kursk.",
        )
    )
    assert rows[["best", "claimant_id", "stated_day"]].values.tolist() == [
        [3, "ukraine-hur", "2024-11-11"]
    ]
