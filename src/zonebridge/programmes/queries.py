"""Read side of programmes, shared by the pages, the API, the exports and the services."""

from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery

from zonebridge.programmes.models import (
    IN_THE_RUNNING,
    Application,
    ApplicationState,
    HostRank,
    NominationState,
    Offer,
    OfferState,
    Position,
    Round,
    RoundState,
)


def positions_open_to(application: Application) -> QuerySet:
    """The positions of the application's round its student may rank: open to every university, or to theirs."""
    return (Position.objects.filter(round=application.round_id)
            .filter(Q(universities=None) | Q(universities=application.university_id)).distinct()
            .select_related("host"))


def open_position_ids(application: Application) -> set[int]:
    """The ids of `positions_open_to(application)`."""
    return set(positions_open_to(application).values_list("pk", flat=True))


def candidates(round_: Round) -> QuerySet:
    """The applications in the running for the round's match."""
    return (Application.objects.filter(round=round_, state__in=IN_THE_RUNNING)
            .select_related("student", "university"))


def candidates_for(position: Position) -> QuerySet:
    """The candidates a position's host may rank: in the running, and of a university the position is open to."""
    queryset = candidates(position.round)
    universities = list(position.universities.values_list("pk", flat=True))
    return queryset.filter(university__in=universities) if universities else queryset


def student_ranking(application: Application) -> list[Position]:
    """The positions on a student's rank list, most wanted first."""
    return [rank.position for rank in application.ranks.select_related("position__host").order_by("rank")]


def host_ranking(position: Position) -> list[Application]:
    """The candidates on a position's rank list, most wanted first."""
    return [rank.application for rank in
            position.host_ranks.select_related("application__student", "application__university").order_by("rank")]


def ranked_results(round_: Round) -> QuerySet:
    """The round's applications by mean review score (best first), with the number of reviews."""
    return (Application.objects.filter(round=round_).exclude(state="withdrawn")
            .select_related("student", "university")
            .annotate(mean_score=Avg("reviews__total"), review_count=Count("reviews"))
            .order_by("-mean_score", "pk"))


def accepted_count(position: Position) -> int:
    """How many of the position's places are taken by accepted offers."""
    return position.offers.filter(state=OfferState.ACCEPTED).count()


def rounds_for_student(user) -> QuerySet:
    """Rounds the student has an application in."""
    return Round.objects.filter(applications__student=user).select_related("programme").distinct()


def offers_of(user) -> QuerySet:
    """A student's offers, newest first."""
    return Offer.objects.filter(application__student=user).select_related(
        "position__host", "round__programme", "application")


def visible_rounds() -> QuerySet:
    """Rounds anyone may see (not drafts)."""
    return Round.objects.exclude(state=RoundState.DRAFT)


def direct_offer_candidates(position: Position) -> QuerySet:
    """Candidates the operator may offer a free place of `position` to: in the round (or waitlisted), of a
    university it is open to, without an open or accepted offer, never offered this position, and who ranked it,
    were ranked by its host or were nominated; in the host's rank order first, then by review score."""
    queryset = Application.objects.filter(round=position.round_id,
                                          state__in=(*IN_THE_RUNNING, ApplicationState.WAITLISTED))
    universities = list(position.universities.values_list("pk", flat=True))
    if universities:
        queryset = queryset.filter(university__in=universities)
    placed = Offer.objects.filter(round=position.round_id, state__in=(OfferState.OPEN, OfferState.ACCEPTED))
    interested = (Q(pk__in=position.student_ranks.values("application_id"))
                  | Q(pk__in=position.host_ranks.values("application_id"))
                  | Q(nominations__state=NominationState.ACTIVE))
    host_rank = HostRank.objects.filter(position=position, application=OuterRef("pk")).values("rank")[:1]
    return (queryset.exclude(pk__in=placed.values("application_id"))
            .exclude(pk__in=position.offers.values("application_id"))
            .filter(interested).distinct()
            .annotate(host_rank=Subquery(host_rank))
            .select_related("student", "university")
            .order_by(F("host_rank").asc(nulls_last=True), F("score").desc(nulls_last=True), "pk"))
