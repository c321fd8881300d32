"""Soft landing's timer: every hour, requests past their SLA are marked overdue and their team told once."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="7"))
def mark_overdue_requests() -> int:
    """Mark overdue service requests (see `services.requests.mark_overdue`)."""
    from zonebridge.landing.services.requests import mark_overdue

    return mark_overdue()
