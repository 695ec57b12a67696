"""The rendered report: built by papermill and nbconvert, read as a reader would."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from crosscheck.report import BuildError, BuildOptions, build, chapter_notebooks

from conftest import DATA, ROOT, read_rows, write_rows


def _chapter_titles() -> list[str]:
    notebooks = [nbformat.read(path, as_version=4) for path in chapter_notebooks()]
    return [nb.cells[0].source.splitlines()[0].removeprefix("# ") for nb in notebooks]


CHAPTERS = _chapter_titles()
CHARTS = sum(path.read_text().count("chapter.chart(") for path in chapter_notebooks())


def page(report: Path, name: str = "index.html") -> str:
    return (report / name).read_text(encoding="utf-8")


def test_the_report_has_every_chapter_in_order(built_report):
    html = page(built_report)
    positions = [html.find(f">{chapter}<") for chapter in CHAPTERS]
    assert -1 not in positions and positions == sorted(positions)


def test_every_table_of_contents_entry_links_to_a_heading_of_the_page(built_report):
    html = page(built_report)
    toc = re.search(r'<nav class="crosscheck-toc">(.*?)</nav>', html, re.S).group(1)
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert len(anchors) >= len(CHAPTERS) + 6
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_the_key_figures_of_the_article_are_in_the_report(built_report):
    html = page(built_report)
    for figure in ("1,500", "3,000", "10,000", "12,000"):
        assert figure in html


def test_the_reader_page_shows_no_code_and_no_prompts(built_report):
    html = page(built_report)
    body = html.split("<body", 1)[1]
    assert "hl-ipython3" not in body and "jp-InputPrompt" not in body
    assert "crosscheck.notebook" not in body and "tables_dir =" not in body


def test_the_with_code_page_shows_the_code(built_report):
    html = page(built_report, "report-with-code.html")
    body = html.split("<body", 1)[1]
    assert "hl-ipython3" in body and "crosscheck.notebook" in body


@pytest.mark.parametrize("name", ["index.html", "report-with-code.html"])
def test_the_page_asks_for_nothing_from_another_host(built_report, name):
    html = page(built_report, name)
    # What makes a browser fetch: a source of a script, image or frame, a stylesheet
    # link, a CSS url() or import. Plain <a href> links only go where a reader clicks.
    external = re.findall(
        r"<(?:script|img|iframe|source|audio|video|embed|object)\b[^>]*\b(?:src|data)\s*=\s*"
        r"[\"']?\s*(?:https?:)?//|<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//",
        html,
        re.I,
    )
    # url(#id) names a gradient or clip path in the page itself (inline SVG), not a file.
    css_urls = re.findall(r"url\(\s*['\"]?(?!data:|#)[^)]*\)", html)
    imports = re.findall(r"@import\s+(?:url\()?\s*['\"]?https?:|import\s*\(\s*['\"]https?:", html)
    assert not external and not css_urls and not imports
    assert "default-src 'none'" in html  # the browser is told to refuse any request


def test_the_charts_are_inline_svg_with_their_text_as_text_and_alt_text(built_report):
    html = page(built_report)
    assert "<img " not in html  # no chart drawn as pixels
    charts = re.findall(r'<figure class="crosscheck-figure".*?</figure>', html, re.S)
    assert len(charts) == CHARTS >= 5
    for chart in charts:
        svg = re.search(r"<svg [^>]*>", chart).group(0)
        assert 'role="img"' in svg and re.search(r'aria-label="[^"]{10,}"', svg)
        # Text stays text (svg.fonttype none): the reader's browser draws every script.
        assert "<text" in chart and "<figcaption>" in chart and ".csv</a>" in chart


def test_the_header_says_which_data_parameters_and_version_built_it(built_report):
    html = page(built_report)
    header = re.search(r'<header class="crosscheck-header">(.*?)</header>', html, re.S).group(1)
    for label in ("data folder", "data fingerprint", "cut-off date (as_of)", "built with"):
        assert label in header
    claims = len(read_rows(DATA / "claims.csv"))
    assert f"{claims:,} claims" in header and "crosscheck 0." in header


def test_every_table_and_chart_has_its_data_as_csv(built_report):
    html = page(built_report)
    linked = set(re.findall(r'href="data/([a-z_]+\.csv)"', html))
    written = {path.name for path in (built_report / "data").glob("*.csv")}
    # The snapshot is the build's record for the next build, not a table of the page.
    assert linked == written - {"claims_snapshot.csv"} and len(written) >= 10


def test_the_executed_notebooks_are_kept_beside_the_report(built_report):
    executed = sorted(path.name for path in (built_report / "notebooks").glob("*.ipynb"))
    assert executed == [path.name for path in chapter_notebooks()]
    notebook = nbformat.read(built_report / "notebooks" / executed[0], as_version=4)
    assert any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_a_cut_off_before_23_october_drops_the_3000_and_keeps_the_1500(built_report, early_report):
    before = pd.read_csv(early_report / "data" / "estimates.csv")
    after = pd.read_csv(built_report / "data" / "estimates.csv")
    assert 3000 in after["best"].tolist() and 3000 not in before["best"].tolist()
    assert 1500 in before["best"].tolist()
    assert "2024-10-20" in page(early_report)


def test_a_cut_off_drops_every_claim_first_stated_on_22_or_23_october(early_report):
    claims = pd.read_csv(early_report / "data" / "claims.csv")
    assert not claims.empty
    # A claim dated only by its page reads 'by publication (18 Oct 2024)': its day counts.
    days = claims["stated"].str.extract(r"(\d{1,2} \w{3} \d{4})")[0]
    assert days.notna().all()
    assert pd.to_datetime(days, format="%d %b %Y").max() <= pd.Timestamp("2024-10-21")


def failing_chapter(folder: Path) -> Path:
    folder.mkdir()
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('data_dir = "data"\nas_of = None\ntables_dir = None')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A chapter that breaks"),
        parameters,
        nbformat.v4.new_code_cell("print('working')"),
        nbformat.v4.new_code_cell("raise RuntimeError('this chapter is broken on purpose')"),
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.write(notebook, folder / "01_broken.ipynb")
    return folder


def test_a_failing_notebook_leaves_the_last_good_report_untouched(built_report, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built_report, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    chapters = failing_chapter(tmp_path / "chapters")
    with pytest.raises(BuildError) as caught:
        build(
            BuildOptions(
                data_dir=DATA, out_dir=out, notebooks=[*chapters.glob("*.ipynb")], progress=False
            )
        )
    message = str(caught.value)
    assert "01_broken.ipynb" in message and "cell 4" in message
    assert "broken on purpose" in message
    after = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.parts[len(out.parts)] != "failed"
    }
    assert after == before
    assert (out / "failed" / "01_broken.ipynb").exists()
    assert not list(out.glob(".building-*"))


def test_bad_data_stops_the_build_before_any_notebook_runs(data_copy, tmp_path):
    from crosscheck.problems import DataError

    rows = read_rows(data_copy / "claims.csv")
    rows[0]["stance"] = "maybe"
    write_rows(data_copy / "claims.csv", rows)
    with pytest.raises(DataError):
        build(BuildOptions(data_dir=data_copy, out_dir=tmp_path / "out", progress=False))
    assert not (tmp_path / "out" / "index.html").exists()


def test_one_notebook_runs_by_hand_with_papermill_from_the_project_root(tmp_path, monkeypatch):
    import papermill

    monkeypatch.chdir(ROOT)
    output = tmp_path / "estimates.ipynb"
    papermill.execute_notebook(
        "notebooks/02_estimates.ipynb",
        str(output),
        parameters={"as_of": "2024-10-20"},
        kernel_name="python3",
        progress_bar=False,
    )
    text = output.read_text()
    assert "1,500" in text and "3,000 soldiers" not in text


def test_overriding_a_grade_changes_the_weighted_estimates(built_report, tmp_path):
    import papermill

    papermill.execute_notebook(
        str(ROOT / "notebooks" / "04_sources.ipynb"),
        str(tmp_path / "sources.ipynb"),
        parameters={
            "data_dir": str(DATA),
            "tables_dir": str(tmp_path / "tables"),
            "grade_overrides": {"rok-nis": "E5"},
        },
        kernel_name="python3",
        progress_bar=False,
    )
    default = pd.read_csv(built_report / "data" / "weighted_estimates.csv")
    changed = pd.read_csv(tmp_path / "tables" / "weighted_estimates.csv")
    assert not changed["weighted estimate"].equals(default["weighted estimate"])
    grades = pd.read_csv(tmp_path / "tables" / "source_grades.csv").set_index("actor_id")
    assert grades.loc["rok-nis", "grade"] == "E5"


def test_a_parameter_no_chapter_takes_is_refused_before_anything_runs(tmp_path):
    with pytest.raises(BuildError, match="no chapter takes the parameter colour"):
        build(BuildOptions(data_dir=DATA, out_dir=tmp_path, parameters={"colour": "red"},
                           progress=False))  # fmt: skip
    assert not (tmp_path / "index.html").exists()


def test_a_chapter_run_from_notebooks_as_jupyterlab_does_gives_the_builds_tables(
    built_report, tmp_path
):
    """JupyterLab runs a notebook with notebooks/ as its working folder and the
    defaults of its parameters cell: the tables must be the build's."""
    import papermill

    papermill.execute_notebook(
        str(ROOT / "notebooks" / "02_estimates.ipynb"),
        str(tmp_path / "estimates.ipynb"),
        parameters={"tables_dir": str(tmp_path / "tables")},
        cwd=str(ROOT / "notebooks"),
        kernel_name="python3",
        progress_bar=False,
    )
    for name in ("estimates.csv", "estimate_comparison.csv"):
        assert (tmp_path / "tables" / name).read_bytes() == (
            built_report / "data" / name
        ).read_bytes()


