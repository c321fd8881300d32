from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from zonebridge.accounts.models import ApiToken, Consent, Membership, PersonalDataAccess, PersonProfile, User


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("ZoneBridge"), {"fields": ("display_name", "preferred_language", "home_zone")}),
    )
    list_display = ["username", "email", "display_name", "home_zone", "is_staff"]
    list_filter = ["home_zone", "is_staff", "is_superuser", "is_active"]
    search_fields = ["username", "email", "display_name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "organisation__name_en"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "granted_at", "revoked_at"]
    list_filter = ["purpose"]
    search_fields = ["user__username"]
    autocomplete_fields = ["user"]


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["accessed_at", "viewer", "person", "viewer_zone", "person_zone", "purpose", "channel"]
    list_filter = ["purpose", "channel", "viewer_zone"]

    # The access log is evidence: operators read it, nobody edits it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
    search_fields = ["user__username", "name"]


@admin.register(PersonProfile)
class PersonProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline", "is_listed"]
    search_fields = ["user__username", "headline"]
