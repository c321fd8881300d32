"""Why an applicant is unplaced, and why a host has empty places: short English plus the data behind it.

For an unplaced applicant, each host they listed either did not list them, has no places, or is full with
applicants it ranks higher. For a host with empty places, each applicant it listed either did not list it or was
placed at a host they rank higher. In a stable placement nothing else can happen; if something else does (an
assignment that is not stable), the reason `would_accept` says so instead of hiding it.

Cost: one walk over the lists of the unplaced applicants and of the hosts with room, plus one walk over the
host lists to find each host's worst applicant, all linear in the total preference-list length.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zonebridge.engine.placement.model import UNPLACED, Market, Placement

# Reasons, as they appear in the structured data.
DID_NOT_RANK = "did_not_rank"
NO_PLACES = "no_places"
FULL_WITH_PREFERRED = "full_with_preferred"
PLACED_AT_PREFERRED = "placed_at_preferred"
WOULD_ACCEPT = "would_accept"

_NAMES_SHOWN = 3


def explain(placement: Placement) -> dict[str, dict[str, Any]]:
    """Explain every unplaced applicant and every host with empty places of a placement."""
    return explain_assignment(placement.market, placement.host_of)


def explain_assignment(market: Market, host_of: Sequence[int]) -> dict[str, dict[str, Any]]:
    """Explain unplaced applicants and under-filled hosts of an assignment given by index."""
    applicant_ids, host_ids = market.applicant_ids, market.host_ids
    capacity = market.capacities
    filled = [0] * len(host_ids)
    for host in host_of:
        if host != UNPLACED:
            filled[host] += 1
    # Each host's rank of its worst applicant it listed (-1 if none), and how many of its applicants it listed.
    worst_member = [-1] * len(host_ids)
    listed_members = [0] * len(host_ids)
    for host, prefs in enumerate(market.host_prefs):
        for rank, applicant in enumerate(prefs):
            if host_of[applicant] == host:
                worst_member[host] = rank
                listed_members[host] += 1

    # Rank tables are built only for the lists an explanation reads, once each.
    host_rank_cache: dict[int, dict[int, int]] = {}
    applicant_rank_cache: dict[int, dict[int, int]] = {}

    def host_rank(host: int, applicant: int) -> int | None:
        ranks = host_rank_cache.get(host)
        if ranks is None:
            ranks = host_rank_cache[host] = {a: r for r, a in enumerate(market.host_prefs[host])}
        return ranks.get(applicant)

    def applicant_rank(applicant: int, host: int) -> int | None:
        ranks = applicant_rank_cache.get(applicant)
        if ranks is None:
            ranks = applicant_rank_cache[applicant] = {h: r for r, h in enumerate(market.applicant_prefs[applicant])}
        return ranks.get(host)

    applicants: dict[str, Any] = {}
    for applicant, host_now in enumerate(host_of):
        if host_now != UNPLACED:
            continue
        reasons = []
        for host in market.applicant_prefs[applicant]:
            rank = host_rank(host, applicant)
            if rank is None:
                reason = DID_NOT_RANK
            elif capacity[host] == 0:
                reason = NO_PLACES
            elif filled[host] >= capacity[host] and listed_members[host] == filled[host] and worst_member[host] < rank:
                reason = FULL_WITH_PREFERRED
            else:
                reason = WOULD_ACCEPT
            reasons.append({"host": host_ids[host], "reason": reason})
        name = applicant_ids[applicant]
        applicants[name] = {"text": _applicant_text(name, reasons), "hosts": reasons}

    hosts: dict[str, Any] = {}
    for host, prefs in enumerate(market.host_prefs):
        if filled[host] >= capacity[host]:
            continue
        reasons = []
        for applicant in prefs:
            placed_at = host_of[applicant]
            if placed_at == host:
                continue
            rank_here = applicant_rank(applicant, host)
            rank_there = None if placed_at == UNPLACED else applicant_rank(applicant, placed_at)
            if rank_here is None:
                reasons.append({"applicant": applicant_ids[applicant], "reason": DID_NOT_RANK})
            elif rank_there is not None and rank_there < rank_here:
                reasons.append(
                    {
                        "applicant": applicant_ids[applicant],
                        "reason": PLACED_AT_PREFERRED,
                        "placed_at": host_ids[placed_at],
                    }
                )
            else:
                reasons.append({"applicant": applicant_ids[applicant], "reason": WOULD_ACCEPT})
        name = host_ids[host]
        hosts[name] = {
            "text": _host_text(name, filled[host], capacity[host], reasons),
            "filled": filled[host],
            "capacity": capacity[host],
            "applicants": reasons,
        }
    return {"applicants": applicants, "hosts": hosts}


def _names(names: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`, or `a, b, c and 4 more`."""
    if len(names) > _NAMES_SHOWN:
        return f"{', '.join(names[:_NAMES_SHOWN])} and {len(names) - _NAMES_SHOWN} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0]


def _grouped(reasons: list[dict[str, str]], key: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for reason in reasons:
        groups.setdefault(reason["reason"], []).append(reason[key])
    return groups


def _applicant_text(name: str, reasons: list[dict[str, str]]) -> str:
    if not reasons:
        return f"{name} is unplaced: they ranked no hosts."
    groups = _grouped(reasons, "host")
    parts = []
    if FULL_WITH_PREFERRED in groups:
        parts.append(f"{_names(groups[FULL_WITH_PREFERRED])} filled every place with applicants they rank higher")
    if DID_NOT_RANK in groups:
        parts.append(f"{_names(groups[DID_NOT_RANK])} did not rank {name}")
    if NO_PLACES in groups:
        parts.append(f"{_names(groups[NO_PLACES])} offered no places")
    if WOULD_ACCEPT in groups:
        parts.append(f"{_names(groups[WOULD_ACCEPT])} would have taken {name} (the placement is not stable)")
    return f"{name} is unplaced: {'; '.join(parts)}."


def _host_text(name: str, filled: int, capacity: int, reasons: list[dict[str, str]]) -> str:
    opening = f"{name} filled {filled} of {capacity} places"
    if not reasons:
        return f"{opening}: it ranked no {'other ' if filled else ''}applicants."
    groups = _grouped(reasons, "applicant")
    parts = []
    if PLACED_AT_PREFERRED in groups:
        parts.append(f"{_names(groups[PLACED_AT_PREFERRED])} went to hosts they rank higher")
    if DID_NOT_RANK in groups:
        parts.append(f"{_names(groups[DID_NOT_RANK])} did not rank {name}")
    if WOULD_ACCEPT in groups:
        parts.append(f"{_names(groups[WOULD_ACCEPT])} would have come (the placement is not stable)")
    return f"{opening}: {'; '.join(parts)}."
