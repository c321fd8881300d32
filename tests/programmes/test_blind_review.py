"""A blind review: the operator marks a round's review blind; its reviewers then see neither the applicant's
name, university nor CV, in the pages or the API; the operators still do."""

import pytest

from zonebridge.accounts.services import issue_api_token
from zonebridge.core.errors import DomainError, NotAllowed
from zonebridge.core.models import AuditEntry
from zonebridge.programmes import services
from zonebridge.programmes.models import Application, Round


@pytest.fixture
def blind_round(open_round, application, outside_reviewer, operator_hk):
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Motivation"}, weight=1)
    return services.set_blind_review(open_round, True, acting_user=operator_hk)


def test_only_the_operators_make_a_review_blind_until_the_match(open_round, operator_hk, org_admin):
    with pytest.raises(NotAllowed):
        services.set_blind_review(open_round, True, acting_user=org_admin)
    assert services.set_blind_review(open_round, True, acting_user=operator_hk).blind_review is True
    assert AuditEntry.objects.filter(action="programmes.round.blind_review").exists()
    Round.objects.filter(pk=open_round.pk).update(state="matching")
    with pytest.raises(DomainError) as error:
        services.set_blind_review(open_round, False, acting_user=operator_hk)
    assert error.value.field == "blind_review"
    assert Round.objects.get(pk=open_round.pk).blind_review is True


def test_a_blind_reviewer_sees_neither_name_university_nor_cv(blind_round, application, outside_reviewer,
                                                              operator_hk, student):
    application = Application.objects.get(pk=application.pk)  # as a request reads it, with the blind round
    seen = services.applicant_for(application, acting_user=outside_reviewer)
    assert seen["blind"] is True and seen["name"] == f"Applicant #{application.pk}"
    assert seen["university"] is None and seen["cv"] is None
    [row] = services.review_queue(blind_round, acting_user=outside_reviewer)
    assert row["name"] == f"Applicant #{application.pk}" and row["university"] is None
    # The operators (and the student) still see who it is.
    assert services.applicant_for(application, acting_user=operator_hk)["name"] == str(student)
    assert services.review_queue(blind_round, acting_user=operator_hk)[0]["university"] == "Harbour University"


def test_an_open_review_shows_the_applicant(open_round, application, outside_reviewer, operator_hk, student):
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    seen = services.applicant_for(application, acting_user=outside_reviewer)
    assert seen["name"] == str(student) and seen["university"] == "Harbour University"


def test_the_pages_hide_the_applicant_from_a_blind_reviewer(client, blind_round, application, outside_reviewer,
                                                            student):
    client.force_login(outside_reviewer)
    queue = client.get(f"/en/programmes/rounds/{blind_round.pk}/review/").content.decode()
    detail = client.get(f"/en/programmes/applications/{application.pk}/").content.decode()
    for page in (queue, detail):
        assert str(student) not in page and "Harbour University" not in page
        assert f"Applicant #{application.pk}" in page
    assert "I build payment systems." in detail  # the motivation is what the reviewer scores


def test_the_api_hides_the_applicant_from_a_blind_reviewer(client, blind_round, application, outside_reviewer,
                                                          operator_hk, student):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(outside_reviewer, 'test')[1]}"}
    queue = client.get(f"/api/v1/programmes/rounds/{blind_round.pk}/review-queue", **headers).json()
    assert queue == [{"application": application.pk, "name": f"Applicant #{application.pk}", "university": None,
                      "review_count": 0, "mine": False}]
    detail = client.get(f"/api/v1/programmes/applications/{application.pk}", **headers).json()
    assert (detail["name"], detail["university"], detail["cv"], detail["blind"]) == (
        f"Applicant #{application.pk}", None, None, True)
    assert str(student) not in str(detail)
    operator = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(operator_hk, 'test')[1]}"}
    answer = client.put(f"/api/v1/programmes/rounds/{blind_round.pk}/blind-review", '{"blind_review": false}',
                        content_type="application/json", **operator)
    assert answer.json()["blind_review"] is False
    detail = client.get(f"/api/v1/programmes/applications/{application.pk}", **headers).json()
    assert detail["name"] == str(student) and detail["university"] == "Harbour University"


def test_the_settings_page_makes_the_review_blind(client, open_round, operator_hk):
    client.force_login(operator_hk)
    client.post(f"/en/programmes/rounds/{open_round.pk}/settings/", {"form": "blind", "blind_review": "on"})
    assert Round.objects.get(pk=open_round.pk).blind_review is True
