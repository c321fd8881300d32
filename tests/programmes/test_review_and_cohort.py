"""Review on a weighted rubric with conflicts of interest refused, and the cohort that follows the match."""

import pytest

from tests.programmes.conftest import advance, run_match
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Notification
from zonebridge.programmes import queries, services
from zonebridge.programmes.models import Application, Feedback, Offer, Review


@pytest.fixture
def rubric(open_round, operator_hk):
    return [services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Motivation",
                                                                              "label_zh_hans": "动机"}, weight=1),
            services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Skills"}, weight=3)]


def test_a_reviewer_scores_on_the_weighted_rubric(rubric, application, outside_reviewer, open_round, operator_hk):
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    motivation, skills = rubric
    assert motivation.label_zh_hant == "動機"
    review = services.score_application(application, acting_user=outside_reviewer,
                                        scores={motivation.pk: 5, skills.pk: 1})
    # (1×5 + 3×1) / (1×5 + 3×5) = 8 / 20
    assert review.total == 40.0
    assert Application.objects.get(pk=application.pk).score == 40.0
    assert queries.ranked_results(open_round).first().mean_score == 40.0


def test_a_reviewer_of_the_students_own_university_is_refused(rubric, application, reviewer, open_round,
                                                              operator_hk):
    services.invite_reviewer(open_round, reviewer, acting_user=operator_hk)
    with pytest.raises(NotAllowed, match="conflict of interest"):
        services.score_application(application, acting_user=reviewer, scores={c.pk: 3 for c in rubric})
    assert not Review.objects.exists()


def test_a_reviewer_who_nominated_the_student_is_refused(rubric, open_round, operator_hk, battery_maker, student,
                                                         hk_university, coordinator):
    from zonebridge.accounts.models import Membership, Role

    # The coordinator also reviews for a Lingang company: they nominated the student, so they may not score them.
    Membership.objects.create(user=coordinator, organisation=battery_maker, role=Role.REVIEWER)
    services.invite_reviewer(open_round, coordinator, acting_user=operator_hk)
    nomination = services.nominate(open_round, student, university=hk_university, acting_user=coordinator)
    Membership.objects.filter(user=coordinator, organisation=hk_university).delete()
    with pytest.raises(NotAllowed, match="conflict of interest"):
        services.score_application(nomination.application, acting_user=coordinator,
                                   scores={c.pk: 3 for c in rubric})


def test_a_reviewer_sharing_an_organisation_with_the_student_is_refused(rubric, application, outside_reviewer,
                                                                        open_round, operator_hk, student,
                                                                        battery_maker):
    from zonebridge.accounts.models import Membership, Role

    Membership.objects.create(user=student, organisation=battery_maker, role=Role.ORG_MEMBER)
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    with pytest.raises(NotAllowed):
        services.score_application(application, acting_user=outside_reviewer, scores={c.pk: 3 for c in rubric})


def test_scores_outside_the_scale_name_the_criterion(rubric, application, outside_reviewer, open_round,
                                                     operator_hk):
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    with pytest.raises(DomainError) as error:
        services.score_application(application, acting_user=outside_reviewer,
                                   scores={rubric[0].pk: 9, rubric[1].pk: 1})
    assert error.value.field == f"score_{rubric[0].pk}" and "0 to 5" in error.value.message


def test_uninvited_reviewers_score_nothing(rubric, application, outside_reviewer):
    with pytest.raises(NotAllowed, match="invited"):
        services.score_application(application, acting_user=outside_reviewer, scores={})


def test_the_rubric_is_fixed_once_the_review_starts(open_round, operator_hk):
    advance(open_round, operator_hk, "start_review")
    open_round.refresh_from_db()
    with pytest.raises(DomainError, match="fixed"):
        services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Late"}, weight=1)


def test_the_review_list_leaves_conflicts_out(client, rubric, application, reviewer, outside_reviewer, open_round,
                                              operator_hk):
    for user in (reviewer, outside_reviewer):
        services.invite_reviewer(open_round, user, acting_user=operator_hk)
    client.force_login(reviewer)
    assert f"/en/programmes/applications/{application.pk}/" not in client.get(
        f"/en/programmes/rounds/{open_round.pk}/review/").content.decode()
    assert client.get(f"/en/programmes/applications/{application.pk}/").status_code == 403
    client.force_login(outside_reviewer)
    assert f"/en/programmes/applications/{application.pk}/" in client.get(
        f"/en/programmes/rounds/{open_round.pk}/review/").content.decode()


@pytest.fixture
def participant(open_round, position, application, student, org_admin, operator_hk,
                django_capture_on_commit_callbacks):
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    run_match(round_, operator_hk, django_capture_on_commit_callbacks)
    return services.accept_offer(Offer.objects.get(), acting_user=student)


def test_the_cohort_from_mentor_to_feedback(participant, operator_hk, mentor, student, org_admin):
    with pytest.raises(DomainError, match="no mentor role"):
        services.assign_mentor(participant, org_admin, acting_user=operator_hk)
    services.assign_mentor(participant, mentor, acting_user=operator_hk)
    assert Notification.objects.filter(recipient=mentor, kind="programmes.mentor_assigned").exists()
    participant.refresh_from_db()
    services.add_check_in(participant, acting_user=mentor, note="Settling in well.")
    with pytest.raises(NotAllowed):
        services.add_check_in(participant, acting_user=org_admin, note="Not my note to write")
    with pytest.raises(Conflict, match="opens when"):
        services.submit_feedback(participant, acting_user=student, rating=5, would_recommend=True)
    participant = services.complete_participation(participant, acting_user=operator_hk)
    services.submit_feedback(participant, acting_user=student, rating=4, would_recommend=True, comment="Great")
    assert Feedback.objects.get().rating == 4
    with pytest.raises(Conflict, match="already answered"):
        services.submit_feedback(participant, acting_user=student, rating=4, would_recommend=True)
    with pytest.raises(DomainError):
        services.submit_feedback(participant, acting_user=mentor, rating=9, would_recommend=True)
