"""Empty is a state, not a crash (issue 14): every table and chart function of the report,
given a selection that holds nothing and one that holds a single figure, says in a
sentence what is missing or gives the one row right. The sentences name the day, the
articles and the topic, whose words come from the data folder (report.yml `subject`).

Selections of the shipped data, analysed as a build analyses them:
- no claim: published by 1 Oct 2024 (the first article is TASS's of 10 Oct 2024);
- no figure: by 16 Oct 2024, two claims (TASS, Ukrainska Pravda) without a figure;
- one figure: Kyiv Independent's article of 17 Oct 2024, one claim by Zelenskyy, "about
  10,000" troops being prepared.
"""

from __future__ import annotations

import html
import inspect
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from crosscheck import (
    analysis,
    changes,
    chartcheck,
    checks,
    claims,
    classroom,
    estimates,
    findings,
    judgements,
    ladder,
    notebook,
    outlets,
    plots,
    present,
    provenance,
    reliability,
    report,
    timeline,
)
from crosscheck.load import load_dataset
from crosscheck.problems import DataError
from crosscheck.settings import read_settings
from crosscheck.subset import write_subset

from conftest import DATA, RALLY, ROOT

SUBJECT = read_settings(DATA).subject
ONE_ARTICLE = "kyivindependent-2024-10-17"
NO_FIGURE_ARTICLE = "tass-2024-10-10"


def view_of(folder: Path = DATA, as_of: str | None = None) -> analysis.Analysis:
    parameters = analysis.Parameters.parse(as_of, key_articles=read_settings(folder).key_articles)
    return analysis.analyse(load_dataset(folder), parameters)


@pytest.fixture(scope="module")
def views(tmp_path_factory) -> dict[str, analysis.Analysis]:
    folder = tmp_path_factory.mktemp("selections")
    return {
        "no claim": view_of(as_of="2024-10-01"),
        "no figure": view_of(as_of="2024-10-16"),
        "one figure": view_of(write_subset(DATA, [ONE_ARTICLE], folder / "one")),
    }


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory) -> Path:
    """A previous build's folder whose estimates table has its header only."""
    folder = tmp_path_factory.mktemp("previous")
    (folder / changes.COMPARISON).write_text("measure,latest comparison,trend\n")
    return folder


# --- every table and chart function, with the input a chapter gives it -------------------


def _measure(view) -> str:
    """The measure of the view's first figure (the chapters' default when there is none)."""
    measures = view.statements["measure"]
    return measures.iloc[0] if len(measures) else "troops_dispatched"


def _claim_types(view) -> tuple[str, ...]:
    return tuple(view.data.claim_types["claim_type"])


def _with_figure(view) -> pd.DataFrame:
    return view.claims[view.claims["measure"].notna()]


def _merged(table: pd.DataFrame) -> pd.DataFrame:
    shown, _ = present.page_view(table)
    merged, _ = present.merge_under(shown, shown.astype(str), {"claimant": ["stance"]})
    assert "claimant / stance" in merged.columns
    return merged


DAY = pd.Timestamp("2024-10-17")

