from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from zonebridge.accounts.views import switch_language
from zonebridge.api import api
from zonebridge.core.urls import file_urlpatterns
from zonebridge.media import public_media

urlpatterns = [
    path("api/", api.urls),
    path("i18n/switch/", switch_language, name="switch_language"),
    path("", include((file_urlpatterns, "files"))),
    path("media/<path:path>", public_media, name="public_media"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("zonebridge.accounts.urls")),
    path("", include("zonebridge.core.urls")),
    path("", include("zonebridge.directory.urls")),
    path("landing/", include("zonebridge.landing.urls")),
    path("bulletins/", include("zonebridge.bulletins.urls")),
    path("events/", include("zonebridge.events.urls")),
    path("", include("zonebridge.programmes.urls")),
    path("", include("zonebridge.opportunities.urls")),
)
