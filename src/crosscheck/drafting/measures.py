"""What a figure counts and what a statement is about: measure, claim type, stance."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.drafting.figures import MONTH_NAMES, Figure
from crosscheck.drafting.text import clause_of, clause_spans, fold, words_after
from crosscheck.load import Dataset

RATIO_MEASURE = "ratio_to_previous"

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
    folded = fold(sentence)
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
        clause = clause_of(clause_spans(folded), figure.start)
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
    words = words_after(folded, figure.end, 3)
    if words and re.fullmatch(ADDITIONAL_AFTER, words[0]):
        return "adjacent"
    if words[1:2] and re.fullmatch(ADDITIONAL_AFTER, words[1]) and words[0] == "troops":
        return "adjacent"
    if re.search(rf"\b(?:{ADDITIONAL_BEFORE})\s+$", folded[: figure.start]):
        return "adjacent"
    if re.search(rf"\b{ADDITIONAL_BATCH}\b", folded[max(0, figure.start - 60) : figure.start]):
        return "batch"
    return None


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


def guess_claim_type(sentence: str, known: set[str]) -> str:
    folded = fold(sentence)
    for pattern, claim_type in TYPE_CUES:
        if claim_type in known and re.search(rf"\b(?:{pattern})\b", folded):
            return claim_type
    return "presence" if "presence" in known else sorted(known)[0]


def guess_stance(text: str) -> str:
    """The stance of a statement; a leading "While ..." clause is someone else's."""
    folded = re.sub(r"^(?:while|although|though|even though|whereas)\b[^,]*,\s*", "", fold(text))
    for pattern, stance in STANCE_CUES:
        if re.search(rf"\b(?:{pattern})\b", folded):
            return stance
    return "asserts"


def cue_pattern() -> str:
    """The measure cue words as one regex alternation, for telling a count from a number."""
    return "|".join(pattern for pattern, _ in MEASURE_CUES)
