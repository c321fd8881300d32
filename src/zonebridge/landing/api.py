"""REST API of soft landing (`/api/v1/landing/...`): the catalogue, service requests and their workflow
(reopening included), the operators' queue and canned replies, and calls for pilots."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from zonebridge.accounts.models import User
from zonebridge.api_auth import ApiKeyAuth
from zonebridge.core.errors import DomainError, NotAllowed
from zonebridge.directory.models import Organisation, Zone
from zonebridge.landing import queries
from zonebridge.landing.models import (
    Category,
    RequestState,
    ScenarioApplication,
    ScenarioCall,
    Service,
    ServiceRequest,
)
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services import scenarios as scenario_services
from zonebridge.policy import landing as policy

router = Router(tags=["landing"])


class ServiceOut(Schema):
    slug: str
    zone: str = Field(..., alias="zone.slug")
    category: str
    provider: str | None = Field(None, alias="provider.slug")
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    description_en: str
    description_zh_hans: str
    description_zh_hant: str
    eligibility_en: str
    eligibility_zh_hans: str
    eligibility_zh_hant: str
    eligible_kinds: list[str] = Field(..., alias="kinds")
    partner_zone_only: bool
    sla_days: int = Field(..., description="Expected turnaround in working days (the zone's public holidays excluded)")
    first_response_days: int = Field(..., description="Working days within which the team first answers a request")
    capacity_per_month: int | None


class ServiceFilters(Schema):
    zone: str = Field("", description="Zone slug")
    category: Category | None = None


class MessageOut(Schema):
    id: int
    author: str | None
    body: str
    internal: bool
    created_at: datetime

    @staticmethod
    def resolve_author(message) -> str | None:
        return str(message.author) if message.author else None


class RequestOut(Schema):
    id: int
    reference: str
    service: str = Field(..., alias="service.slug")
    zone: str = Field(..., alias="service.zone.slug")
    organisation: str = Field(..., alias="organisation.slug")
    state: RequestState
    details: str
    answers: dict
    assignee: str | None = Field(None, alias="assignee.username")
    decline_reason: str
    submitted_at: datetime
    due_on: date
    waiting_on_requester: bool = Field(..., alias="is_paused")
    overdue: bool
    first_response_due_on: date | None
    first_responded_at: datetime | None
    awaiting_first_response: bool = Field(..., alias="awaits_first_response")
    first_response_overdue: bool
    delivered_at: datetime | None
    reopened_at: datetime | None
    reopen_reason: str
    rating: int | None
    rating_comment: str

    @staticmethod
    def resolve_overdue(request: ServiceRequest) -> bool:
        return request_services.is_overdue(request)

    @staticmethod
    def resolve_first_response_overdue(request: ServiceRequest) -> bool:
        return request_services.is_first_response_overdue(request)


class RequestDetailOut(RequestOut):
    thread: list[MessageOut] = Field(..., description="The messages you may read (internal notes only for the team)")


class RequestIn(Schema):
    service: str = Field(..., description="Service slug")
    organisation: str = Field(..., description="Slug of the organisation you request it for")
    details: str = Field(..., max_length=3000)
    answers: dict = Field(default_factory=dict,
                          description="The service's own questions; space needs `units` and `month` (YYYY-MM)")


class TransitionIn(Schema):
    action: str = Field(..., description="triage, assign, start, deliver, close, decline or reopen")
    assignee: str = Field("", description="Username (assign)")
    reason: str = Field("", max_length=500, description="Why it is declined (decline) or reopened (reopen)")


class ReopenIn(Schema):
    reason: str = Field(..., max_length=500, description="Why you reopen the request (required; the team reads it)")


class CannedReplyOut(Schema):
    id: int
    zone: str = Field(..., alias="zone.slug")
    chinese_source: str
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    body_en: str
    body_zh_hans: str
    body_zh_hant: str
    updated_at: datetime


class CannedReplyFilters(Schema):
    zone: str = Field("", description="Zone slug (one you operate); empty: all your zones")


class MessageIn(Schema):
    body: str = Field(..., min_length=1, max_length=3000)
    internal: bool = False


class RatingIn(Schema):
    rating: int = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=1000)


class QueueFilters(Schema):
    zone: str = ""
    service: str = ""
    state: RequestState | None = None
    overdue: bool = False
    assigned: str = Field("", pattern="^(|me|nobody)$")
    first_response: str = Field("", pattern="^(|awaiting|overdue)$",
                                description="awaiting: not answered yet; overdue: past the first-response date")


class CallOut(Schema):
    id: int
    owner: str = Field(..., alias="owner.slug")
    zone: str = Field(..., alias="owner.home_zone.slug")
    state: str
    deadline: date
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    problem_en: str
    problem_zh_hans: str
    problem_zh_hant: str
    site_en: str
    site_zh_hans: str
    site_zh_hant: str
    resources_en: str
    resources_zh_hans: str
    resources_zh_hant: str
    support_en: str
    support_zh_hans: str
    support_zh_hant: str


class CallFilters(Schema):
    q: str = Field("", max_length=200, description="Search in English, 简体 or 繁體")


class ApplicationIn(Schema):
    applicant: str = Field(..., description="Slug of the start-up or company applying")
    proposal: str = Field(..., min_length=1, max_length=3000)


class ApplicationOut(Schema):
    id: int
    call: int = Field(..., alias="call_id")
    applicant: str = Field(..., alias="applicant.slug")
    state: str
    proposal: str


def _request_for(user, request_id: int) -> ServiceRequest:
    service_request = get_object_or_404(
        ServiceRequest.objects.select_related("service__zone", "organisation", "assignee"), pk=request_id)
    if not policy.may_view_request(user, service_request):
        raise NotAllowed("You may not see this request.")
    return service_request


def _detail(user, service_request: ServiceRequest) -> ServiceRequest:
    service_request = ServiceRequest.objects.select_related("service__zone", "organisation", "assignee").get(
        pk=service_request.pk)
    service_request.thread = list(queries.visible_messages(user, service_request))
    return service_request


@router.get("/services", response=list[ServiceOut])
@paginate(page_size=50, max_page_size=200)
def list_services(request, filters: Query[ServiceFilters]):
    """The soft-landing catalogue: every open service, by zone and category."""
    zone = None
    if filters.zone:
        zone = Zone.objects.filter(slug=filters.zone).first()
        if zone is None:
            raise DomainError(f"unknown zone {filters.zone!r}", field="zone")
    return queries.catalogue(zone=zone, category=filters.category or "")


@router.get("/services/{slug}", response=ServiceOut)
def get_service(request, slug: str):
    """One service of the catalogue."""
    return get_object_or_404(Service.objects.select_related("zone", "provider"), slug=slug)


@router.get("/requests", response=list[RequestOut], auth=ApiKeyAuth())
@paginate(page_size=20, max_page_size=100)
def list_my_requests(request):
    """The requests you made or that your organisation (as its admin) made."""
    return queries.requests_of(request.auth).order_by("-submitted_at", "-pk")


@router.post("/requests", response={201: RequestDetailOut}, auth=ApiKeyAuth())
def create_request(request, payload: RequestIn):
    """Request a service for one of your organisations (space is booked at once, within capacity)."""
    service = Service.objects.select_related("zone").filter(slug=payload.service).first()
    if service is None:
        raise DomainError(f"unknown service {payload.service!r}", field="service")
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise DomainError(f"unknown organisation {payload.organisation!r}", field="organisation")
    created = request_services.submit_request(service, acting_user=request.auth, organisation=organisation,
                                              details=payload.details, answers=payload.answers)
    return Status(201, _detail(request.auth, created))


@router.get("/requests/{request_id}", response=RequestDetailOut, auth=ApiKeyAuth())
def get_request(request, request_id: int):
    """One request with the messages you may read (internal notes only for the team)."""
    return _detail(request.auth, _request_for(request.auth, request_id))


@router.post("/requests/{request_id}/transitions", response=RequestDetailOut, auth=ApiKeyAuth())
def transition_request(request, request_id: int, payload: TransitionIn):
    """Move a request on: triage, assign (to a username), start, deliver, close, or decline (with a reason)."""
    service_request = _request_for(request.auth, request_id)
    assignee = None
    if payload.assignee:
        assignee = User.objects.filter(username=payload.assignee, is_active=True).first()
        if assignee is None:
            raise DomainError(f"unknown user {payload.assignee!r}", field="assignee")
    request_services.change_state(service_request, payload.action, acting_user=request.auth, assignee=assignee,
                                  reason=payload.reason)
    return _detail(request.auth, service_request)


@router.post("/requests/{request_id}/messages", response={201: RequestDetailOut}, auth=ApiKeyAuth())
def post_request_message(request, request_id: int, payload: MessageIn):
    """Write on a request's thread (`internal`: a note for the team only)."""
    service_request = _request_for(request.auth, request_id)
    request_services.post_message(service_request, acting_user=request.auth, body=payload.body,
                                  internal=payload.internal)
    return Status(201, _detail(request.auth, service_request))


