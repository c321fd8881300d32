"""The API of running programmes offers what the operators' and the cohort's pages offer: programmes, rounds and
their states, quotas, the rubric, reviewers, and the cohort; bad input is refused per field, changing nothing."""

import json

import pytest

from tests.programmes.conftest import advance
from zonebridge.accounts.services import issue_api_token
from zonebridge.programmes import services
from zonebridge.programmes.models import CheckIn, Criterion, Feedback, Offer, Participant, Programme, Round


@pytest.fixture
def api(client):
    def call(user, method, path, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'test')[1]}"} if user else {}
        return client.generic(method, f"/api/v1/programmes{path}", json.dumps(body or {}),
                              content_type="application/json", **headers)
    return call


def locs(answer) -> list:
    return [problem["loc"][-1] for problem in answer.json()["detail"]]


NEW = {"slug": "harbour-autumn", "home_zone": "lingang", "host_zone": "hk-hub", "starts_on": "2027-09-01",
       "ends_on": "2027-11-30", "title_en": "Harbour Autumn Fellowships", "title_zh_hant": "海港秋季計劃",
       "chinese_source": "zh_hant"}


def test_an_operator_creates_and_edits_a_programme(api, operator_hk, lingang, hk_hub):
    answer = api(operator_hk, "POST", "", NEW)
    assert answer.status_code == 201 and answer.json()["title_zh_hans"] == "海港秋季计划"
    answer = api(operator_hk, "PATCH", "/harbour-autumn", {"ends_on": "2027-12-15", "eligibility_en": "Year 3+"})
    assert answer.status_code == 200
    programme = Programme.objects.get(slug="harbour-autumn")
    assert str(programme.ends_on) == "2027-12-15" and programme.eligibility_en == "Year 3+"
    assert programme.title_en == "Harbour Autumn Fellowships"  # not sent, not changed


def test_bad_programme_input_is_refused_per_field(api, operator_hk, operator_lingang, lingang, hk_hub, programme):
    assert locs(api(operator_hk, "POST", "", {**NEW, "host_zone": "atlantis"})) == ["host_zone"]
    assert locs(api(operator_hk, "POST", "", {**NEW, "ends_on": "2027-01-01"})) == ["ends_on"]
    assert locs(api(operator_hk, "POST", "", {**NEW, "slug": "new"})) == ["slug"]
    assert "starts_on" in locs(api(operator_hk, "POST", "", {**NEW, "starts_on": "someday"}))
    assert api(operator_lingang, "POST", "", NEW).status_code == 403  # not an operator of the host zone
    assert locs(api(operator_hk, "PATCH", "/harbour-summer", {"ends_on": "2020-01-01"})) == ["ends_on"]
    assert api(operator_lingang, "PATCH", "/harbour-summer", {"title_en": "Mine"}).status_code == 403
    assert Programme.objects.count() == 1 and Programme.objects.get().title_en == "Harbour Summer Internships"


def test_an_operator_adds_a_round_and_moves_it_through_its_states(api, operator_hk, programme, org_admin,
                                                                   fintech_startup, student):
    body = {"applications_close_at": "2030-01-01T00:00:00Z", "offer_deadline": "2030-02-01T00:00:00Z",
            "default_quota": 3}
    answer = api(operator_hk, "POST", "/harbour-summer/rounds", body)
    assert answer.status_code == 201 and answer.json()["state"] == "draft"
    round_id = answer.json()["id"]
    assert api(None, "GET", "/harbour-summer/rounds").json() == []  # drafts are not public
    refused = api(operator_hk, "POST", f"/rounds/{round_id}/transitions", {"action": "open"})
    assert refused.status_code == 409 and "at least one position" in refused.json()["detail"][0]["msg"]
    api(operator_hk, "POST", f"/rounds/{round_id}/positions", {"host": "tidepay", "title_en": "Intern"})
    for action, state in (("open", "open"), ("start_review", "review"), ("start_matching", "matching")):
        assert api(operator_hk, "POST", f"/rounds/{round_id}/transitions", {"action": action}).json()["state"] == state
    assert [r["state"] for r in api(None, "GET", "/harbour-summer/rounds").json()] == ["matching"]
    bad = api(operator_hk, "POST", "/harbour-summer/rounds", {**body, "offer_deadline": "2029-01-01T00:00:00Z"})
    assert locs(bad) == ["offer_deadline"]
    assert locs(api(operator_hk, "POST", "/harbour-summer/rounds", {**body, "default_quota": -1})) == ["default_quota"]
    assert api(student, "POST", "/harbour-summer/rounds", body).status_code == 403
    assert Round.objects.count() == 1


