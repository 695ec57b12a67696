"""The charts as a reader sees them: no text over other text, none cut off at the edge, no
relay line through a box it does not join; on the shipped data, on another topic's, and
on names in three scripts over two years.

The chart inputs are made as the chapters make them: the analysed view
(analysis.analyse) under the data folder's settings, and the chapter's own defaults
(read from the parameters cell of notebooks/03_timeline.ipynb) overridden by report.yml.
"""

from __future__ import annotations

import ast
import re

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest

from crosscheck import analysis, chartcheck, estimates, plots, provenance, timeline
from crosscheck.load import load_dataset
from crosscheck.settings import read_settings

from conftest import DATA, RALLY, ROOT
from factories import SCRIPT_NAMES, two_year_scripts_data

TIMELINE_CHAPTER = ROOT / "notebooks" / "03_timeline.ipynb"


def chapter_defaults(notebook=TIMELINE_CHAPTER) -> dict:
    """The values the chapter's parameters cell assigns."""
    cell = next(
        c
        for c in nbformat.read(notebook, as_version=4).cells
        if "parameters" in c.metadata.get("tags", [])
    )
    return {
        node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(cell.source).body
    }


class Charts:
    """Every chart of the report on one data folder, drawn as chapters 2 to 4 draw them."""

    def __init__(self, folder):
        settings = read_settings(folder)
        self.parameters = chapter_defaults() | (settings.parameters or {})
        self.view = analysis.analyse(
            load_dataset(folder), analysis.Parameters.parse(key_articles=settings.key_articles)
        )
        self.source = f"{len(self.view.data.claims)} claims (crosscheck data/claims.csv)"

    def chains(self) -> pd.DataFrame:
        return provenance.relay_chains(self.view.claims)

    def draw(self, name: str):
        view, p, source = self.view, self.parameters, self.source
        if name == "estimate_ranges":
            return plots.estimate_ranges(
                view.statements, estimates.ranges_title(view.headlines), source,
                view.key_statements,
            )  # fmt: skip
        if name == "statement_timeline":
            return plots.statement_timeline(
                view.claims, timeline.calendar_title(view.claims), source
            )
        if name == "figure_over_time":
            measure, target = p["measure"], p["target_measure"]
            return plots.figure_over_time(
                view.statements, measure, target,
                timeline.over_time_title(view.statements, measure, target), source,
                timeline.required_pace(view.statements, measure, target),
            )  # fmt: skip
        if name == "known_on_chart":
            days, _ = timeline.snapshot_days(p["snapshot_days"], None)
            known = timeline.known_on(
                view.figures, days, p["snapshot_measures"], copies=view.claims
            )
            return plots.known_on_chart(known, timeline.known_on_title(known), source)
        if name == "relay_chart":
            chains = self.chains()
            return plots.relay_chart(chains, provenance.relay_title(chains), source)
        raise ValueError(name)


CHARTS = ["estimate_ranges", "statement_timeline", "figure_over_time", "known_on_chart",
          "relay_chart"]  # fmt: skip
DATASETS = ["shipped", "rally", "scripts"]


@pytest.fixture(scope="module")
def charts(tmp_path_factory) -> dict[str, Charts]:
    scripts = two_year_scripts_data(tmp_path_factory.mktemp("charts") / "data")
    return {"shipped": Charts(DATA), "rally": Charts(RALLY), "scripts": Charts(scripts)}


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("dataset", DATASETS)
def test_no_chart_text_covers_other_text_or_leaves_the_figure(charts, dataset, chart):
    figure = charts[dataset].draw(chart)
    problems = chartcheck.text_problems(figure)
    drawn = len(chartcheck.text_boxes(figure))
    plt.close(figure)
    assert drawn >= 5  # a chart, not the "nothing to draw" notice
    assert problems == []


def test_the_scripts_dataset_spans_two_years_and_names_in_three_scripts(charts):
    claims = charts["scripts"].view.claims
    assert claims["stated_on"].dt.year.nunique() >= 2
    assert (claims["stated_on"].max() - claims["stated_on"].min()).days > 365
    names = set(claims["claimant"]) | set(claims["origin"])
    assert {SCRIPT_NAMES["rok-nis"], SCRIPT_NAMES["dmitry-peskov"]} <= names


def test_the_timeline_across_two_years_gives_a_year_on_its_first_tick_and_each_new_year(charts):
    figure = charts["scripts"].draw("statement_timeline")
    figure.canvas.draw()
    axes = figure.axes[-1]
    labels = [t.get_text() for t in chartcheck.drawn_texts(axes.xaxis) if t is not axes.xaxis.label]
    plt.close(figure)
    years = [label for label in labels if any(str(year) in label for year in (2024, 2025, 2026))]
    assert labels[0] in years
    assert {"2024", "2025"} <= {year for label in years for year in label.split()}


