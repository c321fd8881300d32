"""Word translations induced from the corpus itself, for the words the glossary does not cover.

The glossary links a few hundred curated terms; profiles use thousands more ("helmet", "servo", "diesel").
The multilingual sentence encoder places a word and its translation close together even for single words
(USE: helmet → 安全帽 0.64, diesel → 柴油 0.75, servo → 伺服 0.81), so every word of the index gets a vector,
and at query time each query word that no glossary term covered is expanded with its nearest words of the
other language (English ↔ Chinese) when they are close enough *and* mutual nearest neighbours, which filters
out most accidental neighbours (headhunting → 像头). An expansion adds that word's BM25 column, weighted by
the similarity.

Nothing is precomputed between words: translations are looked up at query time against the words of the
documents currently indexed (a word's document count drops to zero when its last document goes), so an
index changed one document at a time answers exactly like one built from scratch.

Measured on tests/data/ranking_eval.json (bench/ranking_eval.py), R@10 / nDCG@10 of BM25 alone: glossary
only 0.787 / 0.543, glossary and translations 0.954 / 0.680; fused with embeddings 0.969 / 0.730 and
0.986 / 0.758. Costs: one encoder call per new word when indexing (~3,000 words for 10,000 profiles, 0.5 s),
and 1–2 ms per query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

# Closest cosine a translation must reach, how many neighbours a word may take, and how deep the mutual
# check looks; chosen on the eval set, where results were flat for thresholds 0.55–0.65 and 1–3 neighbours.
MIN_SIMILARITY = 0.6
NEIGHBOURS = 2
MUTUAL_DEPTH = 2

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN, CHINESE, UNTRANSLATABLE = 0, 1, -1


def word_language(word: str) -> int:
    """LATIN or CHINESE for a word worth translating, else UNTRANSLATABLE (numbers, codes, single characters)."""
    if _CJK.search(word):
        return CHINESE if len(word) >= 2 and all(_CJK.match(c) for c in word) else UNTRANSLATABLE
    return LATIN if word.isalpha() and len(word) >= 3 else UNTRANSLATABLE


@dataclass(frozen=True)
class Translation:
    """A query word expanded into a word of the other language, found in the index as `token`."""

    query_word: str
    word: str
    token: str
    weight: float


@dataclass
class Lexicon:
    """Every translatable word of the indexed documents: its token, vector, language and document count."""

    words: list[str] = field(default_factory=list)  # row -> word
    tokens: list[str] = field(default_factory=list)  # row -> the search token the word becomes
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    languages: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # documents with the word
    ids: dict[str, int] = field(init=False, repr=False)  # word -> row

    def __post_init__(self) -> None:
        self.ids = {word: row for row, word in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    def add(self, documents: Iterable[dict[str, str]], encoder) -> None:
        """Count the words (word → token) of documents being indexed; embed the new ones in one batch."""
        new: dict[str, str] = {}
        counted: list[str] = []
        for word_tokens in documents:
            for word, token in word_tokens.items():
                if word_language(word) == UNTRANSLATABLE:
                    continue
                if word not in self.ids:
                    new.setdefault(word, token)
                counted.append(word)
        if new:
            words = list(new)
            vectors = np.asarray(encoder.encode(words), dtype=np.float32)
            self.vectors = vectors if len(self) == 0 else np.vstack([self.vectors, vectors])
            self.languages = np.concatenate([self.languages, [word_language(w) for w in words]]).astype(np.int8)
            self.counts = np.concatenate([self.counts, np.zeros(len(words), dtype=np.int32)])
            for word in words:
                self.ids[word] = len(self.words)
                self.words.append(word)
                self.tokens.append(new[word])
        if counted:
            np.add.at(self.counts, np.array([self.ids[w] for w in counted], dtype=np.int64), 1)

    def discard(self, word_tokens: dict[str, str]) -> None:
        """Uncount the words of a document leaving the index (its vectors stay, for when the word returns)."""
        rows = [self.ids[word] for word in word_tokens if word in self.ids]
        if rows:
            np.add.at(self.counts, np.asarray(rows, dtype=np.int64), -1)

    def translations(self, query_words: dict[str, str], encoder) -> list[Translation]:
        """Expansions of the query's words (word → token) into indexed words of the other language."""
        sources = [(word, word_language(word)) for word in query_words]
        sources = [(word, language) for word, language in sources if language != UNTRANSLATABLE]
        if not sources or len(self) == 0:
            return []
        live = self.counts > 0
        in_language = {language: (self.languages == language) & live for language in (LATIN, CHINESE)}
        # One product for all query words: similarity of every indexed word to every query word.
        similarity = self.vectors @ self._vectors_for([word for word, _ in sources], encoder).T
        candidates: list[tuple[int, int]] = []  # (query word, target row)
        for j, (_word, language) in enumerate(sources):
            column = np.where(in_language[1 - language], similarity[:, j], -np.inf)
            close = np.flatnonzero(column >= MIN_SIMILARITY)
            for target in close[np.argsort(-column[close], kind="stable")][:NEIGHBOURS]:
                candidates.append((j, int(target)))
        if not candidates:
            return []
        # Mutual check, again in one product: how many words of the query's language are closer to the target
        # than the query word is? Fewer than MUTUAL_DEPTH means the query word is among the target's nearest.
        targets = sorted({target for _, target in candidates})
        back = self.vectors @ self.vectors[targets].T
        result = []
        for j, target in candidates:
            word, language = sources[j]
            rows = in_language[language].copy()
            if word in self.ids:
                rows[self.ids[word]] = False
            closer = int(np.sum(back[rows, targets.index(target)] > similarity[target, j]))
            if closer < MUTUAL_DEPTH:
                result.append(Translation(word, self.words[target], self.tokens[target], float(similarity[target, j])))
        return result

    def _vectors_for(self, words: list[str], encoder) -> np.ndarray:
        """Stored vectors for indexed words, freshly encoded ones for words the index has never seen."""
        vectors = np.zeros((len(words), self.vectors.shape[1]), dtype=np.float32)
        unknown = [i for i, word in enumerate(words) if word not in self.ids]
        for i, word in enumerate(words):
            if word in self.ids:
                vectors[i] = self.vectors[self.ids[word]]
        if unknown:
            vectors[unknown] = encoder.encode([words[i] for i in unknown])
        return vectors

    # ----- persistence -----

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Vectors, languages and counts as arrays (words and tokens go to the JSON side)."""
        return {"lexicon_vectors": self.vectors, "lexicon_languages": self.languages, "lexicon_counts": self.counts}

    @classmethod
    def from_arrays(cls, words: list[str], tokens: list[str], arrays) -> Lexicon:
        """Rebuild from `to_arrays` output plus the words and tokens in row order."""
        return cls(
            words=list(words),
            tokens=list(tokens),
            vectors=arrays["lexicon_vectors"],
            languages=arrays["lexicon_languages"],
            counts=arrays["lexicon_counts"],
        )