# qualified name → (the call, as a chapter makes it, on a view; rows for the one figure).
TABLES = {
    "estimates.intervals": (lambda v, p: estimates.intervals(_with_figure(v)), 1),
    "estimates.figures": (lambda v, p: estimates.figures(v.claims, v.data.actors), 1),
    "estimates.figures_table": (lambda v, p: estimates.figures_table(v.statements), 1),
    "estimates.in_windows": (lambda v, p: estimates.in_windows(v.statements), 1),
    "estimates.latest_by_source": (lambda v, p: estimates.latest_by_source(v.windowed), 1),
    "estimates.compare": (lambda v, p: estimates.compare(v.windowed), 1),
    "estimates.headlines": (lambda v, p: estimates.headlines(v.comparison, v.statements), 1),
    "estimates.headline_table": (lambda v, p: estimates.headline_table(v.headlines), 1),
    # A pair needs two independent sources.
    "estimates.overlap_pairs": (lambda v, p: estimates.overlap_pairs(v.windowed), 0),
    "timeline.calendar": (lambda v, p: timeline.calendar(v.claims), 1),
    "timeline.figure_over_time": (
        lambda v, p: timeline.figure_over_time(v.statements, _measure(v), None), 1),
    # A pace needs a target with a deadline.
    "timeline.required_pace": (
        lambda v, p: timeline.required_pace(v.statements, _measure(v), "troops_committed"), 0),
    "timeline.known_by": (lambda v, p: timeline.known_by(v.figures, DAY, v.claims), 1),
    "timeline.known_on": (lambda v, p: timeline.known_on(v.figures, [DAY], copies=v.claims), 1),
    "reliability.with_weights": (
        lambda v, p: reliability.with_weights(estimates.latest_by_source(v.windowed), v.grades),
        1),
    "reliability.weighted_estimates": (lambda v, p: reliability.weighted_estimates(v.latest), 1),
    # Leaving one source out needs two.
    "reliability.leave_one_out": (lambda v, p: reliability.leave_one_out(v.latest), 0),
    # Versions and discrepancies need a statement carried by two outlets.
    "outlets.comparable": (lambda v, p: outlets.comparable(v.claims), 0),
    "outlets.discrepancies": (lambda v, p: outlets.discrepancies(v.claims), 0),
    "outlets.statement_overview": (lambda v, p: outlets.statement_overview(v.claims), 0),
    "changes.snapshot": (lambda v, p: changes.snapshot(v.data), 1),
    # Against a previous build that held no claim: the one claim is added.
    "changes.claim_changes": (
        lambda v, p: changes.claim_changes(
            changes.snapshot(v.data).iloc[0:0].astype(str), changes.snapshot(v.data)), 1),
    "changes.estimate_moves": (
        lambda v, p: changes.estimate_moves(p, estimates.headline_table(v.headlines)), 1),
    # One well-coded figure states no relation to check.
    "checks.all_checks": (
        lambda v, p: checks.all_checks(v.statements, v.figures, "troops_dispatched",
                                       "troops_committed"), 0),
    "checks.never_falls": (lambda v, p: checks.never_falls(v.statements), 0),
    "judgements.judgements": (lambda v, p: judgements.judgements(v.latest), 1),
    "judgements.latest_judgements": (
        lambda v, p: judgements.latest_judgements(v.judgements), 1),
    "ladder.with_rungs": (
        lambda v, p: ladder.with_rungs(estimates.intervals(_with_figure(v)), v.data.actors), 1),
    "findings.key_findings": (lambda v, p: findings.key_findings(v), 1),
    "claims.labelled": (lambda v, p: claims.labelled(v.data), 1),
    "claims.claims_table": (lambda v, p: claims.claims_table(v.claims), 1),
    "claims.stances_by_claimant": (lambda v, p: claims.stances_by_claimant(v.standing), 1),
    "claims.positions_on_deployment": (
        lambda v, p: claims.positions_on_deployment(v.standing, _claim_types(v)), 1),
    "claims.positions_by_side": (
        lambda v, p: claims.positions_by_side(v.standing, _claim_types(v)), 1),
    "claims.claims_by_type": (lambda v, p: claims.claims_by_type(v.standing), 1),
    "claims.articles_table": (lambda v, p: claims.articles_table(v.data), 1),
    # The single-source prompt and what was known on the day.
    "classroom.discussion_prompts": (lambda v, p: classroom.discussion_prompts(v, DAY), 2),
    # The article's claim has no ACH rating.
    "classroom.ach_matrix": (lambda v, p: classroom.ach_matrix(v), 0),
    "classroom.ach_reasoning": (lambda v, p: classroom.ach_reasoning(v), 0),
    "provenance.relay_chains": (lambda v, p: provenance.relay_chains(v.claims), 1),
    "provenance.independent_sources": (
        lambda v, p: provenance.independent_sources(v.statements, v.figures), 1),
    "present.for_reading": (lambda v, p: present.for_reading(claims.claims_table(v.claims)), 1),
    "present.hide_empty_columns": (
        lambda v, p: present.hide_empty_columns(claims.claims_table(v.claims)), 1),
    "present.collapse_identical": (
        lambda v, p: present.collapse_identical(claims.stances_by_claimant(v.standing)), 1),
    "present.page_view": (lambda v, p: present.page_view(claims.claims_table(v.claims))[0], 1),
    "present.merge_under": (lambda v, p: _merged(claims.claims_table(v.claims)), 1),
    "present.readable_numbers": (
        lambda v, p: present.readable_numbers(estimates.figures_table(v.statements)), 1),
    "present.spreadsheet_safe": (
        lambda v, p: present.spreadsheet_safe(claims.claims_table(v.claims)), 1),
}  # fmt: skip

