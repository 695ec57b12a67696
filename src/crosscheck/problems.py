"""Problems in input data, reported all at once and in words a person can act on."""

from __future__ import annotations

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
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            parts.append(f"value {_shorten(self.value)!r}")
        return ": ".join(parts) + f": {self.rule}"


class DataError(Exception):
    """The data cannot be used as it is; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_reading_order)
        super().__init__(self.report(limit=20))

    def report(self, limit: int | None = 200) -> str:
        """Every problem, one a line; past `limit`, a count of the rest by rule."""
        count = len(self.problems)
        heading = f"{count:,} problem{'s' if count != 1 else ''} in the data:"
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [heading, *(f"  {problem}" for problem in shown)]
        rest = self.problems[len(shown) :]
        if rest:
            by_rule: dict[str, int] = {}
            for problem in rest:
                by_rule[problem.rule] = by_rule.get(problem.rule, 0) + 1
            lines.append(f"  … and {len(rest):,} more:")
            lines += [f"    {n:,} × {rule}" for rule, n in sorted(by_rule.items())]
        return "\n".join(lines)


def _reading_order(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or "", problem.rule)


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
