"""`crosscheck class compare`: five students' cards (different grades, cut-offs and
margins) side by side in one offline page, a card that is not one named and skipped,
the page as Chromium shows it, and the README's classroom example run as written.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pandas as pd
import papermill
import pytest
import yaml

from crosscheck import analysis, answers, class_page, cli, exercise
from crosscheck.load import load_dataset

from conftest import CHROMIUM, DATA, ROOT

CUTOFF = pd.Timestamp("2024-10-28")  # the shipped data's exercise cut-off (test_exercise)
COMMITTED, SENT = "Troops committed in total", "Troops sent to Russia so far"
STUDENTS = {
    "ana": {"grade_overrides": {"volodymyr-zelenskyy": "B2"}},
    "ben": {},
    "cleo": {"as_of": "2024-11-05", "approximate_margin": 0.1},
    "dan": {"as_of": "2024-10-23"},
    "eve": {"grade_overrides": {"rok-nis": "E5", "sabrina-singh": "A1"}, "approximate_margin": 0.2},
}


@pytest.fixture(scope="session")
def class_views() -> tuple:
    """The shipped data and the analysed views its cards share (build_card's `analysed`),
    filled by every card built from them."""
    return load_dataset(DATA), {}


@pytest.fixture(scope="session")
def class_folder(tmp_path_factory, class_views) -> Path:
    """The answers/ folder of a class: five cards, a broken CSV, a table that is no card
    and a card of format 1."""
    folder = tmp_path_factory.mktemp("answers")
    dataset, shared = class_views
    measures = exercise.lesson_measures(
        analysis.analyse(dataset, analysis.Parameters(as_of=CUTOFF))
    )
    for student, choices in STUDENTS.items():
        card = answers.build_card(
            student, dataset, measures, analysis.Parameters.parse(**choices), CUTOFF, shared
        )
        answers.write_card(card, folder)
    (folder / "junk.csv").write_text("name,grade\nana,B2\n")
    (folder / "broken.csv").write_bytes(b'card_format,student\n"2,\xff\xfe ana\n')
    (folder / "old.csv").write_text(
        "student,as_of,measure,window,my estimate,sources,grades changed\n"
        "fay,,Troops,all dates,3000,1,none\n"
    )
    return folder


@pytest.fixture(scope="session")
def compared(class_folder, tmp_path_factory):
    """`crosscheck class compare` run once on the class's folder: (exit code, stderr, out)."""
    out = tmp_path_factory.mktemp("class") / "page"
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        code = cli.main(["class", "compare", str(class_folder), "--out", str(out)])
    return code, errors.getvalue(), out


def test_the_page_is_written_and_the_command_says_so(compared):
    code, _, out = compared
    assert code == 0 and (out / "index.html").exists()


def test_a_broken_card_and_an_old_card_are_named_with_their_reason(compared):
    _, errors, _ = compared
    lines = errors.splitlines()
    broken = [line for line in lines if "broken.csv" in line][0]
    assert broken.startswith("skipped: broken.csv is not a readable CSV (")
    old = [line for line in lines if "old.csv" in line][0]
    assert "an answer card of format 1" in old and "rerun the exercise notebook" in old


def test_a_table_that_is_no_card_is_named_in_plain_words(compared):
    _, errors, out = compared
    said = "junk.csv is not an answer card (it has no card_format column)"
    assert f"skipped: {said}" in errors.splitlines()
    assert (
        "<b>junk.csv</b> is not an answer card (it has no card_format column)"
        in (out / "index.html").read_text()
    )


def test_the_spread_of_the_class_is_exported_per_measure_and_window(compared):
    *_, out = compared
    spread = pd.read_csv(out / "data" / "class_spread.csv").set_index("measure")
    committed, sent = spread.loc[COMMITTED], spread.loc[SENT]
    # ana 11,000; ben 10,720; cleo 10,000 (by 5 Nov Ukraine's latest is a bound); dan
    # 10,000 (by 23 Oct only South Korea's); eve 11,946 (Seoul's NIS at E5).
    assert (committed["lowest"], committed["median"], committed["highest"]) == (
        10000, 10720, 11946
    )  # fmt: skip
    assert (sent["students"], sent["estimated by"], sent["lowest"], sent["highest"]) == (
        5, 4, 6500, 8147
    )  # fmt: skip


def test_the_page_says_the_spread_and_what_moved_each_student(compared):
    *_, out = compared
    page = (out / "index.html").read_text()
    assert "5 students: from 6,500 to 8,147 (median 7,480); 1 had none." in page
    assert (
        "<b>dan</b> (cut-off 23 Oct 2024, whose no default estimate): their cut-off moved it "
        "most (without that choice: 7,480)"
    ) in page
    assert (
        "<b>cleo</b> (margin ±10%; cut-off 5 Nov 2024, whose default estimate 10,000): their "
        "cut-off moved it most (without that choice: 10,720)"
    ) in page
    assert (
        "<b>eve</b> (National Intelligence Service E5; Sabrina Singh A1; margin ±20%): their "
        "grades moved it most"
    ) in page
    assert "Files skipped:" in page and "<b>broken.csv</b> is not a readable CSV" in page


def test_the_page_names_the_class_day_and_what_moved_means(compared):
    *_, out = compared
    page = (out / "index.html").read_text()
    assert (
        "5 answer cards answering 2 questions (each a measure in a time window) of the lesson "
        "of 28 Oct 2024 (the class&#x27;s day)."
    ) in page
    assert "measures and windows" not in page
    assert (
        "the figure in brackets is the estimate (or the interval, for a margin) without that "
        "choice."
    ) in page
    # The grade key, one line under the reminder, from reliability.py's scales and weights.
    assert (
        '<p class="crosscheck-reminder crosscheck-grade-key">Grades: the letter says how '
        "reliable the source is, from A (completely reliable) to F (reliability cannot be "
        "judged), weighing 1, 0.8, 0.6, 0.4, 0.1 and 0.1 in turn; the digit how credible its "
        "figure is, from 1 (confirmed by other sources) to 6 (truth cannot be judged), "
        "weighing 1, 0.8, 0.6, 0.4, 0.1 and 0.1 in turn. A grade weighs the two multiplied "
        "(B2: 0.8 × 0.8 = 0.64; this course&#x27;s teaching weights).</p>"
    ) in page
    # The heading's default is the class's day's, never one per cut-off.
    assert "moved away from the default estimate (10,720)" in page
    assert "10,000 or 10,720" not in page


def test_each_panel_shows_how_its_default_is_worked_out(compared):
    *_, out = compared
    page = (out / "index.html").read_text()
    assert (
        "Default estimate on 28 Oct 2024: weighted mean of each source&#x27;s latest figure: "
        "National Intelligence Service 10,000 (B2, weight 0.64) and Volodymyr Zelenskyy "
        "12,000 (C3, 0.36) → 10,720."
    ) in page
    assert (
        "Default estimate on 28 Oct 2024: weighted mean of each source&#x27;s latest figure: "
        "Volodymyr Zelenskyy 3,000 (C3, weight 0.36) and Sabrina Singh 10,000 (B2, 0.64) → "
        "7,480."
    ) in page
    spread = pd.read_csv(out / "data" / "class_spread.csv").set_index("measure")
    assert spread.loc[COMMITTED, "default worked out"].endswith("(C3, 0.36) → 10,720")


def test_a_margin_that_moved_one_end_only_says_what_held_the_other(compared):
    *_, out = compared
    page = (out / "index.html").read_text()
    # eve (±20%): the NIS's "about 10,000" widens to 8,000; Zelenskyy's 12,000 holds the top.
    assert (
        "Their margin ±20% moved the low end only: 8,000 is &#x27;about 10,000&#x27; "
        "(National Intelligence Service) less 20%; the high end stays at 12,000: Volodymyr "
        "Zelenskyy&#x27;s figure 12,000 is exact, and a margin widens only &#x27;about&#x27; "
        "figures"
    ) in page
    # cleo (±10%, 5 Nov): Umerov's "up to 15,000" caps the troops committed.
    assert (
        "Their margin ±10% moved neither end: &#x27;up to 15,000&#x27; (Rustem Umerov) sets no "
        "floor, so the interval has no lower bound; the bound &#x27;up to 15,000&#x27; (Rustem "
        "Umerov) caps the high end at 15,000"
    ) in page


def test_a_card_of_another_cut_off_is_named_in_each_panel(compared):
    *_, out = compared
    page = (out / "index.html").read_text()
    later = (
        "cleo used 5 Nov 2024: figures published after the lesson&#x27;s day 28 Oct 2024 count "
        "in their estimate."
    )
    earlier = (
        "dan used 23 Oct 2024: figures published after it and by the lesson&#x27;s day 28 Oct "
        "2024 do not count in their estimate."
    )
    assert page.count(later) == page.count(earlier) == 2  # one per panel


def test_the_panels_data_are_named_by_their_window(compared):
    *_, out = compared
    names = sorted(p.name for p in (out / "data").glob("class-*.csv"))
    assert names == [
        "class-troops_committed-all-dates.csv",
        "class-troops_dispatched-2024-10-28.csv",
    ]


def test_the_cards_table_says_open_ends_and_names_grades(compared):
    *_, out = compared
    page = (out / "index.html").read_text()
    table = page.split('id="table-class_estimates"', 1)[1]
    # cleo by 5 Nov: Ukraine's "up to 15,000" leaves the troops committed no lower bound.
    assert "no lower bound" in table and "Volodymyr Zelenskyy&nbsp;<b>B2</b>" in table
    # eve's two grades, each on its line, the grade beside its name, a semicolon between.
    assert "National Intelligence Service&nbsp;<b>E5</b>;<br>Sabrina Singh&nbsp;<b>A1</b>" in table
    assert "volodymyr-zelenskyy" not in table
    assert "grades (7,480)" in table and "cut-off (10,720)" in table


def test_a_card_of_another_lesson_day_gets_its_own_panel(class_folder, class_views, tmp_path):
    # dee's lesson is 23 Oct (as_of only): her all-dates window of the troops committed
    # ends on 23 Oct, the class's on 28 Oct. Two questions, two panels, never mixed.
    dataset, shared = class_views
    folder = tmp_path / "answers"
    folder.mkdir()
    for card in answers.read_cards(class_folder).cards:
        answers.write_card(card, folder)
    day = pd.Timestamp("2024-10-23")
    measures = exercise.lesson_measures(analysis.analyse(dataset, analysis.Parameters(as_of=day)))
    dee = answers.build_card("dee", dataset, measures, analysis.Parameters(as_of=day), day, shared)
    answers.write_card(dee, folder)
    out = tmp_path / "page"
    assert class_page.write_class_page(folder, out).cards == 6
    page = (out / "index.html").read_text()
    sections = re.findall(
        r'<section class="crosscheck-panel" id="panel-([^"]+)" data-measure="troops_committed"'
        r".*?<h2>(.*?)</h2>(.*?)</section>",
        page,
        re.S,
    )
    dots = {
        heading: len(re.findall(r"<use ", re.search(r'-students">(.*?)</g>', body, re.S)[1]))
        for _, heading, body in sections
    }
    assert dots == {
        f"{COMMITTED}, all dates to 23 Oct 2024": 1,  # dee alone
        f"{COMMITTED}, all dates to 28 Oct 2024": 5,  # the five cards of 28 Oct
    }
    # Each panel's sentence and default are its own cards': dee knew South Korea's only.
    dee_panel = [body for _, heading, body in sections if "23 Oct" in heading][0]
    assert "1 student: all estimates at 10,000." in dee_panel
    assert (
        "Default estimate on 23 Oct 2024: the one source&#x27;s latest figure: National "
        "Intelligence Service 10,000 (B2, weight 0.64) → 10,000."
    ) in dee_panel
    names = [name for name, *_ in sections]
    # The class's questions come first, then those of dee's lesson.
    assert names == [
        "class-troops_committed-all-dates-to-2024-10-28",
        "class-troops_committed-all-dates-to-2024-10-23",
    ]
    students = [
        sorted(pd.read_csv(out / "data" / f"{name}.csv").query("mark == \"student's estimate\"")
               ["student"])
        for name in names
    ]  # fmt: skip
    assert students == [["ana", "ben", "cleo", "dan", "eve"], ["dee"]]
    # The opening line says whose cards answer another lesson.
    assert (
        "6 answer cards answering 5 questions (each a measure in a time window). The "
        "class&#x27;s day is 28 Oct 2024, the lesson most cards answer; dee answered the lesson "
        "of 23 Oct 2024, whose questions have panels of their own." in page
    )


def run_compare(folder: Path, out: Path, capsys) -> tuple[int, str]:
    code = cli.main(["class", "compare", str(folder), "--out", str(out)])
    return code, capsys.readouterr().err


def test_a_folder_without_a_card_exits_2_and_says_why(tmp_path, capsys):
    (tmp_path / "answers").mkdir()
    code, err = run_compare(tmp_path / "answers", tmp_path / "out", capsys)
    assert code == 2 and "it holds no .csv file" in err
    (tmp_path / "answers" / "notes.csv").write_text("a,b\n1,2\n")
    code, err = run_compare(tmp_path / "answers", tmp_path / "out", capsys)
    assert code == 2 and "none of its 1 CSV files is an answer card" in err
    assert not (tmp_path / "out").exists()


def test_a_page_that_fails_keeps_the_earlier_page(class_folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "class"
    assert run_compare(class_folder, out, capsys)[0] == 0
    before = (out / "index.html").read_bytes()

    def failing(*args, **kwargs):
        raise RuntimeError("the chart could not be drawn")

    monkeypatch.setattr(class_page, "class_page_html", failing)
    with pytest.raises(RuntimeError):
        cli.main(["class", "compare", str(class_folder), "--out", str(out)])
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class"]  # no staging left


# --- the page in Chromium, its network cut --------------------------------------------


@pytest.fixture(scope="session")
def seen(compared, browser):
    """The page opened once: the requests it tried, and per panel its id, the students'
    dots and the published figures' marks drawn."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing")
    *_, out = compared
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    blocked = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto((out / "index.html").as_uri(), wait_until="load")
    # A mark is a <use> of the group's marker, or a <path> of its own (outside <defs>)
    # where the group has one.
    marks = "svg g[id*='-published-'] use, svg g[id*='-published-'] path:not(defs path)"
    panels = page.evaluate(
        """(MARKS) => [...document.querySelectorAll("section.crosscheck-panel")].map(s => ({
            measure: s.dataset.measure, start: s.dataset.windowStart,
            heading: s.querySelector("h2").innerText,
            dots: s.querySelectorAll("svg g[id$='-students'] use").length,
            published: s.querySelectorAll(MARKS).length,
            hollow: [...s.querySelectorAll(MARKS)].filter(
                u => (u.getAttribute("style") || "").includes("fill: none")).length,
            visible: s.querySelector("svg").getBoundingClientRect().width > 600}))""",
        marks,
    )
    # The horizontal rules drawn between the header (with its skipped-files notice) and
    # the first panel's heading: the header's bottom border and the panel's top border.
    rules = page.evaluate(
        """() => { const h = document.querySelector("header.crosscheck-header");
                   const p = document.querySelector("section.crosscheck-panel");
                   return [getComputedStyle(h).borderBottomWidth,
                           getComputedStyle(p).borderTopWidth]; }"""
    )
    page.set_viewport_size({"width": 900, "height": 900})
    block = page.evaluate(
        """() => { const b = document.querySelector("#table-class_estimates");
                   return [b.scrollWidth, b.clientWidth]; }"""
    )
    page.close()
    return blocked, panels, block, rules


def test_the_page_makes_no_request(seen):
    blocked, *_ = seen
    assert blocked == []


def test_one_rule_under_the_skipped_files_notice(seen):
    *_, (header_rule, panel_rule) = seen
    assert (header_rule, panel_rule) == ("2px", "0px")


def test_the_cards_table_fits_a_900_pixel_window(seen):
    _, _, (scroll_width, client_width), _ = seen
    assert scroll_width <= client_width


def test_one_panel_per_measure_and_window_with_a_dot_per_student_estimate(seen, class_folder):
    _, panels, *_ = seen
    cards = answers.read_cards(class_folder).cards
    estimates = answers.class_estimates(cards)
    expected = estimates.groupby(["measure_id", "window_start"], sort=False)["my estimate"].count()
    assert [(p["measure"], p["start"]) for p in panels] == [
        (m, f"{s:%Y-%m-%d}") for m, s in expected.index
    ]
    assert [p["dots"] for p in panels] == expected.tolist() == [5, 4]
    assert [p["heading"] for p in panels] == [f"{COMMITTED}, all dates", f"{SENT}, 28 Oct 2024"]
    assert all(p["visible"] for p in panels)


def test_every_published_figure_the_cards_hold_is_drawn(seen, compared):
    _, panels, *_ = seen
    *_, out = compared
    published = pd.read_csv(out / "data" / "class_published.csv")
    # Troops committed: South Korea's 10,000, Ukraine's 12,000 and, by 5 Nov, its "up to
    # 15,000"; troops sent on 28 Oct: Ukraine's 3,000, the US's 10,000.
    assert (
        [p["published"] for p in panels]
        == [3, 2]
        == published.groupby("measure", sort=False).size().tolist()
    )
    # Ukraine's "up to 15,000", known only by cleo's 5 Nov cut-off, is drawn hollow.
    assert [p["hollow"] for p in panels] == [1, 0]


# --- the README's example, as written there --------------------------------------------


def readme_commands() -> list[str]:
    """The shell commands of the README's "In class" section (continuation lines joined)."""
    text = (ROOT / "README.md").read_text()
    section = text.split("\n## In class", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S)
    joined = "\n".join(blocks).replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip().startswith(".venv/")]


def exercise_parameters(command: str) -> dict:
    """The parameters a papermill command line gives: -p name value, -y YAML."""
    words = shlex.split(command)
    parameters = {}
    for i, word in enumerate(words):
        if word == "-p":
            parameters[words[i + 1]] = yaml.safe_load(words[i + 2])
        elif word == "-y":
            parameters |= yaml.safe_load(words[i + 1])
    return parameters


def test_the_readmes_two_students_get_different_cards(tmp_path):
    commands = readme_commands()
    runs = [c for c in commands if "papermill notebooks/exercises/your_estimate.ipynb" in c]
    assert len(runs) == 2, commands
    assert any(c.endswith("crosscheck class compare answers/") for c in commands), commands
    first, second = (exercise_parameters(run) for run in runs)
    assert "as_of" not in first and "as_of" not in second  # the exercise's own cut-off
    answers_dir = tmp_path / "answers"
    # The first as the notebook runs it (the one papermill run of this file); the second
    # through the notebook's one call.
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "exercises" / "your_estimate.ipynb"),
        str(tmp_path / "first.ipynb"),
        parameters=first | {"data_dir": str(DATA), "answers_dir": str(answers_dir)},
        kernel_name="python3",
        progress_bar=False,
    )
    choices = {k: v for k, v in second.items() if k != "student"}
    answers.write_card(answers.exercise_card(second["student"], DATA, **choices), answers_dir)
    cards = {c["student"].iloc[0]: c for c in answers.read_cards(answers_dir).cards}
    assert set(cards) == {first["student"], second["student"]}
    mine = {
        student: card.loc[
            (card["row"] == "estimate") & (card["measure"] == SENT), "my estimate"
        ].iloc[0]
        for student, card in cards.items()
    }
    assert mine[first["student"]] != mine[second["student"]]


