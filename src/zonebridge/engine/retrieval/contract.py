"""The `rank` JSON contract (shared/contracts/README.md): validate the input, build an index, answer queries.

Input:  {"documents": [{"id", "text", "zone"?, "kind"?, "sector"?}],
         "queries": [{"id", "text", "filters"?: {"zone"|"kind"|"sector": str | [str]}}], "k"?: int (default 10)}
Output: {"results": {query id: [{"id", "score", "why", "lexical", "semantic"}, ...best first, at most k]},
         "stats": {...}}
"""

from __future__ import annotations

import time
from typing import Any

from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.retrieval.index import FILTER_FIELDS, Document, RankIndex

DEFAULT_K = 10
MAX_K = 10_000


def run_document(document: dict) -> dict:
    """Rank the documents for every query of a `rank` input document; InvalidInput lists every problem."""
    started = time.perf_counter()
    documents, queries, k = _validate(document)
    index = RankIndex.build(documents)
    texts = [query["text"] for query in queries]
    filters = [query.get("filters") for query in queries]
    ranked = index.search_many(texts, k, filters) if queries else []
    results = {
        query["id"]: [
            {
                "id": match.id,
                "score": round(match.score, 4),
                "why": match.why,
                "lexical": round(match.lexical, 4),
                "semantic": round(match.semantic, 4),
            }
            for match in matches
        ]
        for query, matches in zip(queries, ranked)
    }
    stats = {
        "documents": len(documents),
        "queries": len(queries),
        "k": k,
        "encoder": index.encoder.name,
        "fusion": index.fusion.method,
        "seconds": round(time.perf_counter() - started, 4),
    }
    return {"results": results, "stats": stats}


def _validate(document: dict) -> tuple[list[Document], list[dict[str, Any]], int]:
    """Check the whole input in one pass and return documents, queries and k, or raise with all problems."""
    problems: list[str] = []
    documents: list[Document] = []
    queries: list[dict[str, Any]] = []

    raw_documents = document.get("documents")
    if not isinstance(raw_documents, list):
        problems.append("documents: must be a list" if "documents" in document else "documents: missing")
        raw_documents = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw_documents):
        where = f"documents[{i}]"
        if not _check_item(item, where, seen, problems):
            continue
        for name in FILTER_FIELDS:
            if item.get(name) is not None and not isinstance(item[name], str):
                problems.append(f"{where}.{name}: must be a string")
        documents.append(Document(item["id"], item["text"], item.get("zone"), item.get("kind"), item.get("sector")))

    raw_queries = document.get("queries")
    if not isinstance(raw_queries, list):
        problems.append("queries: must be a list" if "queries" in document else "queries: missing")
        raw_queries = []
    seen = {}
    for i, item in enumerate(raw_queries):
        where = f"queries[{i}]"
        if not _check_item(item, where, seen, problems):
            continue
        filters = item.get("filters")
        if filters is not None:
            _check_filters(filters, f"{where}.filters", problems)
        queries.append({"id": item["id"], "text": item["text"], "filters": filters or None})

    k = document.get("k", DEFAULT_K)
    if isinstance(k, bool) or not isinstance(k, int):
        problems.append(f"k: must be an integer, not {_json_type(k)}")
    elif not 1 <= k <= MAX_K:
        problems.append(f"k: must be between 1 and {MAX_K}, not {k}")

    if problems:
        raise InvalidInput(problems)
    return documents, queries, k


def _check_item(item: object, where: str, seen: dict[str, int], problems: list[str]) -> bool:
    """Check an `{"id", "text"}` object; record problems; return whether it is usable."""
    if not isinstance(item, dict):
        problems.append(f"{where}: must be an object with id and text, not {_json_type(item)}")
        return False
    usable = True
    item_id = item.get("id")
    if not isinstance(item_id, str) or not item_id:
        problems.append(f"{where}.id: must be a non-empty string" if "id" in item else f"{where}.id: missing")
        usable = False
    elif item_id in seen:
        problems.append(f'{where}.id: duplicate id "{item_id}" (first at index {seen[item_id]})')
        usable = False
    else:
        seen[item_id] = int(where[where.index("[") + 1 : -1])
    if not isinstance(item.get("text"), str):
        problems.append(f"{where}.text: must be a string" if "text" in item else f"{where}.text: missing")
        usable = False
    return usable


def _check_filters(filters: object, where: str, problems: list[str]) -> None:
    if not isinstance(filters, dict):
        problems.append(f"{where}: must be an object like {{\"zone\": \"lingang\"}}, not {_json_type(filters)}")
        return
    for name, value in filters.items():
        if name not in FILTER_FIELDS:
            problems.append(f"{where}.{name}: unknown filter; filters are {', '.join(FILTER_FIELDS)}")
        elif isinstance(value, list):
            if not value or not all(isinstance(v, str) for v in value):
                problems.append(f"{where}.{name}: must be a string or a non-empty list of strings")
        elif not isinstance(value, str):
            problems.append(f"{where}.{name}: must be a string or a non-empty list of strings")


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
