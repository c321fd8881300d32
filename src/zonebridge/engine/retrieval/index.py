"""`RankIndex`: documents indexed both ways (BM25 tokens and sentence embeddings), searched with fusion.

Typical use (the Django apps hold one index per corpus and keep it in step with their rows):

    index = RankIndex.build([Document("o1", "尋找上海新能源汽車電池供應商", zone="lingang")])
    index.save("var/rank-index")                 # a directory: arrays.npz + meta.json
    index = RankIndex.load("var/rank-index")     # no re-embedding
    index.upsert(Document("o2", "Seeking seed investors for a fintech app"))
    index.remove("o1")
    index.search("battery supplier in Shanghai", k=10, filters={"zone": "lingang"})  # -> list[Match]
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from zonebridge.engine.retrieval.analysis import TextAnalysis, analyse, is_chinese_text
from zonebridge.engine.retrieval.fusion import DEFAULT_FUSION, Fusion, drop_unrelated
from zonebridge.engine.retrieval.glossary import Glossary, default_glossary
from zonebridge.engine.retrieval.lexical import LexicalIndex
from zonebridge.engine.retrieval.lexicon import Lexicon, Translation
from zonebridge.engine.retrieval.reasons import explain
from zonebridge.engine.retrieval.semantic import SentenceEncoder, default_encoder, limited_blas_threads

FILTER_FIELDS = ("zone", "kind", "sector")
INDEX_FORMAT = "zonebridge-rank-index"
INDEX_VERSION = 2
ARRAYS_FILE = "arrays.npz"
META_FILE = "meta.json"

# A filter value: one accepted value, or several (any of them matches).
Filters = Mapping[str, str | Sequence[str]]


@dataclass(frozen=True)
class Document:
    """A text to be found: an organisation's profile, an offer or a request, with optional facets."""

    id: str
    text: str
    zone: str | None = None
    kind: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Match:
    """One search result: the document id, the fused score in [0, 1], reasons, and the two raw scores."""

    id: str
    score: float
    why: list[str]
    lexical: float = 0.0
    semantic: float = 0.0


