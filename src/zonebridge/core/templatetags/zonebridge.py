"""Template helpers: user content in the reader's Chinese script, the engine's match reasons, query strings, and a
page's own QR code."""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zonebridge.core.chinese import for_reader
from zonebridge.core.qr import qr_svg
from zonebridge.core.trilingual import current_suffix
from zonebridge.engine.text import script_of

register = template.Library()

@register.filter
def in_reader_script(text: str) -> str:
    """Show user-written Chinese in the reader's script, converting only text written in the other one.

    Never use it on a person's name: names are written as their owner writes them.
    """
    return for_reader(text, current_suffix()) if text else text


# The engine's reasons for a match (engine/retrieval/reasons.py): words of the two texts, each as its author wrote it,
# paired by " ↔ " when the languages differ ("battery ↔ 電池"), or, when only the meaning is close, this phrase.
REASON_PAIR = " ↔ "
REASON_PHRASES = {"similar meaning": _("similar meaning")}
CHINESE = re.compile(r"[\u3400-\u9fff]")
LANGUAGE_OF_SCRIPT = {"zh_hans": "zh-Hans", "zh_hant": "zh-Hant", None: "zh"}


@register.filter
def match_reason(reason: str, output: str = "html") -> str:
    """One of the engine's reasons for a match, for the reader: Chinese words in their script, words in another
    language marked as such (`lang`), so a screen reader reads "battery" as English on a Chinese page.

    `output` "text" gives plain text (e-mails): the same words without the marking.
    """
    if reason in REASON_PHRASES:
        return str(REASON_PHRASES[reason])
    reader = current_suffix()
    chinese_reader = reader in ("zh_hans", "zh_hant")
    words, marked = [], []
    for side in reason.split(REASON_PAIR):
        if CHINESE.search(side):
            word = for_reader(side, reader)
            language = "" if chinese_reader else LANGUAGE_OF_SCRIPT[script_of(word)]
        else:
            word, language = side, "en" if chinese_reader else ""
        # 投資 ↔ 投资 is one word once both sides are in the reader's script.
        if any(word.casefold() == seen.casefold() for seen in words):
            continue
        words.append(word)
        marked.append(format_html('<span lang="{}">{}</span>', language, word) if language else format_html("{}", word))
    if output == "text":
        return REASON_PAIR.join(words)
    return mark_safe(REASON_PAIR.join(marked))  # each side escaped by format_html


@register.inclusion_tag("includes/conversion_note.html", takes_context=True)
def conversion_note(context, obj, edit_url: str = ""):
    """A small note when some of `obj`'s texts on this page were converted from the other Chinese script."""
    reader = current_suffix()
    converted = reader in ("zh_hans", "zh_hant") and reader != obj.chinese_source and any(
        getattr(obj, f"{field}_{reader}") and f"{field}_{reader}" not in obj.hand_written_fields
        for field in obj.TRILINGUAL_FIELDS)
    return {"converted": converted, "source": obj.chinese_source, "edit_url": edit_url}


@register.filter
def widget_in_its_language(field):
    """A form field's widget, marked `lang` when it holds Chinese in the other script than the page's (a person's own
    text kept as written), so a screen reader reads it in its language."""
    value = field.value()
    script = script_of(value) if isinstance(value, str) and CHINESE.search(value) else None
    if script is None or script == current_suffix():
        return field.as_widget()
    return field.as_widget(attrs={"lang": LANGUAGE_OF_SCRIPT[script]})


@register.inclusion_tag("includes/conversion_note.html")
def text_conversion_note(text: str):
    """The same note for one text shown through `in_reader_script` (a message, a note) when it was converted."""
    reader, source = current_suffix(), script_of(text) if text else None
    return {"converted": reader in ("zh_hans", "zh_hant") and source not in (None, reader), "source": source}


@register.simple_tag(takes_context=True)
def url_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and facet links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()


# What readers call a zone's time: 北京时间 is how the mainland names UTC+8, 香港時間 how Hong Kong does.
TIME_ZONE_NAMES = {"Asia/Shanghai": _("Shanghai time"), "Asia/Hong_Kong": _("Hong Kong time"),
                   "Asia/Taipei": _("Taipei time")}


@register.filter
def time_zone_name(zone: str) -> str:
    """A time zone as readers name it (`Asia/Shanghai` → Shanghai time / 北京时间); unknown ones as they are."""
    return TIME_ZONE_NAMES.get(zone, zone)


# The BCP 47 tag of each interface language: the script and the region whose conventions the page follows.
HTML_LANGUAGE_TAGS = {"zh-hans": "zh-Hans-CN", "zh-hant": "zh-Hant-HK", "en": "en"}


@register.simple_tag
def html_language(code: str) -> str:
    """The `lang` attribute of a page in interface language `code`."""
    return HTML_LANGUAGE_TAGS.get((code or "en").lower(), code)


@register.inclusion_tag("includes/page_qr_code.html", takes_context=True)
def page_qr_code(context, url: str = "") -> dict:
    """A small QR code of this page's address (or of url), to hand the page from a desk to a phone."""
    address = context["request"].build_absolute_uri(url or context["request"].get_full_path())
    label = gettext("QR code of this page: %(address)s") % {"address": address}
    return {"qr_svg": mark_safe(qr_svg(address, label=label)), "qr_address": address}
