"""Domain errors: one type, shown on forms by field and answered by the API in the one error body."""

from django import forms

from zonebridge.core.errors import Conflict, DomainError, InvalidFields, NotAllowed, add_to_form, domain_error_body


class ExampleForm(forms.Form):
    title = forms.CharField()


def test_a_domain_error_lands_on_the_field_it_names():
    form = ExampleForm({"title": "x"})
    assert form.is_valid()
    add_to_form(form, DomainError("Too short.", field="title"))
    assert form.errors == {"title": ["Too short."]}


def test_an_error_about_no_known_field_lands_above_the_form():
    form = ExampleForm({"title": "x"})
    form.is_valid()
    add_to_form(form, Conflict("Already done."))
    assert form.non_field_errors() == ["Already done."]


def test_several_field_problems_each_land_on_their_field():
    form = ExampleForm({"title": "x"})
    form.is_valid()
    add_to_form(form, InvalidFields({"title": "Bad.", "other": "Also bad."}))
    assert form.errors["title"] == ["Bad."] and form.non_field_errors() == ["Also bad."]


def test_the_api_body_locates_the_field():
    assert domain_error_body(DomainError("Bad URL.", field="website")) == {
        "detail": [{"loc": ["body", "website"], "msg": "Bad URL.", "type": "invalid"}]}
    assert domain_error_body(NotAllowed("No.")) == {"detail": [{"loc": [], "msg": "No.", "type": "forbidden"}]}


def test_every_api_error_has_the_one_shape(client, fintech_startup, coordinator):
    from zonebridge.accounts.services import issue_api_token

    token = issue_api_token(coordinator, "t")[1]
    forbidden = client.patch("/api/v1/organisations/tidepay", {"summary_en": "x"}, content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token}")
    missing = client.get("/api/v1/organisations/nobody")
    unauthenticated = client.patch("/api/v1/organisations/tidepay", {}, content_type="application/json")
    invalid = client.get("/api/v1/organisations", {"kind": "spaceship"})
    for response, status in ((forbidden, 403), (missing, 404), (unauthenticated, 401), (invalid, 422)):
        assert response.status_code == status
        problems = response.json()["detail"]
        assert problems and all(set(p) == {"loc", "msg", "type"} for p in problems), response.json()


def test_the_openapi_document_lists_the_error_responses(client):
    schema = client.get("/api/openapi.json").json()
    patch = schema["paths"]["/api/v1/organisations/{slug}"]["patch"]["responses"]
    assert {"401", "403", "404", "413", "422"} <= set(map(str, patch))
    assert patch["422"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/ErrorOut"
