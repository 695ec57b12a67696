"""Claims as readers see them: cut off at a day, labelled, and tabulated by who says what.

The tables here list *copies*: every row of claims.csv, as one outlet carried it.
Tables of statements (one row per real-world statement) come from versions.py.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pandas as pd

from crosscheck import ladder, provenance, vocabulary
from crosscheck.columns import is_in, look_up
from crosscheck.datapackage import CLAIM, STATED_DAY, Column
from crosscheck.load import Dataset
from crosscheck.present import SEARCH_COLUMN, SORT_PREFIX, format_count, format_day, number_words

STANCE_LABELS = {
    "asserts": "asserts",
    "denies": "denies",
    "conditional": "conditional",
    "no_comment": "no comment",
    "cannot_confirm": "cannot confirm",
}


def parse_as_of(as_of: str | date | None) -> pd.Timestamp | None:
    """The cut-off date of a report: None (no cut-off) or an ISO date.

    Raises ValueError naming the parameter when the text is not a YYYY-MM-DD day.
    """
    if as_of is None or (isinstance(as_of, str) and not as_of.strip()):
        return None
    if isinstance(as_of, date):  # a date, datetime or Timestamp: already parsed
        return pd.Timestamp(as_of).normalize()
    text = str(as_of).strip()
    try:
        return pd.Timestamp(date.fromisoformat(text))
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"as_of {text!r} is not a day of the calendar") from None
        raise ValueError(f"as_of must be a date written YYYY-MM-DD, not {as_of!r}") from None


def known_as_of(dataset: Dataset, as_of: str | date | None) -> Dataset:
    """The dataset as a reader could have known it on a day: only the copies of claims
    whose article was published on or before it, and those articles.

    A claim is known when it can be read, not when it was said: a page of 24 October
    that dates a briefing to 21 October makes the briefing known on the 24th.
    """
    cutoff = parse_as_of(as_of)
    if cutoff is None:
        return dataset
    articles = dataset.articles[dataset.articles["published_on"] <= cutoff]
    claims = dataset.claims[is_in(dataset.claims["article_id"], articles["article_id"])]
    return dataclasses.replace(dataset, claims=claims, articles=articles)


def labelled(dataset: Dataset) -> pd.DataFrame:
    """Every copy of every claim, joined to what a reader needs to read and compare it.

    Adds to the claims table: claimant, claimant_alignment, claimant_side (the
    alignment's label), claimant_party (boolean: the side is a party, alignments.csv
    `party`), claimant_type, relayed_via,
    claimant_aliases and relayed_via_aliases (other spellings of their names, actors.csv
    `aliases`, "" when none), outlet, wire_agency, published_on (datetime64),
    claim_type_label, measure_label,
    measure_kind, counts_people (boolean), stance_label, origin_id and origin (the
    independent source, provenance.origins), attribution (the body a claimant speaks
    for, provenance.attribution_bodies), statement (statement_key, or the claim id
    for a statement carried once), hedges (the hedge words in the evidence and the
    note, ladder.hedges) and stated_label ('23 Oct 2024', or 'by publication (23 Oct
    2024)' where the copy gives no date of its own).
    """
    actors = dataset.actors.set_index("actor_id")
    articles = dataset.articles.set_index("article_id")
    measures = dataset.measures.set_index("measure")
    claims = dataset.claims
    # Each lookup is composed on the small tables (an actor's side's label), then made
    # once per distinct key: a million claims name a few thousand actors and articles.
    claimant, relayer = claims["claimant_id"], claims["relayed_via_id"]
    origin = look_up(claimant, provenance.origins(dataset.actors))
    undated = claims["stated_precision"].fillna("unknown") == "unknown"
    day = format_day(claims["stated_on"])
    aliases = actors["aliases"] if "aliases" in actors else pd.Series(dtype="string")
    alignment = actors["alignment"]
    return claims.assign(
        claimant=look_up(claimant, actors["name"]),
        claimant_alignment=look_up(claimant, alignment),
        claimant_side=look_up(
            claimant, alignment.map(vocabulary.alignment_labels(dataset.alignments))
        ),
        claimant_party=look_up(claimant, alignment).isin(
            vocabulary.party_alignments(dataset.alignments)
        ),
        claimant_type=look_up(claimant, actors["actor_type"]),
        relayed_via=look_up(relayer, actors["name"]),
        claimant_aliases=look_up(claimant, aliases).fillna("").astype("string"),
        relayed_via_aliases=look_up(relayer, aliases).fillna("").astype("string"),
        outlet=look_up(claims["article_id"], articles["outlet"]),
        wire_agency=look_up(claims["article_id"], articles["wire_agency"]),
        # reindex, not map: pandas cannot map an empty selection onto dates
        published_on=pd.Series(
            articles["published_on"].reindex(claims["article_id"]).to_numpy(), index=claims.index
        ),
        claim_type_label=look_up(
            claims["claim_type"], dataset.claim_types.set_index("claim_type")["label"]
        ),
        measure_label=look_up(claims["measure"], measures["label"]),
        measure_kind=look_up(claims["measure"], measures["kind"]),
        counts_people=look_up(claims["measure"], measures["counts_people"]).astype("boolean"),
        stance_label=look_up(claims["stance"], STANCE_LABELS),
        origin_id=origin,
        origin=look_up(origin, actors["name"]),
        attribution=look_up(
            claimant, provenance.attribution_bodies(dataset.actors).map(actors["name"])
        ),
        statement=claims["statement_key"].fillna(claims["claim_id"]),
        hedges=ladder.hedges(claims["evidence"].fillna("") + " " + claims["note"].fillna("")),
        stated_label=day.where(~undated, "by publication (" + day + ")"),
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


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Every copy in reading order: when, who, through whom, what, and the evidence.

    Input: labelled copies (claims.labelled). `stated` is the day as text: an undated
    copy reads 'by publication (23 Oct 2024)', never a day of its own. Two columns are
    for the page only (present.PAGE_ONLY, never exported): `_sort figure`, the figure's
    point (best, else the middle of its range, else its one bound, as estimates.intervals
    takes it), so that "up to 15,000" sorts above "some 3,000"; and `_search`, the other
    spellings of the claimant's and relayer's names (actors.csv `aliases`) and the
    figures without separators. attrs say how the page spares width: some columns go
    under others (on paper, more of them), and print leaves out the wording of the date
    and the note.
    """
    # Sorted once the columns it reads are picked: the labelled copies have fifty.
    used = [
        "stated_on", "claim_id", "low", "best", "high", "claimant_aliases",
        "relayed_via_aliases", "stated_label", "stated_wording", "claimant", "relayed_via",
        "claim_type_label", "stance_label", "summary", "qualifier", "unit", "evidence",
        "outlet", "note",
    ]  # fmt: skip
    claims = claims[[c for c in used if c in claims.columns]].sort_values(["stated_on", "claim_id"])
    low, best, high = (claims[column].astype("Float64") for column in ("low", "best", "high"))
    point = best.fillna((low + high) / 2).fillna(high).fillna(low)
    names = [claims.get(column, pd.Series("", index=claims.index)).fillna("")
             for column in ("claimant_aliases", "relayed_via_aliases")]  # fmt: skip
    search = names[0].str.replace(" | ", " ", regex=False) + " "
    search += names[1].str.replace(" | ", " ", regex=False)
    for values in (low, best, high):
        search += " " + number_words(values)
    table = pd.DataFrame(
        {
            "claim": claims["claim_id"],
            "stated": claims["stated_label"],
            "date as worded": claims["stated_wording"].fillna("(not given)"),
            "claimant": claims["claimant"],
            "relayed via": claims["relayed_via"].fillna(""),
            "type": claims["claim_type_label"],
            "stance": claims["stance_label"],
            "claim summary": claims["summary"],
            "figure": figure_label(claims),
            "evidence": claims["evidence"],
            "outlet": claims["outlet"],
            "note": claims["note"].fillna(""),
            f"{SORT_PREFIX}figure": point.astype(float),
            # Spaces are left as they come: the page's table joins its search words
            # (present.interactive_table_html) for the rows it shows, not for a million.
            SEARCH_COLUMN: search,
        }
    ).reset_index(drop=True)
    # A column as wide as its longest words needs room the page has not: a reader reads
    # who relayed a claim under who made it, and the evidence under its summary.
    table.attrs["under"] = {
        "stated": ["date as worded"],
        "claimant": ["relayed via"],
        "type": ["stance"],
        "claim summary": ["evidence"],
    }
    # Paper has less room still: the outlet goes under the claim id (which begins with it).
    table.attrs["print_under"] = {
        "claim": ["outlet"],
        "claimant": ["relayed via"],
        "type": ["stance"],
        "claim summary": ["evidence"],
    }
    table.attrs["print_omit"] = ["date as worded", "note"]
    return table


