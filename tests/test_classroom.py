"""Classroom material: prompts and the ACH matrix follow the data and the parameters."""

import pandas as pd
import papermill
import pytest

from crosscheck import classroom, estimates
from crosscheck.claims import known_as_of
from crosscheck.load import load_dataset

from conftest import DATA, ROOT


def prompts_for(dataset, known_on=None):
    figured = estimates.figures(dataset)
    statements = estimates.statements(figured)
    comparison = estimates.compare_measures(statements)
    return classroom.discussion_prompts(dataset, statements, comparison, figured, known_on)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def test_every_prompt_points_at_claims_that_exist(dataset):
    prompts = prompts_for(dataset, pd.Timestamp("2024-10-20"))
    ids = set(dataset.claims["claim_id"])
    assert len(prompts) >= 5
    assert all(set(claims.split()) <= ids for claims in prompts["claims"])


def test_the_prompts_change_with_the_cut_off_date(dataset):
    full = prompts_for(dataset)
    early = prompts_for(known_as_of(dataset, "2024-10-20"))
    assert not full["prompt"].equals(early["prompt"])
    stated = dataset.claims.set_index("claim_id")["stated_on"]
    cited = {claim for claims in early["claims"] for claim in claims.split()}
    assert cited and all(stated[claim] <= pd.Timestamp("2024-10-20") for claim in cited)


def test_the_known_on_prompt_counts_what_was_said_by_that_day(dataset):
    prompts = prompts_for(dataset, pd.Timestamp("2024-10-20"))
    text = prompts.loc[prompts["theme"] == "what was known when", "prompt"].iloc[0]
    said = estimates.statements(estimates.figures(dataset))
    expected = int((said["stated_on"] <= pd.Timestamp("2024-10-20")).sum())
    assert text.startswith(f"On 20 Oct 2024, {expected} figure")


def test_the_ach_matrix_scores_only_evidence_against_each_hypothesis(dataset):
    matrix = classroom.ach_matrix(dataset)
    scores = matrix.iloc[-1]
    ratings = dataset.ach_ratings
    for hypothesis_id, label in zip(
        dataset.hypotheses["hypothesis_id"], dataset.hypotheses["label"], strict=True
    ):
        against = ratings[ratings["hypothesis_id"] == hypothesis_id]["rating"]
        assert int(scores[label]) == (against == "I").sum() + 2 * (against == "II").sum()


def test_the_ach_matrix_follows_the_cut_off(dataset):
    early = known_as_of(dataset, "2024-10-20")
    assert len(classroom.ach_matrix(early)) < len(classroom.ach_matrix(dataset))


def run_exercise(tmp_path, student, **parameters):
    answers = tmp_path / "answers"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "exercises" / "your_estimate.ipynb"),
        str(tmp_path / f"{student}.ipynb"),
        parameters={"student": student, "data_dir": str(DATA), "answers_dir": str(answers)}
        | parameters,
        kernel_name="python3",
        progress_bar=False,
    )
    return pd.read_csv(answers / f"{student}.csv")


def test_two_students_with_different_grades_get_different_answer_cards(tmp_path):
    ana = run_exercise(tmp_path, "ana")
    ben = run_exercise(tmp_path, "ben", grade_overrides={"ukraine-intelligence": "A1"})
    assert not ana["my estimate"].equals(ben["my estimate"])
    assert ben["grades changed"].iloc[0] == "ukraine-intelligence=A1"
    table = classroom.compare_answers([ana, ben])
    assert {"ana", "ben", "lowest", "highest"} <= set(table.columns)
    assert (table["lowest"] <= table["highest"]).all()
