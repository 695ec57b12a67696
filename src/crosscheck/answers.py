"""Answer cards: one student's estimates for the class exercise, built, written, read back
and checked, and the class's cards put side by side.

A card answers the measures of one lesson (exercise.lesson_measures of the lesson's day:
the exercise windows when that day has any, where grades can move an estimate; otherwise
the day's busiest windows, where only the margin can). It holds everything the class page
draws, so that comparing recomputes nothing: the student's choices (cut-off, grades by
actor id and by name, margin, window), and per lesson measure and window the student's
estimate and interval, the default estimate (same cut-off, the data's grades, no
margin) and the lesson's default (the lesson's day, the data's grades, no margin), the
published figures in that window, and which single choice moved the student's estimate
most (found by reverting one choice at a time; the cut-off reverts to the lesson's day).

The card format is numbered (CARD_FORMAT): a card of another format is named and
skipped by `read_cards`, never half read. Format 1 was the card of one row per measure
and window with the student's estimate only (V1_COLUMNS).
"""

from __future__ import annotations

import csv
import html
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from crosscheck import analysis
from crosscheck.estimates import as_said, envelope_text
from crosscheck.load import Dataset
from crosscheck.present import listed, write_csv

CARD_FORMAT = 2
# One row per exercise measure and window ("estimate"), then one per published figure
# in that window ("published"); the choices repeat on every row so that each row reads
# alone in a spreadsheet.
# "lesson day": the day whose measures the card answers (the class's day); "exercise
# as_of": the first day on which grades can move an estimate (exercise.exercise_cutoff),
# empty when unknown or none; "grade overrides" as the notebook takes them (actor ids),
# "grades changed" as a reader reads them (names); "grades matter": "yes" where the
# window weighs two sources' figures, "no" where it weighs one at most.
CARD_COLUMNS = [
    "card_format", "student", "as_of", "lesson day", "exercise as_of", "grade overrides",
    "grades changed", "approximate_margin", "window_days",
    "measure_id", "measure", "window", "window_start", "window_end", "grades matter", "row",
    "my estimate", "my low", "my high", "sources", "default estimate", "lesson default",
    "moved most", "estimate without it", "interval without it",
    "source", "figure", "figure kind", "said by", "as said", "figure low", "figure high",
    "default grade", "default weight", "card rows",
]  # fmt: skip
# Columns a published row gained within format 2 (how each figure was said, by whom, the
# interval the student's margin gives it, its grade and weight in the default estimate):
# a card written before them reads with them empty, so the format number stays.
# "card rows": how many rows the card has, on every row, so that a card cut short at a
# line end (a copy or upload that stopped) is told from a whole one.
ADDED_COLUMNS = ["said by", "as said", "figure low", "figure high", "default grade",
                 "default weight", "card rows"]  # fmt: skip
ESTIMATE_ROW, PUBLISHED_ROW = "estimate", "published"
# The choices a student makes, by the name the card gives each when it moved the
# estimate most; NO_MOVE when reverting none of them changes anything.
CHOICES = ("grades", "margin", "cut-off")
NO_MOVE = "none"
# The card of format 1 (the exercise before the analysis issue): recognised to be named.
V1_COLUMNS = ["student", "as_of", "measure", "window", "my estimate", "sources",
              "grades changed"]  # fmt: skip
_INTEGERS = ["card_format", "window_days", "my estimate", "sources", "default estimate",
             "lesson default", "estimate without it", "card rows"]  # fmt: skip
_NUMBERS = ["approximate_margin", "my low", "my high", "figure", "figure low", "figure high",
            "default weight"]  # fmt: skip
_DAYS = ["window_start", "window_end"]


def _day(day: pd.Timestamp | None) -> str:
    return "" if day is None or pd.isna(day) else f"{pd.Timestamp(day):%Y-%m-%d}"


def day_text(day: str) -> str:
    """A card's day ('2024-10-28') as a reader reads it ('28 Oct 2024'); '' stays ''."""
    return f"{pd.Timestamp(day):%-d %b %Y}" if day else ""


def _estimates(view: analysis.Analysis) -> pd.DataFrame:
    """Per measure and window of a view: the weighted estimate, the sources, and the
    interval the sources' latest figures allow (estimates.compare: `lowest`, `highest`;
    NA for an open end), keyed by measure_id, window_start, window_end."""
    keys = ["measure_id", "window_end"]
    weighted = view.weighted[[*keys, "weighted estimate", "sources"]]
    comparison = view.comparison[[*keys, "window_start", "window", "lowest", "highest"]]
    table = comparison.merge(weighted, on=keys, how="left")
    return table.rename(columns={"weighted estimate": "estimate", "lowest": "low",
                                 "highest": "high"})  # fmt: skip


def _in_exercise_windows(measures: pd.DataFrame, estimates: pd.DataFrame) -> pd.DataFrame:
    """The estimates of a view in the exercise's windows, one row per exercise window.

    Windows run forwards from a measure's first statement (estimates.in_windows), so a
    window of another cut-off that starts on the same day is the same window, with the
    statements that cut-off knows; a window that starts on no exercise window's day is
    another window, never compared with it.
    """
    keys = ["measure_id", "window_start"]
    found = estimates.drop(columns=["window", "window_end"]).drop_duplicates(keys)
    return measures[[*keys]].merge(found, on=keys, how="left")


