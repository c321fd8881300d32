"""Forms of bulletins: the reader's topic filter and subscriptions, and the author's editor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zonebridge.bulletins.models import AUDIENCE_ROLES, Bulletin, DigestFrequency, Topic
from zonebridge.core.forms import DateTimeInput
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, field_names
from zonebridge.directory.models import OrganisationKind, Sector, Zone

TEXT_FIELD_NAMES = field_names(Bulletin.TRILINGUAL_FIELDS)


class TopicFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=[("", _("All topics"))] + list(Topic.choices))


class SubscriptionForm(forms.Form):
    """The topics a reader follows and how often their digest comes."""

    topics = forms.MultipleChoiceField(label=_("Topics in my digest"), choices=Topic.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)
    frequency = forms.ChoiceField(label=_("How often the digest comes"), choices=DigestFrequency.choices,
                                  widget=forms.RadioSelect,
                                  error_messages={"required": _("Choose how often the digest comes."),
                                                  "invalid_choice": _("Choose daily, weekly or never.")})


class BulletinForm(forms.ModelForm):
    """An operator's bulletin: texts (Chinese in one script, the other converted), audience and timing."""

    target_roles = forms.MultipleChoiceField(label=_("For roles"), choices=AUDIENCE_ROLES, required=False,
                                             widget=forms.CheckboxSelectMultiple,
                                             help_text=_("None ticked: every role."))
    target_kinds = forms.MultipleChoiceField(label=_("For kinds of organisation"), choices=OrganisationKind.choices,
                                             required=False, widget=forms.CheckboxSelectMultiple,
                                             help_text=_("None ticked: everyone, with or without an organisation."))
    publish_at = forms.DateTimeField(label=_("Publish at (your zone's time)"), required=False,
                                     widget=DateTimeInput(),
                                     help_text=_("Empty: at once. A later time schedules the bulletin."))
    expires_at = forms.DateTimeField(label=_("Expires at (your zone's time)"), required=False,
                                     widget=DateTimeInput(),
                                     help_text=_("Empty: never."))

    class Meta:
        model = Bulletin
        fields = ["zone", "topic", "pinned", "target_zones", "target_kinds", "target_roles", "target_sectors",
                  "publish_at", "expires_at", "chinese_source", *TEXT_FIELD_NAMES]
        widgets = {"target_zones": forms.CheckboxSelectMultiple,
                   "target_sectors": forms.SelectMultiple(attrs={"size": 6}),
                   **{f"body_{s}": forms.Textarea(attrs={"rows": 6}) for s in LANGUAGE_SUFFIXES}}
        help_texts = {"target_zones": _("None ticked: every zone."), "target_sectors": _("None chosen: every sector."),
                      "title_en": _("English is written by you, never machine-translated.")}

    def __init__(self, *args, zones, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = zones
        self.fields["zone"].empty_label = None
        self.fields["target_zones"].queryset = Zone.objects.all()
        self.fields["target_sectors"].queryset = Sector.objects.filter(parent__isnull=True)
        for name in ("zone", "target_zones", "target_sectors"):
            self.fields[name].label_from_instance = lambda item: item.name
        if self.instance.pk:
            self.initial["target_roles"] = self.instance.roles
            self.initial["target_kinds"] = self.instance.kinds

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in TEXT_FIELD_NAMES}

    def plain_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ("topic", "pinned", "publish_at", "expires_at",
                                                                "chinese_source")}
