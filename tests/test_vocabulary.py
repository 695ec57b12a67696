"""Another controversy needs data only: the package names no topic.

The shipped data's actor ids, measure ids and place names (the countries of
actors.csv and the words and countries of nationalities.csv) must not appear in
src/ outside docstrings, comments and the command line's help examples: those
explain with this topic's examples, while code, literals and templates would tie
the package to it. Topic words belong in data/ (see data/README.md) and reach the
code through crosscheck.load and crosscheck.vocabulary.

The vocabulary helpers themselves (crosscheck.vocabulary) are tested here too,
against the shipped data.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pandas as pd
import pytest

from crosscheck import vocabulary
from crosscheck.load import load_dataset

from conftest import DATA, RALLY, ROOT, read_rows

SRC = ROOT / "src"
# Keyword arguments whose string is text for a person at the command line.
HELP_KEYWORDS = {"help", "description", "epilog", "usage"}
# Words of nationalities.csv too short or too common to be told from English ("us"),
# and NATO, which the method cites as the author of its grading scale (AJP-2.1).
NOT_PLACE_WORDS = {"us", "uk", "nato"}


def _source_files() -> list[Path]:
    """Every text file of the package (Python, templates), build leftovers excepted."""
    return sorted(
        path
        for path in SRC.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(part.endswith(".egg-info") for part in path.parts)
        and path.suffix not in {".pyc", ".png", ".woff", ".woff2", ".ttf"}
    )


def _explanations(tree: ast.AST) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The spans ((line, column) to (line, column)) of docstrings and help strings."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                spans.append(_span(body[0].value))
        if isinstance(node, ast.Call):
            spans.extend(_span(k.value) for k in node.keywords if k.arg in HELP_KEYWORDS)
    return spans


def _span(node: ast.AST) -> tuple[tuple[int, int], tuple[int, int]]:
    return (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)


def _code_text(path: Path) -> list[tuple[int, str]]:
    """(line, text) of what a file says as code: for Python, its names and literals
    without docstrings, comments or help strings; for any other file, every line."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return list(enumerate(text.splitlines(), start=1))
    explained = _explanations(ast.parse(text))
    pieces = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
            continue
        if token.type == tokenize.STRING and any(
            start <= token.start and token.end <= end for start, end in explained
        ):
            continue
        # A string spanning lines is reported at each line it covers.
        for offset, line in enumerate(token.string.splitlines() or [""]):
            pieces.append((token.start[0] + offset, line))
    return pieces


def _pattern(term: str) -> re.Pattern:
    """A place name as a whole word, case-insensitive; spaces, hyphens and underscores
    alike ("North Korea" finds north_korea), so that a code built from a name is found."""
    words = re.split(r"[\s_-]+", term.strip().lower())
    body = r"[\s_-]+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])", re.IGNORECASE)


def _id_pattern(identifier: str) -> re.Pattern:
    """An id as code writes it: lower case, a whole word. An id that is a plain English
    word (the measure `killed`) counts only as a whole quoted literal ("killed"), so that
    the drafter's English ("killed or wounded") is not taken for the id."""
    if re.search(r"[_-]", identifier):
        return re.compile(rf"(?<![a-z0-9_-]){re.escape(identifier)}(?![a-z0-9_-])")
    return re.compile(rf"^[rbuf]*(['\"]){re.escape(identifier)}\1$")


def _hits(terms: set[str], pattern_of=_pattern) -> list[str]:
    patterns = {term: pattern_of(term) for term in sorted(terms)}
    found = []
    for path in _source_files():
        for line, text in _code_text(path):
            for term, pattern in patterns.items():
                if pattern.search(text):
                    found.append(f"{path.relative_to(ROOT)}:{line}: {term!r} in {text.strip()!r}")
    return sorted(set(found))


