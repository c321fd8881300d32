"""The demo seed of soft landing and bulletins shows every state: overdue, waiting, declined and rated requests,
calls with applications and one finished pilot, and bulletins pinned, targeted, scheduled, expired and drafted."""

import pytest

from zonebridge.bulletins.models import Bulletin, BulletinStatus, ReaderSettings, Subscription
from zonebridge.demo.seed import reset_database, seed_demo
from zonebridge.landing import queries
from zonebridge.landing.models import (
    ApplicationState,
    CannedReply,
    RequestState,
    ScenarioApplication,
    Service,
    ServiceRequest,
)


@pytest.fixture
def seeded(db):
    return seed_demo(seed=3, scale="small")


def test_the_demo_has_both_catalogues_and_requests_in_every_state(seeded):
    assert Service.objects.filter(zone__slug="lingang").count() == 9  # desks and offices
    assert Service.objects.filter(zone__slug="hk-hub").count() == 8
    states = set(ServiceRequest.objects.values_list("state", flat=True))
    assert states == set(RequestState.values)
    assert ServiceRequest.objects.filter(rating__isnull=False).count() >= 3
    assert ServiceRequest.objects.filter(paused_since__isnull=False).exists()
    assert ServiceRequest.objects.filter(overdue_notified_at__isnull=False).count() == seeded.counts[
        "overdue_requests"] >= 3
    operator = ServiceRequest.objects.filter(service__zone__slug="lingang").first().service.zone.operators.get()
    assert queries.queue(operator, overdue=True).exists()


def test_the_demo_has_canned_replies_a_reopened_request_and_requests_awaiting_a_first_response(seeded):
    assert set(CannedReply.objects.values_list("zone__slug", flat=True)) == {"lingang", "hk-hub"}
    assert all(reply.title_zh_hans and reply.title_zh_hant for reply in CannedReply.objects.all())
    reopened = ServiceRequest.objects.get(reopened_at__isnull=False)
    assert reopened.state == RequestState.IN_PROGRESS and reopened.reopen_reason
    operator = reopened.service.zone.operators.get()
    assert queries.queue(operator, first_response="awaiting").exists()
    assert queries.queue(operator, first_response="overdue").exists()
    answered = ServiceRequest.objects.filter(first_responded_at__isnull=False).first()
    assert answered.first_responded_at > answered.submitted_at


def test_the_demo_has_calls_and_a_finished_pilot_with_a_report(seeded):
    finished = ScenarioApplication.objects.get(state=ApplicationState.COMPLETED)
    assert finished.report is not None and finished.outcome == "adopted"
    assert {ApplicationState.SUBMITTED, ApplicationState.PITCHED, ApplicationState.REJECTED} <= set(
        ScenarioApplication.objects.values_list("state", flat=True))


def test_the_demo_bulletins_cover_every_case(seeded):
    assert Bulletin.objects.filter(pinned=True).exists()
    assert Bulletin.objects.filter(status=BulletinStatus.DRAFT).exists()
    assert Bulletin.objects.exclude(target_kinds="").exists()
    assert Bulletin.objects.filter(expires_at__isnull=False).exists()
    assert Subscription.objects.exists()
    assert set(ReaderSettings.objects.values_list("digest_frequency", flat=True)) >= {"daily", "weekly", "off"}


def test_reset_removes_it_all(seeded):
    from django.db import transaction

    with transaction.atomic():
        reset_database()
    assert not ServiceRequest.objects.exists() and not Bulletin.objects.exists()
