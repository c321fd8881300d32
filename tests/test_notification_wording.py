"""Notifications read as Hong Kong and mainland readers write: every kind's label, title, body and e-mail, rendered in
简 and 繁, has no character of the other script and (in 繁) no Taiwan word."""

import re

import pytest
from django.utils import translation

from tests.browser.checks import chinese_runs, wording_problems
from tests.world import make_user
from zonebridge.core.models import Notification
from zonebridge.core.notifications import KINDS, render
from zonebridge.core.tasks import send_notification_email

READERS = {"zh-hans": "zh_hans", "zh-hant": "zh_hant"}


def neutral_params(kind) -> dict:
    """A value for each placeholder of the kind's texts that reads the same in every language (only the kind's own
    wording is checked here; values in the reader's language are the apps' `in_language` texts)."""
    params = {}
    for name, conversion in re.findall(r"%\((\w+)\)(\w)", f"{kind.title} {kind.body}"):
        params[name] = 1 if conversion in "di" else "X"
    return params


def test_every_kind_of_notification_is_registered():
    # The apps' AppConfigs register their kinds at start-up: the scan below covers all of them.
    assert {key.split(".")[0] for key in KINDS} >= {"accounts", "events", "landing", "opportunities", "programmes"}


@pytest.mark.parametrize("language", READERS)
def test_notifications_in_every_kind_read_as_the_readers_own(language, lingang, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    reader = make_user(f"reader_{READERS[language]}", lingang, preferred_language=language)
    problems = []
    for key, kind in sorted(KINDS.items()):
        notification = Notification.objects.create(recipient=reader, kind=key, params=neutral_params(kind),
                                                   url="/somewhere/")
        title, body = render(notification, language)
        with django_capture_on_commit_callbacks(execute=True):
            send_notification_email(notification.pk)
        mail = mailoutbox[-1]
        with translation.override(language):
            label = str(kind.label)
        text = " ".join([label, title, body, mail.subject, mail.body])
        assert title in mail.subject and body in mail.body
        with translation.override("en"):
            english = re.sub(r"%\(\w+\)\w", "", f"{kind.title} {kind.body}")
        # Every kind with words of its own (not only placeholders) is translated, so the scan reads Chinese.
        assert chinese_runs(title + body) or not re.search("[A-Za-z]{2}", english), f"{key} is not translated"
        problems += wording_problems(key, READERS[language], chinese_runs(text))
    assert problems == []


def test_the_scan_catches_the_other_script_and_taiwan_words():
    assert wording_problems("mail", "zh_hant", chinese_runs("您的帐户已由使用者開通")) == [
        "mail: '您的帐户已由使用者開通' is in the other script", "mail: Taiwan word '使用者'"]
    assert wording_problems("mail", "zh_hans", chinese_runs("您的帳戶已開通")) == [
        "mail: '您的帳戶已開通' is in the other script"]
