"""`zonebridge restore PATH`: put back the database and uploaded files of a backup archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zonebridge.operations.services import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Replace the database and the uploaded files with those of a `zonebridge backup` archive. The archive "
            "is checked whole first; a damaged or mismatched one is refused and nothing changes. Stop the site "
            "(app servers and task workers) first.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="an archive written by `zonebridge backup`")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="do not ask for confirmation")

    def handle(self, *args, path: Path, interactive: bool, **options):
        if interactive:
            answer = input(f"This replaces the whole database and every uploaded file with {path}. "
                           "Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            summary = restore_backup(path)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        files = ", ".join(f"{count} in {name}" for name, count in summary.file_counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored the {summary.vendor} database of {summary.created_at} and "
                                             f"its files ({files}) from {summary.path}. Run `zonebridge migrate` "
                                             "if this version of ZoneBridge is newer than the backup."))
