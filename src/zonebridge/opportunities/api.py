"""REST API of the marketplace (`/api/v1/opportunities`): search in relevance order, read, post; expressions of
interest and their introductions; saved searches and their weekly e-mail."""

from datetime import date, datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import ValidationError
from ninja.pagination import paginate

from zonebridge.api_auth import ApiKeyAuth
from zonebridge.core.errors import DomainError, InvalidFields, NotAllowed, NotFound
from zonebridge.directory.models import Organisation, Sector, Zone
from zonebridge.opportunities import queries, services
from zonebridge.opportunities.models import (
    Direction,
    InterestExpression,
    InterestState,
    IntroductionRoute,
    Kind,
    Language,
    Opportunity,
    Outcome,
    SavedSearch,
    Visibility,
)
from zonebridge.policy import opportunities as policy

router = Router(tags=["opportunities"])


class OpportunityOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    zone: str = Field(..., alias="organisation.home_zone.slug")
    direction: Direction
    kind: Kind
    language: Language
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    description_en: str
    description_zh_hans: str
    description_zh_hant: str
    sectors: list[str]
    target_zone: str | None = Field(None, alias="target_zone.slug")
    valid_from: date
    valid_until: date | None
    visibility: Visibility
    created_at: str

    @staticmethod
    def resolve_sectors(opportunity: Opportunity) -> list[str]:
        return [sector.slug for sector in opportunity.sectors.all()]

    @staticmethod
    def resolve_created_at(opportunity: Opportunity) -> str:
        return opportunity.created_at.isoformat()


class HitOut(OpportunityOut):
    score: float | None = Field(None, description="The engine's relevance (with `q`), higher is better")
    why: list[str] = Field(default_factory=list, description="Why it matched, e.g. “battery ↔ 電池”")


class OpportunityFilters(Schema):
    q: str = Field("", max_length=200, description="Cross-lingual query in English, 简体 or 繁體 (relevance order)")
    kind: Kind | None = None
    direction: Direction | None = None
    sector: str = Field("", description="Sector slug (includes its sub-sectors)")
    zone: str = Field("", description="Zone slug: posted from or aimed at this zone")
    since: date | None = Field(None, description="Posted on or after this day")


class OpportunityIn(Schema):
    organisation: str = Field(..., description="Slug of the organisation posting")
    kind: Kind
    title: str = Field(..., min_length=1, max_length=200)
    description: str = Field(..., min_length=1, max_length=5_000)
    language: Language | None = Field(None, description="Detected from the text when not given")
    direction: Direction = Direction.NEED
    sectors: list[str] = Field(default_factory=list, description="Sector slugs")
    target_zone: str | None = Field(None, description="Zone slug; none: any zone")
    valid_from: date | None = None
    valid_until: date | None = None
    visibility: Visibility = Visibility.PUBLIC


def _query_error(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


def _body_error(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["body", "payload", field], "msg": message, "type": "value_error"}])


def _as_hit(result) -> Opportunity:
    opportunity = result.opportunity
    opportunity.score, opportunity.why = result.score, list(result.why)
    return opportunity


class _LazyHits:
    """Paginate over a RankedList, turning only the shown page into postings with score and reasons."""

    def __init__(self, results):
        self.results = results

    def __len__(self) -> int:
        return len(self.results)

    def count(self) -> int:
        """The number of results."""
        return len(self.results)

    def __getitem__(self, item):
        page = self.results[item]
        return [_as_hit(r) for r in page] if isinstance(item, slice) else _as_hit(page)


@router.get("/opportunities", response=list[HitOut])
@paginate(page_size=20, max_page_size=100)
def list_opportunities(request, filters: Query[OpportunityFilters]):
    """Open postings the caller may see; with `q`, in the cross-lingual engine's relevance order with reasons."""
    zone = sector = None
    if filters.zone:
        zone = Zone.objects.filter(slug=filters.zone).first()
        if zone is None:
            raise _query_error("zone", f"unknown zone {filters.zone!r}")
    if filters.sector:
        sector = Sector.objects.filter(slug=filters.sector).first()
        if sector is None:
            raise _query_error("sector", f"unknown sector {filters.sector!r}")
    results = queries.search(_caller(request), q=filters.q, kind=filters.kind or "",
                             direction=filters.direction or "", sector=sector, zone=zone, since=filters.since)
    return _LazyHits(results)