@dataclass
class _Views:
    """The analysed views a card needs, each computed once (a choice left at its default
    reverts to the student's own view)."""

    dataset: Dataset
    cache: dict = field(default_factory=dict)

    def estimates(self, parameters: analysis.Parameters) -> pd.DataFrame:
        if parameters not in self.cache:
            self.cache[parameters] = analysis.analyse(self.dataset, parameters)
        return _estimates(self.cache[parameters])

    def view(self, parameters: analysis.Parameters) -> analysis.Analysis:
        self.estimates(parameters)
        return self.cache[parameters]


def _changed_grades(grades: pd.DataFrame) -> tuple[str, str]:
    """The grades a student changed, by actor id as the notebook takes them
    ('volodymyr-zelenskyy=B2') and by name as a reader reads them ('Volodymyr Zelenskyy
    B2'); 'none' for both when none changed."""
    changed = grades[grades["overridden"]]
    pairs = list(zip(changed["actor_id"], changed["name"], changed["grade"], strict=True))
    ids = ", ".join(f"{actor}={grade}" for actor, _, grade in pairs)
    names = "; ".join(f"{name or actor} {grade}" for actor, name, grade in pairs)
    return ids or "none", names or "none"


def _shift(mine: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """How far the student's estimate and interval lie from another's, per window.

    An estimate against none (one side knew no figure) is the largest move there is;
    NA against NA no move at all.
    """
    estimate = (mine["estimate"].astype("Float64") - other["estimate"].astype("Float64")).abs()
    one_sided = mine["estimate"].isna() != other["estimate"].isna()
    estimate = estimate.fillna(0).mask(one_sided, float("inf"))
    interval = sum(
        (mine[end].astype("Float64") - other[end].astype("Float64"))
        .abs()
        .fillna(0)
        .mask(mine[end].isna() != other[end].isna(), float("inf"))
        for end in ("low", "high")
    )
    return pd.DataFrame({"estimate": estimate, "interval": interval}, index=mine.index)


def _moved_most(mine: pd.DataFrame, reverted: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per window, the choice whose reverting moves the estimate most (the interval
    breaks ties, and decides when no estimate moves: a margin moves intervals only), the
    estimate and interval without it; NO_MOVE when nothing moves."""
    if not reverted:
        return pd.DataFrame({"moved most": NO_MOVE, "estimate without it": pd.NA,
                             "interval without it": ""}, index=mine.index)  # fmt: skip
    shifts = {choice: _shift(mine, other) for choice, other in reverted.items()}
    score = pd.DataFrame(
        {choice: list(zip(s["estimate"], s["interval"], strict=True)) for choice, s in
         shifts.items()}, index=mine.index,
    )  # fmt: skip
    best = score.apply(lambda row: max(row.index, key=lambda choice: row[choice]), axis=1)
    moved = score.apply(lambda row: max(row) != (0, 0), axis=1)
    choice = best.where(moved, NO_MOVE)
    without = pd.Series(pd.NA, index=mine.index, dtype="Int64")
    interval = pd.Series("", index=mine.index, dtype=object)
    for name, other in reverted.items():
        chosen = choice == name
        without = without.mask(chosen, other["estimate"].astype("Int64"))
        interval = interval.mask(chosen, _intervals(other))
    return pd.DataFrame({"moved most": choice, "estimate without it": without,
                         "interval without it": interval})  # fmt: skip


def _intervals(estimates: pd.DataFrame) -> pd.Series:
    """'2,700 to 3,300', 'at least 3,000', or 'no figure' where no source gave one."""
    return pd.Series(
        [
            "no figure" if pd.isna(e) and pd.isna(lo) and pd.isna(hi) else envelope_text(
                None if pd.isna(lo) else float(lo), None if pd.isna(hi) else float(hi))
            for e, lo, hi in zip(estimates["estimate"], estimates["low"], estimates["high"],
                                 strict=True)
        ],
        index=estimates.index, dtype=object,
    )  # fmt: skip


def build_card(
    student: str,
    dataset: Dataset,
    measures: pd.DataFrame,
    choices: analysis.Parameters,
    lesson_day: pd.Timestamp | None,
    analysed: dict | None = None,
    exercise_day: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """One student's answer card (CARD_COLUMNS, CARD_FORMAT).

    Inputs: the student's name; the dataset; the lesson's measures and windows
    (exercise.lesson_measures of the lesson's day: measure_id, measure, window,
    window_start, window_end, grades_matter; without grades_matter, as
    exercise.exercise_measures gives them, every window is one where grades matter);
    the student's choices as analysis.Parameters (as_of None means the lesson's day);
    the lesson's day (the cut-off a changed cut-off is reverted to); the first day on
    which grades can move an estimate (exercise.exercise_cutoff), when known.
    Output: per lesson window an "estimate" row (the student's weighted estimate,
    reliability.weighted_estimates, Int64; its interval from estimates.compare, NA for an
    open end; the default estimate with the same cut-off, the data's grades and no
    margin; the lesson's default, the same on the lesson's day; the choice that moved
    it most: "grades", "margin", "cut-off" or "none"), then a "published" row per
    source's latest figure in that window (source, figure, figure kind: exact,
    approximate, range, upper bound, lower bound). A window the student's cut-off knows
    nothing of has NA estimates and no published row.
    analysed: views already computed, by their Parameters, shared by the cards of one
    class (the default view is the same for students of one cut-off); filled here.
    Raises ValueError for grade overrides that name unknown actors or bad grades.
    """
    if choices.as_of is None:
        choices = replace(choices, as_of=lesson_day)
    views = _Views(dataset, {} if analysed is None else analysed)
    measures = measures.reset_index(drop=True)
    mine_view = views.view(choices)
    mine = _in_exercise_windows(measures, _estimates(mine_view))
    default = replace(choices, grade_overrides=(), approximate_margin=0.0)
    defaults = _in_exercise_windows(measures, views.estimates(default))
    lesson_defaults = _in_exercise_windows(
        measures, views.estimates(replace(default, as_of=lesson_day))
    )
    reverted = {}
    if choices.grade_overrides:
        reverted["grades"] = replace(choices, grade_overrides=())
    if choices.approximate_margin:
        reverted["margin"] = replace(choices, approximate_margin=0.0)
    if choices.as_of != lesson_day:
        reverted["cut-off"] = replace(choices, as_of=lesson_day)
    moved = _moved_most(
        mine,
        {name: _in_exercise_windows(measures, views.estimates(p)) for name, p in reverted.items()},
    )
    overrides, changed = _changed_grades(mine_view.grades)
    common = {
        "card_format": CARD_FORMAT,
        "student": student,
        "as_of": _day(choices.as_of),
        "lesson day": _day(lesson_day),
        "exercise as_of": _day(exercise_day),
        "grade overrides": overrides,
        "grades changed": changed,
        "approximate_margin": choices.approximate_margin,
        "window_days": choices.window_days,
    }
    matter = (
        measures["grades_matter"].astype(bool)
        if "grades_matter" in measures
        else pd.Series(True, index=measures.index)
    )
    keys = measures[["measure_id", "measure", "window", "window_start", "window_end"]].assign(
        **{"grades matter": matter.map({True: "yes", False: "no"})}
    )
    estimates = keys.assign(
        **common, row=ESTIMATE_ROW, **{
            "my estimate": mine["estimate"].astype("Int64"), "my low": mine["low"],
            "my high": mine["high"], "sources": mine["sources"].astype("Int64"),
            "default estimate": defaults["estimate"].astype("Int64"),
            "lesson default": lesson_defaults["estimate"].astype("Int64"),
        }, **moved,
    )  # fmt: skip
    published = _published(mine_view, views.view(default), keys).assign(**common, row=PUBLISHED_ROW)
    card = pd.concat([estimates, published], ignore_index=True)
    order = {
        key: i for i, key in enumerate(zip(keys["measure_id"], keys["window_start"], strict=True))
    }
    card["_order"] = [
        order[key] for key in zip(card["measure_id"], card["window_start"], strict=True)
    ]
    card = card.sort_values(["_order", "row"], kind="stable", key=_rows_first)
    card["card rows"] = len(card)
    return _typed(card.drop(columns="_order").reindex(columns=CARD_COLUMNS))


def _rows_first(column: pd.Series) -> pd.Series:
    # Within a window, its estimate row comes before its published figures.
    return column.map({ESTIMATE_ROW: 0, PUBLISHED_ROW: 1}) if column.name == "row" else column


def _published(
    view: analysis.Analysis, default: analysis.Analysis, keys: pd.DataFrame
) -> pd.DataFrame:
    """Each independent source's latest figure in the exercise's windows (view.latest):
    its source, point and kind, who said it and how (estimates.as_said), the interval the
    student's margin gives it, and its grade and weight in the default view (the same
    cut-off with the data's grades, whose latest figures are the same)."""
    window = ["measure_id", "window_start"]
    latest = view.latest.rename(columns={"measure": "measure_id"})
    latest = latest.assign(
        **{"as said": as_said(view.latest), "said by": latest["claimant"].fillna(
            latest["claimant_id"])}
    )  # fmt: skip
    rows = keys[window].merge(
        latest[[*window, "origin", "point", "bound", "said by", "as said", "interval_low",
                "interval_high"]], on=window,
    )  # fmt: skip
    graded = default.latest.rename(columns={"measure": "measure_id"})[
        [*window, "origin", "grade", "weight"]
    ].drop_duplicates([*window, "origin"])
    rows = rows.merge(graded, on=[*window, "origin"], how="left")
    rows = rows.merge(keys, on=window)
    return rows.rename(
        columns={"origin": "source", "point": "figure", "bound": "figure kind",
                 "interval_low": "figure low", "interval_high": "figure high",
                 "grade": "default grade", "weight": "default weight"}
    )  # fmt: skip


