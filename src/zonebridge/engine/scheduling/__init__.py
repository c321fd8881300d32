"""Meeting schedules for matchmaking days and delegation visits: meetings into time slots and tables.

Hard rules: a person attends at most one meeting per slot, never in a slot they are unavailable, and a slot holds
at most `tables` meetings, each at its own table. The goal is the greatest total weight of scheduled meetings,
reported with a proven upper bound so an organiser knows how close to the best the schedule is.

How (one module per concept):
- validation.py   reads a request and reports every problem at once;
- colouring.py    visitor ↔ host pairs with nobody unavailable: exact bipartite edge colouring (König);
- bounds.py       proven upper bounds without a solver, including a min-cost-flow relaxation that also tells
                  the heuristic which requests of overbooked people to give up;
- heuristic.py    everything else: flow-guided greedy plus ejection-chain and exchange repair (milliseconds);
- improvement.py  OR-Tools CP-SAT, seeded with the heuristic's schedule, when the bound is not yet reached;
- planner.py      picks the method and checks the result; diagnostics.py warnings; verification.py the check.

`seed` only affects CP-SAT; everything else is deterministic by construction.

Public API: `schedule(slots, participants, meetings, tables=None, time_limit_s=5, seed=0) -> Schedule` and
`run_document(document) -> dict` for the `zonebridge engine schedule` contract (shared/contracts, "schedule").
"""

from zonebridge.engine.scheduling.model import (
    DEFAULT_TIME_LIMIT_S,
    Event,
    Meeting,
    Participant,
    Placement,
    Schedule,
    ScheduleStats,
)
from zonebridge.engine.scheduling.planner import run_document, schedule, schedule_event
from zonebridge.engine.scheduling.verification import hard_rule_violations

__all__ = [
    "DEFAULT_TIME_LIMIT_S",
    "Event",
    "Meeting",
    "Participant",
    "Placement",
    "Schedule",
    "ScheduleStats",
    "hard_rule_violations",
    "run_document",
    "schedule",
    "schedule_event",
]
