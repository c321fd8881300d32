"""Seed the demo world: two sister zones, their organisations, universities, students and one login per role.

`seed_demo(seed=..., scale=...)` is the use case behind `zonebridge seed` and `zonebridge run --demo`. The texts
come from `zonebridge.demo.content`; one module per area turns them into rows, calling the same services (or
bulk helpers beside them) that users' actions go through. An app that lands adds its module here and to
`AREAS`, after the areas it builds on. Everything is written in one transaction: the demo scale (about 2,500
organisations and 5,000 students) takes seconds on SQLite.
"""

import random
import time
from dataclasses import dataclass

from django.db import connection, transaction
from faker import Faker

from zonebridge.accounts.models import User
from zonebridge.demo.content.accounts import DEMO_PASSWORD
from zonebridge.demo.content.people import FAKER_LOCALES
from zonebridge.demo.seed import bulletins, directory, events, landing, opportunities, people, programmes
from zonebridge.demo.seed.directory import allocate
from zonebridge.demo.seed.people import DEMO_LOGINS
from zonebridge.demo.seed.world import SCALES, DemoWorld, Scale
from zonebridge.directory.models import Organisation, Zone

__all__ = ["AREAS", "DEMO_LOGINS", "DEMO_PASSWORD", "SCALES", "DemoLogin", "Scale", "SeedRefused", "SeedReport",
           "allocate", "database_is_empty", "reset_database", "seed_demo", "validate_arguments"]

# The areas in the order they are seeded (and reset in reverse).
AREAS = [directory, people, landing, bulletins, events, programmes, opportunities]


@dataclass(frozen=True)
class DemoLogin:
    """A login to try the demo with."""

    username: str
    password: str
    role: str


@dataclass(frozen=True)
class SeedReport:
    """What `seed_demo` created: counts by name, the demo logins and how long it took."""

    seed: int
    scale: str
    counts: dict[str, int]
    logins: tuple[DemoLogin, ...]
    seconds: float

    def summary(self) -> str:
        """A few lines for the terminal: what was created and how long it took (the logins are printed apart)."""
        c = self.counts
        lines = [
            f"Seeded the {self.scale} data set (seed {self.seed}) in {self.seconds:.1f} s:",
            f"  zones {c['zones']}, sectors {c['sectors']} ({c['top_level_sectors']} top-level)",
            f"  organisations {c['organisations']:,}: Hong Kong {c['organisations_hk']:,}, "
            f"Lingang {c['organisations_sh']:,}",
        ]
        for side, label in (("hk", "Hong Kong"), ("sh", "Lingang")):
            kinds = ", ".join(f"{kind.replace('_', ' ')} {c[f'{side}_{kind}']:,}"
                              for kind in ("startup", "company", "incubator", "investor", "service_provider",
                                           "media", "university") if c.get(f"{side}_{kind}"))
            lines.append(f"    {label}: {kinds}")
        lines.append(f"  users {c['users']:,}: students {c['students']:,} "
                     f"({c['consents_active']:,} with cross-border consent), coordinators {c['coordinators']}, "
                     f"demo logins {c['demo_accounts']}")
        return "\n".join(lines)


class SeedRefused(Exception):
    """The database already holds data; seeding on top of it would mix demo and real records."""


def database_is_empty() -> bool:
    """True when there are no zones, organisations or users yet (a fresh database after `migrate`)."""
    return not (Zone.objects.exists() or Organisation.objects.exists() or User.objects.exists())


def reset_database() -> None:
    """Delete every area's rows, the last-seeded area first, inside the caller's transaction.

    Not `flush`: PostgreSQL refuses TRUNCATE while the same transaction has pending foreign-key checks.
    """
    for area in reversed(AREAS):
        area.reset()


def validate_arguments(seed, scale) -> None:
    """Raise ValueError unless `seed` is an integer ≥ 0 and `scale` is one of SCALES."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be an integer ≥ 0, got {seed!r}")
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {', '.join(SCALES)}, got {scale!r}")


def seed_demo(*, seed: int, scale: str, reset: bool = False) -> SeedReport:
    """Fill an empty database with the demo world; the same seed and scale always write the same data.

    With `reset`, every existing row is deleted first, in the same transaction: if seeding fails, the old
    data is still there.
    """
    validate_arguments(seed, scale)
    started = time.perf_counter()
    rng = random.Random(seed)
    fake = Faker(list(FAKER_LOCALES))
    fake.seed_instance(seed)
    with transaction.atomic():
        if reset:
            reset_database()
        if not database_is_empty():
            raise SeedRefused("the database already holds data; use --reset to delete it first")
        world = DemoWorld(rng, fake, SCALES[scale])
        for area in AREAS:
            area.seed(world)
        counts = dict(world.counts)
    refresh_planner_statistics()
    logins = tuple(DemoLogin(username, DEMO_PASSWORD, world.login_roles.get(username, role))
                   for username, role in DEMO_LOGINS)
    return SeedReport(seed=seed, scale=scale, counts=counts, logins=logins,
                      seconds=round(time.perf_counter() - started, 2))


def refresh_planner_statistics() -> None:
    """After a bulk load, let the database planner see the new row counts (or it keeps choosing scans)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
