"""Every chapter parameter is checked before a kernel starts (issue 14, item 5)."""

from __future__ import annotations

import ast
import glob
from pathlib import Path

import papermill
import pytest
import yaml

from crosscheck import chapter_parameters
from crosscheck.chapter_parameters import KINDS, ParameterError, check
from crosscheck.load import load_dataset
from crosscheck.report import BuildError, BuildOptions, as_papermill_values, build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def test_every_parameter_a_notebook_declares_has_a_kind():
    notebooks = glob.glob(str(ROOT / "notebooks" / "*.ipynb"))
    notebooks += glob.glob(str(ROOT / "notebooks" / "exercises" / "*.ipynb"))
    declared = {name for nb in notebooks for name in papermill.inspect_notebook(nb)}
    assert declared, "no parameters found: the notebooks moved?"
    assert declared - set(KINDS) == set(), "give each new parameter a kind in chapter_parameters"


def test_the_defaults_of_the_shipped_chapters_pass_their_own_checks(dataset):
    # A default that its own kind refuses would make the check refuse a correct build.
    for nb in glob.glob(str(ROOT / "notebooks" / "0*.ipynb")):
        defaults = {
            name: ast.literal_eval(info["default"])
            for name, info in papermill.inspect_notebook(nb).items()
        }
        check(as_papermill_values(defaults), dataset)


@pytest.mark.parametrize(
    ("name", "typed", "words"),
    [
        ("known_on_day", "20/10/2024", ["known_on_day", "'20/10/2024'", "not a day", "YYYY-MM-DD"]),
        ("known_on_day", "2024-02-30", ["known_on_day", "not a day"]),
        ("snapshot_days", "2024-10-18", ["snapshot_days", "not a list", "a list of days"]),
        ("snapshot_days", "[2024-10-18, tomorrow]", ["snapshot_days", "'tomorrow' is not a day"]),
        ("measure", "troops_everywhere", ["measure", "'troops_everywhere'", "measures.csv"]),
        ("snapshot_measures", "[troops_dispatched, nope]", ["snapshot_measures", "'nope'"]),
        ("deployment_claim_types", "[presence, rumour]", ["'rumour'", "claim_types.csv"]),
        ("window_days", "seven", ["window_days", "'seven'", "a whole number"]),
        ("approximate_margin", "[0.1]", ["approximate_margin", "a number"]),
        ("grade_overrides", "rok-nis", ["grade_overrides", "a mapping"]),
        ("as_of", "yesterday", ["as_of", "'yesterday'", "YYYY-MM-DD"]),
    ],
)
def test_a_value_a_chapter_cannot_take_names_the_parameter_value_and_what_it_takes(
    dataset, name, typed, words
):
    value = as_papermill_values(chapter_parameters.read_value(typed))  # as `-p` reads it
    with pytest.raises(ParameterError) as raised:
        check({name: value}, dataset)
    for word in words:
        assert word in str(raised.value)


def test_values_typed_as_yaml_types_them_pass(dataset):
    given = {
        name: as_papermill_values(yaml.safe_load(typed))
        for name, typed in {
            "known_on_day": "2024-10-20",
            "snapshot_days": "[2024-10-18, '2024-10-23']",
            "measure": "troops_dispatched",
            "window_days": "14",
            "approximate_margin": "0.1",
            "grade_overrides": "{rok-nis: B2}",
            "as_of": "null",
            "target_measure": "null",
        }.items()
    }
    check(given, dataset)  # raises if any is refused


def test_every_mistake_is_listed_at_once(dataset):
    with pytest.raises(ParameterError) as raised:
        check({"known_on_day": "soon", "measure": "nope", "window_days": 7}, dataset)
    lines = str(raised.value).splitlines()
    assert [line.split(" =")[0] for line in lines] == [
        "parameter known_on_day",
        "parameter measure",
    ]


def test_a_value_json_cannot_carry_is_refused_before_a_kernel_gets_it(dataset):
    with pytest.raises(ParameterError, match="unknown_one = .*cannot be passed to a notebook"):
        check({"student": "Ann", "unknown_one": {1, 2}}, dataset)


def test_a_build_refuses_a_bad_parameter_before_any_kernel_starts(tmp_path, monkeypatch):
    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(papermill, "execute_notebook", no_kernel)
    with pytest.raises(BuildError, match=r"parameter known_on_day = '20/10/2024'.*YYYY-MM-DD"):
        build(BuildOptions(data_dir=DATA, out_dir=tmp_path, progress=False,
                           parameters={"known_on_day": "20/10/2024"}))  # fmt: skip
    assert not (tmp_path / "index.html").exists()


def test_a_bad_parameter_in_report_yml_is_named_too(tmp_path, data_copy, monkeypatch):
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: 1 / 0)
    settings = data_copy / "report.yml"
    settings.write_text(
        settings.read_text() + "parameters:\n  snapshot_days: 2024-10-18\n", encoding="utf-8"
    )
    with pytest.raises(BuildError, match="parameter snapshot_days = '2024-10-18': not a list"):
        build(BuildOptions(data_dir=data_copy, out_dir=tmp_path / "out", progress=False))


def test_kinds_name_no_topic():
    # Which measures exist comes from the data; the kinds say only what sort of value.
    takes = " ".join(kind.takes for kind in set(chapter_parameters.KINDS.values()))
    assert "troops" not in takes


def test_an_impossible_unquoted_day_in_report_yml_is_a_problem_not_a_traceback(tmp_path):
    from crosscheck.problems import DataError
    from crosscheck.settings import read_settings

    (tmp_path / "report.yml").write_text("parameters:\n  known_on_day: 2024-02-30\n")
    with pytest.raises(DataError, match=r"report.yml: not valid YAML \(quote a day"):
        read_settings(tmp_path)


@pytest.mark.parametrize(
    "folder", [DATA, *sorted(p for p in (ROOT / "tests" / "topics").iterdir() if p.is_dir())],
    ids=lambda folder: folder.name,
)  # fmt: skip
def test_the_parameters_of_every_shipped_report_yml_pass(folder):
    from crosscheck.settings import read_settings

    given = as_papermill_values(read_settings(folder).parameters or {})
    check(given, load_dataset(folder))


def test_validate_checks_the_parameters_of_report_yml_as_a_build_would(data_copy, capsys):
    from crosscheck.cli import main

    assert main(["validate", str(data_copy)]) == 0
    settings = data_copy / "report.yml"
    settings.write_text(
        settings.read_text() + "parameters:\n  known_on_day: '2024-02-30'\n", encoding="utf-8"
    )
    assert main(["validate", str(data_copy)]) == 1
    said = capsys.readouterr().err
    assert "report.yml: parameter known_on_day = '2024-02-30': not a day" in said
