"""The report's charts: one function per chart, each returning a matplotlib Figure (or,
for an input with nothing to draw, a NothingToDraw: the sentence a reader reads in the
chart's place, never an empty axes), and figure_html, which puts either in the page.

Every chart colours a source by its side in the controversy as the topic's
alignments.csv says (its `colour`, else the colour-blind-safe palette of Okabe & Ito,
2008, in row order; Sides), names each side by its `label`, states its data source on
the figure, and labels its axes with units. Every chart is laid out so that no text
covers other text or leaves the figure (OWID's rule; chartcheck measures it): titles
wrap to the figure's width, tick labels thin out until they stand apart, legends sit
outside the data, and a point label that would cover another text is left out (the
table beside the chart holds every figure).
"""

from __future__ import annotations

import functools
import html
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # the report renders to files; no screen is needed or assumed

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from crosscheck import chartcheck  # noqa: E402
from crosscheck.present import empty_html, text_or  # noqa: E402

if TYPE_CHECKING:
    import networkx

# The colour-blind-safe palette of Okabe & Ito (2008), "Color Universal Design", in the
# order sides without a colour of their own (alignments.csv `colour` empty) take it:
# the strongest hues first, yellow (faint on white) and black (the text's) last.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
             "#000000")  # fmt: skip
# A side the alignments table does not list: grey, and named by its code.
UNLISTED_SIDE_COLOUR = "#6E6E6E"
STANCE_MARKERS = {
    "asserts": "o",
    "denies": "X",
    "conditional": "D",
    "no comment": "s",
    "cannot confirm": "v",
}
# Sources of one side share a colour, so each source line also gets its own marker and
# dash pattern: a reader without colour, or on paper, still tells them apart.
SOURCE_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
SOURCE_DASHES = ["-", "--", "-.", ":"]

# The fonts the reader's browser draws the charts' text in, in order of preference:
# DejaVu Sans (matplotlib's own, whose measures laid the chart out), then Noto for the
# scripts DejaVu lacks (Hangul, Han, kana), then whatever sans-serif the reader has.
SVG_FONT_FAMILY = "'DejaVu Sans', 'Noto Sans CJK KR', 'Noto Sans', sans-serif"
# The fonts matplotlib measures text with: the same list, as far as this machine has
# them (a missing family would make matplotlib log a warning on every chart).
MEASURING_FONTS = ("DejaVu Sans", "Noto Sans CJK KR", "Noto Sans")


def _measuring_fonts() -> list[str]:
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    if "Noto Sans CJK KR" not in known:
        # matplotlib lists the system's fonts once, in a cache made before fonts installed
        # later (Debian's fonts-noto-cjk); those are looked for once per process.
        for path in font_manager.findSystemFonts():
            if "NotoSansCJK" in path:
                font_manager.fontManager.addfont(path)
        known = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in MEASURING_FONTS if name in known]


plt.rcParams.update(
    {
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "font.family": _measuring_fonts(),
        "font.size": 9,
        "axes.titlesize": 9,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.fontsize": 8,
        "legend.title_fontsize": 8,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        # Text stays text in the SVG: the browser draws it, in any script, searchable.
        "svg.fonttype": "none",
        "svg.hashsalt": "crosscheck",  # identical inputs give identical SVG output
        # Text from the data is drawn as written: a '$' starts no TeX formula.
        "text.parse_math": False,
    }
)

# Every chart is as wide as the page's column, so that its text is drawn at one scale.
WIDTH = 9.0  # inches
TITLE_SIZE = 11
LABEL_SIZE = 8
SOURCE_SIZE = 7.5
# Labels longer than this (in character widths, a Hangul or Han character counting two)
# are shortened with an ellipsis; the table and CSV beside the chart hold them whole.
LABEL_WIDTH = 42

# Charts aggregate before they draw: however large the data, a chart shows at most
# this many rows per panel (the latest, or the busiest) and says so; the CSV beside
# it holds everything.
MAX_ROWS_PER_PANEL = 8
MAX_CLAIMANTS = 30
MAX_MEASURES_CHARTED = 10
MAX_PATHS = 20
MAX_PERIODS = 8
# Past this many markers a chart draws them as one image inside its SVG: the page stays
# small (a marker costs about 200 bytes of SVG) and the chart looks the same.
MAX_VECTOR_MARKERS = 2_000
RASTER_DPI = 220


def _quietly(draw):
    """Draw without matplotlib's 'Glyph … missing from font' warnings: the browser draws
    those glyphs from the reader's fonts, and nothing a chapter writes to stderr belongs
    in the page."""

    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from")
            return draw(*args, **kwargs)

    return drawn


# --- text that fits ---------------------------------------------------------------------


