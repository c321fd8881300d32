"""Long work of events, run as jobs with progress: scheduling an event's meetings."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.accounts.models import User
from zonebridge.core.jobs import job_kind
from zonebridge.events.models import Event
from zonebridge.events.services.schedule import run_schedule

SCHEDULE = "events.schedule"


@job_kind(SCHEDULE, label=gettext_lazy("Schedule an event's meetings"))
def schedule_event(job, progress) -> dict:
    """Run the scheduler for the event in `job.params` and store its schedule."""
    event = Event.objects.select_related("zone").get(pk=job.params["event_id"])
    user = User.objects.filter(pk=job.created_by_id).first()
    run = run_schedule(event, acting_user=user, mode=job.params.get("mode", "all"), progress=progress)
    return {"summary": _("%(scheduled)s of %(requested)s meetings scheduled (%(kept)s kept).") % {
                "scheduled": run.scheduled, "requested": run.requested, "kept": run.kept},
            "url": reverse("events:schedule", kwargs={"slug": event.slug}), "run": run.pk}


def exclusive_key(event: Event) -> str:
    """One schedule run per event at a time."""
    return f"{SCHEDULE}:{event.pk}"
