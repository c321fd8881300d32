"""Pages of candidates: applying, nominating, rank lists on both sides, positions, review, results, exports."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.policy import programmes as policy
from zonebridge.programmes import exports, forms, queries, services
from zonebridge.programmes.models import (
    Application,
    Nomination,
    NominationState,
    Offer,
    PlacementRun,
    Position,
    RoundState,
)
from zonebridge.programmes.views.common import _host_reasons, _managed_round, _refused, _round


@login_required
def round_apply(request, round_id: int):
    """A student applies to an open round."""
    round_ = _round(round_id, request.user)
    if not policy.is_student(request.user):
        raise PermissionDenied
    form = forms.ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.apply_to_round(round_, acting_user=request.user, **form.cleaned_data)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("You applied. Now rank the positions open to you."))
            return redirect("programmes:student_ranking", round_id=round_.pk)
    return render(request, "programmes/simple_form.html", {
        "form": form, "heading": _("Apply to %(round)s") % {"round": round_.label},
        "submit": pgettext("apply to a programme", "Apply")})


@login_required
def nominations(request, round_id: int):
    """A coordinator's nominations for a round: the quota, who is nominated, a form to nominate more."""
    round_ = _round(round_id, request.user)
    if not policy.may_nominate(request.user, round_):
        raise PermissionDenied
    universities = list(policy.coordinated_universities(request.user))
    form = forms.NominationForm(request.POST or None, universities=universities)
    if request.method == "POST" and form.is_valid():
        student = form.cleaned_data["student"]
        university = next(u for u in universities if student.memberships.filter(organisation=u).exists())
        try:
            services.nominate(round_, student, university=university, acting_user=request.user,
                              recommendation=form.cleaned_data["recommendation"])
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("%(student)s is nominated.") % {"student": student})
            return redirect("programmes:nominations", round_id=round_.pk)
    quotas = [(u, services.quota_for(round_, u), round_.nominations.filter(
        university=u, state=NominationState.ACTIVE).count()) for u in universities]
    listed = round_.nominations.filter(university__in=universities).select_related("student", "university")
    # The nominee's latest offer, if the match (or the operator) made one: withdrawing now withdraws it too.
    offers = {offer.application_id: offer for offer in Offer.objects.filter(
        round=round_, application__in=listed.values("application_id")).select_related("position").order_by(
        "created_at", "pk")}
    return render(request, "programmes/nominations.html", {
        "round": round_, "form": form, "quotas": quotas,
        "rows": [(nomination, offers.get(nomination.application_id)) for nomination in listed],
        "may_withdraw": round_.state in services.candidates.WITHDRAWABLE_STATES})


