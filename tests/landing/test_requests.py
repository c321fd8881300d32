"""Service requests: submission, every transition and guard, the SLA clock, the thread, ratings, overdue
marking and bulk changes."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.landing.conftest import advance, at
from tests.world import make_user, pdf_bytes
from zonebridge.core.audit import entries_about
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.files import may_read
from zonebridge.core.models import Notification
from zonebridge.landing import queries
from zonebridge.landing.models import RequestState, ServiceRequest, SpaceBooking
from zonebridge.landing.services import requests as request_services


@pytest.fixture(autouse=True)
def _world(operator_hk):
    """Every test here also has the other zone's operator around (who must not get Lingang's mail)."""


def test_it_submits_a_request_with_its_due_date_in_working_days(legal_request, operator_lingang, operator_hk):
    # Monday 2 March 2026 + 3 working days → Thursday 5 March.
    assert legal_request.state == RequestState.SUBMITTED
    assert legal_request.due_on == date(2026, 3, 5)
    assert legal_request.reference == f"SR-{legal_request.pk:06d}"
    assert Notification.objects.filter(recipient=operator_lingang, kind="landing.request_submitted").exists()
    assert not Notification.objects.filter(recipient=operator_hk).exists()
    assert entries_about(legal_request).filter(action="landing.servicerequest.submit").exists()


def test_the_due_date_skips_a_public_holiday(submit, legal_service):
    # Submitted the day before Labour Day (1–5 May 2026 off on the mainland, 9 May a make-up working Saturday).
    request = submit(legal_service, now=at(2026, 4, 30, 16))
    assert request.due_on == date(2026, 5, 8)  # 6, 7, 8 May; a plain count would say 5 May


def test_a_mainland_zone_organisation_may_not_use_a_partner_zone_only_service(desk_space, battery_admin,
                                                                                battery_maker):
    with pytest.raises(NotAllowed):
        request_services.submit_request(desk_space, acting_user=battery_admin, organisation=battery_maker,
                                        details="x", answers={"units": 1, "month": "2099-01"})


def test_someone_without_an_organisation_may_not_request(legal_service, student, fintech_startup):
    with pytest.raises(NotAllowed):
        request_services.submit_request(legal_service, acting_user=student, organisation=fintech_startup,
                                        details="x")


def test_a_member_requests_only_for_their_own_organisation(legal_service, org_admin, battery_maker):
    with pytest.raises(DomainError) as refused:
        request_services.submit_request(legal_service, acting_user=org_admin, organisation=battery_maker,
                                        details="x")
    assert refused.value.field == "organisation"


def test_the_happy_path_goes_through_every_state_and_is_audited(legal_request, operator_lingang, provider_member,
                                                                org_admin):
    request = advance(legal_request, "triage", by=operator_lingang)
    assert request.state == RequestState.TRIAGED
    request = advance(request, "assign", by=operator_lingang, assignee=provider_member)
    assert request.state == RequestState.ASSIGNED and request.assignee == provider_member
    assert Notification.objects.filter(recipient=provider_member, kind="landing.request_assigned").exists()
    request = advance(request, "start", by=provider_member)
    assert request.state == RequestState.IN_PROGRESS
    request = advance(request, "deliver", by=provider_member)
    assert request.state == RequestState.DELIVERED and request.delivered_at
    request = request_services.rate(request, acting_user=org_admin, rating=4, comment="Quick and clear")
    assert request.state == RequestState.CLOSED and request.rating == 4
    actions = set(entries_about(request).values_list("action", flat=True))
    assert {f"landing.servicerequest.{name}" for name in ("triage", "assign", "start", "deliver", "close")} <= actions
    assert Notification.objects.filter(recipient=org_admin, kind="landing.request_changed").count() == 4


def test_an_operator_closes_a_delivered_request_without_a_rating(legal_request, operator_lingang):
    request = advance(legal_request, "triage", "assign", "start", "deliver", "close", by=operator_lingang,
                      assignee=operator_lingang)
    assert request.state == RequestState.CLOSED and request.rating is None


def test_only_operators_of_the_zone_triage(legal_request, org_admin, operator_hk):
    for user in (org_admin, operator_hk):
        with pytest.raises(NotAllowed):
            advance(legal_request, "triage", by=user)
        # Refused for who they are before anything is said about a missing assignee or reason.
        for action in ("assign", "decline"):
            with pytest.raises(NotAllowed):
                request_services.change_state(legal_request, action, acting_user=user)


def test_a_transition_from_the_wrong_state_is_a_conflict(legal_request, operator_lingang):
    with pytest.raises(Conflict):
        advance(legal_request, "deliver", by=operator_lingang)
    with pytest.raises(Conflict):
        advance(legal_request, "assign", by=operator_lingang, assignee=operator_lingang)


def test_it_assigns_only_to_the_zone_operators_or_the_provider(legal_request, operator_lingang, operator_hk,
                                                                org_member):
    request = advance(legal_request, "triage", by=operator_lingang)
    for outsider in (operator_hk, org_member, None):
        with pytest.raises(DomainError) as refused:
            advance(request, "assign", by=operator_lingang, assignee=outsider)
        assert refused.value.field == "assignee"


def test_work_cannot_start_when_the_assignee_is_gone(legal_request, operator_lingang, provider_member):
    request = advance(legal_request, "triage", "assign", by=operator_lingang, assignee=provider_member)
    provider_member.delete()
    with pytest.raises(Conflict, match="Assign"):
        advance(ServiceRequest.objects.get(pk=request.pk), "start", by=operator_lingang)


def test_the_assignee_works_on_it_but_another_provider_member_does_not(legal_request, operator_lingang,
                                                                       provider_member, provider_org):
    from tests.world import make_member
    from zonebridge.accounts.models import Role

    colleague = make_member("colleague", provider_org, Role.ORG_MEMBER)
    request = advance(legal_request, "triage", "assign", by=operator_lingang, assignee=provider_member)
    with pytest.raises(NotAllowed):
        advance(request, "start", by=colleague)


def test_declining_needs_a_reason_and_tells_the_requester(legal_request, operator_lingang, org_admin):
    with pytest.raises(DomainError) as refused:
        request_services.change_state(legal_request, "decline", acting_user=operator_lingang, reason="  ")
    assert refused.value.field == "reason"
    request = request_services.change_state(legal_request, "decline", acting_user=operator_lingang,
                                            reason="We do not cover tax audits.")
    assert request.state == RequestState.DECLINED and request.decline_reason == "We do not cover tax audits."
    assert Notification.objects.filter(recipient=org_admin, kind="landing.request_changed").exists()
    with pytest.raises(Conflict):
        advance(request, "triage", by=operator_lingang)


def test_delivery_waits_while_the_clock_is_stopped(legal_request, operator_lingang):
    request = advance(legal_request, "triage", "assign", "start", by=operator_lingang, assignee=operator_lingang)
    request_services.wait_on_requester(request, acting_user=operator_lingang, now=at(2026, 3, 3, 9))
    with pytest.raises(Conflict, match="waiting"):
        advance(request, "deliver", by=operator_lingang)


def test_waiting_on_the_requester_moves_the_due_date_by_the_working_days_waited(legal_request, operator_lingang,
                                                                                org_admin):
    assert legal_request.due_on == date(2026, 3, 5)
    request_services.wait_on_requester(legal_request, acting_user=operator_lingang, now=at(2026, 3, 3, 9))
    assert Notification.objects.filter(recipient=org_admin, kind="landing.waiting_on_requester").exists()
    # The requester answers a week later (5 working days); their reply restarts the clock.
    request_services.post_message(ServiceRequest.objects.get(pk=legal_request.pk), acting_user=org_admin,
                                  body="Here is the contract.", now=at(2026, 3, 10, 9))
    request = ServiceRequest.objects.get(pk=legal_request.pk)
    assert request.paused_since is None and request.paused_working_days == 5
    assert request.due_on == date(2026, 3, 12)


def test_a_paused_request_is_not_overdue(legal_request, operator_lingang):
    request_services.wait_on_requester(legal_request, acting_user=operator_lingang, now=at(2026, 3, 3, 9))
    assert request_services.mark_overdue(now=at(2026, 4, 1, 9)) == 0


def test_overdue_requests_are_marked_once_and_found_in_the_queue(legal_request, submit, legal_service,
                                                                  operator_lingang):
    fresh = submit(legal_service, now=at(2026, 3, 30, 9))
    assert request_services.mark_overdue(now=at(2026, 3, 6, 9)) == 1
    assert request_services.mark_overdue(now=at(2026, 3, 6, 10)) == 0
    assert Notification.objects.filter(recipient=operator_lingang, kind="landing.request_overdue").count() == 1
    overdue = queries.queue(operator_lingang, overdue=True, now=at(2026, 3, 6, 9))
    assert list(overdue) == [legal_request]
    assert fresh not in overdue
    assert request_services.is_overdue(legal_request, date(2026, 3, 6))
    assert not request_services.is_overdue(legal_request, date(2026, 3, 5))


def test_the_team_is_warned_on_the_last_working_day(legal_request, operator_lingang):
    # Due Thursday 5 March: nothing on Wednesday, a warning on Thursday (once), overdue on Friday.
    assert request_services.mark_overdue(now=at(2026, 3, 4, 9)) == 0
    assert request_services.mark_overdue(now=at(2026, 3, 5, 9)) == 0
    request_services.mark_overdue(now=at(2026, 3, 5, 15))
    kinds = list(Notification.objects.filter(recipient=operator_lingang).values_list("kind", flat=True))
    assert kinds.count("landing.request_due_soon") == 1 and "landing.request_overdue" not in kinds
    assert request_services.mark_overdue(now=at(2026, 3, 6, 9)) == 1


def test_internal_notes_never_reach_the_requester(legal_request, operator_lingang, org_admin):
    request_services.post_message(legal_request, acting_user=operator_lingang, body="Client seems unsure.",
                                  internal=True)
    request_services.post_message(legal_request, acting_user=operator_lingang, body="Which city?")
    assert [m.body for m in queries.visible_messages(org_admin, legal_request)] == ["Which city?"]
    assert len(queries.visible_messages(operator_lingang, legal_request)) == 2
    assert Notification.objects.filter(recipient=org_admin, kind="landing.request_message").count() == 1
    with pytest.raises(NotAllowed):
        request_services.post_message(legal_request, acting_user=org_admin, body="sneaky", internal=True)


def test_outsiders_may_not_write_on_a_request(legal_request, org_member, operator_hk):
    for user in (operator_hk, make_user("stranger", None)):
        with pytest.raises(NotAllowed):
            request_services.post_message(legal_request, acting_user=user, body="hello")
    # A member of the requesting organisation who did not make the request is not its requester either.
    with pytest.raises(NotAllowed):
        request_services.post_message(legal_request, acting_user=org_member, body="hello")


def test_attachments_are_read_by_those_who_see_the_request(legal_service, org_admin, fintech_startup,
                                                           operator_lingang, operator_hk, org_member):
    upload = SimpleUploadedFile("brief.pdf", pdf_bytes("brief"), content_type="application/pdf")
    request = request_services.submit_request(legal_service, acting_user=org_admin, organisation=fintech_startup,
                                              details="See the brief", attachment=upload)
    assert may_read(org_admin, request.attachment) and may_read(operator_lingang, request.attachment)
    assert not may_read(operator_hk, request.attachment) and not may_read(org_member, request.attachment)
    note_file = SimpleUploadedFile("note.pdf", pdf_bytes("note"), content_type="application/pdf")
    note = request_services.post_message(request, acting_user=operator_lingang, body="internal", internal=True,
                                         attachment=note_file)
    assert may_read(operator_lingang, note.attachment) and not may_read(org_admin, note.attachment)


def test_a_rating_needs_a_delivered_request_and_a_score_from_one_to_five(legal_request, operator_lingang,
                                                                        org_admin):
    with pytest.raises(Conflict):
        request_services.rate(legal_request, acting_user=org_admin, rating=5)
    request = advance(legal_request, "triage", "assign", "start", "deliver", by=operator_lingang,
                      assignee=operator_lingang)
    with pytest.raises(DomainError):
        request_services.rate(request, acting_user=org_admin, rating=6)
    with pytest.raises(NotAllowed):
        request_services.rate(request, acting_user=operator_lingang, rating=5)
    assert request_services.rate(request, acting_user=org_admin, rating=5).rating == 5


def test_bulk_changes_apply_what_they_may_and_report_the_rest(submit, legal_service, operator_lingang):
    first, second = submit(legal_service), submit(legal_service)
    advance(second, "triage", by=operator_lingang)
    changed, refused = request_services.bulk_change(
        ServiceRequest.objects.filter(pk__in=[first.pk, second.pk]).order_by("pk"), "triage",
        acting_user=operator_lingang)
    assert [r.pk for r in changed] == [first.pk]
    assert [r.pk for r, _message in refused] == [second.pk]
    changed, refused = request_services.bulk_change(
        ServiceRequest.objects.filter(pk__in=[first.pk, second.pk]), "assign", acting_user=operator_lingang,
        assignee=operator_lingang)
    assert len(changed) == 2 and not refused


def test_desk_space_is_booked_within_capacity_and_released_when_declined(desk_space, submit, operator_lingang):
    first = submit(desk_space, units=4, month="2099-01")
    assert SpaceBooking.objects.get(request=first).units == 4
    with pytest.raises(Conflict) as refused:
        submit(desk_space, units=3, month="2099-01")
    assert refused.value.field == "units"
    assert submit(desk_space, units=3, month="2099-02").booking.units == 3
    request_services.change_state(first, "decline", acting_user=operator_lingang, reason="No longer needed")
    assert submit(desk_space, units=6, month="2099-01").booking.units == 6
    assert request_services.booked_units(desk_space, date(2099, 1, 1)) == 6


def test_space_needs_a_month_and_a_number_of_desks(desk_space, submit):
    with pytest.raises(DomainError) as refused:
        submit(desk_space, units=2)
    assert refused.value.field == "month"
    with pytest.raises(DomainError) as refused:
        submit(desk_space, units=0, month="2099-01")
    assert refused.value.field == "units"
    with pytest.raises(DomainError):
        submit(desk_space, units=1, month="2001-01")
    assert not ServiceRequest.objects.exists()
