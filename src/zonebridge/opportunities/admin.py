from django.contrib import admin

from zonebridge.opportunities import services
from zonebridge.opportunities.models import InterestExpression, Opportunity, SavedSearch


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "direction", "kind", "visibility", "valid_until", "withdrawn_at"]
    list_filter = ["direction", "kind", "visibility", "organisation__home_zone"]
    search_fields = ["title_en", "title_zh_hans", "title_zh_hant", "organisation__slug"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["sectors"]
    exclude = ["hand_written_fields", "created_by"]
    readonly_fields = ["withdrawn_at", "created_at"]

    def save_model(self, request, obj, form, change):
        # The same use cases as the pages: 简↔繁 conversion, validation, and the index and recommendations
        # refreshed by a task after commit.
        texts = {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}
        fields = {name: form.cleaned_data[name] for name in (*services.PLAIN_FIELDS, "language", "chinese_source")
                  if name in form.cleaned_data}
        if change:
            saved = services.update_opportunity(obj, acting_user=request.user, texts=texts, fields=fields)
        else:
            saved = services.create_opportunity(acting_user=request.user, organisation=obj.organisation,
                                                kind=obj.kind, texts=texts, language=obj.language, **fields)
        obj.pk = saved.pk

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.schedule_refresh(form.instance.pk)


@admin.register(InterestExpression)
class InterestExpressionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "outcome", "introduction_route", "created_at"]
    list_filter = ["state", "outcome", "introduction_route"]
    readonly_fields = [f.name for f in InterestExpression._meta.fields]

    def has_add_permission(self, request):
        # Interests are sent by organisations through the pages and answered through the workflow.
        return False


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "is_active", "last_sent_at"]
    readonly_fields = ["user", "q", "kind", "sector", "zone", "created_at", "last_sent_at"]

    def has_add_permission(self, request):
        return False
