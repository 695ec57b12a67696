"""The tables of a claims dataset: their columns, types, vocabularies and rules.

data/README.md is the data dictionary a person reads; this module is the same
dictionary as code. tests/test_data_dictionary.py keeps the two in step.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as arrow
import pyarrow.compute as arrow_compute

from crosscheck import vocabulary
from crosscheck.vocabulary import ANY_OTHER_COUNTRY, CUE_RULES, MEASURE_RULES


class _OnFirstUse:
    """A module imported when one of its names is first read. Every chapter's kernel
    imports this module for its tables' names and columns and never validates; pandera
    takes a quarter of a second to import, eight kernels a build."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str):
        # Python's own lookups (copy, pickle) and a half-made copy find nothing here,
        # rather than recursing into this method.
        if attribute.startswith("__") or attribute == "_name":
            raise AttributeError(attribute)
        return getattr(importlib.import_module(self._name), attribute)


if TYPE_CHECKING:
    import pandera.pandas as pa
else:
    pa = _OnFirstUse("pandera.pandas")

# Coding vocabularies that are rules of the method rather than facts of one event.
# Claim types, measures, alignments (the sides), nationality words and measure cues
# are facts of the event and live in data/ instead.
STANCES = ("asserts", "denies", "conditional", "no_comment", "cannot_confirm")
ACTOR_TYPES = (
    "head_of_state",
    "head_of_government",
    "minister",
    "defence_minister",
    "intelligence_agency",
    "military",
    "legislator",
    "presidential_office",
    "diplomat",
    "government_spokesperson",
    "government",
    "state_media",
    "international_organisation",
    "news_outlet",
)
DATE_BASES = ("stated", "page_metadata", "inferred")
# What kind of quantity a measure is. It decides which figures of the measure can
# disagree: two sources disagree only about the same thing at the same time.
MEASURE_KINDS = (
    # A count that accumulates over time (sent so far, killed so far): a later figure
    # by the same source is a revision, and figures of other sources are compared
    # only when stated within a few days of each other.
    "running_total",
    # How many are somewhere on the day of the statement (in Kursk, training, near
    # the border): it can rise and fall, so it too is compared only within days.
    "count_at_date",
    # A figure not tied to the day it is stated (a target, a planned total, one
    # batch, a figure for a stated period, a ratio): compared across all dates.
    "one_time",
)

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
# Dates are computed in nanoseconds downstream (years 1678 to 2261); no news is older.
EARLIEST_PUBLICATION = "1800-01-01"
MAX_EVIDENCE_CHARS = 300
MAX_TEXT_CHARS = 2000


@dataclass(frozen=True)
class Table:
    """One CSV file of a dataset and how its text cells are typed."""

    name: str
    key: str
    columns: tuple[str, ...]
    integer_columns: tuple[str, ...] = ()
    boolean_columns: tuple[str, ...] = ()
    date_columns: tuple[str, ...] = ()
    # A file that may be absent (read as empty), columns a header may leave out (read as empty).
    optional: bool = False
    optional_columns: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