@router.post("/requests/{request_id}/rating", response=RequestDetailOut, auth=ApiKeyAuth())
def rate_request(request, request_id: int, payload: RatingIn):
    """Rate a delivered request from 1 to 5 (the requester's side), which closes it."""
    service_request = _request_for(request.auth, request_id)
    request_services.rate(service_request, acting_user=request.auth, rating=payload.rating, comment=payload.comment)
    return _detail(request.auth, service_request)


@router.get("/queue", response=list[RequestOut], auth=ApiKeyAuth())
@paginate(page_size=50, max_page_size=200)
def operator_queue(request, filters: Query[QueueFilters]):
    """The operators' queue: their zones' requests (and those assigned to them), filtered."""
    if not policy.operates_any_zone(request.auth):
        raise NotAllowed("Only zone operators have a queue.")
    zone = Zone.objects.filter(slug=filters.zone).first() if filters.zone else None
    service = Service.objects.filter(slug=filters.service).first() if filters.service else None
    return queries.queue(request.auth, zone=zone, service=service, state=filters.state or "",
                         overdue=filters.overdue, assigned=filters.assigned, first_response=filters.first_response)


@router.post("/requests/{request_id}/reopen", response=RequestDetailOut, auth=ApiKeyAuth())
def reopen_request(request, request_id: int, payload: ReopenIn):
    """Reopen a delivered or closed request within 14 days of its delivery (the requester's side; a reason is
    required); it goes back to in progress with the same assignee."""
    service_request = _request_for(request.auth, request_id)
    request_services.reopen(service_request, acting_user=request.auth, reason=payload.reason)
    return _detail(request.auth, service_request)


