"""Classroom material: prompts and the ACH matrix follow the data and the parameters."""

import pandas as pd

from crosscheck import analysis, classroom
from crosscheck.load import load_dataset

from conftest import write_rows
from factories import ARTICLE, CLAIM, actor, figure, make_dataset

DAY = pd.Timestamp("2024-10-20")


# dataset, view and view_as_of: the shipped data's, once per session (conftest.py).


def analysed_as_of(dataset, as_of):
    return analysis.analyse(dataset, analysis.Parameters.parse(as_of=as_of))


def claim(claim_id: str, claimant: str, **fields) -> dict:
    """A claim without a figure, in article a1 unless told."""
    return CLAIM | {"claim_id": claim_id, "claimant_id": claimant, "claim_type": "presence",
                    "summary": f"{claim_id} said something."} | fields  # fmt: skip


# Prompts on the shipped data.


def test_every_prompt_points_at_claims_that_exist(dataset, view):
    prompts = classroom.discussion_prompts(view, DAY)
    ids = set(dataset.claims["claim_id"])
    assert list(prompts.columns) == classroom.PROMPT_COLUMNS
    assert len(prompts) >= 5
    assert all(claims and set(claims.split()) <= ids for claims in prompts["claims"])


def test_the_prompts_change_with_the_cut_off_date(view, view_as_of):
    # A claim is known when its article was published, not when it was said.
    full = classroom.discussion_prompts(view, None)
    early = classroom.discussion_prompts(view_as_of(DAY), None)
    assert not full["prompt"].equals(early["prompt"])
    published = view.claims.set_index("claim_id")["published_on"]
    cited = {claim for claims in early["claims"] for claim in claims.split()}
    assert cited and all(published[claim] <= DAY for claim in cited)


def test_the_known_on_prompt_counts_the_statements_published_by_that_day(view):
    # Changed by design: the prompt counts statements whose copies were *published* by
    # the day (once each, however many outlets carried them), in the timeline's words.
    prompts = classroom.discussion_prompts(view, DAY)
    text = prompts.loc[prompts["theme"] == "what was known when", "prompt"].iloc[0]
    figures = view.figures
    known = figures.loc[figures["published_on"] <= DAY, "statement"].nunique()
    later = figures["statement"].nunique() - known
    assert 0 < known < figures["statement"].nunique()
    assert text.startswith(
        f"By 20 Oct 2024, {known} figures had been published; {later} more came later."
    )


def test_the_silence_prompts_never_say_that_a_claimant_who_took_a_side_did_not(view):
    prompts = classroom.discussion_prompts(view, None)
    silence = prompts.loc[prompts["theme"] == "silence and uncertainty", "prompt"]
    standing = view.claims[view.claims["standing"]]
    took_a_side = set(standing.loc[standing["stance"].isin(["asserts", "denies"]), "claimant"])
    assert not silence.empty
    for text in silence:
        claimant = next(name for name in standing["claimant"].unique() if text.startswith(name))
        assert ("did not confirm or deny" in text) is (claimant not in took_a_side)


def test_no_claims_give_no_prompts(view_as_of):
    before_anything = view_as_of("2024-01-01")
    assert before_anything.claims.empty
    prompts = classroom.discussion_prompts(before_anything, DAY)
    assert prompts.empty and list(prompts.columns) == classroom.PROMPT_COLUMNS


# Prompts on small datasets.

ACTORS = [actor("nis"), actor("austin", actor_type="defence_minister"),
          actor("kremlin", actor_type="presidential_office"),
          actor("dprk", actor_type="government")]  # fmt: skip
# a1 reports Monday's briefing on Monday; a2 reports another briefing of that Monday
# only on Thursday the 24th.
ARTICLES = [ARTICLE | {"published_on": "2024-10-21"},
            ARTICLE | {"article_id": "a2", "outlet": "Outlet Two",
                       "published_on": "2024-10-24"}]  # fmt: skip
MONDAY_FIGURES = [
    figure("a1-01", "nis", "troops_dispatched", best=1500, stated_wording="on Monday"),
    figure("a2-01", "austin", "troops_committed", best=10000, stated_wording="on Monday",
           article_id="a2"),
]  # fmt: skip


def test_a_cut_off_keeps_a_copy_only_when_its_article_was_published_by_then(tmp_path):
    dataset = make_dataset(tmp_path, MONDAY_FIGURES, ACTORS, articles=ARTICLES)
    assert (dataset.claims["stated_on"] == pd.Timestamp("2024-10-21")).all()
    on_22 = analysed_as_of(dataset, "2024-10-22")
    assert on_22.claims["claim_id"].tolist() == ["a1-01"]
    assert on_22.data.articles["article_id"].tolist() == ["a1"]
    assert on_22.statements["claim_id"].tolist() == ["a1-01"]
    on_24 = analysed_as_of(dataset, "2024-10-24")
    assert sorted(on_24.claims["claim_id"]) == ["a1-01", "a2-01"]


