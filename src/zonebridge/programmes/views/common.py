"""What the pages of programmes share: how a round is found for a reader, refusals, the engine's reasons."""


from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from zonebridge.core.errors import DomainError
from zonebridge.policy import programmes as policy
from zonebridge.programmes.models import (
    Round,
    RoundState,
)


def _student_reasons(lines: list[dict]) -> list[dict]:
    """The engine's reasons why a student is unplaced, in the reader's language."""
    texts = {
        "did_not_rank": _("did not rank you"),
        "no_places": _("had no places"),
        "full_with_preferred": _("filled every place with candidates it ranked higher"),
        "would_accept": _("would have taken you (the placement is not stable; the operators are told)"),
    }
    return [{**line, "text": texts.get(line["reason"], line["reason"])} for line in lines]


def _host_reasons(explanation: dict | None) -> dict | None:
    """The engine's reasons why a position has empty places, in the reader's language."""
    if explanation is None:
        return None
    texts = {
        "did_not_rank": _("did not rank this position"),
        "placed_at_preferred": _("was placed at a position they ranked higher"),
        "would_accept": _("would have come (the placement is not stable)"),
    }
    lines = [{**line, "text": texts.get(line["reason"], line["reason"])} for line in explanation["lines"]]
    return {**explanation, "lines": lines}


def _round(round_id: int, user) -> Round:
    """A round as `user` may see it: drafts only for the programme's operators."""
    round_ = get_object_or_404(Round.objects.select_related("programme__host_zone", "programme__home_zone"),
                               pk=round_id)
    if round_.state == RoundState.DRAFT and not policy.manages(user, round_.programme):
        raise Http404
    return round_


def _managed_round(request, round_id: int) -> Round:
    round_ = _round(round_id, request.user)
    if not policy.manages(request.user, round_.programme):
        raise PermissionDenied
    return round_


def _refused(request, error: DomainError):
    messages.error(request, error.message)
