"""Use cases of application scenarios: an organisation publishes a call for pilots, start-ups apply, the owner
shortlists, records a pitch, selects, and tracks the pilot to its outcome and report."""

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zonebridge.accounts.models import Role
from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, full_clean
from zonebridge.core.files import replace_file, store_upload
from zonebridge.core.notifications import in_every_language, notify
from zonebridge.core.trilingual import apply_texts
from zonebridge.core.workflow import Transition, Workflow
from zonebridge.directory.search import build_search_document
from zonebridge.landing.models import (
    PILOT_REPORT_UPLOAD,
    ApplicationState,
    CallState,
    PilotOutcome,
    ScenarioApplication,
    ScenarioCall,
)
from zonebridge.landing.tasks import index_call_task
from zonebridge.policy import landing as policy


def _manages(user, application: ScenarioApplication) -> bool:
    return policy.may_manage_call(user, application.call)


def _has_pitch(application: ScenarioApplication):
    return None if application.pitched_on else _("Record the pitch first.")


APPLICATION_FLOW = Workflow("landing.scenarioapplication", transitions=[
    Transition("shortlist", source=[ApplicationState.SUBMITTED], target=ApplicationState.SHORTLISTED,
               label=gettext_lazy("Shortlist"), allowed=_manages),
    Transition("pitch", source=[ApplicationState.SHORTLISTED], target=ApplicationState.PITCHED,
               label=gettext_lazy("Record the pitch"), allowed=_manages),
    Transition("select", source=[ApplicationState.PITCHED], target=ApplicationState.SELECTED,
               label=gettext_lazy("Select for a pilot"), allowed=_manages, guard=_has_pitch),
    Transition("start_pilot", source=[ApplicationState.SELECTED], target=ApplicationState.PILOTING,
               label=gettext_lazy("Start the pilot"), allowed=_manages),
    Transition("complete", source=[ApplicationState.PILOTING], target=ApplicationState.COMPLETED,
               label=gettext_lazy("Record the outcome"), allowed=_manages),
    Transition("reject", source=[ApplicationState.SUBMITTED, ApplicationState.SHORTLISTED, ApplicationState.PITCHED],
               target=ApplicationState.REJECTED, label=gettext_lazy("Not selected"), allowed=_manages),
])


def refresh_search_document(call: ScenarioCall) -> None:
    """Recompute the call's search tokens (every language, normalised like the directory's)."""
    call.search_document = " " + build_search_document(call, []) + " "
    ScenarioCall.objects.filter(pk=call.pk).update(search_document=call.search_document)


def publish_call(owner, *, acting_user, texts: dict[str, str], deadline: date, chinese_source: str,
                 today: date | None = None) -> ScenarioCall:
    """Publish a call for pilots of organisation `owner` (its admins, its zone's operators)."""
    if not policy.may_publish_call(acting_user, owner):
        raise NotAllowed(_("You may not publish calls for this organisation."))
    if deadline is None or deadline < (today or timezone.localdate()):
        raise DomainError(_("The deadline must be today or later."), field="deadline")
    if not (texts.get("title_en") or "").strip():
        raise DomainError(_("An English title is required."), field="title_en")
    with transaction.atomic():
        call = ScenarioCall(owner=owner, created_by=acting_user, deadline=deadline, chinese_source=chinese_source)
        apply_texts(call, texts)
        full_clean(call, exclude=["search_document"])
        call.save()
        refresh_search_document(call)
        audit.record("landing.scenariocall.publish", actor=acting_user, target=call)
        transaction.on_commit(lambda: index_call_task(call.pk))
    return call


def close_call(call: ScenarioCall, *, acting_user) -> ScenarioCall:
    """Stop taking applications."""
    if not policy.may_manage_call(acting_user, call):
        raise NotAllowed(_("You may not change this call."))
    with transaction.atomic():
        ScenarioCall.objects.filter(pk=call.pk).update(state=CallState.CLOSED)
        audit.record("landing.scenariocall.close", actor=acting_user, target=call)
    call.state = CallState.CLOSED
    return call


def apply_to_call(call: ScenarioCall, *, acting_user, applicant, proposal: str,
                  today: date | None = None) -> ScenarioApplication:
    """A start-up or company applies to run a pilot; the call's owners are told."""
    if not policy.may_apply(acting_user, call):
        raise NotAllowed(_("You may not apply to this call."))
    if not policy.applying_organisations(acting_user, call).filter(pk=applicant.pk).exists():
        raise DomainError(_("Choose an organisation you act for."), field="applicant")
    if call.deadline < (today or timezone.localdate()):
        raise Conflict(_("The deadline of this call has passed."))
    try:
        with transaction.atomic():
            application = ScenarioApplication(call=call, applicant=applicant, submitted_by=acting_user,
                                              proposal=(proposal or "").strip())
            full_clean(application, exclude=["report"], validate_unique=False, validate_constraints=False)
            application.save()
            audit.record("landing.scenarioapplication.submit", actor=acting_user, target=application)
            url = reverse("landing:application_detail", args=[application.pk])
            for membership in call.owner.memberships.filter(role=Role.ORG_ADMIN).select_related("user"):
                notify(membership.user, "landing.scenario_application",
                       params={"call": _call_title(call), "applicant": applicant.name_en}, url=url)
    except IntegrityError:
        raise Conflict(_("This organisation has already applied to this call."), field="applicant") from None
    return application


def _call_title(call: ScenarioCall) -> dict:
    return {"en": call.title_en, "zh_hans": call.title_zh_hans or call.title_en,
            "zh_hant": call.title_zh_hant or call.title_en}


def decide(application: ScenarioApplication, action: str, *, acting_user, pitch_notes: str = "",
           pitched_on: date | None = None, pilot_start: date | None = None, pilot_end: date | None = None,
           outcome: str = "", outcome_notes: str = "", report=None) -> ScenarioApplication:
    """The owner moves an application on (shortlist, pitch, select, start_pilot, complete, reject)."""
    # Who may and from which state first (re-checked under the row lock), then what the step records.
    APPLICATION_FLOW.check(application, action, acting_user=acting_user)
    changes: dict = {}
    if action == "pitch":
        if not pitched_on:
            raise DomainError(_("Enter the date of the pitch."), field="pitched_on")
        changes.update(pitched_on=pitched_on, pitch_notes=(pitch_notes or "").strip()[:3000])
    if action == "start_pilot":
        if not pilot_start or not pilot_end or pilot_end < pilot_start:
            raise DomainError(_("Enter the pilot's start and an end on or after it."), field="pilot_end")
        changes.update(pilot_start=pilot_start, pilot_end=pilot_end)
    if action == "complete":
        if outcome not in PilotOutcome.values:
            raise DomainError(_("Choose the outcome of the pilot."), field="outcome")
        if not report:
            raise DomainError(_("Upload the pilot report."), field="report")
        changes.update(outcome=outcome, outcome_notes=(outcome_notes or "").strip()[:3000])
    with transaction.atomic():
        if action == "complete":
            stored = store_upload(report, kind=PILOT_REPORT_UPLOAD, owner=acting_user, field="report")
            replace_file(application.report)
            changes["report_id"] = stored.pk
        updated = APPLICATION_FLOW.apply(application, action, acting_user=acting_user, changes=changes)
        url = reverse("landing:application_detail", args=[updated.pk])
        state = in_every_language(ApplicationState(updated.state).label)
        for membership in updated.applicant.memberships.filter(role=Role.ORG_ADMIN).select_related("user"):
            notify(membership.user, "landing.scenario_update",
                   params={"call": _call_title(updated.call), "state": state}, url=url)
    return updated
