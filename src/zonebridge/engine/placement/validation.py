"""Turning a `place` document, or typed Applicant/Host lists, into a Market while reporting every problem at once.

A round without problems costs a few passes over its items and names, each iterating in C: the type of every
field, one dictionary look-up per listed name, one set per preference list (to catch repeats). Only when a check
fails are the items, or every preference list, looked at one by one, to say exactly what is wrong and where.
Problems are gathered, never raised one at a time, then sorted into document order; everything stays linear in
the size of the input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

import numpy as np

from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.placement.model import (
    OPTIMAL_SIDES,
    Applicant,
    Host,
    Market,
    Optimal,
    PreferenceTable,
    lay_end_to_end,
    table_of,
)

_MISSING = object()
_LONGEST_SHOWN = 60

# Problems are sorted by (section, item, field, entry) so they read in the order of the document.
_APPLICANTS, _HOSTS, _OPTIMAL, _EXPLAIN = range(1, 5)
_ID, _CAPACITY, _PREFS = range(3)

_ID_OF, _PREFS_OF, _CAPACITY_OF = itemgetter("id"), itemgetter("prefs"), itemgetter("capacity")


def describe(value: Any) -> str:
    """Show a value the way it appears in JSON (strings quoted), shortened if long."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _LONGEST_SHOWN else text[: _LONGEST_SHOWN - 3] + "..."


class Problems:
    """The problems found so far, each with where it is, to be raised together."""

    def __init__(self) -> None:
        self._found: list[tuple[tuple[int, int, int, int], str]] = []

    def add(self, where: tuple[int, int, int, int], message: str) -> None:
        """Record one problem at a (section, item, field, entry) position."""
        self._found.append((where, message))

    def __bool__(self) -> bool:
        return bool(self._found)

    def raise_if_any(self) -> None:
        """Raise InvalidInput with every recorded problem, in document order."""
        if self._found:
            self._found.sort(key=lambda problem: problem[0])
            raise InvalidInput([message for _, message in self._found])


def read_document(document: Any) -> tuple[Market, Optimal, bool]:
    """Validate a `place` document; return its market, the optimal side and whether explanations were asked for."""
    if not isinstance(document, dict):
        raise InvalidInput([f"document: must be an object, got {describe(document)}"])
    problems = Problems()
    applicant_items = _top_level_list(document, "applicants", _APPLICANTS, problems)
    host_items = _top_level_list(document, "hosts", _HOSTS, problems)
    optimal = document.get("optimal", "applicant")
    if not (isinstance(optimal, str) and optimal in OPTIMAL_SIDES):
        problems.add((_OPTIMAL, 0, 0, 0), f'optimal: must be "applicant" or "host", got {describe(optimal)}')
    explain = document.get("explain", False)
    if not isinstance(explain, bool):
        problems.add((_EXPLAIN, 0, 0, 0), f"explain: must be true or false, got {describe(explain)}")
    market = _build_market(applicant_items, host_items, problems)
    problems.raise_if_any()
    return market, optimal, explain


def market_from(applicants: Iterable[Applicant], hosts: Iterable[Host]) -> Market:
    """Validate typed applicants and hosts (dicts shaped like the document's items are accepted too) into a Market."""
    problems = Problems()
    applicant_items = [_item_of(applicant) for applicant in applicants]
    host_items = [_item_of(host) for host in hosts]
    market = _build_market(applicant_items, host_items, problems)
    problems.raise_if_any()
    return market


def check_optimal(optimal: Any) -> Optimal:
    """Return `optimal` if it names a side, else raise InvalidInput."""
    if isinstance(optimal, str) and optimal in OPTIMAL_SIDES:
        return optimal  # type: ignore[return-value]
    raise InvalidInput([f'optimal: must be "applicant" or "host", got {describe(optimal)}'])


def _item_of(record: Any) -> Any:
    # Typed records become document items so that both entry points share one set of checks and messages.
    if isinstance(record, Applicant):
        return {"id": record.id, "prefs": _as_list(record.prefs)}
    if isinstance(record, Host):
        return {"id": record.id, "capacity": record.capacity, "prefs": _as_list(record.prefs)}
    return record


def _as_list(prefs: Any) -> Any:
    return list(prefs) if isinstance(prefs, (list, tuple)) else prefs


def _top_level_list(document: dict, key: str, section: int, problems: Problems) -> list:
    value = document.get(key, _MISSING)
    if value is _MISSING:
        problems.add((section, -1, 0, 0), f"{key}: missing")
        return []
    if not isinstance(value, list):
        problems.add((section, -1, 0, 0), f"{key}: must be a list, got {describe(value)}")
        return []
    return value


def _build_market(applicant_items: Sequence, host_items: Sequence, problems: Problems) -> Market:
    applicant_ids, _, applicant_lists = _read_items(applicant_items, "applicants", _APPLICANTS, problems)
    host_ids, capacities, host_lists = _read_items(host_items, "hosts", _HOSTS, problems)
    applicant_index = _index_ids(applicant_ids, "applicants", _APPLICANTS, problems)
    host_index = _index_ids(host_ids, "hosts", _HOSTS, problems)
    return Market(
        applicant_ids=applicant_ids,  # type: ignore[arg-type]  # None only when a problem was recorded
        host_ids=host_ids,  # type: ignore[arg-type]
        capacities=capacities,  # type: ignore[arg-type]
        applicant_table=_resolve_all(applicant_lists, host_index, "applicants", _APPLICANTS, "host", problems),
        host_table=_resolve_all(host_lists, applicant_index, "hosts", _HOSTS, "applicant", problems),
    )


