"""Choose the method for an event, run it, bound it, check it and describe it."""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from zonebridge.engine.scheduling.bounds import Bound, combinatorial_bound, flow_relaxation
from zonebridge.engine.scheduling.colouring import colouring_applies, schedule_by_colouring
from zonebridge.engine.scheduling.diagnostics import gap_warning, organiser_warnings
from zonebridge.engine.scheduling.heuristic import schedule_heuristically
from zonebridge.engine.scheduling.improvement import improve_with_cp_sat
from zonebridge.engine.scheduling.model import (
    DEFAULT_TIME_LIMIT_S,
    UNSCHEDULED,
    Event,
    Instance,
    Meeting,
    Participant,
    Placement,
    Schedule,
    ScheduleStats,
    build_instance,
    weight_from_points,
)
from zonebridge.engine.scheduling.validation import read_event
from zonebridge.engine.scheduling.verification import hard_rule_violations

# CP-SAT's deterministic work units are meant to be about a second, and are on small models; on large ones its LP
# is cheap in units but dear in seconds. Measured on the 2-core reference machine: ~1 s per unit up to 2,500
# (meeting, slot) variables, 2.1 to 6.3 s per unit from 7,500 to 25,000. The work budget is half the time limit
# divided by that estimate, so the reproducible work budget, not the clock, normally ends the search.
VARIABLES_PER_SECOND_OF_WORK = 1_500
SLOWEST_SECONDS_PER_UNIT = 6.5


def schedule(slots: Sequence[str], participants: Sequence[Participant], meetings: Sequence[Meeting],
             tables: int | None = None, time_limit_s: float = DEFAULT_TIME_LIMIT_S, seed: int = 0) -> Schedule:
    """Schedule an event's meetings into slots and tables; raises InvalidInput listing every problem in the input."""
    # The same rules and messages as the JSON contract: build its document and read it.
    document = {
        "slots": list(slots),
        "tables": tables,
        "participants": [{"id": p.id, "unavailable": list(p.unavailable)} for p in participants],
        "meetings": [{"id": m.id, "between": list(m.between), "weight": m.weight} for m in meetings],
        "time_limit_s": time_limit_s,
        "seed": seed,
    }
    return schedule_event(read_event(document))


def run_document(document: dict) -> dict:
    """The `schedule` engine command: validate a contract document, schedule it, return the output document."""
    return schedule_event(read_event(document)).to_document()


@dataclass
class _Result:
    """What a method produced, before it is checked and described."""

    assignment: list[int]
    heuristic_points: int
    bound: Bound
    method: str
    solver_status: str | None = None
    gap_reason: str = "only the fast heuristic ran (time_limit_s is 0)"


def schedule_event(event: Event) -> Schedule:
    """Schedule a validated event: exact colouring when it applies, else heuristic then CP-SAT improvement."""
    started = time.perf_counter()
    instance = build_instance(event)
    warnings = organiser_warnings(event, instance)
    result = _by_colouring(instance) if colouring_applies(instance) else _by_search(instance, event, started)
    points = _points(instance, result.assignment)
    placements = _placements(event, instance, result.assignment)
    violations = hard_rule_violations(event, placements)
    if violations or points > result.bound.points:
        raise RuntimeError(f"the scheduler broke its own rules: {violations or 'weight above its bound'}")
    note = gap_warning(points, result.bound.points, instance.scale, result.gap_reason)
    if note:
        warnings.append(note)
    scheduled = {placement.meeting for placement in placements}
    stats = ScheduleStats(
        scheduled=len(placements),
        weight=weight_from_points(points, instance.scale),
        upper_bound=weight_from_points(result.bound.points, instance.scale),
        optimal=points == result.bound.points,
        method=result.method,
        seconds=time.perf_counter() - started,
        requested=len(event.meetings),
        heuristic_weight=weight_from_points(result.heuristic_points, instance.scale),
        upper_bound_source=result.bound.source,
        solver_status=result.solver_status,
    )
    return Schedule(
        placements=placements,
        unscheduled=tuple(meeting.id for meeting in event.meetings if meeting.id not in scheduled),
        stats=stats,
        warnings=tuple(warnings),
    )


def _by_colouring(instance: Instance) -> _Result:
    """The exact method for visitor ↔ host pairs with nobody unavailable: its schedule is its own bound."""
    assignment = schedule_by_colouring(instance)
    points = _points(instance, assignment)
    return _Result(assignment, points, Bound(points, "colouring"), "colouring")


def _by_search(instance: Instance, event: Event, started: float) -> _Result:
    """Flow-guided heuristic, then CP-SAT seeded with it while the bound is not reached and time remains."""
    relaxation = flow_relaxation(instance)
    bound = combinatorial_bound(instance, relaxation)
    assignment = schedule_heuristically(instance, enough=bound.points,
                                        preference=relaxation.halves if relaxation else None)
    result = _Result(assignment, _points(instance, assignment), bound, "heuristic")
    if result.heuristic_points >= bound.points or event.time_limit_s == 0:
        return result
    remaining_s = event.time_limit_s - (time.perf_counter() - started)
    if remaining_s <= 0:
        result.gap_reason = "the time limit was used up before the improvement step could start"
        return result
    outcome = improve_with_cp_sat(instance, assignment, time_limit_s=remaining_s,
                                  work_limit=work_budget(instance, event.time_limit_s), seed=event.seed)
    result.solver_status = f"{outcome.status} ({outcome.stopped_by})"
    result.gap_reason = f"the improvement step stopped on its {outcome.stopped_by} before proving it"
    if outcome.points > result.heuristic_points:
        result.assignment, result.method = outcome.assignment, "cp-sat"
    if outcome.bound is not None and outcome.bound < bound.points:
        result.bound = Bound(outcome.bound, "cp-sat")
    return result


def work_budget(instance: Instance, time_limit_s: float) -> float:
    """CP-SAT's deterministic work budget for a time limit: a function of the input only, so reproducible."""
    variables = sum(allowed.bit_count() for allowed in instance.allowed)
    seconds_per_unit = min(SLOWEST_SECONDS_PER_UNIT, max(1.0, variables / VARIABLES_PER_SECOND_OF_WORK))
    return 0.5 * time_limit_s / seconds_per_unit


def _points(instance: Instance, assignment: list[int]) -> int:
    """The total points of the placed meetings."""
    return sum(instance.points[m] for m, slot in enumerate(assignment) if slot != UNSCHEDULED)


def _placements(event: Event, instance: Instance, assignment: list[int]) -> tuple[Placement, ...]:
    """Slots in event order, and within a slot tables 1, 2, ... in the order the meetings were requested."""
    by_slot: list[list[int]] = [[] for _ in range(instance.slot_count)]
    for meeting, slot in enumerate(assignment):
        if slot != UNSCHEDULED:
            by_slot[slot].append(meeting)
    return tuple(
        Placement(meeting=event.meetings[meeting].id, slot=event.slots[slot], table=table)
        for slot, meetings in enumerate(by_slot)
        for table, meeting in enumerate(meetings, start=1)
    )
