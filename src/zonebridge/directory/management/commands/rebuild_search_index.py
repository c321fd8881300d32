"""`zonebridge rebuild_search_index`: recompute every organisation's search tokens as a job, showing progress."""

from django.core.management.base import BaseCommand, CommandError

from zonebridge.core.errors import DomainError
from zonebridge.core.jobs import run_job, start_job
from zonebridge.core.models import JobState
from zonebridge.directory.jobs import REBUILD_SEARCH_INDEX


class Command(BaseCommand):
    help = "Rebuild the directory's search index (the same job the admin starts)."

    def handle(self, *args, **options):
        try:
            job = start_job(REBUILD_SEARCH_INDEX, acting_user=None, exclusive_key=REBUILD_SEARCH_INDEX)
        except DomainError as error:
            raise CommandError(error.message) from error
        # Outside a transaction the queued task would also start; run it here so the command reports the end.
        job = run_job(job.pk) or job
        job.refresh_from_db()
        if job.state != JobState.SUCCEEDED:
            raise CommandError(job.error or f"job {job.pk} is {job.state}")
        self.stdout.write(job.message)
