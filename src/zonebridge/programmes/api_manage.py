"""REST API of running programmes (`/api/v1/programmes/...`), what the operators' and the cohort's pages offer:
programmes and rounds to create and edit, quotas, the rubric, reviewers, free places offered directly, and the
cohort (mentors, check-ins, completion, the survey). Registered on the programmes router (see `api.py`)."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.responses import Status

from zonebridge.accounts.models import User
from zonebridge.api_auth import ApiKeyAuth
from zonebridge.core.errors import NotAllowed, NotFound
from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import Organisation, OrganisationKind, Zone
from zonebridge.policy import programmes as policy
from zonebridge.programmes import services
from zonebridge.programmes.api import OfferOut, ProgrammeOut, RoundOut, router
from zonebridge.programmes.models import (
    Application,
    CheckIn,
    Criterion,
    NominationState,
    Participant,
    Position,
    Programme,
    Round,
    RoundState,
)

TITLE = Programme._meta.get_field("title_en").max_length
ELIGIBILITY = Programme._meta.get_field("eligibility_en").max_length
DESCRIPTION = 5000
CRITERION_LABEL = Criterion._meta.get_field("label_en").max_length
NOTE = CheckIn._meta.get_field("note").max_length


class ProgrammeIn(Schema):
    slug: str = Field(..., min_length=1, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")
    home_zone: str = Field(..., max_length=80, description="The slug of the zone students come from")
    host_zone: str = Field(..., max_length=80, description="The slug of the host zone (one you operate)")
    starts_on: date
    ends_on: date
    documents_required: str = Field("", max_length=300)
    chinese_source: ChineseScript = ChineseScript.SIMPLIFIED
    title_en: str = Field(..., max_length=TITLE)
    title_zh_hans: str = Field("", max_length=TITLE)
    title_zh_hant: str = Field("", max_length=TITLE)
    description_en: str = Field("", max_length=DESCRIPTION)
    description_zh_hans: str = Field("", max_length=DESCRIPTION)
    description_zh_hant: str = Field("", max_length=DESCRIPTION)
    eligibility_en: str = Field("", max_length=ELIGIBILITY)
    eligibility_zh_hans: str = Field("", max_length=ELIGIBILITY)
    eligibility_zh_hant: str = Field("", max_length=ELIGIBILITY)


class ProgrammeUpdateIn(Schema):
    """Only the fields sent change."""

    starts_on: date | None = None
    ends_on: date | None = None
    documents_required: str | None = Field(None, max_length=300)
    chinese_source: ChineseScript | None = None
    title_en: str | None = Field(None, min_length=1, max_length=TITLE)
    title_zh_hans: str | None = Field(None, max_length=TITLE)
    title_zh_hant: str | None = Field(None, max_length=TITLE)
    description_en: str | None = Field(None, max_length=DESCRIPTION)
    description_zh_hans: str | None = Field(None, max_length=DESCRIPTION)
    description_zh_hant: str | None = Field(None, max_length=DESCRIPTION)
    eligibility_en: str | None = Field(None, max_length=ELIGIBILITY)
    eligibility_zh_hans: str | None = Field(None, max_length=ELIGIBILITY)
    eligibility_zh_hant: str | None = Field(None, max_length=ELIGIBILITY)


class RoundIn(Schema):
    applications_close_at: datetime
    offer_deadline: datetime
    default_quota: int = Field(5, ge=0, le=1000)


class QuotaIn(Schema):
    quota: int = Field(..., ge=0, le=1000)


class QuotaOut(Schema):
    university: str
    quota: int
    used: int


class CriterionIn(Schema):
    weight: int = Field(1, ge=1, le=100)
    max_score: int = Field(5, ge=1, le=100)
    label_en: str = Field(..., max_length=CRITERION_LABEL)
    label_zh_hans: str = Field("", max_length=CRITERION_LABEL)
    label_zh_hant: str = Field("", max_length=CRITERION_LABEL)


class CriterionOut(Schema):
    id: int
    weight: int
    max_score: int
    label_en: str
    label_zh_hans: str
    label_zh_hant: str


class BlindReviewIn(Schema):
    blind_review: bool


class ReviewRowOut(Schema):
    application: int
    name: str = Field(..., description="The applicant's name, or a neutral label in a blind review")
    university: str | None = Field(None, description="Left out in a blind review")
    review_count: int
    mine: bool = Field(..., description="Whether the reader has scored it")


class RecommendationOut(Schema):
    text: str
    by: str | None
    state: str


class ApplicantOut(Schema):
    application: int
    round: int
    blind: bool
    name: str
    university: str | None
    source: str
    state: str
    languages: str
    statement: str
    skills: str
    cv: str | None = Field(None, description="The CV's download address, when the reader may see it")
    recommendations: list[RecommendationOut]


class ReviewerIn(Schema):
    reviewer: str = Field(..., max_length=150, description="The reviewer's username")


class ReviewerOut(Schema):
    username: str
    name: str = Field(..., alias="display_name")


class CandidateOut(Schema):
    application: int = Field(..., alias="pk")
    student: str = Field(..., alias="student.username")
    university: str = Field(..., alias="university.slug")
    host_rank: int | None = None
    score: float | None = None


class FreePlaceOut(Schema):
    position: int
    title: str
    host: str
    free: int
    declined: int
    withdrawn: int
    unanswered: int
    left_empty: int
    candidates: list[CandidateOut]


class DirectOfferIn(Schema):
    deadline: datetime | None = Field(None, description="Answer by; the round's offer deadline if left out")


class ParticipantOut(Schema):
    id: int
    programme: str = Field(..., alias="programme.slug")
    student: str = Field(..., alias="student.username")
    position: int = Field(..., alias="position_id")
    mentor: str | None = Field(None, alias="mentor.username")
    state: str
    joined_at: datetime
    completed_at: datetime | None


class MentorIn(Schema):
    mentor: str = Field(..., max_length=150, description="The mentor's username")


class CheckInIn(Schema):
    note: str = Field(..., min_length=1, max_length=NOTE)


class CheckInOut(Schema):
    id: int
    author: str | None = Field(None, alias="author.username")
    note: str
    at: datetime


class FeedbackIn(Schema):
    rating: int = Field(..., ge=1, le=5)
    would_recommend: bool = True
    comment: str = Field("", max_length=2000)


class FeedbackOut(Schema):
    rating: int
    would_recommend: bool
    comment: str
    submitted_at: datetime


def _zone(slug: str, field: str) -> Zone:
    zone = Zone.objects.filter(slug=slug).first()
    if zone is None:
        raise NotFound(_("No zone “%(slug)s”.") % {"slug": slug}, field=field)
    return zone


def _user(username: str, field: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise NotFound(_("No user “%(username)s”.") % {"username": username}, field=field)
    return user


def _split(data: dict, prefixes: tuple[str, ...]) -> tuple[dict, dict]:
    """A payload's trilingual texts and its plain fields."""
    texts = {name: value for name, value in data.items() if name.startswith(prefixes)}
    return texts, {name: value for name, value in data.items() if name not in texts}


