"""Read side of events: lists, a person's requests and agenda, the operator's grid and the last run."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from zonebridge.events.models import (
    PLACED_STATES,
    Event,
    EventState,
    Interest,
    Meeting,
    MeetingRequest,
    MeetingState,
    Registration,
    RegistrationState,
    RequestState,
    ScheduleRun,
    Seat,
    Slot,
)


def visible_events(user, operated_zone_ids=()):
    """Events anyone may see (not drafts), plus drafts of the zones the user operates."""
    events = Event.objects.select_related("zone").annotate(
        participant_count=Count("registrations", filter=Q(registrations__state=RegistrationState.APPROVED))
    ).order_by("-starts_on", "slug")
    if getattr(user, "is_superuser", False):
        return events
    return events.filter(~Q(state=EventState.DRAFT) | Q(zone_id__in=list(operated_zone_ids)))


def participants(event: Event, *, exclude=None, q: str = ""):
    """Approved participants of an event, by organisation."""
    rows = (Registration.objects.filter(event=event, state=RegistrationState.APPROVED)
            .select_related("user", "organisation__home_zone").order_by("organisation__name_en", "user__display_name"))
    if exclude is not None:
        rows = rows.exclude(pk=exclude.pk)
    if q:
        rows = rows.filter(Q(user__display_name__icontains=q) | Q(organisation__name_en__icontains=q)
                           | Q(organisation__name_zh_hans__icontains=q) | Q(organisation__name_zh_hant__icontains=q)
                           | Q(offers_en__icontains=q) | Q(needs_en__icontains=q)
                           | Q(offers_zh_hans__icontains=q) | Q(needs_zh_hans__icontains=q)
                           | Q(offers_zh_hant__icontains=q) | Q(needs_zh_hant__icontains=q))
    return rows


def interests_of(registration: Registration) -> dict[int, str]:
    """Registration id → the level `registration` stated for them."""
    return dict(Interest.objects.filter(source=registration).values_list("target_id", "level"))


def interests_in(registration: Registration) -> dict[int, str]:
    """Registration id → the level they stated for `registration`."""
    return dict(Interest.objects.filter(target=registration).values_list("source_id", "level"))


def waiting(requests):
    """Requests still waiting for an answer: the expiry condition applies even before the periodic task ran."""
    return requests.filter(state=RequestState.REQUESTED, expires_at__gt=timezone.now())


def display_state(request: MeetingRequest) -> str:
    """The state a person should see: an overdue request reads as expired."""
    return RequestState.EXPIRED.label if request.is_overdue else request.get_state_display()


def requests_of(registration: Registration):
    """(received, sent) requests of a person, newest first."""
    base = MeetingRequest.objects.select_related("requester__user", "requester__organisation", "recipient__user",
                                                 "recipient__organisation", "meeting")
    return base.filter(recipient=registration), base.filter(requester=registration)


def agenda(registration: Registration):
    """The person's confirmed meetings in time order, with the other people of each."""
    return (Seat.objects.filter(registration=registration, meeting__state=MeetingState.CONFIRMED,
                                slot__isnull=False)
            .select_related("slot", "meeting__event")
            .prefetch_related(Prefetch("meeting__seats", queryset=Seat.objects.select_related(
                "registration__user", "registration__organisation")))
            .order_by("slot__starts_at"))


def unscheduled_meetings(registration: Registration):
    """Accepted meetings of the person that have no time yet (they may book one)."""
    return (Meeting.objects.filter(seats__registration=registration, state=MeetingState.UNSCHEDULED)
            .prefetch_related(Prefetch("seats", queryset=Seat.objects.select_related(
                "registration__user", "registration__organisation"))))


def free_slots_for(meeting: Meeting):
    """Slots in which none of the meeting's people is busy or unavailable (and, at a venue, a table is free)."""
    people = list(meeting.seats.values_list("registration_id", flat=True))
    busy = set(Seat.objects.filter(registration_id__in=people, slot__isnull=False).values_list("slot_id", flat=True))
    busy |= set(Registration.unavailable.through.objects.filter(registration_id__in=people)
                .values_list("slot_id", flat=True))
    slots = Slot.objects.filter(event=meeting.event).exclude(pk__in=busy)
    if not meeting.event.is_online:
        slots = slots.annotate(used=Count("meetings", filter=Q(meetings__state__in=PLACED_STATES))).filter(
            used__lt=meeting.event.tables)
    return slots.order_by("number")


