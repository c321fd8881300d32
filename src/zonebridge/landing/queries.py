"""Read side of soft landing, shared by the pages and the API: the catalogue, a person's requests, the
operators' queue with its filters (overdue, awaiting a first response), canned replies, a request's visible
thread, and the search of calls for pilots."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from zonebridge.core.shared_index import RankedRows
from zonebridge.directory.models import Zone
from zonebridge.directory.search import query_terms
from zonebridge.landing.models import (
    OPEN_STATES,
    CallState,
    CannedReply,
    ScenarioCall,
    Service,
    ServiceRequest,
)
from zonebridge.landing.ranking import CALLS
from zonebridge.policy import landing as policy


def catalogue(*, zone=None, category: str = "") -> QuerySet:
    """The open services, optionally of one zone and one category."""
    services = Service.objects.filter(is_active=True).select_related("zone", "provider")
    if zone:
        services = services.filter(zone=zone)
    if category:
        services = services.filter(category=category)
    return services.order_by("zone__slug", "category", "name_en", "pk")


def requests_of(user) -> QuerySet:
    """The requests a person made or that their organisation's admins follow."""
    from zonebridge.accounts.models import Role

    administered = user.memberships.filter(role=Role.ORG_ADMIN).values("organisation")
    return (ServiceRequest.objects.filter(Q(requester=user) | Q(organisation__in=administered))
            .select_related("service__zone", "organisation", "assignee").distinct())


def assigned_to(user) -> QuerySet:
    """The open requests assigned to `user` (an operator, or a member of a provider organisation)."""
    return (ServiceRequest.objects.filter(assignee=user, state__in=OPEN_STATES + ("delivered",))
            .select_related("service__zone", "organisation", "assignee").order_by("due_on", "pk"))


def overdue_q(now: datetime | None = None) -> Q:
    """Open, running and past the due date, each zone by its own calendar date."""
    now = now or timezone.now()
    by_zone = Q(pk__in=[])
    for zone in Zone.objects.all():
        today = now.astimezone(ZoneInfo(zone.time_zone)).date()
        by_zone |= Q(service__zone=zone, due_on__lt=today)
    return Q(state__in=OPEN_STATES, paused_since__isnull=True) & by_zone


def awaiting_first_response_q() -> Q:
    """Open and not answered by the team yet."""
    return Q(state__in=OPEN_STATES, first_responded_at__isnull=True)


def first_response_overdue_q(now: datetime | None = None) -> Q:
    """Not answered yet and past the first-response date, each zone by its own calendar date."""
    now = now or timezone.now()
    by_zone = Q(pk__in=[])
    for zone in Zone.objects.all():
        today = now.astimezone(ZoneInfo(zone.time_zone)).date()
        by_zone |= Q(service__zone=zone, first_response_due_on__lt=today)
    return awaiting_first_response_q() & by_zone


def queue(user, *, zone=None, service=None, state: str = "", overdue: bool = False, assigned: str = "",
          first_response: str = "", now: datetime | None = None) -> QuerySet:
    """The requests of the zones `user` operates, plus those assigned to them; filtered as asked
    (`first_response`: "awaiting" not answered yet, "overdue" past its first-response date)."""
    zones = policy.operated_zones(user)
    requests = (ServiceRequest.objects.filter(Q(service__zone__in=zones) | Q(assignee=user))
                .select_related("service__zone", "organisation", "assignee", "requester"))
    if zone:
        requests = requests.filter(service__zone=zone)
    if service:
        requests = requests.filter(service=service)
    if state:
        requests = requests.filter(state=state)
    elif not overdue:
        requests = requests.filter(state__in=OPEN_STATES + ("delivered",))
    if overdue:
        requests = requests.filter(overdue_q(now))
    if first_response == "awaiting":
        requests = requests.filter(awaiting_first_response_q())
    elif first_response == "overdue":
        requests = requests.filter(first_response_overdue_q(now))
    if assigned == "me":
        requests = requests.filter(assignee=user)
    elif assigned == "nobody":
        requests = requests.filter(assignee__isnull=True)
    return requests.distinct().order_by("due_on", "pk")


def visible_messages(user, request: ServiceRequest) -> QuerySet:
    """The thread as `user` may read it: internal notes only for the team working on the request."""
    messages = request.messages.select_related("author", "attachment")
    if not policy.may_see_internal_notes(user, request):
        messages = messages.filter(internal=False)
    return messages


def canned_replies(zones) -> QuerySet:
    """The reply templates of `zones`, by zone and title."""
    return CannedReply.objects.filter(zone__in=zones).select_related("zone").order_by("zone__slug", "title_en", "pk")


def assignable_users(request: ServiceRequest):
    """Who a request can be assigned to: the zone's operators and the provider's members."""
    from zonebridge.accounts.models import User

    zone = request.service.zone
    q = Q(operated_zones=zone)
    if request.service.provider_id:
        q |= Q(memberships__organisation_id=request.service.provider_id)
    return User.objects.filter(q, is_active=True).distinct().order_by("display_name", "username")


def state_counts(requests: QuerySet) -> dict[str, int]:
    """How many of `requests` are in each state."""
    return dict(requests.order_by().values_list("state").annotate(n=Count("pk")))


def search_calls(q: str = "", *, include_closed: bool = False) -> QuerySet | RankedRows:
    """Calls for pilots that match `q` in any language, in the cross-lingual engine's order (an English query
    finds a 简体 call); soonest deadline first without a query."""
    calls = ScenarioCall.objects.select_related("owner__home_zone").annotate(application_count=Count("applications"))
    if not include_closed:
        calls = calls.filter(state=CallState.OPEN, deadline__gte=timezone.localdate())
    calls = calls.order_by("deadline", "pk")
    query = (q or "").strip()
    if not query:
        return calls
    hits = CALLS.ranked(calls, query)
    if hits is not None:
        return RankedRows(calls, hits)
    # Before the first index build: every term of the query, as normalised tokens (繁體 finds 简体).
    terms = query_terms(query)
    if not terms:
        return calls.none()
    for term in terms:
        words = Q()
        for token in term.words:
            words &= Q(search_document__contains=f" {token} ")
        calls = calls.filter(words | Q(search_document__contains=f" {term.concept} ") if term.concept else words)
    return calls
