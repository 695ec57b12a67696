"""Figures as written in a sentence: numbers, ranges, qualifiers, multiples, vague amounts.

How a written number is read (a test per form in tests/test_drafting_figures.py):
- digits with thousands separators: a comma ("12,000"), a space, a no-break or a thin
  space ("12 000", as the SI Brochure groups digits), or a point ("12.000", see
  `parse_figures`);
- a scale word or suffix: "2.5 million", "11 thousand", "10K", "1.5k", "2M" (a lower-case
  "m" is left alone: it is as often metres as millions);
- number words: "ten thousand", "twenty-five", "a dozen" (12), "two dozen", "half a dozen";
- a range shares the scale of its second number ("11-12 thousand", "10-12,000",
  "from 11 to 13 thousand", "between 1 and 2 million") when its first number is smaller
  than a thousandth of its second: no one writes "between 11 and 12,000" for eleven;
- an amount without a number ("several thousand", "hundreds", "tens of thousands",
  "dozens") is a Figure of kind "vague": no low, best or high, flagged for review.
Shares, money, distances, times, years, ages, ordinals and dates are not counts.

Which numbers count something of the topic (`parse_figures`, `cues` given): a number a
count noun, a measure cue or a clause of counting ties ("3,000 troops", "11,000 already
deployed", "roughly 10,000, are in the region", "put the crowd at 12 000"); one of at
least CONTEXT_MINIMUM that nothing ties, with no noun of its own, when its sentence names
what is counted ("losses had passed 4,500"); not the size of each group ("lines of 40
men"), nor a count tied only by its noun in a sentence with no cue that nobody says (the
outlet's background: "an army of 1.2 million troops").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from crosscheck.dates import MONTH_PATTERN
from crosscheck.drafting.attribution import SPEECH_VERBS
from crosscheck.drafting.text import clause_of, clause_spans, fold, words, words_after
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
# "a dozen" is twelve and "two dozen" twenty-four, as people count; "dozens" is vague.
DOZEN = 12

# Qualifiers before a figure and the field they set: the report's own rules
# (estimates.QUALIFIER_RULES), so that a drafted figure reads as the report reads it.
QUALIFIERS = {
    word: fields
    for word, fields in zip(
        QUALIFIER_RULES["qualifier"], QUALIFIER_RULES["fields set"], strict=True
    )
    if fields in ("low", "best", "high")
}

# A multiple of an earlier figure ("double the previous estimate") is coded as
# a ratio (data/README.md, "Figures"), with the word as the qualifier.
MULTIPLES = {"double": 2, "twice": 2, "twofold": 2, "triple": 3, "treble": 3, "threefold": 3}
# "three times the figure it gave", "nearly four times as many": a multiple written out.
_TIMES_COUNTS = "|".join(words("two three four five six seven eight nine ten"))
# "the number already sent had doubled to 3,000", "the toll has roughly tripled": a count
# said to have grown by a multiple is the source's ratio to its own earlier count
# (tests/gold/README.md, "Conventions": a stated ratio), when the verb's subject is a word
# of number ("number", "toll", "total", "figure", "estimate"); "prices doubled" is not.
GREW_BY = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}
_TIMES = re.compile(
    rf"\b(?:(?:nearly|almost|about|roughly|some)\s+)?(?P<count>\d+|{_TIMES_COUNTS})\s+times"
    r"(?=\s+(?:the|its|that|as|an?)\b)"
)

# "from 3,000 to 11,000" after one of these is a change between two figures, not a range.
CHANGE_WORDS = r"rose|risen|increased|grew|grown|jumped|climbed|went up|fell|dropped|declined"

# Words after a number that make it a count of people or units, so that a
# number followed by none of them ("the 2024 treaty", "9 September") is skipped.
COUNT_NOUNS = frozenset(
    words(
        "troops soldiers servicemen personnel men fighters forces units brigades battalions "
        "regiments divisions corps workers engineers sappers builders officers marines commandos "
        "infantry people recruits reinforcements conscripts prisoners casualties deaths "
        "dead killed wounded injured hurt captured contingent strong more "
        # the trades an army sends besides its fighters ("500 technical specialists")
        "specialists technicians advisers advisors instructors operators deminers"
    )
)
# Words before a figure that make it a count ("the death toll at 300", "a peak of 12,000").
COUNT_BEFORE = (
    r"number|numbering|numbered|total|totalling|toll|tally|count|peak|contingent|force|strength"
)
# "the real figure is closer to 6,000", "put the total at 11,000": a sentence that names a
# number of something (a determiner and a word of number) gives the count its paragraph
# was about, though it names nothing counted.
NUMBER_NAMED = (
    rf"\b(?:the|its|their|his|her|that|this)\s+(?:[a-z]+\s+)?(?:{COUNT_BEFORE}|figure|estimate)\b"
)
# "losses in the past three days had reached 250", "the toll of the dead stood at 40": a
# verb of amount after a cue of the topic in the same clause ties the figure it reaches.
REACHED = (
    r"(?:reached|reaches|reach|rose to|risen to|rising to|climbed to|grew to|grown to|"
    r"stood at|stands at|passed|topped|exceeded|surpassed|hit|totalled|totaled|totals|"
    r"numbered|amount(?:ed|s)? to)"
)
# "put the number of troops in the region at 11,000", "estimated the turnout at 40K",
# "put casualties at 4,000", 'put the figure at "over 5 thousand"': a figure that a verb
# of estimating puts a noun phrase at (a bare plural needs no article; a quotation may
# open on the figure).
PUT_AT = (
    r"\b(?:put(?:s|ting)?|place[sd]?|placing|estimate[sd]?|estimating)\s+"
    r"(?:(?:the|its|their|his|her)\b)?[^,;.]{0,80}\s+at\s+[\"\u201c]?$"
)
# "up from the 8,000 it reported", "its count rose to 3,000 and settled on 11,000": a
# figure tied by a change to another figure of the sentence counts the same thing.
RELATED_FIGURE = (
    r"\b(?:up|down|rising|falling|increasing|decreasing)\s+from\s+(?:the\s+|an?\s+)?"
    r"(?:earlier\s+|previous\s+|estimated\s+)?$|\bcompared\s+(?:with|to)\s+(?:the\s+)?$"
    rf"|\b(?:{CHANGE_WORDS}|settled|revised|raised|lowered|cut)(?:\s+(?:it|its\s+\w+))?"
    r"\s+(?:to|on|from)\s+$"
)
# Nouns after a figure that make it a count of units ("two units", "two brigades").
UNIT_NOUNS = frozenset(words("units brigades battalions regiments divisions"))
# What follows a number that is not a count: a share, a distance, a time, money.
NOT_COUNTS = (
    r"%|percent|per cent|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|tonnes?|tons?|"
    r"feet|foot|ft|yards?|acres?|hectares?|"
    r"hours?|days?|weeks?|months?|years?|dollars?|euros?|won|roubles?|rubles?|yuan|pounds|"
    r"billion|bn|-year-old|year-old|years? old"
)
# What comes before a number that makes it money: "$2", "US$ 2", "USD 2", "€2", "₩2".
MONEY_BEFORE = r"(?:\b(?:usd|eur|krw|rub|gbp|us\$)|[$€£₩¥])\s*$"
# An amount without a number: a reader cannot give low, best or high for it.
VAGUE_AMOUNTS = (
    r"(?:several|a\s+few|few|many)\s+(?:dozen|hundred|thousand|million)s?"
    r"(?:\s+(?:thousand|million))?"
    r"|(?:tens|hundreds|thousands|millions|dozens|scores)(?:\s+of\s+(?:thousands|millions))?"
    r"|a\s+handful"
)
# "lines of 40 or 50 men", "in groups of ten": a plural group noun followed by "of" and a
# number gives the size of each group, not how many there are in all.
GROUP_SIZE = (
    r"\b(?:lines|columns|groups|waves|squads|teams|rows|bands|packs|cells|units)\s+of\s+"
    r"(?:(?:up to|about|around|some|roughly|nearly)\s+)?(?:[\w,]+\s+(?:or|to)\s+)?$"
)
# A verb phrase between a figure that is its subject and a cue: "roughly 10,000, are in
# the Kursk region", "10K are still in the region", "3,000 have been killed".
SUBJECT_VERB = (
    r",?(?:\s+(?:are|is|were|was|have|has|had|been|being|still|now|already|currently|"
    r"remain|remains|remained|stay|stays|stayed|"
    r"reportedly|thought|believed|said|to|be|all|mostly|in|at|on|inside|near|the|"
    # "it holds two, both captured in January": a pronoun in apposition that takes up
    # the figure ("both", "each", "all of them") passes it on to the participle after it
    r"both|each))*"
)
# Who says a figure: a verb of saying, "according to", a first person (a transcript's
# answer: "we have seen ...") or a quotation. A count tied by nothing but its noun in a
# sentence nobody says and no cue of the topic names ("North Korea keeps an army of
# about 1.2 million troops") is the outlet's background, not a figure of the data.
SAID = rf"\b(?:{SPEECH_VERBS}|according to|i|we|our|us|my)\b|\""
# A figure tied only by its sentence ("had probably passed 4,500", "another 5,000 in the
# coming weeks", "up from the roughly 8,000 we were seeing"): in news copy a number of
# four digits that is no year, share, sum, distance, time or date counts something when
# the sentence names what is counted (a count noun or a measure cue).
CONTEXT_MINIMUM = 1_000
# ... unless a noun of its own follows it ("20,000 containers"): such a figure counts
# that noun. After a figure counted by its sentence come only punctuation, a name (a
# people: "2,000 North Koreans") or one of these words.
FUNCTION_WORDS = frozenset(
    words(
        "in at on of for from to by with within since until into inside near across over "
        "after before during because "
        "the a an this that these those its their his her our my your "
        "we they he she it i you who which whom whose "
        "are is were was have has had been be being will would could may might can must "
        "still now already so far only alone all or and but as than if when while "
        "more less fewer most "
        # a time after the figure ("4,000 last week", "40,000 then") says when, not what
        "last this next then yesterday today tonight earlier later ago"
    )
)
# "1,500 replacements had reached the region": a noun of the role a batch plays says what
# it does, not what it counts: the sentence's cues say that, as for a figure with no noun
# (a unit's "dozen replacements" is too small to be counted by its sentence).
ROLE_NOUNS = frozenset(words("replacements"))
# An editor's note on the copy ("(Corrects figure ... to 10,000 from 1,000)", "(Updates
# with ...)", "Correction: ..."): wire services put it above the story to say what changed
# in which paragraph; the figures it names are the story's own or withdrawn ones, so it
# states none of its own.
EDITORS_NOTE = (
    r"^\s*(?:\(\s*(?:corrects|corrected|clarifies|updates|adds|removes|changes|refiles|recasts)"
    r"\b|(?:correction|clarification|editor's note)\s*:)"
)
# A people named after a figure counts people: "300 North Koreans", "40 Russians", "12
# Chinese" (the English endings of a plural name of nationals, capitalised).
# An adjective may come between ("10K+ young North Koreans").
PEOPLE_AFTER = r"\s+(?:[a-z]+\s+)?(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ans|ese|is|ers)\b"
# The size of a whole armed force ("an army of about 1.2 million", "its 1.2 million-strong
# military") is the background of a story about part of it, never a count of troops sent,
# placed or lost: none of a measure's figures is the strength of a country's forces.
# ("the army numbers about 1.2 million": the verb of amount says the same as "numbering")
FORCE_BEFORE = (
    r"\b(?:army|military|armed\s+forces)\s+"
    r"(?:of|numbering|numbers|numbered|totall?ing|totals|totall?ed)\s+$"
)
FORCE_AFTER = r"(?:-|\s+)strong\s+(?:[\w-]+\s+)?(?:army|military|armed\s+forces)\b"
# A share: "one in five of the soldiers", "two out of three": neither number is a count.
SHARE = r"\b(?:one|two|three|four|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\w+)\b"
# "Another 2,000 were on the way", "a further 500 had arrived": a batch on top of a count
# the article gave counts the same thing, though its own sentence names nothing counted.
BATCH_BEFORE = r"(?:^|[^\w-])(?:another|an\s+additional|a\s+further|a\s+fresh)\s+$"
# ... when the batch is said to be moving towards where the first count is: a batch that
# is "on the list" or "in reserve" may count anything.
BATCH_MOVES = (
    r"on\s+(?:the|their|its)\s+way|en\s+route|arriv\w*|expected|due\b|coming|"
    r"(?:to\s+)?follow\w*|heading"
)
# "expect Pyongyang to send a further 3,000": a batch that a verb of sending takes as its
# object is moving as much as one said to be on its way.
BATCH_SENT = (
    # a batch one expects or awaits ("We expect another 5,000 or so before winter") is
    # coming as much as one said to be on its way
    r"\b(?:send|sends|sending|sent|dispatch\w*|deploy|deploys|deploying|deployed|"
    r"expect|expects|expected|expecting|await|awaits|awaiting|anticipate[sd]?)\s+"
    r"(?:another|an\s+additional|a\s+further|a\s+fresh)\s+$"
)
# "When someone gives you 12,000, ask ...": a number in a condition whose subject is
# anyone at all is a hypothetical, nobody's estimate (README-fifth-held-out.md).
HYPOTHETICAL = (
    r"\b(?:if|when|whenever)\s+(?:someone|somebody|anyone|anybody|whoever|you)\b[^,;:.\"]*$"
)
# "Whether it was 10,000 or 30,000, that is a lot of people": "whether" followed by two
# numbers joined by "or" sets out alternatives the speaker declines to choose between
# (others' counts, repeated as a figure of speech), so neither is the speaker's estimate
# (README-sixth-held-out.md, "Hypothetical restatement"); "unclear whether the 3,000 had
# arrived" has no second number and keeps its figure.
_NUMBER_WORDS = "|".join([*SMALL_NUMBERS, *TENS, *SCALES])
_ANY_NUMBER = rf"(?:\d[\d,.\s]*\d|\d|(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))*)(?:\s?k\+?)?"
WHETHER_OR = (
    # ("be it 10,000 or 30,000" sets out the same alternatives)
    rf"\b(?:whether|be\s+it)\b[^;:.\"]*?\b{_ANY_NUMBER}(?:\s+[a-z]+)?\s+or\s+"
    rf"(?:[a-z]+\s+){{0,2}}{_ANY_NUMBER}\b"
)
# "Russia has massed 50,000 troops ..., and that figure includes the North Korean units":
# a figure said to include a group named by whose it is (a capitalised name before a
# noun of troops), with no number of its own, is the size of a wider force that group is
# a part of, not a count of it; "that total includes the engineers" names a kind of the
# same troops and keeps the figure (README-sixth-held-out.md, "Totals that include others").
# "60,000 troops, including North Korean units" says the same right after the figure's
# noun. A figure whose own noun carries a name ("11,000 North Korean soldiers, including
# the Storm Corps units") is the named group's whole and stays (OWN_NAME).
_GROUP_NOUN = r"(?:units|troops|soldiers|forces|contingents?|fighters|personnel)\b"
INCLUDES_NAMED_GROUP = (
    r"^(?:[^;.]*?\b(?:[Tt]hat|[Tt]his|[Tt]he)\s+(?:figure|number|total|count|estimate)\s+"
    r"(?:also\s+)?(?:includes?|included|including)\s+(?:the|their|its|all)\s+"
    r"|(?:\s+[\w-]+){1,6}?,\s+including\s+(?:the\s+)?)"
    rf"(?:[A-Z][\w-]*\s+)+{_GROUP_NOUN}"
)
OWN_NAME = r"(?:\s+[a-z-]+)?\s+[A-Z][\w-]*"
# "the two prisoners", "the two sides have promised": after a definite article, a small
# number whose noun is a plural of its own (a cue noun or a noun the topic does not
# count) points back at people or parties the story named; a participle after the
# count noun ("the 40 soldiers captured", "the 12 arrested") still makes it a count.
DEFINITE_NOUN = r"\s+([a-z]+s)\b"
# "two officers were slightly hurt": a count whose own verb (a participle after its
# noun) is none of the topic's cues tells of something the topic does not count.
OWN_PARTICIPLE = (
    r"(?:\s+[\w-]+){1,3}?\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)"
    r"(?:\s+[a-z]+ly)?\s+([a-z]+ed|hurt|held|shot|hit|taken|seen|kept|beaten|struck)\b"
)
# "About 300 officers were on duty": people at work on the scene (police at a march,
# guards at a site) are staff of the occasion, not a count the story is about.
ON_DUTY = (
    r"(?:\s+[\w-]+){0,3}?(?:\s+(?:were|was|are|is|will\s+be|(?:had|have|has)\s+been))?"
    r"\s+on\s+duty\b"
)
# "nine members of an engineer regiment": members of a unit are its soldiers, so the
# figure counts people as "nine soldiers" would (the unit's noun, singular or plural).
MEMBERS_OF = (
    r"\s+members\s+of\s+(?:an?|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:regiments?|brigades?|battalions?|divisions?|units?|corps|contingents?|companies|"
    r"company|platoons?|squads?|forces?|army|armies)\b"
)
# "the three people with the best claim to know", "the two prisoners held by Ukraine":
# a small number after a definite article, tied only by its noun, points at people the
# story names or has counted already; it is a reference, not a count anyone states.
DEFINITE_BEFORE = r"(?:^|[^\w-])(?:the|these|those)\s+$"
# "A force of 11,000 that is replaced twice is not the same as a force of 33,000": a
# sentence that opens on an indefinite noun phrase holding a figure and goes on in the
# present tense, with nobody said to say it, is the writer's illustration of a kind of
# thing, not anyone's estimate (README-fourth-held-out.md: "A hypothetical is not a claim").
ILLUSTRATION = r"^\s*an?\s+(?:[\w-]+\s+){1,2}of\s+(?:[\w-]+\s+)?[\d,]+\b.*?\b(?:is|are)\b"
# ("can be reported as" says how a thing may be put, not that anyone put it so)
SAYS = rf"(?<!be )\b(?:{SPEECH_VERBS}|according to)\b"

# Spaces that group thousands: a space, a no-break space, a thin space, a narrow no-break space.
GROUP_SPACES = " \u00a0\u2009\u202f"

# Languages whose numbers group thousands with a point ("12.000"), by ISO 639-1 code: the
# group symbol of each language's default locale in Unicode CLDR (numbers, symbols,
# "group"). Spanish of the Americas and Swiss German differ from their defaults; a
# point read as thousands is flagged for review whatever the language.
THOUSANDS_POINT_LANGUAGES = frozenset(words("ca da de el es hr id is it nl pt ro sl sr tr vi"))


def writes_thousands_with_points(language: str) -> bool:
    """Whether an article's language ("de", "de-AT", "en") groups thousands with a
    point: the `thousands_point` to pass to parse_figures."""
    return language.strip().lower().replace("_", "-").split("-")[0] in THOUSANDS_POINT_LANGUAGES


FLAG_POINT = "'{digits}' read as {value:,}: check the thousands point"
FLAG_COMMA = "'{digits}' read with a decimal comma: check the figure"
FLAG_VAGUE = "vague amount '{words}': no number is given, find one or keep it as a statement"


@dataclass
class Figure:
    """A figure as written in a sentence: its span (qualifier included) and fields.

    kind: bare (low = best = high), range (low, high), bound (one field, set by the
    qualifier), multiple (a ratio, "double"), vague (no field; `qualifier` holds the
    words, "several thousand"). flags: reasons a reviewer must check the reading."""

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
        """The main value: best, else high, else low. A vague amount has none (ValueError)."""
        for value in (self.best, self.high, self.low):
            if value is not None:
                return value
        raise ValueError(f"a {self.kind} figure ({self.qualifier!r}) has no value")


@dataclass
class _Number:
    start: int
    end: int
    value: float
    flags: list[str] = field(default_factory=list)
    plus: bool = False  # written with a trailing "+" ("10K+"): a lower bound


# "10K+" is read as "at least 10K", the qualifier of a lower bound (estimates.QUALIFIER_RULES).
PLUS_QUALIFIER = "at least"

_NUMBER_WORD = "|".join([*SMALL_NUMBERS, *TENS, *SCALES, "dozen"])
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?:half\s+)?a\s+(?=(?:hundred|thousand|million|dozen)\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:\s+|-|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD}))*(?![\w-])",
    re.IGNORECASE,
)
_SPACE = f"[{GROUP_SPACES}]"
_DIGIT_NUMBER = re.compile(
    # ":" on either side is a clock ("10:12 - More on the prisoners", a live blog's stamp)
    r"(?<![\w.,/$€£#:])(?<![A-Za-z]-)"
    r"(?P<digits>\d{1,3}(?:,\d{3})+"  # 12,000
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![.,]?\d)"  # 12 000
    r"|\d{1,3}(?:\.\d{3})+(?![.,]?\d)"  # 12.000: a thousands point or a decimal point
    r"|\d+(?:[.,]\d+)?)"  # 12000, 1.5, 2,5 (a decimal comma)
    r"(?:(?P<kilo>\s?[kK])|(?P<mega>M)|\s+(?P<scale>(?i:thousand|million)))?"
    r"(?P<plus>\+)?"  # "10K+": that many or more
    r"(?![\w]|[.,:]\d)"
)
_VAGUE = re.compile(rf"(?<![\w-])(?:{VAGUE_AMOUNTS})(?![\w-])")


def parse_figures(
    sentence: str,
    cues: str = "",
    thousands_point: bool = False,
    asked: bool = False,
    multiples: bool = True,
) -> list[Figure]:
    """Every count of people or units in a sentence, with its qualifier and fields.

    In: a sentence; `cues`, a regex alternation of measure cue words that make a number a
    count ("11,000 already deployed"; measures.cue_pattern); `thousands_point`, whether the
    article's language writes thousands with a point (German, Italian, Spanish...: then
    "12.000" is 12,000 and "2,5" is two and a half). Without it "12.000" is read as 12,000
    only when three zeros follow each point and no scale word follows; "1.500" stays a
    decimal and is no count. A point read as thousands is flagged either way. `asked`:
    the sentence answers a question that named what is counted ("How many soldiers has
    it sent?" - "I would say 13-14,000."), so it names it too. `multiples`:
    whether the topic has a measure of multiples (measure_cues.csv, rule `multiple`);
    without one "more than twice as many" is no figure: a ratio no measure records.
    Out: Figures in the order of the sentence; a vague amount is a Figure of kind "vague"
    with low, best and high None, its words as the qualifier and a flag.
    """
    folded = fold(sentence)
    if re.match(EDITORS_NOTE, folded):
        return []
    vague = _vague_amounts(sentence, folded, cues)
    # a multiple is a figure only where the topic records ratios (data/README.md, rule
    # `multiple`): elsewhere no measure holds it, so it is no claim;
    # its words still hide the number in them ("twice" is no count of two)
    found_multiples = _multiples(folded)
    multiples_kept = found_multiples if multiples else []
    numbers = [
        n
        for n in _numbers(sentence, thousands_point)
        if not any(v.start < n.end and n.start < v.end for v in [*vague, *found_multiples])
    ]
    figures: list[Figure] = []
    related: list[Figure] = []
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
        if figure is None or re.search(GROUP_SIZE, folded[: figure.start]):
            continue
        if re.match(ON_DUTY, folded[figure.end :]):
            continue
        if _force_strength(folded, figure, cues):
            continue
        if any(m.start() <= figure.start < m.end() for m in re.finditer(SHARE, folded)):
            continue
        if _illustration(folded, cues):
            continue
        if re.search(HYPOTHETICAL, folded[: figure.start]):
            continue
        if re.match(INCLUDES_NAMED_GROUP, sentence[figure.end :]) and not re.match(
            OWN_NAME, sentence[figure.end :]
        ):
            continue
        if any(m.start() <= figure.start < m.end() for m in re.finditer(WHETHER_OR, folded)):
            continue
        tie = _counts_something(folded, figure, cues)
        if (
            tie in ("noun", "cue")
            and figure.kind == "bare"
            and figure.value < CONTEXT_MINIMUM
            and re.search(DEFINITE_BEFORE, folded[: figure.start])
            and (tie == "noun" or _definite_reference(folded, figure, cues))
        ):
            continue  # "the three people with ...": a cue beside it ("the 12 arrested") counts
        if tie == "noun" and _own_verb_uncued(folded, figure, cues):
            continue
        if tie is None and re.match(PEOPLE_AFTER, sentence[figure.end :]):
            tie = "noun"
        if tie == "noun" and not _named_by_topic(folded, figure, cues):
            continue
        if tie:
            figure.units = _unit_noun(folded, figure.end)
            figures.append(figure)
        elif _counted_by_sentence(sentence, folded, figure, cues, asked):
            figures.append(figure)
        elif re.search(RELATED_FIGURE, folded[max(0, figure.start - 40) : figure.start]):
            related.append(figure)
    if figures:
        figures += related  # counted only beside a figure that counts
    elif not _names_a_count(folded, cues):
        # "twice as many as in December" compares with a count the sentence gives: when
        # that count is none of the topic's ("600 of them", drones), neither is the
        # multiple ("4 times as many soldiers" names what it counts)
        multiples_kept = [m for m in multiples_kept if not _compares(folded, m)]
    return sorted([*figures, *multiples_kept, *vague], key=lambda f: f.start)


def _outside(folded: str, figure: Figure) -> str:
    """The sentence with the figure blanked out, positions kept."""
    return folded[: figure.start] + " " * (figure.end - figure.start) + folded[figure.end :]


def _force_strength(folded: str, figure: Figure, cues: str) -> bool:
    """Whether a figure gives the strength of a whole armed force (FORCE_BEFORE/AFTER),
    for a topic (cues given) that has no cue for such forces itself."""
    force = re.search(FORCE_BEFORE, folded[: figure.start]) or re.match(
        FORCE_AFTER, folded[figure.end :]
    )
    return bool(force and cues and not re.search(rf"\b(?:{cues})\b", force.group(0)))


def _named_by_topic(folded: str, figure: Figure, cues: str) -> bool:
    """Whether a figure tied only by its count noun belongs to the data: without the
    topic's cues every count does; with them, its sentence must hold a cue, a unit noun
    or, for a count of at least CONTEXT_MINIMUM, someone saying it (SAID)."""
    if not cues or _unit_noun(folded, figure.end):
        return True
    rest = _outside(folded, figure)
    if re.search(rf"\b(?:{cues})\b", rest):
        return True
    # A small count that no cue names ("two of the men were questioned on camera", "a
    # team of 12 engineers") tells of a few people in a scene, not of a measure: the
    # topic's small figures (the killed, the captured, the arrested) come with their cue,
    # or are a batch on top of earlier ones ("500 more were expected").
    small = figure.value < CONTEXT_MINIMUM and words_after(folded, figure.end, 1) != ["more"]
    return not small and bool(re.search(SAID, rest))


def _counted_by_sentence(
    sentence: str, folded: str, figure: Figure, cues: str, asked: bool = False
) -> bool:
    """A figure of at least CONTEXT_MINIMUM that nothing beside it ties to a count, in a
    sentence naming what is counted; a number after a capitalised word other than the
    sentence's first is a label ("Resolution 2397", "Unit 8200"), not a count."""
    if figure.kind not in ("bare", "bound", "range") or figure.value < CONTEXT_MINIMUM:
        return False
    label = re.search(r"(\S+)\s+$", sentence[: figure.start])
    if label and label.start() > 0 and label.group(1)[:1].isupper():
        return False
    following = re.match(r"[\"']?\s+([A-Za-z]+)", sentence[figure.end :])
    if (
        following
        and not following.group(1)[:1].isupper()
        and following.group(1).lower() not in FUNCTION_WORDS | ROLE_NOUNS
    ):
        return False  # "20,000 containers": a count of something else
    if re.match(r"-?\s*strong\b", folded[figure.end :]):
        return False  # the strength of a group the topic does not count (_strength_of)
    rest = _outside(folded, figure)
    if cues and re.search(rf"\b(?:{cues})\b", rest):
        return True
    if asked or re.search(NUMBER_NAMED, rest):
        return True  # "the real figure is closer to 6,000": the number of what went before
    nouns = COUNT_NOUNS - {"more", "strong"}
    return bool(nouns.intersection(re.findall(r"[a-z]+", rest)))


def _compares(folded: str, figure: Figure) -> bool:
    """Whether a multiple compares two amounts ("twice as many", "three times as many")
    rather than naming an earlier figure ("double the previous estimate")."""
    return bool(re.match(r"\s+as\s+(?:many|much)\b", folded[figure.end :]))


def _multiples(folded: str) -> list[Figure]:
    """Multiples of an earlier figure: "double the previous estimate", "three times the
    figure it gave"; the words are the qualifier (data/README.md, "Figures")."""
    found = []
    for m in re.finditer(rf"\b({'|'.join(MULTIPLES)})\b(?=\s+(?:the|its|that|as|an?)\b)", folded):
        value = MULTIPLES[m.group(1)]
        found.append(Figure(m.start(), m.end(), value, value, value, m.group(1), "multiple"))
    subject = rf"\b(?:{COUNT_BEFORE}|figure|figures|estimate|estimates)\b"
    for m in re.finditer(
        rf"{subject}[^,;:.]{{0,40}}?\s(?:(?:{'|'.join(QUALIFIERS)})\s+)?({'|'.join(GREW_BY)})\b",
        folded,
    ):
        value = GREW_BY[m.group(1)]
        found.append(Figure(m.start(1), m.end(1), value, value, value, m.group(1), "multiple"))
    for m in _TIMES.finditer(folded):
        count = m.group("count")
        value = int(count) if count.isdigit() else SMALL_NUMBERS[count]
        written = re.sub(r"\s+", " ", m.group(0))
        found.append(Figure(m.start(), m.end(), value, value, value, written, "multiple"))
    return found


def _whole(value: float) -> int | None:
    """A count is a whole number: 1.5 thousand is one, 1.5 troops is not."""
    rounded = round(value)
    return int(rounded) if abs(value - rounded) < 1e-6 else None


def _numbers(sentence: str, thousands_point: bool) -> list[_Number]:
    folded = fold(sentence)
    found: list[_Number] = []
    for m in _DIGIT_NUMBER.finditer(sentence):
        digits = m.group("digits")
        scaled = any(m.group(name) for name in ("kilo", "mega", "scale"))
        value, flags = _digit_value(digits, thousands_point, scaled)
        if value is None:
            continue
        if m.group("kilo"):
            value *= 1_000
        elif m.group("mega"):
            value *= 1_000_000
        elif m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        if _not_a_count(sentence, folded, m.start(), m.end(), digits):
            continue
        found.append(_Number(m.start(), m.end(), value, flags, plus=bool(m.group("plus"))))
    for m in _WORD_NUMBER.finditer(sentence):
        if any(n.start < m.end() and m.start() < n.end for n in found):
            continue
        if m.group(0).lower() in (*SCALES, "dozen"):
            continue  # "several hundred", "thousands": no number is given
        if re.match(rf"[\s-]*(?:{NOT_COUNTS})(?![a-z])", folded[m.end() :]):
            continue  # "in three months", "two years": a time, as for digits
        found.append(_Number(m.start(), m.end(), _word_value(m.group(0))))
    return sorted(found, key=lambda n: n.start)


def _digit_value(digits: str, thousands_point: bool, scaled: bool) -> tuple[float | None, list]:
    """The value of written digits and the flags of its reading (None: not a number here)."""
    if "," in digits and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        # "2,5": a decimal comma, written only where points group thousands; in an
        # English article "12,5 thousand" is a decimal comma all the same (a comma
        # grouping thousands has three digits after it), read and flagged
        if thousands_point:
            return float(digits.replace(",", ".")), []
        if scaled:
            value = float(digits.replace(",", "."))
            return value, [FLAG_COMMA.format(digits=digits)]
        return None, []
    if "." in digits and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        groups = digits.split(".")[1:]
        if thousands_point or len(groups) > 1 or (groups == ["000"] and not scaled):
            # a decimal has one point: "1.500.000" groups thousands whatever the language
            value = int(digits.replace(".", ""))
            return value, [FLAG_POINT.format(digits=digits, value=value)]
    return float(re.sub(rf"[,{GROUP_SPACES}]", "", digits)), []


def _word_value(written: str) -> int:
    total, current = 0, 0
    tokens = re.split(r"[\s-]+", written.lower())
    for word in tokens:
        if word in ("and", "a", "half"):
            continue
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * DOZEN
        else:
            total += (current or 1) * SCALES[word]
            current = 0
    value = total + current
    return value // 2 if tokens[0] == "half" else value


def _not_a_count(sentence: str, folded: str, start: int, end: int, digits: str) -> bool:
    """Years, dates, ages, shares, distances, times and money are not counts."""
    before, after = folded[max(0, start - 12) : start], folded[end : end + 16]
    if re.match(rf"[\s-]*(?:{NOT_COUNTS})(?![a-z])", after) or re.search(MONEY_BEFORE, before):
        return True
    if re.search(rf"\b(?:{MONTH_PATTERN})\.?\s+$", before) or re.match(
        rf"\s+(?:of\s+)?(?:{MONTH_PATTERN})\b", after
    ):
        return True  # "23 October", "Oct. 23"
    if re.search(r"\b(?:aged?|age of)\s+$", before):
        return True  # "aged 26"
    if re.search(r"[A-Z][a-z]+,\s*$", sentence[max(0, start - 20) : start]) and re.match(
        r",", after
    ):
        return True  # "Kim, 40, said"
    return bool(re.fullmatch(r"(?:19|20)\d\d", digits))  # a year: "in 2024", "the 2024 treaty"


def _vague_amounts(sentence: str, folded: str, cues: str) -> list[Figure]:
    """Amounts without a number that count people or units ("several thousand troops");
    "hundreds of kilometres" and "millions of dollars" count nothing."""
    found = []
    for m in _VAGUE.finditer(folded):
        if re.match(rf"\s+(?:of\s+)?(?:{NOT_COUNTS})(?![a-z])", folded[m.end() :]):
            continue
        written = re.sub(r"\s+", " ", m.group(0))
        figure = Figure(m.start(), m.end(), None, None, None, written, "vague")
        if _counts_something(folded, figure, cues):
            figure.flags.append(FLAG_VAGUE.format(words=sentence[m.start() : m.end()]))
            found.append(figure)
    return found


def _shared_scale(first: _Number, second: _Number) -> float:
    """The first number of a range with the second's scale when it has none of its own:
    in "11-12 thousand" and "10-12,000" the thousands belong to both numbers."""
    if not 0 < first.value < second.value / 1_000:
        return first.value
    scaled = first.value * 1_000 ** int(math.log10(second.value) // 3)
    return scaled if scaled < second.value else first.value


def _range(folded: str, first: _Number, second: _Number | None) -> Figure | None:
    if second is None:
        return None
    low, high = _whole(_shared_scale(first, second)), _whole(second.value)
    if low is None or high is None or high <= low:
        return None
    gap = folded[first.end : second.start]
    before = folded[: first.start]
    flags = list(dict.fromkeys([*first.flags, *second.flags]))
    if re.fullmatch(r"\s+and\s+", gap) and re.search(r"\bbetween\s+$", before):
        start = before.rstrip().rfind("between")
        return Figure(start, second.end, low, None, high, "between", "range", flags=flags)
    if re.fullmatch(r"\s*[-–—]\s*|\s+to\s+", gap):
        if re.search(rf"\b(?:{CHANGE_WORDS})\s+(?:\w+\s+)?from\s+$", before):
            return None  # "rose from 3,000 to 11,000": two figures
        return Figure(first.start, second.end, low, None, high, "", "range", flags=flags)
    return None


def _single(folded: str, number: _Number) -> Figure | None:
    value = _whole(number.value)
    if value is None:
        return None  # "1.5 troops" is no count
    before = folded[: number.start]
    if number.plus:
        return Figure(
            number.start, number.end, value, None, None, PLUS_QUALIFIER, "bound", flags=number.flags
        )
    for word in sorted(QUALIFIERS, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(word)}\s+$", before):
            fields = QUALIFIERS[word]
            start = before.rstrip().rfind(word)
            values = {f: (value if f == fields else None) for f in ("low", "best", "high")}
            return Figure(
                start, number.end, **values, qualifier=word, kind="bound", flags=number.flags
            )
    return Figure(number.start, number.end, value, value, value, flags=number.flags)


def _counts_something(folded: str, figure: Figure, cues: str) -> str | None:
    """What ties a number to a count: "noun" when a count noun follows it ("3,000 troops";
    a closing quote between them is skipped: '"more than 10,000" troops'), "cue" when a
    measure cue or a partitive does ("100 killed", "3,000 of them", "roughly 10,000, are
    in the region"), "context" when the clause says it is a number ("a toll of 300",
    "put the crowd at 12 000"); None when nothing does."""
    if figure.kind == "multiple":
        return "cue"
    if folded[figure.start : figure.end] == "one":
        # "whatever number one starts from", "one more question": a pronoun unless a
        # count noun follows at once ("one killed")
        nouns = COUNT_NOUNS - {"more", "strong"}
        return "noun" if nouns & set(words_after(folded, figure.end, 2)) else None
    end = figure.end + 1 if re.match(r'"(?=\s)', folded[figure.end :]) else figure.end
    after = folded[end:]
    if re.match(r"-?\s*strong\b", after):
        # "a 12,000-strong force", "the contingent, 3,000 strong": the strength of a
        # group counts the topic only when the group is one ("the community, 1,200 strong")
        return (
            ("cue" if after[:1] == "-" else "noun") if _strength_of(folded, figure, cues) else None
        )
    if re.match(r"\s+of\s+(?:them|those|whom)\b", after):
        # "3,000 of them have been killed": the pronoun takes up what the story counts;
        # in a sentence that names nothing the topic counts ("his unit went through 600
        # of them", drones) it takes up something else; "at work there" places them
        # where the story's counted people are (measures.THERE_ANAPHOR)
        rest = _outside(folded, figure)
        return "cue" if _names_a_count(rest, cues) or re.search(PLACED_THERE, rest) else None
    if cues and re.match(rf"(?:\s+\w+){{0,2}}?\s+(?:{cues})\b", after):
        return "cue"  # "11,000 already deployed"
    if cues and re.match(rf"{SUBJECT_VERB}\s+(?:{cues})\b", after):
        return "cue"  # "roughly 10,000, are in the Kursk region"
    if COUNT_NOUNS.intersection(words_after(_own_words(folded, end), 0, 5)):
        return "noun"
    if re.match(MEMBERS_OF, after):
        return "noun"
    if _noun_of_its_own(folded, end, cues):
        return None  # "a task force of 40 analysts": a count of that noun
    before = folded[max(0, figure.start - 120) : figure.start]
    if re.search(rf"\b(?:{COUNT_BEFORE})\b[^,;]{{0,40}}$", before[-60:]) or re.search(
        PUT_AT, before
    ):
        return "context"
    if cues and re.search(rf"\b(?:{cues})\b[^,;.]{{0,60}}\b{REACHED}\s+$", before):
        return "context"
    if re.search(BATCH_BEFORE, before) and re.match(rf"{SUBJECT_VERB}\s+(?:{BATCH_MOVES})", after):
        return "context"  # "Another 2,000 were on the way" ("... on the list": no batch)
    if re.search(BATCH_SENT, before):
        return "context"  # "to send a further 3,000 or so"
    return None


# "are already at work there": a "there" after a verb points back at the place the story
# named, not the existential "there are".
PLACED_THERE = r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would)\b)"


