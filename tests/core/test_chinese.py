"""简↔繁 conversion as Hong Kong and Shanghai readers expect it: one test per rule and per phrase entry."""

import pytest
from django.utils import translation

from zonebridge.core.chinese import BUILT_IN_PHRASES, convert, for_reader, save_phrase
from zonebridge.core.errors import InvalidFields
from zonebridge.core.models import ConversionPhrase
from zonebridge.core.templatetags.zonebridge import in_reader_script, match_reason
from zonebridge.engine.text import HONG_KONG_FORMS, script_of

# What OpenCC's s2hk leaves in a Simplified text's conversion, and what a Hong Kong text writes instead.
HONG_KONG_WORDS = [
    ("客户", "客戶"),
    ("税务", "稅務"),
    ("温度", "溫度"),
    ("合作伙伴", "合作夥伴"),
    ("临床试验", "臨床試驗"),
    ("高峰", "高峰"),
    ("群组", "群組"),
    ("说明", "說明"),
    ("阅读", "閱讀"),
    ("启动", "啟動"),
]


@pytest.mark.parametrize("simplified,traditional", HONG_KONG_WORDS)
def test_simplified_text_becomes_hong_kong_traditional(db, simplified, traditional):
    assert convert(simplified, "s2hk") == traditional


@pytest.mark.parametrize("shape", sorted(HONG_KONG_FORMS))
def test_no_mainland_or_dated_shape_survives(db, shape):
    assert chr(shape) not in convert(convert(chr(shape), "hk2s"), "s2hk")


@pytest.mark.parametrize("simplified,traditional", BUILT_IN_PHRASES)
def test_each_phrase_entry_converts_both_ways(db, simplified, traditional):
    assert convert(f"我们的{simplified}项目", "s2hk") == f"我們的{traditional}項目"
    assert convert(f"我們的{traditional}項目", "hk2s") == f"我们的{simplified}项目"


def test_the_known_mis_segmentations_are_mended(db):
    assert convert("大型飞机制造商", "s2hk") == "大型飛機製造商"
    assert convert("等离子雾化制粉设备", "s2hk") == "等離子霧化製粉設備"
    assert convert("甲醇加注站", "s2hk") == "甲醇加注站"


def test_an_operator_adds_a_phrase_and_the_next_conversion_uses_it(db, operator_lingang):
    assert convert("光刻胶", "s2hk") == "光刻膠"
    save_phrase(ConversionPhrase(simplified="光刻胶", traditional="光阻劑"), acting_user=operator_lingang)
    assert convert("国产光刻胶", "s2hk") == "國產光阻劑"
    assert convert("國產光阻劑", "hk2s") == "国产光刻胶"


def test_a_phrase_must_have_as_many_characters_in_both_scripts(db, operator_lingang):
    with pytest.raises(InvalidFields):
        save_phrase(ConversionPhrase(simplified="数据", traditional="資料庫"), acting_user=operator_lingang)


SCRIPTS = [
    ("臨床試驗", "zh_hant"),
    ("东涌", "zh_hans"),
    ("東涌", "zh_hant"),
    ("范太太", None),
    ("為中小企業提供軟件", "zh_hant"),
    ("为中小企业提供软件", "zh_hans"),
    ("Battery 电池", "zh_hans"),
    ("AI", None),
    ("床", None),
]


@pytest.mark.parametrize("text,script", SCRIPTS)
def test_the_script_of_a_text_is_recognised(text, script):
    assert script_of(text) == script


@pytest.mark.parametrize("text", ["臨床試驗", "東涌", "鰂魚涌", "帳戶", "稅", "范太", "郁先生", "夥伴"])
def test_traditional_text_is_never_converted_again_for_a_traditional_reader(db, text):
    assert for_reader(text, "zh_hant") == text
    with translation.override("zh-hant"):
        assert in_reader_script(text) == text


def test_a_reader_gets_the_other_script_converted(db):
    with translation.override("zh-hant"):
        assert in_reader_script("专注电池管理系统，客户遍布长三角") == "專注電池管理系統，客戶遍佈長三角"
    with translation.override("zh-hans"):
        assert in_reader_script("專注電池管理系統") == "专注电池管理系统"
    with translation.override("en"):
        assert in_reader_script("专注电池") == "专注电池"


@pytest.mark.parametrize("language, reason, shown", [
    ("zh-hant", "battery ↔ 电池", '<span lang="en">battery</span> ↔ 電池'),
    ("zh-hans", "電池 ↔ battery", '电池 ↔ <span lang="en">battery</span>'),
    ("zh-hant", "投資 ↔ 投资", "投資"),  # one word once both sides are in the reader's script
    ("zh-hans", "临港新片区", "临港新片区"),
    ("zh-hant", "<b> ↔ 电池", '<span lang="en">&lt;b&gt;</span> ↔ 電池'),
    ("en", "battery ↔ 電池", 'battery ↔ <span lang="zh-Hant">電池</span>'),
    ("en", "金融科技", '<span lang="zh">金融科技</span>'),
    ("zh-hant", "similar meaning", "意思相近"),
])
def test_a_match_reason_reads_in_the_readers_script_with_english_marked(db, language, reason, shown):
    with translation.override(language):
        assert match_reason(reason) == shown


def test_a_match_reason_in_an_e_mail_is_plain_text(db):
    with translation.override("zh-hans"):
        assert match_reason("battery ↔ 電池", "text") == "battery ↔ 电池"


def test_a_converted_message_is_noted(db):
    from zonebridge.core.templatetags.zonebridge import text_conversion_note

    with translation.override("zh-hans"):
        assert text_conversion_note("我們開發電池管理系統軟件") == {"converted": True, "source": "zh_hant"}
        assert text_conversion_note("我们开发电池管理系统软件")["converted"] is False
    with translation.override("en"):
        assert text_conversion_note("我們開發電池管理系統軟件")["converted"] is False


def test_a_field_holding_the_other_script_is_marked_with_its_language(db):
    from django import forms

    from zonebridge.core.templatetags.zonebridge import widget_in_its_language

    class BioForm(forms.Form):
        bio = forms.CharField(widget=forms.Textarea)

    with translation.override("zh-hant"):
        assert 'lang="zh-Hans"' in widget_in_its_language(BioForm(initial={"bio": "专注电池管理系统"})["bio"])
        assert "lang=" not in widget_in_its_language(BioForm(initial={"bio": "專注電池管理系統"})["bio"])
        assert "lang=" not in widget_in_its_language(BioForm(initial={"bio": "battery"})["bio"])
