"""Claims as schema.org Claim JSON-LD: valid, complete, embedded in the page."""

import json
import re

import pytest
from pyld import jsonld as pyld

from crosscheck import jsonld
from crosscheck.load import load_dataset

from conftest import DATA, read_rows

SCHEMA = "https://schema.org/"


def expanded(document: dict) -> list[dict]:
    return pyld.expand(document)  # the context is inline: nothing is fetched


def test_every_claim_is_a_schema_org_claim_with_author_and_appearance(built_report):
    document = json.loads((built_report / "data" / "claims.jsonld").read_text())
    nodes = expanded(document)
    assert len(nodes) == len(read_rows(DATA / "claims.csv"))
    for node in nodes:
        assert node["@type"] == [SCHEMA + "Claim"]
        author = node[SCHEMA + "author"][0]
        assert author["@type"][0] in {SCHEMA + "Person", SCHEMA + "Organization"}
        assert author[SCHEMA + "name"][0]["@value"]
        appearance = node[SCHEMA + "appearance"][0]
        assert appearance[SCHEMA + "publisher"][0][SCHEMA + "name"][0]["@value"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", node[SCHEMA + "dateCreated"][0]["@value"])


def test_the_page_embeds_the_same_document(built_report):
    html = (built_report / "index.html").read_text()
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    file = json.loads((built_report / "data" / "claims.jsonld").read_text())
    assert json.loads(embedded.group(1)) == file


def test_the_seed_articles_claim_by_austin_reads_as_written():
    document = jsonld.claims_jsonld(load_dataset(DATA))
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


def test_the_streamed_file_holds_the_same_claims_as_the_document(tmp_path):
    dataset = load_dataset(DATA)
    jsonld.write_jsonld(dataset, tmp_path / "claims.jsonld")
    assert json.loads((tmp_path / "claims.jsonld").read_text()) == jsonld.claims_jsonld(dataset)


def test_a_limited_document_keeps_the_most_recent_claims():
    dataset = load_dataset(DATA)
    document = jsonld.claims_jsonld(dataset, limit=10)
    kept = {node["identifier"] for node in document["@graph"]}
    latest = dataset.claims.sort_values(["stated_on", "claim_id"]).tail(10)["claim_id"]
    assert kept == set(latest)