def schedule_grid(event: Event):
    """(slots, {slot id: [meetings in table order]}, unscheduled meetings) for the operator's pages."""
    slots = list(Slot.objects.filter(event=event).select_related("event").order_by("number"))
    meetings = (Meeting.objects.filter(event=event).exclude(state=MeetingState.CANCELLED)
                .prefetch_related(Prefetch("seats", queryset=Seat.objects.select_related(
                    "registration__user", "registration__organisation"))).order_by("table", "pk"))
    by_slot: dict[int, list[Meeting]] = {slot.pk: [] for slot in slots}
    unscheduled = []
    for meeting in meetings:
        (by_slot[meeting.slot_id] if meeting.slot_id else unscheduled).append(meeting)
    return slots, by_slot, unscheduled


def last_run(event: Event) -> ScheduleRun | None:
    """The event's latest schedule run."""
    return ScheduleRun.objects.filter(event=event).first()


def counts(event: Event) -> dict[str, int]:
    """How many registrations, requests and meetings an event has, by state."""
    registrations = dict(Registration.objects.filter(event=event).values_list("state").annotate(n=Count("pk")))
    requests = dict(MeetingRequest.objects.filter(event=event).values_list("state").annotate(n=Count("pk")))
    meetings = dict(Meeting.objects.filter(event=event).values_list("state").annotate(n=Count("pk")))
    return {**{f"registrations_{k}": v for k, v in registrations.items()},
            **{f"requests_{k}": v for k, v in requests.items()}, **{f"meetings_{k}": v for k, v in meetings.items()}}


def registration_by_token(token: str) -> Registration | None:
    """The registration whose calendar feed has this secret token."""
    if not token:
        return None
    return Registration.objects.select_related("event", "user").filter(calendar_token=token).first()


def printed_agendas(event: Event) -> list[tuple[Registration, list[dict]]]:
    """Every participant with placed meetings and their meetings in time order (the operator's print page)."""
    seats = (Seat.objects.filter(meeting__event=event, meeting__state__in=PLACED_STATES, slot__isnull=False)
             .select_related("registration__user", "registration__organisation", "slot__event", "meeting")
             .order_by("registration__organisation__name_en", "registration__user__display_name", "slot__number"))
    people_of: dict[int, list[str]] = {}
    for meeting_id, user, organisation in Seat.objects.filter(
            meeting__event=event, meeting__state__in=PLACED_STATES).values_list(
            "meeting_id", "registration__user__display_name", "registration__organisation__name_en"):
        people_of.setdefault(meeting_id, []).append(f"{user} ({organisation})")
    agendas: dict[int, tuple[Registration, list[dict]]] = {}
    for seat in seats:
        registration = seat.registration
        own = f"{registration.user.display_name} ({registration.organisation.name_en})"
        entry = agendas.setdefault(registration.pk, (registration, []))
        entry[1].append({"slot": seat.slot, "meeting": seat.meeting,
                         "others": [p for p in people_of.get(seat.meeting_id, []) if p != own]})
    return list(agendas.values())


def recommended(mine: Registration) -> list[tuple[Registration, list[str]]] | None:
    """My stored recommended matches (None while they are being prepared), minus anyone with a no-thanks."""
    if mine.event.recommendations_refreshed_at is None or mine.updated_at > mine.event.recommendations_refreshed_at:
        return None
    refused = {target for target, level in interests_of(mine).items() if level == "no_thanks"}
    refused |= {source for source, level in interests_in(mine).items() if level == "no_thanks"}
    wanted = [(int(pk), why) for pk, why in mine.recommendations if int(pk) not in refused]
    by_pk = participants(mine.event).in_bulk([pk for pk, _why in wanted])
    return [(by_pk[pk], why) for pk, why in wanted if pk in by_pk]


def latest_change(event: Event):
    """When a participant of the event last changed (None without participants)."""
    return Registration.objects.filter(event=event).order_by("-updated_at").values_list(
        "updated_at", flat=True).first()


def needs_refresh(event: Event) -> bool:
    """True when a participant changed since the event's recommendations were computed."""
    latest = latest_change(event)
    return latest is not None and (event.recommendations_refreshed_at is None
                                   or latest > event.recommendations_refreshed_at)
