"""A lesson pack for one cut-off day: a handout for the class (HTML, printed to an A4 PDF
by Chromium) and a teacher's page, both drawn from the data as it stood on that day.

The handout holds what was known that day (a chart and a short table of the exercise's
figures), a few discussion prompts (classroom.discussion_prompts) and Heuer's matrix of
competing hypotheses to fill in. The teacher's page holds the answer key (what the data
says for each prompt, which source moves each estimate most, the matrix as the data's
coders rated it), what changed in the following days, and a 45-minute plan. Another day,
or another topic's data, gives another pack: nothing here names a topic.
"""

from __future__ import annotations

import dataclasses
import html
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from crosscheck import analysis, classroom, estimates, exercise, plots, publish, timeline
from crosscheck.load import load_dataset
from crosscheck.present import format_day, listed, write_csv
from crosscheck.reliability import BOUND_ONLY, CREDIBILITY_WEIGHTS, RELIABILITY_WEIGHTS
from crosscheck.screenshots import CHROMIUM, CHROMIUM_FLAGS

TEMPLATES = Path(__file__).parent / "templates" / "lesson"
# What changed after the cut-off: the claims of the next two weeks, long enough for a
# source to be confirmed or revised, short enough to stay the same story.
FOLLOWING_DAYS = 14
# A handout of 2–4 A4 pages: one prompt per theme, a matrix that fits one page.
PROMPTS_PER_THEME = 1
# The matrix gets 8 minutes of the plan: about a minute a row, so at most 8 rows, the
# most diagnostic first (Heuer, ch. 8: evidence consistent with every hypothesis tells
# none apart).
MAX_EVIDENCE = 8
# The label of the matrix's last row, on the handout and the teacher's page alike.
ACH_TOTAL = "Evidence against (I = 1, II = 2)"
ACH_TIES = (
    "A tie means the evidence so far does not tell those hypotheses apart: look for a "
    "piece of evidence that would."
)
# Claims listed per prompt under "what came next" in the answer key; the rest are in the
# CSV beside the page (data/following_claims.csv).
MAX_LATER = 15
PDF_SECONDS = 120
# The pack's files in its folder (the CSVs go in data/).
HANDOUT, TEACHER, PDF = "handout.html", "teacher.html", "handout.pdf"

# The 45-minute plan: (minutes, activity). Activities name no topic; the page fills in
# the day, the measures and the prompts.
# The handout's sections, numbered on the page and named by number in the plan.
SECTIONS = {"known": 1, "estimate": 2, "prompts": 3, "ach": 4}
PLAN = [
    (5, "Read section 1 of the handout: what was known on {day}, who said it, and "
        "{read}."),
    (10, "Section 2: each student runs the exercise notebook for {day} (see 'For whoever "
         "runs the computers' below) with their own {choices} and writes down their "
         "estimate for {measures}."),
    (5, "Collect the answer cards and show the class's estimates side by side "
        "(crosscheck class compare): {compare}"),
    (12, "Section 3: discuss the prompts in small groups: {prompts} prompt{s}, one per "
         "group; each group reports one answer."),
    (8, "Section 4: fill in the matrix of competing hypotheses together ({rows} "
        "row{rows_s}): which hypothesis has the least evidence against it?"),
    (5, "Reveal what came in the following {following} days (this page, 'What changed'): "
        "which estimate held, and what would the class word differently now?"),
]  # fmt: skip


@dataclass(frozen=True)
class Lesson:
    """Everything a pack shows, computed once from the data and the day.

    day: the cut-off; view: the data analysed as of it; later: as of day + FOLLOWING_DAYS;
    windows: the lesson's (measure, window) pairs (exercise.lesson_measures of the view:
    the same ones the answer card and the class page cover);
    exercise_windows: whether a grade can move their estimates (their `grades_matter`);
    exercise_day: for a day where grades do not matter, the data's first day where they
    do (exercise.exercise_cutoff), to point a grading lesson to; None when there is none
    or the day's grades matter (then it is not needed: it would take further analyses);
    full: all the data analysed (no cut-off).
    """

    day: pd.Timestamp
    view: analysis.Analysis
    later: analysis.Analysis
    full: analysis.Analysis
    windows: pd.DataFrame
    exercise_windows: bool
    exercise_day: pd.Timestamp | None


def lesson(dataset, day: pd.Timestamp, parameters: analysis.Parameters | None = None) -> Lesson:
    """The views and windows of a pack for `day` (a Timestamp). Raises ValueError as
    analysis.analyse does for bad parameters."""
    parameters = parameters or analysis.Parameters()
    view = analysis.analyse(dataset, dataclasses.replace(parameters, as_of=day))
    later_day = day + pd.Timedelta(days=FOLLOWING_DAYS)
    later = analysis.analyse(dataset, dataclasses.replace(parameters, as_of=later_day))
    windows = exercise.lesson_measures(view)
    chosen = bool(windows["grades_matter"].any())
    full = analysis.analyse(dataset, dataclasses.replace(parameters, as_of=None))
    exercise_day = None if chosen else exercise.exercise_cutoff(full)
    return Lesson(day, view, later, full, windows, chosen, exercise_day)


def known_figures(lesson_: Lesson) -> pd.DataFrame:
    """The statements of the shown windows known by the day (the view's `windowed` rows
    of those measures and windows), each with its claimant's grade (`graded as`)."""
    view = lesson_.view
    keys = lesson_.windows[["measure_id", "window_end"]].rename(columns={"measure_id": "measure"})
    rows = view.windowed.merge(keys.astype({"measure": view.windowed["measure"].dtype}))
    grades = view.grades.set_index("actor_id")["graded as"]
    # An estimate weighs each source's latest figure in a window (the view's `latest`):
    # an earlier one of the same source is replaced by it.
    latest = view.latest[["measure", "window", "origin_id", "statement", "stated_on"]].astype(
        {"measure": str}
    )
    replacing = rows[["measure", "window", "origin_id"]].astype({"measure": str}).merge(
        latest.rename(columns={"statement": "latest", "stated_on": "latest_on"}), how="left"
    )  # fmt: skip
    replaced = (replacing["latest"].to_numpy() != rows["statement"].to_numpy()) & replacing[
        "latest"
    ].notna().to_numpy()
    return rows.assign(
        grade=rows["claimant_id"].map(grades).astype(str),
        replaced=replaced,
        replaced_on=replacing["latest_on"].where(replaced).to_numpy(),
    )


