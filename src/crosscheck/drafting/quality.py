"""How well the drafter finds figures: drafts of hand-annotated articles against the annotation.

A gold folder holds `articles.csv` (file, published, outlet, and optionally
annotation and data: the topic's data folder, relative to the project root, for
an article of another topic), one text file per article and beside it
`<name>.csv`, the hand annotation of its figures (figure, measure, claimant_id,
stated_on; see tests/gold/README.md). The gold set comes in two halves: the
development half (`tests/gold/`), which the rules were written from, and the
held-out half (`tests/gold/heldout/`), written and annotated blind after the
rules were frozen; they are reported apart, as the held-out half alone says how
the drafter does on copy it has not seen. A drafted figure
matches a gold figure when the number is equal (each used once); precision and
recall are over figures, and of the matched figures we report the share whose
measure, claimant and statement day are also right.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from crosscheck import dates
from crosscheck.drafting.reader import draft_article
from crosscheck.load import Dataset, load_dataset

# The annotation's word for a claimant not yet in actors.csv: right when the
# draft proposes a new actor for it.
NEW_ACTOR = "(new)"
COLUMNS = (
    "article",
    "gold",
    "drafted",
    "matched",
    "precision",
    "recall",
    "measure right",
    "claimant right",
    "date right",
)


def evaluate(gold_dir: str | Path, dataset: Dataset, root: str | Path = ".") -> pd.DataFrame:
    """One row per gold article and a last row 'overall' (figures pooled).

    In: the gold folder; the dataset its articles are drafted against; `root`, the
    folder the `data` column's paths are relative to (an article naming another
    topic's data folder is drafted against that topic). Out: COLUMNS; rates are
    floats in 0..1 (NaN when nothing to divide by). Raises FileNotFoundError for a
    missing annotation and DataError for a `data` folder that does not validate.
    """
    gold_dir = Path(gold_dir)
    topics: dict[str, Dataset] = {}
    index = pd.read_csv(gold_dir / "articles.csv", dtype=str, keep_default_na=False)
    if "annotation" not in index:
        index["annotation"] = index["file"].map(lambda f: str(Path(f).with_suffix(".csv")))
    counts = []
    if "data" not in index:
        index["data"] = ""
    rows = index[["file", "annotation", "published", "outlet", "data"]].itertuples(index=False)
    for file, annotation, published, outlet, data in rows:
        if not (gold_dir / file).exists():
            # The seed article is read where the team keeps it, beside the project, and
            # is not copied into the repository; without it, it is left out.
            continue
        published_on = date.fromisoformat(published)
        text = (gold_dir / file).read_text(encoding="utf-8")
        gold = pd.read_csv(gold_dir / annotation, dtype=str, keep_default_na=False)
        topic = dataset
        if data and (Path(root) / data).resolve() != Path(dataset.data_dir).resolve():
            if data not in topics:
                topics[data] = load_dataset(Path(root) / data)
            topic = topics[data]
        draft = draft_article(text, published_on, topic, outlet, None, None)
        name = Path(annotation).stem
        # the outlet speaking in its own voice is the drafter's fallback when it finds
        # no speaker: never the new claimant a gold "(new)" names
        outlets = set(draft.actors.loc[draft.actors["actor_type"] == "news_outlet", "actor_id"])
        counts.append({"article": name} | _compare(draft.claims, gold, published_on, outlets))
    table = pd.DataFrame(counts)
    overall = table.drop(columns="article").sum().to_dict() | {"article": "overall"}
    table = pd.concat([table, pd.DataFrame([overall])], ignore_index=True)
    return _rates(table)


def missing_articles(gold_dir: str | Path) -> list[str]:
    """The text files articles.csv lists that are not there (the seed article, read from
    beside the project, in a clone without it): left out of the measure, and said so."""
    gold_dir = Path(gold_dir)
    index = pd.read_csv(gold_dir / "articles.csv", dtype=str, keep_default_na=False)
    return [file for file in index["file"] if not (gold_dir / file).exists()]


def drafted_figures(
    claims: pd.DataFrame, published: date, outlets: set[str] = frozenset()
) -> pd.DataFrame:
    """The drafted figures in the annotation's terms: main value, measure, claimant, day."""
    figured = claims[claims["measure"].notna()]
    value = figured["best"].fillna(figured["high"]).fillna(figured["low"])
    return pd.DataFrame(
        {
            "figure": value.astype("int64").astype(str),
            "measure": figured["measure"].astype(str),
            "claimant_id": figured["claimant_id"].astype(str),
            "proposed": (
                (figured["claimant_match"] == "proposed") & ~figured["claimant_id"].isin(outlets)
            ).astype(bool),
            "stated_on": figured["stated_wording"].fillna("").map(lambda w: _day(w, published)),
        }
    ).reset_index(drop=True)


