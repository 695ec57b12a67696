"""Tables as a reader uses them in Chromium: the claims table sorts figures as numbers,
finds figures and names however they are written, every table fits its column, days
stay on one line, and the whole report prints on a few dozen A4 pages.

Expected rows are computed from the exported data, never written down as constants.
"""

from __future__ import annotations

import csv
import re

import pytest

from conftest import CHROMIUM, DATA

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")

# A4 printed with the page's own print stylesheet: findings, charts and compact tables.
MAX_PRINTED_PAGES = 40


@pytest.fixture(scope="module")
def page(browser, built_report):
    """The report at 1280 px wide, network cut, the claims table ready."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file:", "data:", "blob:"))
            else route.abort()
        ),
    )
    page.goto((built_report / "index.html").as_uri(), wait_until="load")
    page.wait_for_selector("#table-claims table.dataTable")
    yield page
    page.close()


def exported_claims(built_report) -> list[dict[str, str]]:
    with (built_report / "data" / "claims.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def recorded_figures() -> dict[str, set[float]]:
    """Each claim's numbers as coded in data/claims.csv (low, best, high)."""
    return {claim: set(numbers.values()) for claim, numbers in coded_numbers().items()}


def coded_numbers() -> dict[str, dict[str, float]]:
    with (DATA / "claims.csv").open(newline="", encoding="utf-8") as handle:
        return {
            row["claim_id"]: {c: float(row[c]) for c in ("low", "best", "high") if row[c]}
            for row in csv.DictReader(handle)
        }


def point(numbers: dict[str, float]) -> float:
    """The figure's point as the data dictionary defines it: best, else the middle of
    low and high, else the one bound given."""
    if "best" in numbers:
        return numbers["best"]
    if "low" in numbers and "high" in numbers:
        return (numbers["low"] + numbers["high"]) / 2
    return numbers.get("high", numbers.get("low"))


def search(page, text: str) -> list[str]:
    """The claim ids the claims table shows, on all pages, for a search."""
    page.select_option("#table-claims select", "-1")  # every row on one page
    box = page.locator("#table-claims input[type=search]")
    box.fill(text)
    page.wait_for_function(
        "t => document.querySelector('#table-claims .dt-info').innerText.includes('filtered')"
        " || document.querySelector('#table-claims .dt-empty') !== null",
        arg=text,
    )
    ids = page.locator("#table-claims table.dataTable tbody tr td:first-child").all_inner_texts()
    box.fill("")
    return [i for i in ids if not i.startswith("No matching")]


FIRST_IDS = "#table-claims table.dataTable tbody tr td:first-child"


def sorted_by_figure(page) -> list[str]:
    """Click the figure heading; the claim ids in their new order, once they have moved."""
    before = page.locator(FIRST_IDS).all_inner_texts()
    page.locator("#table-claims table.dataTable thead th", has_text="figure").click()
    page.wait_for_function(
        "([selector, before]) => [...document.querySelectorAll(selector)]"
        ".map(td => td.innerText).join() !== before.join()",
        arg=[FIRST_IDS, before],
    )
    return page.locator(FIRST_IDS).all_inner_texts()


def test_sorting_by_figure_orders_the_figures_as_numbers(page, built_report):
    page.select_option("#table-claims select", "-1")
    figures = coded_numbers()
    with_figure = sum(1 for row in exported_claims(built_report) if row["figure"])
    largest_first = [point(figures[c]) for c in sorted_by_figure(page) if figures.get(c)]
    smallest_first = [point(figures[c]) for c in sorted_by_figure(page) if figures.get(c)]
    assert len(largest_first) == len(smallest_first) == with_figure
    heading = page.locator("#table-claims table.dataTable thead th", has_text="figure")
    assert "dt-ordering-asc" in heading.get_attribute("class")  # the reader sees which way
    assert largest_first == sorted(largest_first, reverse=True)
    assert smallest_first == sorted(smallest_first)
    # As text, "some 3,000" would sort above "up to 15,000"; as numbers it never does.
    assert largest_first[0] >= 15_000 > 3_000 >= largest_first[-1]


