"""Architecture and style rules: the engine imports nothing from Django or the apps (import-linter); ruff passes."""

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import zonebridge

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold():
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_the_engine_cli_does_not_start_django():
    code = "import sys; from zonebridge.engine import cli; assert 'django' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_code_passes_the_linter():
    result = subprocess.run([str(Path(sys.executable).parent / "ruff"), "check", "src", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _contract(name_start: str) -> dict:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    return next(contract for contract in contracts if contract["name"].startswith(name_start))


def _packages_and_modules() -> set[str]:
    return {f"zonebridge.{info.name}" for info in pkgutil.iter_modules(zonebridge.__path__)} - {
        "zonebridge.__main__"}


def test_the_engine_contract_forbids_every_other_part_of_zonebridge():
    """A new app is forbidden to the engine the day it lands: this fails until the contract names it."""
    forbidden = set(_contract("The engine imports")["forbidden_modules"])
    assert _packages_and_modules() - {"zonebridge.engine"} <= forbidden


def test_every_app_has_its_place_in_the_layers():
    """A new app must be placed in the layered contract (feature apps between directory and demo)."""
    layered = {module.strip().strip("()") for layer in _contract("Apps are layered")["layers"]
               for module in layer.split("|")}
    apps = {name for name in _packages_and_modules() if (ROOT / "src" / name.replace(".", "/") / "apps.py").exists()}
    assert apps <= layered, f"place these apps in the layers contract of pyproject.toml: {apps - layered}"
