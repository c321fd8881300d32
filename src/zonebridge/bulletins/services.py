"""Use cases of bulletins: write (简↔繁 converted, English by the author), target, schedule, pin, withdraw;
subscribe by topic and choose how often the digest comes (daily, weekly, never); the digest in each reader's
language; personal feed keys."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zonebridge.accounts.models import User
from zonebridge.bulletins.models import (
    AUDIENCE_ROLES,
    Bulletin,
    BulletinStatus,
    DigestFrequency,
    ReaderSettings,
    Subscription,
    Topic,
    encode_codes,
)
from zonebridge.core import audit
from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.core.tasks import send_email_later
from zonebridge.core.trilingual import apply_texts
from zonebridge.directory.models import OrganisationKind
from zonebridge.policy import bulletins as policy

PLAIN_FIELDS = ("topic", "publish_at", "expires_at", "pinned", "chinese_source", "status")
UNSUBSCRIBE_SALT = "bulletins.unsubscribe"
# How long after a reader's last digest the next one is due.
DIGEST_PERIODS = {DigestFrequency.DAILY: timedelta(days=1), DigestFrequency.WEEKLY: timedelta(days=7)}
# The digest task runs once a day; a run that starts a little earlier than yesterday's still counts as a day later.
DIGEST_SLACK = timedelta(hours=2)
# A reader who turns the digest back on gets at most the last week, not everything since their last digest.
LONGEST_LOOK_BACK = timedelta(days=7)


def save_bulletin(bulletin: Bulletin, *, acting_user, texts: dict[str, str], fields: dict, target_zones=None,
                  target_sectors=None, target_roles=None, target_kinds=None) -> Bulletin:
    """Create or edit a bulletin of `bulletin.zone` with its audience; an edit keeps the entry's identity."""
    if acting_user is not None and not policy.may_author(acting_user, bulletin.zone):
        raise NotAllowed(_("You may not write bulletins for this zone."))
    if not (texts.get("title_en", bulletin.title_en) or "").strip():
        raise DomainError(_("An English title is required: English is written by the author."), field="title_en")
    unknown_roles = set(target_roles or ()) - {code for code, _label in AUDIENCE_ROLES}
    unknown_kinds = set(target_kinds or ()) - set(OrganisationKind.values)
    if unknown_roles or unknown_kinds:
        codes = ", ".join(sorted(unknown_roles | unknown_kinds))
        raise DomainError(_("Unknown audience: %(codes)s") % {"codes": codes},
                          field="target_roles" if unknown_roles else "target_kinds")
    with transaction.atomic():
        creating = bulletin.pk is None
        if not creating:
            bulletin = Bulletin.objects.select_for_update().select_related("zone").get(pk=bulletin.pk)
        before = audit.snapshot(bulletin, ["status", "publish_at", "expires_at", "pinned", "title_en"])
        for name in PLAIN_FIELDS:
            if name in fields:
                setattr(bulletin, name, fields[name])
        if bulletin.status == BulletinStatus.PUBLISHED and bulletin.publish_at is None:
            bulletin.publish_at = timezone.now()
        if bulletin.expires_at and bulletin.publish_at and bulletin.expires_at <= bulletin.publish_at:
            raise DomainError(_("The expiry must be after the publishing time."), field="expires_at")
        if target_roles is not None:
            bulletin.target_roles = encode_codes(target_roles)
        if target_kinds is not None:
            bulletin.target_kinds = encode_codes(target_kinds)
        if creating:
            bulletin.author = acting_user
        apply_texts(bulletin, texts)
        bulletin.updated_at = timezone.now()
        full_clean(bulletin)
        bulletin.save()
        if target_zones is not None:
            bulletin.target_zones.set(target_zones)
        if target_sectors is not None:
            bulletin.target_sectors.set(target_sectors)
        audit.record("bulletins.bulletin.create" if creating else "bulletins.bulletin.update", actor=acting_user,
                     target=bulletin, before=None if creating else before,
                     after=audit.snapshot(bulletin, ["status", "publish_at", "expires_at", "pinned", "title_en"]))
    return bulletin


def publish(bulletin: Bulletin, *, acting_user, publish_at=None) -> Bulletin:
    """Publish now, or at `publish_at` (scheduled: it shows, in the digest and the feeds, from then on)."""
    if not policy.may_edit(acting_user, bulletin):
        raise NotAllowed(_("You may not publish this bulletin."))
    with transaction.atomic():
        locked = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
        before = audit.snapshot(locked, ["status", "publish_at"])
        locked.status = BulletinStatus.PUBLISHED
        locked.publish_at = publish_at or locked.publish_at or timezone.now()
        if locked.expires_at and locked.expires_at <= locked.publish_at:
            raise DomainError(_("The expiry must be after the publishing time."), field="expires_at")
        locked.save(update_fields=["status", "publish_at"])
        audit.record("bulletins.bulletin.publish", actor=acting_user, target=locked, before=before,
                     after=audit.snapshot(locked, ["status", "publish_at"]))
    return locked


def withdraw(bulletin: Bulletin, *, acting_user) -> Bulletin:
    """Take a bulletin off the site, the digest and the feeds."""
    if not policy.may_edit(acting_user, bulletin):
        raise NotAllowed(_("You may not withdraw this bulletin."))
    with transaction.atomic():
        locked = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
        locked.status = BulletinStatus.WITHDRAWN
        locked.save(update_fields=["status"])
        audit.record("bulletins.bulletin.withdraw", actor=acting_user, target=locked)
    return locked


