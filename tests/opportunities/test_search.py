"""The search is the cross-lingual engine, over an index kept on disk and updated by the task worker."""

import pytest

from tests.opportunities.conftest import post
from zonebridge.core.models import SearchIndexState
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import OrganisationKind
from zonebridge.directory.services import create_organisation, update_organisation_profile
from zonebridge.opportunities import queries, recommendations, services
from zonebridge.opportunities.models import Recommendation, RecommendationKind
from zonebridge.opportunities.search import OPPORTUNITIES


@pytest.fixture
def bms_startup(hk_hub, sectors, battery_need, published):
    """A Hong Kong start-up that fits the battery need (joins after it: the profile task indexes it)."""
    return published(lambda: create_organisation(
        home_zone=hk_hub, kind=OrganisationKind.STARTUP, slug="cellsense", chinese_source=ChineseScript.TRADITIONAL,
        sectors=[sectors["battery"]],
        texts={"name_en": "CellSense", "summary_en": "Battery management system software for electric vehicles",
               "description_en": "We build BMS software and battery analytics for EV makers."}))


def test_an_english_query_finds_a_simplified_posting_with_the_reason(published, battery_maker, battery_admin):
    need = published(lambda: post(battery_maker, battery_admin, title="寻找电池管理系统软件合作伙伴",
                                  description="我们在临港建设动力电池工厂，寻找香港的电池管理系统软件团队。"))
    published(lambda: post(battery_maker, battery_admin, title="招聘财务经理", description="负责公司财务与审计。"))
    results = queries.search(None, q="battery management software")
    assert results[0].opportunity.pk == need.pk
    assert any("battery" in reason and "电池" in reason for reason in results[0].why)


def test_a_traditional_query_finds_an_english_posting(published, fintech_startup, org_admin):
    offer = published(lambda: post(fintech_startup, org_admin, title="Cross-border payments pilot",
                                   description="Our payment software needs a Shanghai bank as a pilot site."))
    results = queries.search(None, q="跨境支付")
    assert [r.opportunity.pk for r in results[:1]] == [offer.pk]


def test_a_withdrawn_posting_leaves_the_index(published, battery_need, battery_admin):
    published(lambda: services.withdraw_opportunity(battery_need, acting_user=battery_admin))
    index = OPPORTUNITIES.current()
    assert str(battery_need.pk) not in index
    assert queries.search(None, q="电池").count() == 0


def test_each_change_publishes_a_new_version_and_keeps_only_a_few(published, battery_maker, battery_admin, settings):
    for n in range(5):
        published(lambda n=n: post(battery_maker, battery_admin, title=f"Job {n}", description="Battery engineer"))
    state = SearchIndexState.objects.get(name="opportunities")
    assert state.version == 5 and state.documents == 5
    versions = sorted(p.name for p in (settings.RANK_INDEX_DIR / "opportunities").iterdir())
    assert versions == ["v00000003", "v00000004", "v00000005"]


def test_filters_and_visibility_apply_to_ranked_results(published, battery_need, fintech_offer, sectors):
    # The fintech offer is for signed-in users: an anonymous search does not find it.
    assert queries.search(None, q="支付").count() == 0
    assert queries.search(None, q="电池", sector=sectors["fintech"]).count() == 0


def test_recommendations_fit_profiles_with_reasons_and_follow_changes(published, battery_need, bms_startup,
                                                                     fintech_startup):
    recommendations.refresh_for_organisations([bms_startup.pk, fintech_startup.pk])
    for_bms = Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION, organisation=bms_startup)
    assert [r.opportunity_id for r in for_bms] == [battery_need.pk]
    assert for_bms[0].reasons
    fits = Recommendation.objects.filter(kind=RecommendationKind.FITS_POSTING, opportunity=battery_need)
    assert fits.first().organisation_id == bms_startup.pk
    # The owner never gets its own posting recommended.
    assert not Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION,
                                             organisation=battery_need.organisation).exists()