def _typed(card: pd.DataFrame) -> pd.DataFrame:
    """The card's columns in their dtypes (as read back from CSV, so a card compares
    equal to itself written and read)."""
    card = card.reset_index(drop=True)
    for column in _INTEGERS:
        card[column] = pd.to_numeric(card[column]).astype("Int64")
    for column in _NUMBERS:
        card[column] = pd.to_numeric(card[column]).astype("Float64")
    for column in _DAYS:
        card[column] = pd.to_datetime(card[column]).astype("datetime64[ns]")
    text = [c for c in CARD_COLUMNS if c not in (*_INTEGERS, *_NUMBERS, *_DAYS)]
    card[text] = card[text].astype(object).where(card[text].notna(), "").astype(str)
    return card


def exercise_card(
    student: str,
    data_dir: str | Path,
    as_of: str | None = None,
    grade_overrides: dict | None = None,
    approximate_margin: float = 0.0,
    window_days: int = 7,
    lesson_day: str | None = None,
) -> pd.DataFrame:
    """The exercise notebook's card: the choices as papermill gives them, checked
    (analysis.Parameters.parse), on the lesson's measures (exercise.lesson_measures).

    The lesson's day is lesson_day when given, else as_of (a class told to use a day
    sets only as_of), else the exercise's day (exercise.exercise_cutoff: the first day
    on which grades can move an estimate). A cut-off other than the lesson's day is the
    student's choice, reverted to the lesson's day to see what it moved.
    Raises ValueError for a bad choice."""
    from crosscheck import exercise
    from crosscheck.load import load_dataset
    from crosscheck.notebook import find_data_dir

    dataset = load_dataset(find_data_dir(data_dir))
    choices = analysis.Parameters.parse(as_of, approximate_margin, window_days, grade_overrides)
    first = exercise.exercise_cutoff(analysis.analyse(dataset))
    try:
        day = analysis.Parameters.parse(as_of=lesson_day).as_of
    except ValueError as error:
        raise ValueError(str(error).replace("as_of", "lesson_day")) from None
    day = day if day is not None else choices.as_of if choices.as_of is not None else first
    on_the_day = analysis.analyse(dataset, analysis.Parameters(as_of=day))
    measures = exercise.lesson_measures(on_the_day)
    return build_card(student, dataset, measures, choices, day, exercise_day=first)


