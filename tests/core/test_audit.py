"""The audit trail: append-only, written by the services, carrying the request id."""

import pytest

from zonebridge.accounts.services import grant_consent, issue_api_token, revoke_api_token, revoke_consent
from zonebridge.core.audit import entries_about, record
from zonebridge.core.models import AppendOnly, AuditEntry


def test_an_entry_cannot_be_changed_or_deleted(student):
    entry = record("test.action", actor=student, target=student, after={"x": 1})
    entry.action = "tampered"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "test.action"


def test_consent_and_token_changes_are_audited(student):
    grant_consent(student, acting_user=student)
    revoke_consent(student, acting_user=student)
    token, _raw = issue_api_token(student, "sync", acting_user=student)
    revoke_api_token(student, token.pk, acting_user=student)
    actions = list(entries_about(student).order_by("id").values_list("action", "actor_label"))
    assert actions == [("accounts.consent_granted", "student"), ("accounts.consent_revoked", "student"),
                       ("accounts.api_token_issued", "student"), ("accounts.api_token_revoked", "student")]


def test_nobody_grants_consent_for_someone_else(student, operator_lingang):
    from zonebridge.core.errors import NotAllowed

    with pytest.raises(NotAllowed):
        grant_consent(student, acting_user=operator_lingang)
    assert not entries_about(student).exists()


def test_an_entry_carries_the_id_of_the_request_that_made_it(client, student):
    client.force_login(student)
    response = client.post("/en/accounts/settings/consent/", {"action": "grant"}, HTTP_X_REQUEST_ID="req-12345678")
    assert response.status_code == 302 and response["X-Request-ID"] == "req-12345678"
    entry = entries_about(student).get(action="accounts.consent_granted")
    assert entry.request_id == "req-12345678"


def test_an_unsafe_request_id_is_replaced(client, db):
    response = client.get("/en/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32


def test_a_role_change_is_audited_and_the_person_told(student, battery_maker, operator_lingang):
    from zonebridge.accounts.models import Role
    from zonebridge.accounts.services import add_membership, remove_membership
    from zonebridge.core.models import Notification

    membership = add_membership(student, battery_maker, Role.ORG_MEMBER, acting_user=operator_lingang)
    remove_membership(membership, acting_user=operator_lingang)
    assert list(entries_about(student).order_by("id").values_list("action", flat=True)) == [
        "accounts.role_added", "accounts.role_removed"]
    assert list(Notification.objects.filter(recipient=student).order_by("id").values_list("kind", flat=True)) == [
        "accounts.role_added", "accounts.role_removed"]
