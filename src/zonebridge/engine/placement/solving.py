"""Deferred acceptance with capacities (Gale–Shapley, Roth 1984): the applicant- or host-optimal stable placement.

The solver first keeps only mutually acceptable pairs: a listing the other side does not return can never be
part of a stable placement, so it is dropped (and counted as one-sided). Then one side proposes down its list:

* applicant-proposing: each host tentatively holds its best offers so far, up to capacity, and rejects the rest;
* host-proposing: each applicant holds the best offer so far and rejects the rest; a host whose offer is
  rejected proposes again until it is full or has run out of applicants.

Both run in time linear in the total preference-list length (after one sort to pair the two sides' listings),
on plain lists of integers, with no allocation per proposal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zonebridge.engine.placement.model import UNPLACED, Market, Optimal


@dataclass(frozen=True)
class MutualListings:
    """Which listed pairs the other side returns, and how that side ranks them.

    For applicant-table entry k: `applicant_entry_mutual[k]`, and the host's rank of the applicant
    `host_rank_of_entry[k]`. For host-table entry k: `host_entry_mutual[k]` and the applicant's rank of the host
    `applicant_rank_of_entry[k]`. Ranks are only meaningful where the entry is mutual.
    """

    applicant_entry_mutual: np.ndarray
    host_rank_of_entry: np.ndarray
    host_entry_mutual: np.ndarray
    applicant_rank_of_entry: np.ndarray

    @property
    def pairs(self) -> int:
        """Number of mutually acceptable pairs."""
        return int(np.count_nonzero(self.applicant_entry_mutual))


@dataclass(frozen=True)
class Solution:
    """The solver's answer: the host index of every applicant (or UNPLACED), and how many proposals it took."""

    host_of: list[int]
    proposals: int
    mutual: MutualListings


def pair_listings(market: Market) -> MutualListings:
    """Match every listing with the other side's listing of the same pair, if there is one."""
    applicants, hosts = market.applicant_table, market.host_table
    host_count = max(len(market.host_ids), 1)
    # One integer per (applicant, host) pair, computed from either side's entry.
    applicant_keys = applicants.owner * host_count + applicants.target
    host_keys = hosts.target * host_count + hosts.owner
    order = np.argsort(host_keys)
    sorted_host_keys = host_keys[order]
    at = np.searchsorted(sorted_host_keys, applicant_keys)
    if len(sorted_host_keys):
        at[at == len(sorted_host_keys)] = 0
        applicant_entry_mutual = sorted_host_keys[at] == applicant_keys
    else:
        applicant_entry_mutual = np.zeros(len(applicant_keys), dtype=bool)
    matching_host_entry = order[at[applicant_entry_mutual]]
    host_rank_of_entry = np.full(len(applicant_keys), -1, dtype=np.int64)
    host_rank_of_entry[applicant_entry_mutual] = hosts.position[matching_host_entry]
    host_entry_mutual = np.zeros(len(host_keys), dtype=bool)
    host_entry_mutual[matching_host_entry] = True
    applicant_rank_of_entry = np.full(len(host_keys), -1, dtype=np.int64)
    applicant_rank_of_entry[matching_host_entry] = applicants.position[applicant_entry_mutual]
    return MutualListings(applicant_entry_mutual, host_rank_of_entry, host_entry_mutual, applicant_rank_of_entry)


def solve(market: Market, optimal: Optimal) -> Solution:
    """Compute the `optimal` side's best stable placement of the market."""
    mutual = pair_listings(market)
    if optimal == "applicant":
        host_of, proposals = _applicants_propose(market, mutual)
    else:
        host_of, proposals = _hosts_propose(market, mutual)
    return Solution(host_of=host_of, proposals=proposals, mutual=mutual)


def _mutual_lists(owner: np.ndarray, keep: np.ndarray, owners: int) -> tuple[list[int], list[int]]:
    """Where each owner's mutual entries start and end in the filtered flat lists."""
    counts = np.bincount(owner[keep], minlength=owners)
    ends = np.cumsum(counts)
    return (ends - counts).tolist(), ends.tolist()


