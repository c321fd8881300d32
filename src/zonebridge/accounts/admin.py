from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from zonebridge.accounts import services
from zonebridge.accounts.models import ApiToken, Consent, Membership, PersonalDataAccess, PersonProfile, User
from zonebridge.core.admin import ReadOnlyAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ["organisation"]
    extra = 0


def save_memberships(request, formset) -> None:
    """Save role changes made in the admin through the services, so each is audited and notified."""
    for form in formset.forms:
        if not form.has_changed() and not (formset.can_delete and formset._should_delete_form(form)):
            continue
        membership = form.instance
        if formset.can_delete and formset._should_delete_form(form):
            if membership.pk:
                services.remove_membership(membership, acting_user=request.user)
            continue
        if membership.pk:
            services.remove_membership(Membership.objects.get(pk=membership.pk), acting_user=request.user)
        data = form.cleaned_data
        services.add_membership(data.get("user") or formset.instance, data["organisation"], data["role"],
                                acting_user=request.user)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("ZoneBridge"), {"fields": ("display_name", "preferred_language", "home_zone")}),
    )
    list_display = ["username", "email", "display_name", "home_zone", "is_staff"]
    list_filter = ["home_zone", "is_staff", "is_superuser", "is_active"]
    search_fields = ["username", "email", "display_name"]
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is Membership:
            save_memberships(request, formset)
        else:
            super().save_formset(request, form, formset, change)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "organisation__name_en"]
    autocomplete_fields = ["user", "organisation"]

    def save_model(self, request, obj, form, change):
        if change:
            services.remove_membership(Membership.objects.get(pk=obj.pk), acting_user=request.user)
        saved = services.add_membership(obj.user, obj.organisation, obj.role, acting_user=request.user)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.remove_membership(obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("user", "organisation"):
            services.remove_membership(membership, acting_user=request.user)


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    # Consent is the person's own act (accounts.services): the admin shows the record and changes nothing.
    list_display = ["user", "purpose", "granted_at", "revoked_at"]
    list_filter = ["purpose"]
    search_fields = ["user__username"]
    autocomplete_fields = ["user"]


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyAdmin):
    # The access log is evidence: operators read it, nobody adds, edits or deletes it.
    list_display = ["accessed_at", "viewer", "person", "viewer_zone", "person_zone", "purpose", "channel"]
    list_filter = ["purpose", "channel", "viewer_zone"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
    search_fields = ["user__username", "name"]


@admin.register(PersonProfile)
class PersonProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline", "is_listed"]
    search_fields = ["user__username", "headline"]
    raw_id_fields = ["cv"]
    readonly_fields = ["cv"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Superusers may read personal data without the person's consent (to handle complaints and erasure);
        # every such view across a border is logged and audited like any other.
        profile = self.get_object(request, object_id)
        if profile is not None:
            services.log_personal_data_view(request.user, profile.user, channel="admin")
        return super().change_view(request, object_id, form_url, extra_context)
