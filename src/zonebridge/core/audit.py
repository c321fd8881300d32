"""The audit trail: one append-only entry per security- or business-relevant action.

Services call `record(...)` inside their transaction, so an action that rolls back leaves no entry. Each entry
carries the id of the request (or job) it came from, set by `RequestIdMiddleware`.
"""

from contextvars import ContextVar

from django.db import models

from zonebridge.core.models import AuditEntry

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")


def _label(obj) -> str:
    return str(obj)[:200] if obj is not None else ""


def record(action: str, *, actor, target: models.Model | None = None, before: dict | None = None,
           after: dict | None = None) -> AuditEntry:
    """Append one entry: `actor` (a user, or None for the system) did `action` to `target`."""
    signed_in = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor_id=actor.pk if signed_in else None,
        actor_label=_label(getattr(actor, "username", actor)) if signed_in else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=_label(target),
        before=before,
        after=after,
        request_id=current_request_id.get(),
    )


def snapshot(instance: models.Model, fields) -> dict:
    """The values of `fields` of `instance`, as the audit trail stores them."""
    return {name: getattr(instance, name) for name in fields}


def differences(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the entries of two snapshots that differ: what an entry's before → after shows."""
    changed = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in changed}, {key: after[key] for key in changed}


def entries_about(target: models.Model):
    """The audit entries about one object, newest first."""
    return AuditEntry.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk))
