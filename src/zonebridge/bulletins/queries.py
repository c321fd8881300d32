"""Read side of bulletins: what a reader sees (the policy's one targeting rule) and what authors manage."""

from django.db.models import QuerySet

from zonebridge.bulletins.models import Bulletin
from zonebridge.policy import bulletins as policy

FEED_SIZE = 50


def visible_bulletins(user, *, topic: str = "", now=None) -> QuerySet:
    """Live bulletins aimed at `user`, pinned first, then the newest."""
    bulletins = Bulletin.objects.filter(policy.visible_q(user, now)).select_related("zone")
    if topic:
        bulletins = bulletins.filter(topic=topic)
    return bulletins.order_by("-pinned", "-publish_at", "-pk")


def feed_items(user, *, topic: str, now=None) -> list[Bulletin]:
    """The newest bulletins of a topic for a feed (pinning means nothing in a feed reader)."""
    return list(Bulletin.objects.filter(policy.visible_q(user, now), topic=topic).select_related("zone")
                .order_by("-publish_at", "-pk")[:FEED_SIZE])


def managed_bulletins(user) -> QuerySet:
    """Every bulletin of the zones `user` writes for, in any state."""
    return (Bulletin.objects.filter(zone__in=policy.authoring_zones(user)).select_related("zone", "author")
            .order_by("-updated_at", "-pk"))
