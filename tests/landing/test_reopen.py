"""Reopening: the requester's side reopens a delivered or closed request within 14 days of delivery with a
reason; it goes back to in progress with the same assignee, the team is told, and it is audited; refused after
the window, for declined requests, without a reason, and for anyone else."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.landing.conftest import advance
from tests.landing.test_api import bearer
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Notification
from zonebridge.landing.models import RequestState, ServiceRequest
from zonebridge.landing.services import requests as request_services

FULL_PATH = ("triage", "assign", "start", "deliver")


@pytest.fixture
def delivered(legal_request, operator_lingang, provider_member):
    request = advance(legal_request, "triage", by=operator_lingang)
    request = advance(request, "assign", by=operator_lingang, assignee=provider_member)
    return advance(request, "start", "deliver", by=provider_member)


def _delivered_days_ago(request, days):
    ServiceRequest.objects.filter(pk=request.pk).update(delivered_at=timezone.now() - timedelta(days=days))
    request.refresh_from_db()
    return request


def test_the_requester_reopens_a_delivered_request(delivered, org_admin, provider_member, operator_lingang):
    reopened = request_services.reopen(delivered, acting_user=org_admin, reason="The contract has a new clause.")
    assert reopened.state == RequestState.IN_PROGRESS
    assert reopened.assignee == provider_member
    assert reopened.reopen_reason == "The contract has a new clause." and reopened.reopened_at is not None
    assert entries_about(reopened).filter(action="landing.servicerequest.reopen").exists()
    for person in (provider_member, operator_lingang):
        assert Notification.objects.filter(recipient=person, kind="landing.request_reopened").exists()
    assert not Notification.objects.filter(recipient=org_admin, kind="landing.request_reopened").exists()


def test_a_closed_and_rated_request_can_be_reopened_and_rated_again(delivered, org_admin, provider_member):
    closed = request_services.rate(delivered, acting_user=org_admin, rating=2, comment="Incomplete")
    reopened = request_services.reopen(closed, acting_user=org_admin, reason="Half the review is missing.")
    assert reopened.state == RequestState.IN_PROGRESS and reopened.rating is None
    again = advance(reopened, "deliver", by=provider_member)
    assert request_services.rate(again, acting_user=org_admin, rating=5).rating == 5


def test_the_days_it_stood_delivered_do_not_count_against_the_sla(delivered, org_admin):
    delivered = _delivered_days_ago(delivered, 10)
    reopened = request_services.reopen(delivered, acting_user=org_admin, reason="More work")
    assert reopened.paused_working_days >= 6
    assert reopened.due_on == request_services.due_date(reopened)
    assert reopened.due_on > delivered.due_on


def test_reopening_is_refused_after_fourteen_days(delivered, org_admin):
    delivered = _delivered_days_ago(delivered, 15)
    with pytest.raises(Conflict) as refused:
        request_services.reopen(delivered, acting_user=org_admin, reason="Late")
    assert "14 days" in refused.value.message
    assert ServiceRequest.objects.get(pk=delivered.pk).state == RequestState.DELIVERED


def test_a_declined_request_cannot_be_reopened(legal_request, operator_lingang, org_admin):
    declined = advance(legal_request, "decline", by=operator_lingang)
    with pytest.raises(Conflict) as refused:
        request_services.reopen(declined, acting_user=org_admin, reason="Please")
    assert "declined" in refused.value.message


def test_an_open_request_cannot_be_reopened(legal_request, org_admin):
    with pytest.raises(Conflict):
        request_services.reopen(legal_request, acting_user=org_admin, reason="Why not")


def test_a_reason_is_required(delivered, org_admin):
    with pytest.raises(DomainError) as refused:
        request_services.reopen(delivered, acting_user=org_admin, reason="   ")
    assert refused.value.field == "reason"
    with pytest.raises(DomainError) as refused:
        request_services.reopen(delivered, acting_user=org_admin, reason="x" * 501)
    assert refused.value.field == "reason"
    assert ServiceRequest.objects.get(pk=delivered.pk).state == RequestState.DELIVERED


def test_only_the_requesters_side_reopens(delivered, operator_lingang, provider_member, org_member):
    for person in (operator_lingang, provider_member, org_member):
        with pytest.raises(NotAllowed):
            request_services.reopen(delivered, acting_user=person, reason="x")


def test_the_page_reopens_and_keeps_the_reason_on_error(client, delivered, org_admin):
    client.force_login(org_admin)
    url = f"/zh-hant/landing/requests/{delivered.pk}/"
    assert 'data-action="reopen"' in client.get(url).content.decode()
    response = client.post(f"{url}act/", {"action": "reopen", "reason": ""})
    assert response.status_code == 200 and "說明" in response.content.decode()
    response = client.post(f"{url}act/", {"action": "reopen", "reason": "合約要再改"})
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert "合約要再改" in body and "處理中" in body


def test_the_page_says_why_a_request_can_no_longer_be_reopened(client, delivered, org_admin):
    _delivered_days_ago(delivered, 20)
    client.force_login(org_admin)
    body = client.get(f"/en/landing/requests/{delivered.pk}/").content.decode()
    assert 'data-action="reopen"' not in body
    assert "within 14 days of its delivery" in body


def test_the_api_reopens(client, delivered, org_admin, operator_lingang):
    url = f"/api/v1/landing/requests/{delivered.pk}/reopen"
    assert client.post(url, {"reason": "x"}, content_type="application/json",
                       **bearer(operator_lingang)).status_code == 403
    response = client.post(url, {"reason": ""}, content_type="application/json", **bearer(org_admin))
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "reason"
    response = client.post(url, {"reason": "One more clause"}, content_type="application/json", **bearer(org_admin))
    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "in_progress" and response.json()["reopen_reason"] == "One more clause"
    again = client.post(url, {"reason": "Again"}, content_type="application/json", **bearer(org_admin))
    assert again.status_code == 409
