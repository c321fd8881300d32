"""Remember each signed-in user's interface language."""

from django.utils import translation


class PreferredLanguageMiddleware:
    """Activate a signed-in user's saved language when the URL does not name one.

    The language prefix in the URL wins (links stay shareable); the saved preference decides where
    `/` and other unprefixed addresses lead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not translation.get_language_from_path(request.path_info):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)
