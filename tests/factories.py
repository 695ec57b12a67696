"""Small datasets written to disk for the tests, loaded through the real loader."""

from __future__ import annotations

import shutil
from pathlib import Path

from crosscheck import schema
from crosscheck.load import Dataset, load_dataset

from conftest import DATA, write_rows

ARTICLE = {
    "article_id": "a1",
    "outlet": "Outlet One",
    "wire_agency": "",
    "title": "",
    "published_on": "2024-10-23",
    "date_basis": "stated",
    "date_note": "",
    "url": "",
    "language": "en",
}
CLAIM = {column: "" for column in schema.CLAIMS.columns} | {
    "claim_type": "troops_dispatched",
    "stance": "asserts",
    "summary": "a claim",
    "direct_quote": "no",
    "evidence": "some words",
    "article_id": "a1",
}
ACTOR = {
    "actor_id": "",
    "name": "",
    "organisation": "Org",
    "country": "",
    "role": "role",
    "actor_type": "intelligence_agency",
    "alignment": "supports_ukraine",
    "part_of": "",
}
UNITS = {"troops_dispatched": "soldiers", "troops_committed": "soldiers",
         "troops_prepared": "soldiers", "units_prepared": "units",
         "ratio_to_previous": "ratio"}  # fmt: skip


def actor(actor_id: str, **fields) -> dict:
    return ACTOR | {"actor_id": actor_id, "name": actor_id.replace("-", " ").title()} | fields


def figure(claim_id: str, claimant: str, measure: str, low=None, best=None, high=None,
           **fields) -> dict:  # fmt: skip
    """A claim with a figure; numbers given as int or None."""
    return (
        CLAIM
        | {
            "claim_id": claim_id,
            "claimant_id": claimant,
            "measure": measure,
            "unit": UNITS[measure],
            "low": "" if low is None else str(low),
            "best": "" if best is None else str(best),
            "high": "" if high is None else str(high),
        }
        | {key: str(value) for key, value in fields.items()}
    )


def make_dataset(
    folder: Path,
    claims: list[dict],
    actors: list[dict],
    articles: list[dict] | None = None,
    grades: list[dict] | None = None,
) -> Dataset:
    """Write a dataset (vocabularies copied from the shipped data) and load it."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in ("claim_types", "measures"):
        shutil.copy(DATA / f"{table}.csv", folder / f"{table}.csv")
    write_rows(folder / "articles.csv", articles or [ARTICLE], list(schema.ARTICLES.columns))
    write_rows(folder / "actors.csv", actors, list(schema.ACTORS.columns))
    write_rows(folder / "claims.csv", claims, list(schema.CLAIMS.columns))
    if grades:
        write_rows(folder / "grades.csv", grades, list(schema.GRADES.columns))
    return load_dataset(folder)
