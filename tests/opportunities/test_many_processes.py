"""One index, many processes: a posting created through one web process is found through another within
seconds, the index having been updated by a separate task worker (three real processes, no shared memory).
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ZONEBRIDGE = str(Path(sys.executable).parent / "zonebridge")
GUNICORN = str(Path(sys.executable).parent / "gunicorn")

SETUP_WORLD = """
from zonebridge.accounts.models import Membership, Role, User
from zonebridge.accounts.services import issue_api_token
from zonebridge.directory.models import Region, Zone
from zonebridge.directory.services import create_organisation
zone = Zone.objects.create(slug="lingang", name_en="Lingang", name_zh_hans="临港", name_zh_hant="臨港",
                           region=Region.MAINLAND)
org = create_organisation(home_zone=zone, kind="company", slug="sinovolt", chinese_source="zh_hans",
                          texts={"name_en": "Sinovolt"})
user = User.objects.create_user("poster", "poster@example.org", "x-password-x", home_zone=zone)
Membership.objects.create(user=user, organisation=org, role=Role.ORG_ADMIN)
print(issue_api_token(user, "two-processes")[1])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str, **params):
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode(params), timeout=30) as response:
        return json.loads(response.read())


def wait_until_up(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not start")


def test_a_posting_made_through_one_process_is_found_through_another(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE",
                                                            "HUEY_IMMEDIATE"}}
    env.update(ZONEBRIDGE_VAR=str(tmp_path), DEBUG="true", SECRET_KEY="two-processes-" + "x" * 40,
               ALLOWED_HOSTS="127.0.0.1,localhost", HUEY_IMMEDIATE="false")
    run = {"env": env, "capture_output": True, "text": True, "timeout": 300}
    subprocess.run([ZONEBRIDGE, "migrate", "--verbosity", "0"], check=True, **run)
    token = subprocess.run([ZONEBRIDGE, "shell", "-c", SETUP_WORLD], check=True, **run).stdout.strip().splitlines()[-1]

    ports = [free_port(), free_port()]
    processes = [subprocess.Popen([GUNICORN, "zonebridge.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in ports]
    # The worker as `zonebridge run` starts it: an idle queue is polled at most every second.
    processes.append(subprocess.Popen([ZONEBRIDGE, "run_huey", "--workers", "1", "--delay", "0.1", "--max-delay", "1"],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        first, second = (f"http://127.0.0.1:{port}/api/v1/opportunities" for port in ports)
        deadline = time.monotonic() + 120
        for url in (first, second):
            wait_until_up(url, deadline)
            get_json(url, q="warm up")  # loads the engine's weights once in each process
        body = json.dumps({"organisation": "sinovolt", "kind": "technology_request",
                           "title": "寻找电池管理系统软件团队",
                           "description": "临港动力电池工厂寻找香港的电池管理系统（BMS）软件合作伙伴。"}).encode()
        request = urllib.request.Request(first, data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            created = json.loads(response.read())
        posted = time.monotonic()
        found_after = None
        while time.monotonic() - posted < 20:
            hits = get_json(second, q="battery management software")["items"]
            if any(hit["id"] == created["id"] for hit in hits):
                found_after = time.monotonic() - posted
                break
            time.sleep(0.2)
        assert found_after is not None, "the second process never found the posting"
        print(f"found through the other process after {found_after:.2f} s")
        assert found_after < 10
        hit = next(h for h in get_json(second, q="battery management software")["items"] if h["id"] == created["id"])
        assert any("电池" in reason for reason in hit["why"])
        # The first process, which took the request, finds it too (it reloads by the same stamp).
        assert any(h["id"] == created["id"] for h in get_json(first, q="電池管理系統")["items"])
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
