"""After the match, in a real browser on a desktop and on a phone: the coordinator withdraws a nominee who holds
an offer, the operator offers the freed place directly to the candidate the host ranked next, and that student
accepts it in 简体 like any other offer. Pages are checked with axe, under the CSP, without sideways scrolling."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_programme_journey import Journey, journey_round, static_served  # noqa: F401
from tests.world import make_member
from zonebridge.accounts.models import Role
from zonebridge.programmes import services
from zonebridge.programmes.models import Offer, Round


@pytest.fixture
def published_round(journey_round, coordinator, student, org_admin, operator_hk, hk_university):  # noqa: F811
    """The nominee got the payments place; the student, ranked second by the host, got nothing."""
    payments = journey_round.positions.get(title_en="Payments engineer intern")
    nominee = make_member("nominee", hk_university, Role.STUDENT)
    nomination = services.nominate(journey_round, nominee, university=hk_university, acting_user=coordinator)
    waiting = services.apply_to_round(journey_round, acting_user=student)
    services.set_student_ranking(nomination.application, [payments.pk], acting_user=nominee)
    services.set_student_ranking(waiting, [payments.pk], acting_user=student)
    services.set_host_ranking(payments, [nomination.application.pk, waiting.pk], acting_user=org_admin)
    for name in ("start_review", "start_matching"):
        services.transition_round(journey_round, name, acting_user=operator_hk)
    services.run_placement(Round.objects.get(pk=journey_round.pk), acting_user=operator_hk)
    return Round.objects.get(pk=journey_round.pk), payments, waiting


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device", ["browser_page", "phone_page"])
def test_a_withdrawn_nominees_place_is_offered_to_the_next_candidate(request, device, live_server_database,
                                                                      static_served, published_round,  # noqa: F811
                                                                      coordinator, student, operator_hk):
    journey = Journey(request.getfixturevalue(device), live_server_database.url)
    page = journey.page
    round_, payments, waiting = published_round

    # The coordinator withdraws the nominee, who holds the offer, after the match.
    journey.sign_in("coordinator")
    journey.visit(f"/en/programmes/rounds/{round_.pk}/nominations/")
    expect(page.locator("main")).to_contain_text("Payments engineer intern · Awaiting your answer")
    page.get_by_role("button", name="Withdraw Nominee").click()
    expect(page.locator(".messages")).to_contain_text("The nomination is withdrawn.")
    journey.check()

    # The operator sees the freed place with the candidate the host ranked next, and offers it.
    journey.sign_in("operator_hk")
    journey.visit(f"/en/programmes/rounds/{round_.pk}/")
    page.get_by_role("link", name="Free places").click()
    expect(page.locator("main")).to_contain_text("1 free place")
    expect(page.locator("main")).to_contain_text("withdrawn: 1")
    journey.check()
    field = f"#id_p{payments.pk}"
    page.locator(f"{field}-application").select_option(label="Student · Harbour University · #2")
    deadline = timezone.localtime(timezone.now() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    page.locator(f"{field}-deadline").fill(deadline)
    page.get_by_role("button", name="Offer the place").click()
    expect(page.locator(".messages")).to_contain_text("Student is offered a place at “Payments engineer intern”.")
    journey.check()

    # The student accepts it, in 简体, like any other offer.
    journey.sign_in("student")
    offer = Offer.objects.get(application=waiting)
    journey.visit(f"/zh-hans/programmes/offers/{offer.pk}/")
    page.get_by_role("button", name="接受录用").click()
    expect(page.locator(".prog-offer-state")).to_contain_text("已接受")
    assert Offer.objects.get(pk=offer.pk).state == "accepted"

    assert journey.problems == []
    assert journey.blocked == []
    assert journey.sideways == []
