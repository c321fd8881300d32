"""An independent check of a finished schedule against the hard rules, from the event's own labels."""

from collections import Counter

from zonebridge.engine.scheduling.model import Event, Placement


def hard_rule_violations(event: Event, placements: tuple[Placement, ...] | list[Placement]) -> list[str]:
    """Every broken hard rule in a schedule (empty when it is valid); independent of how it was computed."""
    problems: list[str] = []
    meetings = {meeting.id: meeting for meeting in event.meetings}
    unavailable = {participant.id: set(participant.unavailable) for participant in event.participants}
    slots = set(event.slots)
    placed = Counter(placement.meeting for placement in placements)
    problems += [f'meeting "{m}" is placed {count} times' for m, count in placed.items() if count > 1]
    seats: Counter[tuple[str, str]] = Counter()
    tables: Counter[tuple[str, int]] = Counter()
    per_slot: Counter[str] = Counter()
    for placement in placements:
        meeting = meetings.get(placement.meeting)
        if meeting is None or placement.slot not in slots:
            problems.append(f"unknown meeting or slot in {placement}")
            continue
        per_slot[placement.slot] += 1
        tables[placement.slot, placement.table] += 1
        if placement.table < 1 or (event.tables is not None and placement.table > event.tables):
            problems.append(f'meeting "{placement.meeting}" is at table {placement.table}, which does not exist')
        for person in meeting.between:
            seats[person, placement.slot] += 1
            if placement.slot in unavailable[person]:
                problems.append(f'meeting "{placement.meeting}" is at {placement.slot}, when {person} is unavailable')
    problems += [f"{person} has {count} meetings at {slot}" for (person, slot), count in seats.items() if count > 1]
    problems += [f"table {table} at {slot} holds {count} meetings" for (slot, table), count in tables.items()
                 if count > 1]
    if event.tables is not None:
        problems += [f"slot {slot} holds {count} meetings for {event.tables} tables"
                     for slot, count in per_slot.items() if count > event.tables]
    return problems
