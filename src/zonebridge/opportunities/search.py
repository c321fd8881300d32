"""The marketplace's corpus for the engine, and search over postings in any language.

`OPPORTUNITIES` (a `core.shared_index.SharedIndex`) indexes every posting that is not withdrawn (expired ones
stay in the index: the listings' query condition drops them, and extending a posting needs no re-embedding).
The organisations that fit a posting come from the directory's profiles index, `directory.ranking`.

A search asks the engine for every related posting, then keeps, in the engine's order, those the database
query allows (open, visible to the reader, the chosen filters): `SharedIndex.ranked`.
"""

from django.db.models import Q, QuerySet

from zonebridge.core.shared_index import Hit, SharedIndex
from zonebridge.engine.retrieval import Document
from zonebridge.opportunities.models import Language, Opportunity

# Chinese punctuation after which a title runs on into its description without a space.
FULL_STOPS = ("。", "！", "？", "；", "，", "：", "、")


def opportunity_text(opportunity: Opportunity) -> str:
    """What the engine reads of a posting: title and description as the author wrote them (and in English
    when the author wrote an English version too)."""
    source = opportunity.language if opportunity.language != Language.EN else opportunity.chinese_source
    parts = []
    for suffix in dict.fromkeys([opportunity.language, "en", source]):
        title = getattr(opportunity, f"title_{suffix}")
        description = getattr(opportunity, f"description_{suffix}")
        if title or description:
            # A Chinese title that ends a sentence runs on into the description as the author would write it.
            separator = "" if title.endswith(FULL_STOPS) or (_ideograph(title[-1:]) and _ideograph(description[:1])) \
                else " "
            parts.append(f"{title}{separator}{description}".strip())
    return "\n".join(parts)


def _ideograph(character: str) -> bool:
    return bool(character) and "\u3400" <= character <= "\u9fff"


def opportunity_documents(ids=None) -> list[Document]:
    """Engine documents of the postings with `ids` (all when None) that belong in the index."""
    rows = Opportunity.objects.filter(withdrawn_at__isnull=True).select_related("organisation__home_zone")
    if ids is not None:
        rows = rows.filter(pk__in=[int(i) for i in ids])
    # The engine's `kind` facet is the direction: a need is answered by offers (the engine's complementary-kind
    # rule, evaluation.ANSWERING_KIND); the category (partnership, job…) is filtered in the database.
    return [Document(str(o.pk), opportunity_text(o), zone=o.organisation.home_zone.slug, kind=o.direction)
            for o in rows.order_by("pk")]


def _changed_opportunities(moment) -> list[str]:
    return [str(pk) for pk in Opportunity.objects.filter(updated_at__gte=moment).values_list("pk", flat=True)]


OPPORTUNITIES = SharedIndex("opportunities", opportunity_documents, _changed_opportunities)


def ranked_hits(queryset: QuerySet, query: str, direction: str = "") -> list[Hit]:
    """The postings of `queryset` that match `query`, in the engine's order, with reasons (`direction`: only
    offers or only needs, filtered in the engine too so that its scaling sees the same candidates)."""
    hits = OPPORTUNITIES.ranked(queryset, query, filters={"kind": direction} if direction else None)
    return _fallback_hits(queryset, query) if hits is None else hits


def _fallback_hits(queryset: QuerySet, query: str) -> list[Hit]:
    # Before the first index build (a fresh install): plain substring matches, newest first, so search works.
    words = query.split()
    condition = Q()
    for word in words:
        condition &= (Q(title_en__icontains=word) | Q(title_zh_hans__icontains=word) | Q(title_zh_hant__icontains=word)
                      | Q(description_en__icontains=word) | Q(description_zh_hans__icontains=word)
                      | Q(description_zh_hant__icontains=word))
    ids = queryset.filter(condition).values_list("pk", flat=True)[:500] if words else []
    return [Hit(pk, 0.0, ()) for pk in ids]
