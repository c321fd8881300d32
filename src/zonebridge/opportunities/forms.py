"""Forms of the marketplace: search and filters, posting, editing, interest, outcome, saved search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zonebridge.core.forms import DateInput
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, field_names
from zonebridge.directory.models import Sector, Zone
from zonebridge.opportunities.models import Direction, Kind, Language, Opportunity, Outcome

TEXT_FIELD_NAMES = field_names(Opportunity.TRILINGUAL_FIELDS)


def _named(field) -> None:
    field.label_from_instance = lambda obj: obj.name


class OpportunityFilterForm(forms.Form):
    """Search and facets of the listing; invalid choices are reported, not ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": _("battery supplier, 电池, 電池…")}))
    direction = forms.ChoiceField(label=_("Offer or need"), required=False,
                                  choices=[("", _("Offers and needs"))] + list(Direction.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds"))] + list(Kind.choices))
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.all(), required=False,
                                    to_field_name="slug", empty_label=_("All sectors"))
    zone = forms.ModelChoiceField(label=_("Zone"), queryset=Zone.objects.all(), required=False,
                                  to_field_name="slug", empty_label=_("All zones"))
    since = forms.DateField(label=_("Posted since"), required=False,
                            widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _named(self.fields["sector"])
        _named(self.fields["zone"])


class NewOpportunityForm(forms.Form):
    """Post an offer or need: write it once, in any of the three languages."""

    organisation = forms.ModelChoiceField(label=_("For"), queryset=None)
    direction = forms.ChoiceField(label=_("Offer or need"), choices=Direction.choices, initial=Direction.NEED)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5_000, widget=forms.Textarea(attrs={"rows": 6}))
    language = forms.ChoiceField(label=_("Written in"), required=False,
                                 choices=[("", _("Detect automatically"))] + list(Language.choices),
                                 help_text=_("The other Chinese script is converted automatically; you can edit "
                                             "it afterwards."))
    sectors = forms.ModelMultipleChoiceField(label=_("Sectors"), queryset=Sector.objects.all(), required=False,
                                             widget=forms.SelectMultiple(attrs={"size": 6}))
    target_zone = forms.ModelChoiceField(label=_("Target zone"), queryset=Zone.objects.all(), required=False,
                                         empty_label=_("Any zone"))
    valid_from = forms.DateField(label=_("Valid from"), required=False,
                                 widget=DateInput())
    valid_until = forms.DateField(label=_("Valid until"), required=False,
                                  widget=DateInput())
    visibility = forms.ChoiceField(label=_("Visible to"), choices=Opportunity._meta.get_field("visibility").choices)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        _named(self.fields["organisation"])
        _named(self.fields["sectors"])
        _named(self.fields["target_zone"])
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()

    def plain_fields(self) -> dict:
        """The posting's fields other than texts and sectors."""
        fields = {name: self.cleaned_data[name] for name in ("direction", "target_zone", "valid_until", "visibility")}
        if self.cleaned_data.get("valid_from"):
            fields["valid_from"] = self.cleaned_data["valid_from"]
        return fields


class OpportunityEditForm(forms.ModelForm):
    """Edit a posting: every language version; a converted script edited by hand is kept."""

    class Meta:
        model = Opportunity
        fields = ["direction", "kind", "sectors", "target_zone", "valid_from", "valid_until", "visibility",
                  "chinese_source", *TEXT_FIELD_NAMES]
        widgets = {
            "sectors": forms.SelectMultiple(attrs={"size": 6}),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            **{f"description_{s}": forms.Textarea(attrs={"rows": 5}) for s in LANGUAGE_SUFFIXES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _named(self.fields["sectors"])
        _named(self.fields["target_zone"])

    def texts(self) -> dict[str, str]:
        """The trilingual texts as submitted."""
        return {name: self.cleaned_data.get(name) or "" for name in TEXT_FIELD_NAMES}

    def plain_fields(self) -> dict:
        """The posting's other fields as submitted."""
        return {name: self.cleaned_data[name] for name in ("direction", "kind", "target_zone", "valid_from",
                                                           "valid_until", "visibility", "chinese_source")}


class InterestForm(forms.Form):
    """Express interest for one of your organisations, with a message."""

    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None)
    message = forms.CharField(label=_("Message"), max_length=2_000, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Who you are and what you propose."))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        _named(self.fields["organisation"])
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class OutcomeForm(forms.Form):
    """How an introduction went."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in Outcome.choices if c[0]])