# `cues`: words that tell the drafter a statement is of the type (data/README.md).
CLAIM_TYPES = Table(
    "claim_types",
    "claim_type",
    ("claim_type", "label", "description", "cues"),
    optional_columns=("cues",),
)
MEASURES = Table(
    "measures",
    "measure",
    ("measure", "label", "unit", "description", "kind", "counts_people"),
    boolean_columns=("counts_people",),
)
# The sides of the controversy; actors.alignment takes its values from here.
ALIGNMENTS = Table(
    "alignments",
    "alignment",
    ("alignment", "label", "colour", "party", "countries", "description"),
    boolean_columns=("party",),
    optional_columns=("colour",),
)
# A side's colour in the charts (alignments.csv `colour`): six hex digits, as the
# palettes the charts draw from write them (Okabe & Ito 2008; plots.side_colours).
COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
# Words that name a country in running text (adjectives, possessives, capitals and
# metonyms): the drafter's country words. Optional: without them it infers less.
NATIONALITIES = Table("nationalities", "word", ("word", "country"), optional=True)
# Words near a figure that say which measure it counts, in rank order, and the
# special roles of measures (data/README.md, "measure_cues.csv"). Optional.
MEASURE_CUES = Table("measure_cues", "cue", ("cue", "measure", "rule"), optional=True)
ARTICLES = Table(
    "articles",
    "article_id",
    (
        "article_id",
        "outlet",
        "wire_agency",
        "title",
        "published_on",
        "date_basis",
        "date_note",
        "url",
        "language",
    ),
    date_columns=("published_on",),
)
ACTORS = Table(
    "actors",
    "actor_id",
    (
        "actor_id",
        "name",
        "organisation",
        "country",
        "role",
        "actor_type",
        "alignment",
        "part_of",
        "aliases",
    ),
    # Both may be left out of the file: older data folders have neither.
    optional_columns=("part_of", "aliases"),
)
GRADES = Table(
    "grades",
    "actor_id",
    ("actor_id", "reliability", "credibility", "reasoning"),
    optional=True,
)
CLAIMS = Table(
    "claims",
    "claim_id",
    (
        "claim_id",
        "article_id",
        "claimant_id",
        "relayed_via_id",
        "statement_key",
        "claim_type",
        "stance",
        "summary",
        "stated_wording",
        "period_wording",
        "measure",
        "low",
        "best",
        "high",
        "qualifier",
        "unit",
        "direct_quote",
        "evidence",
        "relates_to",
        "note",
    ),
    integer_columns=("low", "best", "high"),
    boolean_columns=("direct_quote",),
)
# Heuer's analysis of competing hypotheses (ACH): hypotheses about an open
# question, and how each claim bears on each of them. Optional teaching tables.
HYPOTHESES = Table(
    "hypotheses", "hypothesis_id", ("hypothesis_id", "label", "description"), optional=True
)
ACH_RATINGS = Table(
    "ach_ratings",
    "claim_id",
    ("claim_id", "hypothesis_id", "rating", "reasoning"),
    optional=True,
)
# CC very consistent, C consistent, N neutral or not applicable, I inconsistent,
# II very inconsistent (Heuer, Psychology of Intelligence Analysis, ch. 8).
ACH_RATING_VALUES = ("CC", "C", "N", "I", "II")

# Vocabularies first: the other tables refer to them.
TABLES = (
    CLAIM_TYPES,
    MEASURES,
    ALIGNMENTS,
    NATIONALITIES,
    MEASURE_CUES,
    ARTICLES,
    ACTORS,
    CLAIMS,
    GRADES,
    HYPOTHESES,
    ACH_RATINGS,
)

# Columns the loader adds to claims by resolving the date wording (see dates.py).
DERIVED_CLAIM_COLUMNS = (
    "stated_on",
    "stated_from",
    "stated_precision",
    "stated_inferred",
    "period_start",
    "period_end",
    "period_precision",
)

# A rule that looks at several columns of a row is reported against one column:
# the one a person would edit to fix it.
ROW_RULE_COLUMNS: dict[str, str] = {}


def _row_rule(column: str, error: str, test) -> pa.Check:
    ROW_RULE_COLUMNS[error] = column
    return pa.Check(test, error=error)


def _not_same_as(column: str, other: str, error: str) -> pa.Check:
    """A row rule: column, where given, must differ from other (a self-reference)."""
    return _row_rule(column, error, lambda f: (f[column] != f[other]).fillna(True))


def _text(*checks: pa.Check, required: bool = True, unique: bool = False) -> pa.Column:
    return pa.Column(
        str,
        checks=[*checks, pa.Check.str_length(max_value=MAX_TEXT_CHARS, error=_too_long())],
        nullable=not required,
        unique=unique,
        report_duplicates="all",
    )


def _too_long() -> str:
    return f"text longer than {MAX_TEXT_CHARS} characters: shorten it or move it to a note"


def _identifier(unique: bool = True) -> pa.Column:
    return _text(
        pa.Check.str_matches(
            ID_PATTERN,
            error="identifier must be lower-case letters, digits and hyphens (e.g. city-police)",
        ),
        unique=unique,
    )


def _one_of(values, what: str, required: bool = True) -> pa.Column:
    """A column limited to a vocabulary; None (vocabulary unreadable) skips the check."""
    if values is None:
        return _text(required=required)
    values = sorted(values)
    return _text(
        pa.Check.isin(values, error=f"must be one of the {what}: {', '.join(values)}"),
        required=required,
    )


def _reference(values, target: str, required: bool = True) -> pa.Column:
    """A column of ids of another table; None (table unreadable) skips the check."""
    if values is None:
        return _text(required=required)
    return _text(
        member_of(values, error=f"dangling reference: no such id in {target}"),
        required=required,
    )


