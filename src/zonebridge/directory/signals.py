"""Keep the profiles index in step with saved organisations, and tell other apps when a profile was re-indexed.

`profile_indexed` is sent by the task worker after a saved profile is in the index: an app that keeps
something derived from profiles (the marketplace's recommendations) listens to it, so the directory does not
need to know that app, and that app reads the index only once it is up to date.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from zonebridge.directory.models import Organisation

profile_indexed = Signal()  # sent with organisation_id


@receiver(post_save, sender=Organisation, dispatch_uid="directory.organisation_saved")
def organisation_saved(sender, instance: Organisation, raw=False, **kwargs) -> None:
    """Queue the re-indexing of a saved profile after commit (not for fixtures loaded raw)."""
    if raw:
        return
    from zonebridge.directory.tasks import reindex_organisation_task

    pk = instance.pk
    transaction.on_commit(lambda: reindex_organisation_task(pk))
