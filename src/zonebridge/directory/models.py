"""Zones, organisations, the sector taxonomy and people's profiles: the shared directory."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from zonebridge.core.limits import long_text_field

LANGUAGE_FIELD_SUFFIX = {"en": "en", "zh-hans": "zh_hans", "zh-hant": "zh_hant"}
# When a text is missing in the reader's language, show the closest one first.
FALLBACK_SUFFIXES = {
    "en": ("en", "zh_hans", "zh_hant"),
    "zh_hans": ("zh_hans", "zh_hant", "en"),
    "zh_hant": ("zh_hant", "zh_hans", "en"),
}


def current_suffix() -> str:
    """Return the field suffix (`en`, `zh_hans`, `zh_hant`) of the active language."""
    return LANGUAGE_FIELD_SUFFIX.get((translation.get_language() or "en").lower(), "en")


class TrilingualMixin:
    """Read `name`/`summary`/... in the reader's language, falling back to the closest written version."""

    def in_language(self, field: str, suffix: str | None = None) -> str:
        """Return the text of `field` in the active (or given) language, or its closest fallback."""
        for candidate in FALLBACK_SUFFIXES[suffix or current_suffix()]:
            value = getattr(self, f"{field}_{candidate}", "")
            if value:
                return value
        return ""

    @property
    def name(self) -> str:
        return self.in_language("name")


class Region(models.TextChoices):
    """Where a zone is; it decides its Traditional Chinese variant and the personal-data law."""

    MAINLAND = "mainland", _("Chinese mainland")
    HONG_KONG = "hong_kong", _("Hong Kong")
    TAIWAN = "taiwan", _("Taiwan")


class Zone(TrilingualMixin, models.Model):
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


class Sector(TrilingualMixin, models.Model):
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


class ChineseScript(models.TextChoices):
    SIMPLIFIED = "zh_hans", _("Simplified Chinese")
    TRADITIONAL = "zh_hant", _("Traditional Chinese")


# The profile texts an organisation writes; each exists in English, Simplified and Traditional Chinese.
PROFILE_TEXT_FIELDS = ("name", "summary", "description")


class Organisation(TrilingualMixin, models.Model):
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

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200, blank=True)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    summary_zh_hans = models.CharField(_("summary (Simplified Chinese)"), max_length=300, blank=True)
    summary_zh_hant = models.CharField(_("summary (Traditional Chinese)"), max_length=300, blank=True)
    description_en = long_text_field(_("description (English)"), blank=True)
    description_zh_hans = long_text_field(_("description (Simplified Chinese)"), blank=True)
    description_zh_hant = long_text_field(_("description (Traditional Chinese)"), blank=True)

    # The script the author writes Chinese in; the other script is converted with OpenCC unless
    # the field is listed in `hand_written_fields` (an author's override, kept on later edits).
    chinese_source = models.CharField(_("Chinese script you write in"), max_length=8, choices=ChineseScript.choices,
                                      default=ChineseScript.SIMPLIFIED)
    hand_written_fields = models.JSONField(default=list, blank=True)

    # Normalised (Simplified, case-folded, segmented) tokens of every language version, for full-text search.
    search_document = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]
        indexes = [models.Index(fields=["home_zone", "kind"])]

    def __str__(self) -> str:
        return self.name_en

    @property
    def summary(self) -> str:
        return self.in_language("summary")

    @property
    def description(self) -> str:
        return self.in_language("description")


class PersonProfile(models.Model):
    """What the directory shows about a person: public fields, and personal data behind consent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    bio = long_text_field(_("about"), max_length=2_000, blank=True)
    skills = models.CharField(_("skills"), max_length=300, blank=True)
    # Unlisted unless the person chooses a public profile: a person's name, university and skills are not
    # published by default (students especially).
    is_listed = models.BooleanField(
        _("listed in the directory"), default=False,
        help_text=_("Show your name, headline, about text, skills and organisations to everyone, "
                    "in the directory and its API. Off unless you turn it on."))

    # Personal data: shown across a zone border only with the person's consent (accounts.Consent).
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    nationality = models.CharField(_("nationality"), max_length=60, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    cv = models.FileField(_("CV"), upload_to="cv/", blank=True)

    def __str__(self) -> str:
        return str(self.user)
