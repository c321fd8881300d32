"""Soft landing: the service catalogue of each zone, service requests with their thread, space bookings,
and calls for application scenarios (pilot sites) with their applications and pilots."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.limits import long_text_field
from zonebridge.core.trilingual import TrilingualText, trilingual_fields
from zonebridge.directory.models import Organisation, OrganisationKind, Zone

ATTACHMENT_UPLOAD = "landing.attachment"
PILOT_REPORT_UPLOAD = "landing.pilot_report"


class Category(models.TextChoices):
    """What kind of help a catalogue service gives; it decides the request form's own questions."""

    SPACE = "space", _("Office and desk space")
    MEDIA = "media", _("Media exposure")
    REGISTRATION = "registration", _("Company registration")
    LEGAL_TAX = "legal_tax", _("Legal and tax")
    BANKING = "banking", _("Banking")
    TALENT = "talent", _("Talent and visas")
    RESEARCH = "research", _("Market research")
    INVESTORS = "investors", _("Investor introductions")


class Service(TrilingualText):
    """One service of a zone's soft-landing catalogue, delivered by the zone or a provider organisation."""

    TRILINGUAL_FIELDS = ("name", "description", "eligibility")
    slug = models.SlugField(unique=True, max_length=80)
    zone = models.ForeignKey(Zone, verbose_name=_("zone"), on_delete=models.PROTECT, related_name="services")
    category = models.CharField(_("category"), max_length=16, choices=Category.choices, db_index=True)
    provider = models.ForeignKey(Organisation, verbose_name=_("provider"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="provided_services")
    name_en, name_zh_hans, name_zh_hant = trilingual_fields(_("name"), max_length=200, required_english=True)
    description_en, description_zh_hans, description_zh_hant = trilingual_fields(_("description"))
    eligibility_en, eligibility_zh_hans, eligibility_zh_hant = trilingual_fields(_("eligibility"), max_length=300)
    # Kinds of organisation that may request it, comma-separated (empty: every kind).
    eligible_kinds = models.CharField(_("eligible kinds of organisation"), max_length=200, blank=True)
    # Soft landing is for the other zone's organisations: when set, the zone's own organisations may not request.
    partner_zone_only = models.BooleanField(_("only for organisations of partner zones"), default=False)
    sla_days = models.PositiveSmallIntegerField(_("turnaround (working days)"), default=10,
                                                validators=[MinValueValidator(1), MaxValueValidator(250)])
    first_response_days = models.PositiveSmallIntegerField(
        _("first response (working days)"), default=1, validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("How soon the team answers a new request: a message to the requester or triage."))
    capacity_per_month = models.PositiveIntegerField(
        _("capacity per month (desks or offices)"), null=True, blank=True,
        help_text=_("Only for space: how many desks or offices can be booked for one month."))
    is_active = models.BooleanField(_("open for requests"), default=True)

    class Meta:
        ordering = ["zone", "category", "name_en"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name_en

    def script_region(self) -> str:
        return self.zone.region

    @property
    def kinds(self) -> list[str]:
        """The eligible organisation kinds (empty: every kind)."""
        return [kind for kind in self.eligible_kinds.split(",") if kind]

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(OrganisationKind.choices)
        return [labels.get(kind, kind) for kind in self.kinds]

    @property
    def has_capacity(self) -> bool:
        return self.capacity_per_month is not None


class RequestState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")


# States in which the SLA clock runs (unless paused while waiting on the requester).
OPEN_STATES = (RequestState.SUBMITTED, RequestState.TRIAGED, RequestState.ASSIGNED, RequestState.IN_PROGRESS)
# How long after delivery the requester may still reopen a request.
REOPEN_WINDOW_DAYS = 14


class ServiceRequest(models.Model):
    """A request of one organisation for one service, moving through its workflow under an SLA."""

    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.PROTECT,
                                related_name="requests")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="service_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requester"), on_delete=models.CASCADE,
                                  related_name="service_requests")
    state = models.CharField(_("state"), max_length=16, choices=RequestState.choices,
                             default=RequestState.SUBMITTED, db_index=True)
    details = long_text_field(_("what you need"), max_length=3_000)
    # The service form's own questions and their answers (e.g. desks and month for space).
    answers = models.JSONField(default=dict, blank=True)
    attachment = models.ForeignKey("core.PrivateFile", verbose_name=_("attachment"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assigned to"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_service_requests")
    decline_reason = models.CharField(_("reason for declining"), max_length=500, blank=True)

    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    sla_days = models.PositiveSmallIntegerField(_("turnaround (working days)"))
    due_on = models.DateField(_("due"), db_index=True)
    # While the team waits on the requester the clock stops; the working days it stood still move the due date.
    paused_since = models.DateField(_("waiting on the requester since"), null=True, blank=True)
    paused_working_days = models.PositiveSmallIntegerField(default=0)
    due_soon_notified_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    # The first-response target: the first thing the team does that the requester sees (a message, triage...).
    first_response_days = models.PositiveSmallIntegerField(_("first response (working days)"), default=1)
    first_response_due_on = models.DateField(_("first response due"), null=True, blank=True, db_index=True)
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("reopened"), null=True, blank=True)
    reopen_reason = models.CharField(_("reason for reopening"), max_length=500, blank=True)

    rating = models.PositiveSmallIntegerField(_("satisfaction"), null=True, blank=True,
                                              validators=[MinValueValidator(1), MaxValueValidator(5)])
    rating_comment = models.CharField(_("comment on the service"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return f"{self.reference} · {self.service}"

    @property
    def reference(self) -> str:
        """The number requesters and operators quote (also in mail subjects)."""
        return f"SR-{self.pk or 0:06d}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None

    @property
    def awaits_first_response(self) -> bool:
        """Open and nobody of the team has answered the requester yet."""
        return self.is_open and self.first_responded_at is None


class CannedReply(TrilingualText):
    """A reply template of a zone's team: picked in a request's thread, it fills the reply box."""

    TRILINGUAL_FIELDS = ("title", "body")
    zone = models.ForeignKey(Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="canned_replies")
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200, required_english=True)
    body_en, body_zh_hans, body_zh_hant = trilingual_fields(_("text"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["zone", "title_en", "id"]
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")

    def __str__(self) -> str:
        return self.title_en

    def script_region(self) -> str:
        return self.zone.region


class RequestMessage(models.Model):
    """One message of a request's thread; internal notes are for the team only and never reach the requester."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = long_text_field(_("message"), max_length=3_000)
    internal = models.BooleanField(_("internal note (not shown to the requester)"), default=False)
    attachment = models.ForeignKey("core.PrivateFile", verbose_name=_("attachment"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


def first_of_month(day) -> "timezone.datetime.date":
    """The first day of `day`'s month: bookings are per month."""
    return day.replace(day=1)


class SpaceBooking(models.Model):
    """Desks or offices of a space service held for one month by one request (released when it is declined)."""

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="bookings")
    request = models.OneToOneField(ServiceRequest, on_delete=models.CASCADE, related_name="booking")
    month = models.DateField(_("month"))
    units = models.PositiveIntegerField(_("desks or offices"), validators=[MinValueValidator(1)])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["service", "month"])]
        constraints = [models.CheckConstraint(condition=models.Q(units__gte=1), name="booking_units_positive")]


