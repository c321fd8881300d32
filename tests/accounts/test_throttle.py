"""Guessing is throttled per account and per address: sign-in, password-reset requests and API tokens.

A locked-out user is told in their language when to try again (429 with Retry-After).
"""

import re

import pytest
from django.core import mail
from django.test import Client

from tests.world import PASSWORD
from zonebridge.accounts.services import issue_api_token

ADDRESS, OTHER_ADDRESS = "203.0.113.7", "198.51.100.9"


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def sign_in(client: Client, username: str, password: str, language: str = "en"):
    return client.post(f"/{language}/accounts/sign-in/", {"username": username, "password": password})


def guess(client: Client, username: str, times: int = 30) -> None:
    for attempt in range(times):
        sign_in(client, username, f"wrong-{attempt}")


def test_thirty_wrong_passwords_then_the_right_one_is_refused(org_admin, settings):
    attacker = client_at(ADDRESS)
    guess(attacker, "org_admin")
    response = sign_in(attacker, "org_admin", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in attacker.session
    assert int(response["Retry-After"]) <= settings.AXES_COOLOFF_TIME.total_seconds()


def test_the_account_is_locked_from_every_address(org_admin, org_member):
    guess(client_at(ADDRESS), "org_admin")
    assert sign_in(client_at(OTHER_ADDRESS), "org_admin", PASSWORD).status_code == 429


def test_the_address_is_locked_for_every_account(org_admin, org_member):
    guess(client_at(ADDRESS), "nobody-in-particular")
    assert sign_in(client_at(ADDRESS), "org_member", PASSWORD).status_code == 429


def test_another_account_from_another_address_is_unaffected(org_admin, org_member):
    guess(client_at(ADDRESS), "org_admin")
    other = client_at(OTHER_ADDRESS)
    assert sign_in(other, "org_member", PASSWORD).status_code == 302
    assert other.session["_auth_user_id"] == str(org_member.pk)


def test_a_few_typos_do_not_lock_anyone_out(org_admin, settings):
    user = client_at(ADDRESS)
    guess(user, "org_admin", times=settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(user, "org_admin", PASSWORD).status_code == 302


def test_signing_in_with_the_e_mail_address_counts_against_the_account(org_admin):
    attacker = client_at(ADDRESS)
    for attempt in range(30):
        sign_in(attacker, "org_admin@example.org", f"wrong-{attempt}")
    assert sign_in(client_at(OTHER_ADDRESS), "org_admin", PASSWORD).status_code == 429


def test_the_lock_ends_after_the_cool_off(org_admin, settings):
    guess(client_at(ADDRESS), "org_admin")
    settings.AXES_COOLOFF_TIME = settings.AXES_COOLOFF_TIME * 0  # as if the cool-off had passed
    assert sign_in(client_at(ADDRESS), "org_admin", PASSWORD).status_code == 302


@pytest.mark.parametrize(("language", "text"), [
    ("en", r"try again in \d+ minutes \(after "),
    ("zh-hans", r"请在 \d+ 分钟后（.+之后）再试"),
    ("zh-hant", r"請在 \d+ 分鐘後（.+之後）再試"),
])
def test_the_lock_out_message_says_when_to_try_again_in_the_users_language(org_admin, language, text):
    attacker = client_at(ADDRESS)
    guess(attacker, "org_admin")
    body = sign_in(attacker, "org_admin", PASSWORD, language=language).content.decode()
    assert re.search(text, body), body


def test_password_reset_requests_are_throttled(org_admin, django_capture_on_commit_callbacks, settings):
    requester = client_at(ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [requester.post("/en/accounts/password-reset/", {"email": "org_admin@example.org"}).status_code
                    for _ in range(30)]
    assert statuses[: settings.AXES_FAILURE_LIMIT] == [302] * settings.AXES_FAILURE_LIMIT
    assert statuses[settings.AXES_FAILURE_LIMIT:] == [429] * (30 - settings.AXES_FAILURE_LIMIT)
    assert len(mail.outbox) == settings.AXES_FAILURE_LIMIT
    # Per address as well: another e-mail address from the same client is refused too.
    assert requester.post("/en/accounts/password-reset/", {"email": "x@example.org"}).status_code == 429


def test_reset_requests_do_not_lock_the_accounts_sign_in(org_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(30):
            client_at(ADDRESS).post("/en/accounts/password-reset/", {"email": "org_admin@example.org"})
    assert sign_in(client_at(OTHER_ADDRESS), "org_admin", PASSWORD).status_code == 302


def test_repeated_bad_api_tokens_from_an_address_get_429_in_the_one_error_body(org_admin, fintech_startup):
    attacker = client_at(ADDRESS)
    statuses = [attacker.patch("/api/v1/organisations/tidepay", {"summary_en": "x"},
                               content_type="application/json",
                               HTTP_AUTHORIZATION=f"Bearer zb_guess{attempt}").status_code for attempt in range(30)]
    assert statuses[0] == 401 and statuses[-1] == 429
    response = attacker.patch("/api/v1/organisations/tidepay", {"summary_en": "x"}, content_type="application/json",
                              HTTP_AUTHORIZATION="Bearer zb_another")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    (problem,) = response.json()["detail"]
    assert problem["type"] == "throttled" and "try again" in problem["msg"]


def test_bad_tokens_from_one_address_do_not_lock_another(org_admin, fintech_startup):
    token = issue_api_token(org_admin, "tests")[1]
    for attempt in range(30):
        client_at(ADDRESS).patch("/api/v1/organisations/tidepay", {}, content_type="application/json",
                                 HTTP_AUTHORIZATION=f"Bearer zb_guess{attempt}")
    response = client_at(OTHER_ADDRESS).patch("/api/v1/organisations/tidepay", {"summary_en": "Payments"},
                                              content_type="application/json",
                                              HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200


def test_behind_a_tls_proxy_the_forwarded_address_counts(org_admin, org_member, settings):
    settings.BEHIND_TLS_PROXY = True
    proxy = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=ADDRESS)
    guess(proxy, "someone")
    assert sign_in(proxy, "org_member", PASSWORD).status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=OTHER_ADDRESS)
    assert sign_in(other, "org_member", PASSWORD).status_code == 302
