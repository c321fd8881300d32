"""Forms of the directory: filtering the list and editing an organisation's profile."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zonebridge.core.forms import FilterForm
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, field_names
from zonebridge.directory.models import Organisation, OrganisationKind, Sector, Stage, Zone


class OrganisationFilterForm(FilterForm):
    """Search and facets of the organisation list; invalid choices are reported, not ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("battery, 电池, 電池…")}))
    zone = forms.ModelChoiceField(label=_("Zone"), queryset=Zone.objects.all(), required=False,
                                  to_field_name="slug", empty_label=_("All zones"))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds"))] + list(OrganisationKind.choices))
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.all(), required=False,
                                    to_field_name="slug", empty_label=_("All sectors"))
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", _("All stages"))] + list(Stage.choices))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].label_from_instance = lambda zone: zone.name
        self.fields["sector"].label_from_instance = lambda sector: sector.name


TEXT_FIELD_NAMES = field_names(Organisation.TRILINGUAL_FIELDS)


class OrganisationProfileForm(forms.ModelForm):
    """An organisation admin's profile editor: write Chinese in one script, the other follows by OpenCC."""

    website = forms.URLField(label=_("website"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["kind", "stage", "size", "sectors", "website", "founded_year", "logo", "chinese_source",
                  *TEXT_FIELD_NAMES]
        widgets = {
            "sectors": forms.SelectMultiple(attrs={"size": 8}),
            **{f"description_{s}": forms.Textarea(attrs={"rows": 5}) for s in LANGUAGE_SUFFIXES},
        }
        help_texts = {
            "chinese_source": _("Write Chinese in this script. The other script is converted automatically "
                                "unless you change it by hand; clear a converted field to convert it again."),
            "name_en": _("English is written by you, never machine-translated."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].label_from_instance = lambda sector: sector.name
        self.fields["founded_year"].widget.attrs.update({"min": 1800, "max": 2100})

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year is not None and not 1800 <= year <= 2100:
            raise forms.ValidationError(_("Enter a year between 1800 and 2100."))
        return year

    def texts(self) -> dict[str, str]:
        """The trilingual texts as submitted."""
        return {name: self.cleaned_data.get(name) or "" for name in TEXT_FIELD_NAMES}
