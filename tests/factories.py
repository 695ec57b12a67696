"""Small datasets written to disk for the tests, loaded through the real loader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from crosscheck import schema
from crosscheck.load import Dataset, load_dataset

from conftest import DATA, read_rows, write_rows

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
    for table in ("claim_types", "measures", "alignments", "nationalities", "measure_cues"):
        shutil.copy(DATA / f"{table}.csv", folder / f"{table}.csv")
    write_rows(folder / "articles.csv", articles or [ARTICLE], list(schema.ARTICLES.columns))
    write_rows(folder / "actors.csv", actors, list(schema.ACTORS.columns))
    write_rows(folder / "claims.csv", claims, list(schema.CLAIMS.columns))
    if grades:
        write_rows(folder / "grades.csv", grades, list(schema.GRADES.columns))
    return load_dataset(folder)


# Names in three scripts and at length, for the charts' layout tests: a chart must draw
# Hangul, Cyrillic and Arabic names, and long ones, without text over text.
SCRIPT_NAMES = {
    "rok-nis": "국가정보원",
    "dmitry-peskov": "Дмитрий Сергеевич Песков, пресс-секретарь Президента Российской Федерации",
    "us-government": "حكومة الولايات المتحدة الأمريكية ووزارة خارجيتها ووزارة دفاعها",
    "rok-government": "Government of the Republic of Korea (Office of the President, Ministry of "
    "National Defense and National Intelligence Service)",
}
LONG_OUTLET = ("Defence Talks", "Defence Talks: Independent Defence and Security News Worldwide")
A_YEAR_LATER = pd.Timedelta(days=364)  # 52 weeks: "on Wednesday" stays a Wednesday


def two_year_scripts_data(folder: Path) -> Path:
    """The shipped data with actors named in Hangul, Cyrillic and Arabic (SCRIPT_NAMES),
    one outlet's name made long, and October 2024's articles and claims published again
    a year later (ids ending -next), so that the claims span two years. Returns the folder."""
    shutil.copytree(DATA, folder)
    actors = read_rows(folder / "actors.csv")
    for row in actors:
        row["name"] = SCRIPT_NAMES.get(row["actor_id"], row["name"])
    write_rows(folder / "actors.csv", actors)
    articles = read_rows(folder / "articles.csv")
    for row in articles:
        row["outlet"] = LONG_OUTLET[1] if row["outlet"] == LONG_OUTLET[0] else row["outlet"]
    again = {
        row["article_id"]: row | {
            "article_id": f"{row['article_id']}-next",
            "published_on": f"{pd.Timestamp(row['published_on']) + A_YEAR_LATER:%Y-%m-%d}",
        }
        for row in articles
        if row["published_on"].startswith("2024-10")
    }  # fmt: skip
    write_rows(folder / "articles.csv", articles + list(again.values()))
    claims = read_rows(folder / "claims.csv")
    copied = {row["claim_id"] for row in claims if row["article_id"] in again}
    later = [
        row | {
            "claim_id": f"{row['claim_id']}-next",
            "article_id": again[row["article_id"]]["article_id"],
            "statement_key": f"{row['statement_key']}-next" if row["statement_key"] else "",
            "relates_to": f"{row['relates_to']}-next" if row["relates_to"] in copied
            else row["relates_to"],
        }
        for row in claims
        if row["article_id"] in again
    ]  # fmt: skip
    write_rows(folder / "claims.csv", claims + later)
    return folder
