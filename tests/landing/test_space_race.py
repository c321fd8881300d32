"""A booking never exceeds a space's capacity, even when requests arrive at the same moment (threads with their
own connections; on PostgreSQL the service row lock serialises them)."""

import threading

import pytest
from django.db import OperationalError, connection, connections

from zonebridge.core.errors import Conflict
from zonebridge.landing.services import requests as request_services

THREADS = 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_never_exceed_capacity(desk_space, org_admin, fintech_startup):
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def book():
        try:
            barrier.wait()
            request_services.submit_request(desk_space, acting_user=org_admin, organisation=fintech_startup,
                                            details="one desk", answers={"units": 1, "month": "2099-03"})
            result = "booked"
        except Conflict:
            result = "full"
        except OperationalError:  # SQLite only: a writer that could not get the database lock in time
            result = "locked"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=book) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    from datetime import date
    booked = request_services.booked_units(desk_space, date(2099, 3, 1))
    assert booked == outcomes.count("booked") <= desk_space.capacity_per_month
    if connection.vendor == "postgresql":
        # Every request waited its turn: exactly the capacity was booked, the rest were told it is full.
        assert booked == desk_space.capacity_per_month
        assert outcomes.count("full") == THREADS - desk_space.capacity_per_month
