"""The data dictionary as a Frictionless Data Package: data/datapackage.json and the
report's reports/data/datapackage.json, checked by the standard's own validator."""

from __future__ import annotations

import csv
import json

import pandera.pandas as pa
import pytest

from crosscheck import datapackage, schema
from crosscheck.cli import main

from conftest import DATA, read_rows, set_cell, write_rows


def validate(path):
    """frictionless validate, as its command line runs it: every row, every foreign key.
    Skips the test where frictionless (a test dependency) is not installed; the tests
    that need no validator run anyway."""
    frictionless = pytest.importorskip("frictionless", reason="frictionless is not installed")
    return frictionless.validate(str(path))


def errors_of(report) -> list:
    return [error for task in report.tasks for error in task.errors]


def resource(package: dict, name: str) -> dict:
    return next(r for r in package["resources"] if r["name"] == name)


def field(package: dict, table: str, column: str) -> dict:
    return next(f for f in resource(package, table)["schema"]["fields"] if f["name"] == column)


# --- data/datapackage.json --------------------------------------------------------------


def test_the_shipped_package_is_what_crosscheck_datapackage_writes(capsys):
    assert main(["datapackage", str(DATA), "--check"]) == 0
    assert "is current" in capsys.readouterr().out


def test_check_fails_and_says_what_to_run_when_the_dictionary_changed(data_copy, capsys):
    readme = data_copy / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("The claim in our own words", "The claim, ours"), "utf-8")
    assert main(["datapackage", str(data_copy), "--check"]) == 1
    assert f"run `crosscheck datapackage {data_copy}`" in capsys.readouterr().err


def test_crosscheck_datapackage_writes_the_shipped_file_again(data_copy):
    (data_copy / "datapackage.json").unlink()
    assert main(["datapackage", str(data_copy)]) == 0
    assert (data_copy / "datapackage.json").read_text() == (DATA / "datapackage.json").read_text()


def test_frictionless_finds_the_shipped_data_valid_row_by_row():
    report = validate(DATA / "datapackage.json")
    assert report.valid, errors_of(report)
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows["claims"] == len(read_rows(DATA / "claims.csv"))
    assert set(rows) == {table.name for table in schema.TABLES}


def test_a_column_carries_the_dictionarys_words_and_the_schemas_rules():
    package = json.loads((DATA / "datapackage.json").read_text())
    stance = field(package, "claims", "stance")
    assert stance["description"].startswith("`asserts` (says it is so), `denies`")
    assert stance["constraints"] == {
        "required": True,
        "enum": sorted(schema.STANCES),
        "maxLength": schema.MAX_TEXT_CHARS,
    }
    assert field(package, "claims", "best")["constraints"] == {"minimum": 0}
    assert field(package, "claims", "evidence")["constraints"]["maxLength"] == 300
    assert field(package, "claims", "claim_id")["constraints"]["pattern"] == "[a-z0-9][a-z0-9-]*"
    assert field(package, "claims", "direct_quote") | {"description": ""} == {
        "name": "direct_quote", "description": "", "type": "boolean",
        "trueValues": ["yes"], "falseValues": ["no"], "constraints": {"required": True},
    }  # fmt: skip
    assert field(package, "articles", "published_on")["type"] == "date"
    assert field(package, "grades", "reliability")["constraints"]["enum"] == list("ABCDEF")
    assert field(package, "grades", "credibility")["constraints"]["enum"] == list("123456")
    # The dictionary writes a pipe inside a table cell as \|; the package says it plainly.
    assert "` | ` (`Zelensky | Zelenskiy" in field(package, "actors", "aliases")["description"]


def test_every_reference_between_tables_is_a_foreign_key():
    package = json.loads((DATA / "datapackage.json").read_text())
    keys = {
        (r["name"], key["fields"], key["reference"]["resource"] or r["name"],
         key["reference"]["fields"])
        for r in package["resources"]
        for key in r["schema"].get("foreignKeys", [])
    }  # fmt: skip
    assert keys == {
        ("claims", "article_id", "articles", "article_id"),
        ("claims", "claimant_id", "actors", "actor_id"),
        ("claims", "relayed_via_id", "actors", "actor_id"),
        ("claims", "claim_type", "claim_types", "claim_type"),
        ("claims", "measure", "measures", "measure"),
        ("claims", "relates_to", "claims", "claim_id"),
        ("actors", "part_of", "actors", "actor_id"),
        ("actors", "alignment", "alignments", "alignment"),
        ("measure_cues", "measure", "measures", "measure"),
        ("grades", "actor_id", "actors", "actor_id"),
        ("ach_ratings", "claim_id", "claims", "claim_id"),
        ("ach_ratings", "hypothesis_id", "hypotheses", "hypothesis_id"),
    }
    primary = {r["name"]: r["schema"]["primaryKey"] for r in package["resources"]}
    assert primary["ach_ratings"] == ["claim_id", "hypothesis_id"]
    assert primary["grades"] == ["actor_id"]


@pytest.mark.parametrize(
    ("column", "value", "error_type"),
    [
        ("best", "-5", "constraint-error"),
        ("stance", "maybe", "constraint-error"),
        ("claimant_id", "nobody-at-all", "foreign-key"),
    ],
    ids=["negative count", "stance outside the vocabulary", "dangling reference"],
)
def test_frictionless_names_the_field_of_a_broken_cell(data_copy, column, value, error_type):
    line = set_cell(data_copy / "claims.csv", 3, column, value)
    [error] = errors_of(validate(data_copy / "datapackage.json"))
    assert error.type == error_type
    assert error.row_number == line
    # A constraint error names its field; a foreign-key error names it in its message.
    assert column in (getattr(error, "field_name", None), *error.message.split('"'))


