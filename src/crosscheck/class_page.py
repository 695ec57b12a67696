"""The class's page: every answer card of a folder side by side, one panel per exercise
measure and window, written offline (CSS and SVG charts inline, no request) with its
CSVs beside it. The page draws what the cards hold (crosscheck.answers) and recomputes
nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from crosscheck import answers, plots, publish
from crosscheck.present import (
    FOLD_ROWS,
    cell_html,
    fold_summary,
    folded,
    list_entries,
    listed,
    page_view,
    table_block,
    table_html,
    write_csv,
)
from crosscheck.reliability import (
    CREDIBILITY,
    CREDIBILITY_WEIGHTS,
    RELIABILITY,
    RELIABILITY_WEIGHTS,
)

PAGE = "index.html"
STYLESHEET = Path(str(resources.files("crosscheck") / "templates" / "crosscheck" / "report.css"))
# The page's own rules, beside the report's stylesheet (report.css).
CLASS_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #222; line-height: 1.45; }
.crosscheck-panel { border-top: 1px solid #ccc; margin-top: 1.5rem; }
/* The header's rule closes it: the first panel under it draws no second one. */
.crosscheck-header + .crosscheck-panel { border-top: 0; }
.crosscheck-panel h2 { font-size: 1.15rem; margin: 0.8rem 0 0.3rem; }
.crosscheck-finding { font-size: 1rem; margin: 0.3rem 0; }
.crosscheck-moves { font-size: 0.9rem; margin: 0.2rem 0 1rem; padding-left: 1.2rem; }
.crosscheck-skipped { color: #8a1c00; }
.crosscheck-reminder { font-size: 0.95rem; color: #333; }
.crosscheck-note { font-size: 0.9rem; background: #fff6e0; padding: 0.3rem 0.6rem; }
.crosscheck-workings { font-size: 0.95rem; margin: 0.3rem 0; }
.crosscheck-interval { color: #444; }
/* The cards' table fits the column: its cells wrap rather than run off the right. */
.crosscheck-cards .crosscheck-block table.crosscheck-table { width: 100%; }
.crosscheck-cards .crosscheck-block table.crosscheck-table th,
.crosscheck-cards .crosscheck-block table.crosscheck-table td { overflow-wrap: normal;
  padding: 0.25rem 0.35rem; }
"""
# What "moved most" means, said once at the top of the page.
REMINDER = (
    "“Moved most” names the one choice (grades, margin or cut-off) whose undoing changes a "
    "student's estimate most; the figure in brackets is the estimate (or the interval, for a "
    "margin) without that choice."
)


def grade_key() -> str:
    """What a grade's letter and digit mean, in one line for the page's top: the two
    scales in words (reliability.RELIABILITY, CREDIBILITY: NATO AJP-2.1) and what each mark
    weighs (reliability.RELIABILITY_WEIGHTS, CREDIBILITY_WEIGHTS: this course's teaching
    weights), a grade weighing the two multiplied (B2: 0.8 × 0.8 = 0.64)."""

    def scale(words: dict, weights: dict) -> str:
        first, last = next(iter(words)), list(words)[-1]
        marks = [f"{weight:g}" for weight in weights.values()]
        return (
            f"from {first} ({words[first]}) to {last} ({words[last]}), weighing "
            f"{', '.join(marks[:-1])} and {marks[-1]} in turn"
        )

    example = "B2"
    r, c = RELIABILITY_WEIGHTS[example[0]], CREDIBILITY_WEIGHTS[example[1]]
    return (
        f"Grades: the letter says how reliable the source is, "
        f"{scale(RELIABILITY, RELIABILITY_WEIGHTS)}; the digit how credible its figure is, "
        f"{scale(CREDIBILITY, CREDIBILITY_WEIGHTS)}. A grade weighs the two multiplied "
        f"({example}: {r:g} × {c:g} = {r * c:.2f}; this course's teaching weights)."
    )


@dataclass
class ClassPage:
    """What `write_class_page` did: the page written (None when no card was read, with the
    reason), how many cards it shows, and the files skipped with the reason why."""

    page: Path | None
    cards: int = 0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    reason: str = ""


