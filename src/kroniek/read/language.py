"""Language identification: lingua over many languages, plus a Frisian word check.

A page is kept only when it reads as Dutch (Flemish is Dutch). Any other language is
named by its ISO 639-1 code, so the reader can say "not Dutch (looks like ru)". lingua
has no model for West Frisian, which it mostly reads as Dutch (or Nynorsk); a share of
common Frisian words (data/read/languages.yaml) tells it apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

DATA = Path(__file__).resolve().parents[1] / "data" / "read" / "languages.yaml"
SAMPLE_CHARS = 3000
L = Language
#: the languages told apart: Dutch's neighbours and the languages news pages most often come in.
#: Languages with a script of their own (Greek, Hebrew, Thai, Korean...) cost nothing extra:
#: lingua names them from the script alone.
LANGUAGES = (
    L.DUTCH,
    L.AFRIKAANS,
    L.ENGLISH,
    L.GERMAN,
    L.FRENCH,
    L.SPANISH,
    L.ITALIAN,
    L.PORTUGUESE,
    L.DANISH,
    L.SWEDISH,
    L.BOKMAL,
    L.NYNORSK,
    L.ICELANDIC,
    L.POLISH,
    L.CZECH,
    L.SLOVAK,
    L.SLOVENE,
    L.CROATIAN,
    L.BOSNIAN,
    L.HUNGARIAN,
    L.ROMANIAN,
    L.FINNISH,
    L.ESTONIAN,
    L.LATVIAN,
    L.LITHUANIAN,
    L.ALBANIAN,
    L.TURKISH,
    L.AZERBAIJANI,
    L.INDONESIAN,
    L.MALAY,
    L.TAGALOG,
    L.VIETNAMESE,
    L.SOMALI,
    L.SWAHILI,
    L.LATIN,
    L.IRISH,
    L.WELSH,
    L.BASQUE,
    L.CATALAN,
    L.ESPERANTO,
    L.RUSSIAN,
    L.UKRAINIAN,
    L.BELARUSIAN,
    L.BULGARIAN,
    L.SERBIAN,
    L.MACEDONIAN,
    L.KAZAKH,
    L.MONGOLIAN,
    L.ARABIC,
    L.PERSIAN,
    L.URDU,
    L.HEBREW,
    L.GREEK,
    L.HINDI,
    L.MARATHI,
    L.BENGALI,
    L.PUNJABI,
    L.GUJARATI,
    L.TAMIL,
    L.TELUGU,
    L.THAI,
    L.CHINESE,
    L.JAPANESE,
    L.KOREAN,
    L.ARMENIAN,
    L.GEORGIAN,
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Verdict:
    """What the language check found: the ISO 639-1 code, or None when no language shows."""

    code: str | None

    @property
    def dutch(self) -> bool:
        """True when the text reads as Dutch."""
        return self.code == "nl"


class LanguageCheck:
    """Tells which language a text is in; the detector is built on first use."""

    @cached_property
    def detector(self) -> LanguageDetector:
        """The lingua detector (built once per LanguageCheck)."""
        return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()

    @cached_property
    def frisian(self) -> tuple[frozenset[str], float]:
        """Frisian marker words and the share of a text's words that makes it Frisian."""
        entry = yaml.safe_load(DATA.read_text(encoding="utf-8"))["frisian"]
        return frozenset(entry["words"]), float(entry["share"])

    def verdict(self, text: str) -> Verdict:
        """The language of the text's first few thousand characters."""
        sample = text[:SAMPLE_CHARS]
        language = self.detector.detect_language_of(sample)
        if language is None:
            values = self.detector.compute_language_confidence_values(sample)
            language = values[0].language if values and values[0].value > 0 else None
        if language is None:
            return Verdict(None)
        if self._frisian(sample):
            return Verdict("fy")
        return Verdict(language.iso_code_639_1.name.lower())

    def _frisian(self, sample: str) -> bool:
        markers, share = self.frisian
        words = [w.lower() for w in WORD.findall(sample)]
        hits = sum(1 for w in words if w in markers)
        return hits >= 2 and hits / len(words) >= share
