"""What an organiser should know before the day: too few places, overbooked people, meetings that cannot happen."""

from zonebridge.engine.scheduling.model import Event, Instance, weight_from_points


def _plural(count: int, noun: str) -> str:
    """`1 slot`, `16 slots`, `1,500 meetings`."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def organiser_warnings(event: Event, instance: Instance) -> list[str]:
    """Plain-language warnings about requests that cannot all be met, in the order an organiser would fix them."""
    warnings: list[str] = []
    requested = len(event.meetings)
    slots = len(event.slots)
    if requested and not slots:
        warnings.append(f"there are no slots, so none of the {_plural(requested, 'requested meeting')} can take place")
    if event.tables is not None and event.tables * slots < requested:
        places = event.tables * slots
        warnings.append(
            f"{_plural(event.tables, 'table')} × {_plural(slots, 'slot')} = {_plural(places, 'place')} "
            f"for {requested:,} requested meetings: at least {requested - places:,} cannot be scheduled"
        )
    for participant, meetings, available in zip(event.participants, instance.meetings_of,
                                                instance.people_available):
        free = available.bit_count()
        if len(meetings) > free:
            warnings.append(
                f"{participant.id} asked for {_plural(len(meetings), 'meeting')} "
                f"but is available in {_plural(free, 'slot')}"
            )
    for meeting, people, allowed in zip(event.meetings, instance.members, instance.allowed):
        if allowed or not slots:
            continue
        never = [event.participants[p].id for p in people if not instance.people_available[p]]
        if never:
            warnings.append(f'meeting "{meeting.id}" cannot take place: {", ".join(never)} '
                            f'{"is" if len(never) == 1 else "are"} unavailable in every slot')
        else:
            warnings.append(f'meeting "{meeting.id}" cannot take place: {_and_list(list(meeting.between))} '
                            f"have no slot in common")
    return warnings


def _and_list(names: list[str]) -> str:
    """`a and b`, `a, b and c`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def gap_warning(points: int, bound: int, scale: int, reason: str) -> str | None:
    """A note that the schedule is not proven the best, with how close it is; None when it is proven."""
    if points >= bound:
        return None
    share = 100.0 * points / bound
    return (f"this schedule may not be the best possible: its weight {weight_from_points(points, scale):,} is at "
            f"least {share:.1f}% of the best (at most {weight_from_points(bound, scale):,}); {reason}")
