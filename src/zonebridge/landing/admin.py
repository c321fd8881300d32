"""Admin of soft landing: the catalogue is edited through the same service as the operators' pages; requests,
calls and applications are records of other people's acts, read-only here (they move through their workflows)."""

from django.contrib import admin

from zonebridge.landing.models import CannedReply, ScenarioApplication, ScenarioCall, Service, ServiceRequest
from zonebridge.landing.services.catalogue import SERVICE_PLAIN_FIELDS, save_service
from zonebridge.landing.services.replies import delete_canned_reply, save_canned_reply
from zonebridge.policy import landing as policy


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name_en", "zone", "category", "provider", "sla_days", "first_response_days",
                    "capacity_per_month", "is_active"]
    list_filter = ["zone", "category", "is_active"]
    search_fields = ["slug", "name_en", "name_zh_hans", "name_zh_hant"]
    autocomplete_fields = ["provider"]
    prepopulated_fields = {"slug": ["name_en"]}

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or policy.may_manage_service(request.user, obj.zone))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["first_response_days"].required = False  # empty: the service keeps its target
        return form

    def save_model(self, request, obj, form, change):
        # The same use case as everywhere: 简↔繁 conversion, the capacity rule, the audit entry.
        texts = {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}
        fields = {name: form.cleaned_data[name] for name in SERVICE_PLAIN_FIELDS if name in form.cleaned_data}
        saved = save_service(obj, acting_user=request.user, texts=texts, fields=fields)
        obj.pk = saved.pk


@admin.register(CannedReply)
class CannedReplyAdmin(admin.ModelAdmin):
    list_display = ["title_en", "zone", "updated_at"]
    list_filter = ["zone"]
    search_fields = ["title_en", "title_zh_hans", "title_zh_hant", "body_en"]
    exclude = ["hand_written_fields", "created_by"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or policy.may_manage_canned_replies(request.user, obj.zone))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or policy.may_manage_canned_replies(request.user, obj.zone))

    def save_model(self, request, obj, form, change):
        # The same use case as the operators' page: 简↔繁 conversion and the audit entry.
        texts = {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}
        saved = save_canned_reply(obj, acting_user=request.user, texts=texts,
                                  chinese_source=form.cleaned_data.get("chinese_source"))
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        delete_canned_reply(obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for reply in queryset.select_related("zone"):
            delete_canned_reply(reply, acting_user=request.user)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewable, never added, changed or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(ReadOnlyAdmin):
    list_display = ["reference", "service", "organisation", "state", "due_on", "assignee", "rating"]
    list_filter = ["state", "service__zone", "service__category"]
    search_fields = ["organisation__name_en", "details"]


@admin.register(ScenarioCall)
class ScenarioCallAdmin(ReadOnlyAdmin):
    list_display = ["title_en", "owner", "deadline", "state"]
    list_filter = ["state"]
    search_fields = ["title_en", "title_zh_hans", "title_zh_hant"]


@admin.register(ScenarioApplication)
class ScenarioApplicationAdmin(ReadOnlyAdmin):
    list_display = ["applicant", "call", "state", "outcome"]
    list_filter = ["state", "outcome"]