def member_of(values, error: str) -> pa.Check:
    """A check that each value is one of `values` (any iterable of text; a Series of a
    million ids is fine): one hash lookup per cell in pyarrow (compute.is_in).

    pandera's Check.isin keeps the values in the check, and pandera deep-copies its
    checks when it builds a schema (seconds for a million ids); pandas' isin on Arrow
    strings walks the values in Python. Here the values live in the function's closure,
    which a copy shares. Nulls are not checked (pandera drops them first)."""
    value_set = []  # made on first use: a schema only described (datapackage) needs none

    def check(column: pd.Series) -> pd.Series:
        if not value_set:
            value_set.append(arrow.array(pd.Series(values, dtype="string"), arrow.large_string()))
        cells = arrow.array(column.astype("string"), type=arrow.large_string())
        found = arrow_compute.is_in(cells, value_set=value_set[0])
        return pd.Series(found.to_numpy(zero_copy_only=False), index=column.index)

    # Named and described as pandera's isin, so that crosscheck.datapackage states it
    # as the same constraint (a foreign key, or an enum).
    return pa.Check(check, name="isin", error=error, statistics={"allowed_values": values})


def _no_markup(column: str) -> pa.Check:
    return pa.Check.str_matches(
        r"^[^<>]*$",
        error=f"{column} must be plain text as quoted: it contains '<' or '>' (HTML markup?)",
    )


def _count() -> pa.Column:
    return pa.Column(
        "Int64",
        pa.Check.ge(0, error="a count cannot be negative"),
        nullable=True,
    )


def vocabulary_schema(
    table: Table, checks: list[pa.Check] | None = None, **typed: pa.Column
) -> pa.DataFrameSchema:
    """A vocabulary table: a code as key, text columns, and any columns typed otherwise."""
    columns = {
        table.key: _text(
            pa.Check.str_matches(
                r"^[a-z][a-z0-9_]*$",
                error=(
                    "identifier must be lower-case letters, digits and underscores "
                    "(e.g. crowd_size)"
                ),
            ),
            unique=True,
        )
    }
    columns |= {
        column: typed[column] if column in typed else _text()
        for column in table.columns
        if column not in columns
    }
    return pa.DataFrameSchema(columns, checks=checks, strict=True, ordered=False)


def claim_types_schema() -> pa.DataFrameSchema:
    """Claim types: a code, its label and description, and optionally the cue phrases
    (` | `-separated, the syntax of measure_cues.csv) that say a statement is of it."""

    def cue_phrases(frame: pd.DataFrame) -> pd.Series:
        cells = vocabulary.split_lists(frame["cues"])
        return cells.map(lambda cues: all(_is_cue_phrase(cue) for cue in cues)).astype(bool)

    return vocabulary_schema(
        CLAIM_TYPES,
        cues=_text(required=False),
        checks=[
            _row_rule(
                "cues",
                "cues are phrases of lower-case words separated by ' | ' ('word*' for any "
                "ending, '[word]' for a word that may be absent, '{month}' for a month)",
                cue_phrases,
            )
        ],
    )


def measures_schema() -> pa.DataFrameSchema:
    return vocabulary_schema(
        MEASURES,
        kind=_one_of(MEASURE_KINDS, "measure kinds"),
        counts_people=pa.Column("boolean"),
    )


def alignments_schema() -> pa.DataFrameSchema:
    """The sides: a code, its label, its chart colour (optional; each colour on one row
    at most), whether it is a party, the countries whose new actors take it (each
    country on one row at most, "*" on one row at most)."""

    def listed(frame: pd.DataFrame) -> pd.DataFrame:
        countries = vocabulary.split_lists(frame["countries"]).explode().dropna()
        return countries.rename("country").reset_index()

    def each_country_once(frame: pd.DataFrame) -> pd.Series:
        countries = listed(frame)
        # The first row that lists a country keeps it; a later one is the problem.
        again = countries.loc[countries.duplicated("country"), "index"]
        return pd.Series(~frame.index.isin(again), index=frame.index)

    def each_colour_once(frame: pd.DataFrame) -> pd.Series:
        colours = frame["colour"].str.upper()
        return ~(colours.duplicated() & colours.notna())

    return vocabulary_schema(
        ALIGNMENTS,
        party=pa.Column("boolean"),
        countries=_text(required=False),
        colour=_text(
            pa.Check.str_matches(
                COLOUR_PATTERN, error="colour must be '#' and six hex digits (e.g. #0072B2)"
            ),
            required=False,
        ),
        checks=[
            _row_rule(
                "countries",
                f"a country (or '{ANY_OTHER_COUNTRY}') is listed on an earlier row: a new "
                "actor of one country can take one side only",
                each_country_once,
            ),
            _row_rule(
                "colour",
                "colour is given to an earlier row: two sides of one colour cannot be told "
                "apart in a chart",
                each_colour_once,
            ),
        ],
    )