def card_path(answers_dir: str | Path, student: str) -> Path:
    """Where a student's card goes: <answers_dir>/<student>.csv, the name made safe for a
    file (anything but letters, digits, '-', '_' and '.' becomes '_')."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in student).strip(".")
    return Path(answers_dir) / f"{safe or 'student'}.csv"


def write_card(card: pd.DataFrame, answers_dir: str | Path) -> Path:
    """Write a card as CSV (present.write_csv: spreadsheet-safe) and return its path."""
    student = card["student"].iloc[0] if len(card) else "student"
    path = card_path(answers_dir, student)
    write_csv(card.reindex(columns=CARD_COLUMNS), path)
    return path


class NotACard(ValueError):
    """A CSV that is not an answer card of this format: the reason, for a person, worded
    to follow the file's name ('junk.csv is not an answer card (it has no card_format
    column)')."""


def read_card(path: Path) -> pd.DataFrame:
    """One answer card read back and checked (CARD_COLUMNS, typed as build_card gives).

    Raises NotACard with the reason: not a CSV, a card of format 1, another format, a
    missing column, or values that are not what the card holds.
    """
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
        short = _short_line(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise NotACard(f"not a readable CSV ({str(error).splitlines()[0]})") from None
    except csv.Error as error:
        raise NotACard(f"not a readable CSV ({error})") from None
    columns = list(raw.columns)
    if "card_format" not in columns:
        if columns == V1_COLUMNS:
            raise NotACard(
                f"an answer card of format 1 (before the exercise's windows); rerun the "
                f"exercise notebook to make a card of format {CARD_FORMAT}"
            )
        raise NotACard("not an answer card (it has no card_format column)")
    formats = set(raw["card_format"])
    if formats != {str(CARD_FORMAT)}:
        older = all(f.isdigit() and int(f) < CARD_FORMAT for f in formats)
        raise NotACard(
            f"an answer card of format {', '.join(sorted(formats)) or 'none'}; this version "
            f"reads format {CARD_FORMAT}"
            + ("; rerun the exercise notebook to make a new card" if older else "")
        )
    missing = [c for c in CARD_COLUMNS if c not in columns and c not in ADDED_COLUMNS]
    if missing:
        raise NotACard(f"an answer card without the column(s) {', '.join(missing)}")
    if raw.empty:
        raise NotACard("an answer card with no row")
    if short is not None:
        line, fields = short
        raise NotACard(
            f"an answer card cut short: line {line} has {fields} of its {len(columns)} "
            "fields (make the card again, or copy the whole file)"
        )
    told = raw["card rows"] if "card rows" in raw else pd.Series("", index=raw.index)
    if told.ne("").any():
        again = "(make the card again, or copy the whole file)"
        if told.eq("").any():
            # A card cut after a row's last comma: that row lost its last value.
            line = int(told.eq("").to_numpy().argmax()) + 2
            raise NotACard(f"an answer card cut short: line {line} lacks its last value {again}")
        if set(told) != {str(len(raw))}:
            said = ", ".join(sorted(set(told)))
            raise NotACard(
                f"an answer card cut short: it says it has {said} rows and {len(raw)} are "
                f"there {again}"
            )
    if raw["student"].nunique() != 1 or not raw["student"].iloc[0].strip():
        raise NotACard("an answer card that does not name one student")
    rows = set(raw["row"]) - {ESTIMATE_ROW, PUBLISHED_ROW}
    if rows:
        raise NotACard(f"an answer card with unknown row kind(s) {', '.join(sorted(rows))}")
    raw = raw.reindex(columns=[*columns, *(c for c in ADDED_COLUMNS if c not in columns)],
                      fill_value="")  # fmt: skip
    # Undo write_csv's spreadsheet guard (a leading apostrophe before "-", "=", ...).
    raw = raw.apply(lambda c: c.str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True))
    try:
        card = _typed(raw.replace("", pd.NA)[CARD_COLUMNS])
    except (ValueError, TypeError) as error:
        raise NotACard(f"an answer card with a value it cannot hold ({error})") from None
    return card


