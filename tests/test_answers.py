"""Answer cards (crosscheck.answers): what a student's choices give on the shipped data's
exercise, written and read back, and a file that is not a card named with its reason.

The exercise of the shipped data (crosscheck.exercise): cut-off 28 Oct 2024; windows
"Troops committed in total" (all dates: South Korea 10,000 by the NIS, B2; Ukraine
12,000 by Zelenskyy, C3; weighted 10,720) and "Troops sent to Russia so far" (28 Oct
2024: the US about 10,000, B2; Ukraine about 3,000, C3; weighted 7,480).
"""

from __future__ import annotations

import pandas as pd
import pytest

from crosscheck import analysis, answers, exercise
from crosscheck.load import load_dataset

from conftest import DATA

CUTOFF = pd.Timestamp("2024-10-28")
COMMITTED, SENT = "Troops committed in total", "Troops sent to Russia so far"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def measures(dataset):
    return exercise.exercise_measures(analysis.analyse(dataset, analysis.Parameters(as_of=CUTOFF)))


@pytest.fixture(scope="module")
def analysed():
    return {}  # the views the cards of this module share


@pytest.fixture(scope="module")
def card_of(dataset, measures, analysed):
    made = {}

    def card(student: str, **choices) -> pd.DataFrame:
        parameters = analysis.Parameters.parse(**choices)
        if (student, parameters) not in made:
            made[student, parameters] = answers.build_card(
                student, dataset, measures, parameters, CUTOFF, analysed
            )
        return made[student, parameters].copy()

    return card


def estimate_rows(card: pd.DataFrame) -> dict[str, pd.Series]:
    rows = card[card["row"] == answers.ESTIMATE_ROW]
    return {row["measure"]: row for _, row in rows.iterrows()}


def test_a_card_with_the_default_choices_gives_the_default_estimates_and_no_move(card_of):
    card = card_of("ben")
    rows = estimate_rows(card)
    assert list(rows) == [COMMITTED, SENT]
    committed, sent = rows[COMMITTED], rows[SENT]
    assert (committed["my estimate"], committed["default estimate"]) == (10720, 10720)
    assert (committed["my low"], committed["my high"]) == (10000, 12000)
    assert (sent["my estimate"], sent["window"], sent["sources"]) == (7480, "28 Oct 2024", 2)
    assert set(card["moved most"].iloc[[0, 3]]) == {answers.NO_MOVE}
    assert (card["card_format"] == 2).all() and (card["as_of"] == "2024-10-28").all()
    assert (card["grades changed"] == "none").all()


def test_the_published_figures_of_a_window_are_each_sources_latest(card_of):
    card = card_of("ben")
    published = card[card["row"] == answers.PUBLISHED_ROW]
    sent = published[published["measure"] == SENT]
    assert sorted(zip(sent["source"], sent["figure"], sent["figure kind"], strict=True)) == [
        ("Government of Ukraine", 3000, "approximate"),
        ("Government of the United States", 10000, "approximate"),
    ]
    committed = published[published["measure"] == COMMITTED]
    assert sorted(zip(committed["source"], committed["figure"], strict=True)) == [
        ("Government of South Korea", 10000),
        ("Government of Ukraine", 12000),
    ]


def test_a_grade_override_moves_both_estimates_and_is_named_the_choice_that_did(card_of):
    card = card_of("ana", grade_overrides={"volodymyr-zelenskyy": "B2"})
    rows = estimate_rows(card)
    # B2 beside B2: the plain mean of 10,000 and 12,000, and of 10,000 and 3,000.
    assert (rows[COMMITTED]["my estimate"], rows[SENT]["my estimate"]) == (11000, 6500)
    assert (rows[COMMITTED]["default estimate"], rows[SENT]["default estimate"]) == (10720, 7480)
    assert rows[SENT]["moved most"] == "grades" and rows[SENT]["estimate without it"] == 7480
    assert (card["grades changed"] == "Volodymyr Zelenskyy B2").all()
    assert (card["grade overrides"] == "volodymyr-zelenskyy=B2").all()


