"""The REST API: `/api/v1/...`, its OpenAPI document at `/api/openapi.json` and docs at `/api/docs`.

Every error, whatever raised it (a domain error of a service, a validation error, a missing object, a missing
token, a crash), answers with the one body of `zonebridge.core.errors`; the OpenAPI document lists it for every
operation with the status codes that operation can give.
"""

import logging

from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger

from zonebridge.core.errors import DomainError, domain_error_body, error_body, problem
from zonebridge.directory.api import router as directory_router

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
    statuses = {400: "Malformed request", 422: "Invalid input", 500: "Server error"}
    if "{" in operation.get("operationId", "") or any(p.get("in") == "path" for p in operation.get("parameters", [])):
        statuses[404] = "Not found"
    if operation.get("security"):
        statuses.update({401: "Missing or invalid token", 403: "Not allowed"})
    if method in ("post", "put", "patch"):
        statuses.update({409: "Conflicts with the current state", 413: "Request body too large",
                         415: "Body is not JSON"})
    return statuses


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
    return respond_with_error(request, error.status_code, str(error))


@api.exception_handler(Http404)
def _not_found(request, error: Http404):
    return respond_with_error(request, 404, "Not found.")


@api.exception_handler(Exception)
def _server_error(request, error: Exception):
    # An API client reads JSON even when we fail; the traceback goes to the log, never to the client.
    logger.exception("API error on %s %s", request.method, request.path)
    return respond_with_error(request, 500, "Server error. It has been logged; please try again later.")


api.add_router("/v1/", directory_router)
