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


def _days(values: pd.Series) -> list[str | None]:
    """Days as 'YYYY-MM-DD', None where there is none (one vectorised format)."""
    text = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
    return text.astype(object).where(text.notna(), None).tolist()


def _nodes(claims: pd.DataFrame, articles: pd.DataFrame):
    """One Claim node per claim, in claim id order (a generator: any number of claims),
    as the dictionaries of its JSON text (_lines)."""
    return (json.loads(line) for line in _lines(claims, articles))


def _lines(claims: pd.DataFrame, articles: pd.DataFrame):
    """One Claim node per claim as JSON text (keys sorted, UTF-8 as written), in claim
    id order (a generator: any number of claims). A claim whose article gives no date of
    its own has no dateCreated: the day of publication is when it was published, not
    when it was said.

    Every column is prepared whole (the article's outlet, address and day joined on,
    days formatted, person or body decided); a node's appearance (its article) and
    author are encoded once per article and per claimant, and only the claim's own
    fields once per claim: a million claims, each a json.dumps of nested dictionaries,
    took 15 s."""
    if claims.empty:
        return  # pandas cannot map an empty column of days onto another type
    claims = claims[list(COLUMNS)].sort_values("claim_id")
    found = articles.drop_duplicates("article_id").set_index("article_id")
    appearances: dict = {}
    authors: dict = {}
    # A block of claims at a time: a million claims as eleven lists of Python objects
    # held 2 GB at once.
    for start in range(0, len(claims), _BLOCK):
        block = claims.iloc[start : start + _BLOCK]
        yield from _block_lines(block, found, appearances, authors)


# The labelled claims' columns a node is made of.
COLUMNS = ("claim_id", "article_id", "stated_on", "stated_precision", "claimant_type",
           "summary", "evidence", "claimant_id", "claimant")  # fmt: skip
_BLOCK = 50_000
# json.dumps(text, ensure_ascii=False) of one string, without the call around it.
_text = json.encoder.encode_basestring


def _encoded(node: dict) -> str:
    return json.dumps(node, ensure_ascii=False, sort_keys=True)


def _block_lines(claims: pd.DataFrame, found: pd.DataFrame, appearances: dict, authors: dict):
    """The JSON text of each claim of a block (COLUMNS, in order). found: articles by
    article_id. appearances (article id → JSON text) and authors ((person?, claimant id,
    name) → JSON text) are caches shared by the blocks of one file, filled here."""
    on = claims["article_id"]
    said_on = claims["stated_on"].where(claims["stated_precision"] != "unknown")
    person = claims["claimant_type"].isin(PERSON_TYPES).tolist()
    columns = zip(
        claims["claim_id"].tolist(),
        on.tolist(),
        on.map(found["outlet"]).astype(object).tolist(),
        _days(on.map(found["published_on"])),
        on.map(found["url"]).astype(object).tolist(),
        claims["summary"].astype(object).tolist(),
        claims["evidence"].astype(object).tolist(),
        _days(said_on),
        person,
        claims["claimant_id"].astype(object).tolist(),
        claims["claimant"].astype(object).tolist(),
        strict=True,
    )
    for (claim_id, article_id, outlet, published, url, summary, evidence, created,
         is_person, claimant_id, claimant) in columns:  # fmt: skip
        appearance = appearances.get(article_id)
        if appearance is None:
            node = {
                "@type": "NewsArticle",
                "identifier": article_id,
                "publisher": {"@type": "Organization", "name": outlet},
                "datePublished": published,
            }
            if isinstance(url, str):
                node["url"] = url
            appearance = appearances[article_id] = _encoded(node)
        author = authors.get((is_person, claimant_id, claimant))
        if author is None:
            author = authors[(is_person, claimant_id, claimant)] = _encoded({
                "@type": "Person" if is_person else "Organization",
                "identifier": claimant_id,
                "name": claimant,
            })  # fmt: skip
        # The keys in sorted order, as json.dumps(sort_keys=True) writes them; a field
        # of the claim's own that is missing is left out.
        fields = [f'"@id": {_text(f"urn:crosscheck:claim:{claim_id}")}', '"@type": "Claim"',
                  f'"appearance": {appearance}', f'"author": {author}']  # fmt: skip
        if created is not None:
            fields.append(f'"dateCreated": {_text(created)}')
        if evidence is not None:
            fields.append(f'"description": {_text(evidence)}')
        fields.append(f'"identifier": {_text(claim_id)}')
        if summary is not None:
            fields.append(f'"text": {_text(summary)}')
        yield "{" + ", ".join(fields) + "}"


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
        for number, line in enumerate(_lines(claims, articles)):
            handle.write(("" if number == 0 else ",\n") + line)
        handle.write("\n]}\n")


# The page carries at most this many claims (the latest); claims.jsonld carries all.
MAX_EMBEDDED = 500


def script_element(document: dict) -> str:
    """The document as a <script type="application/ld+json"> element. A '</' inside a
    string would close the element early, so it is written '<\\/' (still valid JSON)."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
