"""The scheduler's vocabulary: what an organiser asks for, what comes back, and the index form the algorithms use."""

from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT_TIME_LIMIT_S = 5.0

# A meeting that is not in any slot.
UNSCHEDULED = -1


@dataclass(frozen=True)
class Participant:
    """A person (a company's delegate, a visitor, a host) and the slots they cannot make."""

    id: str
    unavailable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """A requested meeting between two or more participants; a heavier weight matters more (a mutual request)."""

    id: str
    between: tuple[str, ...]
    weight: int | float = 1


@dataclass(frozen=True)
class Event:
    """A validated matchmaking day: its slots, table count (None: no limit), people and meeting requests."""

    slots: tuple[str, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    tables: int | None = None
    time_limit_s: float = DEFAULT_TIME_LIMIT_S
    seed: int = 0


@dataclass(frozen=True)
class Placement:
    """When and where one meeting takes place."""

    meeting: str
    slot: str
    table: int


@dataclass(frozen=True)
class ScheduleStats:
    """How good a schedule is, how far from the best possible, and how it was found."""

    scheduled: int
    weight: int | float
    upper_bound: int | float
    optimal: bool
    method: str
    seconds: float
    requested: int
    heuristic_weight: int | float
    upper_bound_source: str
    solver_status: str | None = None


@dataclass(frozen=True)
class Schedule:
    """The meetings placed in slots and at tables, the ones left out, and advice for the organiser."""

    placements: tuple[Placement, ...]
    unscheduled: tuple[str, ...]
    stats: ScheduleStats
    warnings: tuple[str, ...] = ()

    def to_document(self) -> dict:
        """The schedule in the JSON shape of shared/contracts ("schedule"), plus `warnings` and extra stats."""
        stats = self.stats
        return {
            "scheduled": [
                {"meeting": placement.meeting, "slot": placement.slot, "table": placement.table}
                for placement in self.placements
            ],
            "unscheduled": list(self.unscheduled),
            "stats": {
                "scheduled": stats.scheduled,
                "weight": stats.weight,
                "upper_bound": stats.upper_bound,
                "optimal": stats.optimal,
                "method": stats.method,
                "seconds": round(stats.seconds, 4),
                "requested": stats.requested,
                "heuristic_weight": stats.heuristic_weight,
                "upper_bound_source": stats.upper_bound_source,
                "solver_status": stats.solver_status,
            },
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Instance:
    """The event in index form: slots are bit positions, people and meetings are list indices.

    Weights are integer points (weight × scale) so that every bound and comparison is exact.
    """

    slot_count: int
    tables: int | None
    people_available: tuple[int, ...]  # per person, a bit mask of the slots they can make
    members: tuple[tuple[int, ...], ...]  # per meeting, its people
    points: tuple[int, ...]  # per meeting, weight × scale
    allowed: tuple[int, ...]  # per meeting, the slots where all its people can make it
    meetings_of: tuple[tuple[int, ...], ...]  # per person, their meetings
    scale: int = 1

    @property
    def meeting_count(self) -> int:
        """How many meetings were requested."""
        return len(self.members)

    @property
    def person_count(self) -> int:
        """How many participants there are."""
        return len(self.people_available)

    @property
    def every_slot(self) -> int:
        """The bit mask with every slot set."""
        return (1 << self.slot_count) - 1


def slots_in(mask: int) -> Iterator[int]:
    """The slot numbers set in a bit mask, earliest first."""
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


def build_instance(event: Event) -> Instance:
    """Turn a validated event into index form."""
    slot_number = {label: number for number, label in enumerate(event.slots)}
    every_slot = (1 << len(event.slots)) - 1
    person_number = {participant.id: number for number, participant in enumerate(event.participants)}
    people_available = []
    for participant in event.participants:
        unavailable = 0
        for label in participant.unavailable:
            unavailable |= 1 << slot_number[label]
        people_available.append(every_slot & ~unavailable)

    scale = weight_scale([meeting.weight for meeting in event.meetings])
    members, points, allowed = [], [], []
    meetings_of: list[list[int]] = [[] for _ in event.participants]
    for number, meeting in enumerate(event.meetings):
        people = tuple(person_number[person] for person in meeting.between)
        members.append(people)
        points.append(round(meeting.weight * scale))
        common = every_slot
        for person in people:
            common &= people_available[person]
            meetings_of[person].append(number)
        allowed.append(common)
    return Instance(
        slot_count=len(event.slots),
        tables=event.tables,
        people_available=tuple(people_available),
        members=tuple(members),
        points=tuple(points),
        allowed=tuple(allowed),
        meetings_of=tuple(tuple(meetings) for meetings in meetings_of),
        scale=scale,
    )


MAX_WEIGHT_DECIMALS = 3


def weight_scale(weights: list[int | float]) -> int:
    """The smallest power of ten that makes every weight a whole number of points (validation caps the decimals)."""
    for decimals in range(MAX_WEIGHT_DECIMALS + 1):
        scale = 10**decimals
        if all(abs(weight * scale - round(weight * scale)) < 1e-6 for weight in weights):
            return scale
    raise ValueError("a weight has more decimals than validation allows")


def weight_from_points(points: int, scale: int) -> int | float:
    """Points back in the organiser's unit: a whole number when weights were whole."""
    if scale == 1:
        return points
    return round(points / scale, MAX_WEIGHT_DECIMALS)
