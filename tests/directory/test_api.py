"""REST API at /api/v1/: reads for everyone, writes with a token, field-level errors."""

import pytest

from zonebridge.accounts.services import grant_consent, issue_api_token


@pytest.fixture
def admin_token(org_admin):
    return issue_api_token(org_admin, "tests")[1]


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_it_lists_zones(client, lingang, hk_hub):
    body = client.get("/api/v1/zones").json()
    assert [zone["slug"] for zone in body] == ["hk-hub", "lingang"]
    assert body[1]["name_zh_hant"] == "臨港新片區"


def test_it_lists_sectors_with_parents(client, sectors):
    by_slug = {sector["slug"]: sector for sector in client.get("/api/v1/sectors").json()}
    assert by_slug["batteries"]["parent"] == "new-energy"
    assert by_slug["new-energy"]["parent"] is None


def test_it_lists_organisations_with_filters_and_pagination(client, battery_maker, fintech_startup):
    body = client.get("/api/v1/organisations", {"zone": "hk-hub"}).json()
    assert body["count"] == 1 and body["items"][0]["slug"] == "tidepay"
    assert body["items"][0]["sectors"] == ["fintech"]
    paged = client.get("/api/v1/organisations", {"page_size": 1, "page": 2}).json()
    assert paged["count"] == 2 and [item["slug"] for item in paged["items"]] == ["tidepay"]


def test_it_searches_across_scripts(client, battery_maker, fintech_startup):
    body = client.get("/api/v1/organisations", {"q": "動力電池"}).json()
    assert [item["slug"] for item in body["items"]] == ["sinovolt"]


def test_an_unknown_filter_gives_a_field_error(client, battery_maker):
    response = client.get("/api/v1/organisations", {"zone": "atlantis"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "zone"]
    bad_kind = client.get("/api/v1/organisations", {"kind": "spaceship"})
    assert bad_kind.status_code == 422 and bad_kind.json()["detail"][0]["loc"][-1] == "kind"


def test_the_list_query_count_is_pinned(client, battery_maker, fintech_startup, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/organisations")
    assert response.status_code == 200 and response.json()["count"] == 2


def test_it_shows_one_organisation(client, battery_maker):
    body = client.get("/api/v1/organisations/sinovolt").json()
    assert body["description_zh_hant"].startswith("我們在臨港")
    assert client.get("/api/v1/organisations/nobody").status_code == 404


def test_writes_need_a_token(client, fintech_startup):
    response = client.patch("/api/v1/organisations/tidepay", {"summary_en": "x"}, content_type="application/json")
    assert response.status_code == 401
    wrong = client.patch("/api/v1/organisations/tidepay", {"summary_en": "x"}, content_type="application/json",
                         **bearer("zb_wrong"))
    assert wrong.status_code == 401


def test_an_admin_patches_the_profile(client, admin_token, fintech_startup, sectors):
    response = client.patch("/api/v1/organisations/tidepay",
                            {"summary_zh_hant": "跨境支付軟件", "sectors": ["fintech", "batteries"],
                             "stage": "series_a"},
                            content_type="application/json", **bearer(admin_token))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["summary_zh_hans"] == "跨境支付软件"
    assert body["sectors"] == ["batteries", "fintech"] and body["stage"] == "series_a"


def test_a_patch_by_someone_else_is_forbidden(client, coordinator, fintech_startup):
    token = issue_api_token(coordinator, "tests")[1]
    response = client.patch("/api/v1/organisations/tidepay", {"summary_en": "x"},
                            content_type="application/json", **bearer(token))
    assert response.status_code == 403


def test_a_bad_patch_names_the_field_and_changes_nothing(client, admin_token, fintech_startup):
    response = client.patch("/api/v1/organisations/tidepay", {"website": "nope", "summary_en": "changed"},
                            content_type="application/json", **bearer(admin_token))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "website"
    unknown = client.patch("/api/v1/organisations/tidepay", {"sectors": ["space-mining"]},
                           content_type="application/json", **bearer(admin_token))
    assert unknown.status_code == 422 and "space-mining" in unknown.json()["detail"][0]["msg"]
    too_old = client.patch("/api/v1/organisations/tidepay", {"founded_year": 1066},
                           content_type="application/json", **bearer(admin_token))
    assert too_old.status_code == 422
    fintech_startup.refresh_from_db()
    assert fintech_startup.summary_en == "Cross-border payments for SMEs"


def test_people_show_public_fields_only(client, student):
    grant_consent(student)
    body = client.get("/api/v1/people").json()
    person = body["items"][0]
    assert person["username"] == "student" and person["organisations"] == ["harbour-u"]
    flattened = str(body)
    assert "contact.example" not in flattened and "5555" not in flattened
    assert client.get("/api/v1/people/student").json()["headline"] == "student headline"


def test_unlisted_people_are_hidden(client, student):
    student.profile.is_listed = False
    student.profile.save()
    assert client.get("/api/v1/people").json()["count"] == 0
    assert client.get("/api/v1/people/student").status_code == 404


def test_the_openapi_document_and_docs_are_served(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/organisations" in schema["paths"]
    docs = client.get("/api/docs").content.decode()
    assert "swagger-ui" in docs and "cdn" not in docs.lower()


def test_null_clears_a_field(client, admin_token, fintech_startup):
    fintech_startup.founded_year = 2020
    fintech_startup.save()
    response = client.patch("/api/v1/organisations/tidepay", {"founded_year": None, "stage": None},
                            content_type="application/json", **bearer(admin_token))
    assert response.status_code == 200, response.content
    assert (response.json()["founded_year"], response.json()["stage"]) == (None, "")
