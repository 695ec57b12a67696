"""Every claim as a schema.org Claim in JSON-LD, for fact-checking tools and search engines.

The context is inline ({"@vocab": "https://schema.org/"}) rather than the remote
schema.org context document, so the file expands offline and byte for byte the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

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


def _nodes(claims: pd.DataFrame, articles: pd.DataFrame):
    """One Claim node per claim, in claim id order (a generator: any number of claims).
    A claim whose article gives no date of its own has no dateCreated: the day of
    publication is when it was published, not when it was said."""
    articles = articles.set_index("article_id")
    outlets, urls = articles["outlet"], articles["url"]
    published = articles["published_on"]
    for claim in claims.sort_values("claim_id").itertuples(index=False):
        appearance = {
            "@type": "NewsArticle",
            "identifier": claim.article_id,
            "publisher": {"@type": "Organization", "name": outlets[claim.article_id]},
            "datePublished": _day(published[claim.article_id]),
        }
        if isinstance(urls[claim.article_id], str):
            appearance["url"] = urls[claim.article_id]
        node = {
            "@type": "Claim",
            "@id": f"urn:crosscheck:claim:{claim.claim_id}",
            "identifier": claim.claim_id,
            "text": claim.summary,
            "description": claim.evidence,
            "dateCreated": None if claim.stated_precision == "unknown" else _day(claim.stated_on),
            "author": {
                "@type": "Person" if claim.claimant_type in PERSON_TYPES else "Organization",
                "identifier": claim.claimant_id,
                "name": claim.claimant,
            },
            "appearance": appearance,
        }
        yield {key: value for key, value in node.items() if value is not None}


def claims_jsonld(claims: pd.DataFrame, articles: pd.DataFrame, limit: int | None = None) -> dict:
    """A JSON-LD document of the claims (with a limit, only the most recently stated).
    Input: labelled copies (claims.labelled) and the articles table."""
    if limit is not None and len(claims) > limit:
        claims = claims.sort_values(["stated_on", "claim_id"]).tail(limit)
    return {"@context": CONTEXT, "@graph": list(_nodes(claims, articles))}


def write_jsonld(claims: pd.DataFrame, articles: pd.DataFrame, path: Path) -> None:
    """Every claim to a JSON-LD file, one node a line, written as it goes: a million
    claims never sit in memory as one document."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f'{{"@context": {json.dumps(CONTEXT)}, "@graph": [\n')
        for number, node in enumerate(_nodes(claims, articles)):
            handle.write(("" if number == 0 else ",\n") + json.dumps(node, ensure_ascii=False,
                                                                      sort_keys=True))  # fmt: skip
        handle.write("\n]}\n")


# The page carries at most this many claims (the latest); claims.jsonld carries all.
MAX_EMBEDDED = 500


def script_element(document: dict) -> str:
    """The document as a <script type="application/ld+json"> element. A '</' inside a
    string would close the element early, so it is written '<\\/' (still valid JSON)."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
