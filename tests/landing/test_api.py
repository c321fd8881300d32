"""The soft-landing API: the catalogue, a request through its workflow, the queue, calls for pilots."""

import pytest

from zonebridge.accounts.services import issue_api_token


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'test')[1]}"}


def test_the_catalogue_lists_services_with_their_sla_and_capacity(client, desk_space, legal_service):
    body = client.get("/api/v1/landing/services", {"zone": "lingang", "category": "space"}).json()
    assert [item["slug"] for item in body["items"]] == ["lingang-desks"]
    desks = body["items"][0]
    assert desks["sla_days"] == 5 and desks["capacity_per_month"] == 6
    assert desks["name_zh_hant"] == "臨港落地空間工位" and desks["eligible_kinds"] == ["startup", "company"]
    assert client.get("/api/v1/landing/services", {"zone": "nowhere"}).status_code == 422


def test_a_request_goes_through_the_api(client, desk_space, org_admin, operator_lingang):
    response = client.post("/api/v1/landing/requests", {
        "service": "lingang-desks", "organisation": "tidepay", "details": "Two desks",
        "answers": {"units": 2, "month": "2099-04"}}, content_type="application/json", **bearer(org_admin))
    assert response.status_code == 201, response.json()
    request_id = response.json()["id"]
    assert response.json()["answers"] == {"units": 2, "month": "2099-04"}
    operator = bearer(operator_lingang)
    url = f"/api/v1/landing/requests/{request_id}"
    assert client.post(f"{url}/messages", {"body": "private", "internal": True}, content_type="application/json",
                       **operator).status_code == 201
    for action in ("triage", "assign", "start", "deliver"):
        response = client.post(f"{url}/transitions", {"action": action, "assignee": "operator_lingang"},
                               content_type="application/json", **operator)
        assert response.status_code == 200, response.json()
    assert response.json()["state"] == "delivered"
    requester = bearer(org_admin)
    assert [m["body"] for m in client.get(url, **requester).json()["thread"]] == []
    response = client.post(f"{url}/rating", {"rating": 5, "comment": "Great"}, content_type="application/json",
                           **requester)
    assert response.json()["state"] == "closed" and response.json()["rating"] == 5
    refused = client.post(f"{url}/transitions", {"action": "triage"}, content_type="application/json", **operator)
    assert refused.status_code == 409 and refused.json()["detail"][0]["type"] == "conflict"


def test_a_full_space_is_a_conflict_naming_the_field(client, desk_space, org_admin):
    response = client.post("/api/v1/landing/requests", {
        "service": "lingang-desks", "organisation": "tidepay", "details": "Too many",
        "answers": {"units": 7, "month": "2099-04"}}, content_type="application/json", **bearer(org_admin))
    assert response.status_code == 409
    assert response.json()["detail"][0]["loc"] == ["body", "units"]


def test_the_queue_is_for_operators_and_filters_by_state(client, legal_request, operator_lingang, org_admin):
    assert client.get("/api/v1/landing/queue", **bearer(org_admin)).status_code == 403
    body = client.get("/api/v1/landing/queue", {"state": "submitted"}, **bearer(operator_lingang)).json()
    assert [item["reference"] for item in body["items"]] == [legal_request.reference]
    assert client.get("/api/v1/landing/queue", {"state": "closed"}, **bearer(operator_lingang)).json()["count"] == 0


@pytest.mark.parametrize("query", ["inspection", "巡檢"])
def test_calls_are_searchable(client, battery_maker, battery_admin, query):
    from datetime import timedelta

    from django.utils import timezone

    from zonebridge.landing.services.scenarios import publish_call

    publish_call(battery_maker, acting_user=battery_admin, deadline=timezone.localdate() + timedelta(days=9),
                 chinese_source="zh_hans", texts={"title_en": "Line inspection", "title_zh_hans": "产线巡检"})
    items = client.get("/api/v1/landing/scenarios", {"q": query}).json()["items"]
    assert [item["title_zh_hant"] for item in items] == ["產線巡檢"]
