"""Claims as schema.org Claim JSON-LD: valid, complete, embedded in the page."""

import json
import re

import pytest
from pyld import jsonld as pyld

from crosscheck import analysis, jsonld
from crosscheck.load import load_dataset

from conftest import DATA, read_rows
from factories import ARTICLE, actor, figure, make_dataset

SCHEMA = "https://schema.org/"


def expanded(document: dict) -> list[dict]:
    return pyld.expand(document)  # the context is inline: nothing is fetched


@pytest.fixture(scope="module")
def view():
    return analysis.analyse(load_dataset(DATA))


def document_of(view, limit=None) -> dict:
    return jsonld.claims_jsonld(view.claims, view.data.articles, limit=limit)


def test_every_claim_is_a_schema_org_claim_with_author_and_appearance(built_report, view):
    # Changed by design: a claim whose article gives no date of its own has no
    # dateCreated (its day of publication is when it was published, not said).
    document = json.loads((built_report / "data" / "claims.jsonld").read_text())
    nodes = expanded(document)
    assert len(nodes) == len(read_rows(DATA / "claims.csv"))
    dated = view.claims.set_index("claim_id")["stated_precision"] != "unknown"
    assert dated.any() and not dated.all()
    for node in nodes:
        assert node["@type"] == [SCHEMA + "Claim"]
        author = node[SCHEMA + "author"][0]
        assert author["@type"][0] in {SCHEMA + "Person", SCHEMA + "Organization"}
        assert author[SCHEMA + "name"][0]["@value"]
        appearance = node[SCHEMA + "appearance"][0]
        assert appearance[SCHEMA + "publisher"][0][SCHEMA + "name"][0]["@value"]
        day = r"\d{4}-\d{2}-\d{2}"
        assert re.fullmatch(day, appearance[SCHEMA + "datePublished"][0]["@value"])
        created = node.get(SCHEMA + "dateCreated")
        if dated[node[SCHEMA + "identifier"][0]["@value"]]:
            assert re.fullmatch(day, created[0]["@value"])
        else:
            assert created is None


def test_the_page_embeds_the_same_document(built_report):
    html = (built_report / "index.html").read_text()
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    file = json.loads((built_report / "data" / "claims.jsonld").read_text())
    assert json.loads(embedded.group(1)) == file


def test_the_seed_articles_claim_by_austin_reads_as_written(view):
    document = document_of(view)
    node = next(n for n in document["@graph"] if n["identifier"] == "dt-2024-10-23-01")
    assert node["author"] == {"@type": "Person", "identifier": "lloyd-austin",
                              "name": "Lloyd Austin"}  # fmt: skip
    assert node["dateCreated"] == "2024-10-23"
    assert node["appearance"]["publisher"]["name"] == "Defence Talks"
    assert "url" not in node["appearance"]  # unknown, so left out rather than empty


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "a </ b"])
def test_text_cannot_close_the_script_element_early(text):
    element = jsonld.script_element({"@context": jsonld.CONTEXT, "text": text})
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "</" not in inner and json.loads(inner)["text"] == text


def test_the_streamed_file_holds_the_same_claims_as_the_document(tmp_path, view):
    jsonld.write_jsonld(view.claims, view.data.articles, tmp_path / "claims.jsonld")
    assert json.loads((tmp_path / "claims.jsonld").read_text()) == document_of(view)


def test_a_limited_document_keeps_the_most_recent_claims(view):
    document = document_of(view, limit=10)
    kept = {node["identifier"] for node in document["@graph"]}
    latest = view.claims.sort_values(["stated_on", "claim_id"]).tail(10)["claim_id"]
    assert kept == set(latest)


def test_a_document_of_an_early_view_names_only_the_articles_published_by_then():
    early = analysis.analyse(load_dataset(DATA), analysis.Parameters.parse(as_of="2024-10-20"))
    nodes = document_of(early)["@graph"]
    assert nodes and len(nodes) == len(early.claims)
    assert all(node["appearance"]["datePublished"] <= "2024-10-20" for node in nodes)


# Small datasets: no claims, one claim, an undated claim.

ACTORS = [actor("nis")]
ARTICLES = [ARTICLE | {"published_on": "2024-10-25", "url": "https://example.org/a1"}]


