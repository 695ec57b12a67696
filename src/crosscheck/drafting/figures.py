"""Figures as written in a sentence: numbers, ranges, qualifiers, multiples."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.drafting.text import fold, words, words_after
from crosscheck.estimates import QUALIFIER_RULES

# Number words as people write them ("ten thousand", "two units").
SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
TENS = {
    word: 10 * value
    for value, word in enumerate(words("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

# Qualifiers before a figure and the field they set: the report's own rules
# (estimates.QUALIFIER_RULES), so a drafted figure reads as the report reads it,
# plus wire-copy forms the report reads from whichever field is set.
EXTRA_QUALIFIERS = {
    "an estimated": "best",
    "estimated": "best",
    "approaching": "best",
    "close to": "best",
    "in excess of": "low",
    "upwards of": "low",
    "fewer than": "high",
    "less than": "high",
}
QUALIFIERS = {
    word: fields
    for word, fields in zip(
        QUALIFIER_RULES["qualifier"], QUALIFIER_RULES["fields set"], strict=True
    )
    if fields in ("low", "best", "high")
} | EXTRA_QUALIFIERS

# A multiple of an earlier figure ("double the previous estimate") is coded as
# a ratio (data/README.md, "Figures"), with the word as the qualifier.
MULTIPLES = {"double": 2, "twice": 2, "twofold": 2, "triple": 3, "treble": 3, "threefold": 3}

# "from 3,000 to 11,000" after one of these is a change between two figures, not a range.
CHANGE_WORDS = r"rose|risen|increased|grew|grown|jumped|climbed|went up|fell|dropped|declined"

# Words after a number that make it a count of people or units, so that a
# number followed by none of them ("the 2024 treaty", "9 September") is skipped.
COUNT_NOUNS = frozenset(
    words(
        "troops soldiers servicemen personnel men fighters forces units brigades battalions "
        "regiments divisions corps workers engineers sappers builders officers marines commandos "
        "infantry people recruits reinforcements conscripts prisoners casualties deaths "
        "dead killed wounded injured captured contingent strong more"
    )
)
# Words before a figure that make it a count ("the death toll at 300", "a peak of 12,000").
COUNT_BEFORE = (
    r"number|numbering|numbered|total|totalling|toll|tally|peak|contingent|force|strength"
)
# Nouns after a figure that make it a count of units ("two units", "two brigades").
UNIT_NOUNS = frozenset(words("units brigades battalions regiments divisions"))
# What follows a number that is not a count: a share, a distance, a time, money.
NOT_COUNTS = (
    r"%|percent|per cent|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|tonnes?|tons?|"
    r"hours?|days?|weeks?|months?|years?|dollars|euros|won|roubles|rubles|billion|"
    r"-year-old|year-old|years? old"
)
# Month names and their abbreviations: a number beside one is a day, not a count.
MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)


@dataclass
class Figure:
    """A figure as written in a sentence: its span (qualifier included) and fields."""

    start: int
    end: int
    low: int | None
    best: int | None
    high: int | None
    qualifier: str = ""
    kind: str = "bare"  # bare, range, bound, multiple, vague (no number given)
    units: bool = False
    flags: list[str] = field(default_factory=list)  # reasons a reviewer must check it

    @property
    def value(self) -> int:
        """The main value: best, else high, else low."""
        return next(v for v in (self.best, self.high, self.low) if v is not None)


@dataclass
class _Number:
    start: int
    end: int
    value: int


_NUMBER_WORD = "|".join([*SMALL_NUMBERS, *TENS, *SCALES])
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:a\s+(?=(?:hundred|thousand|million)\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:\s+|-|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD}))*(?![\w-])",
    re.IGNORECASE,
)
_DIGIT_NUMBER = re.compile(
    r"(?<![\w.,/$€£#])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(thousand|million))?(?![\w]|[.,]\d)",
    re.IGNORECASE,
)


def _word_value(words: str) -> int | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", "a"):
            continue
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[word]
            current = 0
    return total + current


def _numbers(sentence: str) -> list[_Number]:
    folded = fold(sentence)
    found: list[_Number] = []
    for m in _DIGIT_NUMBER.finditer(sentence):
        value = float(m.group(1).replace(",", "")) * SCALES.get((m.group(2) or "").lower(), 1)
        if value != int(value):
            continue
        if _not_a_count(sentence, folded, m.start(), m.end(), m.group(1)):
            continue
        found.append(_Number(m.start(), m.end(), int(value)))
    for m in _WORD_NUMBER.finditer(sentence):
        if any(n.start < m.end() and m.start() < n.end for n in found):
            continue
        if m.group(0).lower() in SCALES:
            continue  # "several hundred", "thousands": no number is given
        found.append(_Number(m.start(), m.end(), _word_value(m.group(0))))
    return sorted(found, key=lambda n: n.start)


def _not_a_count(sentence: str, folded: str, start: int, end: int, digits: str) -> bool:
    """Years, dates, ages, shares, distances, times and money are not counts."""
    before, after = folded[max(0, start - 12) : start], folded[end : end + 16]
    if re.match(rf"\s*(?:{NOT_COUNTS})(?![a-z])", after):
        return True
    if re.search(rf"\b(?:{MONTH_NAMES})\.?\s+$", before) or re.match(
        rf"\s+(?:of\s+)?(?:{MONTH_NAMES})\b", after
    ):
        return True  # "23 October", "Oct. 23"
    if re.search(r"\b(?:aged?|age of)\s+$", before):
        return True  # "aged 26"
    if re.search(r"[A-Z][a-z]+,\s*$", sentence[max(0, start - 20) : start]) and re.match(
        r",", after
    ):
        return True  # "Kim, 40, said"
    return bool(re.fullmatch(r"(?:19|20)\d\d", digits))  # a year: "in 2024", "the 2024 treaty"


def parse_figures(sentence: str, cues: str = "") -> list[Figure]:
    """Every count of people or units in a sentence, with its qualifier and fields."""
    folded = fold(sentence)
    numbers = _numbers(sentence)
    figures: list[Figure] = []
    index = 0
    while index < len(numbers):
        first = numbers[index]
        second = numbers[index + 1] if index + 1 < len(numbers) else None
        figure = _range(folded, first, second)
        if figure is not None:
            index += 2
        else:
            figure = _single(folded, first)
            index += 1
        if _counts_something(folded, figure, cues):
            figure.units = _unit_noun(folded, figure.end)
            figures.append(figure)
    for m in re.finditer(rf"\b({'|'.join(MULTIPLES)})\b(?=\s+(?:the|its|that|as|an?)\b)", folded):
        value = MULTIPLES[m.group(1)]
        figures.append(Figure(m.start(), m.end(), value, value, value, m.group(1), "multiple"))
    return sorted(figures, key=lambda f: f.start)


def _range(folded: str, first: _Number, second: _Number | None) -> Figure | None:
    if second is None or second.value <= first.value:
        return None
    gap = folded[first.end : second.start]
    before = folded[: first.start]
    if re.fullmatch(r"\s+and\s+", gap) and re.search(r"\bbetween\s+$", before):
        start = before.rstrip().rfind("between")
        return Figure(start, second.end, first.value, None, second.value, "between", "range")
    if re.fullmatch(r"\s*[-–—]\s*|\s+to\s+", gap):
        if re.search(rf"\b(?:{CHANGE_WORDS})\s+(?:\w+\s+)?from\s+$", before):
            return None  # "rose from 3,000 to 11,000": two figures
        return Figure(first.start, second.end, first.value, None, second.value, "", "range")
    return None


def _single(folded: str, number: _Number) -> Figure:
    before = folded[: number.start]
    for word in sorted(QUALIFIERS, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(word)}\s+$", before):
            fields = QUALIFIERS[word]
            start = before.rstrip().rfind(word)
            values = {f: (number.value if f == fields else None) for f in ("low", "best", "high")}
            return Figure(start, number.end, **values, qualifier=word, kind="bound")
    v = number.value
    return Figure(number.start, number.end, v, v, v)


def _counts_something(folded: str, figure: Figure, cues: str) -> bool:
    """A number counts people or units when a count noun or a measure cue follows it
    ("3,000 troops", "100 killed", "3,000 of them") or the clause says it is a number."""
    if figure.kind == "multiple":
        return True
    after = folded[figure.end :]
    if re.match(r"-strong\b|\s+of\s+(?:them|those|whom)\b", after):
        return True
    following = words_after(folded, figure.end, 5)
    if COUNT_NOUNS.intersection(following):
        return True
    if cues and re.match(rf"(?:\s+\w+){{0,2}}?\s+(?:{cues})\b", after):
        return True  # "11,000 already deployed"
    return bool(
        re.search(rf"\b(?:{COUNT_BEFORE})\b[^,;]{{0,40}}$",
                  folded[max(0, figure.start - 60) : figure.start])
    )  # fmt: skip


def _unit_noun(folded: str, position: int) -> bool:
    """Whether the first count noun after a figure names units ("two units, potentially")."""
    for word in words_after(folded, position, 3):
        if word in UNIT_NOUNS:
            return True
        if word in COUNT_NOUNS:
            return False
    return False