def _short_line(path: Path) -> tuple[int, int] | None:
    """The first line (1-based, the header being line 1) with fewer fields than the
    header, and its number of fields; None when every line is whole. pandas fills a short
    row with empty values, so a card cut mid-row would otherwise read as whole."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        width = len(next(reader, []))
        for row in reader:
            if row and len(row) < width:
                return reader.line_num, len(row)
    return None


@dataclass(frozen=True)
class ClassCards:
    """The cards of a folder: those read, and those skipped with the reason why."""

    cards: list[pd.DataFrame]
    skipped: list[tuple[Path, str]]


def read_cards(folder: str | Path) -> ClassCards:
    """Every *.csv of a folder, in name order, read as a card or skipped with its reason.
    Two cards of the same student: the later file is skipped, named. Raises
    FileNotFoundError when the folder does not exist."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder of answer cards at {folder}")
    cards, skipped, students = [], [], {}
    for path in sorted(folder.glob("*.csv")):
        try:
            card = read_card(path)
        except NotACard as reason:
            skipped.append((path, str(reason)))
            continue
        student = card["student"].iloc[0]
        if student in students:
            skipped.append((path, f"a second card of {student} (first: {students[student]})"))
            continue
        students[student] = path.name
        cards.append(card)
    return ClassCards(cards, skipped)


ESTIMATE_COLUMNS = ["measure_id", "measure", "window", "window_start", "window_end",
                    "grades matter", "student", "as_of", "lesson day", "grade overrides",
                    "grades changed", "approximate_margin", "my estimate", "my low", "my high",
                    "default estimate", "lesson default", "moved most", "estimate without it",
                    "interval without it"]  # fmt: skip


def class_day(cards: list[pd.DataFrame]) -> str:
    """The class's day: the lesson day most of the cards answer ('2024-10-28'; the
    earliest of a tie); '' without a card."""
    days = pd.Series([card["lesson day"].iloc[0] for card in cards if len(card)], dtype=object)
    if days.empty:
        return ""
    counts = days.value_counts()
    return min(counts[counts == counts.max()].index)


def class_estimates(cards: list[pd.DataFrame]) -> pd.DataFrame:
    """The class's estimate rows, one per student and lesson window (ESTIMATE_COLUMNS),
    in window order, then student order."""
    if not cards:
        return pd.DataFrame(columns=ESTIMATE_COLUMNS)
    rows = pd.concat(cards, ignore_index=True)
    rows = rows[rows["row"] == ESTIMATE_ROW]
    order = ["measure", "window_start", "window_end", "student"]
    return rows.sort_values(order)[ESTIMATE_COLUMNS].reset_index(drop=True)


# A question of the lesson: its measure and window, both ends. Cards of two lesson days
# can share a measure and a window's start (an all-dates window) and still end apart:
# they answer two questions, each with its own panel, default and spread.
WINDOW_KEYS = ["measure_id", "window_start", "window_end"]


def window_days(estimates: pd.DataFrame) -> pd.DataFrame:
    """Per window (WINDOW_KEYS) of class_estimates' rows, the day its default belongs to
    ("class's day", str): the class's day (class_day) when a card of that lesson day
    answers the window, else the lesson day most of its cards answer (the earliest of a
    tie). Columns: WINDOW_KEYS, "class's day"."""
    columns = [*WINDOW_KEYS, "class's day"]
    if estimates.empty:
        return pd.DataFrame(columns=columns)
    counts = estimates.groupby("student")["lesson day"].first().value_counts()
    day = min(counts[counts == counts.max()].index)

    def chosen(days: pd.Series) -> str:
        if (days == day).any():
            return day
        here = days.value_counts()
        return min(here[here == here.max()].index)

    table = estimates.groupby(WINDOW_KEYS, sort=False)["lesson day"].agg(chosen)
    return table.rename("class's day").reset_index()[columns]


PUBLISHED_COLUMNS = ["measure_id", "measure", "window", "window_start", "window_end",
                     "source", "figure", "figure kind", "students",
                     "on the class's day"]  # fmt: skip


