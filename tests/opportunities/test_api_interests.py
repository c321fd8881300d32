"""The API of expressions of interest: send, list, answer, report the outcome, broker; the consent rule on contacts."""

import pytest
from django.utils import timezone

from tests.opportunities.conftest import post
from zonebridge.accounts.models import Consent, ConsentPurpose, PersonalDataAccess
from zonebridge.accounts.services import issue_api_token
from zonebridge.opportunities import services
from zonebridge.opportunities.models import InterestExpression, InterestState, Outcome


def consent(user):
    Consent.objects.create(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION)


@pytest.fixture
def api(client):
    """Call the API as a user: api(user).get(path) / .post(path, body)."""
    class As:
        def __init__(self, user):
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'test')[1]}"}

        def get(self, path, params=None):
            return client.get(f"/api/v1/opportunities{path}", params or {}, **self.headers)

        def send(self, method, path, body=None):
            return client.generic(method, f"/api/v1/opportunities{path}", json_body(body),
                                  content_type="application/json", **self.headers)

        def post(self, path, body=None):
            return self.send("POST", path, body)

    return As


def json_body(body) -> str:
    import json

    return json.dumps(body or {})


@pytest.fixture
def sent(api, org_admin, battery_need):
    """TidePay's interest in the Lingang battery need, sent through the API."""
    response = api(org_admin).post(f"/{battery_need.pk}/interests",
                                   {"organisation": "tidepay", "message": "We build BMS software."})
    assert response.status_code == 201, response.content
    return response.json()


def problems(response) -> dict:
    return {tuple(p["loc"]): p for p in response.json()["detail"]}


def test_sending_interest_tells_the_owner_and_lists_it_on_both_sides(api, sent, org_admin, battery_admin,
                                                                     battery_need):
    assert sent["state"] == "sent" and sent["organisation"] == "tidepay" and sent["posted_by"] == "sinovolt"
    assert sent["opportunity"] == battery_need.pk and sent["introduction"] is None
    assert sent["actions"] == ["withdraw"]
    assert [i["id"] for i in api(org_admin).get("/interests/sent").json()["items"]] == [sent["id"]]
    assert api(org_admin).get("/interests/received").json()["items"] == []
    received = api(battery_admin).get("/interests/received").json()["items"]
    assert [i["id"] for i in received] == [sent["id"]]
    assert received[0]["message"] == "We build BMS software."
    assert api(battery_admin).get("/interests/received", {"state": "accepted"}).json()["items"] == []
    assert api(battery_admin).get(f"/interests/{sent['id']}").json()["actions"] == ["accept", "decline"]


def test_sending_errors_name_the_field(api, org_admin, battery_need, hk_university, coordinator):
    response = api(org_admin).post(f"/{battery_need.pk}/interests", {"organisation": "nobody", "message": "Hi"})
    assert response.status_code == 422 and ("body", "organisation") in problems(response)
    response = api(org_admin).post(f"/{battery_need.pk}/interests", {"organisation": "tidepay", "message": "  "})
    assert response.status_code == 422 and ("body", "message") in problems(response)
    response = api(org_admin).post(f"/{battery_need.pk}/interests", {"organisation": "tidepay",
                                                                     "message": "x" * 2001})
    assert response.status_code == 422 and ("body", "message") in problems(response)
    response = api(org_admin).post(f"/{battery_need.pk}/interests", {"organisation": "tidepay"})
    assert response.status_code == 422 and problems(response)
    assert not InterestExpression.objects.exists()


def test_sending_guards(api, org_admin, battery_admin, battery_need, coordinator, sent):
    # Not a member of the organisation named.
    response = api(coordinator).post(f"/{battery_need.pk}/interests", {"organisation": "tidepay", "message": "Hi"})
    assert response.status_code == 403
    # Its own posting.
    response = api(battery_admin).post(f"/{battery_need.pk}/interests", {"organisation": "sinovolt",
                                                                         "message": "Hi"})
    assert response.status_code == 422 and ("body", "organisation") in problems(response)
    # Twice.
    response = api(org_admin).post(f"/{battery_need.pk}/interests", {"organisation": "tidepay", "message": "Again"})
    assert response.status_code == 409
    # A posting that does not exist, or that the caller may not see.
    assert api(org_admin).post("/404404/interests", {"organisation": "tidepay", "message": "Hi"}).status_code == 404
    assert InterestExpression.objects.count() == 1


