"""REST API of the marketplace (`/api/v1/opportunities`): search in relevance order, read, post."""

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import ValidationError
from ninja.pagination import paginate

from zonebridge.api_auth import ApiKeyAuth
from zonebridge.directory.models import Organisation, Sector, Zone
from zonebridge.opportunities import queries, services
from zonebridge.opportunities.models import Direction, Kind, Language, Opportunity, Visibility
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


@router.get("/opportunities/{opportunity_id}", response=OpportunityOut)
def get_opportunity(request, opportunity_id: int):
    """One posting (404 when it does not exist or the caller may not see it)."""
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation__home_zone", "target_zone")
                                    .prefetch_related("sectors"), pk=opportunity_id)
    if not policy.may_view_opportunity(_caller(request), opportunity):
        raise Http404
    return opportunity


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
