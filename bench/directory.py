"""Directory benchmark: seed time, then p50/p95 of the directory list and search pages, SQLite and PostgreSQL.

    .venv/bin/python bench/directory.py [--backends sqlite,postgresql] [--requests 200]

Each back end runs in its own process on a fresh database: `zonebridge seed --scale demo` is timed, then the
engine's profiles index that orders search results is built (timed: the task worker does this after a seed),
then the pages are requested in-process through Django's full request/response stack (middleware, ORM, templates),
which is what one application process does per request. Target: list and search p95 ≤ 150 ms.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BENCH_DB = "zonebridge_bench"

SEARCH_QUERIES = ["电池", "電池", "battery", "人工智能", "人工智慧", "fintech", "跨境支付", "robotics", "医疗器械",
                  "醫療器械", "logistics", "新能源汽车", "應用場景", "supply chain", "芯片", "drone", "smart city",
                  "碳中和", "cross-border e-commerce", "机器人"]


def percentile(samples: list[float], fraction: float) -> float:
    """The `fraction` quantile of `samples` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def measure_in_this_process(requests: int, seed: int) -> dict:
    """Migrate, seed and time the pages on the database that DATABASE_URL names."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zonebridge.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from zonebridge.demo.seed import seed_demo
    from zonebridge.directory.models import Organisation, Sector, Zone
    from zonebridge.directory.ranking import ORGANISATIONS

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    seed_demo(seed=seed, scale="demo")
    seed_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ORGANISATIONS.rebuild()
    ORGANISATIONS.recheck()
    index_seconds = time.perf_counter() - started

    client = Client()
    rng = random.Random(seed)
    zones = list(Zone.objects.values_list("slug", flat=True))
    sectors = list(Sector.objects.values_list("slug", flat=True))
    languages = ["en", "zh-hans", "zh-hant"]

    def list_params():
        params = {}
        if rng.random() < 0.5:
            params["zone"] = rng.choice(zones)
        if rng.random() < 0.4:
            params["sector"] = rng.choice(sectors)
        if rng.random() < 0.3:
            params["kind"] = "startup"
        if rng.random() < 0.3:
            params["page"] = rng.randint(1, 20)
        return params

    def timed(params_factory) -> list[float]:
        for _ in range(10):  # warm caches and connections
            client.get(f"/{rng.choice(languages)}/organisations/", params_factory())
        samples = []
        for _ in range(requests):
            url, params = f"/{rng.choice(languages)}/organisations/", params_factory()
            start = time.perf_counter()
            response = client.get(url, params)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, params, response.status_code)
        return samples

    list_ms = timed(list_params)
    def search_params():
        params = {"q": rng.choice(SEARCH_QUERIES)}
        if rng.random() < 0.3:
            params["zone"] = rng.choice(zones)
        return params

    search_ms = timed(search_params)
    return {
        "organisations": Organisation.objects.count(),
        "seed_seconds": seed_seconds, "index_seconds": index_seconds,
        "list_p50": statistics.median(list_ms), "list_p95": percentile(list_ms, 0.95),
        "search_p50": statistics.median(search_ms), "search_p95": percentile(search_ms, 0.95),
    }


def run_backend(backend: str, requests: int, seed: int) -> dict:
    """Run the measurement for one back end in a child process on a fresh database."""
    env = {**os.environ, "DEBUG": "true", "LOG_LEVEL": "ERROR"}
    with tempfile.TemporaryDirectory() as var:
        env["ZONEBRIDGE_VAR"] = var
        if backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{var}/bench.sqlite3"
        else:
            admin = POSTGRES_ADMIN_URL
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {BENCH_DB}"], check=True)
            subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {BENCH_DB}"], check=True)
            env["DATABASE_URL"] = admin.rsplit("/", 1)[0] + f"/{BENCH_DB}"
        try:
            child = [sys.executable, __file__, "--child", "--requests", str(requests), "--seed", str(seed)]
            out = subprocess.run(child, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        except subprocess.CalledProcessError as error:
            sys.exit(f"{backend} run failed:\n{error.stdout}\n{error.stderr}")
        finally:
            if backend == "postgresql":
                subprocess.run(["psql", POSTGRES_ADMIN_URL, "-qc", f"DROP DATABASE IF EXISTS {BENCH_DB}"], check=False)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Print the seed time and page latencies per back end."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_in_this_process(args.requests, args.seed)))
        return
    print(f"{'backend':<11} {'orgs':>5} {'seed s':>7} {'index s':>8} {'list p50':>9} {'list p95':>9} "
          f"{'search p50':>11} {'search p95':>11}")
    for backend in args.backends.split(","):
        r = run_backend(backend.strip(), args.requests, args.seed)
        print(f"{backend:<11} {r['organisations']:>5} {r['seed_seconds']:>7.1f} {r['index_seconds']:>8.1f} "
              f"{r['list_p50']:>7.1f}ms {r['list_p95']:>7.1f}ms {r['search_p50']:>9.1f}ms {r['search_p95']:>9.1f}ms")
    print("targets: seed ≤ 60 s (SQLite); list and search p95 ≤ 150 ms")


if __name__ == "__main__":
    main()
