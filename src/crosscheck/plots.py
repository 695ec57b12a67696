"""The report's charts: one function per chart, each returning a matplotlib Figure.

Every chart colours a source by its alignment in the conflict with the same
colour-blind-safe palette (Okabe & Ito, 2008), states its data source on the
figure, and labels its axes with units.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # the report renders to files; no screen is needed or assumed

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from crosscheck.present import text_or

ALIGNMENT_COLOURS = {
    "ukraine": "#0072B2",
    "supports_ukraine": "#009E73",
    "russia": "#D55E00",
    "north_korea": "#CC79A7",
    "neutral": "#6E6E6E",
}
ALIGNMENT_LABELS = {
    "ukraine": "Ukraine",
    "supports_ukraine": "Ukraine's partners",
    "russia": "Russia",
    "north_korea": "North Korea",
    "neutral": "neutral / outlet",
}
STANCE_MARKERS = {
    "asserts": "o",
    "denies": "X",
    "conditional": "D",
    "no comment": "s",
    "cannot confirm": "v",
}

plt.rcParams.update(
    {
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "font.size": 9,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "crosscheck",  # identical inputs give identical SVG output
        # Text from the data is drawn as written: a '$' starts no TeX formula.
        "text.parse_math": False,
    }
)


# Charts aggregate before they draw: however large the data, a chart shows at most
# this many rows per panel (the latest, or the busiest) and says so; the CSV beside
# it holds everything.
MAX_ROWS_PER_PANEL = 8
MAX_CLAIMANTS = 30
MAX_MEASURES_CHARTED = 10
MAX_PATHS = 20


def nothing_to_draw(title: str, source: str) -> Figure:
    """A small figure that says there is nothing to draw, in place of an empty chart."""
    figure, axes = plt.subplots(figsize=(8, 1.2))
    axes.axis("off")
    axes.text(0.0, 0.5, _wrap(title), fontsize=11, fontweight="bold", va="center")
    _source_line(figure, source)
    return figure


def _wrap(title: str, width: int = 80) -> str:
    return textwrap.fill(title, width)


def _colour(alignment: str) -> str:
    return ALIGNMENT_COLOURS.get(alignment, ALIGNMENT_COLOURS["neutral"])


def _source_line(figure: Figure, text: str) -> None:
    figure.text(0.01, 0.005, f"Source: {text}", fontsize=7, color="#555555", va="bottom")


def _alignment_legend(axes, alignments) -> None:
    handles = [
        Line2D([], [], color=_colour(a), marker="o", linestyle="", label=ALIGNMENT_LABELS.get(a, a))
        for a in sorted(set(alignments), key=list(ALIGNMENT_COLOURS).index)
    ]
    axes.legend(handles=handles, title="source's side", loc="best", fontsize=7, title_fontsize=7)


def capped(statements: pd.DataFrame, keep: set[str], limit: int = MAX_ROWS_PER_PANEL):
    """Per measure, the statements a chart draws: every one in `keep` (the key articles'
    statements) and the latest others up to `limit`; and how many were left out."""
    ordered = statements.sort_values(["stated_on", "claim_id"])
    key = ordered["statement"].isin(keep)
    room = (limit - key.groupby(ordered["measure"]).transform("sum")).clip(lower=0)
    rank_from_latest = (~key).iloc[::-1].groupby(ordered["measure"].iloc[::-1]).cumsum().iloc[::-1]
    drawn = ordered[key | (~key & (rank_from_latest <= room))]
    return drawn, len(statements) - len(drawn)


def estimate_ranges(
    figured: pd.DataFrame, title: str, source: str, keep: set[str] | None = None
) -> Figure:
    """One panel per measure: each figure as a range (line) around its point (dot).
    The MAX_MEASURES_CHARTED measures with most figures; per measure the statements in
    `keep` (the key articles') and the latest others up to MAX_ROWS_PER_PANEL; the
    source line says how many were left out."""
    if figured.empty:
        return nothing_to_draw("No figures to draw: none had been stated", source)
    busiest = figured["measure"].value_counts().sort_index(kind="stable")
    busiest = busiest.sort_values(ascending=False, kind="stable").index[:MAX_MEASURES_CHARTED]
    figured = figured[figured["measure"].isin(busiest)]
    figured, left_out = capped(figured, keep or set())
    if left_out:
        source = (
            f"{source}. Drawn: the key articles' figures and the latest, {len(figured):,} in "
            f"all; {left_out:,} earlier figures are in the table and its CSV"
        )
    measures = list(dict.fromkeys(figured["measure"]))
    # Many measures go two abreast, so the chart grows half as tall.
    columns = 2 if len(measures) > 3 else 1
    rows_of = figured["measure"].value_counts()
    panel_rows = [
        max(rows_of[m] for m in measures[i : i + columns]) for i in range(0, len(measures), columns)
    ]
    heights = [max(1.2, 0.45 * n + 0.8) for n in panel_rows]
    figure, panels = plt.subplots(
        len(panel_rows), columns, figsize=(8 * columns, sum(heights) + 0.8),
        height_ratios=heights, squeeze=False,
    )  # fmt: skip
    for axes in panels.flat[len(measures) :]:
        axes.set_visible(False)
    for axes, measure in zip(panels.flat, measures, strict=False):
        rows = figured[figured["measure"] == measure].sort_values(["stated_on", "claim_id"])
        labels = [
            f"{name} ({day:%-d %b %Y})"
            for name, day in zip(rows["claimant"], rows["stated_on"], strict=True)
        ]
        ys = np.arange(len(rows))[::-1]
        for y, (_, row) in zip(ys, rows.iterrows(), strict=True):
            colour = _colour(row["claimant_alignment"])
            low = row["interval_low"] if pd.notna(row["interval_low"]) else 0
            high = row["interval_high"] if pd.notna(row["interval_high"]) else row["point"] * 1.15
            style = "-" if pd.notna(row["interval_low"]) and pd.notna(row["interval_high"]) else ":"
            axes.plot([low, high], [y, y], style, color=colour, linewidth=3, alpha=0.6)
            axes.plot(row["point"], y, "o", color=colour, markersize=7)
            axes.annotate(
                f"{row['point']:,.0f} ({row['bound']})",
                (row["point"], y),
                xytext=(6, 5),
                textcoords="offset points",
                fontsize=7,
            )
        axes.set_yticks(ys, labels)
        axes.set_ylim(-0.7, len(rows) - 0.3)
        axes.set_xlim(left=0, right=max(figured.loc[rows.index, "point"].max() * 1.35, 1))
        axes.set_title(rows["measure_label"].iloc[0], loc="left", fontsize=9)
        axes.set_xlabel(rows["unit"].iloc[0])
        axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        axes.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    _alignment_legend(panels[0, 0], figured["claimant_alignment"])
    figure.suptitle(_wrap(title, 80 * columns), x=0.01, ha="left", fontsize=11, fontweight="bold")
    _source_line(figure, source)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def statement_timeline(labelled_claims: pd.DataFrame, title: str, source: str) -> Figure:
    """Claimants down the side, days across: a marker per statement, bars for periods spoken
    of; the MAX_CLAIMANTS claimants with most statements."""
    if labelled_claims.empty:
        return nothing_to_draw("No statements to draw", source)
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
    figure, axes = plt.subplots(figsize=(9, 0.38 * len(claimants) + 2.2))
    periods = claims.dropna(subset=["period_start"]).drop_duplicates("period_wording")
    for _, period in periods.iterrows():
        axes.axvspan(period["period_start"], period["period_end"], color="#E8E8E8", zorder=0)
        axes.text(
            period["period_start"],
            len(claimants) - 0.4,
            period["period_wording"],
            fontsize=7,
            color="#444444",
            va="bottom",
        )
    for stance, marker in STANCE_MARKERS.items():
        rows = claims[claims["stance_label"] == stance]
        if rows.empty:
            continue
        axes.scatter(
            rows["stated_on"],
            rows["claimant"].map(row_of),
            c=[_colour(a) for a in rows["claimant_alignment"]],
            marker=marker,
            s=40,
            label=stance,
            edgecolors="black",
            linewidths=0.4,
            zorder=3,
        )
    axes.set_yticks(range(len(claimants)), claimants)
    axes.set_ylim(-0.7, len(claimants) + 0.3)
    axes.xaxis.set_major_locator(mdates.MonthLocator())
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    axes.set_xlabel("date (statement markers; shaded: the period a claim speaks of)")
    axes.legend(title="stance", fontsize=7, title_fontsize=7, loc="lower left")
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    axes.set_title(_wrap(title), loc="left")
    _source_line(figure, source)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def figure_over_time(
    figured: pd.DataFrame,
    measure: str,
    target: str | None,
    title: str,
    source: str,
    pace: pd.DataFrame | None = None,
) -> Figure:
    """A measure's figures by statement date per source, with the target, its deadline,
    and the paces that would reach it by either end of the deadline."""
    if not figured["measure"].isin([measure, target]).any():
        return nothing_to_draw(title, source)
    figure, axes = plt.subplots(figsize=(8, 4.2))
    if pace is not None:
        for _, row in pace[pace["target"] > pace["from count"]].iterrows():
            for end, rate in (("deadline from", "per day, by the first day"),
                              ("deadline to", "per day, by the last day")):  # fmt: skip
                if pd.isna(row[rate]):
                    continue
                axes.plot([row["counted on"], row[end]], [row["from count"], row["target"]],
                          ":", color="#444444", linewidth=1)  # fmt: skip
                axes.annotate(
                    f"{row[rate]:,.0f}/day to {row[end]:%-d %b %Y}",
                    (row[end], row["target"]),
                    xytext=(-4, -12),
                    textcoords="offset points",
                    ha="right",
                    fontsize=7,
                    color="#444444",
                )
    so_far = figured[figured["measure"] == measure].sort_values(["stated_on", "claim_id"])
    busiest = so_far["origin"].value_counts().sort_index(kind="stable")
    busiest = busiest.sort_values(ascending=False, kind="stable").index[:MAX_ROWS_PER_PANEL]
    so_far = so_far[so_far["origin"].isin(busiest)]
    # One step line per independent source: a later figure revises its earlier one.
    for name, rows in so_far.groupby("origin", sort=True):
        colour = _colour(rows["claimant_alignment"].iloc[0])
        axes.plot(rows["stated_on"], rows["point"], "-o", color=colour, label=name,
                  drawstyle="steps-post", markersize=4 if len(rows) > 50 else 6)  # fmt: skip
        labelled = rows if len(rows) <= 12 else rows.tail(1)  # label every point, or the last
        for day, point in zip(labelled["stated_on"], labelled["point"], strict=True):
            axes.annotate(f"{point:,.0f}", (day, point), xytext=(4, 6),
                          textcoords="offset points", fontsize=7)  # fmt: skip
    targets = figured[figured["measure"] == target] if target else figured.iloc[0:0]
    # Each source's latest target, for the sources that gave most.
    targets = targets.sort_values(["stated_on", "claim_id"]).groupby("claimant").tail(1)
    targets = targets.tail(MAX_ROWS_PER_PANEL)
    for _, row in targets.iterrows():
        colour = _colour(row["claimant_alignment"])
        end = row["period_end"] if pd.notna(row["period_end"]) else row["stated_on"]
        start = row["period_start"] if pd.notna(row["period_start"]) else end
        axes.hlines(row["point"], row["stated_on"], end, colors=colour, linestyles="--")
        axes.fill_between([start, end], 0, row["point"], color=colour, alpha=0.12)
        deadline = text_or(row["period_wording"], "no date")
        axes.annotate(
            f"target {row['point']:,.0f} ({row['claimant']}, {deadline})",
            (row["stated_on"], row["point"]),
            xytext=(0, 6),
            textcoords="offset points",
            fontsize=7,
        )
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    unit = so_far["unit"].iloc[0] if not so_far.empty else ""
    axes.set_ylabel(unit)
    axes.set_xlabel("date stated (shaded: the deadline given for the target)")
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    axes.legend(fontsize=7, loc="upper left")
    axes.set_title(_wrap(title), loc="left")
    figure.autofmt_xdate()
    _source_line(figure, source)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def relay_chart(chains: pd.DataFrame, title: str, source: str) -> Figure:
    """Sources left, relays in the middle, outlets right; arrow width grows with claim count.
    The MAX_PATHS paths that carry most claims."""
    if chains.empty:
        return nothing_to_draw("No claims, so no paths from sources to outlets", source)
    chains = chains.sort_values(["claims", "source"], ascending=[False, True]).head(MAX_PATHS)
    columns = {
        "source": list(dict.fromkeys(chains["source"])),
        "relayed via": [r for r in dict.fromkeys(chains["relayed via"]) if r != "(direct)"],
        "outlet": list(dict.fromkeys(chains["outlet"])),
    }
    height = max(len(names) for names in columns.values())
    figure, axes = plt.subplots(figsize=(9, 0.5 * height + 1.6))
    position = {}
    for x, (column, names) in enumerate(columns.items()):
        for i, name in enumerate(names):
            y = (
                height - 1 - i * (height - 1) / max(len(names) - 1, 1)
                if len(names) > 1
                else ((height - 1) / 2)
            )
            position[(column, name)] = (x, y)
        axes.text(x, height - 0.2, column, ha="center", fontweight="bold", fontsize=8)
    alignment_of = dict(zip(chains["source"], chains["alignment"], strict=False))

    def arrow(start, end, count, colour):
        axes.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={"arrowstyle": "->", "color": colour, "lw": 0.8 + 0.5 * count, "alpha": 0.7},
        )

    for _, chain in chains.iterrows():
        colour = _colour(chain["alignment"])
        start = position[("source", chain["source"])]
        end = position[("outlet", chain["outlet"])]
        if chain["relayed via"] != "(direct)":
            middle = position[("relayed via", chain["relayed via"])]
            arrow(start, middle, chain["claims"], colour)
            arrow(middle, end, chain["claims"], colour)
        else:
            arrow(start, end, chain["claims"], colour)
    for (column, name), (x, y) in position.items():
        colour = _colour(alignment_of.get(name, "neutral")) if column == "source" else "#333333"
        axes.text(
            x,
            y,
            name,
            ha="center",
            va="center",
            fontsize=7,
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": colour},
        )
    axes.set_xlim(-0.6, 2.6)
    axes.set_ylim(-0.8, height + 0.2)
    axes.axis("off")
    axes.set_title(_wrap(title), loc="left")
    _source_line(figure, source)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def known_on_chart(known: pd.DataFrame, title: str, source: str) -> Figure:
    """Small multiples: each source's latest figure per measure as it stood on each day
    (per day and measure, the MAX_ROWS_PER_PANEL most recent sources)."""
    if known.empty:
        return nothing_to_draw("Nothing had been published on these days", source)
    known = (
        known.sort_values(["stated", "source"])
        .groupby(["known on", "measure"])
        .tail(MAX_ROWS_PER_PANEL)
    )
    days = list(dict.fromkeys(known["known on"]))
    labels = sorted(set(known["measure"] + " — " + known["source"]))
    figure, panels = plt.subplots(
        1, max(len(days), 1), figsize=(3.2 * max(len(days), 1) + 2.5, 0.4 * len(labels) + 1.8),
        sharey=True, sharex=True, squeeze=False,
    )  # fmt: skip
    for axes, day in zip(panels[0], days, strict=False):
        rows = known[known["known on"] == day]
        y = [labels.index(label) for label in rows["measure"] + " — " + rows["source"]]
        axes.barh(y, rows["figure"], color=[_colour(a) for a in rows["alignment"]])
        for position, value in zip(y, rows["figure"], strict=True):
            axes.annotate(f"{value:,.0f}", (value, position), xytext=(3, -3),
                          textcoords="offset points", fontsize=7)  # fmt: skip
        axes.set_title(f"known on {day:%-d %b %Y}", fontsize=9)
        axes.set_xlabel("soldiers")
        axes.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    panels[0, 0].set_yticks(range(len(labels)), labels)
    panels[0, 0].set_ylim(-0.6, len(labels) - 0.4)
    figure.suptitle(_wrap(title, 110), x=0.01, ha="left", fontsize=11, fontweight="bold")
    _source_line(figure, source)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def figure_html(figure: Figure, name: str, alt: str) -> str:
    """A chart as an embedded PNG with alt text, linked to the CSV of its data."""
    buffer = io.BytesIO()
    # No metadata: the same chart gives the same bytes on every build.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<figure class="crosscheck-figure" id="figure-{html.escape(name)}">'
        f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt)}" '
        f'style="max-width:100%">'
        f"<figcaption>{html.escape(alt)} "
        f'<a href="data/{html.escape(name)}.csv">(data: {html.escape(name)}.csv)</a>'
        f"</figcaption></figure>"
    )
