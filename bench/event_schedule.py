"""Benchmark of "schedule all" through the service layer and the database: `.venv/bin/python bench/event_schedule.py`.

A matchmaking day on PostgreSQL (a fresh database): 400 participants (200 visitors, 200 hosts of their own
organisations), 1,500 accepted meeting requests (a quarter with mutual interest, which weighs more), 16 slots of
20 minutes, 40 tables, each person unavailable in about 10% of the slots. Timed: from the operator's "schedule
all" (the job is queued) until the schedule is stored (meetings, seats and the run record written), run as the
task worker runs it; the engine's share is printed apart. Target: ≤ 2 s. `--backend sqlite` runs it on SQLite.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BENCH_DB = os.environ.get("BENCH_DB", "zonebridge_bench_events")
VISITORS = HOSTS = 200
REQUESTS = 1_500
SLOTS = 16
TABLES = 40
UNAVAILABILITY = 0.10
MUTUAL_SHARE = 0.25
TARGET_S = 2.0
REPEATS = 3


def build_day(seed: int):
    """The event, its people and their accepted meetings, written with the bulk helpers."""
    from zonebridge.accounts.models import User
    from zonebridge.directory.models import Organisation, Region, Zone
    from zonebridge.events.bulk import add_registrations, add_requests
    from zonebridge.events.models import Category, RequestState
    from zonebridge.events.services import setup

    rng = random.Random(seed)
    zone = Zone.objects.create(slug="bench", name_en="Bench", name_zh_hans="基准", name_zh_hant="基準",
                               region=Region.HONG_KONG, time_zone="Asia/Hong_Kong")
    operator = User.objects.create_user("bench-operator", "operator@bench.example", "x", is_superuser=True)
    event = setup.create_event(acting_user=operator, zone=zone, slug="bench-day", texts={"title_en": "Bench day"},
                               fields={"time_zone": "Asia/Hong_Kong", "starts_on": date(2031, 3, 4),
                                       "ends_on": date(2031, 3, 4), "day_starts_at": clock(9, 0),
                                       "day_ends_at": clock(14, 20), "meeting_minutes": 20, "tables": TABLES,
                                       "meeting_cap": SLOTS})
    assert event.slots.count() == SLOTS
    count = VISITORS + HOSTS
    organisations = Organisation.objects.bulk_create([
        Organisation(slug=f"org-{n}", kind="company", home_zone=zone, name_en=f"Company {n}") for n in range(count)])
    users = User.objects.bulk_create([User(username=f"person-{n}", email=f"p{n}@bench.example",
                                           display_name=f"Person {n}") for n in range(count)])
    registrations = add_registrations(event, [
        {"user": user, "organisation": organisation,
         "category": Category.VISITOR if n < VISITORS else Category.HOST}
        for n, (user, organisation) in enumerate(zip(users, organisations))])
    slots = list(event.slots.all())
    through = type(registrations[0]).unavailable.through
    through.objects.bulk_create([through(registration_id=r.pk, slot_id=s.pk) for r in registrations for s in slots
                                 if rng.random() < UNAVAILABILITY])
    visitors, hosts = registrations[:VISITORS], registrations[VISITORS:]
    popularity = [rng.lognormvariate(0, 0.6) for _ in hosts]
    pairs: dict[tuple[int, int], int] = {}
    load = {r.pk: 0 for r in registrations}
    while len(pairs) < REQUESTS:
        visitor, host = rng.choice(visitors), rng.choices(hosts, weights=popularity)[0]
        if (visitor.pk, host.pk) in pairs or max(load[visitor.pk], load[host.pk]) >= SLOTS:
            continue
        load[visitor.pk] += 1
        load[host.pk] += 1
        pairs[visitor.pk, host.pk] = 5 if rng.random() < MUTUAL_SHARE else 1
    by_pk = {r.pk: r for r in registrations}
    add_requests(event, [(by_pk[v], by_pk[h], RequestState.ACCEPTED, weight, "") for (v, h), weight in pairs.items()])
    # Mutual interest, recorded as the services would (the run recomputes each meeting's weight from it).
    from zonebridge.events.models import Interest

    Interest.objects.bulk_create([Interest(event=event, source_id=a, target_id=b, level="must")
                                  for (v, h), weight in pairs.items() if weight > 1 for a, b in ((v, h), (h, v))])
    return event, operator


def measure_in_this_process(seed: int) -> dict:
    """Migrate, build the day and time "schedule all" on the database DATABASE_URL names."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zonebridge.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from zonebridge.core.jobs import run_job, start_job
    from zonebridge.events.jobs import SCHEDULE, exclusive_key
    from zonebridge.events.models import Meeting, ScheduleRun, Seat

    call_command("migrate", verbosity=0, interactive=False)
    event, operator = build_day(seed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    totals, engines = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        job = start_job(SCHEDULE, acting_user=operator, exclusive_key=exclusive_key(event),
                        params={"event_id": event.pk, "mode": "all"})
        job = run_job(job.pk)
        totals.append(time.perf_counter() - started)
        assert job.state == "succeeded", job.error
        engines.append(ScheduleRun.objects.first().engine_seconds)
    run = ScheduleRun.objects.first()
    seats = list(Seat.objects.filter(slot__isnull=False).values_list("registration_id", "slot_id"))
    assert len(seats) == len(set(seats)), "a person is in two meetings at once"
    return {"vendor": connection.vendor, "meetings": Meeting.objects.count(), "scheduled": run.scheduled,
            "weight": run.weight, "upper_bound": run.upper_bound, "optimal": run.optimal, "method": run.method,
            "total_median": statistics.median(totals), "total_max": max(totals),
            "engine_median": statistics.median(engines), "warnings": len(run.warnings)}


def run_backend(backend: str, seed: int) -> dict:
    """Measure in a child process on a fresh database."""
    env = {**os.environ, "DEBUG": "true", "LOG_LEVEL": "ERROR"}
    env.pop("REDIS_URL", None)  # the job runs in this process, as a worker would; no queue needed
    with tempfile.TemporaryDirectory() as var:
        env["ZONEBRIDGE_VAR"] = var
        if backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{var}/bench.sqlite3"
        else:
            subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"DROP DATABASE IF EXISTS {BENCH_DB}"], check=True)
            subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"CREATE DATABASE {BENCH_DB}"], check=True)
            env["DATABASE_URL"] = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{BENCH_DB}"
        try:
            child = [sys.executable, __file__, "--child", "--seed", str(seed)]
            out = subprocess.run(child, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        except subprocess.CalledProcessError as error:
            sys.exit(f"{backend} run failed:\n{error.stdout}\n{error.stderr}")
        finally:
            if backend == "postgresql":
                subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"DROP DATABASE IF EXISTS {BENCH_DB}"],
                               check=False)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Print the time from "schedule all" to a stored schedule, the engine's share, and the target."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="postgresql", choices=["postgresql", "sqlite"])
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_in_this_process(args.seed)))
        return
    r = run_backend(args.backend, args.seed)
    print(f"{VISITORS + HOSTS} participants, {r['meetings']:,} accepted meetings, {SLOTS} slots, {TABLES} tables "
          f"({r['vendor']}, median of {REPEATS} runs)")
    print(f"  scheduled {r['scheduled']:,} meetings, weight {r['weight']:g} of at most {r['upper_bound']:g} "
          f"({'proven optimal' if r['optimal'] else 'not proven optimal'}, {r['method']}), {r['warnings']} warnings")
    print(f"  schedule all → stored schedule: {r['total_median']:.3f} s (slowest {r['total_max']:.3f} s)")
    print(f"    of which the engine:         {r['engine_median']:.3f} s; service, database and job: "
          f"{r['total_median'] - r['engine_median']:.3f} s")
    print(f"  target: ≤ {TARGET_S:.1f} s — {'met' if r['total_max'] <= TARGET_S else 'NOT met'}")


if __name__ == "__main__":
    main()