def class_published(cards: list[pd.DataFrame]) -> pd.DataFrame:
    """The published figures the class's cards hold, per lesson window, each figure once
    with the number of cards that knew it and whether it was known on the class's day
    (the window's day, window_days: a card of that window with that cut-off holds it;
    bool). A figure only a card of another cut-off holds (a later one knows more, an
    earlier one an older figure) is False. In a window no card of its day's cut-off
    answers, every figure is True (there is no card to tell)."""
    if not cards:
        return pd.DataFrame(columns=PUBLISHED_COLUMNS)
    rows = pd.concat(cards, ignore_index=True)
    rows = rows[rows["row"] == PUBLISHED_ROW]
    keys = PUBLISHED_COLUMNS[:-2]
    table = rows.groupby(keys, dropna=False, sort=True)["student"].nunique()
    table = table.rename("students").reset_index()
    estimates = class_estimates(cards)
    days = window_days(estimates)
    estimates = estimates.merge(days, on=WINDOW_KEYS)
    rows = rows.merge(days, on=WINDOW_KEYS)
    on_the_day = rows[rows["as_of"] == rows["class's day"]]
    seen = table[keys].merge(on_the_day[keys].drop_duplicates(), how="left", indicator=True)
    told = estimates.loc[estimates["as_of"] == estimates["class's day"], WINDOW_KEYS]
    untold = table[WINDOW_KEYS].merge(told.drop_duplicates(), how="left", indicator=True)
    table["on the class's day"] = (
        (seen["_merge"] == "both") | (untold["_merge"] == "left_only")
    ).to_numpy()
    return table[PUBLISHED_COLUMNS]


SPREAD_COLUMNS = ["measure_id", "measure", "window", "window_start", "window_end",
                  "grades matter", "students", "estimated by", "lowest", "median", "highest",
                  "class's day", "default estimate", "default worked out"]  # fmt: skip


def compare_answers(cards: list[pd.DataFrame]) -> pd.DataFrame:
    """Per lesson measure and window, the spread of the class (SPREAD_COLUMNS): how many
    students, how many had an estimate, the lowest, median and highest of them (Int64;
    NA when nobody had one), the window's day (window_days: the class's day, or the
    lesson day of the cards that alone answer the window) and the default estimate on it
    (the lesson default of the window's cards of that lesson day; Int64, NA when none),
    and how that default is worked out (default_workings, from the window's published
    rows of the first of its cards whose cut-off is that day; '' without one). A window
    is its measure and both its ends (WINDOW_KEYS): every figure of a row comes from the
    cards answering that window only."""
    estimates = class_estimates(cards)
    if estimates.empty:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    estimates = estimates.merge(window_days(estimates), on=WINDOW_KEYS)
    keys = ["measure_id", "measure", "window", "window_start", "window_end", "class's day"]
    value = estimates["my estimate"].astype("Float64")
    of_the_day = (
        estimates["lesson default"]
        .astype("Float64")
        .where(estimates["lesson day"] == estimates["class's day"])
    )
    groups = estimates.assign(_value=value, _default=of_the_day).groupby(keys, sort=False)
    table = groups.agg(
        **{"grades matter": ("grades matter", "first")},
        students=("student", "nunique"), **{"estimated by": ("_value", "count")},
        lowest=("_value", "min"), median=("_value", "median"), highest=("_value", "max"),
        **{"default estimate": ("_default", "first")},
    ).reset_index()  # fmt: skip
    for column in ("lowest", "median", "highest", "default estimate"):
        table[column] = table[column].round().astype("Int64")
    table["default worked out"] = [
        default_workings(window_figures(card, row), row["default estimate"])
        if (card := _card_of_day(cards, row)) is not None else ""
        for _, row in table.iterrows()
    ]  # fmt: skip
    return table[SPREAD_COLUMNS]


def _card_of_day(cards: list[pd.DataFrame], window: pd.Series) -> pd.DataFrame | None:
    """The first card answering a window (WINDOW_KEYS) whose cut-off is the window's day."""
    for card in cards:
        if len(card) and card["as_of"].iloc[0] == window["class's day"]:
            rows = card[card["row"] == ESTIMATE_ROW]
            if ((rows[WINDOW_KEYS] == window[WINDOW_KEYS].to_numpy()).all(axis=1)).any():
                return card
    return None


def spread_sentence(row: pd.Series) -> str:
    """One window's spread in words: 'Five students: from 3,000 to 4,200 (median 3,480).'"""
    students = f"{row['students']} student{'s' if row['students'] != 1 else ''}"
    if not row["estimated by"]:
        return f"{students}: none had an estimate (no source gave a point figure by their cut-off)."
    lowest, median, highest = (f"{row[c]:,}" for c in ("lowest", "median", "highest"))
    missing = row["students"] - row["estimated by"]
    without = f"; {missing} had none" if missing else ""
    if row["lowest"] == row["highest"]:
        return f"{students}: all estimates at {lowest}{without}."
    return f"{students}: from {lowest} to {highest} (median {median}){without}."


def move_phrase(row: pd.Series, whose: str = "your") -> str:
    """Which choice moved an estimate row most, in words: "your grades moved it most
    (without that choice: 7,480)", "your margin moved only its interval (without it:
    3,000 to 10,000)", "none of your choices moved it"."""
    if row["moved most"] == NO_MOVE:
        return f"none of {whose} choices moved it"
    without = row["estimate without it"]
    if pd.isna(without) and pd.isna(row["my estimate"]):
        return (
            f"{whose} {row['moved most']} moved it most (without it: {row['interval without it']})"
        )
    if pd.isna(without):
        return f"{whose} {row['moved most']} moved it most (without that choice: no estimate)"
    if not pd.isna(row["my estimate"]) and without == row["my estimate"]:
        return (
            f"{whose} {row['moved most']} moved only its interval (without that choice: "
            f"{row['interval without it']})"
        )
    return f"{whose} {row['moved most']} moved it most (without that choice: {without:,})"


