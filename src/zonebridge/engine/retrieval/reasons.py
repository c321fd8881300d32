"""Short, human-readable reasons for a match: the concepts and words a query and a document share.

A concept written in different languages on the two sides reads as a pair, query side first, each side as
its author wrote it (case, plural, script): "batteries ↔ 電池", "fintech ↔ 金融科技", "電池 ↔ battery",
"投資 ↔ 投资". A concept written in the same language on both sides, or a shared word, reads as the query
wrote it. A word linked through the induced lexicon (see `lexicon`) reads as a pair of normalised words
("helmet ↔ 安全帽"). Reasons are ordered by how much they weigh in BM25 (rarer terms first), and when nothing
lexical is shared but the meaning is close, the reason says so.
"""

from __future__ import annotations

from collections.abc import Callable

from zonebridge.engine.retrieval.analysis import TextAnalysis, concept_token
from zonebridge.engine.retrieval.lexicon import Translation

MAX_REASONS = 4
PAIR = " ↔ "
# Below this cosine, "similar meaning" would be a stretch; USE scores unrelated texts around 0.1–0.3.
SIMILAR_MEANING_COSINE = 0.45


def concept_reason(query_forms: dict[str, str], document_forms: dict[str, str]) -> tuple[str, str]:
    """The query-side and document-side written forms of one shared concept (the same form if one language)."""
    for language, form in query_forms.items():
        if language in document_forms:
            return form, form
    return next(iter(query_forms.values())), next(iter(document_forms.values()))


def explain(
    query: TextAnalysis,
    document_concepts: dict[str, dict[str, str]],
    shared_words: set[str],
    idf: Callable[[str], float],
    cosine: float,
    translations: list[Translation] = (),
) -> list[str]:
    """Up to `MAX_REASONS` reasons why the document matches the query, strongest first."""
    weighted: list[tuple[float, tuple[str, str]]] = []
    for key, forms in query.concepts.items():
        if key in document_concepts:
            weighted.append((idf(concept_token(key)), concept_reason(forms, document_concepts[key])))
    for token, word in query.words.items():
        if token in shared_words:
            weighted.append((idf(token), (word, word)))
    for translation in translations:
        weighted.append((idf(translation.token) * translation.weight, (translation.query_word, translation.word)))
    weighted.sort(key=lambda item: -item[0])
    kept: list[tuple[str, str]] = []
    for _, (query_form, document_form) in weighted:
        # "cross-border" adds nothing after "cross-border payments ↔ 跨境支付", nor 片区 after 临港新片区, nor
        # "construction ↔ 建筑工地" after "construction ↔ 建筑".
        if not any(_overlaps(query_form, q) and _overlaps(document_form, d) for q, d in kept):
            kept.append((query_form, document_form))
    reasons = [_reason_text(q, d) for q, d in kept[:MAX_REASONS]]
    if not reasons and cosine >= SIMILAR_MEANING_COSINE:
        reasons.append("similar meaning")
    return reasons


def _overlaps(a: str, b: str) -> bool:
    return a in b or b in a


def _reason_text(query_form: str, document_form: str) -> str:
    # 金融科技 reads the same in both scripts, "Shanghai" and "shanghai" too: a pair would only repeat it.
    if query_form.casefold() == document_form.casefold():
        return query_form
    return query_form + PAIR + document_form
