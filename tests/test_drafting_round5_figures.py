"""Round 5 of the drafter's rules (issue 15): which numbers are figures and what they
count, after the third held-out set. Each test reads an invented sentence and asserts
the figure or the measure a reader would write by hand (tests/gold/README.md,
"Conventions")."""

from __future__ import annotations

from datetime import date

import pytest

from crosscheck.drafting import draft_article
from crosscheck.drafting.figures import parse_figures
from crosscheck.drafting.measures import MeasureCues, cue_pattern, guess_measure
from crosscheck.load import load_dataset

from conftest import DATA, RALLY

# Published on Thursday 14 Nov 2024.
THURSDAY = date(2024, 11, 14)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


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


def draft(dataset, body: str):
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
    claims = draft(
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
    claims = draft(
        dataset,
        "Ukraine said on Monday that troops were massing in the Kursk region.\n\n"
        "Officials said on Tuesday that about 5,500 North Koreans had arrived in the region.",
    )
    assert claims[["best", "measure"]].values.tolist() == [[5_500, "troops_in_kursk"]]


def test_an_answer_gives_the_count_its_question_asked_for(dataset):
    answer = "Kim: Counting every rotation, I would say 9-10,000."
    claims = draft(dataset, f"Test Wire: How many soldiers has Pyongyang sent so far?\n\n{answer}")
    assert claims[["low", "high", "measure"]].values.tolist() == [
        [9_000, 10_000, "troops_dispatched"]
    ]
    # without the question the sentence names nothing counted
    assert draft(dataset, answer).empty