def set_subscriptions(user, topics, *, acting_user) -> list[str]:
    """Follow exactly `topics` (the rest are dropped); only the reader changes their own."""
    if acting_user.pk != user.pk:
        raise NotAllowed(_("Only the reader changes their subscriptions."))
    wanted = [topic for topic in topics if topic in Topic.values]
    with transaction.atomic():
        Subscription.objects.filter(user=user).exclude(topic__in=wanted).delete()
        for topic in wanted:
            Subscription.objects.get_or_create(user=user, topic=topic)
    return wanted


def set_digest_frequency(user, frequency: str, *, acting_user) -> ReaderSettings:
    """Choose how often the digest comes: daily, weekly, or never (off); only the reader changes their own."""
    if acting_user.pk != user.pk:
        raise NotAllowed(_("Only the reader changes their subscriptions."))
    if frequency not in DigestFrequency.values:
        raise DomainError(_("Choose how often the digest comes: daily, weekly or never."), field="frequency")
    with transaction.atomic():
        settings_row = ReaderSettings.objects.select_for_update().get_or_create(user=user)[0]
        if settings_row.digest_frequency != frequency:
            before = audit.snapshot(settings_row, ["digest_frequency"])
            settings_row.digest_frequency = frequency
            settings_row.save(update_fields=["digest_frequency"])
            audit.record("bulletins.digest_frequency", actor=acting_user, target=user, before=before,
                         after=audit.snapshot(settings_row, ["digest_frequency"]))
    return settings_row


def set_digest_choices(user, *, topics, frequency: str, acting_user) -> ReaderSettings:
    """Save the topics a reader follows and how often their digest comes together (both or neither)."""
    with transaction.atomic():
        settings_row = set_digest_frequency(user, frequency, acting_user=acting_user)
        set_subscriptions(user, topics, acting_user=acting_user)
    return settings_row


def reader_settings(user) -> ReaderSettings:
    """The reader's feed key and digest bookkeeping (created on first use)."""
    return ReaderSettings.objects.get_or_create(user=user)[0]


def reset_feed_key(user, *, acting_user) -> ReaderSettings:
    """Give the reader a new personal feed address (the old one stops working)."""
    if acting_user.pk != user.pk:
        raise NotAllowed(_("Only the reader resets their feed address."))
    settings_row = reader_settings(user)
    settings_row.feed_key = uuid.uuid4()
    settings_row.save(update_fields=["feed_key"])
    return settings_row


def unsubscribe_token(user) -> str:
    """A signed token in the digest's unsubscribe link (works without signing in)."""
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe(token: str) -> User:
    """Drop every subscription of the token's reader; raise DomainError for a bad token."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise DomainError(_("This unsubscribe link is not valid.")) from None
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise DomainError(_("This unsubscribe link is not valid."))
    with transaction.atomic():
        Subscription.objects.filter(user=user).delete()
        audit.record("bulletins.unsubscribe", actor=None, target=user)
    return user


def digest_for(user, *, since, now) -> list[Bulletin]:
    """The live bulletins for `user` of the topics they follow, published in (since, now]."""
    topics = list(user.bulletin_subscriptions.values_list("topic", flat=True))
    if not topics:
        return []
    return list(Bulletin.objects.filter(policy.visible_q(user, now), topic__in=topics, publish_at__gt=since)
                .select_related("zone").order_by("-pinned", "-publish_at"))


def digest_is_due(settings_row: ReaderSettings, now) -> bool:
    """Whether the reader's next digest is due at `now` by their chosen frequency (never when it is off)."""
    period = DIGEST_PERIODS.get(settings_row.digest_frequency)
    if period is None:
        return False
    return settings_row.last_digest_at is None or now - settings_row.last_digest_at >= period - DIGEST_SLACK


def send_digests(now=None) -> int:
    """Send each subscriber whose digest is due (daily or weekly, by their choice) the bulletins published since
    their last digest, in their language; return how many mails. Readers who chose never get nothing."""
    now = now or timezone.now()
    sent = 0
    readers = User.objects.filter(is_active=True, bulletin_subscriptions__isnull=False).exclude(email="").exclude(
        bulletin_settings__digest_frequency=DigestFrequency.OFF).distinct()
    for user in readers:
        with transaction.atomic():
            settings_row = ReaderSettings.objects.select_for_update().get_or_create(user=user)[0]
            if not digest_is_due(settings_row, now):
                continue
            period = DIGEST_PERIODS[settings_row.digest_frequency]
            since = max(settings_row.last_digest_at or now - period, now - LONGEST_LOOK_BACK)
            bulletins = digest_for(user, since=since, now=now)
            settings_row.last_digest_at = now
            settings_row.save(update_fields=["last_digest_at"])
            if not bulletins:
                continue
            language = user.preferred_language or settings.LANGUAGE_CODE
            with translation.override(language):
                context = {"user": user, "bulletins": bulletins, "site_url": settings.SITE_URL,
                           "frequency": settings_row.digest_frequency,
                           "unsubscribe_url": settings.SITE_URL + reverse(
                               "bulletins:unsubscribe", args=[unsubscribe_token(user)])}
                subject = loader.render_to_string("bulletins/email/digest_subject.txt", context).strip()
                body = loader.render_to_string("bulletins/email/digest.txt", context)
            send_email_later(subject, body, [user.email])
            sent += 1
    return sent
