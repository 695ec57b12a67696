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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from crosscheck import analysis, classroom, estimates, exercise, plots
from crosscheck.load import load_dataset
from crosscheck.present import format_day, write_csv
from crosscheck.screenshots import CHROMIUM, CHROMIUM_FLAGS

TEMPLATES = Path(__file__).parent / "templates" / "lesson"
# What changed after the cut-off: the claims of the next two weeks, long enough for a
# source to be confirmed or revised, short enough to stay the same story.
FOLLOWING_DAYS = 14
# A handout of 2–4 A4 pages: one prompt per theme, a matrix that fits one page.
PROMPTS_PER_THEME = 1
MAX_EVIDENCE = 14
# When no window that day holds two sources a grade can weigh, the handout shows the
# windows with most sources, then most figures, latest first: at most this many.
FALLBACK_WINDOWS = 3
# Claims listed per prompt under "what came next" in the answer key.
MAX_LATER = 5
PDF_SECONDS = 120

# The 45-minute plan: (minutes, activity). Activities name no topic; the page fills in
# the day, the measures and the prompts.
PLAN = [
    (5, "Read the handout's first page: what was known on {day}, who said it, and how "
        "each source is graded."),
    (10, "Each student runs the exercise notebook with their own grades (and, if they "
         "like, margin) and writes down their estimate for {measures}."),
    (5, "Collect the answer cards and show the class's estimates side by side "
        "(crosscheck class compare): whose choices moved the estimate most, and why?"),
    (12, "Discuss the handout's prompts in small groups, {prompts} in all; each group "
         "reports one answer."),
    (8, "Fill in the matrix of competing hypotheses together: which hypothesis has the "
        "least evidence against it?"),
    (5, "Reveal what came in the following {following} days (this page, section 3): "
        "which estimate held, and what would the class word differently now?"),
]  # fmt: skip


@dataclass(frozen=True)
class Lesson:
    """Everything a pack shows, computed once from the data and the day.

    day: the cut-off; view: the data analysed as of it; later: as of day + FOLLOWING_DAYS;
    windows: the (measure, window) pairs shown (exercise.EXERCISE_COLUMNS);
    exercise_windows: whether they are the exercise's (two sources a grade can weigh)
    or, for a day without such a window, those with most sources (FALLBACK_WINDOWS);
    exercise_day: for a day without exercise windows, the data's first exercise day
    (exercise.exercise_cutoff), to point the class to; None when there is none or the
    day has exercise windows (then it is not needed: it would take further analyses);
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
    windows = exercise.exercise_measures(view)
    chosen = not windows.empty
    if not chosen:
        windows = _busiest_windows(view)
    full = analysis.analyse(dataset, dataclasses.replace(parameters, as_of=None))
    exercise_day = None if chosen else exercise.exercise_cutoff(full)
    return Lesson(day, view, later, full, windows, chosen, exercise_day)


def _busiest_windows(view: analysis.Analysis) -> pd.DataFrame:
    """The comparison windows with most independent sources, then most figures."""
    table = view.comparison.sort_values(
        ["independent sources", "figures", "window_end"], ascending=False, kind="stable"
    ).head(FALLBACK_WINDOWS)
    return pd.DataFrame(
        {
            "measure_id": table["measure_id"].astype(str),
            "measure": table["measure"].astype(str),
            "window": table["window"].astype(str),
            "window_start": pd.to_datetime(table["window_start"]),
            "window_end": pd.to_datetime(table["window_end"]),
            "sources": table["independent sources"].astype("int64"),
        },
        columns=exercise.EXERCISE_COLUMNS,
    ).reset_index(drop=True)


def known_figures(lesson_: Lesson) -> pd.DataFrame:
    """The statements of the shown windows known by the day (the view's `windowed` rows
    of those measures and windows), each with its claimant's grade (`graded as`)."""
    view = lesson_.view
    keys = lesson_.windows[["measure_id", "window_end"]].rename(columns={"measure_id": "measure"})
    rows = view.windowed.merge(keys.astype({"measure": view.windowed["measure"].dtype}))
    grades = view.grades.set_index("actor_id")["graded as"]
    return rows.assign(grade=rows["claimant_id"].map(grades).astype(str))


