"""Where private files live: a directory outside the public media path, under random names."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """The files of PRIVATE_MEDIA_ROOT (read at each use, so a changed setting applies). They have no URL:
    only the files view serves them, after asking policy."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("private files have no public URL; link to the files view")


private_storage = PrivateFileStorage()


def random_upload_name(instance, filename: str) -> str:
    """A random path for an upload; the extension comes from the checked content type, never from the user."""
    return f"{instance.kind}/{secrets.token_hex(16)}{instance.extension()}"