def _display_width(text: str) -> int:
    """Width in character cells: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _shorten(text: str, width: int = LABEL_WIDTH) -> str:
    """The text, or its start and an ellipsis when it is wider than `width` cells. A text
    already wrapped onto lines is measured by its widest line (the lesson's chart wraps
    long names rather than cut them)."""
    text = str(text)
    if max(_display_width(line) for line in text.split("\n")) <= width:
        return text
    kept = ""
    for character in text:
        if _display_width(kept + character) > width - 1:
            break
        kept += character
    return kept.rstrip() + "…"


def _wrap(text: str, width: int) -> str:
    """Words joined into lines of at most `width` cells (a longer word is shortened)."""
    lines: list[str] = []
    for word in str(text).split():
        word = _shorten(word, width)
        if lines and _display_width(lines[-1]) + 1 + _display_width(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _cells_across(inches: float, fontsize: float, bold: bool = False) -> int:
    """How many character cells fit across `inches` at `fontsize`: DejaVu Sans averages
    about 0.6 em a character, 0.68 em in bold; a tenth is kept spare."""
    return int(inches * 72 * 0.9 / ((0.68 if bold else 0.6) * fontsize))


def _day(day: pd.Timestamp) -> str:
    return f"{day:%-d %b %Y}"


# --- figure frame: title above, source below, layout, ticks, labels ---------------------


def _frame(figure: Figure, title: str, source: str) -> None:
    """The title (its finding) above and the source line below, both wrapped to the width;
    constrained layout keeps the panels clear of both."""
    figure.suptitle(
        _wrap(title, _cells_across(WIDTH, TITLE_SIZE, bold=True)),
        x=0.01, ha="left", fontsize=TITLE_SIZE, fontweight="bold", linespacing=1.5,
    )  # fmt: skip
    figure.supxlabel(
        _wrap(f"Source: {source}", _cells_across(WIDTH, SOURCE_SIZE)),
        x=0.01, ha="left", fontsize=SOURCE_SIZE, color="#555555", linespacing=1.5,
    )  # fmt: skip


def _settle(figure: Figure, legend: tuple | None = None) -> None:
    """Run the layout once and keep it: labels placed afterwards are measured against
    panels that no longer move. legend: (axes, handles, title) for _legend_panel, whose
    fitting runs the layout."""
    if legend:
        _legend_panel(*legend)
    else:
        figure.canvas.draw()
    figure.set_layout_engine("none")


def _tick_labels_collide(axis) -> bool:
    renderer = axis.get_figure(root=True).canvas.get_renderer()
    axis.get_tightbbox(renderer)  # places this axis's ticks and labels, drawing nothing
    # A gap of about an em between neighbours, so that numbers do not run together.
    boxes = [text.get_window_extent(renderer).padded(5) for text in chartcheck.drawn_texts(axis)
             if text is not axis.label]  # fmt: skip
    return any(chartcheck.collide(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def _numbers_axis(axis, most: int = 6) -> None:
    """Whole numbers with thousands separators, as many ticks as stand apart (≤ most)."""
    axis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))
    for bins in range(most, 1, -1):
        axis.set_major_locator(mticker.MaxNLocator(nbins=bins, integer=True, min_n_ticks=2))
        if not _tick_labels_collide(axis):
            return


class DayFormatter(mticker.Formatter):
    """Dates as '18 Oct' or 'Oct', with the year on the first tick and wherever the year
    changes, so that a chart across a year never leaves a date without its year."""

    def __init__(self, unit: str):
        self.unit = unit  # "day", "month" or "year"

    def __call__(self, value, pos=None):
        return self.format_ticks([value])[0]

    def format_ticks(self, values):
        days = [mdates.num2date(value) for value in values]
        labels = []
        for i, day in enumerate(days):
            new_year = i == 0 or day.year != days[i - 1].year
            if self.unit == "year":
                labels.append(f"{day:%Y}")
            elif self.unit == "month":
                labels.append(f"{day:%b %Y}" if new_year else f"{day:%b}")
            else:
                labels.append(f"{day:%-d %b %Y}" if new_year else f"{day:%-d %b}")
        return labels


# From the finest to the coarsest: the first that gives ticks standing apart is used.
DAY_LOCATORS = [
    (lambda: mdates.DayLocator(), "day"),
    (lambda: mdates.DayLocator(interval=2), "day"),
    (lambda: mdates.DayLocator(bymonthday=[1, 8, 15, 22]), "day"),
    (lambda: mdates.DayLocator(bymonthday=[1, 15]), "day"),
    (lambda: mdates.MonthLocator(), "month"),
    (lambda: mdates.MonthLocator(bymonth=[1, 3, 5, 7, 9, 11]), "month"),
    (lambda: mdates.MonthLocator(bymonth=[1, 4, 7, 10]), "month"),
    (lambda: mdates.MonthLocator(bymonth=[1, 7]), "month"),
    (lambda: mdates.YearLocator(), "year"),
    (lambda: mdates.YearLocator(2), "year"),
    (lambda: mdates.YearLocator(5), "year"),
]


def _dates_axis(axis, most: int = 9) -> None:
    """Day, month or year ticks, the finest that give at most `most` ticks standing apart,
    each labelled by DayFormatter."""
    low, high = sorted(axis.get_view_interval())
    for make, unit in DAY_LOCATORS:
        locator = make()
        ticks = [t for t in locator.tick_values(mdates.num2date(low), mdates.num2date(high))
                 if low <= t <= high]  # fmt: skip
        if not 2 <= len(ticks) <= most:
            continue
        axis.set_major_locator(locator)
        axis.set_major_formatter(DayFormatter(unit))
        if not _tick_labels_collide(axis):
            return


def _date_limits(axes, days: pd.Series) -> None:
    """The days drawn with a margin, at least a day each side (one day alone is not
    drawn across years)."""
    first, last = days.min(), days.max()
    margin = max(pd.Timedelta(days=1), (last - first) * 0.04)
    axes.set_xlim(first - margin, last + margin)


@dataclass
class Label:
    """A label a chart would like to draw by a point, if it covers no other text."""

    text: str
    xy: tuple
    colour: str = "#222222"
    # Where to try it, in points from the point, with its alignment; the first that fits.
    places: tuple = ((5, 3, "left", "bottom"), (5, -3, "left", "top"),
                     (-5, 3, "right", "bottom"), (-5, -3, "right", "top"))  # fmt: skip


# Pixels kept clear around each label (both sides: twice this between two labels): a
# browser draws a text's box about a fifth of an em taller than matplotlib measures it.
LABEL_GAP = 2

# A label over a line stays legible on a light, borderless backing.
LABEL_BACKGROUND = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none",
                    "alpha": 0.8}  # fmt: skip

RIGHT_FIRST = ((7, 0, "left", "center"), (0, 5, "center", "bottom"), (0, -5, "center", "top"),
               (-7, 0, "right", "center"))  # fmt: skip


def _place_labels(figure: Figure, labels_by_panel: dict) -> int:
    """Draw each label at its first place where it covers no text already drawn and stays
    inside its panel; a label with no such place is left out (the table holds it).
    labels_by_panel: Axes -> list of Label, in order of importance. Returns how many were
    left out. Call after _settle: the panels must not move."""
    # The ticks were placed by _numbers_axis and _dates_axis: no need to draw again.
    taken = [box.box.padded(LABEL_GAP) for box in chartcheck.text_boxes(figure, draw=False)]
    renderer = figure.canvas.get_renderer()
    left_out = 0
    for axes, labels in labels_by_panel.items():
        frame = axes.get_window_extent(renderer)
        for label in labels:
            for dx, dy, ha, va in label.places:
                note = axes.annotate(
                    label.text, label.xy, xytext=(dx, dy), textcoords="offset points", ha=ha,
                    va=va, fontsize=LABEL_SIZE, color=label.colour, annotation_clip=False,
                    bbox=LABEL_BACKGROUND,
                )  # fmt: skip
                box = note.get_window_extent(renderer)
                if not chartcheck.outside(box, frame) and not any(
                    chartcheck.collide(box, other) for other in taken
                ):
                    taken.append(box.padded(LABEL_GAP))
                    break
                note.remove()
            else:
                left_out += 1
    return left_out


# --- the sides: names and colours from alignments.csv ----------------------------------


def side_colours(alignments: pd.DataFrame) -> dict[str, str]:
    """Each side's colour in every chart: its alignments.csv `colour` where given, else
    the next colour of OKABE_ITO that no row names, in the rows' order (after the last,
    the palette repeats). The same table always gives the same colours.

    Input: the alignments table (columns alignment, string; colour, string with NA where
    empty; a table without a colour column counts as all empty). Output: alignment ->
    "#RRGGBB", in the table's order.
    """
    given = alignments["colour"] if "colour" in alignments else pd.Series(pd.NA, alignments.index)
    named = {str(colour).upper() for colour in given.dropna()}
    free = [colour for colour in OKABE_ITO if colour not in named] or list(OKABE_ITO)
    colours, taken = {}, 0
    for alignment, colour in zip(alignments["alignment"], given, strict=True):
        if pd.isna(colour):
            colour, taken = free[taken % len(free)], taken + 1
        colours[str(alignment)] = str(colour)
    return colours


@dataclass(frozen=True)
class Sides:
    """How the charts name, colour and order the sides: alignments.csv's `label`,
    `colour` (side_colours) and row order. A side the table does not list is named by
    its code, drawn grey and put last."""

    labels: dict
    colours: dict

    @classmethod
    def of(cls, alignments: pd.DataFrame | None, drawn=()) -> Sides:
        """The sides of an alignments table (Dataset.alignments). Without one (None),
        the sides in `drawn` by their codes, coloured from the palette in code order:
        colours then hold within one chart only, so the report passes the table."""
        if alignments is None:
            codes = sorted({str(a) for a in drawn if not pd.isna(a)})
            alignments = pd.DataFrame({"alignment": codes, "label": codes})
        labels = dict(zip(alignments["alignment"], alignments["label"], strict=True))
        return cls(labels, side_colours(alignments))

    def colour(self, alignment) -> str:
        return self.colours.get(alignment, UNLISTED_SIDE_COLOUR)

    def label(self, alignment) -> str:
        return str(self.labels.get(alignment, alignment))

    def handles(self, alignments) -> list[Line2D]:
        """Legend entries for the sides among `alignments` (a missing side is none), in
        the table's order, unlisted ones after by code."""
        order = list(self.labels)
        drawn = {str(a) for a in alignments if not pd.isna(a)}
        ranked = sorted(drawn, key=lambda a: (order.index(a) if a in order else len(order), a))
        return [
            Line2D([], [], color=self.colour(a), marker="o", linestyle="", label=self.label(a))
            for a in ranked
        ]


