"""Bad input answers 4xx with a clear message, never 500: huge page numbers, NUL characters, bodies over the
limit; the API answers in its one error body, pages in the reader's language."""

import pytest
from django.test import Client

from zonebridge.accounts.services import issue_api_token
from zonebridge.api import api
from zonebridge.api_pagination import MAX_PAGE

HUGE_PAGES = ["9223372036854775808", str(10**30), str(MAX_PAGE + 1)]


def problems(response) -> list[dict]:
    """The problems of the one API error body."""
    body = response.json()
    assert set(body) == {"detail"} and all(set(p) == {"loc", "msg", "type"} for p in body["detail"])
    return body["detail"]


def paginated_list_paths() -> list[str]:
    """Every list operation that takes a page number, read from the OpenAPI document."""
    schema = api.get_openapi_schema()
    return [path for path, operations in schema["paths"].items()
            if any(p["name"] == "page" for op in operations.values() for p in op.get("parameters", []))]


def test_every_paginated_list_bounds_its_page_number():
    paths = paginated_list_paths()
    assert "/api/v1/people" in paths and "/api/v1/organisations" in paths
    schema = api.get_openapi_schema()
    for path in paths:
        page = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "page")
        assert page["schema"]["maximum"] == MAX_PAGE, path


@pytest.mark.parametrize("page", HUGE_PAGES)
def test_a_huge_page_number_is_a_422_on_every_list(client, battery_maker, org_admin, page):
    token = issue_api_token(org_admin, "pages")[1]  # lists behind a token are checked too
    for path in paginated_list_paths():
        response = client.get(path, {"page": page}, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 422, (path, response.content)
        assert problems(response)[0]["loc"] == ["query", "page"]


def test_a_page_past_the_end_is_empty_not_an_error(client, battery_maker):
    response = client.get("/api/v1/organisations", {"page": MAX_PAGE})
    assert response.status_code == 200 and response.json()["items"] == []


@pytest.mark.parametrize("page", [*HUGE_PAGES, "1e400", "-1", "abc", "0"])
def test_the_directory_page_takes_any_page_number(client, battery_maker, page):
    assert client.get("/en/organisations/", {"page": page}).status_code == 200
    assert client.get("/en/organisations/", {"page": page}, headers={"HX-Request": "true"}).status_code == 200


# --- NUL characters: PostgreSQL cannot store them; one middleware answers 400 before anything queries.

@pytest.mark.parametrize("url", ["/api/v1/people/a%00b", "/api/v1/organisations/a%00b", "/api/v1/people?zone=a%00b",
                                 "/api/v1/organisations?q=a%00b", "/api/v1/organisations?zone=%00",
                                 "/api/v1/organisations?a%00b=1"])
def test_a_nul_character_in_an_api_address_is_a_400(client, battery_maker, org_admin, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in problems(response)[0]["msg"]


@pytest.mark.parametrize("url", ["/en/people/a%00b/", "/en/organisations/a%00b/", "/en/organisations/?q=a%00b",
                                 "/en/organisations/?zone=a%00b", "/zh-hans/organisations/?sector=%00"])
def test_a_nul_character_in_a_page_address_is_a_400(client, battery_maker, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "\x00" not in response.content.decode()


def test_the_refusal_is_in_the_readers_language(client, lingang):
    assert "NUL" in client.get("/zh-hant/organisations/?q=%00").content.decode()
    assert "不允許" in client.get("/zh-hant/organisations/?q=%00").content.decode()
    assert "不允许" in client.get("/zh-hans/organisations/?q=%00").content.decode()


def test_a_nul_character_in_a_form_post_is_a_400(client, org_admin):
    response = client.post("/en/accounts/sign-in/", {"username": "org_admin\x00", "password": "x"})
    assert response.status_code == 400
    reset = client.post("/en/accounts/password-reset/", {"email": "a\x00@example.org"})
    assert reset.status_code == 400


def test_a_nul_character_in_a_json_body_is_a_422_naming_the_field(client, org_admin, fintech_startup):
    token = issue_api_token(org_admin, "tests")[1]
    response = client.patch("/api/v1/organisations/tidepay", {"summary_en": "a\x00b"},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422
    assert problems(response)[0]["loc"] == ["body", "summary_en"]


# --- Bodies over the limit: 413 on pages and on the API.

def test_a_body_over_the_limit_is_a_413_on_the_api(client, org_admin, fintech_startup, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    token = issue_api_token(org_admin, "tests")[1]
    response = client.patch("/api/v1/organisations/tidepay", {"summary_en": "x" * 2000},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 413
    assert "too large" in problems(response)[0]["msg"]


def test_a_body_over_the_limit_is_a_413_on_a_page(client, org_admin, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/en/accounts/sign-in/", {"username": "org_admin", "password": "x" * 2000})
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_an_upload_may_be_larger_than_a_form_but_not_without_limit(client, org_admin, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.MAX_UPLOAD_SIZE = 5000
    from django.core.files.uploadedfile import SimpleUploadedFile

    small = SimpleUploadedFile("cv.pdf", b"%PDF" + b"x" * 2000, content_type="application/pdf")
    client.force_login(org_admin)
    assert client.post("/en/accounts/settings/", {"profile-cv": small}).status_code != 413
    large = SimpleUploadedFile("cv.pdf", b"%PDF" + b"x" * 6000, content_type="application/pdf")
    assert client.post("/en/accounts/settings/", {"profile-cv": large}).status_code == 413


def test_a_request_body_over_the_limit_without_a_length_is_a_413_on_the_api(rf, settings):
    from django.core.exceptions import RequestDataTooBig

    from zonebridge.api import _suspicious

    response = _suspicious(rf.get("/api/v1/zones"), RequestDataTooBig("too big"))
    assert response.status_code == 413


# --- Crashes: the API still answers JSON.

def test_an_api_crash_is_a_json_500(db, monkeypatch):
    from zonebridge.directory import api as directory_api

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(directory_api.Zone.objects, "order_by", crash)
    response = Client(raise_request_exception=False).get("/api/v1/zones")
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert problems(response)[0]["type"] == "server_error" and "boom" not in response.content.decode()
