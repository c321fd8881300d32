"""Properties of the placement engine on random small rounds, checked against brute force.

Every stable matching of a tiny round is found by enumerating all matchings and testing each with a naive
blocking-pair check written here from the definition, so nothing below trusts the engine's own checker.
"""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zonebridge.engine.placement import (
    Applicant,
    Host,
    check_stability,
    explain,
    place,
)

# Pair listings: mostly mutual, so rounds are interesting, but one-sided listings on both sides too.
_LISTING = st.sampled_from(["mutual", "mutual", "mutual", "none", "applicant_only", "host_only"])


@st.composite
def rounds(draw, max_applicants: int = 5, max_hosts: int = 3, max_capacity: int = 2):
    """A random round: (applicants, hosts)."""
    applicant_ids = [f"s{i}" for i in range(draw(st.integers(0, max_applicants)))]
    host_ids = [f"h{j}" for j in range(draw(st.integers(0, max_hosts)))]
    listing = {(a, h): draw(_LISTING) for a in applicant_ids for h in host_ids}
    applicants = []
    for a in applicant_ids:
        listed = [h for h in host_ids if listing[a, h] in ("mutual", "applicant_only")]
        applicants.append(Applicant(a, tuple(draw(st.permutations(listed)))))
    hosts = []
    for h in host_ids:
        listed = [a for a in applicant_ids if listing[a, h] in ("mutual", "host_only")]
        hosts.append(Host(h, draw(st.integers(0, max_capacity)), tuple(draw(st.permutations(listed)))))
    return applicants, hosts


def naive_report(applicants, hosts, assignment):
    """Blocking pairs, hosts over capacity and unacceptable pairs, straight from the definitions."""
    members = {h.id: [a.id for a in applicants if assignment.get(a.id) == h.id] for h in hosts}
    blocking = set()
    for a in applicants:
        current = assignment.get(a.id)
        for h in hosts:
            if h.id not in a.prefs or a.id not in h.prefs:
                continue
            applicant_wants = current is None or current not in a.prefs or a.prefs.index(h.id) < a.prefs.index(current)
            host_wants = len(members[h.id]) < h.capacity or any(
                m not in h.prefs or h.prefs.index(a.id) < h.prefs.index(m) for m in members[h.id]
            )
            if applicant_wants and host_wants:
                blocking.add((a.id, h.id))
    over = {h.id for h in hosts if len(members[h.id]) > h.capacity}
    by_id = {h.id: h for h in hosts}
    unacceptable = {
        (a.id, assignment[a.id])
        for a in applicants
        if assignment.get(a.id) is not None
        and (assignment[a.id] not in a.prefs or a.id not in by_id[assignment[a.id]].prefs)
    }
    return blocking, over, unacceptable


def all_stable_matchings(applicants, hosts):
    """Every stable matching of a tiny round, by enumerating every matching of mutually acceptable pairs."""
    by_id = {h.id: h for h in hosts}
    options = [[None] + [h for h in a.prefs if a.id in by_id[h].prefs] for a in applicants]
    stable = []
    for choice in itertools.product(*options):
        assignment = {a.id: h for a, h in zip(applicants, choice)}
        blocking, over, unacceptable = naive_report(applicants, hosts, assignment)
        if not (blocking or over or unacceptable):
            stable.append(assignment)
    return stable


def rank(prefs, item) -> int:
    """Position of item in prefs; unplaced ranks below everything."""
    return len(prefs) if item is None else list(prefs).index(item)


def members_of(assignment, host_id):
    return {a for a, h in assignment.items() if h == host_id}


@settings(max_examples=300, deadline=None)
@given(rounds(max_applicants=9, max_hosts=5, max_capacity=3), st.sampled_from(["applicant", "host"]))
def test_placement_is_stable_within_capacity_and_listings(round_, optimal):
    applicants, hosts = round_
    placement = place(applicants, hosts, optimal)
    assert set(placement.assignment) == {a.id for a in applicants}
    blocking, over, unacceptable = naive_report(applicants, hosts, placement.assignment)
    assert blocking == set()
    assert over == set()
    assert unacceptable == set()
    assert placement.unassigned == [a.id for a in applicants if placement.assignment[a.id] is None]
    for h in hosts:
        # Each host's list is its applicants, in its own order of preference.
        assert placement.hosts[h.id] == [a for a in h.prefs if placement.assignment.get(a) == h.id]
        assert len(placement.hosts[h.id]) <= h.capacity


# Found by Hypothesis: h0 gets {s0, s2} here and {s0, s3} host-optimally; s0 is in both, so only s3 > s2 matters.
_HOST_PESSIMAL_CASE = (
    [Applicant("s0", ("h0",)), Applicant("s1", ("h0",)), Applicant("s2", ("h0", "h1")), Applicant("s3", ("h1", "h0"))],
    [Host("h0", 2, ("s0", "s3", "s2", "s1")), Host("h1", 1, ("s2", "s3"))],
)


