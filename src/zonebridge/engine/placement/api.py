"""The entry points: `place` for typed callers (Django services), `run_document` for the JSON contract."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import numpy as np

from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.placement.explanations import explain
from zonebridge.engine.placement.model import UNPLACED, Applicant, Host, Market, Optimal, Placement
from zonebridge.engine.placement.solving import solve
from zonebridge.engine.placement.stability import audit
from zonebridge.engine.placement.validation import check_optimal, market_from, read_document


def place(applicants: Iterable[Applicant], hosts: Iterable[Host], optimal: Optimal = "applicant") -> Placement:
    """Place applicants at hosts: the applicant- or host-optimal stable placement; raises InvalidInput."""
    problems: list[str] = []
    market = None
    try:
        market = market_from(applicants, hosts)
    except InvalidInput as error:
        problems.extend(error.problems)
    try:
        optimal = check_optimal(optimal)
    except InvalidInput as error:
        problems.extend(error.problems)
    if problems or market is None:
        raise InvalidInput(problems)
    return place_market(market, optimal)


def place_market(market: Market, optimal: Optimal) -> Placement:
    """Solve an already validated market and name the result by ids."""
    solution = solve(market, optimal)
    host_of = solution.host_of
    applicant_ids, host_ids = market.applicant_ids, market.host_ids
    # UNPLACED is -1, so it picks the None appended at the end.
    host_names: list[str | None] = [*host_ids, None]
    assignment = dict(zip(applicant_ids, map(host_names.__getitem__, host_of)))
    placed_at = np.asarray(host_of, dtype=np.int64).reshape(len(applicant_ids))
    unassigned = [applicant_ids[i] for i in np.flatnonzero(placed_at == UNPLACED).tolist()]

    # Walking each host's own list yields its applicants already in its order of preference.
    table = market.host_table
    member_entry = placed_at[table.target] == table.owner
    members = [applicant_ids[a] for a in table.target[member_entry].tolist()]
    ends = np.cumsum(np.bincount(table.owner[member_entry], minlength=len(host_ids))).tolist()
    hosts = dict(zip(host_ids, [members[start:end] for start, end in zip([0, *ends], ends)]))

    listings = len(market.applicant_table.target) + len(table.target)
    return Placement(
        optimal=optimal,
        assignment=assignment,
        hosts=hosts,
        unassigned=unassigned,
        one_sided=listings - 2 * solution.mutual.pairs,
        proposals=solution.proposals,
        market=market,
        host_of=host_of,
    )


def run_document(document: dict) -> dict[str, Any]:
    """Validate, place and independently check a `place` document; return the contract's output document."""
    started = time.perf_counter()
    market, optimal, wants_explanations = read_document(document)
    placement = place_market(market, optimal)
    report = audit(market, placement.host_of)
    output: dict[str, Any] = {
        "assignment": placement.assignment,
        "hosts": placement.hosts,
        "unassigned": placement.unassigned,
        "stable": report.stable,
        "blocking_pairs": [list(pair) for pair in report.blocking_pairs],
        "violations": {
            "over_capacity": report.over_capacity,
            "unacceptable": [list(pair) for pair in report.unacceptable],
        },
        "optimal": optimal,
    }
    if wants_explanations:
        output["explanations"] = explain(placement)
    output["stats"] = {
        "applicants": len(market.applicant_ids),
        "hosts": len(market.host_ids),
        "assigned": len(market.applicant_ids) - len(placement.unassigned),
        "seconds": round(time.perf_counter() - started, 6),
        "one_sided": placement.one_sided,
        "places": sum(market.capacities),
        "proposals": placement.proposals,
    }
    return output
