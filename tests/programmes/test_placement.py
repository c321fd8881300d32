"""The match: preview, the committed run (once, atomic), offers with deadlines, explanations, second rounds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.programmes.conftest import advance, post, run_match
from zonebridge.core.errors import Conflict, DomainError
from zonebridge.core.jobs import run_job
from zonebridge.core.models import Job, JobState, Notification
from zonebridge.programmes import services
from zonebridge.programmes.models import (
    Application,
    Offer,
    OfferState,
    Participant,
    PlacementRun,
    Round,
    RoundState,
)

RESULT_KINDS = ("programmes.offer", "programmes.unplaced", "programmes.host_result", "programmes.run_finished")


@pytest.fixture
def ranked(open_round, position, application, second_student, student, org_admin, operator_hk):
    """Two candidates both wanting the one place; the host prefers the second."""
    other = services.apply_to_round(open_round, acting_user=second_student)
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_student_ranking(other, [position.pk], acting_user=second_student)
    services.set_host_ranking(position, [other.pk, application.pk], acting_user=org_admin)
    return advance(open_round, operator_hk, "start_review", "start_matching"), application, other


def test_the_preview_counts_without_writing(ranked, operator_hk):
    round_, _first, _second = ranked
    preview = services.preview_match(round_, acting_user=operator_hk)
    assert (preview["candidates"], preview["places"], preview["placed"], preview["unplaced"]) == (2, 1, 1, 1)
    assert preview["by_host"] == {"TidePay": {"places": 1, "placed": 1}}
    assert preview["by_university"] == {"Harbour University": {"candidates": 2, "placed": 1}}
    assert preview["stable"] is True
    assert not PlacementRun.objects.exists() and not Offer.objects.exists()


def test_the_run_commits_offers_publishes_and_tells_everyone(ranked, operator_hk, org_admin, student, second_student,
                                                             django_capture_on_commit_callbacks):
    round_, first, second = ranked
    job = run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    assert job.state == JobState.SUCCEEDED, job.error
    run = PlacementRun.objects.get(round=round_)
    assert run.stable and run.assignment == {f"a{first.pk}": None, f"a{second.pk}": f"p{ranked[0].positions.get().pk}"}
    assert run.inputs["hosts"][0]["prefs"] == [f"a{second.pk}", f"a{first.pk}"]
    assert job.result["url"] == f"/en/programmes/runs/{run.pk}/"
    assert Round.objects.get(pk=round_.pk).state == RoundState.PUBLISHED
    offer = Offer.objects.get()
    assert offer.application == second and offer.deadline == round_.offer_deadline
    assert Notification.objects.filter(recipient=second_student, kind="programmes.offer").exists()
    assert Notification.objects.filter(recipient=student, kind="programmes.unplaced").exists()
    assert Notification.objects.filter(recipient=org_admin, kind="programmes.host_result").exists()
    assert Notification.objects.filter(recipient=operator_hk, kind="programmes.run_finished").exists()


def test_an_unplaced_student_and_a_host_see_why(ranked, operator_hk, django_capture_on_commit_callbacks):
    round_, first, second = ranked
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    run = PlacementRun.objects.get()
    why = services.explanation_for_student(run, first)
    assert [(line["position"].title_en, line["reason"]) for line in why] == [
        ("Payments engineer intern", "full_with_preferred")]
    assert services.explanation_for_student(run, second) == []


def test_a_run_started_while_the_round_is_open_is_refused(open_round, operator_hk):
    with pytest.raises(Conflict) as error:
        services.start_placement_run(open_round, acting_user=operator_hk)
    assert "is still Open for applications" in error.value.message
    assert not Job.objects.exists()


def test_the_match_runs_once(ranked, operator_hk, django_capture_on_commit_callbacks):
    round_ = ranked[0]
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    with pytest.raises(Conflict, match="already run"):
        services.start_placement_run(round_, acting_user=operator_hk)
    assert PlacementRun.objects.count() == 1


def test_a_second_press_while_the_job_waits_is_refused(ranked, operator_hk, superuser,
                                                       django_capture_on_commit_callbacks):
    round_ = ranked[0]
    with django_capture_on_commit_callbacks(execute=False):
        services.start_placement_run(round_, acting_user=operator_hk)
        with pytest.raises(Conflict, match="already running"):
            services.start_placement_run(round_, acting_user=superuser)
    assert Job.objects.count() == 1


def test_a_failing_run_leaves_nothing_half_written(ranked, operator_hk, monkeypatch,
                                                   django_capture_on_commit_callbacks):
    round_ = ranked[0]

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    with django_capture_on_commit_callbacks(execute=False):
        job = services.start_placement_run(round_, acting_user=operator_hk)
    # The last write of the run fails: the run row and the offers written before it must be gone too.
    monkeypatch.setattr("zonebridge.programmes.services.placement.start_job", broken)
    job = run_job(job.pk)
    assert job.state == JobState.FAILED
    assert not PlacementRun.objects.exists() and not Offer.objects.exists()
    assert Round.objects.get(pk=round_.pk).state == RoundState.MATCHING
    assert not Notification.objects.filter(kind__in=RESULT_KINDS).exists()


def test_everyone_is_told_once(ranked, operator_hk, django_capture_on_commit_callbacks):
    run_match(ranked[0], operator_hk, django_capture_on_commit_callbacks)
    run = PlacementRun.objects.get()
    told = Notification.objects.filter(kind__in=RESULT_KINDS).count()
    assert run.notified_at is not None and told == 4  # two students, the host's admin, the operator
    assert services.notify_results(run) == 0 and Notification.objects.filter(kind__in=RESULT_KINDS).count() == told


def test_an_offer_past_its_deadline_cannot_be_accepted(ranked, operator_hk, second_student,
                                                       django_capture_on_commit_callbacks):
    run_match(ranked[0], operator_hk, django_capture_on_commit_callbacks)
    offer = Offer.objects.get()
    Offer.objects.filter(pk=offer.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    offer.refresh_from_db()
    with pytest.raises(Conflict) as error:
        services.accept_offer(offer, acting_user=second_student)
    assert "had to be answered by" in error.value.message and "Payments engineer intern" in error.value.message
    assert Offer.objects.get().state == OfferState.OPEN and not Participant.objects.exists()


def test_accepting_joins_the_cohort_and_tells_the_host(ranked, operator_hk, second_student, student, org_admin,
                                                       django_capture_on_commit_callbacks):
    run_match(ranked[0], operator_hk, django_capture_on_commit_callbacks)
    offer = Offer.objects.get()
    with pytest.raises(DomainError):
        services.accept_offer(offer, acting_user=student)
    participant = services.accept_offer(offer, acting_user=second_student)
    assert participant.position == offer.position and participant.programme == ranked[0].programme
    assert Notification.objects.filter(recipient=org_admin, kind="programmes.offer_answered").exists()
    with pytest.raises(Conflict, match="already"):
        services.decline_offer(offer, acting_user=second_student)


def test_declined_places_and_unplaced_students_go_to_a_second_round(ranked, operator_hk, second_student, student,
                                                                     django_capture_on_commit_callbacks):
    round_ = ranked[0]
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    services.decline_offer(Offer.objects.get(), acting_user=second_student)
    now = timezone.now()
    new = services.open_second_round(Round.objects.get(pk=round_.pk), acting_user=operator_hk,
                                     applications_close_at=now + timedelta(days=3),
                                     offer_deadline=now + timedelta(days=9))
    assert (new.number, new.state, new.previous_id) == (2, RoundState.DRAFT, round_.pk)
    assert [(p.title_en, p.capacity) for p in new.positions.all()] == [("Payments engineer intern", 1)]
    # The student who declined took their decision; the unplaced one is carried over.
    assert list(Application.objects.filter(round=new).values_list("student__username", "source")) == [
        ("student", "carried")]
    with pytest.raises(Conflict, match="already has a second round"):
        services.open_second_round(Round.objects.get(pk=round_.pk), acting_user=operator_hk,
                                   applications_close_at=now, offer_deadline=now + timedelta(days=1))


def test_a_free_place_offered_to_two_goes_to_the_first_who_accepts(ranked, operator_hk, student, second_student,
                                                                    django_capture_on_commit_callbacks):
    round_, first, second = ranked
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    position = round_.positions.get()
    services.decline_offer(Offer.objects.get(), acting_user=second_student)
    Offer.objects.all().delete()  # as if the match had offered nothing: both are free candidates
    one = services.offer_free_place(position, first, acting_user=operator_hk)
    two = services.offer_free_place(position, second, acting_user=operator_hk)
    services.accept_offer(two, acting_user=second_student)
    with pytest.raises(Conflict, match="last place"):
        services.accept_offer(one, acting_user=student)


def test_the_offer_deadline_must_lie_ahead_to_run(ranked, operator_hk):
    round_ = ranked[0]
    Round.objects.filter(pk=round_.pk).update(offer_deadline=timezone.now() - timedelta(hours=1))
    with pytest.raises(DomainError, match="offer deadline"):
        services.start_placement_run(Round.objects.get(pk=round_.pk), acting_user=operator_hk)


def test_a_host_sees_why_its_place_stayed_empty(open_round, position, application, student, org_admin, operator_hk,
                                                fintech_startup, django_capture_on_commit_callbacks):
    spare = post(open_round, org_admin, fintech_startup, "Data intern", capacity=2)
    services.set_student_ranking(application, [position.pk, spare.pk], acting_user=student)
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    services.set_host_ranking(spare, [application.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    run = PlacementRun.objects.get()
    assert services.explanation_for_position(run, position) is None  # full
    why = services.explanation_for_position(run, spare)
    assert (why["filled"], why["capacity"]) == (0, 2)
    assert [(line["application"], line["reason"], line["placed_at"]) for line in why["lines"]] == [
        (application, "placed_at_preferred", position)]
