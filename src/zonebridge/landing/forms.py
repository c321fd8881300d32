"""Forms of soft landing: the catalogue filter, a request form per service, the thread, the queue, ratings,
and calls for pilots with their applications and decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zonebridge.core.forms import DateInput
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, field_names
from zonebridge.directory.models import Organisation, OrganisationKind, Zone
from zonebridge.landing.models import (
    ApplicationState,
    CannedReply,
    Category,
    PilotOutcome,
    RequestState,
    ScenarioCall,
    Service,
)

MONTH = forms.DateInput(attrs={"type": "month"})


class CatalogueFilterForm(forms.Form):
    """Zone and category of the catalogue."""

    zone = forms.ModelChoiceField(label=_("Zone"), queryset=Zone.objects.all(), required=False,
                                  to_field_name="slug", empty_label=_("All zones"))
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All categories"))] + list(Category.choices))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].label_from_instance = lambda zone: zone.name


# The questions each category's request form asks besides "what you need" (stored as the request's answers).
def _category_questions(category: str) -> dict[str, forms.Field]:
    if category == Category.SPACE:
        return {
            "units": forms.IntegerField(label=_("Desks or offices"), min_value=1, max_value=500, initial=1),
            "month": forms.CharField(label=_("Month"), max_length=7, widget=forms.TextInput(
                attrs={"type": "month", "placeholder": "2026-12"}), help_text=_("The month you need the space for.")),
        }
    if category == Category.MEDIA:
        return {"exposure": forms.ChoiceField(label=_("Kind of exposure"), choices=[
            ("press_release", _("Press release")), ("showcase", _("Showcase")), ("demo_day", _("Demo-day slot"))]),
            "preferred_date": forms.DateField(label=_("Preferred date"), required=False,
                                              widget=DateInput())}
    if category == Category.REGISTRATION:
        return {"company_name": forms.CharField(label=_("Proposed company name"), max_length=200)}
    if category == Category.BANKING:
        return {"account_type": forms.ChoiceField(label=_("Account"), choices=[
            ("corporate", _("Corporate account")), ("cross_border", _("Cross-border payments"))])}
    if category == Category.TALENT:
        return {"hires": forms.IntegerField(label=_("People to hire or relocate"), min_value=1, max_value=500)}
    if category == Category.INVESTORS:
        return {"round": forms.CharField(label=_("Funding round and amount"), max_length=200)}
    if category == Category.RESEARCH:
        return {"market_question": forms.CharField(label=_("Market question"), max_length=300)}
    return {"topic": forms.CharField(label=_("Topic"), max_length=200, required=False)}


class ServiceRequestForm(forms.Form):
    """A request for one service: the organisation, the category's own questions, details and a file."""

    organisation = forms.ModelChoiceField(label=_("For organisation"), queryset=None, empty_label=None)
    details = forms.CharField(label=_("What you need"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5}))
    attachment = forms.FileField(label=_("Attachment (PDF, Word, OpenDocument or image; optional)"), required=False)

    def __init__(self, *args, service: Service, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].label_from_instance = lambda organisation: organisation.name
        self.question_names = []
        for name, field in _category_questions(service.category).items():
            self.fields[name] = field
            self.question_names.append(name)
        self.order_fields(["organisation", *self.question_names, "details", "attachment"])

    def answers(self) -> dict:
        """The category's questions and their answers, as JSON-ready values."""
        return {name: (value.isoformat() if hasattr(value, "isoformat") else value)
                for name in self.question_names if (value := self.cleaned_data.get(name)) not in (None, "")}


def answer_labels(category: str) -> dict[str, str]:
    """The question labels of a category, for showing a request's answers."""
    return {name: field.label for name, field in _category_questions(category).items()}


