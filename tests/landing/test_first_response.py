"""The first-response target: counted in working days (public holidays skipped) from submission to the team's
first action the requester sees; shown in the queue with its filter, on the request page and in the API."""

from datetime import date

from tests.landing.conftest import advance, at
from tests.landing.test_api import bearer
from zonebridge.core.audit import entries_about
from zonebridge.landing import queries
from zonebridge.landing.models import Category, Service, ServiceRequest
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services.catalogue import save_service


def test_a_request_gets_its_first_response_date_from_the_service(legal_request):
    # Monday 2 March 2026 + 1 working day.
    assert legal_request.first_response_days == 1
    assert legal_request.first_response_due_on == date(2026, 3, 3)
    assert legal_request.awaits_first_response


def test_the_first_response_date_skips_a_mainland_holiday(submit, legal_service):
    # Thursday 30 April 2026: 1–5 May are the Labour Day holiday on the mainland.
    request = submit(legal_service, now=at(2026, 4, 30, 16))
    assert request.first_response_due_on == date(2026, 5, 6)
    assert not request_services.is_first_response_overdue(request, today=date(2026, 5, 6))
    assert request_services.is_first_response_overdue(request, today=date(2026, 5, 7))


def test_the_first_response_target_is_set_per_service_and_follows_hong_kong_holidays(
        hk_hub, operator_hk, org_admin, battery_maker, battery_admin):
    service = save_service(Service(zone=hk_hub, slug="hk-banking"), acting_user=operator_hk,
                           texts={"name_en": "Bank account opening"},
                           fields={"category": Category.BANKING, "sla_days": 10, "first_response_days": 2,
                                   "chinese_source": "zh_hant"})
    # Tuesday 30 June 2026 in Hong Kong: 1 July is SAR Establishment Day; 2 and 3 July are the two working days.
    request = request_services.submit_request(
        service, acting_user=battery_admin, organisation=battery_maker, details="Corporate account",
        answers={"account_type": "corporate"}, now=at(2026, 6, 30, 12))
    assert request.first_response_days == 2
    assert request.first_response_due_on == date(2026, 7, 3)


def test_a_message_to_the_requester_is_the_first_response(legal_request, operator_lingang):
    request_services.post_message(legal_request, acting_user=operator_lingang, body="We are on it.",
                                  now=at(2026, 3, 2, 15))
    legal_request.refresh_from_db()
    assert legal_request.first_responded_at == at(2026, 3, 2, 15)
    assert not legal_request.awaits_first_response
    assert entries_about(legal_request).filter(action="landing.servicerequest.first_response").count() == 1
    request_services.post_message(legal_request, acting_user=operator_lingang, body="Second.")
    legal_request.refresh_from_db()
    assert legal_request.first_responded_at == at(2026, 3, 2, 15)  # the first one stays


def test_an_internal_note_or_the_requesters_own_message_is_not_a_first_response(legal_request, operator_lingang,
                                                                                org_admin):
    request_services.post_message(legal_request, acting_user=operator_lingang, body="note", internal=True)
    request_services.post_message(legal_request, acting_user=org_admin, body="Any news?")
    legal_request.refresh_from_db()
    assert legal_request.first_responded_at is None


def test_triage_is_a_first_response(legal_request, operator_lingang):
    triaged = advance(legal_request, "triage", by=operator_lingang)
    assert triaged.first_responded_at is not None
    assert not request_services.is_first_response_overdue(triaged, today=date(2026, 12, 31))


def test_the_queue_filters_requests_awaiting_and_overdue_for_their_first_response(
        submit, legal_service, operator_lingang):
    late = submit(legal_service, now=at(2026, 3, 2, 10))
    fresh = submit(legal_service, now=at(2026, 3, 4, 10))
    answered = advance(submit(legal_service, now=at(2026, 3, 2, 11)), "triage", by=operator_lingang)
    now = at(2026, 3, 4, 12)
    assert set(queries.queue(operator_lingang, first_response="awaiting", now=now)) == {late, fresh}
    assert list(queries.queue(operator_lingang, first_response="overdue", now=now)) == [late]
    assert answered in queries.queue(operator_lingang, now=now)


def test_the_queue_page_shows_and_filters_the_first_response(client, submit, legal_service, operator_lingang):
    late = submit(legal_service, now=at(2026, 3, 2, 10))
    client.force_login(operator_lingang)
    body = client.get("/en/landing/queue/", {"first_response": "overdue"}).content.decode()
    assert late.reference in body and "First response overdue" in body
    body = client.get("/zh-hans/landing/queue/", {"first_response": "awaiting"}).content.decode()
    assert late.reference in body
    assert "首次回复" in body


def test_the_request_page_shows_when_the_first_response_came_or_is_due(client, legal_request, operator_lingang,
                                                                       org_admin):
    client.force_login(org_admin)
    body = client.get(f"/en/landing/requests/{legal_request.pk}/").content.decode()
    assert "due 2026-03-03" in body
    request_services.post_message(legal_request, acting_user=operator_lingang, body="Hello",
                                  now=at(2026, 3, 2, 15))
    body = client.get(f"/en/landing/requests/{legal_request.pk}/").content.decode()
    assert "2026-03-02 15:00" in body


def test_the_api_reports_the_first_response(client, legal_request, operator_lingang, org_admin):
    item = client.get(f"/api/v1/landing/requests/{legal_request.pk}", **bearer(org_admin)).json()
    assert item["first_response_due_on"] == "2026-03-03" and item["awaiting_first_response"]
    assert item["first_response_overdue"] is True and item["first_responded_at"] is None
    operator = bearer(operator_lingang)
    listed = client.get("/api/v1/landing/queue", {"first_response": "overdue"}, **operator).json()["items"]
    assert [row["id"] for row in listed] == [legal_request.pk]
    assert client.get("/api/v1/landing/queue", {"first_response": "soon"}, **operator).status_code == 422
    assert ServiceRequest.objects.count() == 1