def _legend_panel(axes, handles: list, title: str) -> None:
    """A legend in a panel of its own above the data (constrained layout gives it room, so
    it covers neither the data nor the title), in as many columns (≤ 5) as fit across the
    figure. Call once the other panels are drawn: their labels decide where it starts."""
    axes.axis("off")
    figure = axes.get_figure(root=True)
    for columns in range(min(len(handles), 5), 0, -1):
        legend = axes.legend(handles=handles, title=title, loc="center left", ncols=columns,
                             frameon=False, borderaxespad=0, alignment="left")  # fmt: skip
        figure.canvas.draw()
        if legend.get_window_extent().x1 <= figure.bbox.x1 - 4:
            return


LEGEND_ROW = 0.45  # inches: a legend's title and one row of entries


# --- the charts -------------------------------------------------------------------------


@dataclass(frozen=True)
class NothingToDraw:
    """What a chart function returns for an input with nothing to draw: the sentence that
    says what is missing. No figure is made from zero rows; figure_html shows the
    sentence in the chart's place, with its caption and the link to its (empty) CSV."""

    sentence: str


def capped(statements: pd.DataFrame, keep: set[str], limit: int = MAX_ROWS_PER_PANEL):
    """Per measure, the statements a chart draws: every one in `keep` (the key articles'
    statements) and the latest others up to `limit`; and how many were left out."""
    ordered = statements.sort_values(["stated_on", "claim_id"])
    key = ordered["statement"].isin(keep)
    room = (limit - key.groupby(ordered["measure"]).transform("sum")).clip(lower=0)
    rank_from_latest = (~key).iloc[::-1].groupby(ordered["measure"].iloc[::-1]).cumsum().iloc[::-1]
    drawn = ordered[key | (~key & (rank_from_latest <= room))]
    return drawn, len(statements) - len(drawn)


ROW = 0.27  # inches per row of a chart with one row per source or statement


@_quietly
def estimate_ranges(
    figured: pd.DataFrame,
    title: str,
    source: str,
    keep: set[str] | None = None,
    alignments: pd.DataFrame | None = None,
    earlier: set[str] | None = None,
) -> Figure | NothingToDraw:
    """One panel per measure, one under the other: each figure as a range (line) around
    its point (dot); an open end (at least, at most) as a dotted line to the axis's end
    (at least) or to 0 (at most); the statements in `earlier` (replaced by a later figure
    of the same source, which an estimate weighs instead) drawn lighter. The
    MAX_MEASURES_CHARTED measures with most figures; per measure the statements in `keep`
    (the key articles') and the latest others up to MAX_ROWS_PER_PANEL; the source line
    says how many were left out.

    Input: statements with figures (the analysed view's `statements`), the title (its
    finding), the source line, and the alignments table that names and colours the
    sides (Sides.of). Output: a Figure; a NothingToDraw when empty."""
    if figured.empty:
        return NothingToDraw("No figure had been stated: there is no range to draw.")
    sides = Sides.of(alignments, figured["claimant_alignment"])
    busiest = figured["measure"].value_counts().sort_index(kind="stable")
    busiest = busiest.sort_values(ascending=False, kind="stable").index[:MAX_MEASURES_CHARTED]
    given = len(figured)
    some_measures = figured["measure"].nunique() > len(busiest)
    figured, _ = capped(figured[figured["measure"].isin(busiest)], keep or set())
    # What is left out counts the figures of measures not charted too, so that the two
    # numbers add up to the table's rows.
    if left_out := given - len(figured):
        which = f", of the {len(busiest)} measures with most figures" if some_measures else ""
        source = (
            f"{source}. Drawn: {len(figured):,} of the {given:,} figures (the key articles' "
            f"and the latest{which}); the other {left_out:,} are in the table and its CSV"
        )
    measures = list(dict.fromkeys(figured["measure"]))
    rows_of = figured["measure"].value_counts()
    heights = [rows_of[m] + 1.6 for m in measures]  # rows, the panel's title and its axis
    figure, panels = plt.subplots(
        len(measures) + 1, 1, figsize=(WIDTH, ROW * sum(heights) + LEGEND_ROW + 1.6),
        height_ratios=[LEGEND_ROW / ROW, *heights], layout="constrained",
    )  # fmt: skip
    labels_of = {}
    for axes, measure in zip(panels[1:], measures, strict=True):
        rows = figured[figured["measure"] == measure].sort_values(["stated_on", "claim_id"])
        ys = np.arange(len(rows))[::-1]
        point = rows["point"].to_numpy(dtype=float)
        low = rows["interval_low"].fillna(0).to_numpy(dtype=float)
        high = rows["interval_high"].fillna(rows["point"] * 1.15).to_numpy(dtype=float)
        right = max(np.nanmax(np.append(high, point)) * 1.45, 1)
        # No upper end said: the line runs to the axis's end, as no lower end runs to 0.
        open_high = rows["interval_high"].isna().to_numpy()
        high = np.where(open_high, right, high)
        closed = (rows["interval_low"].notna() & rows["interval_high"].notna()).to_numpy()
        faded = rows["statement"].isin(earlier or set()).to_numpy()
        colours = np.array([
            to_rgba(sides.colour(a), 0.2 if old else 0.6)
            for a, old in zip(rows["claimant_alignment"], faded, strict=True)
        ])  # fmt: skip
        # A closed range is a solid bar; an open one (at least, at most) a dotted line.
        axes.hlines(ys[closed], low[closed], high[closed], colors=colours[closed], linewidth=3)
        axes.hlines(ys[~closed], low[~closed], high[~closed], colors=colours[~closed],
                    linewidth=2, linestyles=":")  # fmt: skip
        dots = colours.copy()
        dots[:, 3] = np.where(faded, 0.3, 1.0)
        axes.scatter(point, ys, c=dots, s=30, zorder=3)
        axes.set_yticks(ys, [
            f"{_shorten(name, LABEL_WIDTH - 8)} ({_day(day)})"  # the date is never cut
            for name, day in zip(rows["claimant"], rows["stated_on"], strict=True)
        ])  # fmt: skip
        axes.set_ylim(-0.7, len(rows) - 0.3)
        axes.set_xlim(0, right)
        axes.set_title(_shorten(rows["measure_label"].iloc[0], 80), loc="left")
        axes.set_xlabel(rows["unit"].iloc[0], fontsize=LABEL_SIZE)
        # A label sits past a bar's end; on a line to the axis's end, just right of its
        # dot, on its own row (a label above the dot read as the row above's).
        labels_of[axes] = [
            Label(f"{value:,.0f} ({bound})", (value if to_end else max(value, end), y),
                  places=RIGHT_FIRST)
            for value, end, bound, y, to_end in zip(point, high, rows["bound"], ys, open_high,
                                                    strict=True)
        ]  # fmt: skip
        for label, old in zip(labels_of[axes], faded, strict=True):
            label.colour = "#888888" if old else label.colour
    _frame(figure, title, source)
    _settle(figure, (panels[0], sides.handles(figured["claimant_alignment"]), "source's side"))
    for axes in labels_of:
        _numbers_axis(axes.xaxis)
    _place_labels(figure, labels_of)
    return figure