def _caller(request):
    # Reads are public; a valid token (if sent) lets the caller see what their role sees.
    user = ApiKeyAuth()(request) if request.headers.get("Authorization") else None
    return user or request.user


@router.post("/opportunities", response={201: OpportunityOut}, auth=ApiKeyAuth())
def create_opportunity(request, payload: OpportunityIn):
    """Post an offer or need for an organisation (its admins and members, its zone's operators; token required)."""
    organisation = Organisation.objects.filter(slug=payload.organisation).select_related("home_zone").first()
    if organisation is None:
        raise _body_error("organisation", f"unknown organisation {payload.organisation!r}")
    sectors = list(Sector.objects.filter(slug__in=payload.sectors))
    unknown = sorted(set(payload.sectors) - {sector.slug for sector in sectors})
    if unknown:
        raise _body_error("sectors", f"unknown sectors: {', '.join(unknown)}")
    target_zone = None
    if payload.target_zone:
        target_zone = Zone.objects.filter(slug=payload.target_zone).first()
        if target_zone is None:
            raise _body_error("target_zone", f"unknown zone {payload.target_zone!r}")
    language, texts = services.texts_in(payload.language, payload.title, payload.description)
    fields = {"direction": payload.direction, "target_zone": target_zone, "valid_until": payload.valid_until,
              "visibility": payload.visibility}
    if payload.valid_from:
        fields["valid_from"] = payload.valid_from
    opportunity = services.create_opportunity(acting_user=request.auth, organisation=organisation,
                                              kind=payload.kind, texts=texts, language=language, sectors=sectors,
                                              **fields)
    return Status(201, get_opportunity(request, opportunity.pk))


# --- Expressions of interest and introductions ------------------------------------------------------------

class InterestIn(Schema):
    organisation: str = Field(..., description="Slug of your organisation that is interested")
    message: str = Field(..., description="Who you are and what you propose (up to 2,000 characters)")


class InterestOut(Schema):
    id: int
    opportunity: int = Field(..., alias="opportunity_id")
    opportunity_title: str = Field(..., alias="opportunity.title")
    posted_by: str = Field(..., alias="opportunity.organisation.slug", description="The posting's organisation")
    organisation: str = Field(..., alias="organisation.slug", description="The interested organisation")
    organisation_zone: str = Field(..., alias="organisation.home_zone.slug")
    posted_by_zone: str = Field(..., alias="opportunity.organisation.home_zone.slug")
    message: str
    state: InterestState
    created_at: datetime
    decided_at: datetime | None
    outcome: Outcome
    outcome_at: datetime | None
    introduction_route: IntroductionRoute | None
    brokered_at: datetime | None
    follow_up_due: datetime | None

    @staticmethod
    def resolve_introduction_route(interest: InterestExpression) -> str | None:
        return interest.introduction_route or None


class ContactOut(Schema):
    name: str
    email: str
    phone: str


class ContactsOut(Schema):
    sender: ContactOut | None = Field(None, description="Who sent the interest")
    owner: ContactOut | None = Field(None, description="Who accepted it")


class OperatorOut(Schema):
    name: str
    email: str

    @staticmethod
    def resolve_name(operator) -> str:
        return operator.display_name or operator.username


class IntroductionOut(Schema):
    route: IntroductionRoute
    contacts: ContactsOut | None = Field(None, description="Only to the two sides, and only while both people "
                                         "consent to cross-border sharing (or share a zone)")
    operators: list[OperatorOut] = Field(default_factory=list,
                                         description="The zone operators who introduce them otherwise")
    brokered_by: str | None = Field(None, description="The operator who introduced them")
    brokered_at: datetime | None = None


class InterestDetailOut(InterestOut):
    introduction: IntroductionOut | None = Field(None, description="Once accepted")
    actions: list[str] = Field(default_factory=list,
                               description="What you may do now: accept, decline, withdraw")


class InterestFilters(Schema):
    state: InterestState | None = None


class TransitionIn(Schema):
    action: str = Field(..., description="accept or decline (the posting's side), withdraw (the sender's side)")


class OutcomeIn(Schema):
    outcome: str = Field(..., description="no_reply, talking, deal, pilot or investment")


