"""Uploaded files at /media/: only the public ones (settings.PUBLIC_MEDIA_DIRS, i.e. organisation logos).

Served by the application in every mode, so a production site needs no extra web-server rule; uploads are
small images. Everything else under MEDIA_ROOT (CVs: personal data) answers 404 here, and so does any path
that tries to leave its directory.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def public_media(request, path: str):
    """Serve one public uploaded file, or 404."""
    parts = PurePosixPath(path).parts
    if (len(parts) < 2 or parts[0] not in settings.PUBLIC_MEDIA_DIRS
            or any(part in ("..", ".") or part.startswith(".") for part in parts) or "\\" in path):
        raise Http404
    # serve() joins safely under MEDIA_ROOT and refuses directories; logos are never HTML, but a sandbox
    # keeps any file from running script should one be uploaded by mistake.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
