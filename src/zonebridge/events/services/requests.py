"""Interest and meeting requests: must-meet / would-meet / no-thanks, requests with a note, answers, expiry.

Expiry is both: every query of "waiting" requests has the condition `expires_at > now` (so an overdue request is
never accepted nor shown as waiting), and the periodic task `events.tasks.expire_requests` (every 10 minutes)
records the transition to `expired` and tells both people.
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.notifications import notify
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.events.models import (
    Category,
    Event,
    EventState,
    Interest,
    InterestLevel,
    Meeting,
    MeetingRequest,
    MeetingState,
    Registration,
    RegistrationState,
    RequestState,
    Seat,
)
from zonebridge.events.services.registrations import event_title
from zonebridge.policy import events as policy


def _not_overdue(request: MeetingRequest) -> str | None:
    if request.expires_at <= timezone.now():
        return _("This request has expired: it was not answered in time.")
    return None


REQUEST_FLOW = Workflow("events.meetingrequest", transitions=[
    Transition("accept", source=[RequestState.REQUESTED], target=RequestState.ACCEPTED,
               label=gettext_lazy("Accept"), allowed=policy.may_answer_request, guard=_not_overdue),
    Transition("decline", source=[RequestState.REQUESTED], target=RequestState.DECLINED,
               label=gettext_lazy("Decline"), allowed=policy.may_answer_request),
    Transition("cancel", source=[RequestState.REQUESTED, RequestState.ACCEPTED], target=RequestState.CANCELLED,
               label=gettext_lazy("Cancel"), allowed=policy.may_cancel_request),
    Transition("expire", source=[RequestState.REQUESTED], target=RequestState.EXPIRED,
               label=gettext_lazy("Expire"), allowed=policy.is_system),
])


def person(registration: Registration) -> str:
    """`Ann Lee (TidePay)`: how a participant is named in messages."""
    return f"{registration.user} ({registration.organisation})"


def set_interest(source: Registration, target: Registration, *, acting_user, level: str) -> Interest:
    """Record how much `source` wants to meet `target` (must / would / no thanks); `level` "" removes it."""
    if not policy.may_edit_registration(acting_user, source):
        raise NotAllowed(_("Only the person states their own interest."))
    if source.pk == target.pk or source.event_id != target.event_id:
        raise DomainError(_("Choose another participant of this event."), field="level")
    if level and level not in InterestLevel.values:
        raise DomainError(_("Choose must meet, would meet or no thanks."), field="level")
    with transaction.atomic():
        if not level:
            Interest.objects.filter(source=source, target=target).delete()
            return None
        interest, _created = Interest.objects.update_or_create(
            source=source, target=target, defaults={"level": level, "event_id": source.event_id})
    return interest


def interest_between(source: Registration, target: Registration) -> str:
    """The interest level `source` stated for `target` ("" when none)."""
    return Interest.objects.filter(source=source, target=target).values_list("level", flat=True).first() or ""


def meeting_weight(levels_one_way: str, levels_other_way: str) -> int:
    """A meeting's priority: 1, +1 per must-meet, +2 when both sides want it (mutual interest weighs more)."""
    weight = 1 + (levels_one_way == InterestLevel.MUST) + (levels_other_way == InterestLevel.MUST)
    wanted = (InterestLevel.MUST, InterestLevel.WOULD)
    if levels_one_way in wanted and levels_other_way in wanted:
        weight += 2
    return weight


def active_load(registration: Registration) -> int:
    """How many live requests and meetings count against the person's cap."""
    now = timezone.now()
    live = Q(state=RequestState.ACCEPTED) | Q(state=RequestState.REQUESTED, expires_at__gt=now)
    involving = Q(requester=registration) | Q(recipient=registration) | Q(colleagues=registration)
    return MeetingRequest.objects.filter(live & involving).distinct().count()


def _check_categories(requester: Registration, recipient: Registration) -> None:
    if {requester.category, recipient.category} in ({Category.VISITOR}, {Category.HOST}):
        raise Conflict(_("Meetings are between visitors and hosts: %(a)s and %(b)s both take part as %(c)s.") % {
            "a": person(requester), "b": person(recipient), "c": requester.get_category_display().lower()})


