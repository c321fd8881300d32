"""Schedule all / the rest with the engine, hand moves, swaps and cancellations checked for conflicts, booking,
publishing."""

import pytest

from tests.events.conftest import meet
from zonebridge.core.errors import Conflict, NotAllowed
from zonebridge.core.jobs import run_job, start_job
from zonebridge.core.models import JobState, Notification
from zonebridge.events.jobs import SCHEDULE, exclusive_key
from zonebridge.events.models import Meeting, MeetingState, RunMode, Seat
from zonebridge.events.services import schedule


@pytest.fixture
def meetings(people):
    """ann–bo, ann–cy, dee–bo, dee–cy, and eve–bo."""
    p = people
    return [meet(p["ann"], p["bo"]), meet(p["ann"], p["cy"]), meet(p["dee"], p["bo"]), meet(p["dee"], p["cy"]),
            meet(p["eve"], p["bo"])]


def placed(meeting):
    meeting.refresh_from_db()
    return meeting.slot_id, meeting.table, meeting.state


def test_schedule_all_places_every_meeting_without_double_booking(event, meetings, operator_hk):
    run = schedule.run_schedule(event, acting_user=operator_hk)
    assert (run.requested, run.scheduled) == (5, 5)
    assert run.optimal and run.weight == run.upper_bound == 5
    for meeting in meetings:
        slot, table, state = placed(meeting)
        assert slot and table in (1, 2) and state == MeetingState.SCHEDULED
    seats = list(Seat.objects.filter(meeting__in=meetings).values_list("registration_id", "slot_id"))
    assert len(seats) == len(set(seats))


