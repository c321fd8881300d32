"""Private files: checked by content, stored privately under random names, served only through policy."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.world import pdf_bytes
from zonebridge.accounts.models import PersonalDataAccess
from zonebridge.accounts.services import grant_consent, update_account_settings
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import DomainError
from zonebridge.core.models import PrivateFile

HOSTILE = [
    ("cv.html", b"<html><script>alert(document.cookie)</script></html>", "text/html"),
    ("cv.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
    ("cv.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),  # a lying name and type
    ("cv.js", b"alert(1)", "application/javascript"),
    ("cv.pdf", b"", "application/pdf"),
]


@pytest.mark.parametrize("name,content,content_type", HOSTILE, ids=[h[0] + str(i) for i, h in enumerate(HOSTILE)])
def test_anything_but_an_allowed_document_is_refused_and_nothing_saved(student, name, content, content_type):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    with pytest.raises(DomainError) as error:
        update_account_settings(student, acting_user=student, account={}, profile={"headline": "changed"},
                                cv=upload)
    assert error.value.field == "cv"
    student.profile.refresh_from_db()
    assert student.profile.cv is None and student.profile.headline == "student headline"


def test_a_too_large_file_is_refused(student):
    upload = SimpleUploadedFile("cv.pdf", pdf_bytes("x" * (6 * 1024 * 1024)), content_type="application/pdf")
    with pytest.raises(DomainError, match="too large"):
        update_account_settings(student, acting_user=student, account={}, profile={}, cv=upload)


def test_a_cv_is_stored_privately_under_a_random_name(student, cv_upload, settings):
    profile = update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload)
    stored = profile.cv
    assert stored.original_name == "my cv.pdf" and stored.content_type == "application/pdf"
    assert stored.file.name.startswith("cv/") and stored.file.name.endswith(".pdf") and "my" not in stored.file.name
    path = settings.PRIVATE_MEDIA_ROOT / stored.file.name
    assert path.read_bytes() == pdf_bytes()
    assert settings.MEDIA_ROOT not in path.parents


def test_a_replaced_cv_is_deleted(student, cv_upload, settings, django_capture_on_commit_callbacks):
    first = update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload).cv
    first_path = settings.PRIVATE_MEDIA_ROOT / first.file.name
    second_upload = SimpleUploadedFile("new.pdf", pdf_bytes("new"), content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        update_account_settings(student, acting_user=student, account={}, profile={}, cv=second_upload)
    assert not first_path.exists() and not PrivateFile.objects.filter(pk=first.pk).exists()


def test_the_owner_downloads_it_as_a_sandboxed_attachment(client, student, cv_upload):
    cv = update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload).cv
    client.force_login(student)
    response = client.get(f"/files/{cv.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_strangers_and_visitors_get_nothing(client, student, cv_upload, org_member):
    cv = update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload).cv
    assert client.get(f"/files/{cv.pk}/").status_code == 404
    client.force_login(org_member)
    assert client.get(f"/files/{cv.pk}/").status_code == 404


def test_a_cross_border_professional_reads_it_only_with_consent_and_it_is_logged(client, student, cv_upload,
                                                                                 battery_admin):
    cv = update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload).cv
    client.force_login(battery_admin)
    assert client.get(f"/files/{cv.pk}/").status_code == 404
    grant_consent(student, acting_user=student)
    assert client.get(f"/files/{cv.pk}/").status_code == 200
    assert PersonalDataAccess.objects.filter(viewer=battery_admin, person=student, channel="file").count() == 1
    assert entries_about(student).filter(action="accounts.personal_data_viewed").exists()


def test_the_settings_page_uploads_and_refuses_with_the_reason(client, student):
    client.force_login(student)
    bad = SimpleUploadedFile("cv.html", b"<html><script>alert(1)</script></html>", content_type="text/html")
    response = client.post("/en/accounts/settings/", {
        "account-display_name": "Student", "account-preferred_language": "en", "profile-headline": "Kept typed",
        "profile-cv": bad})
    assert response.status_code == 200 and b"This file type is not accepted" in response.content
    assert b"Kept typed" in response.content  # nothing the user typed is lost
    good = SimpleUploadedFile("cv.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post("/en/accounts/settings/", {
        "account-display_name": "Student", "account-preferred_language": "en", "profile-cv": good})
    assert response.status_code == 302
    student.profile.refresh_from_db()
    assert student.profile.cv.original_name == "cv.pdf"


def test_a_logo_that_is_a_script_is_refused(client, org_admin, fintech_startup):
    from zonebridge.directory.services import update_organisation_profile

    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                             content_type="image/svg+xml")
    with pytest.raises(DomainError) as error:
        update_organisation_profile(fintech_startup, acting_user=org_admin, texts={}, fields={}, logo=svg)
    assert error.value.field == "logo"


def test_a_rolled_back_upload_leaves_a_file_that_the_purge_removes(student, cv_upload, settings):
    import os

    from django.core.management import call_command
    from django.db import transaction

    from zonebridge.core.files import store_upload

    kept = update_account_settings(student, acting_user=student, account={}, profile={}, cv=cv_upload).cv
    try:
        with transaction.atomic():
            orphan = store_upload(SimpleUploadedFile("x.pdf", pdf_bytes("x"), content_type="application/pdf"),
                                  kind="cv", owner=student, field="cv")
            raise RuntimeError("the rest of the use case failed")
    except RuntimeError:
        pass
    orphan_path = settings.PRIVATE_MEDIA_ROOT / orphan.file.name
    kept_path = settings.PRIVATE_MEDIA_ROOT / kept.file.name
    assert orphan_path.exists() and not PrivateFile.objects.filter(pk=orphan.pk).exists()
    call_command("purge_orphan_files")
    assert orphan_path.exists()  # too young: its transaction might still be open
    for path in (orphan_path, kept_path):
        os.utime(path, (0, 0))
    call_command("purge_orphan_files")
    assert not orphan_path.exists() and kept_path.exists()
