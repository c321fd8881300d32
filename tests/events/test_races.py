"""Races on PostgreSQL: two people booking the last free time of a third at once; two requests for a last place
under the cap. SQLite serialises writers by itself (and its shared in-memory test database answers a second
writer thread with "table is locked" at once), so there the same calls run one after the other."""

import threading

import pytest
from django.db import close_old_connections, connection

from tests.events.conftest import join, meet, organisation
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.errors import Conflict
from zonebridge.events.models import Category, MeetingRequest, MeetingState, Seat
from zonebridge.events.services import requests, schedule


def race(*calls):
    """Run the calls at the same moment in threads (PostgreSQL); return what each returned or raised."""
    if connection.vendor != "postgresql":
        outcomes = []
        for call in calls:
            try:
                outcomes.append(call())
            except Exception as error:  # noqa: BLE001 - the outcome is what the test looks at
                outcomes.append(error)
        return outcomes
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test looks at
            results[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_two_people_cannot_both_book_the_last_free_time_of_a_third(event, people):
    ann, dee, bo = people["ann"], people["dee"], people["bo"]
    with_ann, with_dee = meet(ann, bo), meet(dee, bo)
    last = event.slots.get(number=6)
    bo.unavailable.set(event.slots.exclude(pk=last.pk))
    outcomes = race(lambda: schedule.book_meeting(with_ann, acting_user=ann.user, slot=last),
                    lambda: schedule.book_meeting(with_dee, acting_user=dee.user, slot=last))
    refused = [outcome for outcome in outcomes if isinstance(outcome, Conflict)]
    booked = [outcome for outcome in outcomes if not isinstance(outcome, Exception)]
    assert len(booked) == 1 and len(refused) == 1, outcomes
    winner = booked[0]
    assert f"meeting #{winner.pk}" in refused[0].message or "meanwhile" in refused[0].message
    assert Seat.objects.filter(registration=bo, slot=last).count() == 1
    assert {m.state for m in (winner,)} == {MeetingState.CONFIRMED}


@pytest.mark.django_db(transaction=True)
def test_two_requests_cannot_both_take_the_last_place_under_the_cap(event, people):
    bo = people["bo"]
    fillers = []
    for n in range(3):
        org = organisation(event.zone, f"filler-{n}", f"Filler {n}")
        fillers.append(join(event, make_member(f"filler{n}", org, Role.ORG_ADMIN), org, Category.VISITOR))
    for filler in fillers:
        requests.send_request(event, acting_user=filler.user, recipient=bo)
    outcomes = race(lambda: requests.send_request(event, acting_user=people["ann"].user, recipient=bo),
                    lambda: requests.send_request(event, acting_user=people["dee"].user, recipient=bo))
    assert sum(isinstance(outcome, Conflict) for outcome in outcomes) == 1, outcomes
    assert MeetingRequest.objects.filter(recipient=bo).count() == event.meeting_cap
