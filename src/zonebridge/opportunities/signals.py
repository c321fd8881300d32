"""Keep the profiles index and recommendations in step with the directory, which does not know this app.

A saved organisation queues its refresh after commit, but only once the marketplace has postings: before
that there is nothing to recommend, and the first refresh builds the profiles index whole.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from zonebridge.directory.models import Organisation
from zonebridge.opportunities.models import Opportunity


@receiver(post_save, sender=Organisation, dispatch_uid="opportunities.organisation_saved")
def organisation_saved(sender, instance: Organisation, raw=False, **kwargs) -> None:
    """Queue the refresh of a saved profile (not for fixtures loaded raw)."""
    if raw or not Opportunity.objects.exists():
        return
    from zonebridge.opportunities.tasks import organisation_changed_task

    pk = instance.pk
    transaction.on_commit(lambda: organisation_changed_task(pk))
