"""An independent stability check of a placement, in time linear in the total preference-list length.

It works from the preference lists as listed and the assignment alone: it shares nothing with the solver but the
validated input, and decides acceptability for itself. A pair (applicant a, host h) blocks when both list each
other, a is unplaced or ranks h above its host, and h has a free place or ranks a above one of its applicants.

Rather than look up, for every listing, how the other side ranks it (a join), the check marks from each side
alone the listings that side would welcome: a's listings above its host, and h's listings above its cutoff (the
end of its list while it has room, else its worst applicant). A pair blocks exactly when both of its listings are
marked, so blocking pairs are the intersection of two sets of pair numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.placement.model import UNPLACED, Applicant, Host, Market, StabilityReport
from zonebridge.engine.placement.validation import describe, market_from


def check_stability(
    applicants: Iterable[Applicant], hosts: Iterable[Host], assignment: Mapping[str, str | None]
) -> StabilityReport:
    """Check any assignment (applicant id to host id or None; absent means unplaced) against its round."""
    market = market_from(applicants, hosts)
    applicant_index = {name: i for i, name in enumerate(market.applicant_ids)}
    host_index = {name: j for j, name in enumerate(market.host_ids)}
    host_of = [UNPLACED] * len(market.applicant_ids)
    problems = []
    for applicant, host in assignment.items():
        i = applicant_index.get(applicant)
        if i is None:
            problems.append(f"assignment: unknown applicant {describe(applicant)}")
        elif host is not None and host not in host_index:
            problems.append(f"assignment[{describe(applicant)}]: unknown host {describe(host)}")
        elif host is not None:
            host_of[i] = host_index[host]
    if problems:
        raise InvalidInput(problems)
    return audit(market, host_of)


def audit(market: Market, host_of: Sequence[int]) -> StabilityReport:
    """Check an assignment given by index (host_of[i] is applicant i's host, or UNPLACED) against the market."""
    applicant_count, host_count = len(market.applicant_ids), len(market.host_ids)
    by_applicant, by_host = market.applicant_table, market.host_table
    placed_at = np.asarray(host_of, dtype=np.int64).reshape(applicant_count)
    placed = placed_at != UNPLACED

    # Where each applicant ranks the host it got (the end of its list if unplaced or placed somewhere it did not list).
    own_entry = by_applicant.target == placed_at[by_applicant.owner]
    own_rank = by_applicant.lengths.copy()
    own_rank[by_applicant.owner[own_entry]] = by_applicant.position[own_entry]
    listed_by_applicant = np.zeros(applicant_count, dtype=bool)
    listed_by_applicant[by_applicant.owner[own_entry]] = True

    # Each host's applicants as it ranks them, and how many it got in all (listed or not).
    member_entry = placed_at[by_host.target] == by_host.owner
    listed_by_host = np.zeros(applicant_count, dtype=bool)
    listed_by_host[by_host.target[member_entry]] = True
    filled = np.bincount(placed_at[placed], minlength=host_count)
    listed_members = np.bincount(by_host.owner[member_entry], minlength=host_count)
    worst_member = np.full(host_count, -1, dtype=np.int64)
    np.maximum.at(worst_member, by_host.owner[member_entry], by_host.position[member_entry])
    capacity = np.asarray(market.capacities, dtype=np.int64).reshape(host_count)
    # A host would take anyone it listed while it has room, or while it holds someone it did not list.
    welcomes_all = (filled < capacity) | (listed_members < filled)
    cutoff = np.where(welcomes_all, by_host.lengths, worst_member)

    applicant_wants = by_applicant.position < own_rank[by_applicant.owner]
    host_wants = by_host.position < cutoff[by_host.owner]
    applicant_side = (by_applicant.owner * host_count + by_applicant.target)[applicant_wants].tolist()
    host_side = (by_host.target * host_count + by_host.owner)[host_wants].tolist()
    smaller, larger = sorted((applicant_side, host_side), key=len)
    blocking = sorted(set(smaller).intersection(larger))

    applicant_ids, host_ids = market.applicant_ids, market.host_ids
    unacceptable_applicants = np.flatnonzero(placed & ~(listed_by_applicant & listed_by_host)).tolist()
    return StabilityReport(
        blocking_pairs=[(applicant_ids[key // host_count], host_ids[key % host_count]) for key in blocking],
        over_capacity=[host_ids[h] for h in np.flatnonzero(filled > capacity).tolist()],
        unacceptable=[(applicant_ids[a], host_ids[host_of[a]]) for a in unacceptable_applicants],
    )
