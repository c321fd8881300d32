"""Use cases of the cohort: a mentor per participant, check-ins, completion and the end-of-programme survey."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.core.notifications import notify
from zonebridge.policy import programmes as policy
from zonebridge.programmes import notifications as kinds
from zonebridge.programmes.models import CheckIn, Feedback, Participant, ParticipantState


def _programme_names(participant: Participant) -> dict:
    return {s: participant.programme.in_language("title", s) for s in ("en", "zh_hans", "zh_hant")}


def assign_mentor(participant: Participant, mentor, *, acting_user) -> Participant:
    """The programme's operator assigns a mentor (someone with a mentor role) to a participant."""
    if not policy.manages(acting_user, participant.programme):
        raise NotAllowed(_("Only the programme's operators assign mentors."))
    if not policy.may_be_mentor(mentor):
        raise DomainError(_("%(name)s has no mentor role.") % {"name": mentor}, field="mentor")
    with transaction.atomic():
        locked = Participant.objects.select_for_update().get(pk=participant.pk)
        before = locked.mentor_id
        locked.mentor = mentor
        locked.save(update_fields=["mentor"])
        audit.record("programmes.participant.assign_mentor", actor=acting_user, target=locked,
                     before={"mentor": before}, after={"mentor": mentor.pk})
        url = reverse("programmes:participant_detail", args=[locked.pk])
        params = {"mentor": str(mentor), "student": str(locked.student), "programme": _programme_names(locked)}
        notify(mentor, kinds.MENTOR_ASSIGNED, params=params, url=url)
        notify(locked.student, kinds.MENTOR_ASSIGNED, params=params, url=url)
    return locked


def add_check_in(participant: Participant, *, acting_user, note: str) -> CheckIn:
    """A mentor (or operator) notes how a participant is doing."""
    if not policy.may_check_in(acting_user, participant):
        raise NotAllowed(_("Only the participant's mentor and the programme's operators write check-ins."))
    if not note.strip():
        raise DomainError(_("Write a note."), field="note")
    check_in = CheckIn(participant=participant, author=acting_user, note=note.strip())
    with transaction.atomic():
        full_clean(check_in, exclude=["participant", "author"])
        check_in.save()
        audit.record("programmes.participant.check_in", actor=acting_user, target=participant,
                     after={"check_in": check_in.pk})
    return check_in


def complete_participation(participant: Participant, *, acting_user) -> Participant:
    """The operator marks a participant's programme completed; the participant is asked for feedback."""
    if not policy.manages(acting_user, participant.programme):
        raise NotAllowed(_("Only the programme's operators mark completion."))
    with transaction.atomic():
        locked = Participant.objects.select_for_update().get(pk=participant.pk)
        if locked.state != ParticipantState.ACTIVE:
            raise Conflict(_("This participation is already %(state)s.") % {
                "state": locked.get_state_display().lower()})
        locked.state, locked.completed_at = ParticipantState.COMPLETED, timezone.now()
        locked.save(update_fields=["state", "completed_at"])
        audit.record("programmes.participant.complete", actor=acting_user, target=locked,
                     before={"state": ParticipantState.ACTIVE}, after={"state": ParticipantState.COMPLETED})
        notify(locked.student, kinds.PROGRAMME_COMPLETED, params={"programme": _programme_names(locked)},
               url=reverse("programmes:participant_detail", args=[locked.pk]))
    return locked


def submit_feedback(participant: Participant, *, acting_user, rating: int, would_recommend: bool,
                    comment: str = "") -> Feedback:
    """The participant answers the end-of-programme survey, once, after completion."""
    if participant.student_id != getattr(acting_user, "pk", None):
        raise NotAllowed(_("Only the participant answers the survey."))
    if participant.state != ParticipantState.COMPLETED:
        raise Conflict(_("The survey opens when the programme is completed."))
    if Feedback.objects.filter(participant=participant).exists():
        raise Conflict(_("You have already answered the survey. Thank you!"))
    feedback = Feedback(participant=participant, rating=rating, would_recommend=would_recommend,
                        comment=comment.strip())
    with transaction.atomic():
        full_clean(feedback, exclude=["participant"])
        feedback.save()
        audit.record("programmes.participant.feedback", actor=acting_user, target=participant,
                     after={"rating": rating, "would_recommend": would_recommend})
    return feedback
