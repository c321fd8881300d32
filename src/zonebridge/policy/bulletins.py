"""Who writes bulletins, and the one targeting rule: which bulletins a reader sees, on the site, in the digest
and in the feeds alike."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from zonebridge.accounts.models import Membership
from zonebridge.bulletins.models import ZONE_OPERATOR, Bulletin, BulletinStatus
from zonebridge.directory.models import Organisation, Sector, Zone
from zonebridge.policy.accounts import is_zone_operator
from zonebridge.policy.core import signed_in


@dataclass(frozen=True)
class Reader:
    """What a bulletin's audience is matched against: the reader's zones, roles, kinds of organisation and
    sectors (an anonymous reader has none and sees only posts for everyone)."""

    zone_ids: frozenset = field(default_factory=frozenset)
    roles: frozenset = field(default_factory=frozenset)
    kinds: frozenset = field(default_factory=frozenset)
    sector_ids: frozenset = field(default_factory=frozenset)


def reader_of(user) -> Reader:
    """The audience facts of `user`: their home zone and their organisations' zones, roles, kinds, sectors."""
    if not signed_in(user):
        return Reader()
    memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
    organisations = [m.organisation for m in memberships]
    zone_ids = {user.home_zone_id} | {o.home_zone_id for o in organisations}
    roles = {m.role for m in memberships}
    operated = set(user.operated_zones.values_list("pk", flat=True))
    if operated:
        roles.add(ZONE_OPERATOR)
        zone_ids |= operated
    sector_ids = set(Organisation.sectors.through.objects.filter(
        organisation__in=organisations).values_list("sector_id", flat=True))
    # A post for a sector is for its sub-sectors too ("new energy" reaches battery makers).
    sector_ids |= set(Sector.objects.filter(pk__in=sector_ids, parent__isnull=False).values_list("parent_id",
                                                                                                flat=True))
    return Reader(zone_ids=frozenset(zone_ids - {None}), roles=frozenset(roles),
                  kinds=frozenset(o.kind for o in organisations), sector_ids=frozenset(sector_ids))


def live_q(now=None) -> Q:
    """Published, its time has come, not expired."""
    now = now or timezone.now()
    return (Q(status=BulletinStatus.PUBLISHED, publish_at__lte=now)
            & (Q(expires_at__isnull=True) | Q(expires_at__gt=now)))


def _codes_q(field_name: str, codes) -> Q:
    match = Q(**{field_name: ""})
    for code in codes:
        match |= Q(**{f"{field_name}__contains": f"|{code}|"})
    return match


def audience_q(reader: Reader) -> Q:
    """Bulletins whose audience includes `reader`: on each dimension, no target or a target the reader has."""
    zones = Bulletin.target_zones.through.objects
    sectors = Bulletin.target_sectors.through.objects
    zone_match = ~Q(pk__in=zones.values("bulletin_id")) | Q(
        pk__in=zones.filter(zone_id__in=reader.zone_ids).values("bulletin_id"))
    sector_match = ~Q(pk__in=sectors.values("bulletin_id")) | Q(
        pk__in=sectors.filter(sector_id__in=reader.sector_ids).values("bulletin_id"))
    return zone_match & sector_match & _codes_q("target_roles", reader.roles) & _codes_q("target_kinds", reader.kinds)


def visible_q(user, now=None) -> Q:
    """The one rule: live bulletins aimed at `user` (authors' zones also see their own drafts elsewhere)."""
    return live_q(now) & audience_q(reader_of(user))


def authoring_zones(user):
    """The zones for which `user` writes bulletins (their operators; every zone for a superuser)."""
    if not signed_in(user):
        return Zone.objects.none()
    return Zone.objects.all() if user.is_superuser else user.operated_zones.all()


def may_author(user, zone: Zone) -> bool:
    """A zone's operators write its bulletins."""
    return is_zone_operator(user, zone)


def may_edit(user, bulletin: Bulletin) -> bool:
    """The operators of the publishing zone edit, schedule, pin and withdraw a bulletin."""
    return is_zone_operator(user, bulletin.zone)


def may_view(user, bulletin: Bulletin) -> bool:
    """Readers in the audience see a live bulletin; its zone's operators see it in every state."""
    if may_edit(user, bulletin):
        return True
    return Bulletin.objects.filter(visible_q(user), pk=bulletin.pk).exists()
