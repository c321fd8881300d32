"""`zonebridge run`: the demo world only on request (`--demo`) and never with DEBUG off."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zonebridge.accounts.models import User
from zonebridge.directory.models import Organisation


def run(**options) -> str:
    out = StringIO()
    call_command("run", no_serve=True, stdout=out, **options)
    return out.getvalue()


def test_it_never_seeds_an_empty_database_without_demo(transactional_db, settings):
    settings.DEBUG = True
    output = run()
    assert not User.objects.exists() and not Organisation.objects.exists()
    assert "createsuperuser" in output and "zonebridge-demo" not in output


def test_it_refuses_the_demo_with_debug_off(transactional_db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=false"):
        run(demo=True)
    assert not User.objects.filter(username="admin").exists()


def test_it_seeds_the_demo_on_request_in_debug_mode(transactional_db, settings, monkeypatch):
    settings.DEBUG = True
    from zonebridge.demo.management.commands import run as run_module
    from zonebridge.demo.seed import seed_demo

    # The small data set keeps the test quick; the command's own logic is unchanged.
    monkeypatch.setattr(run_module, "seed_demo", lambda seed, scale: seed_demo(seed=seed, scale="small"))
    output = run(demo=True)
    assert User.objects.get(username="admin").is_superuser
    assert "zonebridge-demo" in output