def _slug(*parts) -> str:
    text = "-".join(str(part) for part in parts)
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower()


def window_name(window: str, window_start, window_end, apart: bool = False) -> str:
    """A window as a file name reads it: 'all-dates', '2024-10-28' (a window of one
    day), '2024-10-18-to-2024-10-23' (of several); 'all-dates-to-2024-10-23' when
    `apart` (another all-dates window of the measure ends on another day: apart)."""
    start, end = pd.Timestamp(window_start), pd.Timestamp(window_end)
    if window == "all dates":
        return f"all-dates-to-{end:%Y-%m-%d}" if apart else "all-dates"
    return f"{start:%Y-%m-%d}" if start == end else f"{start:%Y-%m-%d}-to-{end:%Y-%m-%d}"


def panel_name(measure_id: str, window: str, window_start, window_end, apart: bool = False) -> str:
    """The name of a panel's chart and CSV: class-<measure id>-<window> (window_name)."""
    return _slug("class", measure_id, window_name(window, window_start, window_end, apart))


def ends_elsewhere(table: pd.DataFrame) -> pd.Series:
    """Per row of a table of windows (measure_id, window, window_end: compare_answers'
    or class_estimates'), whether a window of the same measure and name ends on another
    day (cards of two lesson days: 'all dates' to 23 Oct and to 28 Oct); bool."""
    if table.empty:
        return pd.Series(False, index=table.index, dtype=bool)
    ends = table.groupby(["measure_id", "window"])["window_end"].transform("nunique")
    return ends > 1


def window_label(window: str, window_end, apart: bool = False) -> str:
    """A window as a heading reads it: its name ('all dates'), with its last day where
    another window of the name ends elsewhere ('all dates to 23 Oct 2024')."""
    return f"{window} to {pd.Timestamp(window_end):%-d %b %Y}" if apart else window


def _margin(margin) -> str:
    return f"±{margin:.0%}" if margin else "none"


def _choices(row: pd.Series, day: str) -> str:
    """A student's choices that differ from the lesson's defaults, in words: grades by
    name, margin, and a cut-off other than the class's day with their own default."""
    said = []
    if row["grades changed"] != "none":
        said.append(row["grades changed"])
    if row["approximate_margin"]:
        said.append(f"margin {_margin(row['approximate_margin'])}")
    if row["as_of"] != day:
        default = row["default estimate"]
        own = "no default estimate" if pd.isna(default) else f"default estimate {default:,}"
        said.append(f"cut-off {answers.day_text(row['as_of'])}, whose {own}")
    return f" ({'; '.join(said)})" if said else ""


def _moves(rows: pd.DataFrame, day: str, figures: dict) -> str:
    """Per student, their choices and the one that moved their estimate most; where they
    chose a margin, what set each end of their interval (answers.interval_line, from
    their card's published rows of the window: `figures`, by student)."""
    items = []
    for _, row in rows.iterrows():
        interval = answers.interval_line(row, figures.get(row["student"], _NO_FIGURES))
        interval = interval.replace("your margin", "Their margin", 1)
        items.append(
            f"<li><b>{html.escape(row['student'])}</b>{html.escape(_choices(row, day))}: "
            f"{html.escape(answers.move_phrase(row, 'their'))}"
            + (f'<br><span class="crosscheck-interval">{html.escape(interval)}</span>'
               if interval else "")
            + "</li>"
        )  # fmt: skip
    return f'<ul class="crosscheck-moves">{"".join(items)}</ul>'


_NO_FIGURES = pd.DataFrame(columns=answers.CARD_COLUMNS)


