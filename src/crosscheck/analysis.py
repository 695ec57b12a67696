"""The analysed view: every derived table a chapter shows, computed once from the data,
the cut-off day and the analysis parameters, and handed to every chapter.

A chapter that rebuilt the chain itself (labels, origins, intervals, rungs, standing
versions, windows) with its own parameters would sooner or later disagree with the
others; here the chain runs in one place. A report build calls `analyse` once and
hands the result to its chapters as Arrow files (crosscheck.handoff); a chapter run by hand, and
the classroom exercise with a student's own choices, call it once for their own
parameters.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pandas as pd

from crosscheck import claims as claims_module
from crosscheck import estimates, judgements, reliability, versions
from crosscheck.load import Dataset


@dataclass(frozen=True)
class Parameters:
    """The choices an analysis depends on, each checked once (Parameters.parse)."""

    as_of: pd.Timestamp | None = None
    approximate_margin: float = 0.0
    window_days: int = 7
    grade_overrides: tuple[tuple[str, str], ...] = ()
    key_articles: tuple[str, ...] | None = None

    @classmethod
    def parse(
        cls,
        as_of=None,
        approximate_margin=0.0,
        window_days=7,
        grade_overrides=None,
        key_articles=None,
    ) -> Parameters:
        """Parameters as a notebook or the command line gives them, checked.

        as_of: None or a YYYY-MM-DD day (text or date); approximate_margin: a number in
        [0, 1); window_days: a whole number ≥ 1; grade_overrides: a mapping of actor id
        to grade (checked against the data by reliability.parse_overrides);
        key_articles: None or a list of article ids. Raises ValueError naming the
        parameter and the rule.
        """
        try:
            margin = float(approximate_margin)
        except (TypeError, ValueError):
            raise ValueError(
                f"approximate_margin must be a number such as 0.1, not {approximate_margin!r}"
            ) from None
        if not 0 <= margin < 1:
            raise ValueError("approximate_margin must be at least 0 and below 1 (0.1 means ±10%)")
        if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 1:
            raise ValueError(f"window_days must be a whole number of days, 1 or more, not "
                             f"{window_days!r}")  # fmt: skip
        overrides = grade_overrides or {}
        if not isinstance(overrides, dict):
            raise ValueError(
                "grade_overrides must be a mapping of actor id to grade, like {an-actor-id: B2}"
            )
        return cls(
            as_of=claims_module.parse_as_of(as_of),
            approximate_margin=margin,
            window_days=window_days,
            grade_overrides=tuple(sorted((str(k), str(v)) for k, v in overrides.items())),
            key_articles=tuple(key_articles) if key_articles else None,
        )


@dataclass(frozen=True)
class Analysis:
    """The analysed claims of one dataset under one set of parameters.

    Tables (pandas DataFrames; the columns are those of the function named):
    - claims: every copy known by the cut-off, labelled (claims.labelled) and marked
      standing or not (versions.mark_standing);
    - standing: the copies that stand for their statement, with or without a figure (one
      row per statement: what the tables of statements count);
    - figures: the copies with a figure, as intervals with rungs (estimates.figures);
    - statements: one standing copy per statement with a figure (versions.statements);
    - windowed: the statements in their comparison windows (estimates.in_windows);
    - latest: each source's latest statement per measure and window, with its grade and
      weight (reliability.with_weights);
    - grades: every actor's grade and weight (reliability.source_grades);
    - comparison, headlines, weighted, leave_one_out, judgements: per measure and
      window, or per measure (estimates, reliability, judgements).
    """

    parameters: Parameters
    all_data: Dataset
    data: Dataset
    claims: pd.DataFrame
    figures: pd.DataFrame
    statements: pd.DataFrame
    windowed: pd.DataFrame
    latest: pd.DataFrame
    grades: pd.DataFrame
    comparison: pd.DataFrame
    headlines: pd.DataFrame
    weighted: pd.DataFrame
    leave_one_out: pd.DataFrame
    judgements: pd.DataFrame
    # The articles whose figures every capped chart keeps, and their statements.
    key_articles: tuple[str, ...] = field(default=())
    key_statements: frozenset[str] = field(default=frozenset())

    @functools.cached_property
    def standing(self) -> pd.DataFrame:
        """The copies that stand for their statement: worked out when first read, so that
        a build holds the claims once, not twice, until a table needs them."""
        return self.claims[self.claims["standing"]]

    def has_rows(self, table: str) -> bool:
        """True when the named table (an attribute above, e.g. "claims") has a row; a
        stored view answers without reading the table (handoff.StoredView)."""
        return not getattr(self, table).empty


def analyse(dataset: Dataset, parameters: Parameters | None = None) -> Analysis:
    """Compute the analysed view of a dataset (see Analysis) under the given parameters.

    Copies are cut off by the day their article was published (claims.known_as_of);
    raises ValueError for grade overrides that name unknown actors or bad grades.
    """
    parameters = parameters or Parameters()
    data = claims_module.known_as_of(dataset, parameters.as_of)
    copies = versions.mark_standing(claims_module.labelled(data))
    figures = estimates.figures(
        copies, data.actors, parameters.approximate_margin, parameters.window_days
    )
    statements = versions.statements(figures, copies, marked=True)
    windowed = estimates.in_windows(statements, parameters.window_days)
    grades = reliability.source_grades(data.grades, data.actors, dict(parameters.grade_overrides))
    latest = reliability.with_weights(estimates.latest_by_source(windowed), grades)
    comparison = estimates.compare(windowed)
    key_articles = _key_articles(dataset, parameters.key_articles)
    return Analysis(
        parameters=parameters,
        all_data=dataset,
        data=data,
        claims=copies,
        figures=figures,
        statements=statements,
        windowed=windowed,
        latest=latest,
        grades=grades,
        comparison=comparison,
        headlines=estimates.headlines(comparison, statements),
        weighted=reliability.weighted_estimates(latest),
        leave_one_out=reliability.leave_one_out(latest),
        judgements=judgements.judgements(latest),
        key_articles=key_articles,
        key_statements=frozenset(
            figures.loc[figures["article_id"].isin(key_articles), "statement"]
        ),
    )


def _key_articles(dataset: Dataset, chosen: tuple[str, ...] | None) -> tuple[str, ...]:
    """The articles a capped chart always keeps: those chosen, or the earliest one."""
    if chosen:
        return chosen
    articles = dataset.articles.sort_values(["published_on", "article_id"])
    return tuple(articles["article_id"].head(1))
