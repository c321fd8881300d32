"""Use cases of service requests: submit (booking space under a lock), move through the workflow, talk in the
thread, pause the SLA clock while waiting on the requester, record the first response, rate, reopen, mark
overdue, change many at once."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.core.files import store_upload
from zonebridge.core.notifications import in_every_language, notify
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.landing import sla
from zonebridge.landing.models import (
    ATTACHMENT_UPLOAD,
    OPEN_STATES,
    REOPEN_WINDOW_DAYS,
    Category,
    RequestMessage,
    RequestState,
    Service,
    ServiceRequest,
    SpaceBooking,
    first_of_month,
)
from zonebridge.policy import landing as policy


def _not_paused(request: ServiceRequest):
    return _("The request is waiting on the requester; resume the clock first.") if request.is_paused else None


def _has_assignee(request: ServiceRequest):
    return None if request.assignee_id else _("Assign the request to someone first.")


def _may_close(user, request: ServiceRequest) -> bool:
    return policy.may_operate_request(user, request) or policy.may_rate(user, request)


def _within_reopen_window(request: ServiceRequest, now: datetime | None = None):
    """None while the request may be reopened, else why not (the window counts from delivery)."""
    if request.delivered_at is None:
        return _("Only a delivered request can be reopened.")
    if (now or timezone.now()) > request.delivered_at + timedelta(days=REOPEN_WINDOW_DAYS):
        return _("A request can be reopened within %(days)s days of its delivery; this one was delivered on "
                 "%(date)s. Please make a new request.") % {
            "days": REOPEN_WINDOW_DAYS, "date": today_in(request.service.zone, request.delivered_at).isoformat()}
    return None


REQUEST_FLOW = Workflow("landing.servicerequest", transitions=[
    Transition("triage", source=[RequestState.SUBMITTED], target=RequestState.TRIAGED,
               label=gettext_lazy("Triage"), allowed=policy.may_operate_request),
    Transition("assign", source=[RequestState.TRIAGED, RequestState.ASSIGNED], target=RequestState.ASSIGNED,
               label=gettext_lazy("Assign"), allowed=policy.may_operate_request),
    Transition("start", source=[RequestState.ASSIGNED], target=RequestState.IN_PROGRESS,
               label=gettext_lazy("Start work"), allowed=policy.may_work_on_request, guard=_has_assignee),
    Transition("deliver", source=[RequestState.IN_PROGRESS], target=RequestState.DELIVERED,
               label=gettext_lazy("Mark delivered"), allowed=policy.may_work_on_request, guard=_not_paused),
    Transition("close", source=[RequestState.DELIVERED], target=RequestState.CLOSED,
               label=gettext_lazy("Close"), allowed=_may_close),
    Transition("decline", source=list(OPEN_STATES), target=RequestState.DECLINED,
               label=gettext_lazy("Decline"), allowed=policy.may_operate_request),
    Transition("reopen", source=[RequestState.DELIVERED, RequestState.CLOSED], target=RequestState.IN_PROGRESS,
               label=gettext_lazy("Reopen"), allowed=policy.may_reopen, guard=_within_reopen_window),
])
# Actions an operator may apply to many requests at once (assign and decline take their argument once for all).
BULK_ACTIONS = ("triage", "assign", "start", "deliver", "close", "decline")


def today_in(zone, now: datetime | None = None) -> date:
    """The date it is in `zone`'s time zone (SLA days are the zone's days)."""
    return (now or timezone.now()).astimezone(ZoneInfo(zone.time_zone)).date()


def due_date(request: ServiceRequest) -> date:
    """The request's due date: its SLA in working days from submission, plus the working days it was paused."""
    zone = request.service.zone
    return sla.add_working_days(today_in(zone, request.submitted_at),
                                request.sla_days + request.paused_working_days, zone.region)


def first_response_due_date(request: ServiceRequest) -> date:
    """When the team must first answer: the service's first-response target in working days from submission."""
    zone = request.service.zone
    return sla.add_working_days(today_in(zone, request.submitted_at), request.first_response_days, zone.region)


def is_first_response_overdue(request: ServiceRequest, today: date | None = None) -> bool:
    """Open, not answered yet, and past its first-response date in its zone."""
    if not request.awaits_first_response or request.first_response_due_on is None:
        return False
    return (today or today_in(request.service.zone)) > request.first_response_due_on


