"""Problems in input data, reported all at once and in words a person can act on.

A `Problem` refuses the data; a `Note` says how a cell or row was read when the
reading is not the obvious one (a count typed in full-width digits, an empty
column a spreadsheet added), so that nothing is changed behind a person's back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one cell, row or file."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    rule: str

    def __str__(self) -> str:
        return _located(self, self.rule)


@dataclass(frozen=True, order=True)
class Note:
    """How one cell, row or column was read, where it was accepted but not as written."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    note: str

    def __str__(self) -> str:
        return _located(self, self.note)


class DataError(Exception):
    """The data cannot be used as it is; carries every problem found (and the notes)."""

    def __init__(self, problems: list[Problem], notes: Iterable[Note] = ()):
        self.problems = sorted(problems, key=reading_order)
        self.notes = sorted(notes, key=reading_order)
        super().__init__(self.report(limit=20))

    def report(self, limit: int | None = 200) -> str:
        """Every problem, one a line; past `limit`, a count of the rest by rule; then the notes."""
        count = len(self.problems)
        heading = f"{count:,} problem{'s' if count != 1 else ''} in the data:"
        text = _listing(heading, self.problems, limit, lambda problem: problem.rule)
        return "\n".join(filter(None, [text, notes_report(self.notes, limit)]))


def notes_report(notes: Iterable[Note], limit: int | None = 20) -> str:
    """The notes, one a line, past `limit` counted by kind; empty text when there are none."""
    notes = sorted(notes, key=reading_order)
    if not notes:
        return ""
    heading = f"{len(notes):,} note{'s' if len(notes) != 1 else ''} on how the data was read:"
    # Notes of one kind differ only by the value read, so the count groups by its wording.
    return _listing(heading, notes, limit, lambda note: note.note.split(":")[0])


def _listing(heading: str, entries: list, limit: int | None, kind) -> str:
    shown = entries if limit is None else entries[:limit]
    lines = [heading, *(f"  {entry}" for entry in shown)]
    rest = entries[len(shown) :]
    if rest:
        by_kind: dict[str, int] = {}
        for entry in rest:
            by_kind[kind(entry)] = by_kind.get(kind(entry), 0) + 1
        lines.append(f"  … and {len(rest):,} more:")
        lines += [f"    {n:,} × {name}" for name, n in sorted(by_kind.items())]
    return "\n".join(lines)


def _located(entry: Problem | Note, text: str) -> str:
    where = entry.file if entry.line is None else f"{entry.file}:{entry.line}"
    parts = [where]
    if entry.column is not None:
        parts.append(f"column '{entry.column}'")
    if entry.value is not None:
        parts.append(f"value {_shorten(entry.value)!r}")
    return ": ".join(parts) + f": {text}"


def reading_order(entry: Problem | Note) -> tuple:
    """Sort key: file, line, column, then the rule or note."""
    text = entry.rule if isinstance(entry, Problem) else entry.note
    return (entry.file, entry.line or 0, entry.column or "", text)


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
