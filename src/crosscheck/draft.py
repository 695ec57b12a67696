"""Draft claims from an article's text, for a person to review before they become data.

`draft_article` reads an article sentence by sentence and proposes rows for the
data tables: one candidate claim per figure ("some 1,500", "up to 12,000", "two
units"), and one per attributed statement without a figure ("Austin said ...").
It guesses the claimant, the measure, the stance and the dates with small word
tables (below, each with the reason it exists), and says how sure it is: the
claims carry review columns (`confidence`, the source `sentence`, and whether
the claimant is a `known` actor or a `proposed` new one) that
`crosscheck.accept` drops. A draft is a starting point for a coder, never data:
`write_draft` writes it to a folder of its own, and `crosscheck.accept` merges
it into the data only once it validates.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from crosscheck import dates, schema
from crosscheck.estimates import QUALIFIER_RULES
from crosscheck.load import Dataset

# The columns a reviewer reads and `accept` drops.
REVIEW_COLUMNS = ("confidence", "sentence", "claimant_match")
# The role of a proposed actor, so that no guessed row passes for a reviewed one.
PROPOSED_ROLE = "proposed by draft: review"

# ---------------------------------------------------------------------------
# Word tables
# ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """A table of words written as one string."""
    return text.split()


# A full stop after these does not end a sentence: titles, initials of places
# ("U.S."), month abbreviations of datelines ("Nov. 14").
ABBREVIATIONS = frozenset(
    _words(
        "u.s u.k u.n e.u mr mrs ms dr prof gen lt col maj capt sgt adm cmdr rep sen gov pres "
        "st no vs etc e.g i.e a.m p.m inc co corp jr sr "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)

# Number words as people write them ("ten thousand", "two units").
SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
TENS = {
    word: 10 * value
    for value, word in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
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
RATIO_MEASURE = "ratio_to_previous"

# "from 3,000 to 11,000" after one of these is a change between two figures, not a range.
CHANGE_WORDS = r"rose|risen|increased|grew|grown|jumped|climbed|went up|fell|dropped|declined"

# Words after a number that make it a count of people or units, so that a
# number followed by none of them ("the 2024 treaty", "9 September") is skipped.
COUNT_NOUNS = frozenset(
    _words(
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
UNIT_NOUNS = frozenset(_words("units brigades battalions regiments divisions"))
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

# Cue words that say what a figure counts, checked nearest the figure first. Later
# entries lose ties; a pattern covering another ("killed and wounded") wins over it.
MEASURE_CUES = (
    # killed and wounded together are casualties, not two counts
    (r"killed (?:and|or) wounded|dead (?:and|or) wounded|casualties|losses|lost", "casualties"),
    (r"killed|dead|deaths|died|fatalities|death toll", "killed"),
    (r"wounded|injured", "wounded"),
    (r"captured|prisoners?|taken prisoner|surrendered", "captured"),
    # on the way to Kursk is not yet in Kursk
    (r"(?:heading|headed|on (?:its|their) way|en route|moving) to(?:wards)? (?:the )?kursk",
     "troops_to_kursk"),
    (r"kursk", "troops_in_kursk"),
    (r"near the (?:ukrainian )?border", "troops_near_border"),
    (r"training|trained|train", "troops_training"),
    # a plan or a deadline is a commitment, not troops already sent
    (rf"committed|commit|pledged|promised|planned|plans|plan to|agreed to send|the total|"
     rf"by (?:{MONTH_NAMES})\b", "troops_committed"),
    (r"prepared|preparing|readying|readied|ready to", "troops_prepared"),
    (r"sent|dispatched|deployed|arrived|transferred|shipped|stationed", "troops_dispatched"),
)  # fmt: skip
# Casualties counted over a stated stretch of time are a separate measure.
PERIOD_CUES = r"(?:in|over|during|within) (?:a|one|the past|the last|a single) (?:day|week|month)"
# A batch on top of earlier ones ("500 more", "an additional 2,000") ...
ADDITIONAL_AFTER = r"more|additional|extra|reinforcements"
ADDITIONAL_BEFORE = r"additional|further|another|extra|fresh"
# The counts a batch word turns into a batch ("500 more troops" is not a total).
TROOP_COUNTS = ("troops_dispatched", "troops_committed", "troops_prepared")
# A batch named before its figure: "a fresh batch of troops, possibly numbering 3,000".
ADDITIONAL_BATCH = (
    r"(?:fresh|new|another|further|additional|second|third) (?:batch|wave|contingent|rotation)"
)
# ... is planned when the clause looks ahead, and sent otherwise.
PLAN_CUES = (
    rf"expected|planned|plans|could|will|would|may|might|to be sent|preparing|prepared|"
    rf"readying|awaited|by (?:{MONTH_NAMES})\b"
)

# Verbs (and "according to") that attribute a statement to someone.
SPEECH_VERBS = (
    r"said|says|stated|states|told|tells|noted|notes|accused|accuses|denied|denies|warned|"
    r"warns|urged|urges|called|calls|added|adds|adding|indicated|indicates|informed|"
    r"cautioned|suggested|claimed|claims|reported|announced|announces|confirmed|confirms|"
    r"refuted|rejected|dismissed|labeled|labelled|estimated|estimates|estimate|believes|"
    r"assessed|acknowledged|acknowledges|insisted|insists|"
    r"wrote|posted|referenced|cited"
)
# A speaker who passes on an agency's finding is its relay, not its source.
RELAY_CUES = (
    r"received updates from|briefed by|briefing (?:by|from)|were briefed|citing|cited|quoting|"
    r"referenc(?:ed|ing)|based on|after (?:the|a) (?:closed-door )?briefing"
)
# "The agency told lawmakers": the briefed listener relays the speaker to the outlet.
BRIEFED_OBJECT = r"told|briefed|informed"
# Verbs that carry the stance, kept in a statement's evidence ("refuted allegations ...").
STANCE_VERBS = (
    r"den(?:y|ies|ied)|refut\w+|reject\w*|dismiss\w*|label\w*|accus\w+|urg\w+|call\w*|warn\w*"
)
# Relay cues that name no agency: the article's last briefing agency is meant.
BRIEFING_CUES = r"after (?:the|a) (?:closed-door )?briefing"

# Stances (data/README.md, claims.stance), strongest first.
STANCE_CUES = (
    (r"den(?:y|ies|ied)|refut(?:e|es|ed)|reject(?:s|ed)?|dismiss(?:es|ed)|fake news|"
     r"fabricat\w*|baseless|groundless|smear", "denies"),
    (r"declined to comment|refused to comment|no comment|did not respond|"
     r"has not (?:officially )?(?:addressed|commented|responded)", "no_comment"),
    (r"(?:could|can)(?:not| not) (?:confirm|verify)|unable to (?:confirm|verify)|"
     r"still unclear|not yet (?:clear|known|confirmed)", "cannot_confirm"),
    (r"if|unless|provided that", "conditional"),
)  # fmt: skip

# What a statement without a figure is about, first match wins (claim_types.csv).
TYPE_CUES = (
    (r"fake news|fabricat\w*", "denial"),
    (r"withdraw\w*|sanction\w*|lethal weapons|in discussions|consult\w*", "policy_response"),
    (r"arms|weapons|shells|missiles", "arms_transfer"),
    (r"urg\w+|call(?:ed|s)? (?:on|for)|appeal\w*", "appeal"),
    (r"captur\w+|prisoners?", "captured"),
    (r"killed|wounded|casualt\w+|losses|dead", "casualties"),
    (r"interpreters|equipment", "support"),
    (r"train\w*", "training"),
    (r"famil\w+", "families"),
    (r"maritime|by sea|routes?|flights?", "movement"),
    (r"treaty|agreement|cooperation|pact", "agreement"),
    (r"concern\w*|dangerous|condemn\w*", "reaction"),
    (r"suppress\w*|censor\w*|rumou?rs", "information_control"),
    (r"confirm\w*|acknowledg\w*", "confirmation"),
    (r"located|stationed|sites|kursk", "location"),
    (r"intervention|economic support|in exchange", "motive"),
    (r"evidence|presence|in russia", "presence"),
)

# Names outlets use that the actors table does not spell out.
ALIASES = {
    # transliterations of the Ukrainian president's name in English-language copy
    "zelenskiy": "volodymyr-zelenskyy",
    "zelensky": "volodymyr-zelenskyy",
    "zelenski": "volodymyr-zelenskyy",
    # wire copy's names for South Korea's National Intelligence Service
    "spy agency": "rok-nis",
    "national intelligence agency": "rok-nis",
    "south korean intelligence": "rok-nis",
    # the intelligence committee members who relay NIS briefings
    "lawmakers": "rok-intel-committee",
    "lawmaker": "rok-intel-committee",
    "legislators": "rok-intel-committee",
    "intelligence committee": "rok-intel-committee",
    # Ukraine's military intelligence (HUR) by description
    "ukrainian military intelligence": "ukraine-hur",
    "ukraine's military intelligence": "ukraine-hur",
    # capitals standing for their governments
    "moscow": "russia-government",
    "pyongyang": "dprk-government",
    "north korea": "dprk-government",
}
# Governments named by country or capital are usually what a sentence is about,
# not who speaks: they count as the speaker only right before the verb.
WEAK_ALIASES = frozenset({"moscow", "pyongyang", "north korea"})
# Korean names put the family name first ("Park Sun-won" is Park).
KOREAN_SURNAMES = frozenset(
    _words(
        "kim lee park choi cho jung jeong kang yoon jang lim han oh seo shin kwon hwang ahn "
        "song yoo hong"
    )
)
# Words that mark an actor's name as a body, not a person.
BODY_WORDS = frozenset(
    _words(
        "service ministry government office committee commission institute council intelligence "
        "staff department agency kremlin party mission nato forces"
    )
)
# "the agency" refers back to the last actor of these types in the article.
ANAPHORS = {
    "agency": ("intelligence_agency",),
    "service": ("intelligence_agency",),
    "ministry": ("minister", "defence_minister"),
    "committee": ("legislator",),
    "office": ("presidential_office",),
}

# Nationality words: a proposed actor's country, and a check that a named body
# belongs to the country the sentence puts it in ("Ukraine's Defence Intelligence").
NATIONALITIES = {
    "ukrainian": "Ukraine", "ukraine's": "Ukraine", "ukraine": "Ukraine", "kyiv": "Ukraine",
    "russian": "Russia", "russia's": "Russia", "russia": "Russia", "kremlin": "Russia",
    "north korean": "North Korea", "north korea's": "North Korea", "pyongyang": "North Korea",
    "south korean": "South Korea", "south korea's": "South Korea", "seoul": "South Korea",
    "seoul's": "South Korea", "us": "United States", "american": "United States",
    "pentagon": "United States", "washington": "United States", "japanese": "Japan",
    "japan's": "Japan", "british": "United Kingdom", "uk": "United Kingdom",
    "britain's": "United Kingdom", "nato": "NATO", "chinese": "China", "china's": "China",
}  # fmt: skip
# Alignment of a proposed actor by country (data/README.md, "Alignments").
COUNTRY_ALIGNMENTS = {
    "Ukraine": "ukraine",
    "Russia": "russia",
    "North Korea": "north_korea",
    "South Korea": "supports_ukraine",
    "United States": "supports_ukraine",
    "Japan": "supports_ukraine",
    "United Kingdom": "supports_ukraine",
    "NATO": "supports_ukraine",
}
# Actor type of a proposed actor by the words of its description, first match wins.
ACTOR_TYPE_CUES = (
    (r"spokes(?:man|woman|person)|press secretary", "government_spokesperson"),
    (r"defen[cs]e minist\w+|pentagon|ministry of defen[cs]e", "defence_minister"),
    (r"prime minister", "head_of_government"),
    (r"president\b", "head_of_state"),
    (r"minist\w+", "minister"),
    (r"intelligence|security service|spy", "intelligence_agency"),
    (r"lawmakers?|legislators?|senators?|parliament\w*|mps?\b", "legislator"),
    (r"ambassador|diplomats?|envoy", "diplomat"),
    (r"general staff|forces|army|military|command\w*|general\b|brigade", "military"),
    (r"news agency|state media|kcna", "state_media"),
    (r"nato|united nations|\bun\b", "international_organisation"),
)
# Words that make a phrase before a verb a speaker we can propose ("a senior official").
SPEAKER_NOUNS = (
    r"officials?|spokes(?:man|woman|person)|sources?|diplomats?|ministry|ministers?|"
    r"forces|staff|service|agency|command|commander|army|military|government|office|pentagon"
)

# ---------------------------------------------------------------------------
# The draft
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """Candidate rows for articles.csv, actors.csv (proposed new actors) and claims.csv."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame


