from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "zonebridge.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from zonebridge.accounts import notifications  # noqa: F401 - registers the kinds
        from zonebridge.accounts.services import CV_UPLOAD, log_cv_read
        from zonebridge.core.files import DOCUMENTS, MB, UploadKind, register_upload_kind
        from zonebridge.policy.accounts import may_read_cv

        register_upload_kind(UploadKind(CV_UPLOAD, label=_("CV"), content_types=DOCUMENTS, max_bytes=5 * MB,
                                        may_read=may_read_cv, on_read=log_cv_read))
