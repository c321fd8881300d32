"""Creating and changing an event, and laying out its slots from its days, hours, meeting length and breaks."""

import re
from datetime import UTC, datetime, time, timedelta

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.core.trilingual import apply_texts
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.events.models import Event, EventState, Meeting, Slot
from zonebridge.policy import events as policy

# Fields of the event form other than the trilingual texts.
EVENT_PLAIN_FIELDS = ("kind", "format", "video_base_url", "time_zone", "starts_on", "ends_on", "day_starts_at",
                      "day_ends_at", "meeting_minutes", "breaks", "tables", "requires_approval", "meeting_cap",
                      "request_expiry_hours", "requests_close_at", "chinese_source")
# Changing these lays the slots out again.
TIMING_FIELDS = ("time_zone", "starts_on", "ends_on", "day_starts_at", "day_ends_at", "meeting_minutes", "breaks")
MAX_SLOTS = 400
BREAK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")


def _has_slots(event: Event) -> str | None:
    return None if event.slots.exists() else _("The event has no meeting times: set its days and hours first.")


EVENT_FLOW = Workflow("events.event", transitions=[
    Transition("open", source=[EventState.DRAFT, EventState.CLOSED], target=EventState.OPEN,
               label=gettext_lazy("Open registration and requests"), allowed=policy.may_manage_event, guard=_has_slots),
    Transition("close", source=[EventState.OPEN], target=EventState.CLOSED, label=gettext_lazy("Close requests"),
               allowed=policy.may_manage_event),
])


def parse_breaks(text: str) -> list[tuple[time, time]]:
    """`12:00-13:00, 15:00-15:20` → [(12:00, 13:00), (15:00, 15:20)]; DomainError on anything else."""
    breaks = []
    for part in filter(None, (piece.strip() for piece in (text or "").replace("，", ",").split(","))):
        match = BREAK.match(part)
        try:
            start, end = (time(int(match[1]), int(match[2])), time(int(match[3]), int(match[4]))) if match else (
                None, None)
        except ValueError:
            start = end = None
        if start is None or end <= start:
            raise DomainError(_("Write each break as start-end, e.g. “12:00-13:00”; “%(part)s” is not.")
                              % {"part": part}, field="breaks")
        breaks.append((start, end))
    return breaks


def slot_times(event: Event) -> list[tuple[datetime, datetime]]:
    """The meeting times of an event, in UTC: every day, from its start to its end hour, minus the breaks."""
    if event.ends_on < event.starts_on:
        raise DomainError(_("The last day cannot be before the first day."), field="ends_on")
    if event.day_ends_at <= event.day_starts_at:
        raise DomainError(_("Meetings must end after they start."), field="day_ends_at")
    breaks = parse_breaks(event.breaks)
    length = timedelta(minutes=event.meeting_minutes)
    times = []
    day = event.starts_on
    while day <= event.ends_on:
        start = datetime.combine(day, event.day_starts_at, tzinfo=event.tzinfo)
        day_end = datetime.combine(day, event.day_ends_at, tzinfo=event.tzinfo)
        while start + length <= day_end:
            end = start + length
            clash = next((b for b in breaks
                          if start < datetime.combine(day, b[1], tzinfo=event.tzinfo)
                          and datetime.combine(day, b[0], tzinfo=event.tzinfo) < end), None)
            if clash:
                start = max(start, datetime.combine(day, clash[1], tzinfo=event.tzinfo))
                continue
            times.append((start.astimezone(UTC), end.astimezone(UTC)))
            start = end
            if len(times) > MAX_SLOTS:
                raise DomainError(_("That makes more than %(max)s meeting times; shorten the days or lengthen "
                                    "the meetings.") % {"max": MAX_SLOTS}, field="ends_on")
        day += timedelta(days=1)
    return times


def lay_out_slots(event: Event) -> None:
    """Replace the event's slots by those its timing gives (only while no meeting is placed in one)."""
    if Meeting.objects.filter(event=event, slot__isnull=False).exists():
        raise Conflict(_("Meetings are already placed in the current times: cancel or unschedule them before "
                         "changing the days, hours, meeting length or breaks."))
    times = slot_times(event)
    event.slots.all().delete()
    Slot.objects.bulk_create([Slot(event=event, number=number, starts_at=start, ends_at=end)
                              for number, (start, end) in enumerate(times, start=1)])


def create_event(*, acting_user, zone, slug: str, texts: dict[str, str], fields: dict) -> Event:
    """Create a draft event of `zone` with its slots."""
    if acting_user is not None and not policy.may_create_event(acting_user, zone):
        raise NotAllowed(_("Only the zone's operators create its events."))
    event = Event(zone=zone, slug=slug, **{name: value for name, value in fields.items()
                                           if name in EVENT_PLAIN_FIELDS})
    if not (texts.get("title_en") or "").strip():
        raise DomainError(_("An English title is required."), field="title_en")
    with transaction.atomic():
        apply_texts(event, texts)
        full_clean(event)
        event.save()
        lay_out_slots(event)
        audit.record("events.event.create", actor=acting_user, target=event, after={"slug": slug})
    return event


def update_event(event: Event, *, acting_user, texts: dict[str, str], fields: dict) -> Event:
    """Save an operator's edit of an event; a change of timing lays the slots out again."""
    if not policy.may_manage_event(acting_user, event):
        raise NotAllowed(_("Only the event's operators change it."))
    with transaction.atomic():
        event = Event.objects.select_for_update().select_related("zone").get(pk=event.pk)
        before = audit.snapshot(event, TIMING_FIELDS)
        for name in EVENT_PLAIN_FIELDS:
            if name in fields:
                setattr(event, name, fields[name])
        if not (texts.get("title_en", event.title_en) or "").strip():
            raise DomainError(_("An English title is required."), field="title_en")
        apply_texts(event, texts)
        full_clean(event)
        highest = Meeting.objects.filter(event=event, slot__isnull=False).order_by("-table").values_list(
            "table", flat=True).first()
        if highest and event.tables < highest:
            raise Conflict(_("Meetings are placed at table %(table)s: keep at least that many tables, or move "
                             "those meetings first.") % {"table": highest}, field="tables")
        event.save()
        after = audit.snapshot(event, TIMING_FIELDS)
        if before != after:
            lay_out_slots(event)
        audit.record("events.event.update", actor=acting_user, target=event, before=before, after=after)
    return event


def open_event(event: Event, *, acting_user) -> Event:
    """Open registration and meeting requests."""
    return EVENT_FLOW.apply(event, "open", acting_user=acting_user)


def close_event(event: Event, *, acting_user) -> Event:
    """Close meeting requests (accepted ones stay and can be scheduled)."""
    return EVENT_FLOW.apply(event, "close", acting_user=acting_user)
