"""Matchmaking days and delegation visits: events, registrations, interest, meeting requests, meetings in
slots and at tables, schedule runs and what came of each meeting.

Times are stored in UTC; an event has its own time zone (slots are laid out in it) and each registration a time
zone its agenda is shown in. A meeting's seats carry the slot too, so the database itself refuses a person in
two meetings of one slot (`one_meeting_per_person_and_slot`) and two meetings at one table
(`one_meeting_per_table_and_slot`), whatever races the services lose.
"""

import secrets
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.limits import long_text_field
from zonebridge.core.trilingual import TrilingualText, trilingual_fields


def validate_time_zone(value: str) -> None:
    """An IANA time zone name such as Asia/Shanghai."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(_("“%(value)s” is not a time zone name such as Asia/Shanghai."),
                              params={"value": value}) from error


def new_token() -> str:
    """A secret for a calendar feed address."""
    return secrets.token_urlsafe(24)


class EventKind(models.TextChoices):
    MATCHMAKING = "matchmaking", _("Matchmaking day")
    DELEGATION = "delegation", _("Delegation visit")


class EventFormat(models.TextChoices):
    VENUE = "venue", _("At a venue")
    ONLINE = "online", _("Online")


class EventState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for registration and requests")
    CLOSED = "closed", _("Requests closed")


class Event(TrilingualText):
    """A matchmaking day or delegation visit run by the operators of one zone."""

    zone = models.ForeignKey("directory.Zone", verbose_name=_("organising zone"), on_delete=models.PROTECT,
                             related_name="events")
    slug = models.SlugField(unique=True, max_length=80)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, default=EventKind.MATCHMAKING)
    format = models.CharField(_("format"), max_length=8, choices=EventFormat.choices, default=EventFormat.VENUE)
    state = models.CharField(_("state"), max_length=8, choices=EventState.choices, default=EventState.DRAFT)

    TRILINGUAL_FIELDS = ("title", "description", "venue")
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200, required_english=True)
    description_en, description_zh_hans, description_zh_hant = trilingual_fields(_("description"))
    venue_en, venue_zh_hans, venue_zh_hant = trilingual_fields(_("venue"), max_length=300)
    video_base_url = models.URLField(
        _("video meeting server"), blank=True,
        help_text=_("For online events: each meeting gets its own room under this address."))

    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Shanghai",
                                 validators=[validate_time_zone])
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    day_starts_at = models.TimeField(_("meetings start at"), default="09:00")
    day_ends_at = models.TimeField(_("meetings end at"), default="17:00")
    meeting_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"), default=20, validators=[MinValueValidator(5), MaxValueValidator(240)])
    breaks = models.CharField(
        _("breaks"), max_length=200, blank=True,
        help_text=_("Times without meetings, in the event's time zone, e.g. “12:00-13:00, 15:00-15:20”."))
    tables = models.PositiveSmallIntegerField(_("number of tables"), default=10,
                                              validators=[MinValueValidator(1), MaxValueValidator(1000)])
    requires_approval = models.BooleanField(_("registrations need approval"), default=True)
    meeting_cap = models.PositiveSmallIntegerField(
        _("most meetings per person"), default=12, validators=[MinValueValidator(1), MaxValueValidator(100)])
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("unanswered requests expire after (hours)"), default=72,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)])
    requests_close_at = models.DateTimeField(_("requests close at"), null=True, blank=True)
    schedule_published_at = models.DateTimeField(_("schedule published at"), null=True, blank=True)
    schedule_version = models.PositiveIntegerField(default=0)
    recommendations_refreshed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "slug"]

    def __str__(self) -> str:
        return self.title_en

    def script_region(self) -> str:
        return self.zone.region

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_online(self) -> bool:
        return self.format == EventFormat.ONLINE

    def requests_deadline(self):
        """When requests close: the set time, else the start of the first day in the event's time zone."""
        if self.requests_close_at:
            return self.requests_close_at
        from datetime import datetime, time

        return datetime.combine(self.starts_on, time(0, 0), tzinfo=self.tzinfo)

    def follow_up_due_on(self):
        """When the second follow-up asks whether an agreement was reached: three months after the last day."""
        return self.ends_on + timedelta(days=90)


class Slot(models.Model):
    """One meeting time of an event (derived from its days, hours, meeting length and breaks)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    number = models.PositiveSmallIntegerField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["event", "number"]
        constraints = [models.UniqueConstraint(fields=["event", "number"], name="one_slot_per_number")]

    def __str__(self) -> str:
        return self.label()

    def label(self, tz=None) -> str:
        """`Tue 10:20` in the given time zone (default: the event's)."""
        local = self.starts_at.astimezone(tz or self.event.tzinfo)
        return f"{local:%a %H:%M}"


class Category(models.TextChoices):
    VISITOR = "visitor", _("Visitor")
    HOST = "host", _("Host")
    BOTH = "both", _("Visitor and host")


class RegistrationState(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(TrilingualText):
    """A person of an organisation taking part in an event, with their event profile."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    organisation = models.ForeignKey("directory.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="event_registrations")
    category = models.CharField(_("I take part as"), max_length=8, choices=Category.choices, default=Category.BOTH)
    state = models.CharField(_("state"), max_length=10, choices=RegistrationState.choices,
                             default=RegistrationState.PENDING)

    TRILINGUAL_FIELDS = ("offers", "needs")
    offers_en, offers_zh_hans, offers_zh_hant = trilingual_fields(_("what I offer"), max_length=500)
    needs_en, needs_zh_hans, needs_zh_hant = trilingual_fields(_("what I am looking for"), max_length=500)
    time_zone = models.CharField(_("my time zone"), max_length=64, blank=True, validators=[validate_time_zone],
                                 help_text=_("Your agenda is shown in this time zone."))
    unavailable = models.ManyToManyField(Slot, verbose_name=_("times I cannot meet"), blank=True,
                                         related_name="unavailable_registrations")
    calendar_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # The ranking engine's best matches for this person's needs: [[registration id, [reasons]], ...], written by
    # the task `events.tasks.refresh_recommendations` (building the index takes seconds: never in a request).
    recommendations = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event", "organisation__name_en", "user__display_name"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")]
        indexes = [models.Index(fields=["event", "state"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"

    def script_region(self) -> str:
        return self.organisation.home_zone.region

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or self.event.time_zone)

    @property
    def is_approved(self) -> bool:
        return self.state == RegistrationState.APPROVED


class InterestLevel(models.TextChoices):
    MUST = "must", _("Must meet")
    WOULD = "would", _("Would meet")
    NO_THANKS = "no_thanks", _("No thanks")


class Interest(models.Model):
    """How much one participant wants to meet another; a no-thanks on either side means no meeting."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="interests")
    source = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="interests_given")
    target = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="interests_received")
    level = models.CharField(_("interest"), max_length=10, choices=InterestLevel.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="one_interest_per_pair")]


