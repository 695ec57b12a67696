"""What a data folder says about its own report: data/report.yml (optional).

Keys: title and lede (text; "{period}" in them becomes the span of the claims shown),
parameters (default chapter parameters, a mapping),
key_articles (article ids whose figures every capped chart keeps) and subject (what
the claims are about, in a few words: "a selection holds no claim about {subject}"). Another
controversy needs a data folder only: its words live here, not in the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from crosscheck.problems import DataError, Problem

# Without a report.yml, a title and lede that name no topic: a topic's words are data.
REPORT_TITLE = "Contested claims, {period}: who claimed what, and with which numbers"
REPORT_LEDE = (
    "Every claim recorded as data: who made it, through whom it reached the press, when, "
    "and with which figures; the figures compared within what they measure."
)
# In the title and lede, replaced by the span of the claims in the report ("October 2024").
PERIOD_FIELD = "{period}"
KEYS = ("title", "lede", "parameters", "key_articles", "subject")


@dataclass(frozen=True)
class Settings:
    """What a data folder says about its own report (data/report.yml, optional)."""

    title: str = REPORT_TITLE
    lede: str = REPORT_LEDE
    parameters: dict | None = None
    # Articles whose figures every capped chart keeps (None: the earliest article).
    key_articles: tuple[str, ...] | None = None
    # What the claims are about, for sentences that say a selection holds none ('': none).
    subject: str = ""


SETTINGS_FILE = "report.yml"


def read_settings(data_dir: Path) -> Settings:
    """The report's title, lede and default chapter parameters for this data folder."""
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as error:
        # YAML reads 2024-02-30 as a date and fails (ValueError): quoting it keeps it text.
        problem = Problem(
            str(path), None, None, None, f"not valid YAML (quote a day to keep it text): {error}"
        )
        raise DataError([problem]) from None
    problems = []
    if not isinstance(content, dict):
        content = {}
        problems.append(Problem(str(path), None, None, None, "must be a mapping of keys"))
    unknown = sorted(set(content) - set(KEYS))
    problems += [
        Problem(str(path), None, key, None, f"unknown key: use {', '.join(KEYS)}")
        for key in unknown
    ]
    for key in ("title", "lede", "subject"):
        if key in content and not (isinstance(content[key], str) and content[key].strip()):
            problems.append(Problem(str(path), None, key, None, "must be non-empty text"))
    if not isinstance(content.get("parameters", {}), dict):
        problems.append(Problem(str(path), None, "parameters", None, "must be a mapping"))
    key_articles = content.get("key_articles")
    if key_articles is not None and not (
        isinstance(key_articles, list)
        and all(isinstance(item, str) and item.strip() for item in key_articles)
    ):
        problems.append(
            Problem(str(path), None, "key_articles", None, "must be a list of article ids")
        )
    for key in ("title", "lede"):
        text = content.get(key)
        if isinstance(text, str) and (
            "{" in text.replace(PERIOD_FIELD, "") or "}" in text.replace(PERIOD_FIELD, "")
        ):
            problems.append(Problem(str(path), None, key, None,
                                    f"braces are for the field {PERIOD_FIELD} only"))  # fmt: skip
    if problems:
        raise DataError(problems)
    return Settings(
        title=content.get("title", REPORT_TITLE),
        lede=content.get("lede", REPORT_LEDE),
        parameters=content.get("parameters") or {},
        key_articles=tuple(key_articles) if key_articles else None,
        subject=content.get("subject", "").strip(),
    )


def with_period(text: str, period: str) -> str:
    """A title or lede with its {period} field filled ('' period: the field and the comma
    or space before it go)."""
    if period:
        return text.replace(PERIOD_FIELD, period)
    return (
        text.replace(", " + PERIOD_FIELD, "")
        .replace(" " + PERIOD_FIELD, "")
        .replace(PERIOD_FIELD, "")
    )
