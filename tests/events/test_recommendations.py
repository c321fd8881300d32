"""Recommended matches: computed for everyone by a task with the ranking engine, stored, read without it."""

from zonebridge.events.models import InterestLevel
from zonebridge.events.queries import needs_refresh, recommended
from zonebridge.events.services import registrations, requests
from zonebridge.events.services.recommendations import refresh_recommendations


def test_matches_cross_languages_skip_colleagues_and_no_thanks(event, people):
    bo, ann = people["bo"], people["ann"]
    bo.offers_en, bo.offers_zh_hans = "", "为电动汽车提供动力电池组"
    bo.save()
    assert needs_refresh(event) and recommended(ann) is None
    refresh_recommendations(event)
    event.refresh_from_db()
    ann.refresh_from_db()
    assert not needs_refresh(event)
    matches = [registration for registration, _why in recommended(ann)]
    assert matches[0] == bo  # "battery supplier" finds 电池 written in Simplified
    assert people["eve"] not in matches  # ann's colleague
    requests.set_interest(bo, ann, acting_user=bo.user, level=InterestLevel.NO_THANKS)
    assert bo not in [registration for registration, _why in recommended(ann)]


def test_a_profile_change_queues_a_refresh_after_commit(event, people, django_capture_on_commit_callbacks):
    ann = people["ann"]
    refresh_recommendations(event)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        registrations.update_profile(ann, acting_user=ann.user, texts={"needs_en": "logistics partners"},
                                     fields={})
    assert len(callbacks) == 1
    ann.refresh_from_db()
    event.refresh_from_db()
    assert [registration for registration, _why in recommended(ann)][0] == people["cy"]


def test_the_reasons_read_in_the_readers_script_with_english_marked(event, people, client):
    from tests.world import PASSWORD

    bo = people["bo"]
    bo.offers_en, bo.offers_zh_hans = "", "为电动汽车提供动力电池组"
    bo.save()
    refresh_recommendations(event)
    client.login(username="org_admin", password=PASSWORD)
    html = client.get(f"/zh-hant/events/{event.slug}/participants/recommended/").content.decode()
    # Through core's match_reason: an English word on a 繁 page is marked as English on purpose.
    assert '(<span lang="en">battery</span>' in html
