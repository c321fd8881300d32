"""Admin of programmes: programmes, rounds and positions are written through the same services as the pages;
candidacies, reviews, runs, offers and the cohort are records of people's acts, read-only here."""

from django.contrib import admin, messages

from zonebridge.core.errors import DomainError
from zonebridge.programmes import services
from zonebridge.programmes.models import (
    Application,
    CheckIn,
    Criterion,
    Feedback,
    Nomination,
    Offer,
    Participant,
    PlacementRun,
    Position,
    Programme,
    Round,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never added, changed or deleted in the admin: these change only through their use cases."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _texts(obj, form) -> dict:
    return {name: form.cleaned_data.get(name, "") for name in obj.text_field_names()}


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title_en", "home_zone", "host_zone", "starts_on", "ends_on"]
    search_fields = ["slug", "title_en", "title_zh_hans", "title_zh_hant"]
    exclude = ["hand_written_fields", "created_by"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in services.rounds.PROGRAMME_PLAIN_FIELDS
                  if name in form.cleaned_data}
        if change:
            services.update_programme(obj, acting_user=request.user, texts=_texts(obj, form), fields=fields)
        else:
            created = services.create_programme(acting_user=request.user, texts=_texts(obj, form), fields=fields)
            obj.pk = created.pk


def _transition_action(name: str, label):
    def action(modeladmin, request, queryset):
        for round_ in queryset:
            try:
                services.transition_round(round_, name, acting_user=request.user)
            except DomainError as error:
                modeladmin.message_user(request, f"{round_}: {error.message}", messages.ERROR)
    action.__name__ = f"transition_{name}"
    return admin.action(description=label, permissions=["change"])(action)


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["programme", "number", "state", "applications_close_at", "offer_deadline"]
    list_filter = ["state"]
    fields = ["programme", "applications_close_at", "offer_deadline", "default_quota", "state", "number"]
    readonly_fields = ["state", "number"]
    actions = [_transition_action(t.name, t.label) for t in services.ROUND_FLOW.transitions
               if t.name in services.BUTTON_TRANSITIONS]

    def get_readonly_fields(self, request, obj=None):
        # Once created, a round changes through its workflow (the actions above), not by editing its fields.
        return self.fields if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.create_round(
            form.cleaned_data["programme"], acting_user=request.user,
            applications_close_at=form.cleaned_data["applications_close_at"],
            offer_deadline=form.cleaned_data["offer_deadline"], default_quota=form.cleaned_data["default_quota"])
        obj.pk = created.pk

    def save_related(self, request, form, formsets, change):
        pass


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title_en", "host", "round", "capacity", "work_mode"]
    search_fields = ["title_en", "title_zh_hans", "title_zh_hant"]
    autocomplete_fields = ["host"]
    exclude = ["hand_written_fields", "carried_from"]
    filter_horizontal = ["universities"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in services.rounds.POSITION_PLAIN_FIELDS
                  if name in form.cleaned_data}
        services.save_position(obj, acting_user=request.user, texts=_texts(obj, form), fields=fields,
                               universities=form.cleaned_data.get("universities"))

    def save_related(self, request, form, formsets, change):
        pass


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["student", "round", "university", "source", "state", "score"]
    list_filter = ["state", "source"]


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ["student", "round", "university", "nominated_by", "state"]


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    list_display = ["label_en", "round", "weight", "max_score"]


@admin.register(PlacementRun)
class PlacementRunAdmin(ReadOnlyAdmin):
    list_display = ["round", "stable", "engine_seconds", "created_at"]
    exclude = ["inputs", "assignment", "explanations"]


@admin.register(Offer)
class OfferAdmin(ReadOnlyAdmin):
    list_display = ["application", "position", "state", "deadline", "responded_at"]
    list_filter = ["state"]


@admin.register(Participant)
class ParticipantAdmin(ReadOnlyAdmin):
    list_display = ["student", "programme", "position", "mentor", "state"]


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ["participant", "author", "at"]


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    list_display = ["participant", "rating", "would_recommend", "submitted_at"]

