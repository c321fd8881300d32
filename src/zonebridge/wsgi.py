"""WSGI entry point for gunicorn and other servers."""

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zonebridge.settings")
application = get_wsgi_application()

# Load the search engine (1–2 s) beside the first requests rather than inside the first search.
from zonebridge.engine.retrieval import warm_up  # noqa: E402 - after Django is set up

threading.Thread(target=warm_up, name="search-engine-warm-up", daemon=True).start()
