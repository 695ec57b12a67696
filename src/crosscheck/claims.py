"""Claims as readers see them: filtered to a date, labelled, and tabulated by who says what."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd

from crosscheck.load import Dataset
from crosscheck.present import format_count

STANCE_LABELS = {
    "asserts": "asserts",
    "denies": "denies",
    "conditional": "conditional",
    "no_comment": "no comment",
    "cannot_confirm": "cannot confirm",
}


def parse_as_of(as_of: str | date | None) -> pd.Timestamp | None:
    """The cut-off date of a report: None (no cut-off) or an ISO date."""
    if as_of is None or (isinstance(as_of, str) and not as_of.strip()):
        return None
    if isinstance(as_of, date):  # a date, datetime or Timestamp: already parsed
        return pd.Timestamp(as_of).normalize()
    try:
        return pd.Timestamp(date.fromisoformat(str(as_of).strip()))
    except ValueError:
        raise ValueError(f"as_of must be a date written YYYY-MM-DD, not {as_of!r}") from None


def known_as_of(dataset: Dataset, as_of: str | date | None) -> Dataset:
    """The dataset as it stood on a day: only claims stated on or before it.

    A claim whose article gives no date counts from its article's publication
    day, the first day it is known to have been public.
    """
    cutoff = parse_as_of(as_of)
    if cutoff is None:
        return dataset
    claims = dataset.claims[dataset.claims["stated_on"] <= cutoff]
    return dataclasses.replace(dataset, claims=claims)


def labelled(dataset: Dataset) -> pd.DataFrame:
    """Claims joined to the names a reader knows: claimant, relay, outlet, labels."""
    actors = dataset.actors.set_index("actor_id")
    claims = dataset.claims
    return claims.assign(
        claimant=claims["claimant_id"].map(actors["name"]),
        claimant_alignment=claims["claimant_id"].map(actors["alignment"]),
        claimant_type=claims["claimant_id"].map(actors["actor_type"]),
        relayed_via=claims["relayed_via_id"].map(actors["name"]),
        outlet=claims["article_id"].map(dataset.articles.set_index("article_id")["outlet"]),
        claim_type_label=claims["claim_type"].map(
            dataset.claim_types.set_index("claim_type")["label"]
        ),
        measure_label=claims["measure"].map(dataset.measures.set_index("measure")["label"]),
        stance_label=claims["stance"].map(STANCE_LABELS),
    )


def figure_label(claims: pd.DataFrame) -> pd.Series:
    """A figure as written: 'up to 12,000 soldiers', '3,000 soldiers', '10,000–12,000'."""
    low, best, high = (format_count(claims[column]) for column in ("low", "best", "high"))
    span = (low + "–" + high).where((low != "") & (high != "") & (low != high), "")
    number = best.where(best != "", span)
    number = number.where(number != "", low.where(low != "", high))
    qualifier = claims["qualifier"].fillna("")
    text = (qualifier + " " + number).str.strip() + " " + claims["unit"].fillna("")
    return text.str.strip().where(number != "", "")


def claims_table(dataset: Dataset) -> pd.DataFrame:
    """Every claim in reading order: when, who, through whom, what, and the evidence."""
    claims = labelled(dataset).sort_values(["stated_on", "claim_id"])
    return pd.DataFrame(
        {
            "claim": claims["claim_id"],
            "stated": claims["stated_on"],
            "date as worded": claims["stated_wording"].fillna("(not given: by publication)"),
            "claimant": claims["claimant"],
            "relayed via": claims["relayed_via"].fillna(""),
            "type": claims["claim_type_label"],
            "stance": claims["stance_label"],
            "claim summary": claims["summary"],
            "figure": figure_label(claims),
            "evidence": claims["evidence"],
            "outlet": claims["outlet"],
            "note": claims["note"].fillna(""),
        }
    ).reset_index(drop=True)


def stances_by_claimant(dataset: Dataset) -> pd.DataFrame:
    """How many claims each claimant asserts, denies, hedges or leaves unanswered."""
    claims = labelled(dataset)
    table = pd.crosstab(claims["claimant"], claims["stance_label"])
    table = table.reindex(columns=list(STANCE_LABELS.values()), fill_value=0)
    table["claims"] = table.sum(axis=1)
    table = table.sort_values(["claims", "claimant"], ascending=[False, True])
    return table.reset_index().rename_axis(columns=None)


def positions_on_deployment(dataset: Dataset, claim_types: tuple[str, ...]) -> pd.DataFrame:
    """Each claimant's stance on whether troops are there: who asserts, denies, stays silent."""
    claims = labelled(dataset)
    about = claims[claims["claim_type"].isin(claim_types) | (claims["claim_type"] == "denial")]
    rows = (
        about.sort_values(["stated_on", "claim_id"])
        .groupby("claimant", sort=False)
        .agg(
            alignment=("claimant_alignment", "first"),
            stances=("stance_label", lambda s: ", ".join(dict.fromkeys(s))),
            first_stated=("stated_on", "min"),
            claims=("claim_id", "count"),
        )
        .reset_index()
    )
    return rows.sort_values(["alignment", "claimant"]).reset_index(drop=True)


def positions_by_side(dataset: Dataset, claim_types: tuple[str, ...]) -> pd.DataFrame:
    """Each side's first and latest stance on the deployment: where a denial was followed
    by a confirmation, the table shows it."""
    claims = labelled(dataset)
    about = claims[claims["claim_type"].isin(claim_types) | (claims["claim_type"] == "denial")]
    about = about.sort_values(["stated_on", "claim_id"])
    sides = about.groupby("claimant_alignment", sort=True)
    first, latest = (
        sides.head(1).set_index("claimant_alignment"),
        sides.tail(1).set_index("claimant_alignment"),
    )
    table = pd.DataFrame(
        {
            "first stance": first["stance_label"],
            "first stated": first["stated_on"],
            "by": first["claimant"],
            "latest stance": latest["stance_label"],
            "latest stated": latest["stated_on"],
            "latest by": latest["claimant"],
            "claims": sides.size(),
        }
    )
    table["changed"] = (table["first stance"] != table["latest stance"]).map(
        {True: "yes", False: "no"}
    )
    return table.rename_axis("side").reset_index()


def claims_by_type(dataset: Dataset) -> pd.DataFrame:
    """How many claims of each type, and from how many claimants."""
    claims = labelled(dataset)
    table = (
        claims.groupby("claim_type_label")
        .agg(claims=("claim_id", "count"), claimants=("claimant_id", "nunique"))
        .reset_index()
        .rename(columns={"claim_type_label": "claim type"})
    )
    return table.sort_values(["claims", "claim type"], ascending=[False, True]).reset_index(
        drop=True
    )


def articles_table(dataset: Dataset) -> pd.DataFrame:
    """The articles the claims were read in, with how many claims each carries."""
    counts = dataset.claims.groupby("article_id").size()
    articles = dataset.articles.assign(claims=dataset.articles["article_id"].map(counts))
    articles = articles[articles["claims"].notna()].sort_values(["published_on", "article_id"])
    return pd.DataFrame(
        {
            "article": articles["article_id"],
            "outlet": articles["outlet"],
            "title": articles["title"].fillna(""),
            "agency": articles["wire_agency"].fillna(""),
            "published": articles["published_on"],
            "date is": articles["date_basis"].str.replace("_", " "),
            "claims": articles["claims"].astype("int64"),
            "url": articles["url"],
        }
    ).reset_index(drop=True)
