"""Use cases of accounts: settings, language, consent, roles, personal data access, API tokens.

Consent changes, role changes, token issue and revocation and every cross-border view of personal data are
written to the audit trail (`zonebridge.core.audit`); the person concerned is notified where it matters.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.accounts.models import (
    ApiToken,
    Consent,
    ConsentPurpose,
    Membership,
    PersonalDataAccess,
    PersonProfile,
    Role,
    User,
    hash_token,
)
from zonebridge.accounts.notifications import (
    API_TOKEN_ISSUED,
    CONSENT_GRANTED,
    CONSENT_REVOKED,
    ROLE_ADDED,
    ROLE_REMOVED,
)
from zonebridge.core import audit, files
from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.core.notifications import in_every_language, notify
from zonebridge.core.tasks import send_email_later
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES
from zonebridge.policy import accounts as policy

personal_data_log = logging.getLogger("zonebridge.personal_data")
CV_UPLOAD = "cv"

__all__ = ["PersonalData", "PersonalDataDenied", "add_membership", "grant_consent", "issue_api_token",
           "read_personal_data", "remove_membership", "revoke_api_token", "revoke_consent", "send_email_later",
           "set_preferred_language", "update_account_settings", "user_for_api_key"]


class PersonalDataDenied(NotAllowed):
    """The viewer may not see this person's personal data (no consent, or no professional role)."""


def set_preferred_language(user: User, language: str, *, acting_user: User) -> None:
    """Remember the interface language a signed-in user chose."""
    if acting_user.pk != user.pk:
        raise NotAllowed(_("Only you change your own settings."))
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Unknown language."), field="language")
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


ACCOUNT_FIELDS = ("display_name", "preferred_language")
PROFILE_FIELDS = ("headline", "bio", "skills", "is_listed", "phone", "contact_email", "nationality", "date_of_birth")


def update_account_settings(user: User, *, acting_user: User, account: dict, profile: dict, cv=None,
                            remove_cv: bool = False) -> PersonProfile:
    """Save a user's own name, language and directory profile (with a new CV, checked and private)."""
    if acting_user.pk != user.pk:
        raise NotAllowed(_("Only you change your own settings."))
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        person_profile, _created = PersonProfile.objects.select_for_update().get_or_create(user=user)
        for name in ACCOUNT_FIELDS:
            if name in account:
                setattr(user, name, account[name])
        for name in PROFILE_FIELDS:
            if name in profile:
                setattr(person_profile, name, profile[name])
        full_clean(user, exclude=["password"])
        full_clean(person_profile, exclude=["cv", "user"])
        old_cv = person_profile.cv
        if cv is not None:
            person_profile.cv = files.store_upload(cv, kind=CV_UPLOAD, owner=user, field="cv")
        elif remove_cv:
            person_profile.cv = None
        user.save(update_fields=list(ACCOUNT_FIELDS))
        person_profile.save()
        if old_cv is not None and person_profile.cv_id != old_cv.pk:
            files.replace_file(old_cv)
    return person_profile


def grant_consent(user: User, purpose: str = ConsentPurpose.CROSS_BORDER_PROVISION, *,
                  acting_user: User | None = None) -> Consent:
    """Record the user's consent for `purpose` (a no-op when one is already active)."""
    _only_the_person(user, acting_user)
    with transaction.atomic():
        active = Consent.objects.select_for_update().filter(user=user, purpose=purpose, revoked_at__isnull=True)
        consent = active.first()
        if consent is None:
            consent = Consent.objects.create(user=user, purpose=purpose)
            audit.record("accounts.consent_granted", actor=acting_user or user, target=user,
                         after={"purpose": purpose})
            notify(user, CONSENT_GRANTED, url=reverse("accounts:settings"))
        return consent


def revoke_consent(user: User, purpose: str = ConsentPurpose.CROSS_BORDER_PROVISION, *,
                   acting_user: User | None = None) -> int:
    """Revoke every active consent of the user for `purpose`; return how many were revoked."""
    _only_the_person(user, acting_user)
    with transaction.atomic():
        revoked = Consent.objects.filter(user=user, purpose=purpose, revoked_at__isnull=True).update(
            revoked_at=timezone.now())
        if revoked:
            audit.record("accounts.consent_revoked", actor=acting_user or user, target=user,
                         before={"purpose": purpose})
            notify(user, CONSENT_REVOKED, url=reverse("accounts:settings"))
        return revoked


def _only_the_person(user: User, acting_user: User | None) -> None:
    # Consent is the person's own act; nobody grants or revokes it for them (None: the person, e.g. the seed).
    if acting_user is not None and acting_user.pk != user.pk:
        raise NotAllowed(_("Only the person concerned gives or withdraws consent."))


