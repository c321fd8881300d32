"""One error type for refused use cases, and the one mapping of it to forms and API bodies.

A service raises `DomainError` (or a subclass naming the HTTP status that fits); a page shows it as a form
error on the field it names, the API answers with the one error body every endpoint uses:

    {"detail": [{"loc": ["body", "website"], "msg": "Enter a valid URL.", "type": "invalid"}]}

`loc` is empty when the problem is not about one input.
"""

from typing import Any


class DomainError(Exception):
    """A use case refused: a message for the user and, when it is about one input, the field it concerns."""

    status = 422
    code = "invalid"

    def __init__(self, message: str, field: str | None = None, *, code: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
        if code:
            self.code = code


class NotAllowed(DomainError):
    """The acting user may not do this."""

    status = 403
    code = "forbidden"


class NotFound(DomainError):
    """What the request names does not exist (or is not visible to the acting user)."""

    status = 404
    code = "not_found"


class Conflict(DomainError):
    """The request clashes with the current state (already done, taken by someone else, out of order)."""

    status = 409
    code = "conflict"


class InvalidFields(DomainError):
    """Several inputs are invalid at once: `problems` maps each field to its message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        field, message = next(iter(self.problems.items())) if self.problems else (None, "")
        super().__init__(message, field)

    @classmethod
    def from_validation_error(cls, error) -> "InvalidFields":
        """Turn a Django `ValidationError` raised by `full_clean()` into field problems."""
        if hasattr(error, "message_dict"):
            return cls({field: " ".join(messages) for field, messages in error.message_dict.items()})
        return cls({"__all__": " ".join(error.messages)})


def full_clean(instance, **kwargs) -> None:
    """Validate a model instance, raising `InvalidFields` (the services' error) instead of Django's."""
    from django.core.exceptions import ValidationError

    try:
        instance.full_clean(**kwargs)
    except ValidationError as error:
        raise InvalidFields.from_validation_error(error) from error


def error_body(problems: list[dict[str, Any]]) -> dict[str, Any]:
    """The API error body: a list of problems, each with `loc`, `msg` and `type`."""
    return {"detail": problems}


def problem(message: str, *, loc: tuple | list = (), code: str = "invalid") -> dict[str, Any]:
    """One problem of an error body."""
    return {"loc": list(loc), "msg": str(message), "type": code}


def domain_error_body(error: DomainError, location: str = "body") -> dict[str, Any]:
    """The API body of a domain error: its field (when it names one) located in the request `location`."""
    fields = error.problems if isinstance(error, InvalidFields) else {error.field: error.message}
    return error_body([problem(message, loc=[location, field] if field and field != "__all__" else [],
                               code=error.code) for field, message in fields.items()])


def add_to_form(form, error: DomainError) -> None:
    """Show a domain error on a form: on the field it names when the form has it, else above the form."""
    fields = error.problems if isinstance(error, InvalidFields) else {error.field: error.message}
    for field, message in fields.items():
        form.add_error(field if field in form.fields else None, message)
