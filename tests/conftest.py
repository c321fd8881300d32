"""Load the Django test world (tests/world.py) when pytest-django is active."""


def pytest_configure(config):
    if config.pluginmanager.hasplugin("django"):
        config.pluginmanager.import_plugin("tests.world")
