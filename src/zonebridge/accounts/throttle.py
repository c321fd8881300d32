"""Throttling of guessable secrets with django-axes: passwords, password-reset requests and API tokens.

Every failure counts against the account it names and against the client's address; once either has
`AXES_FAILURE_LIMIT` failures within `AXES_COOLOFF_TIME`, it is locked until the cool-off has passed since its
last failure. A locked-out user is told, in their language, when to try again (429 with Retry-After).

- sign-in: `ThrottledSignInBackend` (first authentication backend) and axes' middleware;
- password-reset requests: `ThrottledPasswordResetView` counts each request, per e-mail address and address;
- API tokens: `zonebridge.api_auth.ApiKeyAuth` counts each bad token against the address (a token names
  no account).
"""

import math
from datetime import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.views import PasswordResetView
from django.db.models import Max, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import ngettext

from zonebridge.core.errors import error_body, problem

# Password-reset requests are counted under this prefix, so that they never lock the account's sign-in.
RESET_KEY_PREFIX = "password-reset:"
USERNAME_MAX_LENGTH = 255  # axes' AccessAttempt.username


class TooManyAttempts(Exception):
    """The account or the address is locked out; `message` says when to try again."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class ThrottledSignInBackend(AxesStandaloneBackend):
    """Refuse a sign-in while its account or address is locked out (it never signs anyone in by itself)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        """Raise axes' PermissionDenied when locked out; calls without a request are not over HTTP, so not throttled.

        Without a request (the test client's `login()`, a shell) there is no address to count against, and
        axes would otherwise refuse every such call.
        """
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The client's address: the proxy's X-Forwarded-For (last hop) behind a TLS proxy, else REMOTE_ADDR."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_username(request, credentials) -> str | None:
    """The account a failure counts against, case-folded (None for an API token, which names no account)."""
    if credentials is not None:
        value = credentials.get("username")
    else:
        value = getattr(request, "POST", {}).get("username")
    value = (value or "").strip().lower()
    return value[:USERNAME_MAX_LENGTH] or None


def lockout_parameters(request_or_attempt, credentials) -> list[str]:
    """Count per account and per address; per address only when no account is named.

    Without this, every failure that names no account (bad API tokens) would be summed under one empty
    username and lock everyone out together.
    """
    if isinstance(request_or_attempt, AccessAttempt):
        username = request_or_attempt.username
    else:
        username = client_username(request_or_attempt, credentials)
    return ["username", "ip_address"] if username else ["ip_address"]


def locked_until(request, credentials) -> datetime:
    """When the lock-out of this account or address ends: the cool-off after its last counted failure."""
    cool_off = get_cool_off(request)
    now = timezone.now()
    username = client_username(request, credentials)
    matching = Q(ip_address=client_ip(request))
    if username:
        matching |= Q(username=username)
    last = AccessAttempt.objects.filter(matching, attempt_time__gte=now - cool_off).aggregate(
        last=Max("attempt_time"))["last"]
    return (last or now) + cool_off


def retry_message(request, credentials) -> tuple[str, int]:
    """The message that tells a locked-out user when to try again, and the seconds until then."""
    until = locked_until(request, credentials)
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    minutes = math.ceil(seconds / 60)
    message = ngettext(
        "Too many failed attempts. For your security, please try again in %(minutes)d minute (after %(time)s).",
        "Too many failed attempts. For your security, please try again in %(minutes)d minutes (after %(time)s).",
        minutes,
    ) % {"minutes": minutes, "time": formats.time_format(timezone.localtime(until))}
    return message, seconds


def lockout_response(request, original_response=None, credentials=None):
    """axes' lock-out answer: 429 with the retry message, in the one API error body under /api/."""
    message, seconds = retry_message(request, credentials)
    if request.path.startswith("/api/"):
        response = JsonResponse(error_body([problem(message, code="throttled")]), status=429)
    else:
        response = render(request, "accounts/locked_out.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def check_and_count(request, credentials) -> None:
    """Raise TooManyAttempts when locked out; otherwise count this attempt (it may lock the next one)."""
    if AxesProxyHandler.is_locked(request, credentials):
        message, seconds = retry_message(request, credentials)
        raise TooManyAttempts(message, seconds)
    AxesProxyHandler.user_login_failed(sender=check_and_count, credentials=credentials, request=request)
    # This attempt was still allowed: answer it normally, not with axes' lock-out page.
    request.axes_locked_out = False


def count_failure(request, credentials) -> None:
    """Count a failed attempt (a bad API token) without answering it with the lock-out response."""
    AxesProxyHandler.user_login_failed(sender=count_failure, credentials=credentials, request=request)
    request.axes_locked_out = False


def is_locked(request, credentials) -> bool:
    """Whether the account named in `credentials` or the request's address is locked out."""
    return AxesProxyHandler.is_locked(request, credentials)


class ThrottledPasswordResetView(PasswordResetView):
    """Password reset whose requests are counted per e-mail address and per client address (no mail bombing)."""

    def form_valid(self, form):
        """Send the reset e-mail unless this e-mail address or client address asked too often."""
        credentials = {"username": RESET_KEY_PREFIX + form.cleaned_data["email"].strip().lower()}
        try:
            check_and_count(self.request, credentials)
        except TooManyAttempts as refused:
            response = render(self.request, "accounts/locked_out.html", {"message": refused.message}, status=429)
            response["Retry-After"] = str(refused.retry_after)
            return response
        return super().form_valid(form)
