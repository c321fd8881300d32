"""The bilingual glossary: loading the shipped file, and finding its concepts in English, 简体 and 繁體 texts."""

from __future__ import annotations

import pytest

from zonebridge.engine.retrieval.analysis import analyse, concept_token, is_concept_token
from zonebridge.engine.retrieval.glossary import Glossary, default_glossary
from zonebridge.engine.text import normalise

SMALL = "\n".join(
    [
        "en\tzh_hans\tzh_hant\tkind",
        "battery|batteries|battery cell\t电池|电芯\t電池|電芯\tproduct",
        "power battery|traction battery\t动力电池\t動力電池\tproduct",
        "electricity|power supply\t供电\t供電\tsector",
        "hospital|hospitals\t医院\t醫院\tsector",
        "tourism|hospitality\t旅游\t旅遊\tsector",
        "shanghai\t上海|沪\t上海|滬\tplace",
        "hong kong|hk\t香港\t香港\tplace",
        "science park|hong kong science park\t科学园|香港科学园\t科學園|香港科學園\tplace",
        "fintech\t金融科技\t金融科技\tsector",
    ]
)


@pytest.fixture(scope="module")
def small() -> Glossary:
    return Glossary.parse(SMALL)


def keys(glossary: Glossary, text: str) -> list[str]:
    return [mention.key for mention in glossary.find(normalise(text))]


def test_shipped_glossary_has_at_least_300_concepts_with_all_three_languages():
    glossary = default_glossary()
    assert len(glossary) >= 300
    for concept in glossary.concepts.values():
        assert concept.en and concept.zh_hans and concept.zh_hant, concept.key
        assert concept.kind, concept.key


def test_shipped_glossary_has_no_duplicate_concepts():
    glossary = default_glossary()
    english = [normalise(c.en[0]) for c in glossary.concepts.values()]
    simplified_sets = [frozenset(normalise(v) for v in c.zh_hans) for c in glossary.concepts.values()]
    assert len(set(english)) == len(english)
    assert len(set(simplified_sets)) == len(simplified_sets)


def test_shipped_glossary_links_the_readme_example():
    glossary = default_glossary()
    assert keys(glossary, "battery") == keys(glossary, "电池") == keys(glossary, "電池")
    assert keys(glossary, "Shanghai") == keys(glossary, "上海")


def test_parse_rejects_a_wrong_header_and_duplicate_concepts():
    with pytest.raises(ValueError, match="header"):
        Glossary.parse("english\tchinese\n")
    with pytest.raises(ValueError, match="duplicate concept 'battery'"):
        Glossary.parse("en\tzh_hans\tzh_hant\tkind\nbattery\t电池\t電池\tproduct\nbattery\t电芯\t電芯\tproduct\n")


def test_fingerprint_changes_with_the_content():
    assert Glossary.parse(SMALL).fingerprint == Glossary.parse(SMALL).fingerprint
    assert Glossary.parse(SMALL + "\nlogistics\t物流\t物流\tsector").fingerprint != Glossary.parse(SMALL).fingerprint


def test_english_matches_inflected_forms_and_any_case(small):
    assert keys(small, "Batteries from SHANGHAI") == ["battery", "shanghai"]


def test_traditional_and_simplified_find_the_same_concepts(small):
    assert keys(small, "香港科學園的電池") == keys(small, "香港科学园的电池")


def test_a_specific_term_also_mentions_the_general_one(small):
    assert sorted(keys(small, "动力电池")) == ["battery", "power battery"]
    assert sorted(keys(small, "Hong Kong Science Park")) == ["hong kong", "science park"]


def test_a_longer_variant_of_the_same_concept_counts_once(small):
    assert keys(small, "battery cells") == ["battery"]


def test_chinese_terms_do_not_match_across_word_boundaries(small):
    # 提供|电芯: the characters 供电 ("power supply") straddle two words.
    assert keys(small, "提供电芯") == ["battery"]
    assert keys(small, "稳定供电") == ["electricity"]


def test_a_stem_shared_by_two_concepts_only_matches_exact_words(small):
    assert keys(small, "hospitality") == ["tourism"]
    assert keys(small, "hospitals") == ["hospital"]


def test_single_character_variants_match(small):
    assert keys(small, "沪港合作") == ["shanghai"]


def test_concept_display_forms(small):
    battery = small["battery"]
    displays = (battery.display("en"), battery.display("zh_hans"), battery.display("zh_hant"))
    assert displays == ("battery", "电池", "電池")


def test_analysis_replaces_concept_words_by_one_shared_token(small):
    english = analyse("Batteries supplier", small)
    traditional = analyse("電池供應商", small)
    assert concept_token("battery") in english.tokens and concept_token("battery") in traditional.tokens
    assert "batteri" not in english.tokens  # counted once, as the concept
    assert "supplier" in english.tokens and "供应商" in traditional.tokens  # not in this glossary: plain words
    assert all(is_concept_token(t) == t.startswith("§") for t in english.tokens)


def test_analysis_records_how_each_concept_was_written(small):
    analysis = analyse("HK fintech 與上海電池廠", small)
    assert analysis.concepts["hong kong"] == {"en": "HK"}
    assert analysis.concepts["battery"] == {"zh_hant": "電池"}
    # 上海 is the same in both scripts: the text as a whole is Traditional.
    assert analysis.concepts["shanghai"] == {"zh_hant": "上海"}
    assert analyse("上海电池厂", small).concepts["shanghai"] == {"zh_hans": "上海"}


def test_analysis_without_concepts_keeps_plain_tokens(small):
    analysis = analyse("Seeking seed investors", small)
    assert analysis.concepts == {}
    assert analysis.tokens == ["seed", "investor"]
    assert analysis.words == {"seed": "seed", "investor": "investors"}
