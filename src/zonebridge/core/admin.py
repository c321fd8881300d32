"""Admin of core's records: the audit trail and jobs are read-only evidence; notifications are the users'."""

from django.contrib import admin

from zonebridge.core import chinese
from zonebridge.core.models import AuditEntry, ConversionPhrase, Job, Notification, PrivateFile


class ReadOnlyAdmin(admin.ModelAdmin):
    """Operators read these records; nobody adds, edits or deletes them here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor_label", "action", "target_type", "target_label", "request_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_label", "action", "target_label", "target_id", "request_id"]
    date_hierarchy = "at"


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "state", "progress", "created_by", "finished_at"]
    list_filter = ["kind", "state"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "recipient", "kind", "read_at", "emailed_at"]
    list_filter = ["kind"]
    search_fields = ["recipient__username"]


@admin.register(PrivateFile)
class PrivateFileAdmin(ReadOnlyAdmin):
    # Names and sizes only: the content is read through the files view, which asks policy and logs.
    list_display = ["created_at", "kind", "original_name", "content_type", "size", "owner"]
    list_filter = ["kind", "content_type"]
    exclude = ["file"]


@admin.register(ConversionPhrase)
class ConversionPhraseAdmin(admin.ModelAdmin):
    """Operators teach the 简↔繁 conversion a phrase it gets wrong; every later conversion uses it."""

    list_display = ["simplified", "traditional", "note", "created_at"]
    search_fields = ["simplified", "traditional", "note"]

    def save_model(self, request, obj, form, change):
        chinese.save_phrase(obj, acting_user=request.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        chinese.forget_phrases()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        chinese.forget_phrases()
