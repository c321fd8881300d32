"""Cross-check against the `matching` library (1.4.3): identical placements on random rounds of up to 300 applicants.

`matching` needs every listing returned by the other side, non-empty lists and capacities of at least one, so
the rounds here are built that way. Its game constructor deep-copies linked player objects recursively, so the
recursion limit must be raised for rounds of this size (daffidwilde/matching issue #139).
"""

from __future__ import annotations

import contextlib
import sys
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matching.games import HospitalResident

from zonebridge.engine.placement import Applicant, Host, place


def mutual_round(seed: int, applicant_count: int, host_count: int) -> tuple[list[Applicant], list[Host]]:
    """Applicants rank a few hosts (popular hosts more often); each host ranks exactly those who ranked it."""
    rng = np.random.default_rng(seed)
    popularity = 1.0 / np.arange(1, host_count + 1) ** 0.8
    popularity /= popularity.sum()
    applicant_prefs = []
    for _ in range(applicant_count):
        length = int(rng.integers(1, min(6, host_count) + 1))
        applicant_prefs.append(rng.choice(host_count, size=length, replace=False, p=popularity).tolist())
    score = rng.normal(size=applicant_count)
    applicants = [Applicant(f"s{i}", tuple(f"h{h}" for h in prefs)) for i, prefs in enumerate(applicant_prefs)]
    hosts = []
    for h in range(host_count):
        ranked = [i for i, prefs in enumerate(applicant_prefs) if h in prefs]
        if not ranked:
            continue  # `matching` cannot take a host nobody ranked
        noisy = {i: score[i] + rng.normal(scale=0.7) for i in ranked}
        ranked.sort(key=lambda i: -noisy[i])
        hosts.append(Host(f"h{h}", int(rng.integers(1, 6)), tuple(f"s{i}" for i in ranked)))
    return applicants, hosts


def matching_placement(applicants, hosts, optimal: str) -> dict[str, list[str]]:
    """Solve with `matching`; return each host's applicants in the host's order."""
    game = HospitalResident.create_from_dictionaries(
        {a.id: list(a.prefs) for a in applicants},
        {h.id: list(h.prefs) for h in hosts},
        {h.id: h.capacity for h in hosts},
    )
    solved = game.solve(optimal={"applicant": "resident", "host": "hospital"}[optimal])
    order = {h.id: {a: r for r, a in enumerate(h.prefs)} for h in hosts}
    return {
        hospital.name: sorted((r.name for r in residents), key=order[hospital.name].__getitem__)
        for hospital, residents in solved.items()
    }


@contextlib.contextmanager
def deep_recursion():
    """Let `matching` deep-copy its players (its issue #139), then restore the limit."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, 100_000))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `matching` warns about hosts that rank fewer than their capacity
            yield
    finally:
        sys.setrecursionlimit(previous)


@pytest.mark.parametrize("optimal", ["applicant", "host"])
@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), applicant_count=st.integers(1, 300), host_count=st.integers(1, 40))
def test_same_placement_as_matching(optimal, seed, applicant_count, host_count):
    applicants, hosts = mutual_round(seed, applicant_count, host_count)
    with deep_recursion():
        theirs = matching_placement(applicants, hosts, optimal)
    ours = place(applicants, hosts, optimal)
    assert ours.hosts == theirs
    assert ours.one_sided == 0


def test_same_placement_as_matching_on_a_round_of_300():
    applicants, hosts = mutual_round(seed=139, applicant_count=300, host_count=30)
    with deep_recursion():
        for optimal in ("applicant", "host"):
            assert place(applicants, hosts, optimal).hosts == matching_placement(applicants, hosts, optimal)
