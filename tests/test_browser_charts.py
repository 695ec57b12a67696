"""The charts as the reader's browser draws them: Chromium at 1280 × 900 opens each built
report and measures every <text> of every inline chart SVG (getBoundingClientRect: the
box the browser drew it in, with the fonts it found). No text covers another of its
chart, none leaves its chart, the page does not scroll sideways, and nothing a chapter
wrote to stderr reached the page. Three reports: the shipped data, another topic (the
rally), and names in Hangul, Cyrillic and Arabic over two years (scripts_report)."""

from __future__ import annotations

import pytest

from conftest import CHROMIUM
from factories import SCRIPT_NAMES

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is missing: `make test` installs it with apt-get when run as root",
)

# Boxes that share at most a pixel (anti-aliasing, rounding) do not collide.
TOLERANCE_PX = 1

MEASURE_CHARTS = """() => [...document.querySelectorAll('figure.crosscheck-figure svg')]
.map(svg => {
  const frame = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')]
    .map(t => ({text: t.textContent, box: t.getBoundingClientRect()}))
    .filter(t => t.box.width > 0 && t.box.height > 0)
    .map(t => ({text: t.text, left: t.box.left, right: t.box.right, top: t.box.top,
                bottom: t.box.bottom}));
  return {chart: svg.closest('figure').id, texts: texts,
          frame: {left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom}};
})"""


def collisions(texts: list[dict]) -> list[str]:
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            across = min(a["right"], b["right"]) - max(a["left"], b["left"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if across > TOLERANCE_PX and down > TOLERANCE_PX:
                found.append(f"{a['text']!r} overlaps {b['text']!r}")
    return found


def outside(texts: list[dict], frame: dict) -> list[str]:
    return [
        f"{t['text']!r} leaves its chart"
        for t in texts
        if t["left"] < frame["left"] - TOLERANCE_PX
        or t["right"] > frame["right"] + TOLERANCE_PX
        or t["top"] < frame["top"] - TOLERANCE_PX
        or t["bottom"] > frame["bottom"] + TOLERANCE_PX
    ]


REPORTS = ["built_report", "rally_report", "scripts_report"]


@pytest.fixture(scope="module", params=REPORTS)
def measured(request, browser):
    """A report opened at 1280 × 900, its charts measured, its page width and text read."""
    report = request.getfixturevalue(request.param)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    # Nothing leaves the machine: the report is offline by design.
    local = ("file:", "data:", "blob:")
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(local) else route.abort())  # fmt: skip
    page.goto((report / "index.html").as_uri(), wait_until="load")
    result = {
        "charts": page.evaluate(MEASURE_CHARTS),
        "widths": page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        ),
        "stderr": page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count(),
        "text": page.locator("body").inner_text(),
    }
    page.close()
    return result


def test_every_report_has_its_charts_as_inline_svg_with_text(measured):
    assert len(measured["charts"]) >= 5
    assert all(len(chart["texts"]) >= 5 for chart in measured["charts"])


def test_no_chart_text_covers_other_text_of_its_chart(measured):
    found = {chart["chart"]: collisions(chart["texts"]) for chart in measured["charts"]}
    assert {chart: problems for chart, problems in found.items() if problems} == {}


def test_no_chart_text_leaves_its_chart(measured):
    found = {
        chart["chart"]: outside(chart["texts"], chart["frame"]) for chart in measured["charts"]
    }
    assert {chart: problems for chart, problems in found.items() if problems} == {}


def test_the_page_does_not_scroll_sideways_at_1280_pixels(measured):
    scroll_width, client_width = measured["widths"]
    assert scroll_width <= client_width


def test_nothing_written_to_stderr_reaches_the_page(measured):
    assert measured["stderr"] == 0
    assert "Glyph" not in measured["text"] and "missing from current font" not in measured["text"]


def test_the_collision_check_sees_text_over_text():
    a = {"text": "3,000", "left": 10, "right": 40, "top": 10, "bottom": 22}
    b = {"text": "3,000", "left": 12, "right": 42, "top": 11, "bottom": 23}
    assert collisions([a, b]) == ["'3,000' overlaps '3,000'"]
    assert outside([a], {"left": 0, "right": 30, "top": 0, "bottom": 100}) == [
        "'3,000' leaves its chart"
    ]


@pytest.fixture(scope="module")
def scripts_page_text(browser, scripts_report):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((scripts_report / "index.html").as_uri(), wait_until="load")
    texts = page.evaluate(
        "() => [...document.querySelectorAll('figure svg text')].map(t => t.textContent)"
    )
    page.close()
    return texts


def test_the_hangul_name_is_drawn_as_svg_text(scripts_page_text):
    assert SCRIPT_NAMES["rok-nis"] in scripts_page_text
    assert any(SCRIPT_NAMES["rok-nis"] in text for text in scripts_page_text)
