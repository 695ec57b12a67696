"""Source grades, grade-weighted estimates, sensitivity, the ladder and ICD 203 wording."""

import pandas as pd
import pytest

from crosscheck import estimates, ladder, reliability

from factories import actor, figure, make_dataset

ACTORS = [
    actor("nis"),
    actor("ua", alignment="ukraine"),
    actor("us", actor_type="government"),
    actor("paper", actor_type="news_outlet", alignment="neutral"),
]
GRADES = [
    {"actor_id": "nis", "reliability": "B", "credibility": "2", "reasoning": "good record"},
    {"actor_id": "ua", "reliability": "D", "credibility": "4", "reasoning": "interested party"},
]


@pytest.fixture
def dataset(tmp_path):
    claims = [
        figure("a", "nis", "troops_prepared", low=10000, best=10000, high=10000),
        figure("b", "ua", "troops_prepared", low=20000, best=20000, high=20000),
    ]
    return make_dataset(tmp_path, claims, ACTORS, grades=GRADES)


def weighted(dataset, overrides=None):
    grades = reliability.source_grades(dataset.grades, dataset.actors, overrides)
    statements = estimates.statements(estimates.figures(dataset))
    return reliability.weighted_estimates(statements, grades).iloc[0]["weighted estimate"]


def test_an_ungraded_source_is_f6():
    grades = reliability.source_grades(pd.DataFrame(columns=["actor_id"]), pd.DataFrame(
        {"actor_id": ["x"], "name": ["X"]}))  # fmt: skip
    assert grades.iloc[0]["grade"] == "F6" and "cannot be judged" in grades.iloc[0]["reasoning"]


def test_the_weighted_estimate_leans_towards_the_better_graded_source(dataset):
    # B2 weighs 0.8 × 0.8 = 0.64, D4 weighs 0.4 × 0.4 = 0.16
    assert weighted(dataset) == pytest.approx((10000 * 0.64 + 20000 * 0.16) / 0.80)


def test_overriding_a_grade_changes_the_weighted_estimate(dataset):
    default = weighted(dataset)
    assert weighted(dataset, {"ua": "A1"}) > default
    assert weighted(dataset, {"ua": "A1", "nis": "A1"}) == pytest.approx(15000)


def test_an_override_for_an_unknown_source_or_a_bad_grade_is_refused(dataset):
    with pytest.raises(ValueError, match="not in actors.csv"):
        reliability.source_grades(dataset.grades, dataset.actors, {"nobody": "A1"})
    with pytest.raises(ValueError, match="letter A–F"):
        reliability.source_grades(dataset.grades, dataset.actors, {"nis": "G9"})


def test_leaving_each_source_out_moves_the_estimate_to_the_other(dataset):
    grades = reliability.source_grades(dataset.grades, dataset.actors)
    table = reliability.leave_one_out(estimates.statements(estimates.figures(dataset)), grades)
    without = dict(zip(table["source left out"], table["estimate without it"], strict=True))
    assert without == {"Nis": 20000, "Ua": 10000}


def test_rungs_of_the_ladder(tmp_path):
    claims = [
        figure("p", "ua", "troops_dispatched", best=5000),
        figure("i", "nis", "troops_committed", best=10000),
        figure("g", "us", "troops_prepared", best=7000),
        figure("o", "paper", "units_prepared", best=2),
    ]
    figured = estimates.figures(make_dataset(tmp_path, claims, ACTORS)).set_index("claim_id")
    assert figured["rung_label"].to_dict() == {
        "p": "claimed by a party to the conflict",
        "i": "intelligence assessment, relayed",
        "g": "stated by a third government",
        "o": "the outlet's own statement",
    }


def test_two_independent_non_party_sources_that_agree_are_independently_verified(tmp_path):
    claims = [
        figure("i", "nis", "troops_dispatched", low=3000, best=3000, high=3000),
        figure("g", "us", "troops_dispatched", low=3000, qualifier="at least"),
        figure("p", "ua", "troops_dispatched", low=3000, best=3000, high=3000),
    ]
    figured = estimates.figures(make_dataset(tmp_path, claims, ACTORS)).set_index("claim_id")
    assert figured.loc["i", "rung"] == 4 and figured.loc["g", "rung"] == 4
    assert figured.loc["p", "rung"] == 1  # a party's agreement verifies nothing


@pytest.mark.parametrize(
    ("rung", "sources", "term"),
    [(4, 2, "very likely"), (3, 1, "likely"), (2, 2, "likely"), (2, 1, "roughly even chance"),
     (1, 1, "unlikely"), (0, 1, "unlikely")],
)  # fmt: skip
def test_each_likelihood_rule(rung, sources, term):
    assert ladder.likelihood(rung, sources) == term


def test_likelihood_terms_carry_the_icd_203_ranges():
    assert ladder.likelihood_range("likely") == "55%–80%"
    with pytest.raises(ValueError):
        ladder.likelihood_range("probable")


def test_a_judgement_keeps_likelihood_and_confidence_apart(dataset):
    grades = reliability.source_grades(dataset.grades, dataset.actors)
    row = ladder.judgements(estimates.statements(estimates.figures(dataset)), grades).iloc[0]
    assert row["judgement"].startswith("It is ") and "10,000 to 20,000 soldiers" in row["judgement"]
    assert row["confidence"] in {"high confidence", "moderate confidence", "low confidence"}
    assert row["confidence"] not in row["judgement"]


@pytest.mark.parametrize(
    ("text", "found"),
    [("potentially comprising up to 12,000", "potentially"),
     ("they appear to be distributed", "appear"),
     ("North Korea might be looking", "might"),
     ("has dispatched 3,000 troops", ""),
     ("Maybe, possibly, MIGHT", "possibly, might")],
)  # fmt: skip
def test_hedged_words_in_the_evidence_are_flagged(text, found):
    assert ladder.hedges(pd.Series([text]))[0] == found
