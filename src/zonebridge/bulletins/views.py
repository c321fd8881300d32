"""Pages of bulletins: the reader's list and a post, subscriptions and unsubscribe, and the operators' editor."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zonebridge.bulletins import queries, services
from zonebridge.bulletins.forms import BulletinForm, SubscriptionForm, TopicFilterForm
from zonebridge.bulletins.models import Bulletin, Topic
from zonebridge.core.errors import DomainError, add_to_form
from zonebridge.policy import bulletins as policy

PAGE_SIZE = 20


def bulletin_list(request):
    """The bulletins aimed at the reader, by topic, with the feeds' autodiscovery links."""
    form = TopicFilterForm(request.GET or None)
    topic = form.cleaned_data.get("topic", "") if form.is_valid() else ""
    page = Paginator(queries.visible_bulletins(request.user, topic=topic), PAGE_SIZE).get_page(request.GET.get("page"))
    feed_key = services.reader_settings(request.user).feed_key if request.user.is_authenticated else None
    return render(request, "bulletins/list.html", {
        "form": form, "page": page, "topics": Topic.choices, "feed_key": feed_key,
        "may_author": policy.authoring_zones(request.user).exists()})


def bulletin_detail(request, bulletin_id: int):
    """One bulletin, for the readers in its audience (and its zone's operators, in any state)."""
    bulletin = get_object_or_404(Bulletin.objects.select_related("zone"), pk=bulletin_id)
    if not policy.may_view(request.user, bulletin):
        raise Http404  # a post aimed at others is not there for this reader
    return render(request, "bulletins/detail.html", {
        "bulletin": bulletin, "may_edit": policy.may_edit(request.user, bulletin), "is_live": bulletin.is_live()})


def _editor(request, bulletin: Bulletin | None):
    zones = policy.authoring_zones(request.user)
    if not zones.exists() or (bulletin is not None and not policy.may_edit(request.user, bulletin)):
        raise PermissionDenied
    # Times are typed and shown in the author's zone.
    zone = bulletin.zone if bulletin else (request.user.home_zone if request.user.home_zone in zones else zones[0])
    timezone.activate(ZoneInfo(zone.time_zone))
    form = BulletinForm(request.POST or None, instance=bulletin, zones=zones)
    if request.method == "POST" and form.is_valid():
        target = bulletin or Bulletin(zone=form.cleaned_data["zone"])
        try:
            saved = services.save_bulletin(
                target, acting_user=request.user, texts=form.texts(), fields=form.plain_fields(),
                target_zones=form.cleaned_data["target_zones"], target_sectors=form.cleaned_data["target_sectors"],
                target_roles=form.cleaned_data["target_roles"], target_kinds=form.cleaned_data["target_kinds"])
            if request.POST.get("publish"):
                saved = services.publish(saved, acting_user=request.user)
            elif request.POST.get("withdraw"):
                saved = services.withdraw(saved, acting_user=request.user)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The bulletin is published.") if saved.is_live() else _("Saved."))
            return redirect("bulletins:detail", bulletin_id=saved.pk)
    return render(request, "bulletins/form.html", {"form": form, "bulletin": bulletin, "zone": zone})


@login_required
def bulletin_create(request):
    """Write a new bulletin (zone operators)."""
    return _editor(request, None)


@login_required
def bulletin_edit(request, bulletin_id: int):
    """Edit, schedule, pin, publish or withdraw a bulletin (its zone's operators)."""
    return _editor(request, get_object_or_404(Bulletin.objects.select_related("zone"), pk=bulletin_id))


@login_required
def manage(request):
    """Every bulletin of the operator's zones: drafts, scheduled, live, expired, withdrawn."""
    if not policy.authoring_zones(request.user).exists():
        raise PermissionDenied
    page = Paginator(queries.managed_bulletins(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "bulletins/manage.html", {"page": page, "now": timezone.now()})


@login_required
def subscriptions(request):
    """Choose the topics of your digest and how often it comes; see your personal feed addresses."""
    current = list(request.user.bulletin_subscriptions.values_list("topic", flat=True))
    reader = services.reader_settings(request.user)
    form = SubscriptionForm(request.POST or None, initial={"topics": current, "frequency": reader.digest_frequency})
    if request.method == "POST":
        if request.POST.get("reset_feed"):
            services.reset_feed_key(request.user, acting_user=request.user)
            messages.success(request, _("Your feed addresses are new; the old ones no longer work."))
            return redirect("bulletins:subscriptions")
        if form.is_valid():
            try:
                services.set_digest_choices(request.user, topics=form.cleaned_data["topics"],
                                            frequency=form.cleaned_data["frequency"], acting_user=request.user)
            except DomainError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Your subscriptions are saved."))
                return redirect("bulletins:subscriptions")
    return render(request, "bulletins/subscriptions.html", {
        "form": form, "feed_key": reader.feed_key, "topics": Topic.choices})


def unsubscribe(request, token: str):
    """The digest's unsubscribe link: a page asks to confirm (mail scanners follow links), POST unsubscribes."""
    done = False
    error = None
    if request.method == "POST":
        try:
            services.unsubscribe(token)
            done = True
        except DomainError as refused:
            error = refused.message
    return render(request, "bulletins/unsubscribe.html", {"done": done, "error": error},
                  status=400 if error else 200)
