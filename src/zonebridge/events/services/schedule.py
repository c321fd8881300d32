"""The schedule: "schedule all" / "schedule the rest" through the scheduling engine, hand moves, swaps and
cancellations checked for conflicts, a participant booking a free time, and publishing.

Confirmed meetings (published, or booked by a participant) are never moved by a run: their people are
unavailable in their slot, and at a venue the tables they use are held by pinned stand-in meetings that outweigh
every real one, so the engine leaves exactly the free tables of each slot to the others.
"""

import time
from collections import Counter, defaultdict
from collections.abc import Callable

from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.notifications import notify
from zonebridge.engine import scheduling as engine
from zonebridge.events.models import (
    PLACED_STATES,
    Event,
    EventState,
    Interest,
    Meeting,
    MeetingState,
    Registration,
    RunMode,
    ScheduleRun,
    Seat,
    Slot,
)
from zonebridge.events.services.registrations import event_title
from zonebridge.events.services.requests import meeting_weight, person
from zonebridge.policy import events as policy

# The engine's time limit inside a run: its heuristic answers in milliseconds; CP-SAT gets the rest only while
# the proven bound is not reached.
ENGINE_TIME_LIMIT_S = 1.0
STAND_IN = "hold"  # prefix of the stand-in people and meetings that hold a confirmed meeting's table


def _no_progress(percent: float, message: str = "") -> None:
    return None


def run_schedule(event: Event, *, acting_user, mode: str = RunMode.ALL,
                 progress: Callable = _no_progress) -> ScheduleRun:
    """Place the event's accepted meetings into slots and tables with the engine and store the result.

    `all` places again every meeting that is not confirmed; `rest` keeps draft placements too and places only
    the meetings without a time. Confirmed meetings never move.
    """
    if not policy.may_manage_event(acting_user, event):
        raise NotAllowed(_("Only the event's operators schedule it."))
    started = time.perf_counter()
    progress(5, _("Reading the accepted meetings…"))
    slots = list(Slot.objects.filter(event=event).order_by("number"))
    if not slots:
        raise DomainError(_("The event has no meeting times: set its days and hours first."))
    slot_by_pk = {slot.pk: slot for slot in slots}
    meetings = list(Meeting.objects.filter(event=event).exclude(state=MeetingState.CANCELLED)
                    .select_related("request").order_by("pk"))
    seats: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in Seat.objects.filter(meeting__event=event).exclude(
            meeting__state=MeetingState.CANCELLED).values_list("meeting_id", "registration_id").order_by("pk"):
        seats[meeting_id].append(registration_id)
    keep_states = {MeetingState.CONFIRMED} | ({MeetingState.SCHEDULED} if mode == RunMode.REST else set())
    fixed = [m for m in meetings if m.state in keep_states and m.slot_id]
    to_place = [m for m in meetings if not (m.state in keep_states and m.slot_id)]

    levels = {(s, t): level for s, t, level in Interest.objects.filter(event=event).values_list(
        "source_id", "target_id", "level")}
    for meeting in to_place:
        if meeting.request_id:
            one, other = meeting.request.requester_id, meeting.request.recipient_id
            meeting.weight = meeting_weight(levels.get((one, other), ""), levels.get((other, one), ""))

    busy: dict[int, set[int]] = defaultdict(set)  # registration → slot numbers they cannot have
    for registration_id, slot_number in Registration.unavailable.through.objects.filter(
            registration__event=event).values_list("registration_id", "slot__number"):
        busy[registration_id].add(slot_number)
    for meeting in fixed:
        for registration_id in seats[meeting.pk]:
            busy[registration_id].add(slot_by_pk[meeting.slot_id].number)

    labels = [str(slot.number) for slot in slots]
    people = sorted({registration_id for meeting in to_place for registration_id in seats[meeting.pk]})
    participants = [engine.Participant(f"r{pk}", tuple(str(n) for n in sorted(busy[pk]))) for pk in people]
    requests = [engine.Meeting(f"m{m.pk}", tuple(f"r{pk}" for pk in seats[m.pk]), m.weight) for m in to_place]
    tables = None if event.is_online else event.tables
    held = Counter(slot_by_pk[m.slot_id].number for m in fixed) if tables else Counter()
    stand_in_weight = sum(m.weight for m in to_place) + 1
    for number, count in held.items():
        others = tuple(label for label in labels if label != str(number))
        for index in range(count):
            pair = (f"{STAND_IN}-{number}-{index}-a", f"{STAND_IN}-{number}-{index}-b")
            participants += [engine.Participant(pair[0], others), engine.Participant(pair[1], others)]
            requests.append(engine.Meeting(f"{STAND_IN}-{number}-{index}", pair, stand_in_weight))
    stand_ins = sum(held.values())

    progress(20, _("Scheduling %(count)s meetings into %(slots)s times…") % {
        "count": len(to_place), "slots": len(slots)})
    engine_started = time.perf_counter()
    result = engine.schedule(labels, participants, requests, tables=tables, time_limit_s=ENGINE_TIME_LIMIT_S)
    engine_seconds = time.perf_counter() - engine_started
    missing_stand_ins = [p for p in requests if p.id.startswith(STAND_IN)
                         and p.id in set(result.unscheduled)]
    if missing_stand_ins:  # cannot happen with an optimal or repaired schedule; refuse rather than double-book
        raise DomainError(_("The scheduler could not keep the confirmed meetings' tables; nothing was changed."))

    progress(80, _("Saving the schedule…"))
    slot_by_number = {slot.number: slot for slot in slots}
    taken_tables: dict[int, set[int]] = defaultdict(set)
    for meeting in fixed:
        taken_tables[meeting.slot_id].add(meeting.table)
    placed: dict[int, tuple[int, int | None]] = {}
    for placement in result.placements:
        if placement.meeting.startswith(STAND_IN):
            continue
        slot = slot_by_number[int(placement.slot)]
        table = None
        if tables:
            table = next(t for t in range(1, tables + 1) if t not in taken_tables[slot.pk])
            taken_tables[slot.pk].add(table)
        placed[int(placement.meeting[1:])] = (slot.pk, table)

    bound_offset = stand_in_weight * stand_ins
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).get()
        ids = [m.pk for m in to_place]
        Seat.objects.filter(meeting_id__in=ids).update(slot=None)
        Meeting.objects.filter(pk__in=ids).update(slot=None, table=None, state=MeetingState.UNSCHEDULED)
        _write_placements([(m.pk, *placed.get(m.pk, (None, None)),
                             MeetingState.SCHEDULED if m.pk in placed else MeetingState.UNSCHEDULED, m.weight)
                            for m in to_place])
        stats = result.stats
        run = ScheduleRun.objects.create(
            event=event, mode=mode, created_by=acting_user if getattr(acting_user, "pk", None) else None,
            requested=len(to_place), scheduled=len(placed), kept=len(fixed),
            weight=stats.weight - bound_offset, upper_bound=stats.upper_bound - bound_offset,
            optimal=stats.optimal, method=stats.method, engine_seconds=engine_seconds,
            warnings=[w for w in result.warnings if STAND_IN not in w],
            total_seconds=0)
        audit.record("events.event.schedule", actor=acting_user, target=event,
                     after={"mode": mode, "scheduled": len(placed), "requested": len(to_place), "kept": len(fixed)})
    run.total_seconds = time.perf_counter() - started
    ScheduleRun.objects.filter(pk=run.pk).update(total_seconds=run.total_seconds)
    return run


