"""Read a schedule request and report every problem in it at once, each naming the item (`meetings[4].between[1]`)."""

import json
import math
from typing import Any

from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.scheduling.model import (
    DEFAULT_TIME_LIMIT_S,
    MAX_WEIGHT_DECIMALS,
    Event,
    Meeting,
    Participant,
)

MAX_WEIGHT = 1_000_000
# An hour is far more than any schedule needs; a larger value is most likely milliseconds by mistake.
MAX_TIME_LIMIT_S = 3600


def read_event(document: dict) -> Event:
    """Validate a schedule request document and return the event, or raise InvalidInput listing every problem."""
    problems: list[str] = []
    if not isinstance(document, dict):
        raise InvalidInput([f"the document must be a JSON object, got {_describe(document)}"])
    slots = _read_slots(document, problems)
    tables = _read_tables(document, problems)
    time_limit_s = _read_time_limit(document, problems)
    seed = _read_seed(document, problems)
    participants, people_known = _read_participants(document, slots, problems)
    meetings = _read_meetings(document, people_known, problems)
    if problems:
        raise InvalidInput(problems)
    return Event(
        slots=tuple(slots or ()),
        participants=tuple(participants),
        meetings=tuple(meetings),
        tables=tables,
        time_limit_s=time_limit_s,
        seed=seed,
    )


def _describe(value: Any) -> str:
    """A short, JSON-like rendering of a bad value for an error message."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # the typed API can be handed anything
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_whole_number(value: Any) -> bool:
    """True for 3 and 3.0, false for booleans, 3.5 and "3"."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    """True for finite ints and floats (not booleans, which JSON keeps apart)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def _read_list(document: dict, key: str, problems: list[str]) -> list | None:
    """The required list at `key`, or None after recording why it cannot be read."""
    if key not in document:
        problems.append(f"{key}: missing")
        return None
    value = document[key]
    if not isinstance(value, list):
        problems.append(f"{key}: must be a list, got {_describe(value)}")
        return None
    return value


def _read_slots(document: dict, problems: list[str]) -> list[str] | None:
    """The slot labels in order; None when the list itself is unusable."""
    raw = _read_list(document, "slots", problems)
    if raw is None:
        return None
    slots: list[str] = []
    first_seen: dict[str, int] = {}
    for index, label in enumerate(raw):
        where = f"slots[{index}]"
        if not isinstance(label, str) or not label:
            problems.append(f"{where}: must be a non-empty string, got {_describe(label)}")
            continue
        if label in first_seen:
            problems.append(f'{where}: duplicate slot "{label}" (also slots[{first_seen[label]}])')
            continue
        first_seen[label] = index
        slots.append(label)
    return slots


def _read_tables(document: dict, problems: list[str]) -> int | None:
    """The number of tables, or None for no limit (also when the key is absent)."""
    value = document.get("tables")
    if value is None:
        return None
    if not _is_whole_number(value) or value < 1:
        problems.append(f"tables: must be a whole number of tables ≥ 1, or null for no limit, got {_describe(value)}")
        return None
    return int(value)


def _read_time_limit(document: dict, problems: list[str]) -> float:
    """The improvement budget in seconds (0: heuristic only); the default when absent or null."""
    value = document.get("time_limit_s")
    if value is None:
        return DEFAULT_TIME_LIMIT_S
    if not _is_number(value) or not 0 <= value <= MAX_TIME_LIMIT_S:
        problems.append(
            f"time_limit_s: must be a number of seconds from 0 to {MAX_TIME_LIMIT_S}, got {_describe(value)}")
        return DEFAULT_TIME_LIMIT_S
    return float(value)


def _read_seed(document: dict, problems: list[str]) -> int:
    """The random seed for the improvement step (an extension of the contract; 0 when absent)."""
    value = document.get("seed")
    if value is None:
        return 0
    if not _is_whole_number(value) or not 0 <= value < 2**31:
        problems.append(f"seed: must be a whole number from 0 to 2147483647, got {_describe(value)}")
        return 0
    return int(value)


def _read_id(item: Any, where: str, problems: list[str]) -> str | None:
    """An item's `id`, or None after recording the problem."""
    if not isinstance(item, dict):
        problems.append(f'{where}: must be an object with an "id", got {_describe(item)}')
        return None
    if "id" not in item:
        problems.append(f"{where}.id: missing")
        return None
    value = item["id"]
    if not isinstance(value, str) or not value:
        problems.append(f"{where}.id: must be a non-empty string, got {_describe(value)}")
        return None
    return value


