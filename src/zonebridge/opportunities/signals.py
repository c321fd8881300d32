"""Keep recommendations in step with the directory's profiles, which does not know this app.

The directory re-indexes a saved profile in a task and then sends `profile_indexed`; recommendations are
refreshed there, in the worker, but only once the marketplace has postings: before that there is nothing to
recommend.
"""

from django.dispatch import receiver

from zonebridge.directory.signals import profile_indexed
from zonebridge.opportunities.models import Opportunity


@receiver(profile_indexed, dispatch_uid="opportunities.profile_indexed")
def profile_reindexed(sender, organisation_id: int, **kwargs) -> None:
    """Refresh what depends on a re-indexed profile (in the task worker that re-indexed it)."""
    if not Opportunity.objects.exists():
        return
    from zonebridge.opportunities.recommendations import organisation_changed

    organisation_changed(organisation_id)
