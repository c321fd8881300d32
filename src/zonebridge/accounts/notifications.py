"""The notifications accounts sends: about a person's consent, roles and API tokens."""

from django.utils.translation import gettext_lazy as _

from zonebridge.core.notifications import NotificationKind, register

CONSENT_GRANTED = register(NotificationKind(
    "accounts.consent_granted", label=_("my cross-border consent is recorded or withdrawn"),
    title=_("Your consent to share personal data across the zones was recorded"),
    body=_("Partner organisations in the other zone may now see your contact details and CV. "
           "You can withdraw this consent at any time in your account settings."))).key
CONSENT_REVOKED = register(NotificationKind(
    "accounts.consent_revoked", label=_("my cross-border consent is recorded or withdrawn"),
    title=_("Your consent to share personal data across the zones was withdrawn"),
    body=_("Partner organisations in the other zone no longer see your personal data."))).key
ROLE_ADDED = register(NotificationKind(
    "accounts.role_added", label=_("I am given or lose a role in an organisation"),
    title=_("You are now %(role)s of %(organisation)s"))).key
ROLE_REMOVED = register(NotificationKind(
    "accounts.role_removed", label=_("I am given or lose a role in an organisation"),
    title=_("You are no longer %(role)s of %(organisation)s"))).key
API_TOKEN_ISSUED = register(NotificationKind(
    "accounts.api_token_issued", label=_("an API token is created for my account"),
    title=_("A new API token “%(name)s” was created for your account"),
    body=_("If this was not you, revoke the token at once and change your password."))).key
