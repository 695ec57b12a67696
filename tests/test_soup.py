"""nbconvert's BeautifulSoup pass, kept linear: the same page, byte for byte."""

import pytest
from bs4 import BeautifulSoup

from crosscheck.soup import CountedTags, linear_void_elements

PAGE = (
    "<table>" + "<tr><td>a<br>b<br/>c</td><td><img src='x'></td></tr>" * 300 + "</table>"
    "<p>stray end tags of void elements: </br></br><col></col></p><svg><path d='M0 0'/></svg>"
)


def test_the_page_comes_out_the_same_with_and_without_counting():
    plain = str(BeautifulSoup(PAGE, features="html.parser"))
    with linear_void_elements():
        counted = str(BeautifulSoup(PAGE, features="html.parser"))
    assert counted == plain
    assert counted.count("<br/>") == 600


def test_the_parser_is_put_back_after_the_render():
    with linear_void_elements():
        pass
    soup = BeautifulSoup("<br>", features="html.parser")
    assert str(soup) == "<br/>"
    from bs4.builder import _htmlparser

    parser = _htmlparser.BeautifulSoupHTMLParser(soup)
    assert type(parser.already_closed_empty_element) is list


def test_counted_tags_answer_as_a_list_does():
    tags = CountedTags()
    for name in ("br", "br", "col"):
        tags.append(name)
    tags.remove("br")
    assert list(tags) == ["br", "col"] and "br" in tags and "img" not in tags
    tags.remove("br")
    assert "br" not in tags
    with pytest.raises(ValueError):
        tags.remove("br")


def test_while_a_page_renders_the_parser_counts_its_void_elements():
    from bs4.builder import _htmlparser

    soup = BeautifulSoup("", features="html.parser")
    with linear_void_elements():
        parser = _htmlparser.BeautifulSoupHTMLParser(soup)
    assert isinstance(parser.already_closed_empty_element, CountedTags)
