"""Who may see whose personal data, and who operates which zone."""

from zonebridge.accounts.models import Consent, ConsentPurpose, Role, User
from zonebridge.policy.core import signed_in

# Roles that handle other people's data professionally (and may see it with consent).
PROFESSIONAL_ROLES = frozenset({Role.ORG_ADMIN, Role.UNIVERSITY_COORDINATOR, Role.MENTOR, Role.REVIEWER})


def is_zone_operator(user, zone) -> bool:
    """True when `user` operates `zone`."""
    if not signed_in(user) or zone is None:
        return False
    return user.is_superuser or zone.operators.filter(pk=user.pk).exists()


def is_cross_border(viewer: User, person: User) -> bool:
    """True when viewer and person belong to different zones (or one of them has none)."""
    return viewer.home_zone_id is None or viewer.home_zone_id != person.home_zone_id


def has_active_consent(person: User, purpose: str = ConsentPurpose.CROSS_BORDER_PROVISION) -> bool:
    """True when `person` has a consent for `purpose` that is not revoked."""
    return Consent.objects.filter(user=person, purpose=purpose, revoked_at__isnull=True).exists()


def may_view_personal_data(viewer, person: User) -> bool:
    """Personal data (contact, CV, nationality, birth date) is for the person, their zone's operators and
    admins of their organisations; across a zone border only with the person's active consent, and only
    for professional roles (PIPL separate consent, PDPO purpose limitation)."""
    if not signed_in(viewer):
        return False
    if viewer.pk == person.pk or viewer.is_superuser:
        return True
    professional = (
        viewer.operated_zones.exists()
        or viewer.memberships.filter(role__in=PROFESSIONAL_ROLES).exists()
    )
    if not professional:
        return False
    if is_cross_border(viewer, person):
        return has_active_consent(person)
    return is_zone_operator(viewer, person.home_zone) or viewer.memberships.filter(
        role=Role.ORG_ADMIN, organisation__memberships__user=person
    ).exists()


def may_read_cv(viewer, file) -> bool:
    """A CV is personal data of its owner: readable as the personal-data rule above allows."""
    return file.owner is not None and may_view_personal_data(viewer, file.owner)
