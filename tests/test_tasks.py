"""The task queue: SQLite storage by default, Redis when REDIS_URL is set; e-mail goes through it."""

import os
import subprocess
import sys

import pytest
from django.core import mail

from zonebridge.accounts.services import send_email_later


def test_e_mail_is_sent_after_the_transaction_commits(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email_later("Hello", "Body", ["a@example.org"])
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [message.subject for message in mail.outbox] == ["Hello"]


def test_a_redis_queue_carries_our_e_mail_task_end_to_end():
    """With REDIS_URL set, our own task is queued on real Redis and runs as a worker would run it."""
    code = """
import django; django.setup()
from django.core import mail
from huey.contrib.djhuey import HUEY
from zonebridge.core.tasks import send_email_task
HUEY.flush()
send_email_task("Queued on Redis", "Body", ["someone@example.org"])
assert type(HUEY).__name__ == "RedisHuey" and len(HUEY) == 1, (type(HUEY), len(HUEY))
HUEY.execute(HUEY.dequeue())
print(len(HUEY), [message.subject for message in mail.outbox])
HUEY.flush()
"""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zonebridge.settings", "DEBUG": "true",
           "REDIS_URL": "redis://127.0.0.1:6379/15", "HUEY_IMMEDIATE": "false",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    result = python_with(env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 ['Queued on Redis']"


def python_with(env: dict, code: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter with environment `env` (settings are read once per process)."""
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_settings_pick_the_redis_queue_when_redis_url_is_set():
    code = "import django; django.setup(); from django.conf import settings; print(settings.HUEY['huey_class'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zonebridge.settings", "REDIS_URL": "redis://127.0.0.1:6379/15"}
    assert python_with(env, code).stdout.strip() == "huey.RedisHuey"
    env.pop("REDIS_URL")
    assert python_with(env, code).stdout.strip() == "huey.SqliteHuey"


@pytest.mark.parametrize("value", ["yes", "1", "TRUE "])
def test_debug_accepts_only_true_or_false(value):
    result = python_with({**os.environ, "DEBUG": value}, "import zonebridge.settings")
    assert (result.returncode == 0) == (value.strip().lower() == "true")


def test_production_needs_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "false"}
    result = python_with(env, "import zonebridge.settings")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