def draft_article(
    text: str,
    published: date,
    dataset: Dataset,
    outlet: str,
    url: str | None = None,
    article_id: str | None = None,
) -> Draft:
    """Draft claims from an article published on `published` by `outlet`.

    An `article_id` already in the dataset continues that article's claim
    numbering and reuses its row; without one, the id is the outlet's initials
    and the publication day (`dt-2024-10-23`).
    """
    article = _article_row(dataset, outlet, published, url, article_id)
    reader = _Reader(dataset, outlet, article["article_id"], published)
    for number, sentence in enumerate(split_sentences(text)):
        reader.read(number, sentence)
    claims = pd.DataFrame(reader.claims, columns=[*schema.CLAIMS.columns, *REVIEW_COLUMNS])
    for column in ("low", "best", "high"):
        claims[column] = claims[column].astype("Int64")
    claims["confidence"] = claims["confidence"].astype("float64")
    text_columns = [c for c in claims.columns if c not in ("low", "best", "high", "confidence")]
    claims[text_columns] = claims[text_columns].astype("string")
    actors = pd.DataFrame(
        list(reader.actors.proposed.values()), columns=list(schema.ACTORS.columns), dtype="string"
    )
    articles = pd.DataFrame([article], columns=list(schema.ARTICLES.columns), dtype="string")
    return Draft(articles=articles, actors=actors, claims=claims)


