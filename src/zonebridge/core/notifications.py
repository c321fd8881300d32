"""Notifications: one way to tell a user something, in the app (the bell) and by e-mail, in their language.

An app registers each kind once (`register(NotificationKind(...))`, in its `notifications.py`, imported by its
AppConfig) and calls `notify(user, "app.kind", params=..., url=...)` inside its use case. The text is rendered
when read, in the reader's language; the e-mail goes through the task queue after the transaction commits and
is rendered in the recipient's preferred language. A user can turn e-mail off per kind.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation

from zonebridge.core.errors import NotAllowed
from zonebridge.core.models import Notification, NotificationPreference
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, SUFFIX_OF_LANGUAGE


@dataclass(frozen=True)
class NotificationKind:
    """What one kind of notification says: `title` and `body` with `%(name)s` placeholders, lazily translated.

    `label` names the kind on the preferences page; `email` is whether it is mailed unless the user opts out.
    """

    key: str
    label: str
    title: str
    body: str = ""
    email: bool = True


KINDS: dict[str, NotificationKind] = {}
# How many e-mails of `notify_many` one task renders and sends.
EMAIL_BATCH = 200


def register(kind: NotificationKind) -> NotificationKind:
    """Declare a kind of notification (once, at start-up)."""
    KINDS[kind.key] = kind
    return kind


def notify(recipient, kind: str, *, params: dict | None = None, url: str = "") -> Notification:
    """Tell `recipient` about something; mail it after commit unless they turned this kind's e-mail off.

    A value in `params` may be a dict `{"en": ..., "zh_hans": ..., "zh_hant": ...}`: it is shown in the reader's
    language.
    """
    if kind not in KINDS:
        raise KeyError(f"unregistered notification kind {kind!r}")
    notification = Notification.objects.create(recipient=recipient, kind=kind, params=params or {}, url=url)
    if wants_email(recipient, kind):
        from zonebridge.core.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email(notification.pk))
    return notification


def notify_many(notices, *, batch_size: int = 1000) -> list[Notification]:
    """`notify` for many at once: `notices` are (recipient, kind, params, url) tuples, written in bulk; the
    recipients' e-mails (unless they turned that kind's e-mail off) are queued after commit, one task per
    `EMAIL_BATCH`, each still in its recipient's language."""
    notices = list(notices)
    unknown = {kind for _recipient, kind, _params, _url in notices if kind not in KINDS}
    if unknown:
        raise KeyError(f"unregistered notification kinds {sorted(unknown)!r}")
    now = timezone.now()
    notifications = Notification.objects.bulk_create(
        [Notification(recipient=recipient, kind=kind, params=params or {}, url=url or "", created_at=now)
         for recipient, kind, params, url in notices], batch_size=batch_size)
    # One query for every recipient's choices instead of one per notification.
    recipient_ids = sorted({recipient.pk for recipient, *_rest in notices})
    kinds = {kind for _recipient, kind, _params, _url in notices}
    choices = {}
    for start in range(0, len(recipient_ids), batch_size):
        chunk = recipient_ids[start:start + batch_size]
        choices.update({(user, kind): email for user, kind, email in NotificationPreference.objects.filter(
            user_id__in=chunk, kind__in=kinds).values_list("user_id", "kind", "email")})
    mailed = [notification.pk for notification, (recipient, kind, _params, _url) in zip(notifications, notices,
                                                                                          strict=True)
              if recipient.email and recipient.is_active and choices.get((recipient.pk, kind), KINDS[kind].email)]
    if mailed:
        from zonebridge.core.tasks import send_notification_emails

        def queue_emails():
            # One task per batch, not per e-mail: on SQLite each task is an fsync of Huey's file.
            for start in range(0, len(mailed), EMAIL_BATCH):
                send_notification_emails(mailed[start:start + EMAIL_BATCH])

        transaction.on_commit(queue_emails)
    return notifications


def in_every_language(text) -> dict[str, str]:
    """A lazily translated text rendered in each language, as a notification parameter."""
    rendered = {}
    for language, suffix in SUFFIX_OF_LANGUAGE.items():
        with translation.override(language):
            rendered[suffix] = str(text)
    return rendered


def wants_email(user, kind: str) -> bool:
    """Whether `user` gets e-mail for `kind` (the kind's default unless they chose otherwise)."""
    if not user.email or not user.is_active:
        return False
    choice = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    return KINDS[kind].email if choice is None else choice


def _localised(value, suffix: str):
    if isinstance(value, dict) and set(value) & set(LANGUAGE_SUFFIXES):
        return value.get(suffix) or value.get("en") or next(iter(value.values()), "")
    return value


def render(notification: Notification, language: str | None = None) -> tuple[str, str]:
    """The notification's title and body in `language` (default: the active one)."""
    kind = KINDS.get(notification.kind)
    if kind is None:
        return notification.kind, ""
    with translation.override(language or translation.get_language()):
        suffix = SUFFIX_OF_LANGUAGE.get((translation.get_language() or "en").lower(), "en")
        params = {key: _localised(value, suffix) for key, value in notification.params.items()}
        return str(kind.title) % params, (str(kind.body) % params if kind.body else "")


def unread_count(user) -> int:
    """How many of the user's notifications are unread (the number on the bell)."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user, *, acting_user, ids: list[int] | None = None) -> int:
    """Mark the user's notifications read (all of them, or those in `ids`); return how many changed."""
    if acting_user.pk != user.pk:
        raise NotAllowed("Only the recipient marks notifications read.")
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def set_email_preferences(user, choices: dict[str, bool], *, acting_user) -> None:
    """Record, per kind, whether `user` wants e-mail (only the user changes their own choices)."""
    if acting_user.pk != user.pk:
        raise NotAllowed("Only the user changes their notification preferences.")
    with transaction.atomic():
        for kind, email in choices.items():
            if kind in KINDS:
                NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": email})
