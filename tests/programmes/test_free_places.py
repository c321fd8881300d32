"""The operator offers a free place (declined, withdrawn or left empty by the match) directly to an eligible
candidate without one; the student answers it like any other offer."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.programmes.conftest import advance
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.core.errors import Conflict, DomainError, NotAllowed
from zonebridge.core.models import Notification
from zonebridge.programmes import services
from zonebridge.programmes.models import Offer, OfferState, Round


@pytest.fixture
def published(open_round, position, application, second_student, student, org_admin, operator_hk, hk_university):
    """One place: the host ranks the student first and the second student second; a third student ranked the
    position but the host did not rank them; a fourth applied and ranked nothing."""
    second = services.apply_to_round(open_round, acting_user=second_student)
    third_student = make_member("student3", hk_university, Role.STUDENT)
    third = services.apply_to_round(open_round, acting_user=third_student)
    idle = services.apply_to_round(open_round, acting_user=make_member("student4", hk_university, Role.STUDENT))
    for app, user in ((application, student), (second, second_student), (third, third_student)):
        services.set_student_ranking(app, [position.pk], acting_user=user)
    services.set_host_ranking(position, [application.pk, second.pk], acting_user=org_admin)
    round_ = advance(open_round, operator_hk, "start_review", "start_matching")
    services.run_placement(round_, acting_user=operator_hk)
    return {"round": Round.objects.get(pk=round_.pk), "first": application, "second": second, "third": third,
            "idle": idle}


def test_a_declined_place_is_listed_with_its_candidates_in_the_hosts_order(published, position, student,
                                                                           operator_hk):
    assert services.freed_places(published["round"], acting_user=operator_hk) == []  # held by an open offer
    services.decline_offer(Offer.objects.get(application=published["first"]), acting_user=student)
    [row] = services.freed_places(published["round"], acting_user=operator_hk)
    assert (row["position"], row["free"], row["declined"], row["withdrawn"], row["left_empty"]) == (
        position, 1, 1, 0, 0)
    # The one who declined is not offered the same place again; who ranked nothing is not a candidate for it.
    assert list(row["candidates"]) == [published["second"], published["third"]]
    assert row["candidates"][0].host_rank == 2 and row["candidates"][1].host_rank is None


def test_the_operator_offers_a_freed_place_and_the_student_accepts_it_like_any_offer(
        published, position, student, second_student, operator_hk):
    services.decline_offer(Offer.objects.get(application=published["first"]), acting_user=student)
    deadline = timezone.now() + timedelta(days=3)
    offer = services.offer_free_place(position, published["second"], acting_user=operator_hk, deadline=deadline)
    assert offer.deadline == deadline and offer.run is None and offer.state == OfferState.OPEN
    told = Notification.objects.get(recipient=second_student, kind="programmes.offer")
    assert told.url == f"/en/programmes/offers/{offer.pk}/" or told.url.endswith(f"/programmes/offers/{offer.pk}/")
    assert services.freed_places(published["round"], acting_user=operator_hk) == []  # held by the new offer
    services.accept_offer(offer, acting_user=second_student)
    assert Offer.objects.get(pk=offer.pk).state == OfferState.ACCEPTED


def test_a_direct_offer_is_refused_with_a_reason_and_changes_nothing(published, position, student, operator_hk,
                                                                      org_admin):
    with pytest.raises(NotAllowed):
        services.offer_free_place(position, published["second"], acting_user=org_admin)
    with pytest.raises(DomainError) as error:
        services.offer_free_place(position, published["second"], acting_user=operator_hk,
                                  deadline=timezone.now() - timedelta(hours=1))
    assert error.value.field == "deadline"
    with pytest.raises(DomainError) as error:
        services.offer_free_place(position, published["idle"], acting_user=operator_hk)
    assert error.value.field == "application" and "not an eligible candidate" in error.value.message
    with pytest.raises(Conflict, match="already has an offer"):
        services.offer_free_place(position, published["first"], acting_user=operator_hk)
    assert Offer.objects.count() == 1


def test_never_more_accepted_than_places(published, position, student, second_student, operator_hk):
    # The first offer is still open; the operator offers the place to the second as well: the first to accept
    # takes it, the other's acceptance is refused.
    offer = services.offer_free_place(position, published["second"], acting_user=operator_hk)
    services.accept_offer(offer, acting_user=second_student)
    with pytest.raises(Conflict, match="last place"):
        services.accept_offer(Offer.objects.get(application=published["first"]), acting_user=student)
    assert Offer.objects.filter(position=position, state=OfferState.ACCEPTED).count() == 1
    with pytest.raises(Conflict, match="no free place"):
        services.offer_free_place(position, published["third"], acting_user=operator_hk)


def test_free_places_only_in_a_published_round(open_round, position, application, operator_hk):
    assert services.freed_places(open_round, acting_user=operator_hk) == []
    with pytest.raises(Conflict, match="published"):
        services.offer_free_place(position, application, acting_user=operator_hk)


def test_the_page_lists_free_places_and_offers_one(client, published, position, student, operator_hk):
    services.decline_offer(Offer.objects.get(application=published["first"]), acting_user=student)
    client.force_login(operator_hk)
    url = f"/en/programmes/rounds/{published['round'].pk}/free-places/"
    page = client.get(url)
    assert b"1 free place" in page.content and b"Student2 \xc2\xb7 Harbour University" in page.content
    field = f"p{position.pk}"
    answer = client.post(url, {"position": position.pk, f"{field}-application": published["second"].pk,
                               f"{field}-deadline": "2020-01-01T10:00"})
    assert b"The answer deadline must be in the future." in answer.content
    assert Offer.objects.count() == 1
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    answer = client.post(url, {"position": position.pk, f"{field}-application": published["second"].pk,
                               f"{field}-deadline": later}, follow=True)
    assert b"is offered a place" in answer.content
    assert Offer.objects.get(application=published["second"]).state == OfferState.OPEN


def test_the_api_lists_free_places_and_offers_one(client, published, position, student, operator_hk):
    from zonebridge.accounts.services import issue_api_token

    services.decline_offer(Offer.objects.get(application=published["first"]), acting_user=student)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(operator_hk, 'test')[1]}"}
    rows = client.get(f"/api/v1/programmes/rounds/{published['round'].pk}/free-places", **headers).json()
    assert [(r["position"], r["free"], r["declined"]) for r in rows] == [(position.pk, 1, 1)]
    assert [c["application"] for c in rows[0]["candidates"]] == [published["second"].pk, published["third"].pk]
    url = f"/api/v1/programmes/positions/{position.pk}/offers/{published['idle'].pk}"
    answer = client.post(url, "{}", content_type="application/json", **headers)
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "application"]
    url = f"/api/v1/programmes/positions/{position.pk}/offers/{published['second'].pk}"
    deadline = (timezone.now() + timedelta(days=2)).isoformat()
    answer = client.post(url, f'{{"deadline": "{deadline}"}}', content_type="application/json", **headers)
    assert answer.status_code == 201 and answer.json()["state"] == "open"