def test_the_checker_finds_text_over_text():
    figure = plt.figure(figsize=(4, 2))
    figure.text(0.2, 0.5, "3,000")
    figure.text(0.21, 0.5, "3,000")
    problems = chartcheck.text_problems(figure)
    plt.close(figure)
    assert problems == ["'3,000' overlaps '3,000'"]


def test_the_checker_finds_text_leaving_the_figure():
    figure = plt.figure(figsize=(4, 2))
    figure.text(0.9, 0.5, "a title far too long to fit in the figure")
    problems = chartcheck.text_problems(figure)
    plt.close(figure)
    assert len(problems) == 1 and "leaves the figure" in problems[0]


def test_the_checker_finds_tick_labels_that_run_together():
    figure, axes = plt.subplots(figsize=(2, 1.5))
    axes.set_xlim(0, 20_000)
    axes.set_xticks(range(0, 20_001, 2_000), [f"{x:,}" for x in range(0, 20_001, 2_000)])
    problems = chartcheck.text_problems(figure)
    plt.close(figure)
    assert "'2,000' overlaps '4,000'" in problems


def test_the_checker_ignores_hidden_panels_and_ticks_out_of_view():
    figure, (shown, hidden) = plt.subplots(1, 2, figsize=(6, 2))
    hidden.set_visible(False)
    hidden.set_title("hidden")
    shown.set_xticks([0, 0.5, 1, 50])  # the tick at 50 lies outside the view
    texts = [box.text for box in chartcheck.text_boxes(figure)]
    plt.close(figure)
    assert "hidden" not in texts and "50" not in texts


# --- relay chart: lines and boxes ---------------------------------------------------------


def crosses(segment, box) -> bool:
    """Whether a line segment passes through a rectangle (x0, y0, x1, y1), by clipping it
    to the rectangle (Liang & Barsky 1984)."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def touches(point, box, tolerance) -> bool:
    x, y = point
    return (box[0] - tolerance <= x <= box[2] + tolerance
            and box[1] - tolerance <= y <= box[3] + tolerance)  # fmt: skip


def shrunk(box, by):
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


def lines_through_boxes(polylines, boxes, tolerance=1.0) -> list[str]:
    """For each polyline, the boxes it passes through without joining them (a polyline
    joins the boxes its two ends touch)."""
    found = []
    for points in polylines:
        ends = (points[0], points[-1])
        joined = {name for name, box in boxes.items()
                  if any(touches(end, box, tolerance) for end in ends)}  # fmt: skip
        for name, box in boxes.items():
            if name in joined:
                continue
            if any(crosses(segment, shrunk(box, tolerance))
                   for segment in zip(points, points[1:], strict=False)):  # fmt: skip
                found.append(f"a line from {points[0]} to {points[-1]} crosses {name!r}")
    return found


def test_the_line_check_sees_a_line_through_a_box():
    boxes = {"A": (0, 0, 10, 10), "B": (40, 0, 50, 10), "relay": (20, -5, 30, 15)}
    assert lines_through_boxes([((10, 5), (40, 5))], boxes) == [
        "a line from (10, 5) to (40, 5) crosses 'relay'"
    ]
    assert lines_through_boxes([((10, 5), (20, 30), (40, 5))], boxes) == []


def an_austin_case() -> pd.DataFrame:
    """A direct path drawn across the middle column beside relays: the case where the old
    chart drew Austin's line through 'South Korean lawmakers'."""
    rows = [("Lloyd Austin", "(direct)", "Defence Talks", 1),
            ("NIS", "South Korean lawmakers", "KBS News", 3),
            ("NIS", "Lee", "Defence Talks", 5), ("Cho", "(direct)", "Defence Talks", 1),
            ("Cho", "South Korean lawmakers", "UNN", 1), ("Park", "Lee", "UNN", 2)]  # fmt: skip
    return pd.DataFrame(
        [
            {"source": s, "relayed via": r, "outlet": o, "claims": n, "alignment": "ukraine"}
            for s, r, o, n in rows
        ]  # fmt: skip
    )


