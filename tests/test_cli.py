from crosscheck.cli import main

from conftest import DATA, set_cell


def test_validate_prints_one_line_of_counts_for_valid_data(capsys):
    assert main(["validate", str(DATA)]) == 0
    output = capsys.readouterr().out.strip().splitlines()
    assert len(output) == 1 and "valid" in output[0] and "claims" in output[0]


def test_validate_lists_every_problem_and_exits_non_zero(data_copy, capsys):
    set_cell(data_copy / "claims.csv", 0, "stance", "maybe")
    set_cell(data_copy / "actors.csv", 0, "alignment", "both")
    assert main(["validate", str(data_copy)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("2 problems in the data:")
    assert "claims.csv:2: column 'stance': value 'maybe'" in error
    assert "actors.csv:2: column 'alignment': value 'both'" in error
    assert "Traceback" not in error
