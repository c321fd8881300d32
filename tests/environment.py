"""The environment of a test run, set before Django's settings load.

pytest-django imports `zonebridge.settings` while pytest starts, before any conftest.py, so the variables
the settings read are set here, in a plugin that pyproject.toml loads with `-p tests.environment` (its
`pythonpath` makes `tests` importable that early). A variable already set wins, so a run can still be
pointed elsewhere (`DATABASE_URL=... pytest`).

- SECRET_KEY: settings refuse to start without one when DEBUG is off; this one exists only in test runs.
- DEBUG=true only as the settings see it at import time, so the static files storage does not need
  collectstatic's manifest for every test; pytest-django still runs each test with `settings.DEBUG = False`,
  and the production settings (DEBUG off) are tested in subprocesses (tests/test_deploy.py).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-" + "k3y-never-used-outside-a-test-run-" * 2)
os.environ.setdefault("DEBUG", "true")
