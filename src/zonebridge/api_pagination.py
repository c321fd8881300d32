"""The one pagination of the API's lists (settings.NINJA_PAGINATION_CLASS, so `@paginate` uses it everywhere)."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination as NinjaPageNumberPagination

# Far beyond any list we hold, far below what a database can OFFSET by: page 9223372036854775808 used to reach
# the database and fail there (a 500); now it is a 422 naming `page`.
MAX_PAGE = 100_000
MAX_PAGE_SIZE_INPUT = 10_000


class PageNumberPagination(NinjaPageNumberPagination):
    """django-ninja's page-number pagination with bounded inputs."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1")
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE_INPUT,
                                      description="Items per page (capped at the list's maximum)")