@login_required
@require_POST
def nomination_withdraw(request, nomination_id: int):
    """Withdraw a nomination until the round closes (after the match, with the nominee's offer)."""
    nomination = get_object_or_404(Nomination, pk=nomination_id)
    if not policy.coordinated_universities(request.user).filter(pk=nomination.university_id).exists():
        raise PermissionDenied
    try:
        services.withdraw_nomination(nomination, acting_user=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The nomination is withdrawn."))
    return redirect("programmes:nominations", round_id=nomination.round_id)


@login_required
def student_ranking(request, round_id: int):
    """A student's rank list: add, remove and reorder the positions open to them (buttons, keys, dragging)."""
    round_ = _round(round_id, request.user)
    application = Application.objects.filter(round=round_, student=request.user).first()
    if application is None:
        raise PermissionDenied
    ranked = queries.student_ranking(application)
    if request.method == "POST":
        order = [int(pk) for pk in request.POST.getlist("position") if pk.isdigit()]
        move = request.POST.get("move", "")
        # Without JavaScript each button posts the list with one change; with it, the list is sent as shown.
        if ":" in move:
            verb, _sep, target = move.partition(":")
            if target.isdigit():
                order = _moved(order, verb, int(target))
        try:
            services.set_student_ranking(application, order, acting_user=request.user)
        except DomainError as error:
            _refused(request, error)
        else:
            if request.POST.get("save"):
                messages.success(request, _("Your rank list is saved."))
            return redirect("programmes:student_ranking", round_id=round_.pk)
    open_positions = [p for p in queries.positions_open_to(application) if p not in ranked]
    return render(request, "programmes/student_ranking.html", {
        "round": round_, "application": application, "unranked": open_positions,
        "ranked_rows": [(p, p.title, p.host.name) for p in ranked],
        "editable": round_.state in (RoundState.OPEN, RoundState.REVIEW)})


def _moved(order: list[int], verb: str, target: int) -> list[int]:
    """The rank list after one button: up, down, add (to the end) or remove `target`."""
    order = list(order)
    if verb == "add" and target not in order:
        return [*order, target]
    if target not in order:
        return order
    index = order.index(target)
    if verb == "remove":
        order.pop(index)
    elif verb == "up" and index > 0:
        order[index - 1], order[index] = order[index], order[index - 1]
    elif verb == "down" and index < len(order) - 1:
        order[index + 1], order[index] = order[index], order[index + 1]
    return order


@login_required
def position_create(request, round_id: int):
    """A host organisation's admin posts a position."""
    round_ = _round(round_id, request.user)
    if not policy.may_post_position(request.user, round_):
        raise PermissionDenied
    from zonebridge.directory.models import Organisation

    hosts = (Organisation.objects.filter(home_zone=round_.programme.host_zone) if policy.manages(
        request.user, round_.programme) else policy.hosted_organisations(request.user).filter(
        home_zone=round_.programme.host_zone))
    form = forms.PositionForm(request.POST or None, hosts=hosts)
    if request.method == "POST" and form.is_valid():
        position = Position(round=round_, host=form.cleaned_data["host"])
        fields = {name: form.cleaned_data[name] for name in services.rounds.POSITION_PLAIN_FIELDS}
        try:
            services.save_position(position, acting_user=request.user, texts=form.texts(), fields=fields,
                                   universities=form.cleaned_data["universities"])
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The position is posted."))
            return redirect("programmes:position_detail", position_id=position.pk)
    return render(request, "programmes/position_form.html", {"form": form, "round": round_})


def position_detail(request, position_id: int):
    """A position: its description; for its host, offers and why places are unfilled."""
    position = get_object_or_404(Position.objects.select_related("host", "round__programme__host_zone"),
                                 pk=position_id)
    _round(position.round_id, request.user)
    manages = policy.may_manage_position(request.user, position)
    run = PlacementRun.objects.filter(round=position.round).first() if manages else None
    return render(request, "programmes/position_detail.html", {
        "position": position, "round": position.round, "manages": manages,
        "offers": position.offers.select_related("application__student") if manages else [],
        "unfilled": _host_reasons(services.explanation_for_position(run, position)) if run else None})


@login_required
def host_ranking(request, position_id: int):
    """A host ranks the candidates for one of its positions (same controls as the students' list)."""
    position = get_object_or_404(Position.objects.select_related("host", "round__programme"), pk=position_id)
    if not policy.may_manage_position(request.user, position):
        raise PermissionDenied
    round_ = position.round
    if request.method == "POST":
        order = [int(pk) for pk in request.POST.getlist("application") if pk.isdigit()]
        verb, _sep, target = request.POST.get("move", "").partition(":")
        if target.isdigit():
            order = _moved(order, verb, int(target))
        try:
            services.set_host_ranking(position, order, acting_user=request.user)
        except DomainError as error:
            _refused(request, error)
        else:
            if request.POST.get("save"):
                messages.success(request, _("Your rank list is saved."))
            return redirect("programmes:host_ranking", position_id=position.pk)
    ranked = queries.host_ranking(position)
    wanting = set(position.student_ranks.values_list("application_id", flat=True))
    others = [a for a in queries.candidates_for(position) if a not in ranked]
    others.sort(key=lambda a: (a.pk not in wanting, a.pk))
    return render(request, "programmes/host_ranking.html", {
        "position": position, "round": round_, "unranked": others, "wanting": wanting,
        "ranked_rows": [(a, str(a.student), a.university.name) for a in ranked],
        "editable": round_.state in (RoundState.OPEN, RoundState.REVIEW)})


@login_required
def review_list(request, round_id: int):
    """A reviewer's queue: the round's applications they may score (conflicts left out), least reviewed first."""
    round_ = _round(round_id, request.user)
    try:
        rows = services.review_queue(round_, acting_user=request.user)
    except DomainError as error:
        raise PermissionDenied from error
    return render(request, "programmes/review_list.html", {"round": round_, "rows": rows})


@login_required
def application_detail(request, application_id: int):
    """An application: statement, nominations, scores; reviewers score it here, operators decide."""
    application = get_object_or_404(Application.objects.select_related("student__profile", "university",
                                                                       "round__programme"), pk=application_id)
    round_ = application.round
    if not policy.may_view_application(request.user, application):
        raise PermissionDenied
    manages = policy.manages(request.user, round_.programme)
    may_review = policy.may_review(request.user, application)
    criteria = list(round_.criteria.all())
    existing = application.reviews.filter(reviewer=request.user).first()
    initial = {f"score_{k}": v for k, v in (existing.scores if existing else {}).items()}
    if existing:
        initial["comment"] = existing.comment
    action = request.POST.get("action") if request.method == "POST" else None
    form = forms.review_form(criteria, request.POST if action == "review" else None, initial=initial)
    if action == "review":
        if not may_review:
            raise PermissionDenied
        if form.is_valid():
            scores = {c.pk: form.cleaned_data[f"score_{c.pk}"] for c in criteria}
            try:
                services.score_application(application, acting_user=request.user, scores=scores,
                                           comment=form.cleaned_data["comment"])
            except DomainError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Your scores are saved."))
                return redirect("programmes:review_list", round_id=round_.pk)
    elif action == "decide":
        if not manages:
            raise PermissionDenied
        try:
            services.decide_application(application, request.POST.get("decision", ""), acting_user=request.user)
        except DomainError as error:
            _refused(request, error)
        else:
            messages.success(request, _("The decision is recorded and the student told."))
        return redirect("programmes:results", round_id=round_.pk)
    # Scores of others stay hidden from a reviewer until their own is in (no anchoring).
    reviews = application.reviews.select_related("reviewer") if manages or existing else []
    # Name, university and CV as this reader may see them (blind review, cross-border personal data).
    applicant = services.applicant_for(application, acting_user=request.user)
    return render(request, "programmes/application_detail.html", {
        "application": application, "round": round_, "manages": manages, "may_review": may_review,
        "form": form, "reviews": reviews, "criteria": criteria, "applicant": applicant})


@login_required
def results(request, round_id: int):
    """The operator's ranked results with decisions, and exports."""
    round_ = _managed_round(request, round_id)
    return render(request, "programmes/results.html", {
        "round": round_, "rows": queries.ranked_results(round_), "decisions": services.DECISIONS,
        "decidable": round_.state in (RoundState.OPEN, RoundState.REVIEW), "exports": exports.LISTS})


@login_required
def export(request, round_id: int, list_name: str, fmt: str):
    """A list of the round as CSV or XLSX."""
    round_ = _managed_round(request, round_id)
    if list_name not in exports.LISTS or fmt not in ("csv", "xlsx"):
        raise Http404
    return exports.response(round_, list_name, fmt)


__all__ = [
    "round_apply", "nominations", "nomination_withdraw", "student_ranking", "position_create", "position_detail",
    "host_ranking", "review_list", "application_detail", "results", "export",
]