@router.get("/replies", response=list[CannedReplyOut], auth=ApiKeyAuth())
@paginate(page_size=50, max_page_size=200)
def list_canned_replies(request, filters: Query[CannedReplyFilters]):
    """The canned replies of the zones you operate (zone operators only)."""
    if not policy.operates_any_zone(request.auth):
        raise NotAllowed("Only zone operators keep canned replies.")
    zones = policy.operated_zones(request.auth)
    if filters.zone:
        zones = zones.filter(slug=filters.zone)
        if not zones.exists():
            raise DomainError(f"unknown zone {filters.zone!r}, or not one you operate", field="zone")
    return queries.canned_replies(zones)


@router.get("/scenarios", response=list[CallOut])
@paginate(page_size=20, max_page_size=100)
def list_calls(request, filters: Query[CallFilters]):
    """Open calls for pilots (application scenarios), searchable in any language."""
    return queries.search_calls(filters.q)


@router.get("/scenarios/{call_id}", response=CallOut)
def get_call(request, call_id: int):
    """One call for pilots."""
    return get_object_or_404(ScenarioCall.objects.select_related("owner__home_zone"), pk=call_id)


@router.post("/scenarios/{call_id}/applications", response={201: ApplicationOut}, auth=ApiKeyAuth())
def apply_to_call(request, call_id: int, payload: ApplicationIn):
    """Apply to run a pilot, for a start-up or company you act for."""
    call = get_object_or_404(ScenarioCall.objects.select_related("owner__home_zone"), pk=call_id)
    applicant = Organisation.objects.filter(slug=payload.applicant).first()
    if applicant is None:
        raise DomainError(f"unknown organisation {payload.applicant!r}", field="applicant")
    application: ScenarioApplication = scenario_services.apply_to_call(
        call, acting_user=request.auth, applicant=applicant, proposal=payload.proposal)
    return Status(201, application)
