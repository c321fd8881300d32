"""REST API of events (`/api/v1/events`): events and their times; with a token, registering, participants,
interest, meeting requests and answers, one's agenda and reports; for operators, schedule runs (a job), the stored
schedule with its bound and warnings, hand moves, swaps, cancellations and publishing."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from zonebridge.api_auth import ApiKeyAuth
from zonebridge.core.errors import DomainError, NotAllowed, NotFound
from zonebridge.core.jobs import start_job
from zonebridge.directory.models import Organisation
from zonebridge.events import queries
from zonebridge.events.jobs import SCHEDULE, exclusive_key
from zonebridge.events.models import (
    Category,
    Event,
    InterestLevel,
    Meeting,
    MeetingRequest,
    Outcome,
    Registration,
    RunMode,
    Slot,
)
from zonebridge.events.services import outcomes, registrations, requests, schedule
from zonebridge.events.warnings import plain_warnings
from zonebridge.policy import events as policy

router = Router(tags=["events"])
TOKEN = ApiKeyAuth()


class SlotOut(Schema):
    id: int
    number: int
    starts_at: datetime
    ends_at: datetime


class EventOut(Schema):
    slug: str
    kind: str
    format: str
    state: str
    zone: str = Field(..., alias="zone.slug")
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    venue_en: str
    time_zone: str
    starts_on: date
    ends_on: date
    meeting_minutes: int
    tables: int
    meeting_cap: int
    request_expiry_hours: int
    requires_approval: bool
    schedule_version: int


class EventDetailOut(EventOut):
    description_en: str
    description_zh_hans: str
    description_zh_hant: str
    slots: list[SlotOut]

    @staticmethod
    def resolve_slots(event: Event) -> list[Slot]:
        return list(event.slots.order_by("number"))


class RegistrationIn(Schema):
    organisation: str = Field(..., description="Slug of an organisation you belong to")
    category: Category = Category.BOTH
    offers_en: str = Field("", max_length=500)
    needs_en: str = Field("", max_length=500)


class ParticipantOut(Schema):
    id: int
    name: str
    organisation: str = Field(..., alias="organisation.slug")
    category: str
    state: str
    offers_en: str
    offers_zh_hans: str
    offers_zh_hant: str
    needs_en: str
    needs_zh_hans: str
    needs_zh_hant: str

    @staticmethod
    def resolve_name(registration: Registration) -> str:
        return str(registration.user)


class InterestIn(Schema):
    level: InterestLevel | None = Field(None, description="must, would, no_thanks; null removes it")


class RequestIn(Schema):
    recipient: int = Field(..., description="The participant's registration id")
    note: str = Field("", max_length=1_000)
    colleagues: list[int] = Field(default_factory=list, description="Registration ids of colleagues who join")


class RequestOut(Schema):
    id: int
    requester: int = Field(..., alias="requester_id")
    recipient: int = Field(..., alias="recipient_id")
    note: str
    state: str
    expires_at: datetime
    meeting: int | None = None

    @staticmethod
    def resolve_state(request: MeetingRequest) -> str:
        return "expired" if request.is_overdue else request.state

    @staticmethod
    def resolve_meeting(request: MeetingRequest) -> int | None:
        meeting = getattr(request, "meeting", None)
        return meeting.pk if meeting else None


class AnswerIn(Schema):
    action: str = Field(..., pattern="^(accept|decline|cancel)$")


class MeetingOut(Schema):
    id: int
    state: str
    slot: int | None = Field(None, alias="slot_id")
    table: int | None
    people: list[int]
    video_link: str

    @staticmethod
    def resolve_people(meeting: Meeting) -> list[int]:
        return [seat.registration_id for seat in meeting.seats.all()]


class RunIn(Schema):
    mode: RunMode = RunMode.ALL


class JobOut(Schema):
    job: str
    url: str


class RunOut(Schema):
    mode: str
    requested: int
    scheduled: int
    kept: int
    weight: float
    upper_bound: float
    optimal: bool
    method: str
    engine_seconds: float
    total_seconds: float
    warnings: list[str]


class ScheduleOut(Schema):
    run: RunOut | None
    meetings: list[MeetingOut]


class MoveIn(Schema):
    action: str = Field(..., pattern="^(move|swap|cancel)$")
    slot: int | None = Field(None, description="Slot id (move)")
    table: int | None = Field(None, ge=1, description="Table (move; empty: the first free one)")
    other: int | None = Field(None, description="The other meeting's id (swap)")


class AgendaItemOut(Schema):
    meeting: int
    starts_at: datetime
    ends_at: datetime
    table: int | None
    video_link: str
    people: list[str] = Field(..., description="The other people of the meeting")


class ReportIn(Schema):
    held: bool
    outcome: Outcome = Outcome.NONE
    note: str = Field("", max_length=1_000)


class OkOut(Schema):
    ok: bool = True
    detail: str = ""


def _event(request, slug: str) -> Event:
    # Only the token counts here (a browser's session does not): drafts are for their operators' tokens.
    event = get_object_or_404(Event.objects.select_related("zone"), slug=slug)
    if not policy.may_view_event(getattr(request, "auth", None), event):
        raise NotFound("Not found.")
    return event


def _mine(user, event: Event) -> Registration:
    registration = policy.registration_of(user, event)
    if registration is None:
        raise NotAllowed("You are not registered for this event.")
    return registration


def _managed(request, slug: str) -> Event:
    event = _event(request, slug)
    if not policy.may_manage_event(request.auth, event):
        raise NotAllowed("Only the event's operators may do this.")
    return event


@router.get("", response=list[EventOut])
@paginate(page_size=20, max_page_size=100)
def list_events(request):
    """Events anyone may see (drafts stay with their operators, who see them on the pages)."""
    return queries.visible_events(None)


@router.get("/{slug}", response=EventDetailOut)
def get_event(request, slug: str):
    """One event with its meeting times (UTC)."""
    return _event(request, slug)


@router.post("/{slug}/registrations", response={201: ParticipantOut}, auth=TOKEN)
def register(request, slug: str, payload: RegistrationIn):
    """Register yourself for the event as a person of one of your organisations."""
    event = _event(request, slug)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise DomainError("Unknown organisation.", field="organisation")
    registration = registrations.register(event, acting_user=request.auth, organisation=organisation,
                                          category=payload.category,
                                          texts={"offers_en": payload.offers_en, "needs_en": payload.needs_en})
    return Status(201, registration)


@router.get("/{slug}/participants", response=list[ParticipantOut], auth=TOKEN)
def list_participants(request, slug: str):
    """Approved participants, all of them (an event has hundreds), for approved participants and the operators."""
    event = _event(request, slug)
    if not policy.may_view_participants(request.auth, event):
        raise NotAllowed("Only approved participants see who takes part.")
    return queries.participants(event)


@router.put("/{slug}/interests/{registration_id}", response=OkOut, auth=TOKEN)
def set_interest(request, slug: str, registration_id: int, payload: InterestIn):
    """State your interest in one participant: must, would, no_thanks (null removes it)."""
    event = _event(request, slug)
    target = get_object_or_404(Registration, pk=registration_id, event=event)
    requests.set_interest(_mine(request.auth, event), target, acting_user=request.auth, level=payload.level or "")
    return OkOut()


@router.get("/{slug}/requests", response=list[RequestOut], auth=TOKEN)
def list_requests(request, slug: str):
    """Your meeting requests, received and sent."""
    mine = _mine(request.auth, _event(request, slug))
    received, sent = queries.requests_of(mine)
    return list(received) + list(sent)


@router.post("/{slug}/requests", response={201: RequestOut}, auth=TOKEN)
def send_request(request, slug: str, payload: RequestIn):
    """Ask a participant for a meeting, with a note and colleagues who join."""
    event = _event(request, slug)
    _mine(request.auth, event)
    recipient = Registration.objects.filter(pk=payload.recipient, event=event).first()
    if recipient is None:
        raise DomainError("Not a participant of this event.", field="recipient")
    colleagues = list(Registration.objects.filter(pk__in=payload.colleagues, event=event))
    created = requests.send_request(event, acting_user=request.auth, recipient=recipient, note=payload.note,
                                    colleagues=colleagues)
    return Status(201, created)


@router.post("/{slug}/requests/{request_id}/answer", response=RequestOut, auth=TOKEN)
def answer_request(request, slug: str, request_id: int, payload: AnswerIn):
    """Accept or decline a request you received, or cancel one you sent."""
    event = _event(request, slug)
    meeting_request = get_object_or_404(MeetingRequest, pk=request_id, event=event)
    action = {"accept": requests.accept_request, "decline": requests.decline_request,
              "cancel": requests.cancel_request}[payload.action]
    action(meeting_request, acting_user=request.auth)
    return MeetingRequest.objects.get(pk=request_id)


@router.get("/{slug}/agenda", response=list[AgendaItemOut], auth=TOKEN)
def my_agenda(request, slug: str):
    """Your confirmed meetings in time order (UTC; the .ics page gives them in your time zone)."""
    mine = _mine(request.auth, _event(request, slug))
    return [{"meeting": seat.meeting_id, "starts_at": seat.slot.starts_at, "ends_at": seat.slot.ends_at,
             "table": seat.meeting.table, "video_link": seat.meeting.video_link,
             "people": [f"{s.registration.user} ({s.registration.organisation})" for s in seat.meeting.seats.all()
                      if s.registration_id != mine.pk]}
            for seat in queries.agenda(mine)]


@router.post("/{slug}/meetings/{meeting_id}/report", response=OkOut, auth=TOKEN)
def report(request, slug: str, meeting_id: int, payload: ReportIn):
    """After the meeting: was it held, and what came of it."""
    event = _event(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event)
    outcomes.report_meeting(meeting, acting_user=request.auth, held=payload.held, outcome=payload.outcome,
                            note=payload.note)
    return OkOut()


@router.post("/{slug}/schedule-runs", response={202: JobOut}, auth=TOKEN)
def start_run(request, slug: str, payload: RunIn):
    """Start "schedule all" or "schedule the rest" as a job; follow it at the returned page."""
    event = _managed(request, slug)
    job = start_job(SCHEDULE, acting_user=request.auth, exclusive_key=exclusive_key(event),
                    params={"event_id": event.pk, "mode": payload.mode})
    return Status(202, {"job": str(job.pk), "url": reverse("core:job_detail", kwargs={"job_id": job.pk})})


@router.get("/{slug}/schedule", response=ScheduleOut, auth=TOKEN)
def get_schedule(request, slug: str):
    """The stored schedule: the last run (bound and warnings in plain words) and every meeting."""
    event = _managed(request, slug)
    run = queries.last_run(event)
    run_out = None
    if run:
        run_out = {**{name: getattr(run, name) for name in RunOut.model_fields if name != "warnings"},
                   "warnings": plain_warnings(run, event)}
    return {"run": run_out, "meetings": list(Meeting.objects.filter(event=event).prefetch_related("seats"))}


@router.post("/{slug}/schedule/publish", response=OkOut, auth=TOKEN)
def publish(request, slug: str):
    """Confirm the draft schedule and tell every participant."""
    count = schedule.publish_schedule(_managed(request, slug), acting_user=request.auth)
    return OkOut(detail=f"{count} meetings confirmed")


@router.post("/{slug}/meetings/{meeting_id}", response=MeetingOut, auth=TOKEN)
def change_meeting(request, slug: str, meeting_id: int, payload: MoveIn):
    """Move, swap or cancel a meeting by hand; a conflict is refused (409) naming the meeting in the way."""
    event = _managed(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event)
    if payload.action == "move":
        slot = Slot.objects.filter(pk=payload.slot or 0, event=event).first()
        if slot is None:
            raise DomainError("Choose a slot of this event.", field="slot")
        schedule.move_meeting(meeting, acting_user=request.auth, slot=slot, table=payload.table)
    elif payload.action == "swap":
        other = Meeting.objects.filter(pk=payload.other or 0, event=event).first()
        if other is None:
            raise DomainError("Give another meeting of this event.", field="other")
        schedule.swap_meetings(meeting, other, acting_user=request.auth)
    else:
        schedule.cancel_meeting(meeting, acting_user=request.auth)
    return Meeting.objects.prefetch_related("seats").get(pk=meeting.pk)
