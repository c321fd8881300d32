"""Long work of programmes, run as jobs with progress: the committed match of a round."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.core.jobs import job_kind
from zonebridge.programmes.models import PlacementRun, Round
from zonebridge.programmes.services.placement import NOTIFY_JOB, PLACEMENT_JOB, notify_results, run_placement


@job_kind(PLACEMENT_JOB, label=gettext_lazy("Run the match of a programme round"))
def placement_run(job, progress) -> dict:
    """Place the round's candidates and commit the run, offers and notifications in one transaction."""
    round_ = Round.objects.select_related("programme").get(pk=job.params["round"])
    run = run_placement(round_, acting_user=job.created_by, progress=progress, job=job)
    return {"summary": _("%(placed)s of %(candidates)s candidates placed; the placement is %(verdict)s.") % {
        "placed": run.stats["placed"], "candidates": run.stats["candidates"],
        "verdict": _("stable") if run.stable else _("NOT stable")},
        "url": reverse("programmes:run_detail", args=[run.pk]), "run": run.pk}


@job_kind(NOTIFY_JOB, label=gettext_lazy("Tell candidates and hosts the results of a match"))
def notify_run_results(job, progress) -> dict:
    """Send the run's notifications (offers, unplaced candidates, hosts, the operator) in one transaction."""
    run = PlacementRun.objects.get(pk=job.params["run"])
    count = notify_results(run, progress=progress)
    return {"summary": _("%(count)s people told.") % {"count": count},
            "url": reverse("programmes:run_detail", args=[run.pk]), "notified": count}
