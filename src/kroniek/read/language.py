"""Language identification with lingua, restricted to a handful of common languages."""

from __future__ import annotations

from functools import cached_property

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

#: the languages told apart; Dutch pages are kept, the others are reported
LANGUAGES = (
    Language.DUTCH, Language.ENGLISH, Language.GERMAN, Language.FRENCH,
    Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.TURKISH,
)
SAMPLE_CHARS = 3000


class LanguageCheck:
    """Tells which language a text is in; the lingua detector is built on first use."""

    @cached_property
    def detector(self) -> LanguageDetector:
        """The lingua detector (built once per LanguageCheck)."""
        return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()

    def language_of(self, text: str) -> Language | None:
        """The language of the text's first few thousand characters, or None when unclear."""
        return self.detector.detect_language_of(text[:SAMPLE_CHARS])
