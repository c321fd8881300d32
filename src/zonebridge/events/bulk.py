"""Bulk writers beside the services, for the demo seed and the benchmark: the rows the services would write for
hundreds of registrations and requests at once, in a few statements (no notifications, no audit entries)."""

from datetime import timedelta

from django.utils import timezone

from zonebridge.events.models import (
    Event,
    Meeting,
    MeetingRequest,
    Registration,
    RegistrationState,
    RequestState,
    Seat,
)


def add_registrations(event: Event, people: list[dict]) -> list[Registration]:
    """Registrations from dicts of Registration fields (user, organisation, category, texts...), approved unless
    a dict says otherwise; returns them saved, in order."""
    rows = [Registration(event=event, state=person.pop("state", RegistrationState.APPROVED), **person)
            for person in people]
    return Registration.objects.bulk_create(rows, batch_size=1000)


def add_requests(event: Event, requests: list[tuple[Registration, Registration, str, int, str]],
                 now=None) -> list[MeetingRequest]:
    """Meeting requests (requester, recipient, state, weight, note); accepted ones get their meeting and seats."""
    now = now or timezone.now()
    expiry = timedelta(hours=event.request_expiry_hours)
    rows = [MeetingRequest(event=event, requester=requester, recipient=recipient, state=state, weight=weight,
                           note=note, created_at=now - expiry / 2,
                           expires_at=now + expiry / 2 if state == RequestState.REQUESTED else now - expiry / 4,
                           answered_at=None if state == RequestState.REQUESTED else now - expiry / 4)
            for requester, recipient, state, weight, note in requests]
    created = MeetingRequest.objects.bulk_create(rows, batch_size=1000)
    accepted = [request for request in created if request.state == RequestState.ACCEPTED]
    meetings = Meeting.objects.bulk_create([Meeting(event=event, request=request, weight=request.weight)
                                            for request in accepted], batch_size=1000)
    Seat.objects.bulk_create([Seat(meeting=meeting, registration_id=registration_id)
                              for meeting, request in zip(meetings, accepted)
                              for registration_id in (request.requester_id, request.recipient_id)], batch_size=2000)
    return created
