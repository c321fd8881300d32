"""The `zonebridge` command: `engine ...` runs the framework-free engine, anything else is Django's manage.py."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Dispatch to the engine CLI (without starting Django) or to Django's management commands."""
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "engine":
        # The engine must start fast and run where no database exists: never import Django here.
        from zonebridge.engine.cli import main as engine_main

        sys.exit(engine_main(argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zonebridge.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
