"""Synthetic claims datasets for the benchmark: valid under the schema, deterministic
from a seed, any size. The vocabularies (claim types, measures, alignments) are the
shipped ones.

    python bench/generate.py 100000 /tmp/claims-100k --seed 1
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
ACTOR_TYPES = ["intelligence_agency", "government", "legislator", "head_of_state", "diplomat"]
CLAIMS_PER_ARTICLE = 5
ACTORS = 300


def generate(claims: int, folder: Path, seed: int = 1) -> Path:
    random = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for table in ("claim_types.csv", "measures.csv", "alignments.csv"):
        shutil.copyfile(ROOT / "data" / table, folder / table)
    alignments = pd.read_csv(ROOT / "data" / "alignments.csv")["alignment"].to_numpy()
    measures = pd.read_csv(ROOT / "data" / "measures.csv")
    claim_types = pd.read_csv(ROOT / "data" / "claim_types.csv")["claim_type"].to_numpy()

    actor_ids = np.array([f"actor-{i:04d}" for i in range(ACTORS)])
    pd.DataFrame(
        {
            "actor_id": actor_ids,
            "name": [f"Source {i}" for i in range(ACTORS)],
            "organisation": [f"Organisation {i % 40}" for i in range(ACTORS)],
            "country": "Somewhere",
            "role": "spokesperson",
            "actor_type": random.choice(ACTOR_TYPES, ACTORS),
            "alignment": random.choice(alignments, ACTORS),
            "part_of": "",
        }
    ).to_csv(folder / "actors.csv", index=False)

    articles = max(1, claims // CLAIMS_PER_ARTICLE)
    days = pd.Timestamp("2024-10-01") + pd.to_timedelta(random.integers(0, 450, articles), "D")
    article_ids = np.array([f"art-{i:07d}" for i in range(articles)])
    pd.DataFrame(
        {
            "article_id": article_ids,
            "outlet": [f"Outlet {i % 500}" for i in range(articles)],
            "wire_agency": "",
            "title": "",
            "published_on": days.strftime("%Y-%m-%d"),
            "date_basis": "stated",
            "date_note": "",
            "url": [f"https://example.org/{i}" for i in range(articles)],
            "language": "en",
        }
    ).to_csv(folder / "articles.csv", index=False)

    article_of = np.arange(claims) % articles
    lag = random.integers(0, 4, claims)
    stated = (days[article_of] - pd.to_timedelta(lag, "D")).strftime("%Y-%m-%d")
    has_figure = random.random(claims) < 0.4
    measure_index = random.integers(0, len(measures), claims)
    value = random.integers(1, 20_000, claims)
    kind = random.integers(0, 3, claims)  # 0 bare, 1 about, 2 up to

    def column(values, mask):
        return np.where(mask, values.astype(str), "")

    figure = has_figure
    claim_ids = np.array([f"{article_ids[a]}-{i // articles + 1:02d}"
                          for i, a in enumerate(article_of)])  # fmt: skip
    frame = pd.DataFrame(
        {
            "claim_id": claim_ids,
            "article_id": article_ids[article_of],
            "claimant_id": actor_ids[random.integers(0, ACTORS, claims)],
            "relayed_via_id": "",
            "statement_key": np.where(random.random(claims) < 0.2,
                                      [f"stmt-{i // 3}" for i in range(claims)], ""),
            "claim_type": claim_types[random.integers(0, len(claim_types), claims)],
            "stance": random.choice(["asserts", "denies", "conditional", "no_comment"], claims),
            "summary": [f"Synthetic claim number {i}." for i in range(claims)],
            "stated_wording": stated,
            "period_wording": "",
            "measure": np.where(figure, measures["measure"].to_numpy()[measure_index], ""),
            "low": column(value, figure & (kind == 0)),
            "best": column(value, figure & (kind != 2)),
            "high": column(value, figure & (kind != 1)),
            "qualifier": np.where(figure & (kind == 1), "about",
                                  np.where(figure & (kind == 2), "up to", "")),
            "unit": np.where(figure, measures["unit"].to_numpy()[measure_index], ""),
            "direct_quote": random.choice(["yes", "no"], claims),
            "evidence": [f"evidence words {i}" for i in range(claims)],
            "relates_to": "",
            "note": "",
        }
    )  # fmt: skip
    frame.to_csv(folder / "claims.csv", index=False)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    generate(arguments.claims, arguments.folder, arguments.seed)


if __name__ == "__main__":
    main()
