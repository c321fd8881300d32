"""Periodic work of events (Huey): record expired requests, send due second follow-ups."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="*/10"))
def expire_requests() -> int:
    """Every 10 minutes: unanswered requests past their expiry become expired (both people are told)."""
    from zonebridge.events.services.requests import expire_overdue_requests

    return expire_overdue_requests()


@db_periodic_task(crontab(hour="1", minute="30"))
def send_follow_ups() -> int:
    """Every night: ask whether meetings led to an agreement, months after the event."""
    from zonebridge.events.services.outcomes import send_due_follow_ups

    return send_due_follow_ups()
