"""Use case of the review: a reviewer scores an application on the round's weighted rubric."""

from django.db import transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.policy import programmes as policy
from zonebridge.programmes.models import Application, ApplicationState, Review, RoundState

REVIEW_STATES = (RoundState.OPEN, RoundState.REVIEW)


def weighted_total(criteria, scores: dict[int, int]) -> float:
    """The weighted share of the highest possible score, 0–100."""
    best = sum(c.weight * c.max_score for c in criteria)
    return round(100 * sum(c.weight * scores[c.pk] for c in criteria) / best, 2) if best else 0.0


def score_application(application: Application, *, acting_user, scores: dict, comment: str = "") -> Review:
    """Record (or replace) a reviewer's scores; refused for reviewers close to the candidate."""
    round_ = application.round
    if not policy.is_reviewer(acting_user, round_):
        raise NotAllowed(_("Only reviewers invited to this round score its applications."))
    if policy.conflict_of_interest(acting_user, application):
        raise NotAllowed(_("You may not review %(student)s: you share an organisation or university with them, "
                           "or nominated them (conflict of interest).") % {
            "student": applicant_name(application, acting_user)})
    if round_.state not in REVIEW_STATES:
        raise Conflict(_("The review of “%(round)s” is over.") % {"round": round_.label})
    if application.state == ApplicationState.WITHDRAWN:
        raise Conflict(_("This application was withdrawn."))
    criteria = list(round_.criteria.all())
    if not criteria:
        raise Conflict(_("This round has no rubric yet."))
    clean: dict[int, int] = {}
    for criterion in criteria:
        value = scores.get(criterion.pk, scores.get(str(criterion.pk)))
        field = f"score_{criterion.pk}"
        if value in (None, ""):
            raise DomainError(_("Score “%(criterion)s”.") % {"criterion": criterion.label}, field=field)
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise DomainError(_("Enter a whole number."), field=field) from None
        if not 0 <= value <= criterion.max_score:
            raise DomainError(_("“%(criterion)s” is scored from 0 to %(max)s.") % {
                "criterion": criterion.label, "max": criterion.max_score}, field=field)
        clean[criterion.pk] = value
    with transaction.atomic():
        review = Review.objects.filter(application=application, reviewer=acting_user).first() or Review(
            application=application, reviewer=acting_user)
        before = review.scores if review.pk else None
        review.scores = {str(k): v for k, v in clean.items()}
        review.total = weighted_total(criteria, clean)
        review.comment = comment.strip()
        review.submitted_at = timezone.now()
        full_clean(review, exclude=["application", "reviewer"])
        review.save()
        mean = Review.objects.filter(application=application).aggregate(mean=Avg("total"))["mean"]
        Application.objects.filter(pk=application.pk).update(score=mean)
        audit.record("programmes.review.save", actor=acting_user, target=application,
                     before={"scores": before}, after={"scores": review.scores, "total": review.total})
    return review


def applicant_name(application: Application, reader) -> str:
    """The applicant's name, or in a blind review (for a reader who may not know it) a neutral label."""
    if policy.sees_applicant_identity(reader, application):
        return str(application.student)
    return _("Applicant #%(number)s") % {"number": application.pk}


def applicant_for(application: Application, *, acting_user) -> dict:
    """What `acting_user` may see of an applicant: name, university and CV are hidden from reviewers of a blind
    review; the CV also needs the personal-data rules (consent across the border)."""
    from zonebridge.policy.accounts import may_view_personal_data

    if not policy.may_view_application(acting_user, application):
        raise NotAllowed(_("You may not see this application."))
    identity = policy.sees_applicant_identity(acting_user, application)
    profile = getattr(application.student, "profile", None) if identity else None
    cv = (profile.cv if profile and profile.cv_id and may_view_personal_data(acting_user, application.student)
          else None)
    nominations = list(application.nominations.select_related("nominated_by"))
    return {
        "application": application, "blind": not identity, "name": applicant_name(application, acting_user),
        "university": application.university.name if identity else None,
        "skills": profile.skills if profile else "", "cv": cv,
        # A recommendation's author names the university: a blind reviewer reads the words only.
        "recommendations": [{"text": n.recommendation, "by": str(n.nominated_by) if identity else None,
                             "state": n.get_state_display()} for n in nominations],
    }


def review_queue(round_, *, acting_user) -> list[dict]:
    """A reviewer's queue (the operators': every application), least reviewed first, conflicts left out; in a
    blind review without the applicants' names and universities."""
    from zonebridge.programmes import queries

    manages = policy.manages(acting_user, round_.programme)
    if not (manages or policy.is_reviewer(acting_user, round_)):
        raise NotAllowed(_("Only the round's reviewers and the programme's operators see its review queue."))
    mine = set(round_.applications.filter(reviews__reviewer=acting_user).values_list("pk", flat=True))
    rows = []
    for application in queries.ranked_results(round_).order_by("review_count", "pk"):
        application.round = round_
        if not (manages or policy.may_review(acting_user, application)):
            continue
        identity = policy.sees_applicant_identity(acting_user, application)
        rows.append({"application": application, "name": applicant_name(application, acting_user),
                     "university": application.university.name if identity else None,
                     "review_count": application.review_count, "mine": application.pk in mine})
    return rows


def review_results(round_, *, acting_user) -> list[dict]:
    """The round's applications in rank order (mean weighted total, best first) with the mean score per criterion
    and the number of reviews. The operators see every application; a reviewer those they may score (conflicts
    left out, ranks kept), in a blind review without names and universities."""
    from collections import defaultdict

    from zonebridge.programmes import queries

    if not policy.may_see_ranked_results(acting_user, round_):
        raise NotAllowed(_("Only the programme's operators and the round's reviewers see its ranked results."))
    manages = policy.manages(acting_user, round_.programme)
    criteria = list(round_.criteria.all())
    given: dict[int, list[dict]] = defaultdict(list)
    for application_id, scores in Review.objects.filter(application__round=round_).values_list(
            "application_id", "scores"):
        given[application_id].append(scores)
    rows = []
    for rank, application in enumerate(queries.ranked_results(round_), start=1):
        application.round = round_
        if not (manages or policy.may_review(acting_user, application)):
            continue
        identity = policy.sees_applicant_identity(acting_user, application)
        per_criterion = []
        for criterion in criteria:
            values = [scores[str(criterion.pk)] for scores in given[application.pk] if str(criterion.pk) in scores]
            per_criterion.append({"criterion": criterion, "mean": round(sum(values) / len(values), 2)
                                  if values else None})
        rows.append({"rank": rank, "application": application, "name": applicant_name(application, acting_user),
                     "university": application.university.name if identity else None,
                     "reviews": application.review_count, "scores": per_criterion,
                     "total": None if application.mean_score is None else round(application.mean_score, 2)})
    return rows
