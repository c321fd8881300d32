"""Forms of events: the operator's event editor, registration and event profile, requests, hand moves,
meeting reports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zonebridge.core.forms import DateInput, DateTimeInput
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, field_names
from zonebridge.events.models import (
    Agreement,
    Category,
    Event,
    InterestLevel,
    MeetingReport,
    Outcome,
    Registration,
    RunMode,
    Slot,
)

EVENT_TEXT_FIELDS = field_names(Event.TRILINGUAL_FIELDS)
PROFILE_TEXT_FIELDS = field_names(Registration.TRILINGUAL_FIELDS)


class TextsMixin:
    """Forms with trilingual texts hand them to the service as one dict."""

    text_fields: list[str] = []

    def texts(self) -> dict[str, str]:
        """The trilingual texts as submitted."""
        return {name: self.cleaned_data.get(name) or "" for name in self.text_fields}


class EventForm(TextsMixin, forms.ModelForm):
    """An event's settings: kind, format, dates and time zone, meeting length, breaks, tables, rules."""

    text_fields = EVENT_TEXT_FIELDS
    video_base_url = forms.URLField(label=_("video meeting server"), required=False, max_length=200,
                                    assume_scheme="https")

    class Meta:
        model = Event
        fields = ["zone", "slug", "kind", "format", *EVENT_TEXT_FIELDS, "chinese_source", "video_base_url",
                  "time_zone", "starts_on", "ends_on", "day_starts_at", "day_ends_at", "meeting_minutes", "breaks",
                  "tables", "requires_approval", "meeting_cap", "request_expiry_hours", "requests_close_at"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "day_starts_at": forms.TimeInput(attrs={"type": "time"}),
            "day_ends_at": forms.TimeInput(attrs={"type": "time"}),
            "requests_close_at": DateTimeInput(),
            **{f"description_{s}": forms.Textarea(attrs={"rows": 4}) for s in LANGUAGE_SUFFIXES},
        }

    def __init__(self, *args, zones=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if zones is not None:
            self.fields["zone"].queryset = zones
        self.fields["zone"].label_from_instance = lambda zone: zone.name
        if editing:
            del self.fields["zone"]
            del self.fields["slug"]


class RegistrationForm(TextsMixin, forms.ModelForm):
    """Register as a person of one of your organisations, with what you offer and look for."""

    text_fields = PROFILE_TEXT_FIELDS
    organisation = forms.ModelChoiceField(label=_("organisation"), queryset=None)

    class Meta:
        model = Registration
        fields = ["organisation", "category", *PROFILE_TEXT_FIELDS]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].label_from_instance = lambda organisation: organisation.name
        if organisations is not None and len(organisations) == 1:
            # Most people belong to one organisation: nothing to choose.
            self.fields["organisation"].empty_label = None
            self.fields["organisation"].initial = organisations[0].pk


class ProfileForm(TextsMixin, forms.ModelForm):
    """A participant's event profile: category, texts, time zone and the times they cannot meet."""

    text_fields = PROFILE_TEXT_FIELDS

    class Meta:
        model = Registration
        fields = ["category", *PROFILE_TEXT_FIELDS, "chinese_source", "time_zone", "unavailable"]
        widgets = {"unavailable": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance.event
        self.fields["unavailable"].queryset = Slot.objects.filter(event=event).order_by("number")
        tz = self.instance.tzinfo
        self.fields["unavailable"].label_from_instance = lambda slot: slot.label(tz)


class InterestForm(forms.Form):
    level = forms.ChoiceField(label=_("interest"), required=False,
                              choices=[("", _("No preference"))] + list(InterestLevel.choices))


class RequestForm(forms.Form):
    """A meeting request: a note and, for a group, colleagues who join."""

    note = forms.CharField(label=_("note"), required=False, max_length=1_000, widget=forms.Textarea(attrs={"rows": 3}))
    colleagues = forms.ModelMultipleChoiceField(label=_("colleagues who join"), queryset=Registration.objects.none(),
                                                required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, colleagues=None, **kwargs):
        super().__init__(*args, **kwargs)
        if colleagues is not None:
            self.fields["colleagues"].queryset = colleagues
        self.fields["colleagues"].label_from_instance = lambda registration: str(registration.user)


class RunForm(forms.Form):
    mode = forms.ChoiceField(choices=RunMode.choices, initial=RunMode.ALL)


class MeetingEditForm(forms.Form):
    """An operator's hand adjustment: move (to a time and table), swap (with another meeting) or cancel."""

    action = forms.ChoiceField(choices=[("move", _("Move")), ("swap", _("Swap")), ("cancel", _("Cancel"))])
    slot = forms.ModelChoiceField(label=_("time"), queryset=Slot.objects.none(), required=False)
    table = forms.IntegerField(label=_("table"), required=False, min_value=1)
    other = forms.IntegerField(label=_("other meeting (number)"), required=False, min_value=1)

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        if event is not None:
            self.fields["slot"].queryset = Slot.objects.filter(event=event).order_by("number")
            self.fields["slot"].label_from_instance = lambda slot: slot.label(event.tzinfo)


class BookForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("time"), queryset=Slot.objects.none())

    def __init__(self, *args, slots=None, tz=None, **kwargs):
        super().__init__(*args, **kwargs)
        if slots is not None:
            self.fields["slot"].queryset = slots
        self.fields["slot"].label_from_instance = lambda slot: slot.label(tz)


class ReportForm(forms.ModelForm):
    """After the meeting: held or not, the outcome, a note."""

    held = forms.TypedChoiceField(label=_("Did the meeting take place?"), coerce=lambda value: value == "yes",
                                  choices=[("yes", _("Yes")), ("no", _("No, a no-show"))],
                                  widget=forms.RadioSelect)
    outcome = forms.ChoiceField(label=_("outcome"), choices=Outcome.choices)

    class Meta:
        model = MeetingReport
        fields = ["held", "outcome", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class AgreementForm(forms.Form):
    agreement = forms.ChoiceField(label=_("Was an agreement reached?"), choices=Agreement.choices,
                                  widget=forms.RadioSelect)


CATEGORY_CHOICES = Category.choices