class MessageForm(forms.Form):
    """A message on a request's thread (team members may make it an internal note)."""

    body = forms.CharField(label=_("Message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))
    internal = forms.BooleanField(label=_("Internal note (never shown to the requester)"), required=False)
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)

    def __init__(self, *args, may_write_internal: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_write_internal:
            del self.fields["internal"]


class CannedReplyPickForm(forms.Form):
    """Pick a zone's reply template to fill the reply box (works without JavaScript: the page comes back)."""

    canned_reply = forms.ModelChoiceField(label=_("Canned reply"), queryset=None, required=False,
                                          empty_label=_("Choose a canned reply"))

    def __init__(self, *args, replies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canned_reply"].queryset = replies
        self.fields["canned_reply"].label_from_instance = lambda reply: reply.title


class CannedReplyForm(forms.ModelForm):
    """A reply template: title and text in English and one Chinese script (the other converted)."""

    class Meta:
        model = CannedReply
        fields = ["zone", "chinese_source", *field_names(CannedReply.TRILINGUAL_FIELDS)]
        widgets = {f"body_{s}": forms.Textarea(attrs={"rows": 5}) for s in LANGUAGE_SUFFIXES}

    def __init__(self, *args, zones, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = zones
        self.fields["zone"].empty_label = None
        self.fields["zone"].label_from_instance = lambda zone: zone.name
        if self.instance.pk:
            self.fields["zone"].disabled = True

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in field_names(CannedReply.TRILINGUAL_FIELDS)}


class TransitionForm(forms.Form):
    """One workflow action on a request, with the assignee or the reason it needs."""

    action = forms.CharField(widget=forms.HiddenInput)
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False)
    reason = forms.CharField(label=_("Reason (the requester reads it)"), max_length=500, required=False)

    def __init__(self, *args, assignees=None, **kwargs):
        super().__init__(*args, **kwargs)
        from zonebridge.accounts.models import User

        self.fields["assignee"].queryset = assignees if assignees is not None else User.objects.none()


class RatingForm(forms.Form):
    """The requester's satisfaction with a delivered service."""

    rating = forms.TypedChoiceField(label=_("How satisfied are you?"), coerce=int, widget=forms.RadioSelect,
                                    choices=[(5, _("5 — very satisfied")), (4, _("4")), (3, _("3")), (2, _("2")),
                                             (1, _("1 — not satisfied"))])
    comment = forms.CharField(label=_("Comment (optional)"), max_length=1000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class QueueFilterForm(forms.Form):
    """The queue's filters: zone, service, state, overdue, assignment."""

    zone = forms.ModelChoiceField(label=_("Zone"), queryset=Zone.objects.all(), required=False,
                                  to_field_name="slug", empty_label=_("All my zones"))
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.all(), required=False,
                                     to_field_name="slug", empty_label=_("All services"))
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("Open and delivered"))] + list(RequestState.choices))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    first_response = forms.ChoiceField(label=_("First response"), required=False, choices=[
        ("", _("Any")), ("awaiting", _("Awaiting first response")),
        ("overdue", _("First response overdue"))])
    assigned = forms.ChoiceField(label=_("Assigned"), required=False, choices=[
        ("", _("Anyone")), ("me", _("To me")), ("nobody", _("Nobody yet"))])

    def __init__(self, *args, zones=None, **kwargs):
        super().__init__(*args, **kwargs)
        if zones is not None:
            self.fields["zone"].queryset = zones
            self.fields["service"].queryset = Service.objects.filter(zone__in=zones)
        self.fields["zone"].label_from_instance = lambda zone: zone.name
        self.fields["service"].label_from_instance = lambda service: f"{service.name} · {service.zone.name}"


