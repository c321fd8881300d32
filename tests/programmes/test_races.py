"""Requests that race, in threads with their own database connections: two operators pressing "run the match"
together get one run; two students accepting the last place of a second round get one place.

On PostgreSQL (`make test-postgres`) the threads truly race and the row locks decide. SQLite has one writer at
a time, and the test database's shared in-memory cache cannot wait for a lock, so there the calls take turns:
the same invariants are checked in the order SQLite would impose."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from tests.programmes.conftest import advance
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.errors import DomainError
from zonebridge.core.models import Job
from zonebridge.programmes import services
from zonebridge.programmes.models import Offer, OfferState, Participant, PlacementRun, Round

pytestmark = pytest.mark.django_db(transaction=True)


def together(*calls):
    """Run the calls at the same moment in threads; return (results, refusals, other errors)."""
    barrier = threading.Barrier(len(calls))
    turns = threading.Lock() if connection.vendor == "sqlite" else None
    results, refusals, errors = [], [], []

    def run(call):
        try:
            barrier.wait()
            if turns is None:
                results.append(call())
            else:
                with turns:
                    results.append(call())
        except DomainError as error:
            refusals.append(error)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, refusals, errors


@pytest.fixture
def matching_round(open_round, position, application, second_student, student, org_admin, operator_hk):
    other = services.apply_to_round(open_round, acting_user=second_student)
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_student_ranking(other, [position.pk], acting_user=second_student)
    services.set_host_ranking(position, [other.pk, application.pk], acting_user=org_admin)
    return advance(open_round, operator_hk, "start_review", "start_matching")


def test_two_operators_pressing_run_together_get_one_run(matching_round, operator_hk, hk_hub):
    colleague = make_member("operator_two", matching_round.programme.host_zone.organisations.first(), Role.ORG_MEMBER)
    hk_hub.operators.add(colleague)
    results, refusals, errors = together(
        lambda: services.start_placement_run(matching_round, acting_user=operator_hk),
        lambda: services.start_placement_run(matching_round, acting_user=colleague))
    assert errors == [] and len(results) == 1 and len(refusals) == 1
    assert "already" in refusals[0].message
    jobs = Job.objects.filter(kind=services.PLACEMENT_JOB)
    assert jobs.count() == 1
    # The job ran (tasks run at once in tests); the round has exactly one run and one set of offers.
    assert PlacementRun.objects.count() == 1 and Offer.objects.count() == 1
    assert Round.objects.get(pk=matching_round.pk).state == "published"


def test_two_jobs_of_one_round_commit_one_run(matching_round, operator_hk):
    # Even if two jobs of the match existed (say, queued twice by hand), the round's lock and state let one commit.
    results, refusals, errors = together(
        lambda: services.run_placement(matching_round, acting_user=operator_hk),
        lambda: services.run_placement(matching_round, acting_user=operator_hk))
    assert errors == [] and len(results) == 1 and len(refusals) == 1
    assert PlacementRun.objects.count() == 1 and Offer.objects.count() == 1


def test_two_students_accepting_the_last_place_of_a_second_round_get_one(
        matching_round, operator_hk, org_admin, student, second_student, hk_university):
    services.run_placement(matching_round, acting_user=operator_hk)
    first_offer = Offer.objects.get()
    services.decline_offer(first_offer, acting_user=second_student)
    now = timezone.now()
    second = services.open_second_round(Round.objects.get(pk=matching_round.pk), acting_user=operator_hk,
                                        applications_close_at=now + timedelta(days=2),
                                        offer_deadline=now + timedelta(days=8))
    third = make_member("student3", hk_university, Role.STUDENT)
    second = services.transition_round(second, "open", acting_user=operator_hk)
    late = services.apply_to_round(second, acting_user=third)
    place = second.positions.get()
    assert place.capacity == 1
    services.set_student_ranking(late, [place.pk], acting_user=third)  # the host does not rank them
    carried = second.applications.get(student=student)
    services.set_student_ranking(carried, [place.pk], acting_user=student)
    services.set_host_ranking(place, [carried.pk], acting_user=org_admin)
    second = advance(second, operator_hk, "start_review", "start_matching")
    services.run_placement(second, acting_user=operator_hk)
    # The one place went to the carried candidate; the operator also offers it to the late applicant:
    # whoever accepts first takes it.
    offer_one = Offer.objects.get(round=second)
    offer_two = services.offer_free_place(place, late, acting_user=operator_hk)
    results, refusals, errors = together(lambda: services.accept_offer(offer_one, acting_user=student),
                                         lambda: services.accept_offer(offer_two, acting_user=third))
    assert errors == [] and len(results) == 1 and len(refusals) == 1
    assert "last place" in refusals[0].message
    assert Participant.objects.filter(position=place).count() == 1
    assert Offer.objects.filter(position=place, state=OfferState.ACCEPTED).count() == 1


def test_two_students_accepting_a_place_freed_by_a_withdrawal_get_one(
        open_round, position, student, second_student, org_admin, operator_hk, coordinator, hk_university):
    # The nominee is matched to the one place; their university withdraws them after the match; the operator
    # offers the freed place directly to two candidates, who accept at the same moment.
    nominee = make_member("nominee", hk_university, Role.STUDENT)
    nomination = services.nominate(open_round, nominee, university=hk_university, acting_user=coordinator)
    first = services.apply_to_round(open_round, acting_user=student)
    second = services.apply_to_round(open_round, acting_user=second_student)
    for application, user in ((nomination.application, nominee), (first, student), (second, second_student)):
        services.set_student_ranking(application, [position.pk], acting_user=user)
    services.set_host_ranking(position, [nomination.application.pk, first.pk, second.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    services.run_placement(round_, acting_user=operator_hk)
    services.accept_offer(Offer.objects.get(application=nomination.application), acting_user=nominee)
    services.withdraw_nomination(nomination, acting_user=coordinator)
    assert services.free_places(position) == 1
    offer_one = services.offer_free_place(position, first, acting_user=operator_hk)
    offer_two = services.offer_free_place(position, second, acting_user=operator_hk)
    results, refusals, errors = together(lambda: services.accept_offer(offer_one, acting_user=student),
                                         lambda: services.accept_offer(offer_two, acting_user=second_student))
    assert errors == [] and len(results) == 1 and len(refusals) == 1
    assert "last place" in refusals[0].message
    assert Offer.objects.filter(position=position, state=OfferState.ACCEPTED).count() == 1
    assert Participant.objects.filter(position=position, state="active").count() == 1
