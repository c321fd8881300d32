"""Views of accounts: settings, consent, API tokens, and the language switch."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zonebridge.accounts import services
from zonebridge.accounts.forms import AccountSettingsForm, ApiTokenForm, PersonProfileForm
from zonebridge.accounts.models import ConsentPurpose, PersonProfile
from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.policy.accounts import has_active_consent


def _remember_language(response, language: str):
    """Keep the chosen interface language in a cookie, for visitors and for unprefixed addresses."""
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                        samesite="Lax")
    return response


def page_in_language(url: str, language: str) -> str:
    """The same page (query string and fragment kept) under `language`'s URL prefix.

    The URL is resolved in the language its own prefix names: this request's active language comes from the
    cookie or the account (its path has no prefix), and resolving /en/... while 简体 is active fails, which
    used to send the reader back to the English page.
    """
    parts = urlsplit(url)
    current = translation.get_language_from_path(parts.path)
    if current is None:
        return url  # no prefix: LocaleMiddleware sends it on in the new language (the cookie set here)
    with translation.override(current):
        translated = translate_url(url, language)
    if urlsplit(translated).path != parts.path or current == language:
        return translated
    # A page the URL configuration cannot resolve (say, a 404): swap the prefix itself.
    rest = parts.path[len(current) + 1:]
    return urlunsplit(parts._replace(path=f"/{language}{rest}"))


@require_POST
def switch_language(request):
    """Switch the interface language, remember it (cookie, and the account when signed in), stay on the page."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(_("Unknown language."))
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure()):
        next_url = page_in_language(next_url, language)
    else:
        with translation.override(language):
            next_url = reverse("directory:home")
    response = _remember_language(HttpResponseRedirect(next_url), language)
    if request.user.is_authenticated:
        services.set_preferred_language(request.user, language, acting_user=request.user)
    return response


@login_required
def account_settings(request):
    """The signed-in user's name, language, directory profile and consent."""
    profile, _created = PersonProfile.objects.get_or_create(user=request.user)
    account_form = AccountSettingsForm(request.POST or None, instance=request.user, prefix="account")
    profile_form = PersonProfileForm(request.POST or None, request.FILES or None, instance=profile, prefix="profile")
    if request.method == "POST" and account_form.is_valid() and profile_form.is_valid():
        try:
            services.update_account_settings(
                request.user, acting_user=request.user,
                account={name: account_form.cleaned_data[name] for name in services.ACCOUNT_FIELDS},
                profile={name: profile_form.cleaned_data[name] for name in services.PROFILE_FIELDS},
                cv=profile_form.cleaned_data.get("cv"), remove_cv=profile_form.cleaned_data["remove_cv"])
        except DomainError as error:
            # The account fields were validated by their form; what the service refuses is about the profile.
            add_to_form(profile_form, error)
        else:
            messages.success(request, _("Your settings were saved."))
            language = request.user.preferred_language
            return _remember_language(redirect(translate_url(request.path, language)), language)
    return render(request, "accounts/settings.html", {
        "account_form": account_form,
        "profile_form": profile_form,
        "consent_active": has_active_consent(request.user),
        "consent_text": ConsentPurpose.CROSS_BORDER_PROVISION.label,
        "cv": profile.cv,
    })


@login_required
@require_POST
def change_consent(request):
    """Grant or revoke the cross-border consent."""
    if request.POST.get("action") == "grant":
        services.grant_consent(request.user, acting_user=request.user)
        messages.success(request, _("Your consent was recorded. You can revoke it at any time."))
    else:
        services.revoke_consent(request.user, acting_user=request.user)
        messages.success(request, _(
            "Your consent was revoked. Partners in the other zone no longer see your personal data."))
    return redirect("accounts:settings")


@login_required
def api_tokens(request):
    """List, create and revoke the user's API tokens."""
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.issue_api_token(request.user, form.cleaned_data["name"], acting_user=request.user)
        form = ApiTokenForm()
    return render(request, "accounts/api_tokens.html", {
        "form": form, "new_key": new_key, "tokens": request.user.api_tokens.order_by("-created_at"),
    })


@login_required
@require_POST
def revoke_api_token(request, token_id: int):
    """Revoke one of the user's API tokens."""
    if services.revoke_api_token(request.user, token_id, acting_user=request.user):
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:api_tokens")
