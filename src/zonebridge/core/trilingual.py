"""User-written texts in English, Simplified and Traditional Chinese, written once per script.

A model that holds such texts inherits `TrilingualText`, declares `TRILINGUAL_FIELDS` (e.g. `("title",
"description")`), creates the three columns of each with `trilingual_fields(...)`, and says which region's
conversion applies (`script_region()`). The author writes Chinese in one script (`chinese_source`); `apply_texts`
fills the other script with OpenCC, keeps a hand override across later edits (`hand_written_fields`), and never
produces English by machine. Every app's services call `apply_texts`; nothing else writes these fields.
"""

from django.db import models
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from zonebridge.core.chinese import convert
from zonebridge.core.limits import long_text_field

# Field-name suffixes of the three languages, in the order forms show them.
LANGUAGE_SUFFIXES = ("en", "zh_hans", "zh_hant")
SUFFIX_OF_LANGUAGE = {"en": "en", "zh-hans": "zh_hans", "zh-hant": "zh_hant"}
LANGUAGE_NAMES = {"en": _("English"), "zh_hans": _("Simplified Chinese"), "zh_hant": _("Traditional Chinese")}
# When a text is missing in the reader's language, show the closest one first.
FALLBACK_SUFFIXES = {
    "en": ("en", "zh_hans", "zh_hant"),
    "zh_hans": ("zh_hans", "zh_hant", "en"),
    "zh_hant": ("zh_hant", "zh_hans", "en"),
}

# OpenCC configurations per region: (Simplified → Traditional, Traditional → Simplified).
# The partnership's Traditional readers are in Hong Kong, so mainland texts also get Hong Kong forms
# (為) rather than the OpenCC dictionary standard (爲).
SCRIPT_CONVERSIONS = {
    "hong_kong": ("s2hk", "hk2s"),
    "taiwan": ("s2twp", "tw2sp"),
    "mainland": ("s2hk", "t2s"),
}


class ChineseScript(models.TextChoices):
    SIMPLIFIED = "zh_hans", _("Simplified Chinese")
    TRADITIONAL = "zh_hant", _("Traditional Chinese")


def current_suffix() -> str:
    """Return the field suffix (`en`, `zh_hans`, `zh_hant`) of the active language."""
    return SUFFIX_OF_LANGUAGE.get((translation.get_language() or "en").lower(), "en")


def field_names(fields: tuple[str, ...] | list[str]) -> list[str]:
    """All language columns of `fields`: `["title_en", "title_zh_hans", "title_zh_hant", ...]`."""
    return [f"{field}_{suffix}" for field in fields for suffix in LANGUAGE_SUFFIXES]


def trilingual_fields(label, *, max_length: int | None = None, blank: bool = True,
                      required_english: bool = False) -> tuple[models.Field, models.Field, models.Field]:
    """The three columns of one text: `title_en, title_zh_hans, title_zh_hant = trilingual_fields("title", ...)`.

    With `max_length` they are CharFields, otherwise TextFields limited to `core.limits.LONG_TEXT_MAX_LENGTH`;
    `label` is a lazily translated field label.
    """
    def column(suffix: str) -> models.Field:
        # Composed when shown, so "title (English)" reads as 标题（英文） on a Chinese page.
        verbose = format_lazy(_("{field} ({language})"), field=label, language=LANGUAGE_NAMES[suffix])
        optional = blank and not (required_english and suffix == "en")
        if max_length:
            return models.CharField(verbose, max_length=max_length, blank=optional)
        return long_text_field(verbose, blank=optional)

    return column("en"), column("zh_hans"), column("zh_hant")


def conversion_for(region: str, source: str) -> str:
    """Return the OpenCC configuration that turns `source`-script text into the other script in `region`."""
    to_traditional, to_simplified = SCRIPT_CONVERSIONS[region]
    return to_traditional if source == ChineseScript.SIMPLIFIED else to_simplified


def other_script(source: str) -> str:
    """The Chinese script that is not `source`."""
    return ChineseScript.TRADITIONAL if source == ChineseScript.SIMPLIFIED else ChineseScript.SIMPLIFIED


class TrilingualReading:
    """Read a trilingual field in the reader's language, falling back to the closest written version."""

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


class TrilingualText(TrilingualReading, models.Model):
    """Abstract base of a model with author-written trilingual texts and automatic 简↔繁 conversion.

    Each name in `TRILINGUAL_FIELDS` becomes a property that reads the text in the reader's language
    (`call.title` is `call.in_language("title")`), unless the model defines that name itself.
    """

    TRILINGUAL_FIELDS: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for field in cls.__dict__.get("TRILINGUAL_FIELDS", ()):
            if field not in cls.__dict__:
                setattr(cls, field, property(lambda self, field=field: self.in_language(field),
                                             doc=f"The {field} in the reader's language."))

    # The script the author writes Chinese in; the other script is converted with OpenCC unless
    # the field is listed in `hand_written_fields` (an author's override, kept on later edits).
    chinese_source = models.CharField(_("Chinese script you write in"), max_length=8, choices=ChineseScript.choices,
                                      default=ChineseScript.SIMPLIFIED)
    hand_written_fields = models.JSONField(default=list, blank=True)

    class Meta:
        abstract = True

    def script_region(self) -> str:
        """The region (`mainland`, `hong_kong`, `taiwan`) whose conventions the converted script follows."""
        raise NotImplementedError

    def text_field_names(self) -> list[str]:
        """Every language column of this model's trilingual texts."""
        return field_names(self.TRILINGUAL_FIELDS)


def apply_texts(instance: TrilingualText, texts: dict[str, str]) -> None:
    """Set the instance's texts from `texts` (omitted ones stay), converting the non-source Chinese script.

    A converted field counts as written by hand when the author typed something other than what the
    conversion gives (of the old or the new source text); clearing it returns it to automatic conversion.
    English is never produced by machine. Nothing is saved: the calling service saves in its transaction.
    """
    source = instance.chinese_source
    target = other_script(source)
    config = conversion_for(instance.script_region(), source)
    hand_written = set(instance.hand_written_fields)
    for field in instance.TRILINGUAL_FIELDS:
        source_name, target_name = f"{field}_{source}", f"{field}_{target}"
        old_source = getattr(instance, source_name)
        new_source = (texts.get(source_name, old_source) or "").strip()
        submitted = (texts.get(target_name, getattr(instance, target_name)) or "").strip()
        converted = convert(new_source, config)
        machine_made = {convert(old_source, config), converted}
        if not submitted or (submitted in machine_made and target_name not in hand_written) or submitted == converted:
            setattr(instance, target_name, converted)
            hand_written.discard(target_name)
        else:
            setattr(instance, target_name, submitted)
            hand_written.add(target_name)
        setattr(instance, source_name, new_source)
        setattr(instance, f"{field}_en", (texts.get(f"{field}_en", getattr(instance, f"{field}_en")) or "").strip())
    instance.hand_written_fields = sorted(hand_written)


def all_language_texts(instance, fields: tuple[str, ...] | list[str]) -> list[str]:
    """Every language version of `fields` of `instance` (for search documents)."""
    return [getattr(instance, name) for name in field_names(fields)]
