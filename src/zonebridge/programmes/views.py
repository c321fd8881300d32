"""Pages of programmes, one per role's task; each parses, asks policy, calls one service and renders."""

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
from zonebridge.policy.accounts import may_view_personal_data
from zonebridge.programmes import exports, forms, queries, services
from zonebridge.programmes.models import (
    Application,
    Nomination,
    NominationState,
    Offer,
    Participant,
    PlacementRun,
    Position,
    Programme,
    Round,
    RoundState,
)


def _student_reasons(lines: list[dict]) -> list[dict]:
    """The engine's reasons why a student is unplaced, in the reader's language."""
    texts = {
        "did_not_rank": _("did not rank you"),
        "no_places": _("had no places"),
        "full_with_preferred": _("filled every place with candidates it ranked higher"),
        "would_accept": _("would have taken you (the placement is not stable; the operators are told)"),
    }
    return [{**line, "text": texts.get(line["reason"], line["reason"])} for line in lines]


def _host_reasons(explanation: dict | None) -> dict | None:
    """The engine's reasons why a position has empty places, in the reader's language."""
    if explanation is None:
        return None
    texts = {
        "did_not_rank": _("did not rank this position"),
        "placed_at_preferred": _("was placed at a position they ranked higher"),
        "would_accept": _("would have come (the placement is not stable)"),
    }
    lines = [{**line, "text": texts.get(line["reason"], line["reason"])} for line in explanation["lines"]]
    return {**explanation, "lines": lines}


def _round(round_id: int, user) -> Round:
    """A round as `user` may see it: drafts only for the programme's operators."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone", "programme__home_zone"),
                               pk=round_id)
    if round_.state == RoundState.DRAFT and not policy.manages(user, round_.programme):
        raise Http404
    return round_


def _managed_round(request, round_id: int) -> Round:
    round_ = _round(round_id, request.user)
    if not policy.manages(request.user, round_.programme):
        raise PermissionDenied
    return round_


def _refused(request, error: DomainError):
    messages.error(request, error.message)


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
    return render(request, "programmes/nominations.html", {
        "round": round_, "form": form, "quotas": quotas, "nominations": listed,
        "may_withdraw": round_.state in (RoundState.OPEN, RoundState.REVIEW)})


@login_required
@require_POST
def nomination_withdraw(request, nomination_id: int):
    """Withdraw a nomination before the match."""
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
def round_settings(request, round_id: int):
    """The operator's settings of a round: quotas per university, the rubric, reviewers."""
    round_ = _managed_round(request, round_id)
    action = request.POST.get("form") if request.method == "POST" else None
    quota_form = forms.QuotaForm(request.POST if action == "quota" else None)
    criterion_form = forms.CriterionForm(request.POST if action == "criterion" else None)
    reviewer_form = forms.ReviewerForm(request.POST if action == "reviewer" else None)
    bound = {"quota": quota_form, "criterion": criterion_form, "reviewer": reviewer_form}.get(action)
    if bound is not None and bound.is_valid():
        data = bound.cleaned_data
        try:
            if action == "quota":
                services.set_quota(round_, data["university"], data["quota"], acting_user=request.user)
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
        "reviewer_form": reviewer_form, "quotas": round_.quotas.select_related("university"),
        "criteria": round_.criteria.all(), "reviewers": round_.reviewers.all()})


@login_required
def review_list(request, round_id: int):
    """A reviewer's queue: the round's applications they may score (conflicts left out), least reviewed first."""
    round_ = _round(round_id, request.user)
    if not (policy.is_reviewer(request.user, round_) or policy.manages(request.user, round_.programme)):
        raise PermissionDenied
    rows = [a for a in queries.ranked_results(round_).order_by("review_count", "pk")
            if policy.manages(request.user, round_.programme) or policy.may_review(request.user, a)]
    mine = set(round_.applications.filter(reviews__reviewer=request.user).values_list("pk", flat=True))
    return render(request, "programmes/review_list.html", {"round": round_, "rows": rows, "mine": mine})


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
    # The CV is personal data: shown across the border only with the student's consent (accounts policy).
    profile = getattr(application.student, "profile", None)
    cv = profile.cv if profile and profile.cv_id and may_view_personal_data(request.user, application.student) else None
    return render(request, "programmes/application_detail.html", {
        "application": application, "round": round_, "manages": manages, "may_review": may_review,
        "form": form, "reviews": reviews, "criteria": criteria, "cv": cv,
        "nominations": application.nominations.select_related("nominated_by")})


@login_required
def results(request, round_id: int):
    """The operator's ranked results with decisions, and exports."""
    round_ = _managed_round(request, round_id)
    return render(request, "programmes/results.html", {
        "round": round_, "rows": queries.ranked_results(round_), "decisions": services.DECISIONS,
        "decidable": round_.state in (RoundState.OPEN, RoundState.REVIEW), "exports": exports.LISTS})


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


@login_required
def export(request, round_id: int, list_name: str, fmt: str):
    """A list of the round as CSV or XLSX."""
    round_ = _managed_round(request, round_id)
    if list_name not in exports.LISTS or fmt not in ("csv", "xlsx"):
        raise Http404
    return exports.response(round_, list_name, fmt)


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
