"""Speed of `RankIndex` at 10,000 documents: build, save, load, query latency (single and batch), memory.

    .venv/bin/python bench/ranking_speed.py [--documents 10000] [--data tests/data/ranking_eval.json]

Documents are generated from the evaluation set's texts: each is an eval text with one clause replaced by
a clause of another text in the same language, two glossary place or sector terms swapped for others of
the same kind and its numbers changed, so that texts are distinct but keep the eval set's lengths,
vocabulary and mix of scripts.
Targets on the 2-core machine: build ≤ 15 s, load ≤ 1 s, query p95 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zonebridge.engine.retrieval import Document, RankIndex, default_encoder, default_glossary
from zonebridge.engine.retrieval.evaluation import EvalSet

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "tests" / "data" / "ranking_eval.json"
CLAUSE = re.compile(r"(?<=[。！？；，.!?;])\s*")
TARGETS = {"build_s": 15.0, "load_s": 1.0, "query_p95_ms": 30.0}


def synthesise(eval_set: EvalSet, count: int, seed: int = 7) -> list[Document]:
    """`count` documents varied from the eval set's texts (see the module docstring)."""
    rng = random.Random(seed)
    by_language: dict[bool, list[Document]] = {}
    for document in eval_set.documents:
        by_language.setdefault(_is_chinese(document.text), []).append(document)
    swaps = _swappable_terms()
    documents: list[Document] = []
    seen: set[str] = set()
    for i in range(count):
        base = eval_set.documents[i % len(eval_set.documents)]
        clauses = [c for c in CLAUSE.split(base.text) if c.strip()]
        if i >= len(eval_set.documents) and len(clauses) > 1:
            # Replace one clause (not the opening one, which says who the author is) by another text's.
            donor = rng.choice(by_language[_is_chinese(base.text)])
            donor_clauses = [c for c in CLAUSE.split(donor.text) if c.strip()]
            clauses[rng.randrange(1, len(clauses))] = rng.choice(donor_clauses)
        text = ("" if _is_chinese(base.text) else " ").join(clauses)
        for _ in range(2):
            kind = rng.choice(sorted(swaps))
            old, new = rng.sample(swaps[kind], 2)
            text = text.replace(old, new, 1)
        text = re.sub(r"\d+", lambda m: str(rng.randint(2, 500)), text)
        if text in seen:  # a one-clause text without swappable terms: mark it as another branch's
            text += f"（第{i}号分支）" if _is_chinese(text) else f" (branch {i})"
        seen.add(text)
        documents.append(Document(f"s{i}", text, base.zone, base.kind, base.sector))
    return documents


def _is_chinese(text: str) -> bool:
    return sum("\u4e00" <= c <= "\u9fff" for c in text) > len(text) / 4