def send_request(event: Event, *, acting_user, recipient: Registration, note: str = "",
                 colleagues=()) -> MeetingRequest:
    """Ask `recipient` for a meeting (with a note; colleagues of the requester's organisation may join).

    Refused with a message that says why: requests closed or past their deadline, a no-thanks on either side,
    a request already between the two, or someone over the event's cap on meetings per person.
    """
    event = Event.objects.select_related("zone").get(pk=event.pk)  # its rules as they are now
    requester = Registration.objects.filter(event=event, user=acting_user).select_related(
        "user", "organisation").first() if acting_user and acting_user.is_authenticated else None
    if requester is None or requester.state != RegistrationState.APPROVED:
        raise NotAllowed(_("Only approved participants of this event send meeting requests."))
    now = timezone.now()
    if event.state != EventState.OPEN:
        raise Conflict(_("This event takes no meeting requests now."))
    deadline = event.requests_deadline()
    if now >= deadline:
        raise Conflict(_("The deadline for meeting requests was %(deadline)s.") % {
            "deadline": formats.date_format(timezone.localtime(deadline, event.tzinfo), "DATETIME_FORMAT")})
    if recipient.event_id != event.id or recipient.state != RegistrationState.APPROVED:
        raise DomainError(_("This person is not an approved participant of the event."), field="recipient")
    if recipient.pk == requester.pk or recipient.organisation_id == requester.organisation_id:
        raise DomainError(_("Request meetings with other organisations; bring colleagues along instead."),
                          field="recipient")
    _check_categories(requester, recipient)
    colleagues = list(colleagues)
    for colleague in colleagues:
        if (colleague.event_id != event.id or colleague.organisation_id != requester.organisation_id
                or colleague.state != RegistrationState.APPROVED or colleague.pk == requester.pk):
            raise DomainError(_("Colleagues who join must be approved participants of your organisation."),
                              field="colleagues")
    theirs, mine = interest_between(recipient, requester), interest_between(requester, recipient)
    if theirs == InterestLevel.NO_THANKS:
        raise Conflict(_("%(person)s has said “no thanks” to a meeting with you, so no request can be sent.")
                       % {"person": person(recipient)})
    if mine == InterestLevel.NO_THANKS:
        raise Conflict(_("You said “no thanks” to %(person)s; change your interest first.")
                       % {"person": person(recipient)})
    with transaction.atomic():
        # Lock the people whose caps this request uses, in one order, so two requests cannot both take a last place.
        people = list(Registration.objects.select_for_update().filter(
            pk__in=[requester.pk, recipient.pk, *(c.pk for c in colleagues)]).order_by("pk"))
        pair = (Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester))
        live = Q(state=RequestState.ACCEPTED) | Q(state=RequestState.REQUESTED, expires_at__gt=now)
        if MeetingRequest.objects.filter(pair & live).exists():
            raise Conflict(_("There is already a request between you and %(person)s.")
                           % {"person": person(recipient)})
        by_pk = {registration.pk: registration for registration in people}
        for registration in (requester, recipient, *colleagues):
            if active_load(by_pk[registration.pk]) >= event.meeting_cap:
                if registration.pk == requester.pk:
                    raise Conflict(_("You have reached the event's limit of %(cap)s meetings per person.")
                                   % {"cap": event.meeting_cap})
                raise Conflict(_("%(person)s has reached the event's limit of %(cap)s meetings per person.")
                               % {"person": person(registration), "cap": event.meeting_cap})
        request = MeetingRequest.objects.create(
            event=event, requester=requester, recipient=recipient, note=(note or "").strip(),
            weight=meeting_weight(mine, theirs), created_at=now,
            expires_at=min(now + timedelta(hours=event.request_expiry_hours), deadline))
        request.colleagues.set(colleagues)
        audit.record("events.meetingrequest.create", actor=acting_user, target=request,
                     after={"recipient": recipient.pk, "colleagues": [c.pk for c in colleagues]})
        notify(recipient.user, "events.request_received",
               params={"person": person(requester), "event": event_title(event)},
               url=reverse("events:request_list", kwargs={"slug": event.slug}))
    return request