def test_schedule_all_is_a_job_with_progress(event, meetings, operator_hk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start_job(SCHEDULE, acting_user=operator_hk, params={"event_id": event.pk, "mode": "all"},
                        exclusive_key=exclusive_key(event))
    with pytest.raises(Conflict):
        start_job(SCHEDULE, acting_user=operator_hk, params={"event_id": event.pk}, exclusive_key=exclusive_key(event))
    job = run_job(job.pk)
    assert job.state == JobState.SUCCEEDED and job.progress == 100
    assert "5 of 5 meetings scheduled" in job.result["summary"]
    assert job.result["url"] == f"/en/events/{event.slug}/schedule/"


def test_only_operators_schedule(event, meetings, org_admin):
    with pytest.raises(NotAllowed):
        schedule.run_schedule(event, acting_user=org_admin)


def test_more_meetings_than_places_are_reported_in_the_warnings(event, meetings, operator_hk, people):
    from zonebridge.events.warnings import plain_warnings

    event.slots.exclude(number=1).delete()
    run = schedule.run_schedule(event, acting_user=operator_hk)
    assert run.scheduled == 2
    words = plain_warnings(run, event)
    assert any("2 tables × 1 times give 2 places for 5 meetings" in w for w in words)
    assert any("Battery Admin (Sinovolt Energy) accepted 3 meetings but is free at only 1 time" in w for w in words)


def test_schedule_the_rest_never_moves_a_confirmed_meeting(event, meetings, operator_hk, people):
    schedule.run_schedule(event, acting_user=operator_hk)
    schedule.publish_schedule(event, acting_user=operator_hk)
    before = {m.pk: placed(m) for m in meetings}
    assert all(state == MeetingState.CONFIRMED for _slot, _table, state in before.values())
    # A new accepted meeting after publishing: ann's colleague eve meets cy.
    extra = meet(people["eve"], people["cy"])
    for mode in (RunMode.REST, RunMode.ALL):
        run = schedule.run_schedule(event, acting_user=operator_hk, mode=mode)
        assert run.kept == 5
        assert {m.pk: placed(m) for m in meetings} == before
    slot, table, state = placed(extra)
    assert slot is not None and state == MeetingState.SCHEDULED
    assert (slot, table) not in {(s, t) for s, t, _ in before.values()}


def test_schedule_the_rest_keeps_the_tables_of_confirmed_meetings_full(event, people, operator_hk):
    """Both tables of slot 1 are confirmed; the rest may not squeeze a third meeting in there."""
    p = people
    first, second = meet(p["ann"], p["bo"]), meet(p["dee"], p["cy"])
    slot1 = event.slots.get(number=1)
    for meeting in (first, second):
        schedule.move_meeting(meeting, acting_user=operator_hk, slot=slot1)
    schedule.publish_schedule(event, acting_user=operator_hk)
    event.slots.exclude(number__in=(1, 2)).delete()
    extra = meet(p["eve"], p["cy"])
    schedule.run_schedule(event, acting_user=operator_hk, mode=RunMode.REST)
    extra.refresh_from_db()
    assert extra.slot.number == 2


def test_a_hand_move_into_a_conflict_is_refused_naming_the_conflicting_meeting(event, meetings, operator_hk):
    ann_bo, ann_cy = meetings[0], meetings[1]
    slot1, slot2 = event.slots.get(number=1), event.slots.get(number=2)
    schedule.move_meeting(ann_bo, acting_user=operator_hk, slot=slot1)
    schedule.move_meeting(ann_cy, acting_user=operator_hk, slot=slot2)
    with pytest.raises(Conflict) as refused:
        schedule.move_meeting(ann_cy, acting_user=operator_hk, slot=slot1)
    assert f"meeting #{ann_bo.pk}" in refused.value.message
    assert "Org Admin (TidePay)" in refused.value.message
    assert placed(ann_cy)[0] == slot2.pk


def test_a_move_to_a_taken_table_names_the_meeting_at_it(event, meetings, operator_hk):
    ann_bo, dee_cy = meetings[0], meetings[3]
    slot1 = event.slots.get(number=1)
    schedule.move_meeting(ann_bo, acting_user=operator_hk, slot=slot1, table=1)
    with pytest.raises(Conflict, match=f"Table 1 is taken by meeting #{ann_bo.pk}"):
        schedule.move_meeting(dee_cy, acting_user=operator_hk, slot=slot1, table=1)
    schedule.move_meeting(dee_cy, acting_user=operator_hk, slot=slot1)
    assert placed(dee_cy)[1] == 2


def test_a_move_to_a_time_someone_cannot_make_is_refused(event, meetings, operator_hk, people):
    slot1 = event.slots.get(number=1)
    people["bo"].unavailable.add(slot1)
    with pytest.raises(Conflict, match="cannot meet"):
        schedule.move_meeting(meetings[0], acting_user=operator_hk, slot=slot1)


def test_swap_exchanges_times_and_checks_both(event, meetings, operator_hk):
    ann_bo, ann_cy, dee_bo, dee_cy = meetings[0], meetings[1], meetings[2], meetings[3]
    slot = {n: event.slots.get(number=n) for n in (1, 2, 3)}
    for meeting, number in ((ann_bo, 1), (dee_cy, 1), (ann_cy, 2), (dee_bo, 3)):
        schedule.move_meeting(meeting, acting_user=operator_hk, slot=slot[number])
    schedule.swap_meetings(ann_cy, dee_bo, acting_user=operator_hk)
    assert placed(ann_cy)[0] == slot[3].pk and placed(dee_bo)[0] == slot[2].pk
    with pytest.raises(Conflict, match=f"already has meeting #{ann_bo.pk}"):
        schedule.swap_meetings(ann_cy, dee_cy, acting_user=operator_hk)
    assert placed(ann_cy)[0] == slot[3].pk


def test_cancel_frees_the_time_and_tells_people_of_a_confirmed_meeting(event, meetings, operator_hk, people):
    schedule.run_schedule(event, acting_user=operator_hk)
    schedule.publish_schedule(event, acting_user=operator_hk)
    schedule.cancel_meeting(meetings[0], acting_user=operator_hk)
    assert placed(meetings[0]) == (None, None, MeetingState.CANCELLED)
    assert not Seat.objects.filter(meeting=meetings[0], slot__isnull=False).exists()
    assert Notification.objects.filter(recipient=people["ann"].user, kind="events.meeting_changed").exists()


def test_publishing_confirms_and_tells_everyone_once(event, meetings, operator_hk, people):
    schedule.run_schedule(event, acting_user=operator_hk)
    assert schedule.publish_schedule(event, acting_user=operator_hk) == 5
    event.refresh_from_db()
    assert event.schedule_version == 1 and event.schedule_published_at
    assert Notification.objects.filter(kind="events.schedule_published").count() == 5
    assert set(Meeting.objects.filter(event=event).values_list("state", flat=True)) == {MeetingState.CONFIRMED}


def test_a_participant_books_a_free_time_and_it_is_confirmed(event, meetings, people):
    slot = event.slots.get(number=3)
    schedule.book_meeting(meetings[0], acting_user=people["ann"].user, slot=slot)
    assert placed(meetings[0]) == (slot.pk, 1, MeetingState.CONFIRMED)
    with pytest.raises(Conflict, match="already has"):
        schedule.book_meeting(meetings[1], acting_user=people["cy"].user, slot=slot)
    with pytest.raises(NotAllowed):
        schedule.book_meeting(meetings[2], acting_user=people["ann"].user, slot=slot)


def test_an_online_event_is_scheduled_without_tables(make_event, org_admin, battery_admin, fintech_startup,
                                                    battery_maker, operator_hk):
    from tests.events.conftest import join

    event = make_event(slug="online", format="online", video_base_url="https://meet.example.org")
    visitor = join(event, org_admin, fintech_startup, "visitor")
    meeting = meet(visitor, join(event, battery_admin, battery_maker, "host"))
    run = schedule.run_schedule(event, acting_user=operator_hk)
    assert run.scheduled == 1
    slot, table, state = placed(meeting)
    assert slot and table is None and state == MeetingState.SCHEDULED
