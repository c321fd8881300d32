"""Clearing-house placement: universities' applicants and host start-ups rank each other; everyone is placed
by deferred acceptance into a stable placement (like the medical residency match). Framework-free: no Django.

Public API (all ids are strings; prefs are strict rank lists, most preferred first):

* `place(applicants, hosts, optimal="applicant") -> Placement` with `Applicant(id, prefs)` and
  `Host(id, capacity, prefs)`; `optimal="host"` gives the host-optimal placement. Same input, same output.
* `check_stability(applicants, hosts, assignment) -> StabilityReport`: an independent check of any assignment
  (blocking pairs, hosts over capacity, pairs not listed by both sides), linear in the total list length.
* `explain(placement)`: why each unplaced applicant is unplaced and why each host has empty places.
* `run_document(document) -> dict`: the `place` JSON contract (shared/contracts/README.md), used by
  `zonebridge engine place IN.json [-o OUT.json]`.

Every entry point raises `InvalidInput` listing every problem of the input, each naming its item
(`applicants[3].prefs[1]: unknown host "h9"`), found in one pass over the input.

The document may carry, beyond the contract:

* `"explain": true` (default false) adds `"explanations": {"applicants": {id: {"text", "hosts": [{"host",
  "reason"}]}}, "hosts": {id: {"text", "filled", "capacity", "applicants": [{"applicant", "reason",
  "placed_at"?}]}}}`. Reasons: `did_not_rank`, `no_places`, `full_with_preferred`, `placed_at_preferred`, and
  `would_accept` (only for an unstable assignment). Off by default to keep large rounds' output small and fast.

The output adds to the contract: `"optimal"`; `"violations": {"over_capacity": [host ids], "unacceptable":
[[applicant, host]]}` from the same independent check that gives `stable` and `blocking_pairs`; and in
`stats`, `one_sided` (listings the other side did not return, counted on both sides), `places` (total
capacity) and `proposals` (how many offers the solver made). Keys of items beyond `id`, `prefs` and
`capacity`, and unknown top-level keys, are ignored.
"""

from zonebridge.engine.placement.api import place, place_market, run_document
from zonebridge.engine.placement.explanations import explain, explain_assignment
from zonebridge.engine.placement.model import Applicant, Host, Market, Optimal, Placement, StabilityReport
from zonebridge.engine.placement.stability import audit, check_stability
from zonebridge.engine.placement.validation import market_from, read_document

__all__ = [
    "Applicant",
    "Host",
    "Market",
    "Optimal",
    "Placement",
    "StabilityReport",
    "audit",
    "check_stability",
    "explain",
    "explain_assignment",
    "market_from",
    "place",
    "place_market",
    "read_document",
    "run_document",
]
