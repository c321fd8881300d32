"""`zonebridge backup PATH`: the database and the uploaded files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zonebridge.operations.services import BackupError, create_backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. zonebridge-2025-01-31.tar.gz")

    def handle(self, *args, path: Path, **options):
        try:
            summary = create_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = ", ".join(f"{count} in {name}" for name, count in summary.file_counts.items())
        self.stdout.write(self.style.SUCCESS(f"Backed up the {summary.vendor} database and files ({files}) "
                                             f"to {summary.path}."))
