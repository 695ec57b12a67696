"""A data folder cut down to some articles: the report on one article alone, say, stays
reproducible however much data is added beside it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from crosscheck import schema


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_subset(data_dir: Path, article_ids: list[str], target: Path) -> Path:
    """Copy data_dir to target keeping only the claims of the given articles.

    Actors and vocabularies are kept whole; a claim's relates_to that points at a
    claim left out is emptied; ACH ratings of claims left out are dropped. The
    source folder is only read.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in [table.filename for table in schema.TABLES] + ["report.yml"]:
        if (data_dir / name).exists():
            shutil.copyfile(data_dir / name, target / name)

    fields, articles = _rows(data_dir / schema.ARTICLES.filename)
    known = {row["article_id"] for row in articles}
    unknown = sorted(set(article_ids) - known)
    if unknown:
        raise ValueError(f"no article {', '.join(unknown)} in {data_dir / 'articles.csv'}")
    _write(target / schema.ARTICLES.filename, fields,
           [row for row in articles if row["article_id"] in article_ids])  # fmt: skip

    fields, claims = _rows(data_dir / schema.CLAIMS.filename)
    kept = [row for row in claims if row["article_id"] in article_ids]
    kept_ids = {row["claim_id"] for row in kept}
    for row in kept:
        if row.get("relates_to") and row["relates_to"] not in kept_ids:
            row["relates_to"] = ""
    _write(target / schema.CLAIMS.filename, fields, kept)

    ratings_path = data_dir / schema.ACH_RATINGS.filename
    if ratings_path.exists():
        fields, ratings = _rows(ratings_path)
        _write(target / schema.ACH_RATINGS.filename, fields,
               [row for row in ratings if row["claim_id"] in kept_ids])  # fmt: skip
    return target
