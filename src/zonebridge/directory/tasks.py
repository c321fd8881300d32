"""Background tasks of the directory (Huey): keeping the profiles index up to date."""

from huey.contrib.djhuey import db_task

from zonebridge.directory.models import Organisation
from zonebridge.directory.ranking import ORGANISATIONS
from zonebridge.directory.signals import profile_indexed


@db_task(retries=2, retry_delay=5)
def reindex_organisation_task(organisation_id: int) -> None:
    """Bring one profile up to date in the index (once it has been built), then announce it."""
    if ORGANISATIONS.stamp():
        ORGANISATIONS.apply([str(organisation_id)])
        ORGANISATIONS.recheck()
    profile_indexed.send(sender=Organisation, organisation_id=organisation_id)
