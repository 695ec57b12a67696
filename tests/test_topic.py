"""Any controversy: a different event needs new data only. The whole report is built from
a small dataset on another topic (a rally's crowd size, tests/topics/rally/)."""

import re
import shutil

import pandas as pd
import pytest

from crosscheck.problems import DataError
from crosscheck.report import read_settings

from conftest import RALLY


def test_the_report_takes_its_title_and_lede_from_the_data(rally_report):
    html = (rally_report / "index.html").read_text()
    assert '<h1 id="report-title">The 1 March rally: how many marched?</h1>' in html
    assert "<title>The 1 March rally" in html


def test_every_chapter_renders_with_the_topics_own_measures(rally_report):
    html = (rally_report / "index.html").read_text()
    body = html.split("<main>", 1)[1]
    assert "People at the rally" in body and "People arrested" in body
    from crosscheck.report import chapter_notebooks

    assert len(re.findall(r'<h1 id="\d', body)) == len(chapter_notebooks())
    headings = " ".join(re.findall(r"<h[12][^>]*>([^<]*)", body))
    assert "troop" not in headings.lower()


def test_no_name_of_the_shipped_topic_reaches_the_other_topics_page(rally_report):
    from bs4 import BeautifulSoup

    from conftest import DATA

    page = BeautifulSoup((rally_report / "index.html").read_text(), "html.parser").main
    for hidden in page(["script", "style"]):
        hidden.decompose()
    text = page.get_text(" ")
    shipped = set(pd.read_csv(DATA / "actors.csv")["name"]) | set(
        pd.read_csv(DATA / "articles.csv")["outlet"]
    )
    # A name the chapters' own prose uses for the method (the NATO grading scale) is not
    # the shipped topic's.
    from crosscheck.report import chapter_notebooks

    prose = " ".join(path.read_text() for path in chapter_notebooks())
    topic = {name for name in shipped if name not in prose}
    assert sorted(n for n in topic if re.search(rf"\b{re.escape(n)}\b", text)) == []
    assert "Lloyd Austin" in topic and "Defence Talks" in topic  # the check has names


def test_its_figures_are_compared_within_its_measures(rally_report):
    comparison = pd.read_csv(rally_report / "data" / "estimate_comparison.csv")
    crowd = comparison.set_index("measure_id").loc["crowd_size"]
    assert crowd["independent sources"] == 2 and crowd["verdict"].startswith("differ by")


def test_a_figure_off_by_ten_between_two_outlets_is_caught(rally_report):
    discrepancies = pd.read_csv(rally_report / "data" / "discrepancies.csv")
    assert discrepancies["kind"].str.contains("cannot be right as written").any()


def test_the_topics_parameters_come_from_its_report_yml():
    settings = read_settings(RALLY)
    assert settings.parameters["measure"] == "crowd_size"


def test_a_bad_report_yml_is_named(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(RALLY, data)
    (data / "report.yml").write_text("title: ''\ncolour: red\n")
    with pytest.raises(DataError) as caught:
        read_settings(data)
    message = caught.value.report()
    assert "report.yml: column 'colour'" in message and "report.yml: column 'title'" in message


def test_key_articles_are_read_from_report_yml(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(RALLY, data)
    (data / "report.yml").write_text("key_articles: [river-post-2025-03-02]\n")
    assert read_settings(data).key_articles == ("river-post-2025-03-02",)


def test_key_articles_that_are_not_a_list_of_ids_are_refused(tmp_path):
    from crosscheck.problems import DataError

    data = tmp_path / "data"
    shutil.copytree(RALLY, data)
    (data / "report.yml").write_text("key_articles: river-post\n")
    with pytest.raises(DataError, match="key_articles.*must be a list of article ids"):
        read_settings(data)
