"""Use cases of accounts: language preference, consent, personal data access, API tokens, e-mail."""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.accounts.models import (
    ApiToken,
    Consent,
    ConsentPurpose,
    PersonalDataAccess,
    User,
    hash_token,
)
from zonebridge.policy import accounts as policy

personal_data_log = logging.getLogger("zonebridge.personal_data")


class PersonalDataDenied(PermissionError):
    """The viewer may not see this person's personal data (no consent, or no professional role)."""


def set_preferred_language(user: User, language: str) -> None:
    """Remember the interface language a signed-in user chose."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def grant_consent(user: User, purpose: str = ConsentPurpose.CROSS_BORDER_PROVISION) -> Consent:
    """Record the user's consent for `purpose` (a no-op when one is already active)."""
    with transaction.atomic():
        active = Consent.objects.select_for_update().filter(user=user, purpose=purpose, revoked_at__isnull=True)
        return active.first() or Consent.objects.create(user=user, purpose=purpose)


def revoke_consent(user: User, purpose: str = ConsentPurpose.CROSS_BORDER_PROVISION) -> int:
    """Revoke every active consent of the user for `purpose`; return how many were revoked."""
    with transaction.atomic():
        return Consent.objects.filter(user=user, purpose=purpose, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )


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
    if viewer.pk != person.pk and policy.is_cross_border(viewer, person):
        PersonalDataAccess.objects.create(
            viewer=viewer, person=person, viewer_zone_id=viewer.home_zone_id, person_zone_id=person.home_zone_id,
            purpose=ConsentPurpose.CROSS_BORDER_PROVISION, channel=channel,
        )
        personal_data_log.info("cross-border personal data view: viewer=%s person=%s", viewer.pk, person.pk)
    return PersonalData(
        phone=profile.phone,
        contact_email=profile.contact_email,
        nationality=profile.nationality,
        date_of_birth=profile.date_of_birth,
        cv_url=profile.cv.url if profile.cv else "",
    )


def issue_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create an API token for `user`; return it and the raw key, which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise ValueError(_("A token needs a name."))
    raw = ApiToken.new_raw_key()
    token = ApiToken.objects.create(user=user, name=name[:80], prefix=raw[:10], key_hash=hash_token(raw))
    return token, raw


def revoke_api_token(user: User, token_id: int) -> bool:
    """Delete one of the user's tokens; return whether it existed."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def user_for_api_key(raw: str) -> User | None:
    """Return the active user owning API key `raw`, recording its use, or None."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def send_email_later(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Queue an e-mail on the task queue once the current transaction commits (a rollback sends nothing)."""
    from zonebridge.accounts.tasks import send_email_task

    transaction.on_commit(lambda: send_email_task(subject, body, to, html_body))
