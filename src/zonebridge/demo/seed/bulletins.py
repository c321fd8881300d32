"""Demo data of bulletins: both zones' posts (pinned, targeted, scheduled, expired, a draft) and subscriptions with
each reader's digest frequency. Written through the bulletins services, as an operator and readers would."""

from datetime import timedelta

from zonebridge.bulletins.models import Bulletin, ReaderSettings, Subscription
from zonebridge.bulletins.services import publish, save_bulletin, set_digest_frequency, set_subscriptions
from zonebridge.demo.content.bulletins import BULLETINS, SUBSCRIPTIONS
from zonebridge.demo.seed.world import DemoWorld

SCRIPT = {"sh": "zh_hans", "hk": "zh_hant"}
OPERATOR = {"sh": "operator-lingang", "hk": "operator-hk"}
# How often the demo readers get their digest (the others keep the default, weekly).
DIGEST_FREQUENCIES = {"orgadmin-sh": "daily", "operator-hk": "off"}


def seed(world: DemoWorld) -> None:
    """Create the bulletins and the demo logins' subscriptions."""
    top_sector = next(sector for sector in world.sectors.values() if sector.parent_id is None)
    for draft in BULLETINS:
        operator = world.users[OPERATOR[draft.side]]
        script = SCRIPT[draft.side]
        texts = {}
        for field in ("title", "summary", "body"):
            english, chinese = getattr(draft, field)
            texts.update({f"{field}_en": english, f"{field}_{script}": chinese})
        publish_at = world.now - timedelta(days=draft.days_ago)
        expires_at = world.now + timedelta(days=draft.expires_in_days) if draft.expires_in_days is not None else None
        bulletin = save_bulletin(
            Bulletin(zone=world.zones[draft.side]), acting_user=operator, texts=texts,
            fields={"topic": draft.topic, "pinned": draft.pinned, "chinese_source": script,
                    "publish_at": None if draft.draft else publish_at, "expires_at": expires_at},
            target_zones=[world.zones[side] for side in draft.zones], target_roles=draft.roles,
            target_kinds=draft.kinds, target_sectors=[top_sector] if draft.top_sector else [])
        if not draft.draft:
            publish(bulletin, acting_user=operator, publish_at=publish_at)
        world.counts["bulletins"] += 1
    for username, topics in SUBSCRIPTIONS.items():
        user = world.users[username]
        set_subscriptions(user, topics, acting_user=user)
        set_digest_frequency(user, DIGEST_FREQUENCIES.get(username, "weekly"), acting_user=user)


def reset() -> None:
    """Delete subscriptions, feed keys and bulletins."""
    Subscription.objects.all().delete()
    ReaderSettings.objects.all().delete()
    Bulletin.objects.all().delete()
