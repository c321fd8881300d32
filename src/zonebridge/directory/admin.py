from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from zonebridge.core.jobs import start_job
from zonebridge.directory import services
from zonebridge.directory.jobs import REBUILD_SEARCH_INDEX
from zonebridge.directory.models import Organisation, Sector, Zone
from zonebridge.policy import directory as policy

# Websites typed without a scheme are https, as on the profile form.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["slug", "name_en", "name_zh_hans", "region", "time_zone"]
    filter_horizontal = ["operators"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_zh_hans", "name_zh_hant", "parent"]
    search_fields = ["slug", "name_en", "name_zh_hans", "name_zh_hant"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["name_en", "name_zh_hans", "kind", "stage", "home_zone"]
    list_filter = ["home_zone", "kind", "stage", "size"]
    search_fields = ["slug", "name_en", "name_zh_hans", "name_zh_hant"]
    filter_horizontal = ["sectors"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["created_at", "hand_written_fields"]

    actions = ["rebuild_search_index"]

    @admin.action(description=_("Rebuild the search index of every organisation"), permissions=["change"])
    def rebuild_search_index(self, request, queryset):
        job = start_job(REBUILD_SEARCH_INDEX, acting_user=request.user, exclusive_key=REBUILD_SEARCH_INDEX)
        return redirect("core:job_detail", job_id=job.pk)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or policy.may_edit_organisation(request.user, obj))

    def save_model(self, request, obj, form, change):
        # An admin edit is the same use case as the profile page: 简↔繁 conversion, overrides, search tokens.
        texts = {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}
        if not change:
            services.save_new_organisation(obj, acting_user=request.user, texts=texts,
                                           sectors=form.cleaned_data.get("sectors", ()))
            return
        fields = {name: form.cleaned_data[name] for name in services.PROFILE_PLAIN_FIELDS if name in form.cleaned_data}
        services.update_organisation_profile(
            obj, acting_user=request.user, texts=texts, fields=fields, sectors=form.cleaned_data.get("sectors"),
            logo=form.cleaned_data["logo"] if "logo" in form.changed_data else None)

    def save_related(self, request, form, formsets, change):
        # The service has saved the sectors and the search tokens; only inlines remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
