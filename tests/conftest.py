"""Shared fixtures: copies of the shipped data that a test may break on purpose."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

# The same Chromium, with the same flags, as `make screenshots` uses.
from crosscheck.screenshots import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], fieldnames=None) -> None:
    fieldnames = fieldnames or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> int:
    """Change one cell (row counted from 0 after the header); return its CSV line number."""
    rows = read_rows(path)
    rows[row][column] = value
    write_rows(path, rows)
    return row + 2


# The shipped data, loaded and analysed once per test session: tests read these objects
# and never change them (loading takes about a second, analysing one or two).
@pytest.fixture(scope="session")
def shipped_dataset():
    """The shipped data as load_dataset reads it."""
    from crosscheck.load import load_dataset

    return load_dataset(DATA)


@pytest.fixture(scope="session")
def shipped_view_as_of(shipped_dataset):
    """analysed(as_of, **parameters): the analysed view of the shipped data for a cut-off
    day (None: all) and analysis parameters, each computed once per session."""
    from crosscheck import analysis

    views = {}

    def analysed(as_of: str | None, **parameters):
        key = (as_of, repr(sorted(parameters.items())))
        if key not in views:
            chosen = analysis.Parameters.parse(as_of=as_of, **parameters)
            views[key] = analysis.analyse(shipped_dataset, chosen)
        return views[key]

    return analysed


@pytest.fixture(scope="session")
def shipped_view(shipped_dataset):
    """The analysed view of the shipped data with the default parameters."""
    from crosscheck import analysis

    return analysis.analyse(shipped_dataset)


# Short names of the three, for test files that do not define their own `dataset` or
# `view` (a module's own fixture of the same name takes precedence).
@pytest.fixture
def dataset(shipped_dataset):
    return shipped_dataset


@pytest.fixture
def view(shipped_view):
    return shipped_view


@pytest.fixture
def view_as_of(shipped_view_as_of):
    return shipped_view_as_of


# Each report is built once per test session and shared by the tests that read it:
# a build runs every chapter notebook through papermill, which takes seconds.
@pytest.fixture(scope="session")
def built_report(tmp_path_factory) -> Path:
    """The report on the shipped data, with default parameters and the with-code page."""
    from crosscheck.report import BuildOptions, build

    out = tmp_path_factory.mktemp("report")
    build(BuildOptions(data_dir=DATA, out_dir=out, with_code=True, progress=False))
    return out


@pytest.fixture(scope="session")
def early_report(tmp_path_factory) -> Path:
    """The report as it would have been on 20 October 2024."""
    from crosscheck.report import BuildOptions, build

    out = tmp_path_factory.mktemp("early-report")
    build(BuildOptions(data_dir=DATA, as_of="2024-10-20", out_dir=out, progress=False))
    return out


SEED_ARTICLE = "dt-2024-10-23"


@pytest.fixture(scope="session")
def seed_only_rebuild(built_report, tmp_path_factory) -> Path:
    """A copy of `built_report` rebuilt on the seed article alone (`articles`): a rebuild
    on fewer articles, read for what changed since the previous build (test_changes) and
    as the first of the two seed-only builds that more data must not move (test_subset)."""
    from crosscheck.report import BuildOptions, build

    out = tmp_path_factory.mktemp("seed-only") / "reports"
    shutil.copytree(built_report, out)
    build(BuildOptions(data_dir=DATA, out_dir=out, articles=[SEED_ARTICLE], progress=False))
    return out


RALLY = ROOT / "tests" / "topics" / "rally"


@pytest.fixture(scope="session")
def rally_report(tmp_path_factory) -> Path:
    """The report on another topic's data (a rally's crowd size, tests/topics/rally/)."""
    from crosscheck.report import BuildOptions, build

    out = tmp_path_factory.mktemp("rally")
    build(BuildOptions(data_dir=RALLY, out_dir=out, progress=False))
    return out


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session (Playwright allows one sync driver)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs it with apt-get as root")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def scripts_report(tmp_path_factory) -> Path:
    """The report on the shipped data with names in Hangul, Cyrillic and Arabic and claims
    a year later (factories.two_year_scripts_data): charts across two years, in three
    scripts."""
    from crosscheck.report import BuildOptions, build

    from factories import two_year_scripts_data

    data = two_year_scripts_data(tmp_path_factory.mktemp("scripts-data") / "data")
    out = tmp_path_factory.mktemp("scripts-report")
    build(BuildOptions(data_dir=data, out_dir=out, progress=False))
    return out


def chapter(folder: Path, name: str, *sources: str) -> Path:
    """A minimal chapter notebook named 01_<name>.ipynb: a title, the parameters every
    chapter takes, then one code cell per source."""
    import nbformat

    folder.mkdir(exist_ok=True)
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('data_dir = "data"\nas_of = None\ntables_dir = None')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# {name}"), parameters]
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.metadata["language_info"] = {"name": "python"}
    path = folder / f"01_{name}.ipynb"
    nbformat.write(notebook, path)
    return path


# The selections that leave chapters little or nothing to show (issue 14, "empty is a
# state"), each built once per session; a measure with one figure is `early_report`.
def _selection_report(tmp_path_factory, name: str, **selection) -> Path:
    from crosscheck.report import BuildOptions, build

    out = tmp_path_factory.mktemp(name)
    build(BuildOptions(data_dir=DATA, out_dir=out, progress=False, **selection))
    return out


@pytest.fixture(scope="session")
def report_before_any_claim(tmp_path_factory) -> Path:
    """The report as it would have been on 1 October 2024, before the first claim."""
    return _selection_report(tmp_path_factory, "before-any-claim", as_of="2024-10-01")


@pytest.fixture(scope="session")
def report_without_figures(tmp_path_factory) -> Path:
    """The report on 16 October 2024: two claims (TASS, Ukrainska Pravda), no figure."""
    return _selection_report(tmp_path_factory, "without-figures", as_of="2024-10-16")


@pytest.fixture(scope="session")
def report_of_an_article_without_figures(tmp_path_factory) -> Path:
    """The report on TASS's article of 10 October 2024 alone: one claim, no figure."""
    return _selection_report(tmp_path_factory, "article-without-figures",
                             articles=["tass-2024-10-10"])  # fmt: skip


@pytest.fixture(scope="session")
def report_of_one_source(tmp_path_factory) -> Path:
    """The report on Kyiv Independent's article of 17 October 2024 alone: one source
    (Zelenskyy), one figure."""
    return _selection_report(tmp_path_factory, "one-source",
                             articles=["kyivindependent-2024-10-17"])  # fmt: skip