def write_draft(draft: Draft, folder: str | Path) -> Path:
    """Write the draft as articles.csv, actors.csv (proposed actors only) and claims.csv."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in (
        ("articles", draft.articles),
        ("actors", draft.actors),
        ("claims", draft.claims),
    ):
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(frame.columns)
            for row in frame.itertuples(index=False):
                writer.writerow([_cell(value) for value in row])
    return folder


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _article_row(
    dataset: Dataset, outlet: str, published: date, url: str | None, article_id: str | None
) -> dict:
    articles = dataset.articles
    if article_id is None:
        words = re.findall(r"[A-Za-z0-9]+", outlet)
        stem = "".join(w[0] for w in words) if len(words) > 1 else "".join(words)
        article_id = f"{slug(stem) or 'article'}-{published.isoformat()}"
        taken = articles[articles["article_id"] == article_id]
        # The same outlet on the same day is taken to be the same article.
        if not taken.empty and taken.iloc[0]["outlet"] != outlet:
            suffix = 2
            while (articles["article_id"] == f"{article_id}-{suffix}").any():
                suffix += 1
            article_id = f"{article_id}-{suffix}"
    existing = articles[articles["article_id"] == article_id]
    if not existing.empty:
        row = existing.iloc[0]
        if row["published_on"].date() != published:
            raise ValueError(
                f"article {article_id} is in the data as published on "
                f"{row['published_on']:%Y-%m-%d}, not {published.isoformat()}"
            )
        return {
            column: "" if pd.isna(row[column]) else str(row[column])
            for column in schema.ARTICLES.columns
        } | {"published_on": published.isoformat()}
    return {
        "article_id": article_id,
        "outlet": outlet,
        "wire_agency": "",
        "title": "",
        "published_on": published.isoformat(),
        "date_basis": "stated",
        "date_note": "",
        "url": url or "",
        "language": "en",
    }


def slug(text: str) -> str:
    """An identifier from a name: 'Ukraine's Security Service' -> 'ukraine-security-service'."""
    text = re.sub(r"['’]s\b", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------


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


def _quotes(text: str) -> list[tuple[int, int]]:
    """Spans (inside the marks) of the quotations in a sentence."""
    return [
        (m.start() + 1, m.end() - 1)
        for m in re.finditer(r"“[^”]*”|\"[^\"]*\"|(?<!\w)‘[^’]*’(?!\w)", text)
    ]


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the comma-, semicolon- and dash-separated clauses of a sentence."""
    spans, start = [], 0
    for m in re.finditer(r"[,;:]\s+|\s+[–—]\s+|\s+-\s+", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for span in clauses:
        if span[0] <= position <= span[1]:
            return span
    return clauses[-1]


def _fold(text: str) -> str:
    """Lower case with straight quotes, keeping every character's position."""
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


@dataclass
class Figure:
    """A figure as written in a sentence: its span (qualifier included) and fields."""

    start: int
    end: int
    low: int | None
    best: int | None
    high: int | None
    qualifier: str = ""
    kind: str = "bare"  # bare, range, bound, multiple
    units: bool = False

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
    folded = _fold(sentence)
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


def parse_figures(sentence: str) -> list[Figure]:
    """Every count of people or units in a sentence, with its qualifier and fields."""
    folded = _fold(sentence)
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
        if _counts_something(folded, figure):
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


def _words_after(folded: str, position: int, count: int) -> list[str]:
    """The next words after position, up to the next punctuation."""
    stretch = re.split(r"[;:!?()\"]|[,.](?!\d)", folded[position:], maxsplit=1)[0]
    return re.findall(r"[a-z]+", stretch)[:count]


def _counts_something(folded: str, figure: Figure) -> bool:
    """A number counts people or units when a count noun or a measure cue follows it
    ("3,000 troops", "100 killed", "3,000 of them") or the clause says it is a number."""
    if figure.kind == "multiple":
        return True
    after = folded[figure.end :]
    if re.match(r"-strong\b|\s+of\s+(?:them|those|whom)\b", after):
        return True
    words = _words_after(folded, figure.end, 5)
    if COUNT_NOUNS.intersection(words):
        return True
    cues = "|".join(pattern for pattern, _ in MEASURE_CUES)
    if re.match(rf"(?:\s+\w+){{0,2}}?\s+(?:{cues})\b", after):
        return True  # "11,000 already deployed"
    return bool(
        re.search(rf"\b(?:{COUNT_BEFORE})\b[^,;]{{0,40}}$",
                  folded[max(0, figure.start - 60) : figure.start])
    )  # fmt: skip


def _unit_noun(folded: str, position: int) -> bool:
    """Whether the first count noun after a figure names units ("two units, potentially")."""
    for word in _words_after(folded, position, 3):
        if word in UNIT_NOUNS:
            return True
        if word in COUNT_NOUNS:
            return False
    return False


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureGuess:
    measure: str | None
    cued: bool  # a cue word or the figure's noun said so
    cue: tuple[int, int] | None = None  # where the cue word is


def guess_measure(
    sentence: str, figure: Figure, window: tuple[int, int], measures: set[str]
) -> MeasureGuess:
    """The measure a figure counts, from the cue word nearest it within its window
    (the stretch of the sentence between the neighbouring figures)."""
    if figure.kind == "multiple":
        return (
            MeasureGuess(RATIO_MEASURE, True)
            if RATIO_MEASURE in measures
            else MeasureGuess(None, False)
        )
    folded = _fold(sentence)
    if figure.units:
        return (
            MeasureGuess("units_prepared", True)
            if "units_prepared" in measures
            else MeasureGuess(None, False)
        )
    cues = _cue_matches(folded, window, measures)
    chosen, span = None, None
    if cues:
        best = min(cues, key=lambda cue: (_distance(cue, figure), cue[3]))
        chosen, span = best[2], best[:2]
    additional = _additional(folded, figure)
    # a batch named before the figure yields to a total ("could bring the total to 15,000")
    if (
        additional == "adjacent"
        and chosen in (None, *TROOP_COUNTS)
        or (additional == "batch" and chosen in (None, "troops_dispatched", "troops_prepared"))
    ):
        clause = _clause_of(_clauses(folded), figure.start)
        planned = re.search(rf"\b(?:{PLAN_CUES})", folded[clause[0] : clause[1]])
        measure = "additional_planned" if planned else "additional_dispatched"
        if measure in measures:
            return MeasureGuess(measure, True, span)
    period = re.search(PERIOD_CUES, folded)
    if chosen == "casualties" and period and "casualties_in_period" in measures:
        return MeasureGuess("casualties_in_period", True, span)
    return MeasureGuess(chosen, chosen is not None, span)


def _cue_matches(folded: str, window: tuple[int, int], measures: set[str]) -> list[tuple]:
    """Cue words in the window: (start, end, measure, rank), longer cues hiding shorter."""
    found = []
    for rank, (pattern, measure) in enumerate(MEASURE_CUES):
        if measure not in measures:
            continue
        for m in re.finditer(rf"\b(?:{pattern})\b", folded[window[0] : window[1]]):
            found.append((m.start() + window[0], m.end() + window[0], measure, rank))
    return [
        cue
        for cue in found
        if not any(o[0] <= cue[0] and cue[1] <= o[1] and o[:2] != cue[:2] for o in found)
    ]


def _distance(cue: tuple, figure: Figure) -> int:
    if cue[1] <= figure.start:
        return figure.start - cue[1]
    return max(0, cue[0] - figure.end)


def _additional(folded: str, figure: Figure) -> str | None:
    """'adjacent' for "500 more" / "an additional 2,000", 'batch' for "a fresh batch of
    troops, possibly numbering 3,000" (the batch named just before), else None."""
    words = _words_after(folded, figure.end, 3)
    if words and re.fullmatch(ADDITIONAL_AFTER, words[0]):
        return "adjacent"
    if words[1:2] and re.fullmatch(ADDITIONAL_AFTER, words[1]) and words[0] == "troops":
        return "adjacent"
    if re.search(rf"\b(?:{ADDITIONAL_BEFORE})\s+$", folded[: figure.start]):
        return "adjacent"
    if re.search(rf"\b{ADDITIONAL_BATCH}\b", folded[max(0, figure.start - 60) : figure.start]):
        return "batch"
    return None


def _fallback_measure(dataset: Dataset) -> str | None:
    """The measure most figures in the data count: a draft's guess when no cue says."""
    counts = dataset.claims["measure"].dropna().value_counts()
    if not counts.empty:
        return str(counts.index[0])
    return str(dataset.measures["measure"].iloc[0]) if len(dataset.measures) else None


def _type_of_measure(dataset: Dataset, measure: str) -> str:
    """The claim type the data most often gives figures of this measure."""
    types = dataset.claims.loc[dataset.claims["measure"] == measure, "claim_type"].value_counts()
    known = set(dataset.claim_types["claim_type"])
    if not types.empty:
        return str(types.index[0])
    if measure in known:
        return measure
    types = dataset.claims.loc[dataset.claims["measure"].notna(), "claim_type"].value_counts()
    return str(types.index[0]) if not types.empty else sorted(known)[0]


def guess_claim_type(sentence: str, known: set[str]) -> str:
    folded = _fold(sentence)
    for pattern, claim_type in TYPE_CUES:
        if claim_type in known and re.search(rf"\b(?:{pattern})\b", folded):
            return claim_type
    return "presence" if "presence" in known else sorted(known)[0]


def guess_stance(text: str) -> str:
    """The stance of a statement; a leading "While ..." clause is someone else's."""
    folded = re.sub(r"^(?:while|although|though|even though|whereas)\b[^,]*,\s*", "", _fold(text))
    for pattern, stance in STANCE_CUES:
        if re.search(rf"\b(?:{pattern})\b", folded):
            return stance
    return "asserts"


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_FULL_MONTH = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)
_STATED = re.compile(
    rf"\b(?:(?:on|last) (?:{_WEEKDAY})|today|yesterday|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"on \d{{1,2}} (?:{MONTH_NAMES})\.?|on (?:{MONTH_NAMES})\.? \d{{1,2}})\b",
    re.IGNORECASE,
)
# Month names capitalised, as written: "in may" is not May.
_MONTH = "|".join(month.capitalize() for month in _FULL_MONTH.split("|"))
_PERIOD = re.compile(
    rf"\b(?:(?:in |between |from )?(?:{_MONTH}) (?:and|to) (?:{_MONTH})|(?:in|by) (?:{_MONTH}))"
    rf"\b(?! \d)",
)