def test_a_margin_moves_the_interval_only_and_says_so(card_of):
    card = card_of("cleo", approximate_margin=0.1)
    sent = estimate_rows(card)[SENT]
    assert sent["my estimate"] == 7480
    assert (sent["my low"], sent["my high"]) == (2700, 11000)  # about 3,000 and about 10,000
    assert sent["moved most"] == "margin" and sent["interval without it"] == "3,000 to 10,000"
    assert answers.move_phrase(sent) == (
        "your margin moved only its interval (without that choice: 3,000 to 10,000)"
    )


def test_an_earlier_cut_off_knows_no_figure_of_a_later_window(card_of):
    card = card_of("dan", as_of="2024-10-23")
    rows = estimate_rows(card)
    sent = rows[SENT]
    assert pd.isna(sent["my estimate"]) and pd.isna(sent["default estimate"])
    assert sent["moved most"] == "cut-off" and sent["estimate without it"] == 7480
    # Only South Korea's 10,000 was known of the troops committed by 23 Oct.
    assert (rows[COMMITTED]["my estimate"], rows[COMMITTED]["moved most"]) == (10000, "cut-off")
    published = card[(card["row"] == answers.PUBLISHED_ROW) & (card["measure"] == SENT)]
    assert published.empty
    assert answers.explanation(card)[2] == (
        "Troops sent to Russia so far (28 Oct 2024): you have no estimate (no source's point "
        "figure by your cut-off); your cut-off moved it most (without that choice: 7,480)."
    )


def test_the_explanation_names_the_changed_grades_and_what_moved(card_of):
    card = card_of("ana", grade_overrides={"volodymyr-zelenskyy": "B2"})
    assert answers.explanation(card) == [
        "ana: your cut-off 28 Oct 2024 is the lesson's day; you changed the grades of "
        "Volodymyr Zelenskyy B2; no margin around 'about' figures.",
        "Troops committed in total (all dates): your estimate 11,000, the default 10,720; "
        "your grades moved it most (without that choice: 10,720).",
        "Troops sent to Russia so far (28 Oct 2024): your estimate 6,500, the default 7,480; "
        "your grades moved it most (without that choice: 7,480).",
    ]


def test_a_card_read_back_equals_the_card_written(card_of, tmp_path):
    card = card_of("ana", grade_overrides={"volodymyr-zelenskyy": "B2"})
    path = answers.write_card(card, tmp_path)
    assert path == tmp_path / "ana.csv"
    pd.testing.assert_frame_equal(answers.read_card(path), card)


def test_a_students_name_becomes_a_safe_file_name(tmp_path):
    assert answers.card_path(tmp_path, "../Ana María") == tmp_path / "_Ana_María.csv"


def test_a_bad_grade_is_refused_with_the_actor_named(card_of):
    with pytest.raises(ValueError, match="'nobody'"):
        card_of("zed", grade_overrides={"nobody": "B2"})


# Files that are not cards of this format.

V1_CARD = ("student,as_of,measure,window,my estimate,sources,grades changed\n"
           "ana,,Troops,all dates,3000,1,none\n")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (V1_CARD, "an answer card of format 1"),
        ("name,grade\nana,B2\n", "not an answer card (it has no card_format column)"),
        ("", "not a readable CSV"),
        ('card_format,student\n"2,ana\n', "not a readable CSV"),
    ],
    ids=["format 1", "another table", "empty file", "broken quoting"],
)  # fmt: skip
def test_a_file_that_is_not_a_card_of_this_format_is_refused_with_its_reason(
    tmp_path, text, reason
):
    path = tmp_path / "x.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(answers.NotACard) as refused:
        answers.read_card(path)
    assert str(refused.value).startswith(reason)