def test_the_known_on_prompt_counts_by_publication_not_by_statement_day(tmp_path):
    view = analysis.analyse(make_dataset(tmp_path, MONDAY_FIGURES, ACTORS, articles=ARTICLES))
    prompts = classroom.discussion_prompts(view, pd.Timestamp("2024-10-22"))
    known = prompts[prompts["theme"] == "what was known when"]
    assert (
        known["prompt"]
        .iloc[0]
        .startswith("By 22 Oct 2024, 1 figure had been published; 1 more came later.")
    )
    assert known["claims"].tolist() == ["a1-01"]


def test_the_silence_prompt_says_what_side_a_claimant_took_before_it_fell_silent(tmp_path):
    claims = [
        claim("c1", "austin", stance="asserts"),
        claim("c2", "austin", stance="cannot_confirm", summary="Austin cannot confirm it."),
        claim("c3", "dprk", stance="denies"),
        claim("c4", "dprk", stance="no_comment", summary="Pyongyang has not responded."),
        claim("c5", "kremlin", stance="no_comment"),
    ]
    view = analysis.analyse(make_dataset(tmp_path, claims, ACTORS))
    prompts = classroom.discussion_prompts(view, None)
    silence = prompts[prompts["theme"] == "silence and uncertainty"]
    assert silence["claims"].tolist() == ["c2", "c4", "c5"]
    texts = silence["prompt"].tolist()
    assert texts[0].startswith(
        "Austin asserted some things but could not confirm others "
        "(1 claim: Austin cannot confirm it)."
    )
    assert texts[1].startswith(
        "Dprk denied some things but could not confirm others "
        "(1 claim: Pyongyang has not responded)."
    )
    assert texts[2].startswith("Kremlin did not confirm or deny (1 claim).")
    assert not any("did not confirm or deny" in text for text in texts[:2])


def test_the_hedge_prompt_counts_every_copy_hedged_in_its_evidence_or_note(tmp_path):
    claims = [
        claim("c1", "nis", evidence="Troops may be there.", statement_key="s"),
        claim("c2", "nis", evidence="Troops are there.", note="Reportedly from a briefing.",
              statement_key="s", article_id="a2"),
        claim("c3", "nis", evidence="Troops are there."),
        figure("c4", "nis", "troops_dispatched", best=3000, evidence="Possibly 3,000."),
    ]  # fmt: skip
    articles = [ARTICLE, ARTICLE | {"article_id": "a2", "outlet": "Outlet Two"}]
    view = analysis.analyse(make_dataset(tmp_path, claims, ACTORS, articles=articles))
    prompts = classroom.discussion_prompts(view, None)
    hedged = prompts[prompts["theme"] == "hedged wording"]
    assert hedged["prompt"].iloc[0].startswith("3 claims carry hedges (may, possibly, reportedly).")
    assert hedged["claims"].tolist() == ["c1 c2 c4"]


def test_single_source_prompts_are_only_for_measures_that_count_people(tmp_path):
    claims = [figure("c1", "nis", "troops_dispatched", best=3000),
              figure("c2", "nis", "units_prepared", best=2)]  # fmt: skip
    view = analysis.analyse(make_dataset(tmp_path, claims, ACTORS))
    assert set(view.headlines.loc[view.headlines["independent sources"] == 1, "measure_id"]) == {
        "troops_dispatched",
        "units_prepared",
    }
    prompts = classroom.discussion_prompts(view, None)
    single = prompts[prompts["theme"] == "single source"]
    assert single["claims"].tolist() == ["c1"]
    assert (
        single["prompt"]
        .iloc[0]
        .startswith(
            "The latest figure for 'Troops sent to Russia so far' (about 3,000 on 23 Oct 2024) "
            "rests on one source: Nis."
        )
    )


# The ACH matrix.


def test_the_ach_matrix_scores_only_evidence_against_each_hypothesis(view):
    matrix = classroom.ach_matrix(view)
    scores = matrix.iloc[-1]
    ratings = view.data.ach_ratings
    assert len(matrix) == ratings["claim_id"].nunique() + 1
    for hypothesis_id, label in zip(
        view.data.hypotheses["hypothesis_id"], view.data.hypotheses["label"], strict=True
    ):
        against = ratings[ratings["hypothesis_id"] == hypothesis_id]["rating"]
        assert int(scores[label]) == (against == "I").sum() + 2 * (against == "II").sum()


def test_the_ach_matrix_follows_the_cut_off(view, view_as_of):
    # Every rated claim is in the seed article, published on 23 Oct 2024.
    full = classroom.ach_matrix(view)
    assert classroom.ach_matrix(view_as_of("2024-10-22")).empty
    assert classroom.ach_reasoning(view_as_of("2024-10-22")).empty
    assert classroom.ach_matrix(view_as_of("2024-10-23")).equals(full)
    assert len(classroom.ach_reasoning(view)) == len(view.data.ach_ratings)


def with_ach(folder, claims, hypotheses, ratings):
    make_dataset(folder, claims, ACTORS)
    write_rows(folder / "hypotheses.csv", hypotheses,
               ["hypothesis_id", "label", "description"])  # fmt: skip
    write_rows(folder / "ach_ratings.csv", ratings,
               ["claim_id", "hypothesis_id", "rating", "reasoning"])  # fmt: skip
    return analysis.analyse(load_dataset(folder))


