"""Pages of soft landing: the catalogue, requesting a service, a request with its thread, the operators'
queue, and calls for pilots. Each view parses, asks the policy, calls one service, renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.core.errors import DomainError, NotAllowed, add_to_form
from zonebridge.landing import queries
from zonebridge.landing.forms import (
    DECISION_FIELDS,
    ApplicationForm,
    BulkForm,
    CallSearchForm,
    CannedReplyForm,
    CannedReplyPickForm,
    CatalogueFilterForm,
    DecisionForm,
    MessageForm,
    QueueFilterForm,
    RatingForm,
    ScenarioCallForm,
    ServiceForm,
    ServiceRequestForm,
    TransitionForm,
    answer_labels,
)
from zonebridge.landing.models import (
    CannedReply,
    RequestState,
    ScenarioApplication,
    ScenarioCall,
    Service,
    ServiceRequest,
)
from zonebridge.landing.services import replies as reply_services
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services import scenarios as scenario_services
from zonebridge.landing.services.catalogue import save_service
from zonebridge.landing.services.requests import REQUEST_FLOW
from zonebridge.landing.services.scenarios import APPLICATION_FLOW
from zonebridge.policy import landing as policy

PAGE_SIZE = 25


def _show(form, error: DomainError) -> None:
    """A refusal by the policy is a 403; any other domain error goes on the form, which is shown again."""
    if isinstance(error, NotAllowed):
        raise PermissionDenied(error.message)
    add_to_form(form, error)


def catalogue(request):
    """The soft-landing services of every zone, by zone and category."""
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    services = queries.catalogue(zone=filters.get("zone"), category=filters.get("category", ""))
    return render(request, "landing/catalogue.html", {
        "form": form, "services": services, "is_operator": policy.operates_any_zone(request.user)})


def service_detail(request, slug: str):
    """One service: what it is, who provides it, who may ask, how long it takes, what space is left."""
    service = get_object_or_404(Service.objects.select_related("zone", "provider"), slug=slug)
    left = None
    if service.has_capacity:
        month = request_services.today_in(service.zone).replace(day=1)
        left = service.capacity_per_month - request_services.booked_units(service, month)
    return render(request, "landing/service_detail.html", {
        "service": service, "may_request": policy.may_request(request.user, service), "space_left": left,
        "may_edit": policy.may_manage_service(request.user, service.zone)})


def _service_editor(request, service: Service | None):
    zones = policy.operated_zones(request.user) if policy.operates_any_zone(request.user) else None
    if not zones or (service is not None and not policy.may_manage_service(request.user, service.zone)):
        raise PermissionDenied
    form = ServiceForm(request.POST or None, instance=service, zones=zones)
    if request.method == "POST" and form.is_valid():
        target = service or Service(zone=form.cleaned_data["zone"], slug=form.cleaned_data["slug"])
        try:
            saved = save_service(target, acting_user=request.user, texts=form.texts(), fields=form.plain_fields())
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("The service is saved."))
            return redirect("landing:service_detail", slug=saved.slug)
    return render(request, "landing/service_form.html", {"form": form, "service": service})


@login_required
def service_create(request):
    """Add a service to the catalogue of a zone you operate."""
    return _service_editor(request, None)


@login_required
def service_edit(request, slug: str):
    """Edit a catalogue service of a zone you operate."""
    return _service_editor(request, get_object_or_404(Service.objects.select_related("zone"), slug=slug))


@login_required
def request_create(request, slug: str):
    """Request a service for one of your organisations."""
    service = get_object_or_404(Service.objects.select_related("zone", "provider"), slug=slug)
    if not policy.may_request(request.user, service):
        raise PermissionDenied
    organisations = policy.acting_organisations(request.user).filter(
        pk__in=[o.pk for o in policy.acting_organisations(request.user) if policy.is_eligible(o, service)])
    form = ServiceRequestForm(request.POST or None, request.FILES or None, service=service,
                              organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            created = request_services.submit_request(
                service, acting_user=request.user, organisation=form.cleaned_data["organisation"],
                details=form.cleaned_data["details"], answers=form.answers(),
                attachment=form.cleaned_data.get("attachment"))
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("Your request %(reference)s was sent.") % {"reference": created.reference})
            return redirect("landing:request_detail", request_id=created.pk)
    return render(request, "landing/request_form.html", {"service": service, "form": form})


@login_required
def my_requests(request):
    """The requests you (or your organisation) made."""
    page = Paginator(queries.requests_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "landing/my_requests.html", {
        "page": page, "assigned": queries.assigned_to(request.user)[:50],
        "is_operator": policy.operates_any_zone(request.user)})


def _visible_request(request, request_id: int) -> ServiceRequest:
    service_request = get_object_or_404(
        ServiceRequest.objects.select_related("service__zone", "service__provider", "organisation", "requester",
                                              "assignee", "attachment", "booking"), pk=request_id)
    if not policy.may_view_request(request.user, service_request):
        raise PermissionDenied
    return service_request


def _request_page(request, service_request: ServiceRequest, *, message_form=None, transition_form=None,
                  rating_form=None, reply_pick_form=None):
    user = request.user
    works_on = policy.may_work_on_request(user, service_request)
    transitions = [t for t in REQUEST_FLOW.available(service_request, user)
                   if not (t.name == "close" and not policy.may_operate_request(user, service_request))]
    labels = answer_labels(service_request.service.category)
    reopen_refusal = None
    if policy.may_reopen(user, service_request) and service_request.state in (RequestState.DELIVERED,
                                                                               RequestState.CLOSED):
        reopen_refusal = request_services.REQUEST_FLOW.by_name["reopen"].guard(service_request)
    replies = None
    if policy.may_use_canned_replies(user, service_request):
        replies = queries.canned_replies([service_request.service.zone_id])
    return render(request, "landing/request_detail.html", {
        "service_request": service_request,
        "answers": [(labels.get(name, name), value) for name, value in service_request.answers.items()],
        "thread": queries.visible_messages(user, service_request),
        "transitions": transitions,
        "transition_form": transition_form or TransitionForm(
            assignees=queries.assignable_users(service_request) if works_on else None),
        "message_form": message_form or MessageForm(
            may_write_internal=policy.may_see_internal_notes(user, service_request)),
        "may_write": service_request.state not in (RequestState.CLOSED, RequestState.DECLINED),
        "may_rate": policy.may_rate(user, service_request) and service_request.state == RequestState.DELIVERED,
        "rating_form": rating_form or RatingForm(),
        "works_on": works_on,
        "is_overdue": request_services.is_overdue(service_request),
        "first_response_overdue": request_services.is_first_response_overdue(service_request),
        "reopen_refusal": reopen_refusal,
        "reply_pick_form": reply_pick_form or (
            CannedReplyPickForm(replies=replies) if replies is not None and replies.exists() else None),
        # The same texts the server would insert, for the page's script (it inserts without a round trip).
        "reply_texts": {str(reply.pk): reply_services.reply_text(reply, service_request) for reply in replies or ()},
    })


@login_required
def request_detail(request, request_id: int):
    """A request: its state, SLA, answers, thread, and the actions the viewer may take."""
    return _request_page(request, _visible_request(request, request_id))


@login_required
@require_POST
def request_act(request, request_id: int):
    """Apply one workflow action to a request."""
    service_request = _visible_request(request, request_id)
    form = TransitionForm(request.POST, assignees=queries.assignable_users(service_request))
    if form.is_valid():
        try:
            request_services.change_state(
                service_request, form.cleaned_data["action"], acting_user=request.user,
                assignee=form.cleaned_data.get("assignee"), reason=form.cleaned_data.get("reason", ""))
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("Done."))
            return redirect("landing:request_detail", request_id=service_request.pk)
    return _request_page(request, service_request, transition_form=form)


@login_required
@require_POST
def request_clock(request, request_id: int):
    """Stop the SLA clock while waiting on the requester, or restart it."""
    service_request = _visible_request(request, request_id)
    if not policy.may_work_on_request(request.user, service_request):
        raise PermissionDenied
    try:  # the policy was asked above: what is left is the clock's state
        if request.POST.get("clock") == "resume":
            request_services.resume_clock(service_request, acting_user=request.user)
        else:
            request_services.wait_on_requester(service_request, acting_user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("landing:request_detail", request_id=service_request.pk)


@login_required
@require_POST
def request_message(request, request_id: int):
    """Write on a request's thread."""
    service_request = _visible_request(request, request_id)
    may_write_internal = policy.may_see_internal_notes(request.user, service_request)
    if "insert_reply" in request.POST:
        return _insert_reply(request, service_request, may_write_internal)
    form = MessageForm(request.POST, request.FILES, may_write_internal=may_write_internal)
    if form.is_valid():
        try:
            request_services.post_message(service_request, acting_user=request.user,
                                          body=form.cleaned_data["body"],
                                          internal=form.cleaned_data.get("internal", False),
                                          attachment=form.cleaned_data.get("attachment"))
        except DomainError as error:
            _show(form, error)
        else:
            return redirect("landing:request_detail", request_id=service_request.pk)
    return _request_page(request, service_request, message_form=form)


