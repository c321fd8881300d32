"""Load benchmark: 50 simulated visitors against gunicorn with DEBUG=false, on PostgreSQL + Redis and on SQLite.

    .venv/bin/python bench/load.py                       # 50 users, 60 s per back end, both back ends
    .venv/bin/python bench/load.py --duration 20 --backends sqlite --max-requests 2000   # a shorter run

For each back end it builds its own site (a PostgreSQL database `zb_load` it creates and drops, or an SQLite file
in a temporary directory; Redis db 4 as the cache on PostgreSQL), runs `zonebridge seed --scale demo`, collects
the static files with the manifest storage that DEBUG=false needs, starts gunicorn on a free loopback port,
and drives it with Locust used as a library (headless). The visitors browse the home page and the directory
list, search in English, 简体 and 繁體, open organisation profiles and sign in. A run stops by itself after
`--duration` seconds or `--max-requests` requests, whichever comes first; then everything is torn down.

Printed per page: requests, requests/s, p50/p95/p99 (ms) and errors. Target: 0 errors; directory pages p95 ≤ 150 ms
at the throughput the machine sustains.
"""

# Locust runs on gevent, which must patch the standard library before anything else imports it.
from locust import HttpUser, between, events, task  # noqa: I001
from locust.env import Environment

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gevent
import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
LOAD_DB = "zb_load"
REDIS_URL = "redis://127.0.0.1:6379/4"
DEMO_LOGIN = ("orgadmin", "zonebridge-demo")
SEARCHES = {
    "search (English)": ["battery", "fintech", "robotics", "supply chain", "cross-border payments", "drone"],
    "search (简体)": ["电池", "人工智能", "跨境支付", "新能源汽车", "机器人", "医疗器械"],
    "search (繁體)": ["電池", "人工智慧", "跨境支付", "應用場景", "機械人", "醫療器械"],
}
LANGUAGES = ("en", "zh-hans", "zh-hant")
DIRECTORY_PAGES = ("directory list", "search (English)", "search (简体)", "search (繁體)", "organisation profile")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(args: list[str], env: dict, what: str) -> None:
    """Run one setup step; stop the bench with its output when it fails."""
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{what} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")


def psql(sql: str) -> None:
    """Run one statement as the PostgreSQL administrator."""
    run(["psql", POSTGRES_ADMIN_URL, "-qc", sql], dict(os.environ), f"psql {sql!r}")


