"""The passage of an article that carries a claim, and a one-line summary of it."""

from __future__ import annotations

import re

from crosscheck import schema
from crosscheck.drafting.figures import COUNT_NOUNS, Figure
from crosscheck.drafting.text import (
    clause_of,
    clause_spans,
    fold,
    quote_spans,
    words,
    words_after,
)

# Verbs that carry the stance, kept in a statement's evidence ("refuted allegations ...").
STANCE_VERBS = (
    r"den(?:y|ies|ied)|refut\w+|reject\w*|dismiss\w*|label\w*|accus\w+|urg\w+|call\w*|warn\w*"
)


# Group nouns that name several speakers ("US officials say"): the summary's verb agrees.
PLURAL_SPEAKERS = frozenset(
    words(
        "officials sources lawmakers legislators diplomats forces authorities analysts experts "
        "members leaders officers residents witnesses organisers organizers police"
    )
)


def short_name(name: str) -> str:
    """An actor's name without its bracketed note: 'US officials (unnamed)' -> 'US officials'."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def plural_verb(name: str, singular: str, plural: str) -> str:
    """The verb form that agrees with a speaker's name ("officials make", "Lee makes")."""
    last = name.split()[-1].lower() if name.split() else ""
    return plural if last in PLURAL_SPEAKERS else singular


def as_written(figure: Figure) -> str:
    """A figure as a summary gives it: '1,000 to 3,000', 'at least 40', '12,000'."""
    if figure.kind == "range":
        return f"{figure.low:,} to {figure.high:,}"
    return f"{figure.qualifier or ''} {figure.value:,}".strip()


def puts_at(label: str, figure: Figure) -> str:
    """'troops sent at 3,000', 'troops sent at least 40' (never 'at at least 40')."""
    written = as_written(figure)
    return f"{label} {written}" if written.startswith("at ") else f"{label} at {written}"


def figure_evidence(
    text: str, figure: Figure, cue: tuple[int, int] | None, clause: tuple[int, int]
) -> str:
    """The shortest passage that carries a figure: its cue word, qualifier, number and noun."""
    folded = fold(text)
    start, end = figure.start, figure.end
    if figure.kind == "multiple":
        words = re.match(r"(?:\s+[\w'’-]+){1,6}", re.split(r"[,.;:!?()]", text[end:])[0])
        end += words.end() if words else 0
        return _trim(text[start:end])
    after = words_after(folded, figure.end, 5)
    for word in after:
        if word in COUNT_NOUNS:
            m = re.search(rf"\b{word}\b", folded[end:])
            end += m.end()
            break
    of_them = re.match(r"\s+of\s+(?:them|those|whom)\b", folded[end:])
    if of_them:
        end += of_them.end()
    if cue is not None and clause[0] <= cue[0] and cue[1] <= clause[1]:
        if cue[1] <= start and start - cue[1] <= 40:
            start = cue[0]
        elif cue[1] > end and cue[0] - end <= 40:
            end = cue[1]
    return _trim(text[start:end])


def statement_evidence(
    text: str, verb: tuple[int, int] | None, span: tuple[int, int] | None = None
) -> tuple[str, bool]:
    """A statement's evidence and whether it is a direct quotation.

    In: the sentence, the span of its attributing verb and the stretch of the
    sentence the statement covers (`span`, default the whole sentence: two
    statements of one sentence each take their own part). Out: the longest
    quotation in the stretch, else the words the verb introduces ("said that
    ..."), else, when the verb ends its clause ("..., Kim said."), the clause
    before it.
    """
    first, last = span or (0, len(text))
    quotes = [(a, b) for a, b in quote_spans(text) if b - a >= 3 and first <= a and b <= last]
    if quotes:
        a, b = max(quotes, key=lambda q: q[1] - q[0])
        return _trim(text[a:b].strip().rstrip(",.;:")), True
    if verb and fold(text[verb[0] : verb[1]]) == "according to":
        # "X happened, according to Lee": the clause before; "According to Lee, X": after.
        if verb[0] > first + 2:
            clause = clause_of(clause_spans(text), verb[0] - 2)
            return _trim(text[max(clause[0], first) : min(clause[1], verb[0])]), False
        rest = re.split(r",\s+", text[verb[1] : last], maxsplit=1)
        return _trim(rest[-1].strip().rstrip(".")), False
    start = first
    if verb:
        keep_verb = re.fullmatch(STANCE_VERBS, fold(text[verb[0] : verb[1]]))
        start = verb[0] if keep_verb else verb[1] + 1
    # "said on Tuesday, Nov. 12, that ...": the date between the verb and "that" may
    # hold commas and points; what is said starts after "that" all the same
    that = re.match(r"(?:[\w'’.,-]+\s+){0,8}?that\s+", text[verb[1] :].lstrip()) if verb else None
    if that:
        start = verb[1] + (len(text[verb[1] :]) - len(text[verb[1] :].lstrip())) + that.end()
    clause = clause_of(clause_spans(text), start)
    end = min(clause[1] if clause[1] > start else len(text), last)
    passage = text[start:end].strip().rstrip(",.;:")
    if verb and not re.search(r"\w", passage):
        # "..., Kim said.": the verb closes the sentence; what was said comes before it
        speaker_clause = clause_of(clause_spans(text), verb[0])
        cut = speaker_clause[0] if speaker_clause[0] > first else verb[0]
        passage = text[first:cut].strip().strip('"“”').rstrip(",.;:")
    return _trim(passage), False


def _trim(passage: str) -> str:
    passage = passage.strip().strip(",;:")
    if len(passage) <= schema.MAX_EVIDENCE_CHARS:
        return passage
    cut = passage[: schema.MAX_EVIDENCE_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut
