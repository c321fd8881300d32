"""REST API of programmes (`/api/v1/programmes/...`): programmes, rounds and positions to read; nominations,
rank lists, the match and answers to offers to write (token required). Every refusal is the one error body."""

from datetime import date, datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from zonebridge.accounts.models import User
from zonebridge.api_auth import ApiKeyAuth
from zonebridge.core.errors import NotAllowed, NotFound
from zonebridge.core.trilingual import ChineseScript
from zonebridge.policy import programmes as policy
from zonebridge.programmes import queries, services
from zonebridge.programmes.models import (
    Application,
    Nomination,
    Offer,
    PlacementRun,
    Position,
    PositionKind,
    Programme,
    Round,
    RoundState,
    WorkMode,
)

router = Router(tags=["programmes"])
NOMINATION_RECOMMENDATION = Nomination._meta.get_field("recommendation").max_length


class ProgrammeOut(Schema):
    slug: str
    home_zone: str = Field(..., alias="home_zone.slug")
    host_zone: str = Field(..., alias="host_zone.slug")
    starts_on: date
    ends_on: date
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    description_en: str
    description_zh_hans: str
    description_zh_hant: str
    eligibility_en: str
    eligibility_zh_hans: str
    eligibility_zh_hant: str
    documents_required: str


class RoundOut(Schema):
    id: int
    programme: str = Field(..., alias="programme.slug")
    number: int
    state: RoundState
    applications_close_at: datetime
    offer_deadline: datetime
    default_quota: int
    blind_review: bool
    previous: int | None = Field(None, alias="previous_id")


class PositionOut(Schema):
    id: int
    round: int = Field(..., alias="round_id")
    host: str = Field(..., alias="host.slug")
    kind: str
    capacity: int
    location: str
    work_mode: str
    stipend: str
    starts_on: date | None
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    description_en: str
    description_zh_hans: str
    description_zh_hant: str


class TransitionIn(Schema):
    action: str = Field(..., max_length=40, description="open, start_review, reopen, start_matching, "
                                                         "back_to_review or close")


class ApplicationIn(Schema):
    statement: str = Field("", max_length=Application._meta.get_field("statement").max_length)
    languages: str = Field("", max_length=Application._meta.get_field("languages").max_length)


class ApplicationOut(Schema):
    id: int
    round: int = Field(..., alias="round_id")
    student: str = Field(..., alias="student.username")
    university: str = Field(..., alias="university.slug")
    source: str
    state: str
    score: float | None


class DecisionIn(Schema):
    decision: str = Field(..., max_length=20, description="accept, waitlist or reject")


class ReviewIn(Schema):
    scores: dict[int, int] = Field(..., description="Criterion id → score")
    comment: str = Field("", max_length=2000)


class ReviewOut(Schema):
    application: int = Field(..., alias="application_id")
    scores: dict[str, int]
    total: float
    comment: str


class PositionIn(Schema):
    host: str = Field(..., max_length=80, description="The host organisation's slug")
    kind: PositionKind = PositionKind.INTERNSHIP
    capacity: int = Field(1, ge=1, le=500)
    location: str = Field("", max_length=120)
    work_mode: WorkMode = WorkMode.ON_SITE
    stipend: str = Field("", max_length=80)
    starts_on: date | None = None
    chinese_source: ChineseScript = ChineseScript.TRADITIONAL
    title_en: str = Field(..., max_length=200)
    title_zh_hans: str = Field("", max_length=200)
    title_zh_hant: str = Field("", max_length=200)
    description_en: str = Field("", max_length=5000)
    description_zh_hans: str = Field("", max_length=5000)
    description_zh_hant: str = Field("", max_length=5000)


class NominationIn(Schema):
    student: str = Field(..., max_length=150, description="The student's username")
    recommendation: str = Field("", max_length=NOMINATION_RECOMMENDATION)


class NominationOut(Schema):
    id: int
    round: int = Field(..., alias="round_id")
    student: str = Field(..., alias="student.username")
    university: str = Field(..., alias="university.slug")
    state: str
    application: int = Field(..., alias="application_id")


class StudentRankingIn(Schema):
    positions: list[int] = Field(..., max_length=200, description="Position ids, most wanted first")


class StudentRankingOut(Schema):
    application: int
    positions: list[int]


class HostRankingIn(Schema):
    applications: list[int] = Field(..., max_length=5000, description="Application ids, most wanted first")


class HostRankingOut(Schema):
    position: int
    applications: list[int]


class PreviewOut(Schema):
    candidates: int
    places: int
    placed: int
    unplaced: int
    stable: bool
    engine_seconds: float
    by_host: dict[str, dict[str, int]]
    by_university: dict[str, dict[str, int]]


