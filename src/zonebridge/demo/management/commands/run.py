"""`zonebridge run`: migrate and serve the site with a task worker; `--demo` also seeds the demo world.

Without `--demo` it never seeds, so a production start can never create the demo logins (a superuser with
a published password). `--demo` is refused when DEBUG is off: the demo is for trying ZoneBridge out.
"""

import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from zonebridge.demo.seed import DEMO_LOGINS, DEMO_PASSWORD, database_is_empty, seed_demo


def _stop_on_sigterm(signum, frame):
    """Turn SIGTERM (a service manager stopping us) into SystemExit so the web server and worker stop too."""
    raise SystemExit(0)


class Command(BaseCommand):
    help = ("Migrate, then serve the site (gunicorn) with a task worker (Huey). "
            "With --demo (debug mode only) seed the demo data first when the database is empty.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="web worker processes")
        parser.add_argument("--demo", action="store_true",
                            help="seed the demo data (with its public demo logins) when the database is empty; "
                                 "refused unless DEBUG=true")
        parser.add_argument("--seed", type=int, default=1, help="seed of the demo data (with --demo)")
        parser.add_argument("--no-serve", action="store_true", help="prepare the database and stop")

    def handle(self, *args, host, port, workers, demo, seed, no_serve, **options):
        if not 1 <= port <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, got {port}")
        if seed < 0:
            raise CommandError(f"--seed must be a whole number ≥ 0, got {seed}")
        if workers < 1:
            raise CommandError(f"--workers must be at least 1, got {workers}")
        if demo and not settings.DEBUG:
            raise CommandError(
                "Refusing to seed the demo data with DEBUG=false: the demo logins, a superuser among them, "
                "have a published password. Use `make demo` (or DEBUG=true) to try ZoneBridge out; a production "
                "site starts with `zonebridge run` without --demo and `zonebridge createsuperuser`.")
        call_command("migrate", interactive=False, verbosity=0)
        url = f"http://{host}:{port}/"
        if demo:
            if database_is_empty():
                self.stdout.write("Seeding the demo data (first run)…")
                report = seed_demo(seed=seed, scale="demo")
                self.stdout.write(report.summary())
            self.stdout.write(self.style.SUCCESS(f"\nZoneBridge is at {url}"))
            self.stdout.write(f"API docs: {url}api/docs   Admin: {url}en/admin/")
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, role in DEMO_LOGINS:
                self.stdout.write(f"  {username:<18} {role}")
        else:
            self.stdout.write(self.style.SUCCESS(f"ZoneBridge is at {url}"))
            if database_is_empty():
                self.stdout.write("The database is empty: create the first account with "
                                  "`zonebridge createsuperuser` (demo data only with `--demo` in debug mode).")
        if no_serve:
            return
        self.stdout.flush()
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        # The task worker sends e-mail (console backend by default); it stops with the web server. It polls an
        # idle queue at most every second (Huey's default backs off to 10 s), so a job starts while one watches.
        worker = subprocess.Popen([sys.executable, "-m", "zonebridge", "run_huey", "--workers", "1", "--quiet",
                                   "--delay", "0.1", "--max-delay", "1"])
        web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "zonebridge.wsgi:application", "--bind", f"{host}:{port}",
             "--workers", str(workers), "--access-logfile", "-" if settings.DEBUG else "/dev/null"])
        try:
            web.wait()
        except KeyboardInterrupt:
            pass
        finally:
            # Ctrl-C, or SIGTERM turned into SystemExit: stop both gracefully (gunicorn then stops its workers).
            for process in (web, worker):
                if process.poll() is None:
                    process.terminate()
            for process in (web, worker):
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
