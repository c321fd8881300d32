"""A multi-row change leaves no partial state: not when the database fails mid-way, not when the process dies.

Today's multi-row change is an organisation profile edit (row, sectors, search document). The failure comes
from the database itself (a trigger that raises), and the killed process is a real process that holds an open
transaction when it receives SIGKILL. Both run on SQLite and on PostgreSQL (the suite runs twice).
"""

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError, connection

from tests.fault_child import EDIT_FIELDS, EDIT_SECTORS, EDIT_TEXTS, state_of
from zonebridge.directory.models import Sector
from zonebridge.directory.services import update_organisation_profile

REPO = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 60

# A trigger per vendor and fault point that makes the database refuse the write.
FAULT_TRIGGERS = {
    ("sqlite", "sectors"): [
        "CREATE TRIGGER zb_fault BEFORE INSERT ON directory_organisation_sectors "
        "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"],
    ("sqlite", "search document"): [
        "CREATE TRIGGER zb_fault BEFORE UPDATE OF search_document ON directory_organisation "
        "WHEN NEW.search_document LIKE '%blockchain%' BEGIN SELECT RAISE(ABORT, 'injected fault'); END"],
    ("postgresql", "sectors"): [
        "CREATE FUNCTION zb_fault() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'injected fault'; END $$",
        "CREATE TRIGGER zb_fault BEFORE INSERT ON directory_organisation_sectors "
        "FOR EACH ROW EXECUTE FUNCTION zb_fault()"],
    ("postgresql", "search document"): [
        "CREATE FUNCTION zb_fault() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'injected fault'; END $$",
        "CREATE TRIGGER zb_fault BEFORE UPDATE OF search_document ON directory_organisation "
        "FOR EACH ROW WHEN (NEW.search_document LIKE '%%blockchain%%') EXECUTE FUNCTION zb_fault()"],
}
DROP_TRIGGERS = {
    "sqlite": ["DROP TRIGGER IF EXISTS zb_fault"],
    "postgresql": ["DROP TRIGGER IF EXISTS zb_fault ON directory_organisation_sectors",
                   "DROP TRIGGER IF EXISTS zb_fault ON directory_organisation",
                   "DROP FUNCTION IF EXISTS zb_fault()"],
}


@pytest.fixture
def fault_trigger(request, org_admin, fintech_startup, sectors):
    """Install the trigger for `request.param` (the fault point) once the world exists; remove it afterwards."""
    with connection.cursor() as cursor:
        for statement in FAULT_TRIGGERS[(connection.vendor, request.param)]:
            cursor.execute(statement)
    yield request.param
    with connection.cursor() as cursor:
        for statement in DROP_TRIGGERS[connection.vendor]:
            cursor.execute(statement)


def test_the_edit_applies_without_a_fault(org_admin, fintech_startup, sectors):
    """The control: the same edit, undisturbed, changes all three parts the fault tests check."""
    before = state_of()
    update_organisation_profile(fintech_startup, acting_user=org_admin, texts=dict(EDIT_TEXTS),
                                fields=dict(EDIT_FIELDS), sectors=list(Sector.objects.filter(slug__in=EDIT_SECTORS)))
    after = state_of()
    assert after["row"]["summary_en"] != before["row"]["summary_en"]
    assert after["sectors"] == list(EDIT_SECTORS) != before["sectors"]
    assert after["found_by_new_words"] == ["tidepay"] and before["found_by_new_words"] == []


# transaction=True: the service's transaction is the outermost one, so its rollback is the real thing.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fault_trigger", ["sectors", "search document"], indirect=True)
def test_a_database_error_mid_edit_changes_nothing(fault_trigger, org_admin, fintech_startup, sectors):
    before = state_of()
    with pytest.raises(DatabaseError, match="injected fault"):
        update_organisation_profile(
            fintech_startup, acting_user=org_admin, texts=dict(EDIT_TEXTS), fields=dict(EDIT_FIELDS),
            sectors=list(Sector.objects.filter(slug__in=EDIT_SECTORS)))
    assert state_of() == before


def child(mode: str, database_url: str, var_dir: Path, **popen) -> subprocess.Popen:
    """Start tests/fault_child.py in `mode` against `database_url`."""
    env = {**os.environ, "DATABASE_URL": database_url, "CONN_MAX_AGE": "0", "ZONEBRIDGE_VAR": str(var_dir),
           "DJANGO_SETTINGS_MODULE": "zonebridge.settings"}
    return subprocess.Popen([sys.executable, "-m", "tests.fault_child", mode], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def snapshot(database_url: str, var_dir: Path) -> dict:
    """The organisation's state as a fresh process reads it."""
    out, err = child("snapshot", database_url, var_dir).communicate(timeout=CHILD_TIMEOUT)
    assert out, err
    return json.loads(out)


def shared_database(tmp_path: Path) -> str:
    """A database URL another process can open, holding this test's (committed) world."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        # The SQLite test database lives in memory: copy it, consistently, into a file for the other process.
        path = tmp_path / "faults.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
        target.close()
        return f"sqlite:///{path}"
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{settings['USER']}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def holds_an_open_write_transaction(database_url: str) -> bool:
    """True while some other connection is inside an uncommitted write transaction on this database."""
    if connection.vendor == "sqlite":
        probe = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            return "locked" in str(error)
        finally:
            probe.close()
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND state = 'idle in transaction' AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
def test_a_process_killed_mid_edit_changes_nothing(org_admin, fintech_startup, sectors, tmp_path):
    database_url = shared_database(tmp_path)
    before = snapshot(database_url, tmp_path)
    editor = child("edit-and-pause", database_url, tmp_path)
    try:
        ready, _, _ = select.select([editor.stdout], [], [], CHILD_TIMEOUT)
        assert ready and editor.stdout.readline().strip() == "PAUSED", editor.stderr.read()
        # Every write of the edit has run; only COMMIT is missing. Prove the transaction is really open.
        assert holds_an_open_write_transaction(database_url)
        editor.send_signal(signal.SIGKILL)
        editor.wait(timeout=CHILD_TIMEOUT)
    finally:
        if editor.poll() is None:
            editor.kill()
            editor.wait()
    assert editor.returncode == -signal.SIGKILL
    assert snapshot(database_url, tmp_path) == before