def _stated_wording(phrase: str, published: date) -> str | None:
    """The stated_wording for a date phrase: as written, or an ISO day with the phrase in
    parentheses when the resolver reads only ISO ("on Dec. 16"). None if it cannot be read."""
    day_month = re.fullmatch(
        rf"on (\d{{1,2}}) ({MONTH_NAMES})\.?|on ({MONTH_NAMES})\.? (\d{{1,2}})", phrase, re.I
    )
    wording = phrase
    if day_month:
        day = int(day_month.group(1) or day_month.group(4))
        month_word = (day_month.group(2) or day_month.group(3)).lower()[:3]
        month = [m.lower()[:3] for m in _FULL_MONTH.split("|")].index(month_word) + 1
        try:
            when = date(published.year, month, day)
            if when > published:
                when = date(published.year - 1, month, day)
        except ValueError:
            return None
        wording = f"{when.isoformat()} ({phrase})"
    try:
        span = dates.resolve(wording, published)
    except dates.DatePhraseError:
        return None
    if span.end is not None and span.end > published:
        return None
    return wording


def _period_wording(phrase: str, published: date) -> str | None:
    try:
        dates.resolve(phrase, published)
    except dates.DatePhraseError:
        return None
    return phrase


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------


@dataclass
class Mention:
    start: int
    end: int
    actor_id: str | None
    kind: str  # strong, weak, intelligence (generic), anaphor, proposed