# --- Application scenarios ------------------------------------------------------------------------------

class CallState(models.TextChoices):
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed")


class ScenarioCall(TrilingualText):
    """A call for pilots: an organisation offers a site, data or equipment and support to solve a problem."""

    TRILINGUAL_FIELDS = ("title", "problem", "site", "resources", "support")
    owner = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
                              related_name="scenario_calls")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200, required_english=True)
    problem_en, problem_zh_hans, problem_zh_hant = trilingual_fields(_("the problem to solve"))
    site_en, site_zh_hans, site_zh_hant = trilingual_fields(_("the site"), max_length=300)
    resources_en, resources_zh_hans, resources_zh_hant = trilingual_fields(_("data and equipment available"))
    support_en, support_zh_hans, support_zh_hant = trilingual_fields(_("support offered"))
    deadline = models.DateField(_("application deadline"))
    state = models.CharField(_("state"), max_length=16, choices=CallState.choices, default=CallState.OPEN)
    # Normalised tokens of every language version (directory-style search: 繁體 finds 简体).
    search_document = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("call for application scenarios")
        verbose_name_plural = _("calls for application scenarios")

    def __str__(self) -> str:
        return self.title_en

    def script_region(self) -> str:
        return self.owner.home_zone.region


class ApplicationState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    PITCHED = "pitched", _("Pitched")
    SELECTED = "selected", _("Selected")
    PILOTING = "piloting", _("Pilot running")
    COMPLETED = "completed", _("Pilot completed")
    REJECTED = "rejected", _("Not selected")


class PilotOutcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted: the owner will use the solution")
    EXTENDED = "extended", _("Extended: a longer or larger pilot follows")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class ScenarioApplication(models.Model):
    """A start-up's application to a call, its pitch, and the pilot when it is selected."""

    call = models.ForeignKey(ScenarioCall, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(Organisation, verbose_name=_("applicant"), on_delete=models.CASCADE,
                                  related_name="scenario_applications")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    proposal = long_text_field(_("your proposal"), max_length=3_000)
    state = models.CharField(_("state"), max_length=16, choices=ApplicationState.choices,
                             default=ApplicationState.SUBMITTED, db_index=True)
    pitch_notes = long_text_field(_("pitch notes"), max_length=3_000, blank=True)
    pitched_on = models.DateField(_("pitch date"), null=True, blank=True)
    pilot_start = models.DateField(_("pilot start"), null=True, blank=True)
    pilot_end = models.DateField(_("pilot end"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=PilotOutcome.choices, blank=True)
    outcome_notes = long_text_field(_("outcome notes"), max_length=3_000, blank=True)
    report = models.ForeignKey("core.PrivateFile", verbose_name=_("pilot report"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "applicant"], name="one_application_per_call")]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.call}"
