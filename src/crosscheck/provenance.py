"""Who relayed whom: the path of each claim from its source to the outlet, and which
sources are independent of each other.

Two claims are from one source when they trace back to the same body: the
lawmakers who repeat an NIS briefing add no second source, and neither does
the NIS director speaking for his agency, nor a head of state citing his own
intelligence services (actors.part_of links each body of a state to its
government), nor a second outlet carrying the same statement
(claims.statement_key). Alignment never merges sources: two governments on one
side of a war are two sources.
"""

from __future__ import annotations

import pandas as pd

from crosscheck.columns import joined_distinct
from crosscheck.datapackage import (
    CLAIM_IDS,
    INDEPENDENT_SOURCE,
    INDEPENDENT_SOURCES,
    MEASURE,
    SOURCE,
    Column,
)


def origins(actors: pd.DataFrame) -> pd.Series:
    """For each actor id, the body it ultimately speaks for, following part_of."""
    parent = actors.set_index("actor_id")["part_of"] if "part_of" in actors else None
    root = pd.Series(actors["actor_id"].to_numpy(), index=actors["actor_id"].to_numpy())
    if parent is None:
        return root
    parent_of = parent.dropna().to_dict()
    # Follow the chain a bounded number of steps; validation forbids cycles.
    for _ in range(len(parent_of) + 1):
        stepped = root.map(lambda actor: parent_of.get(actor, actor))
        if stepped.equals(root):
            break
        root = stepped
    return root


# A claimant is compared across outlets by the body it speaks for, not by the state
# above it: "NIS director" and "NIS" are one attribution, "Zelenskyy" and "Ukrainian
# intelligence" are two, though both are one independent source.
WHOLE_BODY_TYPES = ("government", "international_organisation")


def attribution_bodies(actors: pd.DataFrame) -> pd.Series:
    """For each actor id, the body it speaks for: part_of followed upwards, but never
    into a government or an international organisation as a whole."""
    if "part_of" not in actors:
        return pd.Series(actors["actor_id"].to_numpy(), index=actors["actor_id"].to_numpy())
    whole = set(actors.loc[actors["actor_type"].isin(WHOLE_BODY_TYPES), "actor_id"])
    stops = actors.assign(part_of=actors["part_of"].where(~actors["part_of"].isin(whole)))
    return origins(stops)


def relay_chains(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per path source → relay → outlet, with how many claims took it.
    Input: labelled copies (claims.labelled)."""
    keys = ["claimant", "relayed_via", "outlet"]
    paths = claims.assign(relayed_via=claims["relayed_via"].fillna("(direct)"))
    chains = paths.groupby(keys, sort=True).agg(
        claims=("claim_id", "count"),
        figures=("measure", "count"),
        alignment=("claimant_alignment", "first"),
        independent_source=("origin", "first"),
    )
    # Claim ids are distinct, so the distinct ones are all of them.
    chains["claim_ids"] = joined_distinct(paths[keys], paths["claim_id"], " ").reindex(chains.index)
    chains = chains.reset_index().rename(
        columns={"claimant": "source", "relayed_via": "relayed via"}
    )
    return chains.sort_values(["claims", "source"], ascending=[False, True]).reset_index(drop=True)


def independent_sources(statements: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Per measure: how many statements, distinct outlets, claimants and independent
    sources. Input: the statements (one standing copy each) and every figured copy
    (for the outlets, which count once however many statements they carried)."""
    columns = ["measure", "statements", "outlets", "claimants", "independent sources",
               "sources"]  # fmt: skip
    if statements.empty:
        return pd.DataFrame(columns=columns)
    outlets = figures.groupby("measure_label")["outlet"].nunique()
    table = (
        statements.groupby("measure_label", sort=True)
        .agg(
            statements=("claim_id", "count"),
            claimants=("claimant_id", "nunique"),
            independent_sources=("origin_id", "nunique"),
            sources=("origin", lambda names: "; ".join(sorted(set(names)))),
        )
        .reset_index()
    )
    table["outlets"] = table["measure_label"].map(outlets).astype("int64")
    table = table.rename(
        columns={"measure_label": "measure", "independent_sources": "independent sources"}
    )
    return table[columns]


INDEPENDENCE_RULE = (
    "Sources are counted by the body that made the claim, never by who repeated it: "
    "relays and outlets add no source, an official speaking for an agency counts as the "
    "agency, and the bodies of one state (a head of state, his ministries and his "
    "intelligence services) count as one source, because they share what their services "
    "collect. Two states on the same side of the war are two sources."
)


def relay_title(chains: pd.DataFrame) -> str:
    """'12 of 34 claims reached the outlet through an intermediary'."""
    total = int(chains["claims"].sum())
    relayed = int(chains.loc[chains["relayed via"] != "(direct)", "claims"].sum())
    if total == 0:
        return "No claim reached an outlet"
    if total == 1:
        way = "through an intermediary" if relayed else "directly"
        return f"The one claim reached the outlet {way}"
    return f"{relayed:,} of {total:,} claims reached the outlet through an intermediary"


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
EXPORTED_COLUMNS = {
    "relay_chains": {
        "source": SOURCE,
        "relayed via": Column("string", "Who passed the claims on (actors.csv), or '(direct)'."),
        "outlet": Column("string", "The outlet that carried them (articles.csv `outlet`)."),
        "claims": Column("integer", "How many claims took this path."),
        "figures": Column("integer", "How many of them give a figure."),
        "alignment": Column("string", "The source's side (actors.csv `alignment`)."),
        "independent_source": INDEPENDENT_SOURCE,
        "claim_ids": CLAIM_IDS,
    },
    "independent_sources": {
        "measure": MEASURE,
        "statements": Column("integer", "How many statements give a figure of the measure."),
        "outlets": Column("integer", "How many distinct outlets carried them."),
        "claimants": Column("integer", "How many distinct claimants made them."),
        "independent sources": INDEPENDENT_SOURCES,
        "sources": Column("string", "The independent sources, separated by '; '."),
    },
}
