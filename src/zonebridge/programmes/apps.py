from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "zonebridge.programmes"
    verbose_name = _("Programmes")

    def ready(self):
        # Registers the app's notification kinds and job kinds.
        from zonebridge.programmes import jobs, notifications  # noqa: F401