class JobOut(Schema):
    job: str
    url: str


class RunOut(Schema):
    id: int
    round: int = Field(..., alias="round_id")
    stable: bool
    blocking_pairs: list[list[str]]
    stats: dict
    engine_seconds: float
    created_at: datetime
    assignment: dict[str, str | None]


class OfferOut(Schema):
    id: int
    round: int = Field(..., alias="round_id")
    position: int = Field(..., alias="position_id")
    position_title: str = Field(..., alias="position.title")
    host: str = Field(..., alias="position.host.slug")
    state: str
    deadline: datetime
    responded_at: datetime | None


def _visible_round(round_id: int) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("programme"), pk=round_id)
    if round_.state == RoundState.DRAFT:
        raise Http404
    return round_


@router.get("/programmes", response=list[ProgrammeOut])
def list_programmes(request):
    """Every exchange programme."""
    return Programme.objects.select_related("home_zone", "host_zone")


@router.get("/programmes/offers", response=list[OfferOut], auth=ApiKeyAuth())
def my_offers(request):
    """The acting student's offers, newest first."""
    return queries.offers_of(request.auth)


@router.get("/programmes/{slug}", response=ProgrammeOut)
def get_programme(request, slug: str):
    """One programme."""
    return get_object_or_404(Programme.objects.select_related("home_zone", "host_zone"), slug=slug)


@router.get("/programmes/rounds/{round_id}", response=RoundOut)
def get_round(request, round_id: int):
    """One round (drafts are not public)."""
    return _visible_round(round_id)


@router.get("/programmes/rounds/{round_id}/positions", response=list[PositionOut])
def list_positions(request, round_id: int):
    """The positions of a round."""
    return _visible_round(round_id).positions.select_related("host")


@router.post("/programmes/rounds/{round_id}/transitions", response=RoundOut, auth=ApiKeyAuth())
def transition(request, round_id: int, payload: TransitionIn):
    """Move a round to its next state (the programme's operators)."""
    round_ = get_object_or_404(Round.objects.select_related("programme"), pk=round_id)
    return services.transition_round(round_, payload.action, acting_user=request.auth)


@router.post("/programmes/rounds/{round_id}/applications", response={201: ApplicationOut}, auth=ApiKeyAuth())
def apply(request, round_id: int, payload: ApplicationIn):
    """The acting student applies to an open round."""
    application = services.apply_to_round(_visible_round(round_id), acting_user=request.auth,
                                          statement=payload.statement, languages=payload.languages)
    return Status(201, application)


@router.post("/programmes/rounds/{round_id}/positions", response={201: PositionOut}, auth=ApiKeyAuth())
def post_position(request, round_id: int, payload: PositionIn):
    """Post a position (admins of a host organisation of the host zone; the programme's operators)."""
    from zonebridge.directory.models import Organisation

    round_ = get_object_or_404(Round.objects.select_related("programme"), pk=round_id)
    host = Organisation.objects.select_related("home_zone").filter(slug=payload.host).first()
    if host is None:
        raise NotFound(_("No organisation “%(slug)s”.") % {"slug": payload.host}, field="host")
    data = payload.dict()
    texts = {name: data.pop(name) for name in list(data) if name.startswith(("title_", "description_"))}
    data.pop("host")
    position = services.save_position(Position(round=round_, host=host), acting_user=request.auth, texts=texts,
                                      fields=data)
    return Status(201, position)


@router.post("/programmes/applications/{application_id}/reviews", response=ReviewOut, auth=ApiKeyAuth())
def review(request, application_id: int, payload: ReviewIn):
    """Score an application on the round's rubric (invited reviewers without a conflict of interest)."""
    application = get_object_or_404(Application.objects.select_related("round__programme"), pk=application_id)
    return services.score_application(application, acting_user=request.auth, scores=payload.scores,
                                      comment=payload.comment)


@router.post("/programmes/applications/{application_id}/decision", response=ApplicationOut, auth=ApiKeyAuth())
def decide(request, application_id: int, payload: DecisionIn):
    """Accept, waitlist or reject an application (the programme's operators)."""
    application = get_object_or_404(Application.objects.select_related("round__programme"), pk=application_id)
    return services.decide_application(application, payload.decision, acting_user=request.auth)


