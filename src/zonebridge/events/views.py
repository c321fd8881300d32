"""Pages of events: list and detail, the operator's editor, registrations, participants and interest, meeting
requests, the schedule (runs, hand moves, publishing), agendas with .ics and a calendar feed, reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.core.jobs import start_job
from zonebridge.directory.models import Zone
from zonebridge.events import calendar, queries
from zonebridge.events.forms import (
    AgreementForm,
    BookForm,
    EventForm,
    InterestForm,
    MeetingEditForm,
    ProfileForm,
    RegistrationForm,
    ReportForm,
    RequestForm,
    RunForm,
)
from zonebridge.events.jobs import SCHEDULE, exclusive_key
from zonebridge.events.models import Event, Meeting, MeetingReport, MeetingRequest, Registration
from zonebridge.events.services import outcomes, registrations, requests, schedule, setup
from zonebridge.events.tasks import refresh_recommendations_task
from zonebridge.events.warnings import plain_warnings
from zonebridge.policy import events as policy

PAGE_SIZE = 30


def _event(request, slug: str) -> Event:
    event = get_object_or_404(Event.objects.select_related("zone"), slug=slug)
    if not policy.may_view_event(request.user, event):
        raise Http404  # a draft's existence is the operators' business
    return event


def _managed_event(request, slug: str) -> Event:
    event = _event(request, slug)
    if not policy.may_manage_event(request.user, event):
        raise PermissionDenied
    return event


def _my_registration(request, event: Event) -> Registration:
    registration = policy.registration_of(request.user, event)
    if registration is None:
        raise PermissionDenied
    return registration


def _refuse(request, error: DomainError, to: str, **kwargs):
    messages.error(request, error.message)
    return redirect(to, **kwargs)


def event_list(request):
    """Matchmaking days and delegation visits, newest first; operators also see their drafts."""
    operated = request.user.operated_zones.values_list("pk", flat=True) if request.user.is_authenticated else []
    events = queries.visible_events(request.user, operated)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {
        "page": page, "may_create": policy.operates_any_zone(request.user)})


@login_required
def event_create(request):
    """A zone operator creates an event (a draft until opened)."""
    zones = Zone.objects.all() if request.user.is_superuser else request.user.operated_zones.all()
    if not zones.exists():
        raise PermissionDenied
    form = EventForm(request.POST or None, zones=zones)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in setup.EVENT_PLAIN_FIELDS if name in form.cleaned_data}
        try:
            event = setup.create_event(acting_user=request.user, zone=form.cleaned_data["zone"],
                                       slug=form.cleaned_data["slug"], texts=form.texts(), fields=fields)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The event was created as a draft."))
            return redirect("events:event_detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": None})


def event_detail(request, slug: str):
    """An event: what, where, when, the rules, and what the reader can do next."""
    event = _event(request, slug)
    registration = policy.registration_of(request.user, event)
    manage = policy.may_manage_event(request.user, event)
    return render(request, "events/event_detail.html", {
        "event": event, "registration": registration, "may_manage": manage,
        "may_register": registration is None and policy.may_register(request.user, event),
        "may_view_participants": policy.may_view_participants(request.user, event),
        "transitions": setup.EVENT_FLOW.available(event, request.user),
        "slot_count": event.slots.count(),
    })


@login_required
def event_edit(request, slug: str):
    """The operator changes an event's settings (changing the timing lays out its times again)."""
    event = _managed_event(request, slug)
    form = EventForm(request.POST or None, instance=event, editing=True)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in setup.EVENT_PLAIN_FIELDS if name in form.cleaned_data}
        try:
            setup.update_event(Event.objects.get(pk=event.pk), acting_user=request.user, texts=form.texts(),
                               fields=fields)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The event was saved."))
            return redirect("events:event_detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@login_required
@require_POST
def event_transition(request, slug: str):
    """Open or close an event's requests."""
    event = _managed_event(request, slug)
    action = request.POST.get("action")
    try:
        if action == "open":
            setup.open_event(event, acting_user=request.user)
        elif action == "close":
            setup.close_event(event, acting_user=request.user)
        else:
            raise DomainError(_("Unknown action."))
    except DomainError as error:
        return _refuse(request, error, "events:event_detail", slug=slug)
    messages.success(request, _("The event's state was changed."))
    return redirect("events:event_detail", slug=slug)


@login_required
def register(request, slug: str):
    """Register for an event as a person of one of your organisations."""
    event = _event(request, slug)
    if not policy.may_register(request.user, event):
        raise PermissionDenied
    if policy.registration_of(request.user, event):
        return redirect("events:profile", slug=slug)
    form = RegistrationForm(request.POST or None, organisations=policy.organisations_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            registration = registrations.register(
                event, acting_user=request.user, organisation=form.cleaned_data["organisation"],
                category=form.cleaned_data["category"], texts=form.texts())
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("You are registered.") if registration.is_approved else
                             _("You are registered; the organisers will approve your registration."))
            return redirect("events:event_detail", slug=slug)
    return render(request, "events/register.html", {"event": event, "form": form})


@login_required
def profile(request, slug: str):
    """My event profile: category, offers and needs, time zone, times I cannot meet; cancel my registration."""
    event = _event(request, slug)
    registration = _my_registration(request, event)
    form = ProfileForm(request.POST or None, instance=registration)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        try:
            registrations.cancel_registration(registration, acting_user=request.user)
        except DomainError as error:
            return _refuse(request, error, "events:profile", slug=slug)
        messages.success(request, _("Your registration was cancelled."))
        return redirect("events:event_detail", slug=slug)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in registrations.PROFILE_PLAIN_FIELDS}
        try:
            registrations.update_profile(registration, acting_user=request.user, texts=form.texts(), fields=fields,
                                         unavailable=form.cleaned_data["unavailable"])
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Your event profile was saved."))
            return redirect("events:profile", slug=slug)
    return render(request, "events/profile.html", {
        "event": event, "registration": registration, "form": form,
        "may_cancel": registrations.REGISTRATION_FLOW.available(registration, request.user)})