def test_quotas_the_rubric_and_reviewers(api, operator_hk, open_round, hk_university, outside_reviewer, student,
                                         coordinator):
    rid = open_round.pk
    answer = api(operator_hk, "PUT", f"/rounds/{rid}/quotas/harbour-u", {"quota": 4})
    assert answer.json() == {"university": "harbour-u", "quota": 4, "used": 0}
    assert api(operator_hk, "GET", f"/rounds/{rid}/quotas").json() == [answer.json()]
    assert locs(api(operator_hk, "PUT", f"/rounds/{rid}/quotas/harbour-u", {"quota": 5000})) == ["quota"]
    assert locs(api(operator_hk, "PUT", f"/rounds/{rid}/quotas/no-such-u", {"quota": 1})) == ["university"]
    services.nominate(open_round, student, university=hk_university, acting_user=coordinator)
    assert locs(api(operator_hk, "PUT", f"/rounds/{rid}/quotas/harbour-u", {"quota": 0})) == ["quota"]
    assert api(coordinator, "PUT", f"/rounds/{rid}/quotas/harbour-u", {"quota": 9}).status_code == 403

    answer = api(operator_hk, "POST", f"/rounds/{rid}/criteria", {"label_en": "Motivation", "weight": 3})
    assert answer.status_code == 201 and answer.json()["weight"] == 3
    assert locs(api(operator_hk, "POST", f"/rounds/{rid}/criteria", {"label_en": " ", "weight": 1})) == ["label_en"]
    assert locs(api(operator_hk, "POST", f"/rounds/{rid}/criteria", {"label_en": "X", "weight": 0})) == ["weight"]
    assert Criterion.objects.count() == 1

    assert api(operator_hk, "POST", f"/rounds/{rid}/reviewers", {"reviewer": "outside_reviewer"}).status_code == 201
    assert [r["username"] for r in api(operator_hk, "GET", f"/rounds/{rid}/reviewers").json()] == [
        "outside_reviewer"]
    assert locs(api(operator_hk, "POST", f"/rounds/{rid}/reviewers", {"reviewer": "student"})) == ["reviewer"]
    assert locs(api(operator_hk, "POST", f"/rounds/{rid}/reviewers", {"reviewer": "nobody"})) == ["reviewer"]
    # An invited reviewer reads the rubric; a student does not.
    assert [c["label_en"] for c in api(outside_reviewer, "GET", f"/rounds/{rid}/criteria").json()] == ["Motivation"]
    assert api(student, "GET", f"/rounds/{rid}/criteria").status_code == 403


@pytest.fixture
def participant(open_round, position, application, student, org_admin, operator_hk):
    services.set_student_ranking(application, [position.pk], acting_user=student)
    services.set_host_ranking(position, [application.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    services.run_placement(round_, acting_user=operator_hk)
    return services.accept_offer(Offer.objects.get(), acting_user=student)


def test_the_cohort_through_the_api(api, participant, operator_hk, mentor, student, org_member):
    pid = participant.pk
    assert locs(api(operator_hk, "PUT", f"/participants/{pid}/mentor", {"mentor": "student"})) == ["mentor"]
    assert api(operator_hk, "PUT", f"/participants/{pid}/mentor", {"mentor": "mentor"}).json()["mentor"] == "mentor"
    assert [p["id"] for p in api(mentor, "GET", "/harbour-summer/participants").json()] == [pid]
    assert api(org_member, "GET", "/harbour-summer/participants").status_code == 403
    assert locs(api(mentor, "POST", f"/participants/{pid}/check-ins", {"note": ""})) == ["note"]
    answer = api(mentor, "POST", f"/participants/{pid}/check-ins", {"note": "Settling in well."})
    assert answer.status_code == 201 and answer.json()["author"] == "mentor"
    assert [c["note"] for c in api(student, "GET", f"/participants/{pid}/check-ins").json()] == ["Settling in well."]
    assert api(student, "POST", f"/participants/{pid}/check-ins", {"note": "Me"}).status_code == 403
    assert api(student, "POST", f"/participants/{pid}/feedback", {"rating": 5}).status_code == 409
    assert api(mentor, "POST", f"/participants/{pid}/complete").status_code == 403
    assert api(operator_hk, "POST", f"/participants/{pid}/complete").json()["state"] == "completed"
    assert api(student, "GET", f"/participants/{pid}/feedback").status_code == 404
    assert locs(api(student, "POST", f"/participants/{pid}/feedback", {"rating": 9})) == ["rating"]
    answer = api(student, "POST", f"/participants/{pid}/feedback", {"rating": 4, "would_recommend": True,
                                                                    "comment": "Great team."})
    assert answer.status_code == 201
    assert api(operator_hk, "GET", f"/participants/{pid}/feedback").json()["rating"] == 4
    assert api(student, "POST", f"/participants/{pid}/feedback", {"rating": 5}).status_code == 409
    assert CheckIn.objects.count() == 1 and Feedback.objects.count() == 1
    assert Participant.objects.get().state == "completed"