def test_the_relay_layout_runs_no_line_through_a_box_it_does_not_join():
    layout = plots.relay_layout(an_austin_case(), lambda name: (8.0 * len(name), 15.0))
    boxes = {
        key: (x - layout.sizes[key][0] / 2, y - layout.sizes[key][1] / 2,
              x + layout.sizes[key][0] / 2, y + layout.sizes[key][1] / 2)
        for key, (x, y) in layout.centres.items() if key in layout.sizes
    }  # fmt: skip
    assert len(layout.edges) == 10  # 2 direct paths, 8 legs into and out of relays
    assert lines_through_boxes([edge.points for edge in layout.edges], boxes) == []
    # Every line starts at its source's box and ends at its relay's or outlet's.
    for edge in layout.edges:
        assert touches(edge.points[0], boxes[edge.start], 0.01)
        assert touches(edge.points[-1], boxes[edge.end], 0.01)


def drawn_lines_and_boxes(figure):
    """The relay chart as drawn, in pixels: each line's points and each named box."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    (axes,) = figure.axes
    boxes = {
        f"{text.get_text()} at {text.get_position()}": text.get_bbox_patch()
        .get_window_extent(renderer)
        .extents
        for text in axes.texts
        if text.get_bbox_patch() is not None
    }
    lines = [[tuple(p) for p in axes.transData.transform(line.get_xydata())] for line in axes.lines]
    return lines, boxes


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_drawn_relay_chart_runs_no_line_through_a_box_it_does_not_join(charts, dataset):
    figure = charts[dataset].draw("relay_chart")
    lines, boxes = drawn_lines_and_boxes(figure)
    plt.close(figure)
    assert len(lines) >= 3 and len(boxes) >= 4
    assert lines_through_boxes(lines, boxes, tolerance=1.5) == []


def test_the_same_data_draws_the_same_svg_bytes(charts):
    first, second = (charts["scripts"].draw("relay_chart") for _ in range(2))
    try:
        assert plots.figure_svg(first, "relay_chains") == plots.figure_svg(second, "relay_chains")
    finally:
        plt.close(first)
        plt.close(second)


def crossings(layout) -> int:
    """How many pairs of segments of different edges cross (touching ends do not count)."""

    def turn(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    segments = [
        (i, segment)
        for i, edge in enumerate(layout.edges)
        for segment in zip(edge.points, edge.points[1:], strict=False)
    ]
    return sum(
        turn(*b, a[0]) * turn(*b, a[1]) < 0 and turn(*a, b[0]) * turn(*a, b[1]) < 0
        for n, (i, a) in enumerate(segments)
        for j, b in segments[n + 1 :]
        if i != j
    )


THREE_DIRECT_PATHS = pd.DataFrame(
    [
        {"source": s, "relayed via": "(direct)", "outlet": o, "claims": n, "alignment": "ukraine"}
        for s, o, n in (("A", "X", 5), ("B", "Y", 4), ("C", "X", 3))
    ]  # fmt: skip
)


def test_the_relay_layout_orders_its_layers_so_that_paths_need_not_cross():
    layout = plots.relay_layout(THREE_DIRECT_PATHS, lambda name: (40.0, 15.0))
    assert crossings(layout) == 0


def test_in_the_order_first_met_the_same_paths_would_cross(monkeypatch):
    monkeypatch.setattr(plots, "_order_layers", lambda graph, layers: layers)
    layout = plots.relay_layout(THREE_DIRECT_PATHS, lambda name: (40.0, 15.0))
    assert crossings(layout) == 1


@pytest.mark.parametrize("as_of", ["2024-10-19", "2024-10-20", "2024-10-22"])
def test_a_calendar_of_a_few_days_keeps_its_last_day_label_inside(as_of):
    # Found by a fresh-clone check: with a cut-off a few days in, the last tick ("20 Oct")
    # sat at the axis's end and half of its label left the figure.
    view = analysis.analyse(load_dataset(DATA), analysis.Parameters.parse(as_of))
    figure = plots.statement_timeline(view.claims, "Statements", "source")
    assert chartcheck.text_problems(figure) == []
    plt.close(figure)


def test_a_calendar_of_many_markers_draws_them_as_one_image_and_keeps_its_text(monkeypatch):
    view = analysis.analyse(load_dataset(DATA))
    svgs, default = {}, plots.MAX_VECTOR_MARKERS
    for limit in (default, 10):
        monkeypatch.setattr(plots, "MAX_VECTOR_MARKERS", limit)
        figure = plots.statement_timeline(view.claims, "Statements", "source")
        svgs[limit] = plots.figure_svg(figure, "timeline")
        plt.close(figure)
    few, many = svgs[default], svgs[10]
    assert few.count("<use") > 60  # every marker its own element
    assert "<image" in many and many.count("<use") < few.count("<use") - 60
    # the claimants, days and legend stay text a reader can select
    assert re.findall(r"<!-- (.*?) -->", many) == re.findall(r"<!-- (.*?) -->", few)