class _Actors:
    """Who is named in a sentence: known actors by name, surname, organisation or
    alias, and new actors proposed from the words before a speech verb."""

    def __init__(self, actors: pd.DataFrame, outlet: str):
        self.rows = {
            row["actor_id"]: {c: ("" if pd.isna(row[c]) else str(row[c])) for c in actors.columns}
            for _, row in actors.iterrows()
        }
        self.proposed: dict[str, dict] = {}
        self.outlet = outlet
        insensitive: dict[str, set[str]] = {}
        sensitive: dict[str, set[str]] = {}
        by_organisation: dict[str, list[str]] = {}
        by_acronym: dict[str, list[str]] = {}
        for actor_id, row in self.rows.items():
            name = row["name"]
            bare = re.sub(r"\s*\(.*?\)", "", name).strip()
            insensitive.setdefault(_key(bare), set()).add(actor_id)
            for acronym in set(re.findall(r"\(([A-Z]{2,6})\)", name + " " + row["organisation"])):
                if acronym.lower() not in NATIONALITIES:
                    by_acronym.setdefault(acronym, []).append(actor_id)
            if self.is_person(actor_id):
                parts = bare.split()
                surname = parts[0] if parts[0].lower() in KOREAN_SURNAMES else parts[-1]
                if len(surname) >= 3:
                    sensitive.setdefault(surname, set()).add(actor_id)
            organisation = re.sub(r"\s*\(.*?\)", "", row["organisation"]).strip()
            by_organisation.setdefault(_key(organisation), []).append(actor_id)
        # An organisation or acronym shared by a body and its people names the body.
        for organisation, ids in by_organisation.items():
            body = self._body(ids)
            if body and organisation:
                insensitive.setdefault(organisation, set()).add(body)
        for acronym, ids in by_acronym.items():
            body = self._body(ids)
            if body:
                sensitive.setdefault(acronym, set()).add(body)
        for alias, actor_id in ALIASES.items():
            if actor_id in self.rows:
                insensitive.setdefault(_key(alias), set()).add(actor_id)
        # An alias that names two actors names neither.
        self.insensitive = {a: next(iter(i)) for a, i in insensitive.items() if len(i) == 1 and a}
        self.sensitive = {a: next(iter(i)) for a, i in sensitive.items() if len(i) == 1}
        self._patterns = sorted(
            [(_alias_pattern(a, re.IGNORECASE), a, i) for a, i in self.insensitive.items()]
            + [(_alias_pattern(a, 0), a, i) for a, i in self.sensitive.items()],
            key=lambda item: -len(item[1]),
        )

    def _body(self, ids: list[str]) -> str | None:
        if len(ids) == 1 and not self.is_person(ids[0]):
            return ids[0]
        # The body is part of none of the others (it may be part of its government).
        bodies = [
            i
            for i in ids
            if not self.is_person(i)
            and "unnamed" not in self.rows[i]["name"]
            and self.rows[i]["part_of"] not in ids
        ]
        return bodies[0] if len(bodies) == 1 else None

    def is_person(self, actor_id: str) -> bool:
        row = self.rows.get(actor_id) or self.proposed.get(actor_id)
        name = row["name"]
        return (
            "(" not in name
            and slug(name) == actor_id
            and 2 <= len(name.split()) <= 4
            and not BODY_WORDS.intersection(name.lower().split())
        )

    def row(self, actor_id: str) -> dict:
        return self.rows.get(actor_id) or self.proposed[actor_id]

    def mentions(self, sentence: str) -> list[Mention]:
        taken: list[Mention] = []
        for pattern, alias, actor_id in self._patterns:
            for m in pattern.finditer(sentence):
                if any(o.start < m.end() and m.start() < o.end for o in taken):
                    continue
                if self._other_country(sentence, m.start(), actor_id):
                    continue
                kind = "weak" if alias in WEAK_ALIASES else "strong"
                taken.append(Mention(m.start(), m.end(), actor_id, kind))
        folded = _fold(sentence)
        for m in re.finditer(r"\bintelligence\b", folded):
            if not any(o.start <= m.start() < o.end for o in taken):
                taken.append(Mention(m.start(), m.end(), None, "intelligence"))
        for m in re.finditer(rf"\bthe ({'|'.join(ANAPHORS)})\b", folded):
            if not any(o.start < m.end() and m.start() < o.end for o in taken):
                taken.append(Mention(m.start(), m.end(), m.group(1), "anaphor"))
        return sorted(taken, key=lambda mention: mention.start)

    def _other_country(self, sentence: str, start: int, actor_id: str) -> bool:
        """'Ukraine's Defence Intelligence' is not the UK's Defence Intelligence."""
        country = self.rows[actor_id]["country"]
        said = _country_before(sentence, start)
        return bool(country and said and said != country)

    def country_intelligence(self, country: str) -> str | None:
        """The intelligence body of a country, for 'intelligence' named without an agency."""
        # An agency, not its director: part of no other intelligence agency.
        bodies = [
            i
            for i, row in self.rows.items()
            if row["actor_type"] == "intelligence_agency"
            and row["country"] == country
            and self.rows.get(row["part_of"], {}).get("actor_type") != "intelligence_agency"
        ]
        unspecified = [i for i in bodies if "unspecified" in self.rows[i]["name"]]
        if unspecified:
            return unspecified[0]
        return bodies[0] if len(bodies) == 1 else None

    def outlet_actor(self) -> tuple[str, bool]:
        """The outlet speaking in its own voice: a known news_outlet actor or a proposed one."""
        for actor_id, row in self.rows.items():
            if row["actor_type"] == "news_outlet" and _key(row["organisation"]) == _key(
                self.outlet
            ):
                return actor_id, True
        name = f"{self.outlet} (own reporting)"
        return self.propose(name, self.outlet, "", "news_outlet", "neutral"), False

    def propose(self, name: str, organisation: str, country: str, actor_type: str,
                alignment: str) -> str:  # fmt: skip
        actor_id = slug(re.sub(r"\s*\(.*?\)", "", name)) or "actor"
        base, suffix = actor_id, 2
        while actor_id in self.rows or (
            actor_id in self.proposed and self.proposed[actor_id]["name"] != name
        ):
            actor_id, suffix = f"{base}-{suffix}", suffix + 1
        self.proposed.setdefault(
            actor_id,
            {
                "actor_id": actor_id,
                "name": name,
                "organisation": organisation,
                "country": country,
                "role": PROPOSED_ROLE,
                "actor_type": actor_type,
                "alignment": alignment,
                "part_of": "",
                "aliases": "",
            },
        )
        return actor_id

    def propose_speaker(self, phrase: str) -> str:
        """A new actor from the words that name a speaker ('Ukraine's Security Service')."""
        name = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
        name = name[0].upper() + name[1:]
        lowered = _fold(name)
        actor_type = next(
            (t for pattern, t in ACTOR_TYPE_CUES if re.search(rf"\b(?:{pattern})", lowered)),
            "government",
        )
        country = _country_in(lowered) or ""
        if re.search(r"\b(?:officials?|sources?|spokes\w+)\b", lowered) and not re.search(
            r"\b[A-Z][a-z]+\s+[A-Z][a-z]+$", name
        ):
            name = f"{name} (unnamed)"
        return self.propose(
            name, name, country, actor_type, COUNTRY_ALIGNMENTS.get(country, "neutral")
        )


def _key(text: str) -> str:
    text = re.sub(r"\b([a-z])\.", r"\1", _fold(text))
    return re.sub(r"[\s-]+", " ", text).strip()


