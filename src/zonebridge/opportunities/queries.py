"""Read side of the marketplace: listings with filters, relevance search, stored recommendations, interests."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, QuerySet

from zonebridge.core.shared_index import Hit, RankedRows
from zonebridge.directory.models import Sector, Zone
from zonebridge.opportunities.models import (
    InterestExpression,
    Opportunity,
    Recommendation,
    RecommendationKind,
)
from zonebridge.opportunities.search import ranked_hits
from zonebridge.policy import opportunities as policy


def listed_opportunities(user) -> QuerySet:
    """Open postings `user` may see, with what a list row shows."""
    return (Opportunity.objects.filter(policy.open_q()).filter(policy.visible_q(user))
            .select_related("organisation__home_zone", "target_zone").prefetch_related("sectors"))


def apply_filters(queryset: QuerySet, *, kind: str = "", sector: Sector | None = None, zone: Zone | None = None,
                  since: date | None = None, direction: str = "") -> QuerySet:
    """Narrow postings by kind, sector (with its sub-sectors), zone (where posted or targeted) and posting date."""
    if kind:
        queryset = queryset.filter(kind=kind)
    if direction:
        queryset = queryset.filter(direction=direction)
    if sector is not None:
        sectors = Sector.objects.filter(Q(pk=sector.pk) | Q(parent=sector)).values("pk")
        tagged = Opportunity.sectors.through.objects.filter(sector__in=sectors).values("opportunity_id")
        queryset = queryset.filter(pk__in=tagged)
    if zone is not None:
        queryset = queryset.filter(Q(organisation__home_zone=zone) | Q(target_zone=zone))
    if since is not None:
        queryset = queryset.filter(created_at__date__gte=since)
    return queryset


@dataclass
class SearchResult:
    """A posting with, when a query ranked it, its score and reasons."""

    opportunity: Opportunity
    score: float | None = None
    why: tuple[str, ...] = ()


class RankedList(RankedRows):
    """Ranked postings, each with its score and reasons; only the page shown is loaded (Paginator-compatible)."""

    def shown_as(self, row, hit: Hit) -> SearchResult:
        """A posting with the engine's score and reasons."""
        return SearchResult(row, hit.score, hit.why)


class PlainList(RankedList):
    """Newest first, no query: the same interface as RankedList."""

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset.order_by("-created_at", "-pk")

    def __len__(self) -> int:
        return self.queryset.count()

    def count(self) -> int:
        """The number of postings."""
        return len(self)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [SearchResult(o) for o in self.queryset[item]]
        return SearchResult(self.queryset[item])


def search(user, *, q: str = "", **filters) -> RankedList:
    """Open postings `user` may see, filtered; ranked by the cross-lingual engine when there is a query."""
    queryset = apply_filters(listed_opportunities(user), **filters)
    if q and q.strip():
        return RankedList(queryset, ranked_hits(queryset, q.strip(), filters.get("direction") or ""))
    return PlainList(queryset)


def recommended_for(user, organisation, limit: int = 10) -> list[Recommendation]:
    """The stored recommendations of `organisation` that are still open and that `user` may see."""
    listed = listed_opportunities(user).values("pk")
    return list(Recommendation.objects.filter(kind=RecommendationKind.FOR_ORGANISATION, organisation=organisation,
                                              opportunity__in=listed)
                .select_related("opportunity__organisation__home_zone").order_by("rank")[:limit])


def organisations_fitting(opportunity, limit: int = 10) -> list[Recommendation]:
    """The stored organisations that fit `opportunity`, best first."""
    return list(Recommendation.objects.filter(kind=RecommendationKind.FITS_POSTING, opportunity=opportunity)
                .select_related("organisation__home_zone").order_by("rank")[:limit])


def interests_for(user) -> dict[str, QuerySet]:
    """The interests `user` sent (for their organisations) and received (on their organisations' postings)."""
    organisations = policy.organisations_acting_for(user).values("pk")
    base = InterestExpression.objects.select_related(
        "organisation__home_zone", "opportunity__organisation__home_zone", "sent_by")
    return {
        "sent": base.filter(organisation__in=organisations),
        "received": base.filter(opportunity__organisation__in=organisations),
    }


def cross_zone_interests(user) -> QuerySet:
    """Every interest between two zones, at least one of them operated by `user` (all for superusers)."""
    base = InterestExpression.objects.select_related(
        "organisation__home_zone", "opportunity__organisation__home_zone", "sent_by").exclude(
        organisation__home_zone=F("opportunity__organisation__home_zone"))
    if user.is_superuser:
        return base
    zones = user.operated_zones.values("pk")
    return base.filter(Q(organisation__home_zone__in=zones) | Q(opportunity__organisation__home_zone__in=zones))