# Tables that do not depend on the selection: every actor, graded, whatever was said.
SELECTION_FREE = {
    "reliability.source_grades": lambda v, p: reliability.source_grades(
        v.data.grades, v.data.actors, {}
    ),
    "reliability.grades_for_reading": lambda v, p: reliability.grades_for_reading(v.grades),
}

# Functions that return a table but build none from a selection, and why.
NOT_SELECTION_TABLES = {
    "changes.previous_snapshot": "reads the previous build's file (None when there is none)",
    "estimates.qualifier_rules_by_bound": "the coding rules themselves, the same for any data",
}

CHARTS = {
    "plots.estimate_ranges": lambda v: plots.estimate_ranges(
        v.statements, estimates.ranges_title(v.headlines), "src", v.key_statements
    ),
    "plots.statement_timeline": lambda v: plots.statement_timeline(
        v.claims, timeline.calendar_title(v.claims), "src"
    ),
    "plots.figure_over_time": lambda v: plots.figure_over_time(
        v.statements,
        _measure(v),
        None,
        timeline.over_time_title(v.statements, _measure(v), None, v.data.measures),
        "src",
    ),  # fmt: skip
    "plots.known_on_chart": lambda v: plots.known_on_chart(
        timeline.known_on(v.figures, [DAY], copies=v.claims),
        timeline.known_on_title(timeline.known_on(v.figures, [DAY], copies=v.claims)),
        "src",
    ),
    "plots.relay_chart": lambda v: plots.relay_chart(
        provenance.relay_chains(v.claims),
        provenance.relay_title(provenance.relay_chains(v.claims)),
        "src",
    ),
    # One student whose card holds the view's weighted estimates, its default too.
    "plots.class_estimates_chart": lambda v: plots.class_estimates_chart(
        pd.DataFrame(
            {
                "student": "a student",
                "my estimate": v.weighted["weighted estimate"],
                "my low": v.weighted["lowest latest"],
                "my high": v.weighted["highest latest"],
                "default estimate": v.weighted["weighted estimate"],
            }
        ),
        pd.DataFrame(
            {
                "source": v.latest["origin"],
                "figure": v.latest["point"],
                "figure kind": v.latest["bound"],
            }
        ),
        "title",
        "src",
    ),  # fmt: skip
}
# What each chart says when its selection holds no claim.
NOTHING_DRAWN = {
    "plots.estimate_ranges": "No figure had been stated: there is no range to draw.",
    "plots.statement_timeline": (
        "No statement had been made: there is nothing to place on the calendar."
    ),
    "plots.figure_over_time": "No figure of “Troops sent to Russia so far” had been stated.",
    "plots.known_on_chart": (
        "No figure of these measures had been published by any snapshot day within the "
        "report's cut-off: there is nothing to set side by side."
    ),
    "plots.relay_chart": (
        "No claim had been recorded: there is no path from a source to an outlet to draw."
    ),
    "plots.class_estimates_chart": (
        "No answer card holds this window: there is no estimate to draw."
    ),
}

MODULES = [estimates, timeline, reliability, outlets, changes, checks, judgements, ladder,
           findings, claims, classroom, provenance, present, plots]  # fmt: skip


def _returns_a_table_or_chart(function) -> bool:
    annotation = str(inspect.signature(function).return_annotation)
    return "DataFrame" in annotation or "Figure" in annotation


def public_table_and_chart_functions() -> set[str]:
    """Every public function of the modules above that returns a table or a chart."""
    return {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
        for module in MODULES
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if not name.startswith("_")
        and function.__module__ == module.__name__
        and _returns_a_table_or_chart(function)
    }


def test_every_table_and_chart_function_is_given_an_empty_and_a_one_row_input():
    # A function added later without an empty and a one-row case fails here.
    covered = set(TABLES) | set(SELECTION_FREE) | set(NOT_SELECTION_TABLES) | set(CHARTS)
    assert public_table_and_chart_functions() - covered == set()
    assert covered - public_table_and_chart_functions() == set()  # no stale entry


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_table_of_no_claim_has_its_columns_and_no_row(views, previous_build, name):
    call, _ = TABLES[name]
    table = call(views["no claim"], previous_build)
    assert isinstance(table, pd.DataFrame)
    assert table.empty and len(table.columns) > 0  # the CSV keeps its header


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_table_of_one_figure_has_the_rows_one_figure_gives(views, previous_build, name):
    call, rows = TABLES[name]
    assert len(call(views["one figure"], previous_build)) == rows


