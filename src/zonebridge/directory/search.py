"""Full-text search over organisations in any of the three languages.

Every organisation keeps `search_document`: the tokens of all its language versions after `engine.text`
normalisation (NFKC, case folding, OpenCC t2s, jieba segmentation, English stemming), plus one *concept term*
per term of the engine's bilingual glossary that the text mentions ("battery", "电池" and "電芯" all add the
same term), joined by spaces. A query goes through the same normalisation, so a 繁體 query finds a 简体
profile; and each glossary term in a query matches either its concept or its own words, so "robot" finds a
profile that only says 機械人, while "payments" still finds one that says "cross-border payments".

The index is native to each database: an FTS5 table kept in step by triggers on SQLite, a stored tsvector
column with a GIN index on PostgreSQL (see migration 0002).
"""

import hashlib
from dataclasses import dataclass

from django.db import connection
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from zonebridge.core.trilingual import all_language_texts
from zonebridge.engine.retrieval.analysis import words_and_mentions
from zonebridge.engine.retrieval.glossary import Mention, default_glossary
from zonebridge.engine.text import word_tokens

FTS_TABLE = "directory_organisation_fts"
SEARCH_CONFIG = "simple"


@dataclass(frozen=True)
class QueryTerm:
    """One thing a query asks for: all of `words`, or else the glossary concept they name (when there is one)."""

    words: tuple[str, ...]
    concept: str | None = None


def concept_term(key: str) -> str:
    """The index term of a glossary concept: letters and digits only, so FTS5 and tsvector keep it whole."""
    return "zbc" + hashlib.blake2s(key.encode(), digest_size=6).hexdigest()


def build_search_document(organisation, sector_names: list[str]) -> str:
    """Return the normalised token string indexed for `organisation`."""
    parts = all_language_texts(organisation, organisation.TRILINGUAL_FIELDS)
    _normalised, words, mentions = words_and_mentions(" ".join(parts + sector_names), default_glossary())
    tokens = [token for word in words for token, _ in word_tokens(word)]
    tokens += [concept_term(mention.key) for mention in mentions]
    # Keep each distinct token once: ranking uses presence, and the row stays small.
    return " ".join(dict.fromkeys(tokens))


def query_terms(query: str) -> list[QueryTerm]:
    """Return what a user's query asks for, one QueryTerm per glossary mention or other word, in order."""
    _normalised, words, mentions = words_and_mentions(query, default_glossary())
    terms: list[QueryTerm] = []
    covered: set[int] = set()
    for mention in _outermost(mentions):
        inside = [i for i, word in enumerate(words) if word.start < mention.end and mention.start < word.end]
        covered.update(inside)
        tokens = tuple(dict.fromkeys(token for i in inside for token, _ in word_tokens(words[i])))
        terms.append(QueryTerm(tokens, concept_term(mention.key)))
    for i, word in enumerate(words):
        if i not in covered:
            terms.extend(QueryTerm((token,)) for token, _ in word_tokens(word))
    return list(dict.fromkeys(terms))


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside a longer one: "cross-border payments" asks for that, not also for "payments"."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, m.start - m.end)):
        if not any(k.start <= mention.start and mention.end <= k.end for k in kept):
            kept.append(mention)
    return kept


def _fts5_query(terms: list[QueryTerm]) -> str:
    def quoted(token: str) -> str:
        return '"' + token.replace('"', '""') + '"'

    def term(query_term: QueryTerm) -> str:
        words = " AND ".join(quoted(token) for token in query_term.words)
        if query_term.concept is None:
            return words
        return f"({quoted(query_term.concept)} OR ({words}))" if words else quoted(query_term.concept)

    return " AND ".join(term(query_term) for query_term in terms)


def _tsquery(terms: list[QueryTerm]) -> str:
    def quoted(token: str) -> str:
        # A quoted lexeme keeps query syntax in user input literal.
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"

    def term(query_term: QueryTerm) -> str:
        words = " & ".join(quoted(token) for token in query_term.words)
        if query_term.concept is None:
            return f"({words})"
        return f"({quoted(query_term.concept)} | ({words}))" if words else quoted(query_term.concept)

    return " & ".join(term(query_term) for query_term in terms)


def search_organisations(queryset: QuerySet, query: str) -> QuerySet:
    """Filter `queryset` to organisations matching every term of `query`, best match first."""
    terms = query_terms(query)
    if not terms:
        return queryset.none()
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        matches = f"SELECT id FROM {table} WHERE search_vector @@ to_tsquery('{SEARCH_CONFIG}', %s)"
        # ts_rank: larger is better; negate it so both back ends sort ascending.
        rank = f"-ts_rank({table}.search_vector, to_tsquery('{SEARCH_CONFIG}', %s))"
        params = [_tsquery(terms)]
    else:
        # FTS5's rank is bm25, smaller is better. The matches and their ranks are computed once per query
        # (a materialised CTE, probed per row): a MATCH per row made a common word's search 40 ms slower.
        matches = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        rank = (f"(WITH ranked AS MATERIALIZED (SELECT rowid AS id, rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
                f" SELECT rank FROM ranked WHERE ranked.id = {table}.id)")
        params = [_fts5_query(terms)]
    return (
        queryset.filter(pk__in=RawSQL(matches, params))
        .annotate(search_rank=RawSQL(rank, params, output_field=FloatField()))
        .order_by("search_rank", "pk")
    )