def _insert_reply(request, service_request: ServiceRequest, may_write_internal: bool):
    """The thread's form comes back with the picked template after what was typed; nothing is sent yet."""
    if not policy.may_use_canned_replies(request.user, service_request):
        raise PermissionDenied
    replies = queries.canned_replies([service_request.service.zone_id])
    pick = CannedReplyPickForm(request.POST, replies=replies)
    body = request.POST.get("body", "")
    if pick.is_valid() and pick.cleaned_data["canned_reply"] is not None:
        try:
            body = reply_services.insert_reply(body, pick.cleaned_data["canned_reply"], service_request,
                                               acting_user=request.user)
        except NotAllowed as error:
            raise PermissionDenied(error.message) from error
        pick = CannedReplyPickForm(replies=replies)
    elif pick.is_valid():
        pick.add_error("canned_reply", _("Choose a canned reply to insert."))
    message_form = MessageForm(initial={"body": body, "internal": bool(request.POST.get("internal"))},
                               may_write_internal=may_write_internal)
    return _request_page(request, service_request, message_form=message_form, reply_pick_form=pick)


@login_required
@require_POST
def request_rate(request, request_id: int):
    """The requester rates a delivered request, which closes it."""
    service_request = _visible_request(request, request_id)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            request_services.rate(service_request, acting_user=request.user, rating=form.cleaned_data["rating"],
                                  comment=form.cleaned_data["comment"])
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("Thank you for your rating."))
            return redirect("landing:request_detail", request_id=service_request.pk)
    return _request_page(request, service_request, rating_form=form)