PLACEMENT_BATCH = 1_000


def _write_placements(rows: list[tuple[int, int | None, int | None, str, int]]) -> None:
    """Store (meeting, slot, table, state, weight) for many meetings and copy each slot to its seats.

    One UPDATE ... FROM (VALUES ...) per thousand meetings: Django's bulk_update builds a CASE per row and field,
    which took seconds for 1,500 meetings (bench/event_schedule.py). Both PostgreSQL and SQLite (3.33+) run this.
    """
    meeting_table, seat_table = (connection.ops.quote_name(model._meta.db_table) for model in (Meeting, Seat))
    table_column = connection.ops.quote_name("table")
    with connection.cursor() as cursor:
        for start in range(0, len(rows), PLACEMENT_BATCH):
            batch = rows[start:start + PLACEMENT_BATCH]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
            cursor.execute(
                f"UPDATE {meeting_table} SET slot_id = CAST(v.column2 AS integer), "
                f"{table_column} = CAST(v.column3 AS integer), state = v.column4, "
                f"weight = CAST(v.column5 AS integer) FROM (SELECT * FROM (VALUES {values}) AS x) AS v "
                f"WHERE {meeting_table}.id = v.column1",
                [value for row in batch for value in row])
            ids = [row[0] for row in batch]
            cursor.execute(
                f"UPDATE {seat_table} SET slot_id = m.slot_id FROM {meeting_table} AS m "
                f"WHERE m.id = {seat_table}.meeting_id AND m.id IN ({', '.join(['%s'] * len(ids))})", ids)


# --- Hand adjustments --------------------------------------------------------------------------------------

