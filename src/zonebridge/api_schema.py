"""API input schemas derived from model fields, so a limit is written once (on the model) and holds everywhere."""

from typing import Any

from ninja import Field, Schema
from pydantic import create_model

from zonebridge.core.limits import field_limits


def patch_schema(name: str, model, annotations: dict[str, Any], *, doc: str, extra: dict | None = None):
    """A PATCH schema for `model`'s fields named in `annotations` (name → value type).

    Every field is optional (an omitted field stays as it is) and carries its model field's limits
    (max_length, min/max value). null is accepted only where the model allows a blank or null value
    ("clear this field"); elsewhere it is a 422 naming the field, as for any other wrong type.
    """
    fields: dict[str, Any] = {}
    for field_name, annotation in annotations.items():
        model_field = model._meta.get_field(field_name)
        clearable = model_field.null or model_field.blank
        # The default None never reaches the model: the view reads only the fields that were sent.
        fields[field_name] = (annotation | None if clearable else annotation,
                              Field(None, **field_limits(model_field)))
    return create_model(name, __base__=Schema, __doc__=doc, **fields, **(extra or {}))
