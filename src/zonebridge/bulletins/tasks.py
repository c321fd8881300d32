"""The digest: every morning (Hong Kong and Shanghai time) each subscriber whose digest is due by their chosen
frequency (daily or weekly) gets the bulletins published since their last one."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="1", minute="0"))
def send_due_digests() -> int:
    """Send the digests that are due (see `services.send_digests`); 01:00 UTC is 09:00 in both zones."""
    from zonebridge.bulletins.services import send_digests

    return send_digests()
