"""The vocabulary of a placement round: applicants, hosts, the market they form, and the placement it yields."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Literal

import numpy as np

Optimal = Literal["applicant", "host"]
OPTIMAL_SIDES: tuple[Optimal, ...] = ("applicant", "host")

# Index stored for an applicant who ends the round without a host.
UNPLACED = -1


@dataclass(frozen=True, slots=True)
class Applicant:
    """A student recommended for an internship, with the hosts they would accept, most preferred first."""

    id: str
    prefs: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class Host:
    """A start-up offering `capacity` internship places, with the applicants it would accept, most preferred first."""

    id: str
    capacity: int
    prefs: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class PreferenceTable:
    """One side's preference lists laid end to end: entry k says `owner[k]` ranks `target[k]` at `position[k]`.

    Entries of one owner are contiguous, from `starts[owner]` to `starts[owner + 1]`, in rank order.
    """

    owner: np.ndarray
    target: np.ndarray
    position: np.ndarray
    starts: np.ndarray

    @property
    def lengths(self) -> np.ndarray:
        """Length of each owner's preference list."""
        return np.diff(self.starts)


def lay_end_to_end(lists: Sequence[Sequence[int]]) -> PreferenceTable:
    """Build the flat PreferenceTable of a list of index lists."""
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    target = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
    return table_of(lengths, target)


def table_of(lengths: np.ndarray, target: np.ndarray) -> PreferenceTable:
    """Build a PreferenceTable from each owner's list length and all listed targets end to end."""
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    owner = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    position = np.arange(len(target), dtype=np.int64) - np.repeat(starts[:-1], lengths)
    return PreferenceTable(owner=owner, target=target, position=position, starts=starts)


@dataclass(eq=False)
class Market:
    """A validated round with every id replaced by its position.

    Applicant `i` is `applicant_ids[i]`, host `j` is `host_ids[j]`.

    The preference lists are kept exactly as listed, one-sided entries included: deciding which pairs are
    mutually acceptable is left to the code that needs it, so the solver and the stability check each decide it
    on their own.
    """

    applicant_ids: list[str]
    host_ids: list[str]
    capacities: list[int]
    # The applicants' lists (owner = applicant, target = host) and the hosts' (owner = host, target = applicant).
    applicant_table: PreferenceTable
    host_table: PreferenceTable

    @functools.cached_property
    def applicant_prefs(self) -> list[list[int]]:
        """Each applicant's list of host indices, most preferred first."""
        return _split(self.applicant_table)

    @functools.cached_property
    def host_prefs(self) -> list[list[int]]:
        """Each host's list of applicant indices, most preferred first."""
        return _split(self.host_table)


def _split(table: PreferenceTable) -> list[list[int]]:
    targets, starts = table.target.tolist(), table.starts.tolist()
    return [targets[start:end] for start, end in zip(starts, starts[1:])]


@dataclass(frozen=True)
class Placement:
    """The outcome of a round: who goes where, plus what is needed to check or explain it."""

    optimal: Optimal
    assignment: dict[str, str | None]
    hosts: dict[str, list[str]]
    unassigned: list[str]
    # Listings not returned by the other side (ignored by the solver), counted over both sides.
    one_sided: int
    proposals: int
    market: Market = field(repr=False, compare=False)
    # The same assignment by index: host_of[i] is applicant i's host index, or UNPLACED.
    host_of: list[int] = field(repr=False, compare=False)


@dataclass(frozen=True)
class StabilityReport:
    """What an independent check found wrong with an assignment; stable when nothing was found."""

    blocking_pairs: list[tuple[str, str]]
    # Hosts given more applicants than their capacity.
    over_capacity: list[str]
    # Assigned (applicant, host) pairs that one side did not list.
    unacceptable: list[tuple[str, str]]

    @property
    def stable(self) -> bool:
        """True when the assignment respects capacities and listings and no pair blocks it."""
        return not (self.blocking_pairs or self.over_capacity or self.unacceptable)
