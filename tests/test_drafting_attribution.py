"""Who said it: claimants and relays of statements, drafted from short invented sentences.

The ids are those of data/actors.csv; each expectation is what a coder would
write in the claims table for that sentence.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from crosscheck.drafting import draft_article
from crosscheck.drafting.actors import PROPOSED_ROLE, Actors
from crosscheck.drafting.attribution import Attributor
from crosscheck.load import load_dataset

from conftest import DATA, RALLY

PUBLISHED = date(2024, 10, 23)  # a Wednesday


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def rally():
    return load_dataset(RALLY)


def draft(dataset, text: str, published: date = PUBLISHED, outlet: str = "Test Wire"):
    return draft_article(text, published, dataset, outlet, None, "tw-test")


def only_claim(dataset, text: str, published: date = PUBLISHED):
    claims = draft(dataset, text, published).claims
    assert len(claims) == 1, claims[["evidence", "claimant_id"]]
    return claims.iloc[0]


def who(dataset, text: str) -> list[tuple]:
    """(claimant, relay, best figure or None) of every claim drafted from text."""
    claims = draft(dataset, text).claims
    return [
        (row.claimant_id, None if pd.isna(row.relayed_via_id) else row.relayed_via_id,
         None if pd.isna(row.best) else int(row.best))
        for row in claims.itertuples()
    ]  # fmt: skip


# Moved from tests/test_draft.py --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Zelenskiy said North Korea is preparing 10,000 soldiers.", "volodymyr-zelenskyy"),
        ("Zelensky said North Korea is preparing 10,000 soldiers.", "volodymyr-zelenskyy"),
        ("Austin said 3,000 troops had been sent.", "lloyd-austin"),
        ("The National Intelligence Service said 3,000 troops were sent.", "rok-nis"),
        ("South Korea's spy agency said 3,000 troops were sent.", "rok-nis"),
        ("According to the NIS, 3,000 troops were sent.", "rok-nis"),
        ("The Kremlin said 3,000 troops were not sent.", "kremlin"),
    ],
)
def test_a_claimant_is_matched_by_name_surname_alias_or_acronym(dataset, sentence, claimant):
    claim = only_claim(dataset, sentence)
    assert (claim["claimant_id"], claim["claimant_match"]) == (claimant, "known")


def test_lawmakers_briefed_by_the_agency_relay_the_agency(dataset):
    claim = only_claim(
        dataset,
        "South Korean lawmakers who received updates from the national intelligence agency "
        "said that North Korea has dispatched 3,000 troops to Russia.",
    )
    assert (claim["claimant_id"], claim["relayed_via_id"]) == ("rok-nis", "rok-intel-committee")


def test_later_sentences_by_the_same_lawmakers_keep_the_agency_as_claimant(dataset):
    claims = draft(
        dataset,
        "Lawmakers briefed by the National Intelligence Service said 3,000 troops were sent. "
        "Lawmakers also said Pyongyang committed to sending about 10,000 troops.",
    ).claims
    assert list(claims["claimant_id"]) == ["rok-nis", "rok-nis"]
    assert list(claims["relayed_via_id"]) == ["rok-intel-committee", "rok-intel-committee"]


def test_a_pronoun_carries_the_previous_claimant(dataset):
    claims = draft(dataset, "Austin said there is evidence. “It is unclear,” he added.").claims
    assert list(claims["claimant_id"]) == ["lloyd-austin", "lloyd-austin"]


def test_an_unknown_claimant_is_proposed_as_a_new_actor(dataset):
    result = draft(
        dataset, "Ukraine's Security Service said it was questioning two North Korean soldiers."
    )
    claim = result.claims.iloc[0]
    [actor] = result.actors.to_dict("records")
    assert (claim["claimant_id"], claim["claimant_match"]) == (actor["actor_id"], "proposed")
    assert actor | {"actor_id": None} == {
        "actor_id": None,
        "name": "Ukraine's Security Service",
        "organisation": "Ukraine's Security Service",
        "country": "Ukraine",
        "role": PROPOSED_ROLE,
        "actor_type": "intelligence_agency",
        "alignment": "ukraine",
        "part_of": "",
        "aliases": "",
    }


def test_a_figure_without_an_attribution_is_the_outlets_own_voice(dataset):
    claim = draft_article(
        "This figure is double the previously reported estimate.",
        PUBLISHED,
        dataset,
        "Defence Talks",
        None,
        None,
    ).claims.iloc[0]
    assert (claim["claimant_id"], claim["measure"]) == ("defence-talks", "ratio_to_previous")


# The forms of attribution ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lee Seong-kweun said Tuesday that 3,000 soldiers were sent.",
         [("lee-seong-kweun", None, 3000)]),
        ("Lee Seong-kweun told reporters that 3,000 soldiers were sent.",
         [("lee-seong-kweun", None, 3000)]),
        ("North Korea has sent 3,000 soldiers, said Park Sun-won.",
         [("park-sun-won", None, 3000)]),
        ("Park Sun-won, citing the National Intelligence Service, said 3,000 soldiers were sent.",
         [("rok-nis", "park-sun-won", 3000)]),
        ("Washington, citing Ukrainian intelligence, said 1,000 soldiers were killed.",
         [("ukraine-intelligence", "us-government", 1000)]),
        ("HUR said 11,000 soldiers had arrived in Kursk.", [("ukraine-hur", None, 11000)]),
        ("Seoul said 3,000 soldiers were sent.", [("rok-government", None, 3000)]),
        ("Kyiv said 3,000 soldiers were sent.", [("ukraine-government", None, 3000)]),
        ("South Korea's defence ministry said 3,000 soldiers were sent.",
         [("rok-mnd", None, 3000)]),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)  # fmt: skip
def test_the_claimant_and_relay_follow_the_form_of_attribution(dataset, sentence, expected):
    assert who(dataset, sentence) == expected


def test_a_place_after_a_preposition_is_where_the_speakers_are_not_who(dataset):
    claim = only_claim(dataset, "Analysts in Seoul said the pullback was real.")
    assert (claim["claimant_id"], claim["claimant_match"]) == ("analysts-in-seoul", "proposed")


def test_two_statements_in_one_sentence_keep_each_its_speaker(dataset):
    assert who(
        dataset,
        "The NIS said 11,000 soldiers were sent, while HUR said 3,000 were in Kursk.",
    ) == [("rok-nis", None, 11000), ("ukraine-hur", None, 3000)]


def test_two_statements_without_figures_are_two_rows(dataset):
    assert who(
        dataset, "Austin said there was evidence, but the Kremlin said the reports were fake."
    ) == [("lloyd-austin", None, None), ("kremlin", None, None)]


def test_one_speaker_over_two_clauses_is_one_statement(dataset):
    assert who(dataset, "The NIS said 3,000 soldiers were sent, and it added more would go.") == [
        ("rok-nis", None, 3000)
    ]


def test_attribute_all_gives_each_statement_the_characters_it_covers(dataset):
    actors = Actors(dataset.actors, "Test Wire", dataset.nationalities, dataset.alignments)
    text = "The NIS said 11,000 were sent, while HUR said 3,000 were in Kursk."
    found = Attributor(actors).attribute_all(text, actors.mentions(text))
    assert [(a.claimant, text[a.span[0] : a.span[1]]) for a in found] == [
        ("rok-nis", "The NIS said 11,000 were sent"),
        ("ukraine-hur", ", while HUR said 3,000 were in Kursk."),
    ]


# Carried from the previous sentence ----------------------------------------------


def test_he_in_the_next_sentence_is_the_previous_speaker(dataset):
    assert who(
        dataset,
        "Lee Seong-kweun said 11,000 soldiers were sent. He said 3,000 were in Kursk.",
    ) == [("lee-seong-kweun", None, 11000), ("lee-seong-kweun", None, 3000)]


def test_he_after_a_sentence_naming_a_person_without_a_verb_is_that_person(dataset):
    assert who(
        dataset,
        "Kirill Budanov gave his own tally. “Some 11,000 soldiers are there,” he said.",
    ) == [("kyrylo-budanov", None, 11000)]


def test_the_ministry_in_the_next_sentence_is_the_previous_speaker(dataset):
    assert who(
        dataset,
        "South Korea's defence ministry said 11,000 were sent. The ministry said 3,000 "
        "were in Kursk.",
    ) == [("rok-mnd", None, 11000), ("rok-mnd", None, 3000)]


def test_a_quoted_sentence_goes_on_quoting_the_previous_speaker(dataset):
    assert who(
        dataset,
        "“Count the tents,” Lee Seong-kweun said. “Perhaps 3,000 soldiers are at the front.”",
    ) == [("lee-seong-kweun", None, None), ("lee-seong-kweun", None, 3000)]


def test_the_date_of_the_previous_statement_goes_with_he(dataset):
    claims = draft(
        dataset,
        "Lee Seong-kweun said on Tuesday that 11,000 were sent. He said 3,000 were in Kursk.",
    ).claims
    assert list(claims["stated_day"]) == ["2024-10-22", "2024-10-22"]


# New speakers ----------------------------------------------------------------------


def test_a_new_official_after_the_verb_is_proposed(dataset):
    result = draft(dataset, "“The count is 3,000,” said a senior Japanese official.")
    [actor] = result.actors.to_dict("records")
    assert (actor["name"], actor["country"]) == ("Senior Japanese official (unnamed)", "Japan")
    assert list(result.claims["claimant_id"]) == [actor["actor_id"]]


def test_a_title_before_a_new_name_becomes_the_role(dataset):
    result = draft(
        dataset, "Russian Deputy Foreign Minister Andrei Rudenko said no soldiers were sent."
    )
    [actor] = result.actors.to_dict("records")
    assert (actor["actor_id"], actor["name"], actor["role"], actor["country"]) == (
        "andrei-rudenko",
        "Andrei Rudenko",
        "Deputy Foreign Minister",
        "Russia",
    )


def test_a_title_before_a_known_name_matches_that_actor(dataset):
    claim = only_claim(
        dataset, "Russian Foreign Minister Sergei Lavrow said no soldiers were sent."
    )
    assert (claim["claimant_id"], claim["claimant_match"]) == ("sergey-lavrov", "known")


def test_a_near_miss_is_proposed_with_a_review_reason_naming_the_near_actor(dataset):
    claim = only_claim(dataset, "South Korea's foreign ministry said it summoned the ambassador.")
    assert claim["claimant_match"] == "proposed"
    assert "'rok-mnd'" in claim["review"]


def test_a_transcripts_speaker_label_is_the_speaker(dataset):
    claim = only_claim(dataset, "MS. SINGH: There are 11,000 North Korean soldiers in Russia.")
    assert (claim["claimant_id"], int(claim["best"])) == ("sabrina-singh", 11000)


def test_a_reporters_question_in_a_transcript_has_no_speaker(dataset):
    actors = Actors(dataset.actors, "Test Wire", dataset.nationalities, dataset.alignments)
    text = "Q: Sabrina, can you give us a number, as the Pentagon said?"
    assert Attributor(actors).attribute_all(text, actors.mentions(text)) == []


def test_the_pentagon_said_is_never_the_outlets_own_voice(dataset):
    # the shipped actors name the US government "the Pentagon" among its aliases
    claim = only_claim(dataset, "The Pentagon said 10,000 soldiers were in Kursk.")
    assert (claim["claimant_id"], claim["claimant_match"]) == ("us-government", "known")


def test_its_ministry_is_the_ministry_of_the_previous_speakers_country(dataset):
    result = draft(
        dataset,
        "Pyongyang has never acknowledged sending troops. Its foreign ministry called the "
        "reports a smear.",
    )
    assert list(result.claims["claimant_id"]) == [
        "dprk-government",
        "north-korea-foreign-ministry",
    ]
    [actor] = result.actors.to_dict("records")
    assert (actor["name"], actor["country"]) == ("North Korea's foreign ministry", "North Korea")


def test_the_subject_before_a_relative_clause_is_the_speaker(dataset):
    claim = only_claim(
        dataset,
        "A battalion commander who gave only his call sign, Tur, said 40 men were killed.",
    )
    assert (claim["claimant_id"], int(claim["best"])) == ("battalion-commander", 40)


def test_he_after_a_newly_named_person_is_not_the_speaker_before_him(dataset):
    # the quote two sentences back is Lee's; the sentence between names Budanov
    assert who(
        dataset,
        "“The count is rising,” Lee Seong-kweun said. Why the gap? Kirill Budanov gave "
        "his own view in an interview. “Some 9,000 are at the front,” he said.",
    ) == [("lee-seong-kweun", None, None), ("kyrylo-budanov", None, 9000)]


def test_a_name_after_the_verb_that_starts_a_clause_is_not_an_inverted_speaker(dataset):
    result = draft(
        dataset,
        "Anna Berg, an analyst at the Tallinn Defence Forum, a research group, believes "
        "Pyongyang will send 6,000 more soldiers.",
    )
    assert list(result.claims["claimant_id"]) == ["anna-berg"]


def test_a_speaker_after_several_appositions_is_the_subject(dataset):
    assert who(
        dataset,
        "Kirill Budanov, the head of Ukraine's military intelligence, the GUR, said on "
        "Monday that 4,000 more soldiers could come.",
    ) == [("kyrylo-budanov", None, 4000)]


def test_the_subject_of_said_speaks_and_according_to_names_the_relay(dataset):
    assert who(
        dataset,
        "The National Intelligence Service told lawmakers on Monday that 700 soldiers had "
        "been wounded, according to Lee Seong-kweun.",
    ) == [("rok-nis", "lee-seong-kweun", 700)]


def test_according_to_alone_names_the_claimant(dataset):
    assert who(dataset, "Some 700 soldiers had been wounded, according to Lee Seong-kweun.") == [
        ("lee-seong-kweun", None, 700)
    ]


def test_the_pentagons_estimate_he_added_is_the_spokesman_named_before(dataset):
    claims = draft(
        dataset,
        "Pat Ryder told reporters on Monday that the soldiers had moved to the front. "
        "The Pentagon's estimate of the force is about 9,000, he added.",
    ).claims
    assert list(zip(claims["claimant_id"], claims["stated_day"], strict=True))[-1] == (
        "pat-ryder",
        "2024-10-21",
    )


def test_the_new_estimate_is_a_noun_and_the_agency_reported_is_the_speaker(dataset):
    assert who(
        dataset,
        "The NIS said on Monday that 9,000 were sent. The new estimate is up from the "
        "roughly 4,000 soldiers the agency reported before.",
    ) == [("rok-nis", None, 9000), ("rok-nis", None, 4000)]


def test_a_metonym_that_has_given_a_figure_is_its_claimant(dataset):
    assert who(dataset, "Seoul has given the only total so far: about 800 wounded.") == [
        ("rok-government", None, 800)
    ]


def test_a_bare_noun_refers_back_to_the_body_whose_name_it_ends(rally):
    claims = draft_article(
        "The city police put the crowd at 8 000, in a statement on Sunday. In the same "
        "statement, police said four people had been arrested.",
        date(2025, 3, 4),
        rally,
        "Test Wire",
        None,
        "tw-test",
    ).claims
    assert list(zip(claims["claimant_id"], claims["best"], claims["stated_day"], strict=True)) == [
        ("city-police", 8000, "2025-03-02"),
        ("city-police", 4, "2025-03-02"),
    ]


def test_according_to_the_organisers_after_they_were_named_is_them(rally):
    claims = draft_article(
        "Rally organisers said 5 000 came. Many more watched from windows, according "
        "to the organisers.",
        date(2025, 3, 4),
        rally,
        "Test Wire",
        None,
        "tw-test",
    ).claims
    assert list(claims["claimant_id"]) == ["organisers", "organisers"]


def test_the_official_refers_back_to_the_last_speaker_and_keeps_its_day(dataset):
    claims = draft(
        dataset,
        "The NIS put the number of soldiers at 9,000, an agency official told reporters on "
        "Monday. About 700 of them are wounded, the official said.",
    ).claims
    assert list(zip(claims["claimant_id"], claims["best"], claims["stated_day"], strict=True)) == [
        ("rok-nis", 9000, "2024-10-21"),
        ("rok-nis", 700, "2024-10-21"),
    ]


def test_a_speaker_introduced_with_a_is_a_new_occasion_without_the_earlier_day(dataset):
    claims = draft(
        dataset,
        "The NIS said on Monday that 9,000 were sent. An NIS official said 700 more were expected.",
    ).claims
    assert list(zip(claims["claimant_id"], claims["stated_day"], strict=True)) == [
        ("rok-nis", "2024-10-21"),
        ("rok-nis", "not stated (by 2024-10-23)"),
    ]


# Round 3: pronouns, documents and spokespeople ----------------------------------


def test_it_is_the_body_the_previous_sentence_names_and_keeps_its_day(dataset):
    claims = draft(
        dataset,
        "The NIS released a new count on Monday. It says 9,000 soldiers are in the Kursk region.",
    ).claims
    assert list(zip(claims["claimant_id"], claims["best"], claims["stated_day"], strict=True)) == [
        ("rok-nis", 9000, "2024-10-21")
    ]


def test_it_is_never_a_transcript_speaker_label(dataset):
    claims = draft(
        dataset,
        "HOST: Ukraine's military intelligence issued its figure on Monday. It says 4,000 "
        "soldiers are near the border.",
    ).claims.dropna(subset=["best"])
    assert list(claims["claimant_id"]) == ["ukraine-hur"]


def test_an_emphatic_did_say_attributes_the_statement(dataset):
    claims = draft(
        dataset,
        "The Kremlin gave no reason. What the Kremlin did say is that 500 more soldiers "
        "would follow.",
    ).claims.dropna(subset=["best"])
    assert list(zip(claims["claimant_id"], claims["best"], strict=True)) == [("kremlin", 500)]


def test_a_period_before_the_verb_is_a_later_occasion_not_the_earlier_day(dataset):
    claims = draft(
        dataset,
        "The NIS said on Monday that 9,000 were sent. By August it was telling lawmakers "
        "that 11,000 had been sent.",
    ).claims
    second = claims.iloc[-1]
    assert (second["claimant_id"], second["best"], second["stated_day"]) == (
        "rok-nis",
        11000,
        "not stated (by 2024-10-23)",
    )


def test_a_document_named_after_according_to_is_no_speaker(rally):
    claims = draft_article(
        "City police put the crowd at 3,000, according to a statement issued on Sunday. "
        "Four people were detained, the statement said.",
        date(2025, 3, 4),
        rally,
        "Test Wire",
        None,
        "tw-test",
    ).claims
    assert list(zip(claims["claimant_id"], claims["best"], claims["stated_day"], strict=True)) == [
        ("city-police", 3000, "2025-03-02"),
        ("city-police", 4, "2025-03-02"),
    ]


def test_a_new_spokesperson_for_a_known_body_speaks_for_the_body(rally):
    claims = draft_article(
        '"More than 5,000 people marched with us," said Jo Marsh, a spokeswoman for Citizens '
        "for Parks.",
        date(2025, 3, 4),
        rally,
        "Test Wire",
        None,
        "tw-test",
    ).claims
    assert list(zip(claims["claimant_id"], claims["low"], strict=True)) == [("organisers", 5000)]


def test_a_team_that_puts_the_peak_crowd_at_a_number_is_its_claimant(rally):
    claims = draft_article(
        "A team of engineers at the polytechnic, using drone footage, put the peak crowd at 4,000.",
        date(2025, 3, 4),
        rally,
        "Test Wire",
        None,
        "tw-test",
    ).claims
    (row,) = claims.itertuples()
    assert (row.best, row.claimant_match) == (4000, "proposed")
    assert "engineers" in row.claimant_id


def test_the_official_after_according_to_refers_back_to_an_unnamed_official(dataset):
    claims = draft(
        dataset,
        "A senior U.S. military official said Russia wanted more soldiers. According to the "
        "official, 900 more North Korean soldiers are training near Vladivostok.",
    ).claims.dropna(subset=["best"])
    assert list(claims["claimant_id"]) == ["us-senior-military-official"]


def test_a_body_and_a_person_joined_by_a_comma_is_the_person_not_two_speakers(dataset):
    claims = draft(
        dataset, "One of the lawmakers, Park Sun-won, told reporters that 3,000 had been killed."
    ).claims
    assert list(zip(claims["claimant_id"], claims["best"], strict=True)) == [("park-sun-won", 3000)]


def test_a_body_named_after_according_to_the_official_and_a_comma_is_no_speaker(dataset):
    claims = draft(
        dataset,
        "A senior U.S. military official said Russia wanted more soldiers. According to the "
        "official, Russia is training 900 more North Korean soldiers near Vladivostok.",
    ).claims.dropna(subset=["best"])
    assert list(claims["claimant_id"]) == ["us-senior-military-official"]


def test_a_body_before_a_comma_is_not_a_second_speaker_without_and(dataset):
    claims = draft(
        dataset,
        "Pyongyang has sent 9,000 soldiers to Moscow, South Korea's spy agency told lawmakers.",
    ).claims
    assert list(zip(claims["claimant_id"], claims["best"], strict=True)) == [("rok-nis", 9000)]


# Round 6: the fourth held-out set's claimants (tests/gold/README.md, Conventions) -------


def test_it_after_a_body_named_earlier_in_the_same_sentence_is_that_body(dataset):
    assert who(
        dataset,
        "When Ukraine's military intelligence agency first went public in May, it spoke of "
        "2,500 soldiers on the border.",
    ) == [("ukraine-hur", None, 2500)]


def test_a_metonym_subject_and_saying_it_estimated_is_the_government(dataset):
    assert who(
        dataset,
        "Seoul went further in a separate note on Friday, saying it estimated that 2,500 "
        "soldiers had been wounded.",
    ) == [("rok-government", None, 2500)]


def test_a_bodys_possessive_count_is_its_claim(dataset):
    claims = who(
        dataset,
        "South Korea's spy agency briefed lawmakers in June. By the autumn the agency's "
        "tally of soldiers killed had reached 1,300, a figure few expected.",
    )
    assert claims[-1] == ("rok-nis", None, 1300)


def test_the_same_agency_refers_back_to_the_agency_named_before(dataset):
    assert who(
        dataset,
        "South Korea's spy agency spoke to reporters in June. Last week the same agency told "
        "lawmakers that some 700 soldiers had died.",
    ) == [("rok-nis", "rok-intel-committee", 700)]


def test_a_passive_were_told_by_makes_the_agent_the_claimant(dataset):
    assert who(
        dataset,
        "South Korean lawmakers were told on Monday by the National Intelligence Service "
        "that 1,100 soldiers had been wounded.",
    ) == [("rok-nis", "rok-intel-committee", 1100)]


def test_using_an_address_to_warn_states_the_figure(dataset):
    assert who(
        dataset,
        "Ukrainian President Volodymyr Zelenskiy used a speech in parliament on Tuesday to "
        "warn that 9,000 more soldiers could arrive.",
    ) == [("volodymyr-zelenskyy", None, 9000)]


def test_own_in_a_bodys_name_only_stresses_whose_it_is(dataset):
    claims = who(
        dataset,
        "Ukraine's own military intelligence agency has spoken of soldiers only near the "
        "border. In March it said that 30 of them had been captured.",
    )
    assert claims[-1] == ("ukraine-hur", None, 30)


def test_north_korean_state_media_speak_for_the_government(dataset):
    assert who(
        dataset, "North Korean state media said on Friday that 12 soldiers had died in a blast."
    ) == [("dprk-government", None, 12)]


def test_organisers_who_revise_their_count_state_the_new_figure(rally):
    claims = who(
        rally,
        "Citizens for Parks said on Saturday that 9,000 people took part. On Monday the "
        "organisers revised their estimate upward to 12,000, saying late arrivals had "
        "been missed.",
    )
    assert claims[-1] == ("organisers", None, 12000)


def test_police_who_counted_a_crowd_state_it_before_a_second_speaker(rally):
    claims = who(
        rally,
        "City police gave no figure on Sunday. In May, police counted 3,000 at the first "
        "rally, while the organisers claimed twice as many.",
    )
    assert claims[0] == ("city-police", None, 3000)


def test_she_after_a_titled_person_whose_id_is_a_role_is_that_person(rally):
    claims = who(
        rally,
        'Mayor Ana Lee, speaking on television on Monday, gave her view. "Perhaps 5,000 '
        'people, no more," she said.',
    )
    assert claims == [("mayor", None, 5000)]


def test_a_possessive_count_takes_no_day_from_the_bodys_earlier_statement(dataset):
    claims = draft(
        dataset,
        "South Korea's spy agency said on Monday that 500 soldiers had died. Its count rose "
        "to 900 within days.",
    ).claims.dropna(subset=["best"])
    assert [
        (r.claimant_id, r.best, None if pd.isna(r.stated_wording) else r.stated_wording)
        for r in claims.itertuples()
    ] == [("rok-nis", 500, "on Monday"), ("rok-nis", 900, None)]


def test_a_reproduced_documents_paragraphs_without_a_speaker_are_its_issuers(dataset):
    claims = draft(
        dataset,
        "The Test Wire prints below, in full, the statement that South Korea's Joint Chiefs "
        "of Staff issued on Monday.\n\n"
        "STATEMENT - Joint Chiefs of Staff\n\n"
        "1. The JCS assesses that 8,000 North Korean soldiers are in Russia.\n\n"
        "2. Of these, about 5 000 are deployed near the border.\n\n"
        "- END -\n\n"
        "Of the rest, 600 are in training, the paper's own sources say.",
    ).claims.dropna(subset=["best"])
    assert [(r.claimant_id, r.best) for r in claims.itertuples()][:2] == [
        ("rok-jcs", 8000),
        ("rok-jcs", 5000),
    ]
    assert claims.iloc[2]["claimant_id"] != "rok-jcs"


def test_an_interviewee_passing_on_a_body_relays_it_and_keeps_the_rest_of_the_answer(dataset):
    claims = draft(
        dataset,
        "Lawmaker Park Sun-won spoke to the Test Wire on Monday.\n\n"
        "Test Wire: And the dead?\n\n"
        "Park: Ukraine's military intelligence told our committee in May that 800 soldiers "
        "had died. My own guess is that 1,200 soldiers have died.",
    ).claims.dropna(subset=["best"])
    assert [
        (r.claimant_id, None if pd.isna(r.relayed_via_id) else r.relayed_via_id, r.best)
        for r in claims.itertuples()
    ] == [("ukraine-hur", "park-sun-won", 800), ("park-sun-won", None, 1200)]


def test_he_after_a_profiles_subject_named_in_full_is_that_new_person(dataset):
    claims = draft(
        dataset,
        "Lim Dae-sung runs a small shop near the border. He keeps a ledger of every "
        'conscript he hears of. "About 4,000 soldiers have been sent to Russia," he said.',
    ).claims.dropna(subset=["best"])
    row = claims.iloc[0]
    assert (row["claimant_id"], row["best"], "read as Lim Dae-sung" in row["review"]) == (
        "lim-dae-sung",
        4000,
        True,
    )


def test_a_new_name_in_apposition_before_said_is_the_speaker(dataset):
    claims = draft(
        dataset,
        "Ukraine's defence ministry spokesman, Dmytro Lazutkin, said on Friday that 2,000 "
        "soldiers had arrived in Russia.",
    ).claims.dropna(subset=["best"])
    row = claims.iloc[0]
    assert (row["claimant_id"], row["claimant_match"], row["best"]) == (
        "dmytro-lazutkin",
        "proposed",
        2000,
    )


def test_a_person_asked_about_an_estimate_does_not_state_it(dataset):
    claims = draft(
        dataset,
        "Kremlin spokesman Dmitry Peskov was asked on Monday about a Ukrainian estimate that "
        "roughly 900 soldiers had died.",
    ).claims.dropna(subset=["best"])
    assert list(claims["claimant_id"]) != ["dmitry-peskov"]


def test_by_the_bodys_count_after_a_new_body_spoke_is_that_body(dataset):
    claims = draft(
        dataset,
        "The institute estimates that 5,000 soldiers were sent to Russia. Drawing on "
        "Ukrainian estimates, the authors put the dead at 700. About 3,000 North Korean "
        "soldiers remain in the Kursk region by the institute's count.",
    ).claims.dropna(subset=["best"])
    assert [(r.claimant_id, r.best) for r in claims.itertuples()] == [
        ("institute", 5000),
        ("authors", 700),
        ("institute", 3000),
    ]


def test_a_colon_after_the_subject_hands_over_to_the_subjects_own_words(dataset):
    # invented: no verb of saying, the colon introduces Kovalenko's quotation
    text = (
        "Andriy Kovalenko was more blunt on Friday: "
        '"4,000 North Korean soldiers are in Kursk and more are coming."'
    )
    claims = draft(dataset, text).claims
    figures = claims[claims["best"].notna()]
    assert figures[["claimant_id", "best"]].values.tolist() == [["andriy-kovalenko", 4000]]
    assert figures.iloc[0]["stated_day"] == "2024-10-18"


def test_a_capital_before_a_colon_speaks_for_its_government(dataset):
    # invented: a metonym as the subject, its words after the colon
    text = 'Kyiv was unmoved on Friday: "4,000 North Korean soldiers are in Kursk."'
    assert who(dataset, text) == [("ukraine-government", None, 4000)]


def test_we_in_a_briefers_turn_is_the_briefer_not_the_person_just_named(dataset):
    # invented transcript: the turn's second sentence names Austin, the third says "we"
    text = (
        "Briefing by the Pentagon press secretary\n\n"
        "MAJ. GEN. RYDER: Thanks for coming. Secretary Austin met his Japanese "
        "counterpart on Monday. We now assess that about 9,000 North Korean soldiers "
        "are in the Kursk region.\n"
    )
    claims = draft(dataset, text).claims
    figures = claims[claims["best"].notna()]
    assert figures[["claimant_id", "best"]].values.tolist() == [["pat-ryder", 9000]]


@pytest.mark.parametrize("verb", ["thought", "believed", "expected"])
def test_a_person_saying_what_the_agency_thought_relays_the_agency(dataset, verb):
    # invented: "the agency" refers back to the NIS named before
    text = (
        "South Korea's National Intelligence Service briefed lawmakers on Monday. "
        f"Park Sun-won said the agency {verb} the deployment could reach 14,000 troops by spring."
    )
    assert who(dataset, text)[-1] == ("rok-nis", "park-sun-won", 14000)


def test_the_group_is_the_organisation_named_before(rally):
    # invented: "Citizens for Parks" named in full, then only as "the group"
    text = (
        "Citizens for Parks, which called the protest, said the turnout was a record. "
        "On Monday the group put the crowd at 18,000."
    )
    assert who(rally, text)[-1] == ("organisers", None, 18000)


def test_a_bare_noun_subject_after_a_clause_of_time_is_the_speaker_not_that_clauses_actor(
    rally,
):
    # invented: "police" named in full first; the clause of time names the organisers
    text = (
        "City police said the square was full by noon. "
        "When Citizens for Parks last marched, in April, police counted about 3,000."
    )
    assert who(rally, text)[-1] == ("city-police", None, 3000)


def test_a_timeline_entrys_date_and_dash_are_no_part_of_the_new_speakers_name(dataset):
    # invented timeline entry: the body is not in the actors table, so it is proposed
    text = (
        "March 3, 2024 - Ukraine's Border Guard Service says 40 North Korean troops have "
        "been captured in Kursk."
    )
    claims = draft(dataset, text).claims
    row = claims[claims["best"].notna()].iloc[0]
    assert (row["claimant_id"], row["claimant_match"]) == (
        "ukraine-border-guard-service",
        "proposed",
    )


def test_its_tally_after_a_body_described_in_apposition_is_that_new_bodys(dataset):
    # invented: a monitoring group not in the actors table, then "its tally"
    text = (
        "Harbour Watch, a monitoring group that tracks ship movements, disagrees. "
        "Its tally, published on Monday, lists 700 North Korean soldiers killed."
    )
    claims = draft(dataset, text).claims
    row = claims[claims["best"].notna()].iloc[0]
    assert (row["claimant_id"], row["claimant_match"], row["stated_day"]) == (
        "harbour-watch",
        "proposed",
        "2024-10-21",
    )


# Round 8: relays in any sentence shape, questions, state media ---------------------


@pytest.mark.parametrize(
    "text",
    [
        # invented: "according to" the person, the agency's own verb after it
        "According to Lee Seong-kweun, the NIS estimated that some 2,500 North Korean "
        "soldiers had been wounded.",
        # invented: the agency's belief set off by commas, the person closing the sentence
        "About 2,500 more North Korean soldiers may follow by spring, the NIS believes, "
        "Lee Seong-kweun told reporters.",
    ],
)
def test_a_body_holding_a_view_inside_a_persons_words_is_the_claimant_in_any_shape(dataset, text):
    assert who(dataset, text) == [("rok-nis", "lee-seong-kweun", 2500)]


def test_according_to_unnamed_lawmakers_the_agency_put_relays_the_agency(dataset):
    # invented: the agency named, then "the agency" inside the lawmakers' account
    text = (
        "South Korea's National Intelligence Service briefed parliament behind closed doors. "
        "According to lawmakers who attended, the agency put North Korean losses at about 3,400."
    )
    assert [row[0] for row in who(dataset, text) if row[2] == 3400] == ["rok-nis"]


def test_a_spokesperson_stating_their_own_bodys_view_is_no_relay(dataset):
    # invented: Ryder speaks for the Pentagon's government, not as a relay of it
    text = (
        "According to Pentagon press secretary Pat Ryder, Washington believes about 1,200 "
        "North Korean soldiers have been wounded."
    )
    assert who(dataset, text)[0][1] is None


def test_a_country_closing_the_sentence_with_estimates_is_the_speaker(dataset):
    # invented: ", Seoul estimates." ends on the verb; Seoul is rok-government's alias
    text = "North Korea has shipped about 9,000 soldiers to Russia since August, Seoul estimates."
    assert who(dataset, text) == [("rok-government", None, 9000)]


def test_talked_of_a_number_states_it(dataset):
    # invented: "talked of", as "spoke of", with a second speaker after a semicolon
    text = (
        "South Korea's spy agency talked of 7,000 North Korean soldiers in training; "
        "the Pentagon said 2,000 had reached the front."
    )
    assert who(dataset, text) == [("rok-nis", None, 7000), ("us-government", None, 2000)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # invented: the agency named by its country and name
        ("The state news agency KCNA said on Monday that 40 soldiers had been killed.",
         "dprk-government"),
        # invented: a country's state media, with no agency named
        ("Russian state media said on Monday that 40 soldiers had been killed.",
         "russia-government"),
    ],
)  # fmt: skip
def test_a_state_news_agency_speaks_for_its_government(dataset, text, claimant):
    assert who(dataset, text)[0][0] == claimant


def test_our_partners_of_a_country_in_an_answer_are_its_government_relayed(dataset):
    # invented briefing answer: the spokesperson passes on what the partners told him
    text = (
        "MR. PATEL: Our South Korean partners have told us that about 800 more soldiers "
        "are being trained."
    )
    assert who(dataset, text) == [("rok-government", "vedant-patel", 800)]


def test_a_questions_figure_is_its_named_sources_and_dated_as_the_question_dates_it(dataset):
    # invented transcript: the first question names its source and day, the second
    # offers a number of its own, which is no one's claim
    text = (
        "MR. PATEL: Good afternoon.\n\n"
        "Q: South Korea's intelligence agency said yesterday that 6,000 soldiers were sent. "
        "Is that right?\n\n"
        "MR. PATEL: We would not dispute it.\n\n"
        "Q: Could it be 9,000 by spring?\n\n"
        "MR. PATEL: I won't speculate."
    )
    claims = draft(dataset, text).claims
    rows = claims[claims["best"].notna()]
    assert [(r.claimant_id, int(r.best), r.stated_day) for r in rows.itertuples()] == [
        ("rok-nis", 6000, "2024-10-22")
    ]


def test_a_quotation_signed_after_a_dash_is_the_signers(dataset):
    # invented "quote of the day": the unnamed official of the actors table
    text = (
        '"We expect another 3,000 or so before winter." - a senior US military official, '
        "speaking to reporters on Monday."
    )
    claims = draft(dataset, text).claims
    row = claims[claims["best"].notna()].iloc[0]
    assert (row["claimant_id"], int(row["best"]), row["stated_day"]) == (
        "us-senior-military-official",
        3000,
        "2024-10-21",
    )


def test_a_body_that_told_listeners_goes_on_at_the_same_occasion(dataset):
    # invented: the agency told lawmakers on a day, then "the agency also put"
    text = (
        "South Korea's spy agency told lawmakers on Monday that North Korea had sent about "
        "12,000 soldiers. The agency also put North Korean deaths at around 600."
    )
    claims = draft(dataset, text).claims
    rows = claims[claims["best"].notna()]
    assert [(r.claimant_id, r.stated_day) for r in rows.itertuples()] == [
        ("rok-nis", "2024-10-21"),
        ("rok-nis", "2024-10-21"),
    ]


# Round 9: the seventh held-out set's claimants, as general rules (invented sentences) ---


def test_what_a_body_expects_passed_on_by_a_lawmaker_is_the_bodys(dataset):
    assert who(
        dataset,
        "Headline\nThe spy agency expects another 2,500 soldiers to follow by spring, "
        "Park Sun-won said.",
    ) == [("rok-nis", "park-sun-won", 2_500)]


def test_he_after_a_person_the_table_does_not_know_in_the_same_sentence_is_that_person(
    dataset,
):
    rows = who(
        dataset,
        "Headline\nUkraine's military intelligence agency estimates that 3,000 North Koreans "
        "have been wounded. One of its analysts, Major Petro Dovhan, went further when he "
        "spoke to us: he said at least 900 replacements had reached the Kursk region.",
    )
    assert rows[0] == ("ukraine-hur", None, 3_000)
    assert {claimant for claimant, _, _ in rows[1:]} == {"petro-dovhan"}


def test_he_after_a_sentence_naming_a_new_person_is_that_person_not_an_older_speaker(dataset):
    rows = who(
        dataset,
        "Headline\nThe NIS put North Korean casualties at 3,000 last month.\n\n"
        "Mira Solvang, an analyst at a Seoul institute, thinks the agency is too low. "
        '"My own count is nearer 4,000 casualties," he said.',
    )
    assert rows == [("rok-nis", None, 3_000), ("mira-solvang", None, 4_000)]


def test_a_second_that_clause_and_a_closing_according_to_are_one_relayed_statement(dataset):
    rows = who(
        dataset,
        "Headline\nSouth Korea's spy agency told the committee that the units had been "
        "pulled back for rest, not disbanded, and that North Korea had sent about 2,000 "
        "more soldiers to fill the gaps, according to Lee Seong-kweun, who attended.",
    )
    assert rows == [("rok-nis", "lee-seong-kweun", 2_000)]


def test_a_day_opening_the_clause_is_no_part_of_its_subject(rally):
    claims = draft(
        rally,
        "Headline\nCity police said on Saturday that 5,000 people had marched.\n\n"
        "The mayor spoke on Sunday.\n\n"
        "On Tuesday afternoon the police raised their count to 6,500.",
    ).claims
    last = claims[claims["best"] == 6_500].iloc[0]
    assert (last.claimant_id, last.stated_wording) == ("city-police", "On Tuesday afternoon")
