"""Programme match benchmark: 5,000 students × 600 positions through the service layer, SQLite and PostgreSQL.

    .venv/bin/python bench/programme_match.py [--backends sqlite,postgresql] [--students 5000] [--positions 600]

Each back end runs in its own process on a fresh database. Set-up (not timed): hosts, universities and students
are bulk-inserted; each student applies and ranks 10 positions drawn with Zipf-like popularity; each position
ranks everyone who ranked it by a common score plus its own noise. Timed: the operator's dry-run preview
(`preview_match`), then the committed match as the job the page starts (`start_placement_run` + the job):
rank lists read from the database, the engine, the stability check and explanations, the `PlacementRun`, one
offer per placed student, the round published; then, apart, the job its commit queues, which tells every student,
host admin and the operator (one notification each, written in bulk; their e-mails queued after commit, one
task per 200: on SQLite into Huey's SQLite file; on PostgreSQL into Redis, as a set-up beyond one machine runs).
The engine's share (placement + stability check + explanations) is printed apart. Target: the committed run
≤ 10 s on each back end.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BENCH_DB = os.environ.get("PROGRAMME_BENCH_DB", "zb_programmes_bench")
# PostgreSQL runs as beyond one machine: with Redis for the task queue (this project's bench uses its db 5).
BENCH_REDIS = os.environ.get("PROGRAMME_BENCH_REDIS", "redis://127.0.0.1:6379/5")
PREFS = 10
SEED = 20261130


def build(students: int, positions: int) -> tuple:
    """The programme world in bulk: returns (round, operator)."""
    from datetime import date, timedelta

    import numpy as np
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from zonebridge.accounts.models import Membership, Role, User
    from zonebridge.directory.models import Organisation, Region, Zone
    from zonebridge.programmes import services
    from zonebridge.programmes.models import Application, HostRank, Position, StudentRank

    rng = np.random.default_rng(SEED)
    sh = Zone.objects.create(slug="lingang", name_en="Lingang", name_zh_hans="临港", name_zh_hant="臨港",
                             region=Region.MAINLAND)
    hk = Zone.objects.create(slug="hk-hub", name_en="Harbour Hub", name_zh_hans="海港", name_zh_hant="海港",
                             region=Region.HONG_KONG, time_zone="Asia/Hong_Kong")
    password = make_password("bench-password")
    operator = User.objects.create(username="operator", email="operator@bench.example", password=password)
    hk.operators.add(operator)
    hosts = Organisation.objects.bulk_create([
        Organisation(slug=f"host-{i}", kind="startup", home_zone=hk, name_en=f"Host {i}", name_zh_hans=f"主办{i}",
                     name_zh_hant=f"主辦{i}", chinese_source="zh_hant") for i in range(positions // 3)])
    universities = Organisation.objects.bulk_create([
        Organisation(slug=f"uni-{i}", kind="university", home_zone=sh, name_en=f"University {i}",
                     name_zh_hans=f"大学{i}", name_zh_hant=f"大學{i}") for i in range(20)])
    admins = User.objects.bulk_create([User(username=f"admin{i}", email=f"admin{i}@bench.example", password=password)
                                       for i in range(len(hosts))])
    users = User.objects.bulk_create([User(username=f"s{i}", email=f"s{i}@bench.example", password=password,
                                           home_zone=sh) for i in range(students)])
    university_of = rng.integers(0, len(universities), size=students)
    Membership.objects.bulk_create(
        [Membership(user=u, organisation=universities[university_of[i]], role=Role.STUDENT)
         for i, u in enumerate(users)]
        + [Membership(user=a, organisation=h, role=Role.ORG_ADMIN) for a, h in zip(admins, hosts)])

    programme = services.create_programme(acting_user=operator, texts={"title_en": "Bench programme"}, fields={
        "slug": "bench", "home_zone": sh, "host_zone": hk, "starts_on": date(2027, 6, 1),
        "ends_on": date(2027, 8, 31)})
    now = timezone.now()
    round_ = services.create_round(programme, acting_user=operator, applications_close_at=now + timedelta(days=1),
                                   offer_deadline=now + timedelta(days=10))
    capacities = rng.integers(5, 11, size=positions)
    places = Position.objects.bulk_create([
        Position(round=round_, host=hosts[j % len(hosts)], capacity=int(capacities[j]), title_en=f"Position {j}",
                 title_zh_hans=f"职位{j}", title_zh_hant=f"職位{j}", chinese_source="zh_hant")
        for j in range(positions)])
    round_ = services.transition_round(round_, "open", acting_user=operator)
    applications = Application.objects.bulk_create([
        Application(round=round_, student=u, university=universities[university_of[i]]) for i, u in enumerate(users)])

    # Zipf-like popularity; each student ranks PREFS distinct positions (Gumbel top-k), best first.
    log_popularity = -0.8 * np.log(np.arange(1, positions + 1))
    rng.shuffle(log_popularity)
    keys = log_popularity + rng.gumbel(size=(students, positions))
    top = np.argpartition(-keys, PREFS, axis=1)[:, :PREFS]
    chosen = np.take_along_axis(top, np.argsort(-np.take_along_axis(keys, top, axis=1), axis=1), axis=1)
    StudentRank.objects.bulk_create([
        StudentRank(application=applications[i], position=places[j], rank=r + 1)
        for i in range(students) for r, j in enumerate(chosen[i].tolist())], batch_size=5000)
    score = rng.normal(size=students)
    wanted: dict[int, list[tuple[float, int]]] = {}
    for i in range(students):
        for j in chosen[i].tolist():
            wanted.setdefault(j, []).append((score[i] + rng.normal(scale=0.5), i))
    HostRank.objects.bulk_create([
        HostRank(position=places[j], application=applications[i], rank=r + 1)
        for j, pairs in wanted.items() for r, (_s, i) in enumerate(sorted(pairs, reverse=True))], batch_size=5000)
    for name in ("start_review", "start_matching"):
        round_ = services.transition_round(round_, name, acting_user=operator)
    return round_, operator


def measure_in_this_process(students: int, positions: int) -> dict:
    """Migrate, build the world, time the preview and the committed run on the database DATABASE_URL names."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zonebridge.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from zonebridge.core.jobs import run_job
    from zonebridge.core.models import Job, Notification
    from zonebridge.programmes import services
    from zonebridge.programmes.models import Offer, PlacementRun
    from zonebridge.programmes.services.placement import NOTIFY_JOB

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    round_, operator = build(students, positions)
    setup_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    started = time.perf_counter()
    preview = services.preview_match(round_, acting_user=operator)
    preview_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        job = services.start_placement_run(round_, acting_user=operator)
    job = run_job(job.pk)
    run_seconds = time.perf_counter() - started
    assert job.state == "succeeded", job.error
    run = PlacementRun.objects.get(round=round_)
    # The job that tells everyone is queued by the run's commit; a task worker would pick it up now.
    started = time.perf_counter()
    told = run_job(Job.objects.get(kind=NOTIFY_JOB, params__run=run.pk).pk)
    notify_seconds = time.perf_counter() - started
    assert told.state == "succeeded", told.error
    from huey.contrib.djhuey import HUEY

    HUEY.flush()  # no worker reads this queue: leave no e-mail tasks behind
    return {
        "setup_seconds": setup_seconds, "preview_seconds": preview_seconds,
        "preview_engine_seconds": preview["engine_seconds"], "run_seconds": run_seconds,
        "run_engine_seconds": run.engine_seconds, "notify_seconds": notify_seconds, "placed": run.stats["placed"],
        "places": run.stats["places"],
        "students": run.stats["candidates"], "stable": run.stable, "offers": Offer.objects.count(),
        "notifications": Notification.objects.count(),
    }


