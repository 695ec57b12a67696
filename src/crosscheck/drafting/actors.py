"""Who is named in a sentence: known actors by name or alias, and proposed new ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from crosscheck.drafting.text import fold, words

# The role of a proposed actor, so that no guessed row passes for a reviewed one.
PROPOSED_ROLE = "proposed by draft: review"

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
    words(
        "kim lee park choi cho jung jeong kang yoon jang lim han oh seo shin kwon hwang ahn "
        "song yoo hong"
    )
)
# Words that mark an actor's name as a body, not a person.
BODY_WORDS = frozenset(
    words(
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


def slug(text: str) -> str:
    """An identifier from a name: 'Ukraine's Security Service' -> 'ukraine-security-service'."""
    text = re.sub(r"['’]s\b", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass
class Mention:
    start: int
    end: int
    actor_id: str | None
    kind: str  # strong, weak, intelligence (generic), anaphor, proposed


class Actors:
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
        folded = fold(sentence)
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
        lowered = fold(name)
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
    text = re.sub(r"\b([a-z])\.", r"\1", fold(text))
    return re.sub(r"[\s-]+", " ", text).strip()


def _alias_pattern(alias: str, flags: int) -> re.Pattern:
    special = {"us": r"u\.?s\.?", "uk": r"u\.?k\.?"}
    tokens = [
        special.get(t, re.escape(t).replace("'", "['’]")) if flags else re.escape(t)
        for t in alias.split(" ")
    ]
    return re.compile(r"(?<![\w.])" + r"[\s-]+".join(tokens) + r"(?![\w])", flags)


def _country_before(sentence: str, start: int) -> str | None:
    before = fold(sentence[max(0, start - 25) : start])
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