def add_membership(user: User, organisation, role: str, *, acting_user: User | None) -> Membership:
    """Give `user` a role in `organisation` (audited; the person is told)."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
        if created:
            audit.record("accounts.role_added", actor=acting_user, target=user,
                         after={"organisation": organisation.slug, "role": role})
            notify(user, ROLE_ADDED, params=_role_params(membership))
    return membership


def remove_membership(membership: Membership, *, acting_user: User | None) -> None:
    """Take a role away (audited; the person is told)."""
    with transaction.atomic():
        audit.record("accounts.role_removed", actor=acting_user, target=membership.user,
                     before={"organisation": membership.organisation.slug, "role": membership.role})
        notify(membership.user, ROLE_REMOVED, params=_role_params(membership))
        membership.delete()


def _role_params(membership: Membership) -> dict:
    organisation = membership.organisation
    return {"role": in_every_language(Role(membership.role).label),
            "organisation": {suffix: organisation.in_language("name", suffix) for suffix in LANGUAGE_SUFFIXES}}


@dataclass(frozen=True)
class PersonalData:
    """The personal fields of a profile, released only through `read_personal_data`."""

    phone: str
    contact_email: str
    nationality: str
    date_of_birth: date | None
    cv_url: str


def read_personal_data(viewer: User, person: User, *, channel: str = "web") -> PersonalData:
    """Return `person`'s personal data for `viewer`, or raise PersonalDataDenied; log cross-border views."""
    if not policy.may_view_personal_data(viewer, person):
        raise PersonalDataDenied(_("Personal data is not shared with you."))
    profile = person.profile
    log_personal_data_view(viewer, person, channel=channel)
    return PersonalData(
        phone=profile.phone,
        contact_email=profile.contact_email,
        nationality=profile.nationality,
        date_of_birth=profile.date_of_birth,
        cv_url=reverse("files:private_file", args=[profile.cv_id]) if profile.cv_id else "",
    )


def log_personal_data_view(viewer: User, person: User, *, channel: str) -> None:
    """Log a view of `person`'s personal data by `viewer` when it crosses a zone border, or bypasses consent."""
    if viewer.pk == person.pk:
        return
    cross_border = policy.is_cross_border(viewer, person)
    bypass = viewer.is_superuser and cross_border and not policy.has_active_consent(person)
    if not cross_border:
        return
    PersonalDataAccess.objects.create(
        viewer=viewer, person=person, viewer_zone_id=viewer.home_zone_id, person_zone_id=person.home_zone_id,
        purpose=ConsentPurpose.CROSS_BORDER_PROVISION, channel=channel,
    )
    audit.record("accounts.personal_data_viewed", actor=viewer, target=person,
                 after={"channel": channel, "without_consent": bypass})
    personal_data_log.info("cross-border personal data view: viewer=%s person=%s channel=%s", viewer.pk, person.pk,
                           channel)


def log_cv_read(viewer: User, file) -> None:
    """A CV download is a view of its owner's personal data."""
    log_personal_data_view(viewer, file.owner, channel="file")


def issue_api_token(user: User, name: str, *, acting_user: User | None = None) -> tuple[ApiToken, str]:
    """Create an API token for `user`; return it and the raw key, which is shown once and never stored."""
    if acting_user is not None and acting_user.pk != user.pk:
        raise NotAllowed(_("Only you create tokens for your account."))
    name = name.strip()
    if not name:
        raise DomainError(_("A token needs a name."), field="name")
    raw = ApiToken.new_raw_key()
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name[:80], prefix=raw[:10], key_hash=hash_token(raw))
        audit.record("accounts.api_token_issued", actor=acting_user or user, target=user,
                     after={"token": token.prefix, "name": token.name})
        notify(user, API_TOKEN_ISSUED, params={"name": token.name}, url=reverse("accounts:api_tokens"))
    return token, raw


def revoke_api_token(user: User, token_id: int, *, acting_user: User | None = None) -> bool:
    """Delete one of the user's tokens; return whether it existed."""
    if acting_user is not None and acting_user.pk != user.pk and not acting_user.is_superuser:
        raise NotAllowed(_("Only you revoke tokens of your account."))
    with transaction.atomic():
        token = ApiToken.objects.filter(user=user, pk=token_id).first()
        if token is None:
            return False
        audit.record("accounts.api_token_revoked", actor=acting_user or user, target=user,
                     before={"token": token.prefix, "name": token.name})
        token.delete()
    return True


def user_for_api_key(raw: str) -> User | None:
    """Return the active user owning API key `raw`, recording its use, or None."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
