"""Signing in and out, and resetting a password by e-mail (sent through the task queue)."""

import re

from django.core import mail

from tests.world import PASSWORD


def test_it_signs_in_with_a_username(client, org_admin):
    response = client.post("/en/accounts/sign-in/", {"username": "org_admin", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/").context["user"] == org_admin


def test_it_signs_in_with_an_email(client, org_admin):
    response = client.post("/en/accounts/sign-in/", {"username": "ORG_ADMIN@example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_a_wrong_password_is_reported_and_the_username_kept(client, org_admin):
    response = client.post("/en/accounts/sign-in/", {"username": "org_admin", "password": "nope"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Please enter a correct" in body and 'value="org_admin"' in body


def test_it_signs_out(client, org_admin):
    client.login(username="org_admin", password=PASSWORD)
    assert client.post("/en/accounts/sign-out/").status_code == 302
    assert not client.get("/en/").context["user"].is_authenticated


def test_a_password_reset_sends_a_working_link(client, org_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/password-reset/", {"email": "org_admin@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["org_admin@example.org"]
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    done = client.post(form_page.redirect_chain[-1][0],
                       {"new_password1": "a-brand-new-secret-91", "new_password2": "a-brand-new-secret-91"})
    assert done.status_code == 302
    assert client.login(username="org_admin", password="a-brand-new-secret-91")


def test_a_reset_for_an_unknown_address_sends_nothing(client, org_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/password-reset/", {"email": "nobody@example.org"})
    assert mail.outbox == []