def _queue_context(request, bulk_form=None):
    zones = policy.operated_zones(request.user)
    form = QueueFilterForm(request.GET or None, zones=zones)
    filters = form.cleaned_data if form.is_valid() else {}
    requests = queries.queue(request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = [r.pk for r in page]
    overdue_ids = set(queries.queue(request.user, overdue=True).filter(pk__in=shown).values_list("pk", flat=True))
    first_overdue_ids = set(queries.queue(request.user, first_response="overdue").filter(
        pk__in=shown).values_list("pk", flat=True))
    from zonebridge.accounts.models import User

    assignees = User.objects.filter(operated_zones__in=zones, is_active=True).distinct()
    return {"form": form, "page": page, "overdue_ids": overdue_ids, "first_overdue_ids": first_overdue_ids,
            "bulk_form": bulk_form or BulkForm(requests=requests, assignees=assignees)}


@login_required
def queue(request):
    """The operators' queue: their zones' requests, filtered, with bulk actions."""
    if not policy.operates_any_zone(request.user):
        raise PermissionDenied
    return render(request, "landing/queue.html", _queue_context(request))


@login_required
@require_POST
def queue_bulk(request):
    """Apply one action to the selected requests; report what was refused and why."""
    if not policy.operates_any_zone(request.user):
        raise PermissionDenied
    from zonebridge.accounts.models import User

    zones = policy.operated_zones(request.user)
    form = BulkForm(request.POST, requests=ServiceRequest.objects.filter(service__zone__in=zones),
                    assignees=User.objects.filter(is_active=True))
    if form.is_valid():
        try:
            changed, refused = request_services.bulk_change(
                form.cleaned_data["requests"], form.cleaned_data["action"], acting_user=request.user,
                assignee=form.cleaned_data.get("assignee"), reason=form.cleaned_data.get("reason", ""))
        except DomainError as error:
            _show(form, error)
        else:
            if changed:
                messages.success(request, _("%(count)s requests changed.") % {"count": len(changed)})
            for item, message in refused:
                messages.error(request, f"{item.reference}: {message}")
            return redirect("landing:queue")
    return render(request, "landing/queue.html", _queue_context(request, bulk_form=form))


# --- Canned replies ---------------------------------------------------------------------------------------

def _reply_zones(request):
    if not policy.operates_any_zone(request.user):
        raise PermissionDenied
    return policy.operated_zones(request.user)


@login_required
def reply_list(request):
    """The reply templates of the zones you operate."""
    zones = _reply_zones(request)
    return render(request, "landing/reply_list.html", {"replies": queries.canned_replies(zones)})


def _reply_editor(request, reply: CannedReply | None):
    zones = _reply_zones(request)
    if reply is not None and not policy.may_manage_canned_replies(request.user, reply.zone):
        raise PermissionDenied
    form = CannedReplyForm(request.POST or None, instance=reply, zones=zones)
    if request.method == "POST" and form.is_valid():
        try:
            reply_services.save_canned_reply(reply or CannedReply(zone=form.cleaned_data["zone"]),
                                             acting_user=request.user, texts=form.texts(),
                                             chinese_source=form.cleaned_data["chinese_source"])
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("The canned reply is saved."))
            return redirect("landing:reply_list")
    return render(request, "landing/reply_form.html", {"form": form, "reply": reply})