def _figure(row: pd.Series) -> str:
    """A published figure as the weighted mean takes it: its point ('10,000'; a range's
    middle said as such)."""
    point = f"{row['figure']:,.0f}"
    if row["figure kind"] in ("range", "interval") and row["as said"]:
        return f"{point} (the middle of {row['as said']})"
    return point


def default_workings(figures: pd.DataFrame, estimate) -> str:
    """How a default estimate is worked out, in one line, from a card's published rows of
    one window (said by, figure, figure kind, as said, default grade, default weight):
    "weighted mean of each source's latest figure: National Intelligence Service 10,000
    (B2, weight 0.64) and Volodymyr Zelenskyy 12,000 (C3, 0.36) → 10,720". A bound is
    named apart, never averaged (reliability.weighted_estimates). '' when the rows carry
    no weights (a card written before they were added)."""
    if figures.empty or figures["default weight"].isna().all():
        return ""
    who = figures["said by"].where(figures["said by"] != "", figures["source"])
    bounds = figures["figure kind"].isin(["upper bound", "lower bound"])
    points = [
        f"{name} {_figure(row)} ({row['default grade']}, "
        f"{'weight ' if not i else ''}{row['default weight']:.2f})"
        for i, (name, (_, row)) in enumerate(
            zip(who[~bounds], figures[~bounds].iterrows(), strict=True))
    ]  # fmt: skip
    said_apart = [f"'{row['as said']}' ({name})" for name, (_, row) in
                  zip(who[bounds], figures[bounds].iterrows(), strict=True)]  # fmt: skip
    apart = f"; {listed(said_apart)}: a bound, not averaged" if said_apart else ""
    if not points:
        return f"no point figure to average{apart}: no default estimate"
    result = "no estimate" if pd.isna(estimate) else f"{estimate:,}"
    if len(points) == 1:
        return f"the one source's latest figure: {points[0]} → {result}{apart}"
    return f"weighted mean of each source's latest figure: {listed(points)} → {result}{apart}"


def interval_line(row: pd.Series, figures: pd.DataFrame) -> str:
    """What set each end of a student's interval, in one line, where a margin is chosen
    (a margin widens only 'about' figures, so it may move one end and not the other):
    "your margin ±10% moved the low end only: 9,000 is 'about 10,000' (National
    Intelligence Service) less 10%; the high end stays at 12,000: Volodymyr Zelenskyy's
    figure 12,000 is exact, and a margin widens only 'about' figures". Inputs: the card's
    estimate row of a window and its published rows (as said, said by, figure kind,
    figure low, figure high). An end a bound leaves open says so: "'up to 15,000' (Rustem
    Umerov) sets no floor, so the interval has no lower bound". '' without a margin,
    without an interval, or on a card without the figures' intervals."""
    margin = row["approximate_margin"]
    if not margin or figures.empty or figures["figure low"].isna().all() and figures[
            "figure high"].isna().all():  # fmt: skip
        return ""
    if pd.isna(row["my low"]) and pd.isna(row["my high"]) and pd.isna(row["my estimate"]):
        return ""
    who = figures["said by"].where(figures["said by"] != "", figures["source"])
    ends = []
    for end, column, sign in (("low", "figure low", "less"), ("high", "figure high", "plus")):
        value = row[f"my {end}"]
        if pd.isna(value):
            openers = figures[figures[column].isna()]
            # A bound that leaves this end open ('up to' the low end) says why it is open.
            bound = "upper bound" if end == "low" else "lower bound"
            bounds = openers[openers["figure kind"] == bound]
            opener = bounds if len(bounds) else openers
            name = who[opener.index[0]] if len(opener) else ""
            said = opener["as said"].iloc[0] if len(opener) else ""
            if len(bounds):
                ends.append((False, f"'{said}' ({name}) sets no "
                             f"{'floor' if end == 'low' else 'ceiling'}, so the interval has "
                             f"no {'lower' if end == 'low' else 'upper'} bound"))  # fmt: skip
            else:
                ends.append((False, f"the {end} end is open: '{said}' ({name}) gives no "
                             f"{'lowest' if end == 'low' else 'highest'} figure"))  # fmt: skip
            continue
        setters = figures[figures[column].round() == round(float(value))]
        if setters.empty:
            ends.append((False, f"the {end} end is {value:,.0f}"))
            continue
        # A figure the margin cannot move, where one ties with an 'about' figure, holds the end.
        fixed = setters[setters["figure kind"] != "approximate"]
        first = fixed.iloc[0] if len(fixed) else setters.iloc[0]
        name, said, kind = who[first.name], first["as said"], first["figure kind"]
        if fixed.empty:
            ends.append((True, f"{value:,.0f} is '{said}' ({name}) {sign} {margin:.0%}"))
        elif kind in ("upper bound", "lower bound"):
            ends.append((False, f"the bound '{said}' ({name}) caps the {end} end at {value:,.0f}"))
        elif kind in ("range", "interval"):
            ends.append((False, f"the range '{said}' ({name}) sets the {end} end at "
                         f"{value:,.0f}"))  # fmt: skip
        else:
            ends.append((False, f"the {end} end stays at {value:,.0f}: {name}'s figure {said} "
                         "is exact, and a margin widens only 'about' figures"))  # fmt: skip
    (low_moved, low), (high_moved, high) = ends
    mine = f"your margin ±{margin:.0%}"
    if low_moved and high_moved:
        return f"{mine} widened both ends: {low}, and {high}"
    if low_moved or high_moved:
        moved, still = (low, high) if low_moved else (high, low)
        return f"{mine} moved the {'low' if low_moved else 'high'} end only: {moved}; {still}"
    return f"{mine} moved neither end: {low}; {high}"