def _managed_round(request, round_id: int) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    if not policy.manages(request.auth, round_.programme):
        raise NotAllowed(_("Only the programme's operators manage its rounds."))
    return round_


@router.post("/programmes", response={201: ProgrammeOut}, auth=ApiKeyAuth())
def create_programme(request, payload: ProgrammeIn):
    """Create an exchange programme hosted by a zone the acting operator runs."""
    texts, fields = _split(payload.dict(), ("title_", "description_", "eligibility_"))
    fields["home_zone"] = _zone(fields["home_zone"], "home_zone")
    fields["host_zone"] = _zone(fields["host_zone"], "host_zone")
    return Status(201, services.create_programme(acting_user=request.auth, texts=texts, fields=fields))


@router.patch("/programmes/{slug}", response=ProgrammeOut, auth=ApiKeyAuth())
def update_programme(request, slug: str, payload: ProgrammeUpdateIn):
    """Edit a programme's dates and texts (its operators); only the fields sent change."""
    programme = get_object_or_404(Programme.objects.select_related("host_zone"), slug=slug)
    texts, fields = _split(payload.dict(exclude_unset=True), ("title_", "description_", "eligibility_"))
    return services.update_programme(programme, acting_user=request.auth, texts=texts, fields=fields)


@router.get("/programmes/{slug}/rounds", response=list[RoundOut])
def list_rounds(request, slug: str):
    """A programme's rounds (drafts are not public)."""
    programme = get_object_or_404(Programme, slug=slug)
    return programme.rounds.select_related("programme").exclude(state=RoundState.DRAFT)


@router.post("/programmes/{slug}/rounds", response={201: RoundOut}, auth=ApiKeyAuth())
def create_round(request, slug: str, payload: RoundIn):
    """Add a round (in draft) to a programme; move it on with `.../transitions` (the programme's operators)."""
    programme = get_object_or_404(Programme.objects.select_related("host_zone"), slug=slug)
    return Status(201, services.create_round(programme, acting_user=request.auth, **payload.dict()))


@router.get("/programmes/rounds/{round_id}/quotas", response=list[QuotaOut], auth=ApiKeyAuth())
def list_quotas(request, round_id: int):
    """The universities' nomination quotas set for a round, with how many each used (the programme's operators).
    A university not listed has the round's `default_quota`."""
    round_ = _managed_round(request, round_id)
    return [_quota(round_, row.university) for row in round_.quotas.select_related("university")]


