"""The directory policy: who may edit which organisation."""

from django.contrib.auth.models import AnonymousUser

from zonebridge.policy import directory as policy


def test_an_org_admin_edits_their_own_organisation(org_admin, fintech_startup, battery_maker):
    assert policy.may_edit_organisation(org_admin, fintech_startup)
    assert not policy.may_edit_organisation(org_admin, battery_maker)


def test_a_member_does_not_edit(org_member, fintech_startup):
    assert not policy.may_edit_organisation(org_member, fintech_startup)


def test_a_zone_operator_edits_organisations_of_their_zone_only(operator_lingang, battery_maker, fintech_startup):
    assert policy.may_edit_organisation(operator_lingang, battery_maker)
    assert not policy.may_edit_organisation(operator_lingang, fintech_startup)


def test_visitors_and_outsiders_do_not_edit(outsider, fintech_startup):
    assert not policy.may_edit_organisation(AnonymousUser(), fintech_startup)
    assert not policy.may_edit_organisation(outsider, fintech_startup)


def test_a_deactivated_admin_does_not_edit(org_admin, fintech_startup):
    org_admin.is_active = False
    assert not policy.may_edit_organisation(org_admin, fintech_startup)


def test_a_superuser_edits_anything(outsider, fintech_startup):
    outsider.is_superuser = True
    assert policy.may_edit_organisation(outsider, fintech_startup)
