"""The report as a reader opens it: from disk, in headless Chromium, with the network cut.

Playwright drives Debian's Chromium (installed by `make test` where it can be);
every request that is not file:, data: or blob: (made in the page) is blocked and recorded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import CHROMIUM, ROOT

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is missing: `make test` installs it with apt-get when run as root",
)


class Visit:
    """A page opened with its network cut, and what it tried to do."""

    def __init__(self, page):
        self.page = page
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):  # blob: is made by the page itself
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture(scope="session")
def opened(browser, built_report):
    """The default report, opened once for the tests that only look at it."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    visit = Visit(page)
    page.goto((built_report / "index.html").as_uri(), wait_until="load")
    page.wait_for_selector("table.dataTable", timeout=15_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-full-page.png"), full_page=True)
    yield visit
    page.close()


def test_the_page_makes_no_request_to_any_other_host(opened):
    assert opened.blocked == []


def test_the_page_logs_no_console_error(opened):
    assert opened.console_errors == []


def test_every_chapter_heading_is_visible(opened):
    from test_report import CHAPTERS

    for chapter in CHAPTERS:
        assert opened.page.get_by_role("heading", name=chapter, exact=False).first.is_visible()


def test_every_chart_is_drawn_as_inline_svg_with_text(opened):
    sizes = opened.page.eval_on_selector_all(
        "figure.crosscheck-figure svg",
        "svgs => svgs.map(s => [s.getBoundingClientRect().width, "
        "s.querySelectorAll('text').length])",
    )
    assert len(sizes) >= 5 and all(width > 0 and texts > 0 for width, texts in sizes)
    assert opened.page.locator("img").count() == 0


def fresh_page(browser, report):
    """A new page on the report, network cut, once the claims table is interactive."""
    page = browser.new_page()
    Visit(page)
    page.goto((report / "index.html").as_uri())
    page.wait_for_selector("#table-claims table.dataTable")
    return page


def claims_table(page):
    return page.locator("#table-claims table.dataTable")


def first_column_values(page) -> list[str]:
    return claims_table(page).locator("tbody tr td:first-child").all_inner_texts()


def test_the_claims_table_sorts_when_its_header_is_clicked(browser, built_report):
    page = fresh_page(browser, built_report)
    page.select_option("#table-claims select", "-1")  # show every row
    header = claims_table(page).locator("thead th").first
    header.click()
    page.wait_for_selector("#table-claims thead th.dt-ordering-asc")
    ascending = first_column_values(page)
    header.click()
    page.wait_for_selector("#table-claims thead th.dt-ordering-desc")
    descending = first_column_values(page)
    assert ascending == sorted(ascending) and descending == sorted(ascending, reverse=True)
    assert ascending != descending
    page.close()


def test_the_claims_table_filters_when_text_is_typed_in_its_search_box(browser, built_report):
    page = fresh_page(browser, built_report)
    before = claims_table(page).locator("tbody tr").count()
    page.locator("#table-claims input[type=search]").fill("Peskov")
    rows = claims_table(page).locator("tbody tr")
    page.wait_for_function(
        "n => document.querySelectorAll('#table-claims table.dataTable tbody tr').length < n",
        arg=before,
    )
    texts = rows.all_inner_texts()
    assert texts and all("Peskov" in text for text in texts)
    page.close()


def test_in_print_the_claims_table_is_plain_and_whole(browser, built_report):
    page = fresh_page(browser, built_report)
    page.emulate_media(media="print")
    interactive = page.locator("#table-claims .crosscheck-interactive")
    plain_rows = page.locator("#table-claims .crosscheck-print-only tbody tr")
    assert not interactive.is_visible()
    assert (
        plain_rows.count()
        == len((built_report / "data" / "claims.csv").read_text().strip().splitlines()) - 1
    )
    if os.environ.get("CI") is None:  # a PDF to look at, when run by a person
        ARTIFACTS.mkdir(exist_ok=True)
        page.pdf(path=str(ARTIFACTS / "report-a4.pdf"), format="A4")
    page.close()


def test_every_table_block_shows_rows_or_says_why_it_has_none(opened):
    blocks = opened.page.eval_on_selector_all(
        "div.crosscheck-block[id^='table-']",
        """blocks => blocks.map(block => ({
            id: block.id,
            rows: block.querySelectorAll('table tbody tr').length,
            sentence: (block.querySelector('p.crosscheck-empty') || {}).innerText || '',
        }))""",
    )
    assert len(blocks) >= 20
    silent = [b["id"] for b in blocks if b["rows"] == 0 and not b["sentence"].strip()]
    assert silent == []


def test_the_headline_of_troops_sent_is_the_latest_week_and_the_trend(opened):
    row = opened.page.locator("#table-estimate_headlines tr", has_text="Troops sent to Russia")
    text = row.first.inner_text()
    assert "Stated on 30 Apr 2025, 1 source: Government of South Korea: 15,000" in text
    assert "from 1,500 on 18 Oct 2024 (Government of South Korea) to 15,000 on 30 Apr" in text
    assert "revised upwards" in text
    assert row.first.is_visible()


def test_the_first_screen_shows_the_key_findings_with_the_seed_articles_figures(opened):
    page = opened.page
    page.evaluate("window.scrollTo(0, 0)")
    findings = page.locator(".crosscheck-findings")
    box = findings.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900, "findings run below the fold"
    text = findings.inner_text()
    for figure in ("1,500", "3,000", "10,000", "12,000"):
        assert figure in text


def test_no_parameter_table_is_visible_in_the_readers_page(opened):
    page = opened.page
    # Every chapter's parameters are there for analysts, folded away.
    folded = page.locator("details.crosscheck-analyst")
    assert folded.count() == len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    assert not any(folded.evaluate_all("ds => ds.map(d => d.open)"))
    # No table a reader can see lists parameters, nor a cell naming one.
    visible = page.evaluate(
        """() => [...document.querySelectorAll('table')]
             .filter(t => t.checkVisibility())
             .filter(t => [...t.querySelectorAll('th, td')].some(
               c => ['parameter', 'data_dir', 'tables_dir', 'as_of'].includes(c.innerText.trim())))
             .map(t => t.innerText.slice(0, 80))"""
    )
    assert visible == []
    assert not page.locator("details:has(> summary:text('How this report was built'))").evaluate(
        "d => d.open"
    )


def test_axe_finds_no_serious_or_critical_violation(opened):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(opened.page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}, {len(v['nodes'])} elements"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_policy_lists_the_pages_own_scripts_and_allows_no_other_inline_script(built_report):
    page = (built_report / "index.html").read_text()
    policy = re.search(r'<meta content="([^"]*)" http-equiv="Content-Security-Policy"', page)
    assert policy, "the page carries no content security policy"
    script_src = next(d for d in policy.group(1).split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src


def test_a_script_slipped_into_the_page_does_not_run_and_the_table_still_works(
    browser, built_report, tmp_path
):
    # As an escaping bug would: a script element in the body, where a claim's text goes.
    page_text = (built_report / "index.html").read_text()
    injected = page_text.replace("<main>", "<main><script>window.__slipped = true;</script>", 1)
    assert injected != page_text
    shutil.copytree(built_report, tmp_path / "report")
    (tmp_path / "report" / "index.html").write_text(injected)
    page = fresh_page(browser, tmp_path / "report")
    assert page.evaluate("window.__slipped === undefined")
    before = claims_table(page).locator("tbody tr").count()
    page.locator("#table-claims input[type=search]").fill("Peskov")
    page.wait_for_function(
        "n => document.querySelectorAll('#table-claims table.dataTable tbody tr').length < n",
        arg=before,
    )
    page.close()


def test_screenshots_photograph_the_first_screen_every_chapter_and_the_print(
    built_report, tmp_path
):
    from crosscheck.screenshots import printed_pages

    # Its own process: Playwright allows one sync driver per thread, and the session's
    # browser holds this one.
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck.screenshots", str(built_report / "index.html"),
         str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    chapters = len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    for number in range(1, chapters + 1):
        assert any(name.startswith(f"chapter-{number:02d}-") for name in names), number
    assert "first-screen.png" in names
    assert printed_pages((tmp_path / "report-a4.pdf").read_bytes()) >= chapters
    assert f"({printed_pages((tmp_path / 'report-a4.pdf').read_bytes())} A4 pages)" in done.stderr


def test_in_print_every_chart_fits_whole_on_an_a4_page(browser, built_report):
    # A4 is 210 × 297 mm; the page's print margins are 12 mm (96 CSS px to the inch).
    page = browser.new_page(viewport={"width": round(186 / 25.4 * 96), "height": 1000})
    page.goto((built_report / "index.html").as_uri())
    page.emulate_media(media="print")
    heights = page.eval_on_selector_all(
        "figure.crosscheck-figure", "figures => figures.map(f => f.getBoundingClientRect().height)"
    )
    assert heights and max(heights) <= (297 - 24) / 25.4 * 96
    page.close()