@login_required
def registration_list(request, slug: str):
    """The operator's list of registrations, to approve or decline."""
    event = _managed_event(request, slug)
    rows = Registration.objects.filter(event=event).select_related("user", "organisation").order_by("state", "pk")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "events/registration_list.html", {"event": event, "page": page})


@login_required
@require_POST
def registration_decide(request, slug: str, registration_id: int):
    """Approve or decline one registration."""
    event = _managed_event(request, slug)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    try:
        if request.POST.get("action") == "approve":
            registrations.approve_registration(registration, acting_user=request.user)
        else:
            registrations.decline_registration(registration, acting_user=request.user)
    except DomainError as error:
        return _refuse(request, error, "events:registration_list", slug=slug)
    messages.success(request, _("The registration was answered."))
    return redirect("events:registration_list", slug=slug)


@login_required
def participant_list(request, slug: str):
    """Who takes part, with my interest in each and their offers and needs; recommended matches first."""
    event = _event(request, slug)
    if not policy.may_view_participants(request.user, event):
        raise PermissionDenied
    mine = policy.registration_of(request.user, event)
    q = request.GET.get("q", "").strip()[:100]
    rows = queries.participants(event, exclude=mine, q=q)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    given = queries.interests_of(mine) if mine else {}
    received = queries.interests_in(mine) if mine else {}
    return render(request, "events/participant_list.html", {
        "event": event, "page": page, "mine": mine, "q": q,
        "show_recommended": bool(mine and not q and page.number == 1),
        "rows": [(registration, given.get(registration.pk, ""), received.get(registration.pk, ""))
                 for registration in page],
        "interest_form": InterestForm()})


