"""Who relayed whom: the path of each claim from its source to the outlet."""

from __future__ import annotations

import pandas as pd

from crosscheck.claims import labelled
from crosscheck.load import Dataset


def relay_chains(dataset: Dataset) -> pd.DataFrame:
    """One row per path source → relay → outlet, with how many claims took it."""
    claims = labelled(dataset)
    chains = (
        claims.assign(relayed_via=claims["relayed_via"].fillna("(direct)"))
        .groupby(["claimant", "relayed_via", "outlet"], sort=True)
        .agg(
            claims=("claim_id", "count"),
            figures=("measure", "count"),
            alignment=("claimant_alignment", "first"),
            claim_ids=("claim_id", lambda ids: " ".join(sorted(ids))),
        )
        .reset_index()
        .rename(columns={"claimant": "source", "relayed_via": "relayed via"})
    )
    return chains.sort_values(["claims", "source"], ascending=[False, True]).reset_index(drop=True)


def relay_title(chains: pd.DataFrame) -> str:
    """'12 of 34 claims reached the outlet through an intermediary'."""
    total = int(chains["claims"].sum())
    relayed = int(chains.loc[chains["relayed via"] != "(direct)", "claims"].sum())
    return f"{relayed:,} of {total:,} claims reached the outlet through an intermediary"
