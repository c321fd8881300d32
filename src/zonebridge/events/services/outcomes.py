"""After the event: each side says whether a meeting was held (or a no-show) and what came of it; months later
a second follow-up asks whether an agreement was reached (a periodic task sends it when it is due)."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.notifications import notify
from zonebridge.events.models import Agreement, Meeting, MeetingReport, MeetingState, Outcome, Registration
from zonebridge.events.services.registrations import event_title
from zonebridge.policy import events as policy


def report_meeting(meeting: Meeting, *, acting_user, held: bool, outcome: str = Outcome.NONE,
                   note: str = "") -> MeetingReport:
    """Record the acting person's side of a meeting that has taken place (or should have)."""
    meeting = Meeting.objects.select_related("slot", "event").get(pk=meeting.pk)  # its state as it is now
    registration = Registration.objects.filter(seats__meeting=meeting, user=acting_user).first() \
        if policy.is_seated(acting_user, meeting) else None
    if registration is None:
        raise NotAllowed(_("Only the people of a meeting report on it."))
    if meeting.state != MeetingState.CONFIRMED or meeting.slot is None:
        raise Conflict(_("Only confirmed meetings with a time can be reported on."))
    if meeting.slot.starts_at > timezone.now():
        raise Conflict(_("This meeting has not started yet."))
    if outcome not in Outcome.values:
        raise DomainError(_("Choose an outcome from the list."), field="outcome")
    if not held and outcome != Outcome.NONE:
        raise DomainError(_("A meeting that did not take place has no outcome."), field="outcome")
    with transaction.atomic():
        report, _created = MeetingReport.objects.update_or_create(
            meeting=meeting, registration=registration,
            defaults={"held": held, "outcome": outcome, "note": (note or "").strip(), "recorded_at": timezone.now(),
                      "follow_up_due_on": meeting.event.follow_up_due_on() if held else None})
        audit.record("events.meeting.report", actor=acting_user, target=meeting,
                     after={"held": held, "outcome": outcome})
    return report


def record_agreement(report: MeetingReport, *, acting_user, agreement: str) -> MeetingReport:
    """Answer the second follow-up: was an agreement reached?"""
    if report.registration.user_id != getattr(acting_user, "pk", None):
        raise NotAllowed(_("Only the person who reported the meeting answers its follow-up."))
    if agreement not in Agreement.values:
        raise DomainError(_("Choose an answer from the list."), field="agreement")
    with transaction.atomic():
        MeetingReport.objects.filter(pk=report.pk).update(agreement=agreement, agreement_recorded_at=timezone.now())
        report.refresh_from_db()
        audit.record("events.meeting.agreement", actor=acting_user, target=report.meeting,
                     after={"agreement": agreement})
    return report


def send_due_follow_ups(today=None) -> int:
    """Ask everyone whose second follow-up is due (once each); return how many were asked."""
    today = today or timezone.localdate()
    due = (MeetingReport.objects.filter(follow_up_due_on__lte=today, follow_up_asked_at__isnull=True, held=True)
           .select_related("registration__user", "meeting__event"))
    count = 0
    for report in due:
        with transaction.atomic():
            claimed = MeetingReport.objects.filter(pk=report.pk, follow_up_asked_at__isnull=True).update(
                follow_up_asked_at=timezone.now())
            if claimed:
                event = report.meeting.event
                notify(report.registration.user, "events.follow_up_due", params={"event": event_title(event)},
                       url=reverse("events:meeting_report", kwargs={"slug": event.slug,
                                                                    "meeting_id": report.meeting_id}))
                count += 1
    return count
