"""Round 5 of the drafter's rules on claimants and dates (issue 15): what the third
held-out set showed. Each test drafts an invented sentence (headline line first) and
asserts the claimant or day a reader would write by hand."""

from __future__ import annotations

from datetime import date

import pytest

from crosscheck.drafting import draft_article
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
