"""Find text a reader could not read in a drawn chart: text over other text, text cut
off at the figure's edge.

What it measures: every visible, non-empty text of a matplotlib Figure (titles, axis
labels, tick labels that are drawn, legend entries, annotations, free text), each as
the rectangle matplotlib gives for it (`Text.get_window_extent` with the canvas's
renderer, after `figure.canvas.draw()`: the laid-out box of its lines, in pixels).
Two texts collide when their rectangles share more than `TOLERANCE_PX` in both
directions; a text leaves the figure when its rectangle reaches more than
`TOLERANCE_PX` past the figure's edge.

What it does not measure: text over lines, markers or bars (a label on a line can be
read), and the glyphs a browser draws in place of matplotlib's when the chart is
inline SVG (the browser tests measure those).
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

# Rectangles that touch, or share a fraction of a pixel from rounding, do not collide.
TOLERANCE_PX = 0.5


@dataclass(frozen=True)
class TextBox:
    """One drawn text and its rectangle on the canvas, in pixels."""

    text: str
    box: Bbox


def _drawn(artist: Artist):
    """The artist and its descendants that are drawn: a hidden parent hides its children;
    of an axis, only the tick labels of the ticks in view (matplotlib keeps spare ticks
    off-view, with labels that are never drawn)."""
    if not artist.get_visible():
        return
    yield artist
    if isinstance(artist, Axis):
        if not artist.axes.axison:  # axes.axis("off") draws neither axis
            return
        yield artist.label
        yield artist.offsetText
        low, high = sorted(artist.get_view_interval())
        margin = 1e-9 * max(high - low, 1)
        for tick in [*artist.get_major_ticks(), *artist.get_minor_ticks()]:
            if low - margin <= tick.get_loc() <= high + margin:
                yield tick.label1
                yield tick.label2
        return
    for child in artist.get_children():
        yield from _drawn(child)


def drawn_texts(artist: Artist) -> list[Text]:
    """The visible, non-empty texts drawn as part of an artist (a Figure, Axes, Axis…),
    each once. Draw the figure first: tick labels get their text when drawn."""
    texts: dict[int, Text] = {}
    for item in _drawn(artist):
        if isinstance(item, Text) and item.get_visible() and item.get_text().strip():
            texts.setdefault(id(item), item)
    return list(texts.values())


def text_boxes(figure: Figure, draw: bool = True) -> list[TextBox]:
    """Every drawn, non-empty text of the figure with its rectangle in pixels.

    Input: a Figure; it is drawn first (`figure.canvas.draw()`, which also runs its
    layout engine) unless `draw` is False (for a caller that has just drawn it). Output:
    a TextBox per text, in drawing-tree order.
    """
    if draw:
        figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    return [
        TextBox(text.get_text(), text.get_window_extent(renderer)) for text in drawn_texts(figure)
    ]


def collide(a: Bbox, b: Bbox, tolerance: float = TOLERANCE_PX) -> bool:
    """Whether two rectangles share more than `tolerance` pixels across and down."""
    across = min(a.x1, b.x1) - max(a.x0, b.x0)
    down = min(a.y1, b.y1) - max(a.y0, b.y0)
    return across > tolerance and down > tolerance


def outside(box: Bbox, frame: Bbox, tolerance: float = TOLERANCE_PX) -> bool:
    """Whether a rectangle reaches more than `tolerance` pixels past the frame's edge."""
    return (
        box.x0 < frame.x0 - tolerance
        or box.y0 < frame.y0 - tolerance
        or box.x1 > frame.x1 + tolerance
        or box.y1 > frame.y1 + tolerance
    )


def text_problems(figure: Figure) -> list[str]:
    """Sentences naming each pair of colliding texts and each text that leaves the figure;
    an empty list when every text can be read.

    Input: a matplotlib Figure (drawn here). Output: one sentence per problem, quoting
    the texts, for a test's failure message.
    """
    boxes = text_boxes(figure)
    problems = [
        f"{box.text!r} leaves the figure ({box.box.bounds} in {figure.bbox.bounds})"
        for box in boxes
        if outside(box.box, figure.bbox)
    ]
    for i, first in enumerate(boxes):
        for second in boxes[i + 1 :]:
            if collide(first.box, second.box):
                problems.append(f"{first.text!r} overlaps {second.text!r}")
    return problems
