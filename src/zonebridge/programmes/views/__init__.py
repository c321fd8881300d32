"""Pages of programmes, one per role's task; each parses, asks policy, calls one service and renders."""

from zonebridge.programmes.views.candidates import *  # noqa: F403
from zonebridge.programmes.views.cohort import *  # noqa: F403
from zonebridge.programmes.views.match import *  # noqa: F403
from zonebridge.programmes.views.rounds import *  # noqa: F403
