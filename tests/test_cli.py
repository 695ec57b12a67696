import pytest

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


def test_draft_then_accept_adds_an_articles_claims_to_the_data(data_copy, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(
        "South Korea's spy agency said on Monday that North Korea had sent about 2,000 more "
        "soldiers to Russia. The Kremlin denied the report.\n"
    )
    before = (data_copy / "claims.csv").read_bytes()
    draft = tmp_path / "draft"
    assert main(["draft", str(article), "--published", "2025-01-13", "--outlet", "Test Wire",
                 "--data", str(data_copy), "--out", str(draft)]) == 0  # fmt: skip
    assert "crosscheck accept" in capsys.readouterr().out
    assert main(["accept", str(draft), "--data", str(data_copy)]) == 0
    after = (data_copy / "claims.csv").read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert main(["validate", str(data_copy)]) == 0
    assert main(["accept", str(draft), "--data", str(data_copy)]) == 1  # not twice
    assert "already exists" in capsys.readouterr().err


def test_draft_refuses_an_impossible_publication_day(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("Nothing happened.\n")
    assert main(["draft", str(article), "--published", "2024-02-30"]) == 1
    assert "cannot draft" in capsys.readouterr().err


def test_draft_of_a_file_that_is_not_utf8_says_how_to_fix_it(tmp_path, capsys):
    article = tmp_path / "latin1.txt"
    article.write_bytes(
        "Headline\nThe NIS said 3,000 troops were sent to Russia, café.".encode("latin-1")
    )
    code = main(["draft", str(article), "--published", "2024-10-23", "--out", str(tmp_path / "d")])
    assert code == 1
    assert "save it as UTF-8" in capsys.readouterr().err


def test_draft_into_a_path_that_is_a_file_is_refused_without_a_traceback(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Headline\nThe NIS said 3,000 troops were sent.", encoding="utf-8")
    target = tmp_path / "taken"
    target.write_text("not a draft", encoding="utf-8")
    code = main(["draft", str(article), "--published", "2024-10-23", "--out", str(target),
                 "--force"])  # fmt: skip
    assert code == 1
    assert "is a file, not a draft folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "not a draft"


@pytest.mark.parametrize(
    "command", [["class", "compare", "answers"], ["class", "pack", "--as-of", "2024-10-23"]]
)
def test_a_class_output_that_is_a_file_is_refused_in_a_sentence(command, tmp_path, capsys):
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")
    assert main([*command, "--out", str(taken)]) == 2
    assert f"--out {taken} is a file, not a folder" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "not a folder"
