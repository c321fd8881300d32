"""Background tasks of core (Huey): e-mail, notification e-mail and jobs. Tasks take ids, never objects.
A worker loads the search engine when it starts."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import loader
from django.utils import timezone, translation
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, on_startup, task

from zonebridge.core.models import Notification
from zonebridge.engine.retrieval import warm_up


def _message(subject: str, body: str, to: list[str], html_body: str | None = None,
             connection=None) -> EmailMultiAlternatives:
    """One e-mail as every e-mail of the platform is sent."""
    # Auto-Submitted keeps auto-responders from answering (and mail loops from starting).
    message = EmailMultiAlternatives(subject, body, to=to, headers={"Auto-Submitted": "auto-generated"},
                                     connection=connection)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message


@task(retries=3, retry_delay=30)
def send_email_task(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one e-mail through the configured backend (console by default, SMTP by settings)."""
    _message(subject, body, to, html_body).send()


@task(retries=3, retry_delay=30)
def send_emails_task(messages: list[dict]) -> None:
    """Send several e-mails (each a dict of `_message`'s arguments) over one connection; those that fail are
    queued again on their own, so a retry never sends one twice."""
    with get_connection() as connection:  # a connection that cannot open raises: Huey retries them all
        failed = []
        for message in messages:
            try:
                _message(**message, connection=connection).send()
            except Exception:  # noqa: BLE001 - one bad address or a dropped line must not lose the others
                failed.append(message)
    if failed:
        if len(failed) == len(messages):
            raise RuntimeError(f"{len(failed)} e-mails could not be sent")
        send_emails_task(failed)


def send_email_later(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Queue an e-mail on the task queue once the current transaction commits (a rollback sends nothing)."""
    transaction.on_commit(lambda: send_email_task(subject, body, to, html_body))


def _notification_email(notification: Notification) -> dict:
    """The e-mail of one notification (subject, body, to), rendered in its recipient's language."""
    from zonebridge.core.notifications import render

    recipient = notification.recipient
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    title, body = render(notification, language)
    with translation.override(language):
        context = {"title": title, "body": body, "recipient": recipient, "site_url": settings.SITE_URL,
                   "url": settings.SITE_URL + notification.url if notification.url else ""}
        subject = loader.render_to_string("core/email/notification_subject.txt", context).strip()
        text = loader.render_to_string("core/email/notification.txt", context)
    return {"subject": subject, "body": text, "to": [recipient.email]}


@task(retries=3, retry_delay=30)
def send_notification_email(notification_id: int) -> None:
    """Mail one notification in its recipient's language, once (a retry after success sends nothing)."""
    with transaction.atomic():
        notification = (Notification.objects.select_for_update().select_related("recipient")
                        .filter(pk=notification_id, emailed_at__isnull=True).first())
        if notification is None:
            return
        email = _notification_email(notification)
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        send_email_later(email["subject"], email["body"], email["to"])


@task(retries=3, retry_delay=30)
def send_notification_emails(notification_ids: list[int]) -> None:
    """Mail a batch of notifications, each in its recipient's language, each once (a retry, or a notification
    already mailed, sends nothing again); the e-mails leave together after commit."""
    with transaction.atomic():
        notifications = list(Notification.objects.select_for_update(of=("self",)).select_related("recipient")
                             .filter(pk__in=notification_ids, emailed_at__isnull=True).order_by("pk"))
        if not notifications:
            return
        emails = [_notification_email(notification) for notification in notifications]
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=timezone.now())
        transaction.on_commit(lambda: send_emails_task(emails))


@task()
def run_job_task(job_id: str) -> None:
    """Run one job by id (see `zonebridge.core.jobs`)."""
    from zonebridge.core.jobs import run_job

    run_job(job_id)


@db_periodic_task(crontab(hour="3", minute="17"))
def purge_orphan_files_daily() -> None:
    """Every night: delete private files that a rolled-back upload left on disk."""
    from zonebridge.core.files import purge_orphans

    purge_orphans()


@on_startup()
def load_the_search_engine() -> None:
    """Load the retrieval engine (jieba, glossary, encoder weights: 1–2 s) when a worker starts, not in the
    first index task it runs."""
    warm_up()