def _check_unique(ids: dict[str, int], value: str, where: str, kind: str, collection: str, index: int,
                  problems: list[str]) -> bool:
    """Record a duplicate id; True when the id is new."""
    if value in ids:
        problems.append(f'{where}.id: duplicate {kind} id "{value}" (also {collection}[{ids[value]}])')
        return False
    ids[value] = index
    return True


def _read_participants(document: dict, slots: list[str] | None,
                       problems: list[str]) -> tuple[list[Participant], set[str] | None]:
    """The participants, and every id that was readable (None when the list itself is unusable).

    Ids of otherwise broken entries still count as known, so a meeting that names them is not also reported.
    """
    raw = _read_list(document, "participants", problems)
    if raw is None:
        return [], None
    known_slots = None if slots is None else set(slots)
    participants: list[Participant] = []
    first_seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        where = f"participants[{index}]"
        person = _read_id(item, where, problems)
        if person is None:
            continue
        unique = _check_unique(first_seen, person, where, "participant", "participants", index, problems)
        unavailable = _read_unavailable(item, where, known_slots, problems)
        if unique and unavailable is not None:
            participants.append(Participant(id=person, unavailable=unavailable))
    return participants, set(first_seen)


def _read_unavailable(item: dict, where: str, known_slots: set[str] | None,
                      problems: list[str]) -> tuple[str, ...] | None:
    """A participant's unavailable slots (absent or null: none); None after recording a problem."""
    raw = item.get("unavailable")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{where}.unavailable: must be a list of slot labels, got {_describe(raw)}")
        return None
    labels: list[str] = []
    fine = True
    for index, label in enumerate(raw):
        if not isinstance(label, str):
            problems.append(f"{where}.unavailable[{index}]: must be a slot label, got {_describe(label)}")
            fine = False
        elif known_slots is not None and label not in known_slots:
            problems.append(f'{where}.unavailable[{index}]: unknown slot "{label}"')
            fine = False
        elif label not in labels:
            labels.append(label)
    return tuple(labels) if fine else None


def _read_meetings(document: dict, people_known: set[str] | None, problems: list[str]) -> list[Meeting]:
    """The meeting requests, each checked against the participants."""
    raw = _read_list(document, "meetings", problems)
    if raw is None:
        return []
    meetings: list[Meeting] = []
    first_seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        where = f"meetings[{index}]"
        meeting_id = _read_id(item, where, problems)
        if meeting_id is None:
            continue
        unique = _check_unique(first_seen, meeting_id, where, "meeting", "meetings", index, problems)
        between = _read_between(item, where, people_known, problems)
        weight = _read_weight(item, where, problems)
        if unique and between is not None and weight is not None:
            meetings.append(Meeting(id=meeting_id, between=between, weight=weight))
    return meetings


def _read_between(item: dict, where: str, people_known: set[str] | None,
                  problems: list[str]) -> tuple[str, ...] | None:
    """The people of one meeting: two or more known participants, none twice."""
    if "between" not in item:
        problems.append(f"{where}.between: missing")
        return None
    raw = item["between"]
    if not isinstance(raw, list):
        problems.append(f"{where}.between: must be a list of participant ids, got {_describe(raw)}")
        return None
    fine = True
    if len(raw) < 2:
        problems.append(f"{where}.between: a meeting needs at least two participants, got {len(raw)}")
        fine = False
    seen: dict[str, int] = {}
    for index, person in enumerate(raw):
        at = f"{where}.between[{index}]"
        if not isinstance(person, str):
            problems.append(f"{at}: must be a participant id, got {_describe(person)}")
            fine = False
            continue
        if people_known is not None and person not in people_known:
            problems.append(f'{at}: unknown participant "{person}"')
            fine = False
        if person in seen:
            problems.append(f'{at}: participant "{person}" is already in this meeting (between[{seen[person]}])')
            fine = False
        else:
            seen[person] = index
    return tuple(raw) if fine else None


def _read_weight(item: dict, where: str, problems: list[str]) -> int | float | None:
    """A meeting's weight (1 when absent or null): positive, at most MAX_WEIGHT, at most three decimals."""
    value = item.get("weight")
    if value is None:
        return 1

    def reject(why: str) -> None:
        problems.append(f"{where}.weight: {why}, got {_describe(value)}")

    if not _is_number(value) or value <= 0:
        reject("must be a positive number")
        return None
    if value > MAX_WEIGHT:
        reject(f"must be at most {MAX_WEIGHT:,}")
        return None
    # Weights become whole points (weight × 1000 at most) so that bounds and comparisons stay exact.
    scaled = value * 10**MAX_WEIGHT_DECIMALS
    if abs(scaled - round(scaled)) > 1e-6 or round(scaled) < 1:
        reject(f"must have at most {MAX_WEIGHT_DECIMALS} decimals")
        return None
    return int(value) if _is_whole_number(value) else float(value)
