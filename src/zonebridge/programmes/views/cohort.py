"""Pages of the cohort: participants, mentors, check-ins, completion and feedback."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.policy import programmes as policy
from zonebridge.programmes import forms, services
from zonebridge.programmes.models import (
    Participant,
    Programme,
)
from zonebridge.programmes.views.common import _refused


@login_required
def cohort(request, slug: str):
    """A programme's cohort: participants with their mentors (mentors see theirs)."""
    programme = get_object_or_404(Programme, slug=slug)
    manages = policy.manages(request.user, programme)
    if not (manages or policy.is_mentor(request.user)):
        raise PermissionDenied
    participants = programme.participants.select_related("student", "mentor", "position__host")
    if not manages:
        participants = participants.filter(mentor=request.user)
    return render(request, "programmes/cohort.html", {"programme": programme, "participants": participants,
                                                      "manages": manages})


@login_required
def participant_detail(request, participant_id: int):
    """A participant: mentor, check-ins, completion and the survey."""
    participant = get_object_or_404(Participant.objects.select_related("programme", "student", "mentor",
                                                                       "position__host"), pk=participant_id)
    if not policy.may_view_participant(request.user, participant) and not policy.manages(
            request.user, participant.programme):
        raise PermissionDenied
    manages = policy.manages(request.user, participant.programme)
    action = request.POST.get("action") if request.method == "POST" else None
    mentor_form = forms.MentorForm(request.POST if action == "mentor" else None)
    check_in_form = forms.CheckInForm(request.POST if action == "check_in" else None)
    feedback_form = forms.FeedbackForm(request.POST if action == "feedback" else None)
    bound = {"mentor": mentor_form, "check_in": check_in_form, "feedback": feedback_form}.get(action)
    if action == "complete" or (bound is not None and bound.is_valid()):
        try:
            if action == "mentor":
                services.assign_mentor(participant, mentor_form.cleaned_data["mentor"], acting_user=request.user)
            elif action == "check_in":
                services.add_check_in(participant, acting_user=request.user, note=check_in_form.cleaned_data["note"])
            elif action == "feedback":
                services.submit_feedback(participant, acting_user=request.user, **feedback_form.cleaned_data)
            else:
                services.complete_participation(participant, acting_user=request.user)
        except DomainError as error:
            if bound is not None:
                add_to_form(bound, error)
            else:
                _refused(request, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programmes:participant_detail", participant_id=participant.pk)
    return render(request, "programmes/participant_detail.html", {
        "participant": participant, "manages": manages, "mentor_form": mentor_form, "check_in_form": check_in_form,
        "feedback_form": feedback_form, "check_ins": participant.check_ins.select_related("author"),
        "may_check_in": policy.may_check_in(request.user, participant),
        "is_student": participant.student_id == request.user.pk,
        "feedback": getattr(participant, "feedback", None) if hasattr(participant, "feedback") else None})


__all__ = [
    "cohort", "participant_detail",
]
