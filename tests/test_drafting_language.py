"""The article's language: detected with lingua's bundled models, refused in words when the
drafter cannot read it, taken as English (with a note) when a text is too short to tell."""

from __future__ import annotations

import pytest

from crosscheck.cli import main
from crosscheck.drafting import UnsupportedLanguage
from crosscheck.drafting import language as languages

from conftest import DATA, ROOT

# Invented, as the gold articles are: "The NIS said on the 23rd that North Korea had sent
# more troops to Russia. It said about 3,000 had already arrived."
KOREAN = (
    "북한이 러시아에 병력을 추가로 파견했다고 국가정보원이 23일 밝혔다. "
    "국정원은 약 3천명이 이미 러시아에 도착했다고 말했다.\n"
)
FRENCH = (
    "Le Kremlin a démenti les informations selon lesquelles la Corée du Nord aurait envoyé "
    "des milliers de soldats en Russie pour combattre en Ukraine.\n"
)


def test_a_korean_article_is_refused_with_its_language_named_in_english():
    with pytest.raises(UnsupportedLanguage) as refused:
        languages.require_supported(KOREAN)
    assert str(refused.value) == (
        "the article reads as Korean (ko); the drafter reads English only, so it would draft "
        "nothing from it: draft a translation, or add its claims to the data by hand"
    )
    assert (refused.value.detected.code, refused.value.detected.name) == ("ko", "Korean")


def test_a_french_article_is_read_as_french_and_refused():
    detected = languages.detect(FRENCH)
    assert (detected.code, detected.name, detected.note) == ("fr", "French", "")
    with pytest.raises(UnsupportedLanguage, match=r"reads as French \(fr\)"):
        languages.require_supported(FRENCH)


def test_an_english_gold_article_is_english_without_a_note():
    text = (ROOT / "tests" / "gold" / "briefing.txt").read_text(encoding="utf-8")
    detected = languages.require_supported(text)
    assert (detected.code, detected.name, detected.note) == ("en", "English", "")
    assert detected.confidence >= 0.9


def test_a_short_latin_script_text_read_as_another_language_counts_as_english_with_a_note():
    # low accuracy mode reads this wire-copy fragment as Swahili
    detected = languages.require_supported("Seoul said 3,000.")
    assert detected.code == "en"
    assert detected.note == (
        "read as Swahili (0.94), but 15 characters are too few to tell languages of the "
        "Latin script apart; taken as English"
    )


def test_a_short_text_in_a_script_of_its_own_is_still_refused():
    with pytest.raises(UnsupportedLanguage, match="Korean"):
        languages.require_supported("북한 병력")


def test_a_text_without_words_counts_as_english_with_a_note():
    for text in ("", "12,000 - 15,000"):
        detected = languages.detect(text)
        assert (detected.code, detected.note) == (
            "en",
            "no words to detect a language from; taken as English",
        )


def test_language_names_are_english_and_unknown_codes_are_returned_as_given():
    assert [languages.language_name(code) for code in ("ko", "ru", "nb", "xx", "KO")] == [
        "Korean",
        "Russian",
        "Norwegian Bokmål",
        "xx",
        "KO",
    ]


def test_the_detector_is_built_once_per_process():
    assert languages._detector() is languages._detector()


def test_the_draft_command_refuses_a_korean_article_with_exit_code_2(tmp_path, capsys):
    article = tmp_path / "korean.txt"
    article.write_text(KOREAN, encoding="utf-8")
    out = tmp_path / "drafts" / "korean"
    arguments = ["--published", "2024-10-23", "--data", str(DATA), "--out", str(out)]
    assert main(["draft", str(article), *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"cannot draft {article}: the article reads as Korean (ko); the drafter reads English "
        "only, so it would draft nothing from it: draft a translation, or add its claims to "
        "the data by hand\n"
    )
    assert captured.out == ""
    assert not out.exists()


def test_the_draft_command_prints_the_note_of_a_short_text(tmp_path, capsys):
    article = tmp_path / "short.txt"
    article.write_text("Seoul said 3,000.\n", encoding="utf-8")
    out = tmp_path / "draft"
    arguments = ["--published", "2024-10-23", "--data", str(DATA), "--out", str(out)]
    assert main(["draft", str(article), *arguments]) == 0
    note = "note: language: read as Swahili (0.94), but 15 characters are too few"
    assert note in capsys.readouterr().out
    assert "Note: language: read as Swahili" in (out / "README.txt").read_text(encoding="utf-8")
