"""Operators use Django admin for every model: each list, add and change page opens."""

import pytest
from django.contrib import admin
from django.urls import reverse

from zonebridge.accounts.services import grant_consent, issue_api_token, read_personal_data, update_account_settings
from zonebridge.core.chinese import save_phrase
from zonebridge.core.jobs import start_job
from zonebridge.core.models import ConversionPhrase
from zonebridge.directory.jobs import REBUILD_SEARCH_INDEX


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-123")
    client.force_login(user)
    return client


@pytest.fixture
def one_of_everything(org_admin, battery_admin, student, battery_maker, cv_upload):
    grant_consent(student)
    issue_api_token(org_admin, "sync")
    update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload)
    read_personal_data(battery_admin, student)
    start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin)
    save_phrase(ConversionPhrase(simplified="测试词组", traditional="測試詞組"), acting_user=None)


# Evidence and records of other people's acts: readable in the admin, never added, changed or deleted there.
READ_ONLY = {"PersonalDataAccess", "Consent", "AuditEntry", "Job", "Notification", "PrivateFile"}


def project_models():
    return [model for model in admin.site._registry if model._meta.app_label in ("accounts", "directory", "core")]


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
    assert add.status_code == (403 if model.__name__ in READ_ONLY else 200)


@pytest.mark.parametrize("model", [m for m in project_models() if m.__name__ in READ_ONLY], ids=lambda m: m.__name__)
def test_read_only_records_cannot_be_changed_or_deleted_in_the_admin(superuser_client, one_of_everything, model):
    meta = model._meta
    obj = model.objects.first()
    count = model.objects.count()
    change_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    assert superuser_client.post(change_url, {}).status_code == 403
    delete_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
    assert superuser_client.post(delete_url, {"post": "yes"}).status_code == 403
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    superuser_client.post(changelist, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"})
    assert model.objects.count() == count
