"""The interface language: switched on every page, kept in the URL, remembered per user."""

import pytest

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


LANGUAGES = ["en", "zh-hans", "zh-hant"]
PAGES = ["/{lang}/organisations/?zone=lingang&q=%E7%94%B5%E6%B1%A0&page=2", "/{lang}/organisations/sinovolt/",
         "/{lang}/?a=1&b=2#top", "/{lang}/accounts/sign-in/?next=/{lang}/", "/{lang}/no-such-page/?x=1"]


@pytest.mark.parametrize("cookie", [None, *LANGUAGES])
@pytest.mark.parametrize("source", LANGUAGES)
@pytest.mark.parametrize("target", LANGUAGES)
def test_the_switch_lands_on_the_same_page_in_the_chosen_language(client, battery_maker, cookie, source, target):
    if cookie:
        client.cookies["zonebridge_language"] = cookie
    for page in PAGES:
        response = client.post("/i18n/switch/", {"language": target, "next": page.format(lang=source)})
        assert response["Location"] == page.format(lang=target).replace(f"next=/{target}/", f"next=/{source}/"), (
            page, cookie)


@pytest.mark.parametrize("preferred", LANGUAGES)
@pytest.mark.parametrize("target", LANGUAGES)
def test_a_signed_in_user_lands_on_the_same_page_too(client, org_admin, battery_maker, preferred, target):
    org_admin.preferred_language = preferred
    org_admin.save()
    client.login(username="org_admin", password=PASSWORD)
    for source in LANGUAGES:
        response = client.post("/i18n/switch/", {"language": target,
                                                 "next": f"/{source}/organisations/?zone=lingang&page=1"})
        assert response["Location"] == f"/{target}/organisations/?zone=lingang&page=1"
        assert client.get(response["Location"]).status_code == 200


def test_a_next_without_a_language_prefix_is_kept(client, lingang):
    client.cookies["zonebridge_language"] = "zh-hans"
    response = client.post("/i18n/switch/", {"language": "zh-hant", "next": "/?q=1"})
    assert response["Location"] == "/?q=1"
    assert client.get("/?q=1")["Location"].startswith("/zh-hant/")