HYPOTHESES = [{"hypothesis_id": "combat", "label": "Combat", "description": "They fight."}]


def test_one_rating_gives_one_row_of_evidence_and_the_score(tmp_path):
    rating = {"claim_id": "c1", "hypothesis_id": "combat", "rating": "II", "reasoning": "No."}
    view = with_ach(tmp_path, [claim("c1", "nis")], HYPOTHESES, [rating])
    matrix = classroom.ach_matrix(view)
    assert matrix.to_dict("records") == [
        {"evidence": "c1 said something.", "source": "Nis", "claim": "c1", "Combat": "II"},
        {"evidence": "Inconsistency score (lower survives better)", "source": "", "claim": "",
         "Combat": "2"},
    ]  # fmt: skip
    assert classroom.ach_reasoning(view).to_dict("records") == [
        {"claim": "c1", "hypothesis": "Combat", "rating": "II", "why": "No."}
    ]


def test_no_ratings_give_an_empty_reasoning_table(tmp_path):
    view = with_ach(tmp_path, [claim("c1", "nis")], HYPOTHESES, [])
    reasoning = classroom.ach_reasoning(view)
    assert reasoning.empty and list(reasoning.columns) == ["claim", "hypothesis", "rating", "why"]
    assert classroom.ach_matrix(view).empty


def test_an_empty_ach_matrix_has_the_columns_of_a_full_one(tmp_path):
    view = with_ach(tmp_path, [claim("c1", "nis")], HYPOTHESES, [])
    assert list(classroom.ach_matrix(view).columns) == ["evidence", "source", "claim", "Combat"]


def test_the_known_on_prompt_never_speaks_of_a_day_after_the_cut_off(view_as_of):
    view = view_as_of("2024-10-17")
    prompts = classroom.discussion_prompts(view, pd.Timestamp("2024-10-20"))
    known = prompts.loc[prompts["theme"] == "what was known when", "prompt"].iloc[0]
    assert known.startswith("By 17 Oct 2024, ") and "20 Oct" not in known


def test_the_ach_summary_names_hypotheses_tied_for_least_evidence_against(view):
    summary = classroom.ach_summary(classroom.ach_matrix(view))
    assert summary == (
        "Least evidence against: Combat at the front and A show of alliance (0 each); "
        "most: Labour and support (5)."
    )


def test_the_ach_summary_of_one_hypothesis_says_every_one_scores_the_same(tmp_path):
    rating = {"claim_id": "c1", "hypothesis_id": "combat", "rating": "II", "reasoning": "No."}
    view = with_ach(tmp_path, [claim("c1", "nis")], HYPOTHESES, [rating])
    assert classroom.ach_summary(classroom.ach_matrix(view)) == (
        "Every hypothesis has as much evidence against it: Combat (2)."
    )


def test_a_long_prompt_quotes_the_claims_it_names_and_counts_the_rest_as_its_column_does():
    statements = pd.DataFrame(
        {
            "claimant": ["Spokesman"] * 25,
            "stance": ["denies"] * 25,
            "summary": [f"Denial {number}." for number in range(25)],
            "claim_id": [f"c{24 - number:02d}" for number in range(25)],  # ids run backwards
        }
    )
    (prompt,) = classroom.denial_prompts(statements)
    # the ten claims its `claims` column names (c00 to c09: Denial 24 down to Denial 15)
    assert prompt["claims"] == " ".join(f"c{number:02d}" for number in range(10))
    assert prompt["prompt"].startswith("Spokesman denied: Denial 24, Denial 23, ")
    assert "Denial 15, and 15 more. Who made" in prompt["prompt"]
    assert "Denial 14" not in prompt["prompt"] and prompt["more claims"] == 15


def test_a_prompt_of_twenty_claims_quotes_them_all():
    statements = pd.DataFrame(
        {
            "claimant": ["Spokesman"] * 20,
            "stance": ["denies"] * 20,
            "summary": [f"Denial {number}." for number in range(20)],
            "claim_id": [f"c{number:02d}" for number in range(20)],
        }  # fmt: skip
    )
    (prompt,) = classroom.denial_prompts(statements)
    assert "Denial 0, Denial 1, " in prompt["prompt"] and "Denial 19. Who made" in prompt["prompt"]
    assert "more" not in prompt["prompt"]


def test_a_silence_prompt_counts_thousands_with_a_separator():
    statements = pd.DataFrame(
        {
            "claimant": ["Spokesman"] * 1_201,
            "stance": ["asserts"] + ["cannot_confirm"] * 1_200,
            "summary": [f"Claim {number}." for number in range(1_201)],
            "claim_id": [f"c{number:04d}" for number in range(1_201)],
        }
    )
    (prompt,) = classroom.silence_prompts(statements)
    assert "could not confirm others (1,200 claims: Claim 1; Claim 2; " in prompt["prompt"]
    assert "; Claim 10; and 1,190 more)." in prompt["prompt"]
