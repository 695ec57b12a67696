"""The lesson pack (`crosscheck class pack`): a handout printed to A4 and a teacher's page,
both drawn from the data as it stood on the pack's day."""

from __future__ import annotations

import contextlib
import io
import re

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
    assert "so grading cannot change the answer yet" in page
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
    estimate = page.split("<h1>Your estimate</h1>", 1)[1].split("</section>", 1)[0]
    boxes = re.findall(
        r'<div class="estimate-box">\s*<p><strong>(.*?)</strong> \((.*?)\)', estimate
    )
    assert boxes == [
        ("Troops sent to Russia so far", "18–23 Oct 2024"),
        ("Troops being prepared", "17–23 Oct 2024"),
        ("Troops committed in total", "all dates"),
    ]
    assert "B2: 0.8 × 0.8 = 0.64" in estimate
    assert "&#39;about 10,000&#39; (National Intelligence Service) counts as exactly 10,000" in (
        estimate
    )
    assert (
        "Troops sent to Russia so far (18–23 Oct 2024): 3,000; Troops being prepared "
        "(17–23 Oct 2024): none (a bound only: never averaged); Troops committed in total "
        "(all dates): 10,000."
    ) in estimate
    assert "<strong>National Intelligence Service</strong>: South Korea&#39;s spy agency" in (
        estimate
    )
    assert "<strong>Cho Tae-yong</strong>: Director of the NIS, National Intelligence" in estimate


def test_every_figure_a_prompt_names_is_listed_under_it(pack_23):
    out, _ = pack_23
    page = (out / "handout.html").read_text(encoding="utf-8")
    prompts = page.split("Questions to discuss", 1)[1].split("</section>", 1)[0]
    single = prompts.split("Single source.", 1)[1].split("</li>", 1)[0]
    assert "Figures cited: Cho Tae-yong: 1,500 (23 Oct 2024)." in single
    counted = prompts.split("Different things counted.", 1)[1].split("</li>", 1)[0]
    for cited in ("Kyrylo Budanov: 2,600 (18 Oct 2024)", "Kyrylo Budanov: about 11,000",
                   "National Intelligence Service: 3,000 (23 Oct 2024)",
                   "Ukrainian intelligence (unspecified): up to 12,000"):  # fmt: skip
        assert cited in counted


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
    assert "28 Oct 2024 (the notebook" not in page.split("<h2>A 45-minute plan</h2>")[1]
    assert (
        "None: no measure of the day has two weighed sources, so leaving one out changes nothing"
    ) in page
    (plan,) = tables_after(page, "A 45-minute plan")
    assert (
        "Troops sent to Russia so far (18–23 Oct 2024); Troops being prepared (17–23 Oct "
        "2024); Troops committed in total (all dates)"
    ) in plan["activity"].iloc[1]
    assert "6 prompts, one per group" in plan["activity"].iloc[3]


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
        "In the next 14 days: Defence Intelligence of Ukraine (HUR) about 12,000 (25 Oct, "
        "higher than 11,000)."
    ) in key
    assert "What came next (11 claims published in the following 14 days)" in key
    later = read_rows(out / "data" / "following_claims.csv")
    assert len([r for r in later if r["theme"] == "different things counted"]) == 11


def test_the_estimates_table_explains_blanks_and_different_windows(pack_23):
    out, _ = pack_23
    page = (out / "teacher.html").read_text(encoding="utf-8")
    note = page.split("The estimates then and on 6 Nov 2024", 1)[1].split("<table", 1)[0]
    assert "a\nbound is never averaged" in note or "a bound is never averaged" in note
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
        "By 23 Oct 2024, 13 figures had been published; 53 more came later."
    )
    assert on_28["what was known when"].startswith(
        "By 28 Oct 2024, 17 figures had been published; 49 more came later."
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
    assert len(form) == 13  # 12 rated claims known on 28 Oct 2024 and the total row
    assert not form["evidence"].str.contains(r"\(dt-").any()
    assert form.iloc[:, 2:].isna().all().all()


# Without Chromium.


def test_without_chromium_the_pack_says_how_to_print_the_handout(pack_28):
    out, written, stderr = pack_28
    assert not (out / "handout.pdf").exists()
    assert [path.name for path in written if path.suffix == ".html"] == [
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
    assert "By 23 Oct 2024, 1 figure from 1 source had been published for this measure" in handout


def test_a_pack_needs_a_day():
    with pytest.raises(ValueError, match="--as-of"):
        lesson.write_pack(None, DATA, "unused")


@needs_chromium
def test_the_pack_opens_offline_with_its_chart_drawn_and_no_request(pack_28):
    """The pages carry their CSS and SVG inline: opened in Chromium, they ask for nothing."""
    from playwright.sync_api import sync_playwright

    from crosscheck.screenshots import CHROMIUM_FLAGS

    out, _, _ = pack_28
    requested, seen = [], {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        for name in ("handout.html", "teacher.html"):
            page.goto((out / name).as_uri(), wait_until="load")
            seen[name] = page.evaluate(
                "() => [document.querySelectorAll('svg').length,"
                " document.querySelector('h1').innerText]"
            )
        browser.close()
    assert requested == [(out / "handout.html").as_uri(), (out / "teacher.html").as_uri()]
    assert seen == {
        "handout.html": [1, "What was known on 28 Oct 2024"],
        "teacher.html": [0, "Teacher's page: the lesson of 28 Oct 2024"],
    }
