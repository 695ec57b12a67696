"""Source grades, grade-weighted estimates, sensitivity, the ladder and ICD 203 wording."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import analysis, judgements, ladder, reliability

from factories import CLAIM, actor, figure, make_dataset

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


def view_of(dataset, **parameters):
    return analysis.analyse(dataset, analysis.Parameters.parse(**parameters))


def weighted(dataset, overrides=None):
    view = view_of(dataset, grade_overrides=overrides)
    return view.weighted.iloc[0]["weighted estimate"]


def test_an_ungraded_source_is_f6():
    grades = reliability.source_grades(pd.DataFrame(columns=["actor_id"]), pd.DataFrame(
        {"actor_id": ["x"], "name": ["X"]}))  # fmt: skip
    assert grades.iloc[0]["grade"] == "F6" and "cannot be judged" in grades.iloc[0]["reasoning"]


def test_the_weighted_estimate_leans_towards_the_better_graded_source(dataset):
    # B2 weighs 0.8 × 0.8 = 0.64, D4 weighs 0.4 × 0.4 = 0.16
    assert weighted(dataset) == round((10000 * 0.64 + 20000 * 0.16) / 0.80)
    row = view_of(dataset).weighted.iloc[0]
    assert (row["sources"], row["unweighted mean"], row["bounds, not averaged"]) == (2, 15000, "")


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
    table = view_of(dataset).leave_one_out
    assert list(table.columns) == reliability.LEAVE_ONE_OUT_COLUMNS
    without = dict(zip(table["source left out"], table["estimate without it"], strict=True))
    assert without == {"Nis": 20000, "Ua": 10000}


def test_rungs_of_the_ladder(tmp_path):
    claims = [
        figure("p", "ua", "troops_dispatched", best=5000),
        figure("i", "nis", "troops_committed", best=10000),
        figure("g", "us", "troops_prepared", best=7000),
        figure("o", "paper", "units_prepared", best=2),
    ]
    figured = view_of(make_dataset(tmp_path, claims, ACTORS)).figures.set_index("claim_id")
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
    figured = view_of(make_dataset(tmp_path, claims, ACTORS)).figures.set_index("claim_id")
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
    row = judgements.judgements(view_of(dataset).latest).iloc[0]
    assert row["judgement"] == (
        "It is likely (55%–80%) that troops being prepared numbered between 10,000 and "
        "20,000 soldiers on 23 Oct 2024."
    )
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


# Pieces that put a hedge word beside letters Python and Arrow class differently:
# accented and non-Latin letters, the Kelvin sign and the long s (which fold to k and s).
_PIECES = st.sampled_from(["may", "MAY", "likely", "if verified", "if  verified", "éappear",
                           "appearé", "_might", "seemsß", "ſeems", "li\u212aely",
                           "\u0130f verified", "\u0131f verified", "ma\u0301y", "3,000",
                           " ", ".", "-", "\n", "Ⅸ", "possibly", "суть", ""])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=6).map("".join), min_size=1, max_size=8))
def test_hedges_are_the_words_pythons_pattern_finds(texts):
    expected = [
        ", ".join(dict.fromkeys(word.lower() for word in ladder._HEDGE_PATTERN.findall(text)))
        for text in texts
    ]
    assert ladder.hedges(pd.Series(texts, dtype="string")).tolist() == expected


# Weights: 'cannot be judged' weighs as little as the lowest judged level.
def test_an_ungraded_source_weighs_as_little_as_the_lowest_judged_grade():
    actors = pd.DataFrame({"actor_id": ["x", "kremlin", "y"], "name": ["X", "Kremlin", "Y"]})
    grades = pd.DataFrame({"actor_id": ["kremlin", "y"], "reliability": ["E", "E"],
                           "credibility": ["5", "4"], "reasoning": ["", ""]})  # fmt: skip
    weight = reliability.source_grades(grades, actors).set_index("actor_id")["weight"]
    assert weight["x"] == pytest.approx(0.01) == pytest.approx(weight["kremlin"])
    judged = [
        reliability.RELIABILITY_WEIGHTS[r] * reliability.CREDIBILITY_WEIGHTS[c]
        for r in "ABCDE"
        for c in "12345"
    ]
    assert weight["x"] == pytest.approx(min(judged)) and weight["y"] > weight["x"]


def test_a_person_without_a_grade_takes_the_grade_of_the_body_above_him(tmp_path):
    actors = [
        *ACTORS,
        actor("director", part_of="nis"),
        actor("deputy", part_of="director"),
        actor("graded-aide", part_of="nis"),
    ]
    own = {"actor_id": "graded-aide", "reliability": "C", "credibility": "3", "reasoning": "own"}
    claims = [figure("a", "nis", "troops_prepared", best=1)]
    dataset = make_dataset(tmp_path, claims, actors, grades=[*GRADES, own])
    table = reliability.source_grades(dataset.grades, dataset.actors).set_index("actor_id")
    director = table.loc["director", ["grade", "graded as", "grade from"]].tolist()
    assert director == ["F6", "B2", "Nis"]
    assert table.loc["deputy", ["graded as", "grade from"]].tolist() == ["B2", "Nis"]
    assert table.loc["director", "weight"] == pytest.approx(0.64)
    # What the reader reads beside the grade is what it weighed: the inherited grade.
    assert table.loc["director", ["reliability", "credibility", "reasoning"]].tolist() == [
        "usually reliable", "probably true", "takes the grade of Nis, the body it speaks for"
    ]  # fmt: skip
    # A grade of one's own wins; the body's own grade is not inherited from anywhere.
    assert table.loc["graded-aide", ["graded as", "grade from"]].tolist() == ["C3", ""]
    assert table.loc["nis", ["graded as", "grade from"]].tolist() == ["B2", ""]
    # A reader's override of the body passes down to the people who speak for it.
    overridden = reliability.source_grades(dataset.grades, dataset.actors, {"nis": "A1"})
    assert overridden.set_index("actor_id").loc["director", "graded as"] == "A1"


def test_a_figure_is_weighed_by_its_claimant_s_inherited_grade(tmp_path):
    actors = [*ACTORS, actor("director", part_of="nis")]
    claims = [figure("a", "director", "troops_prepared", low=10000, best=10000, high=10000)]
    view = view_of(make_dataset(tmp_path, claims, actors, grades=GRADES))
    latest = view.latest.iloc[0]
    assert (latest["grade"], latest["weight"]) == ("B2", pytest.approx(0.64))


def test_bounds_are_never_averaged_but_listed_beside_the_estimate(tmp_path):
    claims = [
        figure("a", "nis", "troops_prepared", low=10000, best=10000, high=10000),
        figure("b", "ua", "troops_prepared", high=12000, qualifier="up to"),
        figure("c", "us", "troops_prepared", low=3000, qualifier="at least"),
    ]
    view = view_of(make_dataset(tmp_path, claims, ACTORS, grades=GRADES))
    row = view.weighted.iloc[0]
    assert (row["sources"], row["weighted estimate"], row["unweighted mean"]) == (3, 10000, 10000)
    assert row["bounds, not averaged"] == "Ua: up to 12,000; Us: at least 3,000"
    assert view.leave_one_out.empty  # one point figure: nothing to leave out


def test_a_window_of_bounds_only_has_no_estimate(tmp_path):
    claims = [figure("b", "ua", "troops_prepared", high=12000, qualifier="up to")]
    row = view_of(make_dataset(tmp_path, claims, ACTORS)).weighted.iloc[0]
    assert pd.isna(row["weighted estimate"]) and pd.isna(row["unweighted mean"])
    assert row["bounds, not averaged"] == "Ua: up to 12,000"


def test_weighted_estimates_and_leave_one_out_are_per_window(tmp_path):
    claims = [
        figure("a", "nis", "troops_prepared", best=10000, stated_wording="2024-10-01"),
        figure("b", "ua", "troops_prepared", best=20000, stated_wording="2024-10-02"),
        figure("c", "nis", "troops_prepared", best=30000, stated_wording="2024-10-23"),
    ]
    view = view_of(make_dataset(tmp_path, claims, ACTORS, grades=GRADES))
    assert view.weighted[["window", "sources", "weighted estimate"]].values.tolist() == [
        ["1–2 Oct 2024", 2, 12000], ["23 Oct 2024", 1, 30000]]  # fmt: skip
    assert set(view.leave_one_out["window"]) == {"1–2 Oct 2024"}


def test_weighted_estimates_and_leave_one_out_of_nothing_are_empty(tmp_path):
    dataset = make_dataset(tmp_path, [CLAIM | {"claim_id": "x", "claimant_id": "nis"}], ACTORS)
    latest = view_of(dataset).latest
    weighted_ = reliability.weighted_estimates(latest)
    assert weighted_.empty and list(weighted_.columns) == reliability.WEIGHTED_COLUMNS
    left_out = reliability.leave_one_out(latest)
    assert left_out.empty and list(left_out.columns) == reliability.LEAVE_ONE_OUT_COLUMNS


def test_weighted_estimate_of_one_figure_is_that_figure(tmp_path):
    claims = [figure("a", "nis", "troops_prepared", low=10000, best=10000, high=10000)]
    latest = view_of(make_dataset(tmp_path, claims, ACTORS, grades=GRADES)).latest
    table = reliability.weighted_estimates(latest)
    shown = table[["sources", "weighted estimate", "lowest latest", "highest latest"]]
    assert shown.values.tolist() == [[1, 10000, 10000, 10000]]
    assert reliability.leave_one_out(latest).empty


def test_with_weights_adds_the_grade_as_weighed(dataset):
    view = view_of(dataset)
    weighted_ = reliability.with_weights(view.latest.drop(columns=["grade", "weight"]), view.grades)
    assert weighted_.set_index("claim_id")[["grade", "weight"]].values.tolist() == [
        ["B2", pytest.approx(0.64)], ["D4", pytest.approx(0.16)]]  # fmt: skip


# Rungs: who stands behind a figure, and corroboration within a window.
def test_a_third_party_figure_ten_days_from_another_is_not_verified_by_it(tmp_path):
    claims = [
        figure("i", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-13"),
        figure("g", "us", "troops_dispatched", best=3000, stated_wording="2024-10-23"),
        figure("ti", "nis", "troops_committed", best=10000, stated_wording="2024-10-13"),
        figure("tg", "us", "troops_committed", best=10000, stated_wording="2024-10-23"),
    ]
    rungs = view_of(make_dataset(tmp_path, claims, ACTORS)).figures.set_index("claim_id")["rung"]
    assert rungs.to_dict() == {"i": 2, "g": 3, "ti": 4, "tg": 4}


def test_a_third_party_figure_within_the_window_is_verified(tmp_path):
    claims = [
        figure("i", "nis", "troops_dispatched", best=3000, stated_wording="2024-10-17"),
        figure("g", "us", "troops_dispatched", best=3000, stated_wording="2024-10-23"),
    ]
    rungs = view_of(make_dataset(tmp_path, claims, ACTORS)).figures.set_index("claim_id")["rung"]
    assert rungs.to_dict() == {"i": 4, "g": 4}


def test_the_claimant_s_own_type_and_side_decide_the_rung(tmp_path):
    actors = [*ACTORS, actor("ua-intel", alignment="ukraine", part_of="ua"),
              actor("us-intel", part_of="us")]  # fmt: skip
    claims = [
        figure("p", "ua-intel", "troops_prepared", best=5000),
        figure("i", "us-intel", "troops_committed", best=10000),
    ]
    rungs = view_of(make_dataset(tmp_path, claims, actors)).figures.set_index("claim_id")["rung"]
    # A party's spy agency is a party; a third government's spy agency is an agency.
    assert rungs.to_dict() == {"p": 1, "i": 2}


def test_row_order_never_changes_a_rung(tmp_path):
    rows = [
        figure("g", "us", "troops_prepared", low=884, best=884, high=884),
        figure("n1", "nis", "troops_prepared", low=884, best=884, high=884),
        figure("n2", "nis", "troops_prepared", low=1, best=1, high=1),
    ]
    rungs = [
        view_of(make_dataset(tmp_path / name, order, ACTORS))
        .figures.set_index("claim_id")["rung"].sort_index().to_dict()
        for name, order in (("a", rows), ("b", [rows[0], rows[2], rows[1]]))
    ]  # fmt: skip
    assert rungs[0] == rungs[1]


# Judgements: per measure and window, likelihood and confidence apart.
def judgement_of(tmp_path, *claims):
    view = view_of(make_dataset(tmp_path, list(claims), ACTORS, grades=GRADES))
    return judgements.judgements(view.latest)


def test_judgements_of_nothing_are_empty(tmp_path):
    table = judgement_of(tmp_path, CLAIM | {"claim_id": "x", "claimant_id": "nis"})
    assert table.empty and list(table.columns) == judgements.JUDGEMENT_COLUMNS


def test_a_judgement_of_one_figure_says_about_it(tmp_path):
    table = judgement_of(tmp_path, figure("a", "nis", "troops_dispatched", best=3000))
    assert len(table) == 1
    row = table.iloc[0]
    assert row["judgement"] == (
        "There is a roughly even chance (45%–55%) that troops sent to Russia so far numbered about "
        "3,000 soldiers by 23 Oct 2024."
    )
    assert row["what drives the confidence"] == "1 independent source; best graded B2 (Nis)"
    assert (row["confidence"], row["independent sources"]) == ("moderate confidence", 1)


def test_an_upper_bound_is_judged_at_most_and_a_lower_bound_at_least(tmp_path):
    table = judgement_of(
        tmp_path,
        figure("a", "nis", "troops_prepared", high=12000, qualifier="up to"),
        figure("b", "nis", "troops_committed", low=3000, qualifier="at least"),
    ).set_index("measure_id")
    assert table.loc["troops_prepared", "judgement"].endswith(
        "troops being prepared numbered at most 12,000 soldiers on 23 Oct 2024."
    )
    assert table.loc["troops_committed", "judgement"].endswith(
        "troops committed in total numbered at least 3,000 soldiers."
    )  # one-time: all dates, no window named


def test_a_count_of_units_gets_no_likelihood(tmp_path):
    row = judgement_of(tmp_path, figure("a", "nis", "units_prepared", best=2)).iloc[0]
    assert row["likelihood"] == "" and row["confidence"] == ""
    assert row["judgement"] == "Stated on 23 Oct 2024: Nis: 2 units."


# The nearest-day search against the rule read literally, row by row, on random figures.
def _corroborated_by_the_rule(frame: pd.DataFrame, window_days: int) -> list[bool]:
    tolerance = pd.Timedelta(days=max(window_days - 1, 0))
    independent = frame[~frame["excluded"]]
    found = []
    for _, mine in frame.iterrows():
        hit = False
        others = independent[
            (independent["measure"] == mine["measure"])
            & (independent["origin_id"] != mine["origin_id"])
        ]
        for _, theirs in others.groupby("origin_id"):
            # the nearest day; of two equally near, the earlier
            day = min(theirs["stated_on"], key=lambda d: (abs(d - mine["stated_on"]), d))
            if mine["timed"] and abs(day - mine["stated_on"]) > tolerance:
                continue
            that_day = theirs[theirs["stated_on"] == day]
            hit |= bool(((that_day["interval_low"] <= mine["interval_high"])
                         & (mine["interval_low"] <= that_day["interval_high"])).any())  # fmt: skip
        found.append(hit and not mine["excluded"])
    return found


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["m1", "m2"]),
            st.sampled_from(["a", "b", "c", "d"]),
            st.integers(0, 20),
            st.integers(0, 6),
            st.integers(0, 4),
            st.booleans(),
        ),  # fmt: skip
        min_size=1,
        max_size=25,
    ),
    window_days=st.integers(1, 8),
)
def test_corroboration_follows_the_rule_read_row_by_row(rows, window_days):
    frame = pd.DataFrame(
        [
            {
                "measure": measure,
                "origin_id": origin,
                "stated_on": pd.Timestamp("2024-10-01") + pd.Timedelta(days=day),
                "interval_low": float(low),
                "interval_high": float(low + width),
                "measure_kind": "running_total" if measure == "m1" else "one_time",
                "excluded": excluded,
            }
            for measure, origin, day, low, width, excluded in rows
        ]  # fmt: skip
    )
    frame["timed"] = frame["measure_kind"] == "running_total"
    found = ladder._corroborated(frame, frame["excluded"], window_days)
    assert found.tolist() == _corroborated_by_the_rule(frame, window_days)


def test_of_two_days_equally_near_the_earlier_counts():
    frame = pd.DataFrame(
        {
            "measure": ["m"] * 3,
            "origin_id": ["a", "b", "b"],
            "stated_on": pd.to_datetime(["2024-10-05", "2024-10-03", "2024-10-07"]),
            "interval_low": [100.0, 900.0, 100.0],  # b's later figure overlaps a's, not its earlier
            "interval_high": [100.0, 900.0, 100.0],
            "measure_kind": ["running_total"] * 3,
        }
    )
    found = ladder._corroborated(frame, pd.Series(False, index=frame.index), window_days=7)
    # a's 5 Oct lies 2 days from b's 3 Oct and from its 7 Oct: the 3rd, with no overlap, counts
    assert found.tolist() == [False, False, True]


def test_a_figure_without_a_stated_day_is_a_bug_said_as_such():
    frame = pd.DataFrame(
        {
            "measure": ["m", "m"],
            "origin_id": ["a", "b"],
            "stated_on": pd.to_datetime(["2024-10-05", None]),
            "interval_low": [1.0, 1.0],
            "interval_high": [1.0, 1.0],
            "measure_kind": ["running_total"] * 2,
        }  # fmt: skip
    )
    with pytest.raises(ValueError, match="stated day"):
        ladder._corroborated(frame, pd.Series(False, index=frame.index), window_days=7)