def _day(wording: str, published: date) -> str:
    if not wording:
        return ""
    span = dates.resolve(wording, published)
    return span.end.isoformat() if span.precision == "day" else ""


def _compare(claims: pd.DataFrame, gold: pd.DataFrame, published: date, outlets: set[str]) -> dict:
    drafted = drafted_figures(claims, published, outlets)
    pairs = _match(drafted, gold)
    right = {"measure": 0, "claimant": 0, "date": 0}
    for d, g in pairs:
        drafted_row, gold_row = drafted.loc[d], gold.loc[g]
        right["measure"] += drafted_row["measure"] == gold_row["measure"]
        right["claimant"] += _claimant_right(drafted_row, gold_row["claimant_id"])
        right["date"] += drafted_row["stated_on"] == gold_row["stated_on"]
    return {
        "gold": len(gold),
        "drafted": len(drafted),
        "matched": len(pairs),
        "measure_n": right["measure"],
        "claimant_n": right["claimant"],
        "date_n": right["date"],
    }


def _claimant_right(drafted_row: pd.Series, gold_claimant: str) -> bool:
    if gold_claimant == NEW_ACTOR:
        return bool(drafted_row["proposed"])
    return drafted_row["claimant_id"] == gold_claimant


def _match(drafted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs (drafted row, gold row) with equal numbers, each row used once; where a
    number occurs more than once, pairs that also agree on the measure go first."""
    pairs, used_drafted, used_gold = [], set(), set()
    for same_measure in (True, False):
        for g, gold_row in gold.iterrows():
            if g in used_gold:
                continue
            for d, drafted_row in drafted.iterrows():
                if d in used_drafted or drafted_row["figure"] != str(gold_row["figure"]):
                    continue
                if same_measure and drafted_row["measure"] != gold_row["measure"]:
                    continue
                pairs.append((d, g))
                used_drafted.add(d)
                used_gold.add(g)
                break
    return sorted(pairs, key=lambda pair: pair[1])


def _rates(table: pd.DataFrame) -> pd.DataFrame:
    matched = table["matched"]

    def share(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
        return (numerator / denominator.where(denominator > 0)).round(3)

    return pd.DataFrame(
        {
            "article": table["article"],
            "gold": table["gold"].astype(int),
            "drafted": table["drafted"].astype(int),
            "matched": matched.astype(int),
            "precision": share(matched, table["drafted"]),
            "recall": share(matched, table["gold"]),
            "measure right": share(table["measure_n"], matched),
            "claimant right": share(table["claimant_n"], matched),
            "date right": share(table["date_n"], matched),
        },
        columns=list(COLUMNS),
    )


def format_report(table: pd.DataFrame, title: str = "") -> str:
    """The evaluation as a small text table under `title`; rates as percentages."""
    header = list(table.columns)
    rows = []
    for record in table.itertuples(index=False):
        cells = []
        for column, value in zip(header, record, strict=True):
            if column in ("precision", "recall") or column.endswith("right"):
                cells.append("-" if pd.isna(value) else f"{value:.0%}")
            else:
                cells.append(str(value))
        rows.append(cells)
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    body = [line(r) for r in rows]
    if len(body) > 1:
        body.insert(len(body) - 1, rule)
    return "\n".join(
        [
            title or "Figures drafted from the gold articles against the hand annotation",
            "(measure, claimant, date right: share of the matched figures)",
            "",
            line(header),
            rule,
            *body,
        ]
    )