def _quota(round_: Round, university: Organisation) -> dict:
    return {"university": university.slug, "quota": services.quota_for(round_, university),
            "used": round_.nominations.filter(university=university, state=NominationState.ACTIVE).count()}


@router.put("/programmes/rounds/{round_id}/quotas/{university}", response=QuotaOut, auth=ApiKeyAuth())
def set_quota(request, round_id: int, university: str, payload: QuotaIn):
    """Set how many students a university (by slug) may nominate in the round (the programme's operators)."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    organisation = Organisation.objects.filter(slug=university, kind=OrganisationKind.UNIVERSITY).first()
    if organisation is None:
        raise NotFound(_("No university “%(slug)s”.") % {"slug": university}, field="university")
    services.set_quota(round_, organisation, payload.quota, acting_user=request.auth)
    return _quota(round_, organisation)


@router.get("/programmes/rounds/{round_id}/criteria", response=list[CriterionOut], auth=ApiKeyAuth())
def list_criteria(request, round_id: int):
    """The round's scoring rubric (its operators and invited reviewers)."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    if not (policy.manages(request.auth, round_.programme) or policy.is_reviewer(request.auth, round_)):
        raise NotAllowed(_("Only the programme's operators and the round's reviewers read its rubric."))
    return round_.criteria.all()


@router.post("/programmes/rounds/{round_id}/criteria", response={201: CriterionOut}, auth=ApiKeyAuth())
def add_criterion(request, round_id: int, payload: CriterionIn):
    """Add a criterion with its weight to the round's rubric, before the review starts (its operators)."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    data = payload.dict()
    texts = {name: data.pop(name) for name in ("label_en", "label_zh_hans", "label_zh_hant")}
    return Status(201, services.add_criterion(round_, acting_user=request.auth, texts=texts, **data))


@router.get("/programmes/rounds/{round_id}/reviewers", response=list[ReviewerOut], auth=ApiKeyAuth())
def list_reviewers(request, round_id: int):
    """The round's invited reviewers (its operators)."""
    return _managed_round(request, round_id).reviewers.order_by("username")


@router.post("/programmes/rounds/{round_id}/reviewers", response={201: ReviewerOut}, auth=ApiKeyAuth())
def invite_reviewer(request, round_id: int, payload: ReviewerIn):
    """Invite a person with a reviewer role to score the round's applications (its operators)."""
    round_ = _managed_round(request, round_id)
    reviewer = _user(payload.reviewer, "reviewer")
    services.invite_reviewer(round_, reviewer, acting_user=request.auth)
    return Status(201, reviewer)


@router.put("/programmes/rounds/{round_id}/blind-review", response=RoundOut, auth=ApiKeyAuth())
def set_blind_review(request, round_id: int, payload: BlindReviewIn):
    """Make the round's review blind or not, until the match (the programme's operators)."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    return services.set_blind_review(round_, payload.blind_review, acting_user=request.auth)


@router.get("/programmes/rounds/{round_id}/review-queue", response=list[ReviewRowOut], auth=ApiKeyAuth())
def review_queue(request, round_id: int):
    """The reader's review queue, least reviewed first, conflicts left out; blind reviews without names and
    universities (the round's reviewers and the programme's operators)."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    return [{**row, "application": row["application"].pk}
            for row in services.review_queue(round_, acting_user=request.auth)]


@router.get("/programmes/applications/{application_id}", response=ApplicantOut, auth=ApiKeyAuth())
def get_application(request, application_id: int):
    """An application as the reader may see it (a blind review hides name, university and CV from reviewers)."""
    from django.urls import reverse

    application = get_object_or_404(Application.objects.select_related(
        "student__profile", "university", "round__programme__host_zone"), pk=application_id)
    seen = services.applicant_for(application, acting_user=request.auth)
    return {**seen, "application": application.pk, "round": application.round_id, "source": application.source,
            "state": application.state, "languages": application.languages, "statement": application.statement,
            "cv": reverse("files:private_file", args=[seen["cv"].pk]) if seen["cv"] else None}