def run_backend(backend: str, students: int, positions: int) -> dict:
    """Run the measurement for one back end in a child process on a fresh database."""
    env = {**os.environ, "DEBUG": "true", "LOG_LEVEL": "ERROR"}
    env.pop("REDIS_URL", None)
    with tempfile.TemporaryDirectory() as var:
        env["ZONEBRIDGE_VAR"] = var
        if backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{var}/bench.sqlite3"
        else:
            subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"DROP DATABASE IF EXISTS {BENCH_DB}"], check=True)
            subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"CREATE DATABASE {BENCH_DB}"], check=True)
            env["DATABASE_URL"] = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{BENCH_DB}"
            env["REDIS_URL"] = BENCH_REDIS
        try:
            child = [sys.executable, __file__, "--child", "--students", str(students), "--positions", str(positions)]
            out = subprocess.run(child, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        except subprocess.CalledProcessError as error:
            sys.exit(f"{backend} run failed:\n{error.stdout}\n{error.stderr}")
        finally:
            if backend == "postgresql":
                subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"DROP DATABASE IF EXISTS {BENCH_DB}"],
                               check=False)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Print, per back end, the preview and the committed run with the engine's share of each."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--positions", type=int, default=600)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_in_this_process(args.students, args.positions)))
        return
    print(f"{'backend':<11} {'students':>8} {'places':>6} {'placed':>6} {'stable':>6} {'preview s':>9} "
          f"{'(engine)':>8} {'run s':>6} {'(engine)':>8} {'offers':>6} {'notices':>7} {'telling s':>9}")
    for backend in args.backends.split(","):
        r = run_backend(backend.strip(), args.students, args.positions)
        print(f"{backend:<11} {r['students']:>8} {r['places']:>6} {r['placed']:>6} {str(r['stable']):>6} "
              f"{r['preview_seconds']:>9.2f} {r['preview_engine_seconds']:>8.2f} {r['run_seconds']:>6.2f} "
              f"{r['run_engine_seconds']:>8.2f} {r['offers']:>6} {r['notifications']:>7} "
              f"{r['notify_seconds']:>9.2f}")
    print("target: the committed run (rank lists read, engine, run, offers, round published) ≤ 10 s on each back "
          "end; telling everyone is the job that follows its commit, timed apart")


if __name__ == "__main__":
    main()
