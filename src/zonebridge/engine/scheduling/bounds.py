"""Proven upper bounds on the best total weight any schedule can reach, found without a solver.

Each bound drops some rules and solves what is left exactly, so no schedule can beat it:
- "requests": every meeting that has a slot all its people can make;
- "capacity": a slot holds at most `tables` meetings, and no more than its available people can form, so at most
  that many of the heaviest meetings fit;
- "people": a person attends at most one meeting per slot they can make (each meeting's weight shared among its
  people, so the per-person totals add up to at most the schedule's weight);
- "flow": for two-person meetings, both of the above at once. With visitors ↔ hosts (bipartite) it is a min-cost
  flow whose answer is a set of meetings; otherwise the same flow on the "double cover" (every person split into a
  left and a right copy, every meeting an arc each way) solves the linear relaxation, whose optimum takes each
  meeting wholly, half or not at all.

The flow's choice also guides the heuristic: it says which requests of an overbooked person to give up so that
everyone else's meetings still fit (see heuristic.py).
"""

from dataclasses import dataclass
from math import lcm

from zonebridge.engine.scheduling.colouring import bipartite_sides, heaviest_bounded_subgraph, pairs_of
from zonebridge.engine.scheduling.model import Instance


@dataclass(frozen=True)
class Bound:
    """An upper bound in points and the relaxation that proved it."""

    points: int
    source: str


@dataclass(frozen=True)
class FlowRelaxation:
    """The relaxed optimum: per meeting, how many halves of it are taken (0, 1 or 2), and its proven bound."""

    halves: tuple[int, ...]
    bound: int


def combinatorial_bound(instance: Instance, relaxation: FlowRelaxation | None = None) -> Bound:
    """The tightest of the bounds above; pass flow_relaxation(instance) when it is already computed."""
    reachable = [m for m in range(instance.meeting_count) if instance.allowed[m]]
    bounds = [
        Bound(sum(instance.points[m] for m in reachable), "requests"),
        Bound(sum(sorted((instance.points[m] for m in reachable), reverse=True)[: slot_capacity(instance)]),
              "capacity"),
        Bound(_people_bound(instance), "people"),
    ]
    if relaxation is None:
        relaxation = flow_relaxation(instance)
    if relaxation is not None:
        bounds.append(Bound(relaxation.bound, "flow"))
    return min(bounds, key=lambda bound: bound.points)


def slot_capacity(instance: Instance) -> int:
    """How many meetings can take place at all: per slot, the tables and the people available there."""
    smallest_meeting = min((len(people) for people in instance.members), default=2)
    total = 0
    for slot in range(instance.slot_count):
        bit = 1 << slot
        possible = sum(1 for allowed in instance.allowed if allowed & bit)
        people_there = sum(1 for available in instance.people_available if available & bit)
        cap = min(possible, people_there // smallest_meeting)
        if instance.tables is not None:
            cap = min(cap, instance.tables)
        total += cap
    return total


def _usable_slots(instance: Instance, person: int) -> int:
    """How many slots a person could possibly meet in: available, and some meeting of theirs allowed there."""
    usable = 0
    for meeting in instance.meetings_of[person]:
        usable |= instance.allowed[meeting]
    return usable.bit_count()


def _people_bound(instance: Instance) -> int:
    """Each person keeps their heaviest shares, one per usable slot; the shares of a schedule sum to its weight."""
    # Shares are points / group size; multiplying by the lcm of the sizes keeps the arithmetic exact.
    common = lcm(*{len(people) for people in instance.members}) if instance.members else 1
    total = 0
    for person, meetings in enumerate(instance.meetings_of):
        shares = sorted(
            (instance.points[m] * common // len(instance.members[m]) for m in meetings if instance.allowed[m]),
            reverse=True,
        )
        total += sum(shares[: _usable_slots(instance, person)])
    return total // common


def flow_relaxation(instance: Instance) -> FlowRelaxation | None:
    """The heaviest meetings within people's usable slots and the slot capacity; None with group meetings."""
    pairs = pairs_of(instance)
    if pairs is None:
        return None
    reachable = [m for m in range(instance.meeting_count) if instance.allowed[m]]
    reachable_pairs = [pairs[m] for m in reachable]
    caps = [_usable_slots(instance, person) for person in range(instance.person_count)]
    points = [instance.points[m] for m in reachable]
    capacity = slot_capacity(instance)
    halves = [0] * instance.meeting_count
    side = bipartite_sides(instance.person_count, reachable_pairs)
    if side is not None:
        for index in heaviest_bounded_subgraph(instance.person_count, reachable_pairs, side, points, caps, capacity):
            halves[reachable[index]] = 2
        return FlowRelaxation(tuple(halves), sum(instance.points[m] * h for m, h in enumerate(halves)) // 2)
    # Double cover: person p is p (left) and p + n (right); a meeting {u, v} is the arcs u → v' and v → u'.
    n = instance.person_count
    cover_pairs = [arc for first, second in reachable_pairs for arc in ((first, n + second), (second, n + first))]
    cover_points = [p for p in points for _ in range(2)]
    chosen = heaviest_bounded_subgraph(2 * n, cover_pairs, [0] * n + [1] * n, cover_points, caps + caps, 2 * capacity)
    for arc in chosen:
        halves[reachable[arc // 2]] += 1
    # The flow is twice the linear relaxation's optimum, which bounds every schedule.
    return FlowRelaxation(tuple(halves), sum(instance.points[m] * h for m, h in enumerate(halves)) // 2)