@pytest.mark.parametrize("name", sorted(SELECTION_FREE))
def test_a_table_of_every_actor_is_the_same_whatever_the_selection(views, previous_build, name):
    call = SELECTION_FREE[name]
    tables = [call(views[selection], previous_build) for selection in views]
    assert len(tables[0]) > 0
    assert all(table.equals(tables[0]) for table in tables)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_a_chart_of_no_claim_is_a_sentence_and_no_figure(views, name):
    open_before = plt.get_fignums()
    nothing = CHARTS[name](views["no claim"])
    assert nothing == plots.NothingToDraw(NOTHING_DRAWN[name])
    assert plt.get_fignums() == open_before


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_a_chart_of_one_figure_draws_it_without_text_over_text(views, name):
    figure = CHARTS[name](views["one figure"])
    assert isinstance(figure, plots.Figure)
    texts = [box.text for box in chartcheck.text_boxes(figure)]
    problems = chartcheck.text_problems(figure)
    plt.close(figure)
    assert problems == []
    # The figure, or its source (by name, or as the body it speaks for), or its outlet.
    said = ("10,000", "Volodymyr Zelenskyy", "Government of Ukraine", "Kyiv Independent")
    assert any(word in text for text in texts for word in said)


@pytest.mark.parametrize(
    ("name", "drawn"),
    [("plots.estimate_ranges", False), ("plots.statement_timeline", True),
     ("plots.figure_over_time", False), ("plots.known_on_chart", False),
     ("plots.relay_chart", True)],
)  # fmt: skip
def test_claims_without_a_figure_draw_the_calendar_and_the_relays_only(views, name, drawn):
    result = CHARTS[name](views["no figure"])
    assert isinstance(result, plots.Figure) is drawn
    if drawn:
        plt.close(result)


# --- reader truths: what one figure gives -------------------------------------------------


def test_one_figure_is_its_own_weighted_estimate_and_stands_alone(views):
    view = views["one figure"]
    weighted = view.weighted.iloc[0]
    assert weighted["sources"] == 1 and weighted["weighted estimate"] == 10000
    headline = view.headlines.iloc[0]
    assert headline["measure"] == "Troops being prepared"
    # Zelenskyy speaks for Kyiv: the independent source is the government he heads.
    assert headline["latest comparison"] == (
        "Stated on 17 Oct 2024, 1 source: Government of Ukraine: about 10,000 (17 Oct 2024)."
    )


def test_one_figure_is_one_key_finding_that_no_later_figure_followed(views):
    finding = findings.key_findings(views["one figure"]).iloc[0]["finding"]
    assert finding.startswith(
        "Troops being prepared: Volodymyr Zelenskyy gave about 10,000 soldiers (17 Oct 2024, "
        "claimed by a party to the conflict)"
    )
    assert "no later figure in the data" in finding


def test_titles_of_one_statement_speak_of_one(views):
    view = views["one figure"]
    assert timeline.calendar_title(view.claims) == "1 statement, on 17 Oct 2024"
    chains = provenance.relay_chains(view.claims)
    assert provenance.relay_title(chains) == "The one claim reached the outlet directly"
    assert findings.scope_sentence(view) == (
        "From 1 claim by 1 source in 1 article, stated on 17 Oct 2024."
    )
    # One source cannot be said to agree with others: there are none.
    assert estimates.ranges_title(view.headlines) == (
        "Each measure rests on one source in its latest window: nothing to compare yet"
    )


def test_a_calendar_of_one_denial_says_so(views, tmp_path):
    view = view_of(write_subset(DATA, [NO_FIGURE_ARTICLE], tmp_path / "one-denial"))
    assert timeline.calendar_title(view.claims) == "1 statement, on 10 Oct 2024, a denial"


def test_a_measure_without_a_figure_is_named_by_its_label_not_its_id(views):
    view = views["no figure"]
    title = timeline.over_time_title(view.statements, "troops_dispatched", None, view.data.measures)
    assert title == "No figure of “Troops sent to Russia so far” had been stated"


# --- reader truths: the sentence of what is missing ---------------------------------------


def test_before_any_claim_the_sentence_names_the_day_the_topic_and_the_first_day(views):
    assert findings.nothing_sentence(views["no claim"], SUBJECT) == (
        "On 1 Oct 2024 no claim about North Korea's troop deployment to Russia had been "
        "published; the data's first claim was published later, on 10 Oct 2024."
    )


