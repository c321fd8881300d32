"""Background tasks of accounts (Huey)."""

from django.core.mail import EmailMultiAlternatives
from huey.contrib.djhuey import task


@task(retries=3, retry_delay=30)
def send_email_task(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one e-mail through the configured backend (console by default, SMTP by settings)."""
    message = EmailMultiAlternatives(subject, body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