@login_required
def recommendations(request, slug: str):
    """The ranking engine's recommended matches for me (loaded into the participant list by htmx)."""
    event = _event(request, slug)
    if not policy.may_view_participants(request.user, event):
        raise PermissionDenied
    mine = policy.registration_of(request.user, event)
    recommended = queries.recommended(mine) if mine else []
    changed = queries.latest_change(event)
    key = f"events:recommendations:{event.pk}:{changed.timestamp() if changed else 0}"
    if recommended is None and cache.add(key, True, timeout=3600):
        # Queued once per change of the participants, whoever looks: the task computes everyone's at once.
        refresh_recommendations_task(event.pk)
    return render(request, "events/_recommended.html", {"event": event, "recommended": recommended,
                                                        "preparing": recommended is None})


@login_required
@require_POST
def interest(request, slug: str, registration_id: int):
    """State my interest in one participant: must meet, would meet, no thanks (or none)."""
    event = _event(request, slug)
    mine = _my_registration(request, event)
    target = get_object_or_404(Registration, pk=registration_id, event=event)
    form = InterestForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(_("Choose must meet, would meet or no thanks."))
        requests.set_interest(mine, target, acting_user=request.user, level=form.cleaned_data["level"])
    except DomainError as error:
        return _refuse(request, error, "events:participant_list", slug=slug)
    messages.success(request, _("Your interest in %(person)s was saved.") % {"person": target.user})
    return redirect(request.POST.get("next") or reverse("events:participant_list", kwargs={"slug": slug}))


@login_required
def request_create(request, slug: str, registration_id: int):
    """Ask a participant for a meeting, with a note and colleagues who join."""
    event = _event(request, slug)
    mine = _my_registration(request, event)
    if not policy.may_view_participants(request.user, event):
        raise PermissionDenied
    recipient = get_object_or_404(Registration.objects.select_related("user", "organisation"),
                                  pk=registration_id, event=event)
    colleagues = queries.participants(event, exclude=mine).filter(organisation=mine.organisation)
    form = RequestForm(request.POST or None, colleagues=colleagues)
    if request.method == "POST" and form.is_valid():
        try:
            requests.send_request(event, acting_user=request.user, recipient=recipient,
                                  note=form.cleaned_data["note"], colleagues=form.cleaned_data["colleagues"])
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Your request was sent to %(person)s.") % {"person": recipient.user})
            return redirect("events:request_list", slug=slug)
    return render(request, "events/request_form.html", {"event": event, "recipient": recipient, "form": form})


@login_required
def request_list(request, slug: str):
    """My meeting requests: received (to answer) and sent (to withdraw)."""
    event = _event(request, slug)
    mine = _my_registration(request, event)
    received, sent = queries.requests_of(mine)
    return render(request, "events/request_list.html", {
        "event": event, "mine": mine,
        "received": [(r, queries.display_state(r)) for r in received[:200]],
        "sent": [(r, queries.display_state(r)) for r in sent[:200]]})


@login_required
@require_POST
def request_answer(request, slug: str, request_id: int):
    """Accept, decline or withdraw a meeting request."""
    event = _event(request, slug)
    meeting_request = get_object_or_404(MeetingRequest, pk=request_id, event=event)
    action = request.POST.get("action")
    try:
        if action == "accept":
            requests.accept_request(meeting_request, acting_user=request.user)
            messages.success(request, _("You accepted the meeting."))
        elif action == "decline":
            requests.decline_request(meeting_request, acting_user=request.user)
            messages.success(request, _("You declined the meeting."))
        elif action == "cancel":
            requests.cancel_request(meeting_request, acting_user=request.user)
            messages.success(request, _("The request was withdrawn."))
        else:
            raise DomainError(_("Unknown action."))
    except DomainError as error:
        if error.status == 403:
            raise PermissionDenied from error
        return _refuse(request, error, "events:request_list", slug=slug)
    return redirect("events:request_list", slug=slug)


