"""Sentences, clauses and quotations of an article, with positions kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd


@lru_cache(maxsize=8192)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), once per pattern for the process. The drafter builds
    patterns from the data's names, country words and cues: thousands of them, more than
    the re module's own cache keeps (512), so without this each article compiled them
    again and pushed out pysbd's patterns, which then compiled again too (46 of the 75 s
    of the drafter's evaluation on the gold articles went to compiling). Bounded: a
    long-running drafter meets new names with every article."""
    return re.compile(pattern, flags)


def words(text: str) -> list[str]:
    """A table of words written as one string."""
    return text.split()


# Headlines are titles, not statements: a first line this short without a final stop.
HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article, its paragraph number, and whether it is the headline."""

    text: str
    paragraph: int
    headline: bool = False


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # pysbd's English rules (abbreviations, initials, quotations, numbers) from the Golden
    # Rules of sentence boundary detection (Sadvilkar and Neumann, 2020); built once.
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text: a line break always ends one; within a paragraph pysbd
    finds the boundaries. A first paragraph of at most HEADLINE_MAX_WORDS words that
    does not end in a stop is the headline (marked, so that it is never a claim).

    In: the article as plain text. Out: the sentences in order, stripped.
    """
    result = []
    paragraphs = [p.strip() for p in re.split(r"\s*\n\s*", text) if p.strip()]
    for number, paragraph in enumerate(paragraphs):
        headline = (
            number == 0
            and len(paragraph.split()) <= HEADLINE_MAX_WORDS
            and not re.search(r"[.!?:][\"”’')]*$", paragraph)
        )
        if headline:
            result.append(Sentence(paragraph, number, headline=True))
            continue
        for piece in _segmenter().segment(paragraph):
            if piece.strip():
                result.append(Sentence(piece.strip(), number))
    return result


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans (inside the marks) of the quotations in a sentence."""
    return [
        (m.start() + 1, m.end() - 1)
        for m in re.finditer(r"“[^”]*”|\"[^\"]*\"|(?<!\w)‘[^’]*’(?!\w)", text)
    ]


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the comma-, semicolon- and dash-separated clauses of a sentence."""
    spans, start = [], 0
    for m in re.finditer(r"[,;:]\s+|\s+[–—]\s+|\s+-\s+", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for span in clauses:
        if span[0] <= position <= span[1]:
            return span
    return clauses[-1]


def fold(text: str) -> str:
    """Lower case with straight quotes, keeping every character's position."""
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def words_after(folded: str, position: int, count: int) -> list[str]:
    """The next words after position, up to the next punctuation."""
    stretch = re.split(r"[;:!?()\"]|[,.](?!\d)", folded[position:], maxsplit=1)[0]
    return re.findall(r"[a-z]+", stretch)[:count]
