"""Photograph a built report as a reader sees it: the first screen, each chapter in tiles
a person can read, and the page printed to A4 (`make screenshots`).

Chromium is Debian's (/usr/bin/chromium), driven by Playwright for Python, which the
test extra installs; a browser download by Playwright does not work offline, so none is
attempted. Run: python -m crosscheck.screenshots [REPORT] [OUT_DIR].
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# The flags a headless Chromium needs in a container with its network closed.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
# A tile is a little taller than a screen: tall enough for a chart, short enough to read.
TILE_HEIGHT = 1400


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].rstrip("-")


def _chapters(page) -> list[tuple[str, float, float]]:
    """Each chapter heading (h1 after the title) with the top and bottom of its part of
    the page, in CSS pixels."""
    return page.evaluate(
        """() => {
          const heads = [...document.querySelectorAll('main h1')]
            .filter(h => h.id !== 'report-title');
          const end = document.documentElement.scrollHeight;
          return heads.map((h, i) => {
            const top = h.getBoundingClientRect().top + window.scrollY;
            const next = heads[i + 1];
            const bottom = next ? next.getBoundingClientRect().top + window.scrollY : end;
            return [h.innerText.replace(/¶/g, '').trim(), top, bottom];
          });
        }"""
    )


def printed_pages(pdf: bytes) -> int:
    """The number of pages of a PDF as Chromium writes it: its page objects (ISO 32000-1,
    7.7.3.3: each page is a dictionary of /Type /Page; the tree's nodes are /Pages)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def photograph(report: Path, out_dir: Path) -> list[Path]:
    """Write first-screen.png, chapter-NN-<slug>-KK.png tiles and report-a4.pdf of the
    report page into out_dir; return the paths written.

    report: a built index.html. Raises FileNotFoundError when the report or Chromium is
    missing, ImportError when Playwright is not installed (the test extra).
    """
    if not report.exists():
        raise FileNotFoundError(f"{report} does not exist: build it first (make report)")
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: make browser installs it (as root)")
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(report.resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(1500)  # the interactive tables draw after load
        first = out_dir / "first-screen.png"
        page.screenshot(path=str(first))
        written.append(first)
        for number, (title, top, bottom) in enumerate(_chapters(page), start=1):
            tiles = range(int(top), int(bottom), TILE_HEIGHT)
            for index, y in enumerate(tiles, start=1):
                height = min(TILE_HEIGHT, int(bottom) - y)
                path = out_dir / f"chapter-{number:02d}-{_slug(title)}-{index:02d}.png"
                clip = {"x": 0, "y": y, "width": VIEWPORT["width"], "height": max(height, 1)}
                page.screenshot(path=str(path), full_page=True, clip=clip)
                written.append(path)
        page.emulate_media(media="print")
        pdf = out_dir / "report-a4.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        written.append(pdf)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    report = Path(arguments[0]) if arguments else Path("reports/index.html")
    out_dir = Path(arguments[1]) if len(arguments) > 1 else Path("test-artifacts")
    try:
        written = photograph(report, out_dir)
    except (FileNotFoundError, ImportError) as error:
        print(f"crosscheck screenshots: {error}", file=sys.stderr)
        return 1
    pages = printed_pages(written[-1].read_bytes())
    print(
        f"{len(written) - 1} screenshots and {written[-1].name} ({pages} A4 pages) in {out_dir}/",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
