"""Notifications: in the app under the bell, by e-mail after commit in the recipient's language, opt-out per kind."""

from django.core import mail

from zonebridge.accounts.notifications import API_TOKEN_ISSUED, CONSENT_GRANTED
from zonebridge.accounts.services import grant_consent, issue_api_token
from zonebridge.core.models import Notification
from zonebridge.core.notifications import mark_read, notify, render, set_email_preferences, unread_count


def test_a_notification_is_mailed_only_after_commit(student, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(student, API_TOKEN_ISSUED, params={"name": "sync"})
    assert mail.outbox == []
    # The e-mail task queues the message itself after its own commit: run that too.
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert [m.to for m in mail.outbox] == [[student.email]]


def test_the_e_mail_is_in_the_recipients_language(student, django_capture_on_commit_callbacks):
    student.preferred_language = "zh-hant"
    student.save()
    with django_capture_on_commit_callbacks(execute=True):
        grant_consent(student, acting_user=student)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("[")
    assert "/zh-hant/notifications/settings/" in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_a_user_turns_e_mail_off_for_one_kind(student, django_capture_on_commit_callbacks):
    set_email_preferences(student, {API_TOKEN_ISSUED: False}, acting_user=student)
    with django_capture_on_commit_callbacks(execute=True):
        issue_api_token(student, "sync", acting_user=student)
        grant_consent(student, acting_user=student)
    assert len(mail.outbox) == 1  # the consent e-mail only
    assert Notification.objects.filter(recipient=student).count() == 2  # both shown under the bell


def test_the_text_is_rendered_in_the_readers_language(student, fintech_startup):
    notification = notify(student, "accounts.role_added", params={
        "role": {"en": "Student", "zh_hans": "学生", "zh_hant": "學生"},
        "organisation": {"en": "TidePay", "zh_hans": "潮付科技", "zh_hant": "潮付科技"}})
    assert render(notification, "en")[0] == "You are now Student of TidePay"
    assert "學生" in render(notification, "zh-hant")[0]


def test_the_bell_counts_unread_and_the_list_marks_them_read(client, student):
    notify(student, CONSENT_GRANTED)
    notify(student, API_TOKEN_ISSUED, params={"name": "sync"}, url="/en/accounts/settings/api-tokens/")
    client.force_login(student)
    home = client.get("/en/")
    assert b'data-unread="2"' in home.content
    listing = client.get("/en/notifications/")
    assert b"A new API token" in listing.content
    opened = client.post(f"/en/notifications/{Notification.objects.get(kind=API_TOKEN_ISSUED).pk}/open/")
    assert opened["Location"] == "/en/accounts/settings/api-tokens/" and unread_count(student) == 1
    client.post("/en/notifications/read-all/")
    assert unread_count(student) == 0


def test_nobody_reads_or_marks_another_persons_notifications(client, student, org_member):
    notification = notify(student, CONSENT_GRANTED)
    client.force_login(org_member)
    assert client.post(f"/en/notifications/{notification.pk}/open/").status_code == 404
    assert b"consent" not in client.get("/en/notifications/").content
    assert mark_read(student, acting_user=student) == 1


def test_the_settings_page_saves_choices(client, student):
    client.force_login(student)
    page = client.get("/en/notifications/settings/")
    assert page.status_code == 200 and API_TOKEN_ISSUED.encode() in page.content
    client.post("/en/notifications/settings/", {"email": [CONSENT_GRANTED]})
    from zonebridge.core.notifications import wants_email

    assert wants_email(student, CONSENT_GRANTED) and not wants_email(student, API_TOKEN_ISSUED)


def test_notify_many_writes_every_notification_and_mails_after_commit_in_each_language(
        student, org_member, org_admin, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    from zonebridge.core.notifications import notify_many

    org_member.preferred_language = "zh-hans"
    org_member.save()
    set_email_preferences(org_admin, {API_TOKEN_ISSUED: False}, acting_user=org_admin)
    notices = [(student, API_TOKEN_ISSUED, {"name": "one"}, "/one/"),
               (org_member, API_TOKEN_ISSUED, {"name": "two"}, ""),
               (org_admin, API_TOKEN_ISSUED, {"name": "three"}, "/three/")]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with django_assert_max_num_queries(3):  # the insert and one look-up of the preferences
            created = notify_many(notices)
    assert mail.outbox == []  # nothing before the commit
    assert [n.pk is not None for n in created] == [True, True, True]
    assert [(n.recipient, n.params["name"], n.url) for n in Notification.objects.order_by("pk")] == [
        (student, "one", "/one/"), (org_member, "two", ""), (org_admin, "three", "/three/")]
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    # The org admin turned this kind's e-mail off: shown under the bell, not mailed.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([student.email, org_member.email])
    chinese = next(m for m in mail.outbox if m.to == [org_member.email])
    assert "/zh-hans/" in chinese.body


def test_notify_many_refuses_an_unregistered_kind_and_writes_nothing(student):
    import pytest

    from zonebridge.core.notifications import notify_many

    with pytest.raises(KeyError):
        notify_many([(student, API_TOKEN_ISSUED, {}, ""), (student, "no.such_kind", {}, "")])
    assert not Notification.objects.exists()


def test_notify_many_with_nobody_does_nothing(db, django_assert_num_queries):
    from zonebridge.core.notifications import notify_many

    with django_assert_num_queries(0):
        assert notify_many([]) == []


def test_notify_many_queues_one_task_per_batch_and_mails_each_in_their_language(
        student, org_member, org_admin, django_capture_on_commit_callbacks, monkeypatch):
    from huey.contrib.djhuey import HUEY
    from huey.signals import SIGNAL_EXECUTING

    from zonebridge.core import notifications
    from zonebridge.core.notifications import notify_many

    monkeypatch.setattr(notifications, "EMAIL_BATCH", 2)
    org_member.preferred_language = "zh-hant"
    org_member.save()
    set_email_preferences(org_admin, {API_TOKEN_ISSUED: False}, acting_user=org_admin)
    notices = [(user, API_TOKEN_ISSUED, {"name": f"token {number}"}, f"/{number}/")
               for number in range(3) for user in (student, org_member, org_admin)]
    executed = []

    def record(signal, task, *args):
        executed.append((task.name.rsplit(".", 1)[-1], task.args))

    HUEY.signal(SIGNAL_EXECUTING)(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            notify_many(notices)
    finally:
        HUEY.disconnect_signal(record, SIGNAL_EXECUTING)
    # Six e-mails (the org admin's three are not mailed) in batches of two: three tasks that render them and three
    # that send them, where one e-mail used to take two tasks (twelve).
    rendering = [args for name, args in executed if name == "send_notification_emails"]
    assert sorted(len(args[0]) for args in rendering) == [2, 2, 2]
    assert [name for name, _args in executed].count("send_emails_task") == 3 and len(executed) == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted([student.email] * 3 + [org_member.email] * 3)
    chinese = [m for m in mail.outbox if m.to == [org_member.email]]
    assert all("/zh-hant/" in m.body for m in chinese)
    assert all(m.extra_headers["Auto-Submitted"] == "auto-generated" for m in mail.outbox)
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 6


def test_a_batch_run_again_mails_nobody_twice(student, org_member, django_capture_on_commit_callbacks):
    from zonebridge.core.tasks import send_notification_emails

    first = notify(student, CONSENT_GRANTED)
    second = notify(org_member, CONSENT_GRANTED)
    with django_capture_on_commit_callbacks(execute=True):
        send_notification_emails([first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        send_notification_emails([first.pk, second.pk])  # a retry, or a batch overlapping a single e-mail
        send_notification_emails([first.pk, second.pk])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([student.email, org_member.email])


def test_a_rolled_back_notify_many_queues_nothing(student, django_capture_on_commit_callbacks):
    from django.db import transaction

    from zonebridge.core.notifications import notify_many

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify_many([(student, CONSENT_GRANTED, {}, "")])
                raise RuntimeError("the use case failed")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == [] and not Notification.objects.exists()


def test_an_e_mail_that_fails_in_a_batch_is_retried_alone(settings):
    from zonebridge.core import tasks

    settings.EMAIL_BACKEND = "tests.core.flaky_email.FlakyBackend"
    from tests.core import flaky_email

    flaky_email.FAIL = {"bad@example.com"}
    flaky_email.ATTEMPTS.clear()
    messages = [{"subject": "s", "body": "b", "to": [to]} for to in ("a@example.com", "bad@example.com",
                                                                      "c@example.com")]
    tasks.send_emails_task(messages)
    assert [m.to[0] for m in mail.outbox] == ["a@example.com", "c@example.com"]
    # Only the failed one was tried again (and again, as it keeps failing); the others went once.
    assert flaky_email.ATTEMPTS.count("a@example.com") == 1 and flaky_email.ATTEMPTS.count("bad@example.com") > 1
