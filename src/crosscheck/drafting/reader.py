"""Read an article sentence by sentence into candidate claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from crosscheck import dates, ladder, schema
from crosscheck.drafting.actors import Actors, slug
from crosscheck.drafting.attribution import (
    RELAY_CUES,
    SPEAKER_LABEL,
    TITLE_LABEL,
    Attribution,
    Attributor,
)
from crosscheck.drafting.evidence import (
    as_written,
    figure_evidence,
    plural_verb,
    puts_at,
    short_name,
    statement_evidence,
)
from crosscheck.drafting.figures import Figure, parse_figures, writes_thousands_with_points
from crosscheck.drafting.language import (
    Detected,
    UnsupportedLanguage,
    language_name,
    require_supported,
)
from crosscheck.drafting.measures import (
    NAMED_REGION,
    MeasureCues,
    TypeCues,
    asked_measure,
    fallback_measure,
    guess_claim_type,
    guess_measure,
    guess_stance,
    type_of_measure,
)
from crosscheck.drafting.text import (
    Sentence,
    clause_of,
    clause_spans,
    fold,
    quote_spans,
    split_sentences,
)
from crosscheck.drafting.write import REVIEW_COLUMNS, Draft
from crosscheck.load import Dataset


def draft_article(
    text: str,
    published: date,
    dataset: Dataset,
    outlet: str,
    url: str | None = None,
    article_id: str | None = None,
    language: str | None = None,
) -> Draft:
    """Draft claims from an article published on `published` by `outlet`.

    An `article_id` already in the dataset continues that article's claim
    numbering and reuses its row; without one, the id is the outlet's initials
    and the publication day (`dt-2024-10-23`). A dateline ("SEOUL, Oct 23
    (Reuters) -") is not read as a statement; its day, when it has one, is the
    day the article's weekdays count from (dates.dateline).

    `language` (ISO 639-1) is the article's language when known (a manifest);
    otherwise it is detected (drafting.language). Raises UnsupportedLanguage,
    naming the language, for an article the drafter cannot read, and ValueError
    when `article_id` is in the data with another publication day.
    """
    if language is None:
        language = require_supported(text).code
    elif not (given := Detected(language, language_name(language), 1.0)).supported:
        raise UnsupportedLanguage(given)
    article = _article_row(dataset, outlet, published, url, article_id) | {"language": language}
    text, reference_day = _without_dateline(text, published)
    headline = next((s.text for s in split_sentences(text) if s.headline), "")
    if headline and not article["title"]:
        article["title"] = headline
    reader = _Reader(dataset, outlet, article["article_id"], published, reference_day)
    reader.thousands_point = writes_thousands_with_points(language)
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


def _without_dateline(text: str, published: date) -> tuple[str, date]:
    """The text with its dateline cut out, and the day the dateline gives (the latest
    such day on or before publication), else the publication day."""
    line = dates.dateline(text)
    if line is None:
        return text, published
    start = text.rfind("\n", 0, line.body_start) + 1
    day = published
    if line.month is not None:
        day = dates.resolve_dateline(line, published)
    return text[:start] + text[line.body_start :], day


def _article_row(
    dataset: Dataset, outlet: str, published: date, url: str | None, article_id: str | None
) -> dict:
    articles = dataset.articles
    if article_id is None:
        words = re.findall(r"[A-Za-z0-9]+", outlet)
        stem = "".join(w[0] for w in words) if len(words) > 1 else "".join(words)
        article_id = f"{slug(stem) or 'article'}-{published.isoformat()}"
        taken = articles[articles["article_id"] == article_id]
        # A derived id names the data's article only when it is the same page (the same
        # address): an outlet publishes many articles a day, and claims of one must never
        # be merged into another. An explicit article_id continues that article.
        same_page = not taken.empty and bool(url) and str(taken.iloc[0]["url"]) == url
        if not taken.empty and not same_page:
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


# The occasions a statement is made at that a later sentence names again with "the"
# ("told the committee", "after the session"): a hearing, a debate, a briefing.
OCCASION_NOUN = re.compile(
    r"\b(?:committee|session|hearing|debate|briefing|meeting|summit|conference)\b",
    re.IGNORECASE,
)

# A sentence that opens by answering the one before it.
REPLY = re.compile(r"(?:Replying|Responding|In (?:reply|response))\b")

# Words that name the occasion a statement was made at ("in a statement", "at a
# news conference", "in an interview published on Thursday"): a date in their clause
# is the day of the statement, wherever the clause stands in the sentence.
OCCASION = re.compile(
    r"(?:in|at|during|on)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|briefing|press conference|news conference|address|speech|"
    r"post|remarks|hearing|session|call|broadcast|report)s?\b"
    # "Its tally, posted online on Sunday, lists ...": a clause saying when the count
    # was put out dates it, as "in a statement on Sunday" does
    r"|(?:posted|published|released|issued)\b",
    re.IGNORECASE,
)

# A paragraph opened by a weekday alone ("WEDNESDAY." in a weekly roundup): a heading
# that dates what the paragraph reports (gold convention, from h4_roundup's notes).
WEEKDAY_HEADING = re.compile(
    r"\s*(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*[.:]?\s*"
)

# The same heading run into its paragraph's first sentence: "TUESDAY: The agency said".
WEEKDAY_HEADING_OPENING = re.compile(
    r"(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\s*[:\u2013\u2014-]\s+"
)

# "On the same day X said": the day of the sentence before, which news copy does not
# repeat.
SAME_DAY = re.compile(r"\b(?:on\s+)?the\s+same\s+day\b", re.IGNORECASE)
# An occasion referred back to ("in the same April briefing", "at that session"): the
# statement was made where the speaker's earlier, dated one was (gold Conventions).
SAME_OCCASION = re.compile(
    r"\b(?:the\s+same|that)\s+(?:[A-Z][a-z]+\s+)?(?:briefing|session|hearing|meeting|"
    r"statement|interview|address|speech|conference|report|testimony)\b"
)
# "Police said at 3 p.m. that ...": an hour of the clock with no day of its own is a
# time on the day the story is telling, the one named just before (news copy gives the
# day once, in the lede, then only the hour: README-fifth-held-out.md, h5_rally)
CLOCK_TIME = re.compile(
    r"\b(?:at|by|around|shortly\s+(?:before|after))\s+(?:(?:about|around)\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midday|midnight)",
    re.IGNORECASE,
)

# An outlet's words announcing a document it reproduces whole ("reproduces below,
# unedited, the press release ... issued on Monday", "the statement in full", "Full
# text:"): every figure of the document is dated the day it was issued, even when it
# reports events of other days (gold convention, from h4_press_release's notes).
REPRODUCED = re.compile(
    r"\b(?:reproduc\w*|reprint\w*|publish\w*)\b[^.]*\bbelow\b|\bin\s+full\b|"
    r"\bfull\s+text\b|\bunedited\b",
    re.IGNORECASE,
)
ISSUED = re.compile(r"\b(?:issued|released|published|put\s+out|sent\s+out)\b", re.IGNORECASE)
# The line that closes a reproduced document: "- END -", "ENDS", "###".
DOCUMENT_END = re.compile(r"[\s\-\u2013\u2014]*(?:ENDS?|#{3})[\s\-\u2013\u2014]*")

# A wire lede: "<nationalities> officials said on Tuesday" in a story's first sentence or
# after a dateline ("WASHINGTON/SEOUL, Dec 17 (Agency) - ..."). Its day is the news's day:
# later statements of the bodies it names that give no day or span of their own were
# made that day (gold convention, from h4_flash's notes).
LEDE_OFFICIALS = re.compile(
    r"\b(?P<who>(?:[A-Z][\w.'\u2019-]*\s+(?:and\s+|,\s*)?){1,6})"
    r"(?:government\s+|military\s+|defen[cs]e\s+|intelligence\s+|security\s+)?"
    r"officials\s+(?:said|say|told)\b"
)
DATELINE_OPENING = re.compile(r"[A-Z][A-Z/.'\- ]+,[^()]{0,40}\([^()]{1,60}\)\s*[-\u2013\u2014]")

# "When we met on Friday, June 13th, ...", "He told us on Monday": the day of an
# interview dates what the person met says afterwards, unless a statement gives a
# day or span of its own (gold convention, from h4_defector's notes).
INTERVIEW = re.compile(
    r"\b(?:when\s+(?:we|I)\s+(?:met|spoke|talked|visited)|"
    r"(?:told|spoke\s+to|talked\s+to)\s+(?:us|me|this\s+(?:newspaper|reporter))|"
    r"in\s+an\s+interview)\b",
    re.IGNORECASE,
)

# "The X Institute on Wednesday published a 48-page assessment": a body the actors
# table does not know puts out a document on a day; what the article then credits to a
# speaker it does not know either ("the institute estimates", "the authors put") is
# that document's content, of that day (gold convention: bodies referred back to;
# h3_thinktank's notes date everything in the report to its publication).
PUBLISHED_DOCUMENT = re.compile(
    r"\b(?:published|issued|released|put\s+out)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:report|assessment|study|analysis|paper|survey|review|estimate)s?\b",
    re.IGNORECASE,
)

# What a statement is issued as ("in a joint statement", "A post ... says"): news copy
# often names it first and dates it in a later sentence that opens with it again ("The
# statement, issued on Saturday (April 26), ...", "The post first appeared on Sunday").
DOCUMENT_NOUN = (
    r"statement|post|release|report|communiqu\w+|letter|note|video|message|tweet|"
    r"declaration|bulletin"
)
NAMED_DOCUMENT = re.compile(rf"\b(?:{DOCUMENT_NOUN})s?\b", re.IGNORECASE)
DOCUMENT_AGAIN = re.compile(
    rf"\s*(?:The|This|That)\s+(?:[\w-]+\s+)?(?P<noun>{DOCUMENT_NOUN})\b", re.IGNORECASE
)

# "It gave those figures to lawmakers on April 30": a verb of giving a count, then the
# count of the sentence before referred back to.
GIVEN_BACK = re.compile(
    r"\b(?:gave|gives|given|put|released|published|presented|shared|provided|reported|"
    r"announced|disclosed|issued|made\s+public)\b[^.;:]{0,40}?\b(?:those|these|that|this|the)"
    r"\s+(?:figures?|numbers?|estimates?|counts?|tall(?:y|ies)|totals?)\b",
    re.IGNORECASE,
)

# The words that open a period a figure is about ("by the start of this week", "since
# October"), never the day a statement was made.
PERIOD_WORD = re.compile(r"(?:by|since|until|till|through|from)\b", re.IGNORECASE)

# A clause that attributes a statement to its speaker ("a senior official told
# reporters on Tuesday", "lawmaker Park said on Monday").
# "..., speaking to reporters on Saturday afternoon" attributes too.
ATTRIBUTING = re.compile(
    r"\b(?:said|says|told|tells|added|announced|confirmed|speaking|writing|according to)\b"
)


# A relative clause whose verb is one of telling ("which briefed lawmakers on ...",
# "who told reporters on ..."): it says when the speaker made the statement.
TELLING_RELATIVE = re.compile(
    r"\s*(?:which|who)\s+(?:had\s+|has\s+)?"
    r"(?:briefed|told|informed|said|announced|reported|testified|wrote)\b"
)


@dataclass(frozen=True)
class _Dating:
    """The dates of one claim: its wordings, whether a stated day was found, and what a
    reviewer must check about them."""

    stated: str
    period: str
    dated: bool
    flags: tuple[str, ...] = ()


class _Reader:
    """Turns the sentences of one article into candidate claim rows."""

    def __init__(
        self,
        dataset: Dataset,
        outlet: str,
        article_id: str,
        published: date,
        reference_day: date | None = None,
    ):
        self.dataset = dataset
        self.published = published
        self.article_id = article_id
        self.actors = Actors(dataset.actors, outlet, dataset.nationalities, dataset.alignments)
        self.who = Attributor(self.actors)
        self.memory = self.who.memory
        self.measures = set(dataset.measures["measure"])
        self.units = dict(zip(dataset.measures["measure"], dataset.measures["unit"], strict=True))
        self.measure_labels = dict(
            zip(dataset.measures["measure"], dataset.measures["label"], strict=True)
        )
        self.claim_types = set(dataset.claim_types["claim_type"])
        self.type_labels = dict(
            zip(dataset.claim_types["claim_type"], dataset.claim_types["label"], strict=True)
        )
        self.fallback_measure = fallback_measure(dataset)
        # (paragraph, sentence, measure) of the first cued figure of the latest sentence
        # with one: an uncued figure later in its paragraph ("Zelensky put the figure at
        # 5,000", "By November it put the total at 11,000") goes on counting what the
        # paragraph counted, a better guess than the data's commonest measure
        self._cued_measure: tuple[int, int, str] | None = None
        # the region the article named last ("the Kursk region"): what "the region" means
        self._region = ""
        # (paragraph, measure) of the last question that names what it counts ("How many
        # soldiers has Pyongyang sent?"): the next paragraph answers it
        self._asked: tuple[int, str] | None = None
        self.measure_cues = MeasureCues.from_dataset(dataset)
        self.cues = self.measure_cues.pattern
        self.type_cues = TypeCues.from_dataset(dataset)
        self.next_number = _next_number(dataset, article_id)
        self.claims: list[dict] = []
        # (paragraph, text) of the sentence read before the one being read, and of that one
        self._before: tuple[int, str] | None = None
        self._reading: tuple[int, str] | None = None
        # occasion noun ("session", "debate") -> (sentence, wording) of the one day a
        # sentence gave it: "told the committee" later speaks at that occasion
        self._occasions: dict[str, tuple[int, str]] = {}
        # (sentence, wording) of the last sentence that gave one day
        self._last_day: tuple[int, str] | None = None
        # (paragraph, attribution) of the last transcript speaker label
        self._labelled: tuple[int, Attribution | None] = (-1, None)
        # whether the article's language writes thousands with points ("12.000")
        self.thousands_point = False
        # a dateline's day, which the article's weekdays count from
        self.reference_day = reference_day or published
        # the last day stated before a transcript's first speaker label (its header,
        # "Transcript, Tuesday, Nov. 26, 2024", or an interview's introduction), and,
        # once a label is read, the day of every answer of the transcript: all are
        # given at the briefing
        self._header_day: str | None = None
        self.transcript_day: str | None = None
        # (paragraph, wording) of a weekday heading ("WEDNESDAY."): dates its paragraph
        self._heading: tuple[int, str] | None = None
        # the issue day of a document announced as reproduced whole (its paragraphs
        # start after the announcing one), and whether its text is being read
        self._document: tuple[int, str] | None = None
        self._in_document = False
        self._document_quoted = False
        # (paragraph, text) of the sentence read before this one
        self._previous: tuple[int, str] = (-1, "")
        # the body that issued it: the claimant of its statements that name no speaker
        self._issuer: str | None = None
        # (countries, wording) of a wire lede's "<nationality> officials said on <day>"
        # (countries, bodies, wording) of a wire lede's "<nationality> officials said
        # on <day>" or "<body> said on <day>"
        self._lede: tuple[frozenset[str], frozenset[str], str] | None = None
        self._body_read = False
        # (sentence, wording) of an interview's day, until the person met speaks
        self._interview: tuple[int, str] | None = None
        # document noun -> rows drafted with no day from a sentence naming it ("in a
        # joint statement"): a later "The statement, issued on Saturday" dates them
        self._undated: dict[str, list[dict]] = {}
        self._paragraph = 0
        # (sentence, state, wording) of a capital given a day by a sentence that quotes
        # nobody ("Seoul pushed back on Monday."): see _state_occasion
        self._state_day: tuple[int, str, str] | None = None
        # the day an unknown body published a document (see PUBLISHED_DOCUMENT)
        self._publication: str | None = None

    # one sentence ---------------------------------------------------------

    def read(self, index: int, sentence: Sentence) -> None:
        if sentence.headline:
            return  # a title summarises the article; it states nothing of its own
        text = sentence.text
        self._paragraph = sentence.paragraph
        self._before, self._reading = self._reading, (sentence.paragraph, text)
        if text.rstrip().endswith("?") and (asked := asked_measure(text, self.measure_cues)):
            self._asked = (sentence.paragraph, asked)
        if self.who.asks(text):
            # a reporter's question in a transcript asks; the answer states. Only a
            # figure it passes on from a source it names is a claim: that source's
            self._question(index, sentence)
            return
        if self.transcript_day is None and not (
            SPEAKER_LABEL.match(text) or TITLE_LABEL.match(text)
        ):
            # the day named last before the first label: an interview's introduction
            # ("spoke to us on Monday") comes after its masthead's publication date
            stated = [p for p in dates.find_phrases(text, self.reference_day) if p.role == "stated"]
            self._header_day = self._stated_wording(stated[0]) if stated else self._header_day
        if self._read_context(index, sentence):
            return  # a heading or a document's end line states nothing
        mentions = self.actors.mentions(text)
        figures = parse_figures(
            text,
            self.cues,
            thousands_point=self.thousands_point,
            asked=self._answers(sentence),
            # a topic without a measure of ratios drafts no "twice as many"
            multiples=bool(self.measure_cues.multiple),
        )
        drafted = len(self.claims)
        # one attribution per statement, each covering its stretch of the sentence
        attributions = self.who.attribute_all(text, mentions)
        if self._interview is not None and self._interview[0] == index and attributions:
            # "X said in an interview on Monday": the speaker is named and dated here;
            # the interview's day is theirs, carried as any speaker's, not the next one's
            self._interview = None
        if self._document is not None and self._document[0] == sentence.paragraph:
            self._issuer = self.who.issuer(text, mentions) or self._issuer
        self.who.remember(mentions)
        self._remember_occasion(index, text, mentions, attributions)
        self._remember_occasion_nouns(index, text)
        labelled = self.who.label(text) and attributions
        if labelled:
            # a transcript's "MS. SINGH:" speaks for the rest of her paragraph
            # (the labelled speaker, also when the line opens by passing on another's
            # statement: the rest of the answer is theirs)
            self._labelled = (sentence.paragraph, self.who.label_own or attributions[0])
            if self.transcript_day is None:
                self.transcript_day = self._header_day or ""
        if figures:
            for number, figure in enumerate(figures):
                attribution = next(
                    (a for a in attributions if a.span[0] <= figure.start < a.span[1]), None
                )
                if attribution is not None and _narrated_aside(text, attribution, figure.start):
                    outlet, known = self.actors.outlet_actor()
                    attribution = Attribution(outlet, None, False, known, None)
                if attribution is None and self._labelled[0] == sentence.paragraph:
                    attribution = self._labelled[1]
                if attribution is None and self._in_document and self._issuer:
                    # a reproduced document speaks for its issuer throughout ("2. Of these,
                    # an estimated 9 000 are ...": the release's own paragraph)
                    attribution = Attribution(self._issuer, None, True, True, None)
                if attribution is None:
                    outlet, known = self.actors.outlet_actor()
                    attribution = Attribution(outlet, None, False, known, None)
                window = (
                    figures[number - 1].end if number else 0,
                    figures[number + 1].start if number + 1 < len(figures) else len(text),
                )
                self._figure_claim(index, sentence, figure, window, attribution)
        else:
            if attributions:
                self._credit_figure_before(text, attributions[0])
            self._date_figures_before(index, text, mentions)
            for attribution in attributions:
                for claimant in [attribution.claimant, *attribution.also]:
                    self._statement_claim(index, sentence, attribution, claimant)
        named = list(re.finditer(NAMED_REGION, text))
        if named:
            self._region = fold(named[-1].group(0))
        undated = [row for row in self.claims[drafted:] if not row.get("stated_wording")]
        for noun in {fold(m.group(0)).rstrip("s") for m in NAMED_DOCUMENT.finditer(text)}:
            if undated:
                self._undated[noun] = undated

    def _question(self, index: int, sentence: Sentence) -> None:
        """The claims of a reporter's question: each figure it passes on from a source
        it names ("Q: The agency has been saying 11,000 were sent. Is that too high?")
        is that source's, dated as the question dates it; a figure it offers with no
        source is none (tests/gold/README.md, Conventions: a reporter's question)."""
        text = sentence.text
        figures = parse_figures(text, self.cues, thousands_point=self.thousands_point)
        if not figures:
            return
        sources = self.who.question_sources(text, self.actors.mentions(text))
        for number, figure in enumerate(figures):
            attribution = next((a for a in sources if a.span[0] <= figure.start < a.span[1]), None)
            if attribution is None:
                continue
            window = (
                figures[number - 1].end if number else 0,
                figures[number + 1].start if number + 1 < len(figures) else len(text),
            )
            self._figure_claim(index, sentence, figure, window, attribution)

    def _one_day(self, text: str) -> str | None:
        """The wording of the one day a sentence states outside quotes and outside a
        relative clause ("a lawmaker who toured the front last week"), else None."""
        stated = self._stated_outside(text)
        return self._stated_wording(stated[0]) if len(stated) == 1 else None

    def _stated_outside(self, text: str) -> list:
        """The stated days of a sentence outside quotes and outside a relative clause
        about someone ("a lawmaker who visited last week"): dates.find_phrases rows."""
        quoted = quote_spans(text)
        return [
            p
            for p in dates.find_phrases(text, self.reference_day)
            if p.role == "stated"
            and not any(a <= p.start < b for a, b in quoted)
            and not _in_relative_clause(text, p.start, len(text))
        ]

    def _read_context(self, index: int, sentence: Sentence) -> bool:
        """Remember what dates the sentences after this one: a weekday heading, a
        reproduced document's issue day, a wire lede's day, an interview's day; and date
        the undated rows of a document this sentence names again with its day. True for
        a line that states nothing itself (a heading, a document's end line)."""
        text = sentence.text
        previous, self._previous = self._previous, (sentence.paragraph, text)
        heading = WEEKDAY_HEADING.fullmatch(text) or WEEKDAY_HEADING_OPENING.match(text)
        if heading:
            name = heading.group(0).strip(" .:\t\u2013\u2014-").capitalize()
            phrases = dates.find_phrases(name, self.reference_day)
            if phrases and phrases[0].role == "stated":
                self._heading = (sentence.paragraph, self._stated_wording(phrases[0]))
                if heading.end() == len(text):
                    return True
        if self._document is not None:
            if DOCUMENT_END.fullmatch(text):
                self._document, self._in_document = None, False
                return True
            opening = sentence.paragraph > self._document[0] and not self._in_document
            if opening:
                # a document given inside quotation marks ends where they close
                self._document_quoted = text.lstrip()[:1] in '"\u201c'
            closed = (
                self._document_quoted
                and not opening
                and sentence.paragraph != previous[0]
                and previous[1].rstrip()[-1:] in '"\u201d'
            )
            if closed or (sentence.paragraph > self._document[0] and self._outside_document(text)):
                # no end line: the outlet's own follow-up ("Asked about the release,
                # the agency told the Ledger on Tuesday") closes the document
                self._document, self._in_document = None, False
            else:
                self._in_document = sentence.paragraph > self._document[0]
        day = self._one_day(text)
        if (again := DOCUMENT_AGAIN.match(text)) and day:
            # "The statement, issued on Saturday (April 26), ...": the day of the
            # statement an earlier sentence named without one
            for row in self._undated.pop(fold(again["noun"]).rstrip("s"), []):
                if not row.get("stated_wording"):
                    row["stated_wording"] = day
                    row["stated_day"] = stated_day(day, self.published)
                    note = f"day from a later sentence naming the {again['noun'].lower()}"
                    row["review"] = "; ".join(filter(None, [row.get("review"), note]))
        if day and not self._in_document and REPRODUCED.search(text) and ISSUED.search(text):
            self._document = (sentence.paragraph, day)
        dateline = DATELINE_OPENING.match(text)
        lede = not self._body_read or dateline
        if len(text.split()) >= 8:
            self._body_read = True
        if dateline:
            # (the dateline's own day is the story's, not a statement's)
            day = self._one_day(text[dateline.end() :])
        if lede and day and (verb := ATTRIBUTING.search(text)):
            officials = LEDE_OFFICIALS.search(text)
            countries = {
                country
                for word, country in self.actors.countries.items()
                if officials
                and re.search(rf"(?<![\w.]){re.escape(word)}(?!\w)", fold(officials["who"]))
            }
            # (the subject of the verb, "..., the Pentagon said on Wednesday", not a
            # body the news is about)
            bodies = {
                m.actor_id
                for m in self.actors.mentions(text)
                if m.kind == "strong"
                and m.end <= verb.start()
                and re.fullmatch(r"[\s\w-]{0,25}", text[m.end : verb.start()])
            }
            if countries or bodies:
                self._lede = (frozenset(countries), frozenset(bodies - {None}), day)
        if day and INTERVIEW.search(text):
            self._interview = (index, day)
        publication = PUBLISHED_DOCUMENT.search(text)
        if day and publication:
            known = [
                m
                for m in self.actors.mentions(text)
                if m.kind == "strong" and m.start < publication.start()
            ]
            self._publication = None if known else day
        return False

    def _outside_document(self, text: str) -> bool:
        """Whether a sentence after a reproduced document's start speaks of it from
        outside: it names the outlet, or the document as "the release" (a document
        calls itself "this statement")."""
        outlet = re.escape(self.actors.outlet)
        return bool(
            re.search(rf"\b{outlet}\b", text, re.IGNORECASE)
            or re.search(
                r"\bthe\s+(?:press\s+)?(?:release|statement|document)\b", text, re.IGNORECASE
            )
        )

    def _context_day(
        self, index: int, text: str, attribution: Attribution, inferred: bool = False
    ) -> tuple[str, str] | None:
        """The day the article's frame gives a statement with no day or span of its own:
        its paragraph's weekday heading, the sentence before for "on the same day", the
        interview for the first person who speaks after it (then carried as theirs), a
        wire lede for the bodies of the countries it names: (wording, a note for the
        reviewer when the day is inferred from the frame, else ""). The days the frame
        states outright (a heading, "the same day") come first; `inferred` asks for the
        others (interview, published document, lede), which yield to the speaker's own
        earlier day. None when the frame gives none."""
        same = SAME_DAY.search(text)
        if (
            same
            and attribution.verb is not None
            # (opening the sentence, "On the same day the agency said", or right after
            # the verb, "said the same day"; not "was asked the same day about an
            # estimate that ...", which dates the asking)
            and (
                same.start() == 0
                or (
                    same.start() >= attribution.verb[1]
                    and not text[attribution.verb[1] : same.start()].strip()
                )
            )
            and self._last_day
            and index - self._last_day[0] <= 2
        ):
            return self._last_day[1], ""
        if self._heading is not None and self._heading[0] == self._paragraph:
            return self._heading[1], ""
        if not inferred:
            return None
        if self._interview is not None and attribution.matched and not attribution.relay:
            wording = self._interview[1]
            self._interview = None
            return wording, f"day of the interview ({wording}): check the speaker is the one met"
        if (
            self._publication is not None
            and attribution.relay is None
            and attribution.claimant not in self.actors.rows
            and attribution.claimant != self.actors.outlet_actor()[0]
        ):
            return self._publication, (
                f"day the document was published ({self._publication}): check it is its content"
            )
        if self._lede is not None and attribution.matched:
            countries, bodies, day = self._lede
            claimant = attribution.claimant
            # (the unnamed officials of a country the lede names are the ones it quotes,
            # "a senior US official" among them; "an NIS official" after "the NIS said
            # on Monday" is a new speaker, at an occasion of their own)
            if self.actors.rows.get(claimant, {}).get("country", "") in countries or (
                not attribution.indefinite
                and any(
                    claimant == body or self.actors.speaks_for(claimant, body) for body in bodies
                )
            ):
                return day, f"day of the story's lede ({day}): check it is the same news"
        return None

    def _answers(self, sentence: Sentence) -> bool:
        """Whether a sentence is in the paragraph after a question naming a count."""
        return self._asked is not None and sentence.paragraph == self._asked[0] + 1

    def _remember_occasion_nouns(self, index: int, text: str) -> None:
        """ "The agency told a closed-door session of the committee on Tuesday": the
        occasions a sentence names with its one day (outside quotes) are remembered,
        so that a later "told the committee" or "after the session" with no day of its
        own is dated to them. Two days in the sentence: which occasion had which is
        not known, so nothing is remembered."""
        stated = self._stated_outside(text)
        if len(stated) != 1:
            return
        self._last_day = (index, self._stated_wording(stated[0]))
        for noun in OCCASION_NOUN.finditer(text):
            self._occasions[fold(noun.group(0))] = (index, self._stated_wording(stated[0]))

    def _occasion_named(self, index: int, text: str, attribution) -> tuple[int, str] | None:
        """(sentence, wording) of a remembered occasion the statement's verb names
        ("told the committee", "said after the session"), or of the sentence before
        when this one opens as a reply to it ("Replying, ..."); else None."""
        if REPLY.match(text) and self._last_day is not None and self._last_day[0] == index - 1:
            # "Replying, the minister said ...": a reply at the occasion the sentence
            # before dated ("X raised the matter in the Commons on Monday.")
            return self._last_day
        if attribution.verb is None or not self._occasions:
            return None
        start, end = attribution.verb
        for noun in OCCASION_NOUN.finditer(text, end, min(len(text), end + 40)):
            if re.search(r"\bthe\s+(?:[\w-]+\s+){0,2}$", text[end : noun.start()], re.I):
                found = self._occasions.get(fold(noun.group(0)))
                if found is not None and found[0] < index:
                    return found
        return None

    def _state_occasion(self, index: int, attribution: Attribution) -> tuple[int, str] | None:
        """(sentence, wording) of the day the sentence just before gave a state named by
        its capital ("Seoul pushed back on Monday."), when the statement is that state's
        or one of its bodies' (actors.csv `part_of`): the next sentence tells the news
        the first one dated. None otherwise, and for a person, who speaks at an occasion
        of their own."""
        if self._state_day is None or index - self._state_day[0] != 1:
            return None
        _, state, wording = self._state_day
        claimant = attribution.claimant
        if self.actors.is_person(claimant):
            return None
        if claimant != state and self.actors.rows.get(claimant, {}).get("part_of") != state:
            return None
        return index - 1, wording

    def _remember_occasion(self, index: int, text: str, mentions, attributions) -> None:
        """ "Zelenskiy gave his tally in his address on Monday night.": a sentence that
        names actors and one day but quotes nothing sets the occasion of what those
        actors say next ("..., he said"); so does "Lawmakers who sat through a briefing
        by the agency on Wednesday came out with a new number" for both the lawmakers
        and the agency (one day, one occasion, all who took part in it). A transcript's
        speaker label quotes the whole sentence, so what it narrates counts too
        ("CORRESPONDENT: The agency put out its figure Monday night.")."""
        if attributions and not self.who.label(text):
            return
        named = {m.actor_id for m in mentions if m.kind == "strong"}
        stated = [p for p in dates.find_phrases(text, self.reference_day) if p.role == "stated"]
        if len(stated) != 1:
            return  # two days: which actor spoke on which is not known
        for actor_id in named:
            self.memory.dated[(actor_id, None)] = (index, self._stated_wording(stated[0]))
        # "Seoul pushed back on Monday.": a capital standing for its state, given a day
        # by a sentence that quotes nobody, dates the news the next sentence gives from
        # a body of that state ("South Korea's spy agency told a closed meeting ...")
        states = {m.actor_id for m in mentions if m.kind == "weak" and m.actor_id}
        if len(states) == 1:
            self._state_day = (index, states.pop(), self._stated_wording(stated[0]))

    def _dates(self, index: int, text: str, attribution: Attribution, position: int | None):
        """The dates of a claim at `position` (None: the whole sentence), from the date
        phrases dates.find_phrases reads (see its conventions). A phrase it cannot read
        is flagged and lowers the confidence, never dropped silently."""
        clauses = clause_spans(text)
        allowed = []
        if position is not None:
            # the clauses of the figure and of its verb, and whatever leads up to them;
            # a date in a later clause ("..., urging allies on Tuesday") dates something else
            allowed.append(clause_of(clauses, position))
            if attribution.verb is not None:
                allowed.append(clause_of(clauses, attribution.verb[0]))
            allowed.append((0, min(span[0] for span in allowed)))
            # "..., in a statement on Saturday evening": a later clause naming the
            # occasion of the statement dates the statement itself
            allowed += [span for span in clauses if OCCASION.match(text, span[0])]
            # "..., a senior official told reporters on Tuesday": a closing clause that
            # attributes the statement dates it too
            allowed += [
                span
                for span in clauses
                if span[0] > position and ATTRIBUTING.search(text, span[0], span[1])
            ]
            # "According to the agency, which briefed lawmakers on Feb. 27, ...": a
            # relative clause saying when the speaker told what the figure comes from
            # dates the statement (gold convention on relative clauses)
            allowed += [
                span
                for span in clauses
                if span[0] < position and TELLING_RELATIVE.match(text, span[0], span[1])
            ]
        # the clause of the attributing verb, up to the verb: a date there says when the
        # statement was made ("By April it was telling lawmakers ...")
        verb_clause = None
        if attribution.verb is not None:
            verb_clause = (clause_of(clauses, attribution.verb[0])[0], attribution.verb[0])
        quoted = quote_spans(text)
        stated, period, flags, unread, in_quote = None, None, [], False, None
        first_stated = None
        for phrase in dates.find_phrases(text, self.reference_day):
            if allowed and not any(a <= phrase.start <= b for a, b in allowed):
                continue
            if (
                self.transcript_day
                and self._own_answer(attribution)
                and re.fullmatch(
                    r"today|tonight|this (?:morning|afternoon|evening)", fold(phrase.wording)
                )
            ):
                # "closer to 6,000 today" in an answer: the speaker's own words count
                # from the day they spoke, the transcript's
                continue
            if attribution.verb is not None and _in_relative_clause(
                text, phrase.start, attribution.verb[0]
            ):
                # "Yoo, a lawmaker who visited Ukraine last week, told the committee":
                # the day belongs to the relative clause's verb, not to the statement
                continue
            own = (
                verb_clause is None or verb_clause[0] <= phrase.start < verb_clause[1]
            ) and not any(a <= phrase.start < b for a, b in quoted)
            if phrase.role == "unknown":
                # (a span the grammar cannot read, "by the start of this week", "since
                # October", says what the figure is about, not when it was said)
                unread = (
                    unread
                    or not (
                        PERIOD_WORD.match(phrase.wording)
                        or re.search(rf"\b{PERIOD_WORD.pattern}\s+$", text[: phrase.start], re.I)
                        # "since the troops entered the fighting last autumn": a span
                        # inside a clause of time says what the figure covers
                        or (
                            attribution.verb is not None
                            and phrase.start > attribution.verb[1]
                            and re.search(
                                r"\b(?:since|until|till)\s[^,;:.\"“”]*$", text[: phrase.start], re.I
                            )
                        )
                        # "3,000 who arrived early this year to replace men lost over
                        # the winter": a phrase after the figure in its own clause, with
                        # no verb of saying between, tells what happened to those counted
                        or self._about_the_figure(text, phrase.start, position, attribution)
                    )
                )
                flags.append(f"date phrase {phrase.wording!r} not understood ({phrase.note})")
            elif phrase.role == "stated" and any(a <= phrase.start < b for a, b in quoted):
                # "today" in a speaker's own words counts from the day they spoke, which
                # the outlet's words beside it give ("..., said X, on Saturday afternoon")
                in_quote = in_quote or self._stated_wording(phrase)
            elif phrase.role == "stated" and stated is None:
                stated = self._stated_wording(phrase)
                first_stated = phrase
            elif (
                phrase.role == "stated"
                and attribution.verb is not None
                # (or after its listener: "..., the agency told lawmakers Tuesday")
                and re.fullmatch(
                    r"\s*(?:(?:the\s+)?[A-Za-z-]+\s+){0,2}",
                    text[attribution.verb[1] : phrase.start],
                )
                and first_stated.start < attribution.verb[0]
            ):
                # "30 were killed last weekend, the forces said on Monday": the day
                # written by the verb of saying is the statement's day; the earlier one
                # is when what is counted happened, the period of the count
                period = period or first_stated.wording
                stated = self._stated_wording(phrase)
            elif phrase.role == "period" and period is None:
                period = phrase.wording
                unread = unread or (verb_clause is not None and own)
            if phrase.role in ("period", "unknown") and self._dates_the_verb(
                text, phrase, attribution, verb_clause, clauses, position
            ):
                # "The agency said in February that ...", "By early November it put
                # the total at", "At the march in March, police estimated": a span
                # that dates the statement itself says it was made at an occasion of
                # its own, so an earlier day is not carried to it (gold convention:
                # a statement dated by a span has no single day)
                unread = True
        stated = stated or in_quote
        speaker = (attribution.claimant, attribution.relay)
        if self._in_document:
            # a document reproduced whole speaks on the day it was issued, whatever
            # days of events it reports ("captured on 9 January")
            return _Dating(self._document[1], period or "", True, ())
        if not stated and not unread and (framed := self._context_day(index, text, attribution)):
            stated = framed[0]
        if stated:
            self.memory.dated[speaker] = (index, stated)
        elif self.transcript_day and self._own_answer(attribution):
            # a transcript records one briefing: every answer is given on its day
            stated = self.transcript_day
        elif attribution.matched and not unread and not attribution.indefinite:
            # (a sentence with a day of its own that the grammar cannot read, or a period
            # before its verb, is not the earlier occasion: "the agency reported at the
            # end of October", "By April it was telling lawmakers")
            # the same claimant through the same relay, with no day of its own: the same
            # occasion; a reviewer checks it when the day was given more than two
            # sentences before
            carried = (
                self._occasion_of(index, speaker)
                or self._occasion_named(index, text, attribution)
                or self._state_occasion(index, attribution)
            )
            if carried is not None:
                earlier, wording = carried
                stated = wording
                self.memory.dated.setdefault(speaker, carried)
                if index - earlier > 2 and not SAME_OCCASION.search(text):
                    # ("in the same April briefing", "at that session": the article
                    # says itself that it is the occasion dated before)
                    flags.append(
                        f"day carried from {index - earlier} sentences earlier ({wording})"
                    )
        if (
            not stated
            and not unread
            and self._last_day is not None
            and 0 < index - self._last_day[0] <= 2
            and (clock := CLOCK_TIME.search(text))
            and not any(a <= clock.start() < b for a, b in quoted)
            and (verb_clause is None or clock.start() < attribution.verb[1] + 20)
        ):
            stated = self._last_day[1]
            flags.append(f"day of the hour ({clock.group(0)}) taken from the sentence before")
            self.memory.dated[speaker] = (index, stated)
        if (
            not stated
            and not unread
            and (framed := self._context_day(index, text, attribution, inferred=True))
        ):
            # (after the speaker's own earlier day: the frame is the weaker guess)
            stated = framed[0]
            flags.append(framed[1])
            self.memory.dated[speaker] = (index, stated)
        if self._interview is not None and self._interview[0] < index and attribution.matched:
            # the interview's day is for the first speaker after it, the person met, and
            # is spent once they speak (with a day of their own or not)
            self._interview = None
        return _Dating(stated or "", period or "", bool(stated) and not flags, tuple(flags))

    @staticmethod
    def _dates_the_verb(text, phrase, attribution, verb_clause, clauses, position) -> bool:
        """Whether a date phrase says when the statement was made rather than what its
        figure counts: it stands in the verb's clause before the verb ("By April it was
        telling"), right after the verb and its listener ("said in February", "told
        lawmakers in March"), or in a clause of its own before the verb that holds no
        figure, when the verb's clause goes on to the figure ("At the first march, in
        March, police estimated 8,000 ..."); a phrase in the
        figure's own clause ("30 were killed last weekend, the forces said") dates what
        is counted."""
        if attribution.verb is None:
            return False
        if any(a <= phrase.start < b for a, b in quote_spans(text)):
            # ('"About 15,000 have gone since last autumn," he said': a span in the
            # speaker's own words says what the figure covers, not when it was said)
            return False
        start, end = attribution.verb
        if verb_clause is not None and verb_clause[0] <= phrase.start < verb_clause[1]:
            return True
        if phrase.start >= end and re.fullmatch(
            r"\s+(?:(?:the\s+)?[\w-]+\s+){0,2}", text[end : phrase.start]
        ):
            return not re.search(r"\d", text[end : phrase.start])
        if position is None or phrase.start >= start:
            return False
        # (not "In the past month alone, it said, units had lost 900": there the
        # verb stands in a clause of its own, and the span leads into the figure)
        figure_clause = clause_of(clauses, position)
        saying = clause_of(clauses, start)
        # ("..., when the agency estimated 4,700 casualties, including 600 dead": a
        # figure in a clause that details the verb's own figure was given with it)
        details = (
            figure_clause[0] >= saying[1]
            and re.search(r"\d", text[end : saying[1]]) is not None
            and re.match(
                r"\s*(?:including|of\s+(?:them|whom|which)|among\s+them)\b",
                text[figure_clause[0] : position],
                re.I,
            )
            is not None
        )
        return (saying == figure_clause or details) and clause_of(clauses, phrase.start) not in (
            figure_clause,
            saying,
        )

    @staticmethod
    def _about_the_figure(text: str, start: int, position: int | None, attribution) -> bool:
        """Whether a date phrase at `start` stands after the figure at `position` in a
        relative clause of the figure's own clause, with no verb of saying of the
        statement between them: it tells when what is counted happened, not when it
        was said."""
        if position is None or start <= position:
            return False
        if attribution.verb is not None and position < attribution.verb[0] < start:
            return False
        clause = clause_of(clause_spans(text), position)
        # (in a relative clause about those counted, "3,000 who arrived ... over the
        # winter"; not "up from its count of 10,000 at the start of the month", which
        # dates another count, an occasion of its own)
        return clause[0] <= start < clause[1] and (
            re.search(r"\b(?:who|whom|which|that)\b[^,;:\"“”]*$", text[position:start]) is not None
        )

    def _own_answer(self, attribution: Attribution) -> bool:
        """Whether a statement in a transcript is the labelled speaker's own (or their
        body's): what they pass on from someone else ("The agency briefed our
        committee in June: 2,000 killed, they said") was said at its own occasion."""
        label = self._labelled[1]
        if label is None or attribution.claimant == label.claimant:
            return True
        return self.actors.speaks_for(label.claimant, attribution.claimant)

    def _occasion_of(self, index: int, speaker: tuple) -> tuple[int, str] | None:
        """(sentence, wording) of the earlier occasion a statement with no day of its own
        was made at: the same claimant through the same relay; else, within the two
        sentences before, the claimant speaking for itself ("The agency, briefing the
        committee this morning, estimates ...", then "lawmaker Lee told reporters,
        citing the agency"), or the body a spokesperson speaks for ("..., the Pentagon
        said on Wednesday", then "Pentagon press secretary Pat Ryder told reporters").
        None when there is none."""
        dated = self.memory.dated
        if speaker in dated:
            return dated[speaker]
        claimant, relay = speaker
        recent = {key: value for key, value in dated.items() if index - value[0] <= 2}
        if relay is not None and (claimant, None) in recent:
            return recent[(claimant, None)]
        if relay is None:
            bodies = [
                value
                for (body, via), value in recent.items()
                if via is None and self.actors.speaks_for(claimant, body)
            ]
            if bodies:
                return max(bodies)
            # "The spy agency told lawmakers yesterday that ... The agency also put
            # deaths at ...": the body that spoke through a listener in the sentence
            # just before goes on at the same occasion
            told = [
                value
                for (body, via), value in dated.items()
                if body == claimant and via is not None and index - value[0] == 1
            ]
            if told:
                return max(told)
        return None

    def _stated_wording(self, phrase: dates.DatePhrase) -> str:
        """The wording as written; after a dateline, weekdays count from the dateline's
        day, so the resolved day is stored, with the wording in brackets."""
        if self.reference_day == self.published or phrase.span is None:
            return phrase.wording
        if phrase.span.precision == "day":
            return f"{phrase.span.end.isoformat()} ({phrase.wording})"
        first, last = phrase.span.start.isoformat(), phrase.span.end.isoformat()
        return f"{first} ({phrase.wording}, {first}..{last} from the dateline)"

    def _figure_claim(self, index, sentence, figure: Figure, window, attribution) -> None:
        if figure.kind == "vague":
            self._vague_claim(index, sentence, figure, attribution)
            return
        text = sentence.text
        guess = guess_measure(text, figure, window, self.measure_cues, self._region)
        carried = self._cued_measure
        if guess.measure and guess.cued and (carried is None or carried[1] != index):
            self._cued_measure = (sentence.paragraph, index, guess.measure)
        if carried and carried[0] != sentence.paragraph:
            carried = None
        asked = self._asked[1] if self._answers(sentence) else None
        measure = guess.measure or (carried[2] if carried else asked or self.fallback_measure)
        cued = guess.cued
        dating = self._dates(index, text, attribution, figure.start)
        clauses = clause_spans(text)
        clause = clause_of(clauses, figure.start)
        stance_text = text[clause[0] : clause[1]]
        if attribution.verb is not None:
            verb_clause = clause_of(clauses, attribution.verb[0])
            stance_text += " " + text[verb_clause[0] : verb_clause[1]]
        stance = guess_stance(text)
        if stance == "conditional" or (
            stance == "asserts" and guess_stance(stance_text) != "asserts"
        ):
            stance = guess_stance(stance_text)
        evidence = figure_evidence(text, figure, guess.cue, clause)
        quoted = any(a <= figure.start and figure.end <= b for a, b in quote_spans(text))
        # a hedge before a bare number ("reportedly 3,000") leaves its field in doubt
        qualifier_known = figure.kind != "bare" or not ladder.hedge_before(text[: figure.start])
        checks = (attribution.matched and attribution.known, cued, dating.dated, qualifier_known)
        name = short_name(self.actors.row(attribution.claimant)["name"])
        label = _lower_first(self.measure_labels.get(measure, measure))

        def verb(singular: str, plural: str) -> str:
            return plural_verb(name, singular, plural)

        summary = {
            "denies": f"{name} {verb('disputes', 'dispute')} a figure of {as_written(figure)} "
            f"for {label}.",
            "conditional": f"{name} {verb('puts', 'put')} {puts_at(label, figure)}, "
            "on a condition.",
        }.get(stance, f"{name} {verb('puts', 'put')} {puts_at(label, figure)}.")
        if figure.kind == "multiple":
            summary = (
                f"{name} {verb('gives', 'give')} a figure {figure.qualifier} an earlier estimate."
            )
        self._add(
            attribution,
            attribution.claimant,
            sentence,
            checks,
            claim_type=type_of_measure(self.dataset, measure),
            stance=stance,
            summary=summary,
            stated_wording=dating.stated,
            period_wording=dating.period,
            measure=measure,
            low=figure.low,
            best=figure.best,
            high=figure.high,
            qualifier=figure.qualifier,
            unit=self.units.get(measure, ""),
            direct_quote="yes" if quoted else "no",
            evidence=evidence,
            flags=[*figure.flags, *dating.flags],
        )

    def _vague_claim(self, index, sentence, figure: Figure, attribution) -> None:
        """An amount without a number ("several thousand") is recorded as a statement,
        never as a figure, and marked for review with a low confidence."""
        text = sentence.text
        dating = self._dates(index, text, attribution, figure.start)
        name = short_name(self.actors.row(attribution.claimant)["name"])
        words = text[figure.start : figure.end]
        self._add(
            attribution,
            attribution.claimant,
            sentence,
            (False, attribution.matched and attribution.known),
            claim_type=guess_claim_type(text, self.type_cues),
            stance=guess_stance(text),
            summary=f"{name} {plural_verb(name, 'gives', 'give')} no number, only {words!r}.",
            stated_wording=dating.stated,
            period_wording=dating.period,
            direct_quote="no",
            evidence=figure_evidence(
                text, figure, None, clause_of(clause_spans(text), figure.start)
            ),
            flags=[
                *(figure.flags or [f"vague amount {words!r}: no figure recorded"]),
                *dating.flags,
            ],
        )

    def _statement_claim(self, index, sentence, attribution, claimant) -> None:
        text = sentence.text
        dating = self._dates(index, text, attribution, None)
        stance = guess_stance(text)
        claim_type = guess_claim_type(text, self.type_cues)
        evidence, quoted = statement_evidence(text, attribution.verb, attribution.span)
        name = short_name(self.actors.row(claimant)["name"])
        label = _lower_first(self.type_labels.get(claim_type, claim_type))

        def verb(singular: str, plural: str) -> str:
            return plural_verb(name, singular, plural)

        summary = {
            "denies": f"{name} {verb('denies', 'deny')} a claim about {label}.",
            "conditional": f"{name} {verb('makes', 'make')} a conditional statement about {label}.",
            "no_comment": f"{name} {verb('does', 'do')} not comment on {label}.",
            "cannot_confirm": f"{name} cannot confirm {label}.",
        }.get(stance, f"{name} {verb('makes', 'make')} a statement about {label}.")
        if claim_type == "denial":
            summary = f"{name} {verb('dismisses', 'dismiss')} the reports as untrue."
        checks = (
            attribution.matched and attribution.known and claimant in self.actors.rows,
            dating.dated,
        )
        self._add(
            attribution,
            claimant,
            sentence,
            checks,
            claim_type=claim_type,
            stance=stance,
            summary=summary,
            stated_wording=dating.stated,
            period_wording=dating.period,
            direct_quote="yes" if quoted else "no",
            evidence=evidence,
            flags=list(dating.flags),
        )

    def _add(self, attribution, claimant, sentence, checks, flags=(), **fields) -> None:
        relay = attribution.relay if attribution.relay != claimant else None
        flags = [*flags, *attribution.review]
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
        earlier = self._restated(row)
        replaced = None
        lead = None if earlier is not None else self._lead_restated(row, attribution)
        if lead is not None:
            # "Ukraine holds two prisoners. The president said on Saturday that Kyiv
            # held \"two\"": the outlet's sentence states as fact what the named speaker
            # gives next; one figure, one claim, the speaker's (gold Conventions: the
            # original source is the claimant); the lead says what is counted
            replaced = self.claims.index(lead)
            row["claim_id"] = lead["claim_id"]
            if lead["measure"] != row.get("measure"):
                flags.append(
                    f"measure {row.get('measure')} of the speaker's sentence read as "
                    f"{lead['measure']}, the sentence before's: check"
                )
                row["measure"] = lead["measure"]
        if earlier is not None:
            # two speakers for one figure: merged, but a reviewer checks whose it is
            other = (
                "the same figure is also drafted for {} in another sentence: check the claimant"
                if earlier["claimant_id"] != claimant
                else ""
            )
            if not row.get("stated_wording") or (
                earlier["claimant_id"] == claimant
                and earlier.get("stated_wording") == row.get("stated_wording")
            ):
                if other:
                    earlier["review"] = "; ".join(
                        filter(None, [earlier.get("review"), other.format(claimant)])
                    )
                return  # the same figure said again: the earlier row holds it
            narrated = (
                self.actors.row(earlier["claimant_id"])["actor_type"] == "news_outlet"
                and self.actors.row(claimant)["actor_type"] != "news_outlet"
            )
            if not earlier.get("stated_wording") or narrated:
                # a summary at the top (a live blog's "In short: ...") repeats what a
                # later entry gives with its speaker and day: the entry is the claim;
                # so does the outlet's own telling ("as investigators questioned two
                # captured soldiers") of what a source states later
                replaced = self.claims.index(earlier)
                row["claim_id"] = earlier["claim_id"]
                if other:
                    flags.append(other.format(earlier["claimant_id"]))
            else:
                flags.append(f"restates the figure of {earlier['claim_id']}: merge or keep")
        row |= {
            "confidence": round(sum(checks) / len(checks), 2),
            "review": "; ".join(dict.fromkeys(flags)),
            "stated_day": stated_day(fields.get("stated_wording") or "", self.published),
            "sentence": sentence.text,
            "claimant_match": "known" if known else "proposed",
        }
        row = {k: (None if v == "" else v) for k, v in row.items()}
        if replaced is not None:
            self.claims[replaced] = row
            return
        self.claims.append(row)
        self.next_number += 1

    def _credit_figure_before(self, text: str, attribution: Attribution) -> None:
        """ "... about an estimate that roughly 600 had died. The agency gave lawmakers
        that figure earlier this month.": a sentence with no number of its own whose
        speaker gives "that figure" names the source of the figure the sentence before
        stated in the outlet's voice; that row becomes the speaker's (gold Conventions:
        the original source is the claimant), flagged for a reviewer."""
        if (
            self._before is None
            or self._before[0] != self._paragraph
            or not attribution.matched
            or attribution.carried
            or not re.search(
                r"\b(?:that|this|the\s+same)\s+(?:figure|number|estimate|count|tally)\b",
                text,
                re.IGNORECASE,
            )
        ):
            return
        for claim in self.claims:
            if (
                claim.get("sentence") == self._before[1]
                and claim.get("measure")
                and self.actors.row(claim["claimant_id"])["actor_type"] == "news_outlet"
                and self.actors.row(attribution.claimant)["actor_type"] != "news_outlet"
            ):
                claim["claimant_id"] = attribution.claimant
                claim["relayed_via_id"] = attribution.relay
                claim["claimant_match"] = (
                    "known" if attribution.claimant in self.actors.rows else "proposed"
                )
                claim["review"] = "; ".join(
                    filter(
                        None,
                        [claim.get("review"), "claimant from the next sentence ('that figure')"],
                    )
                )

    def _date_figures_before(self, index: int, text: str, mentions) -> None:
        """ "The agency estimates 15,000 ... It gave those figures to lawmakers on April
        30.": a sentence with no number of its own that says when the figures just given
        were given ("those figures", "that estimate") dates the undated figure rows of
        the sentence before, in the same paragraph, and that day becomes their
        speaker's occasion (gold Conventions: the occasion a statement was made at,
        when the article makes it clear). Its subject must be a pronoun or the rows'
        claimant: "The Pentagon disputed those figures on Monday" dates no one's."""
        given = GIVEN_BACK.search(text)
        day = self._one_day(text) if given else None
        if day is None or self._before is None or self._before[0] != self._paragraph:
            return
        named = {m.actor_id for m in mentions if m.start < given.start() and m.actor_id}
        pronoun = re.match(r"\s*(?:It|They|He|She)\b", text) is not None
        for claim in self.claims:
            if (
                claim.get("sentence") != self._before[1]
                or claim.get("stated_wording")
                or not claim.get("measure")
                or not (pronoun and not named or claim["claimant_id"] in named)
            ):
                continue
            claim["stated_wording"] = day
            claim["stated_day"] = stated_day(day, self.published)
            note = "day from the next sentence ('those figures')"
            claim["review"] = "; ".join(filter(None, [claim.get("review"), note]))
            self.memory.dated[(claim["claimant_id"], claim.get("relayed_via_id"))] = (index, day)

    def _lead_restated(self, row: dict, attribution: Attribution) -> dict | None:
        """The figure row of the sentence just before, in the same paragraph, that the
        outlet states in its own voice with the same number a named speaker now gives
        (a lead restating the speaker's figure), else None."""

        def outlet(actor_id: str) -> bool:
            # (asked of the actor's row: outlet_actor() would propose the outlet)
            return self.actors.row(actor_id)["actor_type"] == "news_outlet"

        if (
            self._before is None
            or self._before[0] != self._paragraph
            or not attribution.matched
            or outlet(row["claimant_id"])
            or not row.get("measure")
            or all(row.get(k) is None for k in ("low", "best", "high"))
        ):
            return None
        figure = tuple(row.get(k) for k in ("low", "best", "high"))
        for claim in reversed(self.claims):
            if claim.get("sentence") != self._before[1]:
                continue
            if (
                outlet(claim["claimant_id"])
                and claim.get("measure")
                and not claim.get("stated_wording")
                and tuple(claim.get(k) for k in ("low", "best", "high")) == figure
            ):
                return claim
        return None

    def _restated(self, row: dict) -> dict | None:
        """The earlier figure row of the article a new row repeats (same measure and
        low/best/high, same claimant or one of the two without a day), else None. News copy sums up
        its figures again ("In short: ...", a recap, "the two prisoners"): one figure said
        once is one claim; a repeat with a day and speaker of its own is flagged instead."""
        if not row.get("measure") or all(row.get(k) is None for k in ("low", "best", "high")):
            return None
        key = tuple(row.get(k) for k in ("measure", "low", "best", "high"))
        for claim in self.claims:
            if tuple(claim.get(k) for k in ("measure", "low", "best", "high")) != key:
                continue
            if (
                claim["claimant_id"] == row["claimant_id"]
                or not row.get("stated_wording")
                or not claim.get("stated_wording")
                # (the outlet's own telling of what a source states later)
                or self.actors.row(claim["claimant_id"])["actor_type"] == "news_outlet"
            ):
                return claim
        return None


def stated_day(wording: str, published: date) -> str:
    """The day (ISO) or span ("first..last") a stated wording resolves to, for the
    reviewer to check beside the wording; for no wording, the publication day it falls
    back to, marked as such."""
    if not wording:
        return f"not stated (by {published.isoformat()})"
    span = dates.resolve(wording, published)
    if span.start == span.end:
        return span.end.isoformat()
    return f"{span.start.isoformat()}..{span.end.isoformat()}"


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


def _in_relative_clause(text: str, position: int, verb: int) -> bool:
    """Whether `position` stands in a relative clause ("who visited Ukraine last
    week") that closes before the verb at `verb`: "who", "which" or "whose" with no
    clause break between it and the position, and no cue of a briefing passed on."""
    if position >= verb:
        return False
    relative = re.search(r"\b(?:who|which|whose)\b[^,;:\"“”]*$", text[:position])
    # ("lawmakers who received updates from the agency on Wednesday said": a clause
    # saying when the speaker heard what they pass on dates the statement)
    return relative is not None and not re.search(
        rf"\b(?:{RELAY_CUES})\b", fold(text[relative.start() : position])
    )


def _narrated_aside(text: str, attribution: Attribution, position: int) -> bool:
    """Whether the figure at `position` stands in a clause opened by ", as" after the
    speaker's verb ("..., the president said, as investigators questioned two captured
    soldiers"): the outlet tells what went on meanwhile, the speaker does not say it.
    A verb of saying in that clause ("as the agency said") makes it a statement."""
    if attribution.verb is None or attribution.verb[1] > position:
        return False
    aside = re.search(r",\s+as\s+[^,;:\"“”]*$", text[attribution.verb[1] : position])
    return aside is not None and not ATTRIBUTING.search(aside.group(0))
