"""Applications, nominations within a quota, rank lists on both sides and the operator's decisions."""

import pytest

from tests.programmes.conftest import advance, post
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Notification
from zonebridge.programmes import queries, services
from zonebridge.programmes.models import (
    Application,
    ApplicationState,
    Nomination,
    NominationState,
    Round,
    StudentRank,
)


def test_a_student_applies_once_to_an_open_round(application, student, open_round):
    assert application.university.slug == "harbour-u"
    with pytest.raises(Conflict, match="already applied"):
        services.apply_to_round(open_round, acting_user=student)


def test_only_students_apply(open_round, org_admin):
    with pytest.raises(NotAllowed):
        services.apply_to_round(open_round, acting_user=org_admin)


def test_a_draft_round_takes_no_applications(round_, position, student):
    with pytest.raises(Conflict, match="not open"):
        services.apply_to_round(round_, acting_user=student)


def test_a_coordinator_nominates_and_the_student_is_told(open_round, coordinator, student, hk_university):
    nomination = services.nominate(open_round, student, university=hk_university, acting_user=coordinator,
                                   recommendation="Top of her class.")
    assert nomination.application.source == "nomination"
    assert Notification.objects.filter(recipient=student, kind="programmes.nominated").exists()


def test_a_nomination_over_quota_is_refused_and_changes_nothing(open_round, coordinator, student, second_student,
                                                                hk_university, operator_hk):
    services.set_quota(open_round, hk_university, 1, acting_user=operator_hk)
    services.nominate(open_round, student, university=hk_university, acting_user=coordinator)
    with pytest.raises(Conflict) as error:
        services.nominate(open_round, second_student, university=hk_university, acting_user=coordinator)
    assert "Harbour University has used all 1 nominations" in error.value.message
    assert "Harbour Summer Internships, round 1" in error.value.message
    assert error.value.field == "student"
    assert not Application.objects.filter(student=second_student).exists()
    assert Nomination.objects.count() == 1


def test_withdrawing_frees_the_quota_and_ends_a_nominated_candidacy(open_round, coordinator, student, second_student,
                                                                    hk_university, operator_hk):
    services.set_quota(open_round, hk_university, 1, acting_user=operator_hk)
    nomination = services.nominate(open_round, student, university=hk_university, acting_user=coordinator)
    services.withdraw_nomination(nomination, acting_user=coordinator)
    assert Application.objects.get(student=student).state == ApplicationState.WITHDRAWN
    services.nominate(open_round, second_student, university=hk_university, acting_user=coordinator)
    with pytest.raises(Conflict, match="already withdrawn"):
        services.withdraw_nomination(nomination, acting_user=coordinator)


def test_a_nomination_cannot_be_withdrawn_once_the_round_is_closed(open_round, coordinator, student, hk_university,
                                                                   operator_hk):
    nomination = services.nominate(open_round, student, university=hk_university, acting_user=coordinator)
    advance(open_round, operator_hk, "start_review", "start_matching")
    # The match has not run: publishing and closing need it, so close the round's state directly.
    Round.objects.filter(pk=open_round.pk).update(state="closed")
    with pytest.raises(Conflict, match="can no longer be withdrawn"):
        services.withdraw_nomination(nomination, acting_user=coordinator)
    assert Nomination.objects.get(pk=nomination.pk).state == NominationState.ACTIVE


def test_coordinators_nominate_only_their_own_students(open_round, coordinator, student, battery_admin,
                                                       hk_university, battery_maker):
    with pytest.raises(NotAllowed):
        services.nominate(open_round, student, university=hk_university, acting_user=battery_admin)
    with pytest.raises(NotAllowed):
        services.nominate(open_round, student, university=battery_maker, acting_user=coordinator)


def test_a_student_ranks_the_positions_open_to_them(application, position, open_round, org_admin, fintech_startup,
                                                    student):
    second = post(open_round, org_admin, fintech_startup, "Risk analyst intern")
    services.set_student_ranking(application, [second.pk, position.pk], acting_user=student)
    assert queries.student_ranking(application) == [second, position]


def test_a_rank_list_naming_a_position_not_open_to_the_student_is_refused(
        application, position, open_round, org_admin, fintech_startup, student, battery_maker):
    closed = post(open_round, org_admin, fintech_startup, "Only for Lingang students", universities=[battery_maker])
    services.set_student_ranking(application, [position.pk], acting_user=student)
    with pytest.raises(DomainError) as error:
        services.set_student_ranking(application, [position.pk, closed.pk], acting_user=student)
    assert error.value.message.startswith("Choice 2 (Only for Lingang students) is not open to you")
    assert error.value.field == "positions"
    assert list(StudentRank.objects.values_list("position_id", flat=True)) == [position.pk]


def test_rank_lists_refuse_repeats_and_freeze_for_the_match(application, position, student, open_round, operator_hk):
    with pytest.raises(DomainError, match="once"):
        services.set_student_ranking(application, [position.pk, position.pk], acting_user=student)
    advance(open_round, operator_hk, "start_review", "start_matching")
    with pytest.raises(Conflict, match="frozen"):
        services.set_student_ranking(application, [position.pk], acting_user=student)


def test_only_the_student_ranks_their_positions(application, position, org_admin):
    with pytest.raises(NotAllowed):
        services.set_student_ranking(application, [position.pk], acting_user=org_admin)


def test_a_host_ranks_candidates_the_position_is_open_to(application, position, org_admin, other_org_admin):
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    assert queries.host_ranking(position) == [application]
    with pytest.raises(NotAllowed):
        services.set_host_ranking(position, [application.pk], acting_user=other_org_admin)
    with pytest.raises(DomainError, match="not a candidate"):
        services.set_host_ranking(position, [application.pk, 999999], acting_user=org_admin)


def test_the_operator_decides_and_the_student_is_told(application, operator_hk, student):
    services.decide_application(application, "waitlist", acting_user=operator_hk)
    assert Application.objects.get(pk=application.pk).state == ApplicationState.WAITLISTED
    assert Notification.objects.filter(recipient=student, kind="programmes.decision").exists()
    with pytest.raises(DomainError):
        services.decide_application(application, "maybe", acting_user=operator_hk)
    with pytest.raises(NotAllowed):
        services.decide_application(application, "accept", acting_user=student)
