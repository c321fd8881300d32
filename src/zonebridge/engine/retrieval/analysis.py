"""Turn one text into what the index needs: lexical tokens, glossary concepts and the words behind them.

The lexical tokens are the surface tokens of `text.tokenize` plus one *concept token* per glossary mention
(`§battery` for "batteries", "电池" and "電芯" alike). Because documents and queries get the same concept
tokens, BM25 matches across languages with one shared IDF, which is the symmetric form of expanding an
English query term into its Chinese translations (and back).

The words a concept mention covers (or overlaps) are left out of the surface tokens, so that a
same-language match ("battery" ↔ "battery") and a cross-language one ("battery" ↔ "电池") count the same:
otherwise BM25 would always prefer documents in the query's own language, which is exactly what
cross-border matchmaking must not do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from zonebridge.engine.retrieval.glossary import Glossary, Mention
from zonebridge.engine.text import Word, convert_script, is_traditional, normalise, split_words, word_tokens

CONCEPT_PREFIX = "§"  # never produced by text.tokenize, which yields only letters, digits and ideographs


@dataclass(frozen=True)
class TextAnalysis:
    """What one text contributes to the index: tokens, concepts (with the languages they were written in)."""

    tokens: list[str]
    # surface token -> the (normalised) word it first came from, for showing shared words in reasons
    words: dict[str, str] = field(default_factory=dict)
    # every (normalised) word -> its surface token ("batteries" -> "batteri"), for word translations
    word_tokens: dict[str, str] = field(default_factory=dict)
    # concept key -> {language ("en", "zh_hans" or "zh_hant"): the words as first written in that language}
    concepts: dict[str, dict[str, str]] = field(default_factory=dict)


def concept_token(key: str) -> str:
    """The lexical token standing for a glossary concept."""
    return CONCEPT_PREFIX + key


def is_concept_token(token: str) -> bool:
    """Whether `token` stands for a glossary concept rather than a word of the text."""
    return token.startswith(CONCEPT_PREFIX)


def words_and_mentions(text: str, glossary: Glossary) -> tuple[str, list[Word], list[Mention]]:
    """Normalise `text`, split it into words and find its glossary mentions; jieba segments it only once."""
    normalised = normalise(text)
    words = split_words(normalised)  # shared by the glossary's word-boundary check and the caller's tokens
    return normalised, words, glossary.find(normalised, [(w.start, w.end) for w in words if w.chinese])


def analyse(text: str, glossary: Glossary) -> TextAnalysis:
    """Tokenise `text` for BM25 and find its glossary concepts."""
    normalised, words, mentions = words_and_mentions(text, glossary)
    concepts: dict[str, dict[str, str]] = {}
    if mentions:
        written = _as_written(text, normalised)
        text_is_traditional: list[bool] = []  # computed at most once, and only when needed
        for mention in mentions:
            surface = " ".join(written[mention.start : mention.end].split())
            language = _language(mention, surface, text, text_is_traditional)
            concepts.setdefault(mention.key, {}).setdefault(language, surface)

    # Words inside a mention are left out, so they are not counted twice.
    covered = [False] * len(normalised)
    for mention in mentions:
        covered[mention.start : mention.end] = [True] * (mention.end - mention.start)
    pairs = [pair for word in words if not any(covered[word.start : word.end]) for pair in word_tokens(word)]

    tokens = [token for token, _ in pairs] + [concept_token(m.key) for m in mentions]
    first_words: dict[str, str] = {}
    for token, word in pairs:
        first_words.setdefault(token, word)
    return TextAnalysis(tokens=tokens, words=first_words, word_tokens=pairs_by_word(pairs), concepts=concepts)


def pairs_by_word(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """word -> token from (token, word) pairs."""
    return {word: token for token, word in pairs}


def is_chinese_text(text: str) -> bool:
    """Whether a text is mainly Chinese: at least a fifth of its non-space characters are ideographs."""
    characters = [c for c in text if not c.isspace()]
    ideographs = sum(1 for c in characters if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")
    return bool(characters) and ideographs * 5 >= len(characters)


def _as_written(text: str, normalised: str) -> str:
    """`text` with the offsets of `normalised`, keeping the author's case and script where they line up."""
    compatible = unicodedata.normalize("NFKC", text)
    # Case folding ("ß" -> "ss") or a phrase conversion can change the length; then show the normalised form.
    return compatible if len(compatible) == len(normalised) else normalised


def _language(mention: Mention, surface: str, text: str, text_is_traditional: list[bool]) -> str:
    """"en", or which Chinese script the mention was written in (the text's script when it reads as both)."""
    if mention.language == "en":
        return "en"
    if convert_script(surface, "t2s") != surface:
        return "zh_hant"
    if convert_script(surface, "s2t") != surface:
        return "zh_hans"
    if not text_is_traditional:
        text_is_traditional.append(is_traditional(text))
    return "zh_hant" if text_is_traditional[0] else "zh_hans"
