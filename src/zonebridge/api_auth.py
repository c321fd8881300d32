"""Token authentication for the REST API: `Authorization: Bearer zb_...`, throttled per client address."""

from ninja.security import HttpBearer

from zonebridge.accounts import throttle
from zonebridge.accounts.services import user_for_api_key

# A token names no account, so bad tokens are counted against the client's address only.
TOKEN_CREDENTIALS = {"username": None}


class ApiKeyAuth(HttpBearer):
    """Authenticate a request by one of the user's API tokens; `request.auth` becomes the user.

    An address that sent too many bad tokens gets 429 (`TooManyAttempts`, mapped in `zonebridge.api`) until
    its cool-off has passed, whatever token it sends.
    """

    def authenticate(self, request, token: str):
        """Return the token's user, or None (401); raise TooManyAttempts while the address is locked out."""
        if throttle.is_locked(request, TOKEN_CREDENTIALS):
            message, seconds = throttle.retry_message(request, TOKEN_CREDENTIALS)
            raise throttle.TooManyAttempts(message, seconds)
        user = user_for_api_key(token)
        if user is None:
            throttle.count_failure(request, TOKEN_CREDENTIALS)
        return user
