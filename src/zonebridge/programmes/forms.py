"""Forms of programmes: programmes, rounds, positions, applications, nominations, the rubric and the cohort."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zonebridge.accounts.models import Role, User
from zonebridge.core.forms import DateTimeInput
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, field_names
from zonebridge.directory.models import Organisation, OrganisationKind
from zonebridge.programmes.models import Application, Criterion, Feedback, Nomination, Position, Programme

PROGRAMME_TEXTS = field_names(Programme.TRILINGUAL_FIELDS)
POSITION_TEXTS = field_names(Position.TRILINGUAL_FIELDS)
CRITERION_TEXTS = field_names(Criterion.TRILINGUAL_FIELDS)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class TextsMixin:
    """Forms with trilingual texts hand them to services as one dict."""

    TEXT_FIELDS: list[str] = []

    def texts(self) -> dict[str, str]:
        """The trilingual texts as submitted."""
        return {name: self.cleaned_data.get(name) or "" for name in self.TEXT_FIELDS}


class ProgrammeForm(TextsMixin, forms.ModelForm):
    """A zone operator creates an exchange programme."""

    TEXT_FIELDS = PROGRAMME_TEXTS

    class Meta:
        model = Programme
        fields = ["slug", "home_zone", "host_zone", "starts_on", "ends_on", "documents_required", "chinese_source",
                  *PROGRAMME_TEXTS]
        widgets = {"starts_on": DATE, "ends_on": DATE,
                   **{f"description_{s}": forms.Textarea(attrs={"rows": 4}) for s in LANGUAGE_SUFFIXES}}

    def __init__(self, *args, host_zones=None, **kwargs):
        super().__init__(*args, **kwargs)
        if host_zones is not None:
            self.fields["host_zone"].queryset = host_zones
        for name in ("home_zone", "host_zone"):
            self.fields[name].label_from_instance = lambda zone: zone.name


class RoundForm(forms.Form):
    """Dates and the default nomination quota of a new round."""

    applications_close_at = forms.DateTimeField(label=_("applications close"), widget=DATETIME)
    offer_deadline = forms.DateTimeField(label=_("offers must be answered by"), widget=DATETIME)
    default_quota = forms.IntegerField(label=_("nominations per university"), min_value=0, max_value=1000,
                                       initial=5)


class PositionForm(TextsMixin, forms.ModelForm):
    """A host organisation's admin posts a position."""

    TEXT_FIELDS = POSITION_TEXTS

    class Meta:
        model = Position
        fields = ["host", "kind", "capacity", "location", "work_mode", "stipend", "starts_on", "universities",
                  "chinese_source", *POSITION_TEXTS]
        widgets = {"starts_on": DATE, "universities": forms.SelectMultiple(attrs={"size": 5}),
                   **{f"description_{s}": forms.Textarea(attrs={"rows": 4}) for s in LANGUAGE_SUFFIXES}}

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts if hosts is not None else Organisation.objects.none()
        self.fields["host"].label_from_instance = lambda organisation: organisation.name
        self.fields["universities"].queryset = Organisation.objects.filter(kind=OrganisationKind.UNIVERSITY)
        self.fields["universities"].label_from_instance = lambda organisation: organisation.name
        self.fields["universities"].help_text = _("Leave empty to open the position to students of every university.")


class ApplicationForm(forms.ModelForm):
    """A student applies to a round."""

    class Meta:
        model = Application
        fields = ["statement", "languages"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 5})}


class NominationForm(forms.Form):
    """A coordinator nominates one of their university's students."""

    student = forms.ModelChoiceField(label=_("student"), queryset=User.objects.none())
    recommendation = forms.CharField(label=_("recommendation"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 3}),
                                     max_length=Nomination._meta.get_field("recommendation").max_length)

    def __init__(self, *args, universities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = User.objects.filter(
            memberships__role=Role.STUDENT, memberships__organisation__in=universities or []).distinct().order_by(
            "display_name", "username")
        self.fields["student"].label_from_instance = lambda user: f"{user} ({user.username})"


class CriterionForm(TextsMixin, forms.ModelForm):
    """One criterion of the rubric."""

    TEXT_FIELDS = CRITERION_TEXTS

    class Meta:
        model = Criterion
        fields = ["weight", "max_score", *CRITERION_TEXTS]


class QuotaForm(forms.Form):
    """A university's nomination quota for the round."""

    university = forms.ModelChoiceField(label=_("university"),
                                        queryset=Organisation.objects.filter(kind=OrganisationKind.UNIVERSITY))
    quota = forms.IntegerField(label=_("quota"), min_value=0, max_value=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["university"].label_from_instance = lambda organisation: organisation.name


class ReviewerForm(forms.Form):
    """Invite a reviewer to the round."""

    reviewer = forms.ModelChoiceField(label=_("reviewer"), queryset=User.objects.filter(
        memberships__role=Role.REVIEWER).distinct().order_by("display_name"))


def review_form(criteria, data=None, initial=None):
    """The scoring form of a rubric: one number per criterion, and a comment."""
    fields = {f"score_{c.pk}": forms.IntegerField(label=f"{c.label} (×{c.weight}, 0–{c.max_score})", min_value=0,
                                                  max_value=c.max_score) for c in criteria}
    fields["comment"] = forms.CharField(label=_("comment"), required=False, max_length=2000,
                                        widget=forms.Textarea(attrs={"rows": 3}))
    return type("ReviewForm", (forms.Form,), fields)(data, initial=initial)


class MentorForm(forms.Form):
    """Assign a mentor to a participant."""

    mentor = forms.ModelChoiceField(label=_("mentor"), queryset=User.objects.filter(
        memberships__role=Role.MENTOR).distinct().order_by("display_name"))


class CheckInForm(forms.Form):
    """A mentor's note."""

    note = forms.CharField(label=_("note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class FeedbackForm(forms.ModelForm):
    """The end-of-programme survey."""

    class Meta:
        model = Feedback
        fields = ["rating", "would_recommend", "comment"]
        widgets = {"rating": forms.NumberInput(attrs={"min": 1, "max": 5}),
                   "comment": forms.Textarea(attrs={"rows": 3})}


class DirectOfferForm(forms.Form):
    """The operator offers a free place of one position to one of its eligible candidates."""

    application = forms.ModelChoiceField(label=_("candidate"), queryset=Application.objects.none())
    deadline = forms.DateTimeField(label=_("answer by"), widget=DateTimeInput())

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = candidates if candidates is not None else Application.objects.none()
        self.fields["application"].label_from_instance = lambda application: (
            f"{application.student} · {application.university.name}"
            + (f" · #{application.host_rank}" if getattr(application, "host_rank", None) else ""))


class BlindReviewForm(forms.Form):
    """Whether the round's reviewers see who the applicants are."""

    blind_review = forms.BooleanField(label=_("blind review"), required=False,
                                      help_text=_("Reviewers do not see the applicant's name, university or CV."))
