from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "zonebridge.events"
    verbose_name = _("Events")

    def ready(self):
        # Registers the app's notification kinds, job kinds and periodic tasks.
        from zonebridge.events import jobs, notifications, tasks  # noqa: F401
