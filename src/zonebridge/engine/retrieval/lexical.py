"""BM25 over the analysed tokens (bm25s), kept as token-id lists so one document can change cheaply.

BM25's weights depend on corpus-wide statistics (document frequencies, average length), so adding one
document changes every score a little. We therefore keep each document's token ids (the costly part to
produce: segmentation and glossary matching) and re-derive bm25s's precomputed score matrix from them,
lazily, on the first search after a change: about 0.25 s for 10,000 documents, and exactly the matrix a
full rebuild would give.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Lucene's BM25 variant with the usual parameters; short profile texts saturate quickly, k1=1.2 suits them.
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass
class LexicalIndex:
    """Token ids per document, a growing vocabulary, and a lazily rebuilt bm25s model."""

    vocabulary: dict[str, int] = field(default_factory=dict)
    documents: list[np.ndarray] = field(default_factory=list)  # int32 token ids, one array per document
    _model: object | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.documents)

    def token_ids(self, tokens: list[str], *, grow: bool = False) -> np.ndarray:
        """Map tokens to ids; unknown tokens are added when `grow`, else dropped."""
        if grow:
            vocabulary = self.vocabulary
            ids = [vocabulary.setdefault(token, len(vocabulary)) for token in tokens]
        else:
            ids = [i for i in map(self.vocabulary.get, tokens) if i is not None]
        return np.asarray(ids, dtype=np.int32)

    def append(self, tokens: list[str]) -> None:
        """Add one document at the end."""
        self.documents.append(self.token_ids(tokens, grow=True))
        self._model = None

    def replace(self, position: int, tokens: list[str]) -> None:
        """Replace the document at `position`."""
        self.documents[position] = self.token_ids(tokens, grow=True)
        self._model = None

    def delete(self, position: int) -> None:
        """Remove the document at `position`; later documents move up by one."""
        del self.documents[position]
        self._model = None

    def scores(self, query_tokens: list[str], expansions: dict[str, float] | None = None) -> np.ndarray:
        """BM25 score of every document for the query (each distinct token once), plus weighted expansions."""
        if not self.documents:
            return np.zeros(0, dtype=np.float32)
        weights = dict.fromkeys(query_tokens, 1.0)
        for token, weight in (expansions or {}).items():
            weights[token] = weights.get(token, 0.0) + weight
        model = self._bm25()
        data, indices, pointers = model.scores["data"], model.scores["indices"], model.scores["indptr"]
        scores = np.zeros(len(self.documents), dtype=np.float64)
        for token, weight in weights.items():
            token_id = self.vocabulary.get(token)
            if token_id is not None and token_id < len(pointers) - 1:
                start, end = pointers[token_id], pointers[token_id + 1]
                # Each document appears at most once in a token's column, so plain fancy-index adding is safe.
                scores[indices[start:end]] += weight * data[start:end]
        return scores.astype(np.float32)

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Lucene IDF of each token present in the index (absent tokens are left out)."""
        n_docs = len(self.documents)
        frequencies = self._document_frequencies()
        result = {}
        for token in tokens:
            token_id = self.vocabulary.get(token)
            if token_id is not None and token_id < len(frequencies) and frequencies[token_id] > 0:
                df = float(frequencies[token_id])
                result[token] = float(np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)))
        return result

    def _document_frequencies(self) -> np.ndarray:
        indptr = self._bm25().scores["indptr"]
        return np.diff(indptr)

    def _bm25(self):
        if self._model is None:
            import bm25s

            model = bm25s.BM25(method="lucene", k1=BM25_K1, b=BM25_B)
            if self.documents:
                # bm25s keeps the vocabulary dict it is given and may add to it: hand it a copy.
                corpus = [ids.tolist() for ids in self.documents]
                model.index((corpus, dict(self.vocabulary)), create_empty_token=False, show_progress=False)
            self._model = model
        return self._model

    # ----- persistence: plain arrays, so saving and loading need no pickling -----

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The index as numpy arrays (token ids in CSR form plus bm25s's score matrix)."""
        lengths = np.fromiter((len(d) for d in self.documents), dtype=np.int64, count=len(self.documents))
        pointers = np.zeros(len(self.documents) + 1, dtype=np.int64)
        np.cumsum(lengths, out=pointers[1:])
        flat = np.concatenate(self.documents) if self.documents else np.zeros(0, dtype=np.int32)
        arrays = {"token_pointers": pointers, "token_ids": flat.astype(np.int32)}
        if self.documents:
            scores = self._bm25().scores
            arrays |= {f"bm25_{name}": scores[name] for name in ("data", "indices", "indptr")}
        return arrays

    @classmethod
    def from_arrays(cls, vocabulary: list[str], arrays) -> LexicalIndex:
        """Rebuild the index from `to_arrays` output and the vocabulary in id order."""
        pointers, flat = arrays["token_pointers"], arrays["token_ids"]
        documents = [flat[pointers[i] : pointers[i + 1]] for i in range(len(pointers) - 1)]
        index = cls(vocabulary={token: i for i, token in enumerate(vocabulary)}, documents=documents)
        if documents and "bm25_data" in arrays:
            import bm25s

            model = bm25s.BM25(method="lucene", k1=BM25_K1, b=BM25_B)
            # The same attributes bm25s's own loader sets: the precomputed matrix and the vocabulary.
            model.scores = {
                "data": arrays["bm25_data"],
                "indices": arrays["bm25_indices"],
                "indptr": arrays["bm25_indptr"],
                "num_docs": len(documents),
            }
            model.vocab_dict = dict(index.vocabulary)
            model.unique_token_ids_set = set(model.vocab_dict.values())
            model.nonoccurrence_array = None
            index._model = model
        return index
