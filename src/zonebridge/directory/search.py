"""Full-text search over organisations in any of the three languages.

Every organisation keeps `search_document`: the tokens of all its language versions after `engine.text`
normalisation (NFKC, case folding, OpenCC t2s, jieba segmentation, English stemming), joined by spaces.
A query goes through the same normalisation, so a 繁體 query finds a 简体 profile. The index is native to
each database: an FTS5 table kept in step by triggers on SQLite, a stored tsvector column with a GIN index on
PostgreSQL (see migration 0002).
"""

from django.db import connection
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from zonebridge.engine.text import tokenize

FTS_TABLE = "directory_organisation_fts"
SEARCH_CONFIG = "simple"


def build_search_document(organisation, sector_names: list[str]) -> str:
    """Return the normalised token string indexed for `organisation`."""
    parts = [
        getattr(organisation, f"{field}_{suffix}")
        for field in ("name", "summary", "description")
        for suffix in ("en", "zh_hans", "zh_hant")
    ]
    tokens = tokenize(" ".join(parts + sector_names))
    # Keep each distinct token once: ranking uses presence, and the row stays small.
    return " ".join(dict.fromkeys(tokens))


def query_tokens(query: str) -> list[str]:
    """Return the distinct normalised tokens of a user's query."""
    return list(dict.fromkeys(tokenize(query)))


def search_organisations(queryset: QuerySet, query: str) -> QuerySet:
    """Filter `queryset` to organisations matching every token of `query`, best match first."""
    tokens = query_tokens(query)
    if not tokens:
        return queryset.none()
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        tsquery = " & ".join(_quote_tsquery(token) for token in tokens)
        matches = f"SELECT id FROM {table} WHERE search_vector @@ to_tsquery('{SEARCH_CONFIG}', %s)"
        # ts_rank: larger is better; negate it so both back ends sort ascending.
        rank = f"-ts_rank({table}.search_vector, to_tsquery('{SEARCH_CONFIG}', %s))"
        params = [tsquery]
    else:
        # FTS5's rank is bm25, smaller is better; the correlated lookup by rowid is an index probe.
        match = " ".join('"' + token.replace('"', '""') + '"' for token in tokens)
        matches = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        rank = f"(SELECT rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = {table}.id)"
        params = [match]
    return (
        queryset.filter(pk__in=RawSQL(matches, params))
        .annotate(search_rank=RawSQL(rank, params, output_field=FloatField()))
        .order_by("search_rank", "pk")
    )


def _quote_tsquery(token: str) -> str:
    """Quote one token as a tsquery lexeme, so query syntax in user input stays literal."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