def small_view(tmp_path, **fields):
    claim = figure("c1", "nis", "troops_dispatched", best=3000, **fields)
    return analysis.analyse(make_dataset(tmp_path, [claim], ACTORS, articles=ARTICLES))


def test_no_claims_give_an_empty_graph_and_a_valid_file(tmp_path):
    view = small_view(tmp_path)
    none, articles = view.claims.iloc[:0], view.data.articles
    assert jsonld.claims_jsonld(none, articles) == {"@context": jsonld.CONTEXT, "@graph": []}
    jsonld.write_jsonld(none, articles, tmp_path / "claims.jsonld")
    assert json.loads((tmp_path / "claims.jsonld").read_text()) == {
        "@context": jsonld.CONTEXT,
        "@graph": [],
    }
    # A cut-off before any article: no claim and no article either.
    jsonld.write_jsonld(none, articles.iloc[:0], tmp_path / "none.jsonld")
    assert json.loads((tmp_path / "none.jsonld").read_text())["@graph"] == []


def test_one_dated_claim_is_one_node_with_the_day_it_was_stated(tmp_path):
    view = small_view(tmp_path, stated_wording="on Wednesday", summary="3,000 sent.")
    assert document_of(view)["@graph"] == [
        {
            "@type": "Claim",
            "@id": "urn:crosscheck:claim:c1",
            "identifier": "c1",
            "text": "3,000 sent.",
            "description": "some words",
            "dateCreated": "2024-10-23",
            "author": {"@type": "Organization", "identifier": "nis", "name": "Nis"},
            "appearance": {
                "@type": "NewsArticle",
                "identifier": "a1",
                "publisher": {"@type": "Organization", "name": "Outlet One"},
                "datePublished": "2024-10-25",
                "url": "https://example.org/a1",
            },
        }
    ]


def test_an_undated_claim_has_no_date_created(tmp_path):
    view = small_view(tmp_path, stated_wording="")
    assert view.claims["stated_precision"].tolist() == ["unknown"]
    (node,) = document_of(view)["@graph"]
    assert "dateCreated" not in node
    assert node["appearance"]["datePublished"] == "2024-10-25"
    jsonld.write_jsonld(view.claims, view.data.articles, tmp_path / "claims.jsonld")
    (written,) = json.loads((tmp_path / "claims.jsonld").read_text())["@graph"]
    assert "dateCreated" not in written


def test_claims_taken_a_block_at_a_time_give_the_same_nodes_in_order(view, monkeypatch):
    whole = jsonld.claims_jsonld(view.claims, view.data.articles)["@graph"]
    monkeypatch.setattr(jsonld, "_BLOCK", 7)  # 153 claims: 22 blocks, the last of 6
    assert jsonld.claims_jsonld(view.claims, view.data.articles)["@graph"] == whole
    assert [node["identifier"] for node in whole] == sorted(view.claims["claim_id"])


@pytest.mark.parametrize(
    "summary",
    ['He said "3,000".', "back\\slash", "line\nbreak\ttab\x01", "Пхеньян 평양 🇰🇵", "</script>"],
)
def test_each_line_of_the_file_is_its_node_as_json_dumps_writes_it(tmp_path, summary):
    # The file's lines are assembled from pieces encoded once per article and claimant:
    # each must be the bytes json.dumps(node, ensure_ascii=False, sort_keys=True) gives.
    view = small_view(tmp_path, stated_wording="on Wednesday", summary=summary)
    jsonld.write_jsonld(view.claims, view.data.articles, tmp_path / "claims.jsonld")
    lines = (tmp_path / "claims.jsonld").read_text(encoding="utf-8").split("\n")
    (node,) = json.loads("\n".join(lines))["@graph"]
    assert node["text"] == summary
    assert lines[1] == json.dumps(node, ensure_ascii=False, sort_keys=True)


def test_the_shipped_files_lines_are_their_nodes_as_json_dumps_writes_them(view, tmp_path):
    jsonld.write_jsonld(view.claims, view.data.articles, tmp_path / "claims.jsonld")
    lines = (tmp_path / "claims.jsonld").read_text(encoding="utf-8").splitlines()[1:-1]
    nodes = document_of(view)["@graph"]
    assert len(lines) == len(nodes) == len(view.claims)
    for line, node in zip(lines, nodes, strict=True):
        assert line.removesuffix(",") == json.dumps(node, ensure_ascii=False, sort_keys=True)
