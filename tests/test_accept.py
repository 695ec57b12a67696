"""Accepting a reviewed draft: append-only, validated on a copy, refusals that name the cell;
rows still marked for review refused, each listed, unless taken as drafted."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from crosscheck.drafting import draft_article, write_draft
from crosscheck.drafting.accept import NotReviewed, accept, pending
from crosscheck.drafting.write import PROPOSED_ACTOR, REVIEW_BELOW
from crosscheck.load import load_dataset
from crosscheck.problems import DataError

from conftest import DATA, ROOT, read_rows, set_cell, write_rows

GOLD = ROOT / "tests" / "gold"
TABLES = ("articles.csv", "actors.csv", "claims.csv")


def gold_articles() -> list[tuple[str, str, str]]:
    with (GOLD / "articles.csv").open(newline="", encoding="utf-8") as handle:
        return [(row["file"], row["published"], row["outlet"]) for row in csv.DictReader(handle)]


# The articles written for the tests (the seed, kept outside the repository, is not).
INVENTED = [article for article in gold_articles() if not article[0].startswith("../")]
# One article of each style the drafter reads (a briefing, wire copy with a dateline, a
# transcript, metonyms, a long feature, a live blog, a hearing with several speakers):
# every gold article is drafted by test_quality; here each style must also merge.
STYLES = ("briefing", "wire", "transcript", "metonyms", "feature", "liveblog", "h3_hearing")
SAMPLE = [article for article in INVENTED if Path(article[0]).stem in STYLES]


def make_draft(data_dir: Path, folder: Path, file: str, published: str, outlet: str) -> Path:
    dataset = load_dataset(data_dir)
    text = (GOLD / file).read_text(encoding="utf-8")
    result = draft_article(text, date.fromisoformat(published), dataset, outlet, None, None)
    return write_draft(result, folder)


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(data_dir.iterdir())}


def refusal(draft_folder: Path, data_dir: Path, **options) -> list:
    with pytest.raises(DataError) as caught:
        accept(draft_folder, data_dir, **options)
    return caught.value.problems


def mark_reviewed(folder: Path) -> Path:
    """Clear every review mark of a draft, as a reviewer does once each row is checked."""
    claims = read_rows(folder / "claims.csv")
    for row in claims:
        row.update(review="", claimant_match="known", confidence="")
    write_rows(folder / "claims.csv", claims)
    actors = read_rows(folder / "actors.csv")
    if actors:
        write_rows(folder / "actors.csv", [row | {"review": ""} for row in actors])
    return folder


@pytest.fixture
def briefing_draft(data_copy, tmp_path) -> Path:
    """A draft of the first invented gold article, written to its own folder and reviewed."""
    return mark_reviewed(make_draft(data_copy, tmp_path / "draft", *INVENTED[0]))


@pytest.mark.parametrize("article", SAMPLE, ids=lambda article: article[0])
def test_a_drafted_article_merged_into_the_data_validates(data_copy, tmp_path, article):
    folder = make_draft(data_copy, tmp_path / "draft", *article)
    drafted = read_rows(folder / "claims.csv")
    result = accept(folder, data_copy, as_drafted=True)
    dataset = load_dataset(data_copy)
    assert result.claims == len(drafted)
    assert set(result.claim_ids) <= set(dataset.claims["claim_id"])


def test_accept_appends_without_changing_a_single_existing_byte(data_copy, tmp_path):
    folder = make_draft(data_copy, tmp_path / "draft", *INVENTED[-1])
    before = snapshot(data_copy)
    result = accept(folder, data_copy, as_drafted=True)
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
    result = accept(folder, data_copy, as_drafted=True)
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
    accept(folder, data_copy, as_drafted=True)
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
    accept(folder, data_copy, as_drafted=True)
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
    problems = refusal(folder, data_copy, as_drafted=True)
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


# Rows still marked for review ------------------------------------------------------------


def located(problems) -> list[tuple[str, int, str, str | None]]:
    return [(Path(p.file).name, p.line, p.column, p.value) for p in problems]


def test_accept_refuses_each_row_still_marked_for_review_and_writes_nothing(
    data_copy, briefing_draft
):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[0]["review"] = "figure '12.000' read as 12,000: check the article"
    rows[1]["claimant_match"] = "proposed"
    rows[2]["confidence"] = "0.25"
    write_rows(draft_claims, rows)
    before = snapshot(data_copy)
    with pytest.raises(NotReviewed) as caught:
        accept(briefing_draft, data_copy)
    assert snapshot(data_copy) == before
    assert located(caught.value.problems) == [
        ("claims.csv", 2, "review", "figure '12.000' read as 12,000: check the article"),
        ("claims.csv", 3, "claimant_match", "proposed"),
        ("claims.csv", 4, "confidence", "0.25"),
    ]
    first, second, third = (p.rule for p in caught.value.problems)
    assert (
        first == f"claim {rows[0]['claim_id']} is marked for review: check it, then empty the cell"
    )
    assert second == (
        f"claim {rows[1]['claim_id']}: its claimant {rows[1]['claimant_id']} is a proposed new "
        "actor: check that actor, then set claimant_match to known"
    )
    assert third.startswith(f"claim {rows[2]['claim_id']}: confidence below 0.5,")


def test_the_refusal_counts_the_rows_and_says_how_to_clear_them(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[0].update(review="check the day", confidence="0.00")
    rows[3]["review"] = "check the claimant"
    write_rows(draft_claims, rows)
    with pytest.raises(NotReviewed) as caught:
        accept(briefing_draft, data_copy)
    report = caught.value.report().splitlines()
    assert report[0] == (
        "not accepted: 2 rows of the draft still marked for review. Check each, then empty its "
        "review cell, set claimant_match to known, empty a confidence below 0.5; or take the "
        "draft unreviewed with --as-drafted:"
    )
    assert [line.split(": column")[0] for line in report[1:]] == [
        f"  {draft_claims}:2",
        f"  {draft_claims}:2",
        f"  {draft_claims}:5",
    ]


def test_a_confidence_of_the_threshold_passes_and_one_below_it_is_refused(
    data_copy, briefing_draft
):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[0]["confidence"] = f"{REVIEW_BELOW:.2f}"
    rows[1]["confidence"] = "0.49"
    rows[2]["confidence"] = "high"
    write_rows(draft_claims, rows)
    problems = pending(briefing_draft)
    assert located(problems) == [
        ("claims.csv", 3, "confidence", "0.49"),
        ("claims.csv", 4, "confidence", "high"),
    ]
    assert problems[1].rule == (
        f"claim {rows[2]['claim_id']}: confidence must be a number from 0 to 1, or empty"
    )


def test_a_proposed_actor_and_the_claims_it_makes_are_listed_until_reviewed(
    data_copy, briefing_draft
):
    actors = briefing_draft / "actors.csv"
    write_rows(
        actors,
        [{"actor_id": "harbour-watch", "name": "Harbour Watch", "organisation": "Harbour Watch",
          "country": "", "role": "monitor", "actor_type": "ngo", "alignment": "neutral",
          "part_of": "", "aliases": "", "review": PROPOSED_ACTOR}],
    )  # fmt: skip
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[4].update(claimant_id="harbour-watch", claimant_match="proposed")
    write_rows(draft_claims, rows)
    problems = pending(briefing_draft)
    assert located(problems) == [
        ("actors.csv", 2, "review", PROPOSED_ACTOR),
        ("claims.csv", 6, "claimant_match", "proposed"),
    ]
    assert (
        problems[0].rule
        == "actor harbour-watch is marked for review: check it, then empty the cell"
    )
    assert "harbour-watch is a proposed new actor (actors.csv line 2)" in problems[1].rule


def test_rows_the_reviewer_cleared_are_accepted(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[0].update(review="check the day", claimant_match="proposed", confidence="0.25")
    write_rows(draft_claims, rows)
    assert len(pending(briefing_draft)) == 3
    rows[0].update(review="", claimant_match="known", confidence="")
    write_rows(draft_claims, rows)
    assert pending(briefing_draft) == []
    assert accept(briefing_draft, data_copy).claims == len(rows)


def test_as_drafted_takes_rows_still_marked_for_review(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    rows[0].update(review="check the day", claimant_match="proposed", confidence="0.00")
    write_rows(draft_claims, rows)
    result = accept(briefing_draft, data_copy, as_drafted=True)
    assert result.claims == len(rows)
    assert read_rows(data_copy / "claims.csv")[-len(rows)]["claim_id"] == rows[0]["claim_id"]


def test_a_draft_typed_without_review_columns_has_nothing_to_review(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    plain = [c for c in rows[0] if c not in ("confidence", "review", "stated_day", "sentence",
                                             "claimant_match")]  # fmt: skip
    write_rows(draft_claims, [{c: row[c] for c in plain} for row in rows], plain)
    assert pending(briefing_draft) == []
    assert accept(briefing_draft, data_copy).claims == len(rows)


def test_a_draft_of_a_gold_article_lists_what_the_drafter_flagged(data_copy, tmp_path):
    folder = make_draft(data_copy, tmp_path / "draft", *INVENTED[0])
    claims = read_rows(folder / "claims.csv")
    flagged = {
        index + 2
        for index, row in enumerate(claims)
        if row["review"]
        or row["claimant_match"] == "proposed"
        or float(row["confidence"]) < REVIEW_BELOW
    }
    actors = len(read_rows(folder / "actors.csv"))
    assert {p.line for p in pending(folder) if p.file.endswith("claims.csv")} == flagged
    assert len([p for p in pending(folder) if p.file.endswith("actors.csv")]) == actors


# Duplicates within a draft ---------------------------------------------------------------


def test_accept_refuses_a_draft_row_repeating_an_earlier_rows_evidence(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    copy = rows[0] | {"claim_id": rows[0]["claim_id"][:-2] + "99"}
    write_rows(draft_claims, [*rows, copy])
    problems = refusal(briefing_draft, data_copy, as_drafted=True)
    assert [(Path(p.file).name, p.line, p.column, p.rule) for p in problems] == [
        ("claims.csv", len(rows) + 2, "evidence",
         f"repeats claim {rows[0]['claim_id']} of this draft (line 2): same article and "
         "evidence; delete one of the two rows")
    ]  # fmt: skip


def test_accept_refuses_a_draft_row_repeating_an_earlier_rows_figure(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    first = next(i for i, row in enumerate(rows) if row["best"])
    copy = rows[first] | {
        "claim_id": rows[first]["claim_id"][:-2] + "99",
        "evidence": "the same figure, quoted again further down",
    }
    write_rows(draft_claims, [*rows, copy])
    problems = refusal(briefing_draft, data_copy, as_drafted=True)
    assert [(p.line, p.column, p.value) for p in problems] == [
        (len(rows) + 2, "claim_id", copy["claim_id"])
    ]
    assert problems[0].rule.startswith(
        f"repeats claim {rows[first]['claim_id']} of this draft (line {first + 2}): same "
        "claimant, relay, measure, figure and stated wording"
    )


def test_the_same_figure_from_another_claimant_is_not_a_duplicate(data_copy, briefing_draft):
    draft_claims = briefing_draft / "claims.csv"
    rows = read_rows(draft_claims)
    first = next(i for i, row in enumerate(rows) if row["best"])
    other = next(c for c in load_dataset(data_copy).actors["actor_id"]
                 if c != rows[first]["claimant_id"])  # fmt: skip
    copy = rows[first] | {
        "claim_id": rows[first]["claim_id"][:-2] + "99",
        "claimant_id": other,
        "evidence": "another source, the same figure",
    }
    write_rows(draft_claims, [*rows, copy])
    assert accept(briefing_draft, data_copy).claims == len(rows) + 1


# The command -------------------------------------------------------------------------------


def test_the_accept_command_lists_the_rows_to_review_and_exits_1(data_copy, briefing_draft, capsys):
    from crosscheck.cli import main

    set_cell(briefing_draft / "claims.csv", 1, "review", "check the day")
    before = snapshot(data_copy)
    assert main(["accept", str(briefing_draft), "--data", str(data_copy)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("not accepted: 1 row of the draft still marked for review.")
    assert f"{briefing_draft / 'claims.csv'}:3: column 'review': value 'check the day'" in error
    assert "Traceback" not in error
    assert snapshot(data_copy) == before
    assert main(["accept", str(briefing_draft), "--data", str(data_copy), "--as-drafted"]) == 0
    rows = len(read_rows(briefing_draft / "claims.csv"))
    assert capsys.readouterr().out == f"appended {rows} claims, 0 actors and 1 article\n"
