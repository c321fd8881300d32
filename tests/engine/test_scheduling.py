"""The meeting scheduler on hand-made events: textbook colouring, tables, unavailability, groups, warnings, API.

`broken_rules` and `brute_force_optimum` are written here from the contract alone, so the tests never trust the
engine's own checker; the property tests (test_scheduling_properties.py) use them too.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest

from tests.engine.contracts import SCHEDULE_EXAMPLE
from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.scheduling import Meeting, Participant, Schedule, run_document, schedule
from zonebridge.engine.scheduling.colouring import balance_colour_classes, colour_bipartite

SLOTS = ["09:00", "09:20", "09:40", "10:00", "10:20", "10:40", "11:00", "11:20"]


def broken_rules(document: dict, result: dict) -> list[str]:
    """Every hard rule the output breaks, checked from the input document alone."""
    problems = []
    meetings = {meeting["id"]: meeting for meeting in document["meetings"]}
    unavailable = {person["id"]: set(person.get("unavailable") or ()) for person in document["participants"]}
    tables = document.get("tables")
    placed = [entry["meeting"] for entry in result["scheduled"]]
    if sorted(placed + result["unscheduled"]) != sorted(meetings):
        problems.append("scheduled + unscheduled is not every meeting exactly once")
    seats, per_slot, per_table = Counter(), Counter(), Counter()
    for entry in result["scheduled"]:
        slot, table = entry["slot"], entry["table"]
        if slot not in document["slots"]:
            problems.append(f"unknown slot {slot}")
        per_slot[slot] += 1
        per_table[slot, table] += 1
        if not isinstance(table, int) or table < 1 or (tables is not None and table > tables):
            problems.append(f"table {table} does not exist")
        for person in meetings[entry["meeting"]]["between"]:
            seats[person, slot] += 1
            if slot in unavailable[person]:
                problems.append(f"{person} meets at {slot}, when unavailable")
    problems += [f"{key} double-booked" for key, count in seats.items() if count > 1]
    problems += [f"table {key} used twice" for key, count in per_table.items() if count > 1]
    if tables is not None:
        problems += [f"{slot} holds more than {tables}" for slot, count in per_slot.items() if count > tables]
    weight = sum(meetings[m].get("weight", 1) for m in placed)
    if abs(weight - result["stats"]["weight"]) > 1e-9:
        problems.append(f"stats.weight {result['stats']['weight']} is not the placed weight {weight}")
    if result["stats"]["scheduled"] != len(placed):
        problems.append("stats.scheduled is not the number placed")
    return problems


def brute_force_optimum(document: dict) -> float:
    """The best total weight, trying every slot (or none) for every meeting, with a simple weight-left pruning."""
    slots = document["slots"]
    tables = document.get("tables")
    unavailable = {person["id"]: set(person.get("unavailable") or ()) for person in document["participants"]}
    meetings = sorted(document["meetings"], key=lambda m: -m.get("weight", 1))
    weights = [m.get("weight", 1) for m in meetings]
    left = [sum(weights[i:]) for i in range(len(weights) + 1)]
    busy: set[tuple[str, str]] = set()
    load: Counter[str] = Counter()
    best = 0.0

    def search(index: int, total: float) -> None:
        nonlocal best
        best = max(best, total)
        if index == len(meetings) or total + left[index] <= best:
            return
        people = meetings[index]["between"]
        for slot in slots:
            if (tables is not None and load[slot] >= tables) or any(
                slot in unavailable[p] or (p, slot) in busy for p in people
            ):
                continue
            busy.update((p, slot) for p in people)
            load[slot] += 1
            search(index + 1, total + weights[index])
            load[slot] -= 1
            busy.difference_update((p, slot) for p in people)
        search(index + 1, total)

    search(0, 0.0)
    return best


def event(pairs: list[tuple[str, ...]], slots: int, tables: int | None = None, unavailable: dict | None = None,
          weights: list[int] | None = None, time_limit_s: float = 5) -> dict:
    """A schedule request document for meetings given as tuples of people."""
    people = sorted({person for pair in pairs for person in pair} | set(unavailable or {}))
    return {
        "slots": SLOTS[:slots] if slots <= len(SLOTS) else [f"s{n}" for n in range(slots)],
        "tables": tables,
        "participants": [{"id": p, "unavailable": (unavailable or {}).get(p, [])} for p in people],
        "meetings": [
            {"id": f"m{n}", "between": list(pair), "weight": (weights or [1] * len(pairs))[n]}
            for n, pair in enumerate(pairs)
        ],
        "time_limit_s": time_limit_s,
    }


def complete_bipartite(n: int) -> list[tuple[str, str]]:
    """Every visitor meets every host: K(n, n)."""
    return [(f"v{i}", f"h{j}") for i in range(n) for j in range(n)]


def slots_used(result: dict) -> set[str]:
    """The slots that hold at least one meeting."""
    return {entry["slot"] for entry in result["scheduled"]}


# --- The contract's own example -------------------------------------------------------------------------------


def test_the_contract_example_is_scheduled_completely_and_proven_optimal():
    document = SCHEDULE_EXAMPLE
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == []
    stats = result["stats"]
    assert (stats["scheduled"], stats["weight"], stats["upper_bound"], stats["optimal"]) == (2, 3, 3, True)
    assert isinstance(stats["method"], str) and stats["seconds"] >= 0
    assert result["warnings"] == []


# --- Textbook bipartite colouring ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 3, 5, 8])
def test_complete_bipartite_visits_fit_in_exactly_n_slots(n):
    document = event(complete_bipartite(n), slots=8)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == []
    assert len(slots_used(result)) == n
    assert result["stats"]["method"] == "colouring"
    assert result["stats"]["optimal"] is True


def test_complete_bipartite_with_one_slot_too_few_leaves_one_perfect_matching_out_and_proves_it():
    n = 5
    document = event(complete_bipartite(n), slots=n - 1)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["stats"]["scheduled"] == n * (n - 1)
    assert result["stats"]["upper_bound"] == n * (n - 1)
    assert result["stats"]["optimal"] is True


@pytest.mark.parametrize("seed", range(6))
def test_a_random_visitor_host_event_is_scheduled_in_delta_slots(seed):
    rng = random.Random(seed)
    pairs = sorted({(f"v{rng.randrange(30)}", f"h{rng.randrange(25)}") for _ in range(200)})
    pairs += pairs[:5]  # the same two people meeting twice (two topics) is still a bipartite multigraph
    delta = max(Counter(p for pair in pairs for p in pair).values())
    document = event(pairs, slots=delta + 3)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == []
    assert result["stats"]["method"] == "colouring"
    assert slots_used(result) == set(document["slots"][:delta])


def test_colouring_keeps_the_heaviest_meetings_when_a_person_has_more_than_the_slots():
    pairs = [("v", "h1"), ("v", "h2"), ("v", "h3"), ("w", "h1")]
    document = event(pairs, slots=2, weights=[1, 5, 3, 2])
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == ["m0"]
    assert result["stats"]["weight"] == 10
    assert result["stats"]["optimal"] is True


def test_colouring_with_tables_spreads_meetings_evenly_over_the_slots():
    document = event(complete_bipartite(4), slots=6, tables=3)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == []
    assert result["stats"]["method"] == "colouring"
    assert max(Counter(entry["slot"] for entry in result["scheduled"]).values()) <= 3


def test_colouring_with_too_few_tables_schedules_every_place_and_proves_it():
    document = event(complete_bipartite(4), slots=4, tables=3)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["stats"]["scheduled"] == 12
    assert (result["stats"]["upper_bound"], result["stats"]["optimal"]) == (12, True)


def test_tables_are_numbered_from_one_within_each_slot_without_a_table_limit():
    document = event(complete_bipartite(4), slots=4)
    result = run_document(document)
    for slot in document["slots"]:
        numbers = sorted(entry["table"] for entry in result["scheduled"] if entry["slot"] == slot)
        assert numbers == list(range(1, len(numbers) + 1))


def test_colouring_meets_a_tight_table_limit_by_rebalancing_the_slots():
    # 13 meetings, Δ = 4, 5 slots of 3 tables: a plain colouring puts 4 meetings in one slot.
    edges = [(4, 7), (2, 6), (1, 5), (2, 9), (3, 9), (0, 7), (4, 9), (0, 8), (1, 8), (3, 6), (1, 6), (0, 5), (1, 9)]
    document = event([(f"v{a}", f"h{b - 5}") for a, b in edges], slots=5, tables=3)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == [] and result["stats"]["method"] == "colouring"


@pytest.mark.parametrize("seed", range(4))
def test_balancing_evens_out_colour_classes_down_to_the_table_count(seed):
    rng = random.Random(seed)
    pairs = sorted({(rng.randrange(12), 12 + rng.randrange(12)) for _ in range(60)})
    colours = max(Counter(p for pair in pairs for p in pair).values()) + 2
    colour = colour_bipartite(24, pairs, colours)
    # Pile everything into as few classes as a proper colouring allows, then ask for an even spread.
    for _ in range(3):
        for index in sorted(range(len(pairs)), key=lambda i: -colour[i]):
            used = {colour[j] for j in range(len(pairs)) if j != index and set(pairs[j]) & set(pairs[index])}
            colour[index] = min(c for c in range(colours) if c not in used)
    cap = -(-len(pairs) // colours)
    assert max(Counter(colour).values()) > cap, "the example should start unbalanced"
    balance_colour_classes(24, pairs, colour, colours, cap)
    assert max(Counter(colour).values()) <= cap
    for first, second in itertools.combinations(range(len(pairs)), 2):
        if set(pairs[first]) & set(pairs[second]):
            assert colour[first] != colour[second]


def test_the_heuristic_alone_proves_a_realistic_day_optimal():
    # Visitors meet hosts, some mutual requests, 10% unavailability: the flow-guided heuristic reaches the bound.
    rng = random.Random(5)
    pairs = sorted({(f"v{rng.randrange(60)}", f"h{rng.randrange(60)}") for _ in range(400)})
    slots = [f"s{n}" for n in range(10)]
    unavailable = {person: [s for s in slots if rng.random() < 0.1] for pair in pairs for person in pair}
    for tables in (None, 25):
        document = event(pairs, slots=10, tables=tables, unavailable=unavailable,
                         weights=[rng.choice([1, 1, 1, 2]) for _ in pairs], time_limit_s=0)
        result = run_document(document)
        assert broken_rules(document, result) == []
        assert result["stats"]["method"] == "heuristic"
        assert result["stats"]["optimal"] is True, result["stats"]


# --- The general method ----------------------------------------------------------------------------------------


def test_a_triangle_of_companies_needs_three_slots_and_two_slots_hold_two_meetings():
    pairs = [("a", "b"), ("b", "c"), ("a", "c")]
    assert run_document(event(pairs, slots=3))["unscheduled"] == []
    result = run_document(event(pairs, slots=2))
    assert result["stats"]["method"] != "colouring"
    assert (result["stats"]["scheduled"], result["stats"]["upper_bound"], result["stats"]["optimal"]) == (2, 2, True)


def test_unavailability_is_respected_and_a_meeting_without_a_common_slot_is_explained():
    document = event([("a", "b"), ("a", "c"), ("b", "c")], slots=3,
                     unavailable={"a": ["09:00", "09:20"], "b": ["09:40"]})
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == ["m0"]
    assert result["stats"]["optimal"] is True
    assert 'meeting "m0" cannot take place: a and b have no slot in common' in result["warnings"]


def test_group_meetings_block_all_their_people():
    pairs = [("a", "b", "c"), ("a", "d"), ("b", "d"), ("c", "d")]
    document = event(pairs, slots=3, weights=[3, 1, 1, 1])
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["stats"]["weight"] == brute_force_optimum(document) == 5  # abc, then d meets two of them
    assert result["stats"]["optimal"] is True


def test_a_heavier_mutual_request_wins_the_last_table():
    document = event([("a", "b"), ("c", "d"), ("e", "f")], slots=1, tables=2, weights=[1, 2, 2])
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["unscheduled"] == ["m0"]
    assert result["stats"]["weight"] == 4


def test_decimal_weights_are_added_exactly():
    document = event([("a", "b"), ("a", "c")], slots=1, weights=[1.5, 2.25])
    document["participants"].append({"id": "z"})
    result = run_document(document)
    assert result["stats"]["weight"] == 2.25
    assert result["stats"]["upper_bound"] == 2.25


def test_heuristic_only_never_claims_optimality_it_has_not_proven():
    rng = random.Random(3)
    people = [f"p{n}" for n in range(12)]
    pairs = [tuple(rng.sample(people, rng.choice([2, 2, 3]))) for _ in range(40)]
    document = event(pairs, slots=4, tables=3, weights=[rng.choice([1, 2, 3]) for _ in pairs], time_limit_s=0)
    result = run_document(document)
    assert broken_rules(document, result) == []
    assert result["stats"]["solver_status"] is None
    assert result["stats"]["upper_bound"] >= result["stats"]["weight"]
    assert result["stats"]["optimal"] == (result["stats"]["weight"] == result["stats"]["upper_bound"])


def dense_group_event(seed: int, time_limit_s: float) -> dict:
    """Sixty people, 220 meetings mostly of three, six slots: hard enough that CP-SAT stops on its budget."""
    rng = random.Random(seed)
    people = [f"p{n}" for n in range(60)]
    pairs = [tuple(rng.sample(people, rng.choice([2, 3, 3]))) for _ in range(220)]
    unavailable = {p: rng.sample(SLOTS[:6], rng.choice([0, 0, 1, 2])) for p in people}
    return event(pairs, slots=6, unavailable=unavailable, weights=[rng.choice([1, 1, 2]) for _ in pairs],
                 time_limit_s=time_limit_s)


def test_the_same_event_and_seed_give_the_same_schedule_even_when_cp_sat_stops_early():
    document = dense_group_event(0, time_limit_s=2)
    first, second = run_document(document), run_document(document)
    assert broken_rules(document, first) == []
    assert first["stats"]["solver_status"] == "FEASIBLE (work budget)"
    assert first["scheduled"] == second["scheduled"]
    assert first["stats"]["upper_bound"] == second["stats"]["upper_bound"]
    assert first["stats"]["weight"] >= first["stats"]["heuristic_weight"]
    assert first["stats"]["seconds"] < 2 + 0.5


def test_cp_sat_closes_the_gap_the_heuristic_leaves_on_group_meetings():
    rng = random.Random(13)
    people = [f"p{n}" for n in range(9)]
    pairs = [tuple(rng.sample(people, rng.choice([2, 3, 3]))) for _ in range(10)]
    weights = [rng.choice([1, 2, 3]) for _ in pairs]
    quick = run_document(event(pairs, slots=3, tables=2, weights=weights, time_limit_s=0))
    solved = run_document(event(pairs, slots=3, tables=2, weights=weights, time_limit_s=5))
    optimum = brute_force_optimum(event(pairs, slots=3, tables=2, weights=weights))
    assert quick["stats"]["weight"] < optimum <= quick["stats"]["upper_bound"], "the example should need CP-SAT"
    assert quick["stats"]["optimal"] is False
    stats = solved["stats"]
    assert (stats["weight"], stats["method"], stats["optimal"]) == (optimum, "cp-sat", True)


# --- Warnings for the organiser ----------------------------------------------------------------------------------


def test_too_few_places_are_reported_with_the_numbers():
    pairs = [(f"v{i}", f"h{j}") for i in range(50) for j in range(30)]  # 1,500 requests
    document = event(pairs, slots=16, tables=40, time_limit_s=0)
    result = run_document(document)
    assert result["warnings"][0] == (
        "40 tables × 16 slots = 640 places for 1,500 requested meetings: at least 860 cannot be scheduled"
    )


def test_a_person_asking_for_more_meetings_than_their_available_slots_is_named():
    pairs = [("x", f"h{j}") for j in range(14)]
    document = event(pairs, slots=16, unavailable={"x": [f"s{n}" for n in range(6)]}, time_limit_s=0)
    result = run_document(document)
    assert "x asked for 14 meetings but is available in 10 slots" in result["warnings"]
    assert result["stats"]["scheduled"] == 10


def test_someone_unavailable_all_day_is_named_in_their_meetings_warning():
    document = event([("a", "b")], slots=2, unavailable={"b": ["09:00", "09:20"]})
    result = run_document(document)
    assert result["unscheduled"] == ["m0"]
    assert 'meeting "m0" cannot take place: b is unavailable in every slot' in result["warnings"]


def test_a_schedule_short_of_its_bound_says_so():
    # Seven three-person meetings among seven people in two slots: the bounds cannot see the clash structure.
    pairs = [("a", "b", "c"), ("c", "d", "e"), ("e", "f", "a"), ("b", "d", "f"), ("a", "d", "g"),
             ("b", "e", "g"), ("c", "f", "g")]
    result = run_document(event(pairs, slots=2, time_limit_s=0))
    assert result["stats"]["optimal"] is False
    assert any(w.startswith("this schedule may not be the best possible") for w in result["warnings"])


# --- The typed API ----------------------------------------------------------------------------------------------


def test_the_typed_api_returns_dataclasses_matching_the_document():
    participants = [Participant("a", unavailable=("10:40",)), Participant("b"), Participant("c")]
    meetings = [Meeting("m1", ("a", "b"), weight=2), Meeting("m2", ("a", "c"))]
    result = schedule(["10:00", "10:20", "10:40"], participants, meetings, tables=2, time_limit_s=1)
    assert isinstance(result, Schedule)
    assert {placement.meeting for placement in result.placements} == {"m1", "m2"}
    assert result.stats.optimal and result.stats.weight == 3
    document = result.to_document()
    assert set(document) >= {"scheduled", "unscheduled", "stats", "warnings"}
    assert set(document["stats"]) >= {"scheduled", "weight", "upper_bound", "optimal", "method", "seconds"}


def test_the_typed_api_reports_problems_like_the_contract():
    with pytest.raises(InvalidInput) as raised:
        schedule(["10:00"], [Participant("a")], [Meeting("m1", ("a", "x9"))])
    assert raised.value.problems == ['meetings[0].between[1]: unknown participant "x9"']


def test_every_slot_pair_of_a_small_event_agrees_with_brute_force():
    # A deterministic sweep over the two-slot events of four people, as a cross-check beside the random properties.
    people = ["a", "b", "c", "d"]
    all_pairs = list(itertools.combinations(people, 2))
    for chosen in itertools.combinations(all_pairs, 4):
        document = event(list(chosen), slots=2, tables=1, time_limit_s=1)
        result = run_document(document)
        assert broken_rules(document, result) == []
        assert result["stats"]["weight"] == brute_force_optimum(document)
