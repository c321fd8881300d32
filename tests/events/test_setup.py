"""Creating an event lays out its slots in its own time zone, minus breaks; bad settings are refused."""

from datetime import UTC, time

import pytest

from tests.events.conftest import TEXTS, event_fields
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.events.models import EventState
from zonebridge.events.services import setup


def test_slots_follow_the_day_the_length_and_the_breaks_in_the_event_time_zone(event):
    slots = list(event.slots.order_by("number"))
    labels = [f"{slot.starts_at.astimezone(event.tzinfo):%H:%M}" for slot in slots]
    assert labels == ["10:00", "10:20", "10:40", "11:20", "11:40", "12:00"]
    # Stored in UTC: Hong Kong is UTC+8.
    assert slots[0].starts_at.astimezone(UTC).hour == 2


def test_an_operator_of_another_zone_may_not_create_an_event(hk_hub, operator_lingang):
    with pytest.raises(NotAllowed):
        setup.create_event(acting_user=operator_lingang, zone=hk_hub, slug="x", texts=TEXTS, fields=event_fields())


@pytest.mark.parametrize("change, field", [
    ({"breaks": "lunch"}, "breaks"),
    ({"day_ends_at": time(9, 0)}, "day_ends_at"),
    ({"time_zone": "Mars/Olympus"}, "time_zone"),
])
def test_bad_settings_are_refused_on_their_field(hk_hub, operator_hk, change, field):
    with pytest.raises(DomainError) as refused:
        setup.create_event(acting_user=operator_hk, zone=hk_hub, slug="bad", texts=TEXTS,
                           fields=event_fields(**change))
    problems = getattr(refused.value, "problems", {refused.value.field: refused.value.message})
    assert field in problems


def test_changing_the_timing_lays_the_slots_out_again(event, operator_hk):
    setup.update_event(event, acting_user=operator_hk, texts={}, fields={"meeting_minutes": 30, "breaks": ""})
    assert event.slots.count() == 4


def test_timing_cannot_change_under_placed_meetings(event, people, operator_hk):
    from tests.events.conftest import meet
    from zonebridge.events.services import schedule

    meeting = meet(people["ann"], people["bo"])
    schedule.move_meeting(meeting, acting_user=operator_hk, slot=event.slots.first())
    with pytest.raises(Conflict):
        setup.update_event(event, acting_user=operator_hk, texts={}, fields={"meeting_minutes": 30})


def test_open_and_close_follow_the_workflow(make_event, operator_hk, org_admin):
    event = make_event(open_=False)
    assert event.state == EventState.DRAFT
    with pytest.raises(NotAllowed):
        setup.open_event(event, acting_user=org_admin)
    event = setup.open_event(event, acting_user=operator_hk)
    event = setup.close_event(event, acting_user=operator_hk)
    assert event.state == EventState.CLOSED


def test_tables_in_use_cannot_be_removed(event, people, operator_hk):
    from tests.events.conftest import meet
    from zonebridge.events.services import schedule

    schedule.move_meeting(meet(people["ann"], people["bo"]), acting_user=operator_hk, slot=event.slots.first(),
                          table=2)
    with pytest.raises(Conflict, match="table 2"):
        setup.update_event(event, acting_user=operator_hk, texts={}, fields={"tables": 1})
