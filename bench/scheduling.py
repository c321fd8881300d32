"""Benchmark of the meeting scheduler on a matchmaking day: `.venv/bin/python bench/scheduling.py`.

400 participants (200 visitors, 200 hosts), 1,500 visitor → host meeting requests (mutual ones weigh 2), 16 slots
of 20 minutes, each person unavailable in about 10% of the slots; run with 40 tables and with no table limit.
For each: the heuristic's time and weight and the upper bound proven without a solver; then CP-SAT on its own, from
scratch, as an independent referee (its value, bound and time), so the heuristic's gap is measured, not assumed;
then the product's whole `schedule()` call. Last, the textbook case: no tables, nobody unavailable, Δ ≤ 16, which
bipartite edge colouring schedules completely in Δ slots.
"""

import random
import statistics
import time

from zonebridge.engine.scheduling import Meeting, Participant, schedule
from zonebridge.engine.scheduling.bounds import combinatorial_bound, flow_relaxation
from zonebridge.engine.scheduling.colouring import colouring_applies, schedule_by_colouring
from zonebridge.engine.scheduling.heuristic import schedule_heuristically
from zonebridge.engine.scheduling.improvement import improve_with_cp_sat
from zonebridge.engine.scheduling.model import UNSCHEDULED, Event, Instance, build_instance

SEED = 2024
VISITORS = HOSTS = 200
REQUESTS = 1_500
SLOT_COUNT = 16
UNAVAILABILITY = 0.10
MUTUAL_SHARE = 0.25
MAX_REQUESTS_PER_PERSON = SLOT_COUNT  # the event's own rule: nobody may ask for more meetings than there are slots
CP_SAT_LIMIT_S = 60.0
REPEATS = 5


def matchmaking_day(unavailability: float, seed: int = SEED) -> tuple[list[str], list[Participant], list[Meeting]]:
    """Slots, participants and requests of the benchmark day; hosts differ in popularity, as they do in life."""
    rng = random.Random(seed)
    slots = [f"{9 + (20 * n) // 60:02d}:{(20 * n) % 60:02d}" for n in range(SLOT_COUNT)]
    visitors = [f"v{n:03d}" for n in range(VISITORS)]
    hosts = [f"h{n:03d}" for n in range(HOSTS)]
    participants = [
        Participant(person, tuple(slot for slot in slots if rng.random() < unavailability))
        for person in visitors + hosts
    ]
    popularity = [rng.lognormvariate(0, 0.6) for _ in hosts]
    requests: dict[tuple[str, str], int] = {}
    count = {person: 0 for person in visitors + hosts}
    while len(requests) < REQUESTS:
        visitor = rng.choice(visitors)
        host = rng.choices(hosts, weights=popularity)[0]
        if (visitor, host) in requests or max(count[visitor], count[host]) >= MAX_REQUESTS_PER_PERSON:
            continue
        count[visitor] += 1
        count[host] += 1
        requests[visitor, host] = 2 if rng.random() < MUTUAL_SHARE else 1
    meetings = [Meeting(f"m{n:04d}", pair, weight) for n, (pair, weight) in enumerate(requests.items())]
    return slots, participants, meetings


def _points(instance: Instance, assignment: list[int]) -> int:
    """The total weight of the placed meetings."""
    return sum(instance.points[m] for m, slot in enumerate(assignment) if slot != UNSCHEDULED)


