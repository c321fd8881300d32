"""Background tasks of core (Huey): e-mail, notification e-mail and jobs. Tasks take ids, never objects.
A worker loads the search engine when it starts."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import loader
from django.utils import timezone, translation
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, on_startup, task

from zonebridge.core.models import Notification
from zonebridge.engine.retrieval import warm_up


@task(retries=3, retry_delay=30)
def send_email_task(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one e-mail through the configured backend (console by default, SMTP by settings)."""
    # Auto-Submitted keeps auto-responders from answering (and mail loops from starting).
    message = EmailMultiAlternatives(subject, body, to=to, headers={"Auto-Submitted": "auto-generated"})
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


def send_email_later(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Queue an e-mail on the task queue once the current transaction commits (a rollback sends nothing)."""
    transaction.on_commit(lambda: send_email_task(subject, body, to, html_body))


@task(retries=3, retry_delay=30)
def send_notification_email(notification_id: int) -> None:
    """Mail one notification in its recipient's language, once (a retry after success sends nothing)."""
    from zonebridge.core.notifications import render

    with transaction.atomic():
        notification = (Notification.objects.select_for_update().select_related("recipient")
                        .filter(pk=notification_id, emailed_at__isnull=True).first())
        if notification is None:
            return
        recipient = notification.recipient
        language = recipient.preferred_language or settings.LANGUAGE_CODE
        title, body = render(notification, language)
        with translation.override(language):
            context = {"title": title, "body": body, "recipient": recipient, "site_url": settings.SITE_URL,
                       "url": settings.SITE_URL + notification.url if notification.url else ""}
            subject = loader.render_to_string("core/email/notification_subject.txt", context).strip()
            text = loader.render_to_string("core/email/notification.txt", context)
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        send_email_later(subject, text, [recipient.email])


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
