from django.contrib import admin

from zonebridge.directory.models import Organisation, PersonProfile, Sector, Zone
from zonebridge.directory.services import refresh_search_document


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_zh_hans", "region", "time_zone"]
    filter_horizontal = ["operators"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_zh_hans", "name_zh_hant", "parent"]
    search_fields = ["slug", "name_en", "name_zh_hans", "name_zh_hant"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
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
