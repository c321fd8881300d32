"""Saved searches: a weekly digest of new matches in the reader's language, and one-click unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.opportunities.conftest import post
from zonebridge.core.errors import Conflict, NotFound
from zonebridge.opportunities import services
from zonebridge.opportunities.models import SavedSearch


@pytest.fixture
def saved(org_admin):
    org_admin.preferred_language = "zh-hant"
    org_admin.save()
    saved = services.save_search(acting_user=org_admin, q="battery")
    SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now() - timedelta(days=7))
    return saved


def test_the_digest_lists_new_matches_in_the_readers_language(saved, battery_need, published,
                                                              django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_weekly_digests() == 1
    message = mail.outbox[-1]
    assert message.to == ["org_admin@example.org"]
    assert "新機會" in message.subject or "個新" in message.subject
    assert battery_need.title_zh_hant in message.body
    assert "/opportunities/unsubscribe/" in message.body
    # Nothing new since: no second e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_weekly_digests() == 0


def test_one_click_unsubscribe(client, saved, battery_need):
    token = services.unsubscribe_token(saved)
    response = client.get(f"/en/opportunities/unsubscribe/{token}/")
    assert response.status_code == 200
    saved.refresh_from_db()
    assert not saved.is_active
    assert services.send_weekly_digests() == 0
    assert client.get(f"/en/opportunities/unsubscribe/{token}x/").status_code == 404
    with pytest.raises(NotFound):
        services.unsubscribe("forged")


def test_saving_from_the_listing_and_the_limit(client, org_admin, monkeypatch, sectors):
    client.force_login(org_admin)
    client.post("/en/opportunities/saved-searches/", {"q": "电池", "sector": "batteries"})
    saved = SavedSearch.objects.get(user=org_admin)
    assert (saved.q, saved.sector) == ("电池", sectors["battery"])
    monkeypatch.setattr(services, "SAVED_SEARCH_LIMIT", 1)
    with pytest.raises(Conflict):
        services.save_search(acting_user=org_admin, q="more")


def test_only_the_owner_deletes(client, saved, student, org_admin):
    client.force_login(student)
    assert client.post(f"/en/opportunities/saved-searches/{saved.pk}/delete/").status_code == 404
    client.force_login(org_admin)
    client.post(f"/en/opportunities/saved-searches/{saved.pk}/delete/")
    assert not SavedSearch.objects.exists()


def test_old_postings_are_not_in_the_digest(saved, battery_maker, battery_admin):
    old = post(battery_maker, battery_admin, title="Battery recycling", description="Old posting")
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert services.send_weekly_digests() == 0


def test_the_owner_turns_the_digest_off_and_on(saved, org_admin, student, battery_need):
    with pytest.raises(NotFound):
        services.set_digest(saved, acting_user=student, active=False)
    assert SavedSearch.objects.get(pk=saved.pk).is_active
    assert not services.set_digest(saved, acting_user=org_admin, active=False).is_active
    assert services.send_weekly_digests() == 0
    assert services.set_digest(saved, acting_user=org_admin, active=True).is_active
    assert services.send_weekly_digests() == 1
