from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "zonebridge.bulletins"
    verbose_name = _("Bulletins")

    def ready(self):
        from zonebridge.bulletins import tasks  # noqa: F401 - registers the digest task
