"""Malformed schedule requests: each problem named once, all found in one pass; and the command line around them."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from tests.engine import contracts
from tests.engine.contracts import SCHEDULE_EXAMPLE
from zonebridge.engine import cli
from zonebridge.engine.scheduling import run_document

VALID = SCHEDULE_EXAMPLE


def problems_of(document: dict) -> list[str]:
    """The problems run_document reports for a document (fails the test if it accepts it)."""
    return contracts.problems_of(run_document, document)


def changed(**edits) -> dict:
    """The valid document with some top-level keys replaced (None deletes the key)."""
    document = copy.deepcopy(VALID)
    for key, value in edits.items():
        if value is None:
            document.pop(key)
        else:
            document[key] = value
    return document


def with_meeting(index: int, meeting: dict) -> dict:
    """The valid document with meetings[index] replaced."""
    document = copy.deepcopy(VALID)
    document["meetings"][index] = meeting
    return document


CASES = [
    ("unknown participant",
     with_meeting(1, {"id": "m2", "between": ["a", "x9"]}),
     'meetings[1].between[1]: unknown participant "x9"'),
    ("unknown slot in unavailable",
     changed(participants=[{"id": "a", "unavailable": ["11:00"]}, {"id": "b"}, {"id": "c"}]),
     'participants[0].unavailable[0]: unknown slot "11:00"'),
    ("duplicate participant",
     changed(participants=[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "b"}]),
     'participants[3].id: duplicate participant id "b" (also participants[1])'),
    ("duplicate meeting",
     with_meeting(1, {"id": "m1", "between": ["a", "c"]}),
     'meetings[1].id: duplicate meeting id "m1" (also meetings[0])'),
    ("duplicate slot",
     changed(slots=["10:00", "10:20", "10:40", "10:20"]),
     'slots[3]: duplicate slot "10:20" (also slots[1])'),
    ("fewer than two people",
     with_meeting(0, {"id": "m1", "between": ["a"]}),
     "meetings[0].between: a meeting needs at least two participants, got 1"),
    ("a person twice in one meeting",
     with_meeting(0, {"id": "m1", "between": ["a", "b", "a"]}),
     'meetings[0].between[2]: participant "a" is already in this meeting (between[0])'),
    ("zero weight",
     with_meeting(0, {"id": "m1", "between": ["a", "b"], "weight": 0}),
     "meetings[0].weight: must be a positive number, got 0"),
    ("negative weight",
     with_meeting(0, {"id": "m1", "between": ["a", "b"], "weight": -2}),
     "meetings[0].weight: must be a positive number, got -2"),
    ("text weight",
     with_meeting(0, {"id": "m1", "between": ["a", "b"], "weight": "high"}),
     'meetings[0].weight: must be a positive number, got "high"'),
    ("boolean weight",
     with_meeting(0, {"id": "m1", "between": ["a", "b"], "weight": True}),
     "meetings[0].weight: must be a positive number, got true"),
    ("too many decimals",
     with_meeting(0, {"id": "m1", "between": ["a", "b"], "weight": 0.0001}),
     "meetings[0].weight: must have at most 3 decimals, got 0.0001"),
    ("zero tables",
     changed(tables=0),
     "tables: must be a whole number of tables ≥ 1, or null for no limit, got 0"),
    ("fractional tables",
     changed(tables=2.5),
     "tables: must be a whole number of tables ≥ 1, or null for no limit, got 2.5"),
    ("text tables",
     changed(tables="2"),
     'tables: must be a whole number of tables ≥ 1, or null for no limit, got "2"'),
    ("negative time limit",
     changed(time_limit_s=-1),
     "time_limit_s: must be a number of seconds from 0 to 3600, got -1"),
    ("text time limit",
     changed(time_limit_s="5s"),
     'time_limit_s: must be a number of seconds from 0 to 3600, got "5s"'),
    ("slots not a list",
     changed(slots="10:00"),
     'slots: must be a list, got "10:00"'),
    ("missing meetings",
     changed(meetings=None),
     "meetings: missing"),
    ("numeric slot label",
     changed(slots=["10:00", 1020, "10:40"]),
     "slots[1]: must be a non-empty string, got 1020"),
    ("participant without an id",
     changed(participants=[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"name": "d"}]),
     "participants[3].id: missing"),
    ("participant that is not an object",
     changed(participants=[{"id": "a"}, {"id": "b"}, {"id": "c"}, "d"]),
     'participants[3]: must be an object with an "id", got "d"'),
    ("numeric meeting id",
     with_meeting(0, {"id": 1, "between": ["a", "b"]}),
     "meetings[0].id: must be a non-empty string, got 1"),
    ("between not a list",
     with_meeting(0, {"id": "m1", "between": "a,b"}),
     'meetings[0].between: must be a list of participant ids, got "a,b"'),
    ("unavailable not a list",
     changed(participants=[{"id": "a", "unavailable": "10:40"}, {"id": "b"}, {"id": "c"}]),
     'participants[0].unavailable: must be a list of slot labels, got "10:40"'),
]


@pytest.mark.parametrize("document, message", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_malformed_request_gets_its_own_named_message(document, message):
    assert problems_of(document) == [message]


def test_every_problem_is_reported_in_one_pass():
    document = {
        "slots": ["1", "1"],
        "tables": 0,
        "participants": [{"id": "a", "unavailable": ["9"]}, {"id": "a"}, {"id": "b"}],
        "meetings": [
            {"id": "m1", "between": ["a", "x9"], "weight": 0},
            {"id": "m1", "between": ["b"]},
            {"id": "m3", "between": ["a", "b", "a"]},
            {"id": "m4", "between": ["b", "a"], "weight": -1},
            {"id": "m5", "between": ["a", "x9"]},
        ],
        "time_limit_s": -3,
    }
    assert problems_of(document) == [
        'slots[1]: duplicate slot "1" (also slots[0])',
        "tables: must be a whole number of tables ≥ 1, or null for no limit, got 0",
        "time_limit_s: must be a number of seconds from 0 to 3600, got -3",
        'participants[0].unavailable[0]: unknown slot "9"',
        'participants[1].id: duplicate participant id "a" (also participants[0])',
        'meetings[0].between[1]: unknown participant "x9"',
        "meetings[0].weight: must be a positive number, got 0",
        'meetings[1].id: duplicate meeting id "m1" (also meetings[0])',
        "meetings[1].between: a meeting needs at least two participants, got 1",
        'meetings[2].between[2]: participant "a" is already in this meeting (between[0])',
        "meetings[3].weight: must be a positive number, got -1",
        'meetings[4].between[1]: unknown participant "x9"',
    ]


def test_a_broken_participant_entry_does_not_make_its_meetings_unknown_too():
    document = changed(participants=[{"id": "a", "unavailable": "all day"}, {"id": "b"}, {"id": "c"}])
    assert problems_of(document) == ['participants[0].unavailable: must be a list of slot labels, got "all day"']


def test_optional_fields_take_their_defaults():
    document = changed(tables=None, time_limit_s=None)
    document["meetings"] = [{"id": "m1", "between": ["a", "b"]}, {"id": "m2", "between": ["a", "c"], "weight": None}]
    result = run_document(document)
    assert result["stats"]["weight"] == 2
    assert result["unscheduled"] == []


def test_an_event_with_nothing_to_schedule_is_valid():
    result = run_document({"slots": [], "tables": None, "participants": [], "meetings": []})
    assert result["scheduled"] == [] and result["unscheduled"] == []
    assert (result["stats"]["weight"], result["stats"]["upper_bound"], result["stats"]["optimal"]) == (0, 0, True)


# --- The command line -------------------------------------------------------------------------------------------


def write(tmp_path, document, name="event.json"):
    """Write a document as JSON and return its path as a string."""
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_the_cli_prints_a_valid_schedule(tmp_path, capsys):
    assert cli.main(["schedule", write(tmp_path, VALID)]) == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["stats"]["weight"] == 3 and result["stats"]["optimal"] is True
    assert captured.err == ""


def test_the_cli_writes_the_output_file(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert cli.main(["schedule", write(tmp_path, VALID), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["unscheduled"] == []
    assert capsys.readouterr().out == ""


def test_the_cli_rejects_invalid_input_with_one_line_per_problem_and_writes_nothing(tmp_path, capsys):
    document = with_meeting(1, {"id": "m2", "between": ["a", "x9"], "weight": 0})
    out = tmp_path / "out.json"
    assert cli.main(["schedule", write(tmp_path, document), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        'meetings[1].between[1]: unknown participant "x9"',
        "meetings[1].weight: must be a positive number, got 0",
    ]
    assert captured.out == ""
    assert not out.exists()


def run_module(path: str) -> subprocess.CompletedProcess:
    """`python -m zonebridge engine schedule PATH` in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "zonebridge", "engine", "schedule", path],
                          capture_output=True, text=True, timeout=120)


def test_the_installed_command_accepts_a_valid_request(tmp_path):
    finished = run_module(write(tmp_path, VALID))
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout)
    assert set(result) >= {"scheduled", "unscheduled", "stats"}
    assert result["stats"]["upper_bound"] == 3


def test_the_installed_command_rejects_an_invalid_request(tmp_path):
    document = changed(slots=["10:00", "10:00"], tables=-1)
    finished = run_module(write(tmp_path, document))
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.splitlines() == [
        'slots[1]: duplicate slot "10:00" (also slots[0])',
        "tables: must be a whole number of tables ≥ 1, or null for no limit, got -1",
        'participants[0].unavailable[0]: unknown slot "10:40"',
    ]
