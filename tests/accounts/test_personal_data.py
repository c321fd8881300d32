"""Cross-border personal data: shown only with the person's active consent, every view logged."""

import pytest

from tests.world import PASSWORD
from zonebridge.accounts.models import PersonalDataAccess
from zonebridge.accounts.services import PersonalDataDenied, grant_consent, read_personal_data, revoke_consent
from zonebridge.policy import accounts as policy


def test_a_person_sees_their_own_data(student):
    assert read_personal_data(student, student).contact_email == "student@contact.example"
    assert PersonalDataAccess.objects.count() == 0


def test_the_other_zone_sees_nothing_without_consent(student, battery_admin):
    assert not policy.may_view_personal_data(battery_admin, student)
    with pytest.raises(PersonalDataDenied):
        read_personal_data(battery_admin, student)


def test_consent_opens_the_data_across_the_border_and_the_view_is_logged(student, battery_admin):
    grant_consent(student)
    data = read_personal_data(battery_admin, student)
    assert data.phone == "+852 5555 0000"
    access = PersonalDataAccess.objects.get()
    assert (access.viewer, access.person, access.viewer_zone.slug, access.person_zone.slug) == (
        battery_admin, student, "lingang", "hk-hub")


def test_revoking_consent_closes_the_data_again(student, battery_admin):
    grant_consent(student)
    assert revoke_consent(student) == 1
    with pytest.raises(PersonalDataDenied):
        read_personal_data(battery_admin, student)


def test_consent_is_not_granted_twice(student):
    assert grant_consent(student) == grant_consent(student)


def test_a_non_professional_of_the_other_zone_sees_nothing_even_with_consent(student, lingang):
    from tests.world import make_user

    grant_consent(student)
    other_student = make_user("mainland_student", lingang)
    assert not policy.may_view_personal_data(other_student, student)


def test_same_zone_operators_and_org_admins_see_it_without_a_log(student, coordinator, hk_hub):
    from tests.world import make_user

    operator = make_user("operator_hk", hk_hub)
    hk_hub.operators.add(operator)
    assert policy.may_view_personal_data(operator, student)
    assert not policy.may_view_personal_data(coordinator, student)  # coordinator, not admin, of the university
    read_personal_data(operator, student)
    assert PersonalDataAccess.objects.count() == 0


def test_anonymous_visitors_see_nothing(student):
    from django.contrib.auth.models import AnonymousUser

    assert not policy.may_view_personal_data(AnonymousUser(), student)


def test_the_profile_page_follows_the_policy(client, student, battery_admin):
    client.login(username="battery_admin", password=PASSWORD)
    assert "5555" not in client.get("/en/people/student/").content.decode()
    grant_consent(student)
    assert "5555" in client.get("/en/people/student/").content.decode()
    assert PersonalDataAccess.objects.filter(channel="web").count() == 1


def test_a_user_grants_and_revokes_consent_in_settings(client, student):
    client.login(username="student", password=PASSWORD)
    client.post("/en/accounts/settings/consent/", {"action": "grant"})
    assert policy.has_active_consent(student)
    client.post("/en/accounts/settings/consent/", {"action": "revoke"})
    assert not policy.has_active_consent(student)
