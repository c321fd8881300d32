"""The task queue: SQLite storage by default, Redis when REDIS_URL is set; e-mail goes through it."""

import os

import pytest
from django.core import mail
from huey import RedisHuey

from zonebridge.accounts.services import send_email_later


def test_e_mail_is_sent_after_the_transaction_commits(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email_later("Hello", "Body", ["a@example.org"])
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [message.subject for message in mail.outbox] == ["Hello"]


def test_a_redis_queue_carries_a_task_end_to_end():
    """Enqueue on real Redis, then run it as a worker would."""
    queue = RedisHuey(name="zonebridge-test", url=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"))
    queue.flush()

    @queue.task()
    def add(a, b):
        return a + b

    result = add(2, 3)
    assert len(queue) == 1
    message = queue.dequeue()
    queue.execute(message)
    assert result.get() == 5
    queue.flush()


def test_settings_pick_the_redis_queue_when_redis_url_is_set():
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.HUEY['huey_class'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zonebridge.settings", "REDIS_URL": "redis://127.0.0.1:6379/15"}
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "huey.RedisHuey"
    env.pop("REDIS_URL")
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "huey.SqliteHuey"


@pytest.mark.parametrize("value", ["yes", "1", "TRUE "])
def test_debug_accepts_only_true_or_false(value):
    import subprocess
    import sys

    env = {**os.environ, "DEBUG": value}
    result = subprocess.run([sys.executable, "-c", "import zonebridge.settings"], env=env, capture_output=True,
                            text=True)
    assert (result.returncode == 0) == (value.strip().lower() == "true")


def test_production_needs_a_secret_key():
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "false"}
    result = subprocess.run([sys.executable, "-c", "import zonebridge.settings"], env=env, capture_output=True,
                            text=True)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