@_quietly
def statement_timeline(
    labelled_claims: pd.DataFrame,
    title: str,
    source: str,
    alignments: pd.DataFrame | None = None,
) -> Figure | NothingToDraw:
    """Claimants down the side, days across: a marker per statement; above them, a lane
    per period spoken of (the MAX_PERIODS most spoken of) as a bar over its days. The
    MAX_CLAIMANTS claimants with most statements.

    Input: labelled copies (the analysed view's `claims`), title, source line, and the
    alignments table that names and colours the sides (Sides.of). Output: a Figure; a
    NothingToDraw when empty."""
    if labelled_claims.empty:
        return NothingToDraw("No statement had been made: there is nothing to place on the "
                             "calendar.")  # fmt: skip
    sides = Sides.of(alignments, labelled_claims["claimant_alignment"])
    busiest = labelled_claims["claimant"].value_counts().sort_index(kind="stable")
    busiest = busiest.sort_values(ascending=False, kind="stable").index[:MAX_CLAIMANTS]
    claims = labelled_claims[labelled_claims["claimant"].isin(busiest)].sort_values("stated_on")
    # One marker per claimant, day and stance: a thousand statements on one day draw once;
    # over a span of months, one per week.
    if (claims["stated_on"].max() - claims["stated_on"].min()).days > 120:
        claims = claims.assign(stated_on=claims["stated_on"].dt.to_period("W").dt.start_time)
    claims = claims.drop_duplicates(["claimant", "stated_on", "stance_label", "period_wording"])
    claimants = list(dict.fromkeys(claims["claimant"]))[::-1]
    row_of = {name: i for i, name in enumerate(claimants)}
    dated = claims.dropna(subset=["period_start"])
    cited = dated["period_wording"].value_counts().sort_index(kind="stable")
    cited = cited.sort_values(ascending=False, kind="stable").index[:MAX_PERIODS]
    periods = (
        dated[dated["period_wording"].isin(cited)]
        .drop_duplicates("period_wording")
        .sort_values(["period_start", "period_end", "period_wording"], ascending=False)
    )
    lanes = len(periods) + 1.2 if len(periods) else 0
    height = ROW * (len(claimants) + 1.5 + lanes) + 2 * LEGEND_ROW + 1.6
    if len(periods):
        figure, (legend_axes, span_axes, axes) = plt.subplots(
            3, 1, figsize=(WIDTH, height), layout="constrained",
            height_ratios=[2 * LEGEND_ROW / ROW, lanes, len(claimants) + 1.5],
        )  # fmt: skip
        span_axes.sharex(axes)
        span_axes.barh(
            range(len(periods)),
            (periods["period_end"] - periods["period_start"] + pd.Timedelta(days=1)).dt.days,
            left=periods["period_start"], height=0.55, color="#BBBBBB",
        )  # fmt: skip
        span_axes.set_yticks(range(len(periods)), [_shorten(w) for w in periods["period_wording"]])
        span_axes.set_ylim(-0.7, len(periods) - 0.3)
        span_axes.set_title("the periods the claims speak of", loc="left", fontsize=LABEL_SIZE)
        span_axes.tick_params(axis="x", labelbottom=False)
        span_axes.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    else:
        figure, (legend_axes, axes) = plt.subplots(
            2, 1, figsize=(WIDTH, height), layout="constrained",
            height_ratios=[2 * LEGEND_ROW / ROW, len(claimants) + 1.5],
        )  # fmt: skip
    for stance, marker in STANCE_MARKERS.items():
        rows = claims[claims["stance_label"] == stance]
        if rows.empty:
            continue
        axes.scatter(
            rows["stated_on"], rows["claimant"].map(row_of),
            c=[sides.colour(a) for a in rows["claimant_alignment"]], marker=marker, s=40,
            edgecolors="black", linewidths=0.4, zorder=3,
            rasterized=len(claims) > MAX_VECTOR_MARKERS,
        )  # fmt: skip
    axes.set_yticks(range(len(claimants)), [_shorten(name) for name in claimants])
    axes.set_ylim(-0.7, len(claimants) - 0.3)
    axes.set_title("statements, by claimant", loc="left", fontsize=LABEL_SIZE)
    axes.set_xlabel("date stated", fontsize=LABEL_SIZE)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    days = pd.concat([claims["stated_on"], periods["period_start"], periods["period_end"]])
    _date_limits(axes, days)
    stances = [s for s in STANCE_MARKERS if s in set(claims["stance_label"])]
    handles = [
        Line2D([], [], color="#444444", marker=STANCE_MARKERS[s], linestyle="", label=s)
        for s in stances
    ] + sides.handles(claims["claimant_alignment"])
    _frame(figure, title, source)
    _settle(figure, (legend_axes, handles, "marker: the stance; colour: the claimant's side"))
    _dates_axis(axes.xaxis)
    _keep_date_labels_inside(figure, axes)
    return figure


def _keep_date_labels_inside(figure: Figure, axes) -> None:
    """Widen the days drawn, a little at a time, until no tick label of a short span
    (whose last tick sits at the axis's end) leaves the figure."""
    for _ in range(5):
        figure.canvas.draw()
        right = figure.bbox.x1
        over = max(
            (label.get_window_extent().x1 - right for label in axes.xaxis.get_ticklabels()
             if label.get_visible() and label.get_text()),
            default=0,
        )  # fmt: skip
        if over <= 0:
            return
        low, high = axes.get_xlim()
        per_pixel = (high - low) / max(axes.bbox.width, 1)
        axes.set_xlim(low, high + (over + 8) * per_pixel * 2)
        _dates_axis(axes.xaxis)


