"""Zones, organisations, the sector taxonomy and people's profiles: the shared directory."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zonebridge.core.trilingual import TrilingualReading, TrilingualText, trilingual_fields


class Region(models.TextChoices):
    """Where a zone is; it decides its Traditional Chinese variant and the personal-data law."""

    MAINLAND = "mainland", _("Chinese mainland")
    HONG_KONG = "hong_kong", _("Hong Kong")
    TAIWAN = "taiwan", _("Taiwan")


class Zone(TrilingualReading, models.Model):
    """A party to the partnership, e.g. the Lingang free-trade-zone developer or a Hong Kong start-up hub."""

    slug = models.SlugField(unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=120)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=120)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Shanghai")
    website = models.URLField(_("website"), blank=True)
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("operators"), blank=True, related_name="operated_zones"
    )

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name_en


class Sector(TrilingualReading, models.Model):
    """A node in the shared sector taxonomy, named in three languages."""

    slug = models.SlugField(unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=120)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=120)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name_en


class OrganisationKind(models.TextChoices):
    STARTUP = "startup", _("Start-up")
    COMPANY = "company", _("Company")
    INCUBATOR = "incubator", _("Incubator")
    UNIVERSITY = "university", _("University")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    INVESTOR = "investor", _("Investor")
    MEDIA = "media", _("Media")
    GOVERNMENT = "government", _("Government body")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    SEED = "seed", _("Seed")
    SERIES_A = "series_a", _("Series A")
    SERIES_B_PLUS = "series_b_plus", _("Series B and later")
    GROWTH = "growth", _("Growth")
    ESTABLISHED = "established", _("Established")


class Size(models.TextChoices):
    MICRO = "1-10", _("1–10 people")
    SMALL = "11-50", _("11–50 people")
    MEDIUM = "51-200", _("51–200 people")
    LARGE = "201-1000", _("201–1,000 people")
    ENTERPRISE = "1000+", _("More than 1,000 people")


class Organisation(TrilingualText):
    """A start-up, company, university, investor... with a trilingual profile, at home in one zone."""

    slug = models.SlugField(unique=True, max_length=80)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices, db_index=True)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, blank=True, db_index=True)
    size = models.CharField(_("size"), max_length=16, choices=Size.choices, blank=True)
    home_zone = models.ForeignKey(Zone, verbose_name=_("home zone"), on_delete=models.PROTECT,
                                  related_name="organisations")
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="organisations")
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founded"), null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)])

    # The profile texts an organisation writes, each in English, Simplified and Traditional Chinese.
    TRILINGUAL_FIELDS = ("name", "summary", "description")
    name_en, name_zh_hans, name_zh_hant = trilingual_fields(_("name"), max_length=200, required_english=True)
    summary_en, summary_zh_hans, summary_zh_hant = trilingual_fields(_("summary"), max_length=300)
    description_en, description_zh_hans, description_zh_hant = trilingual_fields(_("description"))

    # Normalised (Simplified, case-folded, segmented) tokens of every language version, for full-text search.
    search_document = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]
        indexes = [models.Index(fields=["home_zone", "kind"])]

    def __str__(self) -> str:
        return self.name_en

    def script_region(self) -> str:
        return self.home_zone.region