def bench_general(tables: int | None) -> None:
    """Heuristic with its proven bound, then CP-SAT from scratch as the referee, on the day with unavailability."""
    slots, participants, meetings = matchmaking_day(UNAVAILABILITY)
    event = Event(tuple(slots), tuple(participants), tuple(meetings), tables=tables)
    instance = build_instance(event)
    print(f"\n== {'no table limit' if tables is None else f'{tables} tables'}, 10% unavailability ==")

    bound_times, heuristic_times = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        relaxation = flow_relaxation(instance)
        bound = combinatorial_bound(instance, relaxation)
        bound_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        assignment = schedule_heuristically(instance, enough=bound.points, preference=relaxation.halves)
        heuristic_times.append(time.perf_counter() - started)
    heuristic = _points(instance, assignment)
    placed = sum(slot != UNSCHEDULED for slot in assignment)
    print(f"heuristic: {_ms(heuristic_times)} (median of {REPEATS}; target ≤ 50 ms), weight {heuristic:,} "
          f"({placed:,} of {len(meetings):,} meetings)")
    print(f"proven upper bound without a solver: {bound.points:,} ({bound.source}), {_ms(bound_times)}"
          f"{' -> the heuristic is proven optimal' if heuristic == bound.points else ''}")

    referee = improve_with_cp_sat(instance, None, time_limit_s=CP_SAT_LIMIT_S, workers=2)
    print(f"CP-SAT from scratch (2 workers, {CP_SAT_LIMIT_S:.0f} s limit): value {referee.points:,}, "
          f"bound {referee.bound:,}, {referee.status}, {referee.seconds:.1f} s "
          f"({'proved optimal' if referee.status == 'OPTIMAL' else 'did not prove optimality'})")
    best_value = max(referee.points, heuristic)
    best_bound = min(bound.points, referee.bound if referee.bound is not None else bound.points)
    print(f"best known value {best_value:,}, best proven bound {best_bound:,}: "
          f"optimum {'PROVEN' if best_value == best_bound else 'not proven'}")
    print(f"gap: heuristic vs CP-SAT value {_gap(heuristic, referee.points)} (target ≤ 1%), "
          f"heuristic vs proven bound {_gap(heuristic, best_bound)}")

    started = time.perf_counter()
    result = schedule(slots, participants, meetings, tables=tables)
    stats = result.stats
    print(f"schedule() end to end (validation, bound, heuristic, CP-SAT if needed; time_limit_s "
          f"{event.time_limit_s:g}): method {stats.method}, weight {stats.weight:,}, upper bound "
          f"{stats.upper_bound:,} ({stats.upper_bound_source}), optimal {stats.optimal}, "
          f"{1000 * (time.perf_counter() - started):.0f} ms, {len(result.warnings)} warnings")
    for warning in result.warnings[:3]:
        print(f"  warning: {warning}")


def _ms(times: list[float]) -> str:
    """The median of some durations, in milliseconds."""
    return f"{1000 * statistics.median(times):.1f} ms"


def _gap(value: int, reference: int) -> str:
    """How far below the reference a value is, in percent (negative: above it)."""
    return f"{100.0 * (reference - value) / reference:.2f}%" if reference else "n/a"


def bench_colouring() -> None:
    """The textbook case: all meetings in Δ slots by bipartite edge colouring."""
    slots, participants, meetings = matchmaking_day(0.0)
    event = Event(tuple(slots), tuple(participants), tuple(meetings), tables=None)
    instance = build_instance(event)
    degree = max(len(of) for of in instance.meetings_of)
    print(f"\n== no tables, nobody unavailable: bipartite edge colouring (applies: {colouring_applies(instance)}) ==")
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        assignment = schedule_by_colouring(instance)
        times.append(time.perf_counter() - started)
    used = len({slot for slot in assignment if slot != UNSCHEDULED})
    left = sum(slot == UNSCHEDULED for slot in assignment)
    print(f"Δ = {degree} (≤ {len(slots)} slots); scheduled {len(assignment) - left:,} of {len(meetings):,} meetings "
          f"in {used} slots ({'= Δ' if used == degree else '≠ Δ !'}), {left} unscheduled, {_ms(times)} "
          f"(median of {REPEATS})")
    started = time.perf_counter()
    result = schedule(slots, participants, meetings, tables=None)
    print(f"through schedule(): method {result.stats.method}, optimal {result.stats.optimal}, "
          f"{1000 * (time.perf_counter() - started):.1f} ms end to end (validation included)")


def main() -> None:
    """Run every benchmark and print the figures."""
    slots, participants, meetings = matchmaking_day(UNAVAILABILITY)
    mutual = sum(meeting.weight == 2 for meeting in meetings)
    unavailable = sum(len(p.unavailable) for p in participants) / (len(participants) * len(slots))
    print(f"{len(participants)} participants ({VISITORS} visitors, {HOSTS} hosts), {len(meetings):,} requests "
          f"({mutual} mutual, weight 2), {len(slots)} slots, {100 * unavailable:.1f}% unavailability, seed {SEED}")
    bench_general(40)
    bench_general(None)
    bench_colouring()


if __name__ == "__main__":
    main()
