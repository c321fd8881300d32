"""The API: relevance-ordered search with reasons, reading one posting, posting with a token."""

import pytest

from zonebridge.accounts.services import issue_api_token
from zonebridge.opportunities.models import Opportunity


@pytest.fixture
def token(battery_admin):
    return issue_api_token(battery_admin, "test")[1]


def test_search_returns_relevance_order_with_reasons(client, battery_need, fintech_offer, published, battery_maker,
                                                     battery_admin):
    from tests.opportunities.conftest import post

    published(lambda: post(battery_maker, battery_admin, title="招聘会计", description="财务报表与审计"))
    items = client.get("/api/v1/opportunities", {"q": "battery management software"}).json()["items"]
    assert items[0]["id"] == battery_need.pk
    assert items[0]["score"] > 0 and items[0]["why"]
    assert all(item["id"] != fintech_offer.pk for item in items)  # signed-in only


def test_unknown_filters_are_422(client, lingang):
    assert client.get("/api/v1/opportunities", {"zone": "atlantis"}).status_code == 422
    assert client.get("/api/v1/opportunities", {"kind": "bribe"}).status_code == 422


def test_posting_detects_the_language(client, token, battery_maker, sectors):
    response = client.post("/api/v1/opportunities", {
        "organisation": "sinovolt", "kind": "distribution", "title": "尋找香港分銷商",
        "description": "我們的電池產品尋找香港分銷夥伴。", "sectors": ["batteries"]},
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["language"] == "zh_hant" and body["title_zh_hans"] == "寻找香港分销商"
    assert body["sectors"] == ["batteries"]
    assert Opportunity.objects.get(pk=body["id"]).created_by.username == "battery_admin"


def test_posting_errors_name_the_field(client, token, battery_maker):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.post("/api/v1/opportunities", {"organisation": "nobody", "kind": "job", "title": "x",
                                                      "description": "y"}, content_type="application/json", **headers)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "organisation"
    response = client.post("/api/v1/opportunities", {"organisation": "sinovolt", "kind": "job", "title": "x",
                                                      "description": "y", "valid_from": "2030-01-02",
                                                      "valid_until": "2030-01-01"},
                           content_type="application/json", **headers)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "valid_until"
    response = client.post("/api/v1/opportunities", {"organisation": "sinovolt", "kind": "job"},
                           content_type="application/json", **headers)
    assert response.status_code == 422


def test_posting_for_another_organisation_is_403(client, token, fintech_startup):
    response = client.post("/api/v1/opportunities", {"organisation": "tidepay", "kind": "job", "title": "x",
                                                      "description": "y"}, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 403
