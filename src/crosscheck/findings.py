"""The key findings a reader sees first: per measure that the key articles report, what
they said, what became of it later, and how far the latest figure is established; then
the measures of people stated only later, from their first figure.

The sentences are made from the analysed view (analysis.Analysis) only, so they change
with the cut-off day, the articles selected and the topic's data. The likelihood and
confidence words are those the judgements already computed (ICD 203, Analytic
Standards, 2015, section D.6.e); nothing here grades or weighs anew.
"""

from __future__ import annotations

import pandas as pd

from crosscheck.analysis import Analysis
from crosscheck.datapackage import MEASURE, MEASURE_ID, Column
from crosscheck.estimates import as_said
from crosscheck.present import format_day

# A reader's first screen holds a handful of sentences; the rest is in the chapters.
MAX_FINDINGS = 8
# Measures the key article does not report, stated later: the most often stated of them.
MAX_LATER = 3
FINDINGS_COLUMNS = ["measure_id", "measure", "finding", "starts_from"]


def _day(day: pd.Timestamp) -> str:
    return format_day(pd.Series([day]))[0]


def _said_list(rows: pd.DataFrame) -> str:
    """'1,500 (18 Oct 2024, intelligence assessment, relayed), then 3,000 (23 Oct 2024,
    independently verified)' for one source's key figures: each with how far it is
    established (ladder.RUNGS) and the words that hedge it (ladder.HEDGE_WORDS)."""
    units = rows["unit"].where(rows["unit"] != "ratio", "")
    words = (as_said(rows) + " " + units).str.strip()
    hedges = rows["hedges"].fillna("").astype(str)
    said = [
        f"{text} ({_day(day)}, {rung}{f', hedged “{hedge}”' if hedge else ''})"
        for text, day, rung, hedge in zip(
            words, rows["stated_on"], rows["rung_label"], hedges, strict=True
        )
    ]
    return ", then ".join(said)


def _key_part(rows: pd.DataFrame) -> str:
    """What the key articles' statements of one measure said, source by source, in the
    order the sources first spoke."""
    parts = []
    for claimant, said in rows.groupby("claimant", sort=False):
        parts.append(f"{claimant} gave {_said_list(said)}")
    return "; ".join(parts)


def _later_part(later: pd.DataFrame, as_of: pd.Timestamp | None) -> str:
    """The latest statement after the key ones, or that there is none."""
    if later.empty:
        until = f"by {_day(as_of)}" if as_of is not None else "in the data"
        return f"no later figure {until}"
    last = later.iloc[-1]
    text = as_said(later.tail(1)).iloc[0]
    if last["unit"] != "ratio":
        text = f"{text} {last['unit']}"
    others = later["origin"].nunique()
    sources = f"{len(later):,} later figure{'s' if len(later) != 1 else ''} from {others:,} "
    sources += f"independent source{'s' if others != 1 else ''}"
    return f"{sources}; the latest, {text} by {last['claimant']} ({_day(last['stated_on'])})"


def _established(judgements: pd.DataFrame, measure_id: str) -> str:
    """The latest window's judgement of a measure (ICD 203 likelihood, then confidence),
    as the judgements table words it; '' for a measure given no likelihood."""
    rows = judgements[judgements["measure_id"] == measure_id]
    rows = rows[rows["likelihood"].fillna("").astype(str).str.strip().ne("")]
    if rows.empty:
        return ""
    last = rows.iloc[-1]
    return f" {last['judgement'].rstrip('.')} ({last['confidence']})."


