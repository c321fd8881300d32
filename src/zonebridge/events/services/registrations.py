"""Registering for an event (a person of an organisation), approval, and the person's event profile."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.core.notifications import in_every_language, notify
from zonebridge.core.trilingual import apply_texts
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.events.models import (
    ACTIVE_REQUEST_STATES,
    Event,
    EventState,
    MeetingRequest,
    MeetingState,
    Registration,
    RegistrationState,
    RequestState,
    new_token,
)
from zonebridge.events.tasks import refresh_recommendations_task
from zonebridge.policy import events as policy

PROFILE_PLAIN_FIELDS = ("category", "time_zone", "chinese_source")

REGISTRATION_FLOW = Workflow("events.registration", transitions=[
    Transition("approve", source=[RegistrationState.PENDING, RegistrationState.DECLINED],
               target=RegistrationState.APPROVED, label=gettext_lazy("Approve"),
               allowed=policy.may_decide_registration),
    Transition("decline", source=[RegistrationState.PENDING], target=RegistrationState.DECLINED,
               label=gettext_lazy("Decline"), allowed=policy.may_decide_registration),
    Transition("cancel", source=[RegistrationState.PENDING, RegistrationState.APPROVED],
               target=RegistrationState.CANCELLED, label=gettext_lazy("Cancel registration"),
               allowed=policy.may_cancel_registration),
])


def participants_changed(event: Event) -> None:
    """Recompute the event's recommended matches once this transaction commits (a task: it takes seconds)."""
    transaction.on_commit(lambda: refresh_recommendations_task(event.pk))


def event_title(event: Event) -> dict[str, str]:
    """The event's title in every language, as a notification parameter."""
    return {"en": event.title_en, "zh_hans": event.in_language("title", "zh_hans"),
            "zh_hant": event.in_language("title", "zh_hant")}


def register(event: Event, *, acting_user, organisation, category: str, texts: dict[str, str] | None = None,
             time_zone: str = "") -> Registration:
    """Register `acting_user` for `event` as a person of `organisation`; approved at once unless the event
    asks for approval."""
    if not policy.may_register(acting_user, event):
        raise NotAllowed(_("Registration is open to members of an organisation while the event is open."))
    if not policy.organisations_for(acting_user).filter(pk=organisation.pk).exists():
        raise DomainError(_("You can register only for an organisation you belong to."), field="organisation")
    registration = Registration(event=event, user=acting_user, organisation=organisation, category=category,
                                time_zone=time_zone or getattr(acting_user.home_zone, "time_zone", ""),
                                state=RegistrationState.PENDING if event.requires_approval
                                else RegistrationState.APPROVED,
                                chinese_source=organisation.chinese_source)
    registration.organisation = organisation
    try:
        with transaction.atomic():
            apply_texts(registration, texts or {})
            full_clean(registration, exclude=["unavailable"], validate_unique=False, validate_constraints=False)
            registration.save()
            audit.record("events.registration.create", actor=acting_user, target=registration,
                         after={"state": registration.state, "organisation": organisation.slug})
            if registration.is_approved:
                participants_changed(event)
    except IntegrityError as error:
        raise Conflict(_("You are already registered for this event.")) from error
    return registration


def _tell_registrant(registration: Registration, answer) -> None:
    notify(registration.user, "events.registration_answered",
           params={"event": event_title(registration.event), "answer": in_every_language(answer)},
           url=reverse("events:event_detail", kwargs={"slug": registration.event.slug}))


def approve_registration(registration: Registration, *, acting_user) -> Registration:
    """Approve a registration and tell the person."""
    with transaction.atomic():
        registration = REGISTRATION_FLOW.apply(registration, "approve", acting_user=acting_user,
                                               changes={"updated_at": timezone.now()})
        participants_changed(registration.event)
        _tell_registrant(registration, gettext_lazy("approved"))
    return registration


def decline_registration(registration: Registration, *, acting_user) -> Registration:
    """Decline a registration and tell the person."""
    with transaction.atomic():
        registration = REGISTRATION_FLOW.apply(registration, "decline", acting_user=acting_user,
                                               changes={"updated_at": timezone.now()})
        participants_changed(registration.event)
        _tell_registrant(registration, gettext_lazy("declined"))
    return registration


def cancel_registration(registration: Registration, *, acting_user) -> Registration:
    """Cancel a registration: its open requests are cancelled and its meetings too."""
    from zonebridge.events.models import Meeting, Seat

    with transaction.atomic():
        registration = REGISTRATION_FLOW.apply(registration, "cancel", acting_user=acting_user,
                                               changes={"updated_at": timezone.now()})
        participants_changed(registration.event)
        requests = MeetingRequest.objects.filter(state__in=ACTIVE_REQUEST_STATES).filter(
            models_q_involving(registration))
        meeting_ids = list(Meeting.objects.filter(request__in=requests).values_list("pk", flat=True))
        requests.update(state=RequestState.CANCELLED)
        Seat.objects.filter(meeting_id__in=meeting_ids).update(slot=None)
        Meeting.objects.filter(pk__in=meeting_ids).update(state=MeetingState.CANCELLED, slot=None, table=None)
    return registration


def models_q_involving(registration: Registration):
    """Requests in which the registration takes part (as requester, recipient or colleague)."""
    from django.db.models import Q

    return Q(requester=registration) | Q(recipient=registration) | Q(colleagues=registration)


def update_profile(registration: Registration, *, acting_user, texts: dict[str, str], fields: dict,
                   unavailable=None) -> Registration:
    """Save a person's event profile: category, offers and needs, time zone, times they cannot meet."""
    if not policy.may_edit_registration(acting_user, registration):
        raise NotAllowed(_("Only the person edits their event profile."))
    with transaction.atomic():
        registration = Registration.objects.select_for_update().select_related(
            "organisation__home_zone", "event").get(pk=registration.pk)
        for name in PROFILE_PLAIN_FIELDS:
            if name in fields:
                setattr(registration, name, fields[name])
        apply_texts(registration, texts)
        full_clean(registration, exclude=["unavailable"], validate_unique=False, validate_constraints=False)
        registration.save()
        if unavailable is not None:
            slots = list(unavailable)
            if any(slot.event_id != registration.event_id for slot in slots):
                raise DomainError(_("Choose times of this event."), field="unavailable")
            registration.unavailable.set(slots)
        participants_changed(registration.event)
    return registration


def renew_calendar_token(registration: Registration, *, acting_user) -> Registration:
    """Revoke the person's calendar feed address and give them a new one."""
    if not policy.may_edit_registration(acting_user, registration):
        raise NotAllowed(_("Only the person manages their calendar feed."))
    with transaction.atomic():
        Registration.objects.filter(pk=registration.pk).update(calendar_token=new_token())
        registration.refresh_from_db()
        audit.record("events.registration.renew_calendar_token", actor=acting_user, target=registration)
    return registration


def is_open(event: Event) -> bool:
    """True while the event takes requests."""
    return event.state == EventState.OPEN
