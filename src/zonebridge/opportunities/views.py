"""Pages of the marketplace: browse and search, post and edit, recommendations, interests, saved searches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.core.errors import DomainError, InvalidFields, add_to_form
from zonebridge.core.jobs import start_job
from zonebridge.opportunities import jobs, queries, services
from zonebridge.opportunities.forms import (
    InterestForm,
    NewOpportunityForm,
    OpportunityEditForm,
    OpportunityFilterForm,
    OutcomeForm,
)
from zonebridge.opportunities.models import InterestExpression, Opportunity, SavedSearch
from zonebridge.policy import opportunities as policy

PAGE_SIZE = 20


def _filters(form) -> dict:
    data = form.cleaned_data
    return {"q": data.get("q") or "", "kind": data.get("kind") or "", "direction": data.get("direction") or "",
            "sector": data.get("sector"), "zone": data.get("zone"), "since": data.get("since")}


def opportunity_list(request):
    """Browse open postings; a query is ranked by the cross-lingual engine, with reasons on every hit."""
    form = OpportunityFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        results = []
    else:
        results = queries.search(request.user, **(_filters(form) if form.is_bound else {}))
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "may_save": request.user.is_authenticated and form.is_bound,
               "may_post": policy.organisations_to_post_for(request.user).exists(),
               "may_rebuild": policy.may_rebuild(request.user)}
    template = "opportunities/_results.html" if request.htmx else "opportunities/list.html"
    return render(request, template, context)


@login_required
def opportunity_new(request):
    """Post an offer or a need for one of your organisations."""
    organisations = policy.organisations_to_post_for(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = NewOpportunityForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        language, texts = services.texts_in(data["language"], data["title"], data["description"])
        try:
            opportunity = services.create_opportunity(
                acting_user=request.user, organisation=data["organisation"], kind=data["kind"], texts=texts,
                language=language, sectors=data["sectors"], **form.plain_fields())
        except DomainError as error:
            add_to_form(form, _on_single_texts(error))
        else:
            messages.success(request, _("Your posting is published. It is findable within a few seconds."))
            return redirect("opportunities:detail", opportunity.pk)
    return render(request, "opportunities/new.html", {"form": form})


def _on_single_texts(error: DomainError) -> DomainError:
    """A service error about `title_zh_hans` shown on the new-posting form's one `title` field."""
    problems = error.problems if isinstance(error, InvalidFields) else {error.field: error.message}
    return InvalidFields({(name or "__all__").split("_")[0] if name and name.startswith(("title_", "description_"))
                          else (name or "__all__"): message for name, message in problems.items()})


def _visible(request, opportunity_id: int) -> Opportunity:
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation__home_zone", "target_zone"),
                                    pk=opportunity_id)
    if not policy.may_view_opportunity(request.user, opportunity):
        raise Http404
    return opportunity


def opportunity_detail(request, opportunity_id: int):
    """One posting; its owners see the interests received and the organisations that fit it."""
    opportunity = _visible(request, opportunity_id)
    owner = policy.may_see_interests_of(request.user, opportunity)
    interest_form = None
    if policy.may_express_interest(request.user, opportunity):
        organisations = policy.organisations_acting_for(request.user).exclude(pk=opportunity.organisation_id)
        interest_form = InterestForm(organisations=organisations)
    sent = InterestExpression.objects.filter(
        opportunity=opportunity, organisation__in=policy.organisations_acting_for(request.user)).first()
    return render(request, "opportunities/detail.html", {
        "opportunity": opportunity, "may_edit": owner, "interest_form": interest_form, "sent": sent,
        "interests": opportunity.interests.select_related("organisation__home_zone") if owner else None,
        "fitting": queries.organisations_fitting(opportunity) if owner else None,
    })


@login_required
def opportunity_edit(request, opportunity_id: int):
    """Edit a posting in every language (its organisation's admins and members, its zone's operators)."""
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation__home_zone"), pk=opportunity_id)
    if not policy.may_edit_opportunity(request.user, opportunity):
        raise PermissionDenied
    form = OpportunityEditForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_opportunity(opportunity, acting_user=request.user, texts=form.texts(),
                                        fields=form.plain_fields(), sectors=form.cleaned_data["sectors"])
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The posting was saved."))
            return redirect("opportunities:detail", opportunity.pk)
    return render(request, "opportunities/edit.html", {"opportunity": opportunity, "form": form})