@dataclass
class RankIndex:
    """Documents with their analyses, BM25 index and embeddings, kept aligned by position.

    Searches may run from several threads at once; `upsert` and `remove` must not run alongside anything
    else on the same index (hold a lock, or build a new index and swap it in).
    """

    documents: list[Document] = field(default_factory=list)
    concepts: list[dict[str, dict[str, str]]] = field(default_factory=list)
    chinese: list[bool] = field(default_factory=list)  # the document's language group, for fusion
    lexical: LexicalIndex = field(default_factory=LexicalIndex)
    lexicon: Lexicon = field(default_factory=Lexicon)
    embeddings: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    glossary: Glossary = field(default_factory=default_glossary)
    encoder: SentenceEncoder = field(default_factory=default_encoder)
    fusion: Fusion = DEFAULT_FUSION
    _positions: dict[str, int] = field(default_factory=dict, repr=False)
    _facets: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.documents)

    def __contains__(self, document_id: str) -> bool:
        return document_id in self._positions

    # ----- building and changing -----

    @classmethod
    def build(
        cls,
        documents: Iterable[Document],
        *,
        glossary: Glossary | None = None,
        encoder: SentenceEncoder | None = None,
        fusion: Fusion = DEFAULT_FUSION,
    ) -> RankIndex:
        """Index `documents` (ids must be unique): analyse every text and embed them in one batch."""
        documents = list(documents)
        index = cls(
            glossary=glossary or default_glossary(), encoder=encoder or default_encoder(), fusion=fusion
        )
        duplicates = sorted(i for i, n in Counter(d.id for d in documents).items() if n > 1)
        if duplicates:
            raise ValueError(f"duplicate document id {duplicates[0]!r}")
        analyses = [analyse(document.text, index.glossary) for document in documents]
        for document, analysis in zip(documents, analyses):
            index._append(document, analysis)
        # One after the other: analysing while the encoder's threads run gained nothing measurable on 2 cores
        # (both compete for the GIL and the cores), and this is simpler.
        index.embeddings = index._embed([d.text for d in documents])
        index.lexicon.add((a.word_tokens for a in analyses), index.encoder)
        return index

    def upsert(self, document: Document) -> None:
        """Add `document`, or replace the one with the same id, without re-indexing the others."""
        analysis = analyse(document.text, self.glossary)
        vector = self._embed([document.text])
        position = self._positions.get(document.id)
        if position is None:
            self._append(document, analysis)
            self.embeddings = np.vstack([self.embeddings, vector]) if self.embeddings.size else vector
        else:
            self.lexicon.discard(analyse(self.documents[position].text, self.glossary).word_tokens)
            self.documents[position] = document
            self.concepts[position] = analysis.concepts
            self.chinese[position] = is_chinese_text(document.text)
            self.lexical.replace(position, analysis.tokens)
            self.embeddings[position] = vector[0]
        self.lexicon.add([analysis.word_tokens], self.encoder)
        self._facets.clear()

    def remove(self, document_id: str) -> None:
        """Remove the document with `document_id`; KeyError if there is none."""
        position = self._positions.pop(document_id)
        self.lexicon.discard(analyse(self.documents[position].text, self.glossary).word_tokens)
        del self.documents[position]
        del self.concepts[position]
        del self.chinese[position]
        self.lexical.delete(position)
        self.embeddings = np.delete(self.embeddings, position, axis=0)
        for later in self.documents[position:]:
            self._positions[later.id] -= 1
        self._facets.clear()

    def _append(self, document: Document, analysis: TextAnalysis) -> None:
        self._positions[document.id] = len(self.documents)
        self.documents.append(document)
        self.concepts.append(analysis.concepts)
        self.chinese.append(is_chinese_text(document.text))
        self.lexical.append(analysis.tokens)

    def _embed(self, texts: list[str]) -> np.ndarray:
        vectors = self.encoder.encode(texts)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.encoder.dimensions)

    # ----- searching -----

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Match]:
        """The best `k` documents for `query` (any language), best first, optionally filtered by facets."""
        return self.search_many([query], k, [filters])[0]

    def search_many(
        self, queries: Sequence[str], k: int = 10, filters: Sequence[Filters | None] | None = None
    ) -> list[list[Match]]:
        """`search` for several queries at once (one encoder call for all of them)."""
        if k < 1:
            raise ValueError("k must be at least 1")
        filters = list(filters) if filters is not None else [None] * len(queries)
        if len(filters) != len(queries):
            raise ValueError("give one filters entry per query")
        vectors = self._embed(list(queries)) if self.documents else None
        with limited_blas_threads():
            return [
                self._rank(query, vectors[i] if vectors is not None else None, k, filters[i])
                for i, query in enumerate(queries)
            ]

    def scores(self, query: str, *, translate: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Raw BM25 and cosine scores of every document, in index order (for evaluation and debugging)."""
        if not self.documents:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
        analysis = analyse(query, self.glossary)
        translations = self.lexicon.translations(analysis.word_tokens, self.encoder) if translate else []
        lexical = self.lexical.scores(analysis.tokens, _expansions(translations))
        return lexical, self.embeddings @ self._embed([query])[0]

    def _rank(self, query: str, vector: np.ndarray | None, k: int, filters: Filters | None) -> list[Match]:
        # A query without a single letter, digit or ideograph ("", "!!!") asks for nothing.
        if vector is None or not any(c.isalnum() for c in query):
            return []
        candidates = self._candidates(filters)
        if candidates.size == 0:
            return []
        analysis = analyse(query, self.glossary)
        translations = self.lexicon.translations(analysis.word_tokens, self.encoder)
        # Score everything, then pick the candidates: cheaper than copying the candidates' embedding rows.
        lexical = self.lexical.scores(analysis.tokens, _expansions(translations))[candidates]
        semantic = (self.embeddings @ vector)[candidates]
        fused = drop_unrelated(self.fusion.fuse(lexical, semantic, self._language_groups()[candidates]),
                               lexical, semantic)
        top = top_positions(fused, k)
        idf = self.lexical.idf(analysis.tokens + [t.token for t in translations])
        query_ids = {token: self.lexical.vocabulary.get(token) for token in analysis.words}
        translation_ids = [(t, self.lexical.vocabulary.get(t.token)) for t in translations]
        matches = []
        for i in top:
            position = int(candidates[i])
            document_ids = set(self.lexical.documents[position].tolist())
            shared_words = {token for token, token_id in query_ids.items() if token_id in document_ids}
            shared_translations = [t for t, token_id in translation_ids if token_id in document_ids]
            why = explain(
                analysis,
                self.concepts[position],
                shared_words,
                lambda token: idf.get(token, 0.0),
                float(semantic[i]),
                shared_translations,
            )
            matches.append(
                Match(self.documents[position].id, float(fused[i]), why, float(lexical[i]), float(semantic[i]))
            )
        return matches

    def _candidates(self, filters: Filters | None) -> np.ndarray:
        """Positions of the documents whose facets pass `filters`."""
        mask = np.ones(len(self.documents), dtype=bool)
        for name, wanted in (filters or {}).items():
            if name not in FILTER_FIELDS:
                raise ValueError(f"unknown filter {name!r}; filters are {', '.join(FILTER_FIELDS)}")
            accepted = {_facet_value(wanted)} if isinstance(wanted, str) else {_facet_value(w) for w in wanted}
            mask &= np.isin(self._facet(name), list(accepted))
        return np.flatnonzero(mask)

    def _language_groups(self) -> np.ndarray:
        if "_chinese" not in self._facets:
            self._facets["_chinese"] = np.asarray(self.chinese, dtype=np.int8)
        return self._facets["_chinese"]

    def _facet(self, name: str) -> np.ndarray:
        if name not in self._facets:
            self._facets[name] = np.array([_facet_value(getattr(d, name)) for d in self.documents], dtype=object)
        return self._facets[name]

    # ----- persistence -----

    def save(self, path: str | os.PathLike) -> None:
        """Write the index to directory `path` (created if needed): arrays.npz plus meta.json."""
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": INDEX_FORMAT,
            "version": INDEX_VERSION,
            "encoder": self.encoder.name,
            "dimensions": self.encoder.dimensions,
            "glossary": self.glossary.fingerprint,
            "fusion": asdict(self.fusion),
            "vocabulary": list(self.lexical.vocabulary),
            "lexicon": {"words": self.lexicon.words, "tokens": self.lexicon.tokens},
            "documents": [
                {**asdict(d), "concepts": c, "chinese": chinese}
                for d, c, chinese in zip(self.documents, self.concepts, self.chinese)
            ],
        }
        arrays = self.lexical.to_arrays() | self.lexicon.to_arrays() | {"embeddings": self.embeddings}
        # Write beside the target and rename, so a reader never loads half an index.
        _atomic_write(directory / ARRAYS_FILE, lambda handle: np.savez(handle, **arrays), binary=True)
        _atomic_write(
            directory / META_FILE, lambda handle: json.dump(meta, handle, ensure_ascii=False), binary=False
        )

    @classmethod
    def load(
        cls, path: str | os.PathLike, *, glossary: Glossary | None = None, encoder: SentenceEncoder | None = None
    ) -> RankIndex:
        """Read an index written by `save`. Re-analyses the texts (not re-embeds) if the glossary changed."""
        directory = Path(path)
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT or meta.get("version") != INDEX_VERSION:
            raise ValueError(f"{directory}: not a version {INDEX_VERSION} {INDEX_FORMAT}")
        glossary = glossary or default_glossary()
        encoder = encoder or default_encoder()
        if meta["encoder"] != encoder.name:
            raise ValueError(f"{directory}: built with encoder {meta['encoder']}, not {encoder.name}; rebuild it")
        with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
            arrays = dict(arrays)
        fields = ("id", "text", "zone", "kind", "sector")
        documents = [Document(**{name: d.get(name) for name in fields}) for d in meta["documents"]]
        index = cls(
            glossary=glossary, encoder=encoder, fusion=Fusion(**meta["fusion"]), embeddings=arrays["embeddings"],
            lexicon=Lexicon.from_arrays(meta["lexicon"]["words"], meta["lexicon"]["tokens"], arrays),
        )
        if meta["glossary"] == glossary.fingerprint:
            index.documents = documents
            index.concepts = [d["concepts"] for d in meta["documents"]]
            index.chinese = [d["chinese"] for d in meta["documents"]]
            index.lexical = LexicalIndex.from_arrays(meta["vocabulary"], arrays)
            index._positions = {d.id: i for i, d in enumerate(documents)}
        else:
            # Concept tokens depend on the glossary: redo the text analysis, keep the (costly) embeddings. The
            # words left once concepts are blanked out change too, so the lexicon is recounted (new words only
            # are embedded).
            index.lexicon.counts[:] = 0
            analyses = [analyse(document.text, glossary) for document in documents]
            for document, analysis in zip(documents, analyses):
                index._append(document, analysis)
            index.lexicon.add((a.word_tokens for a in analyses), encoder)
        return index


def warm_up(glossary: Glossary | None = None, encoder: SentenceEncoder | None = None) -> None:
    """Load what the first search would otherwise load (glossary, jieba, encoder weights: ~1–2 s), e.g. when a
    web worker starts."""
    analyse("临港 warm-up", glossary or default_glossary())
    (encoder or default_encoder()).encode(["warm-up"])


def _expansions(translations: list[Translation]) -> dict[str, float]:
    """Token weights for translated query words (a token reached twice keeps its best similarity)."""
    weights: dict[str, float] = {}
    for translation in translations:
        weights[translation.token] = max(weights.get(translation.token, 0.0), translation.weight)
    return weights


def top_positions(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the `k` highest finite scores, best first (ties broken by position, for determinism)."""
    scores = np.where(np.isfinite(scores), scores, -np.inf)
    if scores.size > k:
        # Everything scoring at least the k-th best, ties included, so the cut does not depend on argpartition.
        kth = np.partition(scores, scores.size - k)[scores.size - k]
        shortlist = np.flatnonzero(scores >= kth)
    else:
        shortlist = np.arange(scores.size)
    best = shortlist[np.argsort(-scores[shortlist], kind="stable")][:k]
    return best[np.isfinite(scores[best])]


def _facet_value(value: object) -> str:
    return str(value).strip().casefold() if value is not None else ""


def _atomic_write(target: Path, write, *, binary: bool) -> None:
    mode = "wb" if binary else "w"
    encoding = None if binary else "utf-8"
    with tempfile.NamedTemporaryFile(mode, encoding=encoding, dir=target.parent, delete=False, suffix=".tmp") as out:
        write(out)
    os.replace(out.name, target)
