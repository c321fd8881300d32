from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "zonebridge.directory"
    verbose_name = _("Directory")

    def ready(self):
        # Registers the directory's job kinds and the hook that re-indexes saved profiles.
        from zonebridge.directory import jobs, signals  # noqa: F401
