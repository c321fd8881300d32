"""A coordinator withdraws a nomination until the round closes; after the match, with the nominee's offer, whose
place is free again for the operator to offer (tested in test_free_places.py)."""

import pytest

from tests.programmes.conftest import advance
from zonebridge.core.errors import Conflict, NotAllowed
from zonebridge.core.jobs import start_job
from zonebridge.core.models import AuditEntry, Notification
from zonebridge.programmes import services
from zonebridge.programmes.models import (
    Application,
    ApplicationState,
    Nomination,
    NominationState,
    Offer,
    OfferState,
    Participant,
    ParticipantState,
    Round,
    RoundState,
)


@pytest.fixture
def nomination(open_round, coordinator, student, hk_university):
    return services.nominate(open_round, student, university=hk_university, acting_user=coordinator)


@pytest.fixture
def published(open_round, position, nomination, student, second_student, org_admin, operator_hk):
    """The nominee got the one place; the second candidate (ranked second by the host) did not."""
    other = services.apply_to_round(open_round, acting_user=second_student)
    services.set_student_ranking(nomination.application, [position.pk], acting_user=student)
    services.set_student_ranking(other, [position.pk], acting_user=second_student)
    services.set_host_ranking(position, [nomination.application.pk, other.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    services.run_placement(round_, acting_user=operator_hk)
    return Round.objects.get(pk=round_.pk)


def kinds_of(user) -> set[str]:
    return set(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_nomination_is_withdrawn_during_matching_and_the_operator_is_told(
        open_round, nomination, coordinator, student, operator_hk):
    advance(open_round, operator_hk, "start_review", "start_matching")
    services.withdraw_nomination(nomination, acting_user=coordinator)
    assert Nomination.objects.get(pk=nomination.pk).state == NominationState.WITHDRAWN
    assert Application.objects.get(pk=nomination.application_id).state == ApplicationState.WITHDRAWN
    assert "programmes.nomination_withdrawn" in kinds_of(student)
    assert "programmes.nominee_withdrawn" in kinds_of(operator_hk)
    # Out of the running: the match does not see the student.
    assert services.market_inputs(Round.objects.get(pk=open_round.pk))["applicants"] == []


def test_a_withdrawal_waits_while_the_match_is_running(open_round, nomination, coordinator, operator_hk):
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    start_job(services.PLACEMENT_JOB, acting_user=operator_hk, params={"round": round_.pk},
              exclusive_key=f"{services.PLACEMENT_JOB}:{round_.pk}")
    with pytest.raises(Conflict, match="is running"):
        services.withdraw_nomination(nomination, acting_user=coordinator)
    assert Nomination.objects.get(pk=nomination.pk).state == NominationState.ACTIVE


def test_after_the_match_withdrawing_withdraws_an_open_offer_and_frees_its_place(
        published, position, nomination, coordinator, student, org_admin, operator_hk):
    offer = Offer.objects.get(application=nomination.application)
    assert offer.state == OfferState.OPEN and services.free_places(position) == 0
    services.withdraw_nomination(nomination, acting_user=coordinator)
    offer.refresh_from_db()
    assert offer.state == OfferState.WITHDRAWN and offer.responded_at is not None
    assert services.free_places(position) == 1
    assert Application.objects.get(pk=nomination.application_id).state == ApplicationState.WITHDRAWN
    assert "programmes.offer_withdrawn" in kinds_of(student)
    assert "programmes.place_freed" in kinds_of(org_admin)
    assert "programmes.nominee_withdrawn" in kinds_of(operator_hk)
    told = Notification.objects.get(recipient=operator_hk, kind="programmes.nominee_withdrawn")
    assert told.url.endswith(f"/programmes/rounds/{published.pk}/free-places/")
    actions = set(AuditEntry.objects.filter(actor_id=coordinator.pk).values_list("action", flat=True))
    assert {"programmes.nomination.withdraw", "programmes.offer.withdraw"} <= actions
    # A withdrawn offer cannot be accepted any more.
    with pytest.raises(Conflict, match="already withdrawn"):
        services.accept_offer(offer, acting_user=student)


def test_after_the_match_withdrawing_an_accepted_offer_ends_the_participation(
        published, position, nomination, coordinator, student):
    offer = Offer.objects.get(application=nomination.application)
    participant = services.accept_offer(offer, acting_user=student)
    assert services.free_places(position) == 0
    services.withdraw_nomination(nomination, acting_user=coordinator)
    assert Offer.objects.get(pk=offer.pk).state == OfferState.WITHDRAWN
    assert Participant.objects.get(pk=participant.pk).state == ParticipantState.WITHDRAWN
    assert services.free_places(position) == 1


def test_a_withdrawal_after_the_round_closed_is_refused_and_changes_nothing(
        published, nomination, coordinator, operator_hk):
    services.transition_round(published, "close", acting_user=operator_hk)
    with pytest.raises(Conflict) as error:
        services.withdraw_nomination(nomination, acting_user=coordinator)
    assert "is Closed: its nominations can no longer be withdrawn" in error.value.message
    assert Nomination.objects.get(pk=nomination.pk).state == NominationState.ACTIVE
    assert Offer.objects.get(application=nomination.application).state == OfferState.OPEN


def test_only_the_nominating_universitys_coordinators_withdraw(published, nomination, operator_hk, student):
    for someone in (operator_hk, student):
        with pytest.raises(NotAllowed):
            services.withdraw_nomination(nomination, acting_user=someone)


def test_the_page_withdraws_after_the_match_and_refuses_after_closing(
        client, published, nomination, coordinator, operator_hk):
    client.force_login(coordinator)
    page = client.get(f"/en/programmes/rounds/{published.pk}/nominations/")
    assert b"Payments engineer intern" in page.content and b"Withdraw" in page.content
    answer = client.post(f"/en/programmes/nominations/{nomination.pk}/withdraw/", follow=True)
    assert b"The nomination is withdrawn." in answer.content
    assert Offer.objects.get(application=nomination.application).state == OfferState.WITHDRAWN


def test_the_api_refuses_a_withdrawal_after_closing_with_the_reason(
        client, published, nomination, coordinator, operator_hk):
    from zonebridge.accounts.services import issue_api_token

    services.transition_round(published, "close", acting_user=operator_hk)
    token = issue_api_token(coordinator, "test")[1]
    answer = client.post(f"/api/v1/programmes/nominations/{nomination.pk}/withdraw",
                         HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 409
    assert "can no longer be withdrawn" in answer.json()["detail"][0]["msg"]
    assert Round.objects.get(pk=published.pk).state == RoundState.CLOSED
    assert Nomination.objects.get(pk=nomination.pk).state == NominationState.ACTIVE


def test_the_api_withdraws_after_the_match(client, published, nomination, coordinator):
    from zonebridge.accounts.services import issue_api_token

    token = issue_api_token(coordinator, "test")[1]
    answer = client.post(f"/api/v1/programmes/nominations/{nomination.pk}/withdraw",
                         HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 200 and answer.json()["state"] == "withdrawn"
    assert Offer.objects.get(application=nomination.application).state == OfferState.WITHDRAWN

