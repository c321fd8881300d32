"""Exchange programmes: rounds, positions at host organisations, applications and nominations, rank lists,
review with a weighted rubric, placement runs, offers and the cohort that follows."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.limits import long_text_field
from zonebridge.core.trilingual import TrilingualText, trilingual_fields


class Programme(TrilingualText):
    """An exchange programme from one zone (`home_zone`, where students come from) to another (`host_zone`,
    whose operators run it and whose organisations host)."""

    slug = models.SlugField(unique=True, max_length=80)
    home_zone = models.ForeignKey("directory.Zone", verbose_name=_("students from"), on_delete=models.PROTECT,
                                  related_name="+")
    host_zone = models.ForeignKey("directory.Zone", verbose_name=_("host zone"), on_delete=models.PROTECT,
                                  related_name="hosted_programmes")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    documents_required = models.CharField(_("documents required"), max_length=300, blank=True)

    TRILINGUAL_FIELDS = ("title", "description", "eligibility")
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200, required_english=True)
    description_en, description_zh_hans, description_zh_hant = trilingual_fields(_("description"))
    eligibility_en, eligibility_zh_hans, eligibility_zh_hant = trilingual_fields(_("eligibility"), max_length=500)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "slug"]

    def __str__(self) -> str:
        return self.title_en

    def script_region(self) -> str:
        return self.host_zone.region


class RoundState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    REVIEW = "review", _("In review")
    MATCHING = "matching", _("Matching")
    PUBLISHED = "published", _("Results published")
    CLOSED = "closed", _("Closed")


class Round(models.Model):
    """One round of a programme: applications and nominations, review, the match, offers.

    A second round (`previous` set) carries the unfilled places and the unplaced candidates of the one before.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"), default=1)
    previous = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="next_round")
    state = models.CharField(_("state"), max_length=16, choices=RoundState.choices, default=RoundState.DRAFT,
                             db_index=True)
    applications_close_at = models.DateTimeField(_("applications close"))
    offer_deadline = models.DateTimeField(_("offers must be answered by"))
    default_quota = models.PositiveSmallIntegerField(
        _("nominations per university"), default=5, validators=[MaxValueValidator(1000)],
        help_text=_("How many students each university may nominate, unless set for that university."))
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("reviewers"), blank=True,
                                       related_name="reviewed_rounds")
    blind_review = models.BooleanField(
        _("blind review"), default=False,
        help_text=_("Reviewers do not see the applicant's name, university or CV."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="one_round_number")]

    def __str__(self) -> str:
        return f"{self.programme} · {self.number}"

    @property
    def label(self) -> str:
        from django.utils.translation import gettext

        return gettext("%(programme)s, round %(number)s") % {"programme": self.programme.title,
                                                             "number": self.number}


class UniversityQuota(models.Model):
    """How many students one university may nominate in one round (else the round's default)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="quotas")
    university = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    quota = models.PositiveSmallIntegerField(_("quota"), validators=[MaxValueValidator(1000)])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "university"], name="one_quota_per_university")]


class PositionKind(models.TextChoices):
    INTERNSHIP = "internship", _("Internship")
    STARTUP_ROLE = "startup_role", _("Start-up role")


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    REMOTE = "remote", _("Remote")
    HYBRID = "hybrid", _("Hybrid")


class Position(TrilingualText):
    """Places at a host organisation in one round; the placement engine's "host" with `capacity` places."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="positions")
    host = models.ForeignKey("directory.Organisation", verbose_name=_("host organisation"),
                             on_delete=models.PROTECT, related_name="programme_positions")
    kind = models.CharField(_("kind"), max_length=16, choices=PositionKind.choices, default=PositionKind.INTERNSHIP)
    capacity = models.PositiveSmallIntegerField(_("places"), default=1,
                                                validators=[MinValueValidator(1), MaxValueValidator(500)])
    location = models.CharField(_("location"), max_length=120, blank=True)
    work_mode = models.CharField(_("remote or on site"), max_length=16, choices=WorkMode.choices,
                                 default=WorkMode.ON_SITE)
    stipend = models.CharField(_("stipend"), max_length=80, blank=True,
                               help_text=_("e.g. HKD 12,000 a month"))
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    # Empty: open to students of every university.
    universities = models.ManyToManyField("directory.Organisation", verbose_name=_("open only to students of"),
                                          blank=True, related_name="+")
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    TRILINGUAL_FIELDS = ("title", "description")
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200, required_english=True)
    description_en, description_zh_hans, description_zh_hant = trilingual_fields(_("description"))

    class Meta:
        ordering = ["round", "title_en", "pk"]

    def __str__(self) -> str:
        return f"{self.title_en} · {self.host}"

    def script_region(self) -> str:
        return self.host.home_zone.region


class ApplicationState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Applications that take part in the match: not yet decided, or accepted.
IN_THE_RUNNING = (ApplicationState.SUBMITTED, ApplicationState.ACCEPTED)


class ApplicationSource(models.TextChoices):
    STUDENT = "student", _("Applied")
    NOMINATION = "nomination", _("Nominated")
    CARRIED = "carried", _("Carried from the previous round")