@_quietly
def figure_over_time(
    figured: pd.DataFrame,
    measure: str,
    target: str | None,
    title: str,
    source: str,
    pace: pd.DataFrame | None = None,
    alignments: pd.DataFrame | None = None,
) -> Figure | NothingToDraw:
    """A measure's figures by statement date, one step line per source (its own marker and
    dashes, coloured by its side), with the target, its deadline, and the paces that would
    reach it by either end of the deadline. Figures whose labels would cover another text
    go unlabelled; the table beside the chart has them all.

    Input: statements with figures, the measure and its target measure (or None), title,
    source line, the paces (timeline.required_pace), and the alignments table that
    colours the sides (Sides.of). Output: a Figure; a NothingToDraw saying the title
    (timeline.over_time_title words it) when neither measure has a figure."""
    if not figured["measure"].isin([measure, target]).any():
        return NothingToDraw(title.rstrip(".") + ".")
    sides = Sides.of(alignments, figured["claimant_alignment"])
    figure, axes = plt.subplots(figsize=(WIDTH, 4.8), layout="constrained")
    labels: list[Label] = []
    days = [figured.loc[figured["measure"].isin([measure, target]), "stated_on"]]
    if pace is not None:
        for _, row in pace[pace["target"] > pace["from count"]].iterrows():
            for end, rate in (("deadline from", "per day, by the first day"),
                              ("deadline to", "per day, by the last day")):  # fmt: skip
                if pd.isna(row[rate]):
                    continue
                axes.plot([row["counted on"], row[end]], [row["from count"], row["target"]],
                          ":", color="#444444", linewidth=1)  # fmt: skip
                days.append(pd.Series([row[end]]))
                labels.append(Label(f"{row[rate]:,.0f}/day to {_day(row[end])}",
                                    (row[end], row["target"]), "#444444",
                                    ((-4, -4, "right", "top"), (4, -4, "left", "top"),
                                     (-4, 4, "right", "bottom"))))  # fmt: skip
    targets = figured[figured["measure"] == target] if target else figured.iloc[0:0]
    # Each source's latest target, for the sources that gave most.
    targets = targets.sort_values(["stated_on", "claim_id"]).groupby("claimant").tail(1)
    targets = targets.tail(MAX_ROWS_PER_PANEL)
    for _, row in targets.iterrows():
        colour = sides.colour(row["claimant_alignment"])
        end = row["period_end"] if pd.notna(row["period_end"]) else row["stated_on"]
        start = row["period_start"] if pd.notna(row["period_start"]) else end
        axes.hlines(row["point"], row["stated_on"], end, colors=colour, linestyles="--")
        axes.fill_between([start, end], 0, row["point"], color=colour, alpha=0.12)
        days.append(pd.Series([start, end]))
        deadline = text_or(row["period_wording"], "no date")
        labels.insert(0, Label(
            f"target {row['point']:,.0f} ({_shorten(row['claimant'], 30)}, {deadline})",
            (row["stated_on"], row["point"]), colour,
            ((0, 4, "left", "bottom"), (0, -4, "left", "top"), (0, 4, "right", "bottom")),
        ))  # fmt: skip
    so_far = figured[figured["measure"] == measure].sort_values(["stated_on", "claim_id"])
    busiest = so_far["origin"].value_counts().sort_index(kind="stable")
    busiest = busiest.sort_values(ascending=False, kind="stable").index[:MAX_ROWS_PER_PANEL]
    so_far = so_far[so_far["origin"].isin(busiest)]
    # One step line per independent source: a later figure revises its earlier one.
    latest, earlier = [], []
    for i, (name, rows) in enumerate(so_far.groupby("origin", sort=True)):
        colour = sides.colour(rows["claimant_alignment"].iloc[0])
        axes.plot(
            rows["stated_on"], rows["point"], color=colour, label=_shorten(name, 34),
            marker=SOURCE_MARKERS[i % len(SOURCE_MARKERS)],
            linestyle=SOURCE_DASHES[i % len(SOURCE_DASHES)], drawstyle="steps-post",
            markersize=4 if len(rows) > 50 else 6, markeredgecolor="black",
            markeredgewidth=0.4,
        )  # fmt: skip
        points = list(zip(rows["stated_on"], rows["point"], strict=True))
        latest.append(Label(f"{points[-1][1]:,.0f}", points[-1], colour))
        earlier += [Label(f"{point:,.0f}", (day, point), colour) for day, point in points[:-1]]
    # The latest figure of each source first, then the earlier ones, in date order.
    labels += latest + sorted(earlier, key=lambda label: label.xy[0])
    axes.set_ylim(0, max(figured.loc[figured["measure"].isin([measure, target]), "point"].max()
                         * 1.15, 1))  # fmt: skip
    _date_limits(axes, pd.concat(days))
    unit = so_far["unit"].iloc[0] if not so_far.empty else ""
    axes.set_ylabel(unit)
    shading = "" if targets.empty else " (shaded: the deadline given for the target)"
    axes.set_xlabel(f"date stated{shading}", fontsize=LABEL_SIZE)
    if not so_far.empty:
        figure.legend(loc="outside right upper", title="source", frameon=False)
    _frame(figure, title, source)
    _settle(figure)
    _numbers_axis(axes.yaxis)
    _dates_axis(axes.xaxis, most=8)
    _place_labels(figure, {axes: labels})
    return figure


