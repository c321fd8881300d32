"""Read-side queries of the directory, shared by the pages and the API."""

from django.db.models import Q, QuerySet

from zonebridge.directory.models import Organisation, Sector
from zonebridge.directory.ranking import by_relevance
from zonebridge.directory.search import search_organisations


def organisations_for_listing() -> QuerySet:
    """Organisations with what a list row shows, in as few queries as possible."""
    return Organisation.objects.select_related("home_zone").prefetch_related("sectors").defer(
        "search_document", "description_en", "description_zh_hans", "description_zh_hant"
    )


def apply_filters(queryset: QuerySet, *, zone=None, kind="", sector=None, stage="", q="") -> QuerySet:
    """Narrow organisations by zone, kind, sector (with its sub-sectors), stage and full-text query (matched by
    the database, ordered by the cross-lingual engine)."""
    if zone:
        queryset = queryset.filter(home_zone=zone)
    if kind:
        queryset = queryset.filter(kind=kind)
    if stage:
        queryset = queryset.filter(stage=stage)
    if sector:
        sectors = Sector.objects.filter(Q(pk=sector.pk) | Q(parent=sector))
        tagged = Organisation.sectors.through.objects.filter(sector__in=sectors).values("organisation_id")
        queryset = queryset.filter(pk__in=tagged)
    if q and q.strip():
        return by_relevance(search_organisations(queryset, q), q)
    return queryset.order_by("name_en", "pk")


def filtered_organisations(form) -> QuerySet:
    """Apply a bound OrganisationFilterForm (or nothing when it is unbound or invalid)."""
    queryset = organisations_for_listing()
    if not form.is_bound:
        return queryset.order_by("name_en", "pk")
    if not form.is_valid():
        return queryset.none()
    return apply_filters(queryset, **form.cleaned_data)

