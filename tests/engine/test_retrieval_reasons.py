"""Reasons (`why`) and score fusion."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from zonebridge.engine.retrieval.analysis import TextAnalysis, concept_token
from zonebridge.engine.retrieval.fusion import Fusion
from zonebridge.engine.retrieval.reasons import MAX_REASONS, SIMILAR_MEANING_COSINE, explain


def query(concepts=None, words=None) -> TextAnalysis:
    return TextAnalysis(tokens=[], words=words or {}, concepts=concepts or {})


def flat_idf(_token: str) -> float:
    return 1.0


def test_cross_language_concept_reads_as_a_pair_query_side_first():
    why = explain(query({"battery": {"en": "batteries"}}), {"battery": {"zh_hant": "電池"}}, set(), flat_idf, 0.2)
    assert why == ["batteries ↔ 電池"]


def test_same_language_concept_reads_as_the_query_wrote_it():
    why = explain(query({"battery": {"en": "Battery"}}), {"battery": {"en": "batteries", "zh_hans": "电池"}},
                  set(), flat_idf, 0.2)
    assert why == ["Battery"]


def test_scripts_pair_only_when_the_spelling_differs():
    assert explain(query({"investment": {"zh_hant": "投資"}}), {"investment": {"zh_hans": "投资"}},
                   set(), flat_idf, 0.2) == ["投資 ↔ 投资"]
    assert explain(query({"fintech": {"zh_hant": "金融科技"}}), {"fintech": {"zh_hans": "金融科技"}},
                   set(), flat_idf, 0.2) == ["金融科技"]


def test_shared_words_and_concepts_are_ordered_by_weight():
    idf = {concept_token("shanghai"): 0.5, concept_token("battery"): 2.0, "seed": 1.0}.get
    why = explain(
        query({"shanghai": {"en": "Shanghai"}, "battery": {"en": "battery"}}, {"seed": "seed", "app": "app"}),
        {"shanghai": {"zh_hans": "上海"}, "battery": {"zh_hans": "电池"}},
        {"seed"},
        lambda token: idf(token, 0.0),
        0.2,
    )
    assert why == ["battery ↔ 电池", "seed", "Shanghai ↔ 上海"]


def test_nested_reasons_are_not_repeated():
    weights = {concept_token("cross-border payments"): 3.0, concept_token("cross-border"): 1.0}.get
    why = explain(
        query({"cross-border payments": {"en": "cross-border payments"}, "cross-border": {"en": "cross-border"}}),
        {"cross-border payments": {"zh_hant": "跨境支付"}, "cross-border": {"zh_hant": "跨境"}},
        set(), lambda token: weights(token, 0.0), 0.2,
    )
    assert why == ["cross-border payments ↔ 跨境支付"]


def test_at_most_max_reasons():
    words = {f"w{i}": f"word{i}" for i in range(10)}
    assert len(explain(query(words=words), {}, set(words), flat_idf, 0.9)) == MAX_REASONS


def test_similar_meaning_only_without_shared_terms_and_above_the_threshold():
    assert explain(query(), {}, set(), flat_idf, SIMILAR_MEANING_COSINE + 0.01) == ["similar meaning"]
    assert explain(query(), {}, set(), flat_idf, SIMILAR_MEANING_COSINE - 0.01) == []


@pytest.mark.parametrize("fusion", [Fusion("rrf"), Fusion("convex", 0.3), Fusion("convex", 0.8)])
def test_fusion_prefers_the_candidate_best_on_both(fusion):
    lexical = np.array([0.0, 5.0, 2.0, 0.0])
    semantic = np.array([0.1, 0.8, 0.5, 0.3])
    fused = fusion.fuse(lexical, semantic)
    assert int(np.argmax(fused)) == 1
    assert fused.max() == pytest.approx(1.0)


def test_fusion_rejects_unknown_methods_and_weights():
    with pytest.raises(ValueError):
        Fusion("sum")
    with pytest.raises(ValueError):
        Fusion("convex", 1.5)


def test_fusion_of_nothing_is_empty():
    assert Fusion().fuse(np.zeros(0), np.zeros(0)).size == 0


scores = arrays(np.float64, st.integers(2, 30), elements=st.floats(0, 10, allow_nan=False))


@settings(max_examples=200, deadline=None)
@given(scores, st.data(), st.sampled_from([Fusion("rrf"), Fusion("convex", 0.5)]))
def test_fusion_is_bounded_and_monotone(lexical, data, fusion):
    semantic = data.draw(arrays(np.float64, lexical.size, elements=st.floats(-1, 1, allow_nan=False)))
    fused = fusion.fuse(lexical, semantic)
    assert fused.shape == lexical.shape
    assert np.all(fused >= -1e-9) and np.all(fused <= 1 + 1e-9)
    # Raising one candidate's lexical score to the top never lowers its fused standing.
    i = data.draw(st.integers(0, lexical.size - 1))
    boosted = lexical.copy()
    boosted[i] = lexical.max() + 1.0
    before = np.sum(fused > fused[i])
    after_fused = fusion.fuse(boosted, semantic)
    assert np.sum(after_fused > after_fused[i]) <= before