def test_a_hidden_posting_is_404(api, battery_maker, battery_admin, org_admin):
    from zonebridge.opportunities.models import Visibility

    hidden = post(battery_maker, battery_admin, title="Internal", description="Lingang only",
                  visibility=Visibility.PARTNER_ZONE, target_zone=battery_maker.home_zone)
    response = api(org_admin).post(f"/{hidden.pk}/interests", {"organisation": "tidepay", "message": "Hi"})
    assert response.status_code == 404


def test_the_daily_limit_per_organisation_answers_with_a_message(api, battery_maker, battery_admin, org_admin,
                                                                 org_member, monkeypatch):
    monkeypatch.setattr(services, "INTEREST_LIMIT_PER_DAY", 1)
    first, second = (post(battery_maker, battery_admin, title=f"Need {n}", description="Parts") for n in (1, 2))
    assert api(org_admin).post(f"/{first.pk}/interests", {"organisation": "tidepay",
                                                          "message": "Hi"}).status_code == 201
    # Another member of the same organisation: the limit is the organisation's, as on the page.
    response = api(org_member).post(f"/{second.pk}/interests", {"organisation": "tidepay", "message": "Hi"})
    assert response.status_code == 409
    [problem] = response.json()["detail"]
    assert problem["type"] == "throttled" and "24 hours" in problem["msg"] and problem["loc"] == []
    assert InterestExpression.objects.count() == 1


def test_the_owner_accepts_and_the_sender_may_not(api, sent, org_admin, battery_admin):
    response = api(org_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"})
    assert response.status_code == 403
    response = api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "accepted" and body["introduction"]["route"] == "operator"
    assert body["follow_up_due"] and body["actions"] == []
    response = api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "decline"})
    assert response.status_code == 409


def test_decline_withdraw_and_unknown_actions(api, sent, org_admin, battery_admin):
    response = api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "bribe"})
    assert response.status_code == 422 and ("body", "action") in problems(response)
    assert api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "withdraw"}).status_code == 403
    response = api(org_admin).post(f"/interests/{sent['id']}/transitions", {"action": "withdraw"})
    assert response.status_code == 200 and response.json()["state"] == "withdrawn"
    assert api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "decline"}).status_code == 409


def test_the_owner_declines(api, sent, battery_admin):
    response = api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "decline"})
    assert response.status_code == 200 and response.json()["state"] == "declined"
    assert response.json()["introduction"] is None


def test_others_get_404(api, sent, student):
    assert api(student).get(f"/interests/{sent['id']}").status_code == 404
    assert api(student).post(f"/interests/{sent['id']}/transitions", {"action": "accept"}).status_code == 404
    assert api(student).post(f"/interests/{sent['id']}/outcome", {"outcome": "deal"}).status_code == 404
    assert api(student).post(f"/interests/{sent['id']}/introduction").status_code == 404
    assert api(student).get("/interests/sent").json()["items"] == []


def test_the_outcome_after_acceptance(api, sent, org_admin, battery_admin):
    response = api(org_admin).post(f"/interests/{sent['id']}/outcome", {"outcome": "talking"})
    assert response.status_code == 409  # not accepted yet
    api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"})
    response = api(org_admin).post(f"/interests/{sent['id']}/outcome", {"outcome": "maybe"})
    assert response.status_code == 422 and ("body", "outcome") in problems(response)
    response = api(org_admin).post(f"/interests/{sent['id']}/outcome", {"outcome": ""})
    assert response.status_code == 422 and ("body", "outcome") in problems(response)
    for outcome in ("no_reply", "talking", "deal", "pilot", "investment"):
        response = api(battery_admin).post(f"/interests/{sent['id']}/outcome", {"outcome": outcome})
        assert response.status_code == 200 and response.json()["outcome"] == outcome
    assert InterestExpression.objects.get(pk=sent["id"]).outcome == Outcome.INVESTMENT