def _record_first_response(request: ServiceRequest, acting_user, what: str, now: datetime | None = None) -> None:
    """The team did something the requester sees: the first time, that is the request's first response."""
    if not policy.may_work_on_request(acting_user, request) or request.requester_id == acting_user.pk:
        return
    now = now or timezone.now()
    # The first writer wins when two team members answer at once.
    if ServiceRequest.objects.filter(pk=request.pk, first_responded_at__isnull=True).update(first_responded_at=now):
        request.first_responded_at = now
        audit.record("landing.servicerequest.first_response", actor=acting_user, target=request,
                     after={"first_responded_at": now, "by": what,
                            "overdue": is_first_response_overdue(request, today_in(request.service.zone, now))})


def is_overdue(request: ServiceRequest, today: date | None = None) -> bool:
    """Open, not waiting on the requester, and past its due date in its zone."""
    if not request.is_open or request.is_paused:
        return False
    return (today or today_in(request.service.zone)) > request.due_on


def _url(request: ServiceRequest) -> str:
    return reverse("landing:request_detail", args=[request.pk])


def _params(request: ServiceRequest, **more) -> dict:
    service = request.service
    return {"reference": request.reference, "organisation": request.organisation.name_en,
            "service": {"en": service.name_en, "zh_hans": service.name_zh_hans or service.name_en,
                        "zh_hant": service.name_zh_hant or service.name_en}, **more}


def _parse_month(value) -> date:
    if isinstance(value, date):
        return first_of_month(value)
    try:
        return datetime.strptime(str(value or "")[:7], "%Y-%m").date()
    except ValueError:
        raise DomainError(_("Choose the month you need the space for."), field="month") from None


def _parse_units(value) -> int:
    try:
        units = int(value)
    except (TypeError, ValueError):
        units = 0
    if units < 1 or units > 500:
        raise DomainError(_("Enter how many desks or offices you need (1 to 500)."), field="units")
    return units


def booked_units(service: Service, month: date) -> int:
    """Desks or offices of `service` already held for `month`."""
    return SpaceBooking.objects.filter(service=service, month=month).aggregate(total=Sum("units"))["total"] or 0


def _book_space(request: ServiceRequest, service: Service, answers: dict) -> None:
    """Hold the desks for the month, never beyond capacity: the service row is locked while counting."""
    month = _parse_month(answers.get("month"))
    units = _parse_units(answers.get("units"))
    if month < first_of_month(today_in(service.zone)):
        raise DomainError(_("Choose this month or a later one."), field="month")
    locked = Service.objects.select_for_update().get(pk=service.pk)
    left = locked.capacity_per_month - booked_units(locked, month)
    if units > left:
        raise Conflict(_("Only %(left)s desks or offices are left for %(month)s.") % {
            "left": max(left, 0), "month": month.strftime("%Y-%m")}, field="units")
    SpaceBooking.objects.create(service=locked, request=request, month=month, units=units)
    answers.update({"month": month.strftime("%Y-%m"), "units": units})


def submit_request(service: Service, *, acting_user, organisation, details: str, answers: dict | None = None,
                   attachment=None, now: datetime | None = None) -> ServiceRequest:
    """An organisation's member asks for a service; space is booked at once; the zone's operators are told."""
    if not policy.may_request(acting_user, service):
        raise NotAllowed(_("You may not request this service."))
    if not policy.acting_organisations(acting_user).filter(pk=organisation.pk).exists():
        raise DomainError(_("Choose an organisation you act for."), field="organisation")
    if not policy.is_eligible(organisation, service):
        raise DomainError(_("This organisation is not eligible for this service."), field="organisation")
    answers = dict(answers or {})
    with transaction.atomic():
        request = ServiceRequest(service=service, organisation=organisation, requester=acting_user,
                                 details=(details or "").strip(), answers=answers, sla_days=service.sla_days,
                                 first_response_days=service.first_response_days,
                                 submitted_at=now or timezone.now())
        request.due_on = due_date(request)
        request.first_response_due_on = first_response_due_date(request)
        full_clean(request, exclude=["answers", "attachment"])
        request.save()
        if service.category == Category.SPACE:
            _book_space(request, service, answers)
        if attachment:
            request.attachment = store_upload(attachment, kind=ATTACHMENT_UPLOAD, owner=acting_user,
                                              field="attachment")
        request.answers = answers
        request.save(update_fields=["answers", "attachment"])
        audit.record("landing.servicerequest.submit", actor=acting_user, target=request,
                     after={"service": service.slug, "organisation": organisation.slug, "answers": answers})
        for operator in service.zone.operators.filter(is_active=True):
            notify(operator, "landing.request_submitted", params=_params(request), url=_url(request))
    return request


