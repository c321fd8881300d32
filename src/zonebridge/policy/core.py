"""Who may follow a job and read a private file."""

from zonebridge.core import files
from zonebridge.core.models import Job, PrivateFile


def signed_in(user) -> bool:
    """True for an active, signed-in user."""
    return bool(user and user.is_authenticated and user.is_active)


def may_view_job(user, job: Job) -> bool:
    """The person who started a job follows it; superusers follow every job."""
    return signed_in(user) and (user.is_superuser or job.created_by_id == user.pk)


def may_read_file(user, file: PrivateFile) -> bool:
    """A private file is read only as the rule of its kind allows (declared by the app that owns the kind)."""
    return signed_in(user) and files.may_read(user, file)
