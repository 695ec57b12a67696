"""Hostile text in the data is shown as text: never run, never fetched, never a link."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from test_browser import Visit

from crosscheck.present import link
from crosscheck.report import BuildOptions, build

from conftest import read_rows, write_rows

SCRIPT = "<script>window.__pwned = 1; alert('script ran')</script>"
IMAGE = '<img src="http://attacker.example/x.png" onerror="window.__pwned = 2">'
SVG = '"><svg onload="window.__pwned = 3">'
MARKDOWN = "[click me](javascript:window.__pwned=4) ![pixel](http://attacker.example/p.png)"
LATEX = r"$\frac{a}{b}$ and $$x^2$$ and a lone $"
QUOTE_URL = 'https://example.org/a"onmouseover="window.__pwned=5'


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    import shutil

    from conftest import DATA

    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DATA, data)
    claims = read_rows(data / "claims.csv")
    claims[0]["summary"] = "Marked-row " + SCRIPT
    claims[0]["note"] = IMAGE
    claims[1]["summary"] = MARKDOWN
    claims[4]["note"] = LATEX
    write_rows(data / "claims.csv", claims)
    actors = read_rows(data / "actors.csv")
    actors[0]["name"] = SVG + " Lloyd Austin $x$"
    write_rows(data / "actors.csv", actors)
    articles = read_rows(data / "articles.csv")
    articles[0]["title"] = MARKDOWN + " " + LATEX
    articles[0]["outlet"] = '<a href="javascript:window.__pwned=6">Defence Talks</a>'
    articles[0]["url"] = QUOTE_URL
    write_rows(data / "articles.csv", articles)
    out = root / "report"
    build(BuildOptions(data_dir=data, out_dir=out, progress=False))
    return out / "index.html"


def body(page_path) -> str:
    return page_path.read_text(encoding="utf-8").split("<body", 1)[1]


@pytest.mark.parametrize("payload", [SCRIPT, IMAGE, SVG])
def test_markup_from_the_data_is_escaped_in_the_page(hostile_report, payload):
    html = body(hostile_report)
    assert payload not in html
    # Shown as text: escaped, quotes as entities or not.
    shown = html.replace("&#x27;", "'").replace("&quot;", '"')
    assert payload.replace("<", "&lt;").replace(">", "&gt;")[:20] in shown


def test_markdown_from_the_data_makes_no_link_and_no_image(hostile_report):
    html = body(hostile_report)
    assert '<a href="javascript:' not in html and '<img src="http://attacker' not in html
    assert "[click me](javascript:" in html


class Attributes(HTMLParser):
    """Every (tag, attribute, value) of a page, as a browser's parser reads them."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.found.extend((tag, name, value) for name, value in attrs)


def attributes(page_path) -> list[tuple[str, str, str | None]]:
    parser = Attributes()
    parser.feed(page_path.read_text(encoding="utf-8"))
    return parser.found


def test_a_quote_in_a_url_cannot_break_out_of_its_attribute(hostile_report):
    found = attributes(hostile_report)
    assert ("a", "href", QUOTE_URL) in found
    assert not [name for _, name, _ in found if name.startswith("on")]


def test_tex_from_the_data_is_shown_as_written(hostile_report):
    assert r"$\frac{a}{b}$" in body(hostile_report)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "JAVASCRIPT:x", None])
def test_only_http_addresses_become_links(url):
    assert "<a" not in link(url, "text")


def test_in_a_browser_nothing_from_the_data_runs_or_fetches(browser, hostile_report):
    page = browser.new_page()
    visit = Visit(page)
    page.goto(hostile_report.as_uri(), wait_until="load")
    page.wait_for_selector("#table-claims table.dataTable")
    page.locator("#table-claims input[type=search]").fill("Marked-row")
    page.wait_for_function(
        "() => document.querySelectorAll('#table-claims table.dataTable tbody tr').length === 1"
    )
    for anchor in page.locator("a").all()[:200]:
        if anchor.is_visible():
            anchor.hover()
    pwned = page.evaluate("window.__pwned")
    text = page.locator("#table-claims").inner_text()
    page.close()
    assert pwned is None
    assert visit.dialogs == [] and visit.blocked == []
    assert "<script>window.__pwned" in text  # shown to the reader, as text