@login_required
def reply_create(request):
    """Add a reply template for a zone you operate."""
    return _reply_editor(request, None)


@login_required
def reply_edit(request, reply_id: int):
    """Edit a reply template of a zone you operate."""
    return _reply_editor(request, get_object_or_404(CannedReply.objects.select_related("zone"), pk=reply_id))


@login_required
@require_POST
def reply_delete(request, reply_id: int):
    """Remove a reply template of a zone you operate."""
    reply = get_object_or_404(CannedReply.objects.select_related("zone"), pk=reply_id)
    try:
        reply_services.delete_canned_reply(reply, acting_user=request.user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("The canned reply is deleted."))
    return redirect("landing:reply_list")


# --- Calls for pilots ---------------------------------------------------------------------------------------

def call_list(request):
    """Open calls for pilots, searchable in any language."""
    form = CallSearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    page = Paginator(queries.search_calls(q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "landing/call_list.html", {
        "form": form, "page": page, "may_publish": policy.publishing_organisations(request.user).exists(),
        "is_operator": policy.operates_any_zone(request.user)})


@login_required
def call_create(request):
    """Publish a call for pilots for an organisation you administer."""
    organisations = policy.publishing_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = ScenarioCallForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            call = scenario_services.publish_call(
                form.cleaned_data["owner"], acting_user=request.user, texts=form.texts(),
                deadline=form.cleaned_data["deadline"], chinese_source=form.cleaned_data["chinese_source"])
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("The call is published."))
            return redirect("landing:call_detail", call_id=call.pk)
    return render(request, "landing/call_form.html", {"form": form})


def call_detail(request, call_id: int):
    """A call for pilots; its owner sees the applications."""
    call = get_object_or_404(ScenarioCall.objects.select_related("owner__home_zone"), pk=call_id)
    manages = policy.may_manage_call(request.user, call)
    applications = call.applications.select_related("applicant") if manages else []
    own = ScenarioApplication.objects.filter(
        call=call, applicant__in=policy.acting_organisations(request.user)) if request.user.is_authenticated else []
    return render(request, "landing/call_detail.html", {
        "call": call, "manages": manages, "applications": applications, "own_applications": own,
        "may_apply": policy.may_apply(request.user, call)})


@login_required
@require_POST
def call_close(request, call_id: int):
    """The owner stops taking applications."""
    call = get_object_or_404(ScenarioCall.objects.select_related("owner__home_zone"), pk=call_id)
    try:
        scenario_services.close_call(call, acting_user=request.user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("The call is closed to new applications."))
    return redirect("landing:call_detail", call_id=call.pk)


@login_required
def call_apply(request, call_id: int):
    """Apply to run a pilot."""
    call = get_object_or_404(ScenarioCall.objects.select_related("owner__home_zone"), pk=call_id)
    if not policy.may_apply(request.user, call):
        raise PermissionDenied
    form = ApplicationForm(request.POST or None, organisations=policy.applying_organisations(request.user, call))
    if request.method == "POST" and form.is_valid():
        try:
            application = scenario_services.apply_to_call(
                call, acting_user=request.user, applicant=form.cleaned_data["applicant"],
                proposal=form.cleaned_data["proposal"])
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("Your application was sent."))
            return redirect("landing:application_detail", application_id=application.pk)
    return render(request, "landing/call_apply.html", {"call": call, "form": form})


@login_required
def application_detail(request, application_id: int):
    """An application and its pilot; the call's owner moves it on here."""
    application = get_object_or_404(
        ScenarioApplication.objects.select_related("call__owner__home_zone", "applicant", "report"),
        pk=application_id)
    if not policy.may_view_application(request.user, application):
        raise PermissionDenied
    form = None
    if request.method == "POST":
        form = DecisionForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                scenario_services.decide(
                    application, data["action"], acting_user=request.user, pitch_notes=data["pitch_notes"],
                    pitched_on=data["pitched_on"], pilot_start=data["pilot_start"], pilot_end=data["pilot_end"],
                    outcome=data["outcome"], outcome_notes=data["outcome_notes"], report=data.get("report"))
            except DomainError as error:
                _show(form, error)
            else:
                messages.success(request, _("Done."))
                return redirect("landing:application_detail", application_id=application.pk)
    transitions = APPLICATION_FLOW.available(application, request.user)
    decision_forms = [(t, DecisionForm(initial={"action": t.name}) if form is None or form.data.get("action") != t.name
                       else form, DECISION_FIELDS.get(t.name, ())) for t in transitions]
    return render(request, "landing/application_detail.html", {
        "application": application, "decision_forms": decision_forms,
        "error_form": form if form is not None and form.errors else None})
