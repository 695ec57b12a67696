"""What a figure counts and what a statement is about: measure, claim type, stance.

The topic's words live in the data folder: the cue words of measures and their
special roles in measure_cues.csv, the cue words of claim types in the `cues`
column of claim_types.csv (data/README.md documents both). This module holds only
the English grammar around them: which cue is nearest a figure, what makes a
figure a batch, a part or a count over a stated stretch of time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from crosscheck import vocabulary
from crosscheck.dates import MONTH_PATTERN
from crosscheck.drafting.figures import GREW_BY, Figure
from crosscheck.drafting.text import clause_of, clause_spans, compiled, fold, words_after
from crosscheck.load import Dataset

# A count over a stated stretch of time ("in the past week", "over the weekend alone",
# "in the last 48 hours", "the heaviest month was March, when ..."): the over_period rule.
# A superlative stretch ("the deadliest week") names the stretch its count falls in;
# "since ..." starts a running total and is no period.
_STRETCH = r"(?:day|days|night|week|weeks|weekend|fortnight|month|months|hours)"
PERIOD_CUES = (
    # ("in just the past week", "over only a few days": the adverb leaves the stretch)
    r"\b(?:in|over|during|within) (?:just |only )?"
    r"(?:a|one|the past|the last|a single|the first|the)"
    rf"(?: (?:\w+|\d+))? {_STRETCH}\b"
    rf"|\b(?:heaviest|deadliest|bloodiest|worst|costliest) (?:single )?{_STRETCH}\b"
)
# A batch on top of earlier ones ("500 more", "an additional 2,000") ...
ADDITIONAL_AFTER = r"more|additional|extra|reinforcements|replacements"
ADDITIONAL_BEFORE = r"additional|further|another|extra|fresh"
# ... the noun a batch word may follow ("500 troops more").
COUNT_NOUN = r"troops|soldiers|men|personnel|fighters"
# A batch named before its figure: "a fresh batch of troops, possibly numbering 3,000".
ADDITIONAL_BATCH = (
    r"(?:fresh|new|another|further|additional|second|third) (?:batch|wave|contingent|rotation)"
)
# ... is planned when the clause looks ahead, and sent otherwise.
PLAN_CUES = (
    r"expected|expects?|expecting|planned|plans|could|will|would|might|to be sent|"
    # the modal, not the month ("came in May", "since May", "early May")
    r"(?<!in )(?<!of )(?<!by )(?<!since )(?<!until )(?<!from )(?<!early )(?<!late )"
    r"(?<!mid-)(?<!last )(?<!next )(?<!this )may(?!\s*\d)|"
    rf"preparing|prepared|readying|awaited|decided|by (?:{MONTH_PATTERN})\b|in the coming|"
    r"(?:committed|pledged|promised|agreed|set|going|intends?) to|"
    # "was ready to send as many as 30,000 more if asked": being ready or willing to send
    # is sending not yet done
    r"(?:ready|willing|poised) to"
)
# A relative clause after the figure's clause says what the batch is or will do: "a
# second contingent of up to 5,000 men, which could arrive ..." looks ahead.
RELATIVE_CLAUSE = r"\s*(?:which|who|that)\b"
# Words that turn what follows into a part of the figure's whole: in "10,000 troops
# are in the country, including in one region", the region's cue counts a part, and
# the figure is not of it; "most of them are in ..." likewise.
PART_WORDS = (
    r"including|among them|among whom|of whom|of which|(?:most|some|many) of (?:them|the)\b"
)
# A region named by its proper name ("the Kursk region", "Russia's Kursk region") and a
# later "the region" that stands for it: news copy names a place once, then refers back.
NAMED_REGION = r"\b(?:[A-Z][\w-]+\s+)+(?:region|province|oblast)\b"
REGION_ANAPHOR = r"\bthe\s+(?:region|province|oblast)\b"
# "the first 1,000 of them are already at work there": "there" after a verb points back at
# the place named last, as "the region" does; an existential "there are 3,000" does not,
# nor a "there" a verb sends people to (SEND_AHEAD), a place they are heading for.
THERE_ANAPHOR = (
    r"(?<!from )(?<!to )\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|"
    r"might|could|must|should|seems?|seemed|appears?|appeared|remains?|remained)\b)"
)
# A list of outcomes ("killed, wounded, captured or gone missing"): the figure counts them
# together, so the list's last item, after the final conjunction, says what sum it is: a
# cue of the topic it forms with another item ("missing and captured"), or its own cue
# when that names a measure of sums ("missing": losses incl. missing); a pair of the
# first items only ("killed and wounded" in "killed, wounded or captured") names less
# (data/measures.csv: "killed, wounded, missing or captured together").
# "the missing and the captured as well as the dead and wounded": "as well as" joins
# items too, the news first and what is taken for granted after it (AS_WELL_AS).
LIST_GAP = (
    r"(?:,\s*|,?\s+(?:and|or)\s+|\s+as\s+well\s+as\s+(?:the\s+)?)"
    r"(?:(?:have|has|had|been|gone|went|were|was)\s+)*"
)
AS_WELL_AS = r"\s+as\s+well\s+as\s+"
# The cue rule of a cue that counts only in a clause that looks ahead (PLAN_CUES): "could
# bring the total to 15,000 by January" is a commitment, "by November it put the total at
# 11,000" the count so far (data/README.md, measure_cues.csv).
AHEAD = "ahead"
# Measures whose batch named before the figure ("a fresh batch ... could bring the
# total to 15,000") does not make a batch of the figure (data/README.md, more_sent).
ONE_TIME = "one_time"
# Measures that count troops where they are on the day (measures.csv kind count_at_date).
AT_DATE = "count_at_date"
# The whole a part is taken from: "eleven of its marchers", "nine of the regiment's men".
PARTITIVE = r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[\w-]+'s\s+)?[\w-]+"
# A share taken of a figure ("a third of the 12,000 troops", "one in five of the 11,000",
# "40% of its 3,000 men"): the figure is the whole, and the cues after it tell what
# happened to the share, not to the whole.
SHARE_OF = (
    r"(?:\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)|%|\bper\s*cent|\bpercent"
    r"|\bin\s+(?:every\s+)?\w+)\s+of\s+(?:the|its|their|his|her|our|these|those)\s+$"
)
# The auxiliaries between a subject and its participle: "were", "have since been".
PASSIVE = r"\s+(?:were|was|are|is|have|has|had)(?:\s+(?:been|being|now|since|later|also|all))*\s+"
# What lies between a figure and the participle of the verb it is the subject of: its
# noun ("400 North Korean soldiers") and the auxiliaries ("2,600 had been wounded").
SUBJECT_OF = rf"(?:\s+[\w-]+){{0,3}}?{PASSIVE}"
# A batch word between a figure and its noun: "10K fresh troops", "5,000 new soldiers".
FRESH = r"additional|further|extra|fresh|new"
# Soldiers who come after the first units to take their place are a further batch, even
# inside a total's sentence: the figure's own noun ("1,500 North Korean reinforcements")
# or a purpose after it ("some 3,000 who arrived in January to replace the dead") says so
# (tests/gold/README.md, "Conventions": reinforcements).
REPLACING_NOUN = r"reinforcements|replacements"
REPLACING = r"\bto\s+(?:replace|reinforce|relieve)\b"
# A clause that goes on an infinitive the clause before governs: in "we expect them to
# return, and to bring 1,500 fresh soldiers" the second clause is still expected.
GOVERNED = r"\s*(?:and|or)\s+(?:then\s+)?to\b"
# A verb of sending not yet done (present, infinitive, future, "to be sent"): people it
# sends "to" a place the topic counts by a measure of its own are on their way there
# ("will send 6,000 builders to Kursk"); the past ("had moved to Kursk") says they are
# there (tests/gold/README.md, "Conventions": people sent to a place).
SEND_AHEAD = (
    r"\b(?:send|sends|sending|dispatch|dispatches|dispatching|deploy|deploys|deploying|"
    r"transfer|transfers|transferring)\b|\b(?:be|being)\s+(?:sent|dispatched|deployed|"
    r"moved|transferred)\b"
)
# ("being moved towards Kursk": "towards" heads for a place as "to" does)
TO_PLACE = r"\bto(?:wards?)?\s+(?:the\s+)?(?:[\w-]+'s\s+)?$"

# A verb of growth by a multiple ("had doubled to 3,000"; figures.GREW_BY).
GREW_TO = "|".join(GREW_BY)

# Stances (data/README.md, claims.stance), strongest first.
STANCE_CUES = (
    (r"den(?:y|ies|ied)|refut(?:e|es|ed)|reject(?:s|ed)?|dismiss(?:es|ed)|fake news|"
     r"fabricat\w*|baseless|groundless|smear|"
     # "there were no foreign soldiers there", "no troops had been sent": saying
     # that what is counted is not there denies it, whatever the verb of saying
     r"there (?:is|are|was|were|(?:has|have|had) been) no|not a single|"
     r"no (?:[\w-]+ ){1,4}(?:(?:has|have|had) been|were|was|are|is) "
     r"(?:sent|deployed|dispatched|present|stationed|involved|fighting)", "denies"),
    (r"declined to comment|refused to comment|no comment|did not respond|"
     r"has not (?:officially )?(?:addressed|commented|responded)", "no_comment"),
    (r"(?:could|can)(?:not| not) (?:confirm|verify)|unable to (?:confirm|verify)|"
     r"still unclear|not yet (?:clear|known|confirmed)", "cannot_confirm"),
    (r"if|unless|provided that", "conditional"),
)  # fmt: skip


@dataclass(frozen=True)
class MeasureGuess:
    measure: str | None
    cued: bool  # a cue word or the figure's noun said so
    cue: tuple[int, int] | None = None  # where the cue word is


@dataclass(frozen=True)
class MeasureCues:
    """A topic's measure cues (measure_cues.csv), compiled once per article.

    Each tuple holds (compiled cue, measure) pairs in the file's rank order (`plain`
    holds the cues of the `ahead` rule too, their ranks in `ahead`); the
    batch and period rules map a base measure to the measure it turns into;
    `one_time` and `at_date` list the measures of kind one_time and count_at_date
    (measures.csv). Build it with
    from_dataset; an empty MeasureCues (a topic without the file) guesses nothing.
    """

    plain: tuple[tuple[re.Pattern, str], ...] = ()
    ahead: frozenset[int] = frozenset()  # ranks in `plain` of the `ahead` rule's cues
    units: tuple[tuple[re.Pattern, str], ...] = ()
    multiple: tuple[tuple[re.Pattern, str], ...] = ()
    more_sent: tuple[tuple[str, str], ...] = ()
    more_planned: tuple[tuple[str, str], ...] = ()
    over_period: tuple[tuple[str, str], ...] = ()
    one_time: frozenset[str] = frozenset()
    at_date: frozenset[str] = frozenset()

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> MeasureCues:
        """The cues of a loaded dataset (its measure_cues and measures tables)."""
        return cls.from_tables(dataset.measure_cues, dataset.measures)

    @classmethod
    def from_tables(cls, measure_cues: pd.DataFrame, measures: pd.DataFrame) -> MeasureCues:
        """In: measure_cues.csv (cue, measure, rule; rows in rank order) and measures.csv
        (measure, kind) as load.py types them. Raises ValueError for a cue outside the
        syntax of vocabulary.cue_regex (load.py has refused such a file already)."""

        def phrases(rule: str | None) -> tuple[tuple[re.Pattern, str], ...]:
            rows = vocabulary.cues_of(measure_cues, rule)
            if rule is None:
                # a cue that counts only looking ahead is a plain cue in its rank
                ahead = vocabulary.cues_of(measure_cues, AHEAD)
                rows = pd.concat([rows, ahead]).sort_values("rank", kind="stable")
            return tuple(
                (compiled(rf"\b{vocabulary.cue_regex(cue)}\b"), str(measure))
                for cue, measure in zip(rows["cue"], rows["measure"], strict=True)
            )

        def turns(rule: str) -> tuple[tuple[str, str], ...]:
            rows = vocabulary.cues_of(measure_cues, rule)
            return tuple(zip(rows["cue"].astype(str), rows["measure"].astype(str), strict=True))

        plain = phrases(None)
        ahead_cues = {str(cue) for cue in vocabulary.cues_of(measure_cues, AHEAD)["cue"]}
        ahead_patterns = {rf"\b{vocabulary.cue_regex(cue)}\b" for cue in ahead_cues}
        return cls(
            plain=plain,
            ahead=frozenset(
                rank for rank, (cue, _) in enumerate(plain) if cue.pattern in ahead_patterns
            ),
            units=phrases("units"),
            multiple=phrases("multiple"),
            more_sent=turns("more_sent"),
            more_planned=turns("more_planned"),
            over_period=turns("over_period"),
            one_time=frozenset(measures.loc[measures["kind"] == ONE_TIME, "measure"].astype(str)),
            at_date=frozenset(measures.loc[measures["kind"] == AT_DATE, "measure"].astype(str)),
        )

    @property
    def pattern(self) -> str:
        """The plain cues as one regex alternation (parse_figures' `cues`: a number a cue
        follows counts something)."""
        # every compiled cue is \b...\b (from_tables); parse_figures adds its own edges
        return "|".join(f"(?:{cue.pattern[2:-2]})" for cue, _ in self.plain)


def guess_measure(
    sentence: str, figure: Figure, window: tuple[int, int], cues: MeasureCues, region: str = ""
) -> MeasureGuess:
    """The measure a figure counts.

    In: the sentence, one of its figures (parse_figures), the figure's window (the
    stretch between its neighbouring figures) and the topic's MeasureCues. Out: the
    measure, whether a cue said so, and the cue's span. Rules (data/README.md,
    measure_cues.csv): a multiple takes the `multiple` row, a count of units the
    `units` row; otherwise the plain cue nearest the figure within its window (ties
    to the earlier row, a longer cue hiding one it covers), leaving out a cue that
    names a part ("..., including in X") or a place's possessive ("X's region"); a
    batch ("500 more") turns the cue's measure by the more_sent / more_planned rows
    (a cue in another clause than the batch's figure counts as no cue);
    a count over a stated stretch of time by the over_period rows. `region` is the
    region the article named last ("the kursk region", folded): "the region" in the
    window stands for it, with the cue its name holds (NAMED_REGION, REGION_ANAPHOR).
    """
    folded = fold(sentence)
    if figure.kind == "multiple":
        measure = _first(cues.multiple, folded[figure.start : figure.end])
        return MeasureGuess(measure, measure is not None)
    after = folded[figure.end : window[1]]
    if figure.units or any(
        re.match(rf"\s+(?:[\w-]+\s+)?{cue.pattern}", after) for cue, _ in cues.units
    ):
        measure = _first(cues.units, after)
        return MeasureGuess(measure, measure is not None)
    if re.search(rf"\b(?:{GREW_TO})\s+to\s+$", folded[: figure.start]):
        # "the number already sent had doubled to 3,000": the figure the multiple reaches
        # counts what the verb's subject counts, before the multiple that ends its window
        window = (clause_of(clause_spans(folded), figure.start)[0], window[1])
    found = _cue_matches(folded, window, figure, cues.plain)
    every_cue = list(found)  # before the clause rules below part a list's items
    if region:
        for m in re.finditer(REGION_ANAPHOR, folded[window[0] : window[1]]):
            start, end = window[0] + m.start(), window[0] + m.end()
            if any(c[0] < end and start < c[1] for c in found):
                continue
            meant = [(rank, measure) for rank, (cue, measure) in enumerate(cues.plain)
                     if cue.search(region)]  # fmt: skip
            if meant:
                found.append((start, end, meant[0][1], meant[0][0]))
    if region and not any(c[2] in cues.at_date for c in found):
        found += _there(folded, window, figure, cues, region)
    if cues.ahead:
        found = [c for c in found if c[3] not in cues.ahead or _looks_ahead(folded, figure, c)]
    if re.search(SHARE_OF, folded[: figure.start]):
        # the whole's own words ("the 11,000 soldiers sent", "its 3,000 men in Kursk")
        # still count; the verb after them ("have been wounded") tells of the share
        verb = re.search(r"\b(?:were|was|are|is|have|has|had)\b", folded[figure.end :])
        if verb:
            found = [c for c in found if c[0] < figure.end + verb.start()]
    # "eleven of its marchers had been detained": the noun after "of" names the whole the
    # part is taken from; the rest of the clause says what the part counts
    whole = re.match(PARTITIVE, folded[figure.end :])
    if whole:
        stretch = (figure.end, figure.end + whole.end())
        found = [c for c in found if not (stretch[0] <= c[0] and c[1] <= stretch[1])] or found
    # "200 protesters were arrested": a cue that is the figure's own noun says who are
    # counted, a cue the clause's verb ("were arrested") goes on to give says what
    # happened to them, the measure; "1,000 casualties in Kursk" has no such verb
    own_clause = clause_of(clause_spans(folded), figure.start)
    noun = next(
        (c for c in found if re.fullmatch(r"\s+(?:[\w-]+\s+)?", folded[figure.end : c[0]])), None
    )
    if noun is not None and any(
        # "two wounded soldiers have been captured": an adjective before the counted noun
        # says who they are; the verb says what happened to them (its noun may follow)
        c[0] > noun[1] and re.fullmatch(SUBJECT_OF, folded[noun[1] : c[0]])
        for c in found
    ):
        found = [c for c in found if c != noun]
    # "2,000 who came in May to relieve the wounded": the cues of whom a batch replaces
    # tell of those, not of the batch (REPLACING)
    replacing = re.search(REPLACING, folded[figure.end : own_clause[1]])
    if replacing:
        found = [c for c in found if c[0] < figure.end + replacing.start()]
    # A cue in the figure's own clause says what it counts; one in a clause beside it
    # (", and that two soldiers remained in captivity" after "3,400 wounded") belongs to
    # that clause's figure. Another clause's cue counts only when its own has none
    # ("roughly 10,000, are in the Kursk region").
    own = clause_of(clause_spans(folded), figure.start)
    in_clause = [cue for cue in found if own[0] <= cue[0] and cue[1] <= own[1]]
    found = in_clause or found
    # "about 400 had died and 2,600 had been wounded": the verb a figure is the subject of
    # says what it counts, over a cue that ends the clause before it
    verb = [
        c
        for c in found
        if c[0] >= figure.end and re.fullmatch(SUBJECT_OF, folded[figure.end : c[0]])
    ]
    if verb:
        found = [c for c in found if c[0] >= figure.end]
    chosen, span = None, None
    if found:
        best = min(found, key=lambda cue: (_distance(cue, figure), cue[3]))
        chosen, span = best[2], best[:2]
        listed = _listed_together(folded, every_cue, best, cues)
        if listed is not None:
            return MeasureGuess(listed[2], True, listed[:2])
        # "13 thousand troops were still deployed along the border": a verb of sending
        # says the troops were sent; a place in the same clause says where they are on
        # the day, the more specific count (a measure of kind count_at_date that is no
        # base of a batch: "ready to" does not place anyone)
        bases = {base for base, _ in (*cues.more_sent, *cues.more_planned)}
        if chosen in bases and chosen not in cues.one_time | cues.at_date:
            places = [c for c in found if c[2] in cues.at_date - bases]
            if places:
                best = min(places, key=lambda cue: (_distance(cue, figure), cue[3]))
                chosen, span = best[2], best[:2]
        # "could have up to 12,000 soldiers in Russia by the end of the year": a deadline
        # ahead in the figure's own clause (an `ahead` cue that passed _looks_ahead) says
        # the count is what will have been sent by then, a commitment, whatever verb of
        # sending or place comes nearer (tests/gold/README.md, "Conventions")
        deadline = [c for c in found if c[3] in cues.ahead and own[0] <= c[0] and c[1] <= own[1]]
        if deadline and chosen in bases | cues.at_date:
            best = min(deadline, key=lambda cue: (_distance(cue, figure), cue[3]))
            chosen, span = best[2], best[:2]
    # "will send 6,000 builders to Kursk": people sent to a place with a measure of its own
    # count by that place's "heading to" measure, over a commitment or the place itself
    heading = _sent_to(folded, figure, cues)
    if heading is not None and (chosen is None or chosen in _placing_measures(cues)):
        chosen, span = heading[2], heading[:2]
    batch = _additional(folded, figure)
    if batch:
        clause = _subject_clause(folded, figure)
        if span is not None and not (clause[0] <= span[0] and span[1] <= clause[1]):
            # "500 more" beside the figure says more than a cue in another clause
            chosen, span = None, None
        looked_at = folded[clause[0] : clause[1]]
        earlier = [span for span in clause_spans(folded) if span[1] <= clause[0]][-1:]
        if earlier and re.match(GOVERNED, looked_at):
            looked_at = folded[earlier[0][0] : earlier[0][1]] + " " + looked_at
        following = [span for span in clause_spans(folded) if span[0] >= clause[1]][:1]
        if following and re.match(RELATIVE_CLAUSE, folded[following[0][0] : following[0][1]]):
            looked_at += " " + folded[following[0][0] : following[0][1]]
        planned = re.search(rf"\b(?:{PLAN_CUES})", looked_at)
        turns = dict(cues.more_planned if planned and cues.more_planned else cues.more_sent)
        # a batch named before the figure yields to a total named between them ("a fresh
        # batch ... could bring the total to 15,000"), not to a verb whose object the
        # batch is ("had decided to send a second contingent of up to 5,000 men")
        if chosen is None and turns:
            return MeasureGuess(next(iter(turns.values())), True, span)
        total_between = (
            batch == "batch"
            and chosen in cues.one_time
            and span is not None
            and span[0] > _batch_start(folded, figure)
            and span[1] <= figure.start  # between: "by the end of the year" after it is none
        )
        if chosen in turns and not total_between:
            return MeasureGuess(turns[chosen], True, span)
        if chosen in cues.at_date and heading is None and not planned and turns:
            # "1,500 replacements had reached the Kursk region": soldiers who came to take
            # the place of others are a further batch sent, wherever they are now
            # (tests/gold/README.md, "Conventions": reinforcements and replacements)
            own_words = folded[figure.end : _subject_clause(folded, figure)[1]]
            if re.search(REPLACING, own_words) or re.match(
                rf"(?:\s+[\w-]+){{0,3}}?\s+(?:{REPLACING_NOUN})\b", folded[figure.end :]
            ):
                return MeasureGuess(next(iter(turns.values())), True, span)
    period = dict(cues.over_period)
    if chosen in period and re.search(PERIOD_CUES, folded):
        return MeasureGuess(period[chosen], True, span)
    return MeasureGuess(chosen, chosen is not None, span)


def _there(folded: str, window: tuple[int, int], figure: Figure, cues: MeasureCues, region: str):
    """Cue matches (start, end, measure, rank) for a "there" in the window that points back
    at the region named last (THERE_ANAPHOR), with the measure of the cue its name holds;
    none when a verb of sending not yet done comes before it in its clause ("will send
    500 more there": a heading, not a place they are at)."""
    meant = [(rank, measure) for rank, (cue, measure) in enumerate(cues.plain)
             if cue.search(region)]  # fmt: skip
    if not meant:
        return []
    found = []
    for m in re.finditer(THERE_ANAPHOR, folded[window[0] : window[1]]):
        start, end = window[0] + m.start(), window[0] + m.end()
        own = clause_of(clause_spans(folded), start)
        if re.search(SEND_AHEAD, folded[own[0] : start]):
            continue
        found.append((start, end, meant[0][1], meant[0][0]))
    return found


def _listed_together(folded: str, found: list[tuple], best: tuple, cues: MeasureCues):
    """(start, end, measure) of a list of cues the chosen cue is an item of ("killed,
    wounded, captured or gone missing", LIST_GAP between items) when the list's last item
    makes it a sum the topic counts: read with another item as "A and B" it is a cue of
    the topic, or its own cue names a measure of such sums (one with a cue "A and B":
    "missing" counts as "missing and captured" does); else None."""
    items = sorted({c[:2] for c in found})
    runs: list[list[tuple[int, int]]] = []
    for item in items:
        if runs and re.fullmatch(LIST_GAP, folded[runs[-1][-1][1] : item[0]]):
            runs[-1].append(item)
        else:
            runs.append([item])
    run = next((r for r in runs if best[:2] in r), [])
    if len(run) < 2:
        return None
    words = [folded[a:b] for a, b in run]
    # only a pair with the last item: a pair of the first items ("killed and wounded" in
    # "killed, wounded or captured") names a narrower measure than the list counts
    for i, j in [(i, len(words) - 1) for i in range(len(words) - 1)]:
        for phrase in (f"{words[i]} and {words[j]}", f"{words[j]} and {words[i]}"):
            measure = next((m for cue, m in cues.plain if cue.fullmatch(phrase)), None)
            if measure is not None:
                return run[0][0], run[-1][1], measure
    ends = (run[0], run[-1])
    if re.match(AS_WELL_AS, folded[run[-2][1] : run[-1][0]]):
        # "A as well as B" adds A to B, which the reader takes for granted: A names the
        # wider sum, as the last item of "killed, wounded or missing" does
        ends = (run[-1], run[-2])
    last = min((c for c in found if c[:2] == ends[1]), key=lambda c: c[3])[2]
    sums = {m for cue, m in cues.plain if re.search(r"\[\\s-\]\+(?:and|or)\[", cue.pattern)}
    first = min((c for c in found if c[:2] == ends[0]), key=lambda c: c[3])[2]
    if last in sums and last != first:
        return run[0][0], run[-1][1], last
    return None


def asked_measure(question: str, cues: MeasureCues) -> str | None:
    """The measure a question asks for: that of its first plain cue ("How many soldiers
    has Pyongyang sent so far?": sent), else None. In: the question's text."""
    folded = fold(question)
    found = [(m.start(), rank, measure) for rank, (cue, measure) in enumerate(cues.plain)
             for m in cue.finditer(folded)]  # fmt: skip
    return min(found)[2] if found else None


def _looks_ahead(folded: str, figure: Figure, cue: tuple) -> bool:
    """Whether the clauses of a figure and of a cue (the cue's own words left out: "by
    December" is both) look ahead (PLAN_CUES)."""
    clauses = clause_spans(folded)
    spans = {clause_of(clauses, figure.start), clause_of(clauses, cue[0])}
    blanked = folded[: cue[0]] + " " * (cue[1] - cue[0]) + folded[cue[1] :]
    return any(re.search(rf"\b(?:{PLAN_CUES})", blanked[a:b]) for a, b in spans)


def _first(cues: tuple[tuple[re.Pattern, str], ...], text: str) -> str | None:
    """The measure of the first cue found in text, else of the first cue, else None."""
    for cue, measure in cues:
        if cue.search(text):
            return measure
    return cues[0][1] if cues else None


def _cue_matches(
    folded: str, window: tuple[int, int], figure: Figure, cues: tuple[tuple[re.Pattern, str], ...]
) -> list[tuple]:
    """Cue words in the window: (start, end, measure, rank), longer cues hiding shorter,
    without the cues of a part or of a possessive."""
    found = [
        (m.start(), m.end(), measure, rank)
        for rank, (cue, measure) in enumerate(cues)
        for m in cue.finditer(folded, window[0], window[1])
    ]
    found = [
        cue
        for cue in found
        if not any(o[0] <= cue[0] and cue[1] <= o[1] and o[:2] != cue[:2] for o in found)
    ]
    return [
        cue
        for cue in found
        if not folded.startswith("'s", cue[1])
        and not (
            cue[0] >= figure.end
            and re.search(rf"\b(?:{PART_WORDS})\b", folded[figure.end : cue[0]])
        )
    ]


def _distance(cue: tuple, figure: Figure) -> int:
    if cue[1] <= figure.start:
        return figure.start - cue[1]
    return max(0, cue[0] - figure.end)


def _additional(folded: str, figure: Figure) -> str | None:
    """'adjacent' for "500 more" / "an additional 2,000", 'batch' for "a fresh batch of
    troops, possibly numbering 3,000" (the batch named just before), else None."""
    words = words_after(folded, figure.end, 3)
    if words and re.fullmatch(ADDITIONAL_AFTER, words[0]):
        return "adjacent"
    if (
        words[1:2]
        and re.fullmatch(ADDITIONAL_AFTER, words[1])
        and re.fullmatch(COUNT_NOUN, words[0])
    ):
        return "adjacent"
    if re.search(rf"\b(?:{ADDITIONAL_BEFORE})\s+$", folded[: figure.start]):
        return "adjacent"
    if words[1:2] and re.fullmatch(FRESH, words[0]) and re.fullmatch(COUNT_NOUN, words[1]):
        return "adjacent"  # "10K fresh troops"
    # "3,000 further North Korean soldiers": the batch word, then a people's name, then
    # the noun (the name is capitalised in the sentence, folded here)
    more = words_after(folded, figure.end, 5)
    if (
        more
        and re.fullmatch(FRESH, more[0])
        and any(re.fullmatch(COUNT_NOUN, w) for w in more[1:4])
    ):
        return "adjacent"
    noun = next((w for w in more[:4] if re.fullmatch(COUNT_NOUN + "|" + REPLACING_NOUN, w)), None)
    if noun is not None and re.fullmatch(REPLACING_NOUN, noun):
        return "adjacent"  # "1,500 North Korean reinforcements"
    own = clause_of(clause_spans(folded), figure.start)
    if re.search(REPLACING, folded[figure.end : own[1]]):
        return "adjacent"  # "3,000 who arrived in January to replace the dead"
    if re.search(rf"\b{ADDITIONAL_BATCH}\b", folded[max(0, figure.start - 60) : figure.start]):
        return "batch"
    return None


def _placing_measures(cues: MeasureCues) -> set[str]:
    """The measures of sending, committing and placing (the bases of a batch and the
    counts at a date): those a place the people are sent to says more than."""
    return {base for base, _ in (*cues.more_sent, *cues.more_planned)} | set(cues.at_date)


def _sent_to(folded: str, figure: Figure, cues: MeasureCues) -> tuple | None:
    """(start, end, measure) of a place the figure's clause sends people to, by a verb not
    yet done (SEND_AHEAD before the place, TO_PLACE just before it), whose place cue (a
    measure of kind count_at_date) the topic also counts as a heading: the measure of
    the cue that reads "going to <place>" (measure_cues.csv, "going to [the] kursk");
    None when there is no such place or the topic has no heading cue for it."""
    own = clause_of(clause_spans(folded), figure.start)
    for cue, measure in cues.plain:
        if measure not in cues.at_date:
            continue
        for m in cue.finditer(folded, max(own[0], figure.end), own[1]):
            if not re.search(TO_PLACE, folded[own[0] : m.start()]):
                continue
            if not re.search(SEND_AHEAD, folded[own[0] : m.start()]):
                continue
            phrase = f"going to {m.group(0)}"
            heading = [(other, rank) for rank, (pattern, other) in enumerate(cues.plain)
                       if pattern.fullmatch(phrase)]  # fmt: skip
            if heading and heading[0][0] != measure:
                return m.start(), m.end(), heading[0][0]
    return None


def _subject_clause(folded: str, figure: Figure) -> tuple[int, int]:
    """The figure's clause, through the predicate when the clause is a subject alone
    that an apposition parts from its verb: in "another 6,000 men, mostly engineers,
    are about to be sent to ..." the clause that opens on "are" is the figure's."""
    clauses = clause_spans(folded)
    own = clause_of(clauses, figure.start)
    following = [span for span in clauses if span[0] >= own[1]][:2]
    verb_first = len(following) == 2 and re.match(PASSIVE, " " + folded[following[1][0] :])
    if verb_first and not re.search(PASSIVE, " " + folded[own[0] : own[1]] + " "):
        return own[0], following[1][1]
    return own


def _batch_start(folded: str, figure: Figure) -> int:
    """Where the batch named before a figure ("a second contingent of ...") starts."""
    start = max(0, figure.start - 60)
    found = list(re.finditer(rf"\b{ADDITIONAL_BATCH}\b", folded[start : figure.start]))
    return start + found[-1].start() if found else figure.start


def fallback_measure(dataset: Dataset) -> str | None:
    """The measure most figures in the data count: a draft's guess when no cue says."""
    counts = dataset.claims["measure"].dropna().value_counts()
    if not counts.empty:
        return str(counts.index[0])
    return str(dataset.measures["measure"].iloc[0]) if len(dataset.measures) else None


def type_of_measure(dataset: Dataset, measure: str) -> str:
    """The claim type the data most often gives figures of this measure."""
    types = dataset.claims.loc[dataset.claims["measure"] == measure, "claim_type"].value_counts()
    known = set(dataset.claim_types["claim_type"])
    if not types.empty:
        return str(types.index[0])
    if measure in known:
        return measure
    types = dataset.claims.loc[dataset.claims["measure"].notna(), "claim_type"].value_counts()
    return str(types.index[0]) if not types.empty else sorted(known)[0]


@dataclass(frozen=True)
class TypeCues:
    """What a statement without a figure is about: the cue words of claim types
    (claim_types.csv `cues`), first row with a matching cue winning, and the type to
    fall back on (the data's most common type of statement without a figure)."""

    cues: tuple[tuple[re.Pattern, str], ...]
    fallback: str

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> TypeCues:
        """In: the dataset's claim_types (claim_type, optional cues: ` | `-separated cue
        phrases of vocabulary.cue_regex) and claims (claim_type, measure). Raises
        ValueError for a cue outside the cue syntax (load.py refuses it first)."""
        types = dataset.claim_types
        cells = types["cues"] if "cues" in types else pd.Series(pd.NA, index=types.index)
        cues = tuple(
            (compiled(rf"\b{vocabulary.cue_regex(cue)}\b"), str(claim_type))
            for claim_type, cell in zip(types["claim_type"], cells, strict=True)
            for cue in vocabulary.split_list(cell)
        )
        claims = dataset.claims
        statements = claims.loc[claims["measure"].isna(), "claim_type"].value_counts()
        if not statements.empty:
            fallback = str(statements.index[0])
        else:
            fallback = str(types["claim_type"].iloc[0]) if len(types) else ""
        return cls(cues, fallback)


def guess_claim_type(sentence: str, cues: TypeCues) -> str:
    """The claim type of a statement: the first claim type (in claim_types.csv's row
    order) with a cue in the sentence, else the fallback."""
    folded = fold(sentence)
    return next((claim_type for cue, claim_type in cues.cues if cue.search(folded)), cues.fallback)


def guess_stance(text: str) -> str:
    """The stance of a statement; a leading "While ..." clause is someone else's."""
    folded = re.sub(r"^(?:while|although|though|even though|whereas)\b[^,]*,\s*", "", fold(text))
    for pattern, stance in STANCE_CUES:
        if re.search(rf"\b(?:{pattern})\b", folded):
            return stance
    return "asserts"


def cue_pattern(dataset: Dataset) -> str:
    """The dataset's plain measure cues as one regex alternation, for telling a count
    from a number (parse_figures' `cues`)."""
    return MeasureCues.from_dataset(dataset).pattern
