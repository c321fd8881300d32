"""Subscriptions, the weekly digest in the reader's language with unsubscribe, and Atom feeds parsed back."""

from datetime import timedelta

import feedparser
import pytest
from django.core import mail
from django.utils import timezone

from zonebridge.bulletins.models import Bulletin, Subscription
from zonebridge.bulletins.services import (
    reader_settings,
    save_bulletin,
    send_digests,
    set_subscriptions,
    unsubscribe,
    unsubscribe_token,
)
from zonebridge.core.errors import DomainError, NotAllowed


@pytest.fixture
def hk_reader(org_admin):
    org_admin.preferred_language = "zh-hant"
    org_admin.save()
    set_subscriptions(org_admin, ["news", "event"], acting_user=org_admin)
    return org_admin


def test_only_the_reader_changes_their_subscriptions(org_admin, org_member):
    with pytest.raises(NotAllowed):
        set_subscriptions(org_admin, ["news"], acting_user=org_member)
    assert set_subscriptions(org_admin, ["news", "nonsense"], acting_user=org_admin) == ["news"]


def test_the_digest_comes_in_the_readers_language_with_what_is_aimed_at_them(
        write, hk_hub, hk_reader, battery_admin, django_capture_on_commit_callbacks):
    set_subscriptions(battery_admin, ["news"], acting_user=battery_admin)
    write("香港初创企业落地补贴", zones=[hk_hub], kinds=["startup"])
    write("政策更新不在订阅中", topic="policy")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests() == 1  # the Lingang admin is not in the audience: no empty mail
    message = mail.outbox[-1]
    assert message.to == [hk_reader.email]
    assert "每週摘要" in message.subject
    assert "香港初創企業落地補貼" in message.body and "政策更新" not in message.body
    assert "/zh-hant/bulletins/unsubscribe/" in message.body


def test_a_bulletin_is_in_one_digest_only(write, hk_reader, django_capture_on_commit_callbacks):
    write("第一周")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests() == 1
        assert send_digests(now=timezone.now() + timedelta(days=7)) == 0
    write("第二周", publish_at=timezone.now() + timedelta(days=8))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(now=timezone.now() + timedelta(days=14)) == 1
    assert "第二週" in mail.outbox[-1].body and "第一週" not in mail.outbox[-1].body


def test_the_unsubscribe_link_drops_every_subscription(hk_reader, client):
    token = unsubscribe_token(hk_reader)
    assert client.get(f"/en/bulletins/unsubscribe/{token}/").status_code == 200
    assert Subscription.objects.filter(user=hk_reader).exists()  # a mail scanner's GET changes nothing
    assert client.post(f"/en/bulletins/unsubscribe/{token}/").status_code == 200
    assert not Subscription.objects.filter(user=hk_reader).exists()
    with pytest.raises(DomainError):
        unsubscribe(token + "x")


def test_the_public_feed_is_atom_in_the_address_language(write, client):
    bulletin = write("临港新片区人才政策更新", topic="policy", title_en="Talent policy update")
    write("只给香港", topic="policy", kinds=["startup"])
    response = client.get("/zh-hant/bulletins/feeds/policy/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.language == "zh-hant"
    assert [entry.title for entry in feed.entries] == ["臨港新片區人才政策更新"]
    entry = feed.entries[0]
    assert entry.link.endswith(f"/zh-hant/bulletins/{bulletin.pk}/")
    assert entry.updated_parsed and entry.published_parsed
    assert entry.id == f"tag:zonebridge,2026:bulletin:{bulletin.pk}:zh-hant"
    english = feedparser.parse(client.get("/en/bulletins/feeds/policy/").content)
    assert english.feed.language == "en" and english.entries[0].title == "Talent policy update"


def test_an_edit_updates_the_entry_without_a_new_one(write, client, operator_lingang):
    bulletin = write("原标题")
    first = feedparser.parse(client.get("/zh-hans/bulletins/feeds/news/").content).entries[0]
    save_bulletin(Bulletin.objects.get(pk=bulletin.pk), acting_user=operator_lingang,
                  texts={"title_zh_hans": "新标题", "title_zh_hant": ""}, fields={})
    entries = feedparser.parse(client.get("/zh-hans/bulletins/feeds/news/").content).entries
    assert len(entries) == 1 and entries[0].id == first.id and entries[0].title == "新标题"
    assert entries[0].updated_parsed >= first.updated_parsed


def test_the_personal_feed_holds_the_readers_audience(write, hk_hub, org_admin, client):
    write("香港初创企业专享", zones=[hk_hub], kinds=["startup"])
    key = reader_settings(org_admin).feed_key
    personal = feedparser.parse(client.get(f"/zh-hant/bulletins/feeds/news/{key}/").content)
    assert [entry.title for entry in personal.entries] == ["香港初創企業專享"]
    assert feedparser.parse(client.get("/zh-hant/bulletins/feeds/news/").content).entries == []
    assert client.get("/zh-hant/bulletins/feeds/news/00000000-0000-4000-8000-000000000009/").status_code == 404
    assert client.get("/zh-hant/bulletins/feeds/gossip/").status_code == 404


def test_the_list_page_announces_its_feeds(client, db):
    body = client.get("/zh-hant/bulletins/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/zh-hant/bulletins/feeds/news/"' in body
