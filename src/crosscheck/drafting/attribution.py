"""Who said it: the claimant and relay of each statement of a sentence, from the
words around its verb, and what earlier sentences of the article established.

The forms read: "X said", "X said Tuesday", "according to X", "X told reporters",
"X, citing Y" (Y the claimant, X the relay), "..., said X" (inverted), a speaker's
label in a transcript ("MS. SINGH:"), and words that refer back to the previous
speaker ("he", "she", "the ministry"). Two statements in one sentence ("A said
..., while B said ...") are two attributions, each with the characters it covers.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import date

from crosscheck import dates
from crosscheck.drafting.actors import (
    ANAPHORS,
    Actors,
    Mention,
    _capitalised_names,
    _person_name,
)
from crosscheck.drafting.text import fold, quote_spans

# a reference day for finding where date phrases stand, not what day they are
_ANY_DAY = date(2000, 1, 3)
_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)

# Verbs (and "according to") that attribute a statement to someone.
SPEECH_VERBS = (
    r"said|says|stated|states|told|tells|noted|notes|accused|accuses|denied|denies|warned|"
    r"warns|urged|urges|called|calls|added|adds|adding|indicated|indicates|informed|telling|"
    # "What the agency did say is that ...": an emphatic "say" states ("did not say" does not)
    r"(?:did|does|do) say|"
    r"cautioned|suggested|claimed|claims|reported|announced|announces|confirmed|confirms|"
    r"refuted|rejected|dismissed|labeled|labelled|estimated|estimates|estimate|believes|"
    r"assessed|assesses|assess|acknowledged|acknowledges|insisted|insists|"
    r"wrote|posted|referenced|cited|(?<!were )(?<!was )briefed(?! by)|"
    # "it spoke of 1,500 soldiers": speaking of a number states it
    r"(?:spoke|speaks|spoken) of|"
    # "the agency has been saying 11,000 were sent": saying, as an ongoing statement
    r"(?:has|have|had) been saying|(?:is|are|was|were) saying|"
    # "the agency talked of 12,000 soldiers": talking of a number states it, as speaking does
    r"(?:talked|talks|talk) of|"
    # "police counted 8,000 at the march": a count made and given is a statement of it
    # ("500 were counted" names no one who counts)
    r"(?<!were )(?<!was )(?<!been )(?<!being )(?<!be )counted|"
    # "used his address to warn that": the infinitive of a verb of saying after "to"
    # states what its subject says ("warns" and "warned" are above)
    r"(?<=\bto )warn|"
    # "the organisers revised their count upward to 30,000": a speaker who changes
    # their own figure states the new one
    r"(?:revised|raised|lowered|updated|increased|reduced|cut) (?:the|its|their|his|her) "
    r"(?:[\w-]+ ){0,2}?(?:count|estimate|figure|tally|toll|total)s?\b|"
    # "put the number of troops at 12,000": a figure attributed without a speech verb
    # ("put the peak crowd at": a word or two may describe the noun)
    r"puts? (?:the|its|their) (?:[\w-]+ ){0,2}?"
    r"(?:number|figure|toll|count|estimate|total|tally|turnout|crowd)|"
    # "officials put it at 1,200": "it" is the figure just given
    r"puts? it at|"
    # "put North Korean losses of every kind ... at \"north of 4,000\"": putting a
    # count at a number states it, however long the noun between
    r"puts?(?= (?:[\w'’-]+,? ){1,12}?at [\"“]?(?:(?:about|around|roughly|some|nearly|"
    r"almost|more than|at least|up to|north of|over|under|fewer than|close to|between)"
    r" )?[\"“]?\d)|"
    # "Seoul has given the only overall figure": giving a figure is stating it, also to
    # a listener and when the figure is the one just given ("gave lawmakers that figure")
    r"(?:gave|given|gives|give|offered|provided) (?:(?:lawmakers|reporters|journalists|"
    r"us|them|parliament|members) )?(?:the|its|their|an?|that|this) (?:[\w-]+ ){0,3}?"
    r"(?:figure|estimate|tally|count|toll|number|total)s?\b"
)
# Verbs of belief: what a country or body "estimates" may be what a person names
# after it goes on to say ("..., the minister told reporters").
# ("The agency expects a further 3,500 ..., Park said": what a body expects is its
# view too, in the present as "expected" is in the past below)
BELIEF_VERBS = r"estimates?|believes|assess(?:es)?|claims|thinks|expects|reckons|judges|fears"
# What a body is reported to hold, in the past tense of reported speech ("Park said the
# agency thought the total could reach 15,000"): the body's view, passed on by the
# speaker, as "said the agency believes" is (gold Conventions: a relay credits the body).
REPORTED_BELIEF = r"thought|believed|expected|judged|reckoned|concluded|feared"
# A speaker who passes on an agency's finding is its relay, not its source.
RELAY_CUES = (
    r"received updates from|briefed by|briefing (?:by|from)|were briefed|citing|cited|quoting|"
    r"referenc(?:ed|ing)|based on|after (?:the|a) (?:closed-door )?briefing"
)
# Cues that name the source whoever it is ("X, citing Y"), not only an agency.
CITING_CUES = r"citing|quoting"
# "The agency told lawmakers": the briefed listener relays the speaker to the outlet.
BRIEFED_OBJECT = r"told|briefed|informed"
# Relay cues that name no agency: the article's last briefing agency is meant.
BRIEFING_CUES = r"after (?:the|a) (?:closed-door )?briefing"

# Words that make a phrase before a verb a speaker we can propose ("a senior official").
SPEAKER_NOUNS = (
    r"officials?|spokes(?:man|woman|person)|sources?|diplomats?|ministry|ministers?|"
    r"forces|staff|service|agency|command|commander|army|military|government|office|"
    r"analysts?|experts?|lawmakers?|officers?|department|secretary|president|"
    # those who count for themselves: "A team of geographers at the city university"
    r"team|group|researchers?|scientists?|monitors?|organi[sz]ers?|volunteers?|authors?|"
    # people of the media who speak on air or in print: "A presenter on state TV said"
    r"presenters?|anchors?|hosts?|commentators?|columnists?|bloggers?"
)
# The head nouns of a body's name ("the ministry", "the unit"): said with "the" and no
# name, the body that spoke just before is meant.
BODY_NOUNS = (
    r"ministry|department|agency|service|command|office|unit|directorate|government|"
    r"military|army|forces|staff|headquarters|administration|authorities"
)
# Generic words for an organisation of people ("the group", "the campaign"): with "the"
# and no name, the organisation named before is meant.
GROUP_NOUNS = r"group|organi[sz]ation|campaign|coalition|movement|charity|association"
# A name opening a sentence, then described as a body in apposition ("Frontline Ledger,
# a volunteer group that counts losses, is more cautious"): a body, though not a known one.
DESCRIBED_BODY = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*),\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{GROUP_NOUNS}|team|project|network|monitor|institute|centre|center|think\s+tank)\b"
)
# One unnamed speaker, written with "the" once introduced ("a senior official ...
# The official said"): refers back to the last speaker.
DEFINITE_SPEAKERS = r"official|spokes(?:man|woman|person)|source|diplomat|officer|analyst"
# What a statement is made in: "according to a statement released on Sunday" names
# the document, not who speaks; "the statement said" refers back to whoever issued it.
DOCUMENTS = (
    r"statement|report|post|release|communiqu[eé]|bulletin|letter|briefing|interview|"
    r"assessment|update|transcript|video|message"
)
# "Dana Whitfield, a spokeswoman for Citizens for Parks": a person not in the actors
# table who speaks for a body that is speaks for the body (the table tracks bodies).
SPOKESPERSON_FOR = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|representative)\s+"
    r"(?:for|of|at)\s+(?:the\s+)?"
)
# Where a sentence turns to a second statement: "..., while B said ...".
# (not ", and that ...": a second object of the same verb of saying, "told the committee
# that A, and that B", is the same statement, whoever the sentence credits it to)
STATEMENT_BREAK = re.compile(
    r"(?:[,;]\s*(?:while|whereas|but|and(?!\s+that\b)|although)|;|\s+while)\s+"
)
# A transcript's speaker label at the start of a line ("MS. SINGH:", "GEN. RYDER:").
SPEAKER_LABEL = re.compile(r"^((?:[A-Z][A-Z.'’-]*\s+){0,3}[A-Z][A-Z'’-]+):\s+")
# An interview's label in ordinary capitals ("Yoo:", "Lakeside Courier:"): a label
# only when it names the interviewee the article has named, or the outlet asking.
TITLE_LABEL = re.compile(r"^([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s+")
# A quotation standing alone and signed after a dash ('"We expect more." - a senior
# official, speaking on Monday'): a pull quote or "quote of the day", whose speaker is
# whoever the dash names.
SIGNED_QUOTE = re.compile(r"^\s*[\"“][^\"“”]+[\"”]\s*(?:--?|–|—)\s*(?=\S)")
# The label of a reporter's question in a transcript: a question states nothing.
QUESTION_LABEL = re.compile(r"^(?:Q|QUESTION|REPORTER)\s*:\s+")


@dataclass
class Attribution:
    """Who says a statement: the claimant (original source) and the relay that passed
    it on (None when the claimant speaks), whether the claimant was found in the
    sentence or carried by a pronoun (`matched`), whether it is a known actor, the
    span of the attributing verb, further claimants ("Moscow and Pyongyang"), the
    characters of the sentence the statement covers (`span`), reasons a person must
    check it (`review`), and whether the speaker was carried from an earlier
    sentence ("he said": `carried`, so that the reader may carry its date too)."""

    claimant: str
    relay: str | None
    matched: bool
    known: bool
    verb: tuple[int, int] | None
    also: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None
    review: list[str] = field(default_factory=list)
    carried: bool = False
    # introduced with "a"/"an" ("a HUR spokesman said"): a new voice, so a new occasion,
    # never the day of an earlier statement by the same body; likewise a count given as
    # the body's own ("the agency's count had passed 4,000"), which names no occasion
    indefinite: bool = False


@dataclass
class Memory:
    """What earlier sentences of the article established."""

    last: Attribution | None = None
    relay_sources: dict[str, str] = field(default_factory=dict)
    briefer: str | None = None
    recent: dict[str, str] = field(default_factory=dict)  # actor type -> last actor id
    # (claimant, relay) -> (sentence number, stated wording)
    dated: dict[tuple, tuple[int, str]] = field(default_factory=dict)
    sentence: int = -1  # number of the sentence being read (headlines not counted)
    last_at: int = -1  # the sentence of `last`
    # the people each sentence names, first to last: "he" in the next one may be them
    people: dict[int, list[str]] = field(default_factory=dict)
    # the bodies (not people) each sentence names: "it" in the next one may be them
    bodies: dict[int, list[str]] = field(default_factory=dict)
    # whole names of people the actors table does not know, named in each sentence
    # without speaking ("Kang Min-ho keeps two phones on his desk"): "he" may be them
    strangers: dict[int, list[str]] = field(default_factory=dict)
    # a body the actors table does not know, named at a sentence's start and described
    # as one ("Frontline Ledger, a volunteer group that counts ..."): "its tally" next
    described: dict[int, str] = field(default_factory=dict)


class Attributor:
    """Finds who said each statement of one article, remembering earlier sentences."""

    def __init__(self, actors: Actors):
        self.actors = actors
        self.memory = Memory()
        # Y of "X said ..., according to Y", for the statement being read
        self._according_relay: str | None = None
        # reasons to check the speaker found for the statement being read
        self._review: list[str] = []
        # the labelled speaker of the line being read when they pass on someone else's
        # statement ("Yoo: The agency told us ..."): the rest of their answer is theirs
        self.label_own: Attribution | None = None

    def remember(self, mentions: list[Mention]) -> None:
        """Note the actors a sentence names, for 'the agency' and 'he' later on."""
        for mention in mentions:
            if mention.kind == "strong":
                self.memory.recent[self.actors.row(mention.actor_id)["actor_type"]] = (
                    mention.actor_id
                )

    # who says it ------------------------------------------------------------

    def attribute_all(self, text: str, mentions: list[Mention]) -> list[Attribution]:
        """Every statement of a sentence with its claimant, in order; [] when nobody is
        said to speak. Each covers characters `span` of the sentence: a figure in that
        stretch is that speaker's. Call once per sentence, in order: the attributions
        are remembered for the sentences that follow."""
        self.memory.sentence += 1
        self.label_own = None
        people = [m.actor_id for m in mentions if m.kind == "strong" and self._person(m)]
        self.memory.people[self.memory.sentence] = people
        self.memory.bodies[self.memory.sentence] = [
            m.actor_id for m in mentions if m.kind == "strong" and not self._person(m)
        ]
        self.memory.strangers[self.memory.sentence] = [
            name
            for start, end, name in _capitalised_names(text)
            if len(name.split()) >= 2
            and _person_name(name)
            and not any(m.start < end and start < m.end for m in mentions)
            and self.actors.country_in(name) is None
        ]
        described = DESCRIBED_BODY.match(text)
        if described and not any(m.start < described.end(1) for m in mentions):
            self.memory.described[self.memory.sentence] = described.group(1)
        if self.asks(text):
            return []
        breaks = [m for m in STATEMENT_BREAK.finditer(text) if not _quoted(text, m.start())]
        if breaks:
            saved = self._save()
            found = self._by_part(text, mentions, [0, *[m.start() for m in breaks], len(text)])
            if len({(a.claimant, a.relay) for a in found}) > 1:
                self._end_sentence(found)
                return found
            self._restore(saved)
        attribution = self._attribute(text, mentions) or self._quote_goes_on(text)
        if attribution is None:
            return []
        found = [replace(attribution, span=(0, len(text)))]
        self._end_sentence(found)
        return found

    def question_sources(self, text: str, mentions: list[Mention]) -> list[Attribution]:
        """The sources a reporter's question names for what it passes on ("Q: The
        agency has been saying 11,000 were sent. Is that too high?"): each statement
        of the question whose speaker the question itself names, with its span; []
        when it names none, so that a figure the question offers on its own is no
        claim (tests/gold/README.md, Conventions: a reporter's question). The article's
        memory is left as it was: a question states nothing, and "he" in the answer
        is not its source."""
        label = QUESTION_LABEL.match(text)
        if label is None:
            return []
        saved = copy.deepcopy(self.memory)
        label_own = self.label_own
        # the label blanked, offsets kept: the rest is read as any sentence is
        found = self.attribute_all(" " * label.end() + text[label.end() :], mentions)
        self.memory.__dict__.update(saved.__dict__)
        self.label_own = label_own
        outlet = self.actors.outlet_actor()[0]
        return [a for a in found if a.verb is not None and not a.carried and a.claimant != outlet]

    def attribute(self, text: str, mentions: list[Mention]) -> Attribution | None:
        """The first statement of a sentence (attribute_all for all of them)."""
        found = self.attribute_all(text, mentions)
        return found[0] if found else None

    def _quote_goes_on(self, text: str) -> Attribution | None:
        """A sentence all in quotation marks right after a speaker's sentence goes on
        quoting that speaker ('"Count the tents," he said. "Perhaps 3,000 ..."')."""
        last, memory = self.memory.last, self.memory
        quoted = quote_spans(text)
        if last is None or memory.last_at != memory.sentence - 1 or len(quoted) != 1:
            return None
        start, end = quoted[0]
        if text[: start - 1].strip() or text[end + 1 :].strip(" .,!?"):
            return None
        return replace(last, verb=None, also=[], carried=True, span=None)

    def _by_part(self, text: str, mentions: list[Mention], cuts: list[int]):
        """Attributions of the parts of a sentence between cuts; a part naming no
        speaker joins the statement before it (or, at the start, the one after)."""
        found: list[Attribution] = []
        pending_start = 0
        for start, end in zip(cuts, cuts[1:], strict=False):
            part = text[start:end]
            inside = [
                replace(m, start=m.start - start, end=m.end - start)
                for m in mentions
                if start <= m.start and m.end <= end
            ]
            attribution = self._attribute(part, inside)
            if attribution is None:
                if found:
                    found[-1].span = (found[-1].span[0], end)
                continue
            verb = attribution.verb and (attribution.verb[0] + start, attribution.verb[1] + start)
            attribution = replace(attribution, verb=verb, span=(pending_start, end))
            if found and (found[-1].claimant, found[-1].relay) == (
                attribution.claimant,
                attribution.relay,
            ):
                found[-1].span = (found[-1].span[0], end)
            else:
                found.append(attribution)
            pending_start = end
            self.memory.last, self.memory.last_at = attribution, self.memory.sentence
        return found

    def _end_sentence(self, found: list[Attribution]) -> None:
        for attribution in found:
            for actor_id in (attribution.claimant, attribution.relay):
                if actor_id:
                    self.memory.recent[self.actors.row(actor_id)["actor_type"]] = actor_id
        if found:
            self.memory.last, self.memory.last_at = found[-1], self.memory.sentence

    def _save(self):
        actors = self.actors
        return (
            copy.deepcopy(self.memory),
            dict(actors.proposed),
            dict(actors.review),
            list(actors._patterns),
        )

    def _restore(self, saved) -> None:
        memory, proposed, review, patterns = saved
        # in place: the reader holds this Memory too
        self.memory.__dict__.update(memory.__dict__)
        self.actors.proposed, self.actors.review, self.actors._patterns = (
            proposed,
            review,
            patterns,
        )

    def _attribute(self, text: str, mentions: list[Mention]) -> Attribution | None:
        folded = fold(text)
        self._review = []
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
        if speaker not in self.actors.rows:
            speaker = self._spoken_for(speaker, mentions, text) or speaker
        claimant, relay = speaker, None
        according_relay, self._according_relay = self._according_relay, None
        carried = matched == "pronoun"
        last = self.memory.last
        # "he" is the last statement's speaker only when he is its speaker: a person
        # named since ("Kovalenko gave his answer ...") takes his own claims
        if carried and last is not None and speaker == (last.relay or last.claimant):
            claimant, relay = last.claimant, last.relay
        source = self._cited(text, folded, speaker, mentions, relay_cues)
        if source is None:
            source = self._relay_source(text, speaker, sources, mentions, relay_cues)
        if source is None and according_relay is None:
            source = self._reported_speaker(text, folded, speaker, verb, mentions)
        if source is None and according_relay is None:
            source = self._inner_source(text, folded, speaker, verb, mentions)
        listener = self._listener(speaker, mentions, verb, folded)
        if source is not None and source != speaker:
            claimant, relay = source, speaker
        elif according_relay is not None:
            claimant, relay = speaker, according_relay
        elif listener is not None:
            claimant, relay = speaker, listener
        elif speaker in self.memory.relay_sources and not carried:
            claimant, relay = self.memory.relay_sources[speaker], speaker
        known = claimant in self.actors.rows
        review = [self.actors.review[a] for a in (claimant, relay) if a in self.actors.review]
        review += self._review
        indefinite = bool(
            verb
            and re.search(
                r"(?:^|[,;:\"“”]\s*)(?:a|an)\s+(?:[\w'’.-]+\s+){0,5}$", text[: verb[0]], re.I
            )
        ) or bool(verb and re.match(r"(?:['’]s|its|their)\s", folded[verb[0] : verb[1]]))
        return Attribution(
            claimant, relay, True, known, verb, also, None, review, carried, indefinite
        )

    def issuer(self, text: str, mentions: list[Mention]) -> str | None:
        """The body that issued a document the sentence announces as reproduced ("the
        press release that South Korea's spy agency issued on Monday", "the statement
        released by the ministry"): the body named last before the verb of issuing, else
        the one named right after its "by"; never a person (a person's words are no
        document) nor the outlet that reproduces it. None when the sentence names none.
        Every statement of the document that names no speaker is the issuer's
        (tests/gold/README.md, Conventions: a document reproduced whole)."""
        issued = re.search(r"\b(?:issued|released|published|put out|sent out)\b", fold(text))
        if issued is None:
            return None
        outlet = self.actors.outlet_actor()[0]

        def body(mention: Mention) -> str | None:
            actor = self._resolve(mention) if mention.kind != "intelligence" else None
            if actor is None or actor == outlet or self.actors.is_person(actor):
                return None
            return actor

        before = [body(m) for m in mentions if m.end <= issued.start()]
        after = [
            body(m)
            for m in mentions
            if re.fullmatch(r"\s+by\s+(?:the\s+)?", fold(text[issued.end() : m.start]))
        ]
        found = [a for a in [*reversed(before), *after] if a]
        return found[0] if found else None

    def label(self, text: str) -> re.Match | None:
        """The speaker label a transcript or interview line opens with ("MS. SINGH:",
        or "Yoo:" for a person the article has named), else None."""
        titled = self._named_label(text)
        return titled[0] if titled is not None else SPEAKER_LABEL.match(text)

    def asks(self, text: str) -> bool:
        """Whether a line is a question's label: "Q:", or the outlet's own name in an
        interview ("Lakeside Courier: How many ...?")."""
        if QUESTION_LABEL.match(text):
            return True
        label = TITLE_LABEL.match(text)
        outlet = re.sub(r"^the\s+", "", fold(self.actors.outlet))
        return label is not None and fold(label.group(1)) == outlet

    def _named_label(self, text: str) -> tuple[re.Match, str] | None:
        """(label, person) of an interview line labelled in ordinary capitals with the
        name, or the family name, of a person the article named before ("Yoo:" after
        "Yoo Yong-won, a lawmaker, spoke to ..."); None otherwise, so that "Note:" or
        "Update:" is no speaker."""
        label = TITLE_LABEL.match(text)
        if label is None:
            return None
        said = fold(label.group(1))
        for sentence in sorted(self.memory.people, reverse=True):
            if sentence >= self.memory.sentence:
                continue
            for person in self.memory.people[sentence]:
                name = fold(self.actors.row(person)["name"])
                if said == name or said in name.split():
                    return label, person
        return None

    def _speaker(self, text: str, folded: str, speakers: list[Mention]):
        """(speaker id, verb span, how found, further speakers) or None."""
        titled = self._named_label(text)
        if titled is not None:
            return self._passed_on(text, folded, speakers, titled[0], titled[1]) or (
                titled[1],
                titled[0].span(1),
                "name",
                [],
            )
        label = SPEAKER_LABEL.match(text)
        if label:
            name = label.group(1).title()
            speaker = self.actors.propose_speaker(name)
            return self._passed_on(text, folded, speakers, label, speaker) or (
                speaker,
                label.span(1),
                "name",
                [],
            )
        signed = self._signed_quote(text, speakers)
        if signed is not None:
            return signed
        according = re.search(r"\baccording to\b", folded)
        if according:
            # (in the same phrase: "According to the official, Russia is ..." names
            # Russia after the phrase has closed)
            after = [
                m
                for m in speakers
                if 0 <= m.start - according.end() <= 30
                and not re.search(r"[,;:.]", text[according.end() : m.start])
            ]
            if after:
                speaker = self._resolve(after[0])
                if speaker:
                    said = self._said_before(text, folded, speakers, according.start())
                    if said is not None and said[0] != speaker:
                        # "The agency told lawmakers ..., according to lawmaker Lee": the
                        # agency speaks, and the person the outlet heard it from relays it
                        self._according_relay = speaker
                        return said
                    return speaker, according.span(), "name", []
            phrase = re.match(r"\s+((?:[\w'’.-]+\s*){1,6}?)(?=[,.;]|$)", text[according.end() :])
            if phrase and re.match(
                rf"(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}(?:{DOCUMENTS})s?\b",
                phrase.group(1),
                re.I,
            ):
                # "according to a statement released on Sunday": the speaker is the
                # subject of the sentence's own verb ("The city police put the crowd at")
                phrase = None
            named = phrase and self._named_before(phrase.group(1))
            if named:
                return named, according.span(), "name", []
            if phrase and re.search(rf"\b(?:{SPEAKER_NOUNS})\b|[A-Z]", phrase.group(1)):
                proposed = self.actors.propose_speaker(phrase.group(1))
                return proposed, according.span(), "proposed", []
        for verb in re.finditer(rf"(?<![-\w])(?:{SPEECH_VERBS})\b", folded):
            if (
                re.search(
                    r"(?:['’]s|s['’]|\b(?:its|their|his|her|our))\s+$", folded[: verb.start()]
                )
                or (
                    re.fullmatch(r"estimates?|claims?|calls?|notes?|reports?", verb.group(0))
                    and (
                        re.search(
                            r"\b(?:the|a|an|this|that|these|those|new|latest|own|earlier|previous)"
                            r"\s+$",
                            folded[: verb.start()],
                        )
                        # "a South Korean estimate that", "Drawing on Ukrainian and South
                        # Korean estimates, the authors": a verb of saying takes what is
                        # said, so one closed by punctuation, or a bare "estimate" after
                        # "a" and its adjectives, is a noun
                        or re.match(r"\s*[,.;:)]", folded[verb.end() :])
                        # (", Seoul estimates." closes a sentence on who holds it: a name
                        # right after the comma makes the word its verb, not a noun)
                        and not _closing_subject(text, speakers, verb.start())
                        or re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){1,3}$", folded[: verb.start()])
                        and not verb.group(0).endswith("s")
                    )
                )
            ):
                # "the Pentagon's estimate", "their claims", "the new estimate": a noun
                continue
            passive = self._passive_agent(text, folded, speakers, verb)
            if passive is not None:
                return passive
            closing = self._closing_speaker(text, folded, speakers, verb)
            if closing is not None:
                return closing
            found = self._subject(text, folded, speakers, verb)
            if found is not None:
                return found[0], verb.span(), found[1], found[2]
        return self._possessor(text, folded, speakers) or self._colon_quote(text, speakers)

    def _signed_quote(self, text: str, speakers: list[Mention]):
        """(speaker, dash span, how found, []) of a quotation signed after a dash
        ('"We expect another 2,000." - a senior US official, speaking on Monday'): the
        one the dash names, known, else proposed when the words name a speaker; None
        for any other sentence."""
        signed = SIGNED_QUOTE.match(text)
        if signed is None:
            return None
        for mention in speakers:
            between = fold(text[signed.end() : mention.start]).strip()
            if (
                mention.start >= signed.end()
                and between in ("", "the", "a", "an")
                and (speaker := self._resolve(mention))
            ):
                return speaker, signed.span(), "name", []
        phrase = re.match(r"((?:[\w'’.-]+\s*){1,8}?)\s*(?=[,.;(]|$)", text[signed.end() :])
        if phrase and _speaker_phrase(phrase.group(1)):
            return self.actors.propose_speaker(phrase.group(1)), signed.span(), "proposed", []
        return None

    def _colon_quote(self, text: str, speakers: list[Mention]):
        """(speaker, colon span, "name", []) of a sentence whose subject opens it and
        whose words follow a colon in quotation marks with no verb of saying ("The
        minister went further on Friday: \"...\"", "X was blunt: \"...\""): in news
        copy the colon hands over to the subject's own words. None when the sentence
        does not open on a named speaker, or when nothing but the name stands before
        the colon (an interview's label, read elsewhere)."""
        colon = re.search(r":\s*[\"“]", text)
        if colon is None or _quoted(text, colon.start()):
            return None
        before = [m for m in speakers if m.end <= colon.start()]
        if not before or before[0].start > 0 and text[: before[0].start].strip():
            return None
        if not re.search(r"\b[a-z]{2,}\b", text[before[0].end : colon.start()]):
            return None
        speaker = self._resolve(before[0])
        if speaker is None:
            return None
        return speaker, colon.span(), "name", []

    def _possessor(self, text: str, folded: str, speakers: list[Mention]):
        """(speaker, noun span, how found, []) of a count given as someone's ("the
        agency's count of dead and wounded had passed 4,000", "its estimate stood at
        9,000") in a sentence with no verb of saying: whose count it is is who states
        it (tests/gold/README.md, Conventions). Counts only, never a "toll" or "total"
        ("Ukraine's death toll" is Ukraine's dead, not Ukraine's figure); else None."""
        for noun in re.finditer(
            r"(?:['’]s|\b(?:its|their))\s+(?:[\w-]+\s+){0,2}?"
            r"(?:count|estimate|tally|assessment|reckoning)s?\b",
            folded,
        ):
            if noun.group(0).startswith(("its", "their")):
                speaker = self._body_before(text, speakers, noun) or self._last_body()
                if speaker is None and (
                    name := self.memory.described.get(self.memory.sentence - 1)
                ):
                    # "Frontline Ledger, a volunteer group ... . Its tally lists ...":
                    # the body just described, new to the table, is proposed
                    speaker = self.actors.propose_speaker(name)
                if speaker is not None:
                    # (found, not carried: a count is no "he said" that goes on with the
                    # occasion of the sentence before)
                    return speaker, noun.span(), "name", []
                continue
            for mention in speakers:
                if mention.end == noun.start() and mention.kind != "intelligence":
                    speaker = self._resolve(mention)
                    if speaker is not None:
                        return speaker, noun.span(), "name", []
            # "by the institute's count": a body named before by its head noun alone
            owner = re.search(r"\bthe\s+([a-z][\w-]*)$", folded[: noun.start()])
            if owner and (
                speaker := self._named_before(owner.group(1)) or self._new_named(owner.group(1))
            ):
                return speaker, noun.span(), "name", []
        return None

    def _new_named(self, noun: str) -> str | None:
        """The speaker this article proposed, latest first, whose name ends with the
        noun ("the institute" after "The institute estimates"), else None."""
        for actor_id, row in reversed(list(self.actors.proposed.items())):
            if fold(row["name"]).split()[-1:] == [noun] and not self.actors.is_person(actor_id):
                return actor_id
        return None

    def _passive_agent(self, text: str, folded: str, speakers: list[Mention], verb: re.Match):
        """(speaker, verb span, how found, []) of a passive "X were told ... by Y that":
        Y speaks, as in "Y told X", and X, the listener, relays it (`_listener`); else
        None."""
        if not re.fullmatch(r"told|informed", verb.group(0)) or not re.search(
            r"\b(?:was|were|been|being|be)\s+(?:\w+\s+)?$", folded[: verb.start()]
        ):
            return None
        by = re.compile(r"[^,.;:\"“”]{0,40}?\bby\s+(?:the\s+)?")
        for mention in speakers:
            cue = by.fullmatch(folded, verb.end(), mention.start)
            if cue is None or mention.kind == "intelligence":
                continue
            speaker = self._resolve(mention)
            if speaker is None:
                return None
            listeners = [
                self._resolve(m)
                for m in speakers
                if m.end <= verb.start() and m.kind == "strong" and not self._person(m)
            ]
            if listeners and listeners[-1] and listeners[-1] != speaker:
                self._according_relay = listeners[-1]
            return speaker, verb.span(), "name", []
        return None

    def _passed_on(self, text: str, folded: str, speakers: list[Mention], label, person):
        """(speaker, verb span, how found, []) of a statement a labelled speaker passes
        on ("Yoo: Ukraine's military intelligence told our delegation that 4,000 ...",
        "Yoo: And he announced a thousand deminers"): the one named, or referred to as
        "he"/"it", before a verb of saying in the answer is the source, and the labelled
        speaker relays it (tests/gold/README.md, Conventions: in a transcript, a figure
        the speaker passes on from someone else is that someone's). "He" in someone's
        own answer is never the speaker, who says "I". None when the labelled speaker
        speaks for themselves or for their own body."""
        start = label.end()
        for verb in re.finditer(rf"(?<![-\w])(?:{SPEECH_VERBS})\b", folded):
            if verb.start() < start or _quoted(text, verb.start()):
                continue
            if re.search(r"\b(?:i|we)\s+(?:[\w']+\s+){0,2}$", folded[start : verb.start()]):
                return None  # "I would say", "we estimate": the speaker's own words
            inside = [m for m in speakers if m.start >= start]
            found = self._subject(text, folded, inside, verb)
            # (a phrase read as a known body, "our South Korean partners" for their
            # government, is as good as its name; a new one may be no speaker at all)
            if (
                found is None
                or found[0] == person
                or found[1] == "proposed"
                and found[0] not in self.actors.rows
            ):
                return None
            if self.actors.speaks_for(person, found[0]):
                return None
            self._according_relay = person
            self.label_own = Attribution(
                person, None, True, person in self.actors.rows, label.span(1)
            )
            return found[0], verb.span(), found[1], found[2]
        return None

    def _closing_speaker(self, text: str, folded: str, speakers: list[Mention], first):
        """(speaker, verb span, how found, further speakers) of a closing attribution
        after a verb of belief: in "The country estimates that ..., Jane Doe told
        reporters" the estimate is what Doe says, so she speaks, not the country.
        A named person who opens the last clause and speaks; else None."""
        if not re.fullmatch(BELIEF_VERBS, first.group(0)):
            return None
        for verb in re.finditer(r"(?<![-\w])(?:said|says|told|tells|added|adds)\b", folded):
            if verb.start() <= first.end() or _quoted(text, verb.start()):
                continue
            person = [
                m
                for m in speakers
                if m.kind == "strong"
                and self._person(m)
                and re.search(r",\s*$", text[: m.start])
                and re.fullmatch(r"\s*", folded[m.end : verb.start()])
            ]
            if person:
                return person[-1].actor_id, verb.span(), "name", []
        return None

    def _reported_speaker(self, text, folded, speaker, verb, mentions) -> str | None:
        """The speaker of a reported statement: in "Lee told reporters that the agency
        put the number at 200" or "He said the agency had told members that ...", Lee
        passes on what the agency said, and the agency is the source (the gold
        convention codes relayed claims to the original source). The subject of the
        reported clause, when it is an actor (or "the agency" referring back) with a
        verb of saying or belief of its own right after it; else None (also when the
        speaker speaks for that body: their words are the body's, not a relay)."""
        if verb is None or not re.fullmatch(
            r"said|says|told|tells|added|adds|notes?|noted|wrote|writes", folded[verb[0] : verb[1]]
        ):
            return None
        for mention in mentions:
            between = text[verb[1] : mention.start]
            # after the verb and its listener or occasion ("said on Tuesday the agency
            # had", "told reporters after the session that the agency put")
            if mention.start < verb[1] or not re.fullmatch(
                r"\s+(?:[^,.;:\"“”]{0,50}\s)?that\s+(?:the\s+)?|\s+(?:[^,.;:\"“”]{0,30}\s)?(?:the\s+)?",
                between,
                re.I,
            ):
                continue
            # (an apposition may stand between: "the institute, a think tank, put")
            if not re.match(
                r"(?:,\s+(?:a|an|the)\b[^,\"“”]*,)?"
                rf"\s+(?:(?:still|also|had|has|have|would|now)\s+){{0,2}}"
                rf"(?:{SPEECH_VERBS}|{REPORTED_BELIEF})\b",
                folded[mention.end :],
            ):
                continue
            actor = self._resolve(mention)
            if actor and actor != speaker:
                if self.actors.speaks_for(speaker, actor):
                    # "the press secretary told reporters that Washington assesses":
                    # a spokesperson stating their own body's view is the speaker
                    return None
                return actor
        return None

    def _inner_source(self, text, folded, speaker, verb, mentions) -> str | None:
        """The body whose belief, estimate or statement the speaker passes on, in any
        arrangement of the sentence ("According to Park, the NIS estimated that ...",
        "..., the agency believes, Park said", "According to lawmakers who attended,
        the agency put the total at ..."): a body (not a person nor a news outlet),
        other than the speaker, that is the subject of a verb of saying or belief of
        its own outside the speaker's attributing words and outside quotation marks.
        The body is the claimant and the speaker relays it (tests/gold/README.md,
        Conventions: relays in any sentence shape). None when there is no such body,
        or when the speaker speaks for it (a spokesperson stating their body's view)."""
        for mention in mentions:
            if verb is not None and mention.start < verb[1] and verb[0] < mention.end:
                continue
            if _quoted(text, mention.start) or re.search(
                r"\b(?:in|from|at|to|near|of|for|with|on|about|by|over|against|into|than|"
                r"outside|inside|beyond|across|among|within|without|through|according to)"
                r"\s+(?:the\s+)?$|['’]s\s+$",
                fold(text[: mention.start]),
            ):
                continue  # where, whose or about whom, not who holds the view
            follows = re.match(
                r"(?:,\s+(?:a|an|the)\b[^,\"“”]*,)?"
                r"\s+(?:(?:still|also|now|had|has|have|would|long|privately|publicly)\s+){0,2}"
                rf"(?:{SPEECH_VERBS}|{REPORTED_BELIEF}|{BELIEF_VERBS})\b",
                fold(text[mention.end :]),
            )
            if follows is None or (verb is not None and mention.end + follows.end() == verb[1]):
                continue
            if mention.kind == "intelligence":
                actor = self._agency_of(text, mention, speaker)
            else:
                actor = self._resolve(mention)
            if (
                actor is None
                or actor == speaker
                or self.actors.is_person(actor)
                or self.actors.row(actor)["actor_type"] == "news_outlet"
                or self.actors.speaks_for(speaker, actor)
            ):
                continue
            return actor
        return None

    def _said_before(self, text: str, folded: str, speakers: list[Mention], end: int):
        """(speaker, verb span, how found, further speakers) of a speech verb before
        `end` whose subject is an actor named by name or referred back to ("the
        agency"), else None: who speaks in "X said ..., according to Y"."""
        # ("The agency still believes ..., according to Park": a belief stated by a
        # body, passed on by the person named after "according to")
        for verb in re.finditer(
            r"(?<![-\w])(?:said|says|told|tells|briefed|informed|believes|estimates|assesses)\b",
            folded,
        ):
            if verb.start() >= end or _quoted(text, verb.start()):
                break
            before = [m for m in speakers if m.end <= verb.start()]
            found = self._subject(text, folded, before, verb)
            if found is not None and found[1] == "name":
                return found[0], verb.span(), found[1], found[2]
        return None

    def _subject(self, text: str, folded: str, speakers: list[Mention], verb: re.Match):
        before = folded[: verb.start()]
        # "Park Sun-won, a member of the committee, citing the agency, said": skip the
        # appositions, however many.
        limit, tail = verb.start(), ""
        while apposition := re.search(
            r",\s+(?:a|an|the|who|which|one|head|chief|member|in|\w+ing)\b[^,\"]*,\s*"
            r"(?:(?:has|have|had|also|then|later|not)\s+)*$",
            before[:limit] + tail,
        ):
            # the cut leaves off the comma that closes the next apposition to the left
            limit, tail = apposition.start(), ", "

        candidates = [m for m in speakers if m.end <= limit]
        adjacent = (
            r"\s*(?:(?:has|have|had|also|then|later|officially|publicly|not|never|both)\s+)*$"
        )
        pronoun = re.search(
            r"(?<![\w'])(he|she|it|they|we|i)\s+"
            # "it was telling lawmakers": an auxiliary between the pronoun and its verb
            r"(?:(?:also|then|later|further|now|have|had|has|was|is|were|are)\s+)*$",
            before,
        )
        if pronoun:
            earlier = [m for m in candidates if m.end <= pronoun.start() and self._person(m)]
            if pronoun.group(1) in ("he", "she"):
                # "One of its officers, Colonel Jan Novak, went further when he spoke":
                # "he" is the person the same sentence named last before it, also one
                # the actors table does not know (proposed, for a reviewer to check)
                stranger = self._stranger_before(text, candidates, pronoun.start())
                if stranger is not None and (not earlier or stranger[0] > earlier[-1].start):
                    self._review.append(f"'he'/'she' read as {stranger[1]}, named before: check")
                    return self.actors.propose_speaker(stranger[1]), "name", []
                if earlier:
                    return earlier[-1].actor_id, "name", []
            if pronoun.group(1) == "it" and (body := self._body_before(text, candidates, pronoun)):
                return body, "name", []
            if pronoun.group(1) in ("we", "i") and (speaker := self._first_person()):
                return speaker, "pronoun", []
            # "it" is a body, never a person nor a transcript's speaker label
            speaker = self._last_body() if pronoun.group(1) == "it" else self._last_speaker()
            if speaker is not None:
                return speaker, "pronoun", []
        # the speaker right after the verb: "..., said Lee."
        # A name after the verb that goes on into a clause of its own ("..., believes
        # Pyongyang will send ...") is what is said, not who says it: an inverted
        # speaker ends the sentence or its clause, or is followed by when it was said.
        inverted = [
            m
            for m in speakers
            if re.fullmatch(r"\s+(?:the\s+)?", folded[verb.end() : m.start])
            and re.match(
                r"\s*(?:[,.;:!?)\"”]|$|(?:on|last|this|in|at|earlier|late|yesterday|today)\b)",
                folded[m.end :],
            )
        ]
        after_quote = re.search(r"[,\"”]\s*$", text[: verb.start()])
        # "X, the head of ..., told the BBC on Tuesday": the name after "told" (or
        # "briefed", "informed") is its object, the listener; English never inverts a
        # speaker after a verb that takes one ("..., told Lee" is no attribution to Lee)
        if inverted and after_quote and not re.fullmatch(BRIEFED_OBJECT + "|tells", verb.group(0)):
            speaker = self._resolve(inverted[0])
            if speaker:
                return speaker, "name", []
        clause = max([0] + [m.end() for m in re.finditer(r"[,;:\"“”]\s*", text[:limit])])
        if candidates and all(m.end <= clause for m in candidates):
            # "When the union last marched, in March, police counted about 2,000": the
            # subject of the verb is the bare noun of its own clause ("police", named in
            # full before), not the actor of an earlier clause of time
            named = self._named_before(text[clause:limit])
            if named:
                return named, "name", []
        for mention in reversed(candidates):
            if (
                mention.kind == "weak"
                and (
                    not re.fullmatch(adjacent, folded[mention.end : limit])
                    # "analysts in Seoul said": a place after a preposition is where, not who
                    or re.search(
                        r"\b(?:in|from|at|to|near|of|for|with|on)\s+$", before[: mention.start]
                    )
                )
            ):
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
                if (
                    other
                    and other != speaker
                    and "," in folded[earlier[-1].end : mention.start]
                    and self.actors.is_person(other) != self.actors.is_person(speaker)
                ):
                    # "One of the lawmakers, Lee Seong-kweun, told": a body and a person
                    # joined by a comma is an apposition naming the one who speaks
                    speaker = speaker if self.actors.is_person(speaker) else other
                elif (
                    other and other != speaker and "and" in folded[earlier[-1].end : mention.start]
                ):
                    # "Moscow and Pyongyang said": two speakers; a bare comma between two
                    # bodies ("... to Russia, South Korea's spy agency told") is no list
                    also = [speaker]
                    speaker = other
            return speaker, "name", also
        # no known actor: a speaker described before the verb ("A spokesman for ... denied")
        # "Ukraine's foreign ministry spokesperson, Heorhii Tykhyi, said": a name in
        # apposition closes with a comma before the verb; the name is the speaker
        head = text[:limit]
        if re.search(r",\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*,\s*$", head):
            head = re.sub(r",\s*$", "", head)
        # (a dash between spaces opens a clause too: a timeline's "Jan. 11, 2025 - The
        # security service says", a dateline's "SEOUL, Nov 27 (Wire) - The agency said")
        clause_start = max(
            [0] + [m.end() for m in re.finditer(r"[,;:\"“”]\s*|\bthat\s+|\s[-–—]\s+", head)]
        )
        phrase = head[clause_start:].strip()
        # "..., but officials said": the conjunction joins the clauses, it names no one
        phrase = re.sub(
            r"^(?:but|and|yet|while|whereas|although|though)\s+", "", phrase, flags=re.I
        )
        phrase = re.sub(r"\s+(?:(?:has|have|had|also|not|never|officially)\s*)+$", "", phrase)
        # "On Monday morning the police revised their count": a day opening the clause
        # says when, and is no part of who (any reference day finds the same phrases)
        opening = [p for p in dates.find_phrases(phrase, _ANY_DAY) if p.start == 0]
        if opening:
            phrase = phrase[opening[0].end :].strip(" ,")
        phrase = re.sub(rf"\b(?:on|last) (?:{_WEEKDAY})\b", "", phrase, flags=re.I).strip(" ,")
        owner = re.match(r"(?:its|their)\s+", phrase, re.I)
        if owner and self.memory.last is not None:
            # "Its foreign ministry": the ministry of the previous speaker's country
            country = self.actors.row(self._last_speaker() or self.memory.last.claimant)["country"]
            phrase = f"{country}'s {phrase[owner.end() :]}" if country else phrase[owner.end() :]
        named = self._named_before(phrase)
        if named:
            return named, "name", []
        # "Eight were arrested, the statement said": the document refers back to the
        # statement just reported, so to its speaker, like "he"
        if re.fullmatch(rf"the\s+(?:[\w-]+\s+)?(?:{DOCUMENTS})", phrase, re.I):
            speaker = self._last_speaker()
            if speaker is not None and self.memory.last_at >= self.memory.sentence - 1:
                return speaker, "pronoun", []
        # "the official said" after "a senior official at the agency told reporters":
        # a definite speaker noun with no name refers back to the last speaker, like "he"
        if re.fullmatch(rf"the\s+(?:[\w-]+\s+)?(?:{DEFINITE_SPEAKERS})", phrase, re.I):
            speaker = self._last_speaker()
            if speaker is not None and self.memory.last_at >= self.memory.sentence - 2:
                return speaker, "pronoun", []
        # "Another 50 were missing, the unit added" after "The ministry said ...": a body
        # named by a bare noun that names no actor of the article refers back to the body
        # that spoke in the sentence before; a reviewer checks that it is the same body
        body = re.fullmatch(rf"the\s+(?:[\w-]+\s+)?(?:{BODY_NOUNS})", phrase, re.I)
        if body:
            speaker = self._last_speaker()
            if (
                speaker is not None
                and self.memory.last_at >= self.memory.sentence - 1
                and not self.actors.is_person(speaker)
            ):
                self._review.append(f"'{phrase}' read as {speaker}, the previous speaker: check")
                return speaker, "pronoun", []
        if not _speaker_phrase(phrase):
            # "A battalion commander who gave only his call sign, Tur, said": the subject
            # is the noun before the relative clause
            subject = re.match(r"((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+(?:who|whose)\b", text)
            phrase = subject.group(1) if subject and subject.end() <= limit else phrase
        if _speaker_phrase(phrase):
            return self.actors.propose_speaker(phrase), "proposed", []
        # "..., said a senior US official." / "..., said Pentagon spokesman Pat Ryder."
        if after_quote:
            phrase = re.match(r"\s+((?:[\w'’.-]+\s*){1,8}?)\s*(?=[,.;]|$)", text[verb.end() :])
            date_words = (
                rf"(?:on|last|in|at|that|it|this|to|the\s+(?:{_WEEKDAY}))\b"
                rf"|(?:{_WEEKDAY}|{_MONTH})\b"
            )
            if (
                phrase
                and not re.match(date_words, fold(phrase.group(1)))
                and _speaker_phrase(phrase.group(1))
            ):
                return self.actors.propose_speaker(phrase.group(1)), "proposed", []
        return None

    def _named_before(self, phrase: str) -> str | None:
        """The body a bare common noun refers back to: "police said" after "the city
        police", "according to the organisers" after "Rally organisers" were named. English
        shortens a body named once to the head noun of its name; the noun must end the
        name (or organisation) of the last speaker or of an actor the article named."""
        phrase = re.sub(r"^The\b", "the", phrase.strip(" .,;:"))
        if re.fullmatch(rf"(?:{SPEAKER_NOUNS}|{BODY_NOUNS}|police)", fold(phrase)):
            # "Police said ...": a common noun capitalised only because it opens the
            # sentence (a name of its own, "Lee", keeps its capital and is no noun)
            phrase = fold(phrase)
        noun = re.fullmatch(r"(?:the\s+)?([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)", phrase)
        if noun is None:
            return None
        last = self.memory.last
        candidates = [last.relay or last.claimant] if last is not None else []
        candidates += reversed(list(self.memory.recent.values()))
        # every body the article has named, latest first: `recent` keeps one actor per
        # type, and a speaker proposed since ("The organisers said") may have taken
        # the place of the body the noun refers back to
        for sentence in sorted(self.memory.bodies, reverse=True):
            candidates += self.memory.bodies[sentence]
        for actor_id in dict.fromkeys(candidates):
            row = self.actors.row(actor_id)
            names = [
                row["name"],
                row["organisation"],
                *re.split(r"\s*\|\s*", row.get("aliases") or ""),
            ]
            if any(
                # "Senior US military official (unnamed)" ends with "official"; the
                # head of "Department of Defense" (an alias) is "department"
                re.search(
                    rf"(?:^|\s){re.escape(noun.group(1))}(?:\s+of\s.*)?$",
                    re.sub(r"\s*\(unnamed\)$", "", fold(name)),
                )
                for name in names
                if name
            ):
                return actor_id
        if re.fullmatch(GROUP_NOUNS, noun.group(1)) and phrase.startswith("the"):
            # "the group posted" after "Citizens for Parks, which organised the march,
            # said": a generic word for an organisation refers back to the last one
            # named, whatever its name (gold Conventions: a body named once and then by
            # a common noun); a state or an outlet is no "group"
            for actor_id in dict.fromkeys(candidates):
                row = self.actors.row(actor_id)
                if not self.actors.is_person(actor_id) and row["actor_type"] not in (
                    "government",
                    "news_outlet",
                ):
                    return actor_id
        return None

    def _person(self, mention: Mention) -> bool:
        return (
            mention.actor_id is not None
            and mention.kind == "strong"
            and (self.actors.is_person(mention.actor_id))
        )

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

    def _first_person(self) -> str | None:
        """Who "we" or "I" is: whoever is speaking, the last speaker within the three
        sentences before (a transcript's labelled speaker, the person quoted), never a
        person the sentence before only names ("Secretary Austin spoke with ... On the
        battlefield, we now assess": the briefer speaks, not Austin); else None."""
        last, memory = self.memory.last, self.memory
        if last is not None and memory.last_at >= memory.sentence - 3:
            return last.relay or last.claimant
        return None

    def _last_speaker(self) -> str | None:
        """Who 'he' or 'she' is: the speaker of the previous sentence, else the first
        person the previous sentence names, else the last speaker of the article."""
        memory = self.memory
        last = memory.last
        if last is not None and memory.last_at >= memory.sentence - 1:
            return last.relay or last.claimant
        named = memory.people.get(memory.sentence - 1) or []
        if named:
            return named[0]
        # ("Jan Novak, a researcher who ..., thinks both agencies are too low. '...,' he
        # said": a person the sentence before names comes before an earlier speaker,
        # also one the actors table does not know)
        strangers = memory.strangers.get(memory.sentence - 1) or []
        if strangers:
            self._review.append(f"'he'/'she' read as {strangers[0]}, named before: check")
            return self.actors.propose_speaker(strangers[0])
        # further back, "he" is too likely someone the article has not named
        if last is not None and memory.last_at >= memory.sentence - 2:
            return last.relay or last.claimant
        # a profile names its subject once and then says "he" ("Kang Min-ho keeps two
        # phones ... When we met, he had just finished his tally. '...,' he said"): with
        # no speaker nor known person at hand, the person last named by a whole name
        # within three sentences, proposed as new, for a reviewer to check
        for back in range(1, 4):
            names = memory.strangers.get(memory.sentence - back) or []
            if names:
                self._review.append(f"'he'/'she' read as {names[-1]}, named before: check")
                return self.actors.propose_speaker(names[-1])
        return None

    def _stranger_before(self, text: str, mentions, end: int) -> tuple[int, str] | None:
        """(start, name) of the last whole name of a person the actors table does not
        know that a sentence gives before `end`, outside quotes, else None."""
        found = [
            (start, name)
            for start, stop, name in _capitalised_names(text[:end])
            if len(name.split()) >= 2
            and _person_name(name)
            and not _quoted(text, start)
            and not any(m.start < stop and start < m.end for m in mentions)
            and self.actors.country_in(name) is None
        ]
        return found[-1] if found else None

    def _spoken_for(self, speaker: str, mentions: list[Mention], text: str) -> str | None:
        """The known body a new speaker is said to speak for ("Dana Whitfield, a
        spokeswoman for Citizens for Parks"), else None: a spokesperson states the
        body's position, and the claim belongs to the body the actors table tracks."""
        for cue in SPOKESPERSON_FOR.finditer(text):
            for mention in mentions:
                if (
                    mention.start == cue.end()
                    and mention.kind == "strong"
                    and not self.actors.is_person(mention.actor_id)
                ):
                    return mention.actor_id
        return None

    def _body_before(self, text: str, candidates: list[Mention], pronoun: re.Match) -> str | None:
        """The body "it" stands for when the same sentence named it before the pronoun
        ("When South Korea's spy agency went public, it spoke of ...", "Seoul went
        further in a note, saying it estimated ..."): English refers back to the
        subject just named before an earlier sentence's. The first body named that is
        neither a possessor ("Russia's losses") nor after a preposition ("in Seoul",
        "about Russia"), which say whose or where, not who; None when there is none."""
        for mention in candidates:
            if mention.end > pronoun.start() or self._person(mention):
                continue
            if re.match(r"['’]s?\b", text[mention.end :]) or re.search(
                r"\b(?:in|from|at|to|near|of|for|with|on|about|by|over|against|into|than)\s+"
                r"(?:the\s+)?$",
                fold(text[: mention.start]),
            ):
                continue
            if mention.kind == "intelligence":
                continue
            body = self._resolve(mention)
            if body is not None and not self.actors.is_person(body):
                return body
        return None

    def _last_body(self) -> str | None:
        """Who 'it' is: the previous sentence's speaker when that sentence names it as a
        body, else the first body the previous sentence names ("Ukraine's military
        intelligence put out its own figure. It says ..."), else a body that spoke one
        or two sentences before; None when no body is at hand."""
        memory = self.memory
        last = memory.last
        speaker = (last.relay or last.claimant) if last is not None else None
        named = memory.bodies.get(memory.sentence - 1) or []
        if speaker is not None and memory.last_at == memory.sentence - 1 and speaker in named:
            return speaker
        if named:
            return named[0]
        if (
            speaker is not None
            and memory.last_at >= memory.sentence - 2
            and not self.actors.is_person(speaker)
        ):
            return speaker
        return None

    def _resolve(self, mention: Mention) -> str | None:
        if mention.kind in ("strong", "weak"):
            return mention.actor_id
        if mention.kind == "anaphor":
            noun = mention.actor_id
            last = self.memory.last
            # "the department" after a spokesperson of that department: the speaker
            if last is not None:
                speaker = last.relay or last.claimant
                row = self.actors.row(speaker)
                if noun in fold(row["organisation"] + " " + row["name"] + " " + row["role"]):
                    return speaker
            for actor_type in ANAPHORS[noun]:
                if actor_type in self.memory.recent:
                    return self.memory.recent[actor_type]
        return None

    def _cited(self, text, folded, speaker, mentions, relay_cues) -> str | None:
        """Y of "X, citing Y": whoever is named right after the cue, known or new."""
        for cue in relay_cues:
            if not re.fullmatch(CITING_CUES, cue.group(0)):
                continue
            named = [m for m in mentions if 0 <= m.start - cue.end() <= 20]
            # "citing South Korea's National Intelligence Service": a possessor says
            # whose the body named next is; the body is the one cited
            named = [
                m
                for m in named
                if not any(
                    re.fullmatch(r"['’]s?\s+", text[m.end : other.start])
                    and other.kind in ("strong", "intelligence")
                    for other in mentions
                )
            ] or named
            for mention in named:
                if mention.kind == "intelligence":
                    if agency := self._agency_of(text, mention, speaker):
                        return agency
                    continue
                actor = self._resolve(mention)
                if actor and actor != speaker:
                    return actor
            phrase = re.match(r"\s+((?:[\w'’.-]+\s*){1,6}?)\s*(?=[,.;]|$)", text[cue.end() :])
            if phrase and _speaker_phrase(phrase.group(1)):
                return self.actors.propose_speaker(phrase.group(1))
        return None

    def _agency_of(self, text: str, mention: Mention, speaker: str) -> str | None:
        """The intelligence agency "intelligence" names without naming it: that of the
        country written before it ("Ukrainian intelligence"), else the speaker's."""
        country = (
            self.actors.country_before(text, mention.start) or (self.actors.row(speaker)["country"])
        )
        return self.actors.country_intelligence(country) if country else None

    def _relay_source(self, text, speaker, sources, mentions, relay_cues) -> str | None:
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
        for mention in mentions:
            if mention.kind == "intelligence" and (
                agency := self._agency_of(text, mention, speaker)
            ):
                return agency
        if self.memory.briefer and any(re.fullmatch(BRIEFING_CUES, c.group(0)) for c in relay_cues):
            return self.memory.briefer
        return None


def _speaker_phrase(phrase: str) -> bool:
    """Whether words before (or after) a speech verb name a speaker we can propose."""
    return bool(
        phrase
        and len(phrase.split()) <= 8
        and not re.search(r"\d|\b(?:it|this|that|these|they|he|she|we|i|you)\b", phrase, re.I)
        and re.search(rf"\b(?:{SPEAKER_NOUNS})\b|^(?:[Tt]he\s+)?[A-Z][a-z]+", phrase)
        and not re.fullmatch(r"(?:The|A|An|This|That|It|There)", phrase)
    )


def _closing_subject(text: str, speakers: list[Mention], position: int) -> bool:
    """Whether a speaker named right after a comma stands just before `position`
    ("..., Seoul estimates."): an attribution closing the sentence, as "..., Park said"
    is, whose verb may end the sentence."""
    return any(
        re.fullmatch(r"\s+", text[m.end : position])
        and re.search(r"(?:^|,)\s*(?:the\s+)?$", text[: m.start], re.I)
        for m in speakers
    )


def _quoted(text: str, position: int) -> bool:
    return any(a <= position < b for a, b in quote_spans(text))