def _lessons(cards: list[pd.DataFrame], day: str) -> str:
    """The end of the page's opening sentence: the lesson the cards answer (' of the
    lesson of 28 Oct 2024 (the class's day).'), or, when some answer the lesson of
    another day, the class's day and who answered which other lesson (their questions
    get panels of their own)."""
    if not day:
        return "."
    others = {}
    for card in cards:
        if len(card) and card["lesson day"].iloc[0] != day:
            others.setdefault(card["lesson day"].iloc[0], []).append(card["student"].iloc[0])
    if not others:
        return f" of the lesson of {answers.day_text(day)} (the class's day)."
    mine = sum(len(card) > 0 and card["lesson day"].iloc[0] == day for card in cards)
    why = (
        "the lesson most cards answer"
        if all(mine > len(names) for names in others.values())
        else "the earliest of the lessons most cards answer"
    )
    return (
        f". The class's day is {answers.day_text(day)}, {why}"
        + "".join(
            f"; {listed(sorted(names))} answered the lesson of {answers.day_text(other)}, whose "
            "questions have panels of their own"
            for other, names in sorted(others.items())
        )
        + "."
    )


def cutoff_notes(rows: pd.DataFrame, day: str) -> list[str]:
    """A sentence per student whose cut-off is not the lesson's day of the panel's window
    (`day`): which figures their estimate counts that the lesson's default does not, or
    misses."""
    notes = []
    on_the_day = answers.day_text(day)
    for _, row in rows[rows["as_of"] != day].iterrows():
        theirs = answers.day_text(row["as_of"])
        if row["as_of"] > day:
            notes.append(
                f"{row['student']} used {theirs}: figures published after the lesson's day "
                f"{on_the_day} count in their estimate."
            )
        else:
            notes.append(
                f"{row['student']} used {theirs}: figures published after it and by the "
                f"lesson's day {on_the_day} do not count in their estimate."
            )
    return notes


def chart_title(rows: pd.DataFrame, default) -> str:
    """The chart's finding: how many students' estimates left the default estimate of
    the class's day (compare_answers' `default estimate`)."""
    mine = rows["my estimate"].astype("Float64")
    students = f"{len(rows)} student{'s' if len(rows) != 1 else ''}"
    if pd.isna(default):
        return f"{int(mine.notna().sum())} of {students} had an estimate (no default on the day)"
    moved = int(((mine != default) & mine.notna()).sum())
    return f"{moved} of {students} moved away from the default estimate ({default:,})"


def _panel(
    spread: pd.Series,
    estimates: pd.DataFrame,
    published: pd.DataFrame,
    cards: list,
    apart: bool = False,
) -> tuple:
    """One measure and window (answers.WINDOW_KEYS: both its ends): its heading, spread
    sentence, how the default is worked out, chart and moves, from the cards answering
    that window only; and the rows its chart draws (for its CSV). `apart`: another
    window of the measure and name ends elsewhere, so heading and name give its end."""
    keys = answers.WINDOW_KEYS
    chosen = (estimates[keys] == spread[keys].to_numpy()).all(axis=1)
    rows = estimates[chosen]
    figures = published[(published[keys] == spread[keys].to_numpy()).all(axis=1)]
    name = panel_name(
        spread["measure_id"], spread["window"], spread["window_start"], spread["window_end"],
        apart,
    )  # fmt: skip
    window = window_label(spread["window"], spread["window_end"], apart)
    day = spread["class's day"]
    sentence = answers.spread_sentence(spread)
    workings = spread["default worked out"]
    if workings:
        workings = (
            f'<p class="crosscheck-workings">Default estimate on '
            f"{html.escape(answers.day_text(day))}: {html.escape(workings)}.</p>"
        )
    theirs = {}
    for card in cards:
        if len(card):
            estimate = card[card["row"] == answers.ESTIMATE_ROW].iloc[0]
            theirs[estimate["student"]] = answers.window_figures(card, spread)
    heading = f"{spread['measure']}, {window}"
    figure = plots.class_estimates_chart(
        rows.assign(**{"other cut-off": rows["as_of"] != day}),
        figures,
        chart_title(rows, spread["default estimate"]),
        f"{len(rows)} answer card{'s' if len(rows) != 1 else ''}; published figures: each "
        "source's latest in the window by the card's cut-off (crosscheck class compare)",
        class_default=spread["default estimate"],
    )
    dashed = (
        "the default estimate of the lesson's day as a dashed line, "
        if pd.notna(spread["default estimate"])
        else "no default estimate on the lesson's day (no point figure to average), "
    )
    alt = (
        f"Each student's estimate of {spread['measure']} ({window}) as a dot with "
        f"its interval, {dashed}the published figures above"
    )
    notes = "".join(
        f'<p class="crosscheck-note">{html.escape(note)}</p>' for note in cutoff_notes(rows, day)
    )
    chart = plots.figure_html(figure, name, alt)
    if isinstance(figure, plots.Figure):
        plt.close(figure)
    section = (
        f'<section class="crosscheck-panel" id="panel-{name}" '
        f'data-measure="{html.escape(spread["measure_id"])}" '
        f'data-window-start="{pd.Timestamp(spread["window_start"]):%Y-%m-%d}" '
        f'data-window-end="{pd.Timestamp(spread["window_end"]):%Y-%m-%d}">'
        f"<h2>{html.escape(heading)}</h2>"
        f'<p class="crosscheck-finding">{html.escape(sentence)}</p>{workings}{notes}{chart}'
        f"{_moves(rows, day, theirs)}"
        "</section>"
    )
    drawn = pd.concat(
        [
            rows.assign(mark="student's estimate"),
            figures.rename(columns={"figure": "my estimate"}).assign(mark="published figure"),
        ],
        ignore_index=True,
    )
    return section, name, drawn