def nationalities_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "word": _text(
                pa.Check.str_matches(
                    r"^[^A-Z]+$", error="word must be written in lower case, as matching folds text"
                ),
                unique=True,
            ),
            "country": _text(),
        },
        strict=True,
        ordered=False,
    )


def measure_cues_schema(measure_ids) -> pa.DataFrameSchema:
    """Cue words of measures in rank order; measure_ids None (measures.csv unreadable)
    skips the reference checks."""

    def is_measure_rule(frame: pd.DataFrame) -> pd.Series:
        return frame["rule"].isin(list(MEASURE_RULES)).fillna(False).astype(bool)

    def phrase_or_measure(frame: pd.DataFrame) -> pd.Series:
        if measure_ids is None:
            good_measure = pd.Series(True, index=frame.index)
        else:
            good_measure = frame["cue"].isin(list(measure_ids)).fillna(False).astype(bool)
        return (good_measure | ~is_measure_rule(frame)) & (
            frame["cue"].map(_is_cue_phrase).astype(bool) | is_measure_rule(frame)
        )

    return pa.DataFrameSchema(
        {
            "cue": _text(),
            "measure": _reference(measure_ids, "measures.csv"),
            "rule": _one_of(CUE_RULES, "cue rules", required=False),
        },
        checks=[
            _row_rule(
                "cue",
                "a cue is lower-case words ('word*' for any ending, '[word]' for a word that "
                "may be absent, '{month}' for a month); for the rules "
                f"{', '.join(MEASURE_RULES)} it is the id of a measure in measures.csv",
                phrase_or_measure,
            ),
            _row_rule(
                "cue",
                "the same cue with the same rule is on an earlier row: this row never wins",
                lambda frame: ~frame.duplicated(["cue", "rule"]),
            ),
        ],
        strict=True,
        ordered=False,
    )


def _is_cue_phrase(cue) -> bool:
    if not isinstance(cue, str) or cue != cue.lower():
        return False
    try:
        vocabulary.cue_regex(cue)
    except ValueError:
        return False
    return True


def articles_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "article_id": _identifier(),
            "outlet": _text(),
            "wire_agency": _text(required=False),
            "title": _text(required=False),
            "published_on": pa.Column(
                "datetime64[s]",
                [
                    pa.Check.le(
                        pd.Timestamp.today().normalize(),
                        error="publication date lies in the future",
                    ),
                    pa.Check.ge(
                        pd.Timestamp(EARLIEST_PUBLICATION),
                        error=f"publication date lies before {EARLIEST_PUBLICATION[:4]}: "
                        "a typo in the year?",
                    ),
                ],
            ),
            "date_basis": _one_of(DATE_BASES, "ways a publication date is established"),
            "date_note": _text(required=False),
            "url": _text(
                pa.Check.str_matches(
                    r"^https?://\S+$", error="url must start with http:// or https://"
                ),
                required=False,
            ),
            "language": _text(
                pa.Check.str_matches(r"^[a-z]{2}$", error="language must be an ISO 639-1 code")
            ),
        },
        checks=[
            _row_rule(
                "date_note",
                "an inferred publication date needs a date_note saying how it was inferred",
                lambda frame: ~((frame["date_basis"] == "inferred") & frame["date_note"].isna()),
            )
        ],
        strict=True,
        ordered=False,
    )


def actors_schema(actor_ids, alignment_ids) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "actor_id": _identifier(),
            "name": _text(),
            "organisation": _text(),
            "country": _text(required=False),
            "role": _text(),
            "actor_type": _one_of(ACTOR_TYPES, "actor types"),
            "alignment": _reference(alignment_ids, "alignments.csv"),
            "part_of": _reference(actor_ids, "actors.csv", required=False),
            "aliases": _text(required=False),
        },
        checks=[_not_same_as("part_of", "actor_id", "an actor cannot be part of itself")],
        strict=True,
        ordered=False,
    )


