"""API tokens: created once-visible, stored hashed, revocable."""

from tests.world import PASSWORD
from zonebridge.accounts.models import ApiToken, hash_token
from zonebridge.accounts.services import user_for_api_key


def test_a_user_creates_a_token_shown_once_and_stored_hashed(client, org_admin):
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/accounts/settings/api-tokens/", {"name": "CRM sync"})
    raw = response.context["new_key"]
    token = ApiToken.objects.get()
    assert raw.startswith("zb_") and token.key_hash == hash_token(raw) and raw not in token.key_hash
    assert user_for_api_key(raw) == org_admin
    assert raw not in client.get("/en/accounts/settings/api-tokens/").content.decode()


def test_an_empty_name_is_reported(client, org_admin):
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/accounts/settings/api-tokens/", {"name": ""})
    assert "This field is required." in response.content.decode()
    assert ApiToken.objects.count() == 0


def test_a_revoked_token_stops_working(client, org_admin):
    from zonebridge.accounts.services import issue_api_token

    token, raw = issue_api_token(org_admin, "old")
    client.login(username="org_admin", password=PASSWORD)
    client.post(f"/en/accounts/settings/api-tokens/{token.pk}/revoke/")
    assert user_for_api_key(raw) is None


def test_a_token_of_a_deactivated_user_does_not_work(org_admin):
    from zonebridge.accounts.services import issue_api_token

    _token, raw = issue_api_token(org_admin, "old")
    org_admin.is_active = False
    org_admin.save()
    assert user_for_api_key(raw) is None
