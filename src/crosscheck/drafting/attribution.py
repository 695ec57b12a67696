"""Who said it: the claimant and relay of a statement, from the words around its verb."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.drafting.actors import ANAPHORS, Actors, Mention
from crosscheck.drafting.text import fold

_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"

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
# Relay cues that name no agency: the article's last briefing agency is meant.
BRIEFING_CUES = r"after (?:the|a) (?:closed-door )?briefing"

# Words that make a phrase before a verb a speaker we can propose ("a senior official").
SPEAKER_NOUNS = (
    r"officials?|spokes(?:man|woman|person)|sources?|diplomats?|ministry|ministers?|"
    r"forces|staff|service|agency|command|commander|army|military|government|office|pentagon"
)


@dataclass
class Attribution:
    claimant: str
    relay: str | None
    matched: bool  # the claimant was found in the sentence or carried by a pronoun
    known: bool
    verb: tuple[int, int] | None  # span of the attributing verb
    also: list[str] = field(default_factory=list)  # further claimants ("Moscow and Pyongyang")


@dataclass
class Memory:
    """What earlier sentences of the article established."""

    last: Attribution | None = None
    relay_sources: dict[str, str] = field(default_factory=dict)
    briefer: str | None = None
    recent: dict[str, str] = field(default_factory=dict)  # actor type -> last actor id
    # (claimant, relay) -> (sentence number, stated wording)
    dated: dict[tuple, tuple[int, str]] = field(default_factory=dict)


class Attributor:
    """Finds who said each sentence of one article, remembering earlier sentences."""

    def __init__(self, actors: Actors):
        self.actors = actors
        self.memory = Memory()

    def remember(self, mentions: list[Mention]) -> None:
        for mention in mentions:
            if mention.kind == "strong":
                self.memory.recent[self.actors.row(mention.actor_id)["actor_type"]] = (
                    mention.actor_id
                )

    # who says it ------------------------------------------------------------

    def attribute(self, text: str, mentions: list[Mention]) -> Attribution | None:
        folded = fold(text)
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
        return Attribution(claimant, relay, True, known, verb, also)

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
