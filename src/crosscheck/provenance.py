"""Who relayed whom: the path of each claim from its source to the outlet, and which
sources are independent of each other.

Two claims are from one source when they trace back to the same body: the
lawmakers who repeat an NIS briefing add no second source, and neither does
the NIS director speaking for his agency (actors.part_of), nor a second outlet
carrying the same statement (claims.statement_key).
"""

from __future__ import annotations

import pandas as pd

from crosscheck.claims import labelled
from crosscheck.load import Dataset


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


def with_origins(dataset: Dataset, claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with the independent source each traces back to (id and name)."""
    root = origins(dataset.actors)
    names = dataset.actors.set_index("actor_id")["name"]
    origin = claims["claimant_id"].map(root)
    return claims.assign(origin_id=origin, origin=origin.map(names))


def relay_chains(dataset: Dataset) -> pd.DataFrame:
    """One row per path source → relay → outlet, with how many claims took it."""
    claims = with_origins(dataset, labelled(dataset))
    chains = (
        claims.assign(relayed_via=claims["relayed_via"].fillna("(direct)"))
        .groupby(["claimant", "relayed_via", "outlet"], sort=True)
        .agg(
            claims=("claim_id", "count"),
            figures=("measure", "count"),
            alignment=("claimant_alignment", "first"),
            independent_source=("origin", "first"),
            claim_ids=("claim_id", lambda ids: " ".join(sorted(ids))),
        )
        .reset_index()
        .rename(columns={"claimant": "source", "relayed_via": "relayed via"})
    )
    return chains.sort_values(["claims", "source"], ascending=[False, True]).reset_index(drop=True)


def independent_sources(statements: pd.DataFrame) -> pd.DataFrame:
    """Per measure: how many figures, how many claimants, how many independent sources."""
    table = (
        statements.groupby("measure_label", sort=True)
        .agg(
            figures=("claim_id", "count"),
            outlets=("outlets", "sum"),
            claimants=("claimant_id", "nunique"),
            independent_sources=("origin_id", "nunique"),
            sources=("origin", lambda names: "; ".join(sorted(set(names)))),
        )
        .reset_index()
        .rename(columns={"measure_label": "measure"})
    )
    return table


def relay_title(chains: pd.DataFrame) -> str:
    """'12 of 34 claims reached the outlet through an intermediary'."""
    total = int(chains["claims"].sum())
    relayed = int(chains.loc[chains["relayed via"] != "(direct)", "claims"].sum())
    return f"{relayed:,} of {total:,} claims reached the outlet through an intermediary"
