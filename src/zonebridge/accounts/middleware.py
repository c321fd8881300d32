"""Each signed-in user's interface language and time zone."""

import zoneinfo

from django.utils import timezone, translation


class UserLocaleMiddleware:
    """Activate a signed-in user's saved language (when the URL names none) and their zone's time zone.

    The language prefix in the URL wins, so links stay shareable; the saved preference decides where `/`
    and other unprefixed addresses lead. Times are stored in UTC and shown in the user's zone's time zone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if not translation.get_language_from_path(request.path_info):
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = user.preferred_language
            if user.home_zone_id:
                timezone.activate(zoneinfo.ZoneInfo(user.home_zone.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