def _places() -> set[str]:
    countries = set()
    for row in read_rows(DATA / "actors.csv"):
        countries.update(part for part in re.split(r"/", row["country"]) if part)
    nationalities = read_rows(DATA / "nationalities.csv")
    countries.update(row["country"] for row in nationalities)
    words = {re.sub(r"'s$", "", row["word"]) for row in nationalities}
    # One spelling per place, whatever its case: "Ukraine" and "ukraine" are one term.
    places = {place.lower() for place in countries | words}
    return places - NOT_PLACE_WORDS - {"west"}


@pytest.mark.parametrize(
    ("terms", "pattern_of"),
    [
        pytest.param(lambda: {row["actor_id"] for row in read_rows(DATA / "actors.csv")},
                     _id_pattern, id="actor ids"),
        pytest.param(lambda: {row["measure"] for row in read_rows(DATA / "measures.csv")},
                     _id_pattern, id="measure ids"),
        pytest.param(_places, _pattern, id="place names"),
    ],
)  # fmt: skip
def test_src_names_none_of_the_shipped_datas_topic_words(terms, pattern_of):
    hits = _hits(terms(), pattern_of)
    assert not hits, f"{len(hits)} topic words in src/:\n" + "\n".join(hits)


def test_the_grep_finds_a_topic_word_in_code_but_not_in_a_docstring_or_comment(tmp_path):
    module = tmp_path / "example.py"
    module.write_text(
        '"""About rok-nis."""\n'
        "# the NIS is rok-nis\n"
        "def f():\n"
        '    """rok-nis again."""\n'
        '    parser.add_argument("--x", help="e.g. "\n'
        '                        "rok-nis")\n'
        '    return "rok-nis"\n'
    )
    pattern = _pattern("rok-nis")
    assert [line for line, text in _code_text(module) if pattern.search(text)] == [7]


def test_an_id_that_is_an_english_word_counts_only_as_a_whole_literal():
    assert _id_pattern("killed").search('"killed"')
    assert not _id_pattern("killed").search('r"killed (?:and|or) wounded"')
    assert _id_pattern("troops_in_kursk").search('r"kursk|troops_in_kursk"')
    assert not _id_pattern("nato").search('"grades (NATO/Admiralty)"')


def test_a_place_name_is_found_written_as_a_code():
    assert _pattern("North Korea").search('ALIGNMENTS = ("north_korea",)')
    assert _pattern("Ukraine").search('"supports_ukraine"')
    assert not _pattern("Russia").search("russian_roulette = 1")


# --- crosscheck.vocabulary on the shipped data and the rally topic -------------------


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(DATA)


def test_a_capital_used_as_an_alias_is_weak_and_a_description_is_strong(shipped):
    aliases = vocabulary.actor_aliases(shipped.actors, shipped.nationalities)
    weak = dict(zip(aliases["alias"], aliases["weak"], strict=True))
    assert weak["Moscow"] and weak["Pyongyang"] and weak["North Korea"]
    assert not weak["Seoul's spy agency"] and not weak["Zelenskiy"]
    by_alias = dict(zip(aliases["alias"], aliases["actor_id"], strict=True))
    assert by_alias["Seoul's spy agency"] == "rok-nis"
    assert by_alias["lawmakers"] == "rok-intel-committee"


def test_every_alias_of_the_drafter_before_issue_15_is_in_actors_csv(shipped):
    # The drafter's hand-written table of aliases, moved into the data (issue 15).
    moved = {
        "zelenskiy": "volodymyr-zelenskyy", "zelensky": "volodymyr-zelenskyy",
        "zelenski": "volodymyr-zelenskyy", "spy agency": "rok-nis",
        "national intelligence agency": "rok-nis", "south korean intelligence": "rok-nis",
        "lawmakers": "rok-intel-committee", "lawmaker": "rok-intel-committee",
        "legislators": "rok-intel-committee", "intelligence committee": "rok-intel-committee",
        "ukrainian military intelligence": "ukraine-hur",
        "ukraine's military intelligence": "ukraine-hur", "moscow": "russia-government",
        "pyongyang": "dprk-government", "north korea": "dprk-government",
    }  # fmt: skip
    aliases = vocabulary.actor_aliases(shipped.actors, shipped.nationalities)
    found = dict(zip(aliases["alias"].map(vocabulary.fold), aliases["actor_id"], strict=True))
    assert {alias: found.get(alias) for alias in moved} == moved