def _describe(meeting: Meeting, slot: Slot) -> str:
    return _("meeting #%(number)s at %(time)s (%(people)s)") % {
        "number": meeting.pk, "time": slot.label(), "people": meeting.names()}


def _check_free(meeting: Meeting, slot: Slot, *, ignore: tuple[int, ...] = ()) -> None:
    """Refuse `slot` for `meeting` when one of its people cannot make it or is in another meeting then."""
    registrations = list(Registration.objects.filter(seats__meeting=meeting).select_related("user", "organisation"))
    for registration in registrations:
        if registration.unavailable.filter(pk=slot.pk).exists():
            raise Conflict(_("%(person)s cannot meet at %(time)s.") % {"person": person(registration),
                                                                        "time": slot.label()}, field="slot")
    clash = (Seat.objects.filter(registration__in=registrations, slot=slot)
             .exclude(meeting_id__in=(meeting.pk, *ignore)).select_related("meeting", "registration__user",
                                                                           "registration__organisation").first())
    if clash:
        raise Conflict(_("%(person)s already has %(meeting)s.") % {
            "person": person(clash.registration), "meeting": _describe(clash.meeting, slot)}, field="slot")


def _free_table(event: Event, slot: Slot, wanted: int | None, *, ignore: tuple[int, ...] = ()) -> int | None:
    """The table to use in `slot`: `wanted` if free, else the first free one; None for online events."""
    if event.is_online:
        return None
    used = dict(Meeting.objects.filter(slot=slot).exclude(pk__in=ignore).values_list("table", "pk"))
    if wanted is not None:
        if not 1 <= wanted <= event.tables:
            raise DomainError(_("Choose a table from 1 to %(tables)s.") % {"tables": event.tables}, field="table")
        if wanted in used:
            other = Meeting.objects.get(pk=used[wanted])
            raise Conflict(_("Table %(table)s is taken by %(meeting)s.") % {
                "table": wanted, "meeting": _describe(other, slot)}, field="table")
        return wanted
    free = next((table for table in range(1, event.tables + 1) if table not in used), None)
    if free is None:
        raise Conflict(_("All %(tables)s tables are taken at %(time)s.") % {"tables": event.tables,
                                                                            "time": slot.label()}, field="slot")
    return free


def _lock_slots(*slots: Slot) -> None:
    """Serialise every change that places a meeting in these slots (bookings and hand moves alike)."""
    list(Slot.objects.select_for_update().filter(pk__in=[s.pk for s in slots]).order_by("pk"))


def _place(meeting: Meeting, slot: Slot | None, table: int | None, state: str) -> None:
    Meeting.objects.filter(pk=meeting.pk).update(slot=slot, table=table, state=state)
    Seat.objects.filter(meeting=meeting).update(slot=slot)
    meeting.slot, meeting.table, meeting.state = slot, table, state


def _tell_about_change(meeting: Meeting, *, acting_user) -> None:
    """Tell a confirmed meeting's people that it changed (drafts change silently)."""
    for seat in meeting.seats.select_related("registration__user"):
        if seat.registration.user_id != getattr(acting_user, "pk", None):
            notify(seat.registration.user, "events.meeting_changed", params={"event": event_title(meeting.event)},
                   url=reverse("events:agenda", kwargs={"slug": meeting.event.slug}))


def _locked_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("event__zone").get(pk=meeting.pk)


def move_meeting(meeting: Meeting, *, acting_user, slot: Slot, table: int | None = None) -> Meeting:
    """Move a meeting to another time (and table); refused, naming the meeting in the way, on any conflict."""
    if not policy.may_manage_meeting(acting_user, meeting):
        raise NotAllowed(_("Only the event's operators move meetings."))
    if slot.event_id != meeting.event_id:
        raise DomainError(_("Choose a time of this event."), field="slot")
    try:
        with transaction.atomic():
            _lock_slots(slot)
            meeting = _locked_meeting(meeting)
            if meeting.state == MeetingState.CANCELLED:
                raise Conflict(_("This meeting is cancelled."))
            _check_free(meeting, slot)
            table = _free_table(meeting.event, slot, table, ignore=(meeting.pk,))
            was_confirmed = meeting.state == MeetingState.CONFIRMED
            _place(meeting, slot, table, MeetingState.CONFIRMED if was_confirmed else MeetingState.SCHEDULED)
            audit.record("events.meeting.move", actor=acting_user, target=meeting,
                         after={"slot": slot.number, "table": table})
            if was_confirmed:
                _tell_about_change(meeting, acting_user=acting_user)
    except IntegrityError as error:
        raise Conflict(_("Someone changed this time meanwhile; reload the schedule and try again.")) from error
    return meeting