FIGURE_TABLE_COLUMNS = ["measure", "window", "source", "said by", "grade", "figure", "stated"]


def figures_table(known: pd.DataFrame) -> pd.DataFrame:
    """The handout's short table: one row per figure known that day (FIGURE_TABLE_COLUMNS;
    figure as said, stated as '23 Oct 2024')."""
    if known.empty:
        return pd.DataFrame(columns=FIGURE_TABLE_COLUMNS)
    ordered = known.sort_values(["window_end", "measure", "stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "measure": ordered["measure_label"],
            "window": ordered["window"],
            "source": ordered["origin"],
            "said by": ordered["claimant"],
            "grade": ordered["grade"],
            "figure": estimates.as_said(ordered),
            "stated": format_day(ordered["stated_on"]),
        },
        columns=FIGURE_TABLE_COLUMNS,
    ).reset_index(drop=True)


def figures_chart(lesson_: Lesson, known: pd.DataFrame):
    """The handout's chart: one panel per measure and window, each figure as a range
    around its point (plots.estimate_ranges), or a NothingToDraw."""
    panels = known.assign(
        measure=known["measure"].astype(str) + " | " + known["window"].astype(str),
        measure_label=known["measure_label"].astype(str) + ", " + known["window"].astype(str),
    )
    day = f"{lesson_.day:%-d %b %Y}"
    count = len(panels)
    sources = panels["origin_id"].nunique()
    title = (
        f"By {day}, {count:,} figure{'s' if count != 1 else ''} from {sources} "
        f"source{'s' if sources != 1 else ''} had been published for "
        f"{'these measures' if len(lesson_.windows) != 1 else 'this measure'}"
    )
    source = "the claims of the data published on or before " + day
    return plots.estimate_ranges(
        panels,
        title,
        source,
        keep=set(panels["statement"]),
        alignments=lesson_.view.data.alignments,
    )


def handout_prompts(lesson_: Lesson) -> pd.DataFrame:
    """A few prompts (PROMPTS_PER_THEME per theme) of the view as of the day; the 'what
    was known when' prompt counts the later figures of all the data (`full`), which the
    view cut off at the day cannot know."""
    full = lesson_.full
    prompts = classroom.discussion_prompts(lesson_.view, lesson_.day)
    known = classroom.known_on_prompt(full.figures, lesson_.day, full.claims)
    if known:
        prompts = prompts[prompts["theme"] != known[0]["theme"]]
        prompts = pd.concat([prompts, pd.DataFrame(known)], ignore_index=True)
    return prompts.groupby("theme", sort=False).head(PROMPTS_PER_THEME).reset_index(drop=True)


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
    with claim, source, stated, published, summary) and later_count (int)."""
    claims = lesson_.view.claims.set_index("claim_id", drop=False)
    later = lesson_.later.claims
    later = later[later["standing"] & (later["published_on"] > lesson_.day)]
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
                "later": _claims_rows(following)[:MAX_LATER],
                "later_count": len(following),
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


def ach_form(view: analysis.Analysis) -> tuple[pd.DataFrame, list[str], int]:
    """The matrix to fill in: evidence known by the day down the side (the rated claims,
    the earliest MAX_EVIDENCE), the hypotheses across, empty cells. Returns the rows
    (evidence, source, claim), the hypotheses' labels, and how many rows were left out."""
    matrix = classroom.ach_matrix(view)
    labels = list(view.data.hypotheses["label"])
    evidence = matrix.iloc[:-1] if not matrix.empty else matrix
    return (
        evidence[["evidence", "source", "claim"]].head(MAX_EVIDENCE).reset_index(drop=True),
        labels,
        max(0, len(evidence) - MAX_EVIDENCE),
    )


