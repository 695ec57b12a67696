"""Drafting a folder of articles: days, outlets, addresses and languages from manifest.csv
or a dateline, one draft folder per article, a summary of what needs review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.drafting.batch import Outcome, draft_folder, read_manifest, summary
from crosscheck.load import load_dataset
from crosscheck.problems import DataError

from conftest import DATA, read_rows

# Invented articles, in the styles of wire copy (a dateline) and of a newspaper (none).
WIRE = (
    "Seoul raises its count of North Korean troops\n"
    "SEOUL, Nov 26 (Kestrel Wire) - South Korea's spy agency said on Tuesday that about "
    "11,000 North Korean soldiers were now in Russia.\n"
)
PAPER = (
    "Kyiv's spies give a new count\n"
    "Ukraine's military intelligence agency said on Friday that 12,000 North Korean soldiers "
    "had arrived in Russia.\n"
)
KOREAN = "북한이 러시아에 병력을 추가로 파견했다고 국가정보원이 23일 밝혔다.\n"
MANIFEST = (
    "file,published_on,outlet,url,language\n"
    "paper.txt,2024-12-08,Harbour Line News,https://example.org/count,\n"
)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.fixture
def folder(tmp_path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in (("wire.txt", WIRE), ("paper.txt", PAPER), ("korean.txt", KOREAN)):
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    return articles


def drafted(folder: Path, dataset, out: Path, **options) -> dict[str, Outcome]:
    options = {"reference": date(2025, 1, 1), "progress": False} | options
    return {o.file: o for o in draft_folder(folder, dataset, out, **options)}


def article_row(outcome: Outcome) -> dict[str, str]:
    [row] = read_rows(outcome.folder / "articles.csv")
    return row


def test_a_manifest_row_gives_the_articles_day_outlet_and_address(folder, dataset, tmp_path):
    paper = drafted(folder, dataset, tmp_path / "drafts")["paper.txt"]
    assert paper.folder == tmp_path / "drafts" / "hln-2024-12-08"
    row = article_row(paper)
    assert (row["published_on"], row["outlet"], row["url"], row["language"]) == (
        "2024-12-08",
        "Harbour Line News",
        "https://example.org/count",
        "en",
    )
    # "on Friday" resolves from the manifest's day: Friday 6 December 2024
    [claim] = read_rows(paper.folder / "claims.csv")
    assert (claim["best"], claim["stated_day"]) == ("12000", "2024-12-06")


def test_an_article_missing_from_the_manifest_is_dated_by_its_dateline(folder, dataset, tmp_path):
    wire = drafted(folder, dataset, tmp_path / "drafts")["wire.txt"]
    row = article_row(wire)
    assert (row["article_id"], row["published_on"], row["outlet"]) == (
        "kw-2024-11-26",
        "2024-11-26",
        "Kestrel Wire",
    )
    reason = (
        "Day read from the dateline (SEOUL, 26 Nov); the dateline gives no year, so the "
        "latest such day on or before 2025-01-01 was taken: check it."
    )
    assert wire.notes == (f"published 2024-11-26: {reason}",)
    assert "Note: published 2024-11-26" in (wire.folder / "README.txt").read_text()
    # the row says the day is inferred and how, so a reviewer and the validator know
    assert (row["date_basis"], row["date_note"]) == ("inferred", reason)


def test_an_article_in_another_language_is_not_drafted_and_says_why(folder, dataset, tmp_path):
    korean = drafted(folder, dataset, tmp_path / "drafts")["korean.txt"]
    assert (korean.folder, korean.language, korean.unsupported) == (None, "ko", True)
    assert korean.refused.startswith("the article reads as Korean (ko); the drafter reads")
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == [
        "hln-2024-12-08",
        "kw-2024-11-26",
    ]


def test_a_language_stated_in_the_manifest_yields_to_a_text_that_is_surely_another(
    folder, dataset, tmp_path
):
    # the manifest says Russian; the text is plainly English: it is drafted as English
    (folder / "manifest.csv").write_text(MANIFEST.replace(",\n", ",ru\n"), encoding="utf-8")
    paper = drafted(folder, dataset, tmp_path / "drafts")["paper.txt"]
    assert paper.language == "en" and paper.folder is not None
    assert any("the manifest says Russian (ru)" in note for note in paper.notes)


def test_an_article_with_neither_day_nor_dateline_is_not_drafted(folder, dataset, tmp_path):
    (folder / "manifest.csv").unlink()
    paper = drafted(folder, dataset, tmp_path / "drafts")["paper.txt"]
    assert paper.folder is None and not paper.unsupported
    assert paper.refused == (
        "no publication day: give published_on in manifest.csv or a dated dateline"
    )


def test_two_articles_of_one_outlet_and_day_get_two_ids(folder, dataset, tmp_path):
    (folder / "second.txt").write_text(PAPER.replace("12,000", "13,000"), encoding="utf-8")
    (folder / "manifest.csv").write_text(
        MANIFEST + "second.txt,2024-12-08,Harbour Line News,,\n", encoding="utf-8"
    )
    outcomes = drafted(folder, dataset, tmp_path / "drafts")
    assert (outcomes["paper.txt"].article_id, outcomes["second.txt"].article_id) == (
        "hln-2024-12-08",
        "hln-2024-12-08-2",
    )
    [claim] = read_rows(outcomes["second.txt"].folder / "claims.csv")
    assert (claim["claim_id"], claim["best"]) == ("hln-2024-12-08-2-01", "13000")


def test_a_second_batch_leaves_the_first_drafts_and_writes_numbered_folders(
    folder, dataset, tmp_path
):
    drafted(folder, dataset, tmp_path / "drafts")
    again = drafted(folder, dataset, tmp_path / "drafts")
    assert again["paper.txt"].folder.name == "hln-2024-12-08-2"
    forced = drafted(folder, dataset, tmp_path / "drafts", overwrite=True)
    assert forced["paper.txt"].folder.name == "hln-2024-12-08"


def test_every_bad_manifest_cell_is_named_by_file_line_column_and_rule(folder):
    (folder / "manifest.csv").write_text(
        "file,published_on,outlet,url,language\n"
        "paper.txt,2024-13-08,,,\n"
        "missing.txt,2024-12-08,,,\n"
        "paper.txt,2024-12-08,,,\n"
        "wire.txt,8 December 2024,,ftp://example.org,EN\n"
        "../wire.txt,,,,\n"
        "wire.txt,2024-12-08\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as refused:
        read_manifest(folder)
    path = str(folder / "manifest.csv")
    assert [(p.file, p.line, p.column, p.value, p.rule) for p in refused.value.problems] == [
        (path, 2, "published_on", "2024-13-08", "published_on is not a day of the calendar"),
        (path, 3, "file", "missing.txt", "no such file beside manifest.csv"),
        (path, 4, "file", "paper.txt", "file listed twice (first on line 2)"),
        (path, 5, "language", "EN",
         "language must be a two-letter ISO 639-1 code in lower case (en, ko, ru)"),
        (path, 5, "published_on", "8 December 2024",
         "published_on must be a day written YYYY-MM-DD (or empty: from the dateline)"),
        (path, 5, "url", "ftp://example.org", "url must start with http:// or https://"),
        (path, 6, "file", "../wire.txt",
         "file must name a .txt file beside manifest.csv (no folder)"),
        (path, 7, None, None, "row has a different number of fields than the header"),
    ]  # fmt: skip


def test_a_manifest_without_its_required_columns_is_refused(folder):
    (folder / "manifest.csv").write_text("name,published\npaper.txt,2024-12-08\n")
    with pytest.raises(DataError) as refused:
        read_manifest(folder)
    unknown = "unknown column: a manifest has file, published_on, outlet, url, language"
    assert [(p.line, p.column, p.rule) for p in refused.value.problems] == [
        (1, "file", "required column is missing"),
        (1, "name", unknown),
        (1, "published", unknown),
        (1, "published_on", "required column is missing"),
    ]


def test_a_bad_manifest_drafts_nothing(folder, dataset, tmp_path):
    (folder / "manifest.csv").write_text(MANIFEST + "paper.txt,2024-12-08,,,\n")
    with pytest.raises(DataError):
        draft_folder(folder, dataset, tmp_path / "drafts", progress=False)
    assert not (tmp_path / "drafts").exists()


def test_the_summary_of_no_articles_is_an_empty_table_with_its_columns():
    table = summary([])
    assert table.empty
    assert list(table.columns) == [
        "file", "article_id", "claims", "to_review", "new_actors", "language", "folder"
    ]  # fmt: skip


def test_the_summary_has_a_row_per_article_with_its_counts(folder, dataset, tmp_path):
    outcomes = drafted(folder, dataset, tmp_path / "drafts")
    table = summary([outcomes["paper.txt"], outcomes["korean.txt"]]).set_index("file")
    paper = outcomes["paper.txt"]
    assert table.loc["paper.txt"].tolist() == [
        "hln-2024-12-08", 1, paper.to_review, paper.new_actors, "en", str(paper.folder)
    ]  # fmt: skip
    assert table.loc["korean.txt", "folder"] == "not drafted"
    assert table["claims"].isna().tolist() == [False, True]


def test_the_draft_command_drafts_a_folder_and_prints_what_needs_review(folder, tmp_path, capsys):
    out = tmp_path / "drafts"
    arguments = ["draft", str(folder), "--published", "2025-01-01", "--data", str(DATA),
                 "--out", str(out), "--quiet"]  # fmt: skip
    # the Korean article is refused for its language alone: exit code 2, as for one article
    assert main(arguments) == 2
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith(f"drafted 2 of 3 articles into {out}/: 2 candidate claims, ")
    assert lines[2].split() == [
        "file", "article_id", "claims", "to_review", "new_actors", "language", "folder"
    ]  # fmt: skip
    assert lines[3].split()[:3] == ["korean.txt", "ko", "not"]
    assert lines[4].split()[:3] == ["paper.txt", "hln-2024-12-08", "1"]
    assert "not drafted:" in lines
    assert "  korean.txt: the article reads as Korean (ko)" in captured.out
    assert captured.err == ""


def test_the_draft_command_shows_a_progress_bar_for_a_folder(folder, tmp_path, capsys):
    arguments = ["draft", str(folder), "--published", "2025-01-01", "--data", str(DATA),
                 "--out", str(tmp_path / "drafts")]  # fmt: skip
    main(arguments)
    assert "drafting: 100%" in capsys.readouterr().err


def test_the_draft_command_refuses_a_url_for_a_folder(folder, capsys):
    assert main(["draft", str(folder), "--url", "https://example.org"]) == 1
    assert capsys.readouterr().err.startswith("cannot draft a folder with --url or --article-id")


def test_a_manifest_language_the_text_contradicts_is_not_trusted(tmp_path, dataset):
    from crosscheck.drafting import UnsupportedLanguage
    from crosscheck.drafting.batch import _language

    korean = "북한군 약 1만 명이 러시아 쿠르스크 지역에 배치된 것으로 국가정보원이 밝혔다. " * 3
    with pytest.raises(UnsupportedLanguage, match="Korean"):
        _language(korean, "en")
    english = (
        "The National Intelligence Service told lawmakers on Tuesday that about 11,000 "
        "North Korean soldiers were now in Russia, most of them in the Kursk region."
    )
    detected = _language(english, "ko")
    assert detected.code == "en"
    assert "the manifest says Korean (ko)" in detected.note


def test_a_manifest_with_semicolons_is_refused_naming_the_separator(tmp_path):
    from crosscheck.drafting.batch import read_manifest
    from crosscheck.problems import DataError

    (tmp_path / "a.txt").write_text("H\nText.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file;published_on;outlet\na.txt;2024-11-14;Test Wire\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        read_manifest(tmp_path)
    [problem] = caught.value.problems
    assert problem.line == 1 and "separated by semicolons" in problem.rule
