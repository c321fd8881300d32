"""The API of saved searches: save (validated), list mine, turn the weekly e-mail on and off, delete; the
one-click unsubscribe link of the e-mail keeps working whatever the API did."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from zonebridge.accounts.services import issue_api_token
from zonebridge.opportunities import services
from zonebridge.opportunities.models import SavedSearch

PATH = "/api/v1/opportunities/saved-searches"


@pytest.fixture
def call(client):
    """call(user, method, path, body) with the user's token."""
    def send(user, method, path=PATH, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'test')[1]}"}
        if method == "GET":
            return client.get(path, **headers)
        return client.generic(method, path, json.dumps(body or {}), content_type="application/json", **headers)
    return send


def locations(response) -> set:
    return {tuple(p["loc"]) for p in response.json()["detail"]}


def test_save_list_and_delete(call, org_admin, student, sectors, hk_hub):
    response = call(org_admin, "POST", body={"q": "电池", "kind": "technology_request", "sector": "batteries",
                                             "zone": "hk-hub"})
    assert response.status_code == 201, response.content
    saved = response.json()
    assert (saved["q"], saved["kind"], saved["sector"], saved["zone"], saved["digest"]) == (
        "电池", "technology_request", "batteries", "hk-hub", True)
    assert [s["id"] for s in call(org_admin, "GET").json()["items"]] == [saved["id"]]
    assert call(student, "GET").json()["items"] == []
    assert call(student, "DELETE", f"{PATH}/{saved['id']}").status_code == 404
    assert call(org_admin, "DELETE", f"{PATH}/{saved['id']}").status_code == 204
    assert not SavedSearch.objects.exists()
    assert call(org_admin, "DELETE", f"{PATH}/{saved['id']}").status_code == 404


def test_an_invalid_search_names_every_field_and_saves_nothing(call, org_admin):
    response = call(org_admin, "POST", body={"q": "battery", "kind": "bribe", "sector": "alchemy",
                                             "zone": "atlantis"})
    assert response.status_code == 422
    assert locations(response) == {("body", "kind"), ("body", "sector"), ("body", "zone")}
    response = call(org_admin, "POST", body={"q": "x" * 201})
    assert response.status_code == 422 and ("body", "q") in locations(response)
    response = call(org_admin, "POST", body={"q": 42})
    assert response.status_code == 422
    assert not SavedSearch.objects.exists()


def test_the_number_of_saved_searches_is_limited(call, org_admin, monkeypatch):
    monkeypatch.setattr(services, "SAVED_SEARCH_LIMIT", 1)
    assert call(org_admin, "POST", body={"q": "battery"}).status_code == 201
    response = call(org_admin, "POST", body={"q": "fintech"})
    assert response.status_code == 409 and "Delete one first" in response.json()["detail"][0]["msg"]
    assert SavedSearch.objects.count() == 1


def test_the_digest_on_and_off_and_the_unsubscribe_link(call, client, org_admin, student, battery_need,
                                                        django_capture_on_commit_callbacks):
    from django.core import mail

    saved = call(org_admin, "POST", body={"q": "battery"}).json()
    SavedSearch.objects.filter(pk=saved["id"]).update(last_sent_at=timezone.now() - timedelta(days=7))
    assert call(student, "PATCH", f"{PATH}/{saved['id']}", {"digest": False}).status_code == 404
    response = call(org_admin, "PATCH", f"{PATH}/{saved['id']}", {"digest": "perhaps"})
    assert response.status_code == 422 and any(loc[-1] == "digest" for loc in locations(response))
    response = call(org_admin, "PATCH", f"{PATH}/{saved['id']}", {"digest": False})
    assert response.status_code == 200 and response.json()["digest"] is False
    assert services.send_weekly_digests() == 0
    assert call(org_admin, "PATCH", f"{PATH}/{saved['id']}", {"digest": True}).json()["digest"] is True
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_weekly_digests() == 1
    # The link in that e-mail still stops it, with one click and no sign-in.
    [link] = [line for line in mail.outbox[-1].body.split() if "/opportunities/unsubscribe/" in line]
    assert client.get(urlsplit(link).path).status_code == 200
    assert call(org_admin, "GET").json()["items"][0]["digest"] is False


def test_a_token_is_required(client):
    assert client.get(PATH).status_code == 401
    assert client.post(PATH, {}, content_type="application/json").status_code == 401