def accept_request(request: MeetingRequest, *, acting_user) -> Meeting:
    """Accept a request: it becomes a meeting of the requester, their colleagues and the recipient."""
    with transaction.atomic():
        request = REQUEST_FLOW.apply(request, "accept", acting_user=acting_user,
                                     changes={"answered_at": timezone.now()})
        request = MeetingRequest.objects.select_related("event", "requester__user", "recipient__user",
                                                        "recipient__organisation").get(pk=request.pk)
        event = request.event
        meeting = Meeting.objects.create(event=event, request=request, weight=request.weight,
                                         video_link=video_link(event))
        people = [request.requester, *request.colleagues.all(), request.recipient]
        Seat.objects.bulk_create([Seat(meeting=meeting, registration=registration) for registration in people])
        notify(request.requester.user, "events.request_answered",
               params={"person": person(request.recipient), "answer": _answer("accepted"),
                       "event": event_title(event)},
               url=reverse("events:agenda", kwargs={"slug": event.slug}))
    return meeting


def video_link(event: Event) -> str:
    """A room of its own for one online meeting under the event's video server ("" at a venue)."""
    if not event.is_online or not event.video_base_url:
        return ""
    return f"{event.video_base_url.rstrip('/')}/zb-{event.slug}-{secrets.token_urlsafe(9)}"


def _answer(key: str) -> dict[str, str]:
    from zonebridge.core.notifications import in_every_language

    return in_every_language({"accepted": gettext_lazy("accepted"), "declined": gettext_lazy("declined"),
                              "expired": gettext_lazy("expired without an answer"),
                              "cancelled": gettext_lazy("cancelled")}[key])


def decline_request(request: MeetingRequest, *, acting_user) -> MeetingRequest:
    """Decline a request and tell the requester."""
    with transaction.atomic():
        request = REQUEST_FLOW.apply(request, "decline", acting_user=acting_user,
                                     changes={"answered_at": timezone.now()})
        notify(request.requester.user, "events.request_answered",
               params={"person": person(request.recipient), "answer": _answer("declined"),
                       "event": event_title(request.event)},
               url=reverse("events:request_list", kwargs={"slug": request.event.slug}))
    return request


def cancel_request(request: MeetingRequest, *, acting_user) -> MeetingRequest:
    """Withdraw a request; once accepted, its meeting is cancelled too (and its time freed)."""
    with transaction.atomic():
        request = REQUEST_FLOW.apply(request, "cancel", acting_user=acting_user)
        meeting = Meeting.objects.filter(request=request).first()
        if meeting is not None:
            Seat.objects.filter(meeting=meeting).update(slot=None)
            Meeting.objects.filter(pk=meeting.pk).update(state=MeetingState.CANCELLED, slot=None, table=None)
        notify(request.recipient.user, "events.request_answered",
               params={"person": person(request.requester), "answer": _answer("cancelled"),
                       "event": event_title(request.event)},
               url=reverse("events:request_list", kwargs={"slug": request.event.slug}))
    return request


def expire_overdue_requests(now=None) -> int:
    """Record every unanswered request past its expiry as expired and tell both people; return how many."""
    now = now or timezone.now()
    overdue = MeetingRequest.objects.filter(state=RequestState.REQUESTED, expires_at__lte=now).select_related(
        "event", "requester__user", "recipient__user", "requester__organisation", "recipient__organisation")
    count = 0
    for request in overdue:
        with transaction.atomic():
            REQUEST_FLOW.apply(request, "expire", acting_user=None)
            url = reverse("events:request_list", kwargs={"slug": request.event.slug})
            for user, other in ((request.requester.user, request.recipient), (request.recipient.user,
                                                                              request.requester)):
                notify(user, "events.request_expired",
                       params={"person": person(other), "event": event_title(request.event)}, url=url)
        count += 1
    return count