def change_state(request: ServiceRequest, action: str, *, acting_user, assignee=None,
                 reason: str = "", now: datetime | None = None) -> ServiceRequest:
    """Apply one workflow action (triage, assign, start, deliver, close, decline, reopen), audited, and tell those
    concerned; the team's first action is the request's first response."""
    if action == "reopen":
        return reopen(request, acting_user=acting_user, reason=reason)
    # Who may and from which state first (re-checked under the row lock), then what the action needs.
    REQUEST_FLOW.check(request, action, acting_user=acting_user)
    changes: dict = {}
    if action == "assign":
        if assignee is None or not policy.may_be_assigned(assignee, request):
            raise DomainError(_("Choose an operator of the zone or a member of the provider."), field="assignee")
        changes["assignee_id"] = assignee.pk
    if action == "decline":
        reason = (reason or "").strip()
        if not reason:
            raise DomainError(_("Say why the request is declined; the requester reads it."), field="reason")
        changes["decline_reason"] = reason[:500]
    if action == "deliver":
        changes["delivered_at"] = timezone.now()
    with transaction.atomic():
        updated = REQUEST_FLOW.apply(request, action, acting_user=acting_user, changes=changes)
        if action == "decline":
            SpaceBooking.objects.filter(request=updated).delete()  # the desks go back to the pool
        if updated.state in (RequestState.DECLINED, RequestState.DELIVERED, RequestState.CLOSED):
            updated.paused_since = None
            updated.save(update_fields=["paused_since"])
        state = in_every_language(RequestState(updated.state).label)
        if updated.requester_id != getattr(acting_user, "pk", None):
            notify(updated.requester, "landing.request_changed", params=_params(updated, state=state),
                   url=_url(updated))
        if action == "assign" and assignee.pk != acting_user.pk:
            notify(assignee, "landing.request_assigned", params=_params(updated), url=_url(updated))
        _record_first_response(updated, acting_user, action, now)
    return updated