def _applicants_propose(market: Market, mutual: MutualListings) -> tuple[list[int], int]:
    """Applicant-proposing deferred acceptance; returns host_of and the number of proposals."""
    applicant_count = len(market.applicant_ids)
    table, keep = market.applicant_table, mutual.applicant_entry_mutual
    hosts = market.host_table
    choice_host = table.target[keep]
    # A host's places are tracked on its own list: "slot" s = host_start[h] + rank is where h ranks an applicant,
    # so each proposal carries the slot it would take and a host compares slots, not applicants.
    choice_slot = (hosts.starts[choice_host] + mutual.host_rank_of_entry[keep]).tolist()
    choice_host = choice_host.tolist()
    next_choice, last_choice = _mutual_lists(table.owner, keep, applicant_count)
    first_choice = next_choice[:]

    applicant_in_slot = hosts.target.tolist()
    held = bytearray(len(applicant_in_slot))  # held[s] is 1 while the host holds the applicant in slot s
    room = list(market.capacities)
    # A host's worst held slot; below its first slot while it holds nobody.
    worst_slot = (hosts.starts[:-1] - 1).tolist()
    host_of = [UNPLACED] * applicant_count

    for newcomer in range(applicant_count):
        # A rejected applicant proposes at once (a rejection chain), so no queue of free applicants is needed.
        applicant = newcomer
        while applicant != UNPLACED:
            k, stop = next_choice[applicant], last_choice[applicant]
            displaced = UNPLACED
            while k < stop:
                host = choice_host[k]
                slot = choice_slot[k]
                k += 1
                if room[host]:
                    room[host] -= 1
                    held[slot] = 1
                    if slot > worst_slot[host]:
                        worst_slot[host] = slot
                    host_of[applicant] = host
                    break
                worst = worst_slot[host]
                if slot < worst:
                    held[slot] = 1
                    held[worst] = 0
                    displaced = applicant_in_slot[worst]
                    host_of[displaced] = UNPLACED
                    # The new worst is the nearest held slot ranked better. This pointer only ever moves towards the
                    # top of the host's list, so all its scans together cost at most the list's length.
                    worst -= 1
                    while not held[worst]:
                        worst -= 1
                    worst_slot[host] = worst
                    host_of[applicant] = host
                    break
            next_choice[applicant] = k
            applicant = displaced
    proposals = sum(next_choice) - sum(first_choice)
    return host_of, proposals


def _hosts_propose(market: Market, mutual: MutualListings) -> tuple[list[int], int]:
    """Host-proposing deferred acceptance; returns host_of and the number of offers made."""
    applicant_count, host_count = len(market.applicant_ids), len(market.host_ids)
    table, keep = market.host_table, mutual.host_entry_mutual
    offer_applicant = table.target[keep].tolist()
    offer_rank_by_applicant = mutual.applicant_rank_of_entry[keep].tolist()
    next_offer, last_offer = _mutual_lists(table.owner, keep, host_count)
    first_offer = next_offer[:]

    capacity = market.capacities
    filled = [0] * host_count
    host_of = [UNPLACED] * applicant_count
    # Rank the applicant gives its held offer; one past any real rank while it holds none.
    held_rank = market.applicant_table.lengths.tolist()

    # Hosts with room and offers left to make; a host may appear more than once, which is harmless.
    to_propose = list(range(host_count - 1, -1, -1))
    while to_propose:
        host = to_propose.pop()
        k, stop = next_offer[host], last_offer[host]
        room = capacity[host] - filled[host]
        while room > 0 and k < stop:
            applicant = offer_applicant[k]
            rank = offer_rank_by_applicant[k]
            k += 1
            if rank < held_rank[applicant]:
                rejected = host_of[applicant]
                host_of[applicant] = host
                held_rank[applicant] = rank
                room -= 1
                if rejected != UNPLACED:
                    filled[rejected] -= 1
                    to_propose.append(rejected)
        filled[host] = capacity[host] - room
        next_offer[host] = k
    proposals = sum(next_offer) - sum(first_offer)
    return host_of, proposals
