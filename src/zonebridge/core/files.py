"""Private files: every upload that is not public goes through here, and only here.

An app registers an `UploadKind` once (what content is allowed, how big, who may read it, what to do when
someone reads it) and its service calls `store_upload(upload, kind=..., owner=...)`: the content is checked by
its bytes (never by its name or the browser's word for it), stored under a random name outside the public
media path, and returned as a `PrivateFile`. `replace_file` deletes the file it replaces. The files view
serves a file only when the kind's rule allows it, as an attachment under a sandboxing CSP, so no upload can
ever run as a page of the site. Public images (logos) get the same content check through `check_image`.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import filetype
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from zonebridge.core.errors import DomainError
from zonebridge.core.models import PrivateFile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
PNG, JPEG, WEBP = "image/png", "image/jpeg", "image/webp"

EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", PPTX: ".pptx", ODT: ".odt", PNG: ".png", JPEG: ".jpg",
              WEBP: ".webp"}
TYPE_NAMES = {PDF: "PDF", DOCX: "Word (.docx)", XLSX: "Excel (.xlsx)", PPTX: "PowerPoint (.pptx)",
              ODT: "OpenDocument (.odt)", PNG: "PNG", JPEG: "JPEG", WEBP: "WebP"}
IMAGES = frozenset({PNG, JPEG, WEBP})
DOCUMENTS = frozenset({PDF, DOCX, ODT})
MB = 1024 * 1024


def _nobody(viewer, file: PrivateFile) -> bool:
    return False


@dataclass(frozen=True)
class UploadKind:
    """The rules of one kind of upload: allowed content types, a size limit, and who may read it.

    `may_read(viewer, file)` is a policy function; `on_read(viewer, file)`, when given, runs on every read
    that is allowed (e.g. to log a cross-border view of personal data).
    """

    key: str
    label: str
    content_types: frozenset[str]
    max_bytes: int
    may_read: Callable = _nobody
    on_read: Callable | None = None


UPLOAD_KINDS: dict[str, UploadKind] = {}


def register_upload_kind(kind: UploadKind) -> UploadKind:
    """Declare a kind of private upload (once, at start-up, by the app that owns it)."""
    UPLOAD_KINDS[kind.key] = kind
    return kind


def _allowed_names(types) -> str:
    return ", ".join(sorted(TYPE_NAMES[t] for t in types))


def detect_content_type(upload) -> str | None:
    """The content type of an upload judged by its bytes (None when it is none we know)."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    return guess.mime if guess else None


def check_content(upload, *, content_types, max_bytes: int, field: str) -> str:
    """Check an upload's size and real content type against an allow-list; return the content type."""
    if upload.size > max_bytes:
        raise DomainError(_("The file is too large (%(size)s MB); the limit is %(limit)s MB.") % {
            "size": f"{upload.size / MB:.1f}", "limit": f"{max_bytes / MB:g}"}, field=field)
    if upload.size == 0:
        raise DomainError(_("The file is empty."), field=field)
    content_type = detect_content_type(upload)
    if content_type not in content_types:
        raise DomainError(_("This file type is not accepted. Upload one of: %(types)s.") % {
            "types": _allowed_names(content_types)}, field=field)
    if content_type in IMAGES:
        _verify_image(upload, field)
    return content_type


def _verify_image(upload, field: str) -> None:
    # A header that says PNG is not enough: the whole image must decode.
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise DomainError(_("The image is damaged or not an image."), field=field) from error
    finally:
        upload.seek(0)


def check_image(upload, *, field: str, max_bytes: int = 2 * MB) -> None:
    """Check a public image upload (a logo): PNG, JPEG or WebP by content, within the size limit."""
    check_content(upload, content_types=IMAGES, max_bytes=max_bytes, field=field)


def store_upload(upload, *, kind: str, owner, field: str) -> PrivateFile:
    """Check an upload against its kind's rules and store it privately under a random name."""
    rules = UPLOAD_KINDS[kind]
    content_type = check_content(upload, content_types=rules.content_types, max_bytes=rules.max_bytes, field=field)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    private = PrivateFile(kind=kind, original_name=_safe_name(upload.name), content_type=content_type,
                          size=upload.size, sha256=digest.hexdigest(), owner=owner)
    # Written before the row: if the caller's transaction rolls back, the bytes stay behind under a random
    # name no row points to, so nothing can ever serve them.
    private.file.save("upload", upload, save=False)
    private.save()
    return private


def replace_file(old: PrivateFile | None) -> None:
    """Delete a file that a new upload replaced (its bytes once the transaction commits)."""
    if old is None:
        return
    name, storage = old.file.name, old.file.storage
    old.delete()
    transaction.on_commit(lambda: storage.delete(name))


def _safe_name(name: str) -> str:
    """The uploader's file name, kept only as a label: no path, no control characters, at most 120 chars."""
    base = (name or "file").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>')
    return cleaned[-120:] or "file"


def may_read(viewer, file: PrivateFile) -> bool:
    """Whether `viewer` may read `file`, by its kind's rule (unknown kinds: nobody)."""
    kind = UPLOAD_KINDS.get(file.kind)
    return bool(kind and kind.may_read(viewer, file))


def record_read(viewer, file: PrivateFile) -> None:
    """Run the kind's read hook (e.g. log a cross-border view of personal data)."""
    kind = UPLOAD_KINDS.get(file.kind)
    if kind and kind.on_read:
        kind.on_read(viewer, file)


def purge_orphans(*, older_than_seconds: int = 3600) -> list[str]:
    """Delete private files on disk that no PrivateFile row points to (left by a rolled-back upload).

    Only files older than `older_than_seconds`, so an upload whose transaction is still open is never touched.
    Returns the deleted names.
    """
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    if not root.exists():
        return []
    known = set(PrivateFile.objects.values_list("file", flat=True))
    cutoff = time.time() - older_than_seconds
    deleted = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if name not in known and path.stat().st_mtime < cutoff:
            path.unlink()
            deleted.append(name)
    return deleted
