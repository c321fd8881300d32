"""Offers and needs of organisations, expressions of interest, stored recommendations and saved searches."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.limits import long_text_field
from zonebridge.core.trilingual import TrilingualText, trilingual_fields
from zonebridge.directory.models import Organisation, Sector, Zone


class Direction(models.TextChoices):
    OFFER = "offer", _("Offer")
    NEED = "need", _("Need")


class Kind(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership")
    MARKET_ENTRY = "market_entry", _("Market entry")
    DISTRIBUTION = "distribution", _("Distribution")
    INVESTMENT_SOUGHT = "investment_sought", _("Investment sought")
    INVESTMENT_OFFERED = "investment_offered", _("Investment offered")
    TECHNOLOGY_OFFER = "technology_offer", _("Technology offer")
    TECHNOLOGY_REQUEST = "technology_request", _("Technology request")
    RD_COOPERATION = "rd_cooperation", _("R&D cooperation")
    INTERNSHIP = "internship", _("Internship")
    JOB = "job", _("Job")
    STARTUP_OPPORTUNITY = "startup_opportunity", _("Start-up opportunity")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    SIGNED_IN = "signed_in", _("Signed-in users")
    PARTNER_ZONE = "partner_zone", _("The partner zone only")


class Language(models.TextChoices):
    EN = "en", _("English")
    ZH_HANS = "zh_hans", _("Simplified Chinese")
    ZH_HANT = "zh_hant", _("Traditional Chinese")


class Opportunity(TrilingualText):
    """An offer or a need posted by an organisation, open between its validity dates unless withdrawn."""

    TRILINGUAL_FIELDS = ("title", "description")

    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="opportunities")
    direction = models.CharField(_("offer or need"), max_length=8, choices=Direction.choices, default=Direction.NEED)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, db_index=True)
    title_en, title_zh_hans, title_zh_hant = trilingual_fields(_("title"), max_length=200)
    description_en, description_zh_hans, description_zh_hant = trilingual_fields(_("description"))
    # The language the author wrote in (detected when not given); the index reads that version first.
    language = models.CharField(_("written in"), max_length=8, choices=Language.choices, default=Language.EN)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="opportunities")
    target_zone = models.ForeignKey(Zone, verbose_name=_("target zone"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="targeted_opportunities",
                                    help_text=_("Where you look for a partner; empty: any zone."))
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True,
                                   help_text=_("The posting leaves the listings after this day; empty: open-ended."))
    visibility = models.CharField(_("visible to"), max_length=16, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [models.Index(fields=["valid_until", "withdrawn_at"]), models.Index(fields=["organisation", "kind"])]

    def __str__(self) -> str:
        return self.title_en or self.title_zh_hans or self.title_zh_hant

    def script_region(self) -> str:
        return self.organisation.home_zone.region

    def is_open(self, today=None) -> bool:
        """Listed now: not withdrawn, started and not past its last day."""
        today = today or timezone.localdate()
        return (self.withdrawn_at is None and self.valid_from <= today
                and (self.valid_until is None or self.valid_until >= today))


class InterestState(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Outcome(models.TextChoices):
    UNKNOWN = "", _("Not reported yet")
    NO_REPLY = "no_reply", _("No reply")
    TALKING = "talking", _("Talking")
    DEAL = "deal", _("Deal")
    PILOT = "pilot", _("Pilot")
    INVESTMENT = "investment", _("Investment")


class IntroductionRoute(models.TextChoices):
    DIRECT = "direct", _("Contacts shared directly")
    OPERATOR = "operator", _("Through the zone operators")


class InterestExpression(models.Model):
    """An organisation's interest in a posting, with a message; the owner accepts or declines it."""

    opportunity = models.ForeignKey(Opportunity, verbose_name=_("opportunity"), on_delete=models.CASCADE,
                                    related_name="interests")
    organisation = models.ForeignKey(Organisation, verbose_name=_("interested organisation"),
                                     on_delete=models.CASCADE, related_name="interests_sent")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT,
                                related_name="interests_sent")
    message = long_text_field(_("message"), max_length=2_000)
    state = models.CharField(_("state"), max_length=12, choices=InterestState.choices, default=InterestState.SENT,
                             db_index=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="interests_decided")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    introduction_route = models.CharField(_("introduction"), max_length=12, choices=IntroductionRoute.choices,
                                          blank=True)
    brokered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("introduced by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="interests_brokered")
    brokered_at = models.DateTimeField(_("introduced"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True, default="")
    outcome_at = models.DateTimeField(_("outcome reported"), null=True, blank=True)
    follow_up_due = models.DateTimeField(_("follow-up due"), null=True, blank=True, db_index=True)
    follow_up_sent_at = models.DateTimeField(_("follow-up sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [models.UniqueConstraint(fields=["opportunity", "organisation"],
                                               name="one_interest_per_organisation_and_posting")]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.opportunity}"

    @property
    def is_cross_zone(self) -> bool:
        return self.organisation.home_zone_id != self.opportunity.organisation.home_zone_id


class RecommendationKind(models.TextChoices):
    FOR_ORGANISATION = "for_org", _("Posting recommended to an organisation")
    FITS_POSTING = "fits", _("Organisation that fits a posting")


class Recommendation(models.Model):
    """A stored match between an organisation and a posting, with the engine's score and reasons.

    Computed by background jobs when a profile or a posting changes; pages only read these rows.
    """

    kind = models.CharField(max_length=8, choices=RecommendationKind.choices)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="recommendations")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="recommendations")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["kind", "organisation", "opportunity"],
                                               name="one_recommendation_per_pair")]
        indexes = [models.Index(fields=["kind", "organisation", "rank"]),
                   models.Index(fields=["kind", "opportunity", "rank"])]


class SavedSearch(models.Model):
    """A user's search, mailed to them weekly with the postings that are new since the last digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    q = models.CharField(_("search"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, blank=True)
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), null=True, blank=True, on_delete=models.CASCADE)
    zone = models.ForeignKey(Zone, verbose_name=_("zone"), null=True, blank=True, on_delete=models.CASCADE)
    is_active = models.BooleanField(_("weekly e-mail"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.q or str(_("All opportunities"))