FIGURE_TABLE_COLUMNS = [
    "measure", "window", "said by", "grade", "for", "figure", "stated", "counts?",
]  # fmt: skip
REPLACED = "no: replaced on {day}"


def figures_table(known: pd.DataFrame) -> pd.DataFrame:
    """The handout's short table: one row per figure known that day (FIGURE_TABLE_COLUMNS;
    `said by` the claimant and `grade` its grade beside it; `for` the source it speaks
    for, counted once however many of its people speak; figure as said; stated as
    '23 Oct 2024'; `counts?` 'yes', or why not: REPLACED by the source's later figure in
    the window, on that figure's day, which an estimate weighs instead)."""
    if known.empty:
        return pd.DataFrame(columns=FIGURE_TABLE_COLUMNS)
    ordered = known.sort_values(["window_end", "measure", "stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "measure": ordered["measure_label"],
            "window": ordered["window"],
            "said by": ordered["claimant"],
            "grade": ordered["grade"],
            "for": ordered["origin"],
            "figure": estimates.as_said(ordered),
            "stated": format_day(ordered["stated_on"]),
            "counts?": [
                REPLACED.format(day=f"{on:%-d %b %Y}") if old else "yes"
                for old, on in zip(ordered["replaced"], ordered["replaced_on"], strict=True)
            ],
        },
        columns=FIGURE_TABLE_COLUMNS,
    ).reset_index(drop=True)


def figures_chart(lesson_: Lesson, known: pd.DataFrame):
    """The handout's chart: one panel per measure and window, each figure as a range
    around its point (plots.estimate_ranges), those replaced by a later figure of the same
    source lighter; or a NothingToDraw. Its title counts the figures drawn and all the
    figures known that day (known_counts), as the 'what was known when' prompt does."""
    # A name wider than the chart's labels is wrapped onto lines, never cut short.
    names = (
        known["claimant"]
        .astype(str)
        .map(lambda name: "\n".join(textwrap.wrap(name, plots.LABEL_WIDTH - 8)) or name)
    )
    panels = known.assign(
        claimant=names,
        measure=known["measure"].astype(str) + " | " + known["window"].astype(str),
        measure_label=known["measure_label"].astype(str) + ", " + known["window"].astype(str),
    )
    day = f"{lesson_.day:%-d %b %Y}"
    count = len(panels)
    sources = panels["origin_id"].nunique()
    counts = known_counts(lesson_)
    title = (
        f"By {day}, {count:,} figure{'s' if count != 1 else ''} from {sources} "
        f"source{'s' if sources != 1 else ''} on "
        f"{_these_measures(len(lesson_.windows))} ({counts['all']:,} on all measures); "
        "faded: replaced by a later figure of the same source"
    )
    source = "the claims of the data published on or before " + day
    figure = plots.estimate_ranges(
        panels,
        title,
        source,
        keep=set(panels["statement"]),
        alignments=lesson_.view.data.alignments,
        earlier=set(known.loc[known["replaced"], "statement"]),
    )
    if not isinstance(figure, plots.NothingToDraw):
        _keep_ticks_inside(figure)
    return figure


# Pixels kept between an x tick label's end and the chart's right edge: a tick label at
# the axis's end ('5,000') is centred on it, and a browser's font can be a little wider
# than the one matplotlib measured with, which would cut the label at the SVG's edge.
TICK_ROOM = 16