def cards_table(estimates: pd.DataFrame) -> pd.DataFrame:
    """The cards as the page's table shows them: short headers, days and grades as a
    reader reads them, an open end of an interval said ('no lower bound'), what moved
    most with the estimate without it in brackets."""
    without = [
        moved if moved == answers.NO_MOVE
        else f"{moved} ({interval})"
        if pd.isna(estimate) or (not pd.isna(mine) and estimate == mine)
        else f"{moved} ({estimate:,})"
        for moved, estimate, mine, interval in zip(
            estimates["moved most"], estimates["estimate without it"],
            estimates["my estimate"], estimates["interval without it"], strict=True)
    ]  # fmt: skip
    mine = estimates["my estimate"]
    return pd.DataFrame(
        {
            "student": estimates["student"],
            "measure, window": [
                f"{measure}, {window_label(window, end, other)}"
                for measure, window, end, other in zip(
                    estimates["measure"],
                    estimates["window"],
                    estimates["window_end"],
                    ends_elsewhere(estimates),
                    strict=True,
                )
            ],  # fmt: skip
            "cut-off": estimates["as_of"].map(answers.day_text),
            "grades changed": estimates["grades changed"],
            "margin": estimates["approximate_margin"].map(_margin),
            "estimate": [("" if pd.isna(v) else f"{v:,}") for v in mine],
            "low": answers.bound_cells(estimates["my low"], mine, "lower"),
            "high": answers.bound_cells(estimates["my high"], mine, "upper"),
            "default": [("" if pd.isna(v) else f"{v:,}") for v in estimates["default estimate"]],
            "moved most": without,
        }
    )


GRADES = "grades changed"


def cards_block(table: pd.DataFrame) -> str:
    """The cards' table (cards_table) as HTML with its caption and CSV link: each changed
    grade on a line of its own, the grade kept on the line of the name it belongs to and
    set in bold, a semicolon between two ('National Intelligence Service D4;' then
    'Government of the United States A1')."""
    caption, name = "Every card, one row per student and question", "class_estimates"
    shown, numeric = page_view(table, collapse=False)
    cells = pd.DataFrame(
        {column: list_entries(shown[column]).map(cell_html) for column in shown.columns},
        index=shown.index,
    )
    if GRADES in shown:
        cells[GRADES] = [_grades_cell(text) for text in shown[GRADES]]
    inner = table_html(shown, numeric, cells)
    if len(shown) > FOLD_ROWS:
        inner = folded(inner, fold_summary(shown))
    return table_block(name, caption, inner)


def _grades_cell(text: str) -> str:
    """'National Intelligence Service D4; Sabrina Singh A1' as lines, the grade (the
    last word of each) bold and unbroken from its name."""
    entries = [entry for entry in text.split("; ") if entry]
    lines = []
    for i, entry in enumerate(entries):
        name, _, grade = entry.rpartition(" ")
        end = ";" if i < len(entries) - 1 else ""
        lines.append(
            f"{html.escape(name)}&nbsp;<b>{html.escape(grade)}</b>{end}"
            if name and grade != "none" else html.escape(entry) + end
        )  # fmt: skip
    return "<br>".join(lines)