def _alias_pattern(alias: str, flags: int) -> re.Pattern:
    special = {"us": r"u\.?s\.?", "uk": r"u\.?k\.?"}
    tokens = [
        special.get(t, re.escape(t).replace("'", "['’]")) if flags else re.escape(t)
        for t in alias.split(" ")
    ]
    return re.compile(r"(?<![\w.])" + r"[\s-]+".join(tokens) + r"(?![\w])", flags)


def _country_before(sentence: str, start: int) -> str | None:
    before = _fold(sentence[max(0, start - 25) : start])
    for word in sorted(NATIONALITIES, key=len, reverse=True):
        if re.search(rf"(?<![\w.]){re.escape(word)}\s+(?:\w+\s+)?$", before):
            return NATIONALITIES[word]
    return None


def _country_in(text: str) -> str | None:
    text = text.replace("u.s.", "us")
    for word in sorted(NATIONALITIES, key=len, reverse=True):
        if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", text):
            return NATIONALITIES[word]
    return None


# ---------------------------------------------------------------------------
# Reading an article
# ---------------------------------------------------------------------------


@dataclass
class _Attribution:
    claimant: str
    relay: str | None
    matched: bool  # the claimant was found in the sentence or carried by a pronoun
    known: bool
    verb: tuple[int, int] | None  # span of the attributing verb
    also: list[str] = field(default_factory=list)  # further claimants ("Moscow and Pyongyang")


@dataclass
class _Memory:
    """What earlier sentences of the article established."""

    last: _Attribution | None = None
    relay_sources: dict[str, str] = field(default_factory=dict)
    briefer: str | None = None
    recent: dict[str, str] = field(default_factory=dict)  # actor type -> last actor id
    # (claimant, relay) -> (sentence number, stated wording)
    dated: dict[tuple, tuple[int, str]] = field(default_factory=dict)