def _keep_ticks_inside(figure) -> None:
    """Narrow every panel of a settled figure (its layout already run) by what its
    visible x tick labels lack of TICK_ROOM at the figure's right edge; nothing when
    they have it."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    ends = [
        label.get_window_extent(renderer).x1
        for axes in figure.axes
        for tick, label in zip(axes.get_xticks(), axes.get_xticklabels(), strict=True)
        if label.get_text() and min(axes.get_xlim()) <= tick <= max(axes.get_xlim())
    ]
    lacking = max(ends, default=0) + TICK_ROOM - figure.bbox.x1
    if lacking <= 0:
        return
    for axes in figure.axes:
        box = axes.get_position()
        axes.set_position([box.x0, box.y0, box.width - lacking / figure.bbox.width, box.height])


def _these_measures(count: int) -> str:
    return "this measure" if count == 1 else f"these {count} measures"


def known_counts(lesson_: Lesson) -> dict:
    """How many figures were known by the day: on all measures (`all`, as the timeline's
    'what was known when' counts them, timeline.known_by) and in the lesson's windows
    (`shown`: the handout's chart and table); `later`: those published after the day."""
    full = lesson_.full
    known = timeline.known_by(full.figures, lesson_.day, full.claims)
    shown = len(known_figures(lesson_))
    return {
        "all": len(known),
        "shown": shown,
        "later": full.figures["statement"].nunique() - len(known),
    }


def _latest_in_windows(lesson_: Lesson) -> pd.DataFrame:
    """The view's latest figure per source in the lesson's windows (what an estimate
    reads), with `said` (the figure as said) and `weighed` (averaged, not a bare bound)."""
    view = lesson_.view
    keys = lesson_.windows[["measure_id", "window"]].rename(columns={"measure_id": "measure"})
    latest = view.latest.astype({"measure": str}).merge(keys, on=["measure", "window"])
    weighed = ~latest["bound"].isin(BOUND_ONLY) & latest["point"].notna()
    return latest.assign(said=estimates.as_said(latest), weighed=weighed)


def _listing(rows: pd.DataFrame) -> str:
    return "; ".join(f"{r['said']} ({r['claimant']})" for _, r in rows.iterrows())


def opening(lesson_: Lesson) -> dict:
    """The handout's first words, in plain terms: on a day where grades cannot move an
    estimate, why not (per lesson window: the figures weighed and the bounds, from the
    view's `latest`) and the first day they can. Output: {'lead': str, 'windows': [str]}
    (empty lead on a day where grades matter: the template says so itself)."""
    if lesson_.exercise_windows or lesson_.windows.empty:
        return {"lead": "", "windows": []}
    latest = _latest_in_windows(lesson_)
    lines = []
    for _, window in lesson_.windows.iterrows():
        rows = latest[(latest["measure"] == window["measure_id"])
                      & (latest["window"] == window["window"])].sort_values("claimant")  # fmt: skip
        weighed, bounds = rows[rows["weighed"]], rows[~rows["weighed"]]
        parts = [
            f"one figure to weigh, {_listing(weighed)}"
            if len(weighed) == 1
            else "no figure to weigh"
        ]
        if len(bounds):
            parts.append(f"a bound, listed beside the estimate and never averaged: "
                         f"{_listing(bounds)}")  # fmt: skip
        lines.append(f"{window['measure']} ({window['window']}): {', and '.join(parts)}.")
    later = (
        f" Grades first matter on {lesson_.exercise_day:%-d %b %Y}."
        if lesson_.exercise_day is not None
        else ""
    )
    lead = (
        f"On {lesson_.day:%-d %b %Y}, no question below has figures from two sources to set "
        "against each other, so grades cannot change any answer yet (a grade only weighs one "
        "source against another). Today's exercise: read each source's latest figure and the "
        f"bounds, choose how wide 'about' is, and write your low, best and high.{later}"
    )
    return {"lead": lead, "windows": lines}


RULE = (
    "Only each source's latest figure in a time window counts: a government and its "
    "officials are one source, and when a source gives a new figure its earlier one is "
    "replaced ({where})."
)
# The handout's table stays short (the issue: "a chart and a short table", 2-4 printed
# pages): past SHORT_TABLE rows it lists only the figures that count, and the replaced
# ones stay in the chart (faded) and in data/known_figures.csv.
SHORT_TABLE = 8


def short_table(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of figures_table the handout prints: all of them up to SHORT_TABLE rows,
    else those whose `counts?` is 'yes'."""
    return table if len(table) <= SHORT_TABLE else table[table["counts?"] == "yes"]


def rule(left_out: int) -> str:
    """The rule the numbers follow, saying where a replaced figure shows: 'no: replaced'
    in the table, or, when short_table left `left_out` of them out, only in the chart and
    the CSV."""
    if not left_out:
        return RULE.format(where="faded in the chart; 'no: replaced' in the table")
    figures = f"{left_out} such figure{'s' if left_out != 1 else ''}"
    return RULE.format(
        where=f"faded in the chart, and left out of the table to keep it short: {figures}, "
        "listed in data/known_figures.csv"
    )


def data_ends(lesson_: Lesson) -> str:
    """A sentence for a day after the data's last claim (the latest `stated_on` of all
    the data): what the handout shows is what the data holds by then, not all that was
    said; '' on a day the data reaches."""
    last = lesson_.full.claims["stated_on"].max()
    if pd.isna(last) or lesson_.day <= last:
        return ""
    return (
        f"The data's latest claim was made on {last:%-d %b %Y}: this handout shows what the "
        f"data holds, and anything said between then and {lesson_.day:%-d %b %Y} is not "
        "in it."
    )


def _first_sentence(text: str) -> str:
    head, _, rest = text.partition(". ")
    return head.rstrip(".") + "." if rest else text


def weights_table() -> list[dict]:
    """What each grade weighs (reliability.RELIABILITY_WEIGHTS, CREDIBILITY_WEIGHTS): one
    row per part of a grade, {'part', 'marks': [(mark, weight text)]}."""
    return [
        {"part": "reliability (letter)",
         "marks": [(k, f"{v:g}") for k, v in RELIABILITY_WEIGHTS.items()]},
        {"part": "credibility (digit)",
         "marks": [(k, f"{v:g}") for k, v in CREDIBILITY_WEIGHTS.items()]},
    ]  # fmt: skip


def grade_reasons(lesson_: Lesson, known: pd.DataFrame) -> list[dict]:
    """The grade of each claimant on the handout's table and why, by name:
    {'name', 'grade', 'reason'}. A claimant graded as its own source gives the first
    sentence of grades.csv's reason; those who speak for a body (`grade from`) are one
    line per body and grade, naming them ('Sabrina Singh and Pat Ryder speak for it and
    take its grade'), so that five spokespeople of one government take one line."""
    grades = lesson_.view.grades.set_index("actor_id")
    own, speakers = [], {}
    for actor_id in sorted(set(known["claimant_id"])):
        if actor_id not in grades.index:
            continue
        grade = grades.loc[actor_id]
        body = grade.get("grade from", "")
        if isinstance(body, str) and body:
            speakers.setdefault((body, str(grade["graded as"])), []).append(str(grade["name"]))
            continue
        reason = grade.get("reasoning", "")
        own.append(
            {
                "name": str(grade["name"]),
                "grade": str(grade["graded as"]),
                "reason": "" if pd.isna(reason) else _first_sentence(str(reason)),
            }
        )
    for (body, grade), names in speakers.items():
        names = sorted(names, key=str.lower)
        who = listed(names)
        verbs = "speaks for it and takes" if len(names) == 1 else "speak for it and take"
        own.append({"name": body, "grade": grade, "reason": f"{who} {verbs} its grade"})
    return sorted(own, key=lambda row: row["name"].lower())


def estimate_steps(lesson_: Lesson) -> list[str]:
    """The steps of the handout's 'Your estimate' section. On a day where grades matter:
    what a grade does (the teaching weights of reliability and an example grade from the
    day's sources), what 'about' and the margin do (with an 'about' figure of the day when
    there is one), and the default estimate of each lesson window (the view's
    `weighted`). On a day where they do not, no grading step: read each source's latest
    figure and the bounds (named from the view's `latest`), then the margin and the
    defaults."""
    latest = _latest_in_windows(lesson_)
    if lesson_.exercise_windows:
        grade = latest.loc[latest["weighed"], "grade"].astype(str)
        grade = grade.iloc[0] if len(grade) else "B2"
        r, c = RELIABILITY_WEIGHTS[grade[0]], CREDIBILITY_WEIGHTS[grade[1]]
        steps = [
            "Grade the sources. A grade is a letter for the source's reliability (A best, F "
            "cannot be judged) and a digit for the information's credibility (1 confirmed, 6 "
            "cannot be judged); the table in section 1 gives what each weighs and why each "
            "source has its grade. Your estimate averages the sources' latest figures, each "
            f"weighted by the two multiplied ({grade}: {r:g} × {c:g} = {r * c:.2g}): a better "
            "grade pulls it towards that source."
        ]
    else:
        bounds = latest[~latest["weighed"]].sort_values("claimant")
        named = "; ".join(f"'{r['said']}' ({r['claimant']})" for _, r in bounds.iterrows())
        steps = [
            "Read each source's latest figure in section 1 (a faded or 'replaced' one does not "
            "count) and the bounds"
            + (f" ({named})" if named else "")
            + ": a bound says only where the count stops, so it is never averaged, but your "
            "low or high should not cross it."
        ]
    about = latest[latest["bound"] == "approximate"]
    if len(about):
        example = about.iloc[0]
        point = example["point"]
        steps.append(
            f"'{example['said']}' ({example['claimant']}) counts as exactly {point:,.0f} "
            f"unless you set a margin: a margin of 10% reads it as "
            f"{point * 0.9:,.0f}–{point * 1.1:,.0f}, which widens your low and high, not "
            "your best."
        )
    else:
        steps.append(
            "An 'about' figure counts as exactly what was said unless you set a margin: a "
            "margin of 10% reads 'about 1,000' as 900–1,100, which widens your "
            "low and high, not your best."
        )
    last = (
        "Write yours, then say which choice moved it."
        if lesson_.exercise_windows
        else "Write your low, best and high in the boxes below."
    )
    # The numbers stay on the teacher's page (default_estimates): students would copy them.
    steps.append(
        f"The default estimate is what the notebook gives if you change nothing: {DEFAULTS}. "
        + last
    )
    return steps


# What the notebook's default estimate takes, in plain words (handout and teacher's page).
DEFAULTS = "every grade as the data gives it, no margin"


def default_estimates(lesson_: Lesson) -> list[str]:
    """The default estimate of each lesson window (the view's `weighted`: the data's
    grades, no margin), for the teacher's page: 'Troops committed in total (all dates):
    10,000'; a window with no weighed figure reads 'none (a bound only: never
    averaged)'."""
    weighted = lesson_.view.weighted.astype({"measure_id": str})
    defaults = []
    for _, window in lesson_.windows.iterrows():
        row = weighted[(weighted["measure_id"] == window["measure_id"])
                       & (weighted["window"] == window["window"])]  # fmt: skip
        value = row["weighted estimate"].iloc[0] if len(row) else pd.NA
        text = f"{value:,.0f}" if pd.notna(value) else "none (a bound only: never averaged)"
        defaults.append(f"{window['measure']} ({window['window']}): {text}")
    return defaults


def whos_who(view: analysis.Analysis, claim_ids) -> list[dict]:
    """The claimants of the given claims (ids of view.claims), each with what actors.csv
    says they are: {'name', 'description'}, the description being the actor's role, and
    its organisation when the name and the role do not already say it. Sorted by name."""
    claims = view.claims[view.claims["claim_id"].isin(set(claim_ids))]
    actors = view.data.actors.set_index("actor_id")
    rows = []
    for actor_id in sorted(set(claims["claimant_id"])):
        if actor_id not in actors.index:
            continue
        actor = actors.loc[actor_id]
        name = str(actor["name"])
        role = "" if pd.isna(actor["role"]) else str(actor["role"])
        organisation = "" if pd.isna(actor["organisation"]) else str(actor["organisation"])
        described = " ".join([name, role]).lower()
        parts = [role] if role else []
        if organisation and organisation.split(" (")[0].lower() not in described:
            parts.append(organisation)
        rows.append({"name": name, "description": ", ".join(parts) or "no role given"})
    return sorted(rows, key=lambda row: row["name"].lower())


# Figures listed under a prompt on the handout; the teacher's page has every claim.
MAX_CITED_FIGURES = 4
# A stated multiple in words: "×2 (twice the previous estimate)".
MULTIPLES = {0.5: "half", 2: "twice", 3: "three times", 4: "four times"}


def read_figure(said: str, row) -> str:
    """A figure as people read it: a count with its unit ('2 units', 'about 10,000
    soldiers'); a ratio with what it is a ratio to, from its measure's label ('×2 (twice
    the previous estimate)' for 'Ratio to the previous estimate')."""
    unit = "" if pd.isna(row.get("unit")) else str(row["unit"])
    if unit != "ratio":
        return f"{said} {unit}".strip()
    label = str(row.get("measure_label", ""))
    to = label[len("ratio to ") :] if label.lower().startswith("ratio to ") else "the figure before"
    point = float(row["point"])
    times = MULTIPLES.get(point, f"{point:g} times")
    return f"{said} ({times} {to})"


def cited_figures(view: analysis.Analysis, claim_ids: str) -> list[str]:
    """The figures among the claims a prompt cites (space-separated ids of view.figures),
    one statement each, named with its measure and read with its unit (read_figure):
    'Troops sent to Russia so far: 3,000 soldiers (National Intelligence Service, 23 Oct
    2024)'; beyond MAX_CITED_FIGURES, the first ones and 'and N more' (the handout never
    sends a student to the teacher's page)."""
    ids = set(str(claim_ids).split())
    figures = view.figures[view.figures["claim_id"].isin(ids)]
    figures = figures.sort_values(["stated_on", "claim_id"]).drop_duplicates("statement")
    said = estimates.as_said(figures)
    listed = [
        f"{row['measure_label']}: {read_figure(said[index], row)} "
        f"({row['claimant']}, {row['stated_on']:%-d %b %Y})"
        for index, row in figures.iterrows()
    ]
    if len(listed) > MAX_CITED_FIGURES:
        more = len(listed) - MAX_CITED_FIGURES + 1
        listed = [*listed[: MAX_CITED_FIGURES - 1], f"and {more} more"]
    return listed


def handout_prompts(lesson_: Lesson) -> pd.DataFrame:
    """A few prompts (PROMPTS_PER_THEME per theme) of the view as of the day; the 'what
    was known when' prompt counts the later figures of all the data (`full`), which the
    view cut off at the day cannot know. This is the teacher's copy (prompts.csv, the
    answer key); the handout prints each prompt without_the_future."""
    full = lesson_.full
    prompts = classroom.discussion_prompts(lesson_.view, lesson_.day)
    known = classroom.known_on_prompt(full.figures, lesson_.day, full.claims)
    if known and len(lesson_.windows):
        # One count everywhere: the chart's figures are a part of all those known.
        counts = known_counts(lesson_)
        sentence = timeline.known_count_sentence(full.figures, lesson_.day, full.claims)
        plural = "s" if counts["all"] != 1 else ""
        known[0]["prompt"] = known[0]["prompt"].replace(
            sentence,
            f"By {lesson_.day:%-d %b %Y}, {counts['all']:,} figure{plural} had been published "
            f"on all measures ({counts['shown']:,} on this handout's "
            f"{_these_measures(len(lesson_.windows)).split(' ', 1)[1]})"
            + LATER.format(later=counts["later"]),
        )
    if known:
        prompts = prompts[prompts["theme"] != known[0]["theme"]]
        prompts = pd.concat([prompts, pd.DataFrame(known)], ignore_index=True)
    return prompts.groupby("theme", sort=False).head(PROMPTS_PER_THEME).reset_index(drop=True)


# How many figures came after the day: the teacher's copy of 'what was known when' says
# it; the handout, dated that day, never points to the future (without_the_future).
LATER = "; {later:,} more came later."


def without_the_future(prompt: str, lesson_: Lesson) -> str:
    """A prompt as the handout prints it: the 'what was known when' count without its
    LATER clause, which only the teacher's page and prompts.csv keep."""
    return prompt.replace(LATER.format(later=known_counts(lesson_)["later"]), ".")


def _claims_rows(claims: pd.DataFrame) -> list[dict]:
    ordered = claims.sort_values(["published_on", "stated_on", "claim_id"])
    return [
        {
            "claim": row["claim_id"],
            "source": row["claimant"],
            "stated": row["stated_label"],
            "published": f"{row['published_on']:%-d %b %Y}",
            "summary": row["summary"],
        }
        for _, row in ordered.iterrows()
    ]


def answer_key(lesson_: Lesson, prompts: pd.DataFrame) -> list[dict]:
    """Per prompt: the claims it rests on (as the data holds them on the day) and what
    came in the following days: the standing claims published after the day, within
    FOLLOWING_DAYS, on the cited claims' measures (when they have one) or by the cited
    claims' claimants. Output: dicts with theme, prompt, claims, later (lists of dicts
    with claim, source, stated, published, summary), later_count (int) and
    later_figures (int: how many of those claims carry a figure, as key_lines counts)."""
    claims = lesson_.view.claims.set_index("claim_id", drop=False)
    later = lesson_.later.claims
    later = later[later["standing"] & (later["published_on"] > lesson_.day)]
    statements = lesson_.later.statements
    key = []
    for _, prompt in prompts.iterrows():
        cited = claims.loc[[c for c in prompt["claims"].split() if c in claims.index]]
        cited = cited.reset_index(drop=True)
        measures = set(cited["measure"].dropna()) - {""}
        if measures:
            following = later[later["measure"].isin(measures)]
        else:
            following = later[later["claimant_id"].isin(set(cited["claimant_id"]))]
        key.append(
            {
                "theme": prompt["theme"],
                "prompt": prompt["prompt"],
                "claims": _claims_rows(cited),
                "more": int(prompt["more claims"]),
                "lines": key_lines(lesson_, list(cited["claim_id"]), set(following["claim_id"])),
                "later": _claims_rows(following)[:MAX_LATER],
                "later_count": len(following),
                "later_figures": int(
                    statements.loc[
                        statements["claim_id"].isin(set(following["claim_id"])), "claim_id"
                    ].nunique()
                ),  # fmt: skip
                "later_rows": _claims_rows(following),
            }
        )
    return key


def _in_windows(table: pd.DataFrame, windows: pd.DataFrame) -> pd.DataFrame:
    keys = windows[["measure", "window"]].drop_duplicates()
    return table.merge(keys, on=["measure", "window"])


def moves(lesson_: Lesson) -> pd.DataFrame:
    """Per shown window: each source's pull on the weighted estimate (reliability's
    leave_one_out of the view): the exercise's 'which grade moved your estimate most?'."""
    table = _in_windows(lesson_.view.leave_one_out, lesson_.windows)
    return table[["measure", "window", "source left out", "its figure", "its weight",
                  "estimate with all", "estimate without it", "shift"]]  # fmt: skip


def following_figures(lesson_: Lesson) -> pd.DataFrame:
    """The figures on the shown measures published after the day, within FOLLOWING_DAYS
    (the later view's statements): measure, window, source, said by, figure (as said),
    stated, published."""
    statements = lesson_.later.windowed
    after = statements[
        (statements["published_on"] > lesson_.day)
        & statements["measure"].astype(str).isin(set(lesson_.windows["measure_id"]))
    ].sort_values(["published_on", "stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "measure": after["measure_label"],
            "window": after["window"],
            "source": after["origin"],
            "said by": after["claimant"],
            "figure": estimates.as_said(after),
            "stated": format_day(after["stated_on"]),
            "published": format_day(after["published_on"]),
        }
    ).reset_index(drop=True)


def estimates_then_and_later(lesson_: Lesson) -> pd.DataFrame:
    """Per shown measure: its weighted estimate in its latest window on the day and
    FOLLOWING_DAYS later (reliability.weighted_estimates of each view)."""
    measures = set(lesson_.windows["measure_id"])
    rows = []
    for when, view in (("day", lesson_.view), ("later", lesson_.later)):
        weighted = view.weighted[view.weighted["measure_id"].astype(str).isin(measures)]
        latest = weighted.sort_values("window_end").groupby("measure_id").tail(1)
        rows.append(
            latest.assign(when=when)[
                ["measure_id", "measure", "window", "sources", "weighted estimate", "when"]
            ]  # fmt: skip
        )
    both = pd.concat(rows, ignore_index=True)
    day, later = both[both["when"] == "day"], both[both["when"] == "later"]
    table = day.merge(
        later, on=["measure_id", "measure"], how="outer", suffixes=(" then", " later")
    )
    return table.drop(columns=["measure_id", "when then", "when later"]).sort_values("measure")


def ach_form(view: analysis.Analysis) -> tuple[pd.DataFrame, list[dict], int]:
    """The matrix to fill in: evidence known by the day down the side (the rated claims,
    the earliest MAX_EVIDENCE), the hypotheses across, empty cells. Returns the rows
    (evidence, source, claim: the claim id is for the pack's own use, the student's form
    leaves it out), the hypotheses ({'label', 'description'}: hypotheses.csv, the
    description empty where the data has none) and how many rows were left out."""
    matrix = classroom.ach_matrix(view)
    hypotheses = view.data.hypotheses
    descriptions = (
        hypotheses["description"].fillna("").astype(str)
        if "description" in hypotheses
        else pd.Series("", index=hypotheses.index)
    )
    labels = [
        {"label": str(label), "description": description}
        for label, description in zip(hypotheses["label"], descriptions, strict=True)
    ]
    evidence = matrix.iloc[:-1] if not matrix.empty else matrix
    return (
        diagnostic(evidence)[["evidence", "source", "claim"]],
        labels,
        max(0, len(evidence) - MAX_EVIDENCE),
    )


def diagnostic(evidence: pd.DataFrame, count: int = MAX_EVIDENCE) -> pd.DataFrame:
    """The `count` most diagnostic rows of an ACH matrix (without its total row), in their
    own order: those whose ratings differ most across the hypotheses (the spread of their
    inconsistency weights, then how many ratings are not N), the earlier first on a tie.
    Heuer (ch. 8): evidence consistent with every hypothesis helps decide none."""
    ratings = evidence.drop(columns=["evidence", "source", "claim"])
    if ratings.empty or len(evidence) <= count:
        return evidence.reset_index(drop=True)
    weights = ratings.apply(lambda c: c.map(classroom.INCONSISTENCY_WEIGHTS)).fillna(0)
    consistent = ratings.isin(["CC"]).sum(axis=1)
    spread = weights.max(axis=1) - weights.min(axis=1) + consistent
    rated = (ratings != "N").sum(axis=1)
    order = pd.DataFrame({"spread": spread, "rated": rated, "at": range(len(evidence))})
    chosen = order.sort_values(["spread", "rated", "at"], ascending=[False, False, True])
    return evidence.loc[sorted(chosen.index[:count])].reset_index(drop=True)


NOTEBOOK = "notebooks/exercises/your_estimate.ipynb"


def notebook_command(lesson_: Lesson) -> dict:
    """How students run the exercise for the pack's day, and how the teacher gathers the
    cards and remakes the pack: the papermill command, the line of the notebook's
    parameters cell (`as_of`) in JupyterLab, `crosscheck class compare` and `pack`."""
    day = f"{lesson_.day:%Y-%m-%d}"
    return {
        "terminal": f".venv/bin/papermill {NOTEBOOK} /tmp/you.ipynb -p student <name> "
        f"-p as_of {day}",
        "cell": f'as_of = "{day}"',
        "compare": ".venv/bin/crosscheck class compare answers/",
        "pack": f".venv/bin/crosscheck class pack --as-of {day}",
    }


def plan(lesson_: Lesson, prompts: pd.DataFrame) -> list[dict]:
    """The 45-minute plan (PLAN) filled in with the day, exactly the lesson's measures
    (exercise.lesson_measures), the prompts and the matrix's rows; the handout's sections
    named by number (SECTIONS). On a day where grades cannot move an estimate, the
    students' choices and the class's comparison are the margin and the bounds."""
    measures = "; ".join(
        f"{m} ({w})" for m, w in zip(lesson_.windows["measure"], lesson_.windows["window"],
                                     strict=True)
    ) or "the measures on the handout"  # fmt: skip
    grading = lesson_.exercise_windows
    choices = (
        "grades (and, if they like, margin)"
        if grading
        else "margin for 'about' and reading of the bounds (grades cannot move an estimate "
        "on this day)"
    )
    compare = (
        "whose choices moved the estimate most, and why?"
        if grading
        else "compare the readings of 'about' and of the bounds: whose low and high are "
        "widest, and why?"
    )
    read = "how each source is graded" if grading else "which figure of each source counts"
    rows_shown = len(ach_form(lesson_.view)[0])
    start, rows = 0, []
    for minutes, text in PLAN:
        rows.append(
            {
                "from": start,
                "to": start + minutes,
                "activity": text.format(
                    day=f"{lesson_.day:%-d %b %Y}",
                    read=read,
                    choices=choices,
                    compare=compare,
                    measures=measures,
                    prompts=len(prompts),
                    s="s" if len(prompts) != 1 else "",
                    rows=rows_shown,
                    rows_s="s" if rows_shown != 1 else "",
                    following=FOLLOWING_DAYS,
                ),
            }
        )
        start += minutes
    return rows


def moves_note(lesson_: Lesson, table: pd.DataFrame) -> str:
    """Why the 'which source moves each estimate most' table is empty, in a sentence."""
    if not table.empty:
        return ""
    if lesson_.windows.empty:
        return "No figure was known on this day, so there is no estimate to move."
    return (
        "None: no measure of the day has two weighed sources, so leaving one out changes "
        "nothing (each estimate is its one figure, and a bound is never averaged)."
    )


def _compared(value: float, to: float) -> str:
    if pd.isna(value) or pd.isna(to):
        return ""
    if value == to:
        return ", the same figure"
    return f", {'higher' if value > to else 'lower'} than {to:,.0f}"


def key_lines(lesson_: Lesson, cited_ids: list[str], following_ids: set | None = None) -> list[str]:
    """Two or three lines of what the data says about a prompt's claims: who else gave
    figures for their measures by the day (view.figures), who denied what (claims whose
    relates_to points at a cited claim, or cited denials), and which figures of the
    next FOLLOWING_DAYS (later.statements; of the claims `following_ids` when given, the
    answer key's 'what came next', so that both count the same claims) confirmed or moved
    the latest cited figure."""
    view, later = lesson_.view, lesson_.later
    day = f"{lesson_.day:%-d %b %Y}"
    claims = view.claims
    figures = view.figures.drop_duplicates("statement")
    cited_figures_ = figures[figures["claim_id"].isin(cited_ids)]
    lines, denied_lines = [], []
    measures = list(dict.fromkeys(cited_figures_["measure"].astype(str)))
    for measure in measures[:1]:
        of = figures[figures["measure"].astype(str) == measure]
        label = of["measure_label"].iloc[0]
        others = of[~of["claimant_id"].isin(set(cited_figures_["claimant_id"]))]
        others = others.sort_values("stated_on").drop_duplicates("claimant_id", keep="last")
        if others.empty:
            lines.append(f"By {day}, no other source had given a figure for {label}.")
        else:
            said = estimates.as_said(others)
            listed = "; ".join(f"{r['claimant']} {said[i]} ({r['stated_on']:%-d %b})"
                               for i, r in others.head(4).iterrows())  # fmt: skip
            lines.append(f"Others with figures for {label} by {day}: {listed}.")
    by_id = claims.set_index("claim_id")
    denials = claims[(claims["stance"] == "denies") & (
        claims["relates_to"].isin(cited_ids) | claims["claim_id"].isin(cited_ids))]  # fmt: skip
    for _, denial in denials.head(2).iterrows():
        target = denial["relates_to"]
        if pd.notna(target) and target in by_id.index:
            denied = by_id.loc[target]
            denied_lines.append(
                f"{denial['claimant']} denied ({denial['stated_label']}) a claim "
                f"{denied['claimant']} made ({denied['stated_label']}): "
                f"{str(denied['summary']).rstrip('.')}."
            )
    lines += denied_lines[:1]
    after = later.statements[(later.statements["published_on"] > lesson_.day)
                             & later.statements["measure"].astype(str).isin(measures)]  # fmt: skip
    if following_ids is not None:
        after = later.statements[later.statements["claim_id"].isin(following_ids)]
    after = after.drop_duplicates("claim_id")
    if len(measures) and not after.empty:
        after = after.sort_values(["published_on", "claim_id"])
        latest_cited = cited_figures_.sort_values("stated_on").groupby(
            cited_figures_["measure"].astype(str))["point"].last()  # fmt: skip
        said = estimates.as_said(after)
        listed = "; ".join(
            f"{r['claimant']} {said[i]} ({r['published_on']:%-d %b}"
            f"{_compared(r['point'], latest_cited.get(str(r['measure']), pd.NA))})"
            for i, r in after.head(3).iterrows()
        )
        more = f"; and {len(after) - 3} more (below)" if len(after) > 3 else ""
        count = f"{len(after)} figure{'s' if len(after) != 1 else ''}"
        lines.append(f"In the next {FOLLOWING_DAYS} days, {count}: {listed}{more}.")
    elif len(measures):
        lines.append(f"No figure for it was published in the next {FOLLOWING_DAYS} days.")
    return lines


def estimates_note(table: pd.DataFrame) -> str:
    """What the blank cells of the 'estimates then and later' table mean, and which
    measures are compared across different windows (a running count's window moves)."""
    notes = [
        "The sources count every source with a figure in the window; the estimate averages "
        "their latest point figures only: a bound ('up to', 'at least') is never averaged."
    ]
    blank = table["weighted estimate then"].isna() | table["weighted estimate later"].isna()
    if blank.any():
        notes.append("A blank estimate means the window held bounds only.")
    moved = table[table["window then"].notna() & table["window later"].notna()
                  & (table["window then"] != table["window later"])]  # fmt: skip
    for _, row in moved.iterrows():
        notes.append(
            f"{row['measure']}: the windows differ ({row['window then']}, then "
            f"{row['window later']}), so the two estimates are of different days' counts, "
            "not one estimate revised."
        )
    return " ".join(notes)


def _table(frame: pd.DataFrame, numeric: tuple[str, ...] = (), group: str | None = None) -> str:
    """A plain HTML table for paper: escaped cells, numbers right-aligned. With `group`,
    that column's value heads each run of rows that share it (a row spanning the table)
    instead of filling a column: a long label printed once, not wrapped on every row."""
    if frame.empty:
        return '<p class="empty">None.</p>'
    groups = frame[group] if group else None
    frame = frame.drop(columns=[group]) if group else frame
    head = "".join(
        f'<th class="{"num" if c in numeric else ""}">{html.escape(str(c))}</th>'
        for c in frame.columns
    )
    body, heading = [], None
    for index, row in frame.iterrows():
        if groups is not None and groups[index] != heading:
            heading = groups[index]
            body.append(
                f'<tr class="group"><th colspan="{len(frame.columns)}" scope="colgroup">'
                f"{html.escape(str(heading))}</th></tr>"
            )
        cells = []
        for column, value in row.items():
            if pd.isna(value):
                text = ""
            elif column in numeric and isinstance(value, int | float):
                text = f"{value:,.0f}"
            else:
                text = str(value)
            css = "num" if column in numeric else ""
            cells.append(f'<td class="{css}">{html.escape(text)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def chromium() -> Path | None:
    """The Chromium that prints the handout: Debian's, or one on PATH; None if absent."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def print_pdf(page: Path, pdf: Path) -> bool:
    """Print an HTML page to PDF with Chromium's own print (its @page CSS: A4). Returns
    False when no Chromium is found; raises RuntimeError when Chromium fails."""
    browser = chromium()
    if browser is None:
        return False
    with tempfile.TemporaryDirectory() as profile:
        command = [str(browser), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--print-to-pdf={pdf.resolve()}", "--no-pdf-header-footer",
                   page.resolve().as_uri()]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=PDF_SECONDS)
    if done.returncode != 0 or not pdf.exists():
        raise RuntimeError(
            f"Chromium could not print {page.name} to PDF (exit {done.returncode}): "
            f"{done.stderr.strip()[-500:] or 'it said nothing'}"
        )
    return True


def write_pack(as_of, data_dir, out_dir) -> list[Path]:
    """Write the lesson pack for the day `as_of` (YYYY-MM-DD text or a date) from the data
    in data_dir into out_dir: handout.html, handout.pdf (when Chromium is found; else a
    message on stderr says how to print the page from a browser), teacher.html, and the
    CSVs of the handout's chart and table in out_dir/data/. Returns the paths written.

    Raises ValueError for a day that is not a YYYY-MM-DD day (analysis.Parameters),
    load's errors for bad data, RuntimeError when Chromium fails to print.
    """
    parameters = analysis.Parameters.parse(as_of=as_of)
    if parameters.as_of is None:
        raise ValueError("a lesson pack needs a day: --as-of YYYY-MM-DD")
    dataset = load_dataset(data_dir)
    lesson_ = lesson(dataset, parameters.as_of, parameters)
    out_dir = Path(out_dir)
    stale_pdf = (out_dir / PDF).exists()
    with publish.staged(out_dir) as staging:
        _write_pack(lesson_, staging)
        # The handout last: a reader who opens it finds its PDF and data already there.
        written = publish.put_in_place(staging, out_dir, ["data", TEACHER, PDF, HANDOUT])
    if out_dir / PDF not in written:
        removed = (
            " The PDF of an earlier pack there was removed: it was not of this one."
            if stale_pdf
            else ""
        )
        print(
            f"crosscheck class pack: no Chromium found, so no PDF was made. Open "
            f"{out_dir / HANDOUT} in a browser and print it to PDF (Print, then 'Save as "
            f"PDF'; A4, no headers).{removed}",
            file=sys.stderr,
        )
    return written


def _write_pack(lesson_: Lesson, out_dir: Path) -> None:
    """Write the pack's files into out_dir (a staging folder): the PDF only when a
    Chromium prints it (print_pdf)."""
    known = known_figures(lesson_)
    table = figures_table(known)
    prompts = handout_prompts(lesson_)
    evidence, hypotheses, evidence_left = ach_form(lesson_.view)
    key = answer_key(lesson_, prompts)
    day = f"{lesson_.day:%-d %b %Y}"
    following_claims = pd.DataFrame(
        [{"theme": k["theme"], **row} for k in key for row in k["later_rows"]],
        columns=["theme", "claim", "source", "stated", "published", "summary"],
    )
    for name, frame in (
        ("known_figures", table),
        ("prompts", prompts),
        ("following_claims", following_claims),
    ):
        write_csv(frame, out_dir / "data" / f"{name}.csv", readable=True)
    shown = short_table(table)
    shown_claims = [
        *known["claim_id"],
        *" ".join(prompts["claims"]).split(),
        *evidence["claim"],
    ]
    common = {
        "day": day,
        "sections": SECTIONS,
        "ach_total": ACH_TOTAL,
        "ach_ties": ACH_TIES,
        "css": (TEMPLATES / "lesson.css").read_text(encoding="utf-8"),
        "windows": lesson_.windows.to_dict("records"),
        "exercise_windows": lesson_.exercise_windows,
        "exercise_day": (
            f"{lesson_.exercise_day:%-d %b %Y}" if lesson_.exercise_day is not None else None
        ),
    }
    prompt_rows = [
        row
        | {
            "prompt": without_the_future(row["prompt"], lesson_),
            "figures": cited_figures(lesson_.full, row["claims"]),
        }
        for row in prompts.to_dict("records")
    ]
    handout = (
        _environment()
        .get_template("handout.html.j2")
        .render(
            **common,
            opening=opening(lesson_),
            data_ends=data_ends(lesson_),
            rule=rule(len(table) - len(shown)),
            weights=weights_table(),
            reasons=grade_reasons(lesson_, known),
            chart=plots.figure_html(
                figures_chart(lesson_, known), "known_figures", f"The figures known on {day}"
            ),  # fmt: skip
            table=_table(
                shown.assign(measure=shown["measure"] + " (" + shown["window"] + ")").drop(
                    columns=["window"]
                ),
                group="measure",
            ),
            steps=estimate_steps(lesson_),
            whos_who=whos_who(lesson_.full, shown_claims),
            prompts=prompt_rows,
            evidence=evidence.to_dict("records"),
            hypotheses=hypotheses,
            evidence_left=evidence_left,
        )
    )
    handout_path = out_dir / HANDOUT
    handout_path.write_text(handout, encoding="utf-8")
    matrix = classroom.ach_matrix(lesson_.view)
    if not matrix.empty:
        matrix.loc[matrix.index[-1], "evidence"] = ACH_TOTAL
    reasoning = classroom.ach_reasoning(lesson_.view)
    summaries = lesson_.view.claims.drop_duplicates("claim_id").set_index("claim_id")["summary"]
    reasoning = reasoning.assign(evidence=reasoning["claim"].map(summaries))[
        ["evidence", "hypothesis", "rating", "why"]
    ]
    moves_table = moves(lesson_)
    then_and_later = estimates_then_and_later(lesson_)
    teacher = (
        _environment()
        .get_template("teacher.html.j2")
        .render(
            **common,
            following=FOLLOWING_DAYS,
            later_day=f"{lesson_.later.parameters.as_of:%-d %b %Y}",
            command=notebook_command(lesson_),
            moves=_table(
                moves_table, ("its figure", "estimate with all", "estimate without it", "shift")
            ),  # fmt: skip
            moves_note=moves_note(lesson_, moves_table),
            key=key,
            ach=_table(matrix),
            ach_reasoning=_table(reasoning),
            ach_summary=classroom.ach_summary(matrix),
            following_figures=_table(following_figures(lesson_)),
            estimates=_table(
                then_and_later,
                (
                    "sources then",
                    "weighted estimate then",
                    "sources later",
                    "weighted estimate later",
                ),
            ),
            estimates_note=estimates_note(then_and_later) if len(then_and_later) else "",
            plan=plan(lesson_, prompts),
            defaults=default_estimates(lesson_),
            defaults_read=DEFAULTS,
        )
    )
    (out_dir / TEACHER).write_text(teacher, encoding="utf-8")
    print_pdf(handout_path, out_dir / PDF)
