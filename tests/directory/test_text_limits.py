"""Every free-text field has a maximum, enforced by the model, its forms and the API alike."""

import pytest
from django.db import models

from tests.world import PASSWORD
from zonebridge.accounts.forms import PersonProfileForm
from zonebridge.accounts.models import PersonProfile
from zonebridge.core.errors import InvalidFields
from zonebridge.directory import services
from zonebridge.directory.forms import OrganisationProfileForm
from zonebridge.directory.models import Organisation


@pytest.mark.parametrize("model", [Organisation, PersonProfile])
def test_every_text_field_has_a_maximum(model):
    for field in model._meta.get_fields():
        if isinstance(field, (models.CharField, models.TextField)) and field.editable:
            assert field.max_length, f"{model.__name__}.{field.name}"


def test_the_model_refuses_a_description_over_the_limit(fintech_startup, org_admin):
    limit = Organisation._meta.get_field("description_en").max_length
    with pytest.raises(InvalidFields) as refused:
        services.update_organisation_profile(fintech_startup, acting_user=org_admin, fields={},
                                             texts={"description_en": "x" * (limit + 1)})
    assert "description_en" in refused.value.problems


def test_the_profile_form_refuses_a_description_over_the_limit(fintech_startup):
    limit = Organisation._meta.get_field("description_en").max_length
    form = OrganisationProfileForm({"kind": "startup", "chinese_source": "zh_hant", "name_en": "TidePay",
                                    "description_en": "x" * (limit + 1)}, instance=fintech_startup)
    assert not form.is_valid() and "description_en" in form.errors
    assert f'maxlength="{limit}"' in str(form["description_en"])


def test_the_edit_page_refuses_a_two_megabyte_description(client, org_admin, fintech_startup):
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/organisations/tidepay/edit/", {
        "kind": "startup", "chinese_source": "zh_hant", "name_en": "TidePay", "description_en": "x" * 2_000_000})
    assert response.status_code in (200, 413)
    assert len(Organisation.objects.get(slug="tidepay").description_en) < 2_000_000


def test_a_bio_over_the_limit_is_refused(org_admin):
    limit = PersonProfile._meta.get_field("bio").max_length
    form = PersonProfileForm({"bio": "字" * (limit + 1)}, instance=org_admin.profile)
    assert not form.is_valid() and "bio" in form.errors
