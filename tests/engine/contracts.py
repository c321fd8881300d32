"""The examples of ../shared/contracts/README.md, one per engine command, shared by the engine's tests."""

import pytest

from zonebridge.engine.errors import InvalidInput

PLACE_EXAMPLE = {
    "applicants": [{"id": "s1", "prefs": ["h1", "h2"]}, {"id": "s2", "prefs": ["h1"]}],
    "hosts": [{"id": "h1", "capacity": 1, "prefs": ["s2", "s1"]}, {"id": "h2", "capacity": 2, "prefs": ["s1"]}],
    "optimal": "applicant",
}

SCHEDULE_EXAMPLE = {
    "slots": ["10:00", "10:20", "10:40"],
    "tables": 2,
    "participants": [{"id": "a", "unavailable": ["10:40"]}, {"id": "b"}, {"id": "c"}],
    "meetings": [{"id": "m1", "between": ["a", "b"], "weight": 2}, {"id": "m2", "between": ["a", "c"]}],
    "time_limit_s": 5,
}

RANK_EXAMPLE = {
    "documents": [
        {"id": "o1", "text": "尋找上海新能源汽車電池供應商"},
        {"id": "o2", "text": "Seeking seed investors for a fintech app"},
    ],
    "queries": [{"id": "q1", "text": "battery supplier for electric vehicles in Shanghai"}],
    "k": 10,
}


def problems_of(run_document, document: dict) -> list[str]:
    """The problems `run_document` reports for `document` (fails the test if it accepts it)."""
    with pytest.raises(InvalidInput) as raised:
        run_document(document)
    return raised.value.problems
