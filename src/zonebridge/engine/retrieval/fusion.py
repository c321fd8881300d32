"""Combine the lexical (BM25) and semantic (cosine) scores of the same candidates into one ranking.

Two methods, both over the candidates that passed the filters:

* `rrf` — reciprocal rank fusion, Σ 1/(rrf_k + rank): ignores score scales, so it needs no tuning, but it
  throws away how *much* better the first hit is than the second.
* `convex` — a weighted sum of the two scores put on [0, 1]: cosine min-max scaled over the candidates,
  BM25 divided by the best BM25 score *among documents of the same language* (`groups`). BM25 scores are
  not comparable across languages: a document in the query's language shares its plain words too, while
  one in the other language can only meet it through glossary concepts and word translations, so a raw
  scale ranks every same-language text first, which is exactly wrong for cross-border matchmaking.

The default (`DEFAULT_FUSION`, convex with a lexical share of 0.25) was chosen on tests/data/ranking_eval.json
with `bench/ranking_eval.py --sweep` (R@10 / nDCG@10): convex 0.2–0.3 gives 0.980–0.986 / 0.756–0.758,
RRF 0.968–0.986 / 0.736–0.744, and convex 0.25 on a raw (not per-language) BM25 scale 0.983 / 0.727. Tuned
on either half of the queries (convex 0.2 or 0.3 wins), fusion still beats both rankers on the other half.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Fusion:
    """How to fuse: `method` "rrf" or "convex", the lexical share of a convex sum, and RRF's rank constant."""

    method: str = "convex"
    lexical_weight: float = 0.5
    rrf_k: float = 60.0

    def __post_init__(self) -> None:
        if self.method not in ("rrf", "convex"):
            raise ValueError(f"unknown fusion method {self.method!r}")
        if not 0.0 <= self.lexical_weight <= 1.0:
            raise ValueError("lexical_weight must be between 0 and 1")

    def fuse(self, lexical: np.ndarray, semantic: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
        """Fused score per candidate, higher is better, in [0, 1]; `groups` labels each candidate's language."""
        if lexical.size == 0:
            return np.zeros(0, dtype=np.float64)
        if self.method == "rrf":
            # Scaled so that first place in both lists scores 1.
            best = 2.0 / (self.rrf_k + 1.0)
            return (_rrf_terms(lexical, self.rrf_k) + _rrf_terms(semantic, self.rrf_k)) / best
        lexical_part = _per_group_max(lexical, groups if groups is not None else np.zeros(lexical.size, dtype=int))
        return self.lexical_weight * lexical_part + (1.0 - self.lexical_weight) * _min_max(semantic)


def _rrf_terms(scores: np.ndarray, rrf_k: float) -> np.ndarray:
    # Rank 1 is the best score; a candidate with no lexical evidence at all gets no lexical credit.
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(scores.size, dtype=np.float64)
    ranks[order] = np.arange(1, scores.size + 1)
    terms = 1.0 / (rrf_k + ranks)
    terms[scores <= 0] = 0.0
    return terms


def _per_group_max(scores: np.ndarray, groups: np.ndarray) -> np.ndarray:
    scaled = np.zeros(scores.size, dtype=np.float64)
    for group in np.unique(groups):
        members = groups == group
        best = float(scores[members].max())
        if best > 0:
            scaled[members] = np.maximum(scores[members], 0) / best
    return scaled


def _min_max(scores: np.ndarray) -> np.ndarray:
    scores = scores.astype(np.float64, copy=False)
    low, high = float(scores.min()), float(scores.max())
    if high - low < 1e-12:
        return np.zeros_like(scores) if high <= 0 else np.ones_like(scores)
    return (scores - low) / (high - low)


DEFAULT_FUSION = Fusion("convex", lexical_weight=0.25)

# USE cosine below which a document that shares no term with the query is noise, not a partner. On
# tests/data/ranking_eval.json a query and an arbitrary document score 0.09 (median), a query and a relevant
# document 0.49 (median) and above 0.20 for 99% of pairs; the cut costs one hit in 337 queries (R@10 0.986 →
# 0.983) and stops "Seeking seed investors" being offered to someone looking for battery suppliers.
MIN_SIMILARITY_WITHOUT_SHARED_TERMS = 0.2


def drop_unrelated(fused: np.ndarray, lexical: np.ndarray, semantic: np.ndarray) -> np.ndarray:
    """Fused scores with candidates that share no term and are barely similar set to -inf (never returned)."""
    unrelated = (lexical <= 0) & (semantic < MIN_SIMILARITY_WITHOUT_SHARED_TERMS)
    return np.where(unrelated, -np.inf, fused)
