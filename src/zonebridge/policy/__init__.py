"""The one place that answers "may this user do X to Y", one module per area.

Views, the API, admin and services all ask here. A module imports only the models of its own area and of the
areas below it (core ← accounts ← directory ← feature apps), so asking never pulls a higher layer in; import
the module you need: `from zonebridge.policy import directory as policy`.
"""