def _interest_for(user, interest_id: int) -> InterestExpression:
    """The interest `interest_id` if `user` may see it (404 otherwise, as on the pages)."""
    interest = InterestExpression.objects.select_related(
        "opportunity__organisation__home_zone", "organisation__home_zone", "sent_by__profile",
        "decided_by__profile", "brokered_by").filter(pk=interest_id).first()
    if interest is None or not policy.may_view_interest(user, interest):
        raise NotFound(_("No such expression of interest."))
    return interest


def _interest_detail(user, interest: InterestExpression) -> InterestExpression:
    """The interest as `user` sees it: reloaded, with the introduction the service lets them see."""
    interest = _interest_for(user, interest.pk)
    introduction = services.introduction_for(interest, viewer=user)
    if introduction is not None:
        brokered_by = interest.brokered_by
        introduction = {"route": introduction.route, "contacts": introduction.contacts,
                        "operators": introduction.operators, "brokered_at": interest.brokered_at,
                        "brokered_by": (brokered_by.display_name or brokered_by.username) if brokered_by else None}
    interest.introduction = introduction
    interest.actions = [t.name for t in services.INTEREST_FLOW.available(interest, user)]
    return interest


def _interests(queryset, filters: InterestFilters):
    if filters.state:
        queryset = queryset.filter(state=filters.state)
    return queryset.select_related("opportunity__organisation__home_zone").order_by("-created_at", "-pk")


@router.post("/opportunities/{opportunity_id}/interests", response={201: InterestDetailOut}, auth=ApiKeyAuth())
def express_interest(request, opportunity_id: int, payload: InterestIn):
    """Express interest in a posting for one of your organisations, with a message (a daily limit applies per
    organisation: over it, 409 with the type `throttled`)."""
    opportunity = Opportunity.objects.select_related("organisation__home_zone").filter(pk=opportunity_id).first()
    if opportunity is None or not policy.may_view_opportunity(request.auth, opportunity):
        raise NotFound(_("No such posting."))
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise DomainError(_("Unknown organisation “%(slug)s”.") % {"slug": payload.organisation},
                          field="organisation")
    interest = services.express_interest(opportunity, acting_user=request.auth, organisation=organisation,
                                         message=payload.message)
    return Status(201, _interest_detail(request.auth, interest))


@router.get("/opportunities/interests/sent", response=list[InterestOut], auth=ApiKeyAuth())
@paginate(page_size=20, max_page_size=100)
def list_sent_interests(request, filters: Query[InterestFilters]):
    """The interests your organisations sent, newest first."""
    return _interests(queries.interests_for(request.auth)["sent"], filters)


@router.get("/opportunities/interests/received", response=list[InterestOut], auth=ApiKeyAuth())
@paginate(page_size=20, max_page_size=100)
def list_received_interests(request, filters: Query[InterestFilters]):
    """The interests your organisations' postings received, newest first."""
    return _interests(queries.interests_for(request.auth)["received"], filters)


@router.get("/opportunities/interests/between-zones", response=list[InterestOut], auth=ApiKeyAuth())
@paginate(page_size=50, max_page_size=200)
def list_cross_zone_interests(request, filters: Query[InterestFilters]):
    """Zone operators: every interest between the zones that involves a zone they run, newest first."""
    if not policy.may_see_all_interests(request.auth):
        raise NotAllowed(_("Only zone operators see every expression of interest between the zones."))
    return _interests(queries.cross_zone_interests(request.auth), filters)


@router.get("/opportunities/interests/{interest_id}", response=InterestDetailOut, auth=ApiKeyAuth())
def get_interest(request, interest_id: int):
    """One interest (both sides and the zones' operators); once accepted, the introduction: the two contacts
    only when both people consented to cross-border sharing, otherwise the operators who introduce them."""
    return _interest_detail(request.auth, _interest_for(request.auth, interest_id))


@router.post("/opportunities/interests/{interest_id}/transitions", response=InterestDetailOut, auth=ApiKeyAuth())
def transition_interest(request, interest_id: int, payload: TransitionIn):
    """Accept or decline an interest (the posting's side), or withdraw it (the sender's side) while unanswered."""
    interest = _interest_for(request.auth, interest_id)
    services.apply_interest_action(interest, payload.action, acting_user=request.auth)
    return _interest_detail(request.auth, interest)


@router.post("/opportunities/interests/{interest_id}/outcome", response=InterestDetailOut, auth=ApiKeyAuth())
def record_interest_outcome(request, interest_id: int, payload: OutcomeIn):
    """Report how an accepted introduction went: no_reply, talking, deal, pilot or investment."""
    interest = _interest_for(request.auth, interest_id)
    services.record_outcome(interest, acting_user=request.auth, outcome=payload.outcome)
    return _interest_detail(request.auth, interest)


