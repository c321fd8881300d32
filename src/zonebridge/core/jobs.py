"""Jobs: long work (a placement run, a schedule, an import, an index rebuild) done by a task worker.

An app registers a kind once with `@job_kind("app.kind", label=...)` on a function `run(job, progress)` that
does the work and returns a JSON-able result (optionally with `"url"`, where the results are shown, and
`"summary"`). It calls `progress(percent, message)` between steps — outside any transaction of its own,
so the progress bar moves while it works — and wraps its writes in one `transaction.atomic()`, so a job that
fails leaves nothing half-written. A view calls `start_job(...)` and redirects to the job's page, whose
progress bar follows the Job record.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.core.audit import current_request_id
from zonebridge.core.errors import Conflict, DomainError
from zonebridge.core.models import Job, JobState

logger = logging.getLogger("zonebridge.jobs")


@dataclass(frozen=True)
class JobKind:
    key: str
    label: str
    run: Callable


JOB_KINDS: dict[str, JobKind] = {}


def job_kind(key: str, *, label: str):
    """Register the decorated function `run(job, progress) -> result` as the job kind `key`."""
    def register(run: Callable) -> Callable:
        JOB_KINDS[key] = JobKind(key, label, run)
        return run
    return register


def start_job(kind: str, *, acting_user, params: dict | None = None, exclusive_key: str = "") -> Job:
    """Queue a job of `kind` (it starts once the caller's transaction commits); refuse a second active one
    with the same `exclusive_key`."""
    if kind not in JOB_KINDS:
        raise KeyError(f"unregistered job kind {kind!r}")
    try:
        with transaction.atomic():
            job = Job.objects.create(kind=kind, params=params or {}, exclusive_key=exclusive_key,
                                     created_by=acting_user if getattr(acting_user, "pk", None) else None,
                                     message=_("Waiting for a worker…"))
    except IntegrityError as error:
        raise Conflict(_("This work is already running. Wait for it to finish, then look at its result.")) \
            from error
    from zonebridge.core.tasks import run_job_task

    transaction.on_commit(lambda: run_job_task(str(job.pk)))
    return job


class Progress:
    """Reports a job's progress (0–100 %) and what it is doing; each report is saved at once."""

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, percent: float, message: str = "") -> None:
        percent = max(0, min(100, int(percent)))
        Job.objects.filter(pk=self.job.pk).update(progress=percent, message=str(message)[:300])
        self.job.progress, self.job.message = percent, str(message)[:300]


def run_job(job_id) -> Job | None:
    """Run a queued job: mark it running, call its kind, store the result or the error."""
    claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING, started_at=timezone.now(), message=_("Started."))
    if not claimed:  # already run by another worker, or gone
        return None
    job = Job.objects.get(pk=job_id)
    token = current_request_id.set(f"job-{job.pk.hex[:24]}")
    try:
        result = JOB_KINDS[job.kind].run(job, Progress(job)) or {}
    except DomainError as error:
        _finish(job, JobState.FAILED, error=error.message)
    except Exception as error:  # noqa: BLE001 - a job records any failure instead of dying silently
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, JobState.FAILED, error=_("The work failed (%(kind)s) and nothing was changed. "
                                              "It has been logged; try again or ask an administrator.")
                % {"kind": type(error).__name__})
    else:
        _finish(job, JobState.SUCCEEDED, result=result)
    finally:
        current_request_id.reset(token)
    job.refresh_from_db()
    return job


def _finish(job: Job, state: str, *, result=None, error: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(
        state=state, result=result, error=error, finished_at=timezone.now(),
        progress=100 if state == JobState.SUCCEEDED else job.progress,
        message=(result or {}).get("summary", _("Done.")) if state == JobState.SUCCEEDED else _("Failed."))
