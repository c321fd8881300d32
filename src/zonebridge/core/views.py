"""Pages of core: notifications (the bell), a job's progress, and private files served through policy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.core import files, jobs, notifications
from zonebridge.core.models import Job, Notification, PrivateFile
from zonebridge.policy import core as policy


@login_required
def notification_list(request):
    """The signed-in user's notifications, newest first, each in the reader's language."""
    page = Paginator(Notification.objects.filter(recipient=request.user), 30).get_page(request.GET.get("page"))
    rows = [(notification, *notifications.render(notification)) for notification in page]
    return render(request, "core/notification_list.html", {"page": page, "rows": rows})


@login_required
@require_POST
def notification_open(request, notification_id: int):
    """Mark one notification read and go to what it is about."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    notifications.mark_read(request.user, acting_user=request.user, ids=[notification.pk])
    safe = url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
    return redirect(notification.url if notification.url and safe else "core:notification_list")


@login_required
@require_POST
def notifications_mark_all_read(request):
    """Mark every notification of the user read."""
    notifications.mark_read(request.user, acting_user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("core:notification_list")


@login_required
def notification_settings(request):
    """Per kind of notification: e-mail on or off."""
    kinds = sorted(notifications.KINDS.values(), key=lambda kind: kind.key)
    if request.method == "POST":
        chosen = set(request.POST.getlist("email"))
        notifications.set_email_preferences(request.user, {kind.key: kind.key in chosen for kind in kinds},
                                            acting_user=request.user)
        messages.success(request, _("Your notification settings were saved."))
        return redirect("core:notification_settings")
    rows = [(kind, notifications.wants_email(request.user, kind.key)) for kind in kinds]
    return render(request, "core/notification_settings.html", {"rows": rows})


def _visible_job(request, job_id) -> Job:
    job = get_object_or_404(Job, pk=job_id)
    if not policy.may_view_job(request.user, job):
        raise Http404  # not 403: a job's existence is not everybody's business
    return job


@login_required
def job_detail(request, job_id):
    """A job's page: its progress bar while it runs, then its result or its error."""
    job = _visible_job(request, job_id)
    kind = jobs.JOB_KINDS.get(job.kind)
    return render(request, "core/job_detail.html", {"job": job, "job_label": kind.label if kind else job.kind})


@login_required
def job_progress(request, job_id):
    """The progress part of a job's page (htmx polls it until the job has finished)."""
    return render(request, "core/_job_progress.html", {"job": _visible_job(request, job_id)})


def private_file(request, file_id):
    """Serve a private file when policy allows: always as a download, sandboxed, never cached by others."""
    file = get_object_or_404(PrivateFile, pk=file_id)
    if not policy.may_read_file(request.user, file):
        raise Http404
    files.record_read(request.user, file)
    response = FileResponse(file.file.open("rb"), as_attachment=True, filename=file.original_name,
                            content_type=file.content_type)
    # Even if a browser were talked into rendering it, the file runs no script and reaches no page of ours.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
