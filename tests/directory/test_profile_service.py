"""Writing an organisation's trilingual profile: OpenCC conversion, hand overrides, permissions."""

import pytest

from zonebridge.core.errors import DomainError, InvalidFields
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory import services


def test_it_converts_a_hong_kong_profile_from_traditional_to_simplified(fintech_startup):
    assert fintech_startup.summary_zh_hans == "为中小企业提供跨境支付软件"
    assert fintech_startup.hand_written_fields == []


def test_it_converts_a_mainland_profile_to_traditional(battery_maker):
    assert battery_maker.summary_zh_hant == "為新能源汽車提供動力電池系統"
    assert battery_maker.name_zh_hant == "芯伏能源科技有限公司"


@pytest.mark.parametrize("region, expected", [
    ("hong_kong", "為中小企業提供軟件"),
    ("mainland", "為中小企業提供軟件"),  # read in Hong Kong: Hong Kong forms, not OpenCC's 爲
    ("taiwan", "為中小企業提供軟體"),  # Taiwan phrases: 軟體
])
def test_the_traditional_variant_follows_the_home_zone(region, expected, org_admin, fintech_startup):
    zone = fintech_startup.home_zone
    zone.region = region
    zone.save()
    fintech_startup.chinese_source = ChineseScript.SIMPLIFIED
    fintech_startup.save()
    updated = services.update_organisation_profile(
        fintech_startup, acting_user=org_admin, texts={"summary_zh_hans": "为中小企业提供软件", "summary_zh_hant": ""},
        fields={})
    assert updated.summary_zh_hant == expected


def test_a_hand_written_conversion_is_kept_on_later_edits(org_admin, fintech_startup):
    updated = services.update_organisation_profile(
        fintech_startup, acting_user=org_admin,
        texts={"summary_zh_hant": "為中小企業提供跨境支付軟件", "summary_zh_hans": "为中小企业提供跨境收款服务"},
        fields={})
    assert updated.summary_zh_hans == "为中小企业提供跨境收款服务"
    assert updated.hand_written_fields == ["summary_zh_hans"]

    # Editing the Traditional source again does not overwrite the hand-written Simplified text.
    again = services.update_organisation_profile(
        updated, acting_user=org_admin, texts={"summary_zh_hant": "為中小企業提供跨境支付"}, fields={})
    assert again.summary_zh_hans == "为中小企业提供跨境收款服务"


def test_clearing_a_hand_written_field_returns_it_to_conversion(org_admin, fintech_startup):
    services.update_organisation_profile(fintech_startup, acting_user=org_admin,
                                         texts={"summary_zh_hans": "手写版本"}, fields={})
    cleared = services.update_organisation_profile(fintech_startup, acting_user=org_admin,
                                                   texts={"summary_zh_hans": ""}, fields={})
    assert cleared.summary_zh_hans == "为中小企业提供跨境支付软件"
    assert cleared.hand_written_fields == []


def test_english_is_never_machine_translated(org_admin, fintech_startup):
    updated = services.update_organisation_profile(
        fintech_startup, acting_user=org_admin, texts={"description_zh_hant": "全新描述", "description_en": ""},
        fields={})
    assert updated.description_en == ""


def test_an_edit_reindexes_the_profile(org_admin, fintech_startup):
    updated = services.update_organisation_profile(
        fintech_startup, acting_user=org_admin, texts={"summary_en": "Blockchain settlement"}, fields={})
    assert "blockchain" in updated.search_document.split()


def test_a_member_may_not_edit(org_member, fintech_startup):
    with pytest.raises(DomainError):
        services.update_organisation_profile(fintech_startup, acting_user=org_member,
                                             texts={"name_en": "Hijacked"}, fields={})
    fintech_startup.refresh_from_db()
    assert fintech_startup.name_en == "TidePay"


def test_a_failed_edit_changes_nothing(org_admin, fintech_startup):
    with pytest.raises(DomainError):
        services.update_organisation_profile(fintech_startup, acting_user=org_admin,
                                             texts={"name_en": "  ", "summary_en": "changed"}, fields={})
    fintech_startup.refresh_from_db()
    assert fintech_startup.summary_en == "Cross-border payments for SMEs"


def test_an_invalid_website_is_rejected_and_nothing_saved(org_admin, fintech_startup):
    with pytest.raises(InvalidFields) as error:
        services.update_organisation_profile(fintech_startup, acting_user=org_admin,
                                             texts={"summary_en": "changed"}, fields={"website": "not a url"})
    assert "website" in error.value.problems
    fintech_startup.refresh_from_db()
    assert fintech_startup.summary_en == "Cross-border payments for SMEs"
