"""The weekly digest: every Monday morning (Hong Kong and Shanghai time), each subscriber's new bulletins."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(day_of_week="1", hour="1", minute="0"))
def send_weekly_digests() -> int:
    """Send the weekly digest (see `services.send_digests`); 01:00 UTC is 09:00 in both zones."""
    from zonebridge.bulletins.services import send_digests

    return send_digests()
