"""The pages: in three languages, forms keep what was typed, refusals are shown, the operator's schedule page
shows the bound and warnings, agendas and the print page."""

import pytest

from tests.events.conftest import meet
from zonebridge.core.jobs import run_job
from zonebridge.core.models import Job
from zonebridge.events.models import Event, MeetingState, RegistrationState
from zonebridge.events.services import schedule


@pytest.mark.parametrize("language, text", [("en", "Matchmaking days"), ("zh-hans", "配对"), ("zh-hant", "配對")])
def test_the_event_pages_speak_three_languages(client, event, language, text):
    response = client.get(f"/{language}/events/")
    assert text in response.content.decode()
    assert "跨境配對日" in client.get(f"/zh-hant/events/{event.slug}/").content.decode()


def test_an_operator_creates_an_event_and_a_bad_break_keeps_what_was_typed(client, operator_hk, hk_hub):
    client.force_login(operator_hk)
    data = {"zone": hk_hub.pk, "slug": "new-day", "kind": "matchmaking", "format": "venue",
            "title_en": "A new day", "chinese_source": "zh_hant", "time_zone": "Asia/Hong_Kong",
            "starts_on": "2031-05-06", "ends_on": "2031-05-06", "day_starts_at": "09:00", "day_ends_at": "12:00",
            "meeting_minutes": 30, "breaks": "lunch time", "tables": 5, "meeting_cap": 6, "request_expiry_hours": 24}
    response = client.post("/en/events/new/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "Write each break as start-end" in page and "A new day" in page
    response = client.post("/en/events/new/", {**data, "breaks": "10:30-11:00"})
    assert response.status_code == 302
    assert Event.objects.get(slug="new-day").slots.count() == 5


def test_register_request_accept_on_the_pages(client, event, org_member, fintech_startup, operator_hk, people):
    client.force_login(org_member)
    response = client.post(f"/en/events/{event.slug}/register/", {
        "organisation": fintech_startup.pk, "category": "visitor", "needs_en": "batteries"})
    assert response.status_code == 302
    registration = org_member.event_registrations.get()
    assert registration.state == RegistrationState.PENDING
    client.force_login(operator_hk)
    client.post(f"/en/events/{event.slug}/registrations/{registration.pk}/", {"action": "approve"})
    client.force_login(org_member)
    bo = people["bo"]
    response = client.post(f"/en/events/{event.slug}/participants/{bo.pk}/request/", {"note": "Let us talk"})
    assert response.status_code == 302
    client.force_login(bo.user)
    page = client.get(f"/en/events/{event.slug}/requests/").content.decode()
    assert "Let us talk" in page
    request_id = bo.requests_received.get().pk
    client.post(f"/en/events/{event.slug}/requests/{request_id}/", {"action": "accept"})
    assert bo.meetings.get().state == MeetingState.UNSCHEDULED


def test_a_refused_request_is_shown_on_the_form_with_the_note_kept(client, people):
    ann, bo = people["ann"], people["bo"]
    from zonebridge.events.services import requests

    requests.set_interest(bo, ann, acting_user=bo.user, level="no_thanks")
    client.force_login(ann.user)
    response = client.post(f"/en/events/{ann.event.slug}/participants/{bo.pk}/request/", {"note": "Kept note"})
    page = response.content.decode()
    assert "no thanks" in page and "Kept note" in page


def test_the_schedule_page_runs_a_job_and_shows_the_bound_and_warnings(client, event, people, operator_hk):
    for visitor in ("ann", "dee", "eve"):
        meet(people[visitor], people["bo"])
    event.slots.exclude(number__in=(1, 2)).delete()
    client.force_login(operator_hk)
    response = client.post(f"/en/events/{event.slug}/schedule/", {"mode": "all"})
    job = Job.objects.get()
    assert response["Location"] == f"/en/jobs/{job.pk}/"
    run_job(job.pk)
    page = client.get(f"/zh-hans/events/{event.slug}/schedule/").content.decode()
    assert "Battery Admin" in page
    page = client.get(f"/en/events/{event.slug}/schedule/").content.decode()
    assert "2 of 3 meetings placed" in page and "proven to be the best possible" in page
    assert "accepted 3 meetings but is free at only 2 times" in page


def test_a_hand_move_into_a_conflict_shows_the_conflicting_meeting(client, event, people, operator_hk):
    first, second = meet(people["ann"], people["bo"]), meet(people["ann"], people["cy"])
    slot = event.slots.get(number=1)
    schedule.move_meeting(first, acting_user=operator_hk, slot=slot)
    client.force_login(operator_hk)
    assert client.get(f"/en/events/{event.slug}/meetings/{second.pk}/").status_code == 200
    response = client.post(f"/en/events/{event.slug}/meetings/{second.pk}/", {"action": "move", "slot": slot.pk},
                           follow=True)
    assert f"already has meeting #{first.pk}" in response.content.decode()


def test_the_agenda_shows_the_persons_time_zone_and_offers_the_ics(client, event, people, operator_hk):
    meeting = meet(people["ann"], people["bo"])
    schedule.move_meeting(meeting, acting_user=operator_hk, slot=event.slots.get(number=1))
    schedule.publish_schedule(event, acting_user=operator_hk)
    ann = people["ann"]
    ann.time_zone = "Asia/Tokyo"
    ann.save()
    client.force_login(ann.user)
    page = client.get(f"/en/events/{event.slug}/agenda/").content.decode()
    assert "11:00" in page and "Asia/Tokyo" in page and "webcal://" in page  # 10:00 in Hong Kong
    response = client.get(f"/en/events/{event.slug}/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar") and b"TZID=Asia/Tokyo" in response.content
    client.force_login(operator_hk)
    page = client.get(f"/en/events/{event.slug}/schedule/print/").content.decode()
    assert "Table 1" in page and "Org Admin" in page


def test_a_participant_books_a_time_from_the_agenda(client, event, people):
    meeting = meet(people["ann"], people["bo"])
    client.force_login(people["ann"].user)
    slot = event.slots.get(number=2)
    client.post(f"/en/events/{event.slug}/meetings/{meeting.pk}/book/", {"slot": slot.pk})
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.state) == (slot.pk, MeetingState.CONFIRMED)


def test_recommended_matches_come_from_the_ranking_engine_across_languages(client, event, people):
    bo = people["bo"]
    bo.offers_zh_hans = "为电动汽车提供动力电池组"
    bo.save()
    client.force_login(people["ann"].user)  # ann looks for a "battery supplier"
    response = client.get(f"/en/events/{event.slug}/participants/recommended/")
    # Computed by a task, queued by the first look (run at once here: the test queue is immediate).
    assert response.context["preparing"] is True
    response = client.get(f"/en/events/{event.slug}/participants/recommended/")
    recommended = [registration for registration, _why in response.context["recommended"]]
    assert recommended[0] == bo
    assert people["eve"] not in recommended  # a colleague of ann's organisation is no match