def test_a_new_actor_takes_the_side_of_its_country_or_the_catch_all(shipped):
    sides = shipped.alignments
    assert vocabulary.alignment_of_country(sides, "Japan") == "supports_ukraine"
    assert vocabulary.alignment_of_country(sides, "North Korea") == "north_korea"
    assert vocabulary.alignment_of_country(sides, "Brazil") == "neutral"
    assert vocabulary.alignment_of_country(sides, "") == "neutral"
    assert vocabulary.party_alignments(sides) == {"ukraine", "russia", "north_korea"}


def test_without_a_catch_all_row_an_unlisted_country_has_no_side():
    sides = load_dataset(RALLY).alignments.query("alignment != 'neutral'")
    assert vocabulary.alignment_of_country(sides, "Freedonia") is None


def test_the_rally_brings_its_own_sides_and_cues():
    rally = load_dataset(RALLY)
    assert vocabulary.party_alignments(rally.alignments) == {"organisers", "city"}
    assert set(rally.actors["alignment"]) == {"organisers", "city"}
    assert set(rally.measure_cues["measure"]) == {"crowd_size", "arrests"}
    assert rally.nationalities.empty and list(rally.nationalities) == ["word", "country"]


@pytest.mark.parametrize(
    ("cue", "text", "matches"),
    [
        ("train*", "troops training at bases", True),
        ("train*", "a terrain", False),
        ("near the [ukrainian] border", "near the ukrainian border", True),
        ("near the [ukrainian] border", "near the border", True),
        ("heading towards [the] kursk", "heading towards kursk", True),
        ("by {month}", "to send them by dec. 1", True),
        ("by {month}", "by decree", False),
        ("taken prisoner", "taken  prisoner", True),
    ],
)
def test_a_cue_phrase_matches_as_its_syntax_says(cue, text, matches):
    found = re.search(rf"\b(?:{vocabulary.cue_regex(cue)})\b", text)
    assert bool(found) is matches


def test_every_cue_of_the_drafter_before_issue_15_is_in_measure_cues_csv(shipped):
    plain = vocabulary.cues_of(shipped.measure_cues)
    cue_of = dict(zip(plain["cue"], plain["measure"], strict=True))
    expected = {
        "killed and wounded": "casualties", "losses": "casualties", "lost": "casualties",
        "death toll": "killed", "injured": "wounded", "taken prisoner": "captured",
        "en route to [the] kursk": "troops_to_kursk", "kursk": "troops_in_kursk",
        "near the [ukrainian] border": "troops_near_border", "training": "troops_training",
        "agreed to send": "troops_committed",
        "ready to": "troops_prepared", "stationed": "troops_dispatched",
    }  # fmt: skip
    assert {cue: cue_of.get(cue) for cue in expected} == expected
    # "by {month}" and the year's end still name a commitment, but only in a clause
    # that looks ahead
    ahead = vocabulary.cues_of(shipped.measure_cues, "ahead")
    assert dict(zip(ahead["cue"], ahead["measure"], strict=True)) == {
        "the total": "troops_committed",
        "by {month}": "troops_committed",
        "by the end of [the] year": "troops_committed",
        "by year end": "troops_committed",
        "by the end of {month}": "troops_committed",
    }
    # Earlier rows win ties: killed-and-wounded before killed before wounded.
    assert list(plain["measure"].drop_duplicates()[:3]) == ["casualties", "killed", "wounded"]


def test_the_special_roles_of_measures_are_data(shipped):
    cues = shipped.measure_cues
    role = {rule: set(cues.loc[cues["rule"] == rule, "measure"]) for rule in vocabulary.CUE_RULES}
    assert role == {
        "units": {"units_prepared"},
        "multiple": {"ratio_to_previous"},
        "more_sent": {"additional_dispatched"},
        "more_planned": {"additional_planned"},
        "over_period": {"casualties_in_period"},
        "ahead": {"troops_committed"},
    }
    batches = cues.loc[cues["rule"] == "more_sent", "cue"]
    assert set(batches) == {"troops_dispatched", "troops_committed", "troops_prepared"}


