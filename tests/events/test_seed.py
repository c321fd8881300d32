"""The demo's three events show every state the app has."""

from zonebridge.demo.seed import seed_demo
from zonebridge.events.models import Event, EventState, MeetingReport, MeetingState, RequestState


def test_the_demo_has_a_past_a_scheduled_and_an_open_event(db):
    seed_demo(seed=3, scale="small")
    past, scheduled, open_ = (Event.objects.get(slug=slug) for slug in (
        "lingang-hk-matchmaking-spring", "greater-bay-area-delegation", "hk-lingang-matchmaking-autumn"))
    assert open_.state == EventState.OPEN and scheduled.state == past.state == EventState.CLOSED
    assert set(open_.requests.values_list("state", flat=True)) == set(RequestState.values)
    assert scheduled.meetings.filter(state=MeetingState.CONFIRMED).exists() and scheduled.schedule_published_at
    assert scheduled.meetings.filter(state=MeetingState.CANCELLED).exists()
    assert open_.meetings.filter(state=MeetingState.UNSCHEDULED).exists()
    assert open_.requests.filter(colleagues__isnull=False, state=RequestState.ACCEPTED).exists()  # a group
    reports = MeetingReport.objects.filter(meeting__event=past)
    assert reports.filter(held=False).exists() and reports.exclude(outcome="none").exists()
    assert reports.exclude(agreement="").exists()
    # The demo logins take part; the member waits for approval on the open day.
    assert open_.registrations.filter(user__username="orgadmin", state="approved").exists()
    assert open_.registrations.filter(user__username="member", state="pending").exists()
    for event in (past, scheduled):
        seats = list(event.meetings.filter(slot__isnull=False).values_list("seats__registration", "slot"))
        assert len(seats) == len(set(seats))
