"""Who is named: actors found by name, alias or a near spelling, and new ones proposed."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from crosscheck import schema
from crosscheck.drafting.actors import (
    NAME_MATCH,
    PROPOSED_ROLE,
    SURNAME_MATCH,
    Actors,
    _person_score,
)
from crosscheck.load import load_dataset

from conftest import DATA, RALLY


def table(rows: list[dict]) -> pd.DataFrame:
    """An actors table of the given rows, every other column empty."""
    columns = list(schema.ACTORS.columns)
    return pd.DataFrame([{c: row.get(c, "") for c in columns} for row in rows], dtype="string")


PERSON = {
    "actor_id": "volodymyr-zelenskyy",
    "name": "Volodymyr Zelenskyy",
    "organisation": "Office of the President",
    "country": "Ukraine",
    "role": "President",
    "actor_type": "head_of_state",
    "alignment": "side_a",
}
MINISTRY = {
    "actor_id": "south-mnd",
    "name": "Ministry of National Defense (South)",
    "organisation": "Ministry of National Defense",
    "country": "South Korea",
    "role": "defence ministry",
    "actor_type": "defence_minister",
    "alignment": "side_b",
    "aliases": "South Korean defence ministry",
}
NATIONALITIES = pd.DataFrame(
    {
        "word": ["south korean", "south korea's", "russian", "ukrainian", "ukraine's", "seoul"],
        "country": ["South Korea", "South Korea", "Russia", "Ukraine", "Ukraine", "South Korea"],
    },
    dtype="string",
)
ALIGNMENTS = pd.DataFrame(
    {
        "alignment": ["side_a", "side_b", "neutral"],
        "countries": ["Ukraine", "South Korea", "*"],
    },
    dtype="string",
)


@pytest.fixture
def actors() -> Actors:
    return Actors(table([PERSON, MINISTRY]), "Test Wire", NATIONALITIES, ALIGNMENTS)


@pytest.mark.parametrize("spelling", ["Zelenskiy", "Zelensky", "Zelenskyy", "Zelenski"])
def test_a_transliterated_surname_matches_the_person_without_an_alias(actors, spelling):
    [mention] = actors.mentions(f"{spelling} said the front held.")
    assert (mention.actor_id, mention.kind) == ("volodymyr-zelenskyy", "strong")


def test_a_possessive_and_a_spelling_variant_match_a_bodys_alias(actors):
    assert actors.propose_speaker("South Korea's defense ministry") == "south-mnd"
    assert actors.proposed == {}


def test_a_body_of_another_country_is_not_matched_by_spelling(actors):
    assert actors.lookup("Russian defence ministry") is None


def test_a_body_with_a_different_job_in_the_same_country_is_only_a_near_miss(actors):
    found = actors.lookup("South Korea's foreign ministry")
    assert (found.actor_id, found.near) == ("south-mnd", True)


def test_a_near_miss_is_proposed_with_a_review_note_naming_the_near_actor(actors):
    actor_id = actors.propose_speaker("South Korea's foreign ministry")
    assert actor_id == "south-korea-foreign-ministry"
    assert "'south-mnd'" in actors.review[actor_id]
    assert "Ministry of National Defense (South)" in actors.review[actor_id]


def test_a_place_alone_is_never_matched_by_spelling(actors):
    assert actors.lookup("Seoul") is None


def test_a_title_is_split_from_a_new_name_into_the_role(actors):
    actor_id = actors.propose_speaker("Russian Deputy Foreign Minister Andrei Rudenko")
    assert actors.proposed[actor_id] == {
        "actor_id": "andrei-rudenko",
        "name": "Andrei Rudenko",
        "organisation": "proposed by draft: review",
        "country": "Russia",
        "role": "Deputy Foreign Minister",
        "actor_type": "minister",
        "alignment": "neutral",
        "part_of": "",
        "aliases": "",
    }


def test_a_title_before_a_known_name_still_matches_that_person(actors):
    assert actors.propose_speaker("Ukrainian President Volodymyr Zelenskiy") == (
        "volodymyr-zelenskyy"
    )


def test_a_proposed_person_is_found_again_by_family_name(actors):
    actor_id = actors.propose_speaker("Russian Deputy Foreign Minister Andrei Rudenko")
    [mention] = actors.mentions("Rudenko said more would follow.")
    assert mention.actor_id == actor_id


def test_a_new_body_takes_its_country_and_the_side_of_that_country(actors):
    actor_id = actors.propose_speaker("South Korean coast guard")
    row = actors.proposed[actor_id]
    assert (row["country"], row["alignment"], row["role"]) == (
        "South Korea",
        "side_b",
        PROPOSED_ROLE,
    )


def test_without_nationalities_or_alignments_a_new_body_has_no_country_or_side():
    actors = Actors(table([PERSON]), "Test Wire")
    row = actors.proposed[actors.propose_speaker("South Korean coast guard")]
    assert (row["country"], row["alignment"]) == ("", "")


# the thresholds, measured on the shipped actors --------------------------------


@pytest.fixture(scope="module")
def shipped():
    dataset = load_dataset(DATA)
    return Actors(dataset.actors, "Test Wire", dataset.nationalities, dataset.alignments)


def test_no_two_shipped_people_match_each_other_by_spelling(shipped):
    people = [i for i in shipped.rows if shipped.is_person(i)]
    names = {i: shipped._canon(shipped.rows[i]["name"])[0] for i in people}
    confused = [
        (a, b)
        for a, b in itertools.combinations(people, 2)
        if _person_score(names[a], names[b])[0] >= _person_score(names[a], names[b])[1]
    ]
    assert confused == []


@pytest.mark.parametrize(
    ("spelling", "actor_id"),
    [
        ("Dmitriy Peskov", "dmitry-peskov"),
        ("Vasily Nebenzya", "vassily-nebenzia"),
        ("Rustam Umerov", "rustem-umerov"),
        ("Kirill Budanov", "kyrylo-budanov"),
        ("Valerii Gerasimov", "valery-gerasimov"),
        ("Sergei Lavrow", "sergey-lavrov"),
    ],
)
def test_a_shipped_person_is_matched_by_a_spelling_the_data_does_not_list(
    shipped, spelling, actor_id
):
    found = shipped.lookup(spelling)
    assert (found.actor_id, found.near) == (actor_id, False)
    assert found.score >= min(NAME_MATCH, SURNAME_MATCH)


def test_a_different_person_with_a_shared_short_family_name_is_not_matched(shipped):
    # "Kim" is shared by millions: the given names decide, and "Jong Il" is not "Jong Un"
    found = shipped.lookup("Kim Jong Il")
    assert found is None or found.near


@pytest.mark.parametrize(
    ("phrase", "actor_id"),
    [
        ("South Korea's defence ministry", "rok-mnd"),
        ("Ukraine's military intelligence agency", "ukraine-hur"),
        ("Ukraine's defence intelligence", "ukraine-hur"),
    ],
)
def test_a_shipped_body_is_matched_by_its_description(shipped, phrase, actor_id):
    assert shipped.propose_speaker(phrase) == actor_id


def test_the_pentagon_is_proposed_as_a_us_body_when_the_data_has_no_actor_for_it(shipped):
    actor_id = shipped.propose_speaker("The Pentagon")
    row = shipped.proposed[actor_id]
    assert (actor_id, row["name"], row["country"]) == ("pentagon", "Pentagon", "United States")


def test_an_acronym_names_its_agency_not_its_director(shipped):
    [mention] = shipped.mentions("HUR said the figure was higher.")
    assert mention.actor_id == "ukraine-hur"


def test_a_person_whose_id_names_a_role_is_still_a_person():
    rally = load_dataset(RALLY)
    actors = Actors(rally.actors, "Test Wire", rally.nationalities, rally.alignments)
    assert (actors.is_person("mayor"), actors.is_person("city-police")) == (True, False)


def test_own_after_a_possessive_is_no_part_of_a_bodys_name(shipped):
    assert shipped.propose_speaker("Ukraine's own military intelligence agency") == "ukraine-hur"


@pytest.mark.parametrize(
    ("phrase", "actor_id"),
    [
        ("Our South Korean allies", "rok-government"),
        ("Ukrainian officials", "ukraine-government"),
        ("the Russian authorities", "russia-government"),
    ],
)
def test_a_countrys_unnamed_officials_or_allies_speak_for_its_government(shipped, phrase, actor_id):
    assert shipped.propose_speaker(phrase) == actor_id


def test_unnamed_officials_of_no_known_country_stay_a_new_speaker(shipped):
    # "Harbour officials" name no country: a new actor for a reviewer, not a government
    assert shipped.propose_speaker("Harbour officials") not in shipped.rows