def test_a_withdrawn_posting_leaves_every_recommendation(published, battery_need, bms_startup, battery_admin):
    recommendations.refresh_for_organisations([bms_startup.pk])
    assert Recommendation.objects.filter(opportunity=battery_need).exists()
    published(lambda: services.withdraw_opportunity(battery_need, acting_user=battery_admin))
    assert not Recommendation.objects.filter(opportunity=battery_need).exists()


def test_a_profile_change_refreshes_its_recommendations(published, battery_need, fintech_startup, org_admin):
    assert not Recommendation.objects.filter(organisation=fintech_startup, opportunity=battery_need).exists()
    published(lambda: update_organisation_profile(
        fintech_startup, acting_user=org_admin, fields={},
        texts={"summary_en": "Battery management system software for electric vehicle battery factories"}))
    assert Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION, organisation=fintech_startup,
                                         opportunity=battery_need).exists()


def test_a_page_view_never_computes_recommendations(client, battery_need, org_admin):
    client.force_login(org_admin)
    response = client.get("/en/opportunities/recommended/")
    assert response.status_code == 200
    assert not Recommendation.objects.exists()


def test_the_listing_shows_the_reasons(client, published, battery_need):
    response = client.get("/en/opportunities/", {"q": "battery software"})
    body = response.content.decode()
    assert battery_need.title_zh_hans in body or battery_need.title_zh_hant in body
    # On an English page the Chinese side of a reason is marked as Chinese (core's match_reason).
    assert 'battery ↔ <span lang="zh-Hans">电池</span>' in body or 'battery ↔ <span lang="zh-Hant">電池</span>' in body


def test_an_organisations_need_is_answered_by_offers(published, battery_maker, battery_admin, fintech_startup,
                                                    org_admin):
    """Its own posting asks for the other direction: its need finds offers, never another company's same need."""
    published(lambda: post(fintech_startup, org_admin, title="寻找跨境支付牌照合作银行",
                           description="我们需要一家上海银行合作开展跨境支付试点。"))
    offer = published(lambda: post(battery_maker, battery_admin, title="Cross-border payment pilot with our bank",
                                   direction="offer",
                                   description="Our bank offers a cross-border payment pilot to fintech start-ups."))
    twin = published(lambda: post(battery_maker, battery_admin, title="寻找跨境支付牌照合作银行",
                                  description="我们需要一家上海银行合作开展跨境支付试点。"))
    recommendations.refresh_for_organisations([fintech_startup.pk])
    ranked = list(Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION,
                                                organisation=fintech_startup).values_list("opportunity_id", flat=True))
    assert ranked[0] == offer.pk
    assert twin.pk not in ranked


def test_a_posting_that_expires_after_it_was_indexed_leaves_search_and_recommendations_by_itself(
        published, battery_need, bms_startup, client, org_admin):
    from datetime import timedelta

    from django.utils import timezone

    from zonebridge.core.errors import Conflict
    from zonebridge.opportunities.models import Opportunity

    recommendations.refresh_for_organisations([bms_startup.pk])
    assert [r.opportunity.pk for r in queries.search(None, q="battery management software")[:10]] == [battery_need.pk]
    assert queries.recommended_for(None, bms_startup)
    # Its last day passes: no job runs, no index changes.
    today = timezone.localdate()
    Opportunity.objects.filter(pk=battery_need.pk).update(valid_from=today - timedelta(days=30),
                                                          valid_until=today - timedelta(days=1))
    assert len(queries.search(None, q="battery management software")) == 0
    assert battery_need.pk not in {r.opportunity.pk for r in queries.search(None)[:50]}
    assert queries.recommended_for(None, bms_startup) == []
    api = client.get("/api/v1/opportunities", {"q": "battery management software"}).json()
    assert api["items"] == []
    battery_need.refresh_from_db()
    with pytest.raises(Conflict):
        services.express_interest(battery_need, acting_user=org_admin, organisation=org_admin.memberships.get()
                                  .organisation, message="Too late?")