@settings(max_examples=300, deadline=None)
@given(rounds())
@example(_HOST_PESSIMAL_CASE)
def test_applicant_optimal_gives_every_applicant_its_best_stable_host(round_):
    applicants, hosts = round_
    ours = place(applicants, hosts, "applicant").assignment
    stable = all_stable_matchings(applicants, hosts)
    assert ours in stable
    for other in stable:
        for a in applicants:
            assert rank(a.prefs, ours[a.id]) <= rank(a.prefs, other[a.id])
        # ...and every host its worst stable set: h ranks each applicant it gets in the other stable placement
        # above each applicant that only this placement gives it.
        for h in hosts:
            only_here = members_of(ours, h.id) - members_of(other, h.id)
            assert all(h.prefs.index(x) < h.prefs.index(y) for x in members_of(other, h.id) for y in only_here)


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_host_optimal_gives_every_host_its_best_stable_set(round_):
    applicants, hosts = round_
    ours = place(applicants, hosts, "host").assignment
    stable = all_stable_matchings(applicants, hosts)
    assert ours in stable
    for other in stable:
        for h in hosts:
            # Responsive preferences: h ranks each of its host-optimal applicants above anyone it gets instead.
            mine, instead = members_of(ours, h.id), members_of(other, h.id) - members_of(ours, h.id)
            assert all(h.prefs.index(x) < h.prefs.index(y) for x in mine for y in instead)
        for a in applicants:
            assert rank(a.prefs, ours[a.id]) >= rank(a.prefs, other[a.id])


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_rural_hospitals_theorem_over_all_stable_matchings(round_):
    applicants, hosts = round_
    reference = place(applicants, hosts, "applicant").assignment
    placed = {a for a, h in reference.items() if h is not None}
    for other in all_stable_matchings(applicants, hosts):
        assert {a for a, h in other.items() if h is not None} == placed
        for h in hosts:
            assert len(members_of(other, h.id)) == len(members_of(reference, h.id))
            if len(members_of(reference, h.id)) < h.capacity:
                assert members_of(other, h.id) == members_of(reference, h.id)


@settings(max_examples=200, deadline=None)
@given(rounds(max_applicants=14, max_hosts=6, max_capacity=3))
def test_rural_hospitals_theorem_between_the_two_optimal_placements(round_):
    applicants, hosts = round_
    by_applicants = place(applicants, hosts, "applicant")
    by_hosts = place(applicants, hosts, "host")
    assert set(by_applicants.unassigned) == set(by_hosts.unassigned)
    for h in hosts:
        assert len(by_applicants.hosts[h.id]) == len(by_hosts.hosts[h.id])
        if len(by_applicants.hosts[h.id]) < h.capacity:
            assert by_applicants.hosts[h.id] == by_hosts.hosts[h.id]


@st.composite
def rounds_with_any_assignment(draw):
    """A round and an arbitrary assignment of it: possibly unstable, over capacity or unacceptable."""
    applicants, hosts = draw(rounds(max_applicants=7, max_hosts=4, max_capacity=2))
    host_choices = [None] + [h.id for h in hosts]
    assignment = {a.id: draw(st.sampled_from(host_choices)) for a in applicants}
    return applicants, hosts, assignment


@settings(max_examples=400, deadline=None)
@given(rounds_with_any_assignment())
def test_stability_check_finds_exactly_what_the_definition_finds(case):
    applicants, hosts, assignment = case
    report = check_stability(applicants, hosts, assignment)
    blocking, over, unacceptable = naive_report(applicants, hosts, assignment)
    assert set(report.blocking_pairs) == blocking
    assert len(report.blocking_pairs) == len(blocking)
    assert set(report.over_capacity) == over
    assert set(report.unacceptable) == unacceptable
    assert report.stable == (not blocking and not over and not unacceptable)


@settings(max_examples=200, deadline=None)
@given(rounds(max_applicants=9, max_hosts=5, max_capacity=3), st.sampled_from(["applicant", "host"]))
def test_explanations_give_a_true_reason_for_every_listing(round_, optimal):
    applicants, hosts = round_
    placement = place(applicants, hosts, optimal)
    explanations = explain(placement)
    assignment = placement.assignment
    by_id = {h.id: h for h in hosts}
    assert set(explanations["applicants"]) == set(placement.unassigned)
    for a in applicants:
        if assignment[a.id] is not None:
            continue
        reasons = explanations["applicants"][a.id]["hosts"]
        assert [r["host"] for r in reasons] == list(a.prefs)
        for r in reasons:
            h = by_id[r["host"]]
            if a.id not in h.prefs:
                assert r["reason"] == "did_not_rank"
            elif h.capacity == 0:
                assert r["reason"] == "no_places"
            else:
                assert r["reason"] == "full_with_preferred"
                assert len(placement.hosts[h.id]) == h.capacity
                assert all(h.prefs.index(m) < h.prefs.index(a.id) for m in placement.hosts[h.id])
    under_filled = {h.id for h in hosts if len(placement.hosts[h.id]) < h.capacity}
    assert set(explanations["hosts"]) == under_filled
    applicant_by_id = {a.id: a for a in applicants}
    for h_id in under_filled:
        h = by_id[h_id]
        entry = explanations["hosts"][h_id]
        assert entry["filled"] == len(placement.hosts[h_id]) and entry["capacity"] == h.capacity
        reasons = entry["applicants"]
        assert [r["applicant"] for r in reasons] == [a for a in h.prefs if assignment[a] != h_id]
        for r in reasons:
            a = applicant_by_id[r["applicant"]]
            if h_id not in a.prefs:
                assert r["reason"] == "did_not_rank"
            else:
                assert r["reason"] == "placed_at_preferred"
                assert r["placed_at"] == assignment[a.id]
                assert a.prefs.index(assignment[a.id]) < a.prefs.index(h_id)


@settings(max_examples=100, deadline=None)
@given(rounds(max_applicants=9, max_hosts=5, max_capacity=3))
def test_one_sided_listings_are_counted_and_results_repeat(round_):
    applicants, hosts = round_
    by_id = {h.id: h for h in hosts}
    one_sided = sum(1 for a in applicants for h in a.prefs if a.id not in by_id[h].prefs)
    one_sided += sum(1 for h in hosts for a in h.prefs if h.id not in next(x for x in applicants if x.id == a).prefs)
    first = place(applicants, hosts, "applicant")
    assert first.one_sided == one_sided
    again = place(list(applicants), list(hosts), "applicant")
    assert (again.assignment, again.hosts, again.unassigned) == (first.assignment, first.hosts, first.unassigned)
