from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "zonebridge.directory"
    verbose_name = _("Directory")

    def ready(self):
        # Registers the directory's job kinds.
        from zonebridge.directory import jobs  # noqa: F401