class Application(models.Model):
    """A student's candidacy in a round: by their own application, a university's nomination, or carried over."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="applications")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="programme_applications")
    university = models.ForeignKey("directory.Organisation", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("source"), max_length=16, choices=ApplicationSource.choices,
                              default=ApplicationSource.STUDENT)
    state = models.CharField(_("state"), max_length=16, choices=ApplicationState.choices,
                             default=ApplicationState.SUBMITTED, db_index=True)
    statement = long_text_field(_("motivation"), max_length=3_000, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True,
                                 help_text=_("e.g. Mandarin (native), English (fluent), Cantonese (basic)"))
    score = models.FloatField(_("review score"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "student"], name="one_application_per_round")]

    def __str__(self) -> str:
        return f"{self.student} · {self.round}"


class NominationState(models.TextChoices):
    ACTIVE = "active", _("Nominated")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Nomination(models.Model):
    """A university coordinator's recommendation of one of their students for a round, within the quota."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="nominations")
    university = models.ForeignKey("directory.Organisation", on_delete=models.PROTECT, related_name="+")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="nominations")
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    recommendation = long_text_field(_("recommendation"), max_length=3_000, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=NominationState.choices,
                             default=NominationState.ACTIVE)
    created_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["round", "student"], condition=models.Q(state="active"),
                                               name="one_active_nomination")]


class StudentRank(models.Model):
    """One line of a student's rank list: `position` at `rank` (1 is the most wanted)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="ranks")
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="student_ranks")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["application", "rank"]
        constraints = [models.UniqueConstraint(fields=["application", "position"], name="student_ranks_once")]


class HostRank(models.Model):
    """One line of a position's rank list: `application` at `rank` (1 is the most wanted)."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="host_ranks")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="host_ranks")
    rank = models.PositiveIntegerField()

    class Meta:
        ordering = ["position", "rank"]
        constraints = [models.UniqueConstraint(fields=["position", "application"], name="host_ranks_once")]


class Criterion(TrilingualText):
    """One labelled criterion of a round's scoring rubric, with its weight."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    weight = models.PositiveSmallIntegerField(_("weight"), default=1,
                                              validators=[MinValueValidator(1), MaxValueValidator(100)])
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5,
                                                 validators=[MinValueValidator(1), MaxValueValidator(100)])

    TRILINGUAL_FIELDS = ("label",)
    label_en, label_zh_hans, label_zh_hant = trilingual_fields(_("criterion"), max_length=120,
                                                               required_english=True)

    class Meta:
        ordering = ["round", "pk"]

    def __str__(self) -> str:
        return self.label_en

    def script_region(self) -> str:
        return self.round.programme.host_zone.region


class Review(models.Model):
    """A reviewer's scores of one application on the round's rubric; `total` is the weighted share (0–100)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scores = models.JSONField(default=dict)
    total = models.FloatField()
    comment = long_text_field(_("comment"), max_length=2_000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_review_each")]


class PlacementRun(models.Model):
    """The committed match of a round: what went into the engine, what came out, and whether it is stable."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="placement_run")
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    inputs = models.JSONField()
    assignment = models.JSONField()
    explanations = models.JSONField(default=dict)
    stats = models.JSONField(default=dict)
    stable = models.BooleanField()
    blocking_pairs = models.JSONField(default=list)
    engine_seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    # When candidates, hosts and the operator were told (by the job that follows the run's commit).
    notified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.round} · {self.created_at:%Y-%m-%d %H:%M}"


class OfferState(models.TextChoices):
    OPEN = "open", _("Awaiting your answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    LAPSED = "lapsed", _("Place taken by someone else")
    # The nominating university withdrew the candidate after the match: the place is free again.
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Offer(models.Model):
    """A place at a position offered to a candidate, to accept or decline before `deadline`."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="offers")
    run = models.ForeignKey(PlacementRun, null=True, blank=True, on_delete=models.CASCADE, related_name="offers")
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="offers")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="offers")
    state = models.CharField(_("state"), max_length=16, choices=OfferState.choices, default=OfferState.OPEN,
                             db_index=True)
    deadline = models.DateTimeField(_("answer by"))
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["position", "application"], name="one_offer_per_place")]

    def __str__(self) -> str:
        return f"{self.application.student} → {self.position}"

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() > self.deadline


class ParticipantState(models.TextChoices):
    ACTIVE = "active", _("Taking part")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Participant(models.Model):
    """A member of a programme's cohort: a student who accepted an offer, with a mentor and check-ins."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="participants")
    offer = models.OneToOneField(Offer, on_delete=models.CASCADE, related_name="participant")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="participants")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               verbose_name=_("mentor"), related_name="mentored_participants")
    state = models.CharField(_("state"), max_length=16, choices=ParticipantState.choices,
                             default=ParticipantState.ACTIVE)
    completed_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "pk"]

    def __str__(self) -> str:
        return f"{self.student} · {self.programme}"


class CheckIn(models.Model):
    """A mentor's or operator's note on how a participant is doing."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="check_ins")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    note = long_text_field(_("note"), max_length=2_000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]


class Feedback(models.Model):
    """A participant's end-of-programme survey (it feeds the partnership's KPIs)."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("overall, from 1 to 5"),
                                              validators=[MinValueValidator(1), MaxValueValidator(5)])
    would_recommend = models.BooleanField(_("I would recommend this programme"), default=True)
    comment = long_text_field(_("comment"), max_length=2_000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
