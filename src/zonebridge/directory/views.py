"""Views of the directory: home, organisation list and search, profiles, profile editing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zonebridge.accounts.models import User
from zonebridge.accounts.services import PersonalDataDenied, read_personal_data
from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.directory import queries, services
from zonebridge.directory.forms import OrganisationFilterForm, OrganisationProfileForm
from zonebridge.directory.models import Organisation, Zone
from zonebridge.policy import directory as policy

PAGE_SIZE = 20


def home(request):
    """The front page: the zones of the partnership and a search box."""
    zones = Zone.objects.annotate(organisation_count=Count("organisations")).order_by("slug")
    return render(request, "directory/home.html", {"zones": zones, "filter_form": OrganisationFilterForm()})


def organisation_list(request):
    """Browse and search organisations; htmx requests get only the results."""
    form = OrganisationFilterForm(request.GET or None)
    organisations = queries.filtered_organisations(form)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    template = "directory/_organisation_results.html" if request.htmx else "directory/organisation_list.html"
    return render(request, template, context)


def organisation_detail(request, slug: str):
    """An organisation's public profile."""
    organisation = get_object_or_404(
        Organisation.objects.select_related("home_zone").prefetch_related("sectors"), slug=slug
    )
    members = (organisation.memberships.select_related("user__profile")
               .filter(user__is_active=True, user__profile__is_listed=True).order_by("role", "user__display_name"))
    return render(request, "directory/organisation_detail.html", {
        "organisation": organisation,
        "members": members,
        "may_edit": policy.may_edit_organisation(request.user, organisation),
    })


@login_required
def organisation_edit(request, slug: str):
    """Edit an organisation's trilingual profile (organisation admins and zone operators)."""
    organisation = get_object_or_404(Organisation.objects.select_related("home_zone"), slug=slug)
    if not policy.may_edit_organisation(request.user, organisation):
        raise PermissionDenied
    form = OrganisationProfileForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation_profile(
                organisation, acting_user=request.user, texts=form.texts(),
                fields={name: form.cleaned_data[name] for name in services.PROFILE_PLAIN_FIELDS},
                sectors=form.cleaned_data["sectors"], logo=request.FILES.get("logo"),
            )
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("directory:organisation_detail", slug=organisation.slug)
    hand_written_labels = [form.fields[name].label for name in organisation.hand_written_fields if name in form.fields]
    return render(request, "directory/organisation_edit.html", {
        "organisation": organisation, "form": form, "hand_written_labels": hand_written_labels,
    })


def person_detail(request, username: str):
    """A person's public profile, with personal data when the policy allows (cross-border views logged)."""
    person = get_object_or_404(User.objects.select_related("profile", "home_zone"), username=username,
                               is_active=True, profile__is_listed=True)
    try:
        personal = read_personal_data(request.user, person) if request.user.is_authenticated else None
    except PersonalDataDenied:
        personal = None
    memberships = person.memberships.select_related("organisation")
    return render(request, "directory/person_detail.html", {
        "person": person, "personal": personal, "memberships": memberships,
    })
