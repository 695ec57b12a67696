"""Sentences, clauses and quotations of an article, with positions kept."""

from __future__ import annotations

import re
from dataclasses import dataclass


def words(text: str) -> list[str]:
    """A table of words written as one string."""
    return text.split()


# A full stop after these does not end a sentence: titles, initials of places
# ("U.S."), month abbreviations of datelines ("Nov. 14").
ABBREVIATIONS = frozenset(
    words(
        "u.s u.k u.n e.u mr mrs ms dr prof gen lt col maj capt sgt adm cmdr rep sen gov pres "
        "st no vs etc e.g i.e a.m p.m inc co corp jr sr "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int


_BOUNDARY = re.compile(r"[.!?]+[\"”’')]*\s+(?=[\"“‘'(A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text: a line break always ends one; a full stop ends one unless
    it follows an abbreviation ("U.S.") or falls inside a quotation."""
    result = []
    paragraphs = [p for p in re.split(r"\s*\n\s*", text) if p.strip()]
    for number, paragraph in enumerate(paragraphs):
        start = 0
        for boundary in _BOUNDARY.finditer(paragraph):
            before = paragraph[start : boundary.start()]
            word = re.sub(r"^[\"“‘'(]+", "", (before.split() or [""])[-1]).lower()
            if word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
                continue
            if _inside_quote(paragraph, boundary.start()):
                continue
            result.append(Sentence(paragraph[start : boundary.end()].strip(), number))
            start = boundary.end()
        if paragraph[start:].strip():
            result.append(Sentence(paragraph[start:].strip(), number))
    return result


def _inside_quote(text: str, position: int) -> bool:
    """Whether position lies inside a quotation that closes later in the text."""
    before, after = text[:position], text[position:]
    if before.count("“") > before.count("”"):
        return "”" in after
    if before.count('"') % 2 == 1:
        return '"' in after
    return False


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