class RequestState(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


# States in which a request counts against the cap of both people.
ACTIVE_REQUEST_STATES = (RequestState.REQUESTED, RequestState.ACCEPTED)


class MeetingRequest(models.Model):
    """A request to meet someone at the event, with a note; colleagues of the requester may join (a group)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requests_sent")
    recipient = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requests_received")
    colleagues = models.ManyToManyField(Registration, verbose_name=_("colleagues who join"), blank=True,
                                        related_name="requests_joined")
    note = long_text_field(_("note"), max_length=1_000, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=RequestState.choices,
                             default=RequestState.REQUESTED)
    weight = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event", "state", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient}"

    @property
    def is_overdue(self) -> bool:
        """Unanswered past its expiry time (expired, even before the periodic task records it)."""
        return self.state == RequestState.REQUESTED and self.expires_at <= timezone.now()


class MeetingState(models.TextChoices):
    UNSCHEDULED = "unscheduled", _("Not scheduled yet")
    SCHEDULED = "scheduled", _("Scheduled (draft)")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


# States whose meetings occupy their slot and table.
PLACED_STATES = (MeetingState.SCHEDULED, MeetingState.CONFIRMED)


class Meeting(models.Model):
    """An accepted request: the people who meet, and once scheduled its slot and table (or video room)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="meeting")
    people = models.ManyToManyField(Registration, through="Seat", related_name="meetings")
    state = models.CharField(_("state"), max_length=12, choices=MeetingState.choices,
                             default=MeetingState.UNSCHEDULED)
    slot = models.ForeignKey(Slot, null=True, blank=True, on_delete=models.RESTRICT, related_name="meetings")
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    video_link = models.URLField(_("video link"), blank=True, max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slot__number", "table", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "table"], name="one_meeting_per_table_and_slot",
                                    condition=models.Q(slot__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    def names(self) -> str:
        """Who meets, for messages: `Ann (TidePay), Bo (Sinovolt)`."""
        return ", ".join(f"{seat.registration.user} ({seat.registration.organisation})"
                         for seat in self.seats.select_related("registration__user", "registration__organisation"))


class Seat(models.Model):
    """One person at one meeting; the slot is copied here so the database refuses double bookings."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="seats")
    slot = models.ForeignKey(Slot, null=True, blank=True, on_delete=models.RESTRICT, related_name="seats")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "registration"], name="one_seat_per_person_and_meeting"),
            models.UniqueConstraint(fields=["registration", "slot"], name="one_meeting_per_person_and_slot",
                                    condition=models.Q(slot__isnull=False)),
        ]


class RunMode(models.TextChoices):
    ALL = "all", _("Schedule all")
    REST = "rest", _("Schedule the rest")


class ScheduleRun(models.Model):
    """One run of the scheduler: what it placed, its proven bound and its warnings."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    mode = models.CharField(max_length=4, choices=RunMode.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    requested = models.PositiveIntegerField(default=0)
    scheduled = models.PositiveIntegerField(default=0)
    kept = models.PositiveIntegerField(default=0)
    weight = models.FloatField(default=0)
    upper_bound = models.FloatField(default=0)
    optimal = models.BooleanField(default=False)
    method = models.CharField(max_length=32, blank=True)
    engine_seconds = models.FloatField(default=0)
    total_seconds = models.FloatField(default=0)
    # The engine's warnings as it wrote them (English, with our ids); pages translate them when shown.
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]


class Outcome(models.TextChoices):
    NONE = "none", _("Nothing yet")
    FOLLOW_UP = "follow_up", _("Follow-up agreed")
    DEAL = "deal", _("Deal")
    PILOT = "pilot", _("Pilot")


class Agreement(models.TextChoices):
    YES = "yes", _("Yes, an agreement was reached")
    IN_PROGRESS = "in_progress", _("Still talking")
    NO = "no", _("No")


class MeetingReport(models.Model):
    """One side's account of a meeting: held or not (no-show), the outcome, and months later the follow-up."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reports")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reports")
    held = models.BooleanField(_("the meeting took place"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.NONE)
    note = long_text_field(_("note"), max_length=1_000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    follow_up_due_on = models.DateField(_("second follow-up due"), null=True, blank=True)
    follow_up_asked_at = models.DateTimeField(null=True, blank=True)
    agreement = models.CharField(_("agreement reached"), max_length=12, choices=Agreement.choices, blank=True)
    agreement_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "registration"], name="one_report_per_side")]
        indexes = [models.Index(fields=["follow_up_due_on", "follow_up_asked_at"])]
