"""`zonebridge engine place|schedule|rank IN.json [-o OUT.json]`: the JSON contracts in shared/contracts."""

import argparse
import importlib
import json
import os
import sys
import tempfile

from zonebridge.engine.errors import InvalidInput

# Each command's module exposes `run_document(document: dict) -> dict`, raising InvalidInput.
COMMANDS = {
    "place": "zonebridge.engine.placement",
    "schedule": "zonebridge.engine.scheduling",
    "rank": "zonebridge.engine.retrieval",
}

EXIT_INVALID = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zonebridge engine", description=__doc__)
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("input", help="input JSON file, or - for standard input")
    parser.add_argument("-o", "--output", help="output JSON file (standard output when omitted)")
    return parser


def _read_document(path: str) -> dict:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as error:
        raise InvalidInput([f"{path}: cannot read input: {error.strerror}"]) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise InvalidInput([f"{path}: not valid JSON: {error.msg} at {where}"]) from error
    if not isinstance(document, dict):
        raise InvalidInput([f"{path}: the document must be a JSON object, not {type(document).__name__}"])
    return document


def _write_document(result: dict, path: str | None) -> None:
    text = json.dumps(result, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n"
    if path is None:
        sys.stdout.write(text)
        return
    # Write beside the target and rename, so a reader never sees half a file.
    directory = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".tmp") as handle:
        handle.write(text)
    os.replace(handle.name, path)


def main(argv: list[str] | None = None) -> int:
    """Run one engine command; return the process exit status (0 ok, 2 invalid input)."""
    args = _parser().parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command])
    try:
        result = module.run_document(_read_document(args.input))
    except InvalidInput as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    _write_document(result, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
