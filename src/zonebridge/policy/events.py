"""Who may run, join and see what of an event (matchmaking days and delegation visits)."""

from zonebridge.accounts.models import Role
from zonebridge.events.models import Event, EventState, Meeting, MeetingRequest, Registration, RegistrationState
from zonebridge.policy.accounts import is_zone_operator
from zonebridge.policy.core import signed_in

# Roles that speak for an organisation at a matchmaking day.
PARTICIPANT_ROLES = (Role.ORG_ADMIN, Role.ORG_MEMBER)


def may_create_event(user, zone) -> bool:
    """Operators create events of their zone; superusers of any."""
    return is_zone_operator(user, zone)


def operates_any_zone(user) -> bool:
    """True for the operator of some zone (they see the "new event" button)."""
    return signed_in(user) and (user.is_superuser or user.operated_zones.exists())


def may_manage_event(user, event: Event) -> bool:
    """The organising zone's operators (and superusers) edit, approve, schedule and publish."""
    return is_zone_operator(user, event.zone)


def may_view_event(user, event: Event) -> bool:
    """Everyone sees an event once it is no longer a draft; its operators see drafts."""
    return event.state != EventState.DRAFT or may_manage_event(user, event)


def organisations_for(user):
    """The organisations a user may register for (where they are an admin or member)."""
    from zonebridge.directory.models import Organisation

    if not signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__role__in=PARTICIPANT_ROLES).distinct()


def may_register(user, event: Event) -> bool:
    """Admins and members of an organisation register while the event is open."""
    return signed_in(user) and event.state == EventState.OPEN and organisations_for(user).exists()


def registration_of(user, event: Event) -> Registration | None:
    """The user's registration for the event, if any."""
    if not signed_in(user):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def may_view_participants(user, event: Event) -> bool:
    """Approved participants and the operators see who takes part (participants-only visibility)."""
    if may_manage_event(user, event):
        return True
    return signed_in(user) and Registration.objects.filter(
        event=event, user=user, state=RegistrationState.APPROVED).exists()


def may_decide_registration(user, registration: Registration) -> bool:
    """Operators of the event approve or decline registrations."""
    return may_manage_event(user, registration.event)


def may_cancel_registration(user, registration: Registration) -> bool:
    """The person cancels their own registration; operators may too."""
    return signed_in(user) and (registration.user_id == user.pk or may_manage_event(user, registration.event))


def may_edit_registration(user, registration: Registration) -> bool:
    """The person edits their own event profile."""
    return signed_in(user) and registration.user_id == user.pk


def may_answer_request(user, request: MeetingRequest) -> bool:
    """The recipient accepts or declines a request."""
    return signed_in(user) and request.recipient.user_id == user.pk


def may_cancel_request(user, request: MeetingRequest) -> bool:
    """The requester withdraws their request (also once accepted, which cancels the meeting)."""
    return signed_in(user) and request.requester.user_id == user.pk


def is_system(user, obj) -> bool:
    """Only the system (no acting user) expires requests."""
    return user is None


def may_manage_meeting(user, meeting: Meeting) -> bool:
    """Operators move, swap and cancel meetings."""
    return may_manage_event(user, meeting.event)


def is_seated(user, meeting: Meeting) -> bool:
    """True when the user is one of the people of the meeting."""
    return signed_in(user) and meeting.seats.filter(registration__user=user).exists()
