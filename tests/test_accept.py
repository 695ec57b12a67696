"""Accepting a reviewed draft: append-only, validated on a copy, refusals that name the cell."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from crosscheck.drafting import draft_article, write_draft
from crosscheck.drafting.accept import accept
from crosscheck.load import load_dataset
from crosscheck.problems import DataError

from conftest import DATA, ROOT, read_rows, write_rows

GOLD = ROOT / "tests" / "gold"
TABLES = ("articles.csv", "actors.csv", "claims.csv")


def gold_articles() -> list[tuple[str, str, str]]:
    with (GOLD / "articles.csv").open(newline="", encoding="utf-8") as handle:
        return [(row["file"], row["published"], row["outlet"]) for row in csv.DictReader(handle)]


# The articles written for the tests (the seed, kept outside the repository, is not).
INVENTED = [article for article in gold_articles() if not article[0].startswith("../")]


def make_draft(data_dir: Path, folder: Path, file: str, published: str, outlet: str) -> Path:
    dataset = load_dataset(data_dir)
    text = (GOLD / file).read_text(encoding="utf-8")
    result = draft_article(text, date.fromisoformat(published), dataset, outlet, None, None)
    return write_draft(result, folder)


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(data_dir.iterdir())}


def refusal(draft_folder: Path, data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        accept(draft_folder, data_dir)
    return caught.value.problems


@pytest.fixture
def briefing_draft(data_copy, tmp_path) -> Path:
    """A draft of the first invented gold article, written to its own folder."""
    return make_draft(data_copy, tmp_path / "draft", *INVENTED[0])


@pytest.mark.parametrize("article", INVENTED, ids=lambda article: article[0])
def test_a_drafted_article_merged_into_the_data_validates(data_copy, tmp_path, article):
    folder = make_draft(data_copy, tmp_path / "draft", *article)
    drafted = read_rows(folder / "claims.csv")
    result = accept(folder, data_copy)
    dataset = load_dataset(data_copy)
    assert result.claims == len(drafted)
    assert set(result.claim_ids) <= set(dataset.claims["claim_id"])


def test_accept_appends_without_changing_a_single_existing_byte(data_copy, tmp_path):
    folder = make_draft(data_copy, tmp_path / "draft", *INVENTED[-1])
    before = snapshot(data_copy)
    result = accept(folder, data_copy)
    after = snapshot(data_copy)
    for name in TABLES:
        assert after[name].startswith(before[name]), name
        assert len(after[name]) > len(before[name]), name
    assert {n: b for n, b in after.items() if n not in TABLES} == {
        n: b for n, b in before.items() if n not in TABLES
    }
    assert (result.articles, result.actors) == (1, len(read_rows(folder / "actors.csv")))


def test_accept_returns_how_many_rows_it_appended(data_copy, tmp_path):
    folder = make_draft(data_copy, tmp_path / "draft", *INVENTED[-1])
    rows_before = {name: len(read_rows(data_copy / name)) for name in TABLES}
    result = accept(folder, data_copy)
    rows_after = {name: len(read_rows(data_copy / name)) for name in TABLES}
    assert (result.articles, result.actors, result.claims) == tuple(
        rows_after[name] - rows_before[name] for name in TABLES
    )


def test_accept_keeps_a_files_crlf_line_ends_and_its_column_order(data_copy, tmp_path):
    claims_path = data_copy / "claims.csv"
    rows = read_rows(claims_path)
    reordered = list(reversed(list(rows[0])))
    write_rows(claims_path, rows, reordered)
    crlf = claims_path.read_bytes().replace(b"\n", b"\r\n")
    claims_path.write_bytes(crlf)
    folder = make_draft(data_copy, tmp_path / "draft", *INVENTED[0])
    accept(folder, data_copy)
    appended = claims_path.read_bytes()[len(crlf) :]
    assert appended.count(b"\r\n") == appended.count(b"\n") > 0
    assert (
        read_rows(claims_path)[-1]["claim_id"] == read_rows(folder / "claims.csv")[-1]["claim_id"]
    )
    load_dataset(data_copy)


def test_accept_ends_the_last_line_before_appending(data_copy, tmp_path):
    claims_path = data_copy / "claims.csv"
    unterminated = claims_path.read_bytes().rstrip(b"\n")
    claims_path.write_bytes(unterminated)
    folder = make_draft(data_copy, tmp_path / "draft", *INVENTED[0])
    accept(folder, data_copy)
    assert claims_path.read_bytes().startswith(unterminated + b"\n")
    assert len(load_dataset(data_copy).claims) == len(read_rows(DATA / "claims.csv")) + len(
        read_rows(folder / "claims.csv")
    )


def test_accept_refuses_a_claim_id_already_in_the_data_and_writes_nothing(
    data_copy, briefing_draft
):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[1]["claim_id"] = "dt-2024-10-23-05"
    write_rows(draft_claims, rows)
    before = snapshot(data_copy)
    problems = refusal(briefing_draft, data_copy)
    assert snapshot(data_copy) == before
    [problem] = [p for p in problems if p.column == "claim_id"]
    assert (problem.file, problem.line, problem.value) == (
        str(draft_claims),
        3,
        "dt-2024-10-23-05",
    )
    assert "claim id already exists" in problem.rule and "(line 6)" in problem.rule


def test_accept_refuses_a_claim_that_repeats_an_existing_article_and_evidence(data_copy, tmp_path):
    seed = "../../../shared/seed/article.txt"
    if not (GOLD / seed).exists():
        pytest.skip("the seed article is not beside the project")
    folder = make_draft(data_copy, tmp_path / "draft", seed, "2024-10-23", "Defence Talks")
    before = snapshot(data_copy)
    problems = refusal(folder, data_copy)
    assert snapshot(data_copy) == before
    two_units = [p for p in problems if p.value == "two units"]
    line = next(
        i + 2
        for i, row in enumerate(read_rows(folder / "claims.csv"))
        if row["evidence"] == "two units"
    )
    assert [(p.file, p.line, p.column) for p in two_units] == [
        (str(folder / "claims.csv"), line, "evidence")
    ]
    assert "duplicates claim dt-2024-10-23-03" in two_units[0].rule


def test_accept_refuses_an_existing_article_id_with_different_content(data_copy, briefing_draft):
    articles = briefing_draft / "articles.csv"
    rows = read_rows(articles)
    rows[0]["article_id"] = "dt-2024-10-23"
    write_rows(articles, rows)
    claims = read_rows(briefing_draft / "claims.csv")
    write_rows(briefing_draft / "claims.csv", [r | {"article_id": "dt-2024-10-23"} for r in claims])
    before = snapshot(data_copy)
    problems = refusal(briefing_draft, data_copy)
    assert snapshot(data_copy) == before
    assert [(p.file, p.line, p.column) for p in problems if "already in" in p.rule] == [
        (str(articles), 2, "outlet")
    ]


def test_accept_reports_a_rule_broken_by_a_draft_row_at_the_drafts_line(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[2]["low"] = "5000"  # above best and high: low must not be above best
    write_rows(draft_claims, rows)
    before = snapshot(data_copy)
    problems = refusal(briefing_draft, data_copy)
    assert snapshot(data_copy) == before
    assert [(p.file, p.line, p.column, p.rule) for p in problems] == [
        (str(draft_claims), 4, "low", "low must not be above best")
    ]


def test_accept_drops_the_review_columns(data_copy, briefing_draft):
    accept(briefing_draft, data_copy)
    with (data_copy / "claims.csv").open(newline="", encoding="utf-8") as handle:
        records = list(csv.reader(handle))
    header, appended = records[0], records[-len(read_rows(briefing_draft / "claims.csv")) :]
    assert "confidence" not in header
    assert {len(record) for record in appended} == {len(header)}
