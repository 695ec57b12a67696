"""A topic's vocabulary as the drafter and the analysis read it: the sides
(alignments.csv), the words that name a country (nationalities.csv), the other
names of actors (actors.csv `aliases`) and the cue words of measures
(measure_cues.csv).

The rows live in the data folder (data/README.md documents each file), so that
another controversy needs data only; this module turns them into the lookups the
code asks for. Every function takes the typed tables of a loaded Dataset
(crosscheck.load) and never reads files itself.
"""

from __future__ import annotations

import re

import pandas as pd

# Cells that hold several values separate them with a spaced pipe (actors.aliases,
# alignments.countries), so that a value may itself contain '|'-free punctuation.
LIST_SEPARATOR = " | "
# A countries cell of "*": the side of any country no other row lists, and of an
# actor without a country (an outlet speaking in its own voice).
ANY_OTHER_COUNTRY = "*"
# The roles a row of measure_cues.csv can play (data/README.md, "measure_cues.csv").
# An empty rule is a plain cue: words near a figure that say what it counts.
CUE_RULES = ("units", "multiple", "more_sent", "more_planned", "over_period", "ahead")
# Rules whose cue is not a phrase but the id of the measure they turn into another.
MEASURE_RULES = ("more_sent", "more_planned", "over_period")
# "{month}" in a cue stands for any month name or its abbreviation ("by {month}").
MONTH_PLACEHOLDER = "{month}"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# One word of a cue: letters (any script), digits, apostrophes, hyphens and dots,
# optionally ending in '*' (any ending); a whole word in [brackets] may be absent.
_CUE_WORD = r"(?:\[[^\W_][\w'’.-]*\]|[^\W_][\w'’.-]*\*?|\{month\})"
CUE_SYNTAX = re.compile(rf"^{_CUE_WORD}(?: {_CUE_WORD})*$")


def split_list(cell) -> list[str]:
    """The values of a ` | `-separated cell, stripped, empty ones dropped ([] for NA)."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    return [value.strip() for value in str(cell).split("|") if value.strip()]


def split_lists(cells: pd.Series) -> pd.Series:
    """split_list of each cell: an object Series of lists on the same index. (Mapped from
    text in Arrow, pandas would type the lists in Arrow too, and a column of empty lists
    as list<null>, which it cannot explode.)"""
    return cells.astype(object).map(split_list)


def fold(text: str) -> str:
    """Lower case with straight apostrophes: how words are compared with the vocabulary."""
    return text.translate(str.maketrans("‘’", "''")).lower().strip()


def country_words(nationalities: pd.DataFrame) -> dict[str, str]:
    """Word (folded) -> country, longest word first, from nationalities.csv
    (columns word, country). Empty when the topic has no such file."""
    words = {fold(word): country for word, country in zip(
        nationalities["word"], nationalities["country"], strict=True)}  # fmt: skip
    return dict(sorted(words.items(), key=lambda item: (-len(item[0]), item[0])))


def actor_aliases(actors: pd.DataFrame, nationalities: pd.DataFrame) -> pd.DataFrame:
    """Every alias of every actor, one row each, from actors.csv `aliases`.

    Out: columns alias (string, as written), actor_id (string), weak (bool). An alias
    is weak when, folded, it is a word of nationalities.csv ("Moscow", "Pyongyang",
    "Seoul", "North Korea"): a place named for its government is usually what a
    sentence is about rather than who speaks, so the drafter takes it as the
    speaker only right before the speech verb. An actors table without the column
    gives no rows.
    """
    columns = {"alias": "string", "actor_id": "string", "weak": "bool"}
    if "aliases" not in actors or actors.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    rows = actors[["actor_id", "aliases"]].assign(alias=split_lists(actors["aliases"]))
    rows = rows.explode("alias").dropna(subset="alias")
    places = set(country_words(nationalities))
    weak = rows["alias"].map(lambda alias: fold(alias) in places).astype(bool)
    return (
        pd.DataFrame({"alias": rows["alias"], "actor_id": rows["actor_id"], "weak": weak})
        .astype(columns)
        .reset_index(drop=True)
    )


def party_alignments(alignments: pd.DataFrame) -> frozenset[str]:
    """The alignments whose `party` is yes: the sides of the dispute itself, whose
    statements are claims of an interested side (ladder.with_rungs)."""
    return frozenset(alignments.loc[alignments["party"].fillna(False).astype(bool), "alignment"])


def alignment_labels(alignments: pd.DataFrame) -> dict[str, str]:
    """Alignment id -> how a reader names the side (alignments.csv `label`)."""
    return dict(zip(alignments["alignment"], alignments["label"], strict=True))


def alignment_of_country(alignments: pd.DataFrame, country: str | None) -> str | None:
    """The side of a new actor of this country: the row whose `countries` lists it,
    else the row whose `countries` is "*", else None (the drafter then leaves the
    side to the reviewer). An empty country (an outlet) takes the "*" row."""
    fallback = None
    for alignment, cell in zip(alignments["alignment"], alignments["countries"], strict=True):
        listed = split_list(cell)
        if country and country in listed:
            return str(alignment)
        if ANY_OTHER_COUNTRY in listed and fallback is None:
            fallback = str(alignment)
    return fallback


def cue_regex(cue: str) -> str:
    """A cue phrase of measure_cues.csv as a regular expression over folded text.

    Words match whole words, any run of spaces or hyphens between them; `word*`
    matches any ending ("train*": train, trained, training); `[word]` may be absent
    ("near the [ukrainian] border"); `{month}` is any month or its abbreviation.
    Raises ValueError for a cue outside this syntax (load.py reports it first).
    """
    cue = fold(cue)
    if not CUE_SYNTAX.match(cue):
        raise ValueError(f"not a cue phrase: {cue!r}")
    parts = []
    for word in cue.split(" "):
        if word == MONTH_PLACEHOLDER:
            parts.append((rf"(?:{_MONTHS})", False))
        elif word.startswith("["):
            parts.append((re.escape(word[1:-1]), True))
        elif word.endswith("*"):
            parts.append((re.escape(word[:-1]) + r"\w*", False))
        else:
            parts.append((re.escape(word), False))
    if all(optional for _, optional in parts):
        raise ValueError(f"a cue needs at least one word that is not optional: {cue!r}")
    pattern, gap = "", ""
    for text, optional in parts:
        if not optional:
            pattern, gap = pattern + gap + text, r"[\s-]+"
        elif gap:  # after a word: the gap goes with the optional word
            pattern += f"(?:{gap}{text})?"
        else:  # before the first word
            pattern += rf"(?:{text}[\s-]+)?"
    return pattern.replace("'", "['’]")


def cues_of(measure_cues: pd.DataFrame, rule: str | None = None) -> pd.DataFrame:
    """The rows of one rule (None: plain cues), in rank order, with a `rank` column
    (0 for the file's first row): earlier rows win ties."""
    ranked = measure_cues.assign(rank=range(len(measure_cues)))
    chosen = ranked["rule"].isna() if rule is None else ranked["rule"] == rule
    return ranked[chosen.fillna(False).astype(bool)].reset_index(drop=True)
