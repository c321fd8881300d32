"""Pages of programmes and rounds: lists, creation, a round's page by role, its states and settings."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.policy import programmes as policy
from zonebridge.programmes import forms, queries, services
from zonebridge.programmes.models import (
    Application,
    PlacementRun,
    Programme,
    Round,
    RoundState,
)
from zonebridge.programmes.views.common import _managed_round, _refused, _round, _student_reasons


def programme_list(request):
    """Every exchange programme, newest first."""
    programmes = Programme.objects.select_related("home_zone", "host_zone")
    return render(request, "programmes/programme_list.html", {
        "programmes": programmes, "may_create": policy.may_create_programme(request.user)})


@login_required
def programme_create(request):
    """A zone operator creates a programme."""
    if not policy.may_create_programme(request.user):
        raise PermissionDenied
    form = forms.ProgrammeForm(request.POST or None, host_zones=policy.operated_zones(request.user))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.rounds.PROGRAMME_PLAIN_FIELDS}
        try:
            programme = services.create_programme(acting_user=request.user, texts=form.texts(), fields=fields)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The programme was created. Add its first round."))
            return redirect("programmes:programme_detail", slug=programme.slug)
    return render(request, "programmes/programme_form.html", {"form": form})


def programme_detail(request, slug: str):
    """A programme: its description and its rounds."""
    programme = get_object_or_404(Programme.objects.select_related("home_zone", "host_zone"), slug=slug)
    manages = policy.manages(request.user, programme)
    rounds = programme.rounds.all() if manages else programme.rounds.exclude(state=RoundState.DRAFT)
    return render(request, "programmes/programme_detail.html", {
        "programme": programme, "rounds": rounds, "manages": manages,
        "sees_cohort": manages or policy.is_mentor(request.user)})


@login_required
def round_create(request, slug: str):
    """The programme's operator adds a round."""
    programme = get_object_or_404(Programme, slug=slug)
    if not policy.manages(request.user, programme):
        raise PermissionDenied
    form = forms.RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(programme, acting_user=request.user, **form.cleaned_data)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The round was created as a draft."))
            return redirect("programmes:round_detail", round_id=round_.pk)
    return render(request, "programmes/simple_form.html", {
        "form": form, "heading": _("New round of %(programme)s") % {"programme": programme.title},
        "submit": _("Create the round")})


def round_detail(request, round_id: int):
    """A round: its positions, and what the reader can do in it by role."""
    round_ = _round(round_id, request.user)
    user = request.user
    manages = policy.manages(user, round_.programme)
    application = (Application.objects.filter(round=round_, student=user).first()
                   if user.is_authenticated else None)
    hosted = set(policy.hosted_organisations(user).values_list("pk", flat=True)) if user.is_authenticated else set()
    # A candidate sees the positions open to them; everyone else sees all of the round's positions.
    positions = (queries.positions_open_to(application) if application and not manages and not hosted
                 else round_.positions.select_related("host"))
    run = PlacementRun.objects.filter(round=round_).first()
    why = _student_reasons(services.explanation_for_student(run, application)) if run and application else []
    transitions = [t for t in services.ROUND_FLOW.available(round_, user) if t.name in services.BUTTON_TRANSITIONS]
    return render(request, "programmes/round_detail.html", {
        "round": round_, "programme": round_.programme, "positions": positions, "manages": manages,
        "application": application, "transitions": transitions, "run": run, "why": why,
        "my_offers": application.offers.select_related("position__host")
        if application else [],
        "may_apply": round_.state == RoundState.OPEN and application is None and policy.is_student(user),
        "may_nominate": policy.may_nominate(user, round_),
        "may_post": round_.state in services.rounds.EDITABLE_STATES and policy.may_post_position(user, round_),
        "hosted_positions": [p for p in positions if p.host_id in hosted or manages],
        "is_reviewer": policy.is_reviewer(user, round_),
    })


@login_required
@require_POST
def round_transition(request, round_id: int):
    """Move a round to its next state."""
    round_ = _managed_round(request, round_id)
    try:
        services.transition_round(round_, request.POST.get("action", ""), acting_user=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The round is now: %(state)s.") % {
            "state": Round.objects.get(pk=round_.pk).get_state_display()})
    return redirect("programmes:round_detail", round_id=round_.pk)


@login_required
def round_settings(request, round_id: int):
    """The operator's settings of a round: quotas per university, the rubric, reviewers, a blind review."""
    round_ = _managed_round(request, round_id)
    action = request.POST.get("form") if request.method == "POST" else None
    quota_form = forms.QuotaForm(request.POST if action == "quota" else None)
    criterion_form = forms.CriterionForm(request.POST if action == "criterion" else None)
    reviewer_form = forms.ReviewerForm(request.POST if action == "reviewer" else None)
    blind_form = forms.BlindReviewForm(request.POST if action == "blind" else None,
                                       initial={"blind_review": round_.blind_review})
    bound = {"quota": quota_form, "criterion": criterion_form, "reviewer": reviewer_form,
             "blind": blind_form}.get(action)
    if bound is not None and bound.is_valid():
        data = bound.cleaned_data
        try:
            if action == "quota":
                services.set_quota(round_, data["university"], data["quota"], acting_user=request.user)
            elif action == "blind":
                services.set_blind_review(round_, data["blind_review"], acting_user=request.user)
            elif action == "criterion":
                services.add_criterion(round_, acting_user=request.user, texts=criterion_form.texts(),
                                       weight=data["weight"], max_score=data["max_score"])
            else:
                services.invite_reviewer(round_, data["reviewer"], acting_user=request.user)
        except DomainError as error:
            add_to_form(bound, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programmes:round_settings", round_id=round_.pk)
    return render(request, "programmes/round_settings.html", {
        "round": round_, "quota_form": quota_form, "criterion_form": criterion_form,
        "reviewer_form": reviewer_form, "blind_form": blind_form, "quotas": round_.quotas.select_related("university"),
        "criteria": round_.criteria.all(), "reviewers": round_.reviewers.all()})


__all__ = [
    "programme_list", "programme_create", "programme_detail", "round_create", "round_detail", "round_transition",
    "round_settings",
]