def test_a_card_of_a_later_format_or_without_a_column_is_refused(card_of, tmp_path):
    card = card_of("ben")
    later = answers.write_card(card.assign(card_format=3), tmp_path / "later")
    with pytest.raises(answers.NotACard, match="format 3; this version reads format 2"):
        answers.read_card(later)
    short = tmp_path / "short.csv"
    card.drop(columns=["my high"]).to_csv(short, index=False)
    with pytest.raises(answers.NotACard, match=r"without the column\(s\) my high"):
        answers.read_card(short)
    garbled = answers.write_card(card.assign(**{"my estimate": "many"}), tmp_path / "garbled")
    with pytest.raises(answers.NotACard, match="an answer card with a value it cannot hold"):
        answers.read_card(garbled)


def test_an_older_format_number_is_told_to_rerun_the_notebook(card_of, tmp_path):
    older = answers.write_card(card_of("ben").assign(card_format=1), tmp_path)
    with pytest.raises(answers.NotACard) as refused:
        answers.read_card(older)
    assert str(refused.value) == (
        "an answer card of format 1; this version reads format 2; rerun the exercise "
        "notebook to make a new card"
    )


def test_a_card_cut_short_at_a_line_end_or_mid_row_is_refused(card_of, tmp_path):
    path = answers.write_card(card_of("ana"), tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    whole = len(lines) - 1
    assert whole >= 3 and answers.read_card(path)["card rows"].eq(whole).all()
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    with pytest.raises(answers.NotACard) as refused:
        answers.read_card(path)
    assert str(refused.value) == (
        f"an answer card cut short: it says it has {whole} rows and {whole - 1} are there "
        "(make the card again, or copy the whole file)"
    )
    # Cut after the last comma: every field is there, the last one empty.
    path.write_text("".join(lines)[: -len(str(whole)) - 1], encoding="utf-8")
    with pytest.raises(answers.NotACard) as refused:
        answers.read_card(path)
    assert str(refused.value) == (
        f"an answer card cut short: line {whole + 1} lacks its last value (make the card "
        "again, or copy the whole file)"
    )
    last = lines[-1].rstrip("\n").split(",")
    path.write_text("".join(lines[:-1]) + ",".join(last[:5]), encoding="utf-8")
    with pytest.raises(answers.NotACard) as refused:
        answers.read_card(path)
    assert str(refused.value) == (
        f"an answer card cut short: line {whole + 1} has 5 of its "
        f"{len(answers.CARD_COLUMNS)} fields (make the card again, or copy the whole file)"
    )


def test_a_folder_of_cards_skips_a_second_card_of_one_student(card_of, tmp_path):
    answers.write_card(card_of("ben"), tmp_path)
    answers.write_card(card_of("ben"), tmp_path / "copy")
    (tmp_path / "copy" / "ben.csv").rename(tmp_path / "ben-again.csv")
    read = answers.read_cards(tmp_path)
    assert len(read.cards) == 1
    assert read.skipped == [(tmp_path / "ben.csv", "a second card of ben (first: ben-again.csv)")]


# The class side by side.


def test_the_class_spread_is_the_lowest_median_and_highest_estimate(card_of):
    cards = [card_of("ana", grade_overrides={"volodymyr-zelenskyy": "B2"}), card_of("ben"),
             card_of("dan", as_of="2024-10-23")]  # fmt: skip
    spread = answers.compare_answers(cards).set_index("measure")
    committed, sent = spread.loc[COMMITTED], spread.loc[SENT]
    assert (committed["lowest"], committed["median"], committed["highest"]) == (
        10000, 10720, 11000
    )  # fmt: skip
    # The class's day is the lesson's (28 Oct), whose default dan's earlier cut-off lacks.
    assert (committed["class's day"], committed["default estimate"]) == ("2024-10-28", 10720)
    assert answers.class_day(cards) == "2024-10-28"
    assert (sent["students"], sent["estimated by"]) == (3, 2)
    assert (
        answers.spread_sentence(sent)
        == "3 students: from 6,500 to 7,480 (median 6,990); 1 had none."
    )


def test_no_cards_give_tables_with_their_columns():
    assert list(answers.compare_answers([]).columns) == answers.SPREAD_COLUMNS
    assert list(answers.class_estimates([]).columns) == answers.ESTIMATE_COLUMNS
    assert list(answers.class_published([]).columns) == answers.PUBLISHED_COLUMNS


def test_one_card_is_its_own_spread(card_of):
    spread = answers.compare_answers([card_of("ben")])
    assert spread["lowest"].tolist() == spread["highest"].tolist() == [10720, 7480]
    assert answers.spread_sentence(spread.iloc[0]) == "1 student: all estimates at 10,720."


# A lesson on a day where grades cannot move an estimate (exercise.lesson_measures).


@pytest.fixture(scope="module")
def card_of_23_october():
    # The notebook's one call, as a class told to use 23 Oct 2024 makes it.
    return answers.exercise_card(
        "fay", DATA, as_of="2024-10-23", grade_overrides={"rok-nis": "E5"},
        approximate_margin=0.1,
    )  # fmt: skip


def test_a_card_of_23_october_answers_the_handouts_three_measures(card_of_23_october):
    rows = card_of_23_october[card_of_23_october["row"] == answers.ESTIMATE_ROW]
    assert list(zip(rows["measure"], rows["window"], strict=True)) == [
        (SENT, "18–23 Oct 2024"),
        ("Troops being prepared", "17–23 Oct 2024"),
        (COMMITTED, "all dates"),
    ]
    assert (rows["grades matter"] == "no").all() and (rows["lesson day"] == "2024-10-23").all()
    assert (rows["exercise as_of"] == "2024-10-28").all()
    # South Korea's NIS at E5 moves nothing: each estimate weighs one source's figure.
    assert rows["my estimate"].tolist()[::2] == rows["default estimate"].tolist()[::2] == [
        3000, 10000
    ]  # fmt: skip
    # Only the margin moves: "about 10,000" becomes 9,000 to 11,000.
    assert rows["moved most"].tolist() == ["none", "none", "margin"]
    assert (rows["my low"].iloc[2], rows["my high"].iloc[2]) == (9000, 11000)


def test_the_23_october_card_says_grades_cannot_move_its_estimates(card_of_23_october):
    lines = answers.explanation(card_of_23_october)
    assert lines[0] == (
        "fay: your cut-off 23 Oct 2024 is the lesson's day; you changed the grades of "
        "National Intelligence Service E5; a margin of ±10% around 'about' figures."
    )
    assert lines[1].startswith(
        "On 23 Oct 2024 each of these estimates weighs one source's figure at most, so grades "
        "cannot move them: only the margin around 'about' figures can. The first day on which "
        "two sources' figures are weighed against each other is 28 Oct 2024"
    )


def test_an_open_end_reads_no_lower_bound(card_of):
    card = card_of("cleo", as_of="2024-11-05", approximate_margin=0.1)
    rows = card[card["row"] == answers.ESTIMATE_ROW]
    # By 5 Nov Ukraine's latest of the troops committed is "up to 15,000": no lower bound.
    assert answers.bound_cells(rows["my low"], rows["my estimate"], "lower")[0] == (
        "no lower bound"
    )
    assert "no lower bound" in answers.card_html(card)


def test_a_figure_only_a_later_cut_off_knew_is_not_of_the_class_day(card_of):
    cards = [card_of("ben"), card_of("ana", grade_overrides={"volodymyr-zelenskyy": "B2"}),
             card_of("cleo", as_of="2024-11-05", approximate_margin=0.1)]  # fmt: skip
    published = answers.class_published(cards)
    later = published[~published["on the class's day"]]
    assert list(zip(later["source"], later["figure"], later["figure kind"], strict=True)) == [
        ("Government of Ukraine", 15000, "upper bound")
    ]


# --- round 3: how the default is worked out, what set each end, cards of round 2 --------


def test_the_default_is_worked_out_from_the_cards_own_figures_and_weights(card_of):
    card = card_of("ben")
    rows = estimate_rows(card)
    committed, sent = rows[COMMITTED], rows[SENT]
    assert answers.default_workings(
        answers.window_figures(card, committed), committed["default estimate"]
    ) == (
        "weighted mean of each source's latest figure: National Intelligence Service 10,000 "
        "(B2, weight 0.64) and Volodymyr Zelenskyy 12,000 (C3, 0.36) → 10,720"
    )
    assert answers.default_workings(
        answers.window_figures(card, sent), sent["default estimate"]
    ) == (
        "weighted mean of each source's latest figure: Volodymyr Zelenskyy 3,000 (C3, weight "
        "0.36) and Sabrina Singh 10,000 (B2, 0.64) → 7,480"
    )


def test_a_margin_that_moves_one_end_says_what_holds_the_other(card_of):
    card = card_of("eve", grade_overrides={"rok-nis": "E5"}, approximate_margin=0.2)
    rows = estimate_rows(card)
    committed, sent = rows[COMMITTED], rows[SENT]
    # The NIS's "about 10,000" widens to 8,000-12,000; Zelenskyy's exact 12,000 holds the top.
    assert (committed["my low"], committed["my high"]) == (8000, 12000)
    assert answers.interval_line(committed, answers.window_figures(card, committed)) == (
        "your margin ±20% moved the low end only: 8,000 is 'about 10,000' (National "
        "Intelligence Service) less 20%; the high end stays at 12,000: Volodymyr Zelenskyy's "
        "figure 12,000 is exact, and a margin widens only 'about' figures"
    )
    assert answers.interval_line(sent, answers.window_figures(card, sent)) == (
        "your margin ±20% widened both ends: 2,400 is 'about 3,000' (Volodymyr Zelenskyy) "
        "less 20%, and 12,000 is 'about 10,000' (Sabrina Singh) plus 20%"
    )
    assert "Your margin ±20% moved the low end only" in answers.explanation(card)[1]


def test_a_bound_is_not_averaged_and_caps_an_end_the_margin_cannot_move(
    dataset, measures, analysed
):
    # By 5 Nov, Ukraine's latest on the troops committed is Umerov's "up to 15,000".
    card = answers.build_card(
        "cleo", dataset, measures,
        analysis.Parameters.parse(as_of="2024-11-05", approximate_margin=0.1), CUTOFF, analysed,
    )  # fmt: skip
    committed = estimate_rows(card)[COMMITTED]
    figures = answers.window_figures(card, committed)
    assert answers.default_workings(figures, committed["default estimate"]) == (
        "the one source's latest figure: National Intelligence Service 10,000 (B2, weight "
        "0.64) → 10,000; 'up to 15,000' (Rustem Umerov): a bound, not averaged"
    )
    assert answers.interval_line(committed, figures) == (
        "your margin ±10% moved neither end: 'up to 15,000' (Rustem Umerov) sets no floor, so "
        "the interval has no lower bound; the bound 'up to 15,000' (Rustem Umerov) caps the "
        "high end at 15,000"
    )


def test_without_a_margin_there_is_no_interval_line(card_of):
    card = card_of("ben")
    committed = estimate_rows(card)[COMMITTED]
    assert answers.interval_line(committed, answers.window_figures(card, committed)) == ""


def test_a_card_written_before_the_figures_columns_still_reads(card_of, tmp_path):
    card = card_of("ben")
    path = tmp_path / "ben.csv"
    card.drop(columns=answers.ADDED_COLUMNS).to_csv(path, index=False)
    read = answers.read_card(path)
    assert read["said by"].eq("").all() and read["default weight"].isna().all()
    committed = estimate_rows(read)[COMMITTED]
    assert answers.default_workings(answers.window_figures(read, committed), 10720) == ""
