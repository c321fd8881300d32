"""Benchmark of the clearing-house placement engine against the `matching` library (1.4.3).

    .venv/bin/python bench/placement.py            # 20,000 x 2,000 against matching, then 40,000 x 6,000 alone
    .venv/bin/python bench/placement.py --quick    # the same, 10 times smaller

Rounds: applicants rank 10 (12 for the large round) distinct hosts drawn with Zipf-like popularity (weight of the
k-th most popular host ~ 1/k^0.8, so the top host is ranked by a large share of applicants); hosts have 5-15
places and rank everyone who ranked them, by a common applicant score plus their own noise. Fixed seeds.

Ours is timed end to end on the plain JSON-shaped document, through the public `run_document`: validation, the
applicant-optimal placement, the independent stability check and the output document (the median of several
runs). The peer is timed once, as `HospitalResident.create_from_dictionaries(...)` (its set-up, including its own
input checks) plus `.solve(optimal="resident")`; its `check_stability()` is left out (it would add minutes), so
the comparison favours the peer. Both results must be the same placement.
Peak memory is tracemalloc's peak of allocations made during one `run_document` call (the input not counted).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
import warnings

import numpy as np

from zonebridge.engine.placement import run_document

SEED = 20240611


def make_round(applicant_count: int, host_count: int, prefs_per_applicant: int, seed: int = SEED) -> dict:
    """A `place` document: Zipf-like popularity among hosts, hosts ranking every applicant who ranked them."""
    rng = np.random.default_rng(seed)
    capacities = rng.integers(5, 16, size=host_count)
    log_popularity = -0.8 * np.log(np.arange(1, host_count + 1))
    rng.shuffle(log_popularity)
    chosen = np.empty((applicant_count, prefs_per_applicant), dtype=np.int64)
    # Gumbel top-k: sampling without replacement in proportion to popularity, best key first, by blocks.
    for low in range(0, applicant_count, 1000):
        high = min(applicant_count, low + 1000)
        keys = log_popularity + rng.gumbel(size=(high - low, host_count))
        top = np.argpartition(-keys, prefs_per_applicant, axis=1)[:, :prefs_per_applicant]
        order = np.argsort(-np.take_along_axis(keys, top, axis=1), axis=1)
        chosen[low:high] = np.take_along_axis(top, order, axis=1)
    score = rng.normal(size=applicant_count)
    owner = np.repeat(np.arange(applicant_count), prefs_per_applicant)
    host = chosen.ravel()
    host_view = score[owner] + rng.normal(scale=0.5, size=owner.size)
    by_host = np.lexsort((-host_view, host))
    ranked_host, ranked_applicant = host[by_host], owner[by_host]
    bounds = np.searchsorted(ranked_host, np.arange(host_count + 1))
    applicant_ids = [f"s{i}" for i in range(applicant_count)]
    host_ids = [f"h{j}" for j in range(host_count)]
    ranked = ranked_applicant.tolist()
    return {
        "applicants": [
            {"id": applicant_ids[i], "prefs": [host_ids[h] for h in row]} for i, row in enumerate(chosen.tolist())
        ],
        "hosts": [
            {
                "id": host_ids[j],
                "capacity": int(capacities[j]),
                "prefs": [applicant_ids[a] for a in ranked[bounds[j] : bounds[j + 1]]],
            }
            for j in range(host_count)
        ],
        "optimal": "applicant",
    }


def describe_round(document: dict) -> str:
    """One line about a round's size."""
    host_lists = [len(h["prefs"]) for h in document["hosts"]]
    listings = sum(len(a["prefs"]) for a in document["applicants"]) + sum(host_lists)
    places = sum(h["capacity"] for h in document["hosts"])
    return (
        f"{len(document['applicants']):,} applicants, {len(document['hosts']):,} hosts, {places:,} places, "
        f"{listings:,} listings; longest host list {max(host_lists):,}"
    )


def time_ours(document: dict, runs: int) -> tuple[float, dict]:
    """Median seconds of `runs` end-to-end runs, and the last output."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        output = run_document(document)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), output


def peak_memory(document: dict) -> int:
    """Peak bytes allocated (tracemalloc) during one run, above what was allocated before it."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    run_document(document)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak - before


def run_peer(document: dict) -> tuple[float, float, dict[str, list[str]]]:
    """Set-up seconds, solve seconds, and each host's applicants (in the host's order) from `matching`."""
    from matching.games import HospitalResident

    # `matching` deep-copies its linked players recursively (its issue #139).
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1_000_000))
    resident_prefs = {a["id"]: a["prefs"] for a in document["applicants"]}
    hospital_prefs = {h["id"]: h["prefs"] for h in document["hosts"]}
    capacities = {h["id"]: h["capacity"] for h in document["hosts"]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        print("  matching: building the game (its input checks compare every host with every applicant)...", flush=True)
        started = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
        built = time.perf_counter()
        print(f"  matching: built in {built - started:.1f} s; solving...", flush=True)
        solved = game.solve(optimal="resident")
        finished = time.perf_counter()
    order = {h["id"]: {a: r for r, a in enumerate(h["prefs"])} for h in document["hosts"]}
    hosts = {
        hospital.name: sorted((r.name for r in residents), key=order[hospital.name].__getitem__)
        for hospital, residents in solved.items()
    }
    return built - started, finished - built, hosts


def main(argv: list[str] | None = None) -> int:
    """Run both rounds and print the figures; exit 1 if the results differ or are not stable."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="rounds 10 times smaller")
    parser.add_argument("--runs", type=int, default=7, help="runs of ours to take the median of")
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    ok = True
    # Other work on the machine slows every figure; say how busy it was.
    print(f"Load average before starting: {', '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)

    print("Generating the first round...", flush=True)
    document = make_round(20_000 // scale, 2_000 // scale, 10)
    print(f"Round 1: {describe_round(document)}", flush=True)
    ours, output = time_ours(document, args.runs)
    print(
        f"  ours: {ours:.3f} s end to end (median of {args.runs}); assigned {output['stats']['assigned']:,}, "
        f"stable={output['stable']}, proposals {output['stats']['proposals']:,}",
        flush=True,
    )
    explained, _ = time_ours({**document, "explain": True}, args.runs)
    print(f"  ours with \"explain\": true: {explained:.3f} s", flush=True)
    set_up, solve, theirs = run_peer(document)
    peer = set_up + solve
    identical = theirs == output["hosts"]
    ok &= identical and output["stable"]
    print(f"  matching 1.4.3: {peer:.2f} s (set-up {set_up:.2f} s + solve {solve:.2f} s)")
    print(f"  identical placement: {identical}")
    print(f"  ratio: {peer / ours:.0f}x faster end to end (against matching's solve step alone: {solve / ours:.1f}x)")
    print(f"  peak memory (tracemalloc, one run): {peak_memory(document) / 2**20:.1f} MiB", flush=True)

    print("Generating the second round...", flush=True)
    document = make_round(40_000 // scale, 6_000 // scale, 12, seed=SEED + 1)
    print(f"Round 2: {describe_round(document)}", flush=True)
    ours, output = time_ours(document, args.runs)
    ok &= output["stable"]
    print(
        f"  ours: {ours:.3f} s end to end (median of {args.runs}); assigned {output['stats']['assigned']:,}, "
        f"stable={output['stable']}"
    )
    print(f"  peak memory (tracemalloc, one run): {peak_memory(document) / 2**20:.1f} MiB", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