class _Reader:
    def __init__(self, dataset: Dataset, outlet: str, article_id: str, published: date):
        self.dataset = dataset
        self.published = published
        self.article_id = article_id
        self.actors = _Actors(dataset.actors, outlet)
        self.memory = _Memory()
        self.measures = set(dataset.measures["measure"])
        self.units = dict(zip(dataset.measures["measure"], dataset.measures["unit"], strict=True))
        self.measure_labels = dict(
            zip(dataset.measures["measure"], dataset.measures["label"], strict=True)
        )
        self.claim_types = set(dataset.claim_types["claim_type"])
        self.type_labels = dict(
            zip(dataset.claim_types["claim_type"], dataset.claim_types["label"], strict=True)
        )
        self.fallback_measure = _fallback_measure(dataset)
        self.next_number = _next_number(dataset, article_id)
        self.claims: list[dict] = []

    # one sentence ---------------------------------------------------------

    def read(self, index: int, sentence: Sentence) -> None:
        text = sentence.text
        mentions = self.actors.mentions(text)
        figures = parse_figures(text)
        attribution = self._attribute(text, mentions)
        self._remember(mentions)
        if figures:
            if attribution is None:
                outlet, known = self.actors.outlet_actor()
                attribution = _Attribution(outlet, None, False, known, None)
            for number, figure in enumerate(figures):
                window = (
                    figures[number - 1].end if number else 0,
                    figures[number + 1].start if number + 1 < len(figures) else len(text),
                )
                self._figure_claim(index, sentence, figure, window, attribution)
        elif attribution is not None:
            for claimant in [attribution.claimant, *attribution.also]:
                self._statement_claim(index, sentence, attribution, claimant)
        if attribution is not None and attribution.matched:
            self.memory.last = attribution

    def _remember(self, mentions: list[Mention]) -> None:
        for mention in mentions:
            if mention.kind == "strong":
                self.memory.recent[self.actors.row(mention.actor_id)["actor_type"]] = (
                    mention.actor_id
                )

    # who says it ------------------------------------------------------------

    def _attribute(self, text: str, mentions: list[Mention]) -> _Attribution | None:
        folded = _fold(text)
        relay_cues = list(re.finditer(rf"\b(?:{RELAY_CUES})\b", folded))
        # A body named right after a relay cue is the source, not the speaker.
        sources = [
            m
            for m in mentions
            if any(0 <= m.start - cue.end() <= 20 for cue in relay_cues)
            and m.kind in ("strong", "intelligence", "anaphor")
        ]
        speakers = [m for m in mentions if m not in sources]
        found = self._speaker(text, folded, speakers)
        if found is None:
            return None
        speaker, verb, matched, also = found
        claimant, relay = speaker, None
        carried = matched == "pronoun"
        if carried and self.memory.last is not None:
            claimant, relay = self.memory.last.claimant, self.memory.last.relay
        source = self._relay_source(speaker, sources, mentions, relay_cues)
        listener = self._listener(speaker, mentions, verb, folded)
        if source is not None and source != speaker:
            claimant, relay = source, speaker
        elif listener is not None:
            claimant, relay = speaker, listener
        elif speaker in self.memory.relay_sources and not carried:
            claimant, relay = self.memory.relay_sources[speaker], speaker
        known = claimant in self.actors.rows
        return _Attribution(claimant, relay, True, known, verb, also)

    def _speaker(self, text: str, folded: str, speakers: list[Mention]):
        """(speaker id, verb span, how found, further speakers) or None."""
        according = re.search(r"\baccording to\b", folded)
        if according:
            after = [m for m in speakers if 0 <= m.start - according.end() <= 30]
            if after:
                speaker = self._resolve(after[0])
                if speaker:
                    return speaker, according.span(), "name", []
            phrase = re.match(r"\s+((?:[\w'’.-]+\s*){1,6}?)(?=[,.;]|$)", text[according.end() :])
            if phrase and re.search(rf"\b(?:{SPEAKER_NOUNS})\b|[A-Z]", phrase.group(1)):
                proposed = self.actors.propose_speaker(phrase.group(1))
                return proposed, according.span(), "proposed", []
        for verb in re.finditer(rf"(?<![-\w])(?:{SPEECH_VERBS})\b", folded):
            found = self._subject(text, folded, speakers, verb)
            if found is not None:
                return found[0], verb.span(), found[1], found[2]
        return None

    def _subject(self, text: str, folded: str, speakers: list[Mention], verb: re.Match):
        before = folded[: verb.start()]
        # "Park Sun-won, a member of the committee, noted": skip the apposition.
        apposition = re.search(
            r",\s+(?:a|an|the|who|which|one|head|chief|member|in|\w+ing)\b[^,\"]*,\s*"
            r"(?:(?:has|have|had|also|then|later|not)\s+)*$",
            before,
        )
        limit = apposition.start() if apposition else verb.start()
        candidates = [m for m in speakers if m.end <= limit]
        adjacent = r"\s*(?:(?:has|have|had|also|then|later|officially|publicly|not|both)\s+)*$"
        pronoun = re.search(r"\b(he|she|they)\s+(?:(?:also|then|later|further)\s+)?$", before)
        if pronoun and self.memory.last is not None:
            return self._last_speaker(), "pronoun", []
        # the speaker right after the verb: "..., said Lee."
        inverted = [
            m for m in speakers if re.fullmatch(r"\s+(?:the\s+)?", folded[verb.end() : m.start])
        ]
        if inverted and re.search(r"[,\"”]\s*$", text[: verb.start()]):
            speaker = self._resolve(inverted[0])
            if speaker:
                return speaker, "name", []
        for mention in reversed(candidates):
            if mention.kind == "weak" and not re.fullmatch(adjacent, folded[mention.end : limit]):
                continue
            if mention.kind == "intelligence":
                continue
            speaker = self._resolve(mention)
            if speaker is None:
                continue
            also = []
            earlier = [m for m in candidates if m.end <= mention.start]
            if earlier and re.fullmatch(
                r"\s*(?:and|,)\s*", folded[earlier[-1].end : mention.start]
            ):
                other = self._resolve(earlier[-1])
                if other and other != speaker:
                    also = [speaker]
                    speaker = other
            return speaker, "name", also
        # no known actor: a speaker described before the verb ("A spokesman for ... denied")
        clause_start = max(
            [0] + [m.end() for m in re.finditer(r"[,;:\"“”]\s*|\bthat\s+", text[:limit])]
        )
        phrase = text[clause_start:limit].strip()
        phrase = re.sub(r"\s+(?:(?:has|have|had|also|not|officially)\s*)+$", "", phrase)
        phrase = re.sub(rf"\b(?:on|last) (?:{_WEEKDAY})\b", "", phrase, flags=re.I).strip(" ,")
        if (
            phrase
            and len(phrase.split()) <= 8
            and not re.search(r"\d|\b(?:it|this|that|these|they|he|she|we|i)\b", phrase, re.I)
            and re.search(rf"\b(?:{SPEAKER_NOUNS})\b|^(?:The\s+)?[A-Z][a-z]+", phrase)
            and not re.fullmatch(r"(?:The|A|An|This|That)", phrase)
        ):
            return self.actors.propose_speaker(phrase), "proposed", []
        return None

    def _listener(self, speaker: str, mentions, verb, folded: str) -> str | None:
        """The legislators an agency "told" or "briefed": they relay what it said."""
        if verb is None or not re.fullmatch(BRIEFED_OBJECT, folded[verb[0] : verb[1]]):
            return None
        for mention in mentions:
            if 0 <= mention.start - verb[1] <= 5 and mention.kind == "strong":
                listener = mention.actor_id
                if listener != speaker and self.actors.row(listener)["actor_type"] == "legislator":
                    if self.actors.row(speaker)["actor_type"] == "intelligence_agency":
                        self.memory.relay_sources[listener] = speaker
                        self.memory.briefer = speaker
                    return listener
        return None

    def _last_speaker(self) -> str:
        last = self.memory.last
        return last.relay or last.claimant

    def _resolve(self, mention: Mention) -> str | None:
        if mention.kind in ("strong", "weak"):
            return mention.actor_id
        if mention.kind == "anaphor":
            for actor_type in ANAPHORS[mention.actor_id]:
                if actor_type in self.memory.recent:
                    return self.memory.recent[actor_type]
        return None

    def _relay_source(self, speaker, sources, mentions, relay_cues) -> str | None:
        """The agency a speaker relays, when the sentence says they pass on a briefing."""
        if not relay_cues or self.actors.row(speaker)["actor_type"] == "intelligence_agency":
            return None
        for mention in sources + [m for m in mentions if m not in sources]:
            actor = self._resolve(mention)
            if not actor or actor == speaker:
                continue
            if self.actors.row(actor)["actor_type"] == "intelligence_agency":
                if mention.kind == "strong":
                    self.memory.relay_sources[speaker] = actor
                    self.memory.briefer = actor
                return actor
        if any(m.kind == "intelligence" for m in mentions):
            country = self.actors.row(speaker)["country"]
            agency = self.actors.country_intelligence(country) if country else None
            if agency:
                return agency
        if self.memory.briefer and any(re.fullmatch(BRIEFING_CUES, c.group(0)) for c in relay_cues):
            return self.memory.briefer
        return None

    # the rows -----------------------------------------------------------------

    def _dates(self, index: int, text: str, attribution: _Attribution, position: int | None):
        """(stated_wording, period_wording, stated date found) for a claim at position."""
        clauses = _clauses(text)
        allowed = []
        if position is not None:
            # the clauses of the figure and of its verb, and whatever leads up to them;
            # a date in a later clause ("..., urging allies on Tuesday") dates something else
            allowed.append(_clause_of(clauses, position))
            if attribution.verb is not None:
                allowed.append(_clause_of(clauses, attribution.verb[0]))
            allowed.append((0, min(span[0] for span in allowed)))
        stated = None
        for m in _STATED.finditer(text):
            if allowed and not any(a <= m.start() <= b for a, b in allowed):
                continue
            stated = _stated_wording(m.group(0), self.published)
            if stated:
                break
        speaker = (attribution.claimant, attribution.relay)
        if stated:
            self.memory.dated[speaker] = (index, stated)
        elif attribution.matched and speaker in self.memory.dated:
            # the same claimant through the same relay within two sentences: the same occasion
            earlier, wording = self.memory.dated[speaker]
            if index - earlier <= 2:
                stated = wording
        period = None
        for m in _PERIOD.finditer(text):
            period = _period_wording(m.group(0), self.published)
            if period:
                break
        return stated or "", period or "", bool(stated)

    def _figure_claim(self, index, sentence, figure: Figure, window, attribution) -> None:
        text = sentence.text
        guess = guess_measure(text, figure, window, self.measures)
        measure, cued = guess.measure or self.fallback_measure, guess.cued
        stated, period, dated = self._dates(index, text, attribution, figure.start)
        clauses = _clauses(text)
        clause = _clause_of(clauses, figure.start)
        stance_text = text[clause[0] : clause[1]]
        if attribution.verb is not None:
            verb_clause = _clause_of(clauses, attribution.verb[0])
            stance_text += " " + text[verb_clause[0] : verb_clause[1]]
        stance = guess_stance(text)
        if stance == "conditional" or (
            stance == "asserts" and guess_stance(stance_text) != "asserts"
        ):
            stance = guess_stance(stance_text)
        evidence = _figure_evidence(text, figure, guess.cue, clause)
        quoted = any(a <= figure.start and figure.end <= b for a, b in _quotes(text))
        qualifier_known = figure.kind != "bare" or not re.search(
            r"\b(?:reportedly|possibly|potentially|allegedly|perhaps|estimated)\s+$",
            _fold(text[: figure.start]),
        )
        checks = (attribution.matched and attribution.known, cued, dated, qualifier_known)
        name = _short_name(self.actors.row(attribution.claimant)["name"])
        label = _lower_first(self.measure_labels.get(measure, measure))
        summary = {
            "denies": f"{name} disputes a figure of {_as_written(figure)} for {label}.",
            "conditional": f"{name} puts {label} at {_as_written(figure)}, on a condition.",
        }.get(stance, f"{name} puts {label} at {_as_written(figure)}.")
        if figure.kind == "multiple":
            summary = f"{name} gives a figure {figure.qualifier} an earlier estimate."
        self._add(
            attribution,
            attribution.claimant,
            sentence,
            checks,
            claim_type=_type_of_measure(self.dataset, measure),
            stance=stance,
            summary=summary,
            stated_wording=stated,
            period_wording=period,
            measure=measure,
            low=figure.low,
            best=figure.best,
            high=figure.high,
            qualifier=figure.qualifier,
            unit=self.units.get(measure, ""),
            direct_quote="yes" if quoted else "no",
            evidence=evidence,
        )

    def _statement_claim(self, index, sentence, attribution, claimant) -> None:
        text = sentence.text
        stated, period, dated = self._dates(index, text, attribution, None)
        stance = guess_stance(text)
        claim_type = guess_claim_type(text, self.claim_types)
        evidence, quoted = _statement_evidence(text, attribution.verb)
        name = _short_name(self.actors.row(claimant)["name"])
        label = _lower_first(self.type_labels.get(claim_type, claim_type))
        summary = {
            "denies": f"{name} denies a claim about {label}.",
            "conditional": f"{name} makes a conditional statement about {label}.",
            "no_comment": f"{name} does not comment on {label}.",
            "cannot_confirm": f"{name} cannot confirm {label}.",
        }.get(stance, f"{name} makes a statement about {label}.")
        if claim_type == "denial":
            summary = f"{name} dismisses the reports as untrue."
        checks = (attribution.matched and attribution.known and claimant in self.actors.rows, dated)
        self._add(
            attribution,
            claimant,
            sentence,
            checks,
            claim_type=claim_type,
            stance=stance,
            summary=summary,
            stated_wording=stated,
            period_wording=period,
            direct_quote="yes" if quoted else "no",
            evidence=evidence,
        )

    def _add(self, attribution, claimant, sentence, checks, **fields) -> None:
        relay = attribution.relay if attribution.relay != claimant else None
        known = claimant in self.actors.rows and (relay is None or relay in self.actors.rows)
        note = ""
        if re.search(r"[<>]", fields["evidence"]):
            # evidence must be plain text (the validator refuses '<' and '>')
            plain = re.sub(r"<[^<>]*>", "", fields["evidence"])
            fields["evidence"] = " ".join(re.sub(r"[<>]", "", plain).split())
            note = "Markup ('<', '>') removed from the evidence quote."
        row = {column: None for column in schema.CLAIMS.columns} | {
            "claim_id": f"{self.article_id}-{self.next_number:02d}",
            "article_id": self.article_id,
            "claimant_id": claimant,
            "relayed_via_id": relay,
            "note": note,
        }
        row |= fields
        row |= {
            "confidence": round(sum(checks) / len(checks), 2),
            "sentence": sentence.text,
            "claimant_match": "known" if known else "proposed",
        }
        self.claims.append({k: (None if v == "" else v) for k, v in row.items()})
        self.next_number += 1


