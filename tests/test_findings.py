"""The key findings on the first screen: reader truths about what the key article said and
what became of it, checked against the sources' figures and dates, and the block's
response to a cut-off day, a selection of articles and another topic's data."""

import re

import pandas as pd
import pytest

from crosscheck import analysis, findings
from crosscheck.load import load_dataset
from crosscheck.settings import read_settings, with_period

from conftest import DATA, RALLY

SEED = "dt-2024-10-23"


def _view(data_dir=DATA, as_of=None):
    parameters = analysis.Parameters.parse(as_of, key_articles=read_settings(data_dir).key_articles)
    return analysis.analyse(load_dataset(data_dir), parameters)


@pytest.fixture(scope="module")
def shipped():
    return findings.key_findings(_view()).set_index("measure_id")["finding"]


def test_the_shipped_data_names_the_seed_article_as_its_key_article():
    assert read_settings(DATA).key_articles == (SEED,)


def test_the_nis_count_of_troops_sent_rose_from_1500_to_3000_and_stood_at_15000_later(shipped):
    sentence = shipped["troops_dispatched"]
    assert (
        "National Intelligence Service gave 1,500 soldiers (18 Oct 2024, intelligence assessment, "
        "relayed), then 3,000 soldiers (23 Oct 2024, independently verified)"
    ) in sentence
    assert "the latest, 15,000 soldiers by National Intelligence Service (30 Apr 2025)" in sentence
    # The ICD 203 wording of the judgement the analysis made for the latest window.
    assert "roughly even chance (45%–55%)" in sentence and "(moderate confidence)" in sentence


def test_about_10000_committed_and_up_to_12000_prepared_come_from_the_seed_article(shipped):
    assert (
        "National Intelligence Service gave about 10,000 soldiers (23 Oct 2024,"
        in shipped["troops_committed"]
    )
    assert (
        "the latest, up to 15,000 soldiers by Rustem Umerov (4 Nov 2024)"
        in shipped["troops_committed"]
    )
    prepared = shipped["troops_prepared"]
    assert "Volodymyr Zelenskyy gave about 10,000 soldiers (17 Oct 2024," in prepared
    assert (
        "up to 12,000 soldiers (23 Oct 2024, claimed by a party to the conflict, "
        "hedged “potentially”)"
    ) in prepared
    assert "no later figure in the data" in prepared


def test_the_key_articles_measures_come_first_then_the_most_stated_measures_of_people():
    view = _view()
    table = findings.key_findings(view)
    key = view.statements[view.statements["article_id"] == SEED]
    first = table[table["starts_from"] == "key article"]
    assert set(first["measure_id"]) == set(key["measure"])
    later = table[table["starts_from"] == "first figure"]
    assert 1 <= len(later) <= findings.MAX_LATER and len(table) <= findings.MAX_FINDINGS
    people = set(view.data.measures.loc[view.data.measures["counts_people"], "measure"])
    assert set(later["measure_id"]) <= people - set(key["measure"])
    # The casualty count, the most stated measure the seed article does not report.
    casualties = later.set_index("measure_id").loc["casualties", "finding"]
    assert "Andriy Kovalenko gave at least 200 soldiers (18 Dec 2024," in casualties
    assert "the latest, about 4,700 soldiers by National Intelligence Service (30 Apr 2025)" in (
        casualties
    )


def test_a_cut_off_before_the_key_article_starts_from_what_was_known_then():
    view = _view(as_of="2024-10-20")
    table = findings.key_findings(view).set_index("measure_id")["finding"]
    assert "3,000" not in " ".join(table)  # stated on 23 Oct, after the cut-off
    assert table["troops_dispatched"].startswith(
        "Troops sent to Russia so far: National Intelligence Service gave 1,500 soldiers "
        "(18 Oct 2024, intelligence assessment, relayed); no later figure by 20 Oct 2024."
    )
    assert "is not in this selection" in findings.key_articles_sentence(view, found=False)
    assert findings.period(view) == "October 2024"


def test_a_cut_off_before_any_figure_gives_no_finding_and_says_what_there_is():
    view = _view(as_of="2024-10-16")
    assert findings.key_findings(view).empty
    assert findings.scope_sentence(view) == (
        "From 2 claims by 2 sources in 2 articles, stated 10 Oct 2024 to 16 Oct 2024."
    )


def test_another_topic_gets_findings_from_its_own_key_article():
    table = findings.key_findings(_view(RALLY)).set_index("measure_id")["finding"]
    assert "City police gave about 8,000 people (1 Mar 2025," in table["crowd_size"]
    assert "Rally organisers gave at least 40,000 people (1 Mar 2025," in table["crowd_size"]


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        ("2024-10-10", "2024-10-23", "October 2024"),
        ("2024-10-10", "2024-12-02", "October–December 2024"),
        ("2024-10-10", "2025-12-12", "October 2024 – December 2025"),
    ],
)
def test_the_period_is_the_span_of_the_claims(first, last, said):
    view = _view()
    days = pd.Series(pd.to_datetime([first, last]))
    fake = type("View", (), {"claims": pd.DataFrame({"stated_on": days})})()
    assert findings.period(fake) == said
    assert findings.period(view) == "October 2024 – December 2025"


def test_a_title_without_a_period_loses_the_field_and_its_comma():
    assert with_period("Claims, {period}: who", "") == "Claims: who"
    assert with_period("Claims, {period}: who", "March 2025") == "Claims, March 2025: who"


def _block(page: str) -> str:
    found = re.search(r'<section [^>]*class="crosscheck-findings".*?</section>', page, re.S)
    assert found, "the page has no key findings block"
    return found.group(0)


def test_the_page_opens_with_the_findings_before_the_lede(built_report):
    page = (built_report / "index.html").read_text()
    block = _block(page)
    for figure in ("1,500", "3,000", "10,000", "12,000"):
        assert figure in block
    assert page.index(block) < page.index('<p class="lede">')
    title = re.search(r'<h1 id="report-title">(.*?)</h1>', page).group(1)
    assert title.startswith("North Korean troops in Russia, October 2024 – December 2025:")
    exported = pd.read_csv(built_report / "data" / "key_findings.csv")
    assert list(exported.columns) == findings.FINDINGS_COLUMNS


def test_the_findings_change_with_the_cut_off(built_report, early_report):
    early = _block((early_report / "index.html").read_text())
    assert "no later figure by 20 Oct 2024" in early
    assert early != _block((built_report / "index.html").read_text())


def test_the_findings_change_with_the_topic(rally_report):
    block = _block((rally_report / "index.html").read_text())
    assert "at least 40,000" in block and "1,500" not in block


def test_the_findings_change_with_the_articles_selected(report_of_one_source):
    # report_of_one_source: the article kyivindependent-2024-10-17 alone (conftest.py).
    block = _block((report_of_one_source / "index.html").read_text())
    assert "Volodymyr Zelenskyy gave about 10,000 soldiers (17 Oct 2024," in block
    assert "3,000" not in block and "is not in this selection" in block
