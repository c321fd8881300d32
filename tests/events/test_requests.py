"""Registrations with approval, interest, meeting requests and their refusals, group meetings, expiry."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.events.conftest import meet
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Notification
from zonebridge.events.models import (
    Category,
    InterestLevel,
    Meeting,
    MeetingRequest,
    MeetingState,
    RegistrationState,
    RequestState,
)
from zonebridge.events.services import registrations, requests


def test_registration_waits_for_approval_and_the_person_is_told(event, org_member, fintech_startup, operator_hk):
    registration = registrations.register(event, acting_user=org_member, organisation=fintech_startup,
                                          category=Category.VISITOR, texts={"needs_zh_hant": "尋找電池供應商"})
    assert registration.state == RegistrationState.PENDING
    assert registration.needs_zh_hans == "寻找电池供应商"
    with pytest.raises(NotAllowed):
        registrations.approve_registration(registration, acting_user=org_member)
    registrations.approve_registration(registration, acting_user=operator_hk)
    assert Notification.objects.filter(recipient=org_member, kind="events.registration_answered").exists()
    with pytest.raises(Conflict):
        registrations.register(event, acting_user=org_member, organisation=fintech_startup, category="both")


def test_only_members_register_and_only_for_their_organisation(event, student, battery_maker, org_member):
    with pytest.raises(NotAllowed):
        registrations.register(event, acting_user=student, organisation=battery_maker, category="both")
    with pytest.raises(DomainError):
        registrations.register(event, acting_user=org_member, organisation=battery_maker, category="both")


def test_an_accepted_request_becomes_a_meeting_and_the_requester_is_told(people):
    meeting = meet(people["ann"], people["bo"], note="Battery packs?")
    assert meeting.state == MeetingState.UNSCHEDULED
    assert set(meeting.seats.values_list("registration", flat=True)) == {people["ann"].pk, people["bo"].pk}
    assert meeting.request.state == RequestState.ACCEPTED
    assert Notification.objects.filter(recipient=people["ann"].user, kind="events.request_answered").exists()
    assert Notification.objects.filter(recipient=people["bo"].user, kind="events.request_received").exists()


def test_only_the_recipient_answers(people):
    request = requests.send_request(people["ann"].event, acting_user=people["ann"].user, recipient=people["bo"])
    with pytest.raises(NotAllowed):
        requests.accept_request(request, acting_user=people["ann"].user)
    requests.decline_request(request, acting_user=people["bo"].user)
    request.refresh_from_db()
    assert request.state == RequestState.DECLINED
    with pytest.raises(Conflict):
        requests.accept_request(request, acting_user=people["bo"].user)


def test_a_no_thanks_on_either_side_refuses_the_request_with_a_clear_message(people):
    ann, bo, cy = people["ann"], people["bo"], people["cy"]
    requests.set_interest(bo, ann, acting_user=bo.user, level=InterestLevel.NO_THANKS)
    with pytest.raises(Conflict, match="no thanks"):
        requests.send_request(ann.event, acting_user=ann.user, recipient=bo)
    requests.set_interest(ann, cy, acting_user=ann.user, level=InterestLevel.NO_THANKS)
    with pytest.raises(Conflict, match="You said"):
        requests.send_request(ann.event, acting_user=ann.user, recipient=cy)


def test_requests_over_the_cap_are_refused_naming_who_is_full(event, people, battery_maker):
    bo = people["bo"]
    from tests.events.conftest import join, organisation

    visitors = []
    for n in range(4):
        org = organisation(event.zone, f"visitor-{n}", f"Visitor {n}")
        visitors.append(join(event, make_member(f"visitor{n}", org, Role.ORG_ADMIN), org, Category.VISITOR))
    for visitor in visitors:
        requests.send_request(event, acting_user=visitor.user, recipient=bo)
    with pytest.raises(Conflict, match="limit of 4 meetings") as refused:
        requests.send_request(event, acting_user=people["ann"].user, recipient=bo)
    assert "Battery Admin" in refused.value.message


def test_requests_after_the_deadline_are_refused(event, people, operator_hk):
    from zonebridge.events.services import setup

    setup.update_event(event, acting_user=operator_hk, texts={},
                       fields={"requests_close_at": timezone.now() - timedelta(minutes=1)})
    with pytest.raises(Conflict, match="deadline"):
        requests.send_request(event, acting_user=people["ann"].user, recipient=people["bo"])


def test_visitors_do_not_meet_visitors(people):
    with pytest.raises(Conflict, match="visitors and hosts"):
        requests.send_request(people["ann"].event, acting_user=people["ann"].user, recipient=people["dee"])


def test_no_second_request_between_the_same_two(people):
    requests.send_request(people["ann"].event, acting_user=people["ann"].user, recipient=people["bo"])
    with pytest.raises(Conflict, match="already a request"):
        requests.send_request(people["ann"].event, acting_user=people["bo"].user, recipient=people["ann"])


def test_a_group_meeting_seats_the_colleagues_with_the_host(people):
    meeting = meet(people["ann"], people["bo"], colleagues=[people["eve"]])
    assert meeting.seats.count() == 3


def test_colleagues_must_be_of_the_requesters_organisation(people):
    with pytest.raises(DomainError):
        requests.send_request(people["ann"].event, acting_user=people["ann"].user, recipient=people["bo"],
                              colleagues=[people["dee"]])


def test_mutual_interest_weighs_more():
    assert requests.meeting_weight("", "") == 1
    assert requests.meeting_weight("would", "") == 1
    assert requests.meeting_weight("must", "") == 2
    assert requests.meeting_weight("would", "would") == 3
    assert requests.meeting_weight("must", "must") == 5


def test_unanswered_requests_expire_lazily_and_by_the_periodic_task(people):
    ann, bo = people["ann"], people["bo"]
    request = requests.send_request(ann.event, acting_user=ann.user, recipient=bo)
    MeetingRequest.objects.filter(pk=request.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    request.refresh_from_db()
    # The condition: overdue counts as expired at once, and cannot be accepted...
    assert request.is_overdue
    with pytest.raises(Conflict, match="expired"):
        requests.accept_request(request, acting_user=bo.user)
    assert requests.active_load(bo) == 0
    # ...and the periodic task records it and tells both people.
    from zonebridge.events.tasks import expire_requests

    expire_requests.call_local()
    request.refresh_from_db()
    assert request.state == RequestState.EXPIRED
    assert Notification.objects.filter(kind="events.request_expired").count() == 2


def test_withdrawing_an_accepted_request_cancels_its_meeting(people):
    meeting = meet(people["ann"], people["bo"])
    requests.cancel_request(meeting.request, acting_user=people["ann"].user)
    assert Meeting.objects.get(pk=meeting.pk).state == MeetingState.CANCELLED


def test_online_meetings_get_a_video_room_each(make_event, org_admin, battery_admin, fintech_startup,
                                                battery_maker):
    from tests.events.conftest import join

    event = make_event(slug="online-day", format="online", video_base_url="https://meet.example.org/rooms")
    ann = join(event, org_admin, fintech_startup, Category.VISITOR)
    bo = join(event, battery_admin, battery_maker, Category.HOST)
    meeting = meet(ann, bo)
    assert meeting.video_link.startswith("https://meet.example.org/rooms/zb-online-day-")