def _next_number(dataset: Dataset, article_id: str) -> int:
    ids = dataset.claims.loc[dataset.claims["article_id"] == article_id, "claim_id"]
    numbers = [
        int(m.group(1))
        for claim_id in ids
        if (m := re.fullmatch(rf"{re.escape(article_id)}-(\d+)", claim_id))
    ]
    return max(numbers, default=0) + 1


def _lower_first(label: str) -> str:
    """'Troops sent to Russia so far' -> 'troops sent to Russia so far'; 'NIS ...' stays."""
    first = label.split(" ", 1)[0]
    return label if len(first) > 1 and first.isupper() else label[:1].lower() + label[1:]


def _short_name(name: str) -> str:
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def _as_written(figure: Figure) -> str:
    if figure.kind == "range":
        return f"{figure.low:,} to {figure.high:,}"
    return f"{figure.qualifier} {figure.value:,}".strip()


def _figure_evidence(
    text: str, figure: Figure, cue: tuple[int, int] | None, clause: tuple[int, int]
) -> str:
    """The shortest passage that carries a figure: its cue word, qualifier, number and noun."""
    folded = _fold(text)
    start, end = figure.start, figure.end
    if figure.kind == "multiple":
        words = re.match(r"(?:\s+[\w'’-]+){1,6}", re.split(r"[,.;:!?()]", text[end:])[0])
        end += words.end() if words else 0
        return _trim(text[start:end])
    after = _words_after(folded, figure.end, 5)
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


def _statement_evidence(text: str, verb: tuple[int, int] | None) -> tuple[str, bool]:
    """A statement's evidence: the quotation if there is one, else what follows the verb."""
    quotes = [(a, b) for a, b in _quotes(text) if b - a >= 3]
    if quotes:
        a, b = max(quotes, key=lambda q: q[1] - q[0])
        return _trim(text[a:b].strip().rstrip(",.;:")), True
    if verb and _fold(text[verb[0] : verb[1]]) == "according to":
        # "X happened, according to Lee": the clause before; "According to Lee, X": after.
        if verb[0] > 2:
            clause = _clause_of(_clauses(text), verb[0] - 2)
            return _trim(text[clause[0] : min(clause[1], verb[0])]), False
        rest = re.split(r",\s+", text[verb[1] :], maxsplit=1)
        return _trim(rest[-1].strip().rstrip(".")), False
    start = 0
    if verb:
        keep_verb = re.fullmatch(STANCE_VERBS, _fold(text[verb[0] : verb[1]]))
        start = verb[0] if keep_verb else verb[1] + 1
    that = re.match(r"(?:[\w'’-]+\s+){0,6}?that\s+", text[verb[1] :].lstrip()) if verb else None
    if that:
        start = verb[1] + (len(text[verb[1] :]) - len(text[verb[1] :].lstrip())) + that.end()
    clause = _clause_of(_clauses(text), start)
    end = clause[1] if clause[1] > start else len(text)
    return _trim(text[start:end].strip().rstrip(",.;:")), False


def _trim(passage: str) -> str:
    passage = passage.strip().strip(",;:")
    if len(passage) <= schema.MAX_EVIDENCE_CHARS:
        return passage
    cut = passage[: schema.MAX_EVIDENCE_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut
