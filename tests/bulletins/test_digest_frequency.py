"""Each reader chooses how often the digest comes (daily, weekly, never): the digest task sends each only what
was published since their own last digest, in their language; the one-click unsubscribe still stops it all.
Times are explicit and stored in UTC."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from tests.landing.test_api import bearer
from zonebridge.bulletins.models import DigestFrequency, ReaderSettings, Subscription
from zonebridge.bulletins.services import (
    reader_settings,
    send_digests,
    set_digest_frequency,
    set_subscriptions,
    unsubscribe,
    unsubscribe_token,
)
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import DomainError, NotAllowed

MONDAY = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Hong Kong and Shanghai


def at(days: float, hours: float = 0) -> datetime:
    """A moment after the first Monday's run (UTC)."""
    return MONDAY + timedelta(days=days, hours=hours)


@pytest.fixture
def reader(org_admin):
    """TidePay's admin reads 繁體 and follows news."""
    org_admin.preferred_language = "zh-hant"
    org_admin.save()
    set_subscriptions(org_admin, ["news"], acting_user=org_admin)
    return org_admin


@pytest.fixture
def digests(django_capture_on_commit_callbacks):
    """Run the digest task at a given moment; return the bodies of the mails it sent."""
    def _run(now):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            send_digests(now=now)
        return [message for message in mail.outbox[before:]]
    return _run


def test_the_default_is_weekly_and_the_reader_changes_it(reader, org_member):
    assert reader_settings(reader).digest_frequency == DigestFrequency.WEEKLY
    set_digest_frequency(reader, "daily", acting_user=reader)
    assert ReaderSettings.objects.get(user=reader).digest_frequency == "daily"
    assert entries_about(reader).filter(action="bulletins.digest_frequency").exists()
    with pytest.raises(NotAllowed):
        set_digest_frequency(reader, "off", acting_user=org_member)
    with pytest.raises(DomainError) as refused:
        set_digest_frequency(reader, "hourly", acting_user=reader)
    assert refused.value.field == "frequency"
    assert ReaderSettings.objects.get(user=reader).digest_frequency == "daily"


def test_a_daily_reader_gets_each_days_posts_once(write, reader, digests):
    set_digest_frequency(reader, "daily", acting_user=reader)
    write("周一新闻", publish_at=at(-0.5))
    first = digests(at(0))
    assert len(first) == 1 and "每日摘要" in first[0].subject and "週一新聞" in first[0].body
    write("周二新闻", publish_at=at(0, 5))
    assert digests(at(0, 12)) == []  # not a day yet
    second = digests(at(1))
    assert len(second) == 1 and "週二新聞" in second[0].body and "週一新聞" not in second[0].body
    assert digests(at(2)) == []  # nothing new: no empty mail
    assert ReaderSettings.objects.get(user=reader).last_digest_at == at(2)


def test_a_weekly_reader_gets_a_week_of_posts_seven_days_after_the_last_digest(write, reader, digests):
    assert digests(at(0)) == []
    write("周二新闻", publish_at=at(1))
    write("周五新闻", publish_at=at(4))
    for day in range(1, 7):
        assert digests(at(day)) == []
    sent = digests(at(7))
    assert len(sent) == 1 and "每週摘要" in sent[0].subject
    assert "週二新聞" in sent[0].body and "週五新聞" in sent[0].body
    assert ReaderSettings.objects.get(user=reader).last_digest_at == at(7)


def test_a_reader_who_chose_never_gets_no_digest(write, reader, digests):
    set_digest_frequency(reader, "off", acting_user=reader)
    write("新闻", publish_at=at(-0.5))
    assert digests(at(0)) == [] and digests(at(7)) == []
    assert Subscription.objects.filter(user=reader).exists()  # the topics stay for when it is turned back on
    set_digest_frequency(reader, "daily", acting_user=reader)
    write("回来后的新闻", publish_at=at(20, 6))
    sent = digests(at(21))
    assert len(sent) == 1 and "回來後的新聞" in sent[0].body and sent[0].body.count("\n* ") == 1


def test_two_readers_with_different_choices_get_their_own_digests(write, reader, org_member, digests):
    org_member.preferred_language = "en"
    org_member.save()
    set_subscriptions(org_member, ["news"], acting_user=org_member)
    set_digest_frequency(org_member, "daily", acting_user=org_member)
    write("早新闻", publish_at=at(-0.5), title_en="Morning news")
    sent = digests(at(0))
    assert sorted(message.to[0] for message in sent) == sorted([reader.email, org_member.email])
    write("第二天", publish_at=at(0, 6), title_en="Day two")
    sent = digests(at(1))
    assert [message.to for message in sent] == [[org_member.email]]
    assert "Day two" in sent[0].body and "daily digest" in sent[0].subject


def test_unsubscribing_stops_every_frequency(write, reader, digests):
    set_digest_frequency(reader, "daily", acting_user=reader)
    unsubscribe(unsubscribe_token(reader))
    write("新闻", publish_at=at(-0.5))
    assert digests(at(0)) == []


def test_the_subscriptions_page_saves_topics_and_frequency(client, reader):
    client.force_login(reader)
    body = client.get("/zh-hant/bulletins/subscriptions/").content.decode()
    assert 'value="weekly"' in body and 'value="off"' in body
    response = client.post("/zh-hant/bulletins/subscriptions/", {"topics": ["news", "policy"], "frequency": "daily"})
    assert response.status_code == 302
    assert reader_settings(reader).digest_frequency == "daily"
    assert set(Subscription.objects.filter(user=reader).values_list("topic", flat=True)) == {"news", "policy"}
    response = client.post("/zh-hant/bulletins/subscriptions/", {"topics": ["event"], "frequency": "hourly"})
    assert response.status_code == 200
    assert reader_settings(reader).digest_frequency == "daily"  # nothing changed
    assert set(Subscription.objects.filter(user=reader).values_list("topic", flat=True)) == {"news", "policy"}


def test_the_api_reads_and_sets_the_choice(client, reader, org_member):
    url = "/api/v1/bulletins/subscriptions"
    assert client.get(url, **bearer(reader)).json() == {"topics": ["news"], "frequency": "weekly",
                                                        "last_digest_at": None}
    response = client.put(url, {"topics": ["event", "news"], "frequency": "off"}, content_type="application/json",
                          **bearer(reader))
    assert response.status_code == 200 and response.json()["frequency"] == "off"
    assert response.json()["topics"] == ["event", "news"]
    response = client.put(url, {"topics": ["news"], "frequency": "hourly"}, content_type="application/json",
                          **bearer(reader))
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "frequency"
    assert client.get(url, **bearer(org_member)).json()["topics"] == []
    assert client.get(url).status_code == 401
