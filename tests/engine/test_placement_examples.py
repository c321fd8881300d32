"""Known answers: the contract's example, textbook rounds, every kind of malformed input, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.engine.contracts import PLACE_EXAMPLE
from zonebridge.engine import cli
from zonebridge.engine.errors import InvalidInput
from zonebridge.engine.placement import Applicant, Host, check_stability, place, run_document


def round_document(applicant_prefs: dict[str, list[str]], host_prefs: dict[str, tuple[int, list[str]]], **extra):
    return {
        "applicants": [{"id": a, "prefs": prefs} for a, prefs in applicant_prefs.items()],
        "hosts": [{"id": h, "capacity": capacity, "prefs": prefs} for h, (capacity, prefs) in host_prefs.items()],
        **extra,
    }


def test_contract_example():
    output = run_document(PLACE_EXAMPLE)
    assert output["assignment"] == {"s1": "h2", "s2": "h1"}
    assert output["hosts"] == {"h1": ["s2"], "h2": ["s1"]}
    assert output["unassigned"] == []
    assert output["stable"] is True
    assert output["blocking_pairs"] == []
    stats = output["stats"]
    assert (stats["applicants"], stats["hosts"], stats["assigned"], stats["one_sided"]) == (2, 2, 2, 0)
    assert isinstance(stats["seconds"], float) and stats["seconds"] >= 0
    assert "explanations" not in output
    assert json.loads(json.dumps(output)) == output


def test_optimal_defaults_to_applicant():
    without = {key: value for key, value in PLACE_EXAMPLE.items() if key != "optimal"}
    assert run_document(without)["assignment"] == run_document(PLACE_EXAMPLE)["assignment"]


# Gale and Shapley (1962), "College admissions and the stability of marriage", example 2: each man's first
# choice ranks him last, so the man-optimal, woman-optimal and an in-between matching are all stable.
GALE_SHAPLEY = round_document(
    {"alpha": ["A", "B", "C"], "beta": ["B", "C", "A"], "gamma": ["C", "A", "B"]},
    {"A": (1, ["beta", "gamma", "alpha"]), "B": (1, ["gamma", "alpha", "beta"]), "C": (1, ["alpha", "beta", "gamma"])},
)


def test_gale_shapley_example_differs_by_optimal_side():
    by_applicants = run_document({**GALE_SHAPLEY, "optimal": "applicant"})
    by_hosts = run_document({**GALE_SHAPLEY, "optimal": "host"})
    assert by_applicants["assignment"] == {"alpha": "A", "beta": "B", "gamma": "C"}
    assert by_hosts["assignment"] == {"alpha": "C", "beta": "A", "gamma": "B"}
    assert by_applicants["stable"] and by_hosts["stable"]
    # The in-between matching (everyone's second choice) is stable too; swapping two of its men is not.
    applicants = [Applicant(a["id"], a["prefs"]) for a in GALE_SHAPLEY["applicants"]]
    hosts = [Host(h["id"], h["capacity"], h["prefs"]) for h in GALE_SHAPLEY["hosts"]]
    assert check_stability(applicants, hosts, {"alpha": "B", "beta": "C", "gamma": "A"}).stable
    report = check_stability(applicants, hosts, {"alpha": "B", "beta": "A", "gamma": "C"})
    assert report.blocking_pairs == [("beta", "C")]


def test_many_to_one_round_with_capacities_and_one_sided_listings():
    # h1 has two places. s4 lists h2, which does not list s4, and h2 lists s5, who lists no host: two one-sided
    # listings. The host-optimal placement differs from the applicant-optimal one.
    document = round_document(
        {"s1": ["h1", "h2"], "s2": ["h1", "h2"], "s3": ["h2", "h1"], "s4": ["h2"]},
        {"h1": (2, ["s3", "s1", "s2"]), "h2": (1, ["s1", "s2", "s3", "s5"])},
    )
    document["applicants"].append({"id": "s5", "prefs": []})
    by_applicants = run_document(document)
    assert by_applicants["assignment"] == {"s1": "h1", "s2": "h1", "s3": "h2", "s4": None, "s5": None}
    assert by_applicants["hosts"] == {"h1": ["s1", "s2"], "h2": ["s3"]}
    assert by_applicants["unassigned"] == ["s4", "s5"]
    assert by_applicants["stats"]["one_sided"] == 2
    by_hosts = run_document({**document, "optimal": "host"})
    assert by_hosts["assignment"] == {"s1": "h1", "s2": "h2", "s3": "h1", "s4": None, "s5": None}
    assert by_hosts["hosts"] == {"h1": ["s3", "s1"], "h2": ["s2"]}
    assert by_applicants["stable"] and by_hosts["stable"]


def test_explanations_when_asked():
    document = round_document(
        {"s1": ["h1", "h2"], "s2": ["h1", "h2"], "s3": ["h1", "h3"]},
        {"h1": (1, ["s1", "s2", "s3"]), "h2": (2, ["s1"]), "h3": (0, ["s3"])},
        explain=True,
    )
    output = run_document(document)
    assert output["assignment"] == {"s1": "h1", "s2": None, "s3": None}
    explanations = output["explanations"]
    assert explanations["applicants"]["s2"] == {
        "text": "s2 is unplaced: h1 filled every place with applicants they rank higher; h2 did not rank s2.",
        "hosts": [{"host": "h1", "reason": "full_with_preferred"}, {"host": "h2", "reason": "did_not_rank"}],
    }
    assert explanations["applicants"]["s3"]["hosts"] == [
        {"host": "h1", "reason": "full_with_preferred"},
        {"host": "h3", "reason": "no_places"},
    ]
    assert explanations["hosts"]["h2"] == {
        "text": "h2 filled 0 of 2 places: s1 went to hosts they rank higher.",
        "filled": 0,
        "capacity": 2,
        "applicants": [{"applicant": "s1", "reason": "placed_at_preferred", "placed_at": "h1"}],
    }
    assert set(explanations["hosts"]) == {"h2"}  # h3 has no places, so none are empty


def test_checker_reports_capacity_and_listing_violations():
    applicants = [Applicant("s1", ["h1"]), Applicant("s2", ["h1"]), Applicant("s3", [])]
    hosts = [Host("h1", 1, ["s1", "s2"])]
    report = check_stability(applicants, hosts, {"s1": "h1", "s2": "h1", "s3": "h1"})
    assert report.over_capacity == ["h1"]
    assert report.unacceptable == [("s3", "h1")]
    assert not report.stable
    with pytest.raises(InvalidInput) as raised:
        check_stability(applicants, hosts, {"s9": "h1", "s1": "h7"})
    assert raised.value.problems == ['assignment: unknown applicant "s9"', 'assignment["s1"]: unknown host "h7"']


def test_typed_api_validates_like_the_document():
    with pytest.raises(InvalidInput) as raised:
        place([Applicant("s1", ["h1", "h1"]), Applicant("s1", ["h2"])], [Host("h1", -1, ["s1"])], optimal="both")
    assert raised.value.problems == [
        'applicants[0].prefs[1]: "h1" repeated (first at prefs[0])',
        'applicants[1].id: duplicate id "s1" (first at applicants[0])',
        'applicants[1].prefs[0]: unknown host "h2"',
        "hosts[0].capacity: must be a non-negative integer, got -1",
        'optimal: must be "applicant" or "host", got "both"',
    ]


def _problems(document) -> list[str]:
    with pytest.raises(InvalidInput) as raised:
        run_document(document)
    return raised.value.problems


def _with(applicants=None, hosts=None, **top):
    document = {
        "applicants": applicants if applicants is not None else [{"id": "s1", "prefs": ["h1"]}],
        "hosts": hosts if hosts is not None else [{"id": "h1", "capacity": 1, "prefs": ["s1"]}],
    }
    document.update(top)
    return document


def _applicant(**fields):
    return _with(applicants=[fields])


def _host(**fields):
    return _with(hosts=[fields])


_S1_UNKNOWN = 'hosts[0].prefs[0]: unknown applicant "s1"'  # the host's listing of an applicant that is broken
_NON_NEGATIVE = "hosts[0].capacity: must be a non-negative integer, got"

MALFORMED = [
    ({"hosts": []}, ["applicants: missing"]),
    ({"applicants": {}, "hosts": []}, ["applicants: must be a list, got {}"]),
    ({"applicants": [], "hosts": "h1"}, ['hosts: must be a list, got "h1"']),
    (_with(applicants=["s1"]), ['applicants[0]: must be an object, got "s1"', _S1_UNKNOWN]),
    (_applicant(prefs=["h1"]), ["applicants[0].id: missing", _S1_UNKNOWN]),
    (_applicant(id=7, prefs=[]), ["applicants[0].id: must be a string, got 7", _S1_UNKNOWN]),
    (_applicant(id="s1"), ["applicants[0].prefs: missing"]),
    (_applicant(id="s1", prefs="h1"), ['applicants[0].prefs: must be a list of ids, got "h1"']),
    (_host(id="h1", prefs=["s1"]), ["hosts[0].capacity: missing"]),
    (_host(id="h1", capacity=-1, prefs=["s1"]), [f"{_NON_NEGATIVE} -1"]),
    (_host(id="h1", capacity=1.5, prefs=["s1"]), [f"{_NON_NEGATIVE} 1.5"]),
    (_host(id="h1", capacity=True, prefs=["s1"]), [f"{_NON_NEGATIVE} true"]),
    (_host(id="h1", capacity="2", prefs=["s1"]), [f'{_NON_NEGATIVE} "2"']),
    (_applicant(id="s1", prefs=["h9"]), ['applicants[0].prefs[0]: unknown host "h9"']),
    (
        _applicant(id="s1", prefs=["h1", None, ["h1"]]),
        ["applicants[0].prefs[1]: must be a string, got null", 'applicants[0].prefs[2]: must be a string, got ["h1"]'],
    ),
    (_applicant(id="s1", prefs=["h1", "h1"]), ['applicants[0].prefs[1]: "h1" repeated (first at prefs[0])']),
    (
        _host(id="h1", capacity=1, prefs=["s1", "s2", "s1"]),
        ['hosts[0].prefs[1]: unknown applicant "s2"', 'hosts[0].prefs[2]: "s1" repeated (first at prefs[0])'],
    ),
    (
        _with(applicants=[{"id": "s1", "prefs": []}, {"id": "s1", "prefs": []}]),
        ['applicants[1].id: duplicate id "s1" (first at applicants[0])'],
    ),
    (_with(optimal="hospital"), ['optimal: must be "applicant" or "host", got "hospital"']),
    (_with(optimal=None), ['optimal: must be "applicant" or "host", got null']),
    (_with(explain="yes"), ['explain: must be true or false, got "yes"']),
    ([], ["document: must be an object, got []"]),
]


@pytest.mark.parametrize(("document", "expected"), MALFORMED, ids=[expected[0] for _, expected in MALFORMED])
def test_each_malformed_input_gets_its_message(document, expected):
    assert _problems(document) == expected


def test_every_problem_is_reported_in_document_order():
    applicants = [{"id": f"s{i}", "prefs": ["h1"]} for i in range(6)]
    applicants[3]["prefs"] = ["h1", "h9"]
    applicants[5]["id"] = "s1"
    applicants[0]["prefs"] = ["h1", "h2", "h3", "h4", "h2"]
    hosts = [{"id": f"h{j}", "capacity": 2, "prefs": []} for j in range(1, 5)]
    hosts[1]["capacity"] = -1
    problems = _problems({"applicants": applicants, "hosts": hosts, "optimal": "best"})
    assert problems == [
        'applicants[0].prefs[4]: "h2" repeated (first at prefs[1])',
        'applicants[3].prefs[1]: unknown host "h9"',
        'applicants[5].id: duplicate id "s1" (first at applicants[1])',
        "hosts[1].capacity: must be a non-negative integer, got -1",
        'optimal: must be "applicant" or "host", got "best"',
    ]


def test_empty_round():
    output = run_document({"applicants": [], "hosts": []})
    assert (output["assignment"], output["hosts"], output["unassigned"], output["stable"]) == ({}, {}, [], True)


def test_cli_prints_the_placement(tmp_path, capsys):
    path = tmp_path / "round.json"
    path.write_text(json.dumps(GALE_SHAPLEY), encoding="utf-8")
    assert cli.main(["place", str(path)]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["assignment"] == {"alpha": "A", "beta": "B", "gamma": "C"}


def test_cli_reports_every_problem_and_writes_nothing(tmp_path, capsys):
    path, target = tmp_path / "round.json", tmp_path / "out.json"
    path.write_text(json.dumps(_with(applicants=[{"id": "s1", "prefs": ["h9", "h1", "h1"]}])), encoding="utf-8")
    assert cli.main(["place", str(path), "-o", str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        'applicants[0].prefs[0]: unknown host "h9"',
        'applicants[0].prefs[2]: "h1" repeated (first at prefs[1])',
    ]
    assert captured.out == ""
    assert not target.exists()


def test_command_line_in_a_real_process(tmp_path):
    invalid, valid, target = tmp_path / "invalid.json", tmp_path / "valid.json", tmp_path / "out.json"
    invalid.write_text(json.dumps(_with(hosts=[{"id": "h1", "capacity": -1, "prefs": ["s1", "s7"]}])), encoding="utf-8")
    valid.write_text(json.dumps(PLACE_EXAMPLE), encoding="utf-8")
    command = [sys.executable, "-m", "zonebridge", "engine", "place"]

    failed = subprocess.run([*command, str(invalid), "-o", str(target)], capture_output=True, text=True, timeout=60)
    assert failed.returncode == 2
    assert failed.stderr.splitlines() == [
        "hosts[0].capacity: must be a non-negative integer, got -1",
        'hosts[0].prefs[1]: unknown applicant "s7"',
    ]
    assert not target.exists()

    succeeded = subprocess.run([*command, str(valid), "-o", str(target)], capture_output=True, text=True, timeout=60)
    assert succeeded.returncode == 0, succeeded.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["assignment"] == {"s1": "h2", "s2": "h1"}


def test_engine_imports_no_django():
    code = (
        "import sys, zonebridge.engine.placement; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'ninja')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