def test_operators_list_every_cross_zone_interest_and_broker(api, sent, battery_admin, operator_hk,
                                                             operator_lingang, org_admin, student):
    assert api(org_admin).get("/interests/between-zones").status_code == 403
    assert api(student).get("/interests/between-zones").status_code == 403
    for operator in (operator_hk, operator_lingang):
        items = api(operator).get("/interests/between-zones").json()["items"]
        assert [i["id"] for i in items] == [sent["id"]]
        assert (items[0]["organisation_zone"], items[0]["posted_by_zone"]) == ("hk-hub", "lingang")
    assert api(operator_hk).get("/interests/between-zones", {"state": "accepted"}).json()["items"] == []
    response = api(operator_hk).post(f"/interests/{sent['id']}/introduction")
    assert response.status_code == 409  # not accepted yet
    api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"})
    assert api(org_admin).post(f"/interests/{sent['id']}/introduction").status_code == 403
    response = api(operator_hk).post(f"/interests/{sent['id']}/introduction")
    assert response.status_code == 200, response.content
    introduction = response.json()["introduction"]
    assert introduction["brokered_by"] == operator_hk.display_name and introduction["brokered_at"]
    assert {o["email"] for o in introduction["operators"]} == {operator_hk.email, operator_lingang.email}
    assert api(operator_lingang).post(f"/interests/{sent['id']}/introduction").status_code == 409


def contacts_seen(api, user, interest_id) -> str:
    return api(user).get(f"/interests/{interest_id}").content.decode()


def test_without_both_consents_the_api_shows_no_contact(api, sent, org_admin, battery_admin, operator_hk,
                                                        operator_lingang):
    consent(org_admin)  # one side only
    api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"})
    for viewer in (org_admin, battery_admin, operator_hk, operator_lingang):
        body = contacts_seen(api, viewer, sent["id"])
        assert "@contact.example" not in body and "+852 5555 0000" not in body
        assert api(viewer).get(f"/interests/{sent['id']}").json()["introduction"]["contacts"] is None
    assert not PersonalDataAccess.objects.exists()


def test_with_both_consents_only_the_two_sides_see_the_contacts(api, sent, org_admin, battery_admin, operator_hk,
                                                                org_member):
    consent(org_admin)
    consent(battery_admin)
    accepted = api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"}).json()
    assert accepted["introduction"]["route"] == "direct"
    assert accepted["introduction"]["contacts"]["sender"]["email"] == "org_admin@contact.example"
    for viewer in (org_admin, org_member):
        contacts = api(viewer).get(f"/interests/{sent['id']}").json()["introduction"]["contacts"]
        assert contacts["owner"] == {"name": battery_admin.display_name, "email": "battery_admin@contact.example",
                                     "phone": "+852 5555 0000"}
    # An operator of the sender's zone is neither side: the operators' route, no contact.
    assert "@contact.example" not in contacts_seen(api, operator_hk, sent["id"])
    # Each cross-border view is logged as a personal-data view, as on the page.
    assert PersonalDataAccess.objects.filter(viewer=org_admin, person=battery_admin, channel="introduction").exists()


def test_a_revoked_consent_hides_the_contacts_in_the_api_too(api, sent, org_admin, battery_admin):
    consent(org_admin)
    consent(battery_admin)
    api(battery_admin).post(f"/interests/{sent['id']}/transitions", {"action": "accept"})
    Consent.objects.filter(user=battery_admin).update(revoked_at=timezone.now())
    body = api(org_admin).get(f"/interests/{sent['id']}").json()
    assert body["introduction"]["contacts"] is None and body["introduction"]["operators"] is not None
    assert "@contact.example" not in contacts_seen(api, org_admin, sent["id"])


def test_the_page_and_the_api_share_one_decision(api, sent, org_admin, battery_admin, client):
    consent(org_admin)
    consent(battery_admin)
    services.accept_interest(InterestExpression.objects.get(pk=sent["id"]), acting_user=battery_admin)
    client.force_login(org_admin)
    page = client.get(f"/en/opportunities/interests/{sent['id']}/").content.decode()
    assert "battery_admin@contact.example" in page
    assert api(org_admin).get(f"/interests/{sent['id']}").json()["introduction"]["contacts"]["owner"]["email"] \
        == "battery_admin@contact.example"
    assert InterestExpression.objects.get(pk=sent["id"]).state == InterestState.ACCEPTED


def test_a_token_is_required(client, sent):
    assert client.get("/api/v1/opportunities/interests/sent").status_code == 401
    assert client.get(f"/api/v1/opportunities/interests/{sent['id']}").status_code == 401
