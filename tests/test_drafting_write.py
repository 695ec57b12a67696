"""Writing a draft: a second draft never lands on a reviewed one, and the folder says
what its review columns mean."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from crosscheck.cli import main
from crosscheck.drafting import REVIEW_COLUMNS, draft_article, write_draft
from crosscheck.drafting.write import PROPOSED_ACTOR, README, free_folder
from crosscheck.load import load_dataset

from conftest import DATA, read_rows, set_cell

# One figure by a known claimant (South Korea's spy agency is in the data), dated.
ONE_FIGURE = (
    "South Korea's spy agency said on Monday that North Korea had sent about 2,000 more "
    "soldiers to Russia.\n"
)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def draft(dataset, text: str = ONE_FIGURE):
    return draft_article(text, date(2025, 1, 13), dataset, "Test Wire", None, None)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_draft_goes_to_the_folder_asked_for_when_it_is_new_or_empty(dataset, tmp_path):
    assert write_draft(draft(dataset), tmp_path / "new") == tmp_path / "new"
    (tmp_path / "empty").mkdir()
    assert write_draft(draft(dataset), tmp_path / "empty") == tmp_path / "empty"


def test_a_second_and_third_draft_get_numbered_folders_after_the_whole_name(dataset, tmp_path):
    first = write_draft(draft(dataset), tmp_path / "tw-2025-01-13")
    second = write_draft(draft(dataset), tmp_path / "tw-2025-01-13")
    third = write_draft(draft(dataset), tmp_path / "tw-2025-01-13")
    # the number follows the day in the id: never "tw-2025-01-14"
    assert [first.name, second.name, third.name] == [
        "tw-2025-01-13",
        "tw-2025-01-13-2",
        "tw-2025-01-13-3",
    ]


def test_a_second_draft_leaves_every_byte_of_the_reviewed_one(dataset, tmp_path):
    first = write_draft(draft(dataset), tmp_path / "draft")
    set_cell(first / "claims.csv", 0, "summary", "Reviewed by hand.")
    reviewed = snapshot(first)
    write_draft(draft(dataset), tmp_path / "draft")
    assert snapshot(first) == reviewed


def test_overwrite_replaces_the_draft_in_place(dataset, tmp_path):
    first = write_draft(draft(dataset), tmp_path / "draft")
    set_cell(first / "claims.csv", 0, "summary", "Reviewed by hand.")
    assert write_draft(draft(dataset), tmp_path / "draft", overwrite=True) == first
    assert read_rows(first / "claims.csv")[0]["summary"] != "Reviewed by hand."
    assert not (tmp_path / "draft-2").exists()


def test_a_file_in_the_way_counts_as_taken(tmp_path):
    (tmp_path / "draft").write_text("not a folder")
    assert free_folder(tmp_path / "draft") == tmp_path / "draft-2"


def test_the_readme_names_every_review_column_and_the_threshold(dataset, tmp_path):
    folder = write_draft(draft(dataset), tmp_path / "draft")
    text = (folder / README).read_text(encoding="utf-8")
    described = {line.split()[0] for line in text.splitlines() if line.startswith("  ")}
    assert set(REVIEW_COLUMNS) <= described
    assert "empty or at least 0.5" in text
    assert f"crosscheck accept {folder}" in text


def test_proposed_actors_carry_a_review_cell(dataset, tmp_path):
    result = draft(dataset)
    actor = {column: "" for column in result.actors.columns} | {
        "actor_id": "harbour-watch",
        "name": "Harbour Watch",
    }
    actors = pd.DataFrame([actor], columns=result.actors.columns, dtype="string")
    with_actor = dataclasses.replace(result, actors=actors)
    folder = write_draft(with_actor, tmp_path / "draft")
    [row] = read_rows(folder / "actors.csv")
    assert (row["actor_id"], row["review"]) == ("harbour-watch", PROPOSED_ACTOR)


def run_draft(article: Path, *more: str) -> int:
    return main(["draft", str(article), "--published", "2025-01-13", "--outlet", "Test Wire",
                 "--data", str(DATA), *more])  # fmt: skip


def test_the_draft_command_says_where_a_second_draft_went(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ONE_FIGURE, encoding="utf-8")
    assert run_draft(article) == 0
    first = capsys.readouterr().out.splitlines()
    assert first[0] == "drafted 1 candidate claim and 0 proposed actors into drafts/tw-2025-01-13/"
    assert run_draft(article) == 0
    second = capsys.readouterr().out.splitlines()
    assert second[:2] == [
        "drafted 1 candidate claim and 0 proposed actors into drafts/tw-2025-01-13-2/",
        "drafts/tw-2025-01-13/ holds an earlier draft, left as it was (--force overwrites it)",
    ]
    assert second[-1].endswith("then: crosscheck accept drafts/tw-2025-01-13-2")
    assert run_draft(article, "--force") == 0
    forced = capsys.readouterr().out.splitlines()
    assert forced[0].endswith("into drafts/tw-2025-01-13/")
    assert sorted(path.name for path in (tmp_path / "drafts").iterdir()) == [
        "tw-2025-01-13",
        "tw-2025-01-13-2",
    ]


def test_the_draft_command_counts_in_the_plural_and_the_singular(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ONE_FIGURE + "The Kremlin denied the report.\n", encoding="utf-8")
    assert run_draft(article, "--out", str(tmp_path / "draft")) == 0
    output = capsys.readouterr().out
    assert output.startswith("drafted 2 candidate claims and 0 proposed actors into ")


def test_the_draft_command_asks_for_the_day_of_one_article(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ONE_FIGURE, encoding="utf-8")
    assert main(["draft", str(article), "--data", str(DATA)]) == 1
    assert capsys.readouterr().err == (
        "cannot draft: give the article's publication day, --published YYYY-MM-DD\n"
    )