def class_page_html(cards: answers.ClassCards, title: str, data: dict) -> str:
    """The page (a whole HTML document, offline) for the cards read; `data` receives the
    tables written beside it, by CSV name."""
    estimates = answers.class_estimates(cards.cards)
    published = answers.class_published(cards.cards)
    spread = answers.compare_answers(cards.cards)
    day = answers.class_day(cards.cards)
    # The class's own questions first, then those of another lesson's day.
    spread = spread.iloc[(spread["class's day"] != day).argsort(kind="stable")]
    data |= {"class_estimates": estimates, "class_published": published, "class_spread": spread}
    lede = (
        f"{len(cards.cards)} answer card{'s' if len(cards.cards) != 1 else ''} answering "
        f"{len(spread)} question{'s' if len(spread) != 1 else ''} (each a measure in a time "
        "window)" + _lessons(cards.cards, day)
    )
    panels = []
    for (_, row), other in zip(spread.iterrows(), ends_elsewhere(spread), strict=True):
        section, name, drawn = _panel(row, estimates, published, cards.cards, other)
        panels.append(section)
        data[name] = drawn
    skipped = ""
    if cards.skipped:
        items = "".join(
            f"<li><b>{html.escape(path.name)}</b> is {html.escape(reason)}</li>"
            for path, reason in cards.skipped
        )
        skipped = (
            f'<p class="crosscheck-skipped">Files skipped:</p>'
            f'<ul class="crosscheck-skipped">{items}</ul>'
        )
    table = cards_table(estimates)
    css = STYLESHEET.read_text() + CLASS_CSS
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>"
        f'<body class="jp-Notebook"><main><header class="crosscheck-header">'
        f'<h1>{html.escape(title)}</h1><p class="lede">{html.escape(lede)}</p>'
        f'<p class="crosscheck-reminder">{html.escape(REMINDER)}</p>'
        f'<p class="crosscheck-reminder crosscheck-grade-key">{html.escape(grade_key())}</p>'
        f"{skipped}"
        f"</header>{''.join(panels)}"
        f'<section class="crosscheck-cards"><h2>The cards</h2>'
        f"{cards_block(table)}"
        "</section></main></body></html>\n"
    )


def write_class_page(
    answers_dir: str | Path, out_dir: str | Path, title: str = "The class's estimates"
) -> ClassPage:
    """Read every card of answers_dir (answers.read_cards) and write out_dir/index.html
    with its CSVs in out_dir/data/. Written in a folder beside out_dir and moved into
    place at the end: a page that fails half way never replaces an earlier good one.
    Returns ClassPage; no card read (no folder, no CSV, every CSV skipped) writes nothing
    and says why."""
    answers_dir, out_dir = Path(answers_dir), Path(out_dir)
    if not answers_dir.is_dir():
        return ClassPage(None, reason=f"there is no folder {answers_dir}")
    cards = answers.read_cards(answers_dir)
    if not cards.cards:
        reason = (
            f"none of its {len(cards.skipped)} CSV files is an answer card"
            if cards.skipped
            else "it holds no .csv file"
        )
        return ClassPage(None, 0, cards.skipped, reason)
    with publish.staged(out_dir) as staging:
        data: dict[str, pd.DataFrame] = {}
        page = class_page_html(cards, title, data)
        for name, table in data.items():
            write_csv(table, staging / "data" / f"{name}.csv")
        if cards.skipped:
            write_csv(
                pd.DataFrame(
                    [(path.name, reason) for path, reason in cards.skipped],
                    columns=["file", "reason"],
                ),
                staging / "data" / "skipped_cards.csv",
            )
        (staging / PAGE).write_text(page, encoding="utf-8")
        publish.put_in_place(staging, out_dir, ["data", PAGE])
    return ClassPage(out_dir / PAGE, len(cards.cards), cards.skipped)
