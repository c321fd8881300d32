from django.contrib import admin
from django.db import models

from zonebridge.directory.models import Organisation, PersonProfile, Sector, Zone
from zonebridge.directory.services import refresh_search_document

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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Sectors are saved after the object; the search tokens include their names.
        refresh_search_document(form.instance)


@admin.register(PersonProfile)
class PersonProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline", "is_listed"]
    search_fields = ["user__username", "headline"]
