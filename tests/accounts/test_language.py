"""The interface language: switched on every page, kept in the URL, remembered per user."""

from tests.world import PASSWORD


def test_switching_keeps_the_page_and_sets_a_cookie(client, lingang):
    response = client.post("/i18n/switch/", {"language": "zh-hant", "next": "/en/organisations/?zone=lingang"})
    assert response.status_code == 302
    assert response["Location"] == "/zh-hant/organisations/?zone=lingang"
    assert response.cookies["zonebridge_language"].value == "zh-hant"
    assert client.get("/").headers["Location"] == "/zh-hant/"


def test_the_choice_is_remembered_for_a_signed_in_user(client, org_admin):
    client.login(username="org_admin", password=PASSWORD)
    client.post("/i18n/switch/", {"language": "zh-hans", "next": "/en/"})
    org_admin.refresh_from_db()
    assert org_admin.preferred_language == "zh-hans"
    client.cookies.clear()
    client.login(username="org_admin", password=PASSWORD)
    assert client.get("/").headers["Location"] == "/zh-hans/"


def test_an_unknown_language_is_refused(client):
    assert client.post("/i18n/switch/", {"language": "klingon", "next": "/"}).status_code == 400


def test_an_offsite_next_is_ignored(client):
    response = client.post("/i18n/switch/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/en/"


def test_every_page_offers_the_three_languages(client, battery_maker):
    for url in ("/en/", "/en/organisations/", "/en/organisations/sinovolt/", "/en/accounts/sign-in/"):
        body = client.get(url).content.decode()
        assert all(f'value="{code}"' in body for code in ("en", "zh-hans", "zh-hant")), url


def test_pages_are_translated(client, lingang):
    assert "登录" in client.get("/zh-hans/").content.decode()
    assert "登入" in client.get("/zh-hant/").content.decode()