def window_figures(card: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """A card's published rows of the window of one of its estimate rows (the same
    measure_id, window_start and window_end: an all-dates window of another lesson day
    ends elsewhere and is another window)."""
    chosen = card["row"] == PUBLISHED_ROW
    for key in WINDOW_KEYS:
        chosen &= card[key] == row[key]
    return card[chosen]


def explanation(card: pd.DataFrame) -> list[str]:
    """The card in sentences for its student: the choices (grades by name), whether
    grades can move an estimate on the lesson's day (and the first day they can), then
    per window the estimate, the default one and which choice moved it most
    (move_phrase)."""
    if card.empty:
        return [
            "The card holds no estimate: no measure of this data had a figure by the "
            "lesson's day, so no choice of yours can move an estimate."
        ]
    first = card.iloc[0]
    day, lesson = day_text(first["as_of"]), day_text(first["lesson day"])
    cutoff = (
        f"your cut-off {day} is the lesson's day"
        if first["as_of"] == first["lesson day"]
        else f"your cut-off {day} (the lesson's day is {lesson})"
    )
    grades = (
        "you kept every default grade"
        if first["grades changed"] == "none"
        else f"you changed the grades of {first['grades changed']}"
    )
    margin = (
        "no margin around 'about' figures"
        if not first["approximate_margin"]
        else f"a margin of ±{first['approximate_margin']:.0%} around 'about' figures"
    )
    lines = [f"{first['student']}: {cutoff}; {grades}; {margin}."]
    rows = card[card["row"] == ESTIMATE_ROW]
    if len(rows) and (rows["grades matter"] == "no").all():
        then = (
            f" The first day on which two sources' figures are weighed against each other "
            f"is {day_text(first['exercise as_of'])}: leave as_of and lesson_day empty (None) "
            "for a lesson where grades matter."
            if first["exercise as_of"]
            else ""
        )
        lines.append(
            f"On {lesson} each of these estimates weighs one source's figure at most, so "
            f"grades cannot move them: only the margin around 'about' figures can.{then}"
        )
    for _, row in rows.iterrows():
        if pd.isna(row["my estimate"]):
            mine = "you have no estimate (no source's point figure by your cut-off)"
        else:
            mine = f"your estimate {row['my estimate']:,}"
            if not pd.isna(row["default estimate"]):
                mine += f", the default {row['default estimate']:,}"
        interval = interval_line(row, window_figures(card, row))
        interval = f" {interval[0].upper()}{interval[1:]}." if interval else ""
        lines.append(f"{row['measure']} ({row['window']}): {mine}; {move_phrase(row)}.{interval}")
    return lines


def answers_folder(answers_dir: str | Path, data_dir: str | Path) -> Path:
    """Where the exercise writes its card: answers_dir as given when absolute, else beside
    the data folder (the project's root), so that a run from JupyterLab (whose working
    folder is notebooks/exercises/) and one by papermill from the root fill one folder."""
    from crosscheck.notebook import find_data_dir

    path = Path(answers_dir)
    return path if path.is_absolute() else find_data_dir(data_dir).parent / path


def bound_cells(bounds: pd.Series, estimates: pd.Series, end: str) -> list[str]:
    """An interval's end as a table shows it: '3,000', or 'no lower bound' / 'no upper
    bound' where the sources leave it open; '' where there is no estimate at all."""
    return [
        f"{value:,.0f}" if not pd.isna(value) else "" if pd.isna(mine) else f"no {end} bound"
        for value, mine in zip(bounds, estimates, strict=True)
    ]


CARD_SHOWN = {"measure": "measure", "window": "window", "my estimate": "my estimate",
              "my low": "low", "my high": "high", "default estimate": "default estimate",
              "moved most": "moved most"}  # fmt: skip


def card_html(card: pd.DataFrame, path: Path | None = None) -> str:
    """The card as its student reads it in the notebook: the explanation (escaped), a
    table of the estimates and where the card was written."""
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in explanation(card))
    rows = card[card["row"] == ESTIMATE_ROW][list(CARD_SHOWN)].rename(columns=CARD_SHOWN)
    shown = rows.astype(object).where(rows.notna(), "")
    for column in ("my estimate", "default estimate"):
        shown[column] = [f"{v:,.0f}" if v != "" else "" for v in shown[column]]
    for column, end in (("low", "lower"), ("high", "upper")):
        shown[column] = bound_cells(rows[column], rows["my estimate"], end)
    table = shown.to_html(index=False, escape=True, border=0, classes="crosscheck-table")
    where = f"<p>Your card: {html.escape(str(path))}</p>" if path is not None else ""
    return f'<div class="crosscheck-answer-card">{lines}{table}{where}</div>'
