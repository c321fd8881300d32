"""REST API of a round's lists (`/api/v1/programmes/rounds/{id}/...`), what the operators', coordinators' and
reviewers' pages show: nominations with the quotas, the review's ranked results, the second round, and every list
the pages export as CSV or XLSX. Registered on the programmes router (see `api.py`)."""

from datetime import datetime
from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.responses import Status

from zonebridge.api_auth import ApiKeyAuth
from zonebridge.core.errors import NotAllowed
from zonebridge.policy import programmes as policy
from zonebridge.programmes import exports, services
from zonebridge.programmes.api import RoundOut, router
from zonebridge.programmes.models import Round, RoundState

ListName = Literal[tuple(exports.LISTS)]
Format = Literal["csv", "xlsx"]
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class QuotaUseOut(Schema):
    university: str
    university_name: str
    quota: int
    used: int = Field(..., description="Active nominations")
    left: int


class NominationRowOut(Schema):
    id: int
    student: str = Field(..., alias="student.username")
    student_name: str
    university: str = Field(..., alias="university.slug")
    state: str
    application: int = Field(..., alias="application_id")
    recommendation: str
    nominated_by: str | None = Field(None, alias="nominated_by.username")
    created_at: datetime
    withdrawn_at: datetime | None

    @staticmethod
    def resolve_student_name(nomination) -> str:
        return str(nomination.student)


class NominationListOut(Schema):
    quotas: list[QuotaUseOut]
    nominations: list[NominationRowOut]


class CriterionScoreOut(Schema):
    criterion: int
    label: str
    weight: int
    max_score: int
    mean: float | None = Field(None, description="Mean score of the reviews, from 0 to max_score")


class ResultRowOut(Schema):
    rank: int
    application: int
    name: str = Field(..., description="In a blind review a reviewer reads a neutral label")
    university: str | None = Field(None, description="Hidden (null) from reviewers of a blind review")
    state: str
    reviews: int
    scores: list[CriterionScoreOut]
    total: float | None = Field(None, description="Mean weighted total, 0–100")


class SecondRoundIn(Schema):
    applications_close_at: datetime
    offer_deadline: datetime


class SecondRoundOut(RoundOut):
    places: int = Field(..., description="Free places carried over")
    candidates: int = Field(..., description="Candidates still without a place, carried over")


def _readable_round(request, round_id: int) -> Round:
    """A round as the reader may see it: drafts only for the programme's operators."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    if round_.state == RoundState.DRAFT and not policy.manages(request.auth, round_.programme):
        raise Http404
    return round_


@router.get("/programmes/rounds/{round_id}/nominations", response=NominationListOut, auth=ApiKeyAuth())
def list_nominations(request, round_id: int):
    """A round's nominations, newest first, with each university's quota, used and left: the programme's operators
    see every university's, a coordinator their own universities'."""
    listed = services.nominations_for(_readable_round(request, round_id), acting_user=request.auth)
    return {"nominations": listed["nominations"], "quotas": [
        {**row, "university": row["university"].slug, "university_name": row["university"].name}
        for row in listed["quotas"]]}


@router.get("/programmes/rounds/{round_id}/results", response=list[ResultRowOut], auth=ApiKeyAuth())
def ranked_results(request, round_id: int):
    """The review's ranked results: rank, mean score per criterion and mean weighted total (the programme's
    operators; the round's reviewers only the applications they may score, without names in a blind review)."""
    rows = services.review_results(_readable_round(request, round_id), acting_user=request.auth)
    return [{**row, "application": row["application"].pk, "state": row["application"].state,
             "scores": [{"criterion": s["criterion"].pk, "label": s["criterion"].label, "weight": s["criterion"].weight,
                         "max_score": s["criterion"].max_score, "mean": s["mean"]} for s in row["scores"]]}
            for row in rows]


@router.post("/programmes/rounds/{round_id}/second-round", response={201: SecondRoundOut}, auth=ApiKeyAuth())
def open_second_round(request, round_id: int, payload: SecondRoundIn):
    """Open a second round (in draft) with the published round's free places (declined offers, unfilled places)
    and its candidates still without a place (the programme's operators)."""
    new = services.open_second_round(_readable_round(request, round_id), acting_user=request.auth,
                                     applications_close_at=payload.applications_close_at,
                                     offer_deadline=payload.offer_deadline)
    new.places = sum(new.positions.values_list("capacity", flat=True))
    new.candidates = new.applications.count()
    return Status(201, new)


@router.get("/programmes/rounds/{round_id}/exports/{list_name}.{fmt}", auth=ApiKeyAuth(),
            openapi_extra={"responses": {200: {"description": "The list as a file", "content": {
                content_type.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                for content_type in EXPORT_TYPES.values()}}}})
def export(request, round_id: int, list_name: ListName, fmt: Format):
    """Download one of the round's lists (applications with review scores, nominations, offers, cohort) as CSV
    or XLSX, as the results page does (the programme's operators)."""
    round_ = _readable_round(request, round_id)
    if not policy.may_export(request.auth, round_):
        raise NotAllowed(_("Only the programme's operators export the round's lists."))
    return exports.response(round_, list_name, fmt)
