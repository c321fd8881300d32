"""Users, their memberships in organisations, consent records and API tokens."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.limits import long_text_field


class User(AbstractUser):
    """A person who signs in. Their zone decides which personal data crosses a border."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    home_zone = models.ForeignKey(
        "directory.Zone", verbose_name=_("home zone"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="residents",
    )

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username


class Role(models.TextChoices):
    """What a person does in an organisation (zone operators are recorded on the zone itself)."""

    ORG_ADMIN = "org_admin", _("Organisation admin")
    ORG_MEMBER = "org_member", _("Organisation member")
    UNIVERSITY_COORDINATOR = "university_coordinator", _("University coordinator")
    STUDENT = "student", _("Student")
    MENTOR = "mentor", _("Mentor")
    REVIEWER = "reviewer", _("Reviewer")


class Membership(models.Model):
    """A person's role in one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_membership_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


class ConsentPurpose(models.TextChoices):
    """Purposes a person can consent to; cross-border provision needs its own consent under PIPL."""

    CROSS_BORDER_PROVISION = "cross_border_provision", _(
        "Share my contact details, CV, nationality and date of birth with partner organisations in the other zone"
    )


class Consent(models.Model):
    """A recorded, revocable consent; the active one is the latest without `revoked_at`."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=48, choices=ConsentPurpose.choices)
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "purpose", "revoked_at"])]

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def __str__(self) -> str:
        return f"{self.user} · {self.purpose} · {'active' if self.is_active else 'revoked'}"


class PersonalDataAccess(models.Model):
    """A log line for every view of a person's personal data from another zone."""

    viewer = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="personal_data_accesses")
    viewer_zone = models.ForeignKey("directory.Zone", null=True, on_delete=models.SET_NULL, related_name="+")
    person_zone = models.ForeignKey("directory.Zone", null=True, on_delete=models.SET_NULL, related_name="+")
    purpose = models.CharField(max_length=48, choices=ConsentPurpose.choices)
    channel = models.CharField(max_length=16, default="web")
    accessed_at = models.DateTimeField(default=timezone.now, db_index=True)


def hash_token(raw: str) -> str:
    """Return the stored form of an API token: we keep only its SHA-256."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for writes through the REST API; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def new_raw_key() -> str:
        """Return a fresh random token string (shown to the user once)."""
        return "zb_" + secrets.token_urlsafe(32)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class PersonProfile(models.Model):
    """What the directory shows about a person: public fields, and personal data behind consent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    bio = long_text_field(_("about"), max_length=2_000, blank=True)
    skills = models.CharField(_("skills"), max_length=300, blank=True)
    # Unlisted unless the person chooses a public profile: a person's name, university and skills are not
    # published by default (students especially).
    is_listed = models.BooleanField(
        _("listed in the directory"), default=False,
        help_text=_("Show your name, headline, about text, skills and organisations to everyone, "
                    "in the directory and its API. Off unless you turn it on."))

    # Personal data: shown across a zone border only with the person's consent (accounts.Consent).
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    nationality = models.CharField(_("nationality"), max_length=60, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # A private file (core.PrivateFile of kind "cv"): stored outside the public media path, served by policy.
    cv = models.ForeignKey("core.PrivateFile", verbose_name=_("CV"), null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")

    class Meta:
        # The table keeps the name it had when profiles belonged to the directory.
        db_table = "directory_personprofile"

    def __str__(self) -> str:
        return str(self.user)
