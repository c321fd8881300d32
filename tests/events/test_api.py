"""The events API: reads for everyone, participants' and operators' actions with a token, errors in the one
body (a refused request says why; a conflicting move names the meeting in the way)."""

import json

import pytest

from tests.events.conftest import meet
from zonebridge.accounts.services import issue_api_token
from zonebridge.core.jobs import run_job
from zonebridge.core.models import Job
from zonebridge.events.models import InterestLevel, MeetingState
from zonebridge.events.services import requests, schedule


def call(client, method, url, user=None, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user, 'tests')[1]}"} if user else {}
    return client.generic(method, url, json.dumps(body or {}), content_type="application/json", **headers)


def test_events_and_their_slots_are_public(client, event, make_event):
    make_event(slug="still-a-draft", open_=False)
    body = client.get("/api/v1/events").json()
    assert [item["slug"] for item in body["items"]] == ["matchday"]
    detail = client.get("/api/v1/events/matchday").json()
    assert detail["title_zh_hant"] == "跨境配對日" and len(detail["slots"]) == 6
    assert client.get("/api/v1/events/still-a-draft").status_code == 404


def test_register_request_answer_and_agenda_through_the_api(client, event, org_member, people, operator_hk):
    response = call(client, "POST", "/api/v1/events/matchday/registrations", org_member,
                    {"organisation": "tidepay", "category": "visitor", "needs_en": "batteries"})
    assert response.status_code == 201 and response.json()["state"] == "pending"
    ann, bo = people["ann"], people["bo"]
    response = call(client, "POST", "/api/v1/events/matchday/requests", ann.user, {"recipient": bo.pk, "note": "Hi"})
    assert response.status_code == 201
    request_id = response.json()["id"]
    response = call(client, "POST", f"/api/v1/events/matchday/requests/{request_id}/answer", bo.user,
                    {"action": "accept"})
    assert response.json()["state"] == "accepted" and response.json()["meeting"]
    response = call(client, "POST", "/api/v1/events/matchday/schedule-runs", operator_hk, {"mode": "all"})
    assert response.status_code == 202
    run_job(Job.objects.get().pk)
    body = call(client, "GET", "/api/v1/events/matchday/schedule", operator_hk).json()
    assert body["run"]["scheduled"] == 1 and body["run"]["optimal"] is True
    assert call(client, "POST", "/api/v1/events/matchday/schedule/publish", operator_hk).status_code == 200
    agenda = call(client, "GET", "/api/v1/events/matchday/agenda", ann.user).json()
    assert agenda[0]["people"] == ["Battery Admin (Sinovolt Energy)"]


def test_a_refused_request_answers_409_with_the_reason(client, people):
    ann, bo = people["ann"], people["bo"]
    requests.set_interest(bo, ann, acting_user=bo.user, level=InterestLevel.NO_THANKS)
    response = call(client, "POST", "/api/v1/events/matchday/requests", ann.user, {"recipient": bo.pk})
    assert response.status_code == 409
    assert "no thanks" in response.json()["detail"][0]["msg"]


def test_a_conflicting_move_answers_409_naming_the_meeting(client, event, people, operator_hk):
    first, second = meet(people["ann"], people["bo"]), meet(people["ann"], people["cy"])
    slot = event.slots.get(number=1)
    schedule.move_meeting(first, acting_user=operator_hk, slot=slot)
    response = call(client, "POST", f"/api/v1/events/matchday/meetings/{second.pk}", operator_hk,
                    {"action": "move", "slot": slot.pk})
    assert response.status_code == 409
    problem = response.json()["detail"][0]
    assert f"meeting #{first.pk}" in problem["msg"] and problem["loc"] == ["body", "slot"]
    response = call(client, "POST", f"/api/v1/events/matchday/meetings/{second.pk}", operator_hk,
                    {"action": "move", "slot": event.slots.get(number=2).pk, "table": 2})
    assert response.status_code == 200 and response.json()["table"] == 2
    assert response.json()["state"] == MeetingState.SCHEDULED


@pytest.mark.parametrize("body", [{"level": "maybe"}, {"level": 3}])
def test_bad_interest_levels_are_422(client, people, body):
    ann, bo = people["ann"], people["bo"]
    response = call(client, "PUT", f"/api/v1/events/matchday/interests/{bo.pk}", ann.user, body)
    assert response.status_code == 422
