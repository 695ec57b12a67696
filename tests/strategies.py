"""Hypothesis strategies for whole claims datasets that are valid under the schema.

Drawn from schema.py's tables and vocabularies, never from the shipped data's topic:
few or many claims, one or many measures, optional files and columns left out, long
and non-Latin names, dates spanning days or years. The fuzz run (`make fuzz`,
bench/fuzz.py) builds the report on them; the unit tests load and analyse them.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from hypothesis import strategies as st

from crosscheck import schema

# Names a reader may meet: Latin with accents, Hangul, Cyrillic, Arabic, CJK, and long.
NAME_ALPHABETS = (
    st.characters(min_codepoint=0x41, max_codepoint=0x7A, categories=("Lu", "Ll")),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.characters(min_codepoint=0x0410, max_codepoint=0x044F),
    st.characters(min_codepoint=0x0627, max_codepoint=0x064A),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from("ÀÉÎÕÜçñøß"),
)
UNITS = ("people", "soldiers", "vehicles", "percent", "shells")


def names(max_words: int = 6) -> st.SearchStrategy[str]:
    """A name of one to max_words words, each in one script (2 to 24 letters)."""
    word = st.one_of(*(st.text(alphabet, min_size=2, max_size=24) for alphabet in NAME_ALPHABETS))
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


def sentences() -> st.SearchStrategy[str]:
    """Plain text without markup, as an evidence quote must be (no '<' or '>')."""
    return st.lists(names(3), min_size=1, max_size=8).map(lambda parts: ", ".join(parts) + ".")


def identifiers(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{index:03d}" for index in range(count)]


@st.composite
def datasets(draw, max_claims: int = 120) -> dict[str, list[dict[str, str]]]:
    """Rows of every table (file name without .csv → rows of text cells), valid together.

    Optional files (grades, hypotheses, ach_ratings) may be absent (no key); the optional
    columns of actors may be absent from every row (no such key in the rows).
    """
    codes = st.from_regex(r"[a-z][a-z0-9_]{2,14}", fullmatch=True)
    claim_types = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    measures = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    units = {measure: draw(st.sampled_from(UNITS)) for measure in measures}
    alignments = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    tables: dict[str, list[dict[str, str]]] = {
        "claim_types": [
            {"claim_type": code, "label": draw(names(3)), "description": draw(sentences())}
            for code in claim_types
        ],
        # Sides drawn as codes, not the shipped data's: any topic brings its own.
        "alignments": [
            {
                "alignment": code,
                "label": draw(names(3)),
                "party": draw(st.sampled_from(["yes", "no"])),
                "countries": "",
                "description": draw(sentences()),
            }
            for code in alignments
        ],
        "measures": [
            {
                "measure": measure,
                "label": draw(names(4)),
                "unit": units[measure],
                "description": draw(sentences()),
                "kind": draw(st.sampled_from(schema.MEASURE_KINDS)),
                "counts_people": draw(st.sampled_from(["yes", "no"])),
            }
            for measure in measures
        ],
    }

    # The latest first day leaves room for the longest span before today (a publication
    # date may not lie in the future).
    first = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2023, 6, 30)))
    span = draw(st.sampled_from([0, 3, 30, 400, 900]))  # one day, days, a month, years
    article_ids = identifiers("article", draw(st.integers(1, 12)))
    tables["articles"] = [
        {
            "article_id": article_id,
            "outlet": draw(names(4)),
            "wire_agency": draw(st.sampled_from(["", "Wire"])),
            "title": draw(st.sampled_from(["", "A title"])),
            "published_on": (first + timedelta(days=draw(st.integers(0, span)))).isoformat(),
            "date_basis": "stated",
            "date_note": "",
            "url": f"https://example.org/{article_id}",
            "language": draw(st.sampled_from(["en", "ko", "uk", "ru"])),
        }
        for article_id in article_ids
    ]

    actor_ids = identifiers("actor", draw(st.integers(1, 10)))
    with_optional = draw(st.booleans())
    tables["actors"] = []
    for actor_id in actor_ids:
        row = {
            "actor_id": actor_id,
            "name": draw(names()),
            "organisation": draw(names(5)),
            "country": draw(st.sampled_from(["", "Somewhere"])),
            "role": draw(names(2)),
            "actor_type": draw(st.sampled_from(schema.ACTOR_TYPES)),
            "alignment": draw(st.sampled_from(alignments)),
        }
        if with_optional:
            # Only earlier actors as parents: part_of can never go round in a circle.
            earlier = actor_ids[: actor_ids.index(actor_id)]
            row["part_of"] = draw(st.sampled_from(["", *earlier])) if earlier else ""
            row["aliases"] = draw(st.sampled_from(["", "Alias One | Alias Two"]))
        tables["actors"].append(row)

    published = {row["article_id"]: row["published_on"] for row in tables["articles"]}
    claims = []
    for index in range(draw(st.integers(1, max_claims))):
        article_id = draw(st.sampled_from(article_ids))
        claimant = draw(st.sampled_from(actor_ids))
        relay = draw(st.sampled_from(["", *[a for a in actor_ids if a != claimant]]))
        measure = draw(st.sampled_from(["", *measures]))
        low = best = high = ""
        if measure:
            figures = sorted(draw(st.lists(st.integers(0, 10**7), min_size=1, max_size=3)))
            shape = draw(st.sampled_from(["best", "range", "low", "high", "all"]))
            if shape == "best":
                best = str(figures[0])
            elif shape == "range":
                low, high = str(figures[0]), str(figures[-1])
            elif shape == "low":
                low = str(figures[0])
            elif shape == "high":
                high = str(figures[-1])
            else:
                low, best, high = (str(figures[0]), str(figures[len(figures) // 2]),
                                   str(figures[-1]))  # fmt: skip
        day = date.fromisoformat(published[article_id])
        stated = draw(
            st.sampled_from(["", (day - timedelta(days=draw(st.integers(0, 5)))).isoformat()])
        )
        claims.append(
            {
                "claim_id": f"claim-{index:04d}",
                "article_id": article_id,
                "claimant_id": claimant,
                "relayed_via_id": relay,
                "statement_key": draw(st.sampled_from(["", f"{claimant}-said-{index % 3}"])),
                "claim_type": draw(st.sampled_from(claim_types)),
                "stance": draw(st.sampled_from(schema.STANCES)),
                "summary": draw(sentences()),
                "stated_wording": stated,
                "period_wording": "",
                "measure": measure,
                "low": low,
                "best": best,
                "high": high,
                "qualifier": draw(st.sampled_from(["", "about", "at least", "up to", "more than"]))
                if measure
                else "",
                "unit": units[measure] if measure else "",
                "direct_quote": draw(st.sampled_from(["yes", "no"])),
                "evidence": draw(sentences())[: schema.MAX_EVIDENCE_CHARS],
                "relates_to": "",
                "note": "",
            }
        )
    tables["claims"] = claims

    if draw(st.booleans()):
        tables["grades"] = [
            {
                "actor_id": actor_id,
                "reliability": draw(st.sampled_from("ABCDEF")),
                "credibility": draw(st.sampled_from("123456")),
                "reasoning": draw(sentences()),
            }
            for actor_id in draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=5))
        ]
    return tables


def write_dataset(tables: dict[str, list[dict[str, str]]], folder: Path) -> Path:
    """Write drawn tables as a data folder of CSV files (UTF-8, comma, header first)."""
    folder.mkdir(parents=True, exist_ok=True)
    by_name = {table.name: table for table in schema.TABLES}
    for name, rows in tables.items():
        columns = [c for c in by_name[name].columns if not rows or c in rows[0]]
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return folder
