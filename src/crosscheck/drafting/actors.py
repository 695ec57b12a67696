"""Who is named in a sentence: known actors by name, alias or a near spelling of
either, and new actors proposed from the words that name a speaker.

The topic's words come from its data folder, never from here: the actors and
their `aliases` (actors.csv), the words that name a country (nationalities.csv)
and the side a new actor of a country takes (alignments.csv). What stays in code
is English: titles ("Deputy Foreign Minister"), the nouns of bodies ("ministry"),
the words that refer back to a speaker ("the agency").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from crosscheck import vocabulary
from crosscheck.drafting.text import compiled, fold, words

# The role of a proposed actor, so that no guessed row passes for a reviewed one.
PROPOSED_ROLE = "proposed by draft: review"
# The organisation of a proposed person: the sentence names a title, not a body.
PROPOSED_ORGANISATION = "proposed by draft: review"

# Spellings of one name as outlets transliterate it ("Zelenskiy", "Zelensky",
# "Zelenskyy") differ by a letter or two; names of different people rarely do.
# The score is rapidfuzz's normalised Indel similarity (fuzz.ratio, 0-100), measured
# on data/actors.csv: every transliterated spelling listed in `aliases` scores at
# least 85 against its actor's name except short surnames (one changed letter of
# "Umerov"/"Umarov" costs 17 points), while two different actors score at most 87
# ("Kim Jong Un"/"Kim Jong Gyu") on whole names, 73 on family names alone
# ("Austin"/"Putin"), and 92 on bodies only where the country differs ("Government
# of North Korea"/"... South Korea"), which a country veto rules out. Hence:
NAME_MATCH = 85  # whole names and bodies: at or above, the existing actor
SURNAME_MATCH = 80  # a family name of 5+ letters alone, or with the same initial
# Below the match but within NEAR_MISS points: a new actor is proposed, with a review
# note naming the actor it nearly matched, for a person to decide.
NEAR_MISS = 10
# A family name shorter than this is shared by too many people to identify one
# ("Kim", "Lee"): the whole name must match.
SURNAME_MIN_LETTERS = 5

# Korean names put the family name first ("Park Sun-won" is Park).
KOREAN_SURNAMES = frozenset(
    words(
        "kim lee park choi cho jung jeong kang yoon jang lim han oh seo shin kwon hwang ahn "
        "song yoo hong"
    )
)
# Words that mark an actor's name as a body, not a person.
BODY_WORDS = frozenset(
    words(
        "service ministry government office committee commission institute council intelligence "
        "staff department agency party mission forces alliance administration directorate "
        "command army navy"
    )
)
# Words of a title written before a name ("Russian Deputy Foreign Minister Andrei
# Rudenko"): the title becomes the proposed actor's role, the rest its name.
TITLE_WORDS = frozenset(
    words(
        "president vice prime deputy first acting former foreign defence defense interior "
        "minister secretary spokesman spokeswoman spokesperson press general lieutenant "
        "lt lt. colonel col col. major maj maj. admiral gen gen. brigadier commander chief head "
        "director ambassador envoy representative senator sen sen. rep rep. lawmaker mp "
        "chancellor chairman chairwoman chair adviser advisor national security state "
        "affairs of the for and assistant under undersecretary permanent senior military "
        "intelligence army navy air force staff mr mr. ms ms. mrs mrs. dr dr. sir "
        "presidential spy agency ministry official officer"
    )
)
# "the agency" refers back to the last actor of these types in the article.
ANAPHORS = {
    "agency": ("intelligence_agency",),
    "service": ("intelligence_agency",),
    "ministry": ("minister", "defence_minister"),
    "department": ("minister", "defence_minister", "government_spokesperson"),
    "committee": ("legislator",),
    "office": ("presidential_office",),
    "spokesman": ("government_spokesperson",),
    "spokeswoman": ("government_spokesperson",),
    "spokesperson": ("government_spokesperson",),
}
# Actor type of a proposed actor by the words of its description, first match wins.
ACTOR_TYPE_CUES = (
    (r"spokes(?:man|woman|person)|press secretary", "government_spokesperson"),
    (r"defen[cs]e minist\w+|ministry of defen[cs]e|department of defen[cs]e", "defence_minister"),
    (r"prime minister", "head_of_government"),
    (r"president\b", "head_of_state"),
    (r"minist\w+", "minister"),
    (r"intelligence|security service|spy", "intelligence_agency"),
    (r"lawmakers?|legislators?|senators?|parliament\w*|mps?\b", "legislator"),
    (r"ambassador|diplomats?|envoy", "diplomat"),
    (r"general staff|forces|army|military|command\w*|general\b|brigade", "military"),
    (r"news agency|state media", "state_media"),
    (r"alliance|united nations|\bun\b", "international_organisation"),
)


def slug(text: str) -> str:
    """An identifier from a name: 'Ukraine's Security Service' -> 'ukraine-security-service'."""
    text = re.sub(r"['’]s\b", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass
class Mention:
    """Where a sentence names an actor: characters start..end, the actor (or, for an
    anaphor, the noun), and how it was found: strong (name, alias, acronym or a near
    spelling), weak (a place standing for its government), intelligence (the word
    without an agency), anaphor ("the agency")."""

    start: int
    end: int
    actor_id: str | None
    kind: str
    score: float = 100.0  # below 100: matched by spelling (NAME_MATCH)


@dataclass(frozen=True)
class Match:
    """The known actor a phrase names, by spelling: `near` when it scored below the
    match threshold and only nearly names it."""

    actor_id: str
    score: float
    near: bool


class Actors:
    """Who is named in a sentence: known actors by name, surname, organisation or
    alias, and new actors proposed from the words before a speech verb.

    In: the actors table (schema.ACTORS columns, strings), the outlet's name, and the
    topic's nationalities (word, country) and alignments (alignment, countries)
    tables; either may be None or empty, and the drafter then infers less.
    """

    def __init__(
        self,
        actors: pd.DataFrame,
        outlet: str,
        nationalities: pd.DataFrame | None = None,
        alignments: pd.DataFrame | None = None,
    ):
        self.rows = {
            row["actor_id"]: {c: ("" if pd.isna(row[c]) else str(row[c])) for c in actors.columns}
            for _, row in actors.iterrows()
        }
        for row in self.rows.values():
            row.setdefault("aliases", "")
        self.proposed: dict[str, dict] = {}
        # Why a proposed actor needs a person's eye (a near miss), by actor id.
        self.review: dict[str, str] = {}
        self.outlet = outlet
        if nationalities is None:
            nationalities = pd.DataFrame({"word": [], "country": []}, dtype="string")
        self.alignments = alignments
        self.countries = vocabulary.country_words(nationalities)
        aliases = vocabulary.actor_aliases(actors, nationalities)
        weak_aliases = {
            _key(a) for a, weak in zip(aliases["alias"], aliases["weak"], strict=True) if weak
        }
        insensitive: dict[str, set[str]] = {}
        sensitive: dict[str, set[str]] = {}
        by_organisation: dict[str, list[str]] = {}
        by_acronym: dict[str, list[str]] = {}
        for actor_id, row in self.rows.items():
            bare = _bare(row["name"])
            insensitive.setdefault(_key(bare), set()).add(actor_id)
            for acronym in set(
                re.findall(r"\(([A-Z]{2,6})\)", row["name"] + " " + row["organisation"])
            ):
                if acronym.lower() not in self.countries:
                    by_acronym.setdefault(acronym, []).append(actor_id)
            if self.is_person(actor_id):
                surname = _family_name(bare)
                if len(surname) >= 3:
                    sensitive.setdefault(surname, set()).add(actor_id)
            by_organisation.setdefault(_key(_bare(row["organisation"])), []).append(actor_id)
        # An organisation or acronym shared by a body and its people names the body.
        self.organisation_body: dict[str, str] = {}
        for organisation, ids in by_organisation.items():
            body = self._body(ids)
            if body and organisation:
                insensitive.setdefault(organisation, set()).add(body)
                self.organisation_body[organisation] = body
        for acronym, ids in by_acronym.items():
            body = self._body(ids)
            if body:
                sensitive.setdefault(acronym, set()).add(body)
        for alias, actor_id in zip(aliases["alias"], aliases["actor_id"], strict=True):
            if actor_id in self.rows:
                # An alias written in capitals ("HUR", "NIS") is an acronym: case counts.
                if re.fullmatch(r"[A-Z]{2,6}", alias):
                    sensitive.setdefault(alias, set()).add(actor_id)
                else:
                    insensitive.setdefault(_key(alias), set()).add(actor_id)
        # An alias that names two actors names neither.
        self.insensitive = {a: next(iter(i)) for a, i in insensitive.items() if len(i) == 1 and a}
        self.sensitive = {a: next(iter(i)) for a, i in sensitive.items() if len(i) == 1}
        self._weak = weak_aliases
        self._patterns: list[tuple[re.Pattern, str, str]] = []
        for alias, actor_id in self.insensitive.items():
            self._add_pattern(alias, actor_id, re.IGNORECASE)
        for alias, actor_id in self.sensitive.items():
            self._add_pattern(alias, actor_id, 0)
        self._spellings = self._known_spellings()

    # what the table holds ---------------------------------------------------

    def _add_pattern(self, alias: str, actor_id: str, flags: int) -> None:
        self._patterns.append((_alias_pattern(alias, flags), alias, actor_id))
        self._patterns.sort(key=lambda item: -len(item[1]))

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
        # "Senior US diplomat (unnamed)" names a role, not a person (_person_name says no
        # to the brackets); an id that is no slug of the name ("mayor" for "Mayor Ana
        # Lee") is the coder's choice of label, and she is still a person ("she said")
        return _person_name(row["name"])

    def row(self, actor_id: str) -> dict:
        return self.rows.get(actor_id) or self.proposed[actor_id]

    def speaks_for(self, person: str, body: str) -> bool:
        """Whether `person` (an actor id) is a person who speaks for the body `body`: a
        body of the same organisation ("US Department of Defense"), the body the person
        is part of (actors.csv `part_of`), or one whose name the person's role or
        organisation contains ("Pentagon Press Secretary" for a body named "Pentagon").
        False for two people, for an unnamed official, and for a body and itself."""
        if person == body or not self.is_person(person) or self.is_person(body):
            return False
        them, it = self.row(person), self.row(body)
        if "(unnamed)" in it["name"]:
            return False  # an unnamed official is one voice, not the body
        organisation = fold(it["organisation"])
        if organisation not in ("", fold(PROPOSED_ORGANISATION)) and organisation == fold(
            them["organisation"]
        ):
            return True
        if them.get("part_of") == body:
            return True  # the body the actors table files the person under
        name = re.sub(r"^the\s+|\s*\(.*\)$", "", fold(it["name"]))
        said_of = fold(f"{them['role']} {them['organisation']}")
        return bool(name) and re.search(rf"\b{re.escape(name)}\b", said_of) is not None

    def _known_spellings(self) -> list[tuple[str, str, str, frozenset[str]]]:
        """(canonical spelling, actor id, 'person' or 'body', countries it names) for
        every name, alias and body organisation, for matching by spelling."""
        spellings = []
        for actor_id, row in self.rows.items():
            person = self.is_person(actor_id)
            names = [_bare(row["name"]), *vocabulary.split_list(row["aliases"])]
            for name in names:
                if re.fullmatch(r"[A-Z]{2,6}", name):
                    continue  # acronyms match exactly or not at all
                kind = "person" if person and _person_name(name) else "body"
                spellings.append((*self._canon(name), actor_id, kind))
        for organisation, body in self.organisation_body.items():
            spellings.append((*self._canon(organisation), body, "body"))
        return [
            (text, actor_id, kind, countries)
            for text, countries, actor_id, kind in spellings
            if _beyond_countries(text, countries)
        ]

    def _canon(self, text: str) -> tuple[str, frozenset[str]]:
        """A spelling as compared: folded, no parentheses, articles or punctuation, and
        every country word replaced by its country ("South Korea's" = "South Korean")."""
        text = fold(_bare(text))
        text = re.sub(r"\b([a-z])\.", r"\1", text)
        found = set()
        for word, country in self.countries.items():
            pattern = compiled(rf"(?<![\w]){re.escape(word)}(?![\w'])")
            if pattern.search(text):
                found.add(country.lower())
                text = pattern.sub(" " + country.lower() + " ", text)
        text = re.sub(r"['’]s\b", "", text)
        text = re.sub(r"[^\w\s]|_", " ", text)
        text = re.sub(r"^\s*(?:the|a|an)\s+", "", text)
        return " ".join(text.split()), frozenset(found)

    # matching by spelling -----------------------------------------------------

    def lookup(self, phrase: str) -> Match | None:
        """The known actor a phrase names by spelling, or the one it nearly names.

        A person's name ("Volodymyr Zelenskiy", "Zelenskiy") is compared with the
        names of people, a body ("South Korea's defence ministry") with names,
        aliases and organisations of bodies; scores and thresholds are NAME_MATCH,
        SURNAME_MATCH and NEAR_MISS. Two actors that both match make a near miss
        (the sentence does not say which), and a body in another country never
        matches. None when nothing comes within NEAR_MISS of a threshold.
        """
        text, countries = self._canon(phrase)
        if not _beyond_countries(text, countries):
            return None  # a place alone ("the Pentagon", "Seoul") matches exactly or not at all
        person = _person_name(phrase.strip()) or (
            len(text.split()) == 1 and phrase.strip()[:1].isupper()
        )
        best: dict[str, tuple[float, float]] = {}  # actor -> (score, threshold), best margin
        for spelling, actor_id, kind, named in self._spellings:
            if (kind == "person") != person:
                continue
            home = self.row(actor_id)["country"].lower()
            if countries and (named or home) and not countries & (named | {home}):
                continue  # "Ukraine's defence intelligence" is not the UK's
            if person:
                score, threshold = _person_score(text, spelling)
            elif countries and countries == named:
                # the same country on both sides: the rest decides ("foreign ministry"
                # is not "defence ministry", however much "South Korea" they share)
                score = fuzz.ratio(_without(text, countries), _without(spelling, named))
                threshold = NAME_MATCH
            else:
                score, threshold = fuzz.ratio(text, spelling), NAME_MATCH
            if actor_id not in best or score - threshold > _margin(best[actor_id]):
                best[actor_id] = (score, threshold)
        if not best:
            return None
        actor_id, (score, threshold) = max(best.items(), key=lambda item: _margin(item[1]))
        if score < threshold - NEAR_MISS:
            return None
        matches = [a for a, pair in best.items() if _margin(pair) >= 0]
        return Match(actor_id, round(score, 1), near=score < threshold or len(matches) > 1)

    # a sentence -----------------------------------------------------------------

    def mentions(self, sentence: str) -> list[Mention]:
        """Every actor named in a sentence, in order: exact names and aliases first,
        then capitalised names that match a known person by spelling."""
        taken: list[Mention] = []
        for pattern, alias, actor_id in self._patterns:
            for m in pattern.finditer(sentence):
                if any(o.start < m.end() and m.start() < o.end for o in taken):
                    continue
                if self._other_country(sentence, m.start(), actor_id):
                    continue
                kind = "weak" if alias in self._weak else "strong"
                taken.append(Mention(m.start(), m.end(), actor_id, kind))
        for start, end, name in _capitalised_names(sentence):
            if any(o.start < end and start < o.end for o in taken) or fold(name) in self.countries:
                continue
            found = self.lookup(name)
            if found is not None and not found.near and self.is_person(found.actor_id):
                taken.append(Mention(start, end, found.actor_id, "strong", found.score))
        folded = fold(sentence)
        for m in re.finditer(r"\bintelligence\b", folded):
            if not any(o.start <= m.start() < o.end for o in taken):
                taken.append(Mention(m.start(), m.end(), None, "intelligence"))
        # "the same agency" refers back as "the agency" does: "same" only insists on it
        for m in re.finditer(rf"\b(?:the|its|their) (?:same )?({'|'.join(ANAPHORS)})\b", folded):
            if not any(o.start < m.end() and m.start() < o.end for o in taken):
                taken.append(Mention(m.start(), m.end(), m.group(1), "anaphor"))
        return sorted(taken, key=lambda mention: mention.start)

    def _other_country(self, sentence: str, start: int, actor_id: str) -> bool:
        """'Ukraine's Defence Intelligence' is not the UK's Defence Intelligence."""
        country = self.row(actor_id)["country"]
        said = self.country_before(sentence, start)
        return bool(country and said and said != country)

    def country_before(self, sentence: str, start: int) -> str | None:
        """The country a word right before `start` names ("Ukrainian intelligence")."""
        before = fold(sentence[max(0, start - 25) : start])
        for word, country in self.countries.items():
            if compiled(rf"(?<![\w.]){re.escape(word)}\s+(?:\w+\s+)?$").search(before):
                return country
        return None

    def country_in(self, text: str) -> str | None:
        """The first country a text names by one of the topic's country words."""
        text = fold(text).replace("u.s.", "us")
        for word, country in self.countries.items():
            if compiled(rf"(?<![\w.]){re.escape(word)}(?![\w])").search(text):
                return country
        return None

    def _country_group(self, name: str) -> str | None:
        """The government of the country whose unnamed officials, allies, partners or
        authorities speak ("South Korean officials", "our South Korean allies", "the
        Ukrainian authorities"): a country's nameless officials speak for its state, as
        its capital does (README-fifth-held-out.md: "Our South Korean allies" is coded
        to the government), and of its state news agency or media. None for any other
        words, or a country with no single government actor in the table."""
        group = re.fullmatch(
            r"(?:(?:the|our)\s+)?(.+?)\s+(?:officials|allies|partners|authorities)",
            name,
            re.IGNORECASE,
        )
        # "North Korea's state news agency", "Russian state media": a state's own news
        # agency or broadcaster speaks for its government (tests/gold/README.md,
        # Conventions: a state news agency); with no country named, it is no one known
        group = group or re.fullmatch(
            r"(?:the\s+)?(.+?)(?:['’]s?)?\s+state(?:-run|-owned)?\s+(?:news\s+agency|media|"
            r"television|tv|broadcaster|radio|press)(?:\s+[A-Z][\w-]*)?",
            name,
            re.IGNORECASE,
        )
        country = group and self.countries.get(fold(group.group(1)))
        return self.country_government(country) if country else None

    def country_government(self, country: str) -> str | None:
        """The actor of a country's state as a whole (actor type government, part of
        no other body), when the table holds exactly one; else None."""
        found = [
            actor_id
            for actor_id, row in self.rows.items()
            if row["actor_type"] == "government"
            and row["country"] == country
            and not row["part_of"]
        ]
        return found[0] if len(found) == 1 else None

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

    # new actors -------------------------------------------------------------------

    def outlet_actor(self) -> tuple[str, bool]:
        """The outlet speaking in its own voice: a known news_outlet actor or a proposed one."""
        for actor_id, row in self.rows.items():
            if row["actor_type"] == "news_outlet" and _key(row["organisation"]) == _key(
                self.outlet
            ):
                return actor_id, True
        name = f"{self.outlet} (own reporting)"
        return self.propose(name, self.outlet, "", "news_outlet", self._side("")), False

    def _side(self, country: str) -> str:
        if self.alignments is None or self.alignments.empty:
            return ""
        return vocabulary.alignment_of_country(self.alignments, country or None) or ""

    def propose(self, name: str, organisation: str, country: str, actor_type: str,
                alignment: str, role: str = PROPOSED_ROLE) -> str:  # fmt: skip
        """A new actor row (or the one already proposed under this name); its id."""
        actor_id = slug(_bare(name)) or "actor"
        base, suffix = actor_id, 2
        while actor_id in self.rows or (
            actor_id in self.proposed and self.proposed[actor_id]["name"] != name
        ):
            actor_id, suffix = f"{base}-{suffix}", suffix + 1
        if actor_id not in self.proposed:
            self.proposed[actor_id] = {
                "actor_id": actor_id,
                "name": name,
                "organisation": organisation,
                "country": country,
                "role": role,
                "actor_type": actor_type,
                "alignment": alignment,
                "part_of": "",
                "aliases": "",
            }
            if _person_name(name):
                # later sentences name the new person by family name ("Rudenko said")
                self._add_pattern(_key(name), actor_id, re.IGNORECASE)
                self._add_pattern(_family_name(name), actor_id, 0)
        return actor_id

    def propose_speaker(self, phrase: str) -> str:
        """The actor the words naming a speaker stand for: a known one when the words
        match its name or alias by spelling, else a new one ('Ukraine's Security
        Service'). A title before a name is split off into the role ('Russian Deputy
        Foreign Minister Andrei Rudenko': name 'Andrei Rudenko', role 'Deputy Foreign
        Minister', country Russia). A near miss is proposed and noted in `review`."""
        # the sentence's full stop is no part of a name ("said a senior official.")
        phrase = re.sub(r"(?<=[a-z]{2})\.$", "", phrase.strip(" ,;"))
        name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        # "Ukraine's own military intelligence agency": "own" stresses whose the body
        # is and is no part of its name
        name = re.sub(r"(['’]s?)\s+own\s+", r"\1 ", name)
        name = name[0].upper() + name[1:]
        country, title, person = self._split_title(name)
        if government := self._country_group(name):
            return government
        # "South Korea's intelligence agency": a country's intelligence agency or
        # service, named by what it is, is the one the table holds for that country
        spy = re.fullmatch(
            r"(.+?)(?:['’]s?)?\s+(?:intelligence|spy)\s+(?:agency|service)", name, re.IGNORECASE
        )
        spied_for = spy and self.countries.get(fold(spy.group(1)))
        if spied_for and (agency := self.country_intelligence(spied_for)):
            return agency
        near = None
        for candidate in ([person] if person else []) + [name]:
            found = self.lookup(candidate)
            if found is not None and not found.near:
                return found.actor_id
            near = near or found
        if person and title and _person_name(person):
            lowered = fold(title)
            actor_type = next(
                (t for pattern, t in ACTOR_TYPE_CUES if re.search(rf"\b(?:{pattern})", lowered)),
                "government",
            )
            actor_id = self.propose(
                person, PROPOSED_ORGANISATION, country, actor_type, self._side(country), title
            )
        else:
            lowered = fold(name)
            actor_type = next(
                (t for pattern, t in ACTOR_TYPE_CUES if re.search(rf"\b(?:{pattern})", lowered)),
                "government",
            )
            country = self.country_in(lowered) or ""
            if re.search(r"\b(?:officials?|sources?|spokes\w+)\b", lowered) and not re.search(
                r"\b[A-Z][a-z]+\s+[A-Z][a-z]+$", name
            ):
                name = f"{name} (unnamed)"
            actor_id = self.propose(name, name, country, actor_type, self._side(country))
        if near is not None and actor_id not in self.review:
            known = self.row(near.actor_id)["name"]
            self.review[actor_id] = (
                f"new actor {actor_id!r} is spelled like {near.actor_id!r} ({known}, "
                f"score {near.score:g}): the same actor?"
            )
        return actor_id

    def _split_title(self, name: str) -> tuple[str, str, str]:
        """(country, title, person's name) of 'Russian Deputy Foreign Minister Andrei
        Rudenko'; the name is empty when the words do not end in a person's name."""
        tokens = name.split()
        country = ""
        # leading country words: "Russian", "South Korean", "Ukraine's"
        for count in (2, 1):
            head = fold(" ".join(tokens[:count]))
            if len(tokens) > count and head in self.countries:
                country, tokens = self.countries[head], tokens[count:]
                break
        title = []
        while tokens and fold(tokens[0]) in TITLE_WORDS:
            title.append(tokens.pop(0))
        rest = " ".join(tokens)
        # "Ms. Singh": after a title, one capitalised word is a family name
        if not _person_name(rest) and not (title and re.fullmatch(r"[A-Z][\w'’-]+", rest)):
            return country, "", ""
        return country, " ".join(title), rest


def _bare(name: str) -> str:
    """A name without its parenthesised parts: 'Defence Intelligence of Ukraine (HUR)'."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def _without(text: str, countries: frozenset[str]) -> str:
    """A canonical spelling without the countries it names."""
    for country in countries:
        text = re.sub(rf"\b{re.escape(country)}\b", " ", text)
    return " ".join(text.split())


def _beyond_countries(text: str, countries: frozenset[str]) -> bool:
    """Whether a canonical spelling says more than the countries it names."""
    return bool(_without(text, countries))


def _margin(pair: tuple[float, float]) -> float:
    return pair[0] - pair[1]


def _family_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts[0].lower() in KOREAN_SURNAMES else parts[-1]


def _person_name(name: str) -> bool:
    """Whether words read as a person's name: 1-4 capitalised words, no body noun."""
    parts = name.split()
    return (
        "(" not in name
        and 2 <= len(parts) <= 4
        and all(re.fullmatch(r"[A-Z][\w'’.-]*", part) for part in parts)
        and not BODY_WORDS.intersection(fold(name).split())
        and not TITLE_WORDS.intersection(fold(name).split())
    )


def _person_score(text: str, spelling: str) -> tuple[float, float]:
    """(score, threshold) of a person's name against a known spelling: the whole
    name at NAME_MATCH (the given names too when the family name is short), or the
    family name alone at SURNAME_MATCH when it is long enough to identify someone
    and the first names, if both are given, share an initial ("Kirill Budanov" =
    "Kyrylo Budanov")."""
    whole = (fuzz.ratio(text, spelling), NAME_MATCH)
    mine, theirs = text.split(), spelling.split()
    family = _family_name(spelling)
    if len(family) < SURNAME_MIN_LETTERS:
        own = _family_name(text)
        if own == family and len(mine) > 1 and len(theirs) > 1:
            # a short family name is shared by millions ("Kim"): the given names decide
            given = fuzz.ratio(
                " ".join(t for t in mine if t != own), " ".join(t for t in theirs if t != family)
            )
            return (min(whole[0], given), NAME_MATCH)
        return whole
    own = mine[0] if mine[0] in KOREAN_SURNAMES else mine[-1]
    if len(mine) > 1 and len(theirs) > 1 and mine[0][0] != theirs[0][0]:
        return whole
    if len(mine) > 1 and len(theirs) == 1:
        return whole
    surname = (fuzz.ratio(own, family), SURNAME_MATCH)
    return max(whole, surname, key=lambda pair: pair[0] - pair[1])


def _capitalised_names(sentence: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words that may be a person's name (titles before it left
    out): 'Russian Foreign Minister Sergei Lavrow' -> 'Sergei Lavrow'."""
    names = []
    for run in re.finditer(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", sentence):
        tokens = list(re.finditer(r"\S+", run.group(0)))
        while tokens and fold(tokens[0].group(0)).rstrip("'’s") in TITLE_WORDS:
            tokens.pop(0)
        if not tokens:
            continue
        start, end = run.start() + tokens[0].start(), run.start() + tokens[-1].end()
        name = re.sub(r"['’]s$", "", sentence[start:end])
        if _person_name(name) or (
            len(tokens) == 1 and len(name) >= SURNAME_MIN_LETTERS and name[1:].islower()
        ):
            names.append((start, start + len(name), name))
    return names


def _key(text: str) -> str:
    text = re.sub(r"\b([a-z])\.", r"\1", fold(text))
    return re.sub(r"[\s-]+", " ", text).strip()


def _alias_pattern(alias: str, flags: int) -> re.Pattern:
    special = {"us": r"u\.?s\.?", "uk": r"u\.?k\.?"}
    tokens = [
        special.get(t, re.escape(t).replace("'", "['’]")) if flags else re.escape(t)
        for t in alias.split(" ")
    ]
    return compiled(r"(?<![\w.])" + r"[\s-]+".join(tokens) + r"(?![\w])", flags)
