"""Pages of the match: preview and run, its results, a second round, offers and the student's programmes."""


from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.policy import programmes as policy
from zonebridge.programmes import forms, services
from zonebridge.programmes.models import (
    Application,
    Offer,
    Participant,
    PlacementRun,
    Round,
)
from zonebridge.programmes.views.common import _managed_round, _refused, _student_reasons


@login_required
def match(request, round_id: int):
    """The match: a dry-run preview with statistics; POST commits the run as a job with a progress bar."""
    round_ = _managed_round(request, round_id)
    if request.method == "POST":
        try:
            job = services.start_placement_run(round_, acting_user=request.user)
        except DomainError as error:
            _refused(request, error)
            return redirect("programmes:match", round_id=round_.pk)
        return redirect("core:job_detail", job_id=job.pk)
    preview, problem = None, None
    try:
        preview = services.preview_match(round_, acting_user=request.user)
    except DomainError as error:
        problem = error.message
    return render(request, "programmes/match.html", {
        "round": round_, "preview": preview, "problem": problem,
        "run": PlacementRun.objects.filter(round=round_).first()})


@login_required
def run_detail(request, run_id: int):
    """A committed run: statistics, the stability verdict, offers and why places stayed empty."""
    run = get_object_or_404(PlacementRun.objects.select_related("round__programme"), pk=run_id)
    if not policy.manages(request.user, run.round.programme):
        raise PermissionDenied
    offers = run.offers.select_related("position__host", "application__student")
    return render(request, "programmes/run_detail.html", {
        "run": run, "round": run.round, "offers": offers[:500], "offer_count": offers.count(),
        "has_next": Round.objects.filter(previous=run.round).first()})


@login_required
@require_POST
def second_round(request, round_id: int):
    """Open a second round with the free places and the candidates still without one."""
    round_ = _managed_round(request, round_id)
    form = forms.RoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the new round's dates."))
        return redirect("programmes:round_detail", round_id=round_.pk)
    try:
        new = services.open_second_round(round_, acting_user=request.user,
                                         applications_close_at=form.cleaned_data["applications_close_at"],
                                         offer_deadline=form.cleaned_data["offer_deadline"])
    except DomainError as error:
        _refused(request, error)
        return redirect("programmes:round_detail", round_id=round_.pk)
    messages.success(request, _("The second round is created as a draft with the free places."))
    return redirect("programmes:round_detail", round_id=new.pk)


@login_required
def free_places(request, round_id: int):
    """The operator's free places of a published round, each with its eligible candidates; POST offers one."""
    round_ = _managed_round(request, round_id)
    try:
        rows = services.freed_places(round_, acting_user=request.user)
    except DomainError as error:
        raise PermissionDenied from error
    posted = request.POST.get("position") if request.method == "POST" else None
    default_deadline = max(round_.offer_deadline, timezone.now() + timedelta(days=7))
    for row in rows:
        bound = posted == str(row["position"].pk)
        row["form"] = forms.DirectOfferForm(request.POST if bound else None, candidates=row["candidates"],
                                            initial={"deadline": timezone.localtime(default_deadline)},
                                            prefix=f"p{row['position'].pk}")
        if bound and row["form"].is_valid():
            try:
                offer = services.offer_free_place(row["position"], row["form"].cleaned_data["application"],
                                                  acting_user=request.user,
                                                  deadline=row["form"].cleaned_data["deadline"])
            except DomainError as error:
                add_to_form(row["form"], error)
            else:
                messages.success(request, _("%(student)s is offered a place at “%(position)s”.") % {
                    "student": offer.application.student, "position": row["position"].title})
                return redirect("programmes:free_places", round_id=round_.pk)
    if posted and not any(posted == str(row["position"].pk) for row in rows):
        messages.error(request, _("That position has no free place any more."))
    return render(request, "programmes/free_places.html", {"round": round_, "rows": rows})


@login_required
def offer_detail(request, offer_id: int):
    """An offer: the student accepts or declines it before its deadline."""
    offer = get_object_or_404(Offer.objects.select_related("position__host", "round__programme__host_zone",
                                                           "application__student"), pk=offer_id)
    if not policy.may_view_offer(request.user, offer):
        raise Http404
    if request.method == "POST":
        if not policy.may_respond_to_offer(request.user, offer):
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "accept":
                services.accept_offer(offer, acting_user=request.user)
                messages.success(request, _("You accepted the offer. Welcome to the programme!"))
            elif action == "decline":
                services.decline_offer(offer, acting_user=request.user)
                messages.success(request, _("You declined the offer."))
        except DomainError as error:
            _refused(request, error)
        return redirect("programmes:offer_detail", offer_id=offer.pk)
    return render(request, "programmes/offer_detail.html", {
        "offer": offer, "may_respond": policy.may_respond_to_offer(request.user, offer),
        "time_zone": offer.round.programme.host_zone.time_zone})


@login_required
def my_programmes(request):
    """What the signed-in person has in programmes: applications, offers, results, participations."""
    applications = (Application.objects.filter(student=request.user)
                    .select_related("round__programme", "university").order_by("-created_at"))
    rows = []
    for application in applications:
        run = PlacementRun.objects.filter(round=application.round_id).first()
        rows.append((application, application.offers.select_related("position__host"),
                     _student_reasons(services.explanation_for_student(run, application)) if run else []))
    participations = Participant.objects.filter(student=request.user).select_related("programme", "position__host")
    mentoring = Participant.objects.filter(mentor=request.user).select_related("programme", "student")
    return render(request, "programmes/my_programmes.html", {
        "rows": rows, "participations": participations, "mentoring": mentoring})


__all__ = [
    "match", "run_detail", "second_round", "free_places", "offer_detail", "my_programmes",
]