@router.get("/programmes/rounds/{round_id}/free-places", response=list[FreePlaceOut], auth=ApiKeyAuth())
def free_places(request, round_id: int):
    """A published round's free places (declined, withdrawn, left empty), each with its eligible candidates
    without a place, in the host's rank order first (the programme's operators)."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone"), pk=round_id)
    return [{"position": row["position"].pk, "title": row["position"].title, "host": row["position"].host.slug,
             **{key: row[key] for key in ("free", "declined", "withdrawn", "unanswered", "left_empty")},
             "candidates": list(row["candidates"])}
            for row in services.freed_places(round_, acting_user=request.auth)]


@router.post("/programmes/positions/{position_id}/offers/{application_id}", response={201: OfferOut},
             auth=ApiKeyAuth())
def offer_free_place(request, position_id: int, application_id: int, payload: DirectOfferIn):
    """Offer a free place of a position directly to an eligible candidate (an application listed under the round's
    free-places); they answer it like any other offer (the programme's operators)."""
    position = get_object_or_404(Position.objects.select_related("round__programme__host_zone", "host"),
                                 pk=position_id)
    application = get_object_or_404(Application.objects.select_related("student"), pk=application_id)
    return Status(201, services.offer_free_place(position, application, acting_user=request.auth,
                                                 deadline=payload.deadline))


def _participant(request, participant_id: int) -> Participant:
    participant = get_object_or_404(Participant.objects.select_related(
        "programme__host_zone", "student", "mentor", "position__host", "position__round__programme__host_zone"),
        pk=participant_id)
    if not (policy.may_view_participant(request.auth, participant)
            or policy.manages(request.auth, participant.programme)):
        raise NotAllowed(_("Only the participant, their mentor, the host and the programme's operators see this."))
    return participant


@router.get("/programmes/{slug}/participants", response=list[ParticipantOut], auth=ApiKeyAuth())
def list_participants(request, slug: str):
    """A programme's cohort: its operators see everyone, a mentor their own participants."""
    programme = get_object_or_404(Programme.objects.select_related("host_zone"), slug=slug)
    participants = programme.participants.select_related("programme", "student", "mentor")
    if policy.manages(request.auth, programme):
        return participants
    if policy.is_mentor(request.auth):
        return participants.filter(mentor=request.auth)
    raise NotAllowed(_("Only the programme's operators and mentors see its cohort."))


@router.get("/programmes/participants/{participant_id}", response=ParticipantOut, auth=ApiKeyAuth())
def get_participant(request, participant_id: int):
    """One participant (the participant, their mentor, the host's admins and the programme's operators)."""
    return _participant(request, participant_id)


@router.put("/programmes/participants/{participant_id}/mentor", response=ParticipantOut, auth=ApiKeyAuth())
def assign_mentor(request, participant_id: int, payload: MentorIn):
    """Assign a mentor (someone with a mentor role) to a participant (the programme's operators)."""
    participant = get_object_or_404(Participant.objects.select_related("programme__host_zone"), pk=participant_id)
    return services.assign_mentor(participant, _user(payload.mentor, "mentor"), acting_user=request.auth)


@router.get("/programmes/participants/{participant_id}/check-ins", response=list[CheckInOut], auth=ApiKeyAuth())
def list_check_ins(request, participant_id: int):
    """A participant's check-ins, newest first (whoever may see the participant)."""
    return _participant(request, participant_id).check_ins.select_related("author")


@router.post("/programmes/participants/{participant_id}/check-ins", response={201: CheckInOut},
             auth=ApiKeyAuth())
def add_check_in(request, participant_id: int, payload: CheckInIn):
    """Note how a participant is doing (their mentor and the programme's operators)."""
    participant = get_object_or_404(Participant.objects.select_related("programme__host_zone"), pk=participant_id)
    return Status(201, services.add_check_in(participant, acting_user=request.auth, note=payload.note))


@router.post("/programmes/participants/{participant_id}/complete", response=ParticipantOut, auth=ApiKeyAuth())
def complete(request, participant_id: int):
    """Mark a participant's programme completed; they are asked for feedback (the programme's operators)."""
    participant = get_object_or_404(Participant.objects.select_related("programme__host_zone"), pk=participant_id)
    return services.complete_participation(participant, acting_user=request.auth)


@router.get("/programmes/participants/{participant_id}/feedback", response=FeedbackOut, auth=ApiKeyAuth())
def get_feedback(request, participant_id: int):
    """A participant's end-of-programme survey (whoever may see the participant)."""
    participant = _participant(request, participant_id)
    feedback = getattr(participant, "feedback", None) if hasattr(participant, "feedback") else None
    if feedback is None:
        raise NotFound(_("No feedback yet."))
    return feedback


@router.post("/programmes/participants/{participant_id}/feedback", response={201: FeedbackOut},
             auth=ApiKeyAuth())
def submit_feedback(request, participant_id: int, payload: FeedbackIn):
    """Answer the end-of-programme survey, once, after completion (the participant)."""
    participant = get_object_or_404(Participant, pk=participant_id)
    return Status(201, services.submit_feedback(participant, acting_user=request.auth, **payload.dict()))
