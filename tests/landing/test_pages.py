"""Pages of soft landing in the three languages: the catalogue, a request form that keeps what was typed, the
request page (internal notes hidden from the requester), the queue with filters and bulk actions, and admin."""

import pytest
from django.urls import reverse

from tests.landing.conftest import advance
from zonebridge.landing.models import RequestState, ServiceRequest
from zonebridge.landing.services import requests as request_services


@pytest.mark.parametrize("language, name", [("en", "Desks at the Lingang landing pad"), ("zh-hans", "临港落地空间工位"),
                                            ("zh-hant", "臨港落地空間工位")])
def test_the_catalogue_shows_services_in_the_readers_language(client, desk_space, language, name):
    body = client.get(f"/{language}/landing/").content.decode()
    assert name in body
    assert client.get(f"/{language}/landing/services/lingang-desks/").status_code == 200


def test_a_start_up_requests_desks_and_a_refused_form_keeps_its_input(client, desk_space, org_admin, fintech_startup):
    client.force_login(org_admin)
    url = "/zh-hant/landing/services/lingang-desks/request/"
    response = client.post(url, {"organisation": fintech_startup.pk, "units": 9, "month": "2099-05",
                                 "details": "我們需要九個工位"})
    body = response.content.decode()
    assert response.status_code == 200 and "我們需要九個工位" in body and 'value="9"' in body
    response = client.post(url, {"organisation": fintech_startup.pk, "units": 2, "month": "2099-05",
                                 "details": "兩個工位"})
    created = ServiceRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/zh-hant/landing/requests/{created.pk}/"
    assert created.answers == {"units": 2, "month": "2099-05"} and created.booking.units == 2


def test_the_requester_never_sees_internal_notes_on_the_page(client, legal_request, operator_lingang, org_admin):
    request_services.post_message(legal_request, acting_user=operator_lingang, body="note-for-the-team",
                                  internal=True)
    client.force_login(org_admin)
    assert "note-for-the-team" not in client.get(f"/en/landing/requests/{legal_request.pk}/").content.decode()
    client.force_login(operator_lingang)
    assert "note-for-the-team" in client.get(f"/en/landing/requests/{legal_request.pk}/").content.decode()


def test_an_operator_moves_a_request_from_its_page(client, legal_request, operator_lingang):
    client.force_login(operator_lingang)
    url = f"/zh-hans/landing/requests/{legal_request.pk}/act/"
    assert client.post(url, {"action": "triage"}).status_code == 302
    assert client.post(url, {"action": "assign", "assignee": operator_lingang.pk}).status_code == 302
    response = client.post(url, {"action": "decline", "reason": ""})
    assert response.status_code == 200 and ServiceRequest.objects.get().state == RequestState.ASSIGNED


def test_the_queue_filters_and_changes_requests_in_bulk(client, submit, legal_service, desk_space, operator_lingang,
                                                        operator_hk):
    first, second = submit(legal_service), submit(desk_space, units=1, month="2099-01")
    client.force_login(operator_lingang)
    body = client.get("/en/landing/queue/", {"service": "lingang-desks"}).content.decode()
    assert second.reference in body and first.reference not in body
    response = client.post("/en/landing/queue/bulk/", {"requests": [first.pk, second.pk], "action": "triage"})
    assert response.status_code == 302
    assert set(ServiceRequest.objects.values_list("state", flat=True)) == {RequestState.TRIAGED}
    client.force_login(operator_hk)
    assert first.reference not in client.get("/en/landing/queue/").content.decode()


def test_the_requester_rates_from_the_page(client, legal_request, operator_lingang, org_admin):
    advance(legal_request, "triage", "assign", "start", "deliver", by=operator_lingang, assignee=operator_lingang)
    client.force_login(org_admin)
    assert client.post(f"/zh-hant/landing/requests/{legal_request.pk}/rate/",
                       {"rating": "4", "comment": "好"}).status_code == 302
    assert ServiceRequest.objects.get().rating == 4


def test_admin_saves_a_service_through_the_service(client, superuser, lingang):
    client.force_login(superuser)
    response = client.post(reverse("admin:landing_service_add"), {
        "slug": "media-day", "zone": lingang.pk, "category": "media", "name_en": "Demo day", "name_zh_hans": "路演日",
        "name_zh_hant": "", "chinese_source": "zh_hans", "sla_days": 10, "is_active": "on",
        "description_en": "", "description_zh_hans": "", "description_zh_hant": "", "eligibility_en": "",
        "eligibility_zh_hans": "", "eligibility_zh_hant": "", "eligible_kinds": "", "hand_written_fields": "[]"})
    assert response.status_code == 302, response.content.decode()[:3000]
    from zonebridge.landing.models import Service

    assert Service.objects.get(slug="media-day").name_zh_hant == "路演日"
    for name in ("service", "servicerequest", "scenariocall", "scenarioapplication"):
        assert client.get(reverse(f"admin:landing_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:bulletins_bulletin_add")).status_code == 200


def test_a_provider_member_finds_the_requests_assigned_to_them(client, legal_request, operator_lingang,
                                                               provider_member):
    advance(legal_request, "triage", "assign", by=operator_lingang, assignee=provider_member)
    client.force_login(provider_member)
    body = client.get("/en/landing/requests/").content.decode()
    assert legal_request.reference in body
    assert client.get(f"/en/landing/requests/{legal_request.pk}/").status_code == 200


def test_an_operator_adds_a_service_to_their_zones_catalogue(client, operator_lingang, operator_hk, lingang,
                                                              provider_org):
    client.force_login(operator_lingang)
    response = client.post("/zh-hans/landing/services/new/", {
        "zone": lingang.pk, "slug": "lingang-visas", "category": "talent", "provider": provider_org.pk,
        "sla_days": 12, "is_active": "on", "eligible_kinds": ["startup"], "chinese_source": "zh_hans",
        "name_en": "Visa desk", "name_zh_hans": "签证服务台"})
    assert response.status_code == 302
    from zonebridge.landing.models import Service

    service = Service.objects.get(slug="lingang-visas")
    assert service.name_zh_hant == "簽證服務枱" and service.kinds == ["startup"] and service.provider == provider_org
    client.force_login(operator_hk)
    assert client.get("/en/landing/services/lingang-visas/edit/").status_code == 403


def test_space_without_a_capacity_is_refused_and_the_form_keeps_its_input(client, operator_lingang, lingang):
    client.force_login(operator_lingang)
    response = client.post("/en/landing/services/new/", {
        "zone": lingang.pk, "slug": "no-capacity", "category": "space", "sla_days": 5, "chinese_source": "zh_hans",
        "name_en": "Desks without a number"})
    assert response.status_code == 200 and "Desks without a number" in response.content.decode()
    assert "Space needs a capacity per month." in response.content.decode()
