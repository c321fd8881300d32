"""Admin of bulletins: edits go through the same service as the editor page (conversion, audience, audit)."""

from django.contrib import admin

from zonebridge.bulletins.models import Bulletin
from zonebridge.bulletins.services import PLAIN_FIELDS, save_bulletin
from zonebridge.policy import bulletins as policy


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    list_display = ["title_en", "zone", "topic", "status", "publish_at", "expires_at", "pinned"]
    list_filter = ["zone", "topic", "status", "pinned"]
    search_fields = ["title_en", "title_zh_hans", "title_zh_hant"]
    filter_horizontal = ["target_zones", "target_sectors"]
    exclude = ["author", "hand_written_fields", "updated_at", "created_at"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or policy.may_edit(request.user, obj))

    def save_model(self, request, obj, form, change):
        texts = {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}
        fields = {name: form.cleaned_data[name] for name in (*PLAIN_FIELDS, "status") if name in form.cleaned_data}
        data = form.cleaned_data
        saved = save_bulletin(
            obj, acting_user=request.user, texts=texts, fields=fields, target_zones=data.get("target_zones"),
            target_sectors=data.get("target_sectors"),
            target_roles=[c for c in (data.get("target_roles") or "").split("|") if c],
            target_kinds=[c for c in (data.get("target_kinds") or "").split("|") if c])
        obj.pk = saved.pk

    def save_related(self, request, form, formsets, change):
        # The service has saved the audience; only inlines remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
