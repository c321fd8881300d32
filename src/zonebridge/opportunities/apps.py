from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "zonebridge.opportunities"
    verbose_name = _("Opportunities")

    def ready(self):
        # Registers the notification kinds, the job kinds and the hook that keeps recommendations in step with
        # organisation profiles (the directory does not know this app exists).
        from zonebridge.opportunities import jobs, notifications, signals  # noqa: F401
