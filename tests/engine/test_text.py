"""Normalisation and tokenisation shared by search and matching: one script, one case, one token stream."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zonebridge.engine import text as text_module
from zonebridge.engine.text import (
    convert_script,
    is_traditional,
    normalise,
    segment_chinese,
    split_words,
    tokenize,
    tokens_with_words,
    word_spans,
)


def test_normalise_folds_width_case_and_script():
    assert normalise("Ｌｉｎｇａｎｇ ＡＩ") == "lingang ai"
    assert normalise("BATTERY Supplier") == "battery supplier"
    assert normalise("尋找上海新能源汽車電池供應商") == "寻找上海新能源汽车电池供应商"


def test_traditional_query_gets_the_tokens_of_the_simplified_document():
    assert tokenize("新能源汽車電池供應商") == tokenize("新能源汽车电池供应商")
    assert "电池" in tokenize("電池")


def test_full_width_and_case_do_not_change_tokens():
    assert tokenize("ＦＩＮＴＥＣＨ Ａｐｐ") == tokenize("fintech app") == ["fintech", "app"]


def test_english_is_stemmed_and_stop_words_dropped():
    assert tokenize("Seeking batteries for the vehicles") == tokenize("battery vehicle")
    assert tokenize("Seeking batteries", stem=False) == ["batteries"]
    assert tokenize("the and of") == []


def test_latin_words_stop_at_chinese_characters():
    assert tokenize("提供28nm至55nm流片服务") == ["提供", "28nm", "至", "55nm", "流片", "服务"]
    assert tokenize("GMP的原液") == ["gmp", "原液"]


def test_possessive_is_dropped():
    assert tokenize("Lingang’s labs") == tokenize("Lingang lab")


def test_chinese_request_words_are_stop_words_like_their_english_counterparts():
    assert tokenize("寻找电池供应商") == tokenize("电池供应商")
    assert tokenize("seeking battery supplier") == tokenize("battery supplier")


@pytest.mark.parametrize("place", ["临港新片区", "将军澳工业邨", "数码港", "北部都会区", "河套"])
def test_zone_and_place_names_stay_whole(place):
    assert place in tokenize(f"位于{place}的初创企业")


def test_place_names_in_traditional_are_found_after_conversion():
    assert "将军澳工业邨" in tokenize("將軍澳工業邨的數據中心")


def test_search_mode_also_yields_parts_of_long_words():
    words = segment_chinese("临港新片区")
    assert "临港新片区" in words and "临港" in words


@pytest.mark.parametrize("run", ["临港新片区新能源汽车电池供应商", "粤港澳大湾区前海深港合作区", "中华人民共和国"])
def test_segment_chinese_is_jiebas_search_mode(run):
    # segment_chinese rebuilds search mode from one precise-mode pass (shared with the glossary matcher).
    assert segment_chinese(run) == list(text_module._segmenter().cut_for_search(run))


def test_split_words_keeps_offsets_and_stop_words():
    words = split_words(normalise("临港的AI实验室"))
    assert [(w.text, w.start, w.end, w.chinese) for w in words] == [
        ("临港", 0, 2, True), ("的", 2, 3, True), ("ai", 3, 5, False), ("实验室", 5, 8, True)
    ]


def test_tokens_with_words_keeps_the_word_behind_each_stem():
    assert tokens_with_words("Batteries for EVs") == [("batteri", "batteries"), ("ev", "evs")]
    assert tokens_with_words("電池 batteries") == [("电池", "电池"), ("batteri", "batteries")]


def test_is_traditional():
    assert is_traditional("香港金融科技初創企業")
    assert not is_traditional("临港新片区动力电池制造商")
    assert not is_traditional("Battery supplier")
    assert not is_traditional("")


def test_convert_script_round_trip_and_unknown_config():
    assert convert_script("电池供应商", "s2hk") == "電池供應商"
    assert convert_script("電池供應商", "hk2s") == "电池供应商"
    with pytest.raises(ValueError):
        convert_script("电池", "x2y")


def test_word_spans_tile_the_text():
    text = normalise("临港新片区的电池工厂")
    spans = word_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))


# A small alphabet of what profiles are written with: ASCII, full-width letters, both Chinese scripts.
_ALPHABET = st.sampled_from(list("abcXYZ019 -.,") + list("ＡＢｃ１") + list("电池電池汽车汽車临港臨港香港科技的和"))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=30))
def test_tokenize_is_stable_under_normalisation(text):
    tokens = tokenize(text)
    assert tokenize(normalise(text)) == tokens
    assert all(token and token == token.strip() and token == token.casefold() for token in tokens)


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=30))
def test_simplified_and_traditional_spellings_tokenize_alike(text):
    assert tokenize(convert_script(text, "s2hk")) == tokenize(convert_script(text, "hk2s"))
