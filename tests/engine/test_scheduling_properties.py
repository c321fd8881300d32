"""Properties of the meeting scheduler on random events, checked against brute force.

The rule check and the brute-force optimum (test_scheduling.py) are written from the contract, not from the engine.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.engine.test_scheduling import broken_rules, brute_force_optimum
from zonebridge.engine.scheduling import run_document


@st.composite
def events(draw, max_people: int = 9, max_meetings: int = 10, max_slots: int = 3, groups: bool = True,
           time_limits: tuple[float, ...] = (0, 2), min_people: int = 2, min_meetings: int = 1,
           sizes: tuple[int, ...] = (2, 2, 3, 3), tables: tuple[int | None, ...] = (None, 1, 2, 3)) -> dict:
    """A random small request: some unavailability, often tables, group meetings, weights 1 to 3."""
    slots = [f"s{n}" for n in range(draw(st.integers(1, max_slots)))]
    people = [f"p{n}" for n in range(draw(st.integers(min_people, max_people)))]
    participants = []
    for person in people:
        unavailable = draw(st.lists(st.sampled_from(slots), unique=True, max_size=len(slots) - 1))
        participants.append({"id": person, "unavailable": unavailable} if unavailable or draw(st.booleans())
                            else {"id": person})
    meetings = []
    for index in range(draw(st.integers(min_meetings, max_meetings))):
        size = draw(st.sampled_from(sizes if groups and len(people) >= 3 else [2]))
        meeting = {"id": f"m{index}", "between": draw(st.permutations(people))[:size]}
        weight = draw(st.sampled_from([None, 1, 2, 3]))
        if weight is not None:
            meeting["weight"] = weight
        meetings.append(meeting)
    return {
        "slots": slots,
        "tables": draw(st.sampled_from(tables)),
        "participants": participants,
        "meetings": meetings,
        "time_limit_s": draw(st.sampled_from(time_limits)),
    }


@st.composite
def visitor_host_events(draw) -> dict:
    """A random visitors ↔ hosts event with nobody unavailable and no table limit: the colouring case."""
    visitors = [f"v{n}" for n in range(draw(st.integers(1, 8)))]
    hosts = [f"h{n}" for n in range(draw(st.integers(1, 8)))]
    pairs = draw(st.lists(st.tuples(st.sampled_from(visitors), st.sampled_from(hosts)), max_size=30))
    degree = Counter(person for pair in pairs for person in pair)
    delta = max(degree.values(), default=0)
    return {
        "slots": [f"s{n}" for n in range(delta + draw(st.integers(0, 2)) or 1)],
        "tables": None,
        "participants": [{"id": person} for person in visitors + hosts],
        "meetings": [{"id": f"m{n}", "between": list(pair)} for n, pair in enumerate(pairs)],
    }


def check_against_brute_force(document: dict) -> None:
    """Rules hold, weight ≤ optimum ≤ upper bound, `optimal` is honest, CP-SAT (when allowed) reaches the optimum."""
    result = run_document(document)
    assert broken_rules(document, result) == []
    stats = result["stats"]
    event(f"method {stats['method']}")  # shown by --hypothesis-show-statistics: CP-SAT must get its turn
    optimum = brute_force_optimum(document)
    assert stats["weight"] <= optimum <= stats["upper_bound"]
    assert stats["optimal"] == (stats["weight"] == stats["upper_bound"])
    if stats["optimal"]:
        assert stats["weight"] == optimum
    if document["time_limit_s"] > 0:
        # CP-SAT proves a handful of meetings optimal at once: the improvement step must reach the optimum.
        assert stats["weight"] == optimum and stats["optimal"]


@settings(max_examples=1000, deadline=None)
@given(events())
def test_hard_rules_hold_and_the_bound_is_above_the_true_optimum(document):
    check_against_brute_force(document)


@settings(max_examples=600, deadline=None)
@given(events(min_people=7, min_meetings=9, max_meetings=12, max_slots=3, time_limits=(2,), sizes=(2, 3, 3, 3),
              tables=(1, 2, 2, 3)))
def test_crowded_events_where_the_heuristic_falls_short_are_solved_by_cp_sat(document):
    check_against_brute_force(document)


@settings(max_examples=200, deadline=None)
@given(events(max_people=16, max_meetings=40, max_slots=6, time_limits=(0,)))
def test_the_heuristic_keeps_the_rules_on_larger_events(document):
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["stats"]["weight"] <= result["stats"]["upper_bound"]


@settings(max_examples=300, deadline=None)
@given(visitor_host_events())
def test_a_visitor_host_event_fits_in_delta_slots(document):
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == []
    assert result["stats"]["method"] == "colouring" and result["stats"]["optimal"]
    degree = Counter(person for meeting in document["meetings"] for person in meeting["between"])
    used = {entry["slot"] for entry in result["scheduled"]}
    assert len(used) == max(degree.values(), default=0)


@settings(max_examples=300, deadline=None)
@given(events(groups=False, time_limits=(0,)), st.integers(1, 3))
def test_visitor_host_events_are_exact_whatever_the_tables_and_slots(document, slot_count):
    # Make it bipartite and free of unavailability: meetings only between even- and odd-numbered people.
    document["slots"] = document["slots"][:slot_count]
    for person in document["participants"]:
        person.pop("unavailable", None)
    document["meetings"] = [m for m in document["meetings"]
                            if int(m["between"][0][1:]) % 2 != int(m["between"][1][1:]) % 2]
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["stats"]["method"] == "colouring"
    assert result["stats"]["weight"] == brute_force_optimum(document) == result["stats"]["upper_bound"]
