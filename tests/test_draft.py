"""Drafting claims from an article's text: figures, measures, dates, claimants, rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from crosscheck import dates, schema
from crosscheck.drafting import REVIEW_COLUMNS, draft_article, write_draft
from crosscheck.drafting.text import split_sentences
from crosscheck.load import load_dataset

from conftest import DATA, ROOT, read_rows

# The seed article is read where the team keeps it, beside the project; it is not
# copied into the repository. Tests that need it skip without it.
SEED_PATH = ROOT.parent / "shared" / "seed" / "article.txt"
SEED = SEED_PATH.read_text(encoding="utf-8") if SEED_PATH.exists() else ""
needs_seed = pytest.mark.skipif(not SEED, reason=f"the seed article is not at {SEED_PATH}")
SEED_PUBLISHED = date(2024, 10, 23)  # a Wednesday


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def seed_draft(dataset):
    if not SEED:
        pytest.skip(f"the seed article is not at {SEED_PATH}")
    # named: claims drafted from an article already in the data continue that article
    return draft_article(SEED, SEED_PUBLISHED, dataset, "Defence Talks", None, "dt-2024-10-23")


def draft(dataset, text: str, published: date = SEED_PUBLISHED, outlet: str = "Test Wire"):
    return draft_article(text, published, dataset, outlet, None, "tw-test")


def only_claim(dataset, text: str, published: date = SEED_PUBLISHED):
    claims = draft(dataset, text, published).claims
    assert len(claims) == 1, claims[["evidence", "measure"]]
    return claims.iloc[0]


# Figures as people write them: tests/test_drafting_figures.py


# Measures from context words: tests/test_drafting_measures.py


# Dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "wording", "day"),
    [
        ("The NIS said on Wednesday that 3,000 troops were sent.", "on Wednesday", "2024-10-23"),
        ("The NIS said last Friday that 1,500 troops were sent.", "last Friday", "2024-10-18"),
        ("On Monday, the NIS said 3,000 troops were sent.", "On Monday", "2024-10-21"),
        ("The NIS said on Tuesday that 3,000 troops were sent.", "on Tuesday", "2024-10-22"),
    ],
)
def test_a_statement_date_is_kept_as_worded_and_resolves_from_the_publication_day(
    dataset, sentence, wording, day
):
    claim = only_claim(dataset, sentence)
    assert claim["stated_wording"] == wording
    assert dates.resolve(claim["stated_wording"], SEED_PUBLISHED).end.isoformat() == day


@pytest.mark.parametrize(
    ("sentence", "wording", "first", "last"),
    [
        ("The NIS said 10,000 troops are to be sent by December.", "by December",
         "2024-12-01", "2024-12-31"),
        ("The NIS said the two signed a treaty in June.", "in June", "2024-06-01", "2024-06-30"),
        ("The NIS said training was seen in September and October.", "in September and October",
         "2024-09-01", "2024-10-31"),
    ],
)  # fmt: skip
def test_a_period_is_kept_as_worded_and_resolves_from_the_publication_day(
    dataset, sentence, wording, first, last
):
    claim = only_claim(dataset, sentence)
    span = dates.resolve(claim["period_wording"], SEED_PUBLISHED)
    assert (claim["period_wording"], span.start.isoformat(), span.end.isoformat()) == (
        wording,
        first,
        last,
    )


def test_a_day_and_month_is_kept_as_written_and_resolves_to_the_year_before_publication(dataset):
    claim = only_claim(
        dataset, "The Pentagon said on Dec. 16 that 1,000 soldiers were killed.", date(2025, 1, 15)
    )
    assert claim["stated_wording"] == "on Dec. 16"
    assert claim["stated_day"] == "2024-12-16"


def test_a_date_in_a_later_clause_does_not_date_the_figure(dataset):
    claim = draft(
        dataset,
        "Zelensky accused North Korea of preparing to send 10,000 soldiers to Russia, "
        "urging allies on Tuesday to take action.",
    ).claims.iloc[0]
    assert pd.isna(claim["stated_wording"])


def test_a_later_clause_naming_the_occasion_of_the_statement_dates_it(dataset):
    claim = only_claim(
        dataset, "The NIS put the number of troops at 7,000, in a statement on Monday evening."
    )
    assert (claim["stated_wording"], claim["stated_day"]) == ("on Monday evening", "2024-10-21")


def test_every_answer_of_a_transcript_is_dated_to_the_day_in_its_header(dataset):
    text = (
        "Pentagon briefing\n\n"
        "Transcript, Monday, Nov. 18, 2024\n\n"
        "MS. SINGH: Thank you. We see about 9,000 soldiers in Russia.\n\n"
        "Q: And in Kursk?\n\n"
        "MS. SINGH: Most of them, roughly 7,000 soldiers, are in Kursk."
    )
    claims = draft_article(text, date(2024, 11, 20), dataset, "Test Wire").claims
    figures = claims.dropna(subset=["best"])
    assert list(zip(figures["best"], figures["stated_day"], strict=True)) == [
        (9000, "2024-11-18"),
        (7000, "2024-11-18"),
    ]


def test_a_day_of_its_own_that_cannot_be_read_stops_an_earlier_day_carrying_over(dataset):
    claims = draft(
        dataset,
        "The NIS said on Monday that 9,000 were sent. The agency said in the lean season "
        "of last spring that 4,000 soldiers had been sent.",
    ).claims
    second = claims.iloc[-1]
    assert second["stated_day"].startswith("not stated")
    assert "last spring" in second["review"]


# Claimants: tests/test_drafting_attribution.py


# Statements, stance, evidence ----------------------------------------------------


def test_an_attributed_statement_without_a_figure_is_one_claim(dataset):
    claim = only_claim(dataset, "Austin said there is evidence of troops in Russia.")
    assert pd.isna(claim["measure"])
    assert claim["evidence"] == "there is evidence of troops in Russia"


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The Kremlin denied that troops were sent.", "denies"),
        ("Moscow has refuted allegations of arms transfers.", "denies"),
        ("The Kremlin called the reports “fake news.”", "denies"),
        ("The diplomat said it would be dangerous if verified.", "conditional"),
        ("Austin said there is evidence of troops in Russia.", "asserts"),
    ],
)
def test_the_stance_follows_denial_and_condition_words(dataset, sentence, stance):
    assert only_claim(dataset, sentence)["stance"] == stance


def test_evidence_in_quotation_marks_is_a_direct_quote(dataset):
    claim = only_claim(dataset, "“There is evidence of DPRK troops in Russia,” Austin said.")
    assert (claim["evidence"], claim["direct_quote"]) == (
        "There is evidence of DPRK troops in Russia",
        "yes",
    )


def test_evidence_is_the_shortest_passage_that_carries_the_figure(dataset):
    sentence = "The NIS said North Korea has dispatched 3,000 troops to Russia" + ", and more" * 40
    claim = only_claim(dataset, sentence)
    assert claim["evidence"] == "dispatched 3,000 troops"


def test_evidence_of_a_long_statement_is_cut_to_300_characters_of_the_sentence(dataset):
    sentence = "Austin said that " + "troops are in Russia and " * 30 + "more."
    claim = only_claim(dataset, sentence)
    assert len(claim["evidence"]) <= 300 and claim["evidence"] in sentence


def test_markup_is_removed_from_the_evidence_and_noted(dataset):
    claim = only_claim(dataset, "The NIS said North Korea has dispatched 3,000 <b>troops</b>.")
    assert claim["evidence"] == "dispatched 3,000 troops"
    assert "removed" in claim["note"]


# The seed article ------------------------------------------------------------------


def test_sentences_split_at_full_stops_but_not_after_abbreviations_or_inside_quotes():
    text = "U.S. Defense Secretary Lloyd Austin spoke. “It is unclear. We will see,” he added."
    assert [s.text for s in split_sentences(text)] == [
        "U.S. Defense Secretary Lloyd Austin spoke.",
        "“It is unclear. We will see,” he added.",
    ]


@pytest.mark.parametrize(
    ("measure", "low", "best", "high", "qualifier"),
    [
        ("troops_dispatched", 3000, 3000, 3000, None),
        ("troops_dispatched", None, 1500, None, "around"),
        ("troops_committed", None, 10000, None, "approximately"),
        ("troops_prepared", 10000, 10000, 10000, None),
        ("troops_prepared", None, None, 12000, "up to"),
    ],
)
def test_the_seed_draft_has_the_articles_figures_with_their_qualifiers(
    seed_draft, measure, low, best, high, qualifier
):
    claims = seed_draft.claims
    rows = claims[claims["measure"] == measure]
    found = {
        tuple(None if pd.isna(value) else value for value in row)
        for row in rows[["low", "best", "high", "qualifier"]].itertuples(index=False)
    }
    assert (low, best, high, qualifier) in found


def test_claim_ids_continue_after_the_highest_number_of_the_article(seed_draft):
    assert seed_draft.claims["claim_id"].iloc[0] == "dt-2024-10-23-35"


def test_an_article_already_in_the_data_is_reused_as_it_is(seed_draft, dataset):
    assert seed_draft.articles.iloc[0]["date_note"] == dataset.articles.iloc[0]["date_note"]


def test_a_new_article_gets_the_outlet_initials_and_the_publication_day(dataset):
    result = draft_article(
        "Austin said so.", date(2024, 11, 14), dataset, "Harbour Line News", None, None
    )
    assert result.articles.iloc[0]["article_id"] == "hln-2024-11-14"
    assert result.claims.iloc[0]["claim_id"] == "hln-2024-11-14-01"


def test_confidence_counts_the_checks_that_held(seed_draft):
    claims = seed_draft.claims.set_index("evidence")
    # claimant, measure cue, date and qualifier all found
    assert claims.loc["sent around 1,500 special forces", "confidence"] == 1.0
    # the outlet's own voice, no date: measure and qualifier only
    assert claims.loc["double the previously reported estimate", "confidence"] == 0.5


def test_write_draft_writes_the_data_tables_with_review_columns_on_claims(dataset, tmp_path):
    result = draft(dataset, "Ukraine's Security Service said 2 soldiers were captured.")
    write_draft(result, tmp_path)
    claims = read_rows(tmp_path / "claims.csv")
    assert list(claims[0]) == [*schema.CLAIMS.columns, *REVIEW_COLUMNS]
    assert list(read_rows(tmp_path / "articles.csv")[0]) == list(schema.ARTICLES.columns)
    assert [row["actor_id"] for row in read_rows(tmp_path / "actors.csv")] == [
        claims[0]["claimant_id"]
    ]
    # a proposed claimant and no date: only the measure cue and the qualifier held
    assert (claims[0]["low"], claims[0]["confidence"]) == ("2", "0.50")


def test_a_reporters_question_in_a_transcript_is_not_a_claim(dataset):
    text = (
        "Briefing transcript\n"
        "Q: Is it true that 40% of the 11,000 troops are in Kursk?\n"
        "MS. SINGH: We assess that about 11,000 troops are in Russia."
    )
    claims = draft_article(text, date(2024, 11, 21), dataset, "Test Wire").claims
    assert list(claims["best"].dropna()) == [11000]
    assert "Q:" not in " ".join(claims["sentence"])


def test_a_statement_whose_verb_ends_the_sentence_takes_what_comes_before_as_evidence():
    from crosscheck.drafting.evidence import statement_evidence

    text = "The soldiers will be rotated out by spring, Kim said."
    verb = (text.index("said"), text.index("said") + 4)
    assert statement_evidence(text, verb) == ("The soldiers will be rotated out by spring", False)


def test_two_statements_of_one_sentence_take_their_own_evidence():
    from crosscheck.drafting.evidence import statement_evidence

    text = 'Lee said the numbers were rising, while Park called the reports "fantasies".'
    lee, park = (4, 8), (text.index("called"), text.index("called") + 6)
    assert statement_evidence(text, lee, (0, 33)) == ("the numbers were rising", False)
    assert statement_evidence(text, park, (35, len(text))) == ("fantasies", True)


def test_a_day_given_for_an_occasion_dates_what_each_actor_there_says_next(dataset):
    claims = draft(
        dataset,
        "Lawmakers sat through a closed briefing by the NIS on Monday. The agency told them "
        "that 8,000 soldiers were in Russia.",
    ).claims
    assert list(zip(claims["claimant_id"], claims["stated_day"], strict=True)) == [
        ("rok-nis", "2024-10-21")
    ]


def test_a_relay_citing_the_agency_after_its_briefing_takes_the_briefings_day(dataset):
    claims = draft(
        dataset,
        "The NIS, briefing lawmakers this morning, estimates 2,000 casualties. About 200 of them "
        "were killed, lawmaker Park Sun-won told reporters after the briefing, citing the agency.",
    ).claims
    assert list(zip(claims["best"], claims["stated_day"], strict=True)) == [
        (2000, "2024-10-23"),
        (200, "2024-10-23"),
    ]


def test_a_spokesperson_speaks_on_the_day_the_body_was_said_to_speak(dataset):
    claims = draft(
        dataset,
        "North Korean troops are fighting in Kursk, the Pentagon said on Monday. Pentagon press "
        "secretary Pat Ryder told reporters that 8,000 soldiers were in the region. About 5,000 "
        "soldiers had reached the front by the start of the month, he said.",
    ).claims.dropna(subset=["best"])
    assert list(zip(claims["claimant_id"], claims["best"], claims["stated_day"], strict=True)) == [
        ("pat-ryder", 8000, "2024-10-21"),
        ("pat-ryder", 5000, "2024-10-21"),
    ]


def test_today_inside_a_quote_gives_way_to_the_day_the_outlet_gives(dataset):
    claim = only_claim(
        dataset,
        '"We counted 700 wounded today," said Pat Ryder, speaking to reporters on Monday '
        "afternoon.",
    )
    assert (claim["best"], claim["stated_day"]) == (700, "2024-10-21")


def test_another_article_of_the_same_outlet_and_day_gets_an_id_of_its_own(dataset):
    # Defence Talks published the seed on 23 Oct 2024; a different page that day is a
    # different article, and its claims must never be merged into the seed's
    text = "Headline\nThe NIS said on Wednesday that 3,000 troops had been sent."
    result = draft_article(
        text, date(2024, 10, 23), dataset, "Defence Talks", "https://example.org/other", None
    )
    assert result.articles.iloc[0]["article_id"] == "dt-2024-10-23-2"
    assert result.articles.iloc[0]["title"] == "Headline"
    assert result.claims["claim_id"].iloc[0] == "dt-2024-10-23-2-01"