def swap_meetings(first: Meeting, second: Meeting, *, acting_user) -> tuple[Meeting, Meeting]:
    """Exchange the times and tables of two placed meetings, checking both for conflicts."""
    if not policy.may_manage_meeting(acting_user, first) or first.event_id != second.event_id:
        raise NotAllowed(_("Only the event's operators swap meetings of their event."))
    try:
        with transaction.atomic():
            first, second = _locked_meeting(first), _locked_meeting(second)
            if first.pk == second.pk or not (first.slot_id and second.slot_id):
                raise Conflict(_("Choose two different meetings that both have a time."))
            _lock_slots(first.slot, second.slot)
            _check_free(first, second.slot, ignore=(second.pk,))
            _check_free(second, first.slot, ignore=(first.pk,))
            one, other = (first.slot, first.table, first.state), (second.slot, second.table, second.state)
            _place(first, None, None, first.state)
            _place(second, one[0], one[1], second.state)
            _place(first, other[0], other[1], first.state)
            audit.record("events.meeting.swap", actor=acting_user, target=first, after={"with": second.pk})
            for meeting in (first, second):
                if meeting.state == MeetingState.CONFIRMED:
                    _tell_about_change(meeting, acting_user=acting_user)
    except IntegrityError as error:
        raise Conflict(_("Someone changed these times meanwhile; reload the schedule and try again.")) from error
    return first, second


def cancel_meeting(meeting: Meeting, *, acting_user) -> Meeting:
    """Cancel a meeting (its time and table become free); confirmed meetings' people are told."""
    if not policy.may_manage_meeting(acting_user, meeting):
        raise NotAllowed(_("Only the event's operators cancel meetings."))
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        if meeting.state == MeetingState.CANCELLED:
            raise Conflict(_("This meeting is already cancelled."))
        was_confirmed = meeting.state == MeetingState.CONFIRMED
        _place(meeting, None, None, MeetingState.CANCELLED)
        audit.record("events.meeting.cancel", actor=acting_user, target=meeting)
        if was_confirmed:
            _tell_about_change(meeting, acting_user=acting_user)
    return meeting


def book_meeting(meeting: Meeting, *, acting_user, slot: Slot) -> Meeting:
    """A participant of an accepted, not yet scheduled meeting books a free time: it is confirmed at once.

    The slot's row is locked, so two people booking the last free time of a third cannot both succeed; the
    database's one-meeting-per-person-and-slot constraint stands behind it.
    """
    if not policy.is_seated(acting_user, meeting):
        raise NotAllowed(_("Only the people of a meeting book its time."))
    if slot.event_id != meeting.event_id:
        raise DomainError(_("Choose a time of this event."), field="slot")
    try:
        with transaction.atomic():
            _lock_slots(slot)
            meeting = _locked_meeting(meeting)
            if meeting.event.state == EventState.DRAFT:
                raise Conflict(_("This event is not open."))
            if meeting.state != MeetingState.UNSCHEDULED:
                raise Conflict(_("This meeting already has a time or is cancelled."))
            _check_free(meeting, slot)
            table = _free_table(meeting.event, slot, None)
            _place(meeting, slot, table, MeetingState.CONFIRMED)
            audit.record("events.meeting.book", actor=acting_user, target=meeting,
                         after={"slot": slot.number, "table": table})
            _tell_about_change(meeting, acting_user=acting_user)
    except IntegrityError as error:
        raise Conflict(_("Someone booked this time meanwhile; choose another.")) from error
    return meeting


def publish_schedule(event: Event, *, acting_user) -> int:
    """Confirm every draft placement and tell each person with a meeting; return how many were confirmed."""
    if not policy.may_manage_event(acting_user, event):
        raise NotAllowed(_("Only the event's operators publish its schedule."))
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        confirmed = Meeting.objects.filter(event=event, state=MeetingState.SCHEDULED).update(
            state=MeetingState.CONFIRMED)
        event.schedule_published_at = timezone.now()
        event.schedule_version += 1
        event.save(update_fields=["schedule_published_at", "schedule_version"])
        audit.record("events.event.publish", actor=acting_user, target=event,
                     after={"version": event.schedule_version, "confirmed": confirmed})
        users = (Registration.objects.filter(seats__meeting__event=event, seats__meeting__state__in=PLACED_STATES)
                 .select_related("user").distinct())
        url = reverse("events:agenda", kwargs={"slug": event.slug})
        for registration in users:
            notify(registration.user, "events.schedule_published",
                   params={"event": event_title(event), "version": event.schedule_version}, url=url)
    return confirmed