def grades_schema(actor_ids) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "actor_id": _reference(actor_ids, "actors.csv"),
            "reliability": _one_of("ABCDEF", "source reliability grades (NATO/Admiralty)"),
            "credibility": _one_of("123456", "information credibility grades (NATO/Admiralty)"),
            "reasoning": _text(),
        },
        unique=["actor_id"],
        report_duplicates="all",
        strict=True,
        ordered=False,
    )


def claims_schema(
    *,
    article_ids,
    actor_ids,
    claim_types,
    measure_units: dict[str, str] | None,
    claim_ids,
) -> pa.DataFrameSchema:
    """Claims refer to the other tables, so their schema is built from them.

    An argument that is None stands for a table that could not be read: its
    reference checks are skipped rather than failing every row a second time.
    """
    figures = ["low", "best", "high"]

    def has_figure(frame: pd.DataFrame) -> pd.Series:
        return frame[figures].notna().any(axis=1)

    def ordered(frame: pd.DataFrame, smaller: str, larger: str) -> pd.Series:
        return ~(frame[smaller] > frame[larger]).fillna(False)

    return pa.DataFrameSchema(
        {
            "claim_id": _identifier(),
            "article_id": _reference(article_ids, "articles.csv"),
            "claimant_id": _reference(actor_ids, "actors.csv"),
            "relayed_via_id": _reference(actor_ids, "actors.csv", required=False),
            "statement_key": _text(
                pa.Check.str_matches(
                    ID_PATTERN, error="statement_key must be lower-case letters, digits and hyphens"
                ),
                required=False,
            ),
            "claim_type": _one_of(claim_types, "claim types in claim_types.csv"),
            "stance": _one_of(STANCES, "stances"),
            "summary": _text(),
            "stated_wording": _text(required=False),
            "period_wording": _text(required=False),
            "measure": _one_of(measure_units, "measures in measures.csv", required=False),
            "low": _count(),
            "best": _count(),
            "high": _count(),
            "qualifier": _text(required=False),
            "unit": _text(required=False),
            "direct_quote": pa.Column("boolean"),
            "evidence": _text(
                _no_markup("evidence"),
                pa.Check.str_length(
                    max_value=MAX_EVIDENCE_CHARS,
                    error=f"evidence quote longer than {MAX_EVIDENCE_CHARS} characters: "
                    "quote the shortest passage that carries the claim",
                ),
            ),
            "relates_to": _reference(claim_ids, "claims.csv", required=False),
            "note": _text(required=False),
        },
        checks=[
            _row_rule("low", "low must not be above best", lambda f: ordered(f, "low", "best")),
            _row_rule("best", "best must not be above high", lambda f: ordered(f, "best", "high")),
            # With best present, low above high already breaks one of the two rules above.
            _row_rule(
                "low",
                "low must not be above high",
                lambda f: f["best"].notna() | ordered(f, "low", "high"),
            ),
            _row_rule(
                "measure",
                "a figure (low, best or high) needs a measure saying what it counts",
                lambda f: ~(has_figure(f) & f["measure"].isna()),
            ),
            _row_rule(
                "low",
                "a measure needs at least one figure (low, best or high)",
                lambda f: ~(f["measure"].notna() & ~has_figure(f)),
            ),
            _row_rule(
                "unit",
                "unit must be the unit of the measure in measures.csv",
                lambda f: (
                    ~f["measure"].isin(list(measure_units or {}))
                    | (f["unit"] == f["measure"].map(measure_units or {})).fillna(False)
                ),
            ),
            _not_same_as(
                "relayed_via_id", "claimant_id", "a claim cannot be relayed by its own claimant"
            ),
            _not_same_as("relates_to", "claim_id", "a claim cannot relate to itself"),
        ],
        strict=True,
        ordered=False,
    )


def ach_ratings_schema(claim_ids, hypothesis_ids) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "claim_id": _reference(claim_ids, "claims.csv"),
            "hypothesis_id": _reference(hypothesis_ids, "hypotheses.csv"),
            "rating": _one_of(ACH_RATING_VALUES, "ACH ratings"),
            "reasoning": _text(),
        },
        unique=["claim_id", "hypothesis_id"],
        report_duplicates="all",
        strict=True,
        ordered=False,
    )