@login_required
def schedule_page(request, slug: str):
    """The operator's schedule: run the scheduler, see its bound and warnings, adjust by hand, publish."""
    event = _managed_event(request, slug)
    form = RunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = start_job(SCHEDULE, acting_user=request.user, exclusive_key=exclusive_key(event),
                            params={"event_id": event.pk, "mode": form.cleaned_data["mode"]})
        except DomainError as error:
            return _refuse(request, error, "events:schedule", slug=slug)
        return redirect("core:job_detail", job_id=job.pk)
    slots, by_slot, unscheduled = queries.schedule_grid(event)
    run = queries.last_run(event)
    return render(request, "events/schedule.html", {
        "event": event, "run": run, "warnings": plain_warnings(run, event) if run else [],
        "grid": [(slot, by_slot[slot.pk]) for slot in slots], "unscheduled": unscheduled,
        "counts": queries.counts(event)})


@login_required
@require_POST
def schedule_publish(request, slug: str):
    """Confirm the draft schedule and tell every participant."""
    event = _managed_event(request, slug)
    try:
        count = schedule.publish_schedule(event, acting_user=request.user)
    except DomainError as error:
        return _refuse(request, error, "events:schedule", slug=slug)
    messages.success(request, _("The schedule was published: %(count)s meetings confirmed.") % {"count": count})
    return redirect("events:schedule", slug=slug)


@login_required
def meeting_edit(request, slug: str, meeting_id: int):
    """Move, swap or cancel one meeting by hand (each checked for conflicts)."""
    event = _managed_event(request, slug)
    meeting = get_object_or_404(Meeting.objects.select_related("slot__event"), pk=meeting_id, event=event)
    if request.method != "POST":
        return render(request, "events/meeting_edit.html", {
            "event": event, "meeting": meeting, "slots": event.slots.select_related("event").order_by("number")})
    form = MeetingEditForm(request.POST, event=event)
    try:
        if not form.is_valid():
            raise DomainError(" ".join(str(e) for errors in form.errors.values() for e in errors))
        action = form.cleaned_data["action"]
        if action == "move":
            if not form.cleaned_data["slot"]:
                raise DomainError(_("Choose a time to move the meeting to."), field="slot")
            schedule.move_meeting(meeting, acting_user=request.user, slot=form.cleaned_data["slot"],
                                  table=form.cleaned_data["table"])
        elif action == "swap":
            other = Meeting.objects.filter(pk=form.cleaned_data["other"] or 0, event=event).first()
            if other is None:
                raise DomainError(_("Give the number of another meeting of this event."), field="other")
            schedule.swap_meetings(meeting, other, acting_user=request.user)
        else:
            schedule.cancel_meeting(meeting, acting_user=request.user)
    except DomainError as error:
        return _refuse(request, error, "events:meeting_edit", slug=slug, meeting_id=meeting_id)
    messages.success(request, _("Meeting #%(number)s was changed.") % {"number": meeting.pk})
    return redirect("events:schedule", slug=slug)


@login_required
@require_POST
def meeting_book(request, slug: str, meeting_id: int):
    """A participant books a free time for an accepted meeting."""
    event = _event(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event)
    if not policy.is_seated(request.user, meeting):
        raise PermissionDenied
    form = BookForm(request.POST, slots=event.slots.all())
    try:
        if not form.is_valid():
            raise DomainError(_("Choose a time."), field="slot")
        schedule.book_meeting(meeting, acting_user=request.user, slot=form.cleaned_data["slot"])
    except DomainError as error:
        return _refuse(request, error, "events:agenda", slug=slug)
    messages.success(request, _("The meeting is booked."))
    return redirect("events:agenda", slug=slug)


