"""Who may request soft-landing services, work on requests, reopen them, keep canned replies, run the queue, and
publish or judge pilot calls."""

from django.db.models import Q

from zonebridge.accounts.models import Membership, Role
from zonebridge.directory.models import Organisation, OrganisationKind, Zone
from zonebridge.landing.models import (
    ATTACHMENT_UPLOAD,
    PILOT_REPORT_UPLOAD,
    RequestMessage,
    ScenarioApplication,
    ScenarioCall,
    Service,
    ServiceRequest,
)
from zonebridge.policy.accounts import is_zone_operator
from zonebridge.policy.core import signed_in

# Roles that act for an organisation: they request services and apply to calls in its name.
ACTING_ROLES = (Role.ORG_ADMIN, Role.ORG_MEMBER)
# Kinds of organisation that may apply to a call for pilots.
APPLICANT_KINDS = (OrganisationKind.STARTUP, OrganisationKind.COMPANY)


def operates_any_zone(user) -> bool:
    """True for zone operators (of any zone) and superusers: they see the queue."""
    return signed_in(user) and (user.is_superuser or user.operated_zones.exists())


def operated_zones(user):
    """The zones whose queue `user` works (every zone for a superuser)."""
    return Zone.objects.all() if user.is_superuser else user.operated_zones.all()


def may_manage_service(user, zone: Zone) -> bool:
    """A zone's operators run its catalogue."""
    return is_zone_operator(user, zone)


def acting_organisations(user):
    """The organisations `user` acts for (admin or member)."""
    if not signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__role__in=ACTING_ROLES).distinct()


def is_eligible(organisation: Organisation, service: Service) -> bool:
    """Whether `organisation` may request `service` by its eligibility rules (kind, partner zone)."""
    if service.kinds and organisation.kind not in service.kinds:
        return False
    return not (service.partner_zone_only and organisation.home_zone_id == service.zone_id)


def may_request(user, service: Service) -> bool:
    """Members of an eligible organisation request an open service."""
    return service.is_active and any(is_eligible(o, service) for o in acting_organisations(user))


def may_operate_request(user, request: ServiceRequest) -> bool:
    """The operators of the service's zone (and superusers) triage, assign, decline and close."""
    return is_zone_operator(user, request.service.zone)


def may_work_on_request(user, request: ServiceRequest) -> bool:
    """The operators and the person the request is assigned to work on it (start, deliver, internal notes)."""
    return signed_in(user) and (request.assignee_id == user.pk or may_operate_request(user, request))


def is_requester_side(user, request: ServiceRequest) -> bool:
    """The requester and the admins of the requesting organisation."""
    if not signed_in(user):
        return False
    return request.requester_id == user.pk or Membership.objects.filter(
        user=user, organisation_id=request.organisation_id, role=Role.ORG_ADMIN).exists()


def may_view_request(user, request: ServiceRequest) -> bool:
    """The requester's side and those who work on it see a request."""
    return is_requester_side(user, request) or may_work_on_request(user, request)


def may_see_internal_notes(user, request: ServiceRequest) -> bool:
    """Internal notes are for the team working on it only."""
    return may_work_on_request(user, request)


def may_rate(user, request: ServiceRequest) -> bool:
    """The requester's side rates a delivered request."""
    return is_requester_side(user, request)


def may_reopen(user, request: ServiceRequest) -> bool:
    """The requester's side reopens a delivered or closed request (the window and state are the workflow's)."""
    return is_requester_side(user, request)


def may_manage_canned_replies(user, zone: Zone) -> bool:
    """A zone's operators keep its reply templates."""
    return is_zone_operator(user, zone)


def may_use_canned_replies(user, request: ServiceRequest) -> bool:
    """Those who work on a request pick its zone's reply templates in the thread."""
    return may_work_on_request(user, request)


def may_be_assigned(user, request: ServiceRequest) -> bool:
    """A request goes to an operator of its zone or to a member of the service's provider organisation."""
    if not signed_in(user):
        return False
    if is_zone_operator(user, request.service.zone) and not user.is_superuser:
        return True
    provider = request.service.provider_id
    return provider is not None and Membership.objects.filter(user=user, organisation_id=provider).exists()


def may_read_attachment(viewer, file) -> bool:
    """A request's attachment is for those who see the request (an internal note's only for the team)."""
    if file.kind != ATTACHMENT_UPLOAD:
        return False
    request = ServiceRequest.objects.filter(attachment=file).select_related("service__zone").first()
    if request is not None:
        return may_view_request(viewer, request)
    message = RequestMessage.objects.filter(attachment=file).select_related("request__service__zone").first()
    if message is None:
        return False
    if message.internal:
        return may_see_internal_notes(viewer, message.request)
    return may_view_request(viewer, message.request)


# --- Application scenarios ------------------------------------------------------------------------------

def may_publish_call(user, organisation: Organisation) -> bool:
    """An organisation's admins publish its calls; its zone's operators may too."""
    if not signed_in(user):
        return False
    return user.is_superuser or is_zone_operator(user, organisation.home_zone) or Membership.objects.filter(
        user=user, organisation=organisation, role=Role.ORG_ADMIN).exists()


def publishing_organisations(user):
    """The organisations for which `user` may publish calls (operators: their zone's non-start-ups)."""
    if not signed_in(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.exclude(kind=OrganisationKind.STARTUP)
    administered = Q(memberships__user=user, memberships__role=Role.ORG_ADMIN)
    operated = Q(home_zone__operators=user) & ~Q(kind=OrganisationKind.STARTUP)
    return Organisation.objects.filter(administered | operated).distinct()


def may_manage_call(user, call: ScenarioCall) -> bool:
    """The call's owner decides: shortlists, records pitches, selects, tracks the pilot."""
    return may_publish_call(user, call.owner)


def applying_organisations(user, call: ScenarioCall):
    """The start-ups and companies `user` acts for that may apply to `call` (not the owner itself)."""
    return acting_organisations(user).filter(kind__in=APPLICANT_KINDS).exclude(pk=call.owner_id)


def may_apply(user, call: ScenarioCall) -> bool:
    """Members of a start-up or company other than the owner apply while the call is open."""
    return call.state == "open" and applying_organisations(user, call).exists()


def is_applicant_side(user, application: ScenarioApplication) -> bool:
    """Members of the applying organisation."""
    return signed_in(user) and Membership.objects.filter(
        user=user, organisation_id=application.applicant_id, role__in=ACTING_ROLES).exists()


def may_view_application(user, application: ScenarioApplication) -> bool:
    """The applicant's members and the call's owner see an application."""
    return is_applicant_side(user, application) or may_manage_call(user, application.call)


def may_read_pilot_report(viewer, file) -> bool:
    """A pilot report is for the owner of the call and the start-up that ran the pilot."""
    if file.kind != PILOT_REPORT_UPLOAD:
        return False
    application = ScenarioApplication.objects.filter(report=file).select_related("call__owner__home_zone").first()
    return application is not None and may_view_application(viewer, application)
