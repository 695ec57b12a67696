"""Teaching material drawn from the data: discussion prompts and Heuer's matrix of
competing hypotheses. Nothing here is written in stone: change the data or the
parameters and the prompts and the matrix change with them.
"""

from __future__ import annotations

import pandas as pd

from crosscheck import estimates, timeline
from crosscheck.columns import is_in
from crosscheck.datapackage import CLAIM, CLAIM_IDS, OTHER_COLUMNS, SOURCE, Column
from crosscheck.handoff import columns_of
from crosscheck.present import listed

PROMPT_COLUMNS = ["theme", "prompt", "claims", "more claims"]
# Heuer scores only the evidence against a hypothesis: the one with the least
# inconsistent evidence survives best (Psychology of Intelligence Analysis, ch. 8).
INCONSISTENCY_WEIGHTS = {"CC": 0, "C": 0, "N": 0, "I": 1, "II": 2}


def _day(day: pd.Timestamp) -> str:
    return f"{day:%-d %b %Y}"


# A prompt cites a handful of claims, and a theme holds a handful of prompts: enough
# to start a discussion whatever the size of the data.
MAX_CITED = 10
# A prompt quotes what a claimant said in full up to this many claims; past it, the
# MAX_CITED claims it names.
MAX_QUOTED = 20
MAX_PER_THEME = 6


def _prompt(theme: str, text: str, claims) -> dict:
    cited = sorted(claims)
    return {
        "theme": theme,
        "prompt": text,
        "claims": " ".join(cited[:MAX_CITED]),
        "more claims": max(0, len(cited) - MAX_CITED),
    }


def _listed(claims: pd.DataFrame, separator: str) -> str:
    """The claims' summaries joined, as a prompt quotes them. Past MAX_QUOTED claims it
    quotes the MAX_CITED claims its `claims` column names (the first by claim id) and
    says how many more there are, the number its `more claims` column gives.

    claims: rows with claim_id and summary, in the order to quote them."""
    if len(claims) <= MAX_QUOTED:
        return separator.join(claims["summary"].str.rstrip("."))
    named = claims[["claim_id", "summary"]].sort_values("claim_id").head(MAX_CITED)
    shown = separator.join(named["summary"].str.rstrip("."))
    return f"{shown}{separator}and {len(claims) - MAX_CITED:,} more"


def single_source_prompts(headlines: pd.DataFrame, statements: pd.DataFrame) -> list[dict]:
    """Measures of people whose latest comparison rests on one source."""
    rows = []
    people = statements.loc[statements["counts_people"].fillna(False).astype(bool), "measure"]
    single = headlines[
        (headlines["independent sources"] == 1) & headlines["measure_id"].isin(set(people))
    ]
    for _, measure in single.iterrows():
        figures = statements[statements["measure"] == measure["measure_id"]]
        latest = figures.sort_values(["stated_on", "claim_id"]).iloc[-1]
        said = estimates.as_said(latest.to_frame().T).iloc[0]
        rows.append(
            _prompt(
                "single source",
                f"The latest figure for '{measure['measure']}' ({said} on "
                f"{_day(latest['stated_on'])}) rests on one source: {latest['origin']}. "
                "What would it take to confirm it, and how should a reporter word it until then?",
                figures["claim_id"],
            )
        )
    return rows


def _first_claimants(statements: pd.DataFrame) -> pd.DataFrame:
    """The rows of the first MAX_PER_THEME claimants by name: a theme prompts no more of
    them, and a million claims name thousands (each prompt sorts its claimant's rows)."""
    names = statements["claimant"].dropna().drop_duplicates().sort_values()
    return statements[is_in(statements["claimant"], names.head(MAX_PER_THEME))]


def denial_prompts(statements: pd.DataFrame) -> list[dict]:
    """A prompt per claimant who denied something (the first MAX_PER_THEME by name),
    quoting the denials."""
    denials = _first_claimants(statements[statements["stance"] == "denies"])
    return [
        _prompt(
            "denials",
            f"{claimant} denied: {_listed(group, ', ')}. "
            "Who made the claims being denied, and what would each side gain from its version?",
            group["claim_id"],
        )
        for claimant, group in denials.groupby("claimant", sort=True)
    ]


UNCERTAIN_STANCES = ("no_comment", "cannot_confirm")