def stances_by_claimant(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims each claimant asserts, denies, hedges or leaves unanswered."""
    table = pd.crosstab(claims["claimant"], claims["stance_label"])
    table = table.reindex(columns=list(STANCE_LABELS.values()), fill_value=0)
    table["claims"] = table.sum(axis=1)
    table = table.sort_values(["claims", "claimant"], ascending=[False, True])
    return table.reset_index().rename_axis(columns=None)


def _about_deployment(claims: pd.DataFrame, claim_types: tuple[str, ...]) -> pd.DataFrame:
    about = claims[claims["claim_type"].isin(claim_types) | (claims["claim_type"] == "denial")]
    return about.sort_values(["stated_on", "claim_id"])


def positions_on_deployment(claims: pd.DataFrame, claim_types: tuple[str, ...]) -> pd.DataFrame:
    """Each claimant's stance on whether troops are there: who asserts, denies, stays silent.
    `first stated` is the earliest copy's day as text (an undated copy: 'by publication')."""
    about = _about_deployment(claims, claim_types)
    rows = (
        about.groupby("claimant", sort=False)
        .agg(
            alignment=("claimant_alignment", "first"),
            side=("claimant_side", "first"),
            stances=("stance_label", lambda s: ", ".join(dict.fromkeys(s))),
            first_stated=("stated_label", "first"),
            claims=("claim_id", "count"),
        )
        .reset_index()
        .rename(columns={"first_stated": "first stated"})
    )
    rows = rows.sort_values(["alignment", "claimant"]).reset_index(drop=True)
    return rows.assign(alignment=rows.pop("side"))


def positions_by_side(claims: pd.DataFrame, claim_types: tuple[str, ...]) -> pd.DataFrame:
    """Each side's first and latest stance on the deployment: where a denial was followed
    by a confirmation, the table shows it."""
    about = _about_deployment(claims, claim_types)
    sides = about.groupby("claimant_alignment", sort=True)
    first, latest = (
        sides.head(1).set_index("claimant_alignment"),
        sides.tail(1).set_index("claimant_alignment"),
    )
    table = pd.DataFrame(
        {
            "first stance": first["stance_label"],
            "first stated": first["stated_label"],
            "by": first["claimant"],
            "latest stance": latest["stance_label"],
            "latest stated": latest["stated_label"],
            "latest by": latest["claimant"],
            "claims": sides.size(),
        }
    )
    table["changed"] = (table["first stance"] != table["latest stance"]).map(
        {True: "yes", False: "no"}
    )
    table.index = table.index.map(first["claimant_side"])
    return table.rename_axis("side").reset_index()


def claims_by_type(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each type, and from how many claimants."""
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


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
_CLAIMANT = Column("string", "Who makes the claim: the actor's name (actors.csv `name`).")
_STANCES = ", ".join(STANCE_LABELS.values())
_FIRST_DAY = Column(
    "string",
    "The day of the earliest of these claims as a reader reads it ('by publication (…)' "
    "when its copy gives no day).",
)
_DEPLOYMENT = "the chapter's claim types on the question (deployment_claim_types) and denials"
EXPORTED_COLUMNS = {
    "claims": {
        "claim": CLAIM,
        "stated": STATED_DAY,
        "date as worded": Column(
            "string",
            "When the claim was made, as the article words it (claims.csv `stated_wording`); "
            "'(not given)' when it does not say.",
        ),
        "claimant": _CLAIMANT,
        "relayed via": Column(
            "string", "Who passed the claim to the outlet (actors.csv `name`); empty if no one."
        ),
        "type": Column("string", "What the claim is about: its type's label (claim_types.csv)."),
        "stance": Column("string", f"The claimant's stance: {_STANCES}."),
        "claim summary": Column("string", "The claim in the coder's words, one sentence."),
        "figure": Column(
            "string",
            "The figure as written, with its qualifier and unit ('up to 12,000 people'); "
            "empty when the claim gives none.",
        ),
        "evidence": Column("string", "The passage of the article that carries the claim."),
        "outlet": Column("string", "The outlet the claim was read in (articles.csv `outlet`)."),
        "note": Column("string", "The coder's remarks (claims.csv `note`)."),
    },
    "positions": {
        "claimant": _CLAIMANT,
        "alignment": Column("string", "The claimant's side (actors.csv `alignment`), in words."),
        "stances": Column(
            "string",
            f"The stances the claimant took in claims of {_DEPLOYMENT}, in order of first use "
            f"({_STANCES}).",
        ),
        "first stated": _FIRST_DAY,
        "claims": Column("integer", f"How many of the claimant's claims are of {_DEPLOYMENT}."),
    },
    "positions_by_side": {
        "side": Column("string", "A side (actors.csv `alignment`), in words."),
        "first stance": Column("string", f"The stance of the side's earliest claim ({_STANCES})."),
        "first stated": _FIRST_DAY,
        "by": Column("string", "Who made the side's earliest claim (actors.csv `name`)."),
        "latest stance": Column("string", f"The stance of the side's latest claim ({_STANCES})."),
        "latest stated": Column("string", "The day of the side's latest claim, as a reader reads."),
        "latest by": Column("string", "Who made the side's latest claim (actors.csv `name`)."),
        "claims": Column("integer", f"How many claims of the side are of {_DEPLOYMENT}."),
        "changed": Column("boolean", "Whether the latest stance differs from the first."),
    },
    "stances_by_claimant": {
        "claimant": _CLAIMANT,
        **{
            label: Column("integer", f"How many of the claimant's claims take the stance {label}.")
            for label in STANCE_LABELS.values()
        },
        "claims": Column("integer", "How many claims the claimant makes in all."),
    },
    "articles": {
        "article": Column("string", "The article id (articles.csv `article_id`)."),
        "outlet": Column("string", "The outlet the article was read in."),
        "title": Column("string", "The headline as published; empty when the copy has none."),
        "agency": Column("string", "The wire agency whose copy the outlet carries, if it says."),
        "published": Column("date", "Day of publication (articles.csv `published_on`)."),
        "date is": Column(
            "string",
            "How the day of publication was established: stated, page metadata or inferred.",
        ),
        "claims": Column("integer", "How many claims were read in the article."),
        "url": Column("string", "Where the article was read; empty where unknown."),
    },
    "claims_by_type": {
        "claim type": Column("string", "The claim type's label (claim_types.csv)."),
        "claims": Column("integer", "How many claims are of this type."),
        "claimants": Column("integer", "How many distinct claimants made them."),
    },
}
