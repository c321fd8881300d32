"""Template helpers: user content in the reader's Chinese script, query strings, and a page's own QR code."""

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from zonebridge.core.qr import qr_svg
from zonebridge.engine.text import convert_script

register = template.Library()

READER_SCRIPT_CONVERSION = {"zh-hans": "t2s", "zh-hant": "s2hk"}


@register.filter
def in_reader_script(text: str) -> str:
    """Show user-written Chinese in the reader's script (OpenCC); English and other text pass through."""
    config = READER_SCRIPT_CONVERSION.get((translation.get_language() or "").lower())
    return convert_script(text, config) if config and text else text


@register.simple_tag(takes_context=True)
def url_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and facet links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()


@register.inclusion_tag("includes/page_qr_code.html", takes_context=True)
def page_qr_code(context, url: str = "") -> dict:
    """A small QR code of this page's address (or of url), to hand the page from a desk to a phone."""
    address = context["request"].build_absolute_uri(url or context["request"].get_full_path())
    label = _("QR code of this page: %(address)s") % {"address": address}
    return {"qr_svg": mark_safe(qr_svg(address, label=label)), "qr_address": address}
