"""The bilingual glossary and the matcher that finds its terms in any text, in any of the three scripts.

A *concept* is one glossary row: English, Simplified and Traditional variants of the same term
(`battery|batteries  电池|电芯  電池|電芯`). Finding concepts is what lets lexical search cross languages:
an English query and a Chinese document that mention the same concept share one index token.

Matching runs on `text.normalise` output (NFKC, case-folded, Simplified), so Traditional variants collapse
onto their Simplified forms. English variants are matched as sequences of stemmed words ("batteries" matches
the variant "battery"); Chinese variants as substrings, because jieba may split a term differently in context.
English words match exactly, or by stem where the stem belongs to one concept only. A Chinese substring
must not cut through a word jieba sees around it: "供电" (power supply) is not in "提供电芯" (提供|电芯),
while "电池" still is in "电池组".
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path

from zonebridge.engine.text import convert_script, normalise, word_spans

GLOSSARY_RESOURCE = "data/glossary.tsv"
COLUMNS = ("en", "zh_hans", "zh_hant", "kind")
LANGUAGES = ("en", "zh_hans", "zh_hant")

# Letters and digits outside the CJK blocks: the words English matching works on.
_WORD = re.compile(r"(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[^\W_])+(?:['’][^\W_]+)?")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Concept:
    """One glossary row: the same term in English, Simplified and Traditional Chinese."""

    key: str
    en: tuple[str, ...]
    zh_hans: tuple[str, ...]
    zh_hant: tuple[str, ...]
    kind: str = ""

    def display(self, language: str) -> str:
        """The display form (first variant) in `language` ("en", "zh_hans" or "zh_hant")."""
        variants = getattr(self, language)
        if variants:
            return variants[0]
        # A row may leave a column empty: derive the missing Chinese script, else fall back to any form.
        if language == "zh_hant" and self.zh_hans:
            return convert_script(self.zh_hans[0], "s2hk")
        if language == "zh_hans" and self.zh_hant:
            return convert_script(self.zh_hant[0], "hk2s")
        return self.en[0] if self.en else (self.zh_hans or self.zh_hant)[0]


@dataclass(frozen=True)
class Mention:
    """A concept found in a normalised text, at `[start, end)`, through a variant of `language` "en" or "zh"."""

    key: str
    language: str
    start: int
    end: int


@dataclass
class Glossary:
    """All concepts, plus lookup tables for finding them in normalised text."""

    concepts: dict[str, Concept]
    fingerprint: str = ""
    # first word -> [(words, concept key)], longest first; exact words, and stems where a stem is unambiguous
    _by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict, repr=False)
    _by_first_stem: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict, repr=False)
    # first one or two characters -> [(variant, concept key)], longest first
    _by_prefix: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_words: dict[tuple[str, ...], set[str]] = {}
        by_stems: dict[tuple[str, ...], set[str]] = {}
        by_prefix: dict[str, set[tuple[str, str]]] = {}
        for concept in self.concepts.values():
            for language in LANGUAGES:
                for variant in getattr(concept, language):
                    form = normalise(variant).strip()
                    if _CJK.search(form):
                        by_prefix.setdefault(form[:2], set()).add((form, concept.key))
                    elif words := tuple(_words(form)):
                        by_words.setdefault(words, set()).add(concept.key)
                        by_stems.setdefault(tuple(_stemmer().stemWords(words)), set()).add(concept.key)
        # Stemming conflates some terms ("hospital" and "hospitality" both become "hospit"): where a stem
        # belongs to more than one concept, only the exact words may match.
        by_stems = {stems: keys for stems, keys in by_stems.items() if len(keys) == 1}
        self._by_first_word = _longest_first(by_words)
        self._by_first_stem = _longest_first(by_stems)
        self._by_prefix = {p: sorted(c, key=lambda c: (-len(c[0]), c)) for p, c in by_prefix.items()}

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, key: str) -> Concept:
        return self.concepts[key]

    @classmethod
    def parse(cls, tsv: str) -> Glossary:
        """Read the glossary TSV (header `en  zh_hans  zh_hant  kind`, variants separated by `|`)."""
        lines = tsv.splitlines()
        header = lines[0].lstrip("\ufeff").split("\t") if lines else []
        if [name.strip() for name in header[:4]] != list(COLUMNS):
            raise ValueError(f"glossary header must be {' | '.join(COLUMNS)}, not {header!r}")
        concepts: dict[str, Concept] = {}
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip() or line.startswith("#"):
                continue
            cells = (line.split("\t") + ["", "", "", ""])[:4]
            en, zh_hans, zh_hant = (_variants(cell) for cell in cells[:3])
            if not en and not zh_hans and not zh_hant:
                raise ValueError(f"glossary line {number}: no term")
            key = en[0] if en else (zh_hans or zh_hant)[0]
            if key in concepts:
                raise ValueError(f"glossary line {number}: duplicate concept {key!r}")
            concepts[key] = Concept(key, en, zh_hans, zh_hant, cells[3].strip())
        return cls(concepts, fingerprint=hashlib.sha256(tsv.encode("utf-8")).hexdigest()[:16])

    @classmethod
    def load(cls, path: str | Path | None = None) -> Glossary:
        """Load the glossary from `path`, or the one shipped with the package."""
        if path is None:
            return default_glossary()
        return cls.parse(Path(path).read_text(encoding="utf-8"))

    def find(self, normalised_text: str, chinese_word_spans: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Every concept mention in `normalised_text` (output of `text.normalise`), in order of position.

        Nested mentions of other concepts are kept ("power battery" also mentions "battery", "hong kong
        science park" also "hong kong"), so a specific term still matches the general one; a mention inside
        a longer mention of the same concept is dropped. Pass `chinese_word_spans` (`text.word_spans`) when
        already computed, to save segmenting the text again.
        """
        mentions = self._find_words(normalised_text) + self._find_chinese(normalised_text, chinese_word_spans)
        mentions.sort(key=lambda m: (m.start, -(m.end - m.start), m.key))
        kept: list[Mention] = []
        reach: dict[str, int] = {}  # concept key -> end of its last kept mention
        for mention in mentions:
            if mention.end > reach.get(mention.key, -1):
                kept.append(mention)
                reach[mention.key] = mention.end
        return kept

    def _find_words(self, text: str) -> list[Mention]:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        if not spans:
            return []
        words = _words_at(text, spans)
        stems = _stemmer().stemWords(words)
        mentions = []
        for position in range(len(words)):
            found: set[str] = set()
            for sequence, table in ((words, self._by_first_word), (stems, self._by_first_stem)):
                for variant, key in table.get(sequence[position], ()):
                    if key not in found and tuple(sequence[position : position + len(variant)]) == variant:
                        found.add(key)
                        end = spans[position + len(variant) - 1][1]
                        mentions.append(Mention(key, "en", spans[position][0], end))
        return mentions

    def _find_chinese(self, text: str, chinese_word_spans: list[tuple[int, int]] | None) -> list[Mention]:
        mentions = []
        by_prefix = self._by_prefix
        for position in range(len(text)):
            found: set[str] = set()
            for prefix in (text[position : position + 2], text[position]):
                for variant, key in by_prefix.get(prefix, ()):
                    if key not in found and text.startswith(variant, position):
                        found.add(key)
                        mentions.append(Mention(key, "zh", position, position + len(variant)))
        if mentions:
            spans = word_spans(text) if chinese_word_spans is None else chinese_word_spans
            mentions = _respecting_words(mentions, text, spans)
        return mentions


