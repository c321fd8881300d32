"""Token authentication for the REST API: `Authorization: Bearer zb_...`."""

from ninja.security import HttpBearer

from zonebridge.accounts.services import user_for_api_key


class ApiKeyAuth(HttpBearer):
    """Authenticate a request by one of the user's API tokens; `request.auth` becomes the user."""

    def authenticate(self, request, token: str):
        return user_for_api_key(token)
