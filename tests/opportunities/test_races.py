"""Requests that race: two senders of one organisation against the daily limit, two workers writing the index.

Run with threads against a real transaction (transaction=True); on PostgreSQL the row locks decide, on SQLite the
database's single writer does.
"""

import threading

import pytest
from django.db import connection

from tests.opportunities.conftest import post
from zonebridge.core.errors import Conflict
from zonebridge.core.models import SearchIndexState
from zonebridge.opportunities import services
from zonebridge.opportunities.models import InterestExpression
from zonebridge.opportunities.search import OPPORTUNITIES


def in_threads(*calls):
    """Run the calls at the same moment, each in its own thread and connection; return results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_senders_cannot_both_pass_the_daily_limit(battery_maker, battery_admin, org_admin, org_member,
                                                      fintech_startup, monkeypatch):
    monkeypatch.setattr(services, "INTEREST_LIMIT_PER_DAY", 1)
    first = post(battery_maker, battery_admin, title="Need one", description="Cells")
    second = post(battery_maker, battery_admin, title="Need two", description="Packs")
    results = in_threads(
        lambda: services.express_interest(first, acting_user=org_admin, organisation=fintech_startup, message="A"),
        lambda: services.express_interest(second, acting_user=org_member, organisation=fintech_startup, message="B"),
    )
    assert sum(isinstance(r, InterestExpression) for r in results) == 1, results
    assert sum(isinstance(r, Conflict) or "locked" in str(r) for r in results) == 1, results
    assert InterestExpression.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_index_writers_never_lose_a_change(battery_maker, battery_admin, settings, tmp_path):
    first = post(battery_maker, battery_admin, title="Battery cells", description="LFP cells")
    second = post(battery_maker, battery_admin, title="Charging piles", description="DC chargers")
    base = OPPORTUNITIES.apply([])  # (re)published once more, so the race is between two incremental updates
    ids = [str(first.pk), str(second.pk)]
    results = in_threads(*(lambda i=i: OPPORTUNITIES.apply([i]) for i in ids))
    # SQLite's shared-cache test database refuses a second writer at once ("table is locked") where PostgreSQL
    # waits for the row lock; the task's retry then runs it again, as Huey would.
    results = [OPPORTUNITIES.apply([i]) if isinstance(r, Exception) and "locked" in str(r) else r
               for i, r in zip(ids, results)]
    assert sorted(results) == [base + 1, base + 2], results
    assert SearchIndexState.objects.get(name="opportunities").version == base + 2
    OPPORTUNITIES.recheck()
    index = OPPORTUNITIES.current()
    assert str(first.pk) in index and str(second.pk) in index