def _read_items(
    items: Sequence, side: str, section: int, problems: Problems
) -> tuple[list[str | None], list[int | None], list[list | None]]:
    """Split items into ids, capacities (hosts only) and raw preference lists; None marks a reported problem."""
    has_capacity = side == "hosts"
    # Fast path, iterating in C: take the fields of every item, then check their types all at once.
    try:
        ids: list = list(map(_ID_OF, items))
        lists: list = list(map(_PREFS_OF, items))
        capacities: list = list(map(_CAPACITY_OF, items)) if has_capacity else [0] * len(ids)
    except (KeyError, TypeError, IndexError):  # an item that is not an object, or lacks a field
        pass
    else:
        # `type(...) is int` rules out booleans, which nobody means as a capacity.
        if (
            _all_of_type(items, dict)
            and _all_of_type(ids, str)
            and _all_of_type(lists, list)
            and _all_of_type(capacities, int)
            and min(capacities, default=0) >= 0
        ):
            return ids, capacities, lists
    ids = []
    capacities = []
    lists = []
    for i, item in enumerate(items):
        name, capacity, prefs = _inspect_item(item, i, side, section, has_capacity, problems)
        ids.append(name)
        capacities.append(capacity)
        lists.append(prefs)
    return ids, capacities, lists


def _all_of_type(values: Iterable, kind: type) -> bool:
    return set(map(type, values)) <= {kind}


def _inspect_item(
    item: Any, i: int, side: str, section: int, has_capacity: bool, problems: Problems
) -> tuple[str | None, int | None, list | None]:
    """Report what is wrong with one item; return the parts that are usable."""
    where = f"{side}[{i}]"
    if not isinstance(item, dict):
        problems.add((section, i, -1, 0), f"{where}: must be an object, got {describe(item)}")
        return None, None, None
    name = item.get("id", _MISSING)
    if name is _MISSING:
        problems.add((section, i, _ID, 0), f"{where}.id: missing")
        name = None
    elif not isinstance(name, str):
        problems.add((section, i, _ID, 0), f"{where}.id: must be a string, got {describe(name)}")
        name = None
    capacity = item.get("capacity", _MISSING) if has_capacity else 0
    if capacity is _MISSING:
        problems.add((section, i, _CAPACITY, 0), f"{where}.capacity: missing")
        capacity = None
    elif isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
        problems.add(
            (section, i, _CAPACITY, 0), f"{where}.capacity: must be a non-negative integer, got {describe(capacity)}"
        )
        capacity = None
    prefs = item.get("prefs", _MISSING)
    if prefs is _MISSING:
        problems.add((section, i, _PREFS, 0), f"{where}.prefs: missing")
        prefs = None
    elif not isinstance(prefs, list):
        problems.add((section, i, _PREFS, 0), f"{where}.prefs: must be a list of ids, got {describe(prefs)}")
        prefs = None
    return name, capacity, prefs


def _index_ids(ids: list[str | None], side: str, section: int, problems: Problems) -> dict[str, int]:
    """Map each id to its position; a repeated id is reported and keeps pointing at its first item."""
    index = dict(zip(ids, range(len(ids))))
    if len(index) == len(ids) and None not in index:
        return index  # type: ignore[return-value]
    index = {}
    for i, name in enumerate(ids):
        if name is None:
            continue
        first = index.setdefault(name, i)
        if first != i:
            problems.add(
                (section, i, _ID, 0), f"{side}[{i}].id: duplicate id {describe(name)} (first at {side}[{first}])"
            )
    return index  # type: ignore[return-value]


def _resolve_all(
    lists: list[list | None], index: dict[str, int], side: str, section: int, kind: str, problems: Problems
) -> PreferenceTable:
    """Replace the names in every preference list by indices of the other side, as one flat table."""
    if None in lists:  # items already reported as broken contribute empty lists
        lists = [[] if prefs is None else prefs for prefs in lists]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    total = int(lengths.sum())
    # Fast path, iterating in C: look every name up, then compare each list's length with its number of distinct
    # names. Any unknown or non-string name, or any repeat, sends the lists to the entry-by-entry path.
    try:
        target = np.fromiter(map(index.__getitem__, chain.from_iterable(lists)), dtype=np.int64, count=total)
    except (KeyError, TypeError):
        target = None
    if target is not None and sum(map(len, map(set, lists))) == total:
        return table_of(lengths, target)
    resolved_lists: list[list[int]] = []
    for i, prefs in enumerate(lists):
        try:
            resolved = [index[name] for name in prefs]
        except (KeyError, TypeError):
            resolved = _resolve_slowly(prefs, i, index, side, section, kind, problems)
        else:
            if len(set(resolved)) != len(resolved):
                resolved = _resolve_slowly(prefs, i, index, side, section, kind, problems)
        resolved_lists.append(resolved)
    return lay_end_to_end(resolved_lists)


def _resolve_slowly(
    prefs: list, i: int, index: dict[str, int], side: str, section: int, kind: str, problems: Problems
) -> list[int]:
    """Resolve one list entry by entry, reporting each bad entry and keeping the good ones."""
    resolved: list[int] = []
    first_seen: dict[str, int] = {}
    for k, name in enumerate(prefs):
        where = f"{side}[{i}].prefs[{k}]"
        if not isinstance(name, str):
            problems.add((section, i, _PREFS, k), f"{where}: must be a string, got {describe(name)}")
            continue
        target = index.get(name)
        if target is None:
            problems.add((section, i, _PREFS, k), f"{where}: unknown {kind} {describe(name)}")
            continue
        first = first_seen.setdefault(name, k)
        if first != k:
            problems.add((section, i, _PREFS, k), f"{where}: {describe(name)} repeated (first at prefs[{first}])")
            continue
        resolved.append(target)
    return resolved
