"""After the event: held or no-show, outcomes, and the second follow-up months later."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.events.conftest import meet
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Notification
from zonebridge.events.models import Agreement, MeetingReport, Outcome, Slot
from zonebridge.events.services import outcomes, schedule


@pytest.fixture
def past_meeting(event, people, operator_hk):
    meeting = meet(people["ann"], people["bo"])
    meeting = schedule.move_meeting(meeting, acting_user=operator_hk, slot=event.slots.get(number=1))
    schedule.publish_schedule(event, acting_user=operator_hk)
    Slot.objects.filter(pk=meeting.slot_id).update(starts_at=timezone.now() - timedelta(hours=1),
                                                   ends_at=timezone.now() - timedelta(minutes=40))
    meeting.refresh_from_db()
    return meeting


def test_each_side_reports_and_a_follow_up_is_due_months_later(event, people, past_meeting):
    ann, bo = people["ann"], people["bo"]
    report = outcomes.report_meeting(past_meeting, acting_user=ann.user, held=True, outcome=Outcome.PILOT)
    assert report.follow_up_due_on == event.ends_on + timedelta(days=90)
    outcomes.report_meeting(past_meeting, acting_user=bo.user, held=False)
    assert MeetingReport.objects.filter(meeting=past_meeting).count() == 2
    assert outcomes.send_due_follow_ups(today=event.ends_on + timedelta(days=89)) == 0
    assert outcomes.send_due_follow_ups(today=event.ends_on + timedelta(days=90)) == 1
    assert outcomes.send_due_follow_ups(today=event.ends_on + timedelta(days=91)) == 0
    assert Notification.objects.filter(recipient=ann.user, kind="events.follow_up_due").count() == 1
    report = outcomes.record_agreement(report, acting_user=ann.user, agreement=Agreement.YES)
    assert report.agreement == Agreement.YES


def test_only_the_people_of_a_meeting_report_and_not_before_it_starts(event, people, operator_hk, past_meeting):
    with pytest.raises(NotAllowed):
        outcomes.report_meeting(past_meeting, acting_user=people["dee"].user, held=True)
    with pytest.raises(DomainError):
        outcomes.report_meeting(past_meeting, acting_user=people["ann"].user, held=False, outcome=Outcome.DEAL)
    future = meet(people["dee"], people["cy"])
    schedule.move_meeting(future, acting_user=operator_hk, slot=event.slots.get(number=2))
    schedule.publish_schedule(event, acting_user=operator_hk)
    with pytest.raises(Conflict, match="not started"):
        outcomes.report_meeting(future, acting_user=people["dee"].user, held=True)