def _respecting_words(mentions: list[Mention], text: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """Drop mentions that cross a jieba word boundary (overlap a word without containing it or lying in it)."""
    covering = [(i, i + 1) for i in range(len(text))]  # the Chinese word covering each character, or itself
    for start, end in spans:
        covering[start:end] = [(start, end)] * (end - start)
    kept = []
    for mention in mentions:
        first_start, first_end = covering[mention.start]
        last_start, last_end = covering[mention.end - 1]
        crosses_start = first_start < mention.start and first_end < mention.end
        crosses_end = last_end > mention.end and last_start > mention.start
        if not (crosses_start or crosses_end):
            kept.append(mention)
    return kept


def _longest_first(table: dict[tuple[str, ...], set[str]]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, keys in table.items():
        by_first.setdefault(words[0], []).extend((words, key) for key in keys)
    return {first: sorted(c, key=lambda c: (-len(c[0]), c)) for first, c in by_first.items()}


def _variants(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in cell.split("|") if v.strip()))


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _words(text: str) -> list[str]:
    return _words_at(text, [(m.start(), m.end()) for m in _WORD.finditer(text)])


def _words_at(text: str, spans: list[tuple[int, int]]) -> list[str]:
    # Same apostrophe handling as text.tokenize, so "Lab's" and "lab" meet.
    return [text[start:end].replace("’", "'").removesuffix("'s") for start, end in spans]


@functools.lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The glossary shipped as package data (`zonebridge/engine/data/glossary.tsv`), loaded once per process."""
    resource = importlib.resources.files("zonebridge.engine").joinpath(GLOSSARY_RESOURCE)
    return Glossary.parse(resource.read_text(encoding="utf-8"))
