"""Background tasks of the marketplace (Huey): index and recommendation refresh, follow-ups, digests.

Tasks take ids. The periodic ones run in the task worker (`zonebridge run` starts one; production runs
`manage.py run_huey`): follow-ups due are sent daily, saved-search digests weekly on Monday morning.
"""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from zonebridge.opportunities import recommendations, services

logger = logging.getLogger("zonebridge.opportunities")


@db_task(retries=2, retry_delay=5)
def opportunity_changed_task(opportunity_id: int) -> None:
    """Re-index one posting and refresh the recommendations it touches."""
    recommendations.opportunity_changed(opportunity_id)


@db_periodic_task(crontab(minute="15", hour="1"))
def send_follow_ups_task() -> None:
    """Daily: ask how introductions accepted three months ago went."""
    sent = services.send_due_follow_ups()
    logger.info("opportunities: %s follow-ups sent", sent)


@db_periodic_task(crontab(minute="0", hour="0", day_of_week="1"))
def send_digests_task() -> None:
    """Weekly (Monday 08:00 in Shanghai and Hong Kong): saved-search digests."""
    mailed = services.send_weekly_digests()
    logger.info("opportunities: %s digests mailed", mailed)