@login_required
@require_POST
def opportunity_withdraw(request, opportunity_id: int):
    """Withdraw a posting."""
    opportunity = get_object_or_404(Opportunity, pk=opportunity_id)
    if not policy.may_edit_opportunity(request.user, opportunity):
        raise PermissionDenied
    try:
        services.withdraw_opportunity(opportunity, acting_user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The posting was withdrawn."))
    return redirect("opportunities:detail", opportunity.pk)


@login_required
def opportunity_interest(request, opportunity_id: int):
    """Express interest in a posting (the form is on the posting's page)."""
    opportunity = _visible(request, opportunity_id)
    if not policy.may_express_interest(request.user, opportunity):
        raise PermissionDenied
    organisations = policy.organisations_acting_for(request.user).exclude(pk=opportunity.organisation_id)
    form = InterestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            interest = services.express_interest(opportunity, acting_user=request.user,
                                                 organisation=form.cleaned_data["organisation"],
                                                 message=form.cleaned_data["message"])
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Your interest was sent. You will be told when they answer."))
            return redirect("opportunities:interest_detail", interest.pk)
    return render(request, "opportunities/interest_form.html", {"opportunity": opportunity, "form": form})


@login_required
def recommended(request):
    """Postings recommended for each of your organisations, with the reasons."""
    groups = [(organisation, queries.recommended_for(request.user, organisation))
              for organisation in policy.organisations_acting_for(request.user)]
    return render(request, "opportunities/recommended.html", {"groups": groups})


@login_required
def interest_list(request):
    """Interests your organisations sent and received; operators also see every cross-zone interest."""
    lists = queries.interests_for(request.user)
    cross_zone = queries.cross_zone_interests(request.user)[:200] if policy.may_see_all_interests(request.user) \
        else None
    return render(request, "opportunities/interests.html", {
        "sent": lists["sent"][:200], "received": lists["received"][:200], "cross_zone": cross_zone})


def _interest(request, interest_id: int) -> InterestExpression:
    interest = get_object_or_404(InterestExpression.objects.select_related(
        "opportunity__organisation__home_zone", "organisation__home_zone", "sent_by__profile",
        "decided_by__profile", "brokered_by"), pk=interest_id)
    if not policy.may_view_interest(request.user, interest):
        raise Http404
    return interest


@login_required
def interest_detail(request, interest_id: int):
    """An expression of interest: the message, the answer, and once accepted, the introduction."""
    interest = _interest(request, interest_id)
    introduction = services.introduction_for(interest, viewer=request.user)
    return render(request, "opportunities/interest_detail.html", {
        "interest": interest, "contacts": introduction and introduction.contacts,
        "operators": introduction.operators if introduction else [],
        "actions": services.INTEREST_FLOW.available(interest, request.user),
        "outcome_form": OutcomeForm(initial={"outcome": interest.outcome or "talking"})
        if interest.state == "accepted" and policy.may_record_outcome(request.user, interest) else None,
        "may_broker": interest.state == "accepted" and interest.brokered_at is None
        and policy.may_broker(request.user, interest),
    })


@login_required
@require_POST
def interest_action(request, interest_id: int):
    """Accept, decline or withdraw an interest."""
    interest = _interest(request, interest_id)
    try:
        services.apply_interest_action(interest, request.POST.get("action", ""), acting_user=request.user)
    except DomainError as error:
        if error.status == 403:
            raise PermissionDenied from error
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done."))
    return redirect("opportunities:interest_detail", interest.pk)


@login_required
@require_POST
def interest_outcome(request, interest_id: int):
    """Report how an introduction went."""
    interest = _interest(request, interest_id)
    form = OutcomeForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(_("Choose an outcome."), field="outcome")
        services.record_outcome(interest, acting_user=request.user, outcome=form.cleaned_data["outcome"])
    except DomainError as error:
        if error.status == 403:
            raise PermissionDenied from error
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: the outcome was recorded."))
    return redirect("opportunities:interest_detail", interest.pk)


@login_required
@require_POST
def interest_broker(request, interest_id: int):
    """An operator introduces the two sides."""
    interest = _interest(request, interest_id)
    if not policy.may_broker(request.user, interest):
        raise PermissionDenied
    try:
        services.broker_introduction(interest, acting_user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Both sides were told that you introduced them."))
    return redirect("opportunities:interest_detail", interest.pk)


@login_required
def saved_searches(request):
    """Your saved searches (POST saves the current search of the listing)."""
    if request.method == "POST":
        form = OpportunityFilterForm(request.POST)
        if form.is_valid():
            try:
                services.save_search(acting_user=request.user, q=form.cleaned_data["q"],
                                     kind=form.cleaned_data["kind"], sector=form.cleaned_data["sector"],
                                     zone=form.cleaned_data["zone"])
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Search saved. New matches come by e-mail every Monday."))
        else:
            messages.error(request, _("This search could not be saved."))
        return redirect("opportunities:saved_searches")
    searches = SavedSearch.objects.filter(user=request.user).select_related("sector", "zone")
    return render(request, "opportunities/saved_searches.html", {"searches": searches})


@login_required
@require_POST
def saved_search_delete(request, search_id: int):
    """Delete one of your saved searches."""
    saved = get_object_or_404(SavedSearch, pk=search_id, user=request.user)
    services.delete_saved_search(saved, acting_user=request.user)
    messages.success(request, _("The saved search was deleted."))
    return redirect("opportunities:saved_searches")


def unsubscribe(request, unsubscribe_token: str):
    """One click from the digest e-mail: no more digests for that search (the signed token is the proof)."""
    try:
        saved = services.unsubscribe(unsubscribe_token)
    except DomainError as error:
        return render(request, "opportunities/unsubscribed.html", {"error": error.message}, status=404)
    return render(request, "opportunities/unsubscribed.html", {"saved": saved})


@login_required
@require_POST
def rebuild(request):
    """Operators: rebuild the search index and every recommendation, as a job with a progress bar."""
    if not policy.may_rebuild(request.user):
        raise PermissionDenied
    try:
        job = start_job(jobs.RECOMPUTE_ALL, acting_user=request.user, exclusive_key=jobs.RECOMPUTE_ALL)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("opportunities:list")
    return redirect("core:job_detail", job.pk)
