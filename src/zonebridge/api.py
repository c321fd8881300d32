"""The REST API: `/api/v1/...`, its OpenAPI document at `/api/openapi.json` and docs at `/api/docs`.

Every error, whatever raised it (a domain error of a service, a validation error, a missing object, a missing
token, a crash), answers with the one body of `zonebridge.core.errors`; the OpenAPI document lists it for every
operation with the status codes that operation can give.
"""

import json
import logging

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger
from ninja.parser import Parser

from zonebridge.accounts.throttle import TooManyAttempts
from zonebridge.bulletins.api import router as bulletins_router
from zonebridge.core.errors import DomainError, domain_error_body, error_body, problem
from zonebridge.directory.api import router as directory_router
from zonebridge.events.api import router as events_router
from zonebridge.landing.api import router as landing_router
from zonebridge.opportunities.api import router as opportunities_router
from zonebridge.programmes.api import router as programmes_router

logger = logging.getLogger("zonebridge.api")

HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "not_allowed",
              409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "invalid", 429: "throttled",
              500: "server_error"}


class Problem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(Schema):
    """The body of every error response."""

    detail: list[Problem]


class ZoneBridgeAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document lists the error responses of every operation."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["ErrorOut"] = ErrorOut.model_json_schema(
            ref_template="#/components/schemas/ErrorOut/$defs/{model}")
        error_ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                for status, description in _error_statuses(method, operation).items():
                    operation.setdefault("responses", {}).setdefault(status, {"description": description,
                                                                              **error_ref})
        return schema


def _error_statuses(method: str, operation: dict) -> dict[int, str]:
    """The error statuses an operation can answer with, by what it takes."""
    statuses = {400: "Malformed request (e.g. a NUL character in the address)", 413: "Request too large",
                422: "Invalid input", 500: "Server error"}
    if "{" in operation.get("operationId", "") or any(p.get("in") == "path" for p in operation.get("parameters", [])):
        statuses[404] = "Not found"
    if operation.get("security"):
        statuses.update({401: "Missing or invalid token", 403: "Not allowed",
                         429: "Too many bad tokens from this address; see Retry-After"})
    if method in ("post", "put", "patch"):
        statuses.update({409: "Conflicts with the current state", 415: "Body is not JSON (Content-Type)",
                         422: "Invalid input, or a body that is not a JSON object"})
    return statuses


class BodyRejected(Exception):
    """A request body the API does not take: `status` 415 (not JSON), 400 (unreadable) or 422 (not an object)."""

    def __init__(self, status: int, message: str, loc=("body",)):
        super().__init__(message)
        self.status, self.message, self.loc = status, message, list(loc)


def _nul_location(value, path=()) -> tuple | None:
    """The path of the first string (key or value) in parsed JSON that holds a NUL character, else None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in key:
                return (*path, key)
            found = _nul_location(item, (*path, key))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _nul_location(item, (*path, index))
            if found is not None:
                return found
    return None


class JsonObjectParser(Parser):
    """Read every API request body the same way: JSON only (415 otherwise), and one JSON object (422 otherwise).

    Without it a `text/plain` body was parsed as JSON anyway, and `null`, `[1, 2]` or `42` passed as "no
    changes" and re-saved the object. NUL characters are refused here too: PostgreSQL cannot store them.
    """

    def parse_body(self, request):
        """Return the body as a dict, or raise BodyRejected."""
        content_type = request.content_type or ""
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise BodyRejected(415, _("Send the body as JSON, with the header Content-Type: application/json."),
                               loc=("header", "content-type"))
        try:
            data = json.loads(request.body)
        except ValueError:
            raise BodyRejected(400, _("The body is not valid JSON.")) from None
        if not isinstance(data, dict):
            raise BodyRejected(422, _("The body must be a JSON object."))
        location = _nul_location(data)
        if location is not None:
            raise BodyRejected(422, _("Text may not contain NUL characters."), loc=("body", *location))
        return data


api = ZoneBridgeAPI(
    title="ZoneBridge API",
    version="1",
    description="Directory of the partnership's zones, organisations, sectors and people. "
    "Reads are public; writes need `Authorization: Bearer <token>` (create tokens in your account settings). "
    "Every error answers with `{\"detail\": [{\"loc\": [...], \"msg\": \"...\", \"type\": \"...\"}]}`; "
    "`loc` names the input a problem is about (empty when it concerns the whole request).",
    openapi_url="/openapi.json",
    docs=Swagger(),
    docs_url="/docs",
    urls_namespace="api",
    parser=JsonObjectParser(),
)


def respond_with_error(request, status: int, message: str, *, loc=(), code: str | None = None):
    """An error response in the one error body."""
    return api.create_response(request, error_body([problem(message, loc=loc, code=code or HTTP_CODES.get(
        status, "error"))]), status=status)


@api.exception_handler(DomainError)
def _domain_error(request, error: DomainError):
    return api.create_response(request, domain_error_body(error), status=error.status)


@api.exception_handler(ValidationError)
def _validation_error(request, error: ValidationError):
    problems = [problem(item.get("msg", ""), loc=item.get("loc", ()), code=item.get("type", "invalid"))
                for item in error.errors]
    return api.create_response(request, error_body(problems), status=422)


@api.exception_handler(AuthenticationError)
def _authentication_error(request, error: AuthenticationError):
    return respond_with_error(request, 401, "Authentication required: send Authorization: Bearer <token>.")


@api.exception_handler(HttpError)
def _http_error(request, error: HttpError):
    # django-ninja turns any exception of the parser into a 400; ours carries the status it should have.
    if isinstance(error.__cause__, BodyRejected):
        rejected = error.__cause__
        return respond_with_error(request, rejected.status, rejected.message, loc=rejected.loc)
    return respond_with_error(request, error.status_code, str(error))


@api.exception_handler(TooManyAttempts)
def _too_many_attempts(request, error: TooManyAttempts):
    response = respond_with_error(request, 429, error.message)
    response["Retry-After"] = str(error.retry_after)
    return response


@api.exception_handler(Http404)
def _not_found(request, error: Http404):
    return respond_with_error(request, 404, "Not found.")


@api.exception_handler(SuspiciousOperation)
def _suspicious(request, error: SuspiciousOperation):
    # Raised while reading the request: a body over the limit (sent without Content-Length), too many fields.
    if isinstance(error, RequestDataTooBig):
        return respond_with_error(request, 413, _("The request body is too large."))
    return respond_with_error(request, 400, _("The request could not be read."))


@api.exception_handler(Exception)
def _server_error(request, error: Exception):
    # An API client reads JSON even when we fail; the traceback goes to the log, never to the client.
    logger.exception("API error on %s %s", request.method, request.path)
    return respond_with_error(request, 500, "Server error. It has been logged; please try again later.")


api.add_router("/v1/", directory_router)
api.add_router("/v1/landing/", landing_router)
api.add_router("/v1/bulletins", bulletins_router)
api.add_router("/v1/events", events_router)
api.add_router("/v1/", programmes_router)
api.add_router("/v1/", opportunities_router)
