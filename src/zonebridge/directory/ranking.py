"""Organisation profiles as a corpus of the cross-lingual engine, and search results in the engine's order.

The database's full-text search (`directory.search`) decides which organisations match a query, with the
filters of the listing; the engine (`core.shared_index`) decides their order, so "robot" lists a robot maker
above a customer-service AI start-up that merely mentions robots. The same index finds the organisations that
fit a marketplace posting (`opportunities.recommendations`).

A saved profile is re-indexed by a task after commit, once the index has been built (by
`zonebridge rebuild_search_index`, its admin action, or the demo seed); until then results keep the database's
own ranking.
"""

from django.db.models import QuerySet

from zonebridge.core.shared_index import RankedRows, SharedIndex
from zonebridge.directory.models import Organisation
from zonebridge.engine.retrieval import Document


def organisation_text(organisation: Organisation) -> str:
    """What the engine reads of a profile: name, summary and description in English and the Chinese source."""
    parts = []
    for suffix in ("en", organisation.chinese_source):
        text = " ".join(getattr(organisation, f"{field}_{suffix}") for field in ("name", "summary", "description"))
        if text.strip():
            parts.append(text.strip())
    return "\n".join(parts)


def organisation_documents(ids=None) -> list[Document]:
    """Engine documents of the organisations with `ids` (all when None)."""
    rows = Organisation.objects.select_related("home_zone")
    if ids is not None:
        rows = rows.filter(pk__in=[int(i) for i in ids])
    return [Document(str(o.pk), organisation_text(o), zone=o.home_zone.slug, kind=o.kind)
            for o in rows.order_by("pk")]


def _changed_organisations(moment) -> list[str]:
    return [str(pk) for pk in Organisation.objects.filter(updated_at__gte=moment).values_list("pk", flat=True)]


ORGANISATIONS = SharedIndex("organisations", organisation_documents, _changed_organisations)


def by_relevance(matches: QuerySet, query: str) -> QuerySet | RankedRows:
    """The organisations of `matches` (already matched in the database) in the engine's order for `query`;
    those the engine does not relate to the query follow in the database's order. Unchanged before the
    first index build."""
    hits = ORGANISATIONS.ranked(matches, query, keep_unrelated=True)
    return matches if hits is None else RankedRows(matches, hits)