def _names_a_count(text: str, cues: str) -> bool:
    """Whether text holds a measure cue or a count noun of people (COUNT_NOUNS); without
    the topic's cues every text does."""
    if not cues or re.search(rf"\b(?:{cues})\b", text):
        return True
    return bool((COUNT_NOUNS - {"more", "strong"}).intersection(re.findall(r"[a-z]+", text)))


def _definite_reference(folded: str, figure: Figure, cues: str) -> bool:
    """Whether a small count after "the" tied by a cue is a reference (DEFINITE_NOUN):
    its noun is a plural that is no count noun of people ("the two sides"), or a cue
    noun itself ("the two prisoners"); not "the 40 soldiers captured", "the 12 arrested"."""
    noun = re.match(DEFINITE_NOUN, folded[figure.end :])
    if noun is None:
        return False
    word = noun.group(1)
    return word not in COUNT_NOUNS or bool(cues and re.fullmatch(rf"(?:{cues})", word))


def _own_verb_uncued(folded: str, figure: Figure, cues: str) -> bool:
    """Whether a count tied only by its noun is the subject of a participle that is no
    cue of the topic (OWN_PARTICIPLE), nor is any word after it in its clause: "two
    officers were slightly hurt" at a march ("were moved to the front line" is placed)."""
    if words_after(folded, figure.end, 1) == ["more"]:
        return False  # "500 more were expected": a batch on top of the topic's count
    verb = re.match(OWN_PARTICIPLE, folded[figure.end :])
    if not cues or verb is None:
        return False
    own = clause_of(clause_spans(folded), figure.start)
    return not re.search(rf"\b(?:{cues})\b", folded[figure.end : max(own[1], figure.end)])