def silence_prompts(statements: pd.DataFrame) -> list[dict]:
    """Claimants who said they could not confirm, or would not comment (the first
    MAX_PER_THEME by name). One who asserted or denied something else is never said to
    have neither confirmed nor denied."""
    rows = []
    uncertain = _first_claimants(statements[statements["stance"].isin(UNCERTAIN_STANCES)])
    sides = statements[statements["stance"].isin(["asserts", "denies"])]
    sides = sides[is_in(sides["claimant"], uncertain["claimant"].drop_duplicates())]
    took = sides.groupby("claimant")["stance"].agg(lambda stances: set(stances))
    for claimant, group in uncertain.groupby("claimant", sort=True):
        count = f"{len(group):,} claim{'s' if len(group) != 1 else ''}"
        if claimant in took.index:
            verb = "asserted" if "asserts" in took[claimant] else "denied"
            what = _listed(group, "; ")
            text = (
                f"{claimant} {verb} some things but could not confirm others ({count}: "
                f"{what}). What does a careful 'we do not know yet' add to a report?"
            )
        else:
            text = (
                f"{claimant} did not confirm or deny ({count}). Is silence evidence? "
                "What else could explain it?"
            )
        rows.append(_prompt("silence and uncertainty", text, group["claim_id"]))
    return rows


def different_measures_prompt(statements: pd.DataFrame) -> list[dict]:
    latest = statements.sort_values("stated_on").groupby("measure").tail(1)
    soldiers = latest[latest["unit"] == latest["unit"].mode().iloc[0]] if len(latest) else latest
    if soldiers["measure"].nunique() < 2:
        return []
    listing = "; ".join(
        f"{row['point']:,.0f} ({row['measure_label']})"
        for _, row in soldiers.sort_values("point").iterrows()
    )
    return [
        _prompt(
            "different things counted",
            f"These figures look like rival estimates but count different things: {listing}. "
            "Why would averaging them be wrong? Which of them could all be true at once?",
            soldiers["claim_id"],
        )
    ]


def known_on_prompt(
    figures: pd.DataFrame, day: pd.Timestamp | None, copies: pd.DataFrame | None = None
) -> list[dict]:
    """'What was known on a day', worded by the same sentence as the timeline chapter."""
    if day is None or figures.empty:
        return []
    known = timeline.known_by(figures, day, copies)
    return [
        _prompt(
            "what was known when",
            f"{timeline.known_count_sentence(figures, day, copies)} Write the headline a careful "
            f"outlet could have run on {_day(day)}, using only what was known then.",
            known["claim_id"],
        )
    ]


def hedge_prompt(claims: pd.DataFrame) -> list[dict]:
    """Claims hedged in their evidence or in the coder's note, figures or not."""
    hedged = claims[claims["hedges"] != ""]
    if hedged.empty:
        return []
    words = sorted(set(", ".join(hedged["hedges"]).split(", ")))
    return [
        _prompt(
            "hedged wording",
            f"{len(hedged)} claim{'s' if len(hedged) != 1 else ''} carr"
            f"{'y' if len(hedged) != 1 else 'ies'} hedges ({', '.join(words)}). "
            "How should a hedge change the way a claim is reported or counted?",
            hedged["claim_id"],
        )
    ]


def _not_after(day: pd.Timestamp | None, cutoff: pd.Timestamp | None) -> pd.Timestamp | None:
    """A day of 'what was known then' is never after the report's own cut-off."""
    if day is None or cutoff is None:
        return day
    return min(day, cutoff)


def discussion_prompts(view, known_on: pd.Timestamp | None) -> pd.DataFrame:
    """Prompts for a class, each pointing at the claims it rests on (PROMPT_COLUMNS).
    Input: the analysed view (analysis.Analysis) and the day of 'what was known then'."""
    standing = view.claims[view.claims["standing"]]
    themes = [
        single_source_prompts(view.headlines, view.statements),
        different_measures_prompt(view.statements),
        denial_prompts(standing),
        silence_prompts(standing),
        hedge_prompt(view.claims),
        known_on_prompt(view.figures, _not_after(known_on, view.parameters.as_of), view.claims),
    ]
    rows = [row for theme in themes for row in theme[:MAX_PER_THEME]]
    return pd.DataFrame(rows, columns=PROMPT_COLUMNS)