def test_claims_without_a_figure_are_counted_with_the_day_of_the_first_figure(views):
    view = views["no figure"]
    assert findings.nothing_sentence(view, SUBJECT, needs="claim") == ""
    assert findings.nothing_sentence(view, SUBJECT, needs="figure") == (
        "By 16 Oct 2024, 2 claims about North Korea's troop deployment to Russia had been "
        "published, by 2 sources, none with a figure; the data's first figure was published "
        "later, on 17 Oct 2024."
    )


def test_an_article_without_figures_is_named_by_its_outlet_and_day(tmp_path):
    view = view_of(write_subset(DATA, [NO_FIGURE_ARTICLE], tmp_path / "tass"))
    assert findings.nothing_sentence(view, SUBJECT, needs="figure") == (
        "The article by TASS (10 Oct 2024) holds 1 claim about North Korea's troop deployment "
        "to Russia, by 1 source, none with a figure."
    )


def test_a_cut_off_before_the_articles_selected_names_them(tmp_path):
    folder = write_subset(DATA, [NO_FIGURE_ARTICLE, ONE_ARTICLE], tmp_path / "two")
    assert findings.nothing_sentence(view_of(folder, "2024-10-01"), SUBJECT) == (
        "On 1 Oct 2024 no claim about North Korea's troop deployment to Russia had been "
        "published in the 2 articles by TASS (10 Oct 2024) and Kyiv Independent (17 Oct "
        "2024); the data's first claim was published later, on 10 Oct 2024."
    )


def test_a_selection_with_a_figure_has_nothing_missing(views):
    for needs in findings.NEEDS:
        assert findings.nothing_sentence(views["one figure"], SUBJECT, needs) == ""


def test_without_a_subject_the_sentence_names_no_topic(views):
    assert findings.nothing_sentence(views["no claim"]) == (
        "On 1 Oct 2024 no claim had been published; the data's first claim was published "
        "later, on 10 Oct 2024."
    )


def test_what_is_needed_is_a_claim_or_a_figure(views):
    with pytest.raises(ValueError, match="needs must be one of claim, figure"):
        findings.nothing_sentence(views["no claim"], SUBJECT, needs="chart")


def test_the_topics_words_come_from_its_data_folder_not_from_the_code():
    rally = view_of(RALLY, as_of="2025-03-01")
    assert findings.nothing_sentence(rally, read_settings(RALLY).subject) == (
        "On 1 Mar 2025 no claim about the 1 March rally had been published in the 3 articles "
        "by City Daily (2 Mar 2025), Metro News (2 Mar 2025) and River Post (2 Mar 2025); the "
        "data's first claim was published later, on 2 Mar 2025."
    )
    for path in (ROOT / "src" / "crosscheck").rglob("*.py"):
        assert SUBJECT not in path.read_text(encoding="utf-8"), path


def test_a_subject_in_report_yml_is_text(tmp_path):
    (tmp_path / "report.yml").write_text("subject: ''\n")
    with pytest.raises(DataError, match="subject.*must be non-empty text"):
        read_settings(tmp_path)
    (tmp_path / "report.yml").write_text("subject: '  the 1 March rally '\n")
    assert read_settings(tmp_path).subject == "the 1 March rally"


# --- the sentence in the page ---------------------------------------------------------------


def test_the_findings_block_of_no_claim_is_the_sentence_alone(views):
    view = views["no claim"]
    block = report.findings_html(view, findings.key_findings(view), SUBJECT)
    sentence = html.escape(findings.nothing_sentence(view, SUBJECT))
    assert f'<p class="crosscheck-nothing">{sentence}</p>' in block
    assert "<ul>" not in block and "holds no claims" not in block


def test_the_findings_block_of_claims_without_a_figure_counts_them(views):
    view = views["no figure"]
    block = report.findings_html(view, findings.key_findings(view), SUBJECT)
    said = "none with a figure; the data&#x27;s first figure was published later, on 17 Oct 2024."
    assert said in block
    assert "From 2 claims by 2 sources in 2 articles" in block


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """What a chapter displays, as HTML or Markdown text, in order."""
    displayed: list[str] = []
    monkeypatch.setattr(
        notebook, "display", lambda item: displayed.append(getattr(item, "data", item))
    )
    return displayed


