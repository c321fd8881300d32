"""Full-text search finds the same organisation in English, Simplified and Traditional Chinese."""

import pytest

from zonebridge.directory.models import Organisation
from zonebridge.directory.search import search_organisations


def found(query: str) -> list[str]:
    return list(search_organisations(Organisation.objects.all(), query).values_list("slug", flat=True))


@pytest.mark.parametrize("query", ["電池", "电池", "動力電池", "Battery", "batteries", "ＢＡＴＴＥＲＹ"])
def test_a_query_in_any_script_finds_the_simplified_profile(battery_maker, fintech_startup, query):
    assert found(query) == ["sinovolt"]


def test_a_simplified_query_finds_the_traditional_profile(battery_maker, fintech_startup):
    assert found("跨境支付") == ["tidepay"]


def test_sector_names_are_searchable_in_every_language(battery_maker, fintech_startup):
    assert found("金融科技") == ["tidepay"]
    assert found("fintech") == ["tidepay"]


def test_every_word_must_match(battery_maker, fintech_startup):
    assert found("battery payments") == []


def test_a_query_of_stop_words_finds_nothing(battery_maker):
    assert found("the and of") == []


def test_a_query_with_fts_syntax_is_treated_as_words(battery_maker):
    assert found('battery" OR "x') == []
    assert found("battery*") == ["sinovolt"]


def test_better_matches_come_first(lingang, battery_maker, sectors):
    from zonebridge.directory.services import create_organisation

    create_organisation(home_zone=lingang, kind="company", slug="cellworks", chinese_source="zh_hans",
                        texts={"name_en": "Cellworks", "description_en": "Battery recycling",
                               "summary_en": "Battery battery battery recycling and battery testing"})
    assert set(found("battery")) == {"sinovolt", "cellworks"}
    assert found("battery recycling") == ["cellworks"]


def test_deleting_an_organisation_removes_it_from_the_index(battery_maker):
    battery_maker.delete()
    assert found("battery") == []


@pytest.fixture
def chinese_only_profiles(lingang, hk_hub):
    from zonebridge.directory.services import create_organisation

    create_organisation(home_zone=hk_hub, kind="startup", slug="harbour-bots", chinese_source="zh_hant",
                        texts={"name_en": "Harbour Bots", "summary_zh_hant": "為酒店提供送餐機械人"})
    create_organisation(home_zone=lingang, kind="company", slug="lingang-cells", chinese_source="zh_hans",
                        texts={"name_en": "Lingang Cells", "summary_zh_hans": "为储能电站生产电芯"})


def test_the_mainland_word_finds_the_hong_kong_word(chinese_only_profiles):
    # hk2s turns 機械人 into 机械人, not 机器人: the glossary concept bridges the two words.
    assert found("机器人") == ["harbour-bots"]
    assert found("機器人") == ["harbour-bots"]


def test_an_english_query_finds_a_profile_written_only_in_chinese(chinese_only_profiles):
    assert found("robots") == ["harbour-bots"]
    assert found("battery cells") == ["lingang-cells"]


def test_a_glossary_word_still_matches_inside_a_longer_term(fintech_startup):
    # The profile says 跨境支付 (the concept "cross-border payment"); "payments" alone is another concept.
    assert found("payments") == ["tidepay"]
    assert found("支付") == ["tidepay"]
