"""`zonebridge seed`: fill an empty database with the demo world and print the demo logins."""

import argparse

from django.core.management.base import BaseCommand, CommandError

from zonebridge.demo.seed import SCALES, SeedRefused, seed_demo, validate_arguments


def non_negative_int(value: str) -> int:
    """argparse type: an integer ≥ 0."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer ≥ 0, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be an integer ≥ 0, got {value!r}")
    return number


class Command(BaseCommand):
    help = ("Fill an empty database with demo data: two sister zones, their start-ups and companies, universities, "
            "students and one login per role. The same --seed always gives the same data.")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=non_negative_int, default=1,
                            help="random seed, an integer ≥ 0 (default 1)")
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo",
                            help="demo: ~2,500 organisations and 5,000 students; small: a few dozen, for tests")
        parser.add_argument("--reset", action="store_true",
                            help="delete ALL existing data first (Django's flush), then seed")

    def handle(self, *args, seed, scale, reset, **options):
        # call_command(seed=-1) skips argparse, so the values are checked again here.
        try:
            validate_arguments(seed, scale)
        except ValueError as error:
            raise CommandError(str(error)) from None
        try:
            report = seed_demo(seed=seed, scale=scale, reset=reset)
        except SeedRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.summary())
        self.stdout.write(f"Demo logins (password for all: {report.logins[0].password}):")
        for login in report.logins:
            self.stdout.write(f"  {login.username:<18} {login.role}")