@_quietly
def known_on_chart(
    known: pd.DataFrame, title: str, source: str, alignments: pd.DataFrame | None = None
) -> Figure | NothingToDraw:
    """Small multiples: each source's latest figure per measure as it stood on each day
    (per day and measure, the MAX_ROWS_PER_PANEL most recent sources), three days a row.

    Input: timeline.known_on's table, title, source line, and the alignments table that
    names and colours the sides (Sides.of). Output: a Figure; a NothingToDraw when
    empty."""
    if known.empty:
        # The snapshot days may all fall after the cut-off: then no day is shown at all.
        return NothingToDraw("No figure of these measures had been published by any "
                             "snapshot day within the report's cut-off: there is nothing "
                             "to set side by side.")  # fmt: skip
    sides = Sides.of(alignments, known["alignment"])
    known = (
        known.sort_values(["stated", "source"])
        .groupby(["known on", "measure"])
        .tail(MAX_ROWS_PER_PANEL)
    )
    days = list(dict.fromkeys(known["known on"]))
    labels = sorted(set(known["measure"] + "\n" + known["source"]))
    across = min(len(days), 3)
    down = -(-len(days) // across)
    panel_height = ROW * 1.8 * len(labels) + 1.0
    figure = plt.figure(figsize=(WIDTH, down * panel_height + LEGEND_ROW + 1.6),
                        layout="constrained")  # fmt: skip
    grid = figure.add_gridspec(down + 1, across,
                               height_ratios=[LEGEND_ROW, *[panel_height] * down])  # fmt: skip
    legend_axes = figure.add_subplot(grid[0, :])
    first = figure.add_subplot(grid[1, 0])
    panels = [first] + [
        figure.add_subplot(grid[1 + i // across, i % across], sharex=first, sharey=first)
        for i in range(1, len(days))
    ]
    # One unit per chart (the snapshot measures share an axis); "figure" if they mix.
    units = known["unit"].dropna().unique() if "unit" in known else []
    unit = units[0] if len(units) == 1 else "figure"
    placed = {}
    for i, (axes, day) in enumerate(zip(panels, days, strict=True)):
        if i % across:
            axes.tick_params(axis="y", labelleft=False)
        rows = known[known["known on"] == day]
        y = [labels.index(label) for label in rows["measure"] + "\n" + rows["source"]]
        axes.barh(y, rows["figure"], color=[sides.colour(a) for a in rows["alignment"]])
        axes.set_title(f"known on {_day(day)}", loc="left")
        axes.set_xlabel(unit, fontsize=LABEL_SIZE)
        placed[axes] = [
            Label(f"{value:,.0f}", (value, position), places=((3, 0, "left", "center"),))
            for position, value in zip(y, rows["figure"], strict=True)
        ]
    # Two lines a label, the measure over the source, spaced for the tallest script.
    first.set_yticks(range(len(labels)), [
        "\n".join(_shorten(line) for line in label.split("\n")) for label in labels
    ], linespacing=1.5)  # fmt: skip
    first.set_ylim(-0.6, len(labels) - 0.4)
    first.set_xlim(0, known["figure"].max() * 1.4)
    _frame(figure, title, source)
    _settle(figure, (legend_axes, sides.handles(known["alignment"]), "source's side"))
    for axes in placed:
        _numbers_axis(axes.xaxis, most=4)
    _place_labels(figure, placed)
    return figure


# --- relay chart: a layered graph -------------------------------------------------------

LAYERS = ("source", "relayed via", "outlet")
SLOT = 24.0  # points between two rows of boxes: a box is about 15 points tall
BOX_PAD = 0.3  # the box's padding around its name, in font sizes (matplotlib's "round")
NODE_SIZE = 8


@dataclass(frozen=True)
class RelayEdge:
    """A drawn path between two nodes of the relay chart, as points (x, y) in points."""

    start: tuple
    end: tuple
    points: tuple
    claims: int
    alignment: str


@dataclass(frozen=True)
class RelayLayout:
    """Where the relay chart draws each node (its box's centre and size, in points) and
    each edge (a polyline from box edge to box edge)."""

    centres: dict
    sizes: dict
    edges: tuple
    width: float
    height: float
    headers: tuple = ()  # each column's name: (x, name, alignment)


def _order_layers(graph: networkx.DiGraph, layers: list[list]) -> list[list]:
    """Each layer's nodes in an order that crosses few edges: the barycentre heuristic
    (Sugiyama, Tagawa & Toda 1981), a node placed at the mean position of its neighbours
    in the layer before (down) or after (up), sweeping down and up a few times."""

    def by_neighbours(layer, fixed, neighbours):
        rank = {node: i for i, node in enumerate(fixed)}

        def centre(node):
            placed = [rank[n] for n in neighbours(node) if n in rank]
            return sum(placed) / len(placed) if placed else len(fixed)

        return sorted(layer, key=centre)  # stable: ties keep their order

    for _ in range(4):
        for i in (1, 2):
            layers[i] = by_neighbours(layers[i], layers[i - 1], graph.predecessors)
        for i in (1, 0):
            layers[i] = by_neighbours(layers[i], layers[i + 1], graph.successors)
    return layers


def relay_layout(chains: pd.DataFrame, box_size) -> RelayLayout:
    """Sources left, relays in the middle, outlets right, laid out as a layered graph.

    A direct path (source to outlet) runs through a waypoint in the middle layer, a slot
    of its own like a relay's, so that it crosses the middle column between boxes; layers
    are ordered to cross few edges (_order_layers) and spaced SLOT points apart
    (networkx.multipartite_layout). Sources are right-aligned and outlets left-aligned on
    their column's inner edge, relays centred; an edge leaves and enters a column
    horizontally at its own row, so it meets no box but the two it joins.

    Input: chains (provenance.relay_chains; at most MAX_PATHS are drawn) and
    box_size(name) -> (width, height) in points. Output: a RelayLayout.
    """
    # networkx is imported here, not with the module: every chapter's kernel imports
    # this module, and only the sources chapter draws relays (a quarter second saved).
    import networkx as nx

    chains = chains.sort_values(["claims", "source"], ascending=[False, True]).head(MAX_PATHS)
    graph = nx.DiGraph()
    layers: list[list] = [[], [], []]

    def node(layer, name):
        key = (LAYERS[layer], name)
        if key not in graph:
            graph.add_node(key, layer=layer)
            layers[layer].append(key)
        return key

    for _, chain in chains.iterrows():
        start, end = node(0, chain["source"]), node(2, chain["outlet"])
        if chain["relayed via"] == "(direct)":
            middle = ("waypoint", (chain["source"], chain["outlet"]))
            if middle not in graph:
                graph.add_node(middle, layer=1)
                layers[1].append(middle)
        else:
            middle = node(1, chain["relayed via"])
        for a, b in ((start, middle), (middle, end)):
            previous = graph.edges[a, b]["claims"] if graph.has_edge(a, b) else 0
            graph.add_edge(a, b, claims=previous + int(chain["claims"]),
                           alignment=chain["alignment"])  # fmt: skip
    layers = _order_layers(graph, layers)
    grid = nx.multipartite_layout(graph, subset_key=dict(enumerate(layers)))
    # multipartite_layout spaces layers and rows one unit apart, then scales them all by
    # one factor: the layers' spacing gives that factor back.
    unit = grid[layers[1][0]][0] - grid[layers[0][0]][0]
    # Rows are whole or half units (a layer is centred); rounding drops float noise.
    rows = {key: round(-grid[key][1] / unit * 2) / 2 for key in graph}  # first on top
    sizes = {key: box_size(key[1]) for key in graph if key[0] != "waypoint"}
    names = ("sources", "relayed via", "outlets")
    # A column is as wide as its widest box, or its name above it.
    widths = [max([sizes[k][0] for k in layer if k in sizes] + [box_size(name)[0]])
              for layer, name in zip(layers, names, strict=True)]  # fmt: skip
    gap = max(60.0, (WIDTH * 72 - 20 - sum(widths)) / 2)
    inner = [widths[0], widths[0] + gap + widths[1] / 2, widths[0] + 2 * gap + widths[1]]
    top = max(len(layer) for layer in layers) - 1
    centres = {}
    for key in graph:
        y = (top / 2 + rows[key]) * SLOT  # in points, from the lowest row up
        layer = graph.nodes[key]["layer"]
        if key in sizes and layer == 0:
            centres[key] = (inner[0] - sizes[key][0] / 2, y)
        elif key in sizes and layer == 2:
            centres[key] = (inner[2] + sizes[key][0] / 2, y)
        else:
            centres[key] = (inner[1], y)
    middle_left, middle_right = inner[1] - widths[1] / 2, inner[1] + widths[1] / 2

    def side(key, towards):
        """Where an edge meets a node: its box's edge facing the other node."""
        x, y = centres[key]
        half = sizes[key][0] / 2 if key in sizes else 0
        return (x + half, y) if towards == "right" else (x - half, y)

    edges = []
    for a, b, data in graph.edges(data=True):
        ya, yb = centres[a][1], centres[b][1]
        if graph.nodes[a]["layer"] == 0:  # into the middle column: level at its own row
            points = (side(a, "right"), (middle_left, yb), side(b, "left"))
            if b[0] == "waypoint":
                continue  # drawn with the waypoint's way out, as one line
        elif a[0] == "waypoint":
            source = next(iter(graph.predecessors(a)))
            points = (side(source, "right"), (middle_left, ya), (middle_right, ya),
                      side(b, "left"))  # fmt: skip
            a = source
        else:
            points = (side(a, "right"), (middle_right, ya), side(b, "left"))
        unique = tuple(p for i, p in enumerate(points) if i == 0 or p != points[i - 1])
        edges.append(RelayEdge(a, b, unique, data["claims"], data["alignment"]))
    headers = tuple(zip(inner, names, ("right", "center", "left"), strict=True))
    return RelayLayout(centres, sizes, tuple(edges), inner[2] + widths[2], top * SLOT, headers)


@_quietly
def relay_chart(
    chains: pd.DataFrame, title: str, source: str, alignments: pd.DataFrame | None = None
) -> Figure | NothingToDraw:
    """Sources left, relays in the middle, outlets right (relay_layout); line width grows
    with claim count. The MAX_PATHS paths that carry most claims.

    Input: provenance.relay_chains, title, source line, and the alignments table that
    names and colours the sides (Sides.of). Output: a Figure (laid out by hand, in
    points: its height grows with the rows); a NothingToDraw when empty."""
    if chains.empty:
        return NothingToDraw("No claim had been recorded: there is no path from a source to "
                             "an outlet to draw.")  # fmt: skip
    sides = Sides.of(alignments, chains["alignment"])
    measuring = plt.figure(figsize=(WIDTH, 2))
    renderer = measuring.canvas.get_renderer()
    pad = 2 * BOX_PAD * NODE_SIZE

    def box_size(name):
        text = measuring.text(0, 0, _shorten(name, 34), fontsize=NODE_SIZE)
        extent = text.get_window_extent(renderer)
        text.remove()
        return (extent.width * 72 / measuring.dpi + pad, extent.height * 72 / measuring.dpi + pad)

    layout = relay_layout(chains, box_size)
    plt.close(measuring)
    title_text = _wrap(title, _cells_across(WIDTH, TITLE_SIZE, bold=True))
    source_text = _wrap(f"Source: {source}", _cells_across(WIDTH, SOURCE_SIZE))
    title_height = 12 + (title_text.count("\n") + 1) * TITLE_SIZE * 1.5
    head = title_height + LEGEND_ROW * 72 + 28  # title, legend of sides, column names
    foot = 10 + (source_text.count("\n") + 1) * SOURCE_SIZE * 1.5
    body = layout.height + 2 * SLOT
    figure = plt.figure(figsize=(WIDTH, (head + body + foot) / 72))
    total = head + body + foot
    figure.text(0.01, 1 - 8 / total, title_text, fontsize=TITLE_SIZE, fontweight="bold",
                va="top", linespacing=1.5)  # fmt: skip
    figure.text(0.01, 4 / total, source_text, fontsize=SOURCE_SIZE, color="#555555",
                va="bottom", linespacing=1.5)  # fmt: skip
    figure.legend(handles=sides.handles(chains["alignment"]), title="source's side",
                  loc="upper left", bbox_to_anchor=(0.01, 1 - title_height / total),
                  ncols=5, frameon=False, borderaxespad=0, alignment="left")  # fmt: skip
    left = (WIDTH * 72 - layout.width) / 2
    axes = figure.add_axes((left / (WIDTH * 72), foot / total, layout.width / (WIDTH * 72),
                            body / total))  # fmt: skip
    axes.set_xlim(0, layout.width)
    axes.set_ylim(-SLOT, layout.height + SLOT)
    axes.axis("off")
    for edge in layout.edges:
        xs, ys = zip(*edge.points, strict=True)
        width = min(0.8 + 0.5 * edge.claims, 6)
        colour = sides.colour(edge.alignment)
        axes.plot(xs, ys, color=colour, linewidth=width, alpha=0.7, solid_capstyle="butt")
        axes.annotate("", xy=edge.points[-1], xytext=edge.points[-2],
                      arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 0,
                                  "mutation_scale": 8 + width, "shrinkA": 0, "shrinkB": 0,
                                  "alpha": 0.9})  # fmt: skip
    alignment_of = dict(zip(chains["source"], chains["alignment"], strict=False))
    for key, (x, y) in layout.centres.items():
        if key not in layout.sizes:
            continue
        layer, name = key
        colour = sides.colour(alignment_of.get(name)) if layer == "source" else "#333333"
        axes.text(x, y, _shorten(name, 34), ha="center", va="center", fontsize=NODE_SIZE,
                  bbox={"boxstyle": f"round,pad={BOX_PAD}", "facecolor": "white",
                        "edgecolor": colour})  # fmt: skip
    for x, name, ha in layout.headers:
        axes.text(x, layout.height + SLOT * 0.9, name, ha=ha, va="bottom", fontweight="bold",
                  fontsize=LABEL_SIZE)  # fmt: skip
    return figure


# --- the class's estimates: one panel per measure and window ------------------------------

# The class page's marks: every student's estimate in one colour (they are not sides), the
# default estimate hollow, the published figures in the text's colour, a bound as the
# arrowhead pointing the way it is open.
STUDENT_COLOUR, DEFAULT_COLOUR, PUBLISHED_COLOUR = OKABE_ITO[0], "#6E6E6E", "#222222"
PUBLISHED_MARKERS = {"upper bound": "<", "lower bound": ">"}
# Ids of the marks in the SVG (figure_svg prefixes them with the chart's name): a reader's
# browser test counts the students' dots in each panel.
CLASS_MARK_IDS = {"students": "students", "defaults": "defaults", "published": "published"}


@_quietly
def class_estimates_chart(
    estimates: pd.DataFrame,
    published: pd.DataFrame,
    title: str,
    source: str,
    class_default: float | None = None,
) -> Figure | NothingToDraw:
    """One lesson window of the class: a row per student, their estimate a dot with the
    interval the sources' figures allow (a solid line; dotted to the axis's end where it
    is open), the default estimate of the class's day (class_default: the data's grades,
    no margin) a dashed line, and a student's own default at another cut-off a hollow
    diamond on their row; above them a row of the published figures in that window,
    hollow where only a card of another cut-off knew it.

    Input: answers.class_estimates rows of one measure and window (student, my estimate,
    my low, my high, default estimate; optional bool "other cut-off", all True when
    absent) and answers.class_published rows of it (source, figure, figure kind;
    optional bool "on the class's day", all True when absent); the title and the source
    line; the class's default (None or NA: no line). Output: a Figure whose students'
    dots are one SVG group (id CLASS_MARK_IDS["students"]), one mark per student with an
    estimate; the published figures' marks are in groups whose ids start with
    CLASS_MARK_IDS["published"]; a NothingToDraw when no card holds the window."""
    if estimates.empty:
        return NothingToDraw("No answer card holds this window: there is no estimate to draw.")
    rows = estimates.sort_values("student", ascending=False, kind="stable")
    ys = np.arange(len(rows), dtype=float)
    top = len(rows) if len(published) else len(rows) - 1
    mine = rows["my estimate"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    default = rows["default estimate"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    low = rows["my low"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    high = rows["my high"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    figures = published["figure"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    values = np.concatenate([mine, default, low, high, figures])
    most = np.nanmax(values) if np.isfinite(values).any() else 1.0
    right = max(most * 1.3, 1.0)
    known = ~np.isnan(mine)
    closed = known & ~np.isnan(low) & ~np.isnan(high)
    other = (rows["other cut-off"].to_numpy(dtype=bool) if "other cut-off" in rows
             else np.ones(len(rows), dtype=bool))  # fmt: skip
    has_default = ~np.isnan(default) & other
    day_default = class_default is not None and not pd.isna(class_default)
    known_then = (published["on the class's day"].to_numpy(dtype=bool)
                  if "on the class's day" in published
                  else np.ones(len(published), dtype=bool))  # fmt: skip
    entries = 2 + sum([bool((known & ~closed).any()), day_default, bool(has_default.any()),
                       bool(len(published) and not known_then.all())])  # fmt: skip
    # The legend in two columns, a row of entries each 0.22 in, in a panel of its own.
    legend_height = 0.22 * -(-entries // 2) + 0.1
    figure, (legend_axes, axes) = plt.subplots(
        2, 1, figsize=(WIDTH, ROW * (top + 1) + legend_height + 1.8),
        height_ratios=[legend_height / ROW, top + 1.6], layout="constrained",
    )  # fmt: skip
    # An open end of the interval runs, dotted, to the panel's edge.
    start, end = np.nan_to_num(low, nan=0.0), np.nan_to_num(high, nan=right)
    axes.hlines(ys[closed], start[closed], end[closed], colors=STUDENT_COLOUR, linewidth=3,
                alpha=0.35)  # fmt: skip
    axes.hlines(ys[known & ~closed], start[known & ~closed], end[known & ~closed],
                colors=STUDENT_COLOUR, linewidth=2, alpha=0.35, linestyles=":")  # fmt: skip
    axes.scatter(mine[known], ys[known], s=36, color=STUDENT_COLOUR, zorder=4,
                 gid=CLASS_MARK_IDS["students"])  # fmt: skip
    axes.scatter(default[has_default], ys[has_default], s=50, marker="D", facecolors="none",
                 edgecolors=DEFAULT_COLOUR, linewidths=1.2, zorder=3,
                 gid=CLASS_MARK_IDS["defaults"])  # fmt: skip
    if day_default:
        axes.axvline(float(class_default), color=DEFAULT_COLOUR, linewidth=1.2,
                     linestyle=(0, (5, 3)), zorder=2)  # fmt: skip
    names = [f"{_shorten(s, LABEL_WIDTH - 14)}{'' if k else ' (no estimate)'}"
             for s, k in zip(rows["student"], known, strict=True)]  # fmt: skip
    if len(published):
        markers = [PUBLISHED_MARKERS.get(kind, "o") for kind in published["figure kind"]]
        kinds = dict.fromkeys(zip(markers, known_then, strict=True))
        for number, (marker, filled) in enumerate(kinds):
            chosen = np.array([m == marker for m in markers]) & (known_then == filled)
            axes.scatter(figures[chosen], np.full(chosen.sum(), float(top)), s=40, marker=marker,
                         color=PUBLISHED_COLOUR, zorder=3,
                         facecolors=PUBLISHED_COLOUR if filled else "none",
                         gid=f"{CLASS_MARK_IDS['published']}-{number}")  # fmt: skip
        names.append("published figures")
    axes.set_yticks(np.arange(top + 1), names)
    axes.set_ylim(-0.7, top + 0.7)
    axes.set_xlim(0, right)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    handles = [
        Line2D([], [], marker="o", color=STUDENT_COLOUR, linewidth=3, alpha=0.8,
               label="a student's estimate and interval"),
    ]  # fmt: skip
    if (known & ~closed).any():
        handles.append(Line2D([], [], color=STUDENT_COLOUR, linewidth=2, alpha=0.6,
                              linestyle=":", label="dotted to the axis's end: no lower "
                              "or upper bound"))  # fmt: skip
    if day_default:
        handles.append(Line2D([], [], color=DEFAULT_COLOUR, linewidth=1.2, linestyle=(0, (5, 3)),
                              label="default estimate, the lesson's day"))  # fmt: skip
    if has_default.any():
        handles.append(Line2D([], [], marker="D", color=DEFAULT_COLOUR, markerfacecolor="none",
                              linestyle="",
                              label="a student's default at their own cut-off"))  # fmt: skip
    handles.append(Line2D([], [], marker="o", color=PUBLISHED_COLOUR, linestyle="",
                          label="published figure (◂ up to, ▸ at least)"))  # fmt: skip
    if len(published) and not known_then.all():
        handles.append(Line2D([], [], marker="o", color=PUBLISHED_COLOUR, linestyle="",
                              markerfacecolor="none", label="hollow: known only at another "
                              "cut-off"))  # fmt: skip
    _frame(figure, title, source)
    legend_axes.axis("off")
    legend_axes.legend(handles=handles, loc="center left", ncols=2, frameon=False,
                       borderaxespad=0, alignment="left")  # fmt: skip
    _settle(figure)
    _numbers_axis(axes.xaxis)
    # A value sits above its dot (else below), never beside it on the interval's bar.
    _place_labels(figure, {axes: [
        Label(f"{value:,.0f}", (value, y), colour=STUDENT_COLOUR, places=OFF_THE_BAR)
        for value, y in zip(mine[known], ys[known], strict=True)
    ]})  # fmt: skip
    return figure


OFF_THE_BAR = ((0, 4, "center", "bottom"), (0, -4, "center", "top"))


# --- the chart in the page --------------------------------------------------------------

_SVG_ID = re.compile(r'\bid="([^"]+)"')
_SVG_REFERENCE = re.compile(r'(url\(#|xlink:href="#|href="#)([^)"]+)')
# The ids matplotlib derives from a hash: a letter and 10 hex digits, where defined and
# where referred to.
_HASHED_ID = re.compile(r'(?<=id=")[a-z][0-9a-f]{10}(?=")|(?<=#)[a-z][0-9a-f]{10}(?=[)"])')


def _renumbered_ids(svg: str) -> str:
    """Hashed ids renamed in order of first appearance (p0, p1, m2 …). matplotlib names a
    clip path after the memory address of its path object (backend_svg's
    _get_clippath_id), so one chart drawn in two processes can get two ids; the order in
    which the ids appear is fixed by the drawing."""
    numbers: dict[str, str] = {}

    def renumber(match: re.Match) -> str:
        old = match.group(0)
        return numbers.setdefault(old, f"{old[0]}{len(numbers)}")

    return _HASHED_ID.sub(renumber, svg)


@_quietly
def figure_svg(figure: Figure, name: str) -> str:
    """The figure as inline SVG for an HTML page: its text as <text> (drawn by the
    browser, in any script), scaled to the column (width 100%, viewBox kept), ids
    prefixed with the chart's name so that two charts in one page never share one, and
    the same bytes for the same figure (no date, fixed hash salt)."""
    buffer = io.StringIO()
    # Markers drawn as an image (MAX_VECTOR_MARKERS) stay sharp on a HiDPI screen and
    # in print; a chart of vectors only is saved as before.
    raster = any(artist.get_rasterized() for artist in figure.findobj())
    with plt.rc_context({"svg.hashsalt": f"crosscheck-{name}"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None},
                       dpi=RASTER_DPI if raster else "figure")  # fmt: skip
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # no XML prolog or DOCTYPE inside HTML
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    # matplotlib's stylesheet would apply to the whole page; it moves onto the <svg>.
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", svg, flags=re.S)
    svg = re.sub(r"font-family: [^;\"]*;? ?", "", svg)  # one font list, on the <svg>
    svg = _renumbered_ids(svg)
    prefix = f"chart-{re.sub(r'[^A-Za-z0-9_-]', '-', name)}-"
    svg = _SVG_ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = _SVG_REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)
    svg = re.sub(r'<svg [^>]*?(viewBox="[^"]*")[^>]*>', lambda m: (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'{m.group(1)} width="100%" preserveAspectRatio="xMinYMin meet" '
        f'style="height:auto;max-width:100%;font-family:{SVG_FONT_FAMILY};'
        f'stroke-linejoin:round;stroke-linecap:butt">'
    ), svg, count=1)  # fmt: skip
    return svg.strip()


def figure_html(figure: Figure | NothingToDraw, name: str, alt: str) -> str:
    """A chart as inline SVG (figure_svg) with its alt text as the SVG's accessible name
    (role="img", aria-label, <title>), captioned and linked to the CSV of its data; for a
    NothingToDraw, its sentence under the caption instead (present.empty_html)."""
    if isinstance(figure, NothingToDraw):
        return empty_html(name, alt, figure.sentence)
    svg = figure_svg(figure, name)
    label = html.escape(alt)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1).replace(
        ">", f"><title>{label}</title>", 1
    )
    return (
        f'<figure class="crosscheck-figure" id="figure-{html.escape(name)}">{svg}'
        f"<figcaption>{label} "
        f'(<a href="data/{html.escape(name)}.csv">data: {html.escape(name)}.csv</a>)'
        f"</figcaption></figure>"
    )