def claims_mentioning_12000(built_report) -> set[str]:
    figures = recorded_figures()
    expected = {claim for claim, numbers in figures.items() if 12_000 in numbers}
    for row in exported_claims(built_report):
        text = " ".join(row.values())
        if "12,000" in text or "12000" in text:
            expected.add(row["claim"])
    return expected


@pytest.mark.parametrize("query", ["12000", "12,000"])
def test_a_figure_is_found_with_or_without_its_thousands_separator(page, built_report, query):
    expected = claims_mentioning_12000(built_report)
    assert len(expected) >= 5  # the data holds many claims of 12,000
    assert set(search(page, query)) == expected


def test_a_name_is_found_by_another_spelling_of_it(page, built_report):
    with (DATA / "actors.csv").open(newline="", encoding="utf-8") as handle:
        actors = list(csv.DictReader(handle))
    spelled = {a["name"] for a in actors if "zelenskiy" in (a["name"] + a["aliases"]).lower()}
    assert spelled == {"Volodymyr Zelenskyy"}
    expected = {
        row["claim"]
        for row in exported_claims(built_report)
        if row["claimant"] in spelled
        or row["relayed via"] in spelled
        or "zelenskiy" in " ".join(row.values()).lower()
    }
    found = set(search(page, "Zelenskiy"))
    assert found == expected
    assert len(found) > 1  # the article's one "Zelenskiy" is not all there is


def test_no_table_is_wider_than_the_text_column(page):
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    page.select_option("#table-claims select", "-1")
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('div.crosscheck-block')]
            .filter(block => block.querySelector('table') && block.offsetParent !== null)
            .map(block => {
                const table = [...block.querySelectorAll('table')]
                    .filter(t => t.offsetParent !== null)
                    .map(t => t.getBoundingClientRect().width);
                return [block.id, Math.max(...table), block.clientWidth,
                        block.scrollWidth - block.clientWidth];
            })
            .filter(([, table, column, overflow]) => table > column + 1 || overflow > 1)"""
    )
    assert too_wide == []


def test_a_day_in_a_table_never_breaks_over_two_lines(page):
    page.select_option("#table-claims select", "-1")
    broken = page.evaluate(
        """() => [...document.querySelectorAll('.crosscheck-block .crosscheck-day')]
            .filter(day => day.offsetParent !== null)
            .filter(day => day.getClientRects().length > 1)
            .map(day => day.innerText)"""
    )
    days = page.locator("#table-claims table.dataTable .crosscheck-day").count()
    assert days > 100 and broken == []
    stated = page.locator("#table-claims table.dataTable tbody tr td:nth-child(2)").first
    line = stated.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    day = stated.locator(".crosscheck-day").first.bounding_box()
    assert day["height"] < 1.5 * line  # one line, not two


def test_the_report_prints_on_a4_in_few_pages_with_no_table_cut(browser, built_report):
    # The width A4 leaves between margins of 12 mm, at 96 px to the inch: 186 mm.
    page = browser.new_page(viewport={"width": 703, "height": 1032})
    page.goto((built_report / "index.html").as_uri(), wait_until="load")
    page.emulate_media(media="print")
    cut = page.evaluate(
        """() => [...document.querySelectorAll('div.crosscheck-block')]
            .filter(block => block.offsetParent !== null && block.querySelector('table'))
            .filter(block => block.scrollWidth > block.clientWidth + 1
                || [...block.querySelectorAll('table')].some(t => t.offsetParent !== null
                    && t.getBoundingClientRect().right > document.documentElement.clientWidth))
            .map(block => block.id)"""
    )
    spilled = page.evaluate(
        """() => [...document.querySelectorAll('div.crosscheck-block table td')]
            .filter(cell => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1)
            .map(cell => cell.innerText.slice(0, 40))"""
    )
    pdf = page.pdf(format="A4")
    page.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert cut == []
    assert spilled == []  # no cell's text runs over its neighbour's
    assert 10 < pages <= MAX_PRINTED_PAGES
