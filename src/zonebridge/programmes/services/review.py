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
                           "or nominated them (conflict of interest).") % {"student": application.student})
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
