"""`zonebridge purge_orphan_files`: delete private files that no record points to (run it daily)."""

from django.core.management.base import BaseCommand

from zonebridge.core.files import purge_orphans


class Command(BaseCommand):
    help = "Delete private files left on disk by uploads whose transaction rolled back (older than an hour)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=3600, metavar="SECONDS")

    def handle(self, *args, older_than, **options):
        deleted = purge_orphans(older_than_seconds=older_than)
        self.stdout.write(f"{len(deleted)} orphaned private file(s) deleted.")
