"""Bulletins: trilingual news, policy updates, calls and event announcements for a targeted audience, with
topic subscriptions, a daily or weekly digest and Atom feeds."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.accounts.models import Role
from zonebridge.core.trilingual import TrilingualText, trilingual_fields
from zonebridge.directory.models import OrganisationKind, Sector, Zone


class Topic(models.TextChoices):
    """What a bulletin is; readers subscribe by topic and each topic has its feeds."""

    NEWS = "news", _("News")
    POLICY = "policy", _("Policy update")
    CALL = "call", _("Call for applications")
    EVENT = "event", _("Event announcement")


# Roles a bulletin can be aimed at: those of memberships, and the zones' operators.
ZONE_OPERATOR = "zone_operator"
AUDIENCE_ROLES = [(ZONE_OPERATOR, _("Zone operator")), *Role.choices]


class BulletinStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def _codes(value: str) -> list[str]:
    return [code for code in value.split("|") if code]


class Bulletin(TrilingualText):
    """One post of a zone: its texts in three languages, its audience, and when it shows."""

    TRILINGUAL_FIELDS = ("title", "summary", "body")
    zone = models.ForeignKey(Zone, verbose_name=_("published by"), on_delete=models.PROTECT,
                             related_name="bulletins")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices, db_index=True)
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200, required_english=True)
    summary_en, summary_zh_hans, summary_zh_hant = trilingual_fields(_("summary"), max_length=300)
    body_en, body_zh_hans, body_zh_hant = trilingual_fields(_("text"))
    status = models.CharField(_("status"), max_length=16, choices=BulletinStatus.choices,
                              default=BulletinStatus.DRAFT, db_index=True)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True, db_index=True,
                                      help_text=_("Empty: at once when published. A later time schedules it."))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True,
                                      help_text=_("Empty: never. After this time it no longer shows."))
    pinned = models.BooleanField(_("pinned to the top"), default=False)
    # The audience: empty means everyone on that dimension; several choices mean any of them.
    target_zones = models.ManyToManyField(Zone, verbose_name=_("for zones"), blank=True, related_name="+")
    target_sectors = models.ManyToManyField(Sector, verbose_name=_("for sectors"), blank=True, related_name="+")
    # Codes between bars ("|org_admin|student|") so one LIKE finds a code on every database.
    target_roles = models.CharField(_("for roles"), max_length=300, blank=True)
    target_kinds = models.CharField(_("for kinds of organisation"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        ordering = ["-pinned", "-publish_at", "-id"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def __str__(self) -> str:
        return self.title_en

    def script_region(self) -> str:
        return self.zone.region

    @property
    def roles(self) -> list[str]:
        return _codes(self.target_roles)

    @property
    def kinds(self) -> list[str]:
        return _codes(self.target_kinds)

    @property
    def role_labels(self) -> list[str]:
        labels = dict(AUDIENCE_ROLES)
        return [str(labels.get(code, code)) for code in self.roles]

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(OrganisationKind.choices)
        return [str(labels.get(code, code)) for code in self.kinds]

    def is_live(self, now=None) -> bool:
        """Published, its time has come, and not expired."""
        now = now or timezone.now()
        return (self.status == BulletinStatus.PUBLISHED and self.publish_at is not None and self.publish_at <= now
                and (self.expires_at is None or self.expires_at > now))


def encode_codes(codes) -> str:
    """Store a list of codes as `|a|b|` (empty list: empty string)."""
    codes = [code for code in dict.fromkeys(codes) if code]
    return "|" + "|".join(codes) + "|" if codes else ""


class Subscription(models.Model):
    """A reader follows a topic: its bulletins come in the digest (daily or weekly, as the reader chose)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bulletin_subscriptions")
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_subscription_per_topic")]


class DigestFrequency(models.TextChoices):
    """How often a reader gets the digest of the topics they follow."""

    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    OFF = "off", _("Never (no digest)")


class ReaderSettings(models.Model):
    """A reader's personal feed key (their audience's posts in a feed reader), how often their digest comes and
    when the last one was sent (UTC)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bulletin_settings")
    feed_key = models.UUIDField(default=uuid.uuid4, unique=True)
    digest_frequency = models.CharField(_("digest frequency"), max_length=8, choices=DigestFrequency.choices,
                                        default=DigestFrequency.WEEKLY)
    last_digest_at = models.DateTimeField(null=True, blank=True)