class BulkForm(forms.Form):
    """Many requests, one action."""

    requests = forms.ModelMultipleChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple)
    action = forms.ChoiceField(label=_("Action"), choices=[
        ("triage", _("Triage")), ("assign", _("Assign")), ("start", _("Start work")),
        ("deliver", _("Mark delivered")), ("close", _("Close")), ("decline", _("Decline"))])
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False)
    reason = forms.CharField(label=_("Reason for declining"), max_length=500, required=False)

    def __init__(self, *args, requests, assignees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requests"].queryset = requests
        self.fields["assignee"].queryset = assignees


SERVICE_TEXT_FIELDS = field_names(Service.TRILINGUAL_FIELDS)


class ServiceForm(forms.ModelForm):
    """An operator's catalogue entry: texts (Chinese in one script, the other converted), rules and capacity."""

    eligible_kinds = forms.MultipleChoiceField(label=_("Kinds of organisation that may ask"), required=False,
                                               choices=OrganisationKind.choices, widget=forms.CheckboxSelectMultiple,
                                               help_text=_("None ticked: every kind."))

    class Meta:
        model = Service
        fields = ["zone", "slug", "category", "provider", "sla_days", "first_response_days", "capacity_per_month",
                  "partner_zone_only",
                  "is_active", "eligible_kinds", "chinese_source", *SERVICE_TEXT_FIELDS]
        widgets = {f"description_{s}": forms.Textarea(attrs={"rows": 4}) for s in LANGUAGE_SUFFIXES}

    def __init__(self, *args, zones, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = zones
        self.fields["zone"].empty_label = None
        self.fields["zone"].label_from_instance = lambda zone: zone.name
        self.fields["provider"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.SERVICE_PROVIDER, home_zone__in=zones).order_by("name_en")
        self.fields["provider"].label_from_instance = lambda organisation: organisation.name
        # Optional here: left empty, the service keeps its target (one working day for a new one).
        self.fields["first_response_days"].required = False
        if self.instance.pk:
            self.initial["eligible_kinds"] = self.instance.kinds
            self.fields["slug"].disabled = True
            self.fields["zone"].disabled = True

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in SERVICE_TEXT_FIELDS}

    def plain_fields(self) -> dict:
        fields = {name: self.cleaned_data.get(name) for name in (
            "category", "provider", "sla_days", "first_response_days", "capacity_per_month", "partner_zone_only",
            "is_active", "chinese_source")}
        fields["eligible_kinds"] = ",".join(self.cleaned_data.get("eligible_kinds") or [])
        return fields


# --- Calls for pilots ---------------------------------------------------------------------------------------

CALL_TEXT_FIELDS = field_names(ScenarioCall.TRILINGUAL_FIELDS)


class CallSearchForm(forms.Form):
    q = forms.CharField(label=_("Search calls"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("port, 港口, 醫院…")}))


class ScenarioCallForm(forms.ModelForm):
    """An organisation's call for pilots, written in English and one Chinese script."""

    class Meta:
        model = ScenarioCall
        fields = ["owner", "deadline", "chinese_source", *CALL_TEXT_FIELDS]
        widgets = {"deadline": DateInput(),
                   **{f"{name}_{s}": forms.Textarea(attrs={"rows": 3}) for name in ("problem", "resources", "support")
                      for s in LANGUAGE_SUFFIXES}}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisations
        self.fields["owner"].label_from_instance = lambda organisation: organisation.name
        self.fields["deadline"].widget.format = "%Y-%m-%d"

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in CALL_TEXT_FIELDS}


class ApplicationForm(forms.Form):
    applicant = forms.ModelChoiceField(label=_("Apply as"), queryset=None, empty_label=None)
    proposal = forms.CharField(label=_("Your proposal: what you would pilot, how, and what you need"),
                               max_length=3000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant"].queryset = organisations
        self.fields["applicant"].label_from_instance = lambda organisation: organisation.name


class DecisionForm(forms.Form):
    """The owner's decision on an application, with what each step records."""

    action = forms.CharField(widget=forms.HiddenInput)
    pitched_on = forms.DateField(label=_("Pitch date"), required=False, widget=DateInput())
    pitch_notes = forms.CharField(label=_("Pitch notes"), max_length=3000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    pilot_start = forms.DateField(label=_("Pilot start"), required=False,
                                  widget=DateInput())
    pilot_end = forms.DateField(label=_("Pilot end"), required=False, widget=DateInput())
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[("", "—")] + list(PilotOutcome.choices))
    outcome_notes = forms.CharField(label=_("Outcome notes"), max_length=3000, required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))
    report = forms.FileField(label=_("Pilot report (PDF, Word or OpenDocument)"), required=False)


# Which inputs each decision shows.
DECISION_FIELDS = {"pitch": ("pitched_on", "pitch_notes"), "start_pilot": ("pilot_start", "pilot_end"),
                   "complete": ("outcome", "outcome_notes", "report")}
APPLICATION_STATES = ApplicationState