def ach_matrix(view) -> pd.DataFrame:
    """Evidence (claims) down the side, hypotheses across, Heuer's ratings in the cells,
    and a last row counting the weighted inconsistencies against each hypothesis.
    Input: the analysed view (its claims known by the cut-off, and the ratings)."""
    dataset = view.data
    ratings = _rated(dataset)
    hypotheses = dataset.hypotheses.set_index("hypothesis_id")["label"]
    if ratings.empty:
        return pd.DataFrame(columns=["evidence", "source", "claim", *hypotheses])
    claims = columns_of(view, "claims", ["claim_id", "summary", "claimant"]).set_index("claim_id")
    matrix = ratings.pivot(index="claim_id", columns="hypothesis_id", values="rating")
    matrix = matrix.reindex(columns=hypotheses.index).fillna("N")
    inconsistency = matrix.apply(lambda column: column.map(INCONSISTENCY_WEIGHTS)).sum()
    table = pd.DataFrame(
        {
            "evidence": matrix.index.map(claims["summary"]),
            "source": matrix.index.map(claims["claimant"]),
            "claim": matrix.index,
        }
    ).set_index(matrix.index)
    table = pd.concat([table, matrix.rename(columns=hypotheses)], axis=1)
    score = {"evidence": "Inconsistency score (lower survives better)", "source": "", "claim": ""}
    score |= {hypotheses[h]: str(int(inconsistency[h])) for h in hypotheses.index}
    return pd.concat([table, pd.DataFrame([score])], ignore_index=True)


def _rated(dataset) -> pd.DataFrame:
    """The ACH ratings (ach_ratings.csv rows, all columns) of the claims known by the
    cut-off. Input: a Dataset, or a stored one (only its claim ids are read)."""
    known = columns_of(dataset, "claims", ["claim_id"])["claim_id"]
    return dataset.ach_ratings[is_in(dataset.ach_ratings["claim_id"], known)]


def ach_reasoning(view) -> pd.DataFrame:
    """Why each claim was rated as it was against each hypothesis."""
    dataset = view.data
    ratings = _rated(dataset)
    labels = dataset.hypotheses.set_index("hypothesis_id")["label"]
    return pd.DataFrame(
        {
            "claim": ratings["claim_id"],
            "hypothesis": ratings["hypothesis_id"].map(labels),
            "rating": ratings["rating"],
            "why": ratings["reasoning"],
        }
    ).reset_index(drop=True)


def _tied(scores: pd.Series, score: int) -> str:
    """'Combat at the front (0)', or 'Combat at the front and A show of alliance (0 each)'."""
    labels = [str(label) for label in scores.index[scores == score]]
    return f"{listed(labels)} ({score}{' each' if len(labels) > 1 else ''})"


def ach_summary(matrix: pd.DataFrame) -> str:
    """The ACH matrix's last row in a sentence, ties named together (in the hypotheses'
    order): 'Least evidence against: Combat at the front and A show of alliance (0 each);
    most: Labour and support (5).' When every hypothesis scores the same, says so.
    Input: classroom.ach_matrix's table. Output: one sentence; for an empty matrix, that
    no claim is rated."""
    if matrix.empty:
        return "No claim in this selection has an ACH rating."
    scores = matrix.iloc[-1].drop(["evidence", "source", "claim"]).astype(int)
    least, most = int(scores.min()), int(scores.max())
    if least == most:
        return f"Every hypothesis has as much evidence against it: {_tied(scores, least)}."
    return f"Least evidence against: {_tied(scores, least)}; most: {_tied(scores, most)}."


# --- The columns of the tables above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
EXPORTED_COLUMNS = {
    "discussion_prompts": {
        "theme": Column("string", "What kind of question the prompt raises."),
        "prompt": Column("string", "The question for the class."),
        "claims": CLAIM_IDS,
        "more claims": Column("integer", "How many further claims it rests on, not listed."),
    },
    "ach_matrix": {
        "evidence": Column("string", "The claim's summary; the last row: the inconsistency score."),
        "source": SOURCE,
        "claim": CLAIM,
        OTHER_COLUMNS: Column(
            "string",
            "One column per hypothesis (hypotheses.csv `label`): the claim's rating against "
            "it (CC, C, N, I, II; N where not rated); in the last row, the weighted count of "
            "inconsistent ratings (I 1, II 2).",
        ),
    },
    "ach_reasoning": {
        "claim": CLAIM,
        "hypothesis": Column("string", "The hypothesis rated (hypotheses.csv `label`)."),
        "rating": Column("string", "CC, C, N, I or II (Heuer)."),
        "why": Column("string", "Why the claim bears on the hypothesis this way."),
    },
}
