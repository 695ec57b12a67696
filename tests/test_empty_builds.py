"""The five selections that leave the report little or nothing to show, built as a user
builds them (issue 14, "empty is a state, not a crash"): a cut-off before any claim, a
cut-off with claims but no figure, an article without figures, measures of one figure
each, one source only. Each build succeeds; a chapter with nothing to show says what
there is nothing of, with the day and the articles in words; every table is exported
with its header; no chart is drawn from zero rows; no traceback or warning is left in
the page or in the executed notebooks.

The builds are session fixtures (conftest.py); a measure with one figure is the report of
20 October 2024 (`early_report`), when each of the five measures stated had one figure.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

CASES = {
    "before any claim": "report_before_any_claim",
    "claims without figures": "report_without_figures",
    "an article without figures": "report_of_an_article_without_figures",
    "measures of one figure": "early_report",
    "one source": "report_of_one_source",
}
CHAPTERS = ["claims", "estimates", "timeline", "sources", "checks", "outlets", "classroom",
            "changes"]  # fmt: skip
# The chapters whose tables and charts are made of figures.
OF_FIGURES = ["estimates", "timeline", "sources", "checks"]
# Tables that hold rules or every actor's grade, whatever the selection.
WHATEVER_THE_SELECTION = {"interval_rules", "qualifier_rules", "likelihood_rules",
                          "source_grades"}  # fmt: skip

BEFORE_ANY_CLAIM = (
    "On 1 Oct 2024 no claim about North Korea's troop deployment to Russia had been "
    "published; the data's first claim was published later, on 10 Oct 2024."
)
WITHOUT_FIGURES = (
    "By 16 Oct 2024, 2 claims about North Korea's troop deployment to Russia had been "
    "published, by 2 sources, none with a figure; the data's first figure was published "
    "later, on 17 Oct 2024."
)
ARTICLE_WITHOUT_FIGURES = (
    "The article by TASS (10 Oct 2024) holds 1 claim about North Korea's troop deployment "
    "to Russia, by 1 source, none with a figure."
)


@pytest.fixture(params=list(CASES))
def built(request) -> Path:
    return request.getfixturevalue(CASES[request.param])


def page(report: Path) -> str:
    return (report / "index.html").read_text(encoding="utf-8")


def chapters(report: Path) -> dict[str, str]:
    """Each chapter's part of the page, by its short name."""
    body = page(report).split("<main>", 1)[1]
    parts = re.split(r'(?=<h1 id="\d)', body)[1:]
    assert len(parts) == len(CHAPTERS)
    return dict(zip(CHAPTERS, parts, strict=True))


def findings_block(report: Path) -> str:
    return re.search(r'<section [^>]*class="crosscheck-findings".*?</section>', page(report),
                     re.S).group(0)  # fmt: skip


def said(sentence: str) -> str:
    """The sentence as the page carries it: escaped, in its own paragraph (the page is
    written with quotes as characters, not entities)."""
    return f'<p class="crosscheck-nothing">{html.escape(sentence, quote=False)}</p>'