def test_a_chapter_of_no_figure_opens_on_the_sentence_and_its_empty_tables_say_why(shown):
    chapter = notebook.Chapter(DATA, "2024-10-16", None)
    chapter.summary(needs="figure")
    assert "**2** of" in shown[0]  # the claims the chapter uses
    assert shown[1] == (
        '<p class="crosscheck-nothing">By 16 Oct 2024, 2 claims about North Korea&#x27;s '
        "troop deployment to Russia had been published, by 2 sources, none with a figure; "
        "the data&#x27;s first figure was published later, on 17 Oct 2024.</p>"
    )
    chapter.table(estimates.figures_table(chapter.view.statements), "estimates", "Figures")
    assert "Nothing to show for “Figures”: the data holds no such rows among the claims " \
        "published by 16 Oct 2024." in shown[2]  # fmt: skip


def test_a_chapter_whose_selection_holds_what_it_needs_says_nothing_of_it(shown):
    chapter = notebook.Chapter(DATA, "2024-10-16", None)
    chapter.summary()  # a chapter of claims: there are two
    assert len(shown) == 1 and "crosscheck-nothing" not in shown[0]


def test_an_empty_table_of_a_few_articles_names_them(shown, tmp_path):
    chapter = notebook.Chapter(write_subset(DATA, [NO_FIGURE_ARTICLE], tmp_path / "t"), None, None)
    chapter.table(estimates.figures_table(chapter.view.statements), "estimates", "Figures")
    assert "among the claims in the article by TASS (10 Oct 2024)." in shown[0]


def test_an_empty_chart_is_shown_as_its_sentence_under_its_caption(shown, tmp_path):
    chapter = notebook.Chapter(DATA, "2024-10-01", tmp_path)
    nothing = plots.statement_timeline(chapter.view.claims, "t", chapter.source)
    chapter.chart(nothing, timeline.calendar(chapter.view.claims), "timeline", "Statements.")
    assert "<svg" not in shown[0] and "<figure" not in shown[0]
    assert '<p class="crosscheck-empty">No statement had been made' in shown[0]
    assert '<a href="data/timeline.csv">(data: timeline.csv)</a>' in shown[0]
    exported = pd.read_csv(tmp_path / "timeline.csv")
    assert exported.empty and "claimant" in exported.columns


def test_a_table_said_to_be_exported_already_is_copied_not_written_again(
    shown, tmp_path, monkeypatch
):
    chapter = notebook.Chapter(DATA, None, tmp_path)
    figures = estimates.figures_table(chapter.view.statements)
    written = []
    monkeypatch.setattr(notebook, "write_csv", lambda frame, path, **_: written.append(path.name)
                        or present.write_csv(frame, path, readable=True))  # fmt: skip
    chapter.table(figures, "estimates", "Figures")
    chapter.table(figures, "estimate_ranges", "Figures again", exported_as="estimates")
    assert written == ["estimates.csv"]  # the second file is a copy
    first = (tmp_path / "estimates.csv").read_bytes()
    assert (tmp_path / "estimate_ranges.csv").read_bytes() == first
    assert first.count(b"\n") == len(figures) + 1
    # Run again as in JupyterLab: a table named as its own source is written, not copied
    # onto itself; one not said to be exported already is written afresh.
    chapter.table(figures, "estimates", "Figures", exported_as="estimates")
    chapter.table(figures.head(2), "estimate_ranges", "Two figures")
    assert written == ["estimates.csv", "estimates.csv", "estimate_ranges.csv"]
    assert (tmp_path / "estimate_ranges.csv").read_bytes().count(b"\n") == 3


def test_an_exported_table_of_no_row_says_its_file_holds_its_header(shown, tmp_path):
    chapter = notebook.Chapter(DATA, "2024-10-01", tmp_path)
    chapter.export(changes.snapshot(chapter.data), changes.SNAPSHOT)
    assert f"No row: data/{changes.SNAPSHOT} holds its header only." in shown[0]


def test_the_page_helpers_turn_a_table_of_no_rows_into_a_sentence():
    empty = pd.DataFrame({"measure": pd.Series([], dtype=object)})
    for page in (present.html_table(empty, "Figures", "estimates"),
                 present.interactive_table_html(empty, "estimates", "Figures")):  # fmt: skip
        assert "<table" not in page
        assert "Nothing to show for “Figures”: the table has no rows." in page
    one = pd.DataFrame({"measure": ["Troops being prepared"]})
    assert "Troops being prepared" in present.html_table(one, "Figures", "estimates")
    assert present.fold_summary(one) == "1 row, one per measure: Troops being prepared"


def test_a_key_article_outside_the_articles_selected_is_not_named_by_its_id(views):
    sentence = findings.key_articles_sentence(views["one figure"], found=False)
    assert sentence.startswith("The report's key article is not in this selection")
    assert "dt-2024-10-23" not in sentence