def test_the_value_labels_sit_off_the_interval_bars(class_folder):
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection

    from crosscheck import plots

    cards = answers.read_cards(class_folder).cards
    estimates = answers.class_estimates(cards)
    rows = estimates[estimates["measure"] == COMMITTED]
    published = answers.class_published(cards)
    figure = plots.class_estimates_chart(
        rows, published[published["measure"] == COMMITTED], "t", "s"
    )
    axes = figure.axes[1]
    renderer = figure.canvas.get_renderer()
    labels = [t for t in axes.texts if t.get_text().replace(",", "").isdigit()]
    # ana 11,000, ben 10,720, cleo and dan 10,000, eve 11,946: each labelled.
    assert sorted(t.get_text() for t in labels) == [
        "10,000", "10,000", "10,720", "11,000", "11,946"
    ]  # fmt: skip
    bars = []
    for collection in axes.collections:
        if isinstance(collection, LineCollection):
            width = collection.get_linewidth()[0] * figure.dpi / 72
            for segment in collection.get_segments():
                (x0, y), (x1, _) = axes.transData.transform(segment)
                bars.append((x0, x1, y - width / 2, y + width / 2))
    assert len(bars) == 5
    for label in labels:
        box = label.get_window_extent(renderer)
        assert not any(
            box.x0 < x1 and box.x1 > x0 and box.y0 < top and box.y1 > bottom
            for x0, x1, bottom, top in bars
        ), label.get_text()
    plt.close(figure)


def test_a_tie_between_two_lessons_is_not_called_a_majority(class_folder, class_views, tmp_path):
    dataset, shared = class_views
    folder = tmp_path / "answers"
    folder.mkdir()
    ben = [c for c in answers.read_cards(class_folder).cards if c["student"].iloc[0] == "ben"]
    answers.write_card(ben[0], folder)
    day = pd.Timestamp("2024-10-23")
    measures = exercise.lesson_measures(analysis.analyse(dataset, analysis.Parameters(as_of=day)))
    dee = answers.build_card("dee", dataset, measures, analysis.Parameters(as_of=day), day, shared)
    answers.write_card(dee, folder)
    class_page.write_class_page(folder, tmp_path / "page")
    page = (tmp_path / "page" / "index.html").read_text()
    # One card each: the earlier day is the class's, and the page says why.
    assert (
        "The class&#x27;s day is 23 Oct 2024, the earliest of the lessons most cards answer; "
        "ben answered the lesson of 28 Oct 2024, whose questions have panels of their own."
    ) in page
