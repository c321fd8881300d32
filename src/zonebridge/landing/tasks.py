"""Soft landing's background work: every hour, requests past their SLA are marked overdue and their team told
once; a published call for pilots is added to the search index."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from zonebridge.landing.ranking import CALLS


@db_periodic_task(crontab(minute="7"))
def mark_overdue_requests() -> int:
    """Mark overdue service requests (see `services.requests.mark_overdue`)."""
    from zonebridge.landing.services.requests import mark_overdue

    return mark_overdue()


@db_task(retries=2, retry_delay=5)
def index_call_task(call_id: int) -> None:
    """Add a published call to the calls index (built whole the first time)."""
    CALLS.apply([str(call_id)])
    CALLS.recheck()