def _noun_of_its_own(folded: str, end: int, cues: str) -> bool:
    """Whether a noun that is no count noun, function word or cue follows a figure at
    once, and none of the next three words is one: "a task force of 40 analysts" counts
    analysts, not troops, though "force" comes before it; "a force of 12,000 elite
    troops" counts troops."""
    following = words_after(folded, end, 4)
    if not following or following[0] in FUNCTION_WORDS:
        return False
    if not re.match(r"[\"']?\s+[a-z]", folded[end:]):
        return False
    counted = COUNT_NOUNS - {"more", "strong"}
    return not any(
        word in counted or (cues and re.fullmatch(rf"(?:{cues})", word)) for word in following[:3]
    )


def _illustration(folded: str, cues: str) -> bool:
    """Whether a sentence is the writer's illustration (ILLUSTRATION): said by nobody,
    and naming nothing the topic counts outside quotation marks ("A force of 12,000 is
    now in Kursk" places troops: a claim)."""
    if not re.search(ILLUSTRATION, folded) or re.search(SAYS, folded):
        return False
    unquoted = re.sub(r'"[^"]*"', " ", folded)
    return not (cues and re.search(rf"\b(?:{cues})\b", unquoted))


def _strength_of(folded: str, figure: Figure, cues: str) -> bool:
    """Whether "N strong" gives the strength of a group the topic counts: the noun it
    qualifies ("a 12,000-strong force" after it, "the contingent, 3,000 strong" before
    it) is a count noun, a word of number (COUNT_BEFORE) or a measure cue. After the
    figure, a second word is its noun only when the first is an adjective ("a
    12,000-strong special force"), so it must be a count noun itself: in "a 1,200-strong
    community plans ..." the verb is no noun of the group."""
    count_nouns = COUNT_NOUNS - {"more", "strong"}

    def group(noun: str, cue_too: bool) -> bool:
        return bool(
            noun in count_nouns
            or f"{noun}s" in count_nouns
            or re.fullmatch(COUNT_BEFORE, noun)
            or (cue_too and cues and re.fullmatch(rf"(?:{cues})", noun))
        )

    after = re.match(r"-strong\s+([\w-]+)(?:\s+([\w-]+))?", folded[figure.end :])
    if after:
        return group(after.group(1), True) or bool(after.group(2) and group(after.group(2), False))
    before = re.findall(r"[a-z-]+", re.split(r"[;:.]", folded[: figure.start])[-1])[-4:]
    if not before and not after:
        # '"25K strong and not going away," the group posted': with no noun at all the
        # strength is the speakers' own, the group the story counts
        return True
    return any(group(noun, True) for noun in before)


def _own_words(folded: str, end: int) -> str:
    """The words after a figure up to the next number: the first noun after a number
    says what it counts, so in "3 million artillery shells and 9,000 troops" the troops
    are the 9,000's, not the shells' figure."""
    after = folded[end:]
    following = re.search(rf"\d|(?<![\w-])(?:{_NUMBER_WORD})(?![\w-])", after)
    return after[: following.start()] if following else after


def _unit_noun(folded: str, position: int) -> bool:
    """Whether the first count noun after a figure names units ("two units, potentially")."""
    for word in words_after(folded, position, 3):
        if word in UNIT_NOUNS:
            return True
        if word in COUNT_NOUNS:
            return False
    return False
