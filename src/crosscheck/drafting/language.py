"""The language an article is written in, and whether the drafter can read it.

The drafter's rules (figures, dates, who said what) are written for English, so
an article in another language drafts nothing useful. `require_supported` says
so in words, naming the language, before any rows are drafted.

Detection is lingua-language-detector (Peter M. Stahl's lingua): its n-gram
models ship inside the wheel, so nothing is downloaded at run time. It runs in
low accuracy mode over all 75 languages, lazily loaded, built once per process.
Measured on this machine (2 cores, lingua 2.1.1): the first detection
of an English, a Korean and a German text took 0.56 s and 106 MB, against 10.9 s
and 935 MB in high accuracy mode and 7.7 s and 1.3 GB with every model preloaded.
Lingua's documentation puts low accuracy mode's limit at short texts (fewer than
about 120 characters); a whole article is far longer, and in the gold articles
every sentence of 120 characters or more was read as English.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# ISO 639-1 codes of the languages the drafter's rules are written for.
SUPPORTED = ("en",)

# Below this many characters (spaces not counted) lingua's low accuracy mode is
# unreliable for languages sharing one script (lingua's README, "low accuracy
# mode"): "Seoul said 3,000." reads as Swahili. A script of its own (Hangul,
# kana) is still a sure sign, so only a Latin-script guess on a short text is doubted.
SHORT_TEXT = 120

# Below this share of the confidence the detector's first guess is a guess: the
# text mixes languages or resembles several.
SURE = 0.5

# Lingua's names where the capitalised enum name is not the English one.
_NAMES = {Language.BOKMAL: "Norwegian Bokmål", Language.NYNORSK: "Norwegian Nynorsk"}


class UnsupportedLanguage(ValueError):
    """The article is written in a language the drafter does not read."""

    def __init__(self, detected: Detected):
        self.detected = detected
        supported = ", ".join(language_name(code) for code in SUPPORTED)
        super().__init__(
            f"the article reads as {detected.name} ({detected.code}); the drafter reads "
            f"{supported} only, so it would draft nothing from it: draft a translation, "
            "or add its claims to the data by hand"
        )


@dataclass(frozen=True)
class Detected:
    """An article's language: ISO 639-1 `code` ("ko"), English `name` ("Korean"), the
    detector's `confidence` (0-1) and a `note` for the reviewer (empty when sure)."""

    code: str
    name: str
    confidence: float
    note: str = ""

    @property
    def supported(self) -> bool:
        return self.code in SUPPORTED


def detect(text: str) -> Detected:
    """The language of `text`. A text too short or too mixed to tell counts as English,
    with a note saying what the detector guessed and why it was not believed."""
    values = _detector().compute_language_confidence_values(text)
    best = values[0] if values and values[0].value > 0 else None
    if best is None:
        return _english(1.0, "no words to detect a language from; taken as English")
    guess = _name(best.language)
    characters = len("".join(text.split()))
    if best.language == Language.ENGLISH:
        if best.value < SURE:
            return _english(best.value, f"English guessed with confidence {best.value:.2f} only")
        return _english(best.value)
    if characters < SHORT_TEXT and best.language in _latin_script():
        return _english(
            best.value,
            f"read as {guess} ({best.value:.2f}), but {characters} characters are too few to "
            "tell languages of the Latin script apart; taken as English",
        )
    if best.value < SURE:
        return _english(
            best.value,
            f"read as {guess} with confidence {best.value:.2f} only; taken as English",
        )
    return Detected(_code(best.language), guess, round(best.value, 2))


def require_supported(text: str) -> Detected:
    """The language of `text` (see `detect`); raises UnsupportedLanguage, whose message
    names the language, when the drafter does not read it."""
    detected = detect(text)
    if not detected.supported:
        raise UnsupportedLanguage(detected)
    return detected


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code in lower case: 'ko' -> 'Korean'; any other
    text (an unknown code, 'KO') is returned as given."""
    for language in Language.all():
        if _code(language) == code:
            return _name(language)
    return code


@functools.cache
def _detector() -> LanguageDetector:
    # Built once per process: lingua loads a language's models on first use and keeps them.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@functools.cache
def _latin_script() -> frozenset[Language]:
    return frozenset(Language.all_with_latin_script())


def _english(confidence: float, note: str = "") -> Detected:
    return Detected("en", "English", round(confidence, 2), note)


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _name(language: Language) -> str:
    return _NAMES.get(language, language.name.capitalize())