def reopen(request: ServiceRequest, *, acting_user, reason: str) -> ServiceRequest:
    """The requester's side reopens a delivered or closed request within 14 days of delivery, saying why: it goes
    back to in progress with the same assignee, the delivered days do not count against the SLA, and the team is
    told."""
    if not policy.may_reopen(acting_user, request):
        raise NotAllowed(_("Only the requester may reopen a request."))
    if request.state == RequestState.DECLINED:
        raise Conflict(_("A declined request cannot be reopened; please make a new request."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why you reopen the request; the team reads it."), field="reason")
    if len(reason) > 500:
        raise DomainError(_("Keep the reason to 500 characters."), field="reason")
    now = timezone.now()
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().select_related("service__zone").get(pk=request.pk)
        REQUEST_FLOW.check(locked, "reopen", acting_user=acting_user)
        zone = locked.service.zone
        # The days the request stood delivered were the requester's: they move the due date, like a pause.
        locked.paused_working_days += sla.working_days_between(today_in(zone, locked.delivered_at),
                                                               today_in(zone, now), zone.region)
        updated = REQUEST_FLOW.apply(locked, "reopen", acting_user=acting_user, changes={
            "reopen_reason": reason, "reopened_at": now, "rating": None, "rating_comment": "",
            "paused_working_days": locked.paused_working_days, "due_on": due_date(locked),
            "overdue_notified_at": None, "due_soon_notified_at": None})
        params = _params(updated, reason=reason)
        recipients = {user.pk: user for user in [*_team_of(updated), *zone.operators.filter(is_active=True)]}
        for recipient in recipients.values():
            if recipient.pk != acting_user.pk:
                notify(recipient, "landing.request_reopened", params=params, url=_url(updated))
    return updated


def bulk_change(requests, action: str, *, acting_user, assignee=None, reason: str = "") -> tuple[list, list]:
    """Apply `action` to each request in its own transaction; return (changed, [(request, message)] refused)."""
    if action not in BULK_ACTIONS:
        raise DomainError(_("Choose an action."), field="action")
    changed, refused = [], []
    for request in requests:
        try:
            changed.append(change_state(request, action, acting_user=acting_user, assignee=assignee, reason=reason))
        except DomainError as error:
            refused.append((request, error.message))
    return changed, refused


def wait_on_requester(request: ServiceRequest, *, acting_user, now: datetime | None = None) -> ServiceRequest:
    """Stop the SLA clock until the requester replies (the team asked them something)."""
    if not policy.may_work_on_request(acting_user, request):
        raise NotAllowed(_("You may not do this."))
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().select_related("service__zone").get(pk=request.pk)
        if not locked.is_open or locked.is_paused:
            raise Conflict(_("The clock of this request is not running."))
        locked.paused_since = today_in(locked.service.zone, now)
        locked.save(update_fields=["paused_since", "updated_at"])
        audit.record("landing.servicerequest.pause", actor=acting_user, target=locked,
                     after={"paused_since": locked.paused_since})
        notify(locked.requester, "landing.waiting_on_requester", params=_params(locked), url=_url(locked))
    return locked


def resume_clock(request: ServiceRequest, *, acting_user, now: datetime | None = None) -> ServiceRequest:
    """Restart the SLA clock; the working days it stood still move the due date later."""
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().select_related("service__zone").get(pk=request.pk)
        if not locked.is_paused:
            return locked
        zone = locked.service.zone
        locked.paused_working_days += sla.working_days_between(locked.paused_since, today_in(zone, now),
                                                               zone.region)
        locked.paused_since = None
        locked.due_on = due_date(locked)
        locked.overdue_notified_at = locked.due_soon_notified_at = None
        locked.save(update_fields=["paused_since", "paused_working_days", "due_on", "overdue_notified_at",
                                   "due_soon_notified_at", "updated_at"])
        audit.record("landing.servicerequest.resume", actor=acting_user, target=locked,
                     after={"due_on": locked.due_on, "paused_working_days": locked.paused_working_days})
    return locked


def post_message(request: ServiceRequest, *, acting_user, body: str, internal: bool = False,
                 attachment=None, now: datetime | None = None) -> RequestMessage:
    """Add to the thread; a requester's reply restarts a paused clock; internal notes stay with the team."""
    if not policy.may_view_request(acting_user, request):
        raise NotAllowed(_("You may not write on this request."))
    if internal and not policy.may_see_internal_notes(acting_user, request):
        raise NotAllowed(_("Only the team working on the request writes internal notes."))
    if request.state in (RequestState.CLOSED, RequestState.DECLINED):
        raise Conflict(_("The request is finished; start a new one."))
    with transaction.atomic():
        message = RequestMessage(request=request, author=acting_user, body=(body or "").strip(), internal=internal)
        full_clean(message, exclude=["attachment", "author"])
        if attachment:
            message.attachment = store_upload(attachment, kind=ATTACHMENT_UPLOAD, owner=acting_user,
                                              field="attachment")
        message.save()
        if not internal:
            _record_first_response(request, acting_user, "message", now)
        from_requester = policy.is_requester_side(acting_user, request) and not policy.may_work_on_request(
            acting_user, request)
        if from_requester and request.is_paused:
            resume_clock(request, acting_user=acting_user, now=now)
        params = _params(request, author=str(acting_user))
        if from_requester:
            recipients = _team_of(request)
        elif not internal:
            recipients = [request.requester]
        else:
            recipients = [request.assignee] if request.assignee_id else []
        for recipient in recipients:
            if recipient is not None and recipient.pk != acting_user.pk:
                notify(recipient, "landing.request_message", params=params, url=_url(request))
    return message


def rate(request: ServiceRequest, *, acting_user, rating: int, comment: str = "") -> ServiceRequest:
    """The requester rates a delivered request (1 to 5), which closes it."""
    if not policy.may_rate(acting_user, request):
        raise NotAllowed(_("Only the requester rates the service."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise DomainError(_("Choose a rating from 1 to 5."), field="rating")
    return REQUEST_FLOW.apply(request, "close", acting_user=acting_user,
                              changes={"rating": rating, "rating_comment": (comment or "").strip()[:1000]})


def _team_of(request: ServiceRequest) -> list:
    return [request.assignee] if request.assignee_id else list(request.service.zone.operators.filter(is_active=True))


def mark_overdue(now: datetime | None = None) -> int:
    """Warn the assignee (or the zone's operators) once on a request's last working day, and once when it is
    overdue; return how many requests became overdue. Run hourly by the task queue."""
    now = now or timezone.now()
    count = 0
    candidates = (ServiceRequest.objects.filter(state__in=OPEN_STATES, paused_since__isnull=True,
                                                overdue_notified_at__isnull=True)
                  .select_related("service__zone", "organisation", "assignee"))
    for request in candidates:
        today = today_in(request.service.zone, now)
        if is_overdue(request, today):
            marker, kind = "overdue_notified_at", "landing.request_overdue"
        elif today == request.due_on and request.due_soon_notified_at is None:
            marker, kind = "due_soon_notified_at", "landing.request_due_soon"
        else:
            continue
        with transaction.atomic():
            # Only the worker that sets the marker tells anyone (several workers may run this at once).
            if not ServiceRequest.objects.filter(pk=request.pk, **{f"{marker}__isnull": True}).update(
                    **{marker: now}):
                continue
            if kind == "landing.request_overdue":
                audit.record("landing.servicerequest.overdue", actor=None, target=request,
                             after={"due_on": request.due_on})
                count += 1
            for recipient in _team_of(request):
                notify(recipient, kind, params=_params(request, due=str(request.due_on)), url=_url(request))
    return count
