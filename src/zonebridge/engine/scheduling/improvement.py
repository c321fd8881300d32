"""Improve a schedule with OR-Tools CP-SAT, seeded with it, and prove how far from the best it can be.

One Boolean per (meeting, slot its people can all make): a meeting takes at most one slot, a person at most one
meeting per slot, a slot at most `tables` meetings; maximise the weight. The heuristic's schedule is a complete
hint, so CP-SAT starts from it and returns nothing worse. (Capping the objective with the combinatorial bound looks
free but is not: presolve then compares that long constraint with every at-most-one and spends its budget there.)

Time and reproducibility: the wall-clock limit is a hard ceiling. Within it CP-SAT (one worker, fixed seed) also
gets a *work* budget in its deterministic time units, which do not depend on machine load; when the work budget or
a proof ends the search, the same input and seed give the same schedule. The budget is set so that it normally
runs out first (see planner.work_budget); `stopped_by` says which one did.
"""

import math
import time
from dataclasses import dataclass
from typing import Any

from zonebridge.engine.scheduling.model import UNSCHEDULED, Instance, slots_in

PROOF, WORK_BUDGET, TIME_LIMIT = "proof", "work budget", "time limit"


@dataclass(frozen=True)
class SolverOutcome:
    """What CP-SAT found: its best schedule, the bound it proved, why it stopped and the time it took."""

    assignment: list[int]
    points: int
    bound: int | None
    status: str
    stopped_by: str
    seconds: float
    deterministic_time: float


def improve_with_cp_sat(instance: Instance, hint: list[int] | None, *, time_limit_s: float,
                        work_limit: float | None = None, seed: int = 0,
                        workers: int = 1) -> SolverOutcome:
    """Search for a heavier schedule than `hint` (None: from scratch) within the wall-clock and work limits."""
    # Imported here: CP-SAT's Python layer loads pandas (~0.3 s), which most schedules never need.
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    model = cp_model.CpModel()
    variables: dict[tuple[int, int], Any] = {}  # (meeting, slot) → CP-SAT Boolean
    by_person_slot: dict[tuple[int, int], list[Any]] = {}
    by_slot: list[list[Any]] = [[] for _ in range(instance.slot_count)]
    for meeting in range(instance.meeting_count):
        own = []
        for slot in slots_in(instance.allowed[meeting]):
            variable = model.new_bool_var(f"m{meeting}s{slot}")
            variables[meeting, slot] = variable
            own.append(variable)
            by_slot[slot].append(variable)
            for person in instance.members[meeting]:
                by_person_slot.setdefault((person, slot), []).append(variable)
        if len(own) > 1:
            model.add_at_most_one(own)
    for together in by_person_slot.values():
        if len(together) > 1:
            model.add_at_most_one(together)
    if instance.tables is not None:
        for in_slot in by_slot:
            if len(in_slot) > instance.tables:
                model.add(cp_model.LinearExpr.sum(in_slot) <= instance.tables)
    weight = cp_model.LinearExpr.weighted_sum(list(variables.values()), [instance.points[m] for m, _ in variables])
    model.maximize(weight)
    if hint is not None:
        for (meeting, slot), variable in variables.items():
            model.add_hint(variable, hint[meeting] == slot)

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.01, time_limit_s - (time.perf_counter() - started))
    if work_limit is not None:
        solver.parameters.max_deterministic_time = work_limit
    status = solver.solve(model)
    seconds = time.perf_counter() - started
    if status == cp_model.OPTIMAL or status == cp_model.INFEASIBLE:
        stopped_by = PROOF
    elif work_limit is not None and solver.deterministic_time >= 0.999 * work_limit:
        stopped_by = WORK_BUDGET
    else:
        stopped_by = TIME_LIMIT

    fallback = list(hint) if hint is not None else [UNSCHEDULED] * instance.meeting_count
    fallback_points = _points(instance, fallback)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SolverOutcome(fallback, fallback_points, None, solver.status_name(status), stopped_by, seconds,
                             solver.deterministic_time)
    assignment = [UNSCHEDULED] * instance.meeting_count
    for (meeting, slot), variable in variables.items():
        if solver.boolean_value(variable):
            assignment[meeting] = slot
    points = _points(instance, assignment)
    if points < fallback_points:  # cannot happen with a complete, feasible hint; keep the better schedule anyway
        assignment, points = fallback, fallback_points
    # The objective takes whole values, so rounding the bound down keeps it proven.
    bound = math.floor(solver.best_objective_bound + 1e-6)
    return SolverOutcome(assignment, points, bound, solver.status_name(status), stopped_by, seconds,
                         solver.deterministic_time)


def _points(instance: Instance, assignment: list[int]) -> int:
    """The total points of the placed meetings."""
    return sum(instance.points[m] for m, slot in enumerate(assignment) if slot != UNSCHEDULED)