@router.post("/opportunities/interests/{interest_id}/introduction", response=InterestDetailOut, auth=ApiKeyAuth())
def broker_introduction(request, interest_id: int):
    """Zone operators: record that you introduced the two sides of an accepted interest (both are told)."""
    interest = _interest_for(request.auth, interest_id)
    services.broker_introduction(interest, acting_user=request.auth)
    return _interest_detail(request.auth, interest)


# --- Saved searches ------------------------------------------------------------------------------------------

class SavedSearchIn(Schema):
    q: str = Field("", description="Cross-lingual query (up to 200 characters)")
    kind: str = Field("", description="A kind of posting; empty: all")
    sector: str = Field("", description="Sector slug; empty: all")
    zone: str = Field("", description="Zone slug; empty: all")


class SavedSearchOut(Schema):
    id: int
    q: str
    kind: str
    sector: str | None = Field(None, alias="sector.slug")
    zone: str | None = Field(None, alias="zone.slug")
    digest: bool = Field(..., alias="is_active", description="New matches are e-mailed weekly")
    created_at: datetime
    last_sent_at: datetime | None


class DigestIn(Schema):
    digest: bool = Field(..., description="true: the weekly e-mail of new matches; false: none")


def _saved_search_for(user, search_id: int) -> SavedSearch:
    saved = SavedSearch.objects.select_related("sector", "zone").filter(pk=search_id, user=user).first()
    if saved is None:
        raise NotFound(_("No such saved search."))
    return saved


@router.get("/opportunities/saved-searches", response=list[SavedSearchOut], auth=ApiKeyAuth())
@paginate(page_size=20, max_page_size=100)
def list_saved_searches(request):
    """Your saved searches."""
    return SavedSearch.objects.filter(user=request.auth).select_related("sector", "zone")


@router.post("/opportunities/saved-searches", response={201: SavedSearchOut}, auth=ApiKeyAuth())
def save_search(request, payload: SavedSearchIn):
    """Save a search (query and filters); its new matches are e-mailed weekly, in your language."""
    problems = {}
    if payload.kind and payload.kind not in Kind.values:
        problems["kind"] = _("Unknown kind “%(value)s”.") % {"value": payload.kind}
    sector = Sector.objects.filter(slug=payload.sector).first() if payload.sector else None
    if payload.sector and sector is None:
        problems["sector"] = _("Unknown sector “%(value)s”.") % {"value": payload.sector}
    zone = Zone.objects.filter(slug=payload.zone).first() if payload.zone else None
    if payload.zone and zone is None:
        problems["zone"] = _("Unknown zone “%(value)s”.") % {"value": payload.zone}
    if problems:
        raise InvalidFields(problems)
    saved = services.save_search(acting_user=request.auth, q=payload.q, kind=payload.kind, sector=sector, zone=zone)
    return Status(201, _saved_search_for(request.auth, saved.pk))


@router.patch("/opportunities/saved-searches/{search_id}", response=SavedSearchOut, auth=ApiKeyAuth())
def set_saved_search_digest(request, search_id: int, payload: DigestIn):
    """Turn the weekly e-mail of one of your saved searches on or off."""
    saved = services.set_digest(_saved_search_for(request.auth, search_id), acting_user=request.auth,
                                active=payload.digest)
    return saved


@router.delete("/opportunities/saved-searches/{search_id}", response={204: None}, auth=ApiKeyAuth())
def delete_saved_search(request, search_id: int):
    """Delete one of your saved searches."""
    services.delete_saved_search(_saved_search_for(request.auth, search_id), acting_user=request.auth)
    return Status(204, None)


# Registered last: its path would otherwise take /opportunities/saved-searches (ninja's `{opportunity_id}` matches
# any segment, and Django tries the patterns in order).
@router.get("/opportunities/{opportunity_id}", response=OpportunityOut)
def get_opportunity(request, opportunity_id: int):
    """One posting (404 when it does not exist or the caller may not see it)."""
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation__home_zone", "target_zone")
                                    .prefetch_related("sectors"), pk=opportunity_id)
    if not policy.may_view_opportunity(_caller(request), opportunity):
        raise Http404
    return opportunity
