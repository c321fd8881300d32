"""REST API of bulletins (`/api/v1/bulletins`): the posts aimed at the caller (a token personalises the list by
the same targeting rule as the site and the feeds), writing them (zone operators), and the caller's digest
subscriptions (topics and how often)."""

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import AuthenticationError
from ninja.pagination import paginate

from zonebridge.api_auth import ApiKeyAuth
from zonebridge.bulletins import queries, services
from zonebridge.bulletins.models import AUDIENCE_ROLES, Bulletin, DigestFrequency, Topic
from zonebridge.core.errors import DomainError, NotFound
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind, Sector, Zone
from zonebridge.policy import bulletins as policy

router = Router(tags=["bulletins"])


class BulletinOut(Schema):
    id: int
    zone: str = Field(..., alias="zone.slug")
    topic: Topic
    pinned: bool
    publish_at: datetime | None
    expires_at: datetime | None
    updated_at: datetime
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    summary_en: str
    summary_zh_hans: str
    summary_zh_hant: str
    body_en: str
    body_zh_hans: str
    body_zh_hant: str


class BulletinIn(Schema):
    zone: str = Field(..., description="Slug of the publishing zone (one you operate)")
    topic: Topic
    chinese_source: ChineseScript = ChineseScript.SIMPLIFIED
    title_en: str = Field(..., min_length=1, max_length=200)
    title_zh_hans: str = Field("", max_length=200)
    title_zh_hant: str = Field("", max_length=200)
    summary_en: str = Field("", max_length=300)
    summary_zh_hans: str = Field("", max_length=300)
    summary_zh_hant: str = Field("", max_length=300)
    body_en: str = Field("", max_length=5000)
    body_zh_hans: str = Field("", max_length=5000)
    body_zh_hant: str = Field("", max_length=5000)
    pinned: bool = False
    publish: bool = Field(False, description="Publish (at `publish_at`, or now)")
    publish_at: datetime | None = None
    expires_at: datetime | None = None
    target_zones: list[str] = Field(default_factory=list, description="Zone slugs; empty: every zone")
    target_sectors: list[str] = Field(default_factory=list, description="Sector slugs; empty: every sector")
    target_roles: list[str] = Field(default_factory=list, description=", ".join(c for c, _ in AUDIENCE_ROLES))
    target_kinds: list[OrganisationKind] = Field(default_factory=list)


class SubscriptionsOut(Schema):
    topics: list[Topic] = Field(..., description="The topics whose bulletins come in your digest")
    frequency: DigestFrequency = Field(..., description="daily, weekly, or off (no digest)")
    last_digest_at: datetime | None = Field(None, description="When your last digest was sent (UTC)")


class SubscriptionsIn(Schema):
    topics: list[Topic] = Field(default_factory=list, description="Exactly the topics to follow (others dropped)")
    frequency: DigestFrequency = Field(..., description="daily, weekly, or off (no digest)")


def _subscriptions(user) -> dict:
    reader = services.reader_settings(user)
    return {"topics": sorted(user.bulletin_subscriptions.values_list("topic", flat=True)),
            "frequency": reader.digest_frequency, "last_digest_at": reader.last_digest_at}


@router.get("/subscriptions", response=SubscriptionsOut, auth=ApiKeyAuth())
def get_subscriptions(request):
    """Your digest: the topics you follow and how often it comes."""
    return _subscriptions(request.auth)


@router.put("/subscriptions", response=SubscriptionsOut, auth=ApiKeyAuth())
def put_subscriptions(request, payload: SubscriptionsIn):
    """Choose the topics of your digest and how often it comes (daily, weekly, or off)."""
    services.set_digest_choices(request.auth, topics=[str(topic) for topic in payload.topics],
                                frequency=str(payload.frequency), acting_user=request.auth)
    return _subscriptions(request.auth)


def _reader(request):
    """The caller: the token's user when a valid token is sent, else anonymous (the public audience)."""
    header = request.headers.get("Authorization", "")
    if not header:
        return AnonymousUser()
    # A token that is sent must be good: a bad one is a 401 and counts against the address, as everywhere.
    user = ApiKeyAuth().authenticate(request, header.removeprefix("Bearer ").strip())
    if user is None:
        raise AuthenticationError()
    return user


@router.get("", response=list[BulletinOut])
@paginate(page_size=20, max_page_size=100)
def list_bulletins(request, topic: Topic | None = None):
    """Live bulletins aimed at the caller, pinned first (send a token to get those aimed at you)."""
    return queries.visible_bulletins(_reader(request), topic=topic or "")


@router.get("/{bulletin_id}", response=BulletinOut)
def get_bulletin(request, bulletin_id: int):
    """One bulletin, if it is aimed at the caller (or the caller operates its zone)."""
    bulletin = get_object_or_404(Bulletin.objects.select_related("zone"), pk=bulletin_id)
    if not policy.may_view(_reader(request), bulletin):
        raise NotFound("Not found.")
    return bulletin


@router.post("", response={201: BulletinOut}, auth=ApiKeyAuth())
def create_bulletin(request, payload: BulletinIn):
    """Write a bulletin for a zone you operate; 简↔繁 is converted from the script you write in."""
    zone = Zone.objects.filter(slug=payload.zone).first()
    if zone is None:
        raise DomainError(f"unknown zone {payload.zone!r}", field="zone")
    zones = list(Zone.objects.filter(slug__in=payload.target_zones))
    sectors = list(Sector.objects.filter(slug__in=payload.target_sectors))
    if len(zones) != len(set(payload.target_zones)):
        raise DomainError("unknown zone in target_zones", field="target_zones")
    if len(sectors) != len(set(payload.target_sectors)):
        raise DomainError("unknown sector in target_sectors", field="target_sectors")
    texts = {name: getattr(payload, name) for name in
             ("title_en", "title_zh_hans", "title_zh_hant", "summary_en", "summary_zh_hans", "summary_zh_hant",
              "body_en", "body_zh_hans", "body_zh_hant")}
    bulletin = services.save_bulletin(
        Bulletin(zone=zone), acting_user=request.auth, texts=texts,
        fields={"topic": payload.topic, "pinned": payload.pinned, "publish_at": payload.publish_at,
                "expires_at": payload.expires_at, "chinese_source": payload.chinese_source},
        target_zones=zones, target_sectors=sectors, target_roles=payload.target_roles,
        target_kinds=[str(kind) for kind in payload.target_kinds])
    if payload.publish:
        bulletin = services.publish(bulletin, acting_user=request.auth, publish_at=payload.publish_at)
    return Status(201, bulletin)
