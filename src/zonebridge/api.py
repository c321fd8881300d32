"""The REST API: `/api/v1/...`, its OpenAPI document at `/api/openapi.json` and docs at `/api/docs`."""

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from zonebridge.directory.api import router as directory_router

api = NinjaAPI(
    title="ZoneBridge API",
    version="1",
    description="Directory of the partnership's zones, organisations, sectors and people. "
    "Reads are public; writes need `Authorization: Bearer <token>` (create tokens in your account settings).",
    openapi_url="/openapi.json",
    docs=Swagger(),
    docs_url="/docs",
    urls_namespace="api",
)
api.add_router("/v1/", directory_router)
