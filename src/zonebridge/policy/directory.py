"""Who may edit and add organisations of the directory."""

from zonebridge.accounts.models import Role
from zonebridge.directory.models import Organisation, Zone
from zonebridge.policy.accounts import is_zone_operator
from zonebridge.policy.core import signed_in


def may_edit_organisation(user, organisation: Organisation) -> bool:
    """Organisation admins edit their profile; operators of its home zone and superusers may too."""
    if not signed_in(user):
        return False
    if user.is_superuser:
        return True
    if organisation.memberships.filter(user=user, role=Role.ORG_ADMIN).exists():
        return True
    return is_zone_operator(user, organisation.home_zone)


def may_create_organisation(user, zone: Zone) -> bool:
    """Operators add organisations to their zone; superusers to any."""
    return is_zone_operator(user, zone)