def test_a_day_typed_by_yaml_reaches_the_chapters_as_iso_text():
    # `-p known_on_day 2024-10-20` and an unquoted day in report.yml are read by YAML as
    # dates; the kernel's JSON cannot carry a date.
    import datetime

    import yaml

    from crosscheck.report import as_papermill_values

    typed = {"known_on_day": yaml.safe_load("2024-10-20"),
             "snapshot_days": yaml.safe_load("[2024-10-18, 2024-10-23]"),
             "grade_overrides": {"rok-nis": "B2"}, "window_days": 7}  # fmt: skip
    assert isinstance(typed["known_on_day"], datetime.date)
    assert as_papermill_values(typed) == {
        "known_on_day": "2024-10-20",
        "snapshot_days": ["2024-10-18", "2024-10-23"],
        "grade_overrides": {"rok-nis": "B2"},
        "window_days": 7,
    }


def test_a_build_given_a_day_as_a_date_runs_the_chapter_that_takes_it(tmp_path):
    import datetime

    classroom = [path for path in chapter_notebooks() if "classroom" in path.stem]
    build(BuildOptions(data_dir=DATA, out_dir=tmp_path, notebooks=classroom, progress=False,
                       parameters={"known_on_day": datetime.date(2024, 10, 20)}))  # fmt: skip
    executed = (tmp_path / "notebooks" / classroom[0].name).read_text()
    assert 'known_on_day = \\"2024-10-20\\"' in executed
