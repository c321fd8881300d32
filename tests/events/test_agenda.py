"""Agendas: the .ics parsed back with the icalendar package (TZID, calendar name, times), the revocable feed."""

from datetime import timedelta

import icalendar
import pytest

from tests.events.conftest import meet
from zonebridge.core.errors import NotAllowed
from zonebridge.events.calendar import agenda_ics
from zonebridge.events.services import registrations, schedule


@pytest.fixture
def published(event, people, operator_hk):
    meeting = meet(people["ann"], people["bo"])
    schedule.move_meeting(meeting, acting_user=operator_hk, slot=event.slots.get(number=2))
    schedule.publish_schedule(event, acting_user=operator_hk)
    return meeting


def test_the_ics_has_a_calendar_name_a_vtimezone_and_tzid_in_the_persons_zone(event, people, published):
    ann = people["ann"]
    ann.time_zone = "Europe/London"
    ann.save()
    calendar = icalendar.Calendar.from_ical(agenda_ics(ann, language="en"))
    assert str(calendar["X-WR-CALNAME"]) == "Cross-border matchmaking day — my meetings"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    (entry,) = calendar.walk("VEVENT")
    start = entry["DTSTART"]
    assert start.params["TZID"] == "Europe/London"
    slot = event.slots.get(number=2)
    assert start.dt == slot.starts_at and entry["DTEND"].dt - start.dt == timedelta(minutes=20)
    assert "Battery Admin (Sinovolt Energy)" in str(entry["SUMMARY"])
    assert "Harbour Hall, table" in str(entry["LOCATION"])
    (alarm,) = entry.walk("VALARM")
    assert alarm["TRIGGER"].dt == -timedelta(minutes=10)


def test_the_ics_speaks_the_readers_language(people, published):
    calendar = icalendar.Calendar.from_ical(agenda_ics(people["bo"], language="zh-hant"))
    assert str(calendar["X-WR-CALNAME"]).startswith("跨境配對日")


def test_drafts_are_not_in_the_agenda(event, people, operator_hk):
    meeting = meet(people["ann"], people["cy"])
    schedule.move_meeting(meeting, acting_user=operator_hk, slot=event.slots.get(number=1))
    assert icalendar.Calendar.from_ical(agenda_ics(people["ann"])).walk("VEVENT") == []


def test_the_feed_token_is_revocable(client, people, published):
    ann = people["ann"]
    old = ann.calendar_token
    response = client.get(f"/en/events/feed/{old}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    with pytest.raises(NotAllowed):
        registrations.renew_calendar_token(ann, acting_user=people["bo"].user)
    registrations.renew_calendar_token(ann, acting_user=ann.user)
    assert client.get(f"/en/events/feed/{old}.ics").status_code == 404
    ann.refresh_from_db()
    assert client.get(f"/en/events/feed/{ann.calendar_token}.ics").status_code == 200
