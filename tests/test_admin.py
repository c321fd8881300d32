"""Operators use Django admin for every model: each list, add and change page opens."""

import pytest
from django.contrib import admin
from django.urls import reverse

from zonebridge.accounts.services import grant_consent, issue_api_token, read_personal_data


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-123")
    client.force_login(user)
    return client


@pytest.fixture
def one_of_everything(org_admin, battery_admin, student, battery_maker):
    grant_consent(student)
    issue_api_token(org_admin, "sync")
    read_personal_data(battery_admin, student)


def project_models():
    return [model for model in admin.site._registry if model._meta.app_label in ("accounts", "directory")]


def test_every_project_model_is_registered():
    names = {model.__name__ for model in project_models()}
    assert names >= {"User", "Membership", "Consent", "PersonalDataAccess", "ApiToken", "Zone", "Sector",
                     "Organisation", "PersonProfile"}


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model.__name__)
def test_the_admin_pages_open(superuser_client, one_of_everything, model):
    meta = model._meta
    changelist = superuser_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert changelist.status_code == 200
    obj = model.objects.first()
    change = superuser_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200
    add = superuser_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    assert add.status_code == (403 if model.__name__ == "PersonalDataAccess" else 200)
