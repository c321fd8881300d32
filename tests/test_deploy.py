"""Production posture: safe defaults, `check --deploy` clean with the README's variables, a production start that
serves pages and static files, and /media/ serving only public files."""

import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from zonebridge.directory.models import Zone

ROOT = Path(__file__).resolve().parent.parent
ZONEBRIDGE = str(Path(sys.executable).parent / "zonebridge")
# A Redis database of its own, so the task worker started here takes no one else's tasks.
REDIS_URL = "redis://127.0.0.1:6379/13"


def documented_production_env() -> dict[str, str]:
    """The variables the README's "Production start" exports (a fresh SECRET_KEY in place of the command)."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Production start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    env = {}
    for line in block.splitlines():
        if line.startswith("export "):
            for assignment in shlex.split(line.split("#", 1)[0])[1:]:
                name, value = assignment.split("=", 1)
                env[name] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def clean_env(**overrides) -> dict[str, str]:
    """This process's environment without the test run's own settings variables, plus `overrides`."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' fixture; a production process never has it.
    dropped = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in dropped} | overrides


def python_with(env: dict, code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


SETUP = "import django; django.setup(); from django.conf import settings; "


def test_debug_is_off_unless_asked_for():
    result = python_with(clean_env(SECRET_KEY="x" * 50), SETUP + "print(settings.DEBUG)")
    assert result.stdout.strip() == "False", result.stderr


def test_without_debug_a_secret_key_is_required():
    result = python_with(clean_env(), "import zonebridge.settings")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_https_settings_come_from_the_environment():
    env = clean_env(SECRET_KEY="x" * 50, BEHIND_TLS_PROXY="true", SECURE_SSL_REDIRECT="true",
                    SECURE_HSTS_SECONDS="600", SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="false")
    names = ["SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
             "SECURE_HSTS_PRELOAD"]
    code = SETUP + f"print(*(getattr(settings, name) for name in {names!r}))"
    assert python_with(env, code).stdout.split() == ["('HTTP_X_FORWARDED_PROTO',", "'https')", "True", "600", "True",
                                                     "False"]
    assert python_with(clean_env(SECRET_KEY="x" * 50, SECURE_HSTS_SECONDS="soon"), code).returncode != 0
    assert python_with(clean_env(SECRET_KEY="x" * 50, BEHIND_TLS_PROXY="yes"), code).returncode != 0


def test_check_deploy_is_clean_with_the_documented_variables(tmp_path):
    env = clean_env(**documented_production_env(), ZONEBRIDGE_VAR=str(tmp_path))
    result = subprocess.run([ZONEBRIDGE, "check", "--deploy", "--fail-level", "WARNING"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "WARNING" not in result.stderr + result.stdout, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_them(tmp_path):
    env = clean_env(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="example.org", ZONEBRIDGE_VAR=str(tmp_path))
    result = subprocess.run([ZONEBRIDGE, "check", "--deploy"], env=env, capture_output=True, text=True, timeout=120)
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_pages_are_sent_with_a_content_security_policy_without_inline_code(client, lingang):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    body = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", body) and "<style" not in body and " style=" not in body
    assert '"includeIndicatorStyles": false' in body


def test_a_reset_link_is_https_behind_a_tls_proxy(client, org_admin, settings, django_capture_on_commit_callbacks):
    from django.core import mail

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/password-reset/", {"email": "org_admin@example.org"},
                    HTTP_X_FORWARDED_PROTO="https")
    body = mail.outbox[0].body
    assert re.search(r"https://testserver(:\d+)?/\S+/accounts/password-reset/", body), body


# --- /media/: public files only, no way out of MEDIA_ROOT.

@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "tidepay.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "cv").mkdir()
    (tmp_path / "cv" / "student.pdf").write_bytes(b"%PDF-1.4 personal")
    return tmp_path


def test_a_logo_is_served(client, media):
    response = client.get("/media/logos/tidepay.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/media/cv/student.pdf", "/media/../README.md", "/media/logos/../cv/student.pdf",
                                 "/media/logos/%2e%2e/cv/student.pdf", "/media/logos/", "/media/logos",
                                 "/media/..%2fREADME.md", "/media/logos/..%5c..%5cREADME.md", "/media//etc/passwd",
                                 "/media/logos/.hidden", "/media/%2e%2e/%2e%2e/pyproject.toml"])
def test_nothing_else_is_served(client, media, url):
    response = client.get(url)
    assert response.status_code in (400, 404), url
    assert b"personal" not in response.content
    assert b"Traceback" not in response.content and b"SECRET_KEY" not in response.content


def test_a_post_to_media_is_refused(client, media):
    assert client.post("/media/logos/tidepay.png").status_code == 405


# --- Production start: `zonebridge run` with DEBUG off, PostgreSQL (or SQLite) and Redis, in a subprocess.

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(tmp_path) -> str:
    """The test database on PostgreSQL (the server must see the test's data); a fresh file on SQLite."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    return f"sqlite:///{tmp_path / 'production.sqlite3'}"


def fetch(url: str) -> tuple[int, bytes, dict]:
    """GET through the TLS proxy's headers; return status, body and headers."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.10"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def test_the_documented_production_start_serves_pages_and_static_files(transactional_db, tmp_path):
    Zone.objects.create(slug="lingang", name_en="Lingang Special Area", name_zh_hans="临港新片区",
                        name_zh_hant="臨港新片區", region="mainland")
    port = free_port()
    static_root = tmp_path / "static"
    # Collected in debug mode, as `make static` does: the manifest must exist all the same.
    subprocess.run([ZONEBRIDGE, "collectstatic", "--noinput", "--verbosity", "0"], check=True, timeout=300,
                   env=clean_env(DEBUG="true", STATIC_ROOT=str(static_root)))
    env = clean_env(**documented_production_env() | {
        "ALLOWED_HOSTS": "127.0.0.1", "SITE_URL": f"http://127.0.0.1:{port}", "DATABASE_URL": database_url(tmp_path),
        "REDIS_URL": REDIS_URL, "CONN_MAX_AGE": "0", "STATIC_ROOT": str(static_root),
        "ZONEBRIDGE_VAR": str(tmp_path)})
    server = subprocess.Popen([ZONEBRIDGE, "run", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                time.sleep(0.5)
        base = f"http://127.0.0.1:{port}"
        status, body, headers = fetch(f"{base}/en/")
        assert status == 200 and "ZoneBridge" in body.decode()
        # On PostgreSQL the server reads the test's own database (SQLite's is in this process's memory).
        assert ("Lingang Special Area" in body.decode()) == (connection.vendor == "postgresql")
        assert "max-age=31536000" in headers["Strict-Transport-Security"]
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        for path in ("/zh-hant/", "/en/organisations/?page=2", "/en/accounts/sign-in/", "/api/v1/zones",
                     "/api/openapi.json"):
            assert fetch(base + path)[0] == 200, path
        stylesheet = re.search(r'href="(/static/zonebridge/site\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
        status, css, headers = fetch(base + stylesheet)
        assert status == 200 and b".htmx-indicator" in css and "immutable" in headers.get("Cache-Control", "")
        assert fetch(f"{base}/en/no-such-page/")[0] == 404
        assert fetch(f"{base}/media/../README.md")[0] in (400, 404)
        plain = urllib.request.Request(f"{base}/en/", headers={"X-Forwarded-For": "192.0.2.10"})
        with pytest.raises(urllib.error.HTTPError) as redirected:
            urllib.request.build_opener(NoRedirect).open(plain, timeout=30)
        assert redirected.value.code == 301 and redirected.value.headers["Location"].startswith("https://")
    finally:
        # SIGTERM to `run` alone, as a service manager sends it: it must stop gunicorn and the worker itself.
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        for _ in range(40):
            survivors = group_alive(server.pid)
            if not survivors:
                break
            time.sleep(0.25)
        if survivors:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    assert not survivors, "gunicorn or the task worker outlived `zonebridge run`"


def group_alive(group: int) -> bool:
    """Whether any process of process group `group` still runs."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None