@login_required
def meeting_report(request, slug: str, meeting_id: int):
    """After a meeting: held or not, the outcome; later, whether an agreement was reached."""
    event = _event(request, slug)
    meeting = get_object_or_404(Meeting.objects.select_related("slot"), pk=meeting_id, event=event)
    if not policy.is_seated(request.user, meeting):
        raise PermissionDenied
    mine = _my_registration(request, event)
    report = MeetingReport.objects.filter(meeting=meeting, registration=mine).first()
    form = ReportForm(None if request.POST.get("form") == "agreement" else request.POST or None, instance=report,
                      initial={"held": "yes" if report is None or report.held else "no"})
    agreement_form = AgreementForm(request.POST if request.POST.get("form") == "agreement" else None,
                                   initial={"agreement": report.agreement if report else ""})
    if request.method == "POST":
        try:
            if request.POST.get("form") == "agreement":
                if report is None or not agreement_form.is_valid():
                    raise DomainError(_("Report the meeting first, then answer the follow-up."))
                outcomes.record_agreement(report, acting_user=request.user,
                                          agreement=agreement_form.cleaned_data["agreement"])
                messages.success(request, _("Thank you: your answer was saved."))
                return redirect("events:agenda", slug=slug)
            if form.is_valid():
                outcomes.report_meeting(meeting, acting_user=request.user, held=form.cleaned_data["held"],
                                        outcome=form.cleaned_data["outcome"], note=form.cleaned_data["note"])
                messages.success(request, _("Thank you: your report was saved."))
                return redirect("events:agenda", slug=slug)
        except DomainError as error:
            add_to_form(agreement_form if request.POST.get("form") == "agreement" else form, error)
    return render(request, "events/meeting_report.html", {
        "event": event, "meeting": meeting, "report": report, "form": form, "agreement_form": agreement_form,
        "local_time": meeting.slot.label(mine.tzinfo) if meeting.slot else ""})


@login_required
def agenda(request, slug: str):
    """My agenda in my time zone: confirmed meetings, meetings still to book, the .ics and feed links."""
    event = _event(request, slug)
    mine = _my_registration(request, event)
    tz = mine.tzinfo
    rows = []
    for seat in queries.agenda(mine):
        others = [s.registration for s in seat.meeting.seats.all() if s.registration_id != mine.pk]
        rows.append({"seat": seat, "meeting": seat.meeting, "others": others,
                     "starts": seat.slot.starts_at.astimezone(tz), "ends": seat.slot.ends_at.astimezone(tz),
                     "event_time": seat.slot.starts_at.astimezone(event.tzinfo)})
    to_book = [(meeting, BookForm(slots=queries.free_slots_for(meeting), tz=tz, auto_id=f"id_book_{meeting.pk}_%s"))
               for meeting in queries.unscheduled_meetings(mine)]
    feed_path = reverse("events:calendar_feed", kwargs={"token": mine.calendar_token})
    return render(request, "events/agenda.html", {
        "event": event, "mine": mine, "rows": rows, "to_book": to_book, "time_zone": str(tz),
        "feed_url": request.build_absolute_uri(feed_path),
        "webcal_url": "webcal://" + request.get_host() + feed_path})


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def agenda_ics(request, slug: str):
    """My agenda as an .ics file."""
    event = _event(request, slug)
    mine = _my_registration(request, event)
    return _ics_response(calendar.agenda_ics(mine, language=request.LANGUAGE_CODE), f"{event.slug}.ics")


@login_required
@require_POST
def calendar_renew(request, slug: str):
    """Revoke my calendar feed address and make a new one."""
    event = _event(request, slug)
    registrations.renew_calendar_token(_my_registration(request, event), acting_user=request.user)
    messages.success(request, _("Your old calendar address no longer works; subscribe to the new one."))
    return redirect("events:agenda", slug=slug)


def calendar_feed(request, token: str):
    """A person's agenda feed: the secret token in the address is the only key (calendar apps sign in to nothing)."""
    registration = queries.registration_by_token(token)
    if registration is None:
        raise Http404
    return _ics_response(calendar.agenda_ics(registration), f"{registration.event.slug}.ics")


@login_required
def print_page(request, slug: str):
    """Print-ready table plan and every participant's agenda, for the operator."""
    event = _managed_event(request, slug)
    slots, by_slot, _unscheduled = queries.schedule_grid(event)
    agendas = queries.printed_agendas(event)
    tables = range(1, event.tables + 1)
    rows = []
    for slot in slots:
        at_table = {meeting.table: meeting for meeting in by_slot[slot.pk]}
        rows.append((slot, by_slot[slot.pk], [at_table.get(table) for table in tables]))
    return render(request, "events/print.html", {"event": event, "rows": rows, "agendas": agendas,
                                                 "tables": tables})


