"""Periodic work of events (Huey): record expired requests, send due second follow-ups."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


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


@db_task()
def refresh_recommendations_task(event_id: int) -> int:
    """Compute an event's recommended matches when a participant changed since the last time."""
    from zonebridge.events.models import Event
    from zonebridge.events.queries import needs_refresh
    from zonebridge.events.services.recommendations import refresh_recommendations

    event = Event.objects.filter(pk=event_id).first()
    if event is None or not needs_refresh(event):
        return 0
    return refresh_recommendations(event)


@db_periodic_task(crontab(minute="*/15"))
def refresh_open_events() -> int:
    """Every 15 minutes: recommendations of open events whose participants changed (a missed trigger heals)."""
    from zonebridge.events.models import Event, EventState
    from zonebridge.events.queries import needs_refresh

    stale = [event.pk for event in Event.objects.filter(state=EventState.OPEN) if needs_refresh(event)]
    for event_id in stale:
        refresh_recommendations_task.call_local(event_id)
    return len(stale)
