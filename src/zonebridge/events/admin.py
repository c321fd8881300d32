"""Admin of events: every change goes through the same services as the pages (slots, workflows, audit)."""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _

from zonebridge.core.errors import DomainError
from zonebridge.events.models import Event, Meeting, MeetingRequest, Registration, ScheduleRun
from zonebridge.events.services import registrations, setup
from zonebridge.policy import events as policy

# Addresses typed without a scheme are https, as on the event form.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["slug", "title_en", "kind", "zone", "starts_on", "state"]
    list_filter = ["zone", "kind", "state"]
    search_fields = ["slug", "title_en", "title_zh_hans", "title_zh_hant"]
    readonly_fields = ["state", "schedule_published_at", "schedule_version"]
    exclude = ["hand_written_fields"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or policy.may_manage_event(
            request.user, obj))

    def save_model(self, request, obj, form, change):
        # The same use cases as the event pages: 简↔繁 conversion, slots laid out again, audit.
        texts = {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}
        fields = {name: form.cleaned_data[name] for name in setup.EVENT_PLAIN_FIELDS if name in form.cleaned_data}
        if change:
            setup.update_event(Event.objects.get(pk=obj.pk), acting_user=request.user, texts=texts, fields=fields)
        else:
            created = setup.create_event(acting_user=request.user, zone=obj.zone, slug=obj.slug, texts=texts,
                                         fields=fields)
            obj.pk = created.pk


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "event", "category", "state"]
    list_filter = ["event", "state", "category"]
    search_fields = ["user__username", "user__display_name", "organisation__name_en"]
    readonly_fields = [field.name for field in Registration._meta.fields] + ["unavailable"]
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Approve the selected registrations"))
    def approve(self, request, queryset):
        self._answer(request, queryset, registrations.approve_registration)

    @admin.action(description=_("Decline the selected registrations"))
    def decline(self, request, queryset):
        self._answer(request, queryset, registrations.decline_registration)

    def _answer(self, request, queryset, service):
        for registration in queryset:
            try:
                service(registration, acting_user=request.user)
            except DomainError as error:
                self.message_user(request, f"{registration}: {error.message}", messages.ERROR)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Changed only through the pages and the API (their services check conflicts and notify people)."""

    formfield_overrides = URL_FIELDS_ASSUME_HTTPS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MeetingRequest)
class MeetingRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "event", "requester", "recipient", "state", "expires_at"]
    list_filter = ["event", "state"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["pk", "event", "state", "slot", "table"]
    list_filter = ["event", "state"]


@admin.register(ScheduleRun)
class ScheduleRunAdmin(ReadOnlyAdmin):
    list_display = ["event", "mode", "created_at", "scheduled", "requested", "weight", "upper_bound", "optimal"]