@router.post("/programmes/rounds/{round_id}/nominations", response={201: NominationOut}, auth=ApiKeyAuth())
def create_nomination(request, round_id: int, payload: NominationIn):
    """A university coordinator nominates one of their students (within the university's quota)."""
    round_ = _visible_round(round_id)
    universities = list(policy.coordinated_universities(request.auth))
    if not universities:
        raise NotAllowed(_("Only university coordinators nominate students."))
    student = User.objects.filter(username=payload.student).first()
    university = next((u for u in universities if student and student.memberships.filter(organisation=u).exists()),
                      None)
    if student is None or university is None:
        raise NotFound(_("No student “%(username)s” at a university you coordinate.") % {
            "username": payload.student}, field="student")
    return Status(201, services.nominate(round_, student, university=university, acting_user=request.auth,
                                         recommendation=payload.recommendation))


@router.post("/programmes/nominations/{nomination_id}/withdraw", response=NominationOut, auth=ApiKeyAuth())
def withdraw_nomination(request, nomination_id: int):
    """Withdraw a nomination before the match."""
    nomination = get_object_or_404(Nomination, pk=nomination_id)
    return services.withdraw_nomination(nomination, acting_user=request.auth)


def _own_application(request, round_id: int) -> Application:
    round_ = _visible_round(round_id)
    application = Application.objects.filter(round=round_, student=request.auth).first()
    if application is None:
        raise NotAllowed(_("You have no application in this round."))
    return application


@router.get("/programmes/rounds/{round_id}/ranking", response=StudentRankingOut, auth=ApiKeyAuth())
def get_student_ranking(request, round_id: int):
    """The acting student's rank list in a round."""
    application = _own_application(request, round_id)
    return {"application": application.pk, "positions": [p.pk for p in queries.student_ranking(application)]}


@router.put("/programmes/rounds/{round_id}/ranking", response=StudentRankingOut, auth=ApiKeyAuth())
def put_student_ranking(request, round_id: int, payload: StudentRankingIn):
    """Replace the acting student's rank list (positions open to them only)."""
    application = _own_application(request, round_id)
    services.set_student_ranking(application, payload.positions, acting_user=request.auth)
    return {"application": application.pk, "positions": payload.positions}


@router.put("/programmes/positions/{position_id}/ranking", response=HostRankingOut, auth=ApiKeyAuth())
def put_host_ranking(request, position_id: int, payload: HostRankingIn):
    """Replace a position's rank list of candidates (its host's admins and the programme's operators)."""
    position = get_object_or_404(Position.objects.select_related("round__programme"), pk=position_id)
    services.set_host_ranking(position, payload.applications, acting_user=request.auth)
    return {"position": position.pk, "applications": payload.applications}


@router.post("/programmes/rounds/{round_id}/preview", response=PreviewOut, auth=ApiKeyAuth())
def preview(request, round_id: int):
    """A dry run of the match with statistics; nothing is written."""
    return services.preview_match(get_object_or_404(Round, pk=round_id), acting_user=request.auth)


@router.post("/programmes/rounds/{round_id}/runs", response={202: JobOut}, auth=ApiKeyAuth())
def start_run(request, round_id: int):
    """Start the match of a round in matching (once); follow the returned job."""
    from django.urls import reverse

    job = services.start_placement_run(get_object_or_404(Round, pk=round_id), acting_user=request.auth)
    return Status(202, {"job": str(job.pk), "url": reverse("core:job_detail", args=[job.pk])})


@router.get("/programmes/runs/{run_id}", response=RunOut, auth=ApiKeyAuth())
def get_run(request, run_id: int):
    """A committed run: its assignment, statistics and stability verdict (the programme's operators)."""
    run = get_object_or_404(PlacementRun.objects.select_related("round__programme"), pk=run_id)
    if not policy.manages(request.auth, run.round.programme):
        raise NotAllowed(_("Only the programme's operators read its runs."))
    return run


def _offer(request, offer_id: int) -> Offer:
    offer = get_object_or_404(Offer.objects.select_related("application", "position__host",
                                                           "round__programme"), pk=offer_id)
    if not policy.may_view_offer(request.auth, offer):
        raise Http404
    return offer


@router.post("/programmes/offers/{offer_id}/accept", response=OfferOut, auth=ApiKeyAuth())
def accept(request, offer_id: int):
    """Accept an offer before its deadline (the student it is made to)."""
    offer = _offer(request, offer_id)
    services.accept_offer(offer, acting_user=request.auth)
    return _offer(request, offer_id)


@router.post("/programmes/offers/{offer_id}/decline", response=OfferOut, auth=ApiKeyAuth())
def decline(request, offer_id: int):
    """Decline an offer (the student it is made to)."""
    offer = _offer(request, offer_id)
    services.decline_offer(offer, acting_user=request.auth)
    return _offer(request, offer_id)


# The operators' and the cohort's operations, and a round's lists, live in their own modules, on this router.
from zonebridge.programmes import api_manage, api_results  # noqa: E402, F401
