"""Expressions of interest: the workflow, its guards, the daily limit, introductions and the consent rule."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.world import make_member
from zonebridge.accounts.models import Consent, ConsentPurpose, Role
from zonebridge.core.errors import Conflict, DomainError, NotAllowed, NotFound
from zonebridge.core.models import Notification
from zonebridge.opportunities import services
from zonebridge.opportunities.models import InterestExpression, InterestState, IntroductionRoute, Outcome


def consent(user):
    Consent.objects.create(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION)


@pytest.fixture
def interest(battery_need, org_admin, fintech_startup):
    return services.express_interest(battery_need, acting_user=org_admin, organisation=fintech_startup,
                                     message="We build BMS software and would like to talk.")


def test_the_owner_is_told_of_an_interest(interest, battery_admin):
    assert interest.state == InterestState.SENT
    assert Notification.objects.filter(recipient=battery_admin, kind="opportunities.interest_received").exists()


def test_only_members_express_interest_and_never_in_their_own_posting(battery_need, battery_admin, battery_maker,
                                                                       org_admin, hk_university, coordinator):
    with pytest.raises(NotAllowed):
        services.express_interest(battery_need, acting_user=coordinator, organisation=hk_university, message="Hi")
    with pytest.raises(DomainError):
        services.express_interest(battery_need, acting_user=battery_admin, organisation=battery_maker, message="Hi")


def test_a_message_is_required_and_one_interest_per_organisation(battery_need, org_admin, fintech_startup,
                                                                   interest):
    with pytest.raises(Conflict):
        services.express_interest(battery_need, acting_user=org_admin, organisation=fintech_startup, message="Again")


def test_an_empty_message_is_refused(battery_need, org_admin, fintech_startup):
    with pytest.raises(DomainError) as error:
        services.express_interest(battery_need, acting_user=org_admin, organisation=fintech_startup, message="  ")
    assert error.value.field == "message"


def test_a_posting_the_sender_may_not_see_is_not_found(battery_maker, battery_admin, org_admin, fintech_startup):
    from tests.opportunities.conftest import post
    from zonebridge.opportunities.models import Visibility

    hidden = post(battery_maker, battery_admin, title="Internal", description="Lingang only",
                  visibility=Visibility.PARTNER_ZONE, target_zone=battery_maker.home_zone)
    with pytest.raises(NotFound):
        services.express_interest(hidden, acting_user=org_admin, organisation=fintech_startup, message="Hi")


def test_the_daily_limit_per_organisation(battery_maker, battery_admin, org_admin, fintech_startup, monkeypatch):
    from tests.opportunities.conftest import post

    monkeypatch.setattr(services, "INTEREST_LIMIT_PER_DAY", 2)
    postings = [post(battery_maker, battery_admin, title=f"Need {n}", description="Parts") for n in range(3)]
    for posting in postings[:2]:
        services.express_interest(posting, acting_user=org_admin, organisation=fintech_startup, message="Hi")
    with pytest.raises(Conflict):
        services.express_interest(postings[2], acting_user=org_admin, organisation=fintech_startup, message="Hi")


def test_accepting_without_consent_goes_through_the_operators(interest, battery_admin, operator_lingang,
                                                              operator_hk, org_admin):
    accepted = services.accept_interest(interest, acting_user=battery_admin)
    assert accepted.state == InterestState.ACCEPTED
    assert accepted.introduction_route == IntroductionRoute.OPERATOR
    assert accepted.follow_up_due > timezone.now() + timedelta(days=85)
    for operator in (operator_lingang, operator_hk):
        assert Notification.objects.filter(recipient=operator, kind="opportunities.introduction_requested").exists()
    assert Notification.objects.filter(recipient=org_admin, kind="opportunities.interest_accepted").exists()


def test_accepting_with_both_consents_shares_contacts_directly(interest, battery_admin, org_admin, client):
    consent(battery_admin)
    consent(org_admin)
    services.accept_interest(interest, acting_user=battery_admin)
    client.force_login(org_admin)
    body = client.get(f"/en/opportunities/interests/{interest.pk}/").content.decode()
    assert "battery_admin@contact.example" in body


def test_one_consent_is_not_enough(interest, battery_admin, org_admin, client):
    consent(org_admin)
    services.accept_interest(interest, acting_user=battery_admin)
    client.force_login(org_admin)
    body = client.get(f"/en/opportunities/interests/{interest.pk}/").content.decode()
    assert "battery_admin@contact.example" not in body
    assert "zone operators introduce you" in body


def test_a_revoked_consent_hides_the_contacts_again(interest, battery_admin, org_admin, client):
    consent(battery_admin)
    consent(org_admin)
    services.accept_interest(interest, acting_user=battery_admin)
    Consent.objects.filter(user=battery_admin).update(revoked_at=timezone.now())
    client.force_login(org_admin)
    assert "battery_admin@contact.example" not in client.get(
        f"/en/opportunities/interests/{interest.pk}/").content.decode()


def test_only_the_owner_side_decides_and_only_the_sender_withdraws(interest, org_admin, battery_admin, org_member):
    with pytest.raises(NotAllowed):
        services.accept_interest(interest, acting_user=org_admin)
    with pytest.raises(NotAllowed):
        services.withdraw_interest(interest, acting_user=battery_admin)
    withdrawn = services.withdraw_interest(interest, acting_user=org_member)
    assert withdrawn.state == InterestState.WITHDRAWN
    with pytest.raises(Conflict):
        services.accept_interest(withdrawn, acting_user=battery_admin)


def test_a_closed_posting_cannot_be_accepted(interest, battery_admin, battery_need):
    services.withdraw_opportunity(battery_need, acting_user=battery_admin)
    with pytest.raises(Conflict):
        services.accept_interest(interest, acting_user=battery_admin)
    declined = services.decline_interest(interest, acting_user=battery_admin)
    assert declined.state == InterestState.DECLINED


def test_outcome_and_broker(interest, battery_admin, org_admin, operator_hk, student):
    with pytest.raises(Conflict):
        services.record_outcome(interest, acting_user=org_admin, outcome=Outcome.TALKING)
    services.accept_interest(interest, acting_user=battery_admin)
    with pytest.raises(NotAllowed):
        services.broker_introduction(interest, acting_user=org_admin)
    brokered = services.broker_introduction(interest, acting_user=operator_hk)
    assert brokered.brokered_by == operator_hk
    assert Notification.objects.filter(recipient=org_admin, kind="opportunities.introduced").exists()
    with pytest.raises(NotAllowed):
        services.record_outcome(interest, acting_user=student, outcome=Outcome.DEAL)
    assert services.record_outcome(interest, acting_user=org_admin, outcome=Outcome.PILOT).outcome == Outcome.PILOT


def test_the_follow_up_is_sent_once_three_months_later(interest, battery_admin, org_admin):
    services.accept_interest(interest, acting_user=battery_admin)
    assert services.send_due_follow_ups() == 0
    later = timezone.now() + timedelta(days=92)
    assert services.send_due_follow_ups(later) == 1
    assert services.send_due_follow_ups(later) == 0
    assert Notification.objects.filter(kind="opportunities.follow_up").count() == 2


def test_operators_see_every_cross_zone_interest(interest, operator_lingang, client, fintech_startup):
    other = make_member("bystander", fintech_startup, Role.ORG_MEMBER)
    client.force_login(operator_lingang)
    assert "We build BMS" not in client.get("/en/opportunities/interests/").content.decode()  # list shows names
    assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 200
    body = client.get("/en/opportunities/interests/").content.decode()
    assert f"/en/opportunities/interests/{interest.pk}/" in body
    client.force_login(other)
    assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 200  # same organisation


def test_accepting_mails_the_sender_in_their_language(interest, battery_admin, org_admin, settings,
                                                      django_capture_on_commit_callbacks):
    org_admin.preferred_language = "zh-hant"
    org_admin.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_interest(interest, acting_user=battery_admin)
    assert any(message.to == [org_admin.email] for message in mail.outbox)


def test_through_the_operators_the_three_months_count_from_the_introduction(interest, battery_admin, operator_hk):
    accepted = services.accept_interest(interest, acting_user=battery_admin)
    InterestExpression.objects.filter(pk=interest.pk).update(follow_up_due=accepted.follow_up_due - timedelta(days=30))
    brokered = services.broker_introduction(interest, acting_user=operator_hk)
    assert brokered.follow_up_due >= brokered.brokered_at + services.FOLLOW_UP_AFTER
    assert services.send_due_follow_ups(brokered.brokered_at + timedelta(days=80)) == 0
    assert services.send_due_follow_ups(brokered.brokered_at + timedelta(days=92)) == 1


def test_the_follow_up_runs_daily_in_the_task_worker(interest, battery_admin):
    from datetime import datetime

    from huey.contrib.djhuey import HUEY

    from zonebridge.opportunities.tasks import send_follow_ups_task

    def due_at(moment):
        return {type(task) for task in HUEY.read_periodic(moment)}

    # The worker's scheduler starts it once a day.
    assert send_follow_ups_task.task_class in due_at(datetime(2026, 3, 2, 1, 15))
    assert send_follow_ups_task.task_class not in due_at(datetime(2026, 3, 2, 2, 15))
    services.accept_interest(interest, acting_user=battery_admin)
    InterestExpression.objects.filter(pk=interest.pk).update(follow_up_due=timezone.now() - timedelta(minutes=1))
    send_follow_ups_task.call_local()
    assert InterestExpression.objects.get(pk=interest.pk).follow_up_sent_at is not None
    assert Notification.objects.filter(kind="opportunities.follow_up").count() == 2


def test_the_introduction_service_decides_what_each_viewer_sees(interest, battery_admin, org_admin, operator_hk,
                                                                operator_lingang):
    assert services.introduction_for(interest, viewer=org_admin) is None  # not accepted yet
    consent(battery_admin)
    consent(org_admin)
    accepted = services.accept_interest(interest, acting_user=battery_admin)
    seen = services.introduction_for(accepted, viewer=org_admin)
    assert seen.route == IntroductionRoute.DIRECT and seen.contacts["owner"]["email"] == "battery_admin@contact.example"
    assert seen.operators == []
    by_operator = services.introduction_for(accepted, viewer=operator_hk)
    assert by_operator.contacts is None and set(by_operator.operators) == {operator_hk, operator_lingang}


def test_the_page_says_when_the_daily_limit_is_reached_and_keeps_the_message(client, battery_maker, battery_admin,
                                                                             org_admin, fintech_startup,
                                                                             monkeypatch):
    from tests.opportunities.conftest import post

    monkeypatch.setattr(services, "INTEREST_LIMIT_PER_DAY", 1)
    first, second = (post(battery_maker, battery_admin, title=f"Need {n}", description="Parts") for n in (1, 2))
    services.express_interest(first, acting_user=org_admin, organisation=fintech_startup, message="Hi")
    client.force_login(org_admin)
    response = client.post(f"/en/opportunities/{second.pk}/interest/",
                           {"organisation": fintech_startup.pk, "message": "Our second proposal"})
    body = response.content.decode()
    assert response.status_code == 200 and "in the last 24 hours" in body and "Our second proposal" in body
    assert InterestExpression.objects.count() == 1
