"""The programmes API: reads, writes with a token, and bad input refused in the one error body, changing nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.programmes.conftest import advance, post
from zonebridge.accounts.services import issue_api_token
from zonebridge.core.models import Job
from zonebridge.programmes import services
from zonebridge.programmes.models import Nomination, Offer, StudentRank


@pytest.fixture
def api(client):
    def call(user, method, path, body=None):
        token = issue_api_token(user, "test")[1]
        return client.generic(method, f"/api/v1/programmes{path}", __import__("json").dumps(body or {}),
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    return call


def test_programmes_rounds_and_positions_are_public(client, open_round, position):
    assert client.get("/api/v1/programmes").json()[0]["title_zh_hans"] == "海港暑期实习计划"
    assert client.get(f"/api/v1/programmes/rounds/{open_round.pk}").json()["state"] == "open"
    positions = client.get(f"/api/v1/programmes/rounds/{open_round.pk}/positions").json()
    assert [p["title_en"] for p in positions] == ["Payments engineer intern"]


def test_a_nomination_over_quota_is_a_409_naming_the_student(api, open_round, coordinator, student, second_student,
                                                              operator_hk, hk_university):
    services.set_quota(open_round, hk_university, 1, acting_user=operator_hk)
    assert api(coordinator, "POST", f"/rounds/{open_round.pk}/nominations", {"student": "student"}).status_code == 201
    answer = api(coordinator, "POST", f"/rounds/{open_round.pk}/nominations", {"student": "student2"})
    assert answer.status_code == 409
    problem = answer.json()["detail"][0]
    assert problem["loc"] == ["body", "student"] and "used all 1 nominations" in problem["msg"]
    assert Nomination.objects.count() == 1


def test_a_rank_list_naming_a_closed_position_is_a_422(api, application, position, open_round, org_admin,
                                                       fintech_startup, battery_maker, student):
    closed = post(open_round, org_admin, fintech_startup, "Lingang only", universities=[battery_maker])
    answer = api(student, "PUT", f"/rounds/{open_round.pk}/ranking", {"positions": [position.pk, closed.pk]})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "positions"]
    assert "Choice 2 (Lingang only)" in answer.json()["detail"][0]["msg"]
    assert not StudentRank.objects.exists()
    answer = api(student, "PUT", f"/rounds/{open_round.pk}/ranking", {"positions": [position.pk]})
    assert answer.json() == {"application": application.pk, "positions": [position.pk]}


def test_a_run_started_while_the_round_is_open_is_a_409(api, open_round, operator_hk):
    answer = api(operator_hk, "POST", f"/rounds/{open_round.pk}/runs")
    assert answer.status_code == 409 and "still Open for applications" in answer.json()["detail"][0]["msg"]
    assert not Job.objects.exists()


def test_the_match_through_the_api_and_an_acceptance_after_the_deadline(
        api, application, position, open_round, student, org_admin, operator_hk, django_capture_on_commit_callbacks):
    api(student, "PUT", f"/rounds/{open_round.pk}/ranking", {"positions": [position.pk]})
    assert api(org_admin, "PUT", f"/positions/{position.pk}/ranking",
               {"applications": [application.pk]}).status_code == 200
    advance(open_round, operator_hk, "start_review", "start_matching")
    preview = api(operator_hk, "POST", f"/rounds/{open_round.pk}/preview").json()
    assert (preview["placed"], preview["stable"]) == (1, True)
    with django_capture_on_commit_callbacks(execute=True):
        started = api(operator_hk, "POST", f"/rounds/{open_round.pk}/runs")
    assert started.status_code == 202
    assert api(operator_hk, "POST", f"/rounds/{open_round.pk}/runs").status_code == 409
    offers = api(student, "GET", "/offers").json()
    assert [o["state"] for o in offers] == ["open"]
    Offer.objects.update(deadline=timezone.now() - timedelta(seconds=1))
    late = api(student, "POST", f"/offers/{offers[0]['id']}/accept")
    assert late.status_code == 409 and "can no longer be accepted" in late.json()["detail"][0]["msg"]
    assert Offer.objects.get().state == "open"


def test_the_whole_round_through_the_api(api, open_round, position, student, org_admin, operator_hk,
                                         outside_reviewer):
    application = api(student, "POST", f"/rounds/{open_round.pk}/applications", {"languages": "English"})
    assert application.status_code == 201 and application.json()["source"] == "student"
    posted = api(org_admin, "POST", f"/rounds/{open_round.pk}/positions", {
        "host": "tidepay", "title_en": "API intern", "title_zh_hant": "應用程式介面實習生", "capacity": 2,
        "work_mode": "remote"})
    assert posted.status_code == 201 and posted.json()["title_zh_hans"] == "应用程式介面实习生"
    criterion = services.add_criterion(open_round, acting_user=operator_hk, texts={"label_en": "Fit"}, weight=1)
    services.invite_reviewer(open_round, outside_reviewer, acting_user=operator_hk)
    application_id = application.json()["id"]
    scored = api(outside_reviewer, "POST", f"/applications/{application_id}/reviews",
                 {"scores": {criterion.pk: 4}, "comment": "Good"})
    assert scored.status_code == 200 and scored.json()["total"] == 80.0
    decided = api(operator_hk, "POST", f"/applications/{application_id}/decision", {"decision": "accept"})
    assert decided.json()["state"] == "accepted"
    moved = api(operator_hk, "POST", f"/rounds/{open_round.pk}/transitions", {"action": "start_review"})
    assert moved.json()["state"] == "review"
    wrong = api(operator_hk, "POST", f"/rounds/{open_round.pk}/transitions", {"action": "publish"})
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "action"]
