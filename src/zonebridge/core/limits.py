"""Size limits of user-written text: set once on the model field, read from there by forms and API schemas.

A CharField has its max_length; a TextField's max_length only shapes its form field, so `long_text_field`
also gives it a validator that `full_clean()` (services, admin, forms) enforces.
"""

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

LONG_TEXT_MAX_LENGTH = 5_000  # a profile description: a page of text in English, more in Chinese


def long_text_field(verbose_name, *, max_length: int = LONG_TEXT_MAX_LENGTH, **options) -> models.TextField:
    """A TextField whose length is limited in the model, its ModelForm fields and the API schemas derived from it."""
    return models.TextField(verbose_name, max_length=max_length, validators=[MaxLengthValidator(max_length)],
                            **options)


def field_limits(field) -> dict:
    """The pydantic constraints (max_length, ge, le) a model field's own limits imply."""
    limits: dict = {}
    if getattr(field, "max_length", None):
        limits["max_length"] = field.max_length
    for validator in field.validators:
        if isinstance(validator, MaxLengthValidator):
            limits["max_length"] = min(limits.get("max_length", validator.limit_value), validator.limit_value)
        elif isinstance(validator, MinValueValidator):
            limits["ge"] = max(limits.get("ge", validator.limit_value), validator.limit_value)
        elif isinstance(validator, MaxValueValidator):
            limits["le"] = min(limits.get("le", validator.limit_value), validator.limit_value)
    return limits
