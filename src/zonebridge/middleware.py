"""Requests refused before any view reads them: bodies over the size limit (413) and NUL characters (400).

One place for every page and every API operation. A NUL character in a path, query or form value used to
reach PostgreSQL, which cannot store it, and answer 500; a body over Django's limit answered 400 on pages and
500 on the API. Pages get a page in the reader's language, the API its one error body.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

NUL = "\x00"


def body_limit(request) -> int:
    """The largest body this request may send: more for a multipart form that carries files."""
    if request.content_type == "multipart/form-data":
        return settings.MAX_UPLOAD_SIZE
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def _has_nul(values) -> bool:
    return any(NUL in key or any(NUL in str(value) for value in values.getlist(key)) for key in values)


class RequestGuardMiddleware:
    """Answer 413 for a body over the limit and 400 for a NUL character in the path, query or form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return refuse(request, 400, _("The request could not be read."))
        limit = body_limit(request)
        if length > limit:
            return refuse(request, 413, _("The request is too large: send at most %(size)s.")
                          % {"size": filesizeformat(limit)})
        try:
            # Form bodies only: a JSON body is checked by the API's parser, which knows where a value sits.
            has_nul = NUL in request.path or _has_nul(request.GET) or (
                request.method == "POST" and _has_nul(request.POST))
        except RequestDataTooBig:
            return refuse(request, 413, _("The request is too large: send at most %(size)s.")
                          % {"size": filesizeformat(limit)})
        except (SuspiciousOperation, MultiPartParserError):
            return refuse(request, 400, _("The request could not be read."))
        if has_nul:
            return refuse(request, 400, _("The address or the form contains a NUL character, which is not allowed."))
        return self.get_response(request)


def refuse(request, status: int, message: str):
    """A refusal: the one error body on the API, a page in the reader's language elsewhere."""
    if request.path.startswith("/api/"):
        from zonebridge.api import respond_with_error

        return respond_with_error(request, status, message)
    title = _("The request is too large") if status == 413 else _("The request could not be handled")
    return render(request, "request_refused.html", {"title": title, "message": message}, status=status)
