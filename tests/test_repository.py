"""The repository's own promises: CI runs the README's test command, the README shows it."""

from conftest import ROOT


def test_ci_runs_exactly_the_readme_test_command():
    lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    commands = [line for line in lines if not line.startswith(("set ", "cd "))]
    assert commands == ["make test"]


def test_the_readme_shows_both_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make report" in readme and "make test" in readme


def test_make_report_and_make_test_each_set_up_the_environment_first():
    makefile = (ROOT / "Makefile").read_text()
    assert "report: $(SETUP)" in makefile and "test: $(SETUP) browser" in makefile
    assert "pip install" in makefile and "-m venv" in makefile