def plan(lesson_: Lesson, prompts: pd.DataFrame) -> list[dict]:
    """The 45-minute plan (PLAN) filled in with the day, the measures and the prompts."""
    measures = "; ".join(
        f"{m} ({w})" for m, w in zip(lesson_.windows["measure"], lesson_.windows["window"],
                                     strict=True)
    ) or "the measures on the handout"  # fmt: skip
    start, rows = 0, []
    for minutes, text in PLAN:
        rows.append(
            {
                "from": start,
                "to": start + minutes,
                "activity": text.format(
                    day=f"{lesson_.day:%-d %b %Y}",
                    measures=measures,
                    prompts=len(prompts),
                    following=FOLLOWING_DAYS,
                ),
            }
        )
        start += minutes
    return rows


def _table(frame: pd.DataFrame, numeric: tuple[str, ...] = ()) -> str:
    """A plain HTML table for paper: escaped cells, numbers right-aligned."""
    if frame.empty:
        return '<p class="empty">None.</p>'
    head = "".join(
        f'<th class="{"num" if c in numeric else ""}">{html.escape(str(c))}</th>'
        for c in frame.columns
    )
    body = []
    for _, row in frame.iterrows():
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
        raise RuntimeError(f"Chromium could not print {page} to PDF: {done.stderr[-500:]}")
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
    out_dir.mkdir(parents=True, exist_ok=True)
    known = known_figures(lesson_)
    table = figures_table(known)
    prompts = handout_prompts(lesson_)
    evidence, hypotheses, evidence_left = ach_form(lesson_.view)
    day = f"{lesson_.day:%-d %b %Y}"
    written = []
    for name, frame in (("known_figures", table), ("prompts", prompts)):
        path = out_dir / "data" / f"{name}.csv"
        write_csv(frame, path, readable=True)
        written.append(path)
    common = {
        "day": day,
        "css": (TEMPLATES / "lesson.css").read_text(encoding="utf-8"),
        "windows": lesson_.windows.to_dict("records"),
        "exercise_windows": lesson_.exercise_windows,
        "exercise_day": (
            f"{lesson_.exercise_day:%-d %b %Y}" if lesson_.exercise_day is not None else None
        ),
    }
    handout = (
        _environment()
        .get_template("handout.html.j2")
        .render(
            **common,
            chart=plots.figure_html(
                figures_chart(lesson_, known), "known_figures", f"The figures known on {day}"
            ),  # fmt: skip
            table=_table(table),
            prompts=prompts.to_dict("records"),
            evidence=evidence.to_dict("records"),
            hypotheses=hypotheses,
            evidence_left=evidence_left,
        )
    )
    handout_path = out_dir / "handout.html"
    handout_path.write_text(handout, encoding="utf-8")
    written.append(handout_path)
    matrix = classroom.ach_matrix(lesson_.view)
    teacher = (
        _environment()
        .get_template("teacher.html.j2")
        .render(
            **common,
            following=FOLLOWING_DAYS,
            later_day=f"{lesson_.later.parameters.as_of:%-d %b %Y}",
            moves=_table(
                moves(lesson_), ("its figure", "estimate with all", "estimate without it", "shift")
            ),  # fmt: skip
            key=answer_key(lesson_, prompts),
            ach=_table(matrix),
            ach_summary=classroom.ach_summary(matrix),
            following_figures=_table(following_figures(lesson_)),
            estimates=_table(
                estimates_then_and_later(lesson_),
                (
                    "sources then",
                    "weighted estimate then",
                    "sources later",
                    "weighted estimate later",
                ),
            ),
            plan=plan(lesson_, prompts),
        )
    )
    teacher_path = out_dir / "teacher.html"
    teacher_path.write_text(teacher, encoding="utf-8")
    written.append(teacher_path)
    pdf = out_dir / "handout.pdf"
    if print_pdf(handout_path, pdf):
        written.append(pdf)
    else:
        print(
            f"crosscheck class pack: no Chromium found, so no PDF was made. Open {handout_path} "
            "in a browser and print it to PDF (Print, then 'Save as PDF'; A4, no headers).",
            file=sys.stderr,
        )
    return written
