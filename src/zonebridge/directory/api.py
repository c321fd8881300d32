"""REST API of the directory (`/api/v1/`): zones, sectors, organisations and people's public fields."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate

from zonebridge.accounts.models import Membership, User
from zonebridge.api_auth import ApiKeyAuth
from zonebridge.api_schema import patch_schema
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory import queries, services
from zonebridge.directory.forms import TEXT_FIELD_NAMES
from zonebridge.directory.models import (
    Organisation,
    OrganisationKind,
    Sector,
    Size,
    Stage,
    Zone,
)

router = Router(tags=["directory"])


class ZoneOut(Schema):
    slug: str
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    region: str
    time_zone: str


class SectorOut(Schema):
    slug: str
    parent: str | None = Field(None, alias="parent.slug")
    name_en: str
    name_zh_hans: str
    name_zh_hant: str


class OrganisationOut(Schema):
    slug: str
    kind: str
    stage: str
    size: str
    home_zone: str = Field(..., alias="home_zone.slug")
    sectors: list[str]
    website: str
    founded_year: int | None
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    summary_en: str
    summary_zh_hans: str
    summary_zh_hant: str
    chinese_source: str
    hand_written_fields: list[str]

    @staticmethod
    def resolve_sectors(organisation: Organisation) -> list[str]:
        return [sector.slug for sector in organisation.sectors.all()]


class OrganisationDetailOut(OrganisationOut):
    description_en: str
    description_zh_hans: str
    description_zh_hant: str


class OrganisationFilters(Schema):
    q: str = Field("", max_length=200, description="Full-text query in English, 简体 or 繁體")
    zone: str = Field("", description="Zone slug")
    kind: OrganisationKind | None = None
    sector: str = Field("", description="Sector slug (includes its sub-sectors)")
    stage: Stage | None = None


OrganisationPatch = patch_schema(
    "OrganisationPatch", Organisation,
    {"kind": OrganisationKind, "stage": Stage, "size": Size, "website": str, "founded_year": int,
     "chinese_source": ChineseScript, **dict.fromkeys(TEXT_FIELD_NAMES, str)},
    doc="Fields an organisation admin may change; omitted fields stay as they are, null clears a field that "
        "may be empty.",
    extra={"sectors": (list[str] | None, Field(None, description="Sector slugs; null or [] clears them"))},
)


class PersonOut(Schema):
    username: str
    display_name: str
    home_zone: str | None = Field(None, alias="home_zone.slug")
    headline: str = Field("", alias="profile.headline")
    bio: str = Field("", alias="profile.bio")
    skills: str = Field("", alias="profile.skills")
    organisations: list[str]

    @staticmethod
    def resolve_organisations(person: User) -> list[str]:
        return sorted({membership.organisation.slug for membership in person.memberships.all()})


def _query_error(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


def _body_errors(messages: dict[str, str]) -> ValidationError:
    return ValidationError([{"loc": ["body", "payload", field], "msg": message, "type": "value_error"}
                            for field, message in messages.items()])


@router.get("/zones", response=list[ZoneOut])
def list_zones(request):
    """Every zone of the partnership."""
    return Zone.objects.order_by("slug")


@router.get("/sectors", response=list[SectorOut])
def list_sectors(request):
    """The sector taxonomy."""
    return Sector.objects.select_related("parent").order_by("slug")


@router.get("/organisations", response=list[OrganisationOut])
@paginate(page_size=20, max_page_size=100)
def list_organisations(request, filters: Query[OrganisationFilters]):
    """Organisations, filtered by zone, kind, sector, stage and full-text query (best match first)."""
    zone = sector = None
    if filters.zone:
        zone = Zone.objects.filter(slug=filters.zone).first()
        if zone is None:
            raise _query_error("zone", f"unknown zone {filters.zone!r}")
    if filters.sector:
        sector = Sector.objects.filter(slug=filters.sector).first()
        if sector is None:
            raise _query_error("sector", f"unknown sector {filters.sector!r}")
    return queries.apply_filters(
        queries.organisations_for_listing(), zone=zone, kind=filters.kind or "", sector=sector,
        stage=filters.stage or "", q=filters.q,
    )


@router.get("/organisations/{slug}", response=OrganisationDetailOut)
def get_organisation(request, slug: str):
    """One organisation's full profile."""
    return get_object_or_404(Organisation.objects.select_related("home_zone").prefetch_related("sectors"), slug=slug)


@router.patch("/organisations/{slug}", response=OrganisationDetailOut, auth=ApiKeyAuth())
def patch_organisation(request, slug: str, payload: OrganisationPatch):
    """Edit an organisation's profile (organisation admins and its zone's operators; token required)."""
    organisation = get_object_or_404(Organisation.objects.select_related("home_zone"), slug=slug)
    changes = payload.dict(exclude_unset=True)
    sectors = None
    if "sectors" in changes:
        slugs = changes.pop("sectors") or []
        sectors = list(Sector.objects.filter(slug__in=slugs))
        unknown = sorted(set(slugs) - {sector.slug for sector in sectors})
        if unknown:
            raise _body_errors({"sectors": f"unknown sectors: {', '.join(unknown)}"})
    texts = {name: changes.pop(name) or "" for name in TEXT_FIELD_NAMES if name in changes}
    # null clears a field: NULL where the column allows it, the empty string elsewhere.
    fields = {name: value if value is not None else (None if Organisation._meta.get_field(name).null else "")
              for name, value in changes.items()}
    organisation = services.update_organisation_profile(
        organisation, acting_user=request.auth, texts=texts, fields=fields, sectors=sectors
    )
    return get_organisation(request, organisation.slug)


def _listed_people():
    return (User.objects.filter(is_active=True, profile__is_listed=True)
            .select_related("home_zone", "profile")
            .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))))


@router.get("/people", response=list[PersonOut])
@paginate(page_size=20, max_page_size=100)
def list_people(request, zone: str = ""):
    """People listed in the directory: public fields only (personal data never leaves through this list)."""
    people = _listed_people().order_by("username")
    return people.filter(home_zone__slug=zone) if zone else people


@router.get("/people/{username}", response=PersonOut)
def get_person(request, username: str):
    """One person's public fields."""
    return get_object_or_404(_listed_people(), username=username)