def key_findings(view: Analysis) -> pd.DataFrame:
    """One sentence per measure that the key articles report, then the measures of people
    stated only later (at most MAX_LATER, most often stated first), MAX_FINDINGS in all.

    In: the analysed view; its key_statements name the key articles' statements (from
    report.yml `key_articles`, else the earliest article). When none of the key
    articles is within the selection (a cut-off before them, another set of articles),
    every line starts from a measure's first figure, most often stated measures first.
    Out: a DataFrame with FINDINGS_COLUMNS (text; measure_id is the measures.csv id;
    starts_from is "key article" or "first figure"), key measures in the order of
    measures.csv; empty when the selection holds no figure.
    """
    statements = view.statements.sort_values(["stated_on", "claim_id"])
    key = statements[statements["statement"].isin(view.key_statements)]
    order = {m: i for i, m in enumerate(view.data.measures["measure"])}
    key_measures = sorted(dict.fromkeys(key["measure"]), key=lambda m: order.get(m, len(order)))
    others = statements[~statements["measure"].isin(key_measures)]
    if key_measures:  # later measures of people only: the key article sets the subject
        others = others[others["counts_people"].astype(bool)]
    counts = others["measure"].value_counts(sort=False)
    later_measures = list(counts.sort_values(ascending=False, kind="stable").index)
    room = MAX_FINDINGS - len(key_measures[:MAX_FINDINGS])
    later_measures = later_measures[: min(room, MAX_LATER) if key_measures else MAX_FINDINGS]
    rows = []
    for measure in key_measures[:MAX_FINDINGS] + later_measures:
        of_measure = statements[statements["measure"] == measure]
        from_key = measure in key_measures
        said = key[key["measure"] == measure] if from_key else of_measure.head(1)
        later = of_measure[of_measure["stated_on"] > said["stated_on"].max()]
        label = of_measure["measure_label"].iloc[0]
        sentence = f"{label}: {_key_part(said)}; {_later_part(later, view.parameters.as_of)}."
        sentence += _established(view.judgements, measure)
        rows.append({"measure_id": measure, "measure": label, "finding": sentence,
                     "starts_from": "key article" if from_key else "first figure"})  # fmt: skip
    return pd.DataFrame(rows, columns=FINDINGS_COLUMNS)


def period(view: Analysis) -> str:
    """The span of the claims in the selection, as a reader says it: 'October 2024',
    'October–December 2024', 'October 2024 – December 2025'; '' for no dated claim."""
    days = view.claims["stated_on"].dropna()
    if days.empty:
        return ""
    first, last = days.min(), days.max()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    if first.year == last.year:
        return f"{first:%B}–{last:%B %Y}"
    return f"{first:%B %Y} – {last:%B %Y}"


def counted(number: int, noun: str) -> str:
    """A count with its noun in the singular or the plural: '1 claim', '1,234 sources'
    (the noun's plural is noun + 's')."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def scope_sentence(view: Analysis) -> str:
    """What the findings rest on: claims, sources, articles and their days."""
    claims = view.claims
    if claims.empty:
        return "The selection holds no claims."
    days = claims["stated_on"].dropna()
    span = ""
    if not days.empty:
        first, last = _day(days.min()), _day(days.max())
        span = f", stated on {first}" if first == last else f", stated {first} to {last}"
    return (
        f"From {counted(len(claims), 'claim')} by "
        f"{counted(claims['claimant_id'].nunique(), 'source')} in "
        f"{counted(claims['article_id'].nunique(), 'article')}{span}."
    )


def key_articles_sentence(view: Analysis, found: bool) -> str:
    """Which articles the findings start from, or why they start elsewhere."""
    articles = view.all_data.articles.set_index("article_id")
    named = [
        f"{articles.at[a, 'outlet']} ({_day(articles.at[a, 'published_on'])})"
        if a in articles.index
        else a
        for a in view.key_articles
    ]
    if found:
        return (
            f"The first lines start from the figures of the key article ({', '.join(named)}); "
            "any after them from a measure's first figure."
        )
    # A selection of other articles (--articles) holds no row to name the key one by.
    named = [name for name, a in zip(named, view.key_articles, strict=True) if a in articles.index]
    which = f"The key article ({', '.join(named)})" if named else "The report's key article"
    return (
        f"{which} is not in this selection, so each line starts from the earliest figure of "
        "the measures most often stated."
    )


# How to read the judgement words, said once under the findings (ICD 203 keeps likelihood
# and confidence apart; the rule that picks the term is ladder.LIKELIHOOD_RULES).
READING_NOTE = (
    "The likelihood words are those of US Intelligence Community Directive 203: here they "
    "rate how well the latest figure is sourced (from a party's own claim up to independent "
    "verification, and how many independent sources give it), not whether the number is "
    "high or low; the confidence in brackets rates the grades of those sources. Chapter 4 "
    "shows both rules."
)


# --- what a selection holds none of ------------------------------------------------------

# A selection of up to this many articles is named in words (outlet and day); a larger
# one is counted.
MAX_NAMED_ARTICLES = 3
NEEDS = ("claim", "figure")


def articles_in_words(articles: pd.DataFrame) -> str:
    """The articles of a selection as a reader names them: 'the article by TASS (10 Oct
    2024)', 'the 2 articles by TASS (10 Oct 2024) and UNN (18 Oct 2024)', 'the 109
    articles'. Input: articles.csv rows (outlet, published_on as dates), any order."""
    count = len(articles)
    if count == 0:
        return "no article"
    if count > MAX_NAMED_ARTICLES:
        return f"the {count:,} articles"
    ordered = articles.sort_values(["published_on", "article_id"])
    named = [
        f"{outlet} ({_day(day)})"
        for outlet, day in zip(ordered["outlet"], ordered["published_on"], strict=True)
    ]
    if count == 1:
        return f"the article by {named[0]}"
    return f"the {count} articles by {', '.join(named[:-1])} and {named[-1]}"


