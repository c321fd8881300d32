"""Offline evaluation: Recall@k and nDCG@k of BM25 alone, embeddings alone and their fusion, in one pass.

The data format is tests/data/ranking_eval.json:
`{"documents": [{"id", "lang", "zone", "kind", "sector", "text"}], "queries": [{"id", "lang", "text",
"relevant": [document ids], "note": "en→zh_hans", "kind": "need"}]}`; `note` is the query's category.

A query's `kind` (`need` or `offer`) is answered by documents of the other kind (`ANSWERING_KIND`): two
companies with the same need cannot help each other, and the set's "twins" (a document posting the query's own
need, often in the query's language) are never relevant. `evaluate(..., complementary=True)` compares a query only
with documents of the answering kind; an app does the same by filtering on the kind
(`RankIndex.search(..., filters={"kind": ANSWERING_KIND[kind]})`). The rule chooses nothing from the data, so
it cannot overfit: on the 64 zh_hans→en queries it lifts fusion nDCG@10 from 0.587 to 0.773, and no category
goes down (bench/ranking_eval.py prints both, and each held-out half).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from zonebridge.engine.retrieval.fusion import Fusion, drop_unrelated
from zonebridge.engine.retrieval.index import Document, RankIndex, top_positions

METHODS = ("bm25", "embeddings", "fusion")
# Which kind of document answers a query of each kind.
ANSWERING_KIND = {"need": "offer", "offer": "need"}


@dataclass(frozen=True)
class EvalQuery:
    """A query with its relevant documents and its category."""

    id: str
    text: str
    relevant: frozenset[str]
    category: str = ""
    kind: str = ""  # "need" or "offer": answered by documents of the other kind


@dataclass
class EvalSet:
    """Documents and judged queries."""

    documents: list[Document]
    queries: list[EvalQuery]

    @classmethod
    def load(cls, path: str | Path) -> EvalSet:
        """Read an evaluation file in the ranking_eval.json format."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        documents = [
            Document(d["id"], d["text"], d.get("zone"), d.get("kind"), d.get("sector")) for d in data["documents"]
        ]
        queries = [
            EvalQuery(q["id"], q["text"], frozenset(q["relevant"]), q.get("note", ""), q.get("kind", ""))
            for q in data["queries"]
        ]
        return cls(documents, queries)


@dataclass
class Scores:
    """Per-query raw scores of every document, computed once so that several fusions can be compared."""

    document_ids: list[str]
    lexical: np.ndarray  # (queries, documents)
    semantic: np.ndarray  # (queries, documents)
    groups: np.ndarray  # (documents,) language group of each document, as fusion uses it
    kinds: np.ndarray | None = None  # (documents,) each document's kind, for the complementary-kind rule


@dataclass
class Metrics:
    """Mean Recall@k and nDCG@k over a set of queries."""

    recall: float
    ndcg: float
    queries: int


@dataclass
class Report:
    """Metrics per method, overall and per query category."""

    k: int
    overall: dict[str, Metrics] = field(default_factory=dict)
    by_category: dict[str, dict[str, Metrics]] = field(default_factory=dict)

    def table(self) -> str:
        """A plain-text table: one row per category (and overall), R@k / nDCG@k per method."""
        columns = "".join(f"{m + f' R@{self.k}':>16}{f'nDCG@{self.k}':>10}" for m in METHODS)
        header = f"{'category':<22}{'n':>5}{columns}"
        lines = [header, "-" * len(header)]
        rows = [("overall", self.overall)] + sorted(self.by_category.items())
        for name, metrics in rows:
            count = next(iter(metrics.values())).queries
            cells = "".join(f"{metrics[m].recall:>16.3f}{metrics[m].ndcg:>10.3f}" for m in METHODS)
            lines.append(f"{name:<22}{count:>5}{cells}")
        return "\n".join(lines)


def score_queries(index: RankIndex, queries: Iterable[EvalQuery], *, translate: bool = True) -> Scores:
    """BM25 (with word translations unless `translate` is false) and cosine scores of every document."""
    lexical, semantic = [], []
    for query in queries:
        query_lexical, query_semantic = index.scores(query.text, translate=translate)
        lexical.append(query_lexical)
        semantic.append(query_semantic)
    groups = np.asarray(index.chinese, dtype=np.int8)
    kinds = np.array([d.kind or "" for d in index.documents], dtype=object)
    return Scores([d.id for d in index.documents], np.array(lexical), np.array(semantic), groups, kinds)


def rankings(scores: Scores, fusion: Fusion, k: int, queries: list[EvalQuery] | None = None,
             complementary: bool = False) -> dict[str, list[np.ndarray]]:
    """Top-k document positions per query for each method (only the answering kind, when queries say theirs)."""
    result: dict[str, list[np.ndarray]] = {m: [] for m in METHODS}
    for row, (lexical, semantic) in enumerate(zip(scores.lexical, scores.semantic)):
        kind = queries[row].kind if queries is not None and complementary else ""
        if kind in ANSWERING_KIND and scores.kinds is not None:
            # Candidates are the documents of the answering kind, as a filter in RankIndex.search makes them:
            # fusion's scaling then sees only those, exactly as the app's filtered search does.
            candidates = np.flatnonzero(scores.kinds == ANSWERING_KIND[kind])
        else:
            candidates = np.arange(len(scores.document_ids))
        lexical, semantic = lexical[candidates], semantic[candidates]
        result["bm25"].append(candidates[top_positions(lexical, k)])
        result["embeddings"].append(candidates[top_positions(semantic, k)])
        fused = drop_unrelated(fusion.fuse(lexical, semantic, scores.groups[candidates]), lexical, semantic)
        result["fusion"].append(candidates[top_positions(fused, k)])
    return result


def evaluate(scores: Scores, queries: list[EvalQuery], fusion: Fusion, k: int = 10,
             complementary: bool = False) -> Report:
    """Recall@k and nDCG@k per method, overall and per category (`complementary`: answering kind only)."""
    ranked = rankings(scores, fusion, k, queries, complementary)
    report = Report(k)
    categories = sorted({q.category for q in queries})
    for method in METHODS:
        per_query = [
            (q.category, recall_at(ids, q.relevant, k), ndcg_at(ids, q.relevant, k))
            for q, top in zip(queries, ranked[method])
            for ids in [[scores.document_ids[i] for i in top]]
        ]
        report.overall[method] = _mean([(r, n) for _, r, n in per_query])
        for category in categories:
            rows = [(r, n) for c, r, n in per_query if c == category]
            report.by_category.setdefault(category, {})[method] = _mean(rows)
    return report


def recall_at(ranked_ids: list[str], relevant: frozenset[str], k: int) -> float:
    """Share of the relevant documents found in the first k."""
    if not relevant:
        return 0.0
    return len(set(ranked_ids[:k]) & relevant) / len(relevant)


def ndcg_at(ranked_ids: list[str], relevant: frozenset[str], k: int) -> float:
    """Normalised discounted cumulative gain at k, with binary relevance."""
    gain = sum(1.0 / math.log2(rank + 2) for rank, doc in enumerate(ranked_ids[:k]) if doc in relevant)
    ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(k, len(relevant))))
    return gain / ideal if ideal else 0.0


def _mean(rows: list[tuple[float, float]]) -> Metrics:
    if not rows:
        return Metrics(0.0, 0.0, 0)
    return Metrics(sum(r for r, _ in rows) / len(rows), sum(n for _, n in rows) / len(rows), len(rows))
