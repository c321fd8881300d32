"""Bulletins: writing with 简↔繁 conversion, the one targeting rule, scheduling, expiry, pinning, and who writes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.world import make_user
from zonebridge.bulletins import queries
from zonebridge.bulletins.models import Bulletin
from zonebridge.bulletins.services import publish, save_bulletin, withdraw
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import DomainError, NotAllowed
from zonebridge.policy import bulletins as policy


def titles(user, **kwargs):
    return [b.title_en for b in queries.visible_bulletins(user, **kwargs)]


def test_simplified_is_converted_to_hong_kong_traditional_and_an_override_is_kept(write, operator_lingang):
    bulletin = write("临港新片区发布跨境数据政策")
    assert bulletin.title_zh_hant == "臨港新片區發佈跨境數據政策"
    edited = save_bulletin(bulletin, acting_user=operator_lingang,
                           texts={"title_zh_hant": "臨港新片區公布跨境數據政策"}, fields={})
    assert edited.title_zh_hant == "臨港新片區公布跨境數據政策"
    assert "title_zh_hant" in edited.hand_written_fields
    assert entries_about(edited).filter(action="bulletins.bulletin.update").exists()


def test_english_is_written_by_the_author(operator_lingang, lingang):
    with pytest.raises(DomainError) as refused:
        save_bulletin(Bulletin(zone=lingang), acting_user=operator_lingang, texts={"title_zh_hans": "只有中文"},
                      fields={"topic": "news"})
    assert refused.value.field == "title_en"


def test_only_the_zone_operators_write_its_bulletins(lingang, operator_hk, org_admin):
    for user in (operator_hk, org_admin):
        with pytest.raises(NotAllowed):
            save_bulletin(Bulletin(zone=lingang), acting_user=user, texts={"title_en": "x"}, fields={"topic": "news"})


def test_a_bulletin_for_hong_kong_start_ups_reaches_only_them(write, hk_hub, org_admin, org_member, battery_admin,
                                                              student, operator_hk, operator_lingang):
    write("面向香港初创企业的落地计划", title_en="For HK start-ups", zones=[hk_hub], kinds=["startup"])
    write("面向所有人的新闻", title_en="For everyone")
    assert titles(org_admin) == ["For everyone", "For HK start-ups"] or set(titles(org_admin)) == {
        "For everyone", "For HK start-ups"}
    assert "For HK start-ups" in titles(org_member)
    for outsider in (battery_admin, student, operator_hk, None):
        assert titles(outsider) == ["For everyone"]
    # The operators of the publishing zone see it on its own page whatever the audience.
    hk_only = Bulletin.objects.get(title_en="For HK start-ups")
    assert policy.may_view(operator_lingang, hk_only) and not policy.may_view(battery_admin, hk_only)


def test_roles_and_sectors_narrow_the_audience(write, sectors, org_admin, org_member, battery_admin, coordinator):
    write("管理员通知", title_en="Admins only", roles=["org_admin"])
    write("新能源政策", title_en="New energy", sectors=[sectors["energy"]])
    assert "Admins only" in titles(org_admin) and "Admins only" in titles(battery_admin)
    assert "Admins only" not in titles(org_member) and "Admins only" not in titles(coordinator)
    # A battery maker is in new energy (a sub-sector); a fintech is not.
    assert "New energy" in titles(battery_admin) and "New energy" not in titles(org_admin)


def test_scheduled_bulletins_show_from_their_time_and_expired_ones_stop(write, org_admin, soon):
    write("定时发布", title_en="Scheduled", publish_at=soon)
    write("已过期", title_en="Expired", publish_at=timezone.now() - timedelta(days=2),
          expires_at=timezone.now() - timedelta(days=1))
    assert titles(org_admin) == []
    assert titles(org_admin, now=soon + timedelta(minutes=1)) == ["Scheduled"]


def test_drafts_and_withdrawn_bulletins_are_not_shown(write, org_admin, operator_lingang):
    write("草稿", title_en="Draft", publish_now=False)
    live = write("撤回", title_en="Withdrawn")
    withdraw(live, acting_user=operator_lingang)
    assert titles(org_admin) == []
    assert entries_about(live).filter(action="bulletins.bulletin.withdraw").exists()


def test_pinned_bulletins_come_first(write, org_admin):
    write("置顶", title_en="Pinned", pinned=True, publish_at=timezone.now() - timedelta(days=3))
    write("最新", title_en="Newest")
    assert titles(org_admin) == ["Pinned", "Newest"]


def test_topic_filters_the_list(write, org_admin):
    write("活动", title_en="Event", topic="event")
    write("政策", title_en="Policy", topic="policy")
    assert titles(org_admin, topic="event") == ["Event"]


def test_expiry_must_follow_publishing(write, operator_lingang, soon):
    bulletin = write("草稿", publish_now=False, expires_at=soon)
    with pytest.raises(DomainError) as refused:
        publish(bulletin, acting_user=operator_lingang, publish_at=soon + timedelta(hours=1))
    assert refused.value.field == "expires_at"


def test_a_reader_without_any_organisation_sees_only_untargeted_posts(write, hk_hub):
    write("香港", title_en="HK zone", zones=[hk_hub])
    write("全部", title_en="All")
    resident = make_user("resident", hk_hub)
    assert set(titles(resident)) == {"HK zone", "All"}
    assert titles(make_user("nowhere", None)) == ["All"]
