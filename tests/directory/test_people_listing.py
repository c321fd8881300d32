"""People appear in the directory (API and pages) only when they chose a public profile; nobody by default."""

from django.core.management import call_command

from tests.world import PASSWORD
from zonebridge.accounts.models import PersonProfile, Role, User
from zonebridge.demo.seed import seed_demo


def test_a_new_profile_is_not_listed(outsider):
    assert PersonProfile(user=outsider).is_listed is False
    PersonProfile.objects.filter(user=outsider).delete()
    assert PersonProfile.objects.create(user=outsider).is_listed is False


def test_people_who_did_not_choose_a_public_profile_are_not_listed(client, org_admin, battery_maker):
    PersonProfile.objects.filter(user=org_admin).update(is_listed=False)
    assert client.get("/api/v1/people").json()["count"] == 0
    assert client.get("/api/v1/people/org_admin").status_code == 404
    assert client.get("/en/people/org_admin/").status_code == 404
    assert "Org Admin" not in client.get("/en/organisations/tidepay/").content.decode()


def test_people_who_chose_a_public_profile_are_listed(client, org_admin):
    PersonProfile.objects.filter(user=org_admin).update(is_listed=False)
    client.login(username="org_admin", password=PASSWORD)
    response = client.post("/en/accounts/settings/", {"account-display_name": "Org Admin",
                                                      "account-preferred_language": "en",
                                                      "profile-headline": "CEO", "profile-is_listed": "on"})
    assert response.status_code == 302
    assert [item["username"] for item in client.get("/api/v1/people").json()["items"]] == ["org_admin"]


def test_the_demo_lists_no_student_and_only_some_other_people(db):
    seed_demo(seed=3, scale="small")
    listed = User.objects.filter(profile__is_listed=True)
    assert not listed.filter(memberships__role=Role.STUDENT).exists()
    assert User.objects.filter(memberships__role=Role.STUDENT).exists()
    assert 0 < listed.count() < User.objects.filter(profile__isnull=False).count() / 2
    assert not User.objects.get(username="student").profile.is_listed
    assert User.objects.get(username="orgadmin").profile.is_listed


def test_the_migration_unlists_profiles_listed_by_the_old_default(transactional_db, org_admin):
    PersonProfile.objects.filter(user=org_admin).update(is_listed=True)
    call_command("migrate", "accounts", "0004", verbosity=0)
    call_command("migrate", "accounts", verbosity=0)
    assert not PersonProfile.objects.get(user=org_admin).is_listed
