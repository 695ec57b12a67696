"""Every claim as a schema.org Claim in JSON-LD, for fact-checking tools and search engines.

The context is inline ({"@vocab": "https://schema.org/"}) rather than the remote
schema.org context document, so the file expands offline and byte for byte the same.
"""

from __future__ import annotations

import json

import pandas as pd

from crosscheck.claims import labelled
from crosscheck.load import Dataset

CONTEXT = {"@vocab": "https://schema.org/"}
# Actor types that name one person; the others are bodies.
PERSON_TYPES = {
    "head_of_state",
    "head_of_government",
    "minister",
    "defence_minister",
    "legislator",
    "diplomat",
    "government_spokesperson",
}


def _day(value) -> str | None:
    return None if pd.isna(value) else f"{value:%Y-%m-%d}"


def claims_jsonld(dataset: Dataset) -> dict:
    """A JSON-LD document: one Claim node per claim, its author and its appearance."""
    claims = labelled(dataset)
    articles = dataset.articles.set_index("article_id")
    nodes = []
    for claim in claims.sort_values("claim_id").itertuples(index=False):
        article = articles.loc[claim.article_id]
        appearance = {
            "@type": "NewsArticle",
            "identifier": claim.article_id,
            "publisher": {"@type": "Organization", "name": article["outlet"]},
            "datePublished": _day(article["published_on"]),
        }
        if isinstance(article["url"], str):
            appearance["url"] = article["url"]
        node = {
            "@type": "Claim",
            "@id": f"urn:crosscheck:claim:{claim.claim_id}",
            "identifier": claim.claim_id,
            "text": claim.summary,
            "description": claim.evidence,
            "dateCreated": _day(claim.stated_on),
            "author": {
                "@type": "Person" if claim.claimant_type in PERSON_TYPES else "Organization",
                "identifier": claim.claimant_id,
                "name": claim.claimant,
            },
            "appearance": appearance,
        }
        nodes.append({key: value for key, value in node.items() if value is not None})
    return {"@context": CONTEXT, "@graph": nodes}


def to_json(document: dict) -> str:
    """Stable JSON text: sorted keys, UTF-8, a trailing newline."""
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# The page carries at most this many claims (the latest); claims.jsonld carries all.
MAX_EMBEDDED = 500


def script_element(document: dict) -> str:
    """The document as a <script type="application/ld+json"> element, with at most
    MAX_EMBEDDED claims (the most recently stated). A '</' inside a string would close
    the element early, so it is written '<\\/' (still valid JSON)."""
    graph = document.get("@graph", [])
    if len(graph) > MAX_EMBEDDED:
        latest = sorted(graph, key=lambda n: (n.get("dateCreated", ""), n["identifier"]))
        document = document | {"@graph": latest[-MAX_EMBEDDED:]}
    text = json.dumps(document, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
