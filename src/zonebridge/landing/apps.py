from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LandingConfig(AppConfig):
    name = "zonebridge.landing"
    verbose_name = _("Soft landing")

    def ready(self):
        from zonebridge.core.files import DOCUMENTS, IMAGES, MB, UploadKind, register_upload_kind
        from zonebridge.landing import notifications, tasks  # noqa: F401 - registers the kinds and the timer
        from zonebridge.landing.models import ATTACHMENT_UPLOAD, PILOT_REPORT_UPLOAD
        from zonebridge.policy.landing import may_read_attachment, may_read_pilot_report

        register_upload_kind(UploadKind(ATTACHMENT_UPLOAD, label=_("Service request attachment"),
                                        content_types=DOCUMENTS | IMAGES, max_bytes=10 * MB,
                                        may_read=may_read_attachment))
        register_upload_kind(UploadKind(PILOT_REPORT_UPLOAD, label=_("Pilot report"), content_types=DOCUMENTS,
                                        max_bytes=20 * MB, may_read=may_read_pilot_report))