def table(report: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(report / "data" / f"{name}.csv")


def exported(report: Path) -> set[str]:
    return {path.stem for path in (report / "data").glob("*.csv")}


# --- every case -----------------------------------------------------------------------------


def test_the_build_succeeds_with_every_chapter(built):
    assert len(chapters(built)) == len(CHAPTERS)
    assert len(list((built / "notebooks").glob("*.ipynb"))) == len(CHAPTERS)


def test_every_table_is_exported_with_its_header(built, early_report):
    assert exported(built) == exported(early_report)
    for name in exported(built):
        assert len(table(built, name).columns) > 0, name


def test_no_chart_is_drawn_from_zero_rows(built):
    for figure in re.findall(r'<figure class="crosscheck-figure".*?</figure>', page(built), re.S):
        assert "<svg " in figure and "<text" in figure
    for name in ("estimate_ranges", "timeline", "figure_over_time", "known_on", "relay_chains"):
        drawn = f'id="figure-{name}"' in page(built)
        assert drawn == (not table(built, name).empty), name


def test_no_traceback_or_warning_is_left_in_the_page_or_the_notebooks(built):
    assert "Traceback" not in page(built) and "Warning" not in page(built)
    for path in (built / "notebooks").glob("*.ipynb"):
        outputs = [o for c in nbformat.read(path, as_version=4).cells for o in c.get("outputs", [])]
        assert [o for o in outputs if o.get("name") == "stderr"] == [], path.name
        assert [o for o in outputs if o.get("output_type") == "error"] == [], path.name


# --- a cut-off before any claim -----------------------------------------------------------


def test_before_any_claim_every_chapter_and_the_findings_say_so_with_the_day(
    report_before_any_claim,
):
    for name, part in chapters(report_before_any_claim).items():
        assert said(BEFORE_ANY_CLAIM) in part, name
    assert said(BEFORE_ANY_CLAIM) in findings_block(report_before_any_claim)


def test_before_any_claim_only_the_rules_and_the_grades_have_rows(report_before_any_claim):
    filled = {n for n in exported(report_before_any_claim)
              if not table(report_before_any_claim, n).empty}  # fmt: skip
    assert filled == WHATEVER_THE_SELECTION
    assert 'class="crosscheck-figure"' not in page(report_before_any_claim)


# --- claims without figures: a cut-off, an article ------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "sentence", "claims"),
    [("report_without_figures", WITHOUT_FIGURES, 2),
     ("report_of_an_article_without_figures", ARTICLE_WITHOUT_FIGURES, 1)],
    ids=["cut-off", "article"],
)  # fmt: skip
def test_the_chapters_of_figures_say_there_is_none_and_the_others_show_the_claims(
    request, fixture, sentence, claims
):
    report = request.getfixturevalue(fixture)
    parts = chapters(report)
    for name in OF_FIGURES:
        assert said(sentence) in parts[name], name
    for name in set(CHAPTERS) - set(OF_FIGURES):
        assert said("")[:-4] not in parts[name], name
    assert said(sentence) in findings_block(report)
    assert len(table(report, "claims")) == claims
    assert table(report, "estimates").empty and table(report, "estimate_headlines").empty
    # The calendar draws the claims; no chart of figures is drawn.
    assert 'id="figure-timeline"' in parts["timeline"]
    assert 'id="figure-estimate_ranges"' not in parts["estimates"]


def test_an_empty_table_of_an_article_names_the_article(report_of_an_article_without_figures):
    estimates = chapters(report_of_an_article_without_figures)["estimates"]
    assert (
        "Nothing to show for “Numeric claims by measure”: the data holds no such rows among "
        "the claims in the article by TASS (10 Oct 2024)."
    ) in estimates


# --- measures of one figure, one source ------------------------------------------------------


def test_measures_of_one_figure_are_drawn_and_have_no_pair_to_compare(early_report):
    comparison = table(early_report, "estimate_comparison")
    assert len(comparison) == 5 and (comparison["figures"] == 1).all()
    assert (comparison["verdict"] == "single source").all()
    assert table(early_report, "estimate_pairs").empty
    parts = chapters(early_report)
    assert (
        "No measure has two independent sources in one window: there is no pair to compare."
    ) in parts["estimates"]
    assert 'id="figure-estimate_ranges"' in parts["estimates"]
    assert said("")[:-4] not in page(early_report)


def test_one_source_is_its_own_weighted_estimate_and_nothing_is_left_out(report_of_one_source):
    assert table(report_of_one_source, "claims")["claimant"].tolist() == ["Volodymyr Zelenskyy"]
    weighted = table(report_of_one_source, "weighted_estimates")
    assert weighted[["measure", "sources", "weighted estimate"]].values.tolist() == [
        ["Troops being prepared", 1, 10000]
    ]
    assert table(report_of_one_source, "leave_one_out").empty
    assert (
        "No measure has two sources with a point figure in one window."
        in (chapters(report_of_one_source)["sources"])
    )
    assert "Volodymyr Zelenskyy gave about 10,000 soldiers (17 Oct 2024," in (
        findings_block(report_of_one_source)
    )
