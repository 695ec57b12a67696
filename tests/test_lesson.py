"""The lesson pack (`crosscheck class pack`): a handout printed to A4 and a teacher's page,
both drawn from the data as it stood on the pack's day."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from crosscheck import lesson
from crosscheck.screenshots import printed_pages

from conftest import CHROMIUM, DATA, read_rows
from factories import actor, figure, make_dataset

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is missing: `make test` installs it with apt-get when run as root",
)


@pytest.fixture(scope="module")
def pack_23(tmp_path_factory):
    """The pack of 23 Oct 2024, printed by Chromium where it is installed."""
    out = tmp_path_factory.mktemp("lesson-2024-10-23")
    return out, lesson.write_pack("2024-10-23", DATA, out)


@pytest.fixture(scope="module")
def pack_28(tmp_path_factory):
    """The pack of 28 Oct 2024 (the exercise's day) on a machine without Chromium."""
    out = tmp_path_factory.mktemp("lesson-2024-10-28")
    stderr = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(stderr):
        patch.setattr(lesson, "chromium", lambda: None)
        written = lesson.write_pack("2024-10-28", DATA, out)
    return out, written, stderr.getvalue()


def prompts_of(out) -> dict[str, str]:
    return {row["theme"]: row["prompt"] for row in read_rows(out / "data" / "prompts.csv")}


def tables_after(page: str, heading: str) -> list[pd.DataFrame]:
    """The HTML tables that follow a heading of a page, up to the next heading."""
    part = page.split(heading, 1)[1]
    part = re.split(r"<h[123]", part, maxsplit=1)[0]
    return pd.read_html(io.StringIO(part), thousands=",")


# The handout.


@needs_chromium
def test_the_handout_of_23_october_prints_to_two_to_four_a4_pages(pack_23):
    out, written = pack_23
    pdf = (out / "handout.pdf").read_bytes()
    assert out / "handout.pdf" in written
    assert 2 <= printed_pages(pdf) <= 4
    # A4 is 595 × 842 points (ISO 216: 210 × 297 mm).
    sizes = {tuple(round(float(v)) for v in box) for box in re.findall(
        rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}  # fmt: skip
    assert sizes == {(595, 842)}


def test_on_23_october_the_handout_says_in_plain_words_why_grading_changes_nothing_yet(
    pack_23,
):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    assert "so grades cannot change any answer yet" in page
    assert "at most one graded source whose figure" not in page
    assert "Grades first matter on 28 Oct 2024." in page
    assert (
        "Troops sent to Russia so far (18–23 Oct 2024): one figure to weigh, 3,000 (National "
        "Intelligence Service), and a bound, listed beside the estimate and never averaged: "
        "at least 3,000 (John Kirby)."
    ) in page
    assert "no measure yet had two sources" not in page


def test_the_handout_of_23_october_has_a_box_per_lesson_measure_and_the_default_estimates(
    pack_23,
):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    estimate = page.split("<h1>2. Your estimate</h1>", 1)[1].split("</section>", 1)[0]
    boxes = re.findall(
        r'<div class="estimate-box">\s*<p><strong>(.*?)</strong> \((.*?)\)', estimate
    )
    assert boxes == [
        ("Troops sent to Russia so far", "18–23 Oct 2024"),
        ("Troops being prepared", "17–23 Oct 2024"),
        ("Troops committed in total", "all dates"),
    ]
    # Item 1 of round 3: no grading step and no 'moved most' box on a day grades cannot
    # move an estimate; the bounds to read are named instead.
    assert "B2: 0.8 × 0.8" not in estimate and "moved most by" not in estimate
    assert (
        "Read each source&#39;s latest figure in section 1 (a faded or &#39;replaced&#39; one "
        "does not count) and the bounds (&#39;at least 3,000&#39; (John Kirby); &#39;up to "
        "12,000&#39; (Ukrainian intelligence (unspecified)))"
    ) in estimate
    assert (
        "&#39;about 10,000&#39; (National Intelligence Service) counts as exactly 10,000 unless "
        "you set a margin: a margin of 10% reads it as 9,000–11,000"
    ) in estimate
    assert "approximate_margin" not in page
    # Round 4 (b): the handout says what the default is, never its numbers (students would
    # copy them); the teacher's page keeps them.
    defaults = (
        "Troops sent to Russia so far (18–23 Oct 2024): 3,000; Troops being prepared "
        "(17–23 Oct 2024): none (a bound only: never averaged); Troops committed in total "
        "(all dates): 10,000."
    )
    assert defaults not in page and "Troops committed in total (all dates): 10,000" not in page
    assert (
        "The default estimate is what the notebook gives if you change nothing: every grade as "
        "the data gives it, no margin. Write your low"
    ) in estimate
    teacher = (out / "teacher.html").read_text(encoding="utf-8")
    assert "which the handout does not print: " + defaults in teacher
    assert "<strong>National Intelligence Service</strong>: South Korea&#39;s spy agency" in (
        estimate
    )
    assert "<strong>Cho Tae-yong</strong>: Director of the NIS, National Intelligence" in estimate


def test_every_figure_a_prompt_names_is_listed_under_it(pack_23):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    prompts = page.split("Questions to discuss", 1)[1].split("</section>", 1)[0]
    single = prompts.split("Single source.", 1)[1].split("</li>", 1)[0]
    assert "Figures cited: A further batch sent: 1,500 soldiers (Cho Tae-yong, 23 Oct 2024)." in (
        single
    )
    counted = prompts.split("Different things counted.", 1)[1].split("</li>", 1)[0]
    for cited in ("Troops heading to the Kursk region: 2,600 soldiers (Kyrylo Budanov, 18 Oct",
                  "Troops training in Russia: about 11,000 soldiers (Kyrylo Budanov",
                  "Troops being prepared: up to 12,000 soldiers (Ukrainian intelligence",
                  "and 3 more."):  # fmt: skip
        assert cited in counted
    # Round 4 (a): the handout never sends a student to the teacher's page.
    assert "teacher" not in page.lower()


def test_prompts_read_a_count_of_units_and_a_ratio_as_people_read_them(pack_23):
    out, _ = pack_23
    known = lesson.cited_figures(
        lesson.lesson(lesson.load_dataset(DATA), pd.Timestamp("2024-10-23")).full,
        "dt-2024-10-23-03 dt-2024-10-23-06",
    )
    assert known == [
        "Units being prepared: 2 units (Ukrainian intelligence (unspecified), 23 Oct 2024)",
        "Ratio to the previous estimate: ×2 (twice the previous estimate) (Defence Talks (own "
        "reporting), 23 Oct 2024)",
    ]


def test_the_ach_form_defines_each_hypothesis_and_shows_no_claim_id(pack_23):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    form = page.split("fill in the matrix", 1)[1]
    assert "<strong>Training only</strong>: The troops train in Russia" in form
    assert "dt-2024-10-23" not in form


def test_the_chart_wraps_long_names_instead_of_cutting_them(pack_23):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    chart = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "…" not in chart
    assert "(unnamed) (21 Oct 2024)" in chart


def test_the_teachers_page_of_23_october_says_grades_do_not_matter_and_why(pack_23):
    out, _ = pack_23
    page = (out / "teacher.html").read_text(encoding="utf-8")
    assert "-p as_of 2024-10-23" in page and "as_of = &#34;2024-10-23&#34;" in page
    assert "On 23 Oct 2024 grades do not matter:" in page
    assert "make the pack for 28 Oct 2024, the\nfirst day on which they do" in page
    # Commands live in the last section, not in the plan.
    last = page.split("<h1>For whoever runs the computers</h1>", 1)[1]
    assert "-p as_of 2024-10-23" in last and "crosscheck class compare answers/" in last
    assert "crosscheck class pack --as-of 2024-10-23" in last
    assert "-p as_of" not in page.split("<h1>For whoever runs the computers</h1>", 1)[0]
    assert "28 Oct 2024 (the notebook" not in page.split("<h2>A 45-minute plan</h2>")[1]
    assert (
        "None: no measure of the day has two weighed sources, so leaving one out changes nothing"
    ) in page
    (plan,) = tables_after(page, "A 45-minute plan")
    assert (
        "Troops sent to Russia so far (18–23 Oct 2024); Troops being prepared (17–23 Oct "
        "2024); Troops committed in total (all dates)"
    ) in plan["activity"].iloc[1]
    assert "Section 3: discuss the prompts in small groups: 6 prompts" in plan["activity"].iloc[3]
    assert "whose choices moved" not in " ".join(plan["activity"])
    assert "compare the readings of 'about' and of the bounds" in plan["activity"].iloc[2]
    assert (
        "Section 4: fill in the matrix of competing hypotheses together (8 rows)"
        in (plan["activity"].iloc[4])
    )


def test_the_teachers_page_names_ties_and_where_the_ratings_are(pack_23):
    out, _ = pack_23
    page = (out / "teacher.html").read_text(encoding="utf-8")
    assert (
        "Least evidence against: Combat at the front and A show of alliance (0 each); "
        "most: Labour and support (5)."
    ) in page
    assert "data/ach_ratings.csv" in page and "coders" not in page


def test_the_answer_key_says_what_came_next_for_the_figures_counted(pack_23):
    out, _ = pack_23
    page = (out / "teacher.html").read_text(encoding="utf-8")
    key = page.split("2. Different things counted", 1)[1].split("3. Denials", 1)[0]
    assert (
        "In the next 14 days, 11 figures: Defence Intelligence of Ukraine (HUR) about 12,000 "
        "(25 Oct, higher than 11,000)"
    ) in key
    assert "; and 8 more (below)." in key
    assert (
        "What came next (11 claims published in the following 14 days, 11 of them with a figure)"
    ) in key
    later = read_rows(out / "data" / "following_claims.csv")
    assert len([r for r in later if r["theme"] == "different things counted"]) == 11


def test_the_estimates_table_explains_blanks_and_different_windows(pack_23):
    out, _ = pack_23
    page = (out / "teacher.html").read_text(encoding="utf-8")
    note = page.split("The estimates then and on 6 Nov 2024", 1)[1].split("<table", 1)[0]
    note = " ".join(note.split())
    assert (
        "The sources count every source with a figure in the window; the estimate averages "
        "their latest point figures only: a bound (&#39;up to&#39;, &#39;at least&#39;) is "
        "never averaged. A blank estimate means the window held bounds only." in note
    )
    assert "Troops sent to Russia so far: the windows differ (18–23 Oct 2024, then" in note


def test_the_handout_of_23_october_lists_the_count_of_troops_sent_by_source(pack_23):
    out, _ = pack_23
    rows = read_rows(out / "data" / "known_figures.csv")
    sent = [
        (row["said by"], row["grade"], row["figure"], row["stated"])
        for row in rows
        if row["measure"] == "Troops sent to Russia so far"
    ]
    assert sent == [
        ("National Intelligence Service", "B2", "1,500", "18 Oct 2024"),
        ("John Kirby", "B2", "at least 3,000", "23 Oct 2024"),
        ("National Intelligence Service", "B2", "3,000", "23 Oct 2024"),
    ]
    assert {row["window"] for row in rows if row["measure"] == "Troops sent to Russia so far"} == {
        "18–23 Oct 2024"
    }


def test_the_handout_of_28_october_is_about_the_exercise_windows(pack_28):
    out, _, _ = pack_28
    page = (out / "handout.html").read_text(encoding="utf-8")
    assert "<strong>Troops committed in total</strong> (all dates, 2 sources)" in page
    assert "<strong>Troops sent to Russia so far</strong> (28 Oct 2024, 2 sources)" in page
    figures = [
        (row["said by"], row["figure"])
        for row in read_rows(out / "data" / "known_figures.csv")
        if row["window"] == "28 Oct 2024"
    ]
    assert figures == [("Sabrina Singh", "about 10,000"), ("Volodymyr Zelenskyy", "about 3,000")]


def test_another_cut_off_gives_prompts_with_other_figures(pack_23, pack_28):
    on_23, on_28 = prompts_of(pack_23[0]), prompts_of(pack_28[0])
    assert on_23["what was known when"].startswith(
        "By 23 Oct 2024, 13 figures had been published on all measures (8 on this handout's 3 "
        "measures); 53 more came later."
    )
    assert on_28["what was known when"].startswith(
        "By 28 Oct 2024, 17 figures had been published on all measures (5 on this handout's 2 "
        "measures); 49 more came later."
    )
    # Round 4 (a): the handout, dated its day, says nothing of what came later; the
    # teacher's copy (prompts.csv, the answer key) keeps the count.
    handout = (pack_23[0] / "handout.html").read_text(encoding="utf-8")
    assert "came later" not in handout
    assert (
        "By 23 Oct 2024, 13 figures had been published on all measures (8 on this handout&#39;s "
        "3 measures). Write the headline"
    ) in handout
    assert "(8 on this handout&#39;s 3 measures); 53 more came later." in (
        (pack_23[0] / "teacher.html").read_text(encoding="utf-8")
    )
    assert "3,000 (Troops sent to Russia so far)" in on_23["different things counted"]
    assert "10,000 (Troops sent to Russia so far)" in on_28["different things counted"]


def test_the_handout_has_one_prompt_per_theme_and_an_empty_ach_form(pack_28):
    out, _, _ = pack_28
    assert list(prompts_of(out)) == [
        "single source",
        "different things counted",
        "denials",
        "silence and uncertainty",
        "hedged wording",
        "what was known when",
    ]
    page = (out / "handout.html").read_text(encoding="utf-8")
    (form,) = tables_after(page, "fill in the matrix")
    assert list(form.columns) == ["evidence", "source", "Combat at the front",
                                  "Training only", "Labour and support",
                                  "A show of alliance"]  # fmt: skip
    # 12 rated claims were known on 28 Oct 2024: the 8 that best tell the hypotheses apart
    # (the 8 minutes the plan gives) and the total row.
    assert len(form) == 9
    assert form["evidence"].iloc[-1] == "Evidence against (I = 1, II = 2)"
    assert not form["evidence"].str.contains(r"\(dt-").any()
    assert form.iloc[:, 2:].isna().all().all()


# Round 3: the rule the numbers follow, one count, grades beside their names, print.


def test_the_handout_says_once_that_only_each_sources_latest_figure_counts(pack_23):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    assert page.count("The rule the numbers follow.") == 1
    counts = {
        (row["said by"], row["figure"]): row["counts?"]
        for row in read_rows(out / "data" / "known_figures.csv")
    }
    assert counts[("National Intelligence Service", "1,500")] == "no: replaced on 23 Oct 2024"
    assert counts[("National Intelligence Service", "3,000")] == "yes"
    # One source: the Government of Ukraine's latest figure replaces its officials' earlier.
    assert counts[("Volodymyr Zelenskyy", "about 10,000")] == "no: replaced on 23 Oct 2024"
    assert counts[("Ukrainian intelligence (unspecified)", "up to 12,000")] == "yes"


@pytest.fixture(scope="module")
def chart_23():
    lesson_ = lesson.lesson(lesson.load_dataset(DATA), pd.Timestamp("2024-10-23"))
    return lesson.figures_chart(lesson_, lesson.known_figures(lesson_))


def test_the_chart_counts_its_own_figures_and_all_the_days(chart_23):
    assert " ".join(chart_23._suptitle.get_text().split()) == (
        "By 23 Oct 2024, 8 figures from 3 sources on these 3 measures (13 on all measures); "
        "faded: replaced by a later figure of the same source"
    )
    # Round 4 (d): the x tick label at an axis's end ('5,000' of troops sent) keeps
    # TICK_ROOM pixels inside the chart's right edge, so a wider browser font is not cut.
    renderer = chart_23.canvas.get_renderer()
    (sent,) = [a for a in chart_23.axes if a.get_title(loc="left").startswith("Troops sent")]
    last = [label for tick, label in zip(sent.get_xticks(), sent.get_xticklabels(), strict=True)
            if tick <= sent.get_xlim()[1]][-1]  # fmt: skip
    assert last.get_text() == "5,000"
    assert last.get_window_extent(renderer).x1 <= chart_23.bbox.x1 - lesson.TICK_ROOM + 0.5


def test_a_lower_bounds_dotted_line_runs_to_the_axis_end_and_replaced_figures_fade(chart_23):
    from matplotlib.collections import LineCollection, PathCollection

    (sent,) = [a for a in chart_23.axes if a.get_title(loc="left").startswith("Troops sent")]
    right = sent.get_xlim()[1]
    dotted = [c for c in sent.collections if isinstance(c, LineCollection)][1]
    # John Kirby's 'at least 3,000' starts at its point and runs to the axis's end.
    assert [tuple(seg[:, 0]) for seg in dotted.get_segments()] == [(3000.0, right)]
    (dots,) = [c for c in sent.collections if isinstance(c, PathCollection)]
    # Rows top to bottom: NIS 1,500 (replaced), Kirby, NIS 3,000.
    assert [round(alpha, 1) for alpha in dots.get_facecolors()[:, 3]] == [0.3, 1.0, 1.0]


def test_grades_sit_beside_their_claimant_with_what_each_mark_weighs(pack_23, pack_28):
    page = (pack_23[0] / "handout.html").read_text(encoding="utf-8")
    (table,) = tables_after(page, "The figures, source by source")
    # Each measure and window heads its rows once; the grade sits beside the name.
    assert list(table.columns[0:2]) == ["said by", "grade"]
    assert re.findall(r'scope="colgroup">([^<]*)<', page) == [
        "Troops committed in total (all dates)",
        "Troops sent to Russia so far (18–23 Oct 2024)",
        "Troops being prepared (17–23 Oct 2024)",
    ]
    weights = page.split("What the grades weigh", 1)[1].split("</table>", 1)[0]
    assert "B: 0.8" in weights and "E: 0.1" in weights and "3: 0.6" in weights
    # Round 4 (c): plain words, no module name.
    assert (
        "Grades are on NATO's grading scale (AJP-2.1); the weights are this\ncourse's "
        "teaching weights, not NATO's" in page
    )
    assert "crosscheck.reliability" not in page
    on_28 = (pack_28[0] / "handout.html").read_text(encoding="utf-8")
    assert ("<strong>Volodymyr Zelenskyy C3</strong>: Head of state of a party to the war") in on_28
    # Those who speak for a body take one line per body: its grade and their names.
    assert (
        "<strong>Government of the United States B2</strong>: Sabrina Singh speaks for it "
        "and takes its grade" in on_28
    )
    assert "<strong>Sabrina Singh B2</strong>" not in on_28
    estimate = on_28.split("<h1>2. Your estimate</h1>", 1)[1].split("</section>", 1)[0]
    assert "Grade the sources." in estimate and estimate.count("moved most by") == 2


def test_print_margins_and_one_ach_total_label_on_both_pages(pack_23):
    out, _ = pack_23
    css = (lesson.TEMPLATES / "lesson.css").read_text()
    assert "size: A4; margin: 15mm;" in css
    # Round 4 (d): blocks that must not split across printed pages.
    kept = css.split("@media print", 1)[1].split("{ break-inside: avoid;", 1)[0]
    for block in (".weights-block", "ol.steps li", "ul.hypotheses li", "ol.prompts li", ".note"):
        assert block in kept

    handout = (out / "handout.html").read_text(encoding="utf-8")
    teacher = (out / "teacher.html").read_text(encoding="utf-8")
    for page in (handout, teacher):
        assert "Evidence against (I = 1, II = 2)" in page and lesson.ACH_TIES in page
    weights = handout.split('<div class="weights-block">', 1)[1].split("</div>", 1)[0]
    assert "What the grades weigh" in weights and "a source weighs letter × digit" in weights
    assert "Inconsistency score" not in teacher
    (why,) = tables_after(teacher, "Why each rating")
    rated = why[why["evidence"] == "North Korea has already sent about 1,500 special forces "
                "to Russia."].set_index("hypothesis")  # fmt: skip
    assert rated.loc["Combat at the front", "rating"] == "C"
    assert rated.loc["Combat at the front", "why"] == "Special forces are combat troops."
    titles = ["What was known on 23 Oct 2024", "Your estimate", "Questions to discuss",
              "Competing hypotheses"]  # fmt: skip
    for number, title in enumerate(titles, 1):
        assert f"<h1>{number}. {title}" in handout


# Without Chromium.


def test_without_chromium_the_pack_says_how_to_print_the_handout(pack_28):
    out, written, stderr = pack_28
    assert not (out / "handout.pdf").exists()
    assert sorted(path.name for path in written if path.suffix == ".html") == [
        "handout.html",
        "teacher.html",
    ]
    assert "no Chromium found" in stderr and "print it to PDF" in stderr
    assert str(out / "handout.html") in stderr


# The teacher's page.


def test_the_teachers_page_says_leaving_out_the_us_moves_troops_sent_from_7480_to_3000(
    pack_28,
):
    out, _, _ = pack_28
    page = (out / "teacher.html").read_text(encoding="utf-8")
    (moves,) = tables_after(page, "Which source moves each estimate most")
    sent = moves[moves["window"] == "28 Oct 2024"].set_index("source left out")
    assert sent.loc["Government of the United States", "estimate with all"] == 7480
    assert sent.loc["Government of the United States", "estimate without it"] == 3000
    assert sent.loc["Government of Ukraine", "estimate without it"] == 10000


def test_the_teachers_page_shows_the_estimate_of_troops_sent_two_weeks_later(pack_28):
    out, _, _ = pack_28
    page = (out / "teacher.html").read_text(encoding="utf-8")
    (then_and_later,) = tables_after(page, "The estimates then and on 11 Nov 2024")
    sent = then_and_later.set_index("measure").loc["Troops sent to Russia so far"]
    assert (sent["window then"], sent["weighted estimate then"]) == ("28 Oct 2024", 7480)
    assert (sent["window later"], sent["sources later"]) == ("4–5 Nov 2024", 3)
    assert sent["weighted estimate later"] == 11680


def test_the_teachers_plan_fills_45_minutes_with_the_days_measures(pack_28):
    out, _, _ = pack_28
    page = (out / "teacher.html").read_text(encoding="utf-8")
    (plan,) = tables_after(page, "A 45-minute plan")
    assert plan["minutes"].tolist()[0] == "0–5" and plan["minutes"].tolist()[-1] == "40–45"
    assert "Troops sent to Russia so far (28 Oct 2024)" in plan["activity"].iloc[1]
    assert sum(minutes for minutes, _ in lesson.PLAN) == 45


def test_the_answer_key_shows_what_the_single_source_said_and_that_nobody_followed(pack_28):
    out, _, _ = pack_28
    page = (out / "teacher.html").read_text(encoding="utf-8")
    key = page.split("1. Single source", 1)[1].split("2. ", 1)[0]
    assert "localnews8-2024-10-23-01" in key and "Cho Tae-yong" in key
    assert "Nothing more on it was published in the following 14 days." in key


# Small datasets.

ACTORS = [actor("nis"), actor("austin", actor_type="defence_minister")]


def test_a_pack_for_a_day_before_any_claim_says_so(tmp_path):
    counts = [
        figure("a1-01", "nis", "troops_dispatched", 1537, 1537, 1537, stated_wording="on Monday")
    ]
    make_dataset(tmp_path / "data", counts, ACTORS)
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(io.StringIO()):
        patch.setattr(lesson, "chromium", lambda: None)
        lesson.write_pack("2024-10-01", tmp_path / "data", tmp_path / "pack")
    handout = (tmp_path / "pack" / "handout.html").read_text(encoding="utf-8")
    assert "No figure had been stated: there is no range to draw." in handout
    assert "No claim known on 1 Oct 2024 has been rated against the hypotheses." in handout
    assert "the first such day" not in handout  # one source: no exercise day at all
    teacher = (tmp_path / "pack" / "teacher.html").read_text(encoding="utf-8")
    assert "No default estimate on 1 Oct 2024: no question of the day has a figure" in teacher
    assert "does not print: ." not in teacher
    assert read_rows(tmp_path / "pack" / "data" / "known_figures.csv") == []


def test_one_figure_gives_a_one_row_table_and_a_chart(tmp_path):
    counts = [
        figure("a1-01", "nis", "troops_dispatched", 1537, 1537, 1537, stated_wording="on Monday")
    ]
    make_dataset(tmp_path / "data", counts, ACTORS)
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(io.StringIO()):
        patch.setattr(lesson, "chromium", lambda: None)
        lesson.write_pack("2024-10-23", tmp_path / "data", tmp_path / "pack")
    rows = read_rows(tmp_path / "pack" / "data" / "known_figures.csv")
    assert [(r["said by"], r["figure"], r["stated"]) for r in rows] == [
        ("Nis", "1,537", "21 Oct 2024")
    ]
    handout = (tmp_path / "pack" / "handout.html").read_text(encoding="utf-8")
    assert "By 23 Oct 2024, 1 figure from 1 source on this measure (1 on all measures)" in handout


def test_a_pack_needs_a_day():
    with pytest.raises(ValueError, match="--as-of"):
        lesson.write_pack(None, DATA, "unused")


@needs_chromium
def test_the_pack_opens_offline_with_its_chart_drawn_and_no_request(pack_28, browser):
    """The pages carry their CSS and SVG inline: opened in Chromium, they ask for nothing.
    The session's browser (conftest): Playwright allows one sync driver per thread."""
    out, _, _ = pack_28
    requested, seen = [], {}
    page = browser.new_page()
    page.on("request", lambda request: requested.append(request.url))
    for name in ("handout.html", "teacher.html"):
        page.goto((out / name).as_uri(), wait_until="load")
        seen[name] = page.evaluate(
            "() => [document.querySelectorAll('svg').length,"
            " document.querySelector('h1').innerText]"
        )
    page.close()
    assert requested == [(out / "handout.html").as_uri(), (out / "teacher.html").as_uri()]
    assert seen == {
        "handout.html": [1, "1. What was known on 28 Oct 2024"],
        "teacher.html": [0, "Teacher's page: the lesson of 28 Oct 2024"],
    }


# Late days: a short table, the data's end, and a pack that replaces the last one whole.


@pytest.fixture(scope="module")
def lesson_after_the_data():
    """10 Jan 2026: four weeks after the data's last claim (12 Dec 2025)."""
    return lesson.lesson(lesson.load_dataset(DATA), pd.Timestamp("2026-01-10"))


def test_past_eight_rows_the_table_keeps_the_figures_that_count(lesson_after_the_data):
    table = lesson.figures_table(lesson.known_figures(lesson_after_the_data))
    shown = lesson.short_table(table)
    assert (len(table), len(shown)) == (14, 10)
    assert shown["counts?"].eq("yes").all()
    # The three US officials' 'about 10,000' of 28-30 Oct 2024, replaced by Blinken's.
    left_out = table.loc[~table.index.isin(shown.index)]
    assert sorted(left_out["said by"]) == [
        "Alyona Getmanchuk", "Lloyd Austin", "Robert Wood", "Sabrina Singh",
    ]  # fmt: skip
    assert lesson.rule(len(left_out)).endswith(
        "replaced (faded in the chart, and left out of the table to keep it short: 4 such "
        "figures, listed in data/known_figures.csv)."
    )
    # A table of eight rows or fewer shows its replaced figures too.
    assert lesson.short_table(table.head(8)).equals(table.head(8))
    assert lesson.rule(0).endswith("replaced (faded in the chart; 'no: replaced' in the table).")


def test_a_day_after_the_datas_last_claim_says_what_the_data_holds(lesson_after_the_data):
    assert lesson.data_ends(lesson_after_the_data) == (
        "The data's latest claim was made on 12 Dec 2025: this handout shows what the data "
        "holds, and anything said between then and 10 Jan 2026 is not in it."
    )
    # On the day of the last claim itself the data reaches the day: no sentence.
    reached = dataclasses.replace(lesson_after_the_data, day=pd.Timestamp("2025-12-12"))
    assert lesson.data_ends(reached) == ""


def _one_figure_data(tmp_path) -> None:
    """A data folder of one NIS figure of 1,537 (stated on Monday 21 Oct 2024)."""
    counts = [
        figure("a1-01", "nis", "troops_dispatched", 1537, 1537, 1537, stated_wording="on Monday")
    ]
    make_dataset(tmp_path / "data", counts, ACTORS)


def _files(folder) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _pack_without_chromium(data, day, out) -> str:
    stderr = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(stderr):
        patch.setattr(lesson, "chromium", lambda: None)
        lesson.write_pack(day, data, out)
    return stderr.getvalue()


def test_a_pack_without_chromium_removes_the_pdf_of_an_earlier_pack(tmp_path):
    _one_figure_data(tmp_path)
    out = tmp_path / "pack"
    out.mkdir()
    (out / "handout.pdf").write_bytes(b"%PDF of another day")
    stderr = _pack_without_chromium(tmp_path / "data", "2024-12-01", out)
    assert not (out / "handout.pdf").exists()
    assert "The PDF of an earlier pack there was removed" in stderr
    handout = (out / "handout.html").read_text(encoding="utf-8")
    assert (
        "The data&#39;s latest claim was made on 21 Oct 2024: this handout shows what the "
        "data holds, and anything said between then and 1 Dec 2024 is not in it." in handout
    )


def test_a_pack_that_fails_half_way_leaves_the_last_pack_as_it_was(tmp_path):
    _one_figure_data(tmp_path)
    out = tmp_path / "pack"
    _pack_without_chromium(tmp_path / "data", "2024-10-23", out)
    before = _files(out)

    def broken(*args, **kwargs):
        raise RuntimeError("the teacher's page could not be drawn")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lesson, "plan", broken)
        with pytest.raises(RuntimeError, match="could not be drawn"):
            _pack_without_chromium(tmp_path / "data", "2024-10-24", out)
    after = _files(out)
    assert after == before and b"23 Oct 2024" in after[Path("handout.html")]
    # No staging folder is left beside the pack.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "pack"]


def test_the_spokespeople_of_one_body_share_one_line_of_grade_reasons(lesson_after_the_data):
    known = lesson.known_figures(lesson_after_the_data)
    reasons = {r["name"]: r for r in lesson.grade_reasons(lesson_after_the_data, known)}
    assert reasons["Government of the United States"] == {
        "name": "Government of the United States",
        "grade": "B2",
        "reason": "Antony Blinken, Pat Ryder, Robert Wood and Sabrina Singh speak for it and "
        "take its grade",
    }
    assert "Sabrina Singh" not in reasons
    # Lloyd Austin has a grade of his own in grades.csv, with its reason.
    assert reasons["Lloyd Austin"]["reason"].startswith("US Secretary of Defense")
    assert reasons["Volodymyr Zelenskyy"]["grade"] == "C3"


def test_a_chromium_that_fails_leaves_the_pack_as_it_was_and_says_so(tmp_path, capsys):
    from crosscheck import cli

    _one_figure_data(tmp_path)
    out = tmp_path / "pack"
    _pack_without_chromium(tmp_path / "data", "2024-10-23", out)
    before = _files(out)
    failing = tmp_path / "chromium"
    failing.write_text("#!/bin/sh\necho 'no display' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lesson, "chromium", lambda: failing)
        code = cli.main(["class", "pack", "--as-of", "2024-10-24", "--data",
                         str(tmp_path / "data"), "--out", str(out)])  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err == (
        f"lesson pack not written ({out} is as it was): Chromium could not print handout.html "
        "to PDF (exit 3): no display\n"
    )
    assert _files(out) == before
