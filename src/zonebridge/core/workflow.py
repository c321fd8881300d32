"""Declared state machines for models with states (a round, a service request, a meeting request).

An app declares its transitions once:

    REQUEST_FLOW = Workflow("landing.servicerequest", transitions=[
        Transition("triage", source=["submitted"], target="triaged", label=_("Triage"),
                   allowed=policy.may_triage, guard=lambda request: None),
        ...
    ])

and its services change state only through `REQUEST_FLOW.apply(obj, "triage", acting_user=user)`, which locks
the row, checks the source state, who may, and the guard, saves the new state, records the transition in the
audit trail, and raises a domain error that says what is wrong otherwise. (django-fsm-2 was considered: its
transitions are model methods whose conditions answer only yes/no, while we want a reason for the user and
the lock and audit entry in one service entry point.)
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import Conflict, DomainError, NotAllowed


def _anyone(user, obj) -> bool:
    return True


@dataclass(frozen=True)
class Transition:
    """One allowed move: from any of `source` to `target`, by whom `allowed` says, when `guard` has no objection.

    `guard(obj)` returns None when the move may happen, or the reason it may not (shown to the user).
    """

    name: str
    source: tuple[str, ...]
    target: str
    label: str = ""
    allowed: Callable = _anyone
    guard: Callable | None = None

    def __post_init__(self):
        object.__setattr__(self, "source", tuple(self.source))


@dataclass
class Workflow:
    """The transitions of one model's state field (`model` is an `app_label.ModelName` label)."""

    model: str
    transitions: Iterable[Transition]
    state_field: str = "state"
    by_name: dict[str, Transition] = field(init=False)

    def __post_init__(self):
        self.by_name = {transition.name: transition for transition in self.transitions}

    def state_of(self, obj) -> str:
        """The current state of `obj`."""
        return getattr(obj, self.state_field)

    def available(self, obj, user) -> list[Transition]:
        """The transitions `user` may apply to `obj` now (for buttons); guards included."""
        state = self.state_of(obj)
        return [t for t in self.by_name.values()
                if state in t.source and t.allowed(user, obj) and not (t.guard and t.guard(obj))]

    def check(self, obj, name: str, *, acting_user) -> Transition:
        """Return the transition `name` if `acting_user` may apply it to `obj` now, else raise a domain error."""
        transition = self.by_name.get(name)
        if transition is None:
            raise DomainError(_("Unknown action “%(action)s”.") % {"action": name}, field="action")
        if not transition.allowed(acting_user, obj):
            raise NotAllowed(_("You may not do this."))
        state = self.state_of(obj)
        if state not in transition.source:
            raise Conflict(_("“%(action)s” is not possible while the state is “%(state)s”.") % {
                "action": transition.label or name, "state": self._state_label(obj)})
        reason = transition.guard(obj) if transition.guard else None
        if reason:
            raise Conflict(str(reason))
        return transition

    def apply(self, obj, name: str, *, acting_user, changes: dict | None = None):
        """Apply transition `name` to `obj` under a row lock, save it with `changes`, audit it; return the row."""
        model = apps.get_model(self.model)
        with transaction.atomic():
            locked = model.objects.select_for_update().get(pk=obj.pk)
            transition = self.check(locked, name, acting_user=acting_user)
            fields = [self.state_field, *(changes or {})]
            before = audit.snapshot(locked, fields)
            setattr(locked, self.state_field, transition.target)
            for attribute, value in (changes or {}).items():
                setattr(locked, attribute, value)
            locked.save(update_fields=fields)
            audit.record(f"{model._meta.label_lower}.{transition.name}", actor=acting_user, target=locked,
                         before=before, after=audit.snapshot(locked, fields))
        return locked

    def _state_label(self, obj) -> str:
        display = getattr(obj, f"get_{self.state_field}_display", None)
        return str(display()) if display else self.state_of(obj)
