"""The records every app shares: the audit trail, notifications, jobs with progress, private files and the
version stamps of the shared search indexes."""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.storage import private_storage, random_upload_name


class AppendOnly(Exception):
    """An attempt to change or delete an append-only record."""


class AppendOnlyQuerySet(models.QuerySet):
    """A queryset that refuses bulk updates and deletes."""

    def update(self, **kwargs):
        raise AppendOnly("audit entries cannot be changed")

    def delete(self):
        raise AppendOnly("audit entries cannot be deleted")


class AuditEntry(models.Model):
    """One security- or business-relevant action: who did what to which object, before → after, when.

    Append-only: saved once, never changed or deleted (the admin shows it read-only). The actor and the
    object are kept by id and label rather than foreign key, so the entry outlives them.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(_("actor id"), null=True, blank=True, db_index=True)
    actor_label = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("object type"), max_length=64, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=200, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(_("after"), null=True, blank=True, encoder=DjangoJSONEncoder)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label or '-'} {self.action} {self.target_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit entries cannot be deleted")


class Notification(models.Model):
    """Something a user should know, shown under the bell and (unless they turned it off) sent by e-mail.

    The text is not stored: `kind` names a registered NotificationKind whose texts are rendered with `params`
    in the reader's language when shown or mailed.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=64)
    params = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient_id} · {self.kind}"


class NotificationPreference(models.Model):
    """A user's choice to receive no e-mail for one kind of notification (in-app ones always show)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField(max_length=64)
    email = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")


ACTIVE_JOB_STATES = (JobState.QUEUED, JobState.RUNNING)


class Job(models.Model):
    """Long work run by a task worker (a placement run, a schedule, an import, an index rebuild).

    Its page shows `progress` live and then the result or the error. `exclusive_key` makes a job unique
    among the active ones: a second "run the match" for the same round is refused while one is queued or
    running.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=64)
    state = models.CharField(_("state"), max_length=16, choices=JobState.choices, default=JobState.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    exclusive_key = models.CharField(max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["exclusive_key"], name="one_active_job_per_key",
                                    condition=models.Q(state__in=ACTIVE_JOB_STATES) & ~models.Q(exclusive_key="")),
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.state} · {self.progress}%"

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.SUCCEEDED, JobState.FAILED)


class PrivateFile(models.Model):
    """An uploaded document or image kept outside the public media path, served only through `policy`.

    Stored under a random name; `kind` names the registered UploadKind whose rules checked its content
    and decide who may read it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=32)
    file = models.FileField(storage=private_storage, upload_to=random_upload_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="private_files", help_text=_("whose file it is"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("private file")
        verbose_name_plural = _("private files")

    def __str__(self) -> str:
        return self.original_name

    def extension(self) -> str:
        """The file-name extension of the checked content type."""
        from zonebridge.core.files import EXTENSIONS

        return EXTENSIONS.get(self.content_type, "")


class ConversionPhrase(models.Model):
    """An operator's entry in the 简↔繁 phrase table: how a phrase OpenCC gets wrong is written in each script."""

    simplified = models.CharField(_("Simplified Chinese"), max_length=40, unique=True)
    traditional = models.CharField(_("Traditional Chinese"), max_length=40)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conversion phrase")
        verbose_name_plural = _("conversion phrases")
        ordering = ["simplified"]

    def __str__(self) -> str:
        return f"{self.simplified} ↔ {self.traditional}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.simplified) != len(self.traditional):
            raise ValidationError({"traditional": _("Write the phrase with as many characters in each script.")})


class SearchIndexState(models.Model):
    """The version stamp of a rank index on disk: every process reloads its copy when this changes."""

    name = models.CharField(max_length=32, primary_key=True)
    version = models.PositiveIntegerField(default=0)
    documents = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
