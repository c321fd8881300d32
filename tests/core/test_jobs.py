"""Jobs: queued after commit, run by the worker with progress, atomic, one at a time per key, followed on a page."""

import pytest
from django.db import transaction

from zonebridge.core.errors import Conflict
from zonebridge.core.jobs import job_kind, run_job, start_job
from zonebridge.core.models import AuditEntry, Job, JobState
from zonebridge.directory.jobs import REBUILD_SEARCH_INDEX
from zonebridge.directory.models import Organisation


@job_kind("tests.half_done_then_fails", label="A job that fails half-way")
def half_done_then_fails(job, progress):
    progress(50, "half-way")
    with transaction.atomic():
        AuditEntry.objects.create(action="tests.written_by_the_job")
        raise RuntimeError("disk on fire")


def test_the_index_rebuild_runs_as_a_job_after_commit(org_admin, battery_maker, fintech_startup,
                                                     django_capture_on_commit_callbacks):
    Organisation.objects.update(search_document="")
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin)
    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED and job.progress == 100
    assert job.result["organisations"] == 2 and "2" in job.message
    assert all(Organisation.objects.values_list("search_document", flat=True))


def test_a_job_that_fails_leaves_nothing_half_written(org_admin):
    job = start_job("tests.half_done_then_fails", acting_user=org_admin)
    job = run_job(job.pk)
    assert job.state == JobState.FAILED and job.progress == 50
    assert "RuntimeError" in job.error and "disk on fire" not in job.error  # no internals for the user
    assert not AuditEntry.objects.filter(action="tests.written_by_the_job").exists()


def test_a_second_job_with_the_same_key_is_refused_while_one_is_active(org_admin):
    first = start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin, exclusive_key="index")
    with pytest.raises(Conflict):
        start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin, exclusive_key="index")
    run_job(first.pk)
    assert start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin, exclusive_key="index").state == JobState.QUEUED


def test_a_job_runs_once_even_if_two_workers_take_it(org_admin):
    job = start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin)
    assert run_job(job.pk).state == JobState.SUCCEEDED
    assert run_job(job.pk) is None


def test_the_job_page_shows_progress_to_its_owner_only(client, org_admin, org_member):
    job = start_job(REBUILD_SEARCH_INDEX, acting_user=org_admin)
    client.force_login(org_admin)
    page = client.get(f"/en/jobs/{job.pk}/")
    assert page.status_code == 200
    assert b'hx-trigger="every 1s"' in page.content and b"<progress" in page.content
    run_job(job.pk)
    done = client.get(f"/en/jobs/{job.pk}/progress/")
    assert b"hx-trigger" not in done.content and b"See the result" in done.content
    client.force_login(org_member)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 404


def test_the_admin_starts_the_rebuild_and_shows_its_page(client, django_user_model, battery_maker):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-123")
    client.force_login(root)
    response = client.post("/en/admin/directory/organisation/", {
        "action": "rebuild_search_index", "_selected_action": [battery_maker.pk]})
    job = Job.objects.get(kind=REBUILD_SEARCH_INDEX)
    assert response.status_code == 302 and response["Location"] == f"/en/jobs/{job.pk}/"


def test_the_command_rebuilds_the_index(battery_maker):
    from django.core.management import call_command

    Organisation.objects.update(search_document="")
    call_command("rebuild_search_index")
    assert Organisation.objects.get(pk=battery_maker.pk).search_document
