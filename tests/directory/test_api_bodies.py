"""The API takes what it documents: a JSON object (422 otherwise), as JSON (415 otherwise), null only for a field
that may be empty, text no longer than the model allows; and the OpenAPI document lists every error status."""

import json

import pytest

from tests.directory.test_api import bearer
from zonebridge.accounts.services import issue_api_token
from zonebridge.api import api
from zonebridge.core.limits import LONG_TEXT_MAX_LENGTH
from zonebridge.directory.models import Organisation


@pytest.fixture
def admin_token(org_admin):
    return issue_api_token(org_admin, "tests")[1]


def patch(client, token, body, content_type="application/json", slug="tidepay"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.generic("PATCH", f"/api/v1/organisations/{slug}", data, content_type=content_type,
                          **bearer(token))


@pytest.mark.parametrize("body", ["null", "[1, 2]", "42", '"x"', "true", "[]", "[{}]"])
def test_a_body_that_is_not_a_json_object_is_a_422(client, admin_token, fintech_startup, body):
    before = Organisation.objects.get(slug="tidepay").updated_at
    response = patch(client, admin_token, body)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"] == ["body"]
    assert Organisation.objects.get(slug="tidepay").updated_at == before


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/html",
                                          "application/octet-stream", "application/jsonx", ""])
def test_a_body_that_is_not_sent_as_json_is_a_415(client, admin_token, fintech_startup, content_type):
    response = patch(client, admin_token, '{"summary_en": "x"}', content_type=content_type)
    assert response.status_code == 415, response.content
    assert response.json()["detail"][0]["type"] == "unsupported_media_type"
    assert Organisation.objects.get(slug="tidepay").summary_en != "x"


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "application/merge-patch+json"])
def test_json_content_types_are_accepted(client, admin_token, fintech_startup, content_type):
    response = patch(client, admin_token, '{"summary_en": "Payments"}', content_type=content_type)
    assert response.status_code == 200, response.content


def test_malformed_json_is_a_400(client, admin_token, fintech_startup):
    response = patch(client, admin_token, '{"summary_en": ')
    assert response.status_code == 400 and response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("field", ["chinese_source", "kind", "name_en"])
def test_null_for_a_field_that_may_not_be_empty_is_a_422(client, admin_token, fintech_startup, field):
    response = patch(client, admin_token, {field: None})
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"][-1] == field


@pytest.mark.parametrize("field", ["stage", "size", "website", "founded_year", "summary_en", "description_zh_hant"])
def test_null_clears_a_field_that_may_be_empty(client, admin_token, fintech_startup, field):
    response = patch(client, admin_token, {field: None})
    assert response.status_code == 200, response.content
    assert response.json()[field] in ("", None)


@pytest.mark.parametrize("field", ["description_en", "description_zh_hans", "description_zh_hant"])
def test_a_description_over_the_limit_is_a_422(client, admin_token, fintech_startup, field):
    too_long = patch(client, admin_token, {field: "x" * (LONG_TEXT_MAX_LENGTH + 1)})
    assert too_long.status_code == 422 and too_long.json()["detail"][0]["loc"][-1] == field
    at_limit = patch(client, admin_token, {field: "字" * LONG_TEXT_MAX_LENGTH})
    assert at_limit.status_code == 200, at_limit.content


def test_a_two_megabyte_description_is_refused(client, admin_token, fintech_startup):
    assert patch(client, admin_token, {"description_en": "x" * 2_000_000}).status_code in (413, 422)


def test_the_schema_takes_its_limits_from_the_model():
    properties = api.get_openapi_schema()["components"]["schemas"]["OrganisationPatch"]["properties"]
    for name in ("description_en", "summary_en", "name_zh_hant", "website"):
        limit = Organisation._meta.get_field(name).max_length
        assert any(option.get("maxLength") == limit for option in properties[name].get("anyOf", [properties[name]]))
    founded = properties["founded_year"]["anyOf"][0]
    assert (founded["minimum"], founded["maximum"]) == (1800, 2100)


def test_the_openapi_document_lists_every_error_status_of_a_write():
    operation = api.get_openapi_schema()["paths"]["/api/v1/organisations/{slug}"]["patch"]
    for status in (400, 401, 403, 404, 413, 415, 422, 429, 500):
        response = operation["responses"][status]
        assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}


def test_the_served_openapi_document_lists_them_too(client):
    operation = client.get("/api/openapi.json").json()["paths"]["/api/v1/organisations/{slug}"]["patch"]
    assert {"400", "401", "403", "404", "413", "415", "422"} <= set(operation["responses"])
