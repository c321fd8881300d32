"""Workflows: transitions declared once, applied under a lock with their rule, guard and audit entry.

The mechanism is generic; these tests declare a flow over the Job model's state field, the one model with
states that exists before the domain apps.
"""

import pytest

from zonebridge.core.audit import entries_about
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Job
from zonebridge.core.workflow import Transition, Workflow


def only_superusers(user, job) -> bool:
    return bool(user and user.is_superuser)


def no_message_yet(job):
    return "It has a message already." if job.message == "blocked" else None


FLOW = Workflow("core.job", transitions=[
    Transition("start", source=["queued"], target="running", label="Start", guard=no_message_yet),
    Transition("finish", source=["running"], target="succeeded", label="Finish", allowed=only_superusers),
    Transition("fail", source=["queued", "running"], target="failed", label="Fail"),
])


@pytest.fixture
def job(db):
    return Job.objects.create(kind="example")


def test_a_transition_moves_the_state_and_is_audited(job, student):
    moved = FLOW.apply(job, "start", acting_user=student)
    assert moved.state == "running" and Job.objects.get(pk=job.pk).state == "running"
    entry = entries_about(job).get()
    assert entry.action == "core.job.start" and entry.before == {"state": "queued"}
    assert entry.after == {"state": "running"} and entry.actor_label == "student"


def test_a_move_from_the_wrong_state_is_refused_and_changes_nothing(job, student):
    FLOW.apply(job, "fail", acting_user=student)
    with pytest.raises(Conflict) as error:
        FLOW.apply(job, "start", acting_user=student)
    assert "Start" in error.value.message and "Failed" in error.value.message
    assert Job.objects.get(pk=job.pk).state == "failed" and entries_about(job).count() == 1


def test_who_may_is_checked(job, student, django_user_model):
    FLOW.apply(job, "start", acting_user=student)
    with pytest.raises(NotAllowed):
        FLOW.apply(job, "finish", acting_user=student)
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-boss-123")
    assert FLOW.apply(job, "finish", acting_user=boss).state == "succeeded"


def test_a_guard_says_why_not(job, student):
    Job.objects.filter(pk=job.pk).update(message="blocked")
    with pytest.raises(Conflict, match="It has a message already."):
        FLOW.apply(job, "start", acting_user=student)


def test_the_state_is_read_under_the_lock_not_from_the_callers_copy(job, student):
    stale = Job.objects.get(pk=job.pk)
    FLOW.apply(job, "fail", acting_user=student)
    with pytest.raises(Conflict):
        FLOW.apply(stale, "start", acting_user=student)  # the caller's copy still says "queued"


def test_changes_are_saved_with_the_transition(job, student):
    FLOW.apply(job, "fail", acting_user=student, changes={"error": "out of paper"})
    assert Job.objects.get(pk=job.pk).error == "out of paper"
    assert entries_about(job).get().after == {"state": "failed", "error": "out of paper"}


def test_an_unknown_action_names_the_field(job, student):
    with pytest.raises(DomainError) as error:
        FLOW.apply(job, "explode", acting_user=student)
    assert error.value.field == "action"


def test_available_lists_what_the_user_may_do_now(job, student):
    assert [t.name for t in FLOW.available(job, student)] == ["start", "fail"]
    Job.objects.filter(pk=job.pk).update(message="blocked")
    job.refresh_from_db()
    assert [t.name for t in FLOW.available(job, student)] == ["fail"]