def _swappable_terms() -> dict[str, list[str]]:
    glossary = default_glossary()
    terms: dict[str, list[str]] = {}
    for concept in glossary.concepts.values():
        if concept.kind in ("place", "sector"):
            for forms in (concept.en, concept.zh_hans, concept.zh_hant):
                if forms:
                    terms.setdefault(concept.kind, []).append(forms[0])
    return terms


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile of `values` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cold_load(directory: Path) -> dict:
    """Load the index in a fresh interpreter: import + load time, as a web worker would see it."""
    code = (
        "import time, json, resource; t0 = time.perf_counter();"
        "from zonebridge.engine.retrieval import RankIndex, warm_up; t1 = time.perf_counter();"
        f"index = RankIndex.load({str(directory)!r}); t2 = time.perf_counter();"
        "warm_up(); t3 = time.perf_counter();"
        "index.search('寻找新能源汽车电池供应商', 10); t4 = time.perf_counter();"
        "print(json.dumps({'import_s': t1 - t0, 'load_s': t2 - t1, 'warm_up_s': t3 - t2,"
        " 'first_query_s': t4 - t3, 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures (and whether each target is met)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--queries", type=int, default=300, help="single queries to time")
    parser.add_argument("--batch", type=int, default=32, help="queries per batch")
    args = parser.parse_args(argv)

    eval_set = EvalSet.load(args.data)
    documents = synthesise(eval_set, args.documents)
    queries = [q.text for q in eval_set.queries]
    print(
        f"{len(documents)} documents ({len({d.text for d in documents})} distinct texts), mean"
        f" {statistics.mean(len(d.text) for d in documents):.0f} characters (eval set:"
        f" {statistics.mean(len(d.text) for d in eval_set.documents):.0f})"
    )

    started = time.perf_counter()
    default_encoder().encode(["warm up"])  # weights load once per process; reported apart from the build
    default_glossary()
    warmup = time.perf_counter() - started
    print(f"encoder + glossary + jieba load (once per process): {warmup:.2f} s")

    started, cpu = time.perf_counter(), time.process_time()
    index = RankIndex.build(documents)
    build, build_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"build: {build:.2f} s wall, {build_cpu:.2f} s CPU ({len(documents) / build:.0f} documents/s)"
        f"   peak RSS {peak_rss_mb():.0f} MiB"
    )

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "index"
        started = time.perf_counter()
        index.save(directory)
        save = time.perf_counter() - started
        size = sum(f.stat().st_size for f in directory.iterdir()) / 2**20
        started = time.perf_counter()
        RankIndex.load(directory)
        load = time.perf_counter() - started
        print(f"save: {save:.2f} s ({size:.1f} MiB)   load (warm process): {load * 1000:.0f} ms")
        cold = cold_load(directory)
        print(
            f"load in a fresh process: import {cold['import_s'] * 1000:.0f} ms, load {cold['load_s'] * 1000:.0f} ms,"
            f" warm_up (jieba + encoder weights) {cold['warm_up_s'] * 1000:.0f} ms,"
            f" first query {cold['first_query_s'] * 1000:.1f} ms, peak RSS {cold['peak_rss_mb']:.0f} MiB"
        )

    single = []
    cpu = time.process_time()
    for i in range(args.queries):
        started = time.perf_counter()
        index.search(queries[i % len(queries)], 10)
        single.append((time.perf_counter() - started) * 1000)
    single_cpu = (time.process_time() - cpu) / args.queries * 1000
    print(
        f"single query: p50 {percentile(single, 0.5):.1f} ms, p95 {percentile(single, 0.95):.1f} ms"
        f" (mean CPU {single_cpu:.1f} ms)"
    )

    batches = []
    for start in range(0, max(args.queries, args.batch), args.batch):
        batch = [queries[(start + j) % len(queries)] for j in range(args.batch)]
        started = time.perf_counter()
        index.search_many(batch, 10)
        batches.append((time.perf_counter() - started) * 1000)
    per_query = [b / args.batch for b in batches]
    print(
        f"batch of {args.batch}: p50 {percentile(batches, 0.5):.0f} ms, p95 {percentile(batches, 0.95):.0f} ms"
        f" per batch = {percentile(per_query, 0.5):.1f} / {percentile(per_query, 0.95):.1f} ms per query"
    )

    changed = Document(documents[0].id, documents[1].text + " 新增氢能业务", documents[0].zone)
    started = time.perf_counter()
    index.upsert(changed)
    upsert = time.perf_counter() - started
    started = time.perf_counter()
    index.search(queries[0], 10)
    after = time.perf_counter() - started
    started = time.perf_counter()
    index.remove(documents[2].id)
    index.search(queries[0], 10)
    removal = time.perf_counter() - started
    print(
        f"upsert one document: {upsert * 1000:.0f} ms; first search after it (BM25 matrix refresh):"
        f" {after * 1000:.0f} ms; remove + search: {removal * 1000:.0f} ms"
    )
    print(f"peak RSS: {peak_rss_mb():.0f} MiB")

    with open("/proc/loadavg") as handle:
        print(f"load average during the run (other processes share the 2 cores): {handle.read().split()[:3]}")
    measured = {"build_s": build, "load_s": load, "query_p95_ms": percentile(single, 0.95)}
    for name, target in TARGETS.items():
        verdict = "ok" if measured[name] <= target else "MISSED"
        print(f"target {name} ≤ {target}: {measured[name]:.3f} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