class Visitor(HttpUser):
    """One visitor: mostly the directory, sometimes a search or a profile, now and then a sign-in."""

    wait_time = between(1, 3)
    slugs: list[str] = []

    def on_start(self):
        self.language = random.choice(LANGUAGES)

    def _get(self, url: str, name: str, **kwargs):
        with self.client.get(url, name=name, catch_response=True, timeout=30, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task(2)
    def home(self):
        self._get(f"/{self.language}/", "home")

    @task(4)
    def directory(self):
        params = {"page": random.randint(1, 20)} if random.random() < 0.3 else {}
        self._get(f"/{self.language}/organisations/", "directory list", params=params)

    @task(4)
    def search(self):
        name, queries = random.choice(list(SEARCHES.items()))
        self._get(f"/{self.language}/organisations/", name, params={"q": random.choice(queries)})

    @task(4)
    def profile(self):
        self._get(f"/{self.language}/organisations/{random.choice(self.slugs)}/", "organisation profile")

    @task(1)
    def sign_in(self):
        self.client.cookies.clear()
        url = f"/{self.language}/accounts/sign-in/"
        page = self.client.get(url, name="sign-in page", timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        with self.client.post(url, name="sign in (POST)", catch_response=True, allow_redirects=False, timeout=30,
                              data={"username": DEMO_LOGIN[0], "password": DEMO_LOGIN[1],
                                    "csrfmiddlewaretoken": token.group(1) if token else ""}) as response:
            if response.status_code != 302:
                response.failure(f"HTTP {response.status_code}: not signed in")
        self.client.cookies.clear()


def organisation_slugs(base_url: str) -> list[str]:
    """Slugs of a few hundred organisations, read through the public API."""
    slugs = []
    for page in range(1, 6):
        body = requests.get(f"{base_url}/api/v1/organisations", params={"page": page, "page_size": 100},
                            timeout=30).json()
        slugs += [item["slug"] for item in body["items"]]
    return slugs


def warm_up(base_url: str, workers: int, slugs: list[str]) -> None:
    """Load what each worker loads on its first requests (jieba's dictionary, templates), so figures are steady."""
    for _ in range(8 * workers):
        for queries in SEARCHES.values():
            requests.get(f"{base_url}/en/organisations/", params={"q": random.choice(queries)}, timeout=60)
        requests.get(f"{base_url}/zh-hant/organisations/{random.choice(slugs)}/", timeout=60)
        requests.get(f"{base_url}/zh-hans/", timeout=60)


def drive(base_url: str, users: int, spawn_rate: float, duration: float, max_requests: int,
          workers: int, think: tuple[float, float]) -> tuple[dict, float]:
    """Run the visitors until `duration` seconds or `max_requests` requests; return the stats and the seconds."""
    Visitor.host = base_url
    Visitor.wait_time = between(*think)
    Visitor.slugs = organisation_slugs(base_url)
    warm_up(base_url, workers, Visitor.slugs)
    environment = Environment(user_classes=[Visitor], events=events)
    runner = environment.create_local_runner()
    sent = [0]

    def count(**_kwargs):
        sent[0] += 1
        if sent[0] == max_requests:
            gevent.spawn(runner.quit)

    environment.events.request.add_listener(count)
    started = time.perf_counter()
    runner.start(users, spawn_rate=spawn_rate)
    gevent.spawn_later(duration, runner.quit)
    runner.greenlet.join()
    elapsed = time.perf_counter() - started
    environment.events.request.remove_listener(count)
    stats = {name: entry for (name, _method), entry in environment.stats.entries.items()}
    stats["all pages"] = environment.stats.total
    return stats, elapsed


def wait_until_up(base_url: str, server: subprocess.Popen, log: Path) -> None:
    """Wait for gunicorn to answer the home page."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{log.read_text()[-4000:]}")
        try:
            if requests.get(f"{base_url}/en/", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer within 60 s:\n{log.read_text()[-4000:]}")


def bench_backend(backend: str, args) -> tuple[dict, float, float]:
    """Build a site on `backend`, serve it with gunicorn, load it; tear it all down. Return stats and timings."""
    var = Path(tempfile.mkdtemp(prefix=f"zb-load-{backend}-"))
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "load-bench-" + os.urandom(16).hex(),
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_COOKIES": "false", "ZONEBRIDGE_VAR": str(var),
           "STATIC_ROOT": str(var / "static"), "MEDIA_ROOT": str(var / "media"), "LOG_LEVEL": "ERROR"}
    env.pop("REDIS_URL", None)
    if backend == "postgresql":
        psql(f"DROP DATABASE IF EXISTS {LOAD_DB}")
        psql(f"CREATE DATABASE {LOAD_DB}")
        env["DATABASE_URL"] = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{LOAD_DB}"
        env["REDIS_URL"] = REDIS_URL
    else:
        env["DATABASE_URL"] = f"sqlite:///{var / 'load.sqlite3'}"
    server = None
    try:
        zonebridge = str(BIN / "zonebridge")
        run([zonebridge, "migrate", "--verbosity", "0"], env, "migrate")
        started = time.perf_counter()
        run([zonebridge, "seed", "--seed", "1", "--scale", "demo"], env, "seed")
        seed_seconds = time.perf_counter() - started
        # DEBUG=false serves static files through the manifest storage: collect them for this site.
        run([zonebridge, "collectstatic", "--noinput", "--verbosity", "0"], env, "collectstatic")
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log = var / "gunicorn.log"
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "zonebridge.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.workers), "--access-logfile", "/dev/null", "--error-logfile", str(log)],
            env=env, cwd=ROOT)
        wait_until_up(base_url, server, log)
        stats, elapsed = drive(base_url, args.users, args.spawn_rate, args.duration, args.max_requests,
                               args.workers, args.think)
        return stats, elapsed, seed_seconds
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if backend == "postgresql":
            psql(f"DROP DATABASE IF EXISTS {LOAD_DB}")
            import redis

            redis.Redis.from_url(REDIS_URL).flushdb()
        shutil.rmtree(var, ignore_errors=True)


def print_table(backend: str, stats: dict, elapsed: float, seed_seconds: float, args) -> bool:
    """Print one back end's figures; return whether it met the target."""
    print(f"\n{backend}: {args.users} users thinking {args.think[0]:g}-{args.think[1]:g} s, {elapsed:.0f} s, "
          f"{args.workers} gunicorn workers, "
          f"seed --scale demo {seed_seconds:.0f} s")
    print(f"{'page':<22} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>7}")
    met = True
    order = ["home", *DIRECTORY_PAGES, "sign-in page", "sign in (POST)", "all pages"]
    for name in [name for name in order if name in stats]:
        entry = stats[name]
        p95 = entry.get_response_time_percentile(0.95) or 0
        print(f"{name:<22} {entry.num_requests:>8} {entry.num_requests / elapsed:>7.1f} "
              f"{entry.get_response_time_percentile(0.5) or 0:>7.0f} {p95:>7.0f} "
              f"{entry.get_response_time_percentile(0.99) or 0:>7.0f} {entry.num_failures:>7}")
        met &= entry.num_failures == 0 and (name not in DIRECTORY_PAGES or p95 <= 150)
    return met


def main() -> None:
    """Run the load test on each back end and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="postgresql,sqlite")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load per back end")
    parser.add_argument("--max-requests", type=int, default=20_000, help="stop earlier after this many requests")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--think", type=lambda text: tuple(float(part) for part in text.split(",")), default=(1, 3),
                        help="seconds a visitor waits between pages, MIN,MAX (default 1,3)")
    args = parser.parse_args()
    if not (1 <= args.users <= 500 and 1 <= args.duration <= 900 and args.max_requests >= 1):
        parser.error("bounded runs only: 1-500 users, 1-900 s, at least 1 request")
    results = {}
    for backend in [name.strip() for name in args.backends.split(",")]:
        if backend not in ("postgresql", "sqlite"):
            parser.error(f"unknown back end {backend!r}")
        results[backend] = print_table(backend, *bench_backend(backend, args), args)
    print("\ntarget: 0 errors; directory pages p95 ≤ 150 ms —",
          ", ".join(f"{backend} {'met' if met else 'NOT met'}" for backend, met in results.items()))


if __name__ == "__main__":
    main()
