"""`zonebridge run`: migrate, seed the demo data if the database is empty, and serve the site."""

import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from zonebridge.demo.seed import DEMO_LOGINS, DEMO_PASSWORD, database_is_empty, seed_demo


class Command(BaseCommand):
    help = "Migrate, seed the demo data when the database is empty, then serve the site with a task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="web worker processes")
        parser.add_argument("--seed", type=int, default=1, help="seed of the demo data (when seeding)")
        parser.add_argument("--no-serve", action="store_true", help="prepare the database and stop")

    def handle(self, *args, host, port, workers, seed, no_serve, **options):
        if not 1 <= port <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, got {port}")
        if seed < 0:
            raise CommandError(f"--seed must be a whole number ≥ 0, got {seed}")
        if workers < 1:
            raise CommandError(f"--workers must be at least 1, got {workers}")
        call_command("migrate", interactive=False, verbosity=0)
        if database_is_empty():
            self.stdout.write("Seeding the demo data (first run)…")
            report = seed_demo(seed=seed, scale="demo")
            self.stdout.write(report.summary())
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nZoneBridge is at {url}"))
        self.stdout.write(f"API docs: {url}api/docs   Admin: {url}en/admin/")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role in DEMO_LOGINS:
            self.stdout.write(f"  {username:<18} {role}")
        if no_serve:
            return
        self.stdout.flush()
        # The task worker sends e-mail (console backend by default); it stops with the web server.
        worker = subprocess.Popen([sys.executable, "-m", "zonebridge", "run_huey", "--workers", "1", "--quiet"])
        try:
            subprocess.run(
                [sys.executable, "-m", "gunicorn", "zonebridge.wsgi:application", "--bind", f"{host}:{port}",
                 "--workers", str(workers), "--access-logfile", "-" if settings.DEBUG else "/dev/null"],
                check=False,
            )
        except KeyboardInterrupt:
            pass
        finally:
            worker.terminate()
            worker.wait(timeout=10)
