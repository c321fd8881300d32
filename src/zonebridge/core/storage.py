"""Where private files live: a directory outside the public media path, under random names."""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    """The storage of private files (a callable, so settings are read when used, not at import)."""
    # base_url=None: these files have no public address; only the files view serves them.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def random_upload_name(instance, filename: str) -> str:
    """A random path for an upload; the extension comes from the checked content type, never from the user."""
    return f"{instance.kind}/{secrets.token_hex(16)}{instance.extension()}"
