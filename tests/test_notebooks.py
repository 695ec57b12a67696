"""The chapter notebooks as committed: thin, parameterized, documented, without outputs."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import nbformat
import pytest

from crosscheck.report import KERNEL_NAME, chapter_notebooks

NOTEBOOKS = chapter_notebooks()
EXERCISES = sorted((NOTEBOOKS[0].parent / "exercises").glob("*.ipynb"))


def test_the_chapters_come_in_reading_order():
    assert [path.stem for path in NOTEBOOKS] == [
        "01_claims", "02_estimates", "03_timeline", "04_sources", "05_checks", "06_outlets",
        "07_classroom", "08_changes",
    ]  # fmt: skip


@pytest.fixture(params=NOTEBOOKS + EXERCISES, ids=lambda path: path.stem)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def parameter_names(notebook) -> list[str]:
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    return [node.targets[0].id for node in ast.parse(cell.source).body]


def test_the_notebook_is_committed_without_outputs(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_a_title_then_the_analysts_notes_then_the_parameters(notebook):
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# ")
    # The notes fold away in the reader's page ("For analysts: rerun this chapter").
    assert notebook.cells[1].cell_type == "markdown"
    assert notebook.cells[1].metadata.get("tags") == ["analyst"]
    assert notebook.cells[2].metadata.get("tags") == ["parameters"]


def test_the_parameters_cell_holds_plain_assignments_only(notebook):
    cell = notebook.cells[2]
    assert all(isinstance(node, ast.Assign) for node in ast.parse(cell.source).body)


def test_every_parameter_is_documented_in_the_analysts_notes(notebook):
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", notebook.cells[1].source, re.M))
    assert set(parameter_names(notebook)) == documented
    assert {"data_dir", "as_of"} <= documented


@pytest.mark.parametrize("chapter", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_chapter_takes_the_parameters_the_build_passes(chapter):
    names = parameter_names(nbformat.read(chapter, as_version=4))
    assert {"data_dir", "as_of", "tables_dir"} <= set(names)


def test_the_notebook_names_the_kernel_the_build_uses(notebook):
    assert notebook.metadata["kernelspec"]["name"] == KERNEL_NAME


def test_code_cells_are_short_calls_into_the_package(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            tree = ast.parse(cell.source)
            logic = (ast.FunctionDef, ast.ClassDef, ast.For, ast.While)
            assert not any(isinstance(node, logic) for node in ast.walk(tree))
            assert len(cell.source.splitlines()) <= 12


ANALYSIS_PARAMETERS = {"approximate_margin", "window_days", "grade_overrides"}


@pytest.mark.parametrize("chapter", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_chapter_takes_the_parameters_of_the_analysed_view(chapter):
    names = parameter_names(nbformat.read(chapter, as_version=4))
    assert set(names) >= ANALYSIS_PARAMETERS


# The steps of the analysis chain: a notebook that called them would compute its own
# view, with its own parameters, and sooner or later disagree with the others.
CHAIN_STEPS = ("labelled(", "known_as_of(", "mark_standing(", "versions.", "estimates.figures(",
               "in_windows(", "latest_by_source(", "source_grades(", "with_weights(",
               "compare(", "headlines(", "analyse(")  # fmt: skip


def test_no_notebook_runs_the_steps_of_the_analysis_itself(notebook):
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert [step for step in CHAIN_STEPS if step in code] == []


def test_a_chapters_kernel_imports_neither_the_validator_nor_the_graph_library():
    # What a kernel imports before its first cell's work: pandera (validation, done by
    # the build) and networkx (the relay chart only) would add half a second to each.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, crosscheck.notebook, crosscheck.claims; "
         "print(sorted(m for m in ('pandera', 'networkx') if m in sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert loaded == "[]"


def test_the_validator_still_loads_when_data_is_validated():
    from crosscheck import schema
    from crosscheck.load import load_dataset

    from conftest import DATA

    assert len(load_dataset(DATA).claims) > 0
    assert schema.pa.DataFrameSchema.__module__.startswith("pandera")
    with pytest.raises(AttributeError):
        schema.pa.__deepcopy__  # noqa: B018  (copy and pickle find no such hook)