def _first_published_after(view: Analysis, claims: pd.DataFrame) -> pd.Timestamp | None:
    """The first day after the cut-off on which any of these claims (of the whole data)
    was published; None without a cut-off or when none was published later."""
    as_of = view.parameters.as_of
    if as_of is None or claims.empty:
        return None
    published = view.all_data.articles.set_index("article_id")["published_on"]
    days = claims["article_id"].map(published)
    later = days[days > as_of]
    return None if later.empty else later.min()


def nothing_sentence(view: Analysis, subject: str = "", needs: str = "claim") -> str:
    """The sentence that says what the selection holds none of, with its day and its
    articles in words; '' when it holds what is needed.

    view: the analysed view (its cut-off day, the claims known by then and, for a
    selection of a few articles, those articles: articles_in_words). subject: the
    topic's words from the data folder's report.yml (`subject`, e.g. "the deployment");
    '' names no topic. needs: "claim" (says so when there is no claim) or "figure"
    (also when no claim carries a figure, as the chapters on estimates need).
    Examples: 'On 1 Oct 2024 no claim about the deployment had been published; the
    data's first claim was published later, on 10 Oct 2024.' / 'By 16 Oct 2024, 2 claims
    about the deployment had been published, by 2 sources, none with a figure; the
    data's first figure was published later, on 17 Oct 2024.' / 'The article by TASS
    (10 Oct 2024) holds 1 claim about the deployment, by 1 source, none with a figure.'
    Raises ValueError for a `needs` other than NEEDS.
    """
    if needs not in NEEDS:
        raise ValueError(f"needs must be one of {', '.join(NEEDS)}, not {needs!r}")
    about = f" about {subject}" if subject else ""
    as_of = view.parameters.as_of
    articles = view.all_data.articles
    # A few articles are the selection itself (--articles): name them. The whole data
    # under a cut-off is said by the day alone.
    named = 0 < len(articles) <= MAX_NAMED_ARTICLES
    within = f" in {articles_in_words(articles)}" if named else ""
    where = articles_in_words(articles) if named else "the data"
    holds = f"{where[0].upper()}{where[1:]} {'hold' if named and len(articles) > 1 else 'holds'}"
    if not view.has_rows("claims"):
        if as_of is None:
            return f"{holds} no claim{about}."
        sentence = f"On {_day(as_of)} no claim{about} had been published{within}"
        first = _first_published_after(view, view.all_data.claims)
        if first is not None:
            sentence += f"; the data's first claim was published later, on {_day(first)}"
        return sentence + "."
    if needs == "claim" or view.has_rows("figures"):
        return ""
    claims = view.claims
    claims_about = f"{counted(len(claims), 'claim')}{about}"
    sources = counted(claims["claimant_id"].nunique(), "source")
    if as_of is None:
        return f"{holds} {claims_about}, by {sources}, none with a figure."
    sentence = f"By {_day(as_of)}, {claims_about} had been published{within}, by {sources}, none "
    sentence += "with a figure"
    every = view.all_data.claims
    first = _first_published_after(view, every[every["measure"].notna()])
    if first is not None:
        sentence += f"; the data's first figure was published later, on {_day(first)}"
    return sentence + "."


# --- The columns of the table above as exported to reports/data/ (described in its
# datapackage.json by crosscheck.datapackage) -------------------------------------------
EXPORTED_COLUMNS = {
    "key_findings": {
        "measure_id": MEASURE_ID,
        "measure": MEASURE,
        "finding": Column("string", "The finding in one or two sentences, as the page says it."),
        "starts_from": Column(
            "string",
            "key article (the finding starts from what the key articles said) or first "
            "figure (a measure they do not report, from its first figure).",
        ),
    },
}