def test_optional_files_and_columns_may_be_absent(data_copy):
    for name in ("grades", "hypotheses", "ach_ratings", "nationalities", "measure_cues"):
        (data_copy / f"{name}.csv").unlink()
    actors = read_rows(data_copy / "actors.csv")
    kept = [c for c in actors[0] if c not in ("part_of", "aliases")]
    write_rows(data_copy / "actors.csv", [{c: row[c] for c in kept} for row in actors], kept)
    datapackage.write_data_package(data_copy)
    package = json.loads((data_copy / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == [
        "claim_types", "measures", "alignments", "articles", "actors", "claims"
    ]  # fmt: skip
    assert [f["name"] for f in resource(package, "actors")["schema"]["fields"]] == kept
    report = validate(data_copy / "datapackage.json")
    assert report.valid, errors_of(report)


def test_optional_files_and_columns_may_be_empty(data_copy):
    for name in ("grades", "hypotheses", "ach_ratings"):
        header = next(csv.reader((data_copy / f"{name}.csv").open(encoding="utf-8")))
        (data_copy / f"{name}.csv").write_text(",".join(header) + "\n", encoding="utf-8")
    actors = read_rows(data_copy / "actors.csv")
    write_rows(data_copy / "actors.csv", [row | {"part_of": "", "aliases": ""} for row in actors])
    datapackage.write_data_package(data_copy)
    report = validate(data_copy / "datapackage.json")
    assert report.valid, errors_of(report)


def test_fields_follow_the_order_of_the_files_header(data_copy):
    rows = read_rows(data_copy / "measures.csv")
    order = list(reversed(rows[0]))
    write_rows(data_copy / "measures.csv", rows, order)
    datapackage.write_data_package(data_copy)
    package = json.loads((data_copy / "datapackage.json").read_text())
    assert [f["name"] for f in resource(package, "measures")["schema"]["fields"]] == order
    assert validate(data_copy / "datapackage.json").valid


def test_a_schema_rule_the_package_cannot_state_is_an_error_not_a_silence():
    column = pa.Column(str, pa.Check.str_startswith("x"))
    with pytest.raises(ValueError, match="claims.csv column summary with str_startswith"):
        datapackage._constraints(schema.CLAIMS, "summary", column)


def test_a_folder_without_a_dictionary_takes_the_projects(tmp_path):
    for table in schema.TABLES:
        if not table.optional:
            (tmp_path / table.filename).write_bytes((DATA / table.filename).read_bytes())
    package = datapackage.data_package(tmp_path)
    assert field(package, "claims", "summary")["description"] == (
        "The claim in our own words, one sentence."
    )


def test_a_missing_folder_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["datapackage", str(tmp_path / "nowhere")]) == 1
    assert "data folder does not exist" in capsys.readouterr().err


# --- reports/data/datapackage.json ------------------------------------------------------


def test_an_empty_tables_folder_is_a_package_of_no_resources(tmp_path):
    assert datapackage.export_package(tmp_path)["resources"] == []
    assert datapackage.declaration_mismatches(tmp_path) == [
        f"{name}.csv is declared but not exported"
        for name in sorted(datapackage.export_declarations())
    ]


def test_a_one_row_export_is_described_from_its_declarations(tmp_path):
    (tmp_path / "claims_by_type.csv").write_text("claim type,claims,claimants\nDenial,2,1\n")
    datapackage.write_export_package(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text())
    types = [
        (f["name"], f["type"]) for f in resource(package, "claims_by_type")["schema"]["fields"]
    ]
    assert types == [("claim type", "string"), ("claims", "integer"), ("claimants", "integer")]
    assert validate(tmp_path / "datapackage.json").valid


def test_undeclared_and_unexported_columns_are_named(tmp_path):
    (tmp_path / "claims_by_type.csv").write_text("claim type,claims,new count\nDenial,2,1\n")
    (tmp_path / "made_up.csv").write_text("a\n1\n")
    mismatches = datapackage.declaration_mismatches(tmp_path)
    assert "claims_by_type.csv: column 'new count' has no declaration" in mismatches
    assert "claims_by_type.csv: column 'claimants' is declared but not exported" in mismatches
    assert "made_up.csv is exported but declared nowhere" in mismatches
    fields = resource(datapackage.export_package(tmp_path), "made_up")["schema"]["fields"]
    assert fields == [{"name": "a", "type": "any"}]


@pytest.fixture(params=["built_report", "rally_report"])
def report_data(request):
    """The data folder of a built report: this topic's, and another topic's (no ACH)."""
    return request.getfixturevalue(request.param) / "data"


def test_every_exported_column_is_declared_and_every_declaration_exported(report_data):
    assert datapackage.declaration_mismatches(report_data) == []


def test_frictionless_finds_a_built_reports_tables_valid(report_data):
    package = json.loads((report_data / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} == {p.name for p in report_data.glob("*.csv")}
    report = validate(report_data / "datapackage.json")
    assert report.valid, errors_of(report)


def test_the_reports_package_types_what_the_csv_says(built_report):
    package = json.loads((built_report / "data" / "datapackage.json").read_text())
    overlap = field(package, "estimate_comparison", "intervals overlap")
    assert (overlap["type"], overlap["trueValues"]) == ("boolean", ["yes"])
    assert field(package, "estimate_comparison", "spread")["type"] == "number"
    assert field(package, "leave_one_out", "shift %")["unit"] == "per cent"
    # The snapshot is a record written as pandas writes it: True / False.
    assert field(package, "claims_snapshot", "direct_quote")["trueValues"] == ["True"]
    hypotheses = [h["label"] for h in read_rows(DATA / "hypotheses.csv")]
    matrix = [f["name"] for f in resource(package, "ach_matrix")["schema"]["fields"]]
    assert matrix == ["evidence", "source", "claim", *hypotheses]