def test_split_list_reads_a_spaced_pipe_list():
    assert vocabulary.split_list("Seoul | South Korean government ") == [
        "Seoul",
        "South Korean government",
    ]
    assert vocabulary.split_list(pd.NA) == []


# --- the vocabulary files are validated like every other table -----------------------


def _problems(folder: Path) -> list:
    from crosscheck.problems import DataError

    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return caught.value.problems


def test_an_alignment_not_in_alignments_csv_names_file_line_column_and_rule(data_copy):
    from conftest import set_cell

    line = set_cell(data_copy / "actors.csv", 4, "alignment", "sides_with_nobody")
    [problem] = _problems(data_copy)
    assert (Path(problem.file).name, problem.line, problem.column, problem.value) == (
        "actors.csv", line, "alignment", "sides_with_nobody")  # fmt: skip
    assert "no such id in alignments.csv" in problem.rule


def test_a_cue_pointing_to_an_unknown_measure_is_a_problem(data_copy):
    from conftest import set_cell

    line = set_cell(data_copy / "measure_cues.csv", 2, "measure", "troops_on_mars")
    [problem] = _problems(data_copy)
    assert (Path(problem.file).name, problem.line, problem.column) == (
        "measure_cues.csv", line, "measure")  # fmt: skip
    assert "no such id in measures.csv" in problem.rule


@pytest.mark.parametrize(
    ("cue", "rule", "says"),
    [
        ("Kursk", "", "lower-case words"),
        ("kurs(k|ks)", "", "lower-case words"),
        ("[the]", "", "lower-case words"),
        ("troops_on_mars", "more_sent", "id of a measure"),
    ],
    ids=["capitals", "a regular expression", "only optional words", "unknown base measure"],
)
def test_a_cue_outside_the_syntax_is_a_problem(data_copy, cue, rule, says):
    from conftest import set_cell

    set_cell(data_copy / "measure_cues.csv", 0, "cue", cue)
    set_cell(data_copy / "measure_cues.csv", 0, "rule", rule)
    problems = _problems(data_copy)
    assert [(p.column, p.value) for p in problems] == [("cue", cue)]
    assert says in problems[0].rule


def test_a_country_on_two_sides_is_a_problem_on_the_later_row(data_copy):
    from conftest import set_cell

    line = set_cell(data_copy / "alignments.csv", 2, "countries", "Russia | Japan")
    problems = _problems(data_copy)
    assert [(p.line, p.column) for p in problems] == [(line, "countries")]


def test_the_drafters_vocabulary_files_are_optional(data_copy):
    (data_copy / "nationalities.csv").unlink()
    (data_copy / "measure_cues.csv").unlink()
    dataset = load_dataset(data_copy)
    assert dataset.nationalities.empty and dataset.measure_cues.empty
    assert vocabulary.actor_aliases(dataset.actors, dataset.nationalities)["weak"].sum() == 0


def test_alignments_csv_is_required(data_copy):
    (data_copy / "alignments.csv").unlink()
    problems = _problems(data_copy)
    assert [Path(p.file).name for p in problems] == ["alignments.csv"]
    assert "file is missing" in problems[0].rule


def test_cells_of_lists_split_whatever_the_text_storage():
    # Arrow text mapped to lists of nothing would be typed list<null>, which pandas
    # cannot explode: two sides with no countries broke the alignments' check.
    for storage in ("pyarrow", "python"):
        cells = pd.Series(["", None, "a | b"], dtype=pd.StringDtype(storage))
        lists = vocabulary.split_lists(cells)
        assert lists.tolist() == [[], [], ["a", "b"]]
        assert lists.explode().dropna().tolist() == ["a", "b"]
